"""Telegram Business: the owner's connected account; strangers' private messages become Inbound records."""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import asdict, dataclass

from telegram import BusinessConnection, Message, MessageEntity, Update
from telegram.ext import ContextTypes

from nejtak.bot.connectors.telegram_buttons import learn, teach_latest
from nejtak.bot.errors import PermanentError, TransientError
from nejtak.bot.inbound import Inbound

log = logging.getLogger("nejtak.telegram")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+", re.IGNORECASE)


@dataclass
class Connection:
    """What a business connection allows, as last told by Telegram."""

    id: str
    user_id: int
    user_chat_id: int
    is_enabled: bool
    can_reply: bool

    @property
    def may_reply(self) -> bool:
        return self.is_enabled and self.can_reply


def connection_of(bc: BusinessConnection) -> Connection:
    if bc.rights is not None:
        can_reply = bool(bc.rights.can_reply)
    else:  # Bot API servers before 9.0 send can_reply at the top level
        can_reply = bool((bc.api_kwargs or {}).get("can_reply"))
    return Connection(bc.id, bc.user.id, bc.user_chat_id, bool(bc.is_enabled), can_reply)


def links_of(message: Message) -> list[str]:
    """URLs in the message: from its entities (text links too) and from the text itself."""
    found: list[str] = []
    kinds = [MessageEntity.URL, MessageEntity.TEXT_LINK]
    for parsed in (message.parse_entities(kinds), message.parse_caption_entities(kinds)):
        for entity, value in parsed.items():
            found.append(entity.url if entity.type == MessageEntity.TEXT_LINK and entity.url else value)
    found += URL.findall(message.text or message.caption or "")
    return list(dict.fromkeys(u.rstrip(".,;:!?") for u in found))


def inbound_of(message: Message) -> Inbound:
    """A stranger's message in one of the owner's private chats, as the pipeline's channel-neutral record."""
    chat_id, user = message.chat.id, message.from_user
    return Inbound(
        channel="telegram",
        source=f"telegram:{chat_id}/{message.message_id}",
        message_id=f"tg:{chat_id}:{message.message_id}",
        sender=f"tg:{user.id}",
        sender_name=user.full_name,
        text=message.text or message.caption or "",
        links=links_of(message),
        date=message.date,
        chat_id=chat_id,
        business_connection_id=message.business_connection_id,
        size=len((message.text or message.caption or "").encode()),
    )


def owner_answered(learning, sender: str) -> None:
    """Learn from the owner writing to a sender: their pitch labels are taken back, and their
    latest message is labelled wanted (a no-op after the owner's first message in the chat)."""
    learning.forget(sender=sender, label="pitch", reason="the owner wrote to them")
    teach_latest(learning, "telegram", sender, "wanted", "sent", {"via": "telegram chat"})


