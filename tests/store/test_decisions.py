"""record_decision: one transaction for decision, reply, removal request and block suggestion."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from nejtak.bot.verdict import Block


def count(store, table, where="1=1"):
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table} WHERE {where}")).scalar()


def test_reply_writes_outbox_and_removal_request(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound())
    outbox_id = store.record_decision(inbound_id, make_decision(), "drafted")
    row = store.outbox_get(outbox_id)
    assert row["state"] == "drafted" and row["to_address"] == "pitch@acme.example"
    assert row["message_id"] == "reply-1@owner.example" and row["references"] == ["msg@acme.example"]
    assert row["inbound_subject"].startswith("Quick question") and row["sender"] == "pitch@acme.example"
    assert count(store, "removal_requests", "method = 'email' AND kind = 'refusal'") == 1
    assert count(store, "audit_log", "event = 'decided'") == 1
    assert store.decision_of(inbound_id)["outbox_id"] == outbox_id


def test_idempotent_on_reply_message_id(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound())
    first = store.record_decision(inbound_id, make_decision(), "drafted")
    again = store.record_decision(inbound_id, make_decision(), "drafted")
    assert first == again
    assert count(store, "outbox") == 1 and count(store, "removal_requests") == 1


def test_telegram_reply_keeps_chat_ids(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound(channel="telegram", sender="tg:4711", message_id="",
                                                    chat_id=4711, business_connection_id="bc-1"))
    outbox_id = store.record_decision(inbound_id, make_decision(channel="telegram", to="tg:4711",
                                                                reply_id=""), "sent")
    row = store.outbox_get(outbox_id)
    assert (row["chat_id"], row["business_connection_id"], row["message_id"]) == (4711, "bc-1", None)
    assert row["sent_at"] is not None
    assert count(store, "removal_requests", "method = 'telegram'") == 1


def test_no_reply_without_state_or_draft(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound())
    assert store.record_decision(inbound_id, make_decision(action="none"), None) is None
    blocked = make_decision(action="none", reply_id=None, blocked=Block("mailing_list", "List-Id present"))
    assert store.record_decision(inbound_id, blocked, None) is None
    d = store.decision_of(inbound_id)
    assert (d["blocked_by"], d["blocked_reason"]) == ("mailing_list", "List-Id present")
    assert count(store, "outbox") == 0 and count(store, "removal_requests") == 0
    with pytest.raises(ValueError):
        store.record_decision(inbound_id, make_decision(), "sending")


def test_escalation_suggests_a_block_once(store, make_inbound, make_decision):
    first_at = datetime(2024, 2, 1, tzinfo=timezone.utc)
    for n in range(2):
        inbound_id, _ = store.save_inbound(make_inbound())
        store.record_decision(inbound_id, make_decision(reply_id=f"r{n}@owner", kind="reminder",
                                                        escalate=True, first_request_at=first_at), "drafted")
    open_ones = store.block_suggestions()
    assert len(open_ones) == 1 and open_ones[0]["sender"] == "pitch@acme.example"
    assert "2024-02-01" in open_ones[0]["reason"]
    store.set_blocked("email", "pitch@acme.example")
    assert store.block_suggestions() == []
    assert [s["state"] for s in store.block_suggestions("accepted")] == ["accepted"]


def test_failed_outbox_insert_writes_nothing(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound())
    broken = make_decision(to=None, escalate=True)  # to_address is NOT NULL
    with pytest.raises(IntegrityError):
        store.record_decision(inbound_id, broken, "drafted")
    assert store.decision_of(inbound_id) is None
    for table in ("outbox", "removal_requests", "block_suggestions"):
        assert count(store, table) == 0
    assert count(store, "audit_log", "event = 'decided'") == 0
    assert store.record_decision(inbound_id, make_decision(escalate=True), "drafted") is not None
    assert count(store, "block_suggestions") == 1


def test_replies_since_counts_approved_sending_sent(store, make_inbound, make_decision):
    since = datetime.now(timezone.utc) - timedelta(seconds=1)
    states = ["drafted", "approved", "sent", "drafted"]
    ids = []
    for n, state in enumerate(states):
        inbound_id, _ = store.save_inbound(make_inbound())
        ids.append(store.record_decision(inbound_id, make_decision(reply_id=f"r{n}@owner"), state))
    assert store.replies_since(since) == 2
    store.outbox_transition(ids[0], "approved")
    store.outbox_transition(ids[0], "sending")
    store.outbox_transition(ids[3], "discarded")
    assert store.replies_since(since) == 3
    assert store.replies_since(datetime.now(timezone.utc) + timedelta(minutes=1)) == 0


def test_feedback_is_recorded_and_audited(store, make_inbound):
    inbound_id, _ = store.save_inbound(make_inbound())
    store.add_feedback("skip", inbound_id=inbound_id, detail={"why": "later"})
    store.set_wanted("telegram", "tg:99", actor="owner")
    assert count(store, "feedback") == 2
    assert count(store, "audit_log", "event LIKE 'feedback.%'") == 2
    assert [e["detail"]["kind"] for e in store.timeline("pitch@acme.example")
            if e["event"] == "feedback"] == ["skip"]
