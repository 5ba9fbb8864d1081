"""`nejtak run` end to end: real Dovecot (mail in by LMTP, so Return-Path is real), aiosmtpd capture, mode auto."""
from __future__ import annotations

import asyncio
import email
import email.policy

import pytest

from nejtak.bot.store import Store
from nejtak.responders.email_reply import reply_message_id
from tests.daemon.helpers import (KEYWORD, OWNER, OWNER_NAME, inbox_flags, mail, make_config, message_id_of,
                                  pitch, replies_by_parent, running, sent_messages, wait_until)

pytestmark = pytest.mark.dovecot


def _outbox(daemon, *states: str) -> list[dict]:
    return daemon.store.outbox_list(list(states))


async def _settled(daemon) -> None:
    """Nothing left to send: no approved or sending row."""
    await wait_until(lambda: not _outbox(daemon, "approved", "sending"), what="outbox settled")


async def test_pitch_gets_exactly_one_rfc3834_refusal(mailbox, smtp_capture, store_url):
    """Item 1 (and, with the postgresql parameter, item 8: PostgreSQL as the store)."""
    config = make_config(mailbox, smtp_capture, store_url)
    async with running(config) as daemon:
        raw, sender = pitch()
        mid = message_id_of(raw)
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        [captured] = await smtp_capture.wait_for(1, timeout=10)
        await wait_until(lambda: _outbox(daemon, "sent"), what="outbox row sent")
        await wait_until(lambda: KEYWORD.encode() in inbox_flags(mailbox).get(mid, ()), what="keyword set")
        sent = await wait_until(lambda: sent_messages(mailbox), what="copy in Sent")
        await _settled(daemon)
        assert len(smtp_capture.messages) == 1

    assert captured.mail_from == OWNER
    assert captured.rcpt_tos == [sender]
    reply = email.message_from_bytes(captured.data, policy=email.policy.default)
    assert reply["To"].addresses[0].addr_spec == sender  # the Return-Path
    assert reply["From"].addresses[0].addr_spec == OWNER
    assert reply["From"].addresses[0].display_name == OWNER_NAME
    assert reply["Subject"] == "Re: Quick question about your website"
    assert reply["In-Reply-To"] == mid
    assert mid in reply["References"].split()
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["X-Auto-Response-Suppress"] == "All"
    assert reply["Message-ID"] == f"<{reply_message_id(mid.strip('<>'), sender, 'refusal', OWNER)}>"
    assert reply.get_content_type() == "text/plain"
    assert "remove" in reply.get_content().lower()

    [copy] = sent
    assert message_id_of(copy) == reply["Message-ID"]
    flags = inbox_flags(mailbox)[mid]
    assert KEYWORD.encode() in flags
    assert b"\\Seen" not in flags


async def test_wanted_list_autoreply_and_forged_mail_get_nothing(mailbox, smtp_capture, sqlite_url):
    """Item 2: a reply in the owner's thread, a customer's question, a list mail, an auto-reply and a
    forged sender are all decided on, and nothing is sent; a pitch delivered last still is answered
    (so the quiet is not a daemon that does nothing)."""
    # The owner wrote first: their message is in Sent before the daemon starts.
    owner_mid = "owner-thread-1@example.test"
    mailbox.append("Sent", (f"From: {OWNER_NAME} <{OWNER}>\r\nTo: Kari <kari@partner.example>\r\n"
                            f"Subject: Workshop in March\r\nMessage-ID: <{owner_mid}>\r\n"
                            "Date: Mon, 02 Mar 2026 10:00:00 +0100\r\n\r\nShall we meet?\r\n").encode())
    quiet = [
        # a reply in a thread the owner started, even with sales words in it
        mail("kari@partner.example", "Re: Workshop in March",
             "Hi, yes! Do you have 15 minutes for a quick call next week? We could also discuss SEO.\n",
             extra=f"In-Reply-To: <{owner_mid}>\r\nReferences: <{owner_mid}>\r\n", name="Kari"),
        # a (new) customer's question
        mail("bo@customer.example", "Question about your invoice 2026-114",
             "Hello,\n\nI received invoice 2026-114 from you yesterday. Could you tell me whether "
             "the amount includes VAT? Our accounting needs it before Friday.\n\nThanks,\nBo\n", name="Bo Berg"),
        # a mailing list mail with a pitch in it
        pitch(extra="List-Id: <offers.lists.example>\r\nList-Unsubscribe: <mailto:leave@lists.example>\r\n"),
        # an auto-reply
        pitch(extra="Auto-Submitted: auto-replied\r\n"),
        # a forged sender: DMARC failed at the trusted server
        pitch(dmarc="fail"),
    ]
    last_pitch = pitch()
    config = make_config(mailbox, smtp_capture, sqlite_url)
    async with running(config) as daemon:
        for raw, sender in quiet:
            await asyncio.to_thread(mailbox.deliver, raw, sender)
        await asyncio.to_thread(mailbox.deliver, *last_pitch)
        await smtp_capture.wait_for(1, timeout=10)
        await _settled(daemon)
    assert list(replies_by_parent(smtp_capture)) == [message_id_of(last_pitch[0])]
    flags = inbox_flags(mailbox)
    for raw, _sender in quiet[:2]:  # wanted mail is never flagged as a handled pitch
        assert KEYWORD.encode() not in flags[message_id_of(raw)]
    # (the daemon flags every message judged unsolicited, answered or not: the list, auto-reply and
    # forged pitches carry the keyword although no refusal went out)
    assert all(b"\\Seen" not in f for f in flags.values())


