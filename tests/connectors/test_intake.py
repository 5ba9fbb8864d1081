"""SmtpIntake on 127.0.0.1, driven by plain smtplib (in a thread: the server runs on the test's loop)."""
from __future__ import annotations

import asyncio
import smtplib
import socket
from dataclasses import dataclass, field

import pytest

from nejtak.bot.config import Intake
from nejtak.bot.connectors.intake import SmtpIntake

OWNER = "ole@owner.test"
PITCH = (b"From: Sam Seller <sam@vendor.test>\r\nTo: ole@owner.test\r\n"
         b"Subject: Quick call?\r\nMessage-ID: <p1@vendor.test>\r\n\r\n"
         b"Hi Ole, do you have 15 minutes next week?\r\n")


@dataclass
class Inbox:
    """What the intake handed to on_message; set `fail` to make on_message raise."""

    got: list[tuple[bytes, str, list[str]]] = field(default_factory=list)
    loops: list[asyncio.AbstractEventLoop] = field(default_factory=list)
    fail: int = 0

    async def on_message(self, raw: bytes, mail_from: str, rcpt_tos: list[str]) -> None:
        self.loops.append(asyncio.get_running_loop())
        if self.fail:
            self.fail -= 1
            raise RuntimeError("store is down")
        self.got.append((raw, mail_from, rcpt_tos))


@pytest.fixture
async def start_intake():
    started: list[SmtpIntake] = []

    async def start(**overrides) -> tuple[SmtpIntake, Inbox]:
        inbox = Inbox()
        cfg = Intake(**{"host": "127.0.0.1", "port": 0, "hostname": "intake.test", **overrides})
        intake = SmtpIntake(cfg, [OWNER, "Sales@Owner.Test"], inbox.on_message)
        await intake.start()
        started.append(intake)
        return intake, inbox

    yield start
    for intake in started:
        await intake.stop()


@pytest.fixture
async def intake(start_intake):
    return await start_intake()


def _deliver(port: int, mail_from: str, rcpts: list[str], data: bytes, **kw) -> dict:
    with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
        return client.sendmail(mail_from, rcpts, data, **kw)


async def deliver(port: int, mail_from: str, rcpts: list[str], data: bytes = PITCH, **kw) -> dict:
    return await asyncio.to_thread(_deliver, port, mail_from, rcpts, data, **kw)


async def test_mail_to_the_owner_arrives_with_return_path(intake):
    server, inbox = intake
    assert server.port > 0
    assert await deliver(server.port, "bounce+x@vendor.test", [OWNER]) == {}
    [(raw, mail_from, rcpts)] = inbox.got
    assert (mail_from, rcpts) == ("bounce+x@vendor.test", [OWNER])
    assert raw.startswith(b"Return-Path: <bounce+x@vendor.test>\r\nReceived: from ")
    assert b"by intake.test (nejtak) with ESMTP\r\n\tfor <ole@owner.test>;" in raw
    assert raw.endswith(PITCH)
    assert inbox.loops == [asyncio.get_running_loop()]  # on the daemon's loop, not a thread


async def test_null_sender_arrives_as_empty_return_path(intake):
    server, inbox = intake
    await deliver(server.port, "", [OWNER])
    [(raw, mail_from, _)] = inbox.got
    assert mail_from == "<>"
    assert raw.startswith(b"Return-Path: <>\r\n")


async def test_forged_return_path_in_the_message_is_dropped(intake):
    server, inbox = intake
    forged = b"Return-Path: <victim@innocent.test>\r\nreturn-path:\r\n <x@y.test>\r\n" + PITCH
    await deliver(server.port, "sam@vendor.test", [OWNER], forged)
    [(raw, _, _)] = inbox.got
    assert raw.lower().count(b"return-path:") == 1
    assert b"innocent" not in raw and b"x@y.test" not in raw
    assert raw.endswith(PITCH)


