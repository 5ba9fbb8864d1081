"""Policy: from a verdict, the reply rules and the sender's history to exactly one action."""
from __future__ import annotations

from dataclasses import dataclass

from nejtak.bot.inbound import Inbound
from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.verdict import Block, Verdict

# What happens to an unsolicited contact that may be answered, by mode: a table, not ifs.
_ANSWER_BY_MODE = {"observe": "none", "approve": "draft", "auto": "reply"}
# Rules that stop machine mail (bounces, auto-replies, receipts, robots): such mail after a
# refusal is no sign that the sender came back, so it is never escalated.
_MACHINE_MAIL = {"return_path", "auto_submitted", "report", "system_sender"}
# Rules that say the mail is no seller's (a buyer, an answer to the owner's own request, someone
# passing on another's mail): it is left to the owner untouched, never escalated, never suggested
# for a block, even when the sender or its organisation was refused before (a new buyer at a firm
# whose seller was). The forwarded rule never holds for a sender refused, blocked or marked as a
# pitch itself (Context.passed_on): a seller cannot "forward" its way out of the reminder.
_NO_SELLER = {"inbound_lead", "forwarded"}
# may mark a message, never alone make nejtak answer it: what the owner taught
# (bot/signals/learned.py, bot/signals/history.py) and the history lifts (bot/pipeline.py)
NOT_ALONE = ("OWNER_FEEDBACK", "OWNER_MARKED_PITCH", "OWNER_LABEL_WINS", "REPEAT_WINS")


@dataclass(frozen=True)
class Plan:
    action: str  # reply | draft | unsubscribe | suggest_block | none
    escalate: bool = False
    reply_kind: str | None = None  # refusal | reminder, when a reply is composed
    blocked_by: Block | None = None


def one_click_offered(msg: Inbound) -> bool:
    """The mail offers RFC 8058 one-click (the DKIM check comes when it is performed)."""
    from nejtak.bot.unsubscribe import offer  # imported late: it brings aiohttp and dkimpy

    post, uris = offer(msg)
    return post and bool(uris)


def stage(history: SenderHistory) -> int:
    """0 first contact, 1 first repeat after a refusal, 2 any later repeat."""
    return min(len(history.refusals), 2)


def plan(msg: Inbound, verdict: Verdict, block: Block | None, history: SenderHistory,
         mode: str, auto_threshold: float, replies_last_hour: int, max_per_hour: int,
         buyer: bool = False) -> Plan:
    """`buyer`: the inbound_lead or forwarded rule holds, whichever rule stopped the reply first
    (the sender is not selling)."""
    if not verdict.unsolicited:
        return Plan("none", blocked_by=block)
    step = stage(history)
    escalate = step >= 1
    if block is not None and (block.rule in _MACHINE_MAIL or block.rule in _NO_SELLER or buyer or history.blocked
                              or history.answers_our_reply):
        return Plan("none", blocked_by=block)  # nothing to escalate: a machine, a buyer, done, or their answer to us
    # what the owner taught (or a history lift) may mark a message, never alone make nejtak act on it unasked
    not_alone = sum(max(0.0, h.weight) for h in map(verdict.hit, NOT_ALONE) if h is not None)
    if step >= 2 and block is None:  # the already_answered guard says so too; policy holds alone
        block = Block("already_answered", "a refusal and a reminder were already sent")
    if block is not None:
        if step >= 1:
            return Plan("suggest_block", escalate=True, blocked_by=block)
        if block.rule == "mailing_list" and verdict.score - not_alone >= verdict.required and one_click_offered(msg):
            return Plan("unsubscribe", blocked_by=block)
        return Plan("none", blocked_by=block)
    kind = "refusal" if step == 0 else "reminder"
    action = _ANSWER_BY_MODE[mode]
    if action == "none":
        return Plan("suggest_block" if escalate else "none", escalate=escalate)
    if action == "reply" and verdict.score < auto_threshold:
        action = "draft"  # not sure enough to speak unasked: the owner decides
    if action == "reply" and not_alone > 0 and verdict.score - not_alone < auto_threshold:
        # what the owner taught may mark a message, never alone make nejtak answer it: pitch
        # labels make a language's common words suspect too, and a stranger's wanted mail must
        # not be refused unasked for that (measured: benchmarks/learn_replay.py --by language)
        action = "draft"
    if action == "reply" and history.org_service_mail and history.refused_via != "sender":
        # the firm sent the owner machine mail before (a receipt, an account, a web form): its
        # person may be answering the owner's own request, which leaves no trace in Sent (even
        # when a colleague of theirs, a seller, was refused before)
        action = "draft"
    if action == "reply" and replies_last_hour >= max_per_hour:
        return Plan("draft", escalate, kind,
                    Block("reply_cap", f"{replies_last_hour} replies in the last hour (cap {max_per_hour})"))
    return Plan(action, escalate, kind)