async def test_restart_sends_nothing_twice_and_catches_up(mailbox, smtp_capture, sqlite_url):
    """Item 3: a new daemon on the same store sends nothing again; mail that came while it was down
    (a new pitch, and the first pitch delivered a second time) is handled once after the restart."""
    config = make_config(mailbox, smtp_capture, sqlite_url)
    first, second = pitch(), pitch()
    async with running(config) as daemon:
        await asyncio.to_thread(mailbox.deliver, *first)
        await smtp_capture.wait_for(1, timeout=10)
        await _settled(daemon)
    # down: a new pitch, and the same pitch again (same Message-ID, new UID)
    await asyncio.to_thread(mailbox.deliver, *second)
    await asyncio.to_thread(mailbox.deliver, *first)
    marker = pitch()  # delivered last: once it is answered, everything before it was seen
    await asyncio.to_thread(mailbox.deliver, *marker)
    async with running(config) as daemon:
        await smtp_capture.wait_for(3, timeout=10)
        await _settled(daemon)
        rows = _outbox(daemon, "sent")
    counts = replies_by_parent(smtp_capture)
    assert counts == {message_id_of(first[0]): 1, message_id_of(second[0]): 1, message_id_of(marker[0]): 1}
    assert len(rows) == 3
    assert len(sent_messages(mailbox)) == 3


async def test_dovecot_restart_during_idle(mailbox, smtp_capture, sqlite_url):
    """Item 5: Dovecot goes away under an IDLE; a pitch delivered after it is back is still answered,
    flagged, and filed in Sent (the command connection recovers too)."""
    config = make_config(mailbox, smtp_capture, sqlite_url)
    before, after = pitch(), pitch()
    async with running(config) as daemon:
        await asyncio.to_thread(mailbox.deliver, *before)
        await smtp_capture.wait_for(1, timeout=10)
        await wait_until(lambda: len(sent_messages(mailbox)) == 1, what="first copy in Sent")
        await asyncio.to_thread(mailbox.restart)
        await asyncio.to_thread(mailbox.deliver, *after)
        await smtp_capture.wait_for(2, timeout=20)
        mid = message_id_of(after[0])
        await wait_until(lambda: KEYWORD.encode() in inbox_flags(mailbox).get(mid, ()), timeout=10,
                         what="keyword on the pitch after the restart")
        await wait_until(lambda: len(sent_messages(mailbox)) == 2, timeout=10, what="second copy in Sent")
        await _settled(daemon)
    assert replies_by_parent(smtp_capture) == {message_id_of(before[0]): 1, mid: 1}


async def test_a_sender_the_owner_answered_in_the_inbox_is_known(mailbox, smtp_capture, sqlite_url):
    """The inbox as sender history: someone whose mail the owner answered (\\Answered, the reply
    not in Sent: written on the phone) is never refused, even when they pitch."""
    earlier, _ = pitch(70)
    mailbox.append("INBOX", earlier, flags=(b"\\Answered", b"\\Seen"))  # before the first start
    config = make_config(mailbox, smtp_capture, sqlite_url)
    async with running(config) as daemon:
        again, sender = pitch(70)  # the same person pitches later
        await asyncio.to_thread(mailbox.deliver, again, sender)
        stranger, other = pitch(71)
        await asyncio.to_thread(mailbox.deliver, stranger, other)
        [captured] = await smtp_capture.wait_for(1, timeout=10)
        await _settled(daemon)
        decided = {r["sender"]: r for r in daemon.store.inbound_since(daemon.last_digest)}
    assert captured.rcpt_tos == [other]  # only the stranger got a refusal
    assert decided[sender]["blocked_by"] == "known_correspondent" and decided[sender]["action"] == "none"
