"""The owner's labels (pitch or wanted), each with what it added to the owner layer."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from nejtak.bot.store.models import InboundRow, Label, Sender, as_utc, utcnow
from nejtak.bot.store.sender_rows import normalise_address, strip_message_id

LABELS = ("pitch", "wanted")


@dataclass(frozen=True)
class LabelRow:
    id: int
    label: str
    source: str
    created_at: datetime
    delta: bytes
    inbound_id: int | None = None
    message_key: str = ""
    sender: str = ""
    subject: str = ""
    revoked_at: datetime | None = None
    revoked_reason: str | None = None


def _row(x: Label) -> LabelRow:
    return LabelRow(x.id, x.label, x.source, as_utc(x.created_at), x.delta, x.inbound_id, x.message_key,
                    x.sender, x.subject, as_utc(x.revoked_at), x.revoked_reason)


class LabelsMixin:
    """Label methods of the Store."""

    def add_label(self, label: str, source: str, delta: bytes, *, inbound_id: int | None = None,
                  message_key: str = "", channel: str = "", sender: str = "", subject: str = "",
                  detail: dict | None = None, actor: str = "owner",
                  replaces: Sequence[int] = ()) -> LabelRow:
        """Record one label (and revoke the ones it replaces, in the same transaction)."""
        if label not in LABELS:
            raise ValueError(f"a label is one of {', '.join(LABELS)}, not {label!r}")
        now = utcnow()
        with self._tx() as s:
            if replaces:
                s.execute(update(Label).where(Label.id.in_(list(replaces)), Label.revoked_at.is_(None))
                          .values(revoked_at=now, revoked_reason=f"relabelled {label} ({source})"))
            row = Label(inbound_id=inbound_id, message_key=message_key[:998], channel=channel,
                        sender=normalise_address(sender), label=label, source=source, created_at=now,
                        subject=(subject or "")[:300], delta=delta, detail=detail)
            s.add(row)
            s.flush()
            self._audit(s, actor, f"label.{label}", f"inbound:{inbound_id}" if inbound_id else message_key[:200],
                        {"source": source, "label_id": row.id, **(detail or {})})
            return _row(row)

    def active_labels(self, *, inbound_id: int | None = None, message_key: str = "", sender: str = "",
                      label: str = "", source: str = "") -> list[LabelRow]:
        """Labels not taken back, oldest first; the filters given must all match."""
        with self._tx() as s:
            q = select(Label).where(Label.revoked_at.is_(None))
            if inbound_id is not None:
                q = q.where(Label.inbound_id == inbound_id)
            if message_key:
                q = q.where(Label.message_key == message_key[:998])
            if sender:
                q = q.where(Label.sender == normalise_address(sender))
            if label:
                q = q.where(Label.label == label)
            if source:
                q = q.where(Label.source == source)
            return [_row(x) for x in s.scalars(q.order_by(Label.id))]

    def revoke_labels(self, ids: Sequence[int], reason: str, actor: str = "owner") -> list[LabelRow]:
        """Take these labels back; returns the ones that were still active."""
        if not ids:
            return []
        now = utcnow()
        with self._tx() as s:
            rows = list(s.scalars(select(Label).where(Label.id.in_(list(ids)), Label.revoked_at.is_(None))))
            for x in rows:
                x.revoked_at, x.revoked_reason = now, reason
                self._audit(s, actor, "label.revoked", f"label:{x.id}", {"label": x.label, "reason": reason})
            return [_row(x) for x in rows]

    def labels_version(self) -> tuple:
        """Changes whenever a label is added or taken back (by any process on this store)."""
        with self._tx() as s:
            return tuple(s.execute(select(func.max(Label.id), func.count(Label.revoked_at))).one())

    def labels_of_sender(self, address: str) -> list[LabelRow]:
        """Every label on messages from this address (taken back or not), oldest first."""
        address = normalise_address(address)
        with self._tx() as s:
            return [_row(x) for x in s.scalars(select(Label).where(Label.sender == address).order_by(Label.id))]

    def label_counts(self) -> dict[str, dict[str, int]]:
        """Active labels by label and source, and how many were taken back."""
        with self._tx() as s:
            out: dict[str, dict[str, int]] = {}
            rows = s.execute(select(Label.label, Label.source, Label.revoked_at.is_(None), func.count())
                             .group_by(Label.label, Label.source, Label.revoked_at.is_(None)))
            for label, source, active, n in rows:
                key = label if active else "taken back"
                out.setdefault(key, {})
                out[key][source] = out[key].get(source, 0) + n
            return out

    def latest_inbound_of(self, channel: str, address: str) -> int | None:
        """The newest stored message from this sender (what /allow, /block and the owner's own
        message to them label), or None when nothing from them is stored."""
        with self._tx() as s:
            return s.scalar(select(func.max(InboundRow.id)).join(Sender, Sender.id == InboundRow.sender_id)
                            .where(Sender.channel == channel, Sender.address == normalise_address(address)))

    def message_to_label(self, inbound_id: int) -> dict | None:
        """What a label on a stored message needs: who sent it, its ids, and its text if kept."""
        with self._tx() as s:
            row = s.execute(select(InboundRow.channel, InboundRow.message_id, InboundRow.subject,
                                   InboundRow.body, InboundRow.raw, Sender.address)
                            .outerjoin(Sender, Sender.id == InboundRow.sender_id)
                            .where(InboundRow.id == inbound_id)).first()
            if row is None:
                return None
            return {"channel": row.channel, "message_id": row.message_id or "", "subject": row.subject or "",
                    "body": row.body, "raw": row.raw, "sender": row.address or ""}

    def answered_inbound(self, channel: str, message_ids: Sequence[str]) -> tuple[int, str] | None:
        """The stored message the owner answered: (id, sender) of the first of these Message-IDs
        (In-Reply-To, then References from the newest) the store holds, or None."""
        wanted = [m for m in (strip_message_id(x) for x in message_ids) if m]
        if not wanted:
            return None
        with self._tx() as s:
            rows = s.execute(select(InboundRow.id, InboundRow.message_id, Sender.address)
                             .outerjoin(Sender, Sender.id == InboundRow.sender_id)
                             .where(InboundRow.channel == channel, InboundRow.message_id.in_(wanted[:100]))).all()
        found = {r.message_id: (r.id, r.address or "") for r in rows}
        return next((found[m] for m in wanted if m in found), None)

    def folder_labels(self, account: str, folder: str) -> list[tuple[LabelRow, dict]]:
        """Every label one training folder gave (taken back or not), oldest first, with its
        detail: what nejtak knew to be in that folder (bot/connectors/imap_training.py)."""
        with self._tx() as s:
            rows = s.scalars(select(Label).where(Label.source == "folder").order_by(Label.id))
            return [(_row(x), x.detail) for x in rows
                    if isinstance(x.detail, dict) and x.detail.get("account") == account
                    and x.detail.get("folder") == folder]
