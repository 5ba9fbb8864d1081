"""The digest: what nejtak did since the last one, and everything waiting for the owner."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from nejtak.bot.oauth import grant_problems
from nejtak.bot.report import top_signals


UNSUBSCRIBE_WAITS = timedelta(days=30)


@dataclass
class Item:
    """One thing waiting for the owner: a draft, a failed reply, a block suggestion, or bulk mail
    to unsubscribe from."""

    kind: str  # draft | failed | block | unsubscribe | unhandled
    id: int  # outbox id, block suggestion id, or inbound id (unsubscribe, unhandled)
    sender: str
    subject: str
    language: str = ""
    score: float | None = None
    top_signals: str = ""
    reply: str = ""
    error: str = ""
    first_line: str = ""  # of the message it answers (chats have no subject); "" when not kept
    sender_name: str = ""


@dataclass
class Digest:
    since: datetime
    counts: Counter = field(default_factory=Counter)
    items: list[Item] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)  # what stops an account, and what to do


UNSUBSCRIBE_HINT = ("bulk mail with a one-click unsubscribe: tap Unsubscribe in the Telegram digest "
                    "(or set [unsubscribe] consent = true)")


UNHANDLED_HINT = "failed, nothing was sent; the message is kept raw in the store"


def build(store, since: datetime) -> Digest:
    """Synchronous (reads the store): call it in a thread from the daemon."""
    digest = Digest(since)
    digest.attention = grant_problems()  # a revoked sign-in stops its account until `nejtak auth`
    for row in store.inbound_since(since):
        if row.get("escalate"):
            digest.counts["escalated"] += 1
        if row.get("action") == "reply":
            digest.counts["replied"] += 1
        elif row.get("action") == "draft":
            digest.counts["drafted"] += 1
        elif row.get("blocked_by") == "inbound_lead":  # a buyer: the owner's to answer, not ignored
            digest.counts["left for you: asks to buy"] += 1
        elif row.get("blocked_by") == "forwarded":  # someone passing on an offer, asking or telling
            digest.counts["left for you: forwards an offer"] += 1
        elif row.get("blocked_by") and row.get("unsolicited"):
            digest.counts[f"ignored by rule {row['blocked_by']}"] += 1
        elif not row.get("unsolicited"):
            digest.counts["wanted"] += 1
    # Messages that could not be stored or decided: kept raw, nothing sent, the owner should know.
    for row in store.put_aside_since(since):
        digest.counts["not handled"] += 1
        digest.items.append(Item(kind="unhandled", id=row["id"], sender=row.get("from_address") or "",
                                 subject=row.get("subject") or "", error=row.get("error") or ""))
    for row in store.outbox_list(["drafted", "failed"]):
        source = store.decision_of(row["inbound_id"]) or {} if row.get("inbound_id") else {}
        digest.items.append(Item(
            kind="draft" if row["state"] == "drafted" else "failed",
            id=row["id"],
            sender=row.get("sender") or row.get("to_address", ""),
            subject=row.get("inbound_subject") or "",
            language=row.get("language", ""),
            score=source.get("score"),
            top_signals=top_signals(source.get("signals")),
            reply=row.get("body", ""),
            error=row.get("last_error") or "",
            first_line=row.get("inbound_first_line", ""),
            sender_name=row.get("sender_name", ""),
        ))
    for s in store.block_suggestions("suggested"):
        digest.items.append(Item(kind="block", id=s["id"], sender=s.get("address") or s.get("sender", ""),
                                 subject=s.get("reason") or "asked to stop, wrote again"))
    # Bulk mail with a one-click unsubscribe, waiting for the owner's consent. Without the raw
    # message (retention purged it) the DKIM signature cannot be checked: not offered.
    # Like drafts, they wait until the owner acts (or the body is purged), not just one digest.
    for c in store.unsubscribe_candidates(since - UNSUBSCRIBE_WAITS):
        if c.get("raw_kept"):
            digest.items.append(Item(kind="unsubscribe", id=c["id"], sender=c.get("sender") or "",
                                     subject=c.get("subject") or ""))
    return digest


def render_text(d: Digest) -> str:
    """Plain text, for the log and `nejtak digest`."""
    lines = [f"nejtak digest since {d.since:%Y-%m-%d %H:%M} UTC"]
    if d.counts:
        lines.append("handled: " + ", ".join(f"{k} {v}" for k, v in sorted(d.counts.items())))
    else:
        lines.append("handled: nothing new")
    lines.extend(f"needs you: {problem}" for problem in d.attention)
    if not d.items:
        lines.append("nothing waiting for you")
    for it in d.items:
        if it.kind == "block":
            lines.append(f"[block? #{it.id}] {it.sender}: {it.subject}")
            continue
        if it.kind == "unsubscribe":
            lines.append(f"[unsubscribe? #{it.id}] {it.sender}: {it.subject}")
            lines.append(f"    {UNSUBSCRIBE_HINT}")
            continue
        if it.kind == "unhandled":
            lines.append(f"[not handled, message #{it.id}] {it.sender or '?'}: {it.subject!r}")
            lines.append(f"    {UNHANDLED_HINT}: {it.error}")
            continue
        head = f"[{it.kind} #{it.id}] {it.sender}: {it.subject or it.first_line!r}"
        if it.score is not None:
            head += f" score {it.score:.1f} {it.language} {it.top_signals}"
        lines.append(head)
        if it.error:
            lines.append(f"    error: {it.error}")
        lines.extend("    > " + line for line in it.reply.splitlines())
    lines.append("send: nejtak send ID   discard: nejtak discard ID")
    return "\n".join(lines)


def next_time(now: datetime, times: list[str]) -> datetime:
    """The next of the daily HH:MM times after now (in now's timezone)."""
    candidates = []
    for t in times:
        hh, mm = map(int, t.split(":"))
        at = datetime.combine(now.date(), time(hh, mm), tzinfo=now.tzinfo)
        candidates.append(at if at > now else at + timedelta(days=1))
    return min(candidates) if candidates else now + timedelta(days=1)
