"""Rule 1: reply only to a single, non-empty Return-Path address."""
from nejtak.bot.guards.base import GUARDS, Guard
from nejtak.responders.email_reply import valid_address


@GUARDS.register
class ReturnPath(Guard):
    name = "return_path"
    description = "Return-Path missing, empty <> or holding several addresses"

    def check(self, msg, ctx):
        if msg.channel != "email":
            return None  # a chat reply goes back into the same chat
        paths = msg.return_paths
        if paths is None:
            return "no Return-Path header"
        if len(paths) > 1:
            return f"{len(paths)} Return-Path addresses"
        if not paths or not paths[0]:
            return "null Return-Path <> (a bounce or notification)"
        if not valid_address(paths[0]):
            return f"Return-Path {paths[0][:80]!r} is not one plain address"
        return None
