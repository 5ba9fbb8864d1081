"""The Telegram digest and its buttons against a local Bot API server: Send, Skip, Wanted, Block, Undo,
Unsubscribe, pages."""
from __future__ import annotations

import asyncio
import re
import functools
from datetime import datetime, timedelta, timezone

from nejtak.bot import digest as digest_mod
from nejtak.bot import unsubscribe as unsubscribe_mod
from nejtak.bot.connectors import telegram_digest
from nejtak.bot.inbound import Inbound
from nejtak.bot.store.outbox import TRANSITIONS
from tests.connectors.test_telegram import owner_says
from tests.connectors.test_telegram_business import CONN, FOLLOW_UP, PITCH, business_sends, rows, settle
from tests.daemon.helpers import PITCH_BODY, wait_until
from tests.fixtures.botapi import OWNER_ID
from tests.test_unsubscribe import SENDER, dkim_key, dns, endpoint, list_mail  # noqa: F401  (fixtures)

ANN, BEN, CAT, DAN = 6101, 6102, 6103, 6104


def message_with(botapi, data: str) -> dict:
    """The newest message to the owner that carries a button with this callback data."""
    for m in reversed(botapi.sent_messages(OWNER_ID)):
        for row in (m.get("reply_markup") or {}).get("inline_keyboard", []):
            if any(b.get("callback_data") == data for b in row):
                return m
    raise AssertionError(f"no button {data!r} in {[m.get('reply_markup') for m in botapi.sent_messages(OWNER_ID)]}")


