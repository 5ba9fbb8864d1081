"""A message that cannot be stored or decided never holds up the others (issue 7, items 3 and 4):
real Dovecot, the daemon's own intake, aiosmtpd, and SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import smtplib
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.daemon import Daemon
from nejtak.bot.digest import build, render_text
from nejtak.bot.store import Store
from tests.daemon.helpers import (OWNER, make_config, message_id_of, pitch, replies_by_parent, running,
                                  wait_until)
from tests.fixtures.smtp import free_port

pytestmark = pytest.mark.dovecot
AN_HOUR_AGO = datetime.now(timezone.utc) - timedelta(hours=1)


async def test_a_date_no_store_can_hold_does_not_stop_the_inbox(mailbox, smtp_capture, store_url):
    """Year 9999 at -2359 overflowed the store; the IMAP watch retried it forever."""
    config = make_config(mailbox, smtp_capture, store_url)
    async with running(config) as daemon:
        odd, sender = pitch(extra="X-Note: odd date\r\n")
        odd = odd.replace(b"Date: ", b"Date: Fri, 31 Dec 9999 23:59:59 -2359\r\nX-Old-Date: ", 1)
        normal, sender2 = pitch()
        await asyncio.to_thread(mailbox.deliver, odd, sender)
        await asyncio.to_thread(mailbox.deliver, normal, sender2)
        await smtp_capture.wait_for(2, timeout=15)
        replies = replies_by_parent(smtp_capture)
        assert replies == {message_id_of(odd): 1, message_id_of(normal): 1}
        [row] = [r for r in daemon.store.inbound_since(AN_HOUR_AGO) if r["message_id"] in message_id_of(odd)]
        assert row["received_at"] is None  # the impossible date was dropped, the message kept


class RefusingStore(Store):
    """A real store that cannot take one particular message (as a column overflow would)."""

    def receive(self, msg, *args, **kwargs):
        if "poison" in msg.subject:
            raise OverflowError("date value out of range")
        return super().receive(msg, *args, **kwargs)


async def test_a_message_the_store_refuses_is_put_aside_and_the_next_is_answered(mailbox, smtp_capture,
                                                                              store_url):
    config = make_config(mailbox, smtp_capture, store_url)
    store = RefusingStore(store_url, config.classifier.freemail_domains)
    daemon = Daemon(config, store=store)
    await daemon.start()
    try:
        account = f"{config.imap[0].username}@{config.imap[0].host}"
        await wait_until(lambda: store.sync_state("imap", account, "INBOX")[0] is not None, what="watching")
        poison, s1 = pitch()
        poison = poison.replace(b"Subject: Quick", b"Subject: poison Quick", 1)
        normal, s2 = pitch()
        await asyncio.to_thread(mailbox.deliver, poison, s1)
        await asyncio.to_thread(mailbox.deliver, normal, s2)
        await smtp_capture.wait_for(1, timeout=15)
        assert replies_by_parent(smtp_capture) == {message_id_of(normal): 1}
        [aside] = await wait_until(lambda: store.put_aside_since(AN_HOUR_AGO), what="put aside")
        assert aside["action"] == "put_aside" and "OverflowError" in aside["error"]
        assert b"poison Quick" in store.inbound_raw(aside["id"])  # kept raw
        text = render_text(build(store, AN_HOUR_AGO))
        assert f"[not handled, message #{aside['id']}]" in text and "poison Quick" in text
    finally:
        await daemon.stop()
    if store_url.startswith("sqlite"):
        out = CliRunner().invoke(main, ["drafts", "--db", store_url])
        assert out.exit_code == 0 and f"message #{aside['id']} [not handled]" in out.output


def _send_utf8(port: int, sender: str, raw: bytes) -> dict:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        return client.sendmail(sender, [OWNER], raw, mail_options=["SMTPUTF8"])


@pytest.mark.parametrize("smtputf8", [True, False], ids=["server-has-smtputf8", "server-without"])
async def test_an_internationalised_sender_is_stored_and_answered_only_with_smtputf8(
        dovecot, smtp_capture_factory, store_url, smtputf8):
    """The intake answered 250 and lost the message (UnicodeEncodeError on insert)."""
    capture = smtp_capture_factory(smtputf8=smtputf8)
    port = free_port()
    config = make_config(dovecot, capture, store_url, imap=False, intake_port=port)
    sender = "jörg@bücher.example"
    raw = ("Authentication-Results: mx.test; dmarc=pass header.from=xn--bcher-kva.example\r\n"
           f"From: Jörg <{sender}>\r\nTo: {OWNER}\r\nSubject: Quick question about your website\r\n"
           "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMessage-ID: <idn-1@xn--bcher-kva.example>\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           + pitch()[0].split(b"\r\n\r\n", 1)[1].decode()).encode()
    async with running(config) as daemon:
        assert await asyncio.to_thread(_send_utf8, port, sender, raw) == {}  # 250: stored
        [row] = [r for r in daemon.store.inbound_since(AN_HOUR_AGO)]
        assert row["return_path"] == sender and row["sender"] == sender
        if smtputf8:
            [got] = await capture.wait_for(1, timeout=10)
            assert got.rcpt_tos == [sender]
        else:
            [failed] = await wait_until(lambda: daemon.store.outbox_list(["failed"]), what="reply failed")
            assert "SMTPUTF8" in failed["last_error"] and failed["to_address"] == sender
            assert capture.messages == []


async def test_a_huge_message_over_imap_is_fetched_and_kept_only_in_part(mailbox, smtp_capture, store_url):
    """A 30 MB pitch (a big attachment): decided on its headers and text, only its first 2 MiB
    fetched and kept (before: fetched whole, parsed whole, stored whole in the database)."""
    from nejtak.bot.mail.reader import MAX_BYTES

    config = make_config(mailbox, smtp_capture, store_url)
    raw, sender = pitch()
    head, body = raw.split(b"\r\n\r\n", 1)
    big = (head.replace(b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="b"')
           + b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
           + b"\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=x.pdf\r\n"
           + b"Content-Transfer-Encoding: base64\r\n\r\n" + (b"QUFB" * 19 + b"\r\n") * 400_000 + b"--b--\r\n")
    assert len(big) > 30_000_000
    async with running(config) as daemon:
        await asyncio.to_thread(mailbox.deliver, big, sender)
        await smtp_capture.wait_for(1, timeout=30)
        assert replies_by_parent(smtp_capture) == {message_id_of(big): 1}
        [row] = [r for r in daemon.store.inbound_since(AN_HOUR_AGO)]
        assert row["size"] >= len(big) - 1024  # the whole size is known...
        assert row["error"].startswith("large message")
        kept = daemon.store.inbound_raw(row["id"])
        assert len(kept) == MAX_BYTES  # ...but only the part that was read is kept
