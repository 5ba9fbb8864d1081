"""Sends the owner's refusals through their own submission server (smtplib, in a thread)."""
from __future__ import annotations

import asyncio
import email.generator
import email.message
import io
import logging
import smtplib
import socket
import ssl
from collections.abc import Callable

from nejtak.bot.acceptance import AcceptanceJournal
from nejtak.bot.config import ConfigError, Smtp
from nejtak.bot.connectors.send_process import SendProcess, SenderGone
from nejtak.bot.errors import NejtakError, PermanentError, TransientError, UnreachableError
from nejtak.bot.oauth import keeper_for, smtp_xoauth2

log = logging.getLogger("nejtak.smtp")

Accepted = Callable[[str], None]
QUIT_SECONDS = 5.0  # after the message was accepted, QUIT is a courtesy


def _by_code(code: int, text: str, where: str) -> NejtakError:
    """A 4xx answer is worth retrying; anything else is not."""
    kind = TransientError if 400 <= code < 500 else PermanentError
    return kind(f"{where}: {code} {text}")


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


class SmtpSender:
    """One message per connection: connect, secure, log in, send, quit."""

    def __init__(self, cfg: Smtp, process: SendProcess | None = None,
                 journal: AcceptanceJournal | None = None) -> None:
        self.cfg = cfg
        # with a process, transactions run there and journal the server's 250 themselves
        self.process = process
        self.journal = journal

    def _tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.cfg.ca_file or None)

    def _connect(self) -> smtplib.SMTP:
        cfg = self.cfg
        if cfg.security == "tls":
            return smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout_seconds,
                                    context=self._tls_context())
        return smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout_seconds)

    @staticmethod
    def _flatten(message: email.message.EmailMessage, envelope: str) -> bytes:
        """The message as bytes, unchanged: send_message would turn body lines "From " into ">From "."""
        policy = message.policy.clone(linesep="\r\n")
        if not envelope.isascii():
            policy = policy.clone(utf8=True)
        with io.BytesIO() as out:
            email.generator.BytesGenerator(out, mangle_from_=False, policy=policy).flatten(message)
            return out.getvalue()

    @staticmethod
    def _mail_options(client: smtplib.SMTP, data: bytes, envelope: str) -> list[str]:
        """SMTPUTF8 for non-ASCII addresses, 8BITMIME for 8-bit content, as send_message would."""
        if not envelope.isascii():
            if not client.has_extn("smtputf8"):
                raise smtplib.SMTPNotSupportedError("non-ASCII address but no SMTPUTF8 on the server")
            return ["SMTPUTF8", "BODY=8BITMIME"]
        if not data.isascii() and client.has_extn("8bitmime"):
            return ["BODY=8BITMIME"]
        return []

    def _send_sync(self, message: email.message.EmailMessage, envelope_from: str, to: str,
                   password: str, on_accepted: Accepted | None) -> None:
        data = self._flatten(message, envelope_from + to)
        client = self._connect()
        accepted = False
        try:
            client.ehlo()
            if self.cfg.security == "starttls":
                client.starttls(context=self._tls_context())
                client.ehlo()
            if self.cfg.auth == "oauth2":  # `password` holds the access token
                client.auth("XOAUTH2", smtp_xoauth2(self.cfg.username, password))
            elif self.cfg.username:
                client.login(self.cfg.username, password)
            options = self._mail_options(client, data, envelope_from + to)
            # smtplib's sendmail step by step: the answer to DATA is recorded the moment it comes
            code, text = client.mail(envelope_from, options)
            if code != 250:
                raise smtplib.SMTPSenderRefused(code, text, envelope_from)
            code, text = client.rcpt(to)
            if code not in (250, 251):
                raise smtplib.SMTPRecipientsRefused({to: (code, text)})
            code, text = client.data(data)
            if code != 250:
                raise smtplib.SMTPDataError(code, text)
            accepted = True
            if on_accepted is not None:
                on_accepted(f"{code} {_text(text)}")
        finally:
            # a failing or slow QUIT after an accepted message must not turn it into a retry,
            # nor hold up a stopping daemon
            try:
                if accepted:
                    client.sock and client.sock.settimeout(QUIT_SECONDS)
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()

    async def _send_in_process(self, message: email.message.EmailMessage, envelope_from: str, to: str,
                               password: str, on_accepted: Accepted | None, outbox_id: int | None) -> None:
        """The transaction in the sending process (which journals the 250 under outbox_id);
        on_accepted runs here once it answers, or from the journal when it died."""
        told: list[str] = []

        def accepted(reply: str) -> None:
            told.append(reply)
            if on_accepted is not None:
                on_accepted(reply)

        try:
            reply, error = await self.process.send(self.cfg, message, envelope_from, to, password,
                                                   outbox_id, accepted)
        except SenderGone as e:
            journalled = self.journal.read() if self.journal is not None and outbox_id is not None else {}
            reply, error = journalled.get(outbox_id, ""), (None if outbox_id in journalled else e)
        if reply and not told:
            await asyncio.to_thread(accepted, reply)
        if error is not None and not reply:
            if isinstance(error, SenderGone):
                raise UnreachableError(str(error)) from error
            raise error
        if error is not None:
            log.warning("sent, then: %s: %s", type(error).__name__, error)

    async def send(self, message: email.message.EmailMessage, envelope_from: str, to: str,
                   on_accepted: Accepted | None = None, outbox_id: int | None = None) -> None:
        """Send the message as it is, with the given envelope; raise Transient- or PermanentError.

        on_accepted(server_reply) runs as soon as the server has answered 250 to DATA, before
        QUIT (in the sending thread; with a sending process, once it answers, and the process
        has journalled the 250 under outbox_id first): from then on the message is sent."""
        cfg = self.cfg
        where = f"{cfg.host}:{cfg.port}"
        try:
            if cfg.auth == "oauth2":  # refreshed here if it is about to expire: a blocking call
                password = await asyncio.to_thread(keeper_for(cfg, cfg.username, "smtp").access_token)
            else:
                password = cfg.password() if cfg.username else ""
        except NejtakError as e:
            log.warning("not sent %s: %s", message.get("Message-ID", ""), e)
            raise
        except (ConfigError, OSError) as e:
            raise PermanentError(f"smtp password for {cfg.username!r} unavailable: {e}") from e
        message_id = message.get("Message-ID", "")
        try:
            if self.process is not None:
                await self._send_in_process(message, envelope_from, to, password, on_accepted, outbox_id)
            else:
                await asyncio.to_thread(self._send_sync, message, envelope_from, to, password, on_accepted)
        except NejtakError as e:
            log.warning("not sent %s to %s via %s: %s", message_id, to, where, e)
            raise
        except smtplib.SMTPRecipientsRefused as e:
            code, text = next(iter(e.recipients.values()), (550, b"refused"))
            err = _by_code(code, f"recipient {to} refused: {_text(text)}", where)
            log.warning("not sent %s: %s", message_id, err)
            raise err from e
        except smtplib.SMTPServerDisconnected as e:
            log.warning("not sent %s to %s: %s disconnected: %s", message_id, to, where, e)
            raise UnreachableError(f"{where}: server disconnected: {e}") from e
        except smtplib.SMTPAuthenticationError as e:
            # 535 and the like: wrong credentials; a 454 means the server's auth is down for now
            again = "; if this goes on, run `nejtak auth smtp` again" if cfg.auth == "oauth2" else ""
            err = _by_code(e.smtp_code, f"login as {cfg.username!r} failed: {_text(e.smtp_error)}{again}",
                           where)
            log.warning("not sent %s: %s", message_id, err)
            raise err from e
        except smtplib.SMTPResponseException as e:  # sender refused, data refused, HELO, connect
            err = _by_code(e.smtp_code, _text(e.smtp_error), where)
            log.warning("not sent %s to %s: %s", message_id, to, err)
            raise err from e
        except smtplib.SMTPException as e:  # STARTTLS or AUTH not offered: the config must change
            log.warning("not sent %s to %s via %s: %s", message_id, to, where, e)
            raise PermanentError(f"{where}: {e}") from e
        except ssl.SSLCertVerificationError as e:
            log.warning("not sent %s: %s certificate not trusted: %s", message_id, where, e)
            raise PermanentError(f"{where}: certificate not trusted: {e.verify_message}") from e
        except (TimeoutError, socket.timeout, ConnectionError, ssl.SSLError, OSError) as e:
            log.warning("not sent %s to %s: %s unreachable: %s", message_id, to, where, e)
            raise UnreachableError(f"{where}: {type(e).__name__}: {e}") from e
        log.info("sent %s from <%s> to <%s> via %s", message_id, envelope_from, to, where)
