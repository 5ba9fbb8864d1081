"""Sender history: what the owner wrote, whom they asked to stop, and one sender's timeline."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select, update

from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.store.models import (
    BlockSuggestion,
    Feedback,
    InboundRow,
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


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class HistoryMixin:
    """Sender-history methods of the Store."""

    def sender_history(self, channel: str, sender: str, org_domain: str, thread_ids: Sequence[str],
                       before_inbound_id: int | None = None) -> SenderHistory:
        """Never raises: when the database cannot be asked, the sender counts as known."""
        try:
            with self._tx() as s:
                return self._sender_history(s, channel, sender, org_domain, thread_ids, before_inbound_id)
        except Exception:
            log.exception("sender history lookup failed for %s:%s", channel, sender)
            return SenderHistory(lookup_failed=True)

    def _sender_history(self, s, channel, sender, org_domain, thread_ids, before_inbound_id) -> SenderHistory:
        row = s.execute(select(Sender.id, Sender.owner_wrote_to, Sender.wanted, Sender.blocked).where(
            Sender.channel == channel, Sender.address == normalise_address(sender))).first()
        return self._history_of(s, row, org_domain, thread_ids, before_inbound_id)

    def _history_of(self, s, row, org_domain: str, thread_ids: Sequence[str],
                    exclude_inbound_id: int | None) -> SenderHistory:
        """History from a sender row (id, owner_wrote_to, wanted, blocked) or None, in Core
        statements: this runs for every message, so it stays a handful of indexed lookups."""
        h = SenderHistory()
        ids = sorted({strip_message_id(t) for t in thread_ids if strip_message_id(t)})
        for chunk in _chunks(ids):
            if s.scalar(select(OwnerMessage.id).where(OwnerMessage.message_id.in_(chunk)).limit(1)):
                h.in_owner_thread = True
                break
        own: list[datetime] = []
        if row is not None:
            h.owner_wrote_to, h.wanted, h.blocked = bool(row.owner_wrote_to), bool(row.wanted), bool(row.blocked)
            q = select(func.count(InboundRow.id)).where(InboundRow.sender_id == row.id)
            if exclude_inbound_id is not None:
                q = q.where(InboundRow.id != exclude_inbound_id)
            h.earlier_contacts = s.scalar(q) or 0
            own = list(s.scalars(select(RemovalRequest.requested_at).where(
                RemovalRequest.sender_id == row.id, RemovalRequest.cancelled.is_(False))))
        colleagues: list[datetime] = []
        blocked_at: datetime | None = None
        org = (org_domain or "").strip().lower()
        if org and org not in self.freemail_domains:
            q = (select(RemovalRequest.requested_at)
                 .join(Sender, Sender.id == RemovalRequest.sender_id)
                 .where(RemovalRequest.cancelled.is_(False), Sender.org_domain == org))
            if row is not None:
                q = q.where(Sender.id != row.id)
            colleagues = list(s.scalars(q))
            if not (h.wanted or h.blocked):  # the organisation's reputation, from the owner's taps
                h.wanted, blocked_at = self._org_reputation(s, org, row.id if row is not None else None)
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
    def _org_reputation(s, org: str, sender_id: int | None) -> tuple[bool, datetime | None]:
        """Whether a colleague at this organisation is wanted, and when one was first blocked
        (a wanted colleague wins: the owner deals with the company)."""
        q = select(Sender.id, Sender.wanted, Sender.first_seen).where(
            Sender.org_domain == org, (Sender.wanted.is_(True)) | (Sender.blocked.is_(True)))
        if sender_id is not None:
            q = q.where(Sender.id != sender_id)
        rows = s.execute(q).all()
        if any(r.wanted for r in rows):
            return True, None
        if not rows:
            return False, None
        blocked_at = s.scalar(select(func.min(Feedback.created_at)).where(
            Feedback.sender_id.in_([r.id for r in rows]), Feedback.kind == "block"))
        return False, as_utc(blocked_at) or min(as_utc(r.first_seen) for r in rows)

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
