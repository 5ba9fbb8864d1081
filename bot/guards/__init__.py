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
    forwarded,
)
from nejtak.bot.guards.auto_submitted import VENDOR_MARKERS, AutoSubmitted
from nejtak.bot.guards.base import GUARDS
from nejtak.bot.guards.forwarded import Forwarded
from nejtak.bot.guards.inbound_lead import InboundLead
from nejtak.bot.guards.system_sender import SystemSender
from nejtak.bot.verdict import Block

_NO_SELLER = (InboundLead(), Forwarded())  # the rules that say the sender is not selling
_MACHINE = (SystemSender(), AutoSubmitted())  # the rules that tell machine mail


def first_block(msg, ctx) -> Block | None:
    """The first reply rule that stops a reply to this message, or None."""
    for guard in GUARDS:
        reason = guard.check(msg, ctx)
        if reason:
            return Block(guard.name, reason)
    return None


def is_no_seller(msg, ctx) -> bool:
    """Whether the inbound_lead or forwarded rule holds, whichever rule came first: a buyer, or
    someone passing on another's mail, is never escalated nor suggested for a block
    (bot/policy.py), even when another rule stops the reply."""
    return any(rule.check(msg, ctx) is not None for rule in _NO_SELLER)


def is_service_mail(msg, ctx) -> bool:
    """Whether the system_sender or auto_submitted rule holds, whichever rule came first (a
    receipt with List-Unsubscribe is stopped by mailing_list before system_sender): machine mail
    about the owner's own dealings with the firm (a receipt, an account, an order), with a
    Return-Path to bounce to. Not what nejtak's own refusals bring back: a bounce or an
    out-of-office reply (null Return-Path, Auto-Submitted: auto-replied, an autoresponder
    marker, a multipart/report, an answer to nejtak's reply)."""
    if ctx.history.answers_our_reply or not msg.return_path:
        return False
    if any(v.strip().lower().startswith("auto-replied") for v in msg.header_all("auto-submitted")):
        return False
    if any(msg.has_header(name) for name in VENDOR_MARKERS):
        return False
    if any("multipart/report" in v.lower() for v in msg.header_all("content-type")):
        return False
    return any(rule.check(msg, ctx) for rule in _MACHINE)
