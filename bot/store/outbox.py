"""The outbox: replies move drafted -> approved -> sending -> sent | failed, or are discarded."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update

from nejtak.bot.store.models import InboundRow, OutboxRow, RemovalRequest, Sender, utcnow

# from-state -> the states it may move to; anything else is a bug in the caller
TRANSITIONS: dict[str, frozenset[str]] = {
    "drafted": frozenset({"approved", "discarded"}),
    "approved": frozenset({"sending", "discarded", "drafted"}),  # drafted again: undo of Send
    "sending": frozenset({"sent", "failed", "approved"}),  # approved again: retry
    "failed": frozenset({"approved", "discarded"}),
    "sent": frozenset(),
    "discarded": frozenset({"drafted"}),  # undo of Skip: the draft and its request come back
}


class OutboxMixin:
    """Outbox methods of the Store."""

    def outbox_get(self, outbox_id: int) -> dict | None:
        with self._tx() as s:
            rows = self._outbox_rows(s, OutboxRow.id == outbox_id)
            return rows[0] if rows else None

    def outbox_list(self, states: Sequence[str]) -> list[dict]:
        """Replies in any of these states, oldest first, with the inbound's subject and sender."""
        with self._tx() as s:
            return self._outbox_rows(s, OutboxRow.state.in_(list(states)))

    @staticmethod
    def _outbox_rows(s, condition) -> list[dict]:
        rows = s.execute(
            select(OutboxRow, InboundRow.subject, InboundRow.message_id, Sender.address, Sender.display_name,
                   func.substr(InboundRow.body, 1, 400))
            .outerjoin(InboundRow, InboundRow.id == OutboxRow.inbound_id)
            .outerjoin(Sender, Sender.id == InboundRow.sender_id)
            .where(condition)
            .order_by(OutboxRow.created_at, OutboxRow.id)
        ).all()
        return [
            {**o.as_dict(), "inbound_subject": subject or "", "inbound_message_id": mid or "",
             "sender": address or "", "sender_name": name or "",
             "inbound_first_line": next((line.strip() for line in (excerpt or "").splitlines() if line.strip()), "")}
            for o, subject, mid, address, name, excerpt in rows
        ]

    def outbox_transition(self, outbox_id: int, to_state: str, error: str | None = None,
                          server_reply: str | None = None) -> dict:
        """Move a reply to its next state; a move the state machine forbids raises ValueError."""
        with self._tx() as s:
            row = s.scalars(
                select(OutboxRow).where(OutboxRow.id == outbox_id).with_for_update()
            ).one_or_none()
            if row is None:
                raise KeyError(f"no outbox row {outbox_id}")
            from_state = row.state
            if to_state not in TRANSITIONS.get(from_state, ()):
                raise ValueError(f"outbox {outbox_id}: {from_state} -> {to_state} is not allowed")
            now = utcnow()
            row.state, row.updated_at = to_state, now
            if to_state == "sending":
                row.attempts += 1
            elif to_state == "sent":
                row.sent_at, row.last_error = now, None
                if server_reply is not None:
                    row.server_reply = server_reply
            elif to_state == "failed":
                row.last_error = error
            elif to_state == "drafted" and from_state == "discarded":
                s.execute(update(RemovalRequest).where(RemovalRequest.outbox_id == outbox_id)
                          .values(cancelled=False))
            elif to_state == "discarded":
                # a reply that never went out is no removal request
                s.execute(update(RemovalRequest).where(RemovalRequest.outbox_id == outbox_id)
                          .values(cancelled=True))
            if error is not None and to_state != "failed":
                row.last_error = error
            detail = {"from": from_state, "to": to_state, "error": error, "attempts": row.attempts}
            if server_reply is not None:
                detail["server_reply"] = server_reply
            self._audit(s, "nejtak", f"outbox.{to_state}", f"outbox:{outbox_id}", detail)
            s.flush()
        return self.outbox_get(outbox_id)

    def outbox_accepted(self, outbox_id: int, server_reply: str) -> None:
        """The submission server answered 250 to DATA: the reply is sent, whatever happens next
        (QUIT, the copy in Sent). Recorded at once, so a crash can never send it twice; a
        second record of the same acceptance changes nothing."""
        try:
            self.outbox_transition(outbox_id, "sent", server_reply=server_reply[:1000])
        except ValueError:
            if (self.outbox_get(outbox_id) or {}).get("state") != "sent":
                raise

    def outbox_filed(self, outbox_id: int) -> None:
        """The sent reply's copy is in the Sent folder."""
        with self._tx() as s:
            s.execute(update(OutboxRow).where(OutboxRow.id == outbox_id).values(filed_at=utcnow()))

    def outbox_unfiled(self, channel: str = "email", limit: int = 200) -> list[dict]:
        """Sent replies whose copy in Sent is not recorded (a crash between the two steps)."""
        with self._tx() as s:
            return self._outbox_rows(s, (OutboxRow.state == "sent") & (OutboxRow.channel == channel)
                                     & OutboxRow.filed_at.is_(None))[:limit]
