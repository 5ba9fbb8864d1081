"""The reply rules of DESIGN.md, in its order; the first that fires is reported as blocked_by."""
from nejtak.bot.guards import (  # noqa: F401  (registration order is the rules' order)
    return_path,
    auto_submitted,
    mailing_list,
    newsletter,
    system_sender,
    recipient,
    report,
    authentication,
    already_answered,
    known_correspondent,
    inbound_lead,
)
from nejtak.bot.guards.base import GUARDS
from nejtak.bot.guards.inbound_lead import InboundLead
from nejtak.bot.verdict import Block

_BUYER = InboundLead()


def first_block(msg, ctx) -> Block | None:
    """The first reply rule that stops a reply to this message, or None."""
    for guard in GUARDS:
        reason = guard.check(msg, ctx)
        if reason:
            return Block(guard.name, reason)
    return None


def is_buyer(msg, ctx) -> bool:
    """Whether the inbound_lead rule holds, whichever rule came first: a buyer is never
    escalated nor suggested for a block (bot/policy.py), even when another rule stops the reply."""
    return _BUYER.check(msg, ctx) is not None
