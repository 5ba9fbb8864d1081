"""The IMAP connector against a real Dovecot: watching, resuming, history, marking, Sent."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from datetime import datetime, timedelta, timezone
from typing import AsyncIterator

import pytest

from nejtak.bot.connectors.imap import ImapConnector
from nejtak.bot.connectors.imap_watch import CHANNEL, backoff_delay, renew_seconds
from nejtak.bot.errors import PermanentError

pytestmark = pytest.mark.dovecot


class MemoryState:
    """The Store's sync-state calls, in memory."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], tuple[int, int, datetime]] = {}

    def sync_state(self, channel: str, account: str, folder: str) -> tuple[int | None, int | None, datetime | None]:
        return self.rows.get((channel, account, folder), (None, None, None))

    def set_sync_state(self, channel: str, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        key = (channel, account, folder)
        first = self.rows[key][2] if key in self.rows else datetime.now(timezone.utc)
        self.rows[key] = (uidvalidity, last_uid, first)


class Inbox:
    """Collects what the connector hands on, and waits for it with a deadline."""

    def __init__(self) -> None:
        self.got: list[tuple[int, bytes]] = []
        self._changed = asyncio.Event()

    async def __call__(self, uid: int, raw: bytes, size: int | None = None) -> None:
        self.got.append((uid, raw))
        self.sizes = {**getattr(self, "sizes", {}), uid: size}
        self._changed.set()

    @property
    def subjects(self) -> list[str]:
        return [raw.split(b"Subject: ", 1)[1].split(b"\r\n", 1)[0].decode() for _uid, raw in self.got]

    async def wait_for(self, count: int, timeout: float = 5.0) -> float:
        """Seconds it took until `count` messages were handed on."""
        began = time.monotonic()
        deadline = began + timeout
        while len(self.got) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"only {len(self.got)} of {count} messages after {timeout} s: {self.subjects}")
            self._changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)
        return time.monotonic() - began


def mail(subject: str, message_id: str | None = None, to: str = "tester@example.test", extra: str = "") -> bytes:
    mid = message_id or f"{subject.replace(' ', '-')}@example.test"
    return (f"From: Seller <seller@example.test>\r\nTo: {to}\r\n{extra}Subject: {subject}\r\n"
            f"Message-ID: <{mid}>\r\nDate: Mon, 02 Mar 2026 10:00:00 +0100\r\n\r\nBuy now.\r\n").encode()


async def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def watching(connector: ImapConnector, inbox: Inbox, state: MemoryState) -> AsyncIterator[asyncio.Task]:
    """Run watch until the block ends; the block starts once the connector knows where it is."""
    stop = asyncio.Event()
    task = asyncio.create_task(connector.watch(inbox, stop))
    await wait_until(lambda: state.rows or task.done())
    if task.done():
        task.result()
    await asyncio.sleep(0.2)  # let it finish its first round and settle into IDLE or its poll wait
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, 2)
        await connector.close()


def flags_in(dovecot, folder: str) -> dict[int, tuple[bytes, ...]]:
    with dovecot.imap() as c:
        c.select_folder(folder, readonly=True)
        return {uid: d[b"FLAGS"] for uid, d in c.fetch(c.search("ALL"), ["FLAGS"]).items()}


async def test_first_start_hands_on_only_new_mail_and_leaves_it_unseen(mailbox):
    mailbox.deliver(mail("old one"))
    mailbox.deliver(mail("old two"))
    state, inbox = MemoryState(), Inbox()
    async with watching(ImapConnector(mailbox.imap_config(), state), inbox, state):
        with mailbox.imap() as client:  # UIDs go on after a reset: compare with the box itself
            client.select_folder("INBOX", readonly=True)
            highest = max(client.search("ALL"))
        assert state.rows[(CHANNEL, "tester@127.0.0.1", "INBOX")][:2][1] == highest
        mailbox.deliver(mail("new one"))
        await inbox.wait_for(1)
    assert inbox.subjects == ["new one"]
    assert inbox.got[0][1].startswith(b"Return-Path: <sender@example.test>")
    assert all(b"\\Seen" not in f for f in flags_in(mailbox, "INBOX").values())


