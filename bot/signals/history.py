"""Signals from the sender's history with the owner: known people count against a pitch."""
from nejtak.bot.signals.base import SIGNALS, Signal


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
            if h.refused_via.startswith("blocked:"):
                return f"a colleague at {h.refused_via[8:]} was blocked on {h.first_request_at:%Y-%m-%d}"
            via = f" ({h.refused_via})" if h.refused_via else ""
            return f"removal requested on {h.first_request_at:%Y-%m-%d}{via}"
        return None


@SIGNALS.register
class OwnerMarkedPitch(Signal):
    name = "OWNER_MARKED_PITCH"
    description = ("The owner marked earlier messages from this sender as pitches (a digest tap, a move "
                   "into the pitch folder, `nejtak learn`)")

    def check(self, msg, ctx):
        h = ctx.history
        if h.pitch_labels and not h.known:
            return (f"{h.pitch_labels} earlier message(s) from this sender marked pitch by the owner"
                    f"{_last_on(h.last_pitch_label)}")
        return None


@SIGNALS.register
class OrganisationServiceMail(Signal):
    name = "ORGANISATION_SERVICE_MAIL"
    description = ("The sender's organisation sent the owner machine mail before (no-reply, Auto-Submitted: "
                   "an account, an order, a web form the owner filled in): it may be answering the owner's "
                   "own request, so nejtak drafts rather than answers it (bot/policy.py)")

    def check(self, msg, ctx):
        h = ctx.history
        if h.org_service_mail and not h.known:
            return (f"machine mail from {h.org_service_mail} other address(es) at the sender's organisation"
                    f"{_last_on(h.last_org_service_mail)}")
        return None


def _last_on(at) -> str:
    """", last on 2026-11-20" for evidence, or "" when the time is not known."""
    return f", last on {at:%Y-%m-%d}" if at else ""


# Facts of the sender history that speak for wanted mail: (signal, history field, description, evidence).
_KNOWN = [
    ("KNOWN_CORRESPONDENT", "owner_wrote_to", "The owner has written to this sender",
     "the owner wrote to this sender before"),
    ("OWNER_THREAD", "in_owner_thread", "The message answers a message the owner sent",
     "In-Reply-To/References name the owner's message"),
    ("OWN_ORGANISATION", "same_organisation", "The sender works at the owner's own organisation",
     "a colleague: the sender's domain is the owner's organisation"),
    ("WANTED_SENDER", "wanted", "The owner marked this sender as wanted", "on the owner's wanted list"),
]


def _known_signal(name: str, field: str, description: str, evidence: str) -> type[Signal]:
    class Known(Signal):
        def check(self, msg, ctx):
            if not getattr(ctx.history, field):
                return None
            via = getattr(ctx.history, f"{field}_via", "")  # wanted_via: a colleague was marked
            return f"{evidence} ({via})" if via else evidence

    Known.name, Known.description = name, description
    Known.__name__ = Known.__qualname__ = name.title().replace("_", "")
    return Known


for _row in _KNOWN:
    SIGNALS.register(_known_signal(*_row))
