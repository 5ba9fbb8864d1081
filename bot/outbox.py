"""The outbox worker: sends approved replies once, retries what may be retried, recovers after a crash."""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone

from nejtak.bot.errors import TransientError, UnreachableError

log = logging.getLogger("nejtak.outbox")

# channel -> coroutine that delivers one outbox row; raises TransientError / PermanentError
Deliver = Callable[[dict], Awaitable[None]]
# channel -> coroutine that says whether a row was delivered before a crash (None: cannot tell)
Verify = Callable[[dict], Awaitable[bool | None]]

MAX_ATTEMPTS = 8  # answers from the server (4xx) before a reply fails
# A server that does not answer at all is asked again soon (it is back within seconds once
# it is back), for as long as a refusal is still worth sending.
UNREACHABLE_RETRY_SECONDS = 12.0
UNREACHABLE_GIVE_UP = timedelta(days=2)
# How often the worker looks for approved rows nobody woke it for: `nejtak send` in another process.
POLL_SECONDS = 5.0


def retry_delay(attempts: int) -> float:
    """Seconds to wait after a transient failure: 30 s doubling, at most an hour."""
    return min(30.0 * 2 ** max(attempts - 1, 0), 3600.0)


IDLE_WAIT_SECONDS = 150.0  # the longest a transaction can take: a few server timeouts and QUIT


