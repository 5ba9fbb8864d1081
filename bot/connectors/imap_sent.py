"""Follows the Sent folder while nejtak runs: what the owner writes from now on, by polling.

Polling on the shared command connection, not IDLE on a third one: a reply the owner wrote a
minute ago teaches as well as one written a second ago, and most servers cap connections."""
from __future__ import annotations

import asyncio
import logging
import re
from datetime import datetime, timedelta, timezone
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from imapclient import IMAPClient

from nejtak.bot.connectors.imap import _header_block, _history_entry, auto_submitted
from nejtak.bot.connectors.imap_session import batches, select
from nejtak.bot.errors import NejtakError
from nejtak.bot.owner_replies import OwnerSent

if TYPE_CHECKING:
    from nejtak.bot.connectors.imap import ImapConnector

log = logging.getLogger("nejtak.imap")

OnSent = Callable[[OwnerSent, bool], Awaitable[None]]  # the message, and whether it may teach
CHANNEL = "imap"  # the sync state's channel, as the inbox watch keeps it
_FIELDS = "BODY.PEEK[HEADER.FIELDS (TO CC BCC MESSAGE-ID DATE IN-REPLY-TO REFERENCES AUTO-SUBMITTED)]"
_BATCH = 200
# The Date is the sender's clock, first_started_at ours: allow for some skew between them.
CLOCK_GRACE = timedelta(hours=1)
_MESSAGE_IDS = re.compile(r"<([^<>\s]+)>")


class SentWatch:
    """New UIDs in Sent since the last one seen, kept in the store's sync state like the inbox's."""

    def __init__(self, conn: ImapConnector) -> None:
        self.conn = conn
        self.cfg = conn.cfg
        self.folder = conn.cfg.sent or "Sent"  # the server's name once resume() has found it
        self._validity: int | None = None
        self._last_uid = 0
        self._floor: datetime | None = None  # mail dated before this is history, not a lesson

    @property
    def positioned(self) -> bool:
        return self._validity is not None

    async def resume(self) -> bool:
        """Where to go on from: the stored UID, or (first start, recreated folder) the newest
        message now, so that the Sent mail from before is read as history only. False while
        the folder is missing (after it was found: deleted since). No Sent folder to be found,
        or the configured one missing: PermanentError, which stops the account."""
        self.folder = await self.conn.sent_folder()
        found = await self.conn.command(_position, self.folder)
        if found is None:
            return False
        validity, highest = found
        known, last_uid, first_started = await asyncio.to_thread(
            self.conn.state.sync_state, CHANNEL, self.conn.account, self.folder)
        if known != validity or last_uid is None:
            if known is not None:
                log.warning("%s %s: UIDVALIDITY changed from %s to %s: the folder was recreated; "
                            "going on with new mail only", self.conn.account, self.folder, known, validity)
            last_uid = highest
            await self._save(validity, last_uid)
        self._validity, self._last_uid = validity, last_uid
        started = first_started or datetime.now(timezone.utc)
        self._floor = (started if started.tzinfo else started.replace(tzinfo=timezone.utc)) - CLOCK_GRACE
        log.info("%s %s: following what the owner sends from UID %d", self.conn.account, self.folder, last_uid)
        return True

    async def run(self, on_sent: OnSent, stop: asyncio.Event) -> None:
        """Every cfg.poll_seconds, hand on the owner's new messages, oldest first, until stop is set.
        A failure (the server or the store away) is tried again at the next poll."""
        failing = False
        while not stop.is_set():
            try:
                if self.positioned or await self.resume():
                    await self._catch_up(on_sent, stop)
                failing = False
            except Exception as e:  # noqa: BLE001  the server or the store away: the next poll tries again
                if not failing:
                    log.warning("%s %s: cannot read what the owner sent (%s); trying again every %g s",
                                self.conn.account, self.folder, e, self.cfg.poll_seconds,
                                exc_info=not isinstance(e, NejtakError))
                failing = True
            try:
                await asyncio.wait_for(stop.wait(), self.cfg.poll_seconds)
            except asyncio.TimeoutError:
                pass

    async def _catch_up(self, on_sent: OnSent, stop: asyncio.Event) -> None:
        while not stop.is_set():
            found = await self.conn.command(_sent_after, self.folder, self._last_uid)
            if found is None:  # the folder went away: find it (and where to start) again
                self._validity = None
                return
            validity, messages = found
            if validity != self._validity:
                self._validity = None  # recreated: resume() starts after its newest message
                return
            if not messages:
                return
            for uid, header in messages:
                sent = owner_sent(header)
                fresh = sent.sent_at is None or _utc(sent.sent_at) >= self._floor
                if not fresh:
                    log.info("%s %s: UID %d is dated %s, before nejtak began: history only",
                             self.conn.account, self.folder, uid, sent.sent_at.isoformat())
                await on_sent(sent, fresh)
                self._last_uid = uid
                await self._save(validity, uid)

    async def _save(self, validity: int, last_uid: int) -> None:
        await asyncio.to_thread(self.conn.state.set_sync_state, CHANNEL, self.conn.account, self.folder,
                                validity, last_uid)


def owner_sent(header: bytes) -> OwnerSent:
    """The parts of a sent message's header that learning needs."""
    recipients, message_id, sent_at = _history_entry(header)
    msg = BytesHeaderParser(policy=compat32).parsebytes(header)
    answers = _MESSAGE_IDS.findall(str(msg.get("In-Reply-To") or ""))
    answers += [m for m in reversed(_MESSAGE_IDS.findall(str(msg.get("References") or ""))) if m not in answers]
    return OwnerSent("email", recipients, message_id, sent_at, answers, auto_submitted=auto_submitted(header))


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


# These run in the command connection's thread.

def _position(client: IMAPClient, folder: str) -> tuple[int, int] | None:
    """(UIDVALIDITY, highest UID) of the folder, None when it does not exist."""
    info = select(client, folder, readonly=True)
    if info is None:
        return None
    return int(info[b"UIDVALIDITY"]), _highest(client, info)


def _highest(client: IMAPClient, info: dict[bytes, Any]) -> int:
    if info.get(b"UIDNEXT"):
        return int(info[b"UIDNEXT"]) - 1  # every later message gets a UID above this
    return max(client.search("ALL") or [0])


def _sent_after(client: IMAPClient, folder: str, last_uid: int) -> tuple[int, list[tuple[int, bytes]]] | None:
    """(UIDVALIDITY, [(UID, header)]) of up to _BATCH messages above last_uid."""
    info = select(client, folder, readonly=True)  # a fresh EXAMINE sees what other clients appended
    if info is None:
        return None
    # "UID n:*" always matches the highest message, even below n: filter.
    uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)[:_BATCH]
    messages: list[tuple[int, bytes]] = []
    for batch in batches(uids, _BATCH):
        fetched = client.fetch(batch, [_FIELDS])
        messages.extend((uid, _header_block(fetched[uid])) for uid in batch if uid in fetched)
    return int(info[b"UIDVALIDITY"]), messages
