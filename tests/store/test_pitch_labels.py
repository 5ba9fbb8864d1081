"""The owner's pitch labels in a sender's history (OWNER_MARKED_PITCH), on SQLite and PostgreSQL."""
import itertools
import time
from datetime import datetime, timezone

import pytest

from nejtak.bot.inbound import Inbound
from nejtak.bot.store import Store

_n = itertools.count(1)


def inbound(sender: str, channel: str = "email", message_id: str = "") -> Inbound:
    i = next(_n)
    return Inbound(channel=channel, source=f"t:{i}", message_id=message_id or f"<m{i}@x.example>", sender=sender,
                   from_address=sender if channel == "email" else "", subject="s", text="hello",
                   date=datetime(2026, 3, 1, tzinfo=timezone.utc))


@pytest.fixture
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


@pytest.mark.parametrize("sender,label_sender,channel", [
    ("pat@acme.example", "  Pat@ACME.example ", "email"),
    ("tg:4242", "tg:4242", "telegram"),
], ids=["email", "telegram"])
def test_pitch_labels_are_counted_by_address_and_taking_one_back_uncounts_it(store, sender, label_sender, channel):
    none = store.sender_history(channel, sender, "acme.example", [])
    assert none.pitch_labels == 0 and none.last_pitch_label is None and not none.lookup_failed
    first = store.add_label("pitch", "learn", b"", channel=channel, sender=label_sender, message_key="k1@x")
    store.add_label("pitch", "learn", b"", channel=channel, sender=label_sender, message_key="k2@x")
    h = store.sender_history(channel, sender.upper() if channel == "email" else sender, "acme.example", [])
    assert (h.pitch_labels, h.lookup_failed) == (2, False)
    assert h.last_pitch_label is not None and h.last_pitch_label.tzinfo is not None
    # the daemon's and triage's path: before the sender ever had a row of its own
    assert store.receive(inbound(sender, channel), True, "acme.example", [], None).history.pitch_labels == 2
    store.revoke_labels([first.id], "test")
    assert store.sender_history(channel, sender, "acme.example", []).pitch_labels == 1
    assert store.sender_history(channel, "other@acme.example", "acme.example", []).pitch_labels == 0


def test_a_later_wanted_label_outweighs_earlier_pitch_labels(store):
    store.add_label("pitch", "digest", b"", channel="email", sender="pat@acme.example", message_key="k1@x")
    time.sleep(0.01)
    wanted = store.add_label("wanted", "folder", b"", channel="email", sender="pat@acme.example", message_key="k2@x")
    assert store.sender_history("email", "pat@acme.example", "acme.example", []).pitch_labels == 0
    time.sleep(0.01)
    store.add_label("pitch", "digest", b"", channel="email", sender="pat@acme.example", message_key="k3@x")
    assert store.sender_history("email", "pat@acme.example", "acme.example", []).pitch_labels == 1
    store.revoke_labels([wanted.id], "test")
    assert store.sender_history("email", "pat@acme.example", "acme.example", []).pitch_labels == 2


def test_the_label_of_the_message_judged_is_no_earlier_message(store):
    store.add_label("pitch", "learn", b"", channel="email", sender="pat@acme.example", message_key="same@x.example")
    again = store.receive(inbound("pat@acme.example", message_id="<same@x.example>"), True, "acme.example", [], None)
    assert again.history.pitch_labels == 0
    later = store.receive(inbound("pat@acme.example"), True, "acme.example", [], None)
    assert later.history.pitch_labels == 1
