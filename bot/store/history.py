"""Sender history: what the owner wrote, whom they asked to stop, and one sender's timeline."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, bindparam, func, literal, null, or_, select, union_all, update

from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.store.models import (
    BlockSuggestion,
    Feedback,
    InboundRow,
    Label,
    OutboxRow,
    OwnerMessage,
    RemovalRequest,
    Sender,
    as_utc,
    utcnow,
)
from nejtak.bot.store.sender_rows import (
    insert_ignoring_conflicts,
    new_sender_row,
    normalise_address,
    strip_message_id,
)

log = logging.getLogger(__name__)
CHUNK = 500  # ids per IN (...) list
NO_ID = -1  # no row has it: "exclude no sender" or "no inbound message" in a statement built once

# Statements built once, run with parameters: building and caching a statement anew for every
# message cost more than SQLite answering it.
_S, _I, _R = Sender.__table__, InboundRow.__table__, RemovalRequest.__table__
_SENDER_ROW = select(
    _S.c.id, _S.c.owner_wrote_to, _S.c.wanted, _S.c.blocked,
    select(func.count(_I.c.id)).where(_I.c.sender_id == _S.c.id, _I.c.id != bindparam("exclude"))
    .scalar_subquery().label("earlier"),
    select(func.count(_R.c.id)).where(_R.c.sender_id == _S.c.id, _R.c.cancelled.is_(False))
    .scalar_subquery().label("refusals"),
).where(_S.c.channel == bindparam("channel"), _S.c.address == bindparam("address"))
_OWN_REFUSALS = select(_R.c.requested_at).where(_R.c.sender_id == bindparam("sender_id"), _R.c.cancelled.is_(False))
_IN_OWNER_THREAD = select(OwnerMessage.__table__.c.id).where(
    OwnerMessage.__table__.c.message_id.in_(bindparam("ids", expanding=True))).limit(1)
# colleagues marked wanted or blocked (kind 1: id, wanted, first_seen), colleagues' removal
# requests (kind 0: requested_at), and the organisation's machine mail (kind 2: the last one's
# time, from how many addresses), at one organisation, the sender itself left out. Machine mail:
# a no-reply address or Auto-Submitted (the system_sender and auto_submitted rules), about the
# owner's own dealings with the firm (a receipt, an account, a web form the owner filled in),
# counted only when nejtak did not read it as a pitch (Store.record_decision): a firm's mass
# offer from noreply@ must not make its sellers' mail a draft.
_ORG_FACTS = union_all(
    select(literal(1).label("kind"), _S.c.first_seen.label("at"), _S.c.id, _S.c.wanted).where(
        _S.c.org_domain == bindparam("org"), _S.c.id != bindparam("sender_id"),
        (_S.c.wanted.is_(True)) | (_S.c.blocked.is_(True))),
    select(literal(0), _R.c.requested_at, null(), null()).select_from(_R.join(_S, _S.c.id == _R.c.sender_id))
    .where(_R.c.cancelled.is_(False), _S.c.org_domain == bindparam("org"), _S.c.id != bindparam("sender_id")),
    # (one row, count 0 when none: HAVING without GROUP BY needs SQLite 3.39)
    select(literal(2), func.max(_S.c.service_mail_at), func.count(_S.c.id), null())
    .where(_S.c.org_domain == bindparam("org"), _S.c.id != bindparam("sender_id"), _S.c.service_mail_at.isnot(None)),
)
# the owner's standing pitch labels on this address's messages (by address: a label taught from
# a file by `nejtak learn` may come before the sender ever wrote), newer than the owner's last
# wanted label on its mail (the owner changed their mind), the message being judged left out
_L = Label.__table__
_LAST_WANTED = select(func.max(_L.c.created_at)).where(
    _L.c.sender == bindparam("address"), _L.c.label == "wanted", _L.c.revoked_at.is_(None)).scalar_subquery()
_PITCH_LABELS = select(func.count(_L.c.id), func.max(_L.c.created_at), _LAST_WANTED).where(
    _L.c.sender == bindparam("address"), _L.c.label == "pitch", _L.c.revoked_at.is_(None),
    _L.c.message_key != bindparam("key"), or_(_LAST_WANTED.is_(None), _L.c.created_at > _LAST_WANTED))
_FIRST_BLOCK = select(func.min(Feedback.__table__.c.created_at)).where(
    Feedback.__table__.c.sender_id.in_(bindparam("ids", expanding=True)), Feedback.__table__.c.kind == "block")


def sender_row(conn: Connection, channel: str, address: str, exclude_inbound_id: int | None = None):
    """The sender's row (id, owner_wrote_to, wanted, blocked, earlier, refusals) or None: its
    messages other than exclude_inbound_id and its standing removal requests counted with it."""
    if not address:
        return None
    return conn.execute(_SENDER_ROW, {"channel": channel, "address": address,
                                      "exclude": NO_ID if exclude_inbound_id is None else exclude_inbound_id}).first()


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class HistoryMixin:
    """Sender-history methods of the Store."""

    def sender_history(self, channel: str, sender: str, org_domain: str, thread_ids: Sequence[str],
                       before_inbound_id: int | None = None, message_id: str = "") -> SenderHistory:
        """Never raises: when the database cannot be asked, the sender counts as known."""
        try:
            with self._conn() as conn:
                address = normalise_address(sender)
                row = sender_row(conn, channel, address, before_inbound_id)
                return self._history_of(conn, row, org_domain, thread_ids, address, strip_message_id(message_id))
        except Exception:
            log.exception("sender history lookup failed for %s:%s", channel, sender)
            return SenderHistory(lookup_failed=True)

    def _history_of(self, conn: Connection, row, org_domain: str, thread_ids: Sequence[str],
                    address: str, message_id: str) -> SenderHistory:
        """History from a sender row of sender_row() (or None), the sender's normalised address
        and the (stripped) Message-ID of the message judged, in statements built once: this runs
        for every message, so it stays a handful of indexed lookups on one connection."""
        h = SenderHistory()
        if address:
            h.pitch_labels, last, wanted = conn.execute(_PITCH_LABELS, {"address": address, "key": message_id}).one()
            h.last_pitch_label, h.wanted_label = as_utc(last), wanted is not None
        ids = sorted({i for i in (strip_message_id(t) for t in thread_ids) if i})
        for chunk in _chunks(ids):
            if conn.execute(_IN_OWNER_THREAD, {"ids": chunk}).first() is not None:
                h.in_owner_thread = True
                break
        own: list[datetime] = []
        sender_id = NO_ID
        if row is not None:
            sender_id = row.id
            h.owner_wrote_to, h.wanted, h.blocked = bool(row.owner_wrote_to), bool(row.wanted), bool(row.blocked)
            h.earlier_contacts = row.earlier or 0
            if row.refusals:
                own = list(conn.execute(_OWN_REFUSALS, {"sender_id": sender_id}).scalars())
        colleagues: list[datetime] = []
        blocked_at: datetime | None = None
        org = (org_domain or "").strip().lower()
        if org and org not in self.freemail_domains:
            colleagues, marked = [], []
            # one query for the colleagues' removal requests and the colleagues the owner marked
            for kind, at, marked_id, wanted in conn.execute(_ORG_FACTS, {"org": org, "sender_id": sender_id}):
                if kind == 2:
                    h.org_service_mail, h.last_org_service_mail = marked_id, as_utc(at)
                elif kind:
                    marked.append((marked_id, bool(wanted), at))
                else:
                    colleagues.append(at)
            if not (h.wanted or h.blocked):  # the organisation's reputation, from the owner's taps
                h.wanted, blocked_at = self._org_reputation(conn, marked)
                h.wanted_via = f"domain:{org}" if h.wanted else ""
        h.refusals = sorted(own + colleagues)
        if own:
            h.refused_via = "sender"
        elif colleagues:
            h.refused_via = f"domain:{org}"
        elif blocked_at is not None and not h.wanted:  # a new address at a blocked company: a repeat
            h.refusals, h.refused_via = [blocked_at], f"blocked:{org}"
        return h

    @staticmethod
    def _org_reputation(conn: Connection, marked: list[tuple[int, bool, datetime]]) -> tuple[bool, datetime | None]:
        """Whether a colleague at this organisation is wanted, and when one was first blocked
        (a wanted colleague wins: the owner deals with the company); marked: (id, wanted,
        first_seen) of the colleagues marked wanted or blocked."""
        if any(wanted for _, wanted, _ in marked):
            return True, None
        if not marked:
            return False, None
        blocked_at = conn.execute(_FIRST_BLOCK, {"ids": [i for i, _, _ in marked]}).scalar()
        return False, as_utc(blocked_at) or min(as_utc(first_seen) for _, _, first_seen in marked)

    def record_owner_sent(self, channel: str, recipients: Iterable[str], message_id: str | None,
                          at: datetime | None) -> None:
        """The owner wrote to these people: they are known correspondents from now on."""
        self.record_owner_sent_many([(channel, list(recipients), message_id, at)])

    def record_owner_sent_many(self, items: Iterable[tuple[str, list[str], str | None, datetime | None]]) -> int:
        """Bulk record_owner_sent in one transaction (a whole Sent folder); returns the count."""
        count = 0
        first_at: dict[tuple[str, str], datetime] = {}
        messages: dict[str, dict] = {}
        now = utcnow()
        for channel, recipients, message_id, at in items:
            count += 1
            for r in recipients:
                address = normalise_address(r)
                if address:
                    key = (channel, address)
                    when = at or now
                    if key not in first_at or when < first_at[key]:
                        first_at[key] = when
            mid = strip_message_id(message_id)
            if mid and mid not in messages:
                messages[mid] = {"channel": channel, "message_id": mid, "sent_at": at}
        with self._tx() as s:
            rows = [new_sender_row(ch, addr, when) for (ch, addr), when in first_at.items()]
            for chunk in _chunks(rows, 1000):
                insert_ignoring_conflicts(s, Sender, chunk)
            by_channel: dict[str, list[str]] = {}
            for ch, addr in first_at:
                by_channel.setdefault(ch, []).append(addr)
            for ch, addresses in by_channel.items():
                for chunk in _chunks(addresses):
                    s.execute(update(Sender).where(Sender.channel == ch, Sender.address.in_(chunk))
                              .values(owner_wrote_to=True).execution_options(synchronize_session=False))
            for chunk in _chunks(list(messages.values()), 1000):
                insert_ignoring_conflicts(s, OwnerMessage, chunk)
        return count

    def timeline(self, address: str) -> list[dict]:
        """Everything about one sender on any channel, oldest first: {at, event, detail}."""
        address = normalise_address(address)
        events: list[dict] = []

        def add(at, event, **detail):
            if at is not None:
                events.append({"at": at, "event": event, "detail": detail})

        with self._tx() as s:
            senders = list(s.scalars(select(Sender).where(func.lower(Sender.address) == address)))
            ids = [x.id for x in senders]
            if not ids:
                return []
            for m in s.scalars(select(InboundRow).where(InboundRow.sender_id.in_(ids))):
                top = sorted(m.signals or [], key=lambda h: -abs(h.get("weight", 0)))[:3]
                add(m.received_at or m.stored_at, "received", inbound_id=m.id, channel=m.channel,
                    subject=m.subject, action=m.action, score=m.score, required=m.required,
                    escalate=m.escalate, blocked_by=m.blocked_by, signals=top)
            outbox = s.scalars(select(OutboxRow).join(InboundRow, InboundRow.id == OutboxRow.inbound_id)
                               .where(InboundRow.sender_id.in_(ids)))
            for o in outbox:
                info = dict(outbox_id=o.id, kind=o.kind, state=o.state, to=o.to_address, subject=o.subject)
                add(o.created_at, "reply_drafted", **info)
                add(o.sent_at, "reply_sent", **info)
                if o.state in ("discarded", "failed"):
                    add(o.updated_at, f"reply_{o.state}", **info, error=o.last_error)
            for r in s.scalars(select(RemovalRequest).where(RemovalRequest.sender_id.in_(ids))):
                add(r.requested_at, "removal_requested", kind=r.kind, method=r.method,
                    cancelled=r.cancelled, answered=r.answered, outbox_id=r.outbox_id)
            for f in s.scalars(select(Feedback).where(Feedback.sender_id.in_(ids))):
                add(f.created_at, "feedback", kind=f.kind, actor=f.actor, inbound_id=f.inbound_id,
                    detail=f.detail)
            for b in s.scalars(select(BlockSuggestion).where(BlockSuggestion.sender_id.in_(ids))):
                add(b.created_at, "block_suggested", state=b.state, reason=b.reason, suggestion_id=b.id)
        events.sort(key=lambda e: e["at"])
        return events
