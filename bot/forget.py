"""`nejtak forget ADDRESS`: remove one sender's personal data from the store, and say that it was done.

What goes: the sender rows (address, name) on every channel, their messages (raw, body,
subject, names, signals and their evidence), the replies to them, their removal requests,
feedback and block suggestions, the owner's labels on their messages (taken back first, so the
owner layer drops what they added, then emptied), and the audit entries about any of these.

The audit log is append-only (migration 0001); migration 0004 lets a transaction delete exactly
the entries it listed in audit_log_erasures, and this module empties that list before it
commits. What stays is one audit entry that says a sender was forgotten, with the counts and
the date, and nothing that names them: not even a hash of the address, since anyone who can
guess the address (the sender themselves, or whoever holds a copy of their mail) can test a
hash, salted or not, when the salt sits in the same store; it would keep the address in all
but name."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from nejtak.bot.model import owner as owner_layer
from nejtak.bot.store.models import (
    AuditEntry,
    AuditErasure,
    BlockSuggestion,
    Feedback,
    InboundRow,
    Label,
    OutboxRow,
    RemovalRequest,
    Sender,
    utcnow,
)
from nejtak.bot.store.sender_rows import normalise_address
from sqlalchemy import delete, false, func, insert, or_, select, update
from sqlalchemy.orm import Session

CHUNK = 500  # ids per IN (...) list
EVENT = "sender.forgotten"
REASON = "the sender was forgotten (nejtak forget)"


class NothingRecorded(LookupError):
    """The store holds nothing about this address."""


class NotAnAddress(ValueError):
    """forget takes one sender: an e-mail address or tg:<id>, never a domain or a word (which
    would match other senders' audit entries)."""


_ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+|tg:\d{1,20}")


def sender_address(text: str) -> str:
    """The normalised address of one sender, or NotAnAddress."""
    address = normalise_address(text)
    if not _ADDRESS.fullmatch(address or ""):
        raise NotAnAddress(f"{text!r} is not one sender's address: give an e-mail address or tg:<id>")
    return address


@dataclass
class Forgotten:
    """What forgetting one sender removes (or removed): counts only, never who."""

    senders: int = 0
    messages: int = 0
    replies: int = 0
    removal_requests: int = 0
    feedback: int = 0
    block_suggestions: int = 0
    labels: int = 0
    audit_entries: int = 0

    @property
    def anything(self) -> bool:
        return any(asdict(self).values())

    def summary(self) -> str:
        """For the owner and the audit log: "forgot a sender: 3 messages, 1 reply"."""
        return f"forgot a sender: {_count(self.messages, 'message')}, {_count(self.replies, 'reply', 'replies')}"


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass
class _Found:
    """The ids of everything about one sender, gathered in one transaction."""

    address: str
    senders: list[int]
    subjects: set[str]  # audit subjects that point at their rows
    inbound: list[int]
    outbox: list[int]
    removal: list[int]
    feedback: list[int]
    suggestions: list[int]
    labels: list[int]
    audit: list[int]


def _ids(s: Session, query) -> list[int]:
    return sorted(set(s.scalars(query)))


def _in(column, ids: list[int]):
    """column IN ids, for a list of any length (chunked; never an empty IN)."""
    if not ids:
        return false()
    return or_(*(column.in_(chunk) for chunk in _chunks(ids)))


def _find(s: Session, address: str) -> _Found:
    senders = list(s.execute(select(Sender.id, Sender.channel, Sender.address)
                             .where(func.lower(Sender.address) == address)))
    sender_ids = [r.id for r in senders]
    # their messages: by sender, or (stored without one) by From; another sender's message
    # that names this address as its Return-Path is that sender's, and only loses the mention
    inbound = _ids(s, select(InboundRow.id).where(or_(
        _in(InboundRow.sender_id, sender_ids),
        (InboundRow.sender_id.is_(None)) & (func.lower(InboundRow.from_address) == address))))
    outbox = _ids(s, select(OutboxRow.id).where(or_(
        _in(OutboxRow.inbound_id, inbound),
        (OutboxRow.inbound_id.is_(None)) & (func.lower(OutboxRow.to_address) == address))))
    removal = _ids(s, select(RemovalRequest.id).where(or_(
        _in(RemovalRequest.sender_id, sender_ids), _in(RemovalRequest.outbox_id, outbox))))
    feedback = _ids(s, select(Feedback.id).where(or_(
        _in(Feedback.sender_id, sender_ids), _in(Feedback.inbound_id, inbound))))
    suggestions = _ids(s, select(BlockSuggestion.id).where(or_(
        _in(BlockSuggestion.sender_id, sender_ids), _in(BlockSuggestion.inbound_id, inbound))))
    label_rows = list(s.execute(select(Label.id, Label.message_key).where(or_(
        _in(Label.inbound_id, inbound), Label.sender == address))))
    subjects = {f"inbound:{i}" for i in inbound} | {f"outbox:{i}" for i in outbox}
    subjects |= {f"suggestion:{i}" for i in suggestions}
    subjects |= {f"{r.channel}:{r.address}" for r in senders}
    subjects |= {r.message_key[:200] for r in label_rows if r.message_key}
    return _Found(address, sender_ids, subjects, inbound, outbox, removal, feedback, suggestions,
                  [r.id for r in label_rows], _audit_ids(s, address, subjects))


def _audit_ids(s: Session, address: str, subjects: set[str]) -> list[int]:
    """Audit entries about their rows, or whose subject or detail holds the address. Read in
    Python, not in SQL: JSON escapes non-ASCII text differently on each database."""
    found = []
    # the address itself, not a longer one that ends or starts with it (tg:12 in tg:123)
    holds = re.compile(r"(?<![\w.%+@-])" + re.escape(address) + r"(?![\w-]|\.\w)").search
    rows = s.execute(select(AuditEntry.id, AuditEntry.subject, AuditEntry.detail)
                     .where(AuditEntry.event != EVENT).execution_options(yield_per=2000))
    for audit_id, subject, detail in rows:
        text = json.dumps(detail, ensure_ascii=False, default=str).lower() if detail else ""
        if subject in subjects or holds((subject or "").lower()) or holds(text):
            found.append(audit_id)
    return found


def _counts(found: _Found) -> Forgotten:
    return Forgotten(len(found.senders), len(found.inbound), len(found.outbox), len(found.removal),
                     len(found.feedback), len(found.suggestions), len(found.labels), len(found.audit))


def plan(store, address: str) -> Forgotten:
    """What forget() would remove, without changing anything."""
    address = sender_address(address)
    with store._tx() as s:
        return _counts(_find(s, address))


def forget(store, address: str, learning=None, actor: str = "owner") -> Forgotten:
    """Remove everything the store keeps about this address; raises NothingRecorded when it
    keeps nothing. learning (an OwnerLearning) takes their labels back first, so the owner
    layer no longer holds what their messages taught; without it the labels are taken back
    in the store alone (a daemon rebuilds its layer when it sees labels taken back)."""
    address = sender_address(address)
    with store._tx() as s:
        inbound = _find(s, address).inbound
    if learning is not None:
        learning.forget(sender=address, reason=REASON)
        for inbound_id in inbound:
            learning.forget(inbound_id=inbound_id, reason=REASON)
    with store._tx() as s:
        found = _find(s, address)
        done = _counts(found)
        if not done.anything:
            raise NothingRecorded(address)
        _erase(s, found)
        s.add(AuditEntry(at=utcnow(), actor=actor, event=EVENT, subject="sender",
                         detail={"summary": done.summary(), **asdict(done)}))
    return done


def _erase(s: Session, found: _Found) -> None:
    """Delete (or empty) their rows, children before parents, in the caller's transaction."""
    now = utcnow()
    for chunk in _chunks(found.labels):
        # kept as taken back, emptied: the labels' count and version move as for any take-back,
        # so a running daemon rebuilds its owner layer without them
        s.execute(update(Label).where(Label.id.in_(chunk), Label.revoked_at.is_(None))
                  .values(revoked_at=now).execution_options(synchronize_session=False))
        s.execute(update(Label).where(Label.id.in_(chunk)).values(
            inbound_id=None, message_key="", sender="", subject="", detail=None, revoked_reason=REASON,
            delta=owner_layer.pack({})).execution_options(synchronize_session=False))
    for model, ids in ((RemovalRequest, found.removal), (Feedback, found.feedback),
                       (BlockSuggestion, found.suggestions), (OutboxRow, found.outbox),
                       (InboundRow, found.inbound), (Sender, found.senders)):
        for chunk in _chunks(ids):
            s.execute(delete(model).where(model.id.in_(chunk)).execution_options(synchronize_session=False))
    # another sender's message that gave this address as its Return-Path, and the reply that
    # went there: theirs to keep, without this address
    s.execute(update(InboundRow).where(func.lower(InboundRow.return_path) == found.address)
              .values(return_path=None).execution_options(synchronize_session=False))
    s.execute(update(OutboxRow).where(func.lower(OutboxRow.to_address) == found.address)
              .values(to_address="").execution_options(synchronize_session=False))
    erasures = AuditErasure.__table__
    for chunk in _chunks(found.audit):
        s.execute(insert(erasures), [{"audit_id": i} for i in chunk])
        s.execute(delete(AuditEntry).where(AuditEntry.id.in_(chunk)).execution_options(synchronize_session=False))
        s.execute(delete(erasures).where(erasures.c.audit_id.in_(chunk)))
