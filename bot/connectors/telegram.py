"""Telegram: the owner's digest and one-tap controls, and Telegram Business chats, inside the daemon's loop."""
from __future__ import annotations

import asyncio
import logging
import time
import warnings
from datetime import datetime, timedelta, timezone

from telegram import BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    BusinessConnectionHandler,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from nejtak.bot import digest as digest_mod
from nejtak.bot.connectors.telegram_business import BusinessChats
from nejtak.bot.connectors.telegram_buttons import DigestButtons
from nejtak.bot.connectors.telegram_commands import OwnerCommands
from nejtak.bot.connectors.telegram_digest import header, pages, split_text
from nejtak.bot.errors import PermanentError, TransientError

log = logging.getLogger("nejtak.telegram")
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
BUSINESS_UPDATES = ("business_connection", "business_message", "edited_business_message",
                    "deleted_business_messages")


def _seconds(e: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that retry_after will become a timedelta
        warnings.simplefilter("ignore")
        value = e.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramConnector:
    """Owns a python-telegram-bot Application, driven by hand (initialize/start/polling) in the daemon's loop."""

    POLL_TIMEOUT = 10  # seconds a getUpdates long poll may wait
    SEND_INTERVAL = 0.4  # seconds between two messages to the owner: Telegram allows about one a second
    RETRIES = 5  # attempts of one call against network errors and 5xx answers
    MAX_WAIT = 60.0  # a longer RetryAfter is not waited out inline: the caller retries later
    BACKOFF = 0.5  # seconds before the first retry of a failed call; doubles each time
    DIGEST_RETRY = 300.0  # seconds until a scheduled digest that failed is tried again

    def __init__(self, cfg, daemon) -> None:
        self.cfg = cfg
        self.daemon = daemon
        self.app: Application | None = None
        self.ready = asyncio.Event()
        self.stopping = asyncio.Event()
        self.business = BusinessChats(self)
        self.buttons = DigestButtons(self)
        self.commands = OwnerCommands(self)
        self._task: asyncio.Task | None = None
        self._send_lock = asyncio.Lock()
        self._last_send = 0.0

    @property
    def bot(self):
        return self.app.bot

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Build the application and connect in the background: an unreachable Telegram never stops the daemon."""
        token = self.cfg.token()  # registered as a secret: no log line shows it (bot.logs)
        logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request is noise
        builder = Application.builder().token(token)
        if self.cfg.api_url:
            builder = builder.base_url(self.cfg.api_url)
        self.app = builder.build()
        self._add_handlers()
        self.daemon.outbox.register("telegram", self.business.deliver)
        self._task = asyncio.create_task(self._run(), name="telegram")

    def _add_handlers(self) -> None:
        app, owner = self.app, self.cfg.owner_id
        app.add_handler(TypeHandler(Update, self._only_owner), group=-1)
        only_owner = filters.User(owner) & filters.UpdateType.MESSAGE
        for handler in self.commands.handlers(only_owner):
            app.add_handler(handler)
        app.add_handler(CallbackQueryHandler(self.buttons.on_button))
        if self.cfg.business:
            app.add_handler(BusinessConnectionHandler(self.business.on_connection))
            app.add_handler(MessageHandler(filters.UpdateType.BUSINESS_MESSAGE, self.business.on_message))
        app.add_error_handler(self._on_error)

    async def _only_owner(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Business updates go on to their own checks; anything else from anyone but the owner stops here."""
        if any(getattr(update, kind, None) is not None for kind in BUSINESS_UPDATES):
            if self.cfg.business:
                return
            raise ApplicationHandlerStop
        user = update.effective_user
        if user is None or user.id != self.cfg.owner_id:
            log.info("update %s from Telegram user %s ignored: not the owner", update.update_id,
                     user.id if user else "unknown")
            raise ApplicationHandlerStop

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        e = context.error
        if isinstance(e, (TransientError, PermanentError)):
            log.warning("Telegram update not fully handled: %s", e)
        else:
            log.error("Telegram update not handled", exc_info=e)

    async def _run(self) -> None:
        try:
            if not await self._connect():
                return
            await self._digest_schedule()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the Telegram connector stopped; the rest of nejtak runs on")

    async def _connect(self) -> bool:
        delay = 1.0
        while True:
            try:
                await self.app.initialize()
                break
            except InvalidToken:
                log.error("Telegram rejected the bot token: Telegram stays off until it is fixed")
                return False
            except TelegramError as e:
                log.warning("cannot reach the Telegram Bot API (%s); trying again in %.0f s", e, delay)
            if await self._sleep(delay):
                return False
            delay = min(delay * 2, 300.0)
        await self.app.start()
        await self.app.updater.start_polling(timeout=self.POLL_TIMEOUT, bootstrap_retries=-1,
                                             allowed_updates=Update.ALL_TYPES, error_callback=self._poll_error)
        await self.quietly("setMyCommands", self.bot.set_my_commands, self.commands.bot_commands(),
                           scope=BotCommandScopeChat(self.cfg.owner_id))
        log.info("Telegram connected as @%s (owner %s, business %s)", self.bot.username, self.cfg.owner_id,
                 "on" if self.cfg.business else "off")
        self.ready.set()
        self.daemon.outbox.wake.set()
        return True

    def _poll_error(self, e: TelegramError) -> None:
        log.warning("polling Telegram failed: %s; trying again", e)

    async def stop(self) -> None:
        self.stopping.set()
        self.ready.clear()  # the outbox keeps rows for later instead of using a closing bot
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        if self.app is None:
            return
        try:
            if self.app.updater and self.app.updater.running:
                await self.app.updater.stop()
            if self.app.running:
                await self.app.stop()
            await self.app.shutdown()
        except (TelegramError, RuntimeError) as e:
            log.warning("Telegram did not stop cleanly: %s", e)
        self.ready.clear()

    async def _sleep(self, seconds: float) -> bool:
        """Sleep, or return True at once when the connector stops."""
        try:
            await asyncio.wait_for(self.stopping.wait(), timeout=max(seconds, 0))
            return True
        except asyncio.TimeoutError:
            return False

    # -- talking to the Bot API --------------------------------------------------------------

    async def call(self, what: str, fn, /, *args, **kwargs):
        """One Bot API call that waits out RetryAfter and retries network errors and 5xx answers.

        Raises TransientError when it is worth trying later, PermanentError when it is not."""
        delay, last = self.BACKOFF, None
        for _ in range(self.RETRIES):
            if self.stopping.is_set():
                raise TransientError(f"{what}: Telegram is stopping")
            try:
                return await fn(*args, **kwargs)
            except RetryAfter as e:
                wait = _seconds(e)
                if wait > self.MAX_WAIT:
                    raise TransientError(f"{what}: Telegram asks to wait {wait:.0f} s") from e
                log.warning("%s: Telegram asks to wait %.0f s", what, wait)
                last = e
                await self._sleep(wait)
            except (BadRequest, Forbidden, Conflict, InvalidToken) as e:
                raise PermanentError(f"{what}: {e}") from e
            except NetworkError as e:  # includes timeouts and 5xx answers
                log.warning("%s failed: %s; trying again in %.1f s", what, e, delay)
                last = e
                await self._sleep(delay)
                delay *= 2
            except TelegramError as e:
                raise PermanentError(f"{what}: {e}") from e
        raise TransientError(f"{what}: still failing after {self.RETRIES} attempts: {last}")

    async def quietly(self, what: str, fn, /, *args, **kwargs):
        """A call whose failure is only worth a log line (answering a button, editing a keyboard)."""
        try:
            return await self.call(what, fn, *args, **kwargs)
        except (TransientError, PermanentError) as e:
            log.info("%s", e)
            return None

    async def send_html(self, chat_id: int, html: str, markup=None) -> list:
        """Send HTML text, split to Telegram's length limit, paced; the buttons go under the last part."""
        parts = split_text(html)
        sent = []
        for n, part in enumerate(parts):
            async with self._send_lock:
                wait = self._last_send + self.SEND_INTERVAL - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                try:
                    sent.append(await self.call("sendMessage", self.bot.send_message, chat_id=chat_id, text=part,
                                                parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                                reply_markup=markup if n == len(parts) - 1 else None))
                finally:
                    self._last_send = time.monotonic()
        return sent

    # -- the digest --------------------------------------------------------------------------

    async def send_digest(self, start: int = 0, with_header: bool = True) -> None:
        """The digest since the last one, with every waiting item; raises TransientError/PermanentError."""
        now = datetime.now(timezone.utc)
        d = await asyncio.to_thread(digest_mod.build, self.daemon.store, self.daemon.last_digest)
        head = header(d, self.daemon.config.mode, self.daemon.outbox.paused) if with_header else None
        for page in pages(d, head, start, self.business.first_lines, self.business.names):
            for n, text in enumerate(page.texts):
                await self.send_html(self.cfg.owner_id, text, page.markup if n == len(page.texts) - 1 else None)
        if with_header:
            self.daemon.last_digest = now

    async def _digest_schedule(self) -> None:
        while not self.stopping.is_set():
            now = datetime.now().astimezone()
            at = digest_mod.next_time(now, self.cfg.digest_times)
            if await self._sleep((at - now).total_seconds()):
                return
            while True:
                try:
                    await self.send_digest()
                    break
                except (TransientError, PermanentError) as e:
                    log.warning("digest not sent to Telegram (%s); here it is, and it is tried again later:\n%s",
                                e, await self.daemon.digest_text())
                if await self._sleep(self.DIGEST_RETRY):
                    return
