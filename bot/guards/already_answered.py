"""Rule 8: one refusal, at most one reminder, then silence; blocked senders get nothing."""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class AlreadyAnswered(Guard):
    name = "already_answered"
    description = "This sender (or their company) already got a refusal and a reminder, or is blocked"

    def check(self, msg, ctx):
        history = ctx.history
        if history.answers_our_reply:
            return "answers nejtak's own reply (an acknowledgement is not a new contact)"
        if history.blocked:
            return "sender is blocked"
        if len(history.refusals) >= 2:
            first = history.first_request_at
            return f"already asked {len(history.refusals)} times, first on {first:%Y-%m-%d}"
        return None
