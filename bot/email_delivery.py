"""E-mail refusals out: through the owner's submission server, the server's acceptance recorded
at once (journal, then store), and the copy filed in Sent as a step of its own."""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from nejtak.bot.errors import PermanentError, TransientError
from nejtak.bot.verdict import ReplyDraft
from nejtak.responders.email_reply import build_message

if TYPE_CHECKING:
    from nejtak.bot.daemon import Daemon

log = logging.getLogger("nejtak.daemon")


def draft_of(row: dict) -> ReplyDraft:
    """An outbox row back as the reply it holds."""
    refs = row.get("references") or []
    if isinstance(refs, str):
        refs = refs.split()
    return ReplyDraft(to=row["to_address"], subject=row.get("subject") or "", body=row["body"],
                      language=row.get("language") or "", kind=row["kind"], channel=row["channel"],
                      from_address=row.get("from_address") or "", in_reply_to=row.get("in_reply_to") or "",
                      references=list(refs), message_id=row.get("message_id") or "")


async def deliver(daemon: Daemon, row: dict) -> None:
    """Send one outbox row; raises Transient- or PermanentError as the outbox worker expects."""
    if daemon.smtp is None:
        raise TransientError("no [smtp] server configured")
    message = build_message(draft_of(row), daemon.config.owner.name, date=datetime.now(timezone.utc))
    # the server's 250 to DATA is recorded before QUIT: a crash after it never sends twice
    await daemon.smtp.send(message, envelope_from=row["from_address"], to=row["to_address"],
                           on_accepted=lambda reply: accepted(daemon, row["id"], reply), outbox_id=row["id"])
    await file_in_sent(daemon, row, message.as_bytes())


def accepted(daemon: Daemon, outbox_id: int, reply: str) -> None:
    """The server's 250 to DATA: in the journal at once, then in the store (in the sending
    thread, before QUIT). From here on the refusal is sent, whatever happens next."""
    daemon.journal.record(outbox_id, reply)
    daemon.store.outbox_accepted(outbox_id, reply)


async def file_in_sent(daemon: Daemon, row: dict, raw: bytes | None = None) -> None:
    """The copy in Sent: a step of its own, which a restart completes (once: by Message-ID)."""
    if not daemon.imap:
        return
    try:
        if raw is None:  # completing after a restart: not there yet?
            if await daemon.imap[0].sent_has_message_id(row["message_id"]):
                await asyncio.to_thread(daemon.store.outbox_filed, row["id"])
                return
            message = build_message(draft_of(row), daemon.config.owner.name,
                                    date=row.get("sent_at") or datetime.now(timezone.utc))
            raw = message.as_bytes()
        await daemon.imap[0].append_sent(raw)
        await asyncio.to_thread(daemon.store.outbox_filed, row["id"])
    except (TransientError, PermanentError) as e:
        log.warning("outbox %s sent, but not filed in Sent yet: %s", row["id"], e)


async def file_unfiled(daemon: Daemon) -> None:
    """Replies sent before a crash or restart whose copy never reached Sent."""
    rows = await asyncio.to_thread(daemon.store.outbox_unfiled)
    for row in rows:
        if row.get("message_id"):
            await file_in_sent(daemon, row)


async def verify(daemon: Daemon, row: dict) -> bool | None:
    """Whether a row a crash left in `sending` is in Sent (None: cannot tell)."""
    if not daemon.imap or not row.get("message_id"):
        return None
    try:
        return await daemon.imap[0].sent_has_message_id(row["message_id"])
    except (TransientError, PermanentError) as e:
        log.warning("cannot check the Sent folder: %s", e)
        return None
