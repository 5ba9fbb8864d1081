"""Telegram Business against a local Bot API server: strangers' pitches answered once, the owner's chats known."""
from __future__ import annotations

import asyncio

from tests.connectors.test_telegram import owner_says
from tests.fixtures.botapi import BOT_ID, OWNER_ID

CONN = "bc-owner-1"
BOB = 5151
PITCH = ("Hi! I came across your company profile and wanted to ask: can we book a quick 15 minute call "
         "this week? We help businesses boost your sales with our SEO and lead generation solution. "
         "https://calendly.com/bob/15min")
FOLLOW_UP = "Just following up on my last message: do you have 15 minutes for a call? https://calendly.com/bob/15min"


def business_sends(botapi, chat_id: int) -> list[str]:
    return [c.params["text"] for c in botapi.calls_of("sendMessage")
            if c.params.get("_ok") and c.params.get("business_connection_id") and int(c.params["chat_id"]) == chat_id]


async def rows(daemon, *states):
    return await asyncio.to_thread(daemon.store.outbox_list, list(states))


async def settle(daemon, botapi):
    """Wait until every update pushed so far is handled: the owner's /status comes after them."""
    await owner_says(botapi, "/status")


async def outbox_idle(daemon):
    """Send what is due, then wait (with a deadline) until the worker has nothing in flight."""
    await daemon.outbox.send_due()
    for _ in range(100):
        if not await rows(daemon, "approved", "sending"):
            return
        await asyncio.sleep(0.05)
    raise AssertionError("outbox still busy")


