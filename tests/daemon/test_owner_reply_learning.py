"""The owner's own e-mail replies teach (issue 9): a message the owner sends to a sender while
nejtak runs (it lands in Sent) takes back that sender's pitch labels, labels what the owner
answered wanted, and makes the sender a correspondent nejtak never refuses. Real Dovecot."""
from __future__ import annotations

import asyncio
import time
from datetime import datetime, timezone
from email.utils import format_datetime

import pytest

from tests.daemon.helpers import (OWNER, OWNER_NAME, PITCH_BODY, mail, make_config, message_id_of, pitch,
                                  replies_by_parent, running, sent_messages, wait_until)

pytestmark = pytest.mark.dovecot

CUSTOMER_BODY = "Hello again,\n\nany news on the offer? Do you have 15 minutes for a quick call next week?\n"


def owner_message(to: str, subject: str, *, in_reply_to: str | None = None, extra: str = "") -> bytes:
    """A message the owner wrote in their own mail program, as it lands in Sent."""
    thread = f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n" if in_reply_to else ""
    return (f"From: {OWNER_NAME} <{OWNER}>\r\nTo: <{to}>\r\nSubject: {subject}\r\n"
            f"Message-ID: <owner-{time.time_ns()}@example.test>\r\n"
            f"Date: {format_datetime(datetime.now(timezone.utc))}\r\n{thread}{extra}"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Thanks, that sounds interesting after all. Call me on Monday.\r\n").encode()


def inbound_id(daemon, raw: bytes) -> int | None:
    found = daemon.store.answered_inbound("email", [message_id_of(raw)])
    return found[0] if found else None


def labels(daemon, sender: str, label: str) -> list:
    return daemon.store.active_labels(sender=sender, label=label)


async def answered(daemon, smtp_capture, raw: bytes, *, count: int) -> None:
    """Wait until the pitch is answered and nejtak's own refusal is filed in Sent."""
    await smtp_capture.wait_for(count, timeout=10)
    await wait_until(lambda: inbound_id(daemon, raw), what="pitch stored")
    await wait_until(lambda: not daemon.store.outbox_list(["approved", "sending"]), what="outbox settled")
    await wait_until(lambda: daemon.store.outbox_unfiled() == [], what="refusal filed in Sent")


async def test_owner_reply_in_sent_takes_back_the_pitch_label_and_the_sender_is_never_refused(
        mailbox, smtp_capture, store_url):
    config = make_config(mailbox, smtp_capture, store_url)
    first = pitch()
    sender = first[1]
    async with running(config) as daemon:
        await asyncio.to_thread(mailbox.deliver, *first)
        await answered(daemon, smtp_capture, first[0], count=1)
        pitch_id = inbound_id(daemon, first[0])
        # the owner taps "pitch" on it (the digest's part, stood in for here)
        assert await asyncio.to_thread(daemon.learning.teach_stored, pitch_id, "pitch", "digest")
        # nejtak's own refusal in Sent is not the owner writing: nothing is learned from it
        await asyncio.sleep(2.5)  # more than two polls of Sent (poll_seconds = 1)
        assert len(sent_messages(mailbox)) == 1
        assert [r.inbound_id for r in labels(daemon, sender, "pitch")] == [pitch_id]
        assert labels(daemon, sender, "wanted") == []

        # the owner answers the pitch from their own mail program
        reply = owner_message(sender, "Re: Quick question about your website",
                              in_reply_to=message_id_of(first[0]))
        await asyncio.to_thread(mailbox.append, "Sent", reply, ("\\Seen",))
        [wanted] = await wait_until(lambda: labels(daemon, sender, "wanted"), timeout=5,
                                    what="the answered message labelled wanted")
        assert (wanted.inbound_id, wanted.source) == (pitch_id, "sent")
        assert labels(daemon, sender, "pitch") == []
        [taken_back] = [r for r in daemon.store.labels_of_sender(sender) if r.label == "pitch"]
        assert taken_back.revoked_at is not None and taken_back.revoked_reason == "the owner wrote to them"

        # the sender writes again, with the same sales words: no refusal this time
        again = mail(sender, "Re: Quick question about your website", CUSTOMER_BODY,
                     extra=f"In-Reply-To: {message_id_of(reply)}\r\n")
        marker = pitch()  # a stranger's pitch delivered after it: answered once the first was decided
        await asyncio.to_thread(mailbox.deliver, *again)
        await asyncio.to_thread(mailbox.deliver, *marker)
        await answered(daemon, smtp_capture, marker[0], count=2)
        assert daemon.store.decision_of(inbound_id(daemon, again[0]))["action"] != "reply"
    counts = replies_by_parent(smtp_capture)
    assert counts == {message_id_of(first[0]): 1, message_id_of(marker[0]): 1}


async def test_owner_mail_written_while_nejtak_was_down_teaches_at_the_next_start(
        mailbox, smtp_capture, sqlite_url):
    """Sent is followed by UID across restarts: a message the owner wrote while nejtak was down
    (without In-Reply-To: the sender's latest message is the one labelled) counts at the next
    start; an automatic message in Sent (a vacation notice) teaches nothing."""
    config = make_config(mailbox, smtp_capture, sqlite_url)
    b, c = pitch(), pitch()
    async with running(config) as daemon:
        for raw, _sender in (b, c):
            await asyncio.to_thread(mailbox.deliver, raw, _sender)
        await answered(daemon, smtp_capture, c[0], count=2)
        for raw, _sender in (b, c):
            await asyncio.to_thread(daemon.learning.teach_stored, inbound_id(daemon, raw), "pitch", "digest")
        b_id, c_id = inbound_id(daemon, b[0]), inbound_id(daemon, c[0])

    await asyncio.to_thread(mailbox.append, "Sent", owner_message(b[1], "About your offer"))
    await asyncio.to_thread(mailbox.append, "Sent", owner_message(
        c[1], "Out of office", extra="Auto-Submitted: auto-replied\r\n"))

    async with running(config) as daemon:
        [wanted] = await wait_until(lambda: labels(daemon, b[1], "wanted"), timeout=5,
                                    what="B's latest message labelled wanted")
        assert (wanted.inbound_id, wanted.source) == (b_id, "sent")
        assert labels(daemon, b[1], "pitch") == []
        await asyncio.sleep(1.5)  # the automatic message was read in the same round as B's
        assert [r.inbound_id for r in labels(daemon, c[1], "pitch")] == [c_id]
        assert labels(daemon, c[1], "wanted") == []
        # B is a correspondent now, C is not: B's next pitch is left alone, C's gets the reminder
        b_again = mail(b[1], "Quick question about your website", PITCH_BODY)
        c_again = mail(c[1], "Quick question about your website", PITCH_BODY)
        for raw, _sender in (b_again, c_again):
            await asyncio.to_thread(mailbox.deliver, raw, _sender)
        await answered(daemon, smtp_capture, c_again[0], count=3)
    assert replies_by_parent(smtp_capture) == {message_id_of(b[0]): 1, message_id_of(c[0]): 1,
                                               message_id_of(c_again[0]): 1}
