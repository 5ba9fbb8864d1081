"""Rule 3: lists and bulk mail get no reply; bulk marketing is handled by unsubscribe."""
import re

from nejtak.bot.guards.base import GUARDS, Guard

_LIST_HEADERS = ("list-id", "list-help", "list-subscribe", "list-unsubscribe", "list-post",
                 "list-owner", "list-archive")
_SUPPRESS = re.compile(r"\b(all|oof|autoreply)\b", re.IGNORECASE)


@GUARDS.register
class MailingList(Guard):
    name = "mailing_list"
    description = "List-* header, Precedence bulk/junk/list, X-Auto-Response-Suppress, Feedback-ID"

    def check(self, msg, ctx):
        for name in _LIST_HEADERS:
            if msg.has_header(name):
                return f"{name} header"
        precedence = (msg.header("precedence") or "").strip().lower()
        if precedence in ("bulk", "junk", "list"):
            return f"Precedence: {precedence}"
        suppress = msg.header("x-auto-response-suppress") or ""
        if _SUPPRESS.search(suppress):
            return f"X-Auto-Response-Suppress: {suppress[:40]}"
        if msg.has_header("feedback-id"):
            return "Feedback-ID header (bulk sender)"
        return None
