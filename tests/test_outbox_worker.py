"""The outbox worker: a stop never leaves a sent reply half-marked; a store hiccup never ends it."""
from __future__ import annotations

import asyncio

from sqlalchemy.exc import OperationalError

from nejtak.bot.outbox import OutboxWorker
from nejtak.bot.store import Store


def approved_reply(store: Store, n: int = 1) -> int:
    """A real outbox row in `approved`, as the pipeline leaves it in auto mode."""
    from datetime import datetime, timezone

    from nejtak.bot.inbound import Inbound
    from nejtak.bot.verdict import Decision, Hit, ReplyDraft, Verdict

    msg = Inbound(channel="email", source="t", message_id=f"m{n}@x.example", sender=f"s{n}@x.example",
                  return_paths=[f"s{n}@x.example"], date=datetime(2026, 11, 2, tzinfo=timezone.utc))
    inbound_id, _ = store.save_inbound(msg)
    reply = ReplyDraft(to=f"s{n}@x.example", subject="Re: hi", body="No thanks.", language="en",
                       kind="refusal", from_address="me@owner.example", message_id=f"r{n}@owner.example")
    decision = Decision("reply", Verdict(9.0, 5.0, [Hit("X", 9.0, "e")], "en"), reply=reply)
    return store.record_decision(inbound_id, decision, "approved")


async def test_stopping_the_daemon_during_a_send_finishes_and_marks_it(tmp_path, monkeypatch):
    """SIGTERM while a reply is on the wire: the daemon waits for it and marks it sent, so a
    restart finds nothing in `sending` to send again."""
    from nejtak.bot.config import parse
    from nejtak.bot.daemon import Daemon

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    config = parse('mode = "auto"\n[owner]\naddresses = ["me@owner.example"]\n[intake]\nenabled = false\n')
    daemon = Daemon(config, store=store)
    sending, sent = asyncio.Event(), []

    async def deliver(row):
        sending.set()
        await asyncio.sleep(0.5)  # the SMTP transaction takes a moment
        sent.append(row["id"])

    monkeypatch.setattr(daemon, "deliver_email", deliver)
    await daemon.start()
    outbox_id = approved_reply(store)
    daemon.outbox.wake.set()
    await asyncio.wait_for(sending.wait(), 10)
    await daemon.stop()
    assert sent == [outbox_id]
    reopened = Store(f"sqlite:///{tmp_path / 'n.db'}")
    assert reopened.outbox_get(outbox_id)["state"] == "sent"
    reopened.close()


async def test_a_store_error_does_not_end_the_worker(tmp_path, monkeypatch):
    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    real = store.outbox_list
    calls = {"n": 0}

    def flaky(states):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("SELECT", {}, Exception("database is locked"))
        return real(states)

    monkeypatch.setattr(store, "outbox_list", flaky)
    monkeypatch.setattr("nejtak.bot.outbox.retry_delay", lambda attempts: 0.6)  # a short pause after the error
    sent = []

    async def deliver(row):
        sent.append(row["id"])

    worker = OutboxWorker(store)
    worker.register("email", deliver)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    await asyncio.sleep(0.3)  # recover() and the first pass: the error hits here
    outbox_id = approved_reply(store)
    worker.wake.set()
    for _ in range(100):
        if sent:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert calls["n"] >= 3 and sent == [outbox_id]
    store.close()


async def test_an_acceptance_in_the_journal_is_never_sent_again(tmp_path):
    """Killed between the server's 250 and the store's record of it (the store may be waiting
    for its write lock): the journal, written first with one write(2), tells the restart."""
    from nejtak.bot.acceptance import AcceptanceJournal

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    outbox_id = approved_reply(store)
    store.outbox_transition(outbox_id, "sending")
    journal = AcceptanceJournal(tmp_path / "n.db.accepted")
    journal.record(outbox_id, "250 2.0.0 Ok: queued as 4Zq1x2Abc")
    journal.close()  # the process dies here
    sent = []

    async def deliver(row):
        sent.append(row["id"])

    worker = OutboxWorker(store, journal=AcceptanceJournal(tmp_path / "n.db.accepted"))
    worker.register("email", deliver, None)
    await worker.recover()
    await worker.send_due()
    row = store.outbox_get(outbox_id)
    assert sent == [] and row["state"] == "sent" and row["server_reply"] == "250 2.0.0 Ok: queued as 4Zq1x2Abc"
    assert not (tmp_path / "n.db.accepted").exists()  # cleared once the store holds it
    store.close()


def test_a_torn_last_journal_line_is_skipped(tmp_path):
    from nejtak.bot.acceptance import AcceptanceJournal

    path = tmp_path / "j"
    path.write_bytes(b"7\t250 OK\n8\t250 O")
    assert AcceptanceJournal(path).read() == {7: "250 OK", 8: "250 O"}
    path.write_bytes(b"7\t250 OK\n8")
    assert AcceptanceJournal(path).read() == {7: "250 OK"}


async def test_a_journal_entry_for_a_row_not_in_sending_changes_nothing(tmp_path):
    """A stale journal (the store replaced, say) must never mark an unsent reply as sent."""
    from nejtak.bot.acceptance import AcceptanceJournal

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    outbox_id = approved_reply(store)
    journal = AcceptanceJournal(tmp_path / "n.db.accepted")
    journal.record(outbox_id, "250 OK")
    journal.record(999, "250 OK")
    sent = []

    async def deliver(row):
        sent.append(row["id"])

    worker = OutboxWorker(store, journal=journal)
    worker.register("email", deliver, None)
    await worker.recover()
    assert store.outbox_get(outbox_id)["state"] == "approved"
    await worker.send_due()
    assert sent == [outbox_id]
    store.close()
