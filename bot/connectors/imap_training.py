"""Training folders: a message the owner moves into the pitch or wanted folder is a label; moved out, taken back.

The folder is the training set: what is in it is labelled, what leaves it (moved elsewhere or
deleted) is taken back. The labels table is the memory of what was in the folder, so a restart
neither labels a message twice nor misses a move out made while nejtak was down.
"""
from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from nejtak.bot.config import Imap
from nejtak.bot.connectors.imap import _header_block
from nejtak.bot.connectors.imap_folders import server_name
from nejtak.bot.connectors.imap_session import batches, select
from nejtak.bot.connectors.imap_watch import InboxWatch, Stopped, _fetch_raw
from nejtak.bot.errors import PermanentError, TransientError
from nejtak.bot.learning import message_key
from nejtak.bot.mail.reader import read_message
from nejtak.bot.signals.base import judged_text

if TYPE_CHECKING:
    from nejtak.bot.learning import OwnerLearning
    from nejtak.bot.store.labels import LabelRow

log = logging.getLogger("nejtak.imap")

SOURCE = "folder"
MOVED_OUT = "moved out of the training folder"  # the reason a label taken back by a move carries
_HEADER = "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
_BATCH = 500


class TrainingFolder(InboxWatch):
    """One training folder of one account, on a connection of its own.

    It reuses the inbox watch's reconnect loop, backoff and stop handling; only the way of
    following differs: the whole content of the folder, looked at every poll_seconds, rather
    than new UIDs. New mail in it is rare (the owner's moves), so polling is enough.
    """

    def __init__(self, cfg: Imap, label: str, folder: str, store: Any, learning: OwnerLearning,
                 account: str | None = None) -> None:
        super().__init__(cfg, store, account or f"{cfg.username}@{cfg.host}")
        self.label = label
        self.configured = folder  # "/" between levels, as the owner wrote it
        self.folder = folder  # the server's name for it, once known
        self.store = store
        self.learning = learning
        self._present: dict[int, str] = {}  # UID -> message key, as of the last look
        self._validity = 0

    async def follow(self, stop: asyncio.Event) -> None:
        """Label what the owner moves in and take back what leaves, until stop is set."""
        await self.run(None, stop)  # type: ignore[arg-type]  (no inbox messages to hand on)

    async def _follow(self, _on_message: Any) -> None:
        self._healthy = False
        self.folder = await self._call(ensure_folder, self.configured, self.account)
        self.watching.set()
        log.info("%s %s: training folder for %s labels (polling every %s s)",
                 self.account, self.folder, self.label, self.cfg.poll_seconds)
        while True:
            await self.look()
            self._healthy = True
            if await self._sleep(self.cfg.poll_seconds):
                raise Stopped

    async def look(self) -> None:
        """Compare the folder with what was in it: label arrivals, take back what left."""
        validity, uids = await self._call(_folder_uids, self.folder)
        first = validity != self._validity  # the first look, or the folder was recreated
        if first:
            self._present, self._validity = {}, validity
        here = set(uids)
        for uid in [u for u in self._present if u not in here]:
            del self._present[uid]
        memory = await asyncio.to_thread(self._memory)
        arrivals = [u for u in uids if u not in self._present]
        complete = True
        for batch in batches(arrivals, _BATCH):
            heads = await self._call(_message_ids, batch)
            for uid in batch:
                if uid not in heads:
                    continue  # gone between SEARCH and FETCH
                try:
                    await self._arrived(uid, *heads[uid], memory, first)
                except (Stopped, TransientError, PermanentError):
                    raise
                except Exception as e:  # noqa: BLE001  the store away, say: looked at again next time
                    log.warning("%s %s: cannot label UID %d now: %s", self.account, self.folder, uid, e)
                    complete = False
        if complete:  # a message not read this time might be the one a label belongs to
            await self._moved_out(memory)

    async def _arrived(self, uid: int, mid: str, size: int, memory: dict[str, LabelRow], first: bool) -> None:
        """A message seen in the folder for the first time (since start): label it, unless the
        folder's own label on it is still on, or (at start) the owner took it back while it stayed."""
        raw = None
        if not mid:  # without a Message-ID the key is a hash of the text: read it first
            raw = await self._call(_fetch_raw, uid, size)
            if raw is None:
                return
        key = message_key(mid, await asyncio.to_thread(self._text, raw, size) if raw is not None else "")
        last = memory.get(key)
        if last is not None and (last.revoked_at is None or (first and not _left(last))):
            self._present[uid] = key  # still labelled; or relabelled by the owner while it stayed
            return
        if raw is None:
            raw = await self._call(_fetch_raw, uid, size)
            if raw is None:
                return
        await asyncio.to_thread(self._teach, uid, raw, size, key)
        self._present[uid] = key

    def _teach(self, uid: int, raw: bytes, size: int, key: str) -> None:
        msg = read_message(raw, f"imap:{self.account}/{self.folder}/{uid}", size=size)
        found = self.store.answered_inbound("email", [msg.message_id]) if msg.message_id else None
        row = self.learning.teach(
            self.label, SOURCE, judged_text(msg, self.learning.owner_addresses),
            inbound_id=found[0] if found else None, message_id=msg.message_id, channel="email",
            sender=msg.sender, subject=msg.subject,
            detail={"folder": self.folder, "account": self.account, "uid": uid, "uidvalidity": self._validity})
        if row is not None:
            log.info("%s %s: UID %d from %s labelled %s", self.account, self.folder, uid,
                     msg.sender or "?", self.label)
        elif not key.startswith("sha256:"):
            log.info("%s %s: UID %d was labelled %s already", self.account, self.folder, uid, self.label)

    def _text(self, raw: bytes, size: int) -> str:
        return judged_text(read_message(raw, "imap", size=size), self.learning.owner_addresses)

    async def _moved_out(self, memory: dict[str, LabelRow]) -> None:
        """Labels this folder gave whose message is no longer in it: taken back."""
        here = set(self._present.values())
        gone = [k for k, row in memory.items() if row.revoked_at is None and k not in here]
        for key in gone:
            n = await asyncio.to_thread(self.learning.forget, message_id=key, label=self.label, source=SOURCE,
                                        reason=f"{MOVED_OUT} {self.folder}")
            if n:
                log.info("%s %s: %s left the folder: %s label taken back", self.account, self.folder,
                         key[:80], self.label)

    def _memory(self) -> dict[str, LabelRow]:
        """Message key -> the newest label this folder gave it."""
        return {row.message_key: row for row, _detail in self.store.folder_labels(self.account, self.folder)}


