"""The Store: the only way the rest of nejtak reads or writes the database."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from nejtak.bot.inbound import Inbound
from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.store.db import is_memory, make_engine, migrate
from nejtak.bot.store.failures import FAILED, FailuresMixin
from nejtak.bot.store.feedback import FeedbackMixin
from nejtak.bot.store.history import HistoryMixin
from nejtak.bot.store.labels import LabelsMixin
from nejtak.bot.store.models import (
    as_utc,
    Account,
    AuditEntry,
    BlockSuggestion,
    InboundRow,
    OutboxRow,
    RemovalRequest,
    Sender,
    utcnow,
)
from nejtak.bot.store.outbox import OutboxMixin
from nejtak.bot.store.sender_rows import (
    insert_ignoring_conflicts,
    insert_returning_id,
    new_sender_row,
    normalise_address,
    strip_message_id,
)
from nejtak.bot.verdict import Decision

log = logging.getLogger(__name__)

REPLY_STATES = ("drafted", "approved", "sent")
COUNTED_STATES = ("approved", "sending", "sent")  # replies that count against the hourly cap
DECISION_FIELDS = (
    "action", "escalate", "blocked_by", "blocked_reason", "score", "required", "unsolicited",
    "language", "signals", "notes", "decided_at",
)


# Built once: the decision of every message goes through these two statements.
_INBOUND = InboundRow.__table__
_DECIDE = update(_INBOUND).where(_INBOUND.c.id == bindparam("_id")).values({
    name: bindparam(name) for name in (
        "decided_at", "action", "escalate", "score", "required", "unsolicited", "language",
        "signals", "notes", "blocked_by", "blocked_reason")})
_AUDIT = insert(AuditEntry.__table__)


@dataclass
class Receipt:
    """A message stored, with what deciding on it needs (history only for a new message)."""

    inbound_id: int
    is_new: bool
    decided: bool = False  # an old message that already has a decision
    history: SenderHistory | None = None
    replies_last_hour: int = 0
    action: str | None = None  # the old decision's action

    @classmethod
    def of_stored(cls, inbound_id: int, decided_at: datetime | None, action: str | None) -> Receipt:
        """A message stored before; a failed decision counts as none (it is decided again)."""
        decided = decided_at is not None and action != FAILED
        return cls(inbound_id, False, decided, action=action if decided else None)


class Store(HistoryMixin, OutboxMixin, FeedbackMixin, FailuresMixin, LabelsMixin):
    """Synchronous and thread-safe: call it from a worker thread, never from the event loop."""

    def __init__(self, url: str, freemail_domains: Iterable[str] = ()) -> None:
        self.url = url
        self.freemail_domains = frozenset(d.strip().lower() for d in freemail_domains)
        self.engine = make_engine(url)
        # a throw-away SQLite store shares one connection: let one thread use it at a time
        self._lock = threading.RLock() if is_memory(url) else nullcontext()
        with self._lock:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock, Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @staticmethod
    def _audit(session: Session, actor: str, event: str, subject: str, detail: dict | None = None) -> None:
        session.add(AuditEntry(at=utcnow(), actor=actor, event=event, subject=subject, detail=detail))

    # intake

    def save_inbound(self, msg: Inbound, keep_body: bool = True) -> tuple[int, bool]:
        """Store a message before anything else happens to it; (id, is_new)."""
        receipt = self.receive(msg, keep_body, "", [], None)
        return receipt.inbound_id, receipt.is_new

    def receive(self, msg: Inbound, keep_body: bool, org_domain: str, thread_ids: Sequence[str],
                since: datetime | None) -> Receipt:
        """Store a message and read what deciding on it needs, in one transaction (the daemon's
        and triage's hot path): the sender's history before this message, and the replies made
        since `since` (not counted when since is None: only auto mode needs them)."""
        message_id = strip_message_id(msg.message_id)
        channel, address = msg.channel, normalise_address(msg.sender)
        with self._tx() as s:
            now = utcnow()
            sender = s.execute(select(Sender.id, Sender.owner_wrote_to, Sender.wanted, Sender.blocked).where(
                Sender.channel == channel, Sender.address == address)).first() if address else None
            sender_id = sender.id if sender else None
            if address and sender_id is None:
                sender_id = insert_returning_id(s, Sender, new_sender_row(channel, address, now, msg.sender_name))
                if sender_id is None:  # a racing writer created it
                    sender_id = s.scalar(select(Sender.id).where(Sender.channel == channel, Sender.address == address))
            new_id = self._insert_inbound(s, msg, message_id, sender_id, keep_body, now)
            if new_id is None:  # seen before (or a racing writer stored it first)
                old = s.execute(select(InboundRow.id, InboundRow.decided_at, InboundRow.action).where(
                    InboundRow.channel == channel, InboundRow.message_id == message_id)).first()
                return Receipt.of_stored(old.id, old.decided_at, old.action)
            # PostgreSQL aborts a transaction on any failed statement: keep a failed lookup apart.
            guard = s.begin_nested() if s.get_bind().dialect.name == "postgresql" else nullcontext()
            try:
                with guard:
                    history = self._history_of(s, sender, org_domain, thread_ids, new_id)
            except Exception:
                log.exception("sender history lookup failed for %s:%s", channel, address)
                history = SenderHistory(lookup_failed=True)
            recent = self._replies_since(s, since) if since is not None else 0
            if sender_id is not None:
                values = {"contacts": Sender.contacts + 1, "last_seen": now}
                if msg.sender_name:
                    values["display_name"] = msg.sender_name
                s.execute(update(Sender).where(Sender.id == sender_id).values(**values))
            return Receipt(new_id, True, False, history, recent)

    @staticmethod
    def _insert_inbound(s: Session, msg: Inbound, message_id: str, sender_id: int | None,
                        keep_body: bool, now: datetime) -> int | None:
        row = {
            "channel": msg.channel, "source": msg.source or "", "message_id": message_id,
            "sender_id": sender_id, "sender_name": msg.sender_name or "",
            "from_address": msg.from_address or "", "return_path": msg.return_path,
            "received_at": msg.date, "stored_at": now, "subject": msg.subject or "",
            "in_reply_to": strip_message_id(msg.in_reply_to), "chat_id": msg.chat_id,
            "business_connection_id": msg.business_connection_id, "size": msg.size or 0,
            "escalate": False, "signals": [], "notes": [],
            "body": msg.text if keep_body else None, "raw": msg.raw if keep_body else None,
            "error": msg.error,
        }
        if message_id:
            return insert_returning_id(s, InboundRow, row)
        return s.scalar(insert(InboundRow).values(**row).returning(InboundRow.id))

    def receipt_for(self, inbound_id: int) -> Receipt:
        """A stored message as the pipeline's receipt (its history is read when deciding)."""
        with self._tx() as s:
            row = s.execute(select(InboundRow.decided_at, InboundRow.action)
                            .where(InboundRow.id == inbound_id)).one()
            return Receipt.of_stored(inbound_id, row.decided_at, row.action)

    @staticmethod
    def _inbound_id(s: Session, channel: str, message_id: str) -> int | None:
        return s.scalar(
            select(InboundRow.id).where(InboundRow.channel == channel, InboundRow.message_id == message_id)
        )

    def decision_of(self, inbound_id: int) -> dict | None:
        """The stored decision of a message, or None while it has not been decided."""
        with self._tx() as s:
            return self._decision(s, inbound_id)

    @staticmethod
    def _decision(s: Session, inbound_id: int) -> dict | None:
        row = s.get(InboundRow, inbound_id)
        if row is None or row.decided_at is None:
            return None
        out = {k: getattr(row, k) for k in DECISION_FIELDS}
        out["inbound_id"] = row.id
        out["outbox_id"] = s.scalar(
            select(func.max(OutboxRow.id)).where(OutboxRow.inbound_id == row.id)
        )
        return out

    # decisions

    def record_decision(self, inbound_id: int, decision: Decision, reply_state: str | None,
                        at: datetime | None = None) -> int | None:
        """Write the decision, its reply, removal request and block suggestion together.

        `at` is when the decision counts as made (triage passes the message's date, so that a
        simulated history reads as the daemon's would); by default now."""
        if reply_state is not None and reply_state not in REPLY_STATES:
            raise ValueError(f"reply_state must be one of {REPLY_STATES}, not {reply_state!r}")
        v = decision.verdict
        with self._tx() as s:
            now = as_utc(at) if at is not None else utcnow()
            values = {
                "decided_at": now, "action": decision.action, "escalate": bool(decision.escalate),
                "score": v.score, "required": v.required, "unsolicited": bool(v.unsolicited),
                "language": v.language or None, "signals": [h.as_dict() for h in v.hits],
                "notes": list(decision.notes),
                "blocked_by": decision.blocked_by.rule if decision.blocked_by else None,
                "blocked_reason": decision.blocked_by.reason if decision.blocked_by else None,
            }
            conn = s.connection()
            if conn.execute(_DECIDE, {"_id": inbound_id, **values}).rowcount != 1:
                raise KeyError(f"no inbound message {inbound_id}")
            outbox_id = None
            if decision.escalate or (decision.reply is not None and reply_state is not None):
                row = s.get(InboundRow, inbound_id)
                if decision.reply is not None and reply_state is not None:
                    outbox_id = self._add_reply(s, row, decision, reply_state, now)
                if decision.escalate and row.sender_id is not None:
                    self._suggest_block(s, row, decision, now)
                s.flush()
            conn.execute(_AUDIT, {"at": utcnow(), "actor": "nejtak", "event": "decided",
                                  "subject": f"inbound:{inbound_id}", "detail": {
                "action": decision.action, "score": v.score, "required": v.required,
                "escalate": bool(decision.escalate), "blocked_by": values["blocked_by"],
                "outbox_id": outbox_id, "reply_state": reply_state if outbox_id else None,
            }})
            return outbox_id

    def _add_reply(self, s: Session, row: InboundRow, decision: Decision, state: str, now: datetime) -> int:
        reply = decision.reply
        message_id = strip_message_id(reply.message_id) or None
        if message_id:
            existing = s.scalar(select(OutboxRow.id).where(OutboxRow.message_id == message_id))
            if existing is not None:
                return existing
        out = OutboxRow(
            inbound_id=row.id, channel=reply.channel or row.channel, kind=reply.kind,
            to_address=reply.to, from_address=reply.from_address or "", subject=reply.subject,
            body=reply.body, language=reply.language or "", message_id=message_id,
            in_reply_to=strip_message_id(reply.in_reply_to), references=list(reply.references),
            business_connection_id=row.business_connection_id, chat_id=row.chat_id,
            state=state, attempts=0, created_at=now, updated_at=now,
            sent_at=now if state == "sent" else None,
        )
        s.add(out)
        s.flush()
        if row.sender_id is not None:
            s.add(RemovalRequest(
                sender_id=row.sender_id, outbox_id=out.id, requested_at=now,
                method="telegram" if out.channel == "telegram" else "email",
                kind=reply.kind, cancelled=False, answered=False,
            ))
        return out.id

    def _suggest_block(self, s: Session, row: InboundRow, decision: Decision, now: datetime) -> None:
        open_one = s.scalar(select(BlockSuggestion.id).where(
            BlockSuggestion.sender_id == row.sender_id, BlockSuggestion.state == "suggested"))
        if open_one is not None:
            return
        first = decision.first_request_at
        reason = (f"wrote again after a removal request on {first:%Y-%m-%d}" if first
                  else "; ".join(decision.notes) or "wrote again after a removal request")
        s.add(BlockSuggestion(sender_id=row.sender_id, inbound_id=row.id, created_at=now,
                              state="suggested", reason=reason))

    def replies_since(self, since: datetime) -> int:
        with self._tx() as s:
            return self._replies_since(s, since)

    @staticmethod
    def _replies_since(s: Session, since: datetime) -> int:
        return s.scalar(select(func.count(OutboxRow.id)).where(
            OutboxRow.state.in_(COUNTED_STATES), OutboxRow.created_at >= since)) or 0

    # sync state (IMAP)

    def sync_state(self, channel: str, account: str, folder: str) -> tuple[int | None, int | None, datetime | None]:
        with self._tx() as s:
            row = self._account(s, channel, account, folder)
            return (row.uidvalidity, row.last_uid, row.first_started_at) if row else (None, None, None)

    def set_sync_state(self, channel: str, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        with self._tx() as s:
            now = utcnow()
            insert_ignoring_conflicts(s, Account, [{"channel": channel, "name": account, "folder": folder,
                                                    "first_started_at": now, "updated_at": now}])
            row = self._account(s, channel, account, folder)
            row.uidvalidity, row.last_uid, row.updated_at = uidvalidity, last_uid, now

    @staticmethod
    def _account(s: Session, channel: str, account: str, folder: str) -> Account | None:
        return s.scalars(select(Account).where(
            Account.channel == channel, Account.name == account, Account.folder == folder)).one_or_none()

    # digest

    def inbound_since(self, since: datetime) -> list[dict]:
        """Messages decided since then, oldest first, with their sender and reply (if any)."""
        with self._tx() as s:
            rows = s.execute(
                select(InboundRow, Sender.address).outerjoin(Sender, Sender.id == InboundRow.sender_id)
                .where(InboundRow.decided_at.is_not(None), InboundRow.decided_at >= since)
                .order_by(InboundRow.decided_at, InboundRow.id)
            ).all()
            replies = {}
            ids = [r.id for r, _ in rows]
            for i in range(0, len(ids), 500):
                for o in s.scalars(select(OutboxRow).where(OutboxRow.inbound_id.in_(ids[i:i + 500]))):
                    replies[o.inbound_id] = o
            out = []
            for r, address in rows:
                d = r.as_dict()
                d.pop("raw")
                reply = replies.get(r.id)
                d.update(sender=address or "", outbox_id=reply.id if reply else None,
                         outbox_state=reply.state if reply else None)
                out.append(d)
            return out

    def unsubscribe_candidates(self, since: datetime, inbound_id: int | None = None) -> list[dict]:
        """Bulk mail decided "unsubscribe" since then that is not settled yet (no "unsubscribe"
        audit entry that succeeded or was skipped: a failed try may be tried again), oldest
        first: id, sender, subject, decided_at and raw_kept
        (whether the raw message, which the DKIM check needs, is still stored). Only the one
        message when inbound_id is given."""
        with self._tx() as s:
            query = (select(InboundRow.id, Sender.address, InboundRow.from_address, InboundRow.subject,
                            InboundRow.decided_at, InboundRow.raw.is_not(None).label("raw_kept"))
                     .outerjoin(Sender, Sender.id == InboundRow.sender_id)
                     .where(InboundRow.action == "unsubscribe", InboundRow.decided_at >= since)
                     .order_by(InboundRow.decided_at, InboundRow.id))
            if inbound_id is not None:
                query = query.where(InboundRow.id == inbound_id)
            rows = s.execute(query).all()
            subjects = [f"inbound:{r.id}" for r in rows]
            done: set[str] = set()
            for i in range(0, len(subjects), 500):
                for subject, detail in s.execute(select(AuditEntry.subject, AuditEntry.detail).where(
                        AuditEntry.event == "unsubscribe", AuditEntry.subject.in_(subjects[i:i + 500]))):
                    if (detail or {}).get("ok") or (detail or {}).get("skipped"):
                        done.add(subject)
            return [{"id": r.id, "sender": r.address or r.from_address or "", "subject": r.subject or "",
                     "decided_at": as_utc(r.decided_at), "raw_kept": bool(r.raw_kept)}
                    for r in rows if f"inbound:{r.id}" not in done]

    def inbound_raw(self, inbound_id: int) -> bytes | None:
        """The raw message as received, or None once the retention period has purged it."""
        with self._tx() as s:
            return s.scalar(select(InboundRow.raw).where(InboundRow.id == inbound_id))

    # audit, retention

    def audit(self, actor: str, event: str, subject: str, detail: dict | None = None) -> None:
        with self._tx() as s:
            self._audit(s, actor, event, subject, detail)

    def last_audit(self, events: Sequence[str]) -> dict | None:
        """The newest audit entry of these events (the owner's runtime settings live there)."""
        with self._tx() as s:
            row = s.scalars(select(AuditEntry).where(AuditEntry.event.in_(list(events)))
                            .order_by(AuditEntry.id.desc()).limit(1)).first()
            return row.as_dict() if row is not None else None

    def purge_bodies(self, older_than: datetime) -> int:
        """Forget bodies and raw messages stored before then; decisions and evidence stay."""
        with self._tx() as s:
            result = s.execute(
                update(InboundRow)
                .where(InboundRow.stored_at < older_than,
                       (InboundRow.body.is_not(None)) | (InboundRow.raw.is_not(None)))
                .values(body=None, raw=None)
                .execution_options(synchronize_session=False)
            )
            count = result.rowcount or 0
            if count:
                self._audit(s, "nejtak", "bodies_purged", "inbound", {"count": count, "before": older_than.isoformat()})
            return count
