"""Rule 5: answer only mail sent to the owner by someone else, not blind copies or aliases."""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class Recipient(Guard):
    name = "recipient"
    description = "Sent by the owner, or none of the owner's addresses in To/Cc/Bcc/Resent-*"

    def check(self, msg, ctx):
        if msg.channel != "email":
            return None  # a private chat is addressed to the owner by nature
        mine = set(ctx.config.owner.addresses)
        if not mine:
            return "no owner address configured, so no message can be shown to be for the owner"
        if (msg.return_path or "").lower() in mine or msg.from_address in mine:
            return "sent by the owner"
        if not mine.intersection(msg.recipients):
            return "none of the owner's addresses is a recipient (blind copy or alias)"
        return None