async def test_backlog_days_hands_on_recent_existing_mail(mailbox):
    now = datetime.now(timezone.utc)
    mailbox.append("INBOX", mail("three days old"), when=now - timedelta(days=3))
    mailbox.append("INBOX", mail("an hour old"), when=now - timedelta(hours=1))
    mailbox.append("INBOX", mail("five days old"), when=now - timedelta(days=5))
    state, inbox = MemoryState(), Inbox()
    async with watching(ImapConnector(mailbox.imap_config(backlog_days=1), state), inbox, state):
        await inbox.wait_for(1)
        mailbox.deliver(mail("new one"))
        await inbox.wait_for(2)
    assert inbox.subjects == ["an hour old", "new one"]


async def test_resume_picks_up_exactly_what_came_while_down(mailbox):
    state, first, second = MemoryState(), Inbox(), Inbox()
    cfg = mailbox.imap_config()
    async with watching(ImapConnector(cfg, state), first, state):
        mailbox.deliver(mail("while up"))
        await first.wait_for(1)
    mailbox.deliver(mail("while down 1"))
    mailbox.deliver(mail("while down 2"))
    async with watching(ImapConnector(cfg, state), second, state):
        await second.wait_for(2)
        mailbox.deliver(mail("after"))
        await second.wait_for(3)
    assert first.subjects == ["while up"]
    assert second.subjects == ["while down 1", "while down 2", "after"]
    uids = [uid for uid, _ in first.got + second.got]
    assert uids == sorted(set(uids))


async def test_a_failing_handler_does_not_lose_the_message(mailbox):
    state, cfg = MemoryState(), mailbox.imap_config()

    async def broken(uid: int, raw: bytes, size: int | None = None) -> None:
        raise RuntimeError("store is broken")

    stop = asyncio.Event()
    task = asyncio.create_task(ImapConnector(cfg, state).watch(broken, stop))
    await wait_until(lambda: bool(state.rows))
    mailbox.deliver(mail("precious"))
    with pytest.raises(RuntimeError):
        await asyncio.wait_for(task, 5)
    inbox = Inbox()
    async with watching(ImapConnector(cfg, state), inbox, state):
        await inbox.wait_for(1)
    assert inbox.subjects == ["precious"]


async def test_idle_notices_a_delivery_within_seconds(mailbox):
    state, inbox = MemoryState(), Inbox()
    # poll_seconds=60: only IDLE can bring the message in time (the renewal is 10 minutes away).
    async with watching(ImapConnector(mailbox.imap_config(poll_seconds=60), state), inbox, state):
        mailbox.deliver(mail("idle"))
        took = await inbox.wait_for(1, timeout=5)
    assert took < 3, took


async def test_polling_without_idle(mailbox):
    state, inbox = MemoryState(), Inbox()
    async with watching(ImapConnector(mailbox.imap_config(idle=False, poll_seconds=0.3), state), inbox, state):
        mailbox.deliver(mail("polled 1"))
        await inbox.wait_for(1)
        mailbox.deliver(mail("polled 2"))
        await inbox.wait_for(2)
    assert inbox.subjects == ["polled 1", "polled 2"]


async def test_reconnects_after_dovecot_restart_during_idle(mailbox, caplog):
    state, inbox = MemoryState(), Inbox()
    caplog.set_level(logging.INFO, logger="nejtak.imap")
    async with watching(ImapConnector(mailbox.imap_config(poll_seconds=60), state), inbox, state):
        await asyncio.to_thread(mailbox.restart)
        mailbox.deliver(mail("during the outage"))  # the connector is still waiting to reconnect
        await inbox.wait_for(1, timeout=10)
        mailbox.deliver(mail("after the outage"))
        await inbox.wait_for(2, timeout=5)
    assert inbox.subjects == ["during the outage", "after the outage"]
    assert any("reconnecting in" in r.getMessage() for r in caplog.records)


