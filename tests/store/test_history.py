"""Sender history: known correspondents, threads, wanted, refusals (also to colleagues), failure."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import text


def history(store, sender="pitch@acme.example", org="acme.example", threads=(), before=None):
    return store.sender_history("email", sender, org, list(threads), before)


def test_unknown_sender(store):
    h = history(store)
    assert not h.known and h.earlier_contacts == 0 and h.refusals == [] and h.refused_via == ""


def test_owner_wrote_to_and_owner_thread(store):
    at = datetime(2023, 5, 1, tzinfo=timezone.utc)
    store.record_owner_sent("email", ["Friend@Client.example"], "<sent-1@owner.example>", at)
    assert history(store, "friend@client.example", "client.example").owner_wrote_to
    h = history(store, "stranger@other.example", "other.example",
                threads=["unrelated@x", "<sent-1@owner.example>"])
    assert h.in_owner_thread and h.known and not h.owner_wrote_to
    assert not history(store, "stranger@other.example", threads=["nope@x"]).in_owner_thread


def test_wanted_and_blocked(store):
    store.set_wanted("email", "Pitch@acme.example")
    h = history(store)
    assert h.wanted and h.known
    store.set_wanted("email", "pitch@acme.example", wanted=False)
    store.set_blocked("email", "pitch@acme.example")
    h = history(store)
    assert not h.wanted and h.blocked and not h.known
    assert not history(store, "colleague@acme.example").wanted  # sender only, not the domain


def test_earlier_contacts_and_own_refusals(store, make_inbound, make_decision):
    first, _ = store.save_inbound(make_inbound())
    store.record_decision(first, make_decision(), "sent")
    second, _ = store.save_inbound(make_inbound())
    h = history(store, before=second)
    assert h.earlier_contacts == 1
    assert len(h.refusals) == 1 and h.refused_via == "sender"
    assert h.first_request_at == h.refusals[0] and h.first_request_at.tzinfo is not None


def test_refusal_to_a_colleague_at_the_same_org_domain(store, make_inbound, make_decision):
    first, _ = store.save_inbound(make_inbound(sender="anna@sales.acme.example"))
    store.record_decision(first, make_decision(to="anna@sales.acme.example"), "sent")
    h = history(store, "bert@acme.example", "acme.example")
    assert len(h.refusals) == 1 and h.refused_via == "domain:acme.example"
    # another company, or a freemail domain, shares nothing
    assert history(store, "bert@other.example", "other.example").refusals == []
    gm, _ = store.save_inbound(make_inbound(sender="someone@gmail.com"))
    store.record_decision(gm, make_decision(reply_id="r-gm@owner", to="someone@gmail.com"), "sent")
    assert history(store, "else@gmail.com", "gmail.com").refusals == []
    assert history(store, "someone@gmail.com", "gmail.com").refused_via == "sender"


def test_discarded_reply_is_no_refusal(store, make_inbound, make_decision):
    inbound_id, _ = store.save_inbound(make_inbound())
    outbox_id = store.record_decision(inbound_id, make_decision(), "drafted")
    assert len(history(store).refusals) == 1  # drafted counts: it is waiting to go out
    store.outbox_transition(outbox_id, "discarded")
    assert history(store).refusals == []


def test_lookup_failure_is_reported_not_raised(store, caplog):
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE senders RENAME TO senders_gone"))
    h = history(store)
    assert h.lookup_failed and h.known
    assert "sender history lookup failed" in caplog.text


def test_record_owner_sent_many_10000(store):
    base = datetime(2022, 1, 1, tzinfo=timezone.utc)
    items = [("email", [f"person{i}@org{i % 700}.example", f"Shared{i % 50}@team.example"],
              f"<sent{i}@owner.example>", base + timedelta(minutes=i)) for i in range(10_000)]
    items.append(("email", ["person1@org1.example"], None, None))  # a repeat, no Message-ID
    started = time.perf_counter()
    count = store.record_owner_sent_many(items)
    elapsed = time.perf_counter() - started
    print(f"\nrecord_owner_sent_many: {count} items in {elapsed:.2f} s ({store.engine.dialect.name})")
    assert count == 10_001
    assert elapsed < 10
    assert history(store, "person9999@org199.example").owner_wrote_to
    assert history(store, "shared7@team.example").owner_wrote_to
    assert history(store, "x@y.example", threads=["sent5000@owner.example"]).in_owner_thread
    # again: nothing doubles, nothing fails
    assert store.record_owner_sent_many(items[:100]) == 100
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM owner_messages")).scalar() == 10_000
        assert conn.execute(text("SELECT count(*) FROM senders")).scalar() == 10_050


def test_timeline_of_one_sender(store, make_inbound, make_decision):
    first, _ = store.save_inbound(make_inbound(date=datetime(2024, 1, 1, tzinfo=timezone.utc)))
    outbox_id = store.record_decision(first, make_decision(), "approved")
    store.outbox_transition(outbox_id, "sending")
    store.outbox_transition(outbox_id, "sent")
    later = datetime.now(timezone.utc) + timedelta(seconds=1)
    second, _ = store.save_inbound(make_inbound(date=later))
    store.record_decision(second, make_decision(reply_id="reply-2@owner.example", kind="reminder",
                                                escalate=True), "drafted")
    store.set_blocked("email", "pitch@acme.example")
    store.save_inbound(make_inbound(sender="other@acme.example"))
    events = store.timeline("PITCH@Acme.Example")
    names = [e["event"] for e in events]
    assert names[0] == "received" and names.count("received") == 2
    for name in ("reply_drafted", "reply_sent", "removal_requested", "block_suggested", "feedback"):
        assert name in names
    assert names.index("reply_sent") < names.index("block_suggested")
    ats = [e["at"] for e in events]
    assert ats == sorted(ats) and all(a.tzinfo is not None for a in ats)
    received = events[0]["detail"]
    assert received["action"] == "reply" and received["score"] == 7.5
    assert [s["name"] for s in received["signals"]] == ["SALES_PHRASE", "UNKNOWN_SENDER", "FREEMAIL"]
    assert store.timeline("nobody@nowhere.example") == []
