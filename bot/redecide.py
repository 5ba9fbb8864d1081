"""Messages stored but left without a decision (a crash, a failed decision, a bad reload) are
decided again at start-up and after a good reload: here they become Inbound records again."""
from __future__ import annotations

from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import read_message


def inbound_of(row: dict) -> Inbound:
    """The stored message as the pipeline reads it: from its raw bytes when kept, else from the
    fields the store has (a chat message, or mail whose raw copy the retention dropped)."""
    if row.get("raw"):
        return read_message(row["raw"], row.get("source") or "", keep_raw=True)
    return_path = row.get("return_path")
    return Inbound(
        channel=row["channel"], source=row.get("source") or "", message_id=row.get("message_id") or "",
        sender=row.get("sender") or "", sender_name=row.get("sender_name") or "",
        from_address=row.get("from_address") or "",
        return_paths=[return_path] if return_path else None, subject=row.get("subject") or "",
        date=row.get("received_at"), in_reply_to=row.get("in_reply_to") or "", text=row.get("body") or "",
        chat_id=row.get("chat_id"), business_connection_id=row.get("business_connection_id"),
    )