async def test_uidvalidity_change_starts_from_the_newest_message(mailbox, caplog):
    with mailbox.imap() as c:
        c.create_folder("Pitches")
    state, first, second = MemoryState(), Inbox(), Inbox()
    cfg = mailbox.imap_config(inbox="Pitches", idle=False, poll_seconds=0.2)
    async with watching(ImapConnector(cfg, state), first, state):
        mailbox.append("Pitches", mail("before"))
        await first.wait_for(1)
    old_validity = state.rows[(CHANNEL, "tester@127.0.0.1", "Pitches")][0]
    with mailbox.imap() as c:
        c.delete_folder("Pitches")
        c.create_folder("Pitches")
    mailbox.append("Pitches", mail("in the new folder 1"))
    mailbox.append("Pitches", mail("in the new folder 2"))
    caplog.set_level(logging.WARNING, logger="nejtak.imap")
    async with watching(ImapConnector(cfg, state), second, state):
        mailbox.append("Pitches", mail("new after recreation"))
        await second.wait_for(1)
    validity, last_uid, _ = state.rows[(CHANNEL, "tester@127.0.0.1", "Pitches")]
    assert validity != old_validity and last_uid == 3
    assert second.subjects == ["new after recreation"]
    assert any("UIDVALIDITY changed" in r.getMessage() for r in caplog.records)


async def test_read_history_returns_recipients_and_message_ids_bounded_by_limit(mailbox):
    mailbox.append("Sent", mail("s1", "one@me.test", to="Anna <Anna@Example.TEST>"), flags=(b"\\Seen",))
    mailbox.append("Sent", mail("s2", "two@me.test", to="bo@example.test", extra="Cc: Cy <CY@x.test>, bo@example.test\r\n"))
    mailbox.append("Sent", mail("s3", "three@me.test", to="dee@y.test", extra="Bcc: eve@z.test\r\n"))
    connector = ImapConnector(mailbox.imap_config(), MemoryState())
    try:
        everything = await connector.read_history()
        newest = await connector.read_history(limit=2)
        assert [mid for _r, mid, _d in everything] == ["three@me.test", "two@me.test", "one@me.test"]
        assert [r for r, _m, _d in everything] == [["dee@y.test", "eve@z.test"], ["bo@example.test", "cy@x.test"],
                                                    ["anna@example.test"]]
        assert everything[0][2] == datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))
        assert newest == everything[:2]
        assert await connector.read_history(limit=0) == []
        with mailbox.imap() as c:
            c.delete_folder("Sent")
        # no history is not a quiet empty one: every correspondent would look like a stranger
        with pytest.raises(PermanentError, match="Sent"):
            await connector.read_history()
    finally:
        await connector.close()


async def test_mark_handled_sets_the_keyword_and_moves(mailbox):
    mailbox.deliver(mail("keep here"))
    mailbox.deliver(mail("file away"))
    with mailbox.imap() as c:
        c.create_folder("Refused")
    keep, away = sorted(flags_in(mailbox, "INBOX"))
    connector = ImapConnector(mailbox.imap_config(), MemoryState())
    try:
        await connector.mark_handled(keep)
        await connector.mark_handled(away, move_to="Refused")
        inbox, refused = flags_in(mailbox, "INBOX"), flags_in(mailbox, "Refused")
        assert list(inbox) == [keep] and b"$NejtakRefused" in inbox[keep] and b"\\Seen" not in inbox[keep]
        assert len(refused) == 1 and b"$NejtakRefused" in next(iter(refused.values()))
        await connector.mark_handled(keep, keyword="$Other", move_to="")
        assert b"$Other" in flags_in(mailbox, "INBOX")[keep]
        with pytest.raises(PermanentError):
            await connector.mark_handled(keep, move_to="Nowhere")
    finally:
        await connector.close()


