"""IMAP connector: watches the inbox, reads the owner's sender history from Sent (imap_sent.py follows
it while nejtak runs; imap_folders.py finds it), files handled mail."""
from __future__ import annotations

import asyncio
import email.utils
import logging
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any, Awaitable, Callable, Protocol, TypeVar

from imapclient import SEEN, IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from nejtak.bot.config import Imap
from nejtak.bot.connectors.imap_folders import find_inbox, find_sent
from nejtak.bot.connectors.imap_session import ImapSession, batches, select
from nejtak.bot.connectors.imap_watch import InboxWatch
from nejtak.bot.errors import PermanentError, TransientError

log = logging.getLogger("nejtak.imap")

T = TypeVar("T")
History = list[tuple[list[str], str | None, datetime | None]]

_HISTORY_FIELDS = "BODY.PEEK[HEADER.FIELDS (TO CC BCC MESSAGE-ID DATE AUTO-SUBMITTED)]"
_ANSWERED_FIELDS = "BODY.PEEK[HEADER.FIELDS (FROM REPLY-TO DATE)]"
_HISTORY_BATCH = 500
_CHECK_AFTER = 60.0  # seconds a command connection may sit unused before a NOOP checks it


class SyncState(Protocol):
    """Where the watcher got to in a folder; the Store implements it."""

    def sync_state(self, channel: str, account: str, folder: str) -> tuple[int | None, int | None, datetime | None]:
        """(uidvalidity, last_uid, first_started_at), all None before the first start."""
        ...

    def set_sync_state(self, channel: str, account: str, folder: str, uidvalidity: int, last_uid: int) -> None: ...


