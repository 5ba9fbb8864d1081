"""/dossier and the digest's Dossier button against a local Bot API server (issue 12): the owner
gets the sender's dossier as a PDF document; nobody else gets anything."""
from __future__ import annotations

import asyncio

from tests.connectors.test_telegram import STRANGER, owner_says
from tests.connectors.test_telegram_business import (
    CONN,
    FOLLOW_UP,
    PITCH,
    outbox_idle,
    settle,
)
from tests.connectors.test_telegram_digest import buttons, message_with
from tests.fixtures.botapi import OWNER_ID

ANN = 6301


async def repeat_offender(botapi, telegram_daemon):
    """Ann pitches, is refused, writes again: a block suggestion waits in the digest."""
    daemon = await telegram_daemon(mode="auto")
    await botapi.push_business_connection(CONN, OWNER_ID)
    await botapi.push_business_message(CONN, ANN, ANN, PITCH, name="Ann Pitcher")
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id"))
    await outbox_idle(daemon)
    await botapi.push_business_message(CONN, ANN, ANN, FOLLOW_UP, name="Ann Pitcher")
    await settle(daemon, botapi)
    [suggestion] = await asyncio.to_thread(daemon.store.block_suggestions)
    return daemon, suggestion


async def documents(botapi, count: int) -> list[dict]:
    await botapi.wait_for("sendDocument", count, timeout=60, where=lambda p: p.get("_ok"))
    return botapi.sent_documents(OWNER_ID)


def is_dossier_of_ann(doc: dict) -> bool:
    return doc["_content"].startswith(b"%PDF") and f"tg-{ANN}" in doc["file_name"].replace(":", "-") \
        and doc["file_name"].endswith(".pdf")


async def test_dossier_command_and_button_send_the_pdf(botapi, telegram_daemon):
    daemon, suggestion = await repeat_offender(botapi, telegram_daemon)
    texts = len(botapi.sent_texts(OWNER_ID))
    await botapi.push_message(OWNER_ID, f"/dossier tg:{ANN}", name="Ole")
    [doc] = await documents(botapi, 1)
    assert is_dossier_of_ann(doc), doc["file_name"]
    assert len(doc["_content"]) > 1000

    await owner_says(botapi, "/digest")
    data = f"dossier:{suggestion['id']}"
    digest_item = message_with(botapi, data)
    assert buttons(digest_item) == [f"block:{suggestion['id']}", f"dismiss:{suggestion['id']}", data]
    await botapi.push_callback(OWNER_ID, data, digest_item, name="Ole")
    _, second = await documents(botapi, 2)
    assert is_dossier_of_ann(second) and second["_content"].startswith(b"%PDF")
    assert buttons(message_with(botapi, data)) == buttons(digest_item)  # the row stays: nothing was decided
    assert (await asyncio.to_thread(daemon.store.block_suggestions))[0]["state"] == "suggested"
    # the documents came without chatter: only /digest's own messages were sent as text
    assert not any("Dossier" in t or "Nothing recorded" in t for t in botapi.sent_texts(OWNER_ID)[texts:])


async def test_unknown_address_and_no_argument(botapi, telegram_daemon):
    await telegram_daemon()
    assert await owner_says(botapi, "/dossier nobody@nowhere.example") == "Nothing recorded for nobody@nowhere.example."
    assert (await owner_says(botapi, "/dossier")).startswith("Usage: /dossier ADDRESS")
    assert botapi.calls_of("sendDocument") == []


async def test_a_stranger_gets_no_dossier(botapi, telegram_daemon):
    daemon, suggestion = await repeat_offender(botapi, telegram_daemon)
    await owner_says(botapi, "/digest")
    digest_item = message_with(botapi, f"dossier:{suggestion['id']}")
    await botapi.push_message(STRANGER, f"/dossier tg:{ANN}", name="Mallory")
    await botapi.push_callback(STRANGER, f"dossier:{suggestion['id']}",
                               {**digest_item, "chat": {"id": STRANGER, "type": "private"}}, name="Mallory")
    await settle(daemon, botapi)  # handled in order: the stranger's updates came first
    assert botapi.calls_of("sendDocument") == []
    assert botapi.sent_texts(STRANGER) == [] and botapi.calls_of("answerCallbackQuery") == []
