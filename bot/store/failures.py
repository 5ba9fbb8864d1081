"""Messages that could not be stored or decided: put aside (kept raw, shown to the owner) so
that they never hold up the ones behind them."""
from __future__ import annotations

from sqlalchemy import or_, select, text, update

from nejtak.bot.inbound import Inbound, safe_text
from nejtak.bot.store.models import InboundRow, Sender, utcnow
from nejtak.bot.store.states import FAILED, PUT_ASIDE

REDECIDE_AT_MOST = 1000  # per start or reload


def _plain(value: str | None, limit: int) -> str:
    """Printable text whatever it held: what a put-aside row keeps of a field."""
    return safe_text(value or "").encode("ascii", "backslashreplace").decode("ascii")[:limit]


class FailuresMixin:
    """Store methods for messages that failed (see the module docstring)."""

    def healthy(self) -> bool:
        """Whether the database answers at all (a message-specific failure leaves it so)."""
        try:
            with self._tx() as s:
                s.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001  any failure to answer means: not healthy
            return False

    def put_aside(self, msg: Inbound, raw: bytes | None, reason: str) -> int:
        """Keep a message that cannot be stored as itself: its raw bytes and a few printable
        fields, decided as `put_aside` so that the digest shows it. Returns the inbound id."""
        now = utcnow()
        with self._tx() as s:
            row = InboundRow(
                channel=_plain(msg.channel, 32) or "email", source=_plain(msg.source, 4000),
                message_id="", sender_id=None, sender_name=_plain(msg.sender_name, 255),
                from_address=_plain(msg.from_address or msg.sender, 320), return_path=None,
                received_at=None, stored_at=now, subject=_plain(msg.subject, 4000), in_reply_to="",
                size=len(raw or b""), escalate=False, signals=[], notes=[_plain(reason, 2000)],
                body=None, raw=raw, error=_plain(reason, 2000), decided_at=now, action=PUT_ASIDE,
            )
            s.add(row)
            s.flush()
            self._audit(s, "nejtak", "put_aside", f"inbound:{row.id}", {"reason": _plain(reason, 2000)})
            return row.id

    def mark_failed(self, inbound_id: int, reason: str) -> None:
        """A stored message whose decision failed: shown as failed, decided again later."""
        with self._tx() as s:
            s.execute(update(InboundRow).where(InboundRow.id == inbound_id).values(
                decided_at=utcnow(), action=FAILED, error=_plain(reason, 2000), notes=[_plain(reason, 2000)]))
            self._audit(s, "nejtak", "decision_failed", f"inbound:{inbound_id}", {"reason": _plain(reason, 2000)})

    def to_redecide(self, limit: int = REDECIDE_AT_MOST) -> list[dict]:
        """Stored messages without a decision (a crash, a failed decision), oldest first."""
        with self._tx() as s:
            rows = s.execute(
                select(InboundRow, Sender.address).outerjoin(Sender, Sender.id == InboundRow.sender_id)
                .where(or_(InboundRow.decided_at.is_(None), InboundRow.action == FAILED))
                .order_by(InboundRow.id).limit(limit)).all()
            return [{**r.as_dict(), "sender": address or ""} for r, address in rows]

    def put_aside_since(self, since) -> list[dict]:
        """Messages that failed (put aside, or deciding failed) since then, oldest first."""
        with self._tx() as s:
            rows = s.execute(
                select(InboundRow.id, InboundRow.action, InboundRow.source, InboundRow.from_address,
                       InboundRow.subject, InboundRow.error, InboundRow.stored_at)
                .where(InboundRow.action.in_([FAILED, PUT_ASIDE]), InboundRow.stored_at >= since)
                .order_by(InboundRow.id)).all()
            return [dict(r._mapping) for r in rows]
