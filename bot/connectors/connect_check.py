"""`nejtak config check --connect`: log in to every mailbox and the SMTP server the way the daemon
will, find the folders, and say per account what works and what to change. A wrong password or
a Sent folder that cannot be found shows here, before the daemon is started, not in its log."""
from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass

from imapclient import IMAPClient

from nejtak.bot.config import Config, ConfigError, Imap, Smtp
from nejtak.bot.connectors.imap_folders import existing, find_inbox, find_sent, listed
from nejtak.bot.connectors.imap_session import ImapSession
from nejtak.bot.connectors.smtp_out import SmtpSender
from nejtak.bot.errors import NejtakError, PermanentError

CHECK_TIMEOUT = 20.0  # seconds per connection at most: a check should not hang for a minute


@dataclass(frozen=True)
class Result:
    """One account's or server's line: what it is, and ok or the error with what to do."""

    what: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{self.what}: {'ok' if self.ok else 'FAILED'}: {self.detail}"


async def check_all(config: Config) -> list[Result]:
    """Every [[imap]] account and the [smtp] server, at the same time; one Result each."""
    checks = [check_imap(cfg) for cfg in config.imap]
    if config.smtp is not None:
        checks.append(asyncio.to_thread(check_smtp, config.smtp))
    return list(await asyncio.gather(*checks))


async def check_imap(cfg: Imap) -> Result:
    cfg = cfg.model_copy(update={"timeout_seconds": min(cfg.timeout_seconds, CHECK_TIMEOUT)})
    account = f"{cfg.username}@{cfg.host}"
    session = ImapSession(cfg, "check")
    try:
        detail = await session.run(_folders, cfg, account)
        return Result(f"imap {account}", True, detail)
    except NejtakError as e:
        return Result(f"imap {account}", False, _with_advice(str(e), isinstance(e, PermanentError)))
    finally:
        await session.close()


def _folders(client: IMAPClient, cfg: Imap, account: str) -> str:
    """In the session's thread: the inbox, the Sent folder and move_to, as the daemon needs them."""
    inbox = find_inbox(client, cfg.inbox, account)
    sent = find_sent(client, cfg.sent, account)
    parts = [f"inbox {inbox!r}", f"sent {sent.name!r} ({sent.how})"]
    if cfg.move_to:
        name = existing(client, cfg.move_to, listed(client)[0])
        if name is None:
            raise PermanentError(f"{account}: folder {cfg.move_to!r} (move_to) does not exist; "
                                 "create it, or set move_to = \"\" to leave handled mail where it is")
        parts.append(f"move_to {name!r}")
    return ", ".join(parts)


def check_smtp(cfg: Smtp) -> Result:
    """Connect, secure, log in and QUIT: everything a reply needs but the message."""
    cfg = cfg.model_copy(update={"timeout_seconds": min(cfg.timeout_seconds, CHECK_TIMEOUT)})
    where = f"smtp {cfg.username + '@' if cfg.username else ''}{cfg.host}:{cfg.port}"
    try:
        password = cfg.password() if cfg.username else ""
        sender = SmtpSender(cfg)
        client = sender._connect()
        try:
            client.ehlo()
            if cfg.security == "starttls":
                client.starttls(context=sender._tls_context())
                client.ehlo()
            if cfg.username:
                client.login(cfg.username, password)
            detail = f"logged in as {cfg.username!r}" if cfg.username else "connected (no login configured)"
        finally:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()
    except ConfigError as e:
        return Result(where, False, f"{e}; set the password where the config says")
    except smtplib.SMTPAuthenticationError as e:
        text = _text(e.smtp_error)
        if 400 <= e.smtp_code < 500:
            return Result(where, False, f"login refused for now: {e.smtp_code} {text}; try again later")
        return Result(where, False, f"login as {cfg.username!r} failed: {e.smtp_code} {text}; "
                                    "check username and the password (password_env or password_file)")
    except smtplib.SMTPNotSupportedError as e:
        return Result(where, False, f"{e}; check security (starttls or tls) and port")
    except ssl.SSLCertVerificationError as e:
        return Result(where, False, f"certificate not trusted: {e.verify_message}; check host, or set ca_file")
    except smtplib.SMTPResponseException as e:
        return Result(where, False, f"{e.smtp_code} {_text(e.smtp_error)}")
    except (smtplib.SMTPException, ssl.SSLError, OSError) as e:
        return Result(where, False, f"cannot connect: {type(e).__name__}: {e}; "
                                    "check host, port and security (587: starttls, 465: tls)")
    return Result(where, True, detail)


def _with_advice(text: str, permanent: bool) -> str:
    """The error as the connector words it, plus what to change when it does not say."""
    if "login failed" in text:
        return f"{text}; check username and the password (password_env or password_file)"
    if not permanent:
        return f"{text}; check host, port and security (993: tls, 143: starttls), or try again later"
    return text


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
