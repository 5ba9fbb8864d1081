"""SmtpSender against a real aiosmtpd server: envelope, error translation, STARTTLS, TLS, AUTH."""
from __future__ import annotations

import asyncio
import email.policy
from email.message import EmailMessage

import pytest

from nejtak.bot.connectors.smtp_out import SmtpSender
from nejtak.bot.errors import PermanentError, TransientError
from tests.fixtures.smtp import free_port, password_file, smtp_config


def refusal() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Ole Owner <ole@owner.test>"
    msg["To"] = "pitch@vendor.test"
    msg["Subject"] = "Re: Quick call next week?"
    msg["Message-ID"] = "<nejtak.abc123@owner.test>"
    msg["Auto-Submitted"] = "auto-replied"
    msg.set_content("Nej tak. Please remove my details from your lists.\nFrom now on: no contact.\n")
    return msg


def body_of(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n", 1)[1]


async def test_message_arrives_as_is_with_the_given_envelope(smtp_capture):
    msg = refusal()
    await SmtpSender(smtp_config(smtp_capture)).send(msg, "ole@owner.test", "pitch@vendor.test")
    [got] = await smtp_capture.wait_for(1)
    assert got.mail_from == "ole@owner.test"
    assert got.rcpt_tos == ["pitch@vendor.test"]
    expected = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
    assert body_of(got.data) == body_of(expected)
    headers = email.message_from_bytes(got.data, policy=email.policy.default)
    assert headers["Message-ID"] == "<nejtak.abc123@owner.test>"
    assert headers["Auto-Submitted"] == "auto-replied"
    assert headers["To"] == "pitch@vendor.test"  # not the envelope, not rewritten


async def test_8bit_text_arrives_unchanged(smtp_capture):
    msg = refusal()
    msg.set_content("Nej tak, jeg ønsker ikke at blive kontaktet. Dziękuję, nie.\n", cte="8bit")
    await SmtpSender(smtp_config(smtp_capture)).send(msg, "ole@owner.test", "pitch@vendor.test")
    [got] = await smtp_capture.wait_for(1)
    parsed = email.message_from_bytes(got.data, policy=email.policy.default)
    assert parsed.get_content().replace("\r\n", "\n") == "Nej tak, jeg ønsker ikke at blive kontaktet. Dziękuję, nie.\n"


async def test_non_ascii_recipient_goes_out_with_smtputf8(smtp_capture):
    msg = refusal()
    msg.replace_header("To", "sælger@vendor.test")
    await SmtpSender(smtp_config(smtp_capture)).send(msg, "ole@owner.test", "sælger@vendor.test")
    [got] = await smtp_capture.wait_for(1)
    assert got.rcpt_tos == ["sælger@vendor.test"]
    assert "To: sælger@vendor.test\r\n".encode() in got.data


async def test_envelope_may_differ_from_headers(smtp_capture):
    await SmtpSender(smtp_config(smtp_capture)).send(refusal(), "bounces@owner.test", "rp@vendor.test")
    [got] = await smtp_capture.wait_for(1)
    assert (got.mail_from, got.rcpt_tos) == ("bounces@owner.test", ["rp@vendor.test"])


async def test_451_is_transient_then_a_retry_goes_through(smtp_capture):
    smtp_capture.fail_next(code=451, times=1)
    sender = SmtpSender(smtp_config(smtp_capture))
    with pytest.raises(TransientError, match="451"):
        await sender.send(refusal(), "ole@owner.test", "pitch@vendor.test")
    await sender.send(refusal(), "ole@owner.test", "pitch@vendor.test")
    assert len(await smtp_capture.wait_for(1)) == 1


async def test_550_is_permanent(smtp_capture):
    smtp_capture.fail_next(code=550, text="5.7.1 spam refused")
    with pytest.raises(PermanentError, match="550 5.7.1 spam refused"):
        await SmtpSender(smtp_config(smtp_capture)).send(refusal(), "ole@owner.test", "x@vendor.test")
    assert smtp_capture.messages == []


@pytest.mark.parametrize(("code", "error"), [(450, TransientError), (550, PermanentError)])
async def test_refused_recipient(smtp_capture, code, error):
    smtp_capture.fail_next(code=code, stage="RCPT")
    with pytest.raises(error, match=str(code)):
        await SmtpSender(smtp_config(smtp_capture)).send(refusal(), "ole@owner.test", "x@vendor.test")


@pytest.mark.parametrize(("code", "error"), [(421, TransientError), (553, PermanentError)])
async def test_refused_sender(smtp_capture, code, error):
    smtp_capture.fail_next(code=code, stage="MAIL")
    with pytest.raises(error, match=str(code)):
        await SmtpSender(smtp_config(smtp_capture)).send(refusal(), "ole@owner.test", "x@vendor.test")


async def test_closed_port_is_transient():
    cfg = smtp_config_for_port(free_port())
    with pytest.raises(TransientError):
        await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")


async def test_server_that_hangs_up_is_transient():
    async def hang_up(reader, writer):
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        with pytest.raises(TransientError):
            await SmtpSender(smtp_config_for_port(port)).send(refusal(), "o@owner.test", "x@v.test")
    finally:
        server.close()
        await server.wait_closed()


async def test_silent_server_times_out_as_transient():
    async def say_nothing(reader, writer):
        await reader.read()  # never greets

    server = await asyncio.start_server(say_nothing, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        with pytest.raises(TransientError):
            await SmtpSender(smtp_config_for_port(port, timeout_seconds=0.3)).send(
                refusal(), "o@owner.test", "x@v.test")
    finally:
        server.close()


async def test_sending_does_not_block_the_event_loop():
    async def slow_greeting(reader, writer):
        await asyncio.sleep(0.5)
        writer.close()

    server = await asyncio.start_server(slow_greeting, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    ticks = 0

    async def tick():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.02)
            ticks += 1

    ticker = asyncio.create_task(tick())
    try:
        with pytest.raises(TransientError):
            await SmtpSender(smtp_config_for_port(port)).send(refusal(), "o@owner.test", "x@v.test")
    finally:
        ticker.cancel()
        server.close()
    assert ticks >= 10


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_login_without_tls(smtp_capture_factory, tmp_path):
    capture = smtp_capture_factory(users={"ole": "s3cret"}, auth_require_tls=False)
    cfg = smtp_config(capture, username="ole", password_file=password_file(tmp_path, "s3cret"))
    await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")
    [got] = await capture.wait_for(1)
    assert got.login == "ole"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_wrong_password_is_permanent_and_not_logged(smtp_capture_factory, monkeypatch, caplog):
    capture = smtp_capture_factory(users={"ole": "s3cret"}, auth_require_tls=False)
    monkeypatch.setenv("NEJTAK_TEST_SMTP_PASSWORD", "wrong-horse")
    cfg = smtp_config(capture, username="ole", password_env="NEJTAK_TEST_SMTP_PASSWORD")
    with caplog.at_level("DEBUG"), pytest.raises(PermanentError, match="535") as info:
        await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")
    assert "wrong-horse" not in caplog.text and "wrong-horse" not in str(info.value)
    assert capture.messages == []


async def test_missing_password_is_permanent(smtp_capture, monkeypatch):
    monkeypatch.delenv("NEJTAK_TEST_SMTP_PASSWORD", raising=False)
    cfg = smtp_config(smtp_capture, username="ole", password_env="NEJTAK_TEST_SMTP_PASSWORD")
    with pytest.raises(PermanentError, match="NEJTAK_TEST_SMTP_PASSWORD"):
        await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")


async def test_starttls_with_login(smtp_capture_factory, tmp_path):
    capture = smtp_capture_factory("starttls", users={"ole": "s3cret"})  # AUTH only after TLS
    cfg = smtp_config(capture, username="ole", password_file=password_file(tmp_path, "s3cret"))
    assert cfg.security == "starttls" and cfg.ca_file
    await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")
    [got] = await capture.wait_for(1)
    assert got.login == "ole"


async def test_implicit_tls(smtp_capture_factory):
    capture = smtp_capture_factory("tls")
    await SmtpSender(smtp_config(capture)).send(refusal(), "ole@owner.test", "x@vendor.test")
    assert len(await capture.wait_for(1)) == 1


@pytest.mark.parametrize("security", ["starttls", "tls"])
async def test_untrusted_certificate_is_permanent(smtp_capture_factory, security):
    capture = smtp_capture_factory(security)
    cfg = smtp_config(capture, ca_file="")  # the system CAs do not know the test CA
    with pytest.raises(PermanentError, match="certificate"):
        await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")
    assert capture.messages == []


async def test_starttls_not_offered_is_permanent(smtp_capture):
    cfg = smtp_config(smtp_capture, security="starttls")
    with pytest.raises(PermanentError, match="(?i)starttls"):
        await SmtpSender(cfg).send(refusal(), "ole@owner.test", "x@vendor.test")


def smtp_config_for_port(port: int, **overrides):
    from nejtak.bot.config import Smtp

    values = {"host": "127.0.0.1", "port": port, "security": "none", "timeout_seconds": 2}
    values.update(overrides)
    return Smtp(**values)


# -- the sending process (bot/connectors/send_process.py) -----------------------------------------

async def test_the_sending_process_journals_the_servers_250_and_reports_it(smtp_capture, tmp_path):
    from nejtak.bot.acceptance import AcceptanceJournal
    from nejtak.bot.connectors.send_process import SendProcess

    journal = AcceptanceJournal(tmp_path / "n.db.accepted")
    process = SendProcess(journal.path)
    told = []
    try:
        await SmtpSender(smtp_config(smtp_capture), process, journal).send(
            refusal(), "ole@owner.test", "pitch@vendor.test", on_accepted=told.append, outbox_id=7)
    finally:
        await asyncio.to_thread(process.close)
    [got] = await smtp_capture.wait_for(1)
    assert got.rcpt_tos == ["pitch@vendor.test"]
    assert told and told[0].startswith("250") and journal.read() == {7: told[0]}


async def test_a_sending_process_that_dies_mid_send_is_a_retry_and_the_next_send_works(smtp_capture, tmp_path):
    """Killed before the server answered: nothing in the journal, so the refusal is retried
    (UnreachableError, as for a server away); a new sending process takes the next one."""
    import os
    import signal

    from nejtak.bot.acceptance import AcceptanceJournal
    from nejtak.bot.connectors.send_process import SendProcess
    from nejtak.bot.errors import UnreachableError

    original = smtp_capture.handle_DATA
    process = SendProcess(tmp_path / "n.db.accepted")
    journal = AcceptanceJournal(process.journal_path)
    sender = SmtpSender(smtp_config(smtp_capture), process, journal)

    async def kill_the_child_first(server, session, envelope):
        os.kill(process._proc.pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        return "451 4.3.0 too late, the client is gone"

    smtp_capture.handle_DATA = kill_the_child_first
    try:
        with pytest.raises(UnreachableError, match="sending process died"):
            await sender.send(refusal(), "ole@owner.test", "pitch@vendor.test", outbox_id=8)
        assert journal.read() == {}
        smtp_capture.handle_DATA = original
        told = []
        await sender.send(refusal(), "ole@owner.test", "pitch@vendor.test", on_accepted=told.append, outbox_id=9)
        assert told and journal.read() == {9: told[0]}
    finally:
        await asyncio.to_thread(process.close)
