"""Follows the inbox: resume by (UIDVALIDITY, UID), hand on new mail, then IDLE or poll; reconnect on loss."""
from __future__ import annotations

import asyncio
import logging
import random
import time
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Awaitable, Callable, TypeVar

from imapclient import IMAPClient

from nejtak.bot.config import Imap
from nejtak.bot.connectors.imap_session import ImapSession, batches, select
from nejtak.bot.errors import PermanentError, TransientError
from nejtak.bot.mail.reader import MAX_BYTES

if TYPE_CHECKING:
    from nejtak.bot.connectors.imap import SyncState

log = logging.getLogger("nejtak.imap")

T = TypeVar("T")
OnMessage = Callable[[int, bytes, int], Awaitable[None]]  # uid, raw (maybe only its start), size

CHANNEL = "imap"
IDLE_SLICE = 0.5  # seconds per idle_check: how soon a stop is noticed while idling
RENEW_MAX = 25 * 60  # RFC 2177: servers may drop an IDLE after 29 minutes
# Capped low: a server back after an outage is caught up within ~15 s (one login a few seconds
# is nothing to it, and the jitter keeps clients from returning in step).
BACKOFF_FIRST, BACKOFF_MAX = 1.0, 12.0
# INTERNALDATE is the server's clock, first_started_at ours: allow for some skew between them.
CLOCK_GRACE = timedelta(hours=1)
_FETCH_BATCH = 500


class Stopped(Exception):
    """stop was set while waiting: leave quietly."""


def renew_seconds(cfg: Imap) -> float:
    """How long one IDLE lasts before DONE, NOOP, SEARCH and a new IDLE.

    Ten polling intervals (10 minutes by default), never over 25 minutes. The renewal is the
    only way to notice a connection that died silently (a NAT or load balancer dropping it:
    IDLE itself reads nothing that could fail) and a notification the server never sent; ten
    intervals keep that bounded by the owner's chosen latency without the chatter of polling.
    """
    return max(1.0, min(cfg.poll_seconds * 10, RENEW_MAX))


def backoff_delay(failures: int, rng: random.Random) -> float:
    """1 s doubling to 12 s, each with +-25 % jitter so many clients do not return in step."""
    return min(BACKOFF_FIRST * 2 ** failures, BACKOFF_MAX) * rng.uniform(0.75, 1.25)


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


