"""The Telegram connector against a local Bot API server: lifecycle, owner-only commands, resilience."""
from __future__ import annotations

import asyncio
import logging

from nejtak.bot.connectors.telegram import TelegramConnector as TelegramRetries
from tests.fixtures.botapi import OWNER_ID

STRANGER = 9001


async def owner_says(botapi, text: str) -> str:
    """The owner sends a command; the bot's next answer to the owner."""
    before = len(botapi.sent_texts(OWNER_ID))
    await botapi.push_message(OWNER_ID, text, name="Ole")
    await botapi.wait_for("sendMessage", before + 1, where=lambda p: p.get("_ok") and int(p["chat_id"]) == OWNER_ID)
    return botapi.sent_texts(OWNER_ID)[before]


async def test_connects_with_the_explicit_lifecycle_and_keeps_the_token_out_of_the_log(botapi, telegram_daemon, caplog):
    caplog.set_level(logging.DEBUG)
    daemon = await telegram_daemon()
    await botapi.wait_for("getUpdates")
    methods = [c.method for c in botapi.calls]
    assert methods[0] == "getMe" and "deleteWebhook" in methods
    assert [c["command"] for c in botapi.commands][:3] == ["digest", "status", "pause"]
    assert daemon.outbox.deliver["telegram"] == daemon.telegram.business.deliver
    await daemon.stop()
    assert not daemon.telegram.app.running
    assert all(botapi.token not in r.getMessage() for r in caplog.records)
    assert all(botapi.token.split(":")[1] not in r.getMessage() for r in caplog.records)


async def test_commands_from_anyone_but_the_owner_change_nothing_and_are_logged(botapi, telegram_daemon, caplog):
    caplog.set_level(logging.INFO, logger="nejtak.telegram")
    daemon = await telegram_daemon()
    for text in ("/pause", "/mode auto", "/block tg:4242", "/digest"):
        await botapi.push_message(STRANGER, text, name="Mallory")
    answer = await owner_says(botapi, "/status")  # updates are handled in order: the stranger's came first
    assert "Mode: <b>approve</b>" in answer and "Sending: on" in answer
    assert daemon.outbox.paused is False and daemon.config.mode == "approve"
    assert botapi.sent_texts(STRANGER) == []
    assert sum(f"user {STRANGER} ignored" in r.getMessage() for r in caplog.records) == 4


async def test_a_stranger_cannot_press_the_owners_buttons(botapi, telegram_daemon):
    daemon = await telegram_daemon()
    await botapi.push_callback(STRANGER, "undo:1", {"message_id": 1, "date": 0, "chat": {"id": STRANGER, "type": "private"}})
    await owner_says(botapi, "/status")
    assert botapi.calls_of("answerCallbackQuery") == []


async def test_pause_resume_and_mode(botapi, telegram_daemon):
    daemon = await telegram_daemon()
    assert "paused" in await owner_says(botapi, "/pause")
    assert daemon.outbox.paused is True
    assert "Sending again" in await owner_says(botapi, "/resume")
    assert daemon.outbox.paused is False
    assert "now <b>auto</b>" in await owner_says(botapi, "/mode auto")
    assert daemon.config.mode == "auto" and daemon.pipeline.config.mode == "auto"
    assert "Use /mode" in await owner_says(botapi, "/mode loud")
    assert daemon.config.mode == "auto"


async def test_allow_block_and_history(botapi, telegram_daemon):
    daemon = await telegram_daemon()
    assert "wanted" in await owner_says(botapi, "/allow Friend@Example.COM")
    assert "blocked" in await owner_says(botapi, "/block tg://user?id=777")
    assert "Usage: /block" in await owner_says(botapi, "/block someone")
    history = await owner_says(botapi, "/history friend@example.com")
    assert "feedback" in history and "kind=wanted" in history
    h = await asyncio.to_thread(daemon.store.sender_history, "telegram", "tg:777", "", [])
    assert h.blocked
    assert "Nothing known" in await owner_says(botapi, "/history nobody@example.com")


