"""Retention (issue 12): after retention_days the texts of messages go, except those of a sender
asked to stop: their raw messages stay as proof (for the dossier) until `nejtak forget`."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from nejtak.bot.config import parse
from nejtak.bot.daemon import Daemon
from nejtak.bot.forget import forget
from nejtak.bot.inbound import Inbound
from nejtak.bot.store import Store
from nejtak.bot.store.models import InboundRow
from nejtak.bot.verdict import Decision, Hit, ReplyDraft, Verdict
from sqlalchemy import select, update

LONG_AGO = datetime.now(UTC) - timedelta(days=400)
CONFIG = parse('[owner]\naddresses = ["me@owner.example"]\n[store]\nretention_days = 30\n')


@pytest.fixture
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


def message(sender: str, n: int, **kw) -> Inbound:
    """A pitch as a connector hands it on, its text and raw copy kept."""
    fields = {"channel": "email", "source": f"test:{n}", "message_id": f"m{n}.{sender}", "sender": sender,
              "sender_name": f"Name of {sender}", "from_address": sender, "return_paths": [sender],
              "subject": f"Quick question {n}", "text": "Can we book 15 minutes for our platform?",
              "raw": f"From: {sender}\r\n\r\nbuy\r\n".encode()}
    fields.update(kw)
    return Inbound(**fields)


def refused(to: str | None, channel: str = "email") -> Decision:
    """A pitch refused (to=None: a pitch left unanswered)."""
    verdict = Verdict(score=7.5, required=5.0, language="en", hits=[Hit("SALES_PHRASE", 4.0, "book 15 minutes")])
    reply = None if to is None else ReplyDraft(
        to=to, subject="Re: Quick question", body="No, thank you.", language="en", kind="refusal",
        channel=channel, from_address="me@owner.example", message_id=f"reply-to-{to}@owner.example")
    return Decision(action="reply" if to else "none", verdict=verdict, reply=reply)


def kept(store, inbound_id: int) -> tuple[bytes | None, str | None]:
    with store.engine.connect() as conn:
        raw, body = conn.execute(select(InboundRow.raw, InboundRow.body).where(InboundRow.id == inbound_id)).one()
    return (bytes(raw) if raw is not None else None), body


_n = iter(range(1, 10**6))


def stored_long_ago(store, sender: str) -> int:
    inbound_id, _ = store.save_inbound(message(sender, next(_n)))
    with store.engine.begin() as conn:
        conn.execute(update(InboundRow).where(InboundRow.id == inbound_id).values(stored_at=LONG_AGO))
    return inbound_id


def test_a_sender_asked_to_stop_keeps_raw_messages_past_retention(store):
    asked = stored_long_ago(store, "asked@acme.example")
    store.record_decision(asked, refused("asked@acme.example"), "sent")
    again = stored_long_ago(store, "asked@acme.example")  # every message of theirs, before or after
    never = stored_long_ago(store, "never@acme.example")
    store.record_decision(never, refused(None), None)
    withdrawn = stored_long_ago(store, "withdrawn@acme.example")
    outbox_id = store.record_decision(withdrawn, refused("withdrawn@acme.example"), "drafted")
    store.outbox_transition(outbox_id, "discarded")  # a reply never sent is no removal request

    assert store.purge_bodies(datetime.now(UTC) - timedelta(days=30)) == 2
    assert kept(store, asked) == (b"From: asked@acme.example\r\n\r\nbuy\r\n",
                                  "Can we book 15 minutes for our platform?")
    assert kept(store, again)[0] is not None
    assert kept(store, never) == (None, None)
    assert kept(store, withdrawn) == (None, None)
    assert store.decision_of(never)["action"] == "none"  # the decision stays
    assert store.last_audit(["bodies_purged"])["detail"]["kept_as_proof"] == 2

    forget(store, "asked@acme.example")  # the owner deletes them: then nothing of theirs is kept
    assert store.inbound_raw(asked) is None and store.inbound_raw(again) is None


async def test_the_daemons_retention_keeps_the_proof(store):
    asked = stored_long_ago(store, "asked@acme.example")
    await asyncio.to_thread(store.record_decision, asked, refused("asked@acme.example"), "sent")
    other = stored_long_ago(store, "other@acme.example")
    fresh, _ = store.save_inbound(message("other@acme.example", next(_n)))
    daemon = Daemon(CONFIG, store=store)
    task = asyncio.create_task(daemon._retention())
    for _ in range(200):
        if await asyncio.to_thread(store.last_audit, ["bodies_purged"]) is not None:
            break
        await asyncio.sleep(0.05)
    daemon.stop_event.set()
    await asyncio.wait_for(task, 10)
    assert kept(store, asked)[0] is not None
    assert kept(store, other) == (None, None)
    assert kept(store, fresh)[0] is not None  # within retention_days