class InboxWatch:
    """One run of ImapConnector.watch: a connection of its own, replaced after every failure."""

    def __init__(self, cfg: Imap, state: SyncState, account: str,
                 watching: asyncio.Event | None = None) -> None:
        self.cfg = cfg
        self.watching = watching or asyncio.Event()
        self.state = state
        self.account = account
        self.folder = cfg.inbox
        self._session: ImapSession | None = None
        self._stop = asyncio.Event()
        self._validity = 0
        self._last_uid = 0
        self._first_started: datetime | None = None
        self._healthy = False
        self._rng = random.Random()

    async def run(self, on_message: OnMessage, stop: asyncio.Event) -> None:
        self._stop = stop
        failures = 0
        while not stop.is_set():
            self._session = ImapSession(self.cfg, "watch")
            try:
                await self._follow(on_message)
            except Stopped:
                break
            except PermanentError as e:
                log.error("%s %s: %s", self.account, self.folder, e)
                raise
            except TransientError as e:
                if self._healthy:
                    failures = 0
                delay = backoff_delay(failures, self._rng)
                failures += 1
                log.warning("%s %s: %s; reconnecting in %.1f s", self.account, self.folder, e, delay)
                if await self._sleep(delay):
                    break
            finally:
                await self._session.close(wait=0.5)
        log.info("%s %s: stopped watching", self.account, self.folder)

    async def _follow(self, on_message: OnMessage) -> None:
        self._healthy = False
        validity, highest, can_idle = await self._call(_examine, self.folder)
        await self._resume(validity, highest)
        self.watching.set()
        use_idle = self.cfg.idle and can_idle
        if self.cfg.idle and not can_idle:
            log.info("%s: the server has no IDLE; polling every %s s", self.account, self.cfg.poll_seconds)
        log.info("%s %s: watching from UID %d (%s)", self.account, self.folder, self._last_uid,
                 "IDLE" if use_idle else "polling")
        while True:
            await self._catch_up(on_message)
            self._healthy = True
            if use_idle:
                await self._idle()
            elif await self._sleep(self.cfg.poll_seconds):
                raise Stopped

    async def _resume(self, validity: int, highest: int) -> None:
        """Where to start: the stored UID, or (first start, recreated folder) the newest message."""
        known_validity, last_uid, first_started = await asyncio.to_thread(
            self.state.sync_state, CHANNEL, self.account, self.folder)
        now = datetime.now(timezone.utc)
        if first_started is not None:
            self._first_started = _utc(first_started)
        elif self._first_started is None:
            self._first_started = now
        if known_validity is None or last_uid is None:
            last_uid = highest
            backlog = 0
            if self.cfg.backlog_days:
                since = now - timedelta(days=self.cfg.backlog_days)
                recent = await self._call(_uids_since, since, highest)
                if recent:
                    last_uid, backlog = min(recent) - 1, len(recent)
            log.info("%s %s: first start; existing mail is left alone except %d message(s) of the last %d day(s)",
                     self.account, self.folder, backlog, self.cfg.backlog_days)
            await self._save_position(validity, last_uid)
        elif known_validity != validity:
            log.warning("%s %s: UIDVALIDITY changed from %s to %s: the folder was recreated; "
                        "continuing with new mail only, not replaying the folder",
                        self.account, self.folder, known_validity, validity)
            last_uid = highest
            await self._save_position(validity, last_uid)
        self._validity, self._last_uid = validity, last_uid

    async def _save_position(self, validity: int, last_uid: int) -> None:
        """The store is synchronous: it writes in a thread, never on the event loop."""
        await asyncio.to_thread(self.state.set_sync_state, CHANNEL, self.account, self.folder, validity, last_uid)

    async def _catch_up(self, on_message: OnMessage) -> None:
        """Hand on every message above the last UID, in UID order; repeat until none is new."""
        assert self._first_started is not None
        floor = self._first_started - timedelta(days=self.cfg.backlog_days) - CLOCK_GRACE
        while True:
            found = await self._call(_new_uids, self._last_uid)
            if not found:
                return
            for uid, arrived, size in found:
                if self._stop.is_set():
                    raise Stopped
                if arrived is not None and _utc(arrived) < floor:
                    # Mail older than the first start (minus the backlog), copied or moved in later.
                    log.info("%s %s: UID %d arrived %s, before watching began: left alone",
                             self.account, self.folder, uid, arrived.isoformat())
                else:
                    raw = await self._call(_fetch_raw, uid, size)
                    if raw is None:
                        log.info("%s %s: UID %d vanished before it was read", self.account, self.folder, uid)
                    else:
                        await on_message(uid, raw, max(size, len(raw)))
                self._last_uid = uid
                await self._save_position(self._validity, uid)

    async def _idle(self) -> None:
        """IDLE until the server reports new mail, the renewal time is up, or stop is set."""
        renew_at = time.monotonic() + renew_seconds(self.cfg)
        if not await self._call(_idle_start):
            return
        while not self._stop.is_set():
            began = time.monotonic()
            responses = await self._call(_idle_check, IDLE_SLICE)
            if any(r and r[0] == b"BYE" for r in responses):
                raise TransientError(f"server closed the connection: {responses}")
            if any(len(r) > 1 and r[1] == b"EXISTS" for r in responses):
                break
            if not responses and time.monotonic() - began < IDLE_SLICE / 2:
                break  # woke with nothing to read: usually end of file; DONE will tell
            if time.monotonic() >= renew_at:
                break
        if self._stop.is_set():
            try:
                assert self._session is not None
                await asyncio.wait_for(self._session.run(_idle_done), IDLE_SLICE)
            except Exception:
                pass  # the connection is closed next anyway
            raise Stopped
        await self._call(_idle_done)

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run fn in the connection's thread, giving up on it (and cutting the line) when stop is set."""
        if self._stop.is_set():
            raise Stopped
        assert self._session is not None
        work = asyncio.ensure_future(self._session.run(fn, *args))
        halt = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({work, halt}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            halt.cancel()
            if not work.done():
                self._session.abort()  # the thread gives up on the cut socket; nobody waits for it
                work.cancel()
        if not work.done() or work.cancelled():
            raise Stopped
        return work.result()

    async def _sleep(self, seconds: float) -> bool:
        """Wait, unless stop is set first; True when it was."""
        try:
            await asyncio.wait_for(self._stop.wait(), seconds)
        except asyncio.TimeoutError:
            return False
        return True


# These run in the connection's thread.

def _examine(client: IMAPClient, folder: str) -> tuple[int, int, bool]:
    """EXAMINE (read-only: the watcher can never change a flag); UIDVALIDITY, highest UID, IDLE?"""
    info = select(client, folder, readonly=True)
    if info is None:
        raise PermanentError(f"folder {folder!r} does not exist")
    validity = int(info[b"UIDVALIDITY"])
    if info.get(b"UIDNEXT"):
        highest = int(info[b"UIDNEXT"]) - 1  # every later message gets a UID above this
    else:
        highest = max(client.search("ALL") or [0])
    return validity, highest, client.has_capability("IDLE")


def _took_exists(client: IMAPClient) -> bool:
    """Whether an EXISTS came along with an earlier command's answer (and forget it).

    imapclient drops untagged answers it did not ask for, but imaplib keeps them. Mail that
    arrives while SEARCH runs is announced in SEARCH's answer, and IDLE never repeats it.
    """
    return bool(client._imap.untagged_responses.pop("EXISTS", None))


def _new_uids(client: IMAPClient, last_uid: int) -> list[tuple[int, datetime | None, int]]:
    """(UID, INTERNALDATE, RFC822.SIZE) of every message above last_uid."""
    client.noop()  # new mail from other connections shows in SEARCH only after this
    _took_exists(client)  # what the NOOP announced, the SEARCH below sees
    # "UID n:*" always matches the highest message, even below n: filter.
    uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
    arrived: dict[int, tuple[datetime | None, int]] = {}
    for batch in batches(uids, _FETCH_BATCH):
        for uid, data in client.fetch(batch, ["INTERNALDATE", "RFC822.SIZE"]).items():
            arrived[uid] = (data.get(b"INTERNALDATE"), int(data.get(b"RFC822.SIZE") or 0))
    return [(uid, *arrived.get(uid, (None, 0))) for uid in uids]


def _uids_since(client: IMAPClient, since: datetime, highest: int) -> list[int]:
    """UIDs up to `highest` whose INTERNALDATE is at or after `since`."""
    # SEARCH SINCE has day granularity in the server's zone: search a day wider, then compare exactly.
    candidates = [u for u in client.search(["SINCE", (since - timedelta(days=1)).date()]) if u <= highest]
    recent = []
    for batch in batches(sorted(candidates), _FETCH_BATCH):
        for uid, data in client.fetch(batch, ["INTERNALDATE"]).items():
            when = data.get(b"INTERNALDATE")
            if when is not None and _utc(when) >= since:
                recent.append(uid)
    return sorted(recent)


def _fetch_raw(client: IMAPClient, uid: int, size: int = 0) -> bytes | None:
    """The message (PEEK: never sets \\Seen); of a large one only what the reader reads."""
    if size > MAX_BYTES:
        data = client.fetch([uid], [f"BODY.PEEK[]<0.{MAX_BYTES}>"]).get(uid)
        return next((v for k, v in data.items() if k.startswith(b"BODY[]")), None) if data else None
    data = client.fetch([uid], ["BODY.PEEK[]"]).get(uid)
    return data.get(b"BODY[]") if data else None


def _answer_waiting(client: IMAPClient) -> bool:
    """Whether the server's next words already sit in imaplib's read buffer.

    A poll on the socket cannot see them there: an EXISTS sent right behind "+ idling" would
    wait unread until the next renewal.
    """
    sock = client.socket()
    timeout = sock.gettimeout()
    sock.setblocking(False)
    try:
        return bool(client._imap.file.peek(1))
    except OSError:  # nothing buffered and nothing on the socket (ssl.SSLWantReadError included)
        return False
    finally:
        sock.settimeout(timeout)


def _idle_start(client: IMAPClient) -> bool:
    """Start IDLE; False (search again first) when mail was announced before or with it."""
    if _took_exists(client):
        return False
    client.idle()
    if _answer_waiting(client):
        client.idle_done()
        return False
    return True


def _idle_check(client: IMAPClient, timeout: float) -> list[tuple[Any, ...]]:
    return client.idle_check(timeout=timeout)


def _idle_done(client: IMAPClient) -> None:
    client.idle_done()
