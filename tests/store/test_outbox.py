"""The outbox state machine."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from nejtak.bot.store.outbox import TRANSITIONS

STATES = list(TRANSITIONS)


@pytest.fixture
def drafted(store, make_inbound, make_decision):
    def make(n=0):
        inbound_id, _ = store.save_inbound(make_inbound())
        return store.record_decision(inbound_id, make_decision(reply_id=f"r{n}@owner"), "drafted")
    return make


def test_happy_path_and_retry(store, drafted):
    oid = drafted()
    assert store.outbox_transition(oid, "approved")["state"] == "approved"
    row = store.outbox_transition(oid, "sending")
    assert row["attempts"] == 1 and row["sent_at"] is None
    row = store.outbox_transition(oid, "failed", error="451 try later")
    assert row["last_error"] == "451 try later"
    store.outbox_transition(oid, "approved")
    assert store.outbox_transition(oid, "sending")["attempts"] == 2
    store.outbox_transition(oid, "approved")  # crashed while sending: back in the queue
    store.outbox_transition(oid, "sending")
    row = store.outbox_transition(oid, "sent")
    assert row["state"] == "sent" and row["attempts"] == 3 and row["sent_at"].tzinfo is not None
    with store.engine.connect() as conn:
        events = conn.execute(text("SELECT event FROM audit_log WHERE subject = :s ORDER BY id"),
                              {"s": f"outbox:{oid}"}).scalars().all()
    assert events == ["outbox.approved", "outbox.sending", "outbox.failed", "outbox.approved",
                      "outbox.sending", "outbox.approved", "outbox.sending", "outbox.sent"]


@pytest.mark.parametrize("path, bad", [
    ([], "sent"), ([], "sending"), ([], "failed"),
    (["approved"], "sent"), (["approved", "sending"], "drafted"),
    (["approved", "sending", "sent"], "approved"), (["approved", "sending", "sent"], "discarded"),
    (["discarded"], "approved"), (["approved", "sending", "failed"], "sent"),
    (["approved", "sending", "sent"], "drafted"),
    ([], "nonsense"),
])
def test_invalid_transitions_raise(store, drafted, path, bad):
    oid = drafted()
    for state in path:
        store.outbox_transition(oid, state)
    before = store.outbox_get(oid)
    with pytest.raises(ValueError):
        store.outbox_transition(oid, bad)
    assert store.outbox_get(oid) == before


def test_missing_row_raises_key_error(store):
    with pytest.raises(KeyError):
        store.outbox_transition(12345, "approved")
    assert store.outbox_get(12345) is None


def test_discard_cancels_the_removal_request(store, drafted):
    oid = drafted()
    store.outbox_transition(oid, "approved")
    store.outbox_transition(oid, "discarded")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT cancelled FROM removal_requests WHERE outbox_id = :o"),
                            {"o": oid}).scalar() in (True, 1)


def test_outbox_list_oldest_first_by_state(store, drafted):
    ids = [drafted(n) for n in range(3)]
    store.outbox_transition(ids[1], "approved")
    assert [r["id"] for r in store.outbox_list(["drafted"])] == [ids[0], ids[2]]
    assert [r["id"] for r in store.outbox_list(["drafted", "approved"])] == ids
    row = store.outbox_list(["approved"])[0]
    assert row["sender"] == "pitch@acme.example" and row["inbound_subject"]
    assert store.outbox_list([]) == []


def test_undo_of_skip_brings_back_the_draft_and_its_removal_request(store, drafted):
    """Skip then Undo in the digest: the reply is a draft again and counts as a request again."""
    oid = drafted()
    sender = store.outbox_get(oid)["sender"]
    store.outbox_transition(oid, "discarded")
    assert store.sender_history("email", sender, "", []).refusals == []
    store.outbox_transition(oid, "drafted")
    assert store.outbox_get(oid)["state"] == "drafted"
    assert len(store.sender_history("email", sender, "", []).refusals) == 1


def test_outbox_rows_carry_the_first_line_of_the_message_they_answer(store, make_inbound, make_decision):
    """The digest shows what a chat message said (chats have no subject) from the store, not memory."""
    inbound_id, _ = store.save_inbound(make_inbound(text="\n\n  Hi! Can we book 15 minutes?\nSecond line"))
    oid = store.record_decision(inbound_id, make_decision(reply_id="first-line@owner"), "drafted")
    assert store.outbox_get(oid)["inbound_first_line"] == "Hi! Can we book 15 minutes?"
