"""Rule 6: delivery reports, read receipts and mail the provider marked as spam get no reply."""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class Report(Guard):
    name = "report"
    description = "multipart/report (bounce, read receipt) or marked as spam by the provider"

    def check(self, msg, ctx):
        if msg.content_type == "multipart/report":
            return "multipart/report (a bounce or receipt)"
        flag = (msg.header("x-spam-flag") or msg.header("x-spam") or "").strip().lower()
        if flag.startswith("yes") or flag == "true":
            return "marked as spam by the provider"
        status = (msg.header("x-spam-status") or "").strip().lower()
        if status.startswith("yes"):
            return "marked as spam by the provider (X-Spam-Status)"
        return None
