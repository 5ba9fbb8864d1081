"""Item 6: the daemon's own SMTP intake, end to end: a pitch in, a refusal out; no relay."""
from __future__ import annotations

import asyncio
import email
import email.policy
import smtplib

import pytest

from tests.daemon.helpers import OWNER, make_config, message_id_of, pitch, running, wait_until
from tests.fixtures.smtp import free_port


def _send(port: int, sender: str, rcpts: list[str], raw: bytes) -> dict:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        return client.sendmail(sender, rcpts, raw)


async def test_pitch_through_intake_gets_a_refusal_and_relaying_is_refused(dovecot, smtp_capture, sqlite_url):
    port = free_port()
    config = make_config(dovecot, smtp_capture, sqlite_url, imap=False, intake_port=port)
    raw, sender = pitch()
    async with running(config) as daemon:
        assert daemon.intake.port == port
        await asyncio.to_thread(_send, port, sender, [OWNER], raw)
        [captured] = await smtp_capture.wait_for(1, timeout=10)
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            await asyncio.to_thread(_send, port, sender, ["victim@elsewhere.example"], pitch()[0])
        await wait_until(lambda: not daemon.store.outbox_list(["approved", "sending"]), what="outbox settled")
    assert refused.value.recipients["victim@elsewhere.example"][0] == 550
    reply = email.message_from_bytes(captured.data, policy=email.policy.default)
    assert captured.rcpt_tos == [sender]  # the Return-Path the intake wrote from MAIL FROM
    assert reply["In-Reply-To"] == message_id_of(raw)
    assert reply["Auto-Submitted"] == "auto-replied"
    assert len(smtp_capture.messages) == 1
