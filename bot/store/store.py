"""The Store: the only way the rest of nejtak reads or writes the database."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import datetime

from sqlalchemy import Connection, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from nejtak.bot.inbound import Inbound
from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.store.db import is_memory, make_engine, migrate
from nejtak.bot.store.failures import FAILED, FailuresMixin
from nejtak.bot.store.feedback import FeedbackMixin
from nejtak.bot.store.history import HistoryMixin, sender_row
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
    insert_returning_id_on,
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


BATCH_MESSAGES = 500  # batch(): commit after this many messages ...
BATCH_SECONDS = 2.0  # ... or this long, whichever comes first

# Built once, run with parameters on a Core connection: every message goes through these, and
# building a statement (and its cache key) anew for each cost more than the database's work.
_INBOUND = InboundRow.__table__
_SENDER = Sender.__table__
_OUTBOX = OutboxRow.__table__
_DECIDE = update(_INBOUND).where(_INBOUND.c.id == bindparam("_id")).values({
    name: bindparam(name) for name in (
        "decided_at", "action", "escalate", "score", "required", "unsolicited", "language",
        "signals", "notes", "blocked_by", "blocked_reason")})
_AUDIT = insert(AuditEntry.__table__)
# the sender of machine mail that is no pitch (Decision.service_mail) and when: its colleagues'
# mail may be an answer to the owner's own request (bot/store/history.py)
_SERVICE_MAIL = update(_SENDER).where(
    _SENDER.c.id == select(_INBOUND.c.sender_id).where(_INBOUND.c.id == bindparam("_id")).scalar_subquery(),
    or_(_SENDER.c.service_mail_at.is_(None), _SENDER.c.service_mail_at < bindparam("at")),
).values(service_mail_at=bindparam("at"))
_STORED = select(_INBOUND.c.id, _INBOUND.c.decided_at, _INBOUND.c.action).where(
    _INBOUND.c.channel == bindparam("channel"), _INBOUND.c.message_id == bindparam("message_id"))
_INSERT_INBOUND = insert(_INBOUND).returning(_INBOUND.c.id)  # a message without a Message-ID
_SENDER_ID = select(_SENDER.c.id).where(_SENDER.c.channel == bindparam("channel"),
                                        _SENDER.c.address == bindparam("address"))
_SEEN = update(_SENDER).where(_SENDER.c.id == bindparam("_id")).values(
    contacts=_SENDER.c.contacts + 1, last_seen=bindparam("now"))
_SEEN_NAMED = _SEEN.values(display_name=bindparam("name"))
_UNSEEN = update(_SENDER).where(_SENDER.c.id == bindparam("_id")).values(contacts=0, last_seen=None)
_REPLIES_SINCE = select(func.count(_OUTBOX.c.id)).where(
    or_(*(_OUTBOX.c.state == state for state in COUNTED_STATES)), _OUTBOX.c.created_at >= bindparam("since"))
_INBOUND_FOR_REPLY = select(_INBOUND.c.id, _INBOUND.c.channel, _INBOUND.c.sender_id, _INBOUND.c.chat_id,
                            _INBOUND.c.business_connection_id).where(_INBOUND.c.id == bindparam("_id"))
_REPLY_BY_MESSAGE_ID = select(_OUTBOX.c.id).where(_OUTBOX.c.message_id == bindparam("message_id"))
_INSERT_REPLY = insert(_OUTBOX).returning(_OUTBOX.c.id)
_INSERT_REMOVAL = insert(RemovalRequest.__table__)
_OPEN_SUGGESTION = select(BlockSuggestion.__table__.c.id).where(
    BlockSuggestion.__table__.c.sender_id == bindparam("sender_id"), BlockSuggestion.__table__.c.state == "suggested")
_INSERT_SUGGESTION = insert(BlockSuggestion.__table__)


class _Batch:
    """The one connection and open transaction that batch() shares between messages."""

    def __init__(self, conn: Connection, every: int, seconds: float) -> None:
        self.conn, self.every, self.seconds = conn, every, seconds
        self.thread = threading.get_ident()
        self.tx = conn.begin()
        self.pending, self.since = 0, time.monotonic()

    def message_done(self) -> None:
        """One more message in the open transaction: commit when enough have gathered."""
        self.pending += 1
        if self.pending >= self.every or time.monotonic() - self.since >= self.seconds:
            self.commit()
            self.tx = self.conn.begin()

    def commit(self) -> None:
        self.tx.commit()
        self.pending, self.since = 0, time.monotonic()


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
        self._postgresql = self.engine.dialect.name == "postgresql"
        # a throw-away SQLite store shares one connection: let one thread use it at a time
        self._lock = threading.RLock() if is_memory(url) else nullcontext()
        self._batch: _Batch | None = None
        with self._lock:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def batch(self, every: int = BATCH_MESSAGES, seconds: float = BATCH_SECONDS) -> Iterator[None]:
        """Many messages on one connection and transaction, committed every `every` messages
        (or `seconds`) and when the block ends, also when it raises: triage's way through a
        mailbox. Each call inside keeps its own all-or-nothing (a savepoint), so a message that
        fails leaves nothing half-written. A crash loses the messages since the last commit;
        the daemon therefore stays without a batch, one transaction per message.

        Only the thread that opened it uses the batch; on an in-memory store other threads
        wait for its end. Nested batches join the outer one."""
        if self._batch_here() is not None:
            yield
            return
        with self._lock, self.engine.connect() as conn:
            batch = self._batch = _Batch(conn, max(1, every), seconds)
            try:
                yield
            except BaseException:
                self._batch = None
                try:  # keep what was done before the failure: every message in it is whole
                    batch.commit()
                except Exception:  # the original error is the one to see
                    log.exception("could not commit the batch after an error")
                raise
            else:
                self._batch = None
                batch.commit()

    def _batch_here(self) -> _Batch | None:
        batch = self._batch
        return batch if batch is not None and batch.thread == threading.get_ident() else None

    @contextmanager
    def _conn(self) -> Iterator[Connection]:
        """One transaction on a Core connection (the hot path): committed when the block ends,
        rolled back if it raises; inside batch(), a savepoint in the batch's transaction."""
        batch = self._batch_here()
        if batch is None:
            with self._lock, self.engine.begin() as conn:
                yield conn
            return
        conn = batch.conn
        # A savepoint in plain SQL: Connection.begin_nested() compiles its statement anew each
        # time, which cost more than the message's own statements.
        conn.exec_driver_sql("SAVEPOINT nejtak_message")
        try:
            yield conn
        except BaseException:
            conn.exec_driver_sql("ROLLBACK TO SAVEPOINT nejtak_message")
            conn.exec_driver_sql("RELEASE SAVEPOINT nejtak_message")
            raise
        conn.exec_driver_sql("RELEASE SAVEPOINT nejtak_message")

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises; inside
        batch(), a savepoint in the batch's transaction."""
        batch = self._batch_here()
        if batch is None:
            with self._lock, Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        else:
            with Session(bind=batch.conn, expire_on_commit=False, join_transaction_mode="create_savepoint") \
                    as session, session.begin():
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
        with self._conn() as conn:
            now = utcnow()
            # The history is read first: storing this message changes none of it (its own row
            # is not counted, and a new sender is neither marked nor refused yet).
            sender, history = self._sender_and_history(conn, channel, address, org_domain, thread_ids, message_id)
            sender_id = sender.id if sender is not None else None
            created = False
            if address and sender_id is None:
                row = new_sender_row(channel, address, now, msg.sender_name)
                row.update(contacts=1, last_seen=now)  # this message's contact, in the insert
                sender_id = insert_returning_id_on(conn, Sender, row)
                created = sender_id is not None
                if sender_id is None:  # a racing writer created it
                    sender_id = conn.execute(_SENDER_ID, {"channel": channel, "address": address}).scalar()
            new_id = self._insert_inbound(conn, msg, message_id, sender_id, keep_body, now)
            if new_id is None:  # seen before (or a racing writer stored it first)
                if created:  # no new contact after all
                    conn.execute(_UNSEEN, {"_id": sender_id})
                old = conn.execute(_STORED, {"channel": channel, "message_id": message_id}).first()
                result = Receipt.of_stored(old.id, old.decided_at, old.action)
            else:
                recent = self._replies_since(conn, since) if since is not None else 0
                if sender_id is not None and not created:
                    if msg.sender_name:
                        conn.execute(_SEEN_NAMED, {"_id": sender_id, "now": now, "name": msg.sender_name})
                    else:
                        conn.execute(_SEEN, {"_id": sender_id, "now": now})
                result = Receipt(new_id, True, False, history, recent)
        batch = self._batch_here()
        if batch is not None:
            batch.message_done()
        return result

    def _sender_and_history(self, conn: Connection, channel: str, address: str, org_domain: str,
                            thread_ids: Sequence[str], message_id: str):
        """(the sender's row or None, its history); a failed history lookup is reported in the
        history and the sender looked up alone, so that the message is stored all the same."""
        # PostgreSQL aborts a transaction on any failed statement: keep a failed lookup apart.
        guard = conn.begin_nested() if self._postgresql else nullcontext()
        try:
            with guard:
                sender = sender_row(conn, channel, address)
                return sender, self._history_of(conn, sender, org_domain, thread_ids, address, message_id)
        except Exception:
            log.exception("sender history lookup failed for %s:%s", channel, address)
            sender = conn.execute(_SENDER_ID, {"channel": channel, "address": address}).first() if address else None
            return sender, SenderHistory(lookup_failed=True)

    @staticmethod
    def _insert_inbound(conn: Connection, msg: Inbound, message_id: str, sender_id: int | None,
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
            return insert_returning_id_on(conn, InboundRow, row)
        return conn.execute(_INSERT_INBOUND, row).scalar()

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
        with self._conn() as conn:
            now = as_utc(at) if at is not None else utcnow()
            values = {
                "decided_at": now, "action": decision.action, "escalate": bool(decision.escalate),
                "score": v.score, "required": v.required, "unsolicited": bool(v.unsolicited),
                "language": v.language or None, "signals": [h.as_dict() for h in v.hits],
                "notes": list(decision.notes),
                "blocked_by": decision.blocked_by.rule if decision.blocked_by else None,
                "blocked_reason": decision.blocked_by.reason if decision.blocked_by else None,
            }
            if conn.execute(_DECIDE, {"_id": inbound_id, **values}).rowcount != 1:
                raise KeyError(f"no inbound message {inbound_id}")
            if decision.service_mail and not v.unsolicited:
                conn.execute(_SERVICE_MAIL, {"_id": inbound_id, "at": now})
            outbox_id = None
            if decision.escalate or (decision.reply is not None and reply_state is not None):
                row = conn.execute(_INBOUND_FOR_REPLY, {"_id": inbound_id}).one()
                if decision.reply is not None and reply_state is not None:
                    outbox_id = self._add_reply(conn, row, decision, reply_state, now)
                if decision.escalate and row.sender_id is not None:
                    self._suggest_block(conn, row, decision, now)
            conn.execute(_AUDIT, {"at": utcnow(), "actor": "nejtak", "event": "decided",
                                  "subject": f"inbound:{inbound_id}", "detail": {
                "action": decision.action, "score": v.score, "required": v.required,
                "escalate": bool(decision.escalate), "blocked_by": values["blocked_by"],
                "outbox_id": outbox_id, "reply_state": reply_state if outbox_id else None,
            }})
            return outbox_id

    @staticmethod
    def _add_reply(conn: Connection, row, decision: Decision, state: str, now: datetime) -> int:
        reply = decision.reply
        message_id = strip_message_id(reply.message_id) or None
        if message_id:
            existing = conn.execute(_REPLY_BY_MESSAGE_ID, {"message_id": message_id}).scalar()
            if existing is not None:
                return existing
        channel = reply.channel or row.channel
        outbox_id = conn.execute(_INSERT_REPLY, {
            "inbound_id": row.id, "channel": channel, "kind": reply.kind,
            "to_address": reply.to, "from_address": reply.from_address or "", "subject": reply.subject,
            "body": reply.body, "language": reply.language or "", "message_id": message_id,
            "in_reply_to": strip_message_id(reply.in_reply_to), "references": list(reply.references),
            "business_connection_id": row.business_connection_id, "chat_id": row.chat_id,
            "state": state, "attempts": 0, "created_at": now, "updated_at": now,
            "sent_at": now if state == "sent" else None,
        }).scalar()
        if row.sender_id is not None:
            conn.execute(_INSERT_REMOVAL, {
                "sender_id": row.sender_id, "outbox_id": outbox_id, "requested_at": now,
                "method": "telegram" if channel == "telegram" else "email",
                "kind": reply.kind, "cancelled": False, "answered": False,
            })
        return outbox_id

    @staticmethod
    def _suggest_block(conn: Connection, row, decision: Decision, now: datetime) -> None:
        if conn.execute(_OPEN_SUGGESTION, {"sender_id": row.sender_id}).first() is not None:
            return
        first = decision.first_request_at
        reason = (f"wrote again after a removal request on {first:%Y-%m-%d}" if first
                  else "; ".join(decision.notes) or "wrote again after a removal request")
        conn.execute(_INSERT_SUGGESTION, {"sender_id": row.sender_id, "inbound_id": row.id, "created_at": now,
                                          "state": "suggested", "reason": reason})

    def replies_since(self, since: datetime) -> int:
        with self._conn() as conn:
            return self._replies_since(conn, since)

    @staticmethod
    def _replies_since(conn: Connection, since: datetime) -> int:
        return conn.execute(_REPLIES_SINCE, {"since": since}).scalar() or 0

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
        """Forget bodies and raw messages stored before then; decisions and evidence stay.

        A sender asked to stop (a removal request not cancelled) keeps its messages whole:
        they are the proof a dossier hands to an authority, kept until the owner deletes them
        with `nejtak forget`."""
        asked = exists().where(RemovalRequest.sender_id == InboundRow.sender_id,
                               RemovalRequest.cancelled.is_(False))
        old = (InboundRow.stored_at < older_than) & (InboundRow.body.is_not(None) | InboundRow.raw.is_not(None))
        with self._tx() as s:
            result = s.execute(
                update(InboundRow)
                .where(old, ~asked)
                .values(body=None, raw=None)
                .execution_options(synchronize_session=False)
            )
            count = result.rowcount or 0
            if count:
                kept = s.scalar(select(func.count(InboundRow.id)).where(old)) or 0
                self._audit(s, "nejtak", "bodies_purged", "inbound",
                            {"count": count, "before": older_than.isoformat(), "kept_as_proof": kept})
            return count
