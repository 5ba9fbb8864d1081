"""The owner's choices: wanted, blocked, block suggestions and other feedback from the digest."""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nejtak.bot.store.models import BlockSuggestion, Feedback, InboundRow, Sender, utcnow
from nejtak.bot.store.sender_rows import ensure_sender


class FeedbackMixin:
    """Feedback methods of the Store."""

    def set_wanted(self, channel: str, sender: str, wanted: bool = True, actor: str = "owner",
                   inbound_id: int | None = None, detail: dict | None = None) -> None:
        """Allow-list a sender (or take it back); one feedback row, tied to the message if known."""
        with self._tx() as s:
            row = ensure_sender(s, channel, sender, utcnow())
            row.wanted = wanted
            self._feedback(s, row, "wanted" if wanted else "unwanted", actor, inbound_id, detail)

    def set_blocked(self, channel: str, sender: str, blocked: bool = True, actor: str = "owner") -> None:
        with self._tx() as s:
            now = utcnow()
            row = ensure_sender(s, channel, sender, now)
            row.blocked = blocked
            if blocked:
                s.execute(update(BlockSuggestion).where(
                    BlockSuggestion.sender_id == row.id, BlockSuggestion.state == "suggested",
                ).values(state="accepted", decided_at=now))
            self._feedback(s, row, "block" if blocked else "unblock", actor)

    def dismiss_block_suggestion(self, suggestion_id: int, actor: str = "owner") -> None:
        with self._tx() as s:
            sug = s.get(BlockSuggestion, suggestion_id)
            if sug is None:
                raise KeyError(f"no block suggestion {suggestion_id}")
            if sug.state == "suggested":
                sug.state, sug.decided_at = "dismissed", utcnow()
            s.add(Feedback(sender_id=sug.sender_id, kind="dismiss_block", created_at=utcnow(),
                           actor=actor, detail={"suggestion_id": suggestion_id}))
            self._audit(s, actor, "block_suggestion.dismissed", f"suggestion:{suggestion_id}")

    def add_feedback(self, kind: str, inbound_id: int | None = None, channel: str = "",
                     sender: str = "", detail: dict | None = None, actor: str = "owner") -> None:
        """Any other tap in the digest (send, skip, undo, ...), kept for learning and audit."""
        with self._tx() as s:
            row = ensure_sender(s, channel, sender, utcnow()) if sender else None
            if row is None and inbound_id is not None:
                sender_id = s.scalar(select(InboundRow.sender_id).where(InboundRow.id == inbound_id))
                row = s.get(Sender, sender_id) if sender_id else None
            self._feedback(s, row, kind, actor, inbound_id, detail)

    def _feedback(self, s: Session, sender: Sender | None, kind: str, actor: str,
                  inbound_id: int | None = None, detail: dict | None = None) -> None:
        s.add(Feedback(inbound_id=inbound_id, sender_id=sender.id if sender else None, kind=kind,
                       created_at=utcnow(), actor=actor, detail=detail))
        subject = f"{sender.channel}:{sender.address}" if sender else f"inbound:{inbound_id}"
        self._audit(s, actor, f"feedback.{kind}", subject, detail)

    def block_suggestions(self, state: str = "suggested") -> list[dict]:
        with self._tx() as s:
            rows = s.execute(
                select(BlockSuggestion, Sender).join(Sender, Sender.id == BlockSuggestion.sender_id)
                .where(BlockSuggestion.state == state).order_by(BlockSuggestion.created_at, BlockSuggestion.id)
            ).all()
            return [{**sug.as_dict(), "channel": snd.channel, "sender": snd.address,
                     "display_name": snd.display_name} for sug, snd in rows]