async def test_append_sent_and_find_it_by_message_id(mailbox):
    connector = ImapConnector(mailbox.imap_config(), MemoryState())
    try:
        assert not await connector.sent_has_message_id("<reply-1@nejtak.test>")
        await connector.append_sent(mail("Re: offer", "reply-1@nejtak.test"))
        assert await connector.sent_has_message_id("<reply-1@nejtak.test>")
        assert await connector.sent_has_message_id("reply-1@nejtak.test")
        assert not await connector.sent_has_message_id("reply-1@nejtak")  # a substring is not the id
        assert [b"\\Seen" in f for f in flags_in(mailbox, "Sent").values()] == [True]
    finally:
        await connector.close()


async def test_wrong_password_is_permanent_and_quick(mailbox, tmp_path):
    wrong = tmp_path / "pw"
    wrong.write_text("not the password")
    began = time.monotonic()
    with pytest.raises(PermanentError, match="login failed"):
        await asyncio.wait_for(ImapConnector(mailbox.imap_config(password_file=str(wrong)), MemoryState())
                               .watch(Inbox(), asyncio.Event()), 5)
    assert time.monotonic() - began < 3


async def test_missing_inbox_folder_is_permanent(mailbox):
    with pytest.raises(PermanentError, match="does not exist"):
        await asyncio.wait_for(ImapConnector(mailbox.imap_config(inbox="Nope"), MemoryState())
                               .watch(Inbox(), asyncio.Event()), 5)


@pytest.mark.parametrize("idle", [True, False])
async def test_stop_is_prompt(mailbox, idle):
    state = MemoryState()
    stop = asyncio.Event()
    task = asyncio.create_task(ImapConnector(mailbox.imap_config(idle=idle, poll_seconds=60), state)
                               .watch(Inbox(), stop))
    await wait_until(lambda: bool(state.rows))
    await asyncio.sleep(0.3)
    began = time.monotonic()
    stop.set()
    await asyncio.wait_for(task, 2)
    assert time.monotonic() - began < 1


async def test_stop_is_prompt_while_waiting_to_reconnect(mailbox):
    closed = mailbox.imap_port + 0
    mailbox.stop()
    try:
        stop = asyncio.Event()
        task = asyncio.create_task(ImapConnector(mailbox.imap_config(port=closed), MemoryState())
                                   .watch(Inbox(), stop))
        await asyncio.sleep(0.3)  # refused, now in its backoff
        assert not task.done()
        began = time.monotonic()
        stop.set()
        await asyncio.wait_for(task, 2)
        assert time.monotonic() - began < 1
    finally:
        mailbox.start()


def test_backoff_doubles_to_twelve_seconds_with_jitter():
    """Capped low, so that mail is caught up within 20 s of the server's return (it was 5 minutes)."""
    rng = random.Random(7)
    delays = [backoff_delay(n, rng) for n in range(12)]
    assert 0.75 <= delays[0] <= 1.25 and 1.5 <= delays[1] <= 2.5
    assert all(9 <= d <= 15 for d in delays[4:])


def test_renewal_stays_under_the_29_minute_limit(dovecot):
    assert renew_seconds(dovecot.imap_config(poll_seconds=60)) == 600
    assert renew_seconds(dovecot.imap_config(poll_seconds=3600)) == 25 * 60


async def test_read_answered_gives_the_senders_of_mail_the_owner_answered(mailbox):
    """The inbox as sender history: who the owner replied to, even when Sent does not show it."""
    asked = mail("asked", "a1@x.test").replace(b"Seller <seller@example.test>", b"Kim <Kim@Customer.TEST>")
    mailbox.append("INBOX", asked, flags=(b"\\Answered", b"\\Seen"))
    mailbox.append("INBOX", mail("ignored", "a2@x.test"), flags=(b"\\Seen",))
    connector = ImapConnector(mailbox.imap_config(), MemoryState())
    try:
        answered = await connector.read_answered()
        assert [senders for senders, _mid, _at in answered] == [["kim@customer.test"]]
        assert await connector.read_answered(limit=0) == []
    finally:
        await connector.close()