async def test_other_recipients_are_refused_never_relayed(intake):
    server, inbox = intake
    with pytest.raises(smtplib.SMTPRecipientsRefused) as info:
        await deliver(server.port, "sam@vendor.test", ["victim@elsewhere.test"])
    assert info.value.recipients["victim@elsewhere.test"] == (550, b"5.7.1 relaying denied")
    assert inbox.got == []


async def test_only_the_owner_is_accepted_among_several_recipients(intake):
    server, inbox = intake
    refused = await deliver(server.port, "sam@vendor.test", ["victim@elsewhere.test", OWNER])
    assert refused == {"victim@elsewhere.test": (550, b"5.7.1 relaying denied")}
    assert [rcpts for _, _, rcpts in inbox.got] == [[OWNER]]


async def test_owner_address_compared_without_case(intake):
    server, inbox = intake
    await deliver(server.port, "sam@vendor.test", ["OLE@Owner.TEST", "sales@owner.test"])
    assert [rcpts for _, _, rcpts in inbox.got] == [["OLE@Owner.TEST", "sales@owner.test"]]


async def test_size_is_advertised_and_oversize_refused_with_552(start_intake):
    server, inbox = await start_intake(max_size=2000)
    big = PITCH + (b"y" * 70 + b"\r\n") * 60

    def declared():  # smtplib declares SIZE= when the server advertises it
        with smtplib.SMTP("127.0.0.1", server.port, timeout=5) as client:
            client.ehlo()
            assert client.esmtp_features["size"] == "2000"
            client.sendmail("sam@vendor.test", [OWNER], big)

    with pytest.raises(smtplib.SMTPSenderRefused) as info:
        await asyncio.to_thread(declared)
    assert info.value.smtp_code == 552

    def undeclared():  # a client that ignores SIZE is stopped at the end of DATA
        with smtplib.SMTP("127.0.0.1", server.port, timeout=5) as client:
            client.ehlo()
            client.mail("sam@vendor.test")
            client.rcpt(OWNER)
            return client.data(big)

    code, text = await asyncio.to_thread(undeclared)
    assert code == 552
    assert inbox.got == []
    await deliver(server.port, "sam@vendor.test", [OWNER])  # still serving
    assert len(inbox.got) == 1


async def test_failing_on_message_gives_451_and_the_server_goes_on(intake):
    server, inbox = intake
    inbox.fail = 1
    with pytest.raises(smtplib.SMTPDataError) as info:
        await deliver(server.port, "sam@vendor.test", [OWNER])
    assert (info.value.smtp_code, info.value.smtp_error) == (451, b"4.3.0 temporary failure, try again later")
    await deliver(server.port, "sam@vendor.test", [OWNER])
    assert len(inbox.got) == 1


async def test_binary_junk_does_not_stop_the_server(intake):
    server, inbox = intake
    junk = bytes(range(256)) + b"\r\n" + b"Content-Type: multipart/mixed; boundary=\r\n\r\n--\xff\x00\n\n\r\n"
    await deliver(server.port, "sam@vendor.test", [OWNER], junk)
    assert inbox.got[-1][0].endswith(junk)

    with pytest.raises(smtplib.SMTPDataError) as info:  # a line over 1000 octets
        await deliver(server.port, "sam@vendor.test", [OWNER], b"Subject: x\r\n\r\n" + b"z" * 100_000)
    assert info.value.smtp_code == 500

    def garbage():  # nonsense commands, a huge command line, then hang up in the middle of DATA
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
            s.recv(1024)
            s.sendall(b"\xff\xfe\x00 HELO\r\n" + b"A" * 100_000 + b"\r\nEHLO x\r\n")
            s.sendall(b"MAIL FROM:<a@b.test>\r\nRCPT TO:<ole@owner.test>\r\nDATA\r\nhalf a mess")

    await asyncio.to_thread(garbage)
    await deliver(server.port, "sam@vendor.test", [OWNER])
    assert len(inbox.got) == 2