def _left(row: LabelRow) -> bool:
    """Whether a label was taken back because its message left the folder: moved out, or moved
    to the other training folder (whose label replaced it), rather than by the owner's word."""
    reason = row.revoked_reason or ""
    return reason.startswith(MOVED_OUT) or reason.endswith(f"({SOURCE})")


# These run in the connection's thread.

def ensure_folder(client: IMAPClient, configured: str, account: str = "") -> str:
    """The folder's server name, created (and subscribed, so mail programs show it) if missing."""
    name = server_name(client, configured)
    if client.folder_exists(name):
        return name
    try:
        client.create_folder(name)
    except IMAPClientAbortError:
        raise
    except IMAPClientError as e:
        if not client.folder_exists(name):  # not another client racing us: the server said no
            raise PermanentError(f"cannot create the training folder {name!r}: {e}") from e
    try:
        client.subscribe_folder(name)
    except IMAPClientAbortError:
        raise
    except IMAPClientError as e:
        log.info("%s: %s created but not subscribed (%s)", account, name, e)
    log.info("%s: created the training folder %s", account, name)
    return name


def _folder_uids(client: IMAPClient, folder: str) -> tuple[int, list[int]]:
    """UIDVALIDITY and every UID in the folder (EXAMINE: read-only, nothing marked read)."""
    info = select(client, folder, readonly=True)
    if info is None:  # deleted while watched: the reconnect creates it again
        raise TransientError(f"the training folder {folder!r} is gone")
    return int(info[b"UIDVALIDITY"]), sorted(client.search("ALL"))


def _message_ids(client: IMAPClient, uids: list[int]) -> dict[int, tuple[str, int]]:
    """UID -> (Message-ID as the reader reads it, "" when none; RFC822.SIZE)."""
    out = {}
    for uid, data in client.fetch(uids, [_HEADER, "RFC822.SIZE"]).items():
        head = _header_block(data)
        mid = read_message(head + b"\r\n", "imap").message_id if head.strip() else ""
        out[uid] = (mid, int(data.get(b"RFC822.SIZE") or 0))
    return out
