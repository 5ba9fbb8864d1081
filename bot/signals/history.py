"""Signals from the sender's history with the owner: known people count against a pitch."""
from bot.signals.base import SIGNALS, Signal


@SIGNALS.register
class UnknownSender(Signal):
    name = "UNKNOWN_SENDER"
    description = "First contact: the owner never wrote to this sender and they never wrote before"

    def check(self, msg, ctx):
        h = ctx.history
        if not h.known and h.earlier_contacts == 0 and not h.refusals:
            return f"{msg.sender} has no history with the owner"
        return None


@SIGNALS.register
class EarlierContacts(Signal):
    name = "EARLIER_CONTACTS"
    description = "The sender wrote before and the owner never answered (a follow-up sequence)"

    def check(self, msg, ctx):
        h = ctx.history
        if not h.known and h.earlier_contacts > 0:
            return f"{h.earlier_contacts} earlier unanswered message(s)"
        return None


@SIGNALS.register
class RepeatAfterRefusal(Signal):
    name = "REPEAT_AFTER_REFUSAL"
    description = "The sender, or a colleague at the same company, was already asked to stop"

    def check(self, msg, ctx):
        h = ctx.history
        if h.refusals and not h.wanted:
            via = f" ({h.refused_via})" if h.refused_via else ""
            return f"removal requested on {h.first_request_at:%Y-%m-%d}{via}"
        return None


@SIGNALS.register
class KnownCorrespondent(Signal):
    name = "KNOWN_CORRESPONDENT"
    description = "The owner has written to this sender"

    def check(self, msg, ctx):
        return "the owner wrote to this sender before" if ctx.history.owner_wrote_to else None


@SIGNALS.register
class OwnerThread(Signal):
    name = "OWNER_THREAD"
    description = "The message answers a message the owner sent"

    def check(self, msg, ctx):
        return "In-Reply-To/References name the owner's message" if ctx.history.in_owner_thread else None


@SIGNALS.register
class WantedSender(Signal):
    name = "WANTED_SENDER"
    description = "The owner marked this sender as wanted"

    def check(self, msg, ctx):
        return "on the owner's wanted list" if ctx.history.wanted else None