async def test_preview_renders_the_refusals_in_a_language(botapi, telegram_daemon):
    await telegram_daemon()
    de = await owner_says(botapi, "/preview de")
    assert "E-mail refusal (de)" in de and "Chat refusal (de)" in de and "<pre>" in de
    xx = await owner_says(botapi, "/preview xx")
    assert "No templates for xx" in xx and "(en)" in xx
    assert "Usage: /preview" in await owner_says(botapi, "/preview")


async def test_retry_after_is_waited_out(botapi, telegram_daemon):
    await telegram_daemon()
    botapi.fail_next("sendMessage", 1, status=429, retry_after=1)
    answer = await owner_says(botapi, "/status")
    assert "Mode:" in answer
    sends = botapi.calls_of("sendMessage")
    assert len(sends) == 2 and sends[1].at - sends[0].at >= 0.95


async def test_5xx_answers_and_broken_polls_are_survived(botapi, telegram_daemon):
    daemon = await telegram_daemon()
    botapi.fail_next("sendMessage", 2, status=500)
    assert "Mode:" in await owner_says(botapi, "/status")
    botapi.fail_next("sendMessage", TelegramRetries.RETRIES, status=502)  # every retry fails: this answer is lost
    await botapi.push_message(OWNER_ID, "/status")
    await botapi.wait_for("sendMessage", 3 + TelegramRetries.RETRIES)
    botapi.fail_next("getUpdates", 3, status=500)
    await asyncio.sleep(0.1)
    assert "Mode:" in await owner_says(botapi, "/status")  # polling went on after the 5xx answers
    assert daemon.telegram.app.running
    assert not daemon.stop_event.is_set()


def test_the_token_comes_from_the_environment_or_a_file(tmp_path, monkeypatch):
    import pytest

    from nejtak.bot.config import ConfigError, Telegram

    monkeypatch.setenv("MY_BOT_TOKEN", " 1:abc \n")
    assert Telegram(owner_id=1, token_env="MY_BOT_TOKEN").token() == "1:abc"
    (tmp_path / "token").write_text("2:def\n")
    assert Telegram(owner_id=1, token_file=str(tmp_path / "token")).token() == "2:def"
    monkeypatch.delenv("MY_BOT_TOKEN")
    with pytest.raises(ConfigError, match="MY_BOT_TOKEN"):
        Telegram(owner_id=1, token_env="MY_BOT_TOKEN").token()
    with pytest.raises(ConfigError, match="cannot read"):
        Telegram(owner_id=1, token_file=str(tmp_path / "missing")).token()


async def test_an_unreachable_bot_api_does_not_stop_the_daemon(telegram_daemon, botapi, monkeypatch):
    from nejtak.bot.connectors.telegram import TelegramConnector

    botapi.fail_next("getMe", 2, status=502)
    daemon = await telegram_daemon()  # waits until connected: after two failed getMe calls
    assert len(botapi.calls_of("getMe")) == 3
    assert "Mode:" in await owner_says(botapi, "/status")
    assert isinstance(daemon.telegram, TelegramConnector)


async def test_no_log_line_shows_the_token_even_when_the_bot_api_echoes_the_url(botapi, telegram_daemon, capsys):
    """An HTML error page that repeats the request URL: python-telegram-bot and nejtak log it at
    ERROR/WARNING, from loggers of their own; the token must be hidden in every one, tracebacks too."""
    from nejtak.bot import logs

    logs.setup("DEBUG")
    logs.setup("DEBUG", fmt="json")  # both formats, one after the other
    daemon = await telegram_daemon()
    for method in ("sendMessage", "getUpdates"):
        botapi.fail_next(method, times=3, status=502)
    await botapi.push_message(OWNER_ID, "/status", name="Ole")
    await botapi.wait_for("sendMessage", 3, where=lambda p: True, timeout=20)
    await asyncio.sleep(0.5)
    await daemon.stop()
    logs.setup("DEBUG")
    logging.getLogger("telegram.request").error("page: %s", f"{botapi.url}{botapi.token}/getMe",
                                                exc_info=ValueError(f"for {botapi.token}"))
    err = capsys.readouterr().err
    assert "502" in err  # the failures were logged...
    secret = botapi.token.split(":")[1]
    assert secret not in err and botapi.token.replace(":", "%3A") not in err  # ...without the token
    assert "<secret>" in err
