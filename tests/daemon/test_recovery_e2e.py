"""After an outage, mail is caught up within 20 s of the server's return (issue 7, item 10):
real Dovecot stopped and started, a real aiosmtpd capture taken away and brought back."""
from __future__ import annotations

import asyncio
import time

import pytest
from aiosmtpd.controller import Controller

from tests.daemon.helpers import make_config, message_id_of, pitch, replies_by_parent, running, wait_until
from tests.fixtures.smtp import SmtpCapture, free_port

pytestmark = pytest.mark.dovecot
CATCH_UP = 20.0


async def test_refusals_follow_within_20_s_of_the_imap_servers_return(mailbox, smtp_capture, sqlite_url):
    async with running(make_config(mailbox, smtp_capture, sqlite_url)) as daemon:
        await asyncio.to_thread(mailbox.stop)
        await asyncio.sleep(35)  # long enough for a doubling backoff to wait far longer than 20 s
        await asyncio.to_thread(mailbox.start)
        back = time.monotonic()
        raw, sender = pitch()
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        await smtp_capture.wait_for(1, timeout=CATCH_UP + 5)
        assert time.monotonic() - back < CATCH_UP
        assert replies_by_parent(smtp_capture) == {message_id_of(raw): 1}


async def test_refusals_follow_within_20_s_of_the_smtp_servers_return(mailbox, sqlite_url):
    capture = SmtpCapture("127.0.0.1", free_port())
    async with running(make_config(mailbox, capture, sqlite_url)) as daemon:
        raws = [pitch() for _ in range(2)]
        for raw, sender in raws:
            await asyncio.to_thread(mailbox.deliver, raw, sender)
        # the server is away: the sends fail a few times (a doubling wait would reach 60 s and more)
        await wait_until(lambda: all((r.get("attempts") or 0) >= 3 for r in
                                     daemon.store.outbox_list(["approved", "sending"]) or [{}]),
                         timeout=60, what="several failed tries")
        controller = Controller(capture, hostname=capture.host, port=capture.port, server_hostname="capture.test")
        controller.start()
        back = time.monotonic()
        try:
            await capture.wait_for(2, timeout=CATCH_UP + 5)
            assert time.monotonic() - back < CATCH_UP
            assert replies_by_parent(capture) == {message_id_of(raw): 1 for raw, _ in raws}
            assert daemon.store.outbox_list(["failed"]) == []  # an outage is no reason to give up
        finally:
            controller.stop()
