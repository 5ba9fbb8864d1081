"""Item 4: a crash between sending a refusal and marking it sent neither loses nor (in the states the
design can see) doubles it. First the two crash states made directly (a `sending` row with and
without its copy in Sent), then a real `kill -9` of a `nejtak run` subprocess."""
from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from nejtak.bot.daemon import draft_of
from nejtak.bot.store import Store
from nejtak.responders.email_reply import build_message
from tests.daemon.helpers import (OWNER_NAME, config_text, make_config, message_id_of, pitch, replies_by_parent,
                                  running, sent_messages, wait_until)

pytestmark = pytest.mark.dovecot
REPO = Path(__file__).resolve().parents[2]


async def _crashed_in_sending(mailbox, capture, url: str, *, copy_in_sent: bool) -> tuple[int, bytes]:
    """The state a crash right after SMTP (and maybe the Sent append) leaves: the row in `sending`."""
    raw, sender = pitch()
    async with running(make_config(mailbox, capture, url, mode="approve")) as daemon:
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        [row] = await wait_until(lambda: daemon.store.outbox_list(["drafted"]), what="draft")
        daemon.store.outbox_transition(row["id"], "approved")
        daemon.store.outbox_transition(row["id"], "sending")
        # The worker may have been woken: it finds nothing approved any more.
    if copy_in_sent:
        message = build_message(draft_of(row), OWNER_NAME, date=datetime.now(timezone.utc))
        mailbox.append("Sent", message.as_bytes(), flags=("\\Seen",))
    assert capture.messages == []
    return row["id"], raw


@pytest.mark.parametrize("copy_in_sent", [True, False], ids=["copy-in-sent", "no-copy"])
async def test_sending_row_is_checked_against_sent_before_any_retry(mailbox, smtp_capture, sqlite_url,
                                                                    copy_in_sent):
    outbox_id, raw = await _crashed_in_sending(mailbox, smtp_capture, sqlite_url, copy_in_sent=copy_in_sent)
    async with running(make_config(mailbox, smtp_capture, sqlite_url)) as daemon:
        await wait_until(lambda: daemon.store.outbox_get(outbox_id)["state"] == "sent", what="row sent")
        if not copy_in_sent:
            await smtp_capture.wait_for(1, timeout=5)
        row = daemon.store.outbox_get(outbox_id)
    if copy_in_sent:
        assert smtp_capture.messages == []  # found in Sent: marked sent, not sent again
        assert row["attempts"] == 1
    else:
        assert replies_by_parent(smtp_capture) == {message_id_of(raw): 1}
        assert row["attempts"] == 2
    assert len(sent_messages(mailbox)) == 1


# -- a real kill -9 -----------------------------------------------------------------------------