async def test_a_pitch_is_answered_once_and_only_once(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection(CONN, OWNER_ID)
    first = await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id") == CONN)
    [refusal] = business_sends(botapi, BOB)
    assert "no thanks" in refusal.lower()
    # Telegram delivers the same message again (a restart before the offset was confirmed)
    await botapi.push({"business_message": first})
    await settle(daemon, botapi)
    await outbox_idle(daemon)
    assert business_sends(botapi, BOB) == [refusal]
    [sent] = await rows(daemon, "sent")
    assert sent["kind"] == "refusal" and sent["chat_id"] == BOB and sent["to_address"] == f"tg:{BOB}"
    # nejtak's own refusal comes back as a business message sent by the bot: it is not the owner writing
    await botapi.push_business_message(CONN, OWNER_ID, BOB, refusal, name="Ole",
                                       sender_business_bot=botapi.user(BOT_ID, "nejtak", is_bot=True))
    # the sender writes again: no second refusal, a reminder at most, and a block suggestion
    await botapi.push_business_message(CONN, BOB, BOB, FOLLOW_UP, name="Bob Seller")
    await settle(daemon, botapi)
    await botapi.wait_for("sendMessage", 2, where=lambda p: p.get("_ok") and p.get("business_connection_id"))
    await outbox_idle(daemon)  # the worker marks the row sent just after Telegram took it
    kinds = [r["kind"] for r in await rows(daemon, "sent")]
    assert kinds == ["refusal", "reminder"]
    [suggestion] = await asyncio.to_thread(daemon.store.block_suggestions)
    assert suggestion["sender"] == f"tg:{BOB}"
    # after that, silence
    await botapi.push_business_message(CONN, BOB, BOB, FOLLOW_UP + " Last chance!", name="Bob Seller")
    await settle(daemon, botapi)
    await outbox_idle(daemon)
    assert len(business_sends(botapi, BOB)) == 2
    # the digest shows the block suggestion with a link to the user (bots cannot block)
    await owner_says(botapi, "/digest")
    digest = "\n".join(botapi.sent_texts(OWNER_ID))
    assert f'<a href="tg://user?id={BOB}">' in digest and "Block?" in digest


async def test_the_owner_writing_in_a_chat_stops_replies_there(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await settle(daemon, botapi)
    [draft] = await rows(daemon, "drafted")
    assert draft["business_connection_id"] == CONN
    await botapi.push_business_message(CONN, OWNER_ID, BOB, "Hi Bob, actually yes, let's talk.", name="Ole")
    await settle(daemon, botapi)
    assert await rows(daemon, "drafted") == []
    [dropped] = await rows(daemon, "discarded")
    assert dropped["last_error"] == "the owner wrote in this chat"
    await botapi.push_business_message(CONN, BOB, BOB, FOLLOW_UP, name="Bob Seller")
    await settle(daemon, botapi)
    await outbox_idle(daemon)
    assert await rows(daemon, "drafted", "approved") == []
    assert business_sends(botapi, BOB) == []
    decided = await asyncio.to_thread(daemon.store.timeline, f"tg:{BOB}")
    last = [e for e in decided if e["event"] == "received"][-1]["detail"]
    assert last["blocked_by"] == "known_correspondent" or last["action"] == "none"


async def test_the_owners_business_message_never_triggers_commands(botapi, telegram_daemon):
    daemon = await telegram_daemon()
    await botapi.push_business_connection(CONN, OWNER_ID)
    await botapi.push_business_message(CONN, OWNER_ID, BOB, "/pause", name="Ole",
                                       entities=[{"type": "bot_command", "offset": 0, "length": 6}])
    await botapi.push_business_message(CONN, OWNER_ID, BOB, "/digest", name="Ole",
                                       entities=[{"type": "bot_command", "offset": 0, "length": 7}])
    answer = await owner_says(botapi, "/status")
    assert "Sending: on" in answer and daemon.outbox.paused is False
    assert len(botapi.sent_texts(OWNER_ID)) == 1  # only the answer to /status, no digest
    h = await asyncio.to_thread(daemon.store.sender_history, "telegram", f"tg:{BOB}", "", [])
    assert h.owner_wrote_to  # but writing in the chat made Bob known


async def test_no_reply_when_the_connection_may_not_reply(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection(CONN, OWNER_ID, can_reply=False)
    await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await settle(daemon, botapi)
    await outbox_idle(daemon)  # the worker may be sending it at the same moment
    assert business_sends(botapi, BOB) == []
    [failed] = await rows(daemon, "failed")
    assert "may not reply" in failed["last_error"]
    assert "enabled (may not reply)" in await owner_says(botapi, "/status")


async def test_connections_of_other_users_are_ignored(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection("bc-other", 31337)
    await botapi.push_business_message("bc-other", BOB, BOB, PITCH, name="Bob Seller")
    await settle(daemon, botapi)
    assert await rows(daemon, "drafted", "approved", "sent", "failed") == []
    assert "bc-other" not in daemon.telegram.business.connections


async def test_a_connection_seen_before_a_restart_is_asked_of_telegram(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="auto")
    botapi.connections[CONN] = {"id": CONN, "user": botapi.user(OWNER_ID, "Ole"), "user_chat_id": OWNER_ID,
                                "date": 0, "is_enabled": True, "rights": {"can_reply": True}}
    await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id") == CONN)
    assert botapi.calls_of("getBusinessConnection")


async def test_a_business_reply_survives_flood_control_and_5xx(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection(CONN, OWNER_ID)
    botapi.fail_next("sendMessage", 1, status=429, retry_after=1)
    botapi.fail_next("sendMessage", 2, status=500)
    await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id") == CONN)
    await outbox_idle(daemon)
    [sent] = await rows(daemon, "sent")
    assert len(business_sends(botapi, BOB)) == 1


async def test_a_pitch_that_arrives_while_the_store_is_away_is_answered_later(botapi, telegram_daemon, monkeypatch):
    """Telegram does not send an update twice: a message the store could not take is retried."""
    from nejtak.bot.errors import TransientError

    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection(CONN, OWNER_ID)
    real = daemon.handle
    failures = {"left": 1}

    async def flaky(msg):
        if failures["left"]:
            failures["left"] -= 1
            raise TransientError("store unavailable: database is locked")
        return await real(msg)

    monkeypatch.setattr(daemon, "handle", flaky)
    await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await botapi.wait_for("sendMessage", timeout=15,
                          where=lambda p: p.get("_ok") and p.get("business_connection_id") == CONN)
    assert failures["left"] == 0 and len(business_sends(botapi, BOB)) == 1


async def test_a_message_whose_connection_cannot_be_looked_up_yet_is_handled_later(botapi, telegram_daemon,
                                                                                    monkeypatch):
    """After a restart the connection is unknown; if Telegram cannot tell us about it right now,
    the message waits and is handled when it can (Telegram never sends the update again)."""
    from nejtak.bot.connectors import telegram as telegram_mod

    monkeypatch.setattr(telegram_mod.TelegramConnector, "RETRIES", 1)  # give up on a call at once
    daemon = await telegram_daemon(mode="auto")
    botapi.connections[CONN] = {"id": CONN, "user": botapi.user(OWNER_ID, "Ole"), "user_chat_id": OWNER_ID,
                                "date": 0, "is_enabled": True, "rights": {"can_reply": True}}
    botapi.fail_next("getBusinessConnection", 1, status=500)
    await botapi.push_business_message(CONN, BOB, BOB, PITCH, name="Bob Seller")
    await botapi.wait_for("sendMessage", timeout=20,
                          where=lambda p: p.get("_ok") and p.get("business_connection_id") == CONN)
    assert len(botapi.calls_of("getBusinessConnection")) >= 2 and len(business_sends(botapi, BOB)) == 1
