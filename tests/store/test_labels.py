"""The owner's labels in the store (SQLite and PostgreSQL): added with the delta they taught,
found again by message, sender, label and source, taken back for the record, and a version
that tells another process the layer changed."""
from __future__ import annotations

import pytest

from nejtak.bot.model.owner import pack, unpack
from nejtak.bot.store import Store


def test_a_label_keeps_what_it_taught_and_is_found_by_each_filter(store, make_inbound):
    inbound_id, _ = store.save_inbound(make_inbound(sender="Pat@Acme.example"))
    delta = {7: 0.25, 262143: -1.5, 0: 3.0}
    row = store.add_label("pitch", "digest", pack(delta), inbound_id=inbound_id, message_key="msg1@acme.example",
                          channel="email", sender="Pat@Acme.example", subject="Quick question", detail={"tap": "block"})
    other = store.add_label("wanted", "folder", pack({1: -0.5}), message_key="sha256:abc",
                            sender="friend@client.example")
    assert row.label == "pitch" and row.source == "digest" and row.created_at.tzinfo is not None
    assert row.sender == "pat@acme.example"  # one spelling of an address, as everywhere in the store
    assert unpack(row.delta) == delta  # exactly what it added, so taking it back subtracts exactly that
    assert [r.id for r in store.active_labels()] == [row.id, other.id]  # oldest first
    assert [r.id for r in store.active_labels(inbound_id=inbound_id)] == [row.id]
    assert [r.id for r in store.active_labels(message_key="sha256:abc")] == [other.id]
    assert [r.id for r in store.active_labels(sender="PAT@acme.example")] == [row.id]
    assert [r.id for r in store.active_labels(label="wanted")] == [other.id]
    assert [r.id for r in store.active_labels(source="folder")] == [other.id]
    assert store.active_labels(sender="pat@acme.example", label="wanted") == []  # every filter must match
    found = store.active_labels(inbound_id=inbound_id)[0]
    assert unpack(found.delta) == delta and found.subject == "Quick question"
    audit = store.last_audit(["label.pitch"])
    assert audit["subject"] == f"inbound:{inbound_id}" and audit["detail"]["tap"] == "block"


def test_only_pitch_or_wanted(store):
    with pytest.raises(ValueError, match="pitch, wanted"):
        store.add_label("spam", "cli", pack({}))
    assert store.active_labels() == []


def test_revoked_labels_are_kept_for_the_record_but_no_longer_active(store):
    a = store.add_label("pitch", "digest", pack({1: 1.0}), message_key="a@x", sender="a@x.example")
    b = store.add_label("pitch", "cli", pack({2: 1.0}), message_key="b@x", sender="a@x.example")
    gone = store.revoke_labels([a.id], "taken back by the owner")
    assert [r.id for r in gone] == [a.id] and gone[0].revoked_reason == "taken back by the owner"
    assert store.revoke_labels([a.id], "again") == []  # already taken back: nothing to undo twice
    assert store.revoke_labels([], "nothing") == []
    assert [r.id for r in store.active_labels()] == [b.id]
    history = store.labels_of_sender("A@x.example")  # what `nejtak history` shows: taken back too
    assert [r.id for r in history] == [a.id, b.id]
    assert history[0].revoked_at is not None and history[0].revoked_reason == "taken back by the owner"
    assert history[1].revoked_at is None
    assert store.label_counts() == {"pitch": {"cli": 1}, "taken back": {"digest": 1}}


def test_a_relabel_revokes_the_one_it_replaces_in_the_same_step(store):
    first = store.add_label("pitch", "digest", pack({1: 1.0}), message_key="m@x")
    second = store.add_label("wanted", "command", pack({1: -1.0}), message_key="m@x", replaces=[first.id])
    assert [r.id for r in store.active_labels(message_key="m@x")] == [second.id]
    old = store.labels_of_sender("")[0]
    assert old.id == first.id and old.revoked_reason == "relabelled wanted (command)"


def test_the_version_changes_with_every_add_and_revoke_and_another_process_sees_it(store, store_url):
    other = Store(store_url)  # another process on the same database (`nejtak learn` beside the daemon)
    try:
        empty = store.labels_version()
        assert other.labels_version() == empty
        a = store.add_label("pitch", "learn", pack({1: 1.0}), message_key="a@x")
        added = other.labels_version()
        assert added != empty and store.labels_version() == added  # nothing changed: the same version
        store.add_label("wanted", "learn", pack({2: -1.0}), message_key="b@x")
        two = other.labels_version()
        assert two != added
        other.revoke_labels([a.id], "reset by the owner")
        revoked = store.labels_version()
        assert revoked != two
        assert store.revoke_labels([a.id], "again") == [] and store.labels_version() == revoked
    finally:
        other.close()


def test_message_to_label_gives_a_stored_message_for_a_label(store, make_inbound):
    inbound_id, _ = store.save_inbound(make_inbound(sender="pitch@acme.example", message_id="m42@acme.example",
                                                    subject="Leads for you"))
    found = store.message_to_label(inbound_id)
    assert found["sender"] == "pitch@acme.example" and found["subject"] == "Leads for you"
    assert found["message_id"] and found["channel"] == "email" and found["raw"]
    assert store.message_to_label(inbound_id + 1000) is None
