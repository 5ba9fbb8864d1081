"""Item 7 and 9: SMTP errors on send, backlog at first start, and the drafts/send/discard commands."""
from __future__ import annotations

import asyncio

import pytest
from click.testing import CliRunner

import nejtak.bot.outbox
from nejtak.bot.cli import main
from tests.daemon.helpers import (KEYWORD, inbox_flags, make_config, message_id_of, pitch, replies_by_parent,
                                  running, wait_until)

pytestmark = pytest.mark.dovecot


def _rows(daemon, *states):
    return daemon.store.outbox_list(list(states))


async def test_4xx_is_retried_and_sent_once(mailbox, smtp_capture, sqlite_url, monkeypatch):
    monkeypatch.setattr(nejtak.bot.outbox, "retry_delay", lambda attempts: 0.2)  # 30 s in production
    smtp_capture.fail_next(451, times=2)
    config = make_config(mailbox, smtp_capture, sqlite_url)
    raw, sender = pitch()
    async with running(config) as daemon:
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        await smtp_capture.wait_for(1, timeout=15)
        [row] = await wait_until(lambda: _rows(daemon, "sent"), what="row sent")
        assert not _rows(daemon, "approved", "sending", "failed")
    assert row["attempts"] == 3
    assert replies_by_parent(smtp_capture) == {message_id_of(raw): 1}


async def test_5xx_fails_and_shows_in_drafts_and_digest(mailbox, smtp_capture, sqlite_url):
    smtp_capture.fail_next(550, times=1, text="5.7.1 no thanks to you either")
    config = make_config(mailbox, smtp_capture, sqlite_url)
    raw, sender = pitch()
    async with running(config) as daemon:
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        [row] = await wait_until(lambda: _rows(daemon, "failed"), what="row failed")
        digest = await daemon.digest_text()
    assert "550" in (row["last_error"] or "")
    assert smtp_capture.messages == []
    assert sender in digest
    result = CliRunner().invoke(main, ["drafts", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert f"#{row['id']} [failed]" in result.output
    assert "550" in result.output


async def test_backlog_left_alone_and_cli_send_discard_in_approve_mode(mailbox, smtp_capture, sqlite_url):
    old = pitch()
    await asyncio.to_thread(mailbox.deliver, *old)  # already there when nejtak first starts
    config = make_config(mailbox, smtp_capture, sqlite_url, mode="approve")
    assert config.imap[0].backlog_days == 0
    keep, drop = pitch(), pitch()
    runner = CliRunner()
    async with running(config) as daemon:
        for p in (keep, drop):
            await asyncio.to_thread(mailbox.deliver, *p)
        drafts = await wait_until(lambda: len(_rows(daemon, "drafted")) == 2 and _rows(daemon, "drafted"),
                                  what="two drafts")
        by_parent = {d["in_reply_to"].strip("<>"): d["id"] for d in drafts}
        keep_id, drop_id = by_parent[message_id_of(keep[0]).strip("<>")], by_parent[message_id_of(drop[0]).strip("<>")]

        listed = await asyncio.to_thread(runner.invoke, main, ["drafts", "--db", sqlite_url])
        assert listed.exit_code == 0, listed.output
        assert f"#{keep_id} [drafted]" in listed.output and f"#{drop_id} [drafted]" in listed.output

        discarded = await asyncio.to_thread(runner.invoke, main, ["discard", str(drop_id), "--db", sqlite_url])
        assert discarded.exit_code == 0, discarded.output
        sent = await asyncio.to_thread(runner.invoke, main, ["send", str(keep_id), "--db", sqlite_url])
        assert sent.exit_code == 0, sent.output
        # another process approved it: the daemon notices without being woken
        await smtp_capture.wait_for(1, timeout=10)
        await wait_until(lambda: daemon.store.outbox_get(keep_id)["state"] == "sent", what="sent")
        assert daemon.store.outbox_get(drop_id)["state"] == "discarded"
        again = await asyncio.to_thread(runner.invoke, main, ["send", str(keep_id), "--db", sqlite_url])
        assert again.exit_code != 0  # a sent reply cannot be sent twice
        flags = inbox_flags(mailbox)
        all_rows = _rows(daemon, "drafted", "approved", "sending", "sent", "failed", "discarded")
    assert replies_by_parent(smtp_capture) == {message_id_of(keep[0]): 1}
    assert KEYWORD.encode() not in flags[message_id_of(old[0])]
    # the mail that was there before the first start was never even read
    assert old[1] not in {r["to_address"] for r in all_rows}
    assert daemon.store.timeline(old[1]) == []