class ImapConnector:
    """One IMAP account: `watch` holds a connection of its own; the other calls share a second one."""

    def __init__(self, cfg: Imap, state: SyncState, account: str | None = None) -> None:
        self.cfg = cfg
        self.state = state
        self.account = account or f"{cfg.username}@{cfg.host}"
        self._commands = ImapSession(cfg, "commands", check_after=_CHECK_AFTER)
        self._lock = asyncio.Lock()
        self.watching = asyncio.Event()  # set once the inbox position is known: mail from then on is handled
        self._sent: str | None = None  # the Sent folder's server name, once found
        self.running: asyncio.Task | None = None  # the daemon's task for this account, while it has one

    async def sent_folder(self) -> str:
        """The Sent folder's name on the server: found once (SPECIAL-USE, then usual names) or the
        configured one checked; PermanentError, saying what to set, when there is none to read."""
        if self._sent is None:
            found = await self._command(find_sent, self.cfg.sent, self.account)
            log.info("sent folder of %s: %r (%s)", self.account, found.name, found.how)
            self._sent = found.name
        return self._sent

    async def _command(self, fn: Callable[..., T], *args: Any) -> T:
        async with self._lock:
            reused = self._commands.client is not None
            try:
                return await self._commands.run(fn, *args)
            except TransientError as e:
                if not reused:
                    raise
                # The shared connection died while it sat unused (a server restart, a NAT
                # timeout shorter than _CHECK_AFTER): the session dropped it; once more on a new one.
                log.info("%s: command connection lost (%s); trying again on a new one", self.account, e)
                return await self._commands.run(fn, *args)

    async def command(self, fn: Callable[..., T], *args: Any) -> T:
        """Run fn(client, *args) on the shared command connection (the Sent watch polls on it)."""
        return await self._command(fn, *args)

    async def watch(self, on_message: Callable[[int, bytes], Awaitable[None]], stop: asyncio.Event) -> None:
        """Hand on new inbox mail as (uid, raw) until stop is set; PermanentError ends it."""
        await InboxWatch(self.cfg, self.state, self.account, self.watching).run(on_message, stop)

    async def read_history(self, limit: int | None = None) -> History:
        """(recipients, Message-ID, Date) of the newest `limit` Sent messages, newest first."""
        limit = self.cfg.history_limit if limit is None else limit
        if limit <= 0:
            return []
        folder = await self.sent_folder()
        try:
            history = await self._command(self._read_history, folder, limit)
        except PermanentError:
            self._sent = None  # gone since it was found: the next start looks for it again
            raise
        log.info("%s: read %d message(s) of sender history from %s", self.account, len(history), folder)
        return history

    def _read_history(self, client: IMAPClient, folder: str, limit: int) -> History:
        if select(client, folder, readonly=True) is None:  # found a moment ago: deleted since
            raise PermanentError(f"{self.account}: the Sent folder {folder!r} is gone; no sender history "
                                 "without it (restart nejtak once it is back, or set sent to another)")
        newest = sorted(client.search("ALL"), reverse=True)[:limit]
        history: History = []
        for batch in batches(newest, _HISTORY_BATCH):
            fetched = client.fetch(batch, [_HISTORY_FIELDS])
            headers = [_header_block(fetched[uid]) for uid in batch if uid in fetched]
            # a vacation notice answered whoever wrote: the owner did not write to them
            history.extend(_history_entry(h) for h in headers if not auto_submitted(h))
        return history

    async def read_answered(self, limit: int | None = None) -> History:
        """The inbox as sender history: the senders of the newest `limit` messages the owner
        answered (\\Answered), as (sender addresses, None, Date). It covers replies the Sent
        folder misses (written on another device, or past history_limit)."""
        limit = self.cfg.history_limit if limit is None else limit
        if limit <= 0:
            return []
        history = await self._command(self._read_answered, limit)
        log.info("%s: %d answered message(s) in %s read as sender history", self.account,
                 len(history), self.cfg.inbox)
        return history

    def _read_answered(self, client: IMAPClient, limit: int) -> History:
        if select(client, self.cfg.inbox, readonly=True) is None:
            find_inbox(client, self.cfg.inbox, self.account)  # raises, saying what to set
        newest = sorted(client.search("ANSWERED"), reverse=True)[:limit]
        history: History = []
        for batch in batches(newest, _HISTORY_BATCH):
            fetched = client.fetch(batch, [_ANSWERED_FIELDS])
            for uid in batch:
                if uid in fetched:
                    senders, _, at = _history_entry(_header_block(fetched[uid]), ("From", "Reply-To"))
                    history.append((senders, None, at))
        return history

    async def mark_handled(self, uid: int, keyword: str | None = None, move_to: str | None = None) -> None:
        """Flag the inbox message with the keyword (cfg.keyword), then move it if a folder is set."""
        keyword = self.cfg.keyword if keyword is None else keyword
        move_to = self.cfg.move_to if move_to is None else move_to
        await self._command(self._mark_handled, uid, keyword, move_to)

    def _mark_handled(self, client: IMAPClient, uid: int, keyword: str, move_to: str) -> None:
        if select(client, self.cfg.inbox, readonly=False) is None:
            raise PermanentError(f"folder {self.cfg.inbox!r} does not exist")
        if uid not in client.search(["UID", str(uid)]):
            log.warning("%s: UID %d is no longer in %s: not marked", self.account, uid, self.cfg.inbox)
            return
        if keyword:
            client.add_flags([uid], [keyword], silent=True)
        if not move_to:
            return
        if not client.folder_exists(move_to):
            raise PermanentError(f"folder {move_to!r} (move_to) does not exist")
        if client.has_capability("MOVE"):
            client.move([uid], move_to)
        else:
            client.copy([uid], move_to)
            client.delete_messages([uid])
            if client.has_capability("UIDPLUS"):
                client.uid_expunge([uid])
            else:
                client.expunge()  # without UIDPLUS this also removes anything else marked \Deleted
        log.info("%s: UID %d moved to %s", self.account, uid, move_to)

    async def append_sent(self, raw: bytes) -> None:
        """Store a sent reply in the Sent folder, marked \\Seen."""
        await self._command(self._append_sent, await self.sent_folder(), raw)

    def _append_sent(self, client: IMAPClient, folder: str, raw: bytes) -> None:
        try:
            client.append(folder, raw, flags=[SEEN])
        except IMAPClientAbortError:
            raise
        except IMAPClientError:
            if not client.folder_exists(folder):
                raise PermanentError(f"the Sent folder {folder!r} does not exist") from None
            raise

    async def sent_has_message_id(self, message_id: str) -> bool:
        """Whether a message with this Message-ID is in Sent (did a reply go out before a crash?)."""
        wanted = message_id.strip().strip("<>")
        if not wanted:
            return False
        folder = await self.sent_folder()
        found = await self._command(self._sent_has_message_id, folder, wanted)
        if found is None:
            log.warning("%s: no folder %r to look for <%s> in", self.account, folder, wanted)
            return False
        return found

    def _sent_has_message_id(self, client: IMAPClient, folder: str, wanted: str) -> bool | None:
        if select(client, folder, readonly=True) is None:
            return None
        # HEADER search matches substrings: confirm each hit's Message-ID exactly.
        uids = client.search(["HEADER", "Message-ID", wanted], charset=None if wanted.isascii() else "UTF-8")
        if not uids:
            return False
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        for data in fetched.values():
            header = BytesHeaderParser(policy=compat32).parsebytes(_header_block(data))
            if _message_id(header.get("Message-ID")) == wanted:
                return True
        return False

    async def close(self) -> None:
        """Log out of the command connection (watch closes its own when stopped)."""
        async with self._lock:
            await self._commands.close()
        self._commands = ImapSession(self.cfg, "commands", check_after=_CHECK_AFTER)


def _header_block(data: dict[bytes, Any]) -> bytes:
    """The BODY[HEADER.FIELDS ...] item of a FETCH answer, however the server spelled the key."""
    for key, value in data.items():
        if isinstance(key, bytes) and key.upper().startswith(b"BODY[HEADER") and isinstance(value, bytes):
            return value
    return b""


def _message_id(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    start, end = text.find("<"), text.find(">")
    if 0 <= start < end:
        text = text[start + 1:end]
    return text.strip() or None


def auto_submitted(header: bytes) -> bool:
    """RFC 3834: mail a program sent (an auto-reply, a vacation notice), not the owner writing."""
    msg = BytesHeaderParser(policy=compat32).parsebytes(header)
    return not str(msg.get("Auto-Submitted") or "no").strip().lower().startswith("no")


def _history_entry(header: bytes, names: tuple[str, ...] = ("To", "Cc", "Bcc")
                   ) -> tuple[list[str], str | None, datetime | None]:
    msg = BytesHeaderParser(policy=compat32).parsebytes(header)
    fields = [str(v) for name in names for v in msg.get_all(name, [])]
    recipients: list[str] = []
    for _name, address in email.utils.getaddresses(fields):
        address = address.strip().lower()
        if "@" in address and address not in recipients:
            recipients.append(address)
    sent_at: datetime | None = None
    if msg.get("Date"):
        try:
            sent_at = email.utils.parsedate_to_datetime(str(msg["Date"]))
        except (TypeError, ValueError, IndexError):
            sent_at = None
    return recipients, _message_id(msg.get("Message-ID")), sent_at
