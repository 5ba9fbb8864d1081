"""The built-in inbound SMTP server: takes mail delivered or forwarded to the owner, never relays."""
from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import socket
import weakref
from collections.abc import Awaitable, Callable, Sequence

from aiosmtpd.smtp import SMTP, Envelope, Session

from nejtak.bot.config import ConfigError, Intake

log = logging.getLogger("nejtak.intake")

OnMessage = Callable[[bytes, str, list[str]], Awaitable[None]]

RELAY_DENIED = "550 5.7.1 relaying denied"
TRY_LATER = "451 4.3.0 temporary failure, try again later"
TOO_MANY_RECIPIENTS = "452 4.5.3 too many recipients"
TOO_MANY_CONNECTIONS = b"421 4.7.0 too many connections, try again later\r\n"
TOO_LONG = "421 4.4.2 session too long, closing"
_UNSAFE = re.compile(r"[^\x21-\x7e]")  # what may not go into a header token we write
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # addresses may be UTF-8 (SMTPUTF8), never controls
_RETURN_PATH = re.compile(rb"return-path[ \t]*:", re.IGNORECASE)


def _clean(text: str | None, limit: int = 255) -> str:
    """Client-supplied text made safe for one header token: printable ASCII, bounded."""
    return _UNSAFE.sub("?", text or "")[:limit]


def _address(text: str) -> str:
    """An envelope address as it came, minus control characters (it came on one line anyway)."""
    return _CONTROL.sub("?", text)


def _drop_return_path(raw: bytes) -> bytes:
    """Remove Return-Path fields from the header, as Postfix's cleanup does: only ours counts."""
    if raw.startswith(b"\r\n"):
        return raw  # no header at all
    end = raw.find(b"\r\n\r\n")
    head, body = (raw, b"") if end < 0 else (raw[: end + 2], raw[end + 2:])
    kept: list[bytes] = []
    dropping = False
    for line in head.splitlines(keepends=True):
        if dropping and line[:1] in (b" ", b"\t"):
            continue  # a folded continuation of the dropped field
        dropping = bool(_RETURN_PATH.match(line))
        if not dropping:
            kept.append(line)
    return b"".join(kept) + body


class _Handler:
    """aiosmtpd hooks: owner-only recipients, delivery to the daemon's callback."""

    def __init__(self, owner_addresses: Sequence[str], on_message: OnMessage, hostname: str,
                 max_recipients: int = 50) -> None:
        self.owners = {a.strip().lower() for a in owner_addresses}
        self.on_message = on_message
        self.hostname = hostname
        self.max_recipients = max_recipients

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        tried = getattr(session, "nejtak_rcpts", 0) + 1
        session.nejtak_rcpts = tried  # accepted or refused: a flood of either is refused
        if tried > self.max_recipients:
            if tried == self.max_recipients + 1:
                log.warning("refused from=%s peer=%s: more than %d recipients in one session",
                            envelope.mail_from, session.peer, self.max_recipients)
            return TOO_MANY_RECIPIENTS
        if address.lower() not in self.owners:
            log.info("refused from=%s rcpt=%s peer=%s: not the owner's address (relay attempt?)",
                     envelope.mail_from, address, session.peer)
            return RELAY_DENIED
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    def _trace(self, server: SMTP, session: Session, envelope: Envelope) -> bytes:
        mail_from = envelope.mail_from or "<>"
        return_path = "<>" if mail_from == "<>" else f"<{_address(mail_from)}>"
        ip = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer)
        proto = "ESMTP" if session.extended_smtp else "SMTP"
        rcpt = f"\r\n\tfor <{_address(envelope.rcpt_tos[0])}>" if len(envelope.rcpt_tos) == 1 else ""
        date = email.utils.format_datetime(email.utils.localtime())
        received = (f"Received: from {_clean(session.host_name, 64) or 'unknown'} ([{_clean(ip)}])"
                    f"\r\n\tby {_clean(self.hostname)} (nejtak) with {proto}{rcpt};\r\n\t{date}")
        return f"Return-Path: {return_path}\r\n{received}\r\n".encode("utf-8", "surrogateescape")

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        mail_from = envelope.mail_from or "<>"
        rcpts = list(envelope.rcpt_tos)
        try:
            raw = self._trace(server, session, envelope) + _drop_return_path(
                envelope.original_content or b"")
            await self.on_message(raw, mail_from, rcpts)
        except Exception:
            log.exception("deferred from=%s rcpt=%s peer=%s: on_message failed; the sender retries",
                          mail_from, ",".join(rcpts), session.peer)
            return TRY_LATER
        log.info("accepted from=%s rcpt=%s peer=%s size=%d",
                 mail_from, ",".join(rcpts), session.peer, len(raw))
        return "250 OK"


