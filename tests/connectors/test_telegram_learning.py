"""Learning from the owner in Telegram, against a local Bot API server: digest taps, /allow and
/block, and the owner writing in a business chat become labels, Undo takes them back, and what
was taught changes how the next similar message is judged."""
from __future__ import annotations

import asyncio

from tests.connectors.test_telegram import owner_says
from tests.connectors.test_telegram_business import (
    CONN,
    FOLLOW_UP,
    PITCH,
    outbox_idle,
    rows,
    settle,
)
from tests.connectors.test_telegram_digest import draft_for, tap, undo_of
from tests.fixtures.botapi import OWNER_ID

ANN, BEA, CAL, DOV, EVE, FAY = 6201, 6202, 6203, 6204, 6205, 6206
# a message like the one the owner marks wanted, from other strangers, a few words changed
SIMILAR = ("Hello! I came across your company profile and wanted to ask: could we book a quick 15 minute call "
           "next week? We help businesses boost your sales with our SEO and lead generation solution. "
           "https://calendly.com/{name}/15min")


async def inbound_of(daemon, user: int) -> int:
    """The id of the newest stored message from this Telegram user."""
    events = await asyncio.to_thread(daemon.store.timeline, f"tg:{user}")
    return [e for e in events if e["event"] == "received"][-1]["detail"]["inbound_id"]


async def labels(daemon, **where) -> list:
    return await asyncio.to_thread(daemon.store.active_labels, **where)


async def stranger_writes(daemon, botapi, user: int, text: str, name: str = "Stranger") -> dict:
    """A stranger's message in a business chat; its stored decision."""
    await botapi.push_business_message(CONN, user, user, text, name=name)
    await settle(daemon, botapi)
    return await asyncio.to_thread(daemon.store.decision_of, await inbound_of(daemon, user))


def owner_feedback(decision: dict) -> dict | None:
    return next((h for h in decision["signals"] if h["name"] == "OWNER_FEEDBACK"), None)