class BusinessChats:
    """Keeps the owner's business connections (in memory and in the audit log) and answers strangers."""

    def __init__(self, connector) -> None:
        self.connector = connector
        self.daemon = connector.daemon
        self.owner_id = connector.cfg.owner_id
        self.connections: dict[str, Connection] = {}
        self.first_lines: dict[int, str] = {}  # outbox id -> first line of the message it answers
        self.names: dict[str, str] = {}  # "tg:<id>" -> the name the sender showed
        self._retries: set[asyncio.Task] = set()  # messages waiting for the store or Telegram
        self._lookup_tries: dict[tuple[int, int], int] = {}

    async def on_connection(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        conn = connection_of(update.business_connection)
        if conn.user_id != self.owner_id:
            log.info("business connection %s of Telegram user %s ignored: not the owner", conn.id, conn.user_id)
            return
        self.connections[conn.id] = conn
        await asyncio.to_thread(self.daemon.store.audit, "telegram", "business_connection",
                                f"telegram:{conn.id}", asdict(conn))
        log.info("business connection %s: %s, %s", conn.id, "enabled" if conn.is_enabled else "disabled",
                 "may reply" if conn.can_reply else "may not reply")
        if conn.may_reply and self.daemon.outbox:
            self.daemon.outbox.wake.set()

    async def connection(self, conn_id: str | None) -> Connection | None:
        """The owner's connection with this id (asked of Telegram when not seen yet), or None."""
        if not conn_id:
            return None
        if conn_id not in self.connections:
            try:
                bc = await self.connector.call("getBusinessConnection", self.connector.bot.get_business_connection,
                                               business_connection_id=conn_id)
            except PermanentError as e:
                log.info("business connection %s is unknown to Telegram: %s", conn_id, e)
                return None
            conn = connection_of(bc)
            if conn.user_id != self.owner_id:
                log.info("business connection %s of Telegram user %s ignored: not the owner", conn.id, conn.user_id)
                return None
            self.connections[conn.id] = conn
        return self.connections[conn_id]

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.business_message
        try:
            conn = await self.connection(message.business_connection_id)
        except TransientError as e:
            # Telegram will not send the update again: look the connection up again later
            key = (message.chat.id, message.message_id)
            tries = self._lookup_tries.get(key, 0) + 1
            self._lookup_tries[key] = tries
            delay = min(2.0 * 2 ** tries, 300.0)
            log.warning("business message %s/%s: cannot check its connection (%s); again in %.0f s",
                        message.chat.id, message.message_id, e, delay)
            self._spawn(self._again(update, context, delay))
            return
        self._lookup_tries.pop((message.chat.id, message.message_id), None)
        if conn is None:
            return
        user = message.from_user
        if user is None or user.is_bot:
            return
        if message.sender_business_bot is not None:
            return  # sent in the owner's name by a bot (nejtak itself): not the owner writing
        if user.id == conn.user_id:
            await self.owner_wrote(message)
            return
        msg = inbound_of(message)
        self.names[msg.sender] = msg.sender_name
        try:
            outcome = await self.daemon.handle(msg)
        except TransientError as e:
            # Telegram will not send the update again: keep trying here, or the message is lost.
            log.warning("business message %s not handled yet (%s); trying again", msg.source, e)
            self._spawn(self._handle_later(msg))
            return
        self._remember(msg, outcome)

    def _spawn(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._retries.add(task)
        task.add_done_callback(self._retries.discard)

    async def _again(self, update: Update, context: ContextTypes.DEFAULT_TYPE, delay: float) -> None:
        try:
            await asyncio.wait_for(self.daemon.stop_event.wait(), timeout=delay)
            return  # stopping
        except asyncio.TimeoutError:
            await self.on_message(update, context)

    def _remember(self, msg: Inbound, outcome) -> None:
        if outcome is not None and outcome.outbox_id is not None:
            self.first_lines[outcome.outbox_id] = next(iter(msg.text.strip().splitlines()), "")

    async def _handle_later(self, msg: Inbound) -> None:
        """Retry a message the store could not take, with backoff, until it is in or we stop."""
        delay = 2.0
        while not self.daemon.stop_event.is_set():
            try:
                await asyncio.wait_for(self.daemon.stop_event.wait(), timeout=delay)
                return
            except asyncio.TimeoutError:
                pass
            try:
                self._remember(msg, await self.daemon.handle(msg))
                log.info("business message %s handled after a retry", msg.source)
                return
            except TransientError as e:
                delay = min(delay * 2, 300.0)
                log.warning("business message %s still not handled (%s); again in %.0f s", msg.source, e, delay)
        log.error("business message %s not handled before stopping: %s", msg.source, msg.text[:80])

    async def owner_wrote(self, message: Message) -> None:
        """The owner wrote in this chat: its partner is known from now on, nothing waits to be sent
        there, and what they wrote was not a pitch after all (the owner does not answer pitches)."""
        chat_id = message.chat.id
        store = self.daemon.store
        await asyncio.to_thread(store.record_owner_sent, "telegram", [f"tg:{chat_id}"],
                                f"tg:{chat_id}:{message.message_id}", message.date)
        for row in await asyncio.to_thread(store.outbox_list, ["drafted", "approved"]):
            if row["channel"] == "telegram" and row.get("chat_id") == chat_id:
                try:
                    await asyncio.to_thread(store.outbox_transition, row["id"], "discarded",
                                            "the owner wrote in this chat")
                    log.info("outbox %s: dropped, the owner wrote in chat %s", row["id"], chat_id)
                except ValueError:
                    pass  # it moved on meanwhile (being sent)
        # after the outbox: stopping the replies comes first, learning takes a moment
        await learn(self.daemon, f"the owner wrote in chat {chat_id}",
                    lambda learning: owner_answered(learning, f"tg:{chat_id}"))
        log.info("the owner wrote in chat %s: known from now on", chat_id)

    async def deliver(self, row: dict) -> None:
        """Send one outbox row to its chat, in the owner's name, when the connection allows it."""
        if not self.connector.ready.is_set():
            raise TransientError("Telegram is not connected yet")
        chat_id = row.get("chat_id")
        if chat_id is None:
            raise PermanentError("no Telegram chat recorded for this reply")
        conn = await self.connection(row.get("business_connection_id"))
        if conn is None:  # that connection is gone: the owner's current one, if any, will do
            conn = next((c for c in self.connections.values() if c.may_reply), None)
        if conn is None or not conn.may_reply:
            raise PermanentError("the business connection is disabled or may not reply; "
                                 "enable replying in Telegram Business and send it again")
        await self.connector.call("sendMessage", self.connector.bot.send_message, chat_id=chat_id,
                                  text=row["body"], business_connection_id=conn.id)