class _IntakeSMTP(SMTP):
    """aiosmtpd's SMTP with limits: sessions at once, session length; and logging the refusals
    it makes on its own (size, line length)."""

    def __init__(self, *args, intake: SmtpIntake, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._intake = intake
        self._deadline: asyncio.TimerHandle | None = None
        self._counted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        intake = self._intake
        if intake.active >= intake.cfg.max_connections:
            # refused before any SMTP: no session, no task, the descriptor freed at once
            intake.refused_connections += 1
            if intake.refused_connections in (1, 10, 100) or intake.refused_connections % 1000 == 0:
                log.warning("refused %d connection(s) so far: %d sessions open (max_connections)",
                            intake.refused_connections, intake.active)
            transport.write(TOO_MANY_CONNECTIONS)  # type: ignore[attr-defined]
            transport.close()
            return
        intake.active += 1
        self._counted = True
        super().connection_made(transport)
        self._deadline = self.loop.call_later(intake.cfg.max_session_seconds, self._too_long)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        if self._counted:
            self._counted = False
            self._intake.active -= 1
            super().connection_lost(exc)

    def _too_long(self) -> None:
        log.info("closing the session of %s: longer than %.0f s", self.session.peer if self.session else None,
                 self._intake.cfg.max_session_seconds)
        if self.transport is not None:
            self.transport.write(f"{TOO_LONG}\r\n".encode())
            self.transport.close()

    async def push(self, status: str) -> None:
        if status.startswith(("552", "500 Line too long")):
            envelope = self.envelope
            log.info("refused from=%s rcpt=%s peer=%s: %s",
                     envelope.mail_from if envelope else None,
                     ",".join(envelope.rcpt_tos) if envelope else "",
                     self.session.peer if self.session else None, status)
        await super().push(status)


class SmtpIntake:
    """Listens on cfg.host:cfg.port inside the running event loop; on_message runs on that loop."""

    def __init__(self, cfg: Intake, owner_addresses: Sequence[str], on_message: OnMessage) -> None:
        self.cfg = cfg
        self.hostname = cfg.hostname or socket.gethostname()
        self.handler = _Handler(owner_addresses, on_message, self.hostname, cfg.max_recipients)
        self._server: asyncio.AbstractServer | None = None
        self._sessions: weakref.WeakSet[SMTP] = weakref.WeakSet()
        self.active = 0  # sessions open now
        self.refused_connections = 0

    def _protocol(self, loop: asyncio.AbstractEventLoop) -> SMTP:
        cfg = self.cfg
        session = _IntakeSMTP(self.handler, intake=self, data_size_limit=cfg.max_size,
                              hostname=self.hostname, enable_SMTPUTF8=True, loop=loop,
                              timeout=cfg.idle_seconds,
                              # NOOP, RSET, HELP ... forever would keep a session open for good
                              command_call_limit={"*": cfg.max_commands, "RCPT": cfg.max_recipients * 2})
        self._sessions.add(session)
        return session

    async def start(self) -> None:
        """Bind and start serving; a port it cannot have is a ConfigError here, at start-up,
        saying what to do (a second nejtak on the same port is the usual cause)."""
        loop = asyncio.get_running_loop()
        try:
            self._server = await loop.create_server(lambda: self._protocol(loop),
                                                    self.cfg.host, self.cfg.port)
        except OSError as e:
            raise ConfigError(_bind_problem(self.cfg.host, self.cfg.port, e)) from e
        log.info("intake listening on %s:%d for %s", self.cfg.host, self.port,
                 ", ".join(sorted(self.handler.owners)) or "nobody")

    async def stop(self) -> None:
        """Stop listening and close the open sessions."""
        if self._server is None:
            return
        server, self._server = self._server, None
        server.close()
        # from Python 3.12 wait_closed also waits for open sessions: close them, unanswered
        # mail stays with the sender
        for session in list(self._sessions):
            if session.transport is not None:
                session.transport.close()
        await server.wait_closed()
        log.info("intake stopped")

    @property
    def port(self) -> int:
        """The bound port (the real one when cfg.port is 0)."""
        if self._server is None or not self._server.sockets:
            return self.cfg.port
        return self._server.sockets[0].getsockname()[1]


def _bind_problem(host: str, port: int, e: OSError) -> str:
    """One line for an intake port nejtak cannot listen on, with what to do."""
    import errno

    if e.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is in use: is nejtak already running? Stop it, or give this one "
                "another intake.port (or intake.enabled = false)")
    if e.errno == errno.EACCES:
        return f"port {port} on {host}: permission denied: use a port above 1023 as intake.port"
    if e.errno == errno.EADDRNOTAVAIL or isinstance(e, socket.gaierror):
        return f"cannot listen on {host}: not an address of this machine: check intake.host"
    return f"cannot listen on {host}:{port}: {e.strerror or e}: check intake.host and intake.port"
