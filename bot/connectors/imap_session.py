"""One IMAP connection with its own thread: imapclient is synchronous and not thread-safe."""
from __future__ import annotations

import asyncio
import functools
import logging
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from nejtak.bot.config import ConfigError, Imap
from nejtak.bot.errors import NejtakError, PermanentError, TransientError

log = logging.getLogger("nejtak.imap")

T = TypeVar("T")

# Dovecot and others answer a login that may work later with these response codes (RFC 5530).
_TEMPORARY_LOGIN = ("[UNAVAILABLE]", "[INUSE]", "[LIMIT]", "[SERVERBUG]", "TRY AGAIN")


def translate(e: BaseException, where: str) -> NejtakError:
    """The project's error for a foreign one: a failed login is permanent, the network is not."""
    if isinstance(e, NejtakError):
        return e
    if isinstance(e, ConfigError):
        return PermanentError(f"{where}: {e}")
    if isinstance(e, LoginError):
        text = str(e)
        if any(code in text.upper() for code in _TEMPORARY_LOGIN):
            return TransientError(f"{where}: login refused for now: {text}")
        return PermanentError(f"{where}: login failed: {text}")
    if isinstance(e, (IMAPClientError, OSError, ssl.SSLError, EOFError)):
        # OSError covers socket errors and timeouts; IMAPClientError covers abort (connection lost).
        return TransientError(f"{where}: {type(e).__name__}: {e}")
    return TransientError(f"{where}: unexpected {type(e).__name__}: {e}")


class ImapSession:
    """An IMAPClient used only from its own single worker thread, so calls never interleave."""

    def __init__(self, cfg: Imap, name: str, check_after: float | None = None) -> None:
        self.cfg = cfg
        self.name = name
        self.client: IMAPClient | None = None
        # A connection left unused this long is NOOPed before use: servers drop idle ones.
        self.check_after = check_after
        self._last_used = 0.0
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"nejtak-imap-{name}")

    @property
    def where(self) -> str:
        return f"IMAP {self.cfg.username}@{self.cfg.host}:{self.cfg.port}"

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run fn(client, *args) in this session's thread; foreign errors come back translated."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self._call, fn, *args))

    def _call(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            if self.client is not None and self.check_after is not None \
                    and time.monotonic() - self._last_used > self.check_after:
                try:
                    self.client.noop()
                except Exception as e:
                    log.info("%s: idle %s connection is gone (%s); connecting again", self.where, self.name, e)
                    self._drop()
            if self.client is None:
                self.client = self._connect()
            result = fn(self.client, *args)
            self._last_used = time.monotonic()
            return result
        except BaseException as e:
            err = translate(e, self.where)
            if not isinstance(e, PermanentError):
                self._drop()  # a connection in an unknown state is not used again
            if err is e:
                raise
            raise err from e

    def _connect(self) -> IMAPClient:
        cfg = self.cfg
        password = cfg.password()  # read here, never logged
        context = ssl.create_default_context(cafile=getattr(cfg, "ca_file", "") or None)
        client = IMAPClient(cfg.host, cfg.port, ssl=cfg.security == "tls",
                            ssl_context=context if cfg.security == "tls" else None,
                            timeout=cfg.timeout_seconds)
        try:
            client.normalise_times = False  # INTERNALDATE with its zone, not naive local time
            if cfg.security == "starttls":
                client.starttls(context)
            if cfg.auth == "oauth2":
                _oauth2_login(client, cfg)
            else:
                client.login(cfg.username, password)
        except BaseException:
            _shutdown(client)
            raise
        log.debug("%s: logged in (%s connection)", self.where, self.name)
        return client

    def _drop(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            _shutdown(client)

    def abort(self) -> None:
        """Cut the socket from any thread: a call blocked on it fails at once."""
        client = self.client
        if client is not None:
            try:
                client.socket().shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    async def close(self, wait: float = 1.0) -> None:
        """Log out politely if the server answers within `wait` seconds, else just cut the line."""
        if self.client is not None:
            loop = asyncio.get_running_loop()
            try:
                await asyncio.wait_for(loop.run_in_executor(self._executor, self._logout), wait)
            except asyncio.TimeoutError:
                self.abort()
        self._executor.shutdown(wait=False)

    def _logout(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            try:
                client.logout()
            except Exception:
                _shutdown(client)


def _oauth2_login(client: IMAPClient, cfg: Imap) -> None:
    """SASL XOAUTH2 with the account's access token; a refused token is refreshed and tried once
    more (it may have been revoked before its time), then the login fails for good."""
    from nejtak.bot.oauth import keeper_for

    keeper = keeper_for(cfg, cfg.username, cfg.username)
    try:
        client.oauth2_login(cfg.username, keeper.access_token())
    except LoginError:
        try:
            client.oauth2_login(cfg.username, keeper.access_token(force_refresh=True))
        except LoginError as e:
            raise LoginError(f"{e} (the OAuth2 access token was refused; if this goes on, "
                             f"{keeper.again})") from e


def _shutdown(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:
        pass


def select(client: IMAPClient, folder: str, readonly: bool) -> dict[bytes, Any] | None:
    """SELECT (or EXAMINE) a folder; None when it does not exist, so the caller decides how bad that is."""
    try:
        return client.select_folder(folder, readonly=readonly)
    except IMAPClientAbortError:
        raise
    except IMAPClientError:
        if not client.folder_exists(folder):
            return None
        raise


def batches(items: list[int], size: int) -> list[list[int]]:
    return [items[i:i + size] for i in range(0, len(items), size)]