class OutboxWorker:
    """Moves outbox rows approved -> sending -> sent | failed, one at a time, never twice."""

    def __init__(self, store, *, clock: Callable[[], float] = time.monotonic, journal=None) -> None:
        self.store = store
        self.journal = journal  # bot.acceptance.AcceptanceJournal, read back by recover()
        self.deliver: dict[str, Deliver] = {}
        self.verify: dict[str, Verify] = {}
        self.clock = clock
        self.wake = asyncio.Event()
        self.not_before: dict[int, float] = {}  # outbox id -> monotonic time of the next try
        self.paused = False
        self._recovered = False

    def register(self, channel: str, deliver: Deliver, verify: Verify | None = None) -> None:
        self.deliver[channel] = deliver
        if verify:
            self.verify[channel] = verify

    async def recover(self) -> None:
        """Rows left in `sending` by a crash: sent if the channel shows them, else failed or retried."""
        if self.journal is not None:  # acceptances a crash kept from reaching the store
            # a sending process the crashed daemon left may still be finishing a transaction
            if not await asyncio.to_thread(self.journal.wait_idle, IDLE_WAIT_SECONDS):
                log.warning("a send begun before the restart is still going after %.0f s", IDLE_WAIT_SECONDS)
            for outbox_id, reply in (await asyncio.to_thread(self.journal.read)).items():
                row = await asyncio.to_thread(self.store.outbox_get, outbox_id)
                if row is None or row["state"] != "sending":
                    continue  # recorded in the store already (or a journal of another store)
                await asyncio.to_thread(self.store.outbox_accepted, outbox_id, reply)
                log.info("outbox %s: the server had accepted it before a restart (%s)", outbox_id, reply)
            await asyncio.to_thread(self.journal.clear)
        rows = await asyncio.to_thread(self.store.outbox_list, ["sending"])
        for row in rows:
            verify = self.verify.get(row["channel"])
            found = await verify(row) if verify else None
            if found:
                await asyncio.to_thread(self.store.outbox_transition, row["id"], "sent")
                log.info("outbox %s: found in Sent after a restart; marked sent", row["id"])
            elif found is False:
                await asyncio.to_thread(self.store.outbox_transition, row["id"], "approved",
                                        "interrupted before it was sent; retrying")
                log.info("outbox %s: not in Sent after a restart; will retry", row["id"])
            else:
                # No way to know whether it went out: never risk a second copy; the owner decides.
                await asyncio.to_thread(self.store.outbox_transition, row["id"], "failed",
                                        "interrupted while sending and no Sent folder to check: "
                                        "resend with `nejtak send` if it did not arrive")
                log.warning("outbox %s: interrupted while sending, cannot verify; marked failed", row["id"])

    async def run(self, stop: asyncio.Event) -> None:
        """Until stop is set; a reply being sent when it is set is finished first (the caller
        waits for this task rather than cancelling it, so no row is left half-sent)."""
        failures = 0
        while not stop.is_set():
            try:
                if not self._recovered:  # rows a crash left in `sending`, before anything new
                    await self.recover()
                    self._recovered = True
                # Cleared before looking, so an approval made while sending is not missed.
                self.wake.clear()
                if not self.paused:
                    await self.send_due(stop)
                failures = 0
            except Exception as e:  # the store away for a moment must not end the worker
                failures += 1
                log.error("outbox worker: %s; trying again in %.0f s", e, self._store_retry(failures))
                self.wake.clear()
            waits = [t - self.clock() for t in self.not_before.values()]
            timeout = self._store_retry(failures) if failures else max(
                1.0, min([w for w in waits if w > 0] + [POLL_SECONDS]))
            stopper = asyncio.ensure_future(stop.wait())
            waker = asyncio.ensure_future(self.wake.wait())
            await asyncio.wait({stopper, waker}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            waker.cancel()

    async def send_due(self, stop: asyncio.Event | None = None) -> int:
        """Send every approved row that is due (until stop is set); the number sent."""
        rows = await asyncio.to_thread(self.store.outbox_list, ["approved"])
        sent = 0
        for row in rows:
            if stop is not None and stop.is_set():
                break
            if self.not_before.get(row["id"], 0.0) > self.clock():
                continue
            if row["channel"] not in self.deliver:
                continue  # that channel is not connected now; it stays approved
            sent += await self.send_one(row)
        return sent

    async def send_one(self, row: dict) -> int:
        try:
            await asyncio.to_thread(self.store.outbox_transition, row["id"], "sending")
        except ValueError:
            return 0  # someone else moved it (discarded, or sent by another path)
        try:
            await self.deliver[row["channel"]](row)
        except Exception as e:
            if await self._accepted(row["id"]):  # the server took it: whatever failed after is no failure
                log.warning("outbox %s: sent, then: %s", row["id"], e)
                return 1
            return await self._failed(row, e)
        if not await self._accepted(row["id"]):  # a channel that does not record its acceptance itself
            await asyncio.to_thread(self.store.outbox_transition, row["id"], "sent")
        self.not_before.pop(row["id"], None)
        log.info("outbox %s: sent %s to %s", row["id"], row["kind"], row["to_address"])
        return 1

    @staticmethod
    def _store_retry(failures: int) -> float:
        """Seconds before the worker looks again after its own failure (the store away)."""
        return min(retry_delay(failures) / 6, UNREACHABLE_RETRY_SECONDS)

    async def _accepted(self, outbox_id: int) -> bool:
        row = await asyncio.to_thread(self.store.outbox_get, outbox_id)
        return bool(row) and row["state"] == "sent"

    async def _failed(self, row: dict, e: Exception) -> int:
        """Not sent: a transient failure is tried again later (up to MAX_ATTEMPTS; a server
        that did not answer at all, soon and for as long as the refusal is worth sending),
        anything else is not worth a retry."""
        attempts = (row.get("attempts") or 0) + 1
        created = row.get("created_at")
        if isinstance(e, UnreachableError) and (created is None or now_utc() - created < UNREACHABLE_GIVE_UP):
            delay: float | None = min(retry_delay(attempts), UNREACHABLE_RETRY_SECONDS)
        elif isinstance(e, TransientError) and attempts < MAX_ATTEMPTS:
            delay = retry_delay(attempts)
        else:
            delay = None
        if delay is not None:
            await asyncio.to_thread(self.store.outbox_transition, row["id"], "approved", str(e))
            self.not_before[row["id"]] = self.clock() + delay
            log.warning("outbox %s: %s; retry in %.0f s", row["id"], e, delay)
            return 0
        await asyncio.to_thread(self.store.outbox_transition, row["id"], "failed", str(e) or type(e).__name__)
        if isinstance(e, TransientError):
            log.error("outbox %s: giving up after %d attempts: %s", row["id"], attempts, e)
        else:
            log.error("outbox %s: failed: %s", row["id"], e)
        return 0


def now_utc() -> datetime:
    return datetime.now(timezone.utc)