async def test_8bit_and_smtputf8_mail_is_accepted(intake):
    server, inbox = intake
    data = "Subject: Tilbud på SEO\r\n\r\nHej, vi kan hjælpe dig.\r\n".encode()
    await deliver(server.port, "sælger@vendor.test", [OWNER], data, mail_options=["SMTPUTF8"])
    [(raw, mail_from, _)] = inbox.got
    assert mail_from == "sælger@vendor.test"
    assert raw.startswith("Return-Path: <sælger@vendor.test>\r\n".encode())
    assert raw.endswith(data)


async def test_stop_closes_the_port_even_with_a_session_open(start_intake):
    server, _ = await start_intake()
    port = server.port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    assert (await reader.readline()).startswith(b"220 intake.test")
    await asyncio.wait_for(server.stop(), 5)
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)
    writer.close()


# -- limits: one client cannot exhaust the intake (issue 7, item 7) ---------------------------

async def _open_idle(port: int, n: int) -> list[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    conns = [await asyncio.open_connection("127.0.0.1", port) for _ in range(n)]
    for reader, _ in conns:
        assert (await reader.readline()).startswith(b"220")
    return conns


async def test_connections_over_the_limit_get_421_and_idle_ones_are_closed(start_intake):
    server, inbox = await start_intake(max_connections=5, idle_seconds=1)
    idle = await _open_idle(server.port, 5)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    assert (await asyncio.wait_for(reader.readline(), 5)).startswith(b"421")
    assert await asyncio.wait_for(reader.read(), 5) == b""  # and closed
    for reader, _ in idle:  # an idle session is closed after idle_seconds, freeing its place
        await asyncio.wait_for(reader.read(), 5)
    await deliver(server.port, "sam@vendor.test", [OWNER])
    assert len(inbox.got) == 1 and server.active == 0


async def test_noop_forever_and_endless_sessions_are_cut(start_intake):
    server, _ = await start_intake(max_commands=10, max_session_seconds=1.5, idle_seconds=30)
    [(reader, writer)] = await _open_idle(server.port, 1)
    answers = []
    for _ in range(12):
        writer.write(b"NOOP\r\n")
        answers.append(await asyncio.wait_for(reader.readline(), 5))
    assert answers[9].startswith(b"250") and answers[10].startswith(b"421")
    [(reader, writer)] = await _open_idle(server.port, 1)
    began = asyncio.get_running_loop().time()
    lines = []
    while not (line := await asyncio.wait_for(reader.readline(), 5)).startswith(b"421"):
        lines.append(line)  # a NOOP every 0.3 s keeps it from idling, not from ending
        writer.write(b"NOOP\r\n")
        await asyncio.sleep(0.3)
    assert 1.0 < asyncio.get_running_loop().time() - began < 4


async def test_a_recipient_flood_is_refused_and_logged_once(start_intake, caplog):
    server, inbox = await start_intake(max_recipients=20)

    def flood() -> list[int]:
        with smtplib.SMTP("127.0.0.1", server.port, timeout=5) as client:
            client.ehlo()
            client.mail("sam@vendor.test")
            return [client.rcpt(f"x{i}@elsewhere.test")[0] for i in range(25)] + [client.rcpt(OWNER)[0]]

    codes = await asyncio.to_thread(flood)
    assert codes[:20] == [550] * 20 and set(codes[20:]) == {452}  # the owner too, once over the limit
    assert sum("more than 20 recipients" in r.getMessage() for r in caplog.records) == 1


def test_the_same_log_line_repeated_is_kept_to_a_burst(capsys):
    import logging

    from nejtak.bot import logs

    now = [0.0]
    logs.setup("INFO")
    handler = logging.getLogger().handlers[0]
    limiter = next(f for f in handler.filters if isinstance(f, logs.RepeatLimiter))
    limiter.clock = lambda: now[0]
    for i in range(10_000):
        logging.getLogger("asyncio").error("socket.accept() out of system resource: %d", i)
    now[0] = 61.0
    logging.getLogger("asyncio").error("socket.accept() out of system resource: %d", -1)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == limiter.burst + 1
    assert "9980 more like this left out" in lines[-1]