@contextlib.contextmanager
def daemon_process(config_file: Path, log_file: Path) -> Iterator[subprocess.Popen]:
    with open(log_file, "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "nejtak", "run", "--config", str(config_file)],
                                cwd=REPO, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def _kill9(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(5)


async def _watching(store: Store, proc: subprocess.Popen, log_file: Path) -> None:
    def ready():
        if proc.poll() is not None:
            raise AssertionError(f"daemon exited {proc.returncode}:\n{log_file.read_text()[-3000:]}")
        return store.sync_state("imap", "tester@127.0.0.1", "INBOX")[0] is not None
    await wait_until(ready, timeout=20, what="subprocess daemon watching")


def _deliver_all(mailbox, pitches) -> None:
    for raw, sender in pitches:
        mailbox.deliver(raw, sender)


async def test_kill_9_in_a_burst_loses_nothing(mailbox, smtp_capture, sqlite_url, tmp_path):
    """20 pitches, the daemon killed -9 after the 6th refusal reached the SMTP server, started again:
    every pitch has its refusal in the end. A refusal the server took but whose row was not yet
    marked sent is sent again (nothing in Sent to tell otherwise): counted and reported, bounded by 2."""
    config_file, log_file = tmp_path / "nejtak.toml", tmp_path / "daemon.log"
    config_file.write_text(config_text(mailbox, smtp_capture, sqlite_url))
    store = Store(sqlite_url)  # migrated before the daemon starts
    pitches = [pitch() for _ in range(20)]
    try:
        with daemon_process(config_file, log_file) as proc:
            await _watching(store, proc, log_file)
            delivering = asyncio.create_task(asyncio.to_thread(_deliver_all, mailbox, pitches))
            deadline = time.monotonic() + 20
            while len(smtp_capture.messages) < 6:
                assert time.monotonic() < deadline, log_file.read_text()[-3000:]
                await asyncio.sleep(0.002)
            _kill9(proc)
            await delivering
        states_after_kill = {r["state"] for r in store.outbox_list(["approved", "sending"])}
        with daemon_process(config_file, log_file) as proc:
            await _watching(store, proc, log_file)
            wanted = {message_id_of(raw) for raw, _ in pitches}
            await wait_until(lambda: wanted <= set(replies_by_parent(smtp_capture)), timeout=30,
                             what=f"a refusal for each of the 20 pitches (log {log_file})")
            await wait_until(lambda: not store.outbox_list(["approved", "sending"]), what="outbox settled")
    finally:
        store.close()
    counts = replies_by_parent(smtp_capture)
    doubles = {mid: n for mid, n in counts.items() if n > 1}
    print(f"\nkill -9 burst: {len(counts)} pitches answered, {len(doubles)} answered twice; "
          f"rows left by the kill: {sorted(states_after_kill)}")
    assert set(counts) == wanted
    assert not doubles, doubles  # the refusal in flight at the kill was finished by the sending process


async def test_kill_9_after_the_server_took_the_refusal(mailbox, smtp_capture, sqlite_url, tmp_path):
    """Deterministic worst case: the daemon dies the moment the SMTP server has the whole refusal,
    before it can answer 250. The sending process outlives it, reads the 250 and journals it; the
    restarted daemon waits for that transaction, finds it in the journal and never sends twice."""
    config_file, log_file = tmp_path / "nejtak.toml", tmp_path / "daemon.log"
    config_file.write_text(config_text(mailbox, smtp_capture, sqlite_url))
    store = Store(sqlite_url)
    procs: list[subprocess.Popen] = []
    original = smtp_capture.handle_DATA

    async def kill_then_accept(server, session, envelope):
        status = await original(server, session, envelope)
        if len(smtp_capture.messages) == 1:
            _kill9(procs[0])  # before the daemon reads the 250
        return status

    smtp_capture.handle_DATA = kill_then_accept
    raw, sender = pitch()
    try:
        with daemon_process(config_file, log_file) as proc:
            procs.append(proc)
            await _watching(store, proc, log_file)
            await asyncio.to_thread(mailbox.deliver, raw, sender)
            await asyncio.to_thread(proc.wait, 20)
        [row] = store.outbox_list(["sending"])
        with daemon_process(config_file, log_file) as proc:
            procs.append(proc)
            await _watching(store, proc, log_file)
            await wait_until(lambda: store.outbox_get(row["id"])["state"] == "sent", what="row sent")
    finally:
        store.close()
    assert replies_by_parent(smtp_capture) == {message_id_of(raw): 1}
    assert store_row_reply(sqlite_url, row["id"]).startswith("250")
    assert len(sent_messages(mailbox)) == 1


def store_row_reply(url: str, outbox_id: int) -> str:
    store = Store(url)
    try:
        return store.outbox_get(outbox_id)["server_reply"] or ""
    finally:
        store.close()


# -- the server's 250 to DATA is the moment a refusal is sent (issue 7, item 5) -----------------

def _slow_quit(capture, seconds: float) -> None:
    async def handle_QUIT(server, session, envelope):
        await asyncio.sleep(seconds)
        return "221 Bye"
    capture.handle_QUIT = handle_QUIT


@pytest.mark.parametrize("stop", ["kill -9", "SIGTERM"])
async def test_a_refusal_the_server_accepted_is_never_sent_again(mailbox, smtp_capture, sqlite_url, tmp_path,
                                                                stop):
    """The server has answered 250 to DATA; QUIT hangs. Killed (or stopped) there, the daemon has
    already recorded the refusal as sent: the restart sends nothing and files the one copy in
    Sent. Before, the row stayed `sending` until QUIT and the APPEND were done: a second refusal."""
    config_file, log_file = tmp_path / "nejtak.toml", tmp_path / "daemon.log"
    config_file.write_text(config_text(mailbox, smtp_capture, sqlite_url))
    store = Store(sqlite_url)
    _slow_quit(smtp_capture, 60)
    raw, sender = pitch()
    try:
        with daemon_process(config_file, log_file) as proc:
            await _watching(store, proc, log_file)
            await asyncio.to_thread(mailbox.deliver, raw, sender)
            await smtp_capture.wait_for(1, timeout=15)
            [row] = await wait_until(lambda: store.outbox_list(["sent"]), what="acceptance recorded")
            assert row["server_reply"].startswith("250") and row["filed_at"] is None
            if stop == "kill -9":
                _kill9(proc)
            else:
                began = time.monotonic()
                proc.send_signal(signal.SIGTERM)
                await asyncio.to_thread(proc.wait, 30)
                assert time.monotonic() - began < 20  # a hanging QUIT holds nothing up
        with daemon_process(config_file, log_file) as proc:
            await _watching(store, proc, log_file)
            copies = await wait_until(lambda: sent_messages(mailbox), what="the copy filed in Sent")
            await wait_until(lambda: store.outbox_get(row["id"])["filed_at"] is not None, what="filed")
            await asyncio.sleep(1.0)  # time enough for a wrong second send to show
    finally:
        store.close()
    assert replies_by_parent(smtp_capture) == {message_id_of(raw): 1}
    assert len(copies) == 1 and message_id_of(copies[0]) == f"<{row['message_id']}>"