async def test_send_labels_the_message_a_pitch_and_undo_takes_it_back(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await owner_says(botapi, "/pause")  # nothing goes out: Undo can bring the draft back
    await botapi.push_business_message(CONN, ANN, ANN, PITCH, name="Ann")
    await settle(daemon, botapi)
    ann = await draft_for(daemon, ANN)
    await owner_says(botapi, "/digest")

    toast = await tap(botapi, f"send:{ann['id']}")
    assert "approved" in toast and "Learned: pitch" in toast
    [label] = await labels(daemon, inbound_id=ann["inbound_id"])
    assert (label.label, label.source, label.sender) == ("pitch", "digest", f"tg:{ANN}")
    assert (await asyncio.to_thread(daemon.store.outbox_get, ann["id"]))["state"] == "approved"  # the tap's effect

    toast = await tap(botapi, undo_of(botapi, f"Approved #{ann['id']}"))
    assert "Label taken back" in toast
    assert await labels(daemon, inbound_id=ann["inbound_id"]) == []
    [gone] = await asyncio.to_thread(daemon.store.labels_of_sender, f"tg:{ANN}")
    assert gone.revoked_reason == "undone in the digest"
    # the feedback rows are kept as before: the Send and its Undo
    kinds = [e["detail"]["kind"] for e in await asyncio.to_thread(daemon.store.timeline, f"tg:{ANN}")
             if e["event"] == "feedback"]
    assert kinds == ["send", "undo"]


async def test_skip_teaches_nothing(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await botapi.push_business_message(CONN, ANN, ANN, PITCH, name="Ann")
    await settle(daemon, botapi)
    ann = await draft_for(daemon, ANN)
    await owner_says(botapi, "/digest")
    toast = await tap(botapi, f"skip:{ann['id']}")
    assert "skipped" in toast and "Learned" not in toast
    assert await labels(daemon) == []


async def test_wanted_makes_a_similar_message_from_another_stranger_score_lower(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    before = await stranger_writes(daemon, botapi, CAL, SIMILAR.format(name="cal"), "Cal")
    assert owner_feedback(before) is None  # nothing taught yet

    await botapi.push_business_message(CONN, BEA, BEA, PITCH, name="Bea")
    await settle(daemon, botapi)
    bea = await draft_for(daemon, BEA)
    await owner_says(botapi, "/digest")
    toast = await tap(botapi, f"want:{bea['id']}")
    assert "is wanted" in toast and "Learned: wanted" in toast
    [label] = await labels(daemon, inbound_id=bea["inbound_id"])
    assert (label.label, label.source) == ("wanted", "digest")

    # what the owner notices: the next message like Bea's, from someone else, leans to wanted
    after = await stranger_writes(daemon, botapi, DOV, SIMILAR.format(name="dov"), "Dov")
    hit = owner_feedback(after)
    assert hit is not None and hit["weight"] < 0, after["signals"]
    assert "1 similar message(s) marked wanted" in hit["evidence"]
    assert after["score"] < before["score"]

    # Undo takes the label back, and with it what it taught
    toast = await tap(botapi, undo_of(botapi, f"Wanted #{bea['id']}"))
    assert "no longer wanted" in toast and "Label taken back" in toast
    assert await labels(daemon) == []
    again = await stranger_writes(daemon, botapi, EVE, SIMILAR.format(name="eve"), "Eve")
    assert owner_feedback(again) is None
    assert abs(again["score"] - before["score"]) < 0.5


async def test_block_labels_the_suggested_message_a_pitch(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await botapi.push_business_message(CONN, ANN, ANN, PITCH, name="Ann")
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id"))
    await outbox_idle(daemon)
    await botapi.push_business_message(CONN, ANN, ANN, FOLLOW_UP, name="Ann")
    await settle(daemon, botapi)
    [suggestion] = await asyncio.to_thread(daemon.store.block_suggestions)
    assert suggestion["inbound_id"] == await inbound_of(daemon, ANN)  # the follow-up
    await owner_says(botapi, "/digest")

    toast = await tap(botapi, f"block:{suggestion['id']}")
    assert "blocked" in toast and "Learned: pitch" in toast
    [label] = await labels(daemon, inbound_id=suggestion["inbound_id"])
    assert (label.label, label.source) == ("pitch", "digest")
    assert "Label taken back" in await tap(botapi, undo_of(botapi, f"Blocked #{suggestion['id']}"))
    assert await labels(daemon) == []


async def test_a_message_whose_text_is_no_longer_kept_is_still_labelled(botapi, telegram_daemon):
    # retention_days = 0 keeps no text (a sender asked to stop keeps it past retention_days)
    daemon = await telegram_daemon(mode="approve", extra="[store]\nretention_days = 0\n")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await botapi.push_business_message(CONN, ANN, ANN, PITCH, name="Ann")
    await settle(daemon, botapi)
    ann = await draft_for(daemon, ANN)
    assert (await asyncio.to_thread(daemon.store.message_to_label, ann["inbound_id"]))["body"] is None
    await owner_says(botapi, "/digest")
    assert "Learned: pitch" in await tap(botapi, f"send:{ann['id']}")
    [label] = await labels(daemon, inbound_id=ann["inbound_id"])
    assert label.label == "pitch"


async def test_a_learning_failure_never_breaks_the_tap(botapi, telegram_daemon, monkeypatch, caplog):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await owner_says(botapi, "/pause")
    await botapi.push_business_message(CONN, ANN, ANN, PITCH, name="Ann")
    await settle(daemon, botapi)
    ann = await draft_for(daemon, ANN)
    await owner_says(botapi, "/digest")

    def broken(*args, **kw):
        raise OSError("disk full")

    monkeypatch.setattr(daemon.learning, "teach_stored", broken)
    toast = await tap(botapi, f"send:{ann['id']}")
    assert "approved" in toast and "Learned" not in toast
    assert (await asyncio.to_thread(daemon.store.outbox_get, ann["id"]))["state"] == "approved"
    assert any("nothing learned" in r.getMessage() and "disk full" in r.getMessage() for r in caplog.records)
    assert await labels(daemon) == []


async def test_allow_and_block_label_the_senders_latest_message(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    for user, name in ((ANN, "Ann"), (BEA, "Bea")):
        await botapi.push_business_message(CONN, user, user, PITCH, name=name)
    await botapi.push_business_message(CONN, BEA, BEA, FOLLOW_UP, name="Bea")
    await settle(daemon, botapi)

    answer = await owner_says(botapi, f"/allow tg:{ANN}")
    assert "is wanted" in answer and "Learned: wanted" in answer
    [label] = await labels(daemon, sender=f"tg:{ANN}")
    assert (label.label, label.source, label.inbound_id) == ("wanted", "command", await inbound_of(daemon, ANN))

    answer = await owner_says(botapi, f"/block tg:{BEA}")
    assert "is blocked" in answer and "Learned: pitch" in answer
    [label] = await labels(daemon, sender=f"tg:{BEA}")
    assert (label.label, label.source) == ("pitch", "command")
    assert label.inbound_id == await inbound_of(daemon, BEA)  # the follow-up, her latest

    # nothing stored from them: the command works as before, nothing is learned
    answer = await owner_says(botapi, "/block nobody@example.com")
    assert "is blocked" in answer and "Learned" not in answer
    assert len(await labels(daemon)) == 2


async def test_the_owner_writing_in_a_chat_takes_back_the_senders_pitch_labels(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await owner_says(botapi, "/pause")
    await botapi.push_business_message(CONN, FAY, FAY, PITCH, name="Fay")
    await settle(daemon, botapi)
    first = await draft_for(daemon, FAY)
    await owner_says(botapi, "/digest")
    assert "Learned: pitch" in await tap(botapi, f"send:{first['id']}")
    await botapi.push_business_message(CONN, FAY, FAY, FOLLOW_UP, name="Fay")
    await settle(daemon, botapi)
    assert [x.label for x in await labels(daemon, sender=f"tg:{FAY}")] == ["pitch"]

    for text in ("Hi Fay, actually yes, let's talk.", "Tomorrow at 10?"):
        await botapi.push_business_message(CONN, OWNER_ID, FAY, text, name="Ole")
    await settle(daemon, botapi)
    [label] = await labels(daemon, sender=f"tg:{FAY}")
    assert (label.label, label.source, label.inbound_id) == ("wanted", "sent", await inbound_of(daemon, FAY))
    [taken] = [x for x in await asyncio.to_thread(daemon.store.labels_of_sender, f"tg:{FAY}") if x.label == "pitch"]
    assert taken.revoked_reason == "the owner wrote to them"
    assert await rows(daemon, "approved") == []  # and, as before, nothing waits to be sent there
