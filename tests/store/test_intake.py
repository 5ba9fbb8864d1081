"""Saving messages first, idempotently; sync state; forgetting bodies after retention."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from nejtak.bot.store.models import InboundRow, Sender


def _sender(store, address):
    with store._tx() as s:
        return s.scalars(select(Sender).where(Sender.address == address)).one().as_dict()


def test_save_inbound_is_idempotent_on_message_id(store, make_inbound):
    msg = make_inbound(message_id="<same@acme.example>")
    first = store.save_inbound(msg)
    assert first[1] is True
    assert store.save_inbound(msg) == (first[0], False)
    assert store.save_inbound(make_inbound(message_id="same@acme.example")) == (first[0], False)
    sender = _sender(store, "pitch@acme.example")
    assert sender["contacts"] == 1 and sender["org_domain"] == "acme.example"
    assert sender["display_name"] == "Pat Pitch"
    assert sender["last_seen"].tzinfo is not None


def test_same_message_id_on_another_channel_is_new(store, make_inbound):
    a = store.save_inbound(make_inbound(message_id="1@x"))
    b = store.save_inbound(make_inbound(message_id="1@x", channel="telegram", sender="tg:42"))
    assert a[0] != b[0] and b[1] is True


def test_empty_message_id_is_always_new(store, make_inbound):
    ids = {store.save_inbound(make_inbound(message_id=""))[0] for _ in range(3)}
    assert len(ids) == 3
    assert _sender(store, "pitch@acme.example")["contacts"] == 3


def test_sender_is_normalised_and_timestamps_come_back_as_utc(store, make_inbound):
    cet = timezone(timedelta(hours=1))
    inbound_id, _ = store.save_inbound(make_inbound(sender="Pitch@ACME.example",
                                                    date=datetime(2024, 3, 1, 10, 30, tzinfo=cet)))
    with store._tx() as s:
        row = s.get(InboundRow, inbound_id)
        assert row.received_at == datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
        assert row.received_at.utcoffset() == timedelta(0)
        assert row.body and row.raw
    assert _sender(store, "pitch@acme.example")["contacts"] == 1


def test_keep_body_false_stores_no_body(store, make_inbound):
    inbound_id, _ = store.save_inbound(make_inbound(), keep_body=False)
    with store._tx() as s:
        row = s.get(InboundRow, inbound_id)
        assert row.body is None and row.raw is None and row.subject


def test_decision_of_is_none_until_decided(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound())
    assert store.decision_of(inbound_id) is None
    assert store.decision_of(99999) is None
    store.record_decision(inbound_id, make_decision(action="none", reply_id=None), None)
    d = store.decision_of(inbound_id)
    assert d["action"] == "none" and d["score"] == 7.5 and d["outbox_id"] is None
    assert d["signals"][0] == {"name": "UNKNOWN_SENDER", "weight": 3.0, "evidence": "never wrote to them"}


def test_purge_bodies_keeps_decisions(store, make_inbound, make_decision):
    old, _ = store.save_inbound(make_inbound())
    store.record_decision(old, make_decision(), None)  # no reply: a sender asked to stop keeps its texts
    cutoff = datetime.now(timezone.utc) + timedelta(seconds=1)
    assert store.purge_bodies(cutoff) == 1
    assert store.purge_bodies(cutoff) == 0
    fresh, _ = store.save_inbound(make_inbound())
    assert store.purge_bodies(cutoff - timedelta(days=30)) == 0
    with store._tx() as s:
        row = s.get(InboundRow, old)
        assert row.body is None and row.raw is None
        assert row.action == "reply" and row.signals and row.subject
        assert s.get(InboundRow, fresh).body
    assert store.decision_of(old)["action"] == "reply"


def test_sync_state(store):
    assert store.sync_state("email", "me@owner.example", "INBOX") == (None, None, None)
    store.set_sync_state("email", "me@owner.example", "INBOX", 1700, 41)
    uidvalidity, last_uid, started = store.sync_state("email", "me@owner.example", "INBOX")
    assert (uidvalidity, last_uid) == (1700, 41) and started.tzinfo is not None
    store.set_sync_state("email", "me@owner.example", "INBOX", 1700, 2**40)
    assert store.sync_state("email", "me@owner.example", "INBOX") == (1700, 2**40, started)
    assert store.sync_state("email", "me@owner.example", "Sent") == (None, None, None)


def test_inbound_since_lists_decided_rows(store, make_inbound, make_decision):
    start = datetime.now(timezone.utc) - timedelta(seconds=1)
    decided, _ = store.save_inbound(make_inbound())
    store.save_inbound(make_inbound())  # not decided
    outbox_id = store.record_decision(decided, make_decision(), "drafted")
    rows = store.inbound_since(start)
    assert [r["id"] for r in rows] == [decided]
    assert rows[0]["sender"] == "pitch@acme.example" and rows[0]["outbox_id"] == outbox_id
    assert rows[0]["outbox_state"] == "drafted" and "raw" not in rows[0]
    assert store.inbound_since(datetime.now(timezone.utc) + timedelta(minutes=1)) == []