def buttons(message: dict) -> list[str]:
    return [b["callback_data"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


async def tap(botapi, data: str) -> str:
    """The owner taps a button; the toast it answered with, once its keyboard is updated."""
    message = message_with(botapi, data)
    answered = len(botapi.calls_of("answerCallbackQuery"))
    edited = len(botapi.calls_of("editMessageReplyMarkup"))
    await botapi.push_callback(OWNER_ID, data, message, name="Ole")
    toast = (await botapi.wait_for("answerCallbackQuery", answered + 1))[answered].params.get("text", "")
    await botapi.wait_for("editMessageReplyMarkup", edited + 1)
    return toast


def undo_of(botapi, label: str) -> str:
    for m in reversed(botapi.sent_messages(OWNER_ID)):
        for row in (m.get("reply_markup") or {}).get("inline_keyboard", []):
            for b in row:
                if b["text"].startswith(label) and b["callback_data"].startswith("undo:"):
                    return b["callback_data"]
    raise AssertionError(f"no undo button {label!r}")


async def draft_for(daemon, chat_id: int) -> dict:
    return next(r for r in await rows(daemon, "drafted") if r["chat_id"] == chat_id)


async def test_every_button(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    store = daemon.store
    await botapi.push_business_connection(CONN, OWNER_ID)
    for user, name in ((ANN, "Ann"), (BEN, "Ben"), (CAT, "Cat <b>")):
        await botapi.push_business_message(CONN, user, user, PITCH, name=name)
    await settle(daemon, botapi)
    ann, ben, cat = [await draft_for(daemon, u) for u in (ANN, BEN, CAT)]
    await owner_says(botapi, "/digest")
    digest = "\n".join(botapi.sent_texts(OWNER_ID))
    assert "Hi! I came across your company profile" in digest  # the first line of a chat message
    assert "Cat &lt;b&gt;" in digest and "Cat <b>" not in digest
    assert {f"send:{ann['id']}", f"skip:{ann['id']}", f"want:{ann['id']}"} <= set(buttons(message_with(botapi, f"send:{ann['id']}")))

    # Send: approved at once, then sent through the business connection
    assert "approved" in await tap(botapi, f"send:{ann['id']}")
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id"))
    assert (await asyncio.to_thread(store.outbox_get, ann["id"]))["state"] in ("sending", "sent")
    assert undo_of(botapi, f"Sending #{ann['id']}")
    assert f"send:{ann['id']}" not in buttons(message_with(botapi, f"send:{ben['id']}"))

    # Skip: discarded; Undo brings it back when the store allows discarded -> drafted
    assert "skipped" in await tap(botapi, f"skip:{ben['id']}")
    assert (await asyncio.to_thread(store.outbox_get, ben["id"]))["state"] == "discarded"
    toast = await tap(botapi, undo_of(botapi, f"Skipped #{ben['id']}"))
    back = "drafted" in TRANSITIONS["discarded"]
    assert (await asyncio.to_thread(store.outbox_get, ben["id"]))["state"] == ("drafted" if back else "discarded")
    assert ("draft again" in toast) if back else ("stays skipped" in toast)

    # Wanted: the sender is allow-listed, the feedback recorded, the draft dropped; Undo takes it back
    assert "wanted" in await tap(botapi, f"want:{cat['id']}")
    h = await asyncio.to_thread(store.sender_history, "telegram", f"tg:{CAT}", "", [])
    assert h.wanted and (await asyncio.to_thread(store.outbox_get, cat["id"]))["state"] == "discarded"
    kinds = [e["detail"]["kind"] for e in await asyncio.to_thread(store.timeline, f"tg:{CAT}") if e["event"] == "feedback"]
    assert kinds.count("wanted") == 1  # one feedback row per tap, tied to the message
    assert "no longer wanted" in await tap(botapi, undo_of(botapi, f"Wanted #{cat['id']}"))
    h = await asyncio.to_thread(store.sender_history, "telegram", f"tg:{CAT}", "", [])
    assert not h.wanted

    # Block: Ann writes again after the refusal: a block suggestion with a link; Block accepts it
    await botapi.wait_for("sendMessage", where=lambda p: p.get("_ok") and p.get("business_connection_id"))
    await asyncio.sleep(0.1)
    await botapi.push_business_message(CONN, ANN, ANN, FOLLOW_UP, name="Ann")
    await settle(daemon, botapi)
    [suggestion] = await asyncio.to_thread(store.block_suggestions)
    await owner_says(botapi, "/digest")
    assert f'<a href="tg://user?id={ANN}">' in botapi.sent_texts(OWNER_ID)[-1] or any(
        f'tg://user?id={ANN}' in t for t in botapi.sent_texts(OWNER_ID)[-3:])
    assert "blocked" in await tap(botapi, f"block:{suggestion['id']}")
    h = await asyncio.to_thread(store.sender_history, "telegram", f"tg:{ANN}", "", [])
    assert h.blocked and await asyncio.to_thread(store.block_suggestions) == []
    assert "no longer blocked" in await tap(botapi, undo_of(botapi, f"Blocked #{suggestion['id']}"))
    h = await asyncio.to_thread(store.sender_history, "telegram", f"tg:{ANN}", "", [])
    assert not h.blocked

    # Undo of a Send before it went out (sending paused)
    await owner_says(botapi, "/pause")
    await botapi.push_business_message(CONN, DAN, DAN, PITCH, name="Dan")
    await settle(daemon, botapi)
    dan = await draft_for(daemon, DAN)
    await owner_says(botapi, "/digest")
    assert "paused" in await tap(botapi, f"send:{dan['id']}")
    assert (await asyncio.to_thread(store.outbox_get, dan["id"]))["state"] == "approved"
    await tap(botapi, undo_of(botapi, f"Approved #{dan['id']}"))
    state = (await asyncio.to_thread(store.outbox_get, dan["id"]))["state"]
    assert state == ("drafted" if "drafted" in TRANSITIONS["approved"] else "discarded")
    await owner_says(botapi, "/resume")
    await daemon.outbox.send_due()
    assert business_sends(botapi, DAN) == []

    # a button for something already gone says so and changes nothing
    stale = message_with(botapi, undo_of(botapi, f"Sending #{ann['id']}"))
    answered = len(botapi.calls_of("answerCallbackQuery"))
    await botapi.push_callback(OWNER_ID, f"skip:{ann['id']}", stale, name="Ole")
    toast = (await botapi.wait_for("answerCallbackQuery", answered + 1))[answered].params["text"]
    assert "Nothing done" in toast and (await asyncio.to_thread(store.outbox_get, ann["id"]))["state"] == "sent"
    # every tap is feedback for learning
    fed = [e["detail"]["kind"] for u in (ANN, BEN, CAT) for e in await asyncio.to_thread(store.timeline, f"tg:{u}")
           if e["event"] == "feedback"]
    assert {"send", "skip", "wanted", "undo", "block", "unblock"} <= set(fed)


async def pitches(daemon, n: int) -> None:
    now = datetime.now(timezone.utc)
    for i in range(n):
        user = 7100 + i
        text = f"{PITCH} (offer {i}) " + "We also do outsourcing of your development to our offshore team. " * 3
        msg = Inbound(channel="telegram", source=f"telegram:{user}/1", message_id=f"tg:{user}:1", sender=f"tg:{user}",
                      sender_name=f"Seller {i}", text=text, links=["https://calendly.com/x/15min"], date=now,
                      chat_id=user, business_connection_id=CONN)
        outcome = await daemon.handle(msg)
        assert outcome.decision.action == "draft"


async def messages_to_owner(botapi, at_least: int, timeout: float = 10.0) -> list[dict]:
    """The owner's messages once there are at least that many (waiting with a deadline)."""
    for _ in range(int(timeout / 0.05)):
        sent = botapi.sent_messages(OWNER_ID)
        if len(sent) >= at_least:
            await asyncio.sleep(0.2)  # and whatever else belongs to the same answer
            return botapi.sent_messages(OWNER_ID)
        await asyncio.sleep(0.05)
    raise AssertionError(f"fewer than {at_least} messages to the owner")


async def test_a_long_digest_is_paginated_and_every_message_fits(botapi, telegram_daemon):
    daemon = await telegram_daemon(mode="approve")
    await pitches(daemon, 20)
    await owner_says(botapi, "/digest")
    first = await messages_to_owner(botapi, telegram_digest.PAGES_AT_ONCE)
    assert len(first) == telegram_digest.PAGES_AT_ONCE
    assert all(len(m["text"]) <= 4096 for m in first)
    assert buttons(first[-1])[-1] == "more:15"
    shown = {d for m in first for d in buttons(m) if d.startswith("send:")}
    assert len(shown) == 15
    await tap(botapi, "more:15")
    later = (await messages_to_owner(botapi, len(first) + 1))[len(first):]
    shown |= {d for m in later for d in buttons(m) if d.startswith("send:")}
    assert len(shown) == 20
    assert "more:15" not in buttons(first[-1]) and botapi.last_sent(OWNER_ID)["text"].startswith("<b>Draft")


async def test_a_page_over_4096_characters_is_split(botapi, telegram_daemon, monkeypatch):
    monkeypatch.setattr(telegram_digest, "PAGE_ITEMS", 12)
    daemon = await telegram_daemon(mode="approve")
    await pitches(daemon, 12)
    await owner_says(botapi, "/digest")
    await asyncio.sleep(0.2)
    sent = botapi.sent_messages(OWNER_ID)
    assert len(sent) >= 2 and all(len(m["text"]) <= 4096 for m in sent)
    assert sum(len(m["text"]) for m in sent) > 4096
    assert [bool(m.get("reply_markup")) for m in sent] == [False] * (len(sent) - 1) + [True]
    assert len([d for d in buttons(sent[-1]) if d.startswith("send:")]) == 12
    assert sent[0]["text"].startswith("<b>nejtak digest</b>")


async def test_the_digest_goes_out_at_its_times_and_is_retried_when_telegram_fails(botapi, telegram_daemon,
                                                                                monkeypatch):
    from nejtak.bot.connectors.telegram import TelegramConnector

    monkeypatch.setattr(digest_mod, "next_time", lambda now, times: now + timedelta(seconds=0.3))
    monkeypatch.setattr(TelegramConnector, "DIGEST_RETRY", 0.2)
    botapi.fail_next("sendMessage", TelegramConnector.RETRIES, status=503)
    daemon = await telegram_daemon(mode="approve")
    before = daemon.last_digest
    await botapi.wait_for("sendMessage", TelegramConnector.RETRIES + 1,
                          where=lambda p: "nejtak digest" in p.get("text", ""))
    await botapi.wait_for("sendMessage", 1, where=lambda p: p.get("_ok") and "nejtak digest" in p.get("text", ""))
    # the Bot API fixture records the send before the daemon has its answer: wait for the daemon
    await wait_until(lambda: daemon.last_digest > before, timeout=5, what="digest recorded as sent")
    assert daemon.telegram.app.running


async def test_unsubscribe_from_the_digest(botapi, telegram_daemon, monkeypatch, dkim_key, dns, endpoint):
    # The daemon uses real DNS and the system trust; here the test's DKIM key and CA stand in.
    monkeypatch.setattr(unsubscribe_mod, "one_click_target",
                        functools.partial(unsubscribe_mod.one_click_target, dnsfunc=dns))
    monkeypatch.setattr(unsubscribe_mod, "unsubscribe",
                        functools.partial(unsubscribe_mod.unsubscribe, ssl=endpoint.client_ssl, allow_private=True))
    daemon = await telegram_daemon(mode="approve", extra="[unsubscribe]\nconsent = false\n")
    store = daemon.store
    since = daemon.last_digest
    ids = []
    for path in ("/u/42", "/u/43"):
        raw = list_mail(dkim_key[0], f"<mailto:off@shop.example>, <{endpoint.base}{path}>", body=PITCH_BODY)
        outcome = await daemon.handle_email(f"Return-Path: <{SENDER}>\r\n".encode() + raw, "test")  # as delivered
        assert outcome.decision.action == "unsubscribe", outcome.decision
        ids.append(outcome.inbound_id)
    keep, skip = ids
    await asyncio.sleep(0.1)
    assert endpoint.requests == []  # no consent: the daemon itself waits for the owner

    text = digest_mod.render_text(await asyncio.to_thread(digest_mod.build, store, since))
    assert f"[unsubscribe? #{keep}] {SENDER}: Grow your sales with our SEO service" in text
    assert digest_mod.UNSUBSCRIBE_HINT in text
    await owner_says(botapi, "/digest")
    await asyncio.sleep(0.2)
    shown = "\n".join(botapi.sent_texts(OWNER_ID))
    assert f"Unsubscribe? #{keep}</b>" in shown and f"Unsubscribe? #{skip}</b>" in shown
    assert {f"unsub:{keep}", f"unsubskip:{keep}"} <= set(buttons(message_with(botapi, f"unsub:{keep}")))

    # someone else's tap does nothing: no answer, no request, still waiting
    message = message_with(botapi, f"unsub:{keep}")
    answered = len(botapi.calls_of("answerCallbackQuery"))
    await botapi.push_callback(OWNER_ID + 1, f"unsub:{keep}", message, name="Eve")
    await botapi.push_callback(OWNER_ID + 1, f"unsubskip:{skip}", message, name="Eve")
    await asyncio.sleep(0.5)
    assert len(botapi.calls_of("answerCallbackQuery")) == answered and endpoint.requests == []
    assert [c["id"] for c in await asyncio.to_thread(store.unsubscribe_candidates, since)] == [keep, skip]

    # the owner's tap: exactly one POST, the audit row as the daemon writes it, no Undo
    toast = await tap(botapi, f"unsub:{keep}")
    assert toast.startswith("Unsubscribed") and "cannot be undone" in toast
    assert [(r["method"], r["path"], r["body"]) for r in endpoint.requests] == \
        [("POST", "/u/42", b"List-Unsubscribe=One-Click")]
    audit = await asyncio.to_thread(store.last_audit, ["unsubscribe"])
    assert (audit["actor"], audit["subject"]) == ("nejtak", f"inbound:{keep}")
    assert audit["detail"] == {"url": f"{endpoint.base}/u/42", "ok": True, "reason": "HTTP 200"}
    assert f"unsub:{keep}" not in buttons(message_with(botapi, f"unsub:{skip}"))
    assert not any(d.startswith("undo:") for m in botapi.sent_messages(OWNER_ID) for d in buttons(m))

    # Skip: recorded, gone, nothing asked
    assert "skipped" in await tap(botapi, f"unsubskip:{skip}")
    assert len(endpoint.requests) == 1
    audit = await asyncio.to_thread(store.last_audit, ["unsubscribe"])
    assert (audit["subject"], audit["detail"]) == (f"inbound:{skip}", {"skipped": True})
    assert await asyncio.to_thread(store.unsubscribe_candidates, since) == []

    # a stale button changes nothing
    answered = len(botapi.calls_of("answerCallbackQuery"))
    await botapi.push_callback(OWNER_ID, f"unsub:{keep}", message, name="Ole")
    toast = (await botapi.wait_for("answerCallbackQuery", answered + 1))[answered].params["text"]
    assert "Nothing done" in toast and len(endpoint.requests) == 1

    # the next digest lists neither: done and skipped items leave, while untouched ones wait
    # across digests (like drafts), so the window is not what removes them
    before = len(botapi.sent_messages(OWNER_ID))
    await owner_says(botapi, "/digest")
    await asyncio.sleep(0.2)
    later = botapi.sent_messages(OWNER_ID)[before:]
    assert later and not any("Unsubscribe?" in m["text"] for m in later)
    assert not any(d.startswith("unsub") for m in later for d in buttons(m))


def test_a_huge_sender_never_breaks_the_html_of_a_digest_page():
    """A hostile sender address or name must not make Telegram refuse the whole digest."""
    from datetime import datetime, timezone

    from nejtak.bot.connectors.telegram_digest import pages
    from nejtak.bot.digest import Digest, Item

    huge = "b" + "a&<i>" * 900 + "@x.example"
    d = Digest(datetime.now(timezone.utc), items=[
        Item("draft", 1, huge, "<b>" * 50, language="en", score=9.0, reply="No thanks.",
             sender_name="N<" * 500),
        Item("unsubscribe", 2, huge, "Deals"),
    ])
    for page in pages(d, "<b>head</b>"):
        for part in page.texts:
            assert len(part) <= 4096
            opened = len(re.findall(r"<(b|i|a)[ >]", part))
            closed = len(re.findall(r"</(b|i|a)>", part))
            assert opened == closed, part[:200]
