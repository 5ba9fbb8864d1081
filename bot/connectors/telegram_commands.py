"""The owner's commands in the bot's chat: digest, status, pause, mode, allow, block, history,
dossier, preview. /allow and /block also label the sender's latest stored message wanted or a
pitch (bot/learning.py); /dossier sends a sender's dossier as a PDF (bot/dossier)."""
from __future__ import annotations

import asyncio
import logging
import re
from collections import Counter
from datetime import timezone
from html import escape

from telegram import BotCommand, Update
from telegram.ext import CommandHandler, ContextTypes, filters

from nejtak.bot.connectors.telegram_buttons import learn, learned, teach_latest
from nejtak.bot.connectors.telegram_digest import cut
from nejtak.bot.errors import PermanentError, TransientError

log = logging.getLogger("nejtak.telegram")

MODES = ("observe", "approve", "auto")
COMMANDS = [
    ("digest", "What happened, and what waits for you"),
    ("status", "Mode, sending paused or not, what waits"),
    ("pause", "Stop sending replies"),
    ("resume", "Send replies again"),
    ("mode", "observe | approve | auto"),
    ("allow", "ADDRESS: never refuse this sender"),
    ("block", "ADDRESS: never answer this sender again"),
    ("history", "ADDRESS: everything about one sender"),
    ("dossier", "ADDRESS or DOMAIN: the proof about a sender, as a PDF"),
    ("preview", "LANG: show the refusal in that language"),
    ("undo", "Take back the last digest action"),
    ("help", "The commands"),
]


def parse_address(text: str) -> tuple[str, str] | None:
    """(channel, sender) from an e-mail address, 'tg:<id>', a Telegram user link or a bare user id."""
    text = text.strip()
    m = re.fullmatch(r"(?:tg:|tg://user\?id=)?(\d{1,20})", text, re.IGNORECASE)
    if m:
        return "telegram", f"tg:{m.group(1)}"
    if re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", text):
        return "email", text.lower()
    return None


class OwnerCommands:
    """Each command answers in the owner's chat with the bot; only the owner's plain messages reach here."""

    def __init__(self, connector) -> None:
        self.connector = connector
        self.daemon = connector.daemon

    def handlers(self, only_owner: filters.BaseFilter) -> list[CommandHandler]:
        names = {"start": self.help, **{name: getattr(self, name) for name, _ in COMMANDS}}
        return [CommandHandler(name, fn, filters=only_owner) for name, fn in names.items()]

    @staticmethod
    def bot_commands() -> list[BotCommand]:
        return [BotCommand(name, about) for name, about in COMMANDS]

    async def say(self, html: str) -> None:
        await self.connector.send_html(self.connector.cfg.owner_id, html)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.say("\n".join(f"/{name} — {escape(about)}" for name, about in COMMANDS))

    async def digest(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.connector.send_digest()

    async def status(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        store = self.daemon.store
        rows = await asyncio.to_thread(store.outbox_list, ["drafted", "approved", "failed"])
        states = Counter(r["state"] for r in rows)
        blocks = await asyncio.to_thread(store.block_suggestions, "suggested")
        conns = self.connector.business.connections.values()
        business = ", ".join(f"{'enabled' if c.is_enabled else 'disabled'}"
                             f"{'' if c.can_reply else ' (may not reply)'}" for c in conns) or "none seen"
        last = self.daemon.last_digest.astimezone(timezone.utc)
        await self.say(
            f"Mode: <b>{self.daemon.config.mode}</b>\n"
            f"Sending: {'<b>paused</b>' if self.daemon.outbox.paused else 'on'}\n"
            f"Drafts waiting: {states['drafted']}, approved to send: {states['approved']}, "
            f"failed: {states['failed']}, block suggestions: {len(blocks)}\n"
            f"Telegram Business: {escape(business)}\n"
            f"Last digest: {last:%Y-%m-%d %H:%M} UTC")

    async def pause(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.daemon.set_paused(True)
        await asyncio.to_thread(self.daemon.store.audit, "owner", "outbox.paused", "telegram")
        await self.say("Sending is paused. Replies wait as approved; /resume sends them.")

    async def resume(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.daemon.set_paused(False)
        await asyncio.to_thread(self.daemon.store.audit, "owner", "outbox.resumed", "telegram")
        await self.say("Sending again.")

    async def mode(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        args = [a.lower() for a in context.args or []]
        if not args or args[0] not in MODES:
            await self.say(f"Mode is <b>{self.daemon.config.mode}</b>. Use /mode observe|approve|auto.")
            return
        self.daemon.set_mode(args[0])
        await asyncio.to_thread(self.daemon.store.audit, "owner", "mode", "telegram",
                                {"mode": args[0], "config_mode": self.daemon.file_mode})
        await self.say(f"Mode is now <b>{args[0]}</b>.")

    async def _address(self, context: ContextTypes.DEFAULT_TYPE, usage: str) -> tuple[str, str] | None:
        found = parse_address(" ".join(context.args or []))
        if found is None:
            await self.say(f"Usage: {usage} ADDRESS (an e-mail address, or tg:USER_ID)")
        return found

    async def _label_latest(self, found: tuple[str, str], label: str, command: str) -> str:
        """Label the sender's latest stored message; a few words for the answer (none if nothing new)."""
        row = await learn(self.daemon, f"{command} {found[1]}",
                          lambda learning: teach_latest(learning, *found, label, "command", {"command": command}))
        return learned(row)

    async def allow(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        found = await self._address(context, "/allow")
        if found:
            await asyncio.to_thread(self.daemon.store.set_wanted, *found)
            note = await self._label_latest(found, "wanted", "/allow")
            await self.say(f"{escape(found[1])} is wanted: never refused.{note}")

    async def block(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        found = await self._address(context, "/block")
        if found:
            await asyncio.to_thread(self.daemon.store.set_blocked, *found)
            note = await self._label_latest(found, "pitch", "/block")
            tip = " Block them in Telegram too: bots cannot." if found[0] == "telegram" else ""
            await self.say(f"{escape(found[1])} is blocked: never answered again.{note}{tip}")

    async def history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        found = await self._address(context, "/history")
        if not found:
            return
        events = await asyncio.to_thread(self.daemon.store.timeline, found[1])
        if not events:
            await self.say(f"Nothing known about {escape(found[1])}.")
            return
        lines = [f"<b>History of {escape(found[1])}</b>"]
        for e in events:
            detail = ", ".join(f"{k}={cut(str(v), 80)}" for k, v in e["detail"].items()
                               if v not in (None, "", [], False) and k != "signals")
            lines.append(f"{e['at']:%Y-%m-%d %H:%M} {escape(e['event'])} {escape(detail)}")
        await self.say("\n".join(lines))

    async def dossier(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        text = " ".join(context.args or []).strip()
        found = parse_address(text)
        target = found[1] if found else text.lower()
        if found is None and not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", target):
            await self.say("Usage: /dossier ADDRESS (an e-mail address, tg:USER_ID or a domain)")
            return
        sent, words = await self.send_dossier(target)
        if not sent:  # the document speaks for itself
            await self.say(words)

    async def send_dossier(self, target: str) -> tuple[bool, str]:
        """Send the dossier of `target` to the owner as a PDF document: (sent, a few words on
        how it went), also for a tap on a Dossier button. Made in a worker thread: it reads
        the store and renders."""
        from nejtak.bot.dossier import NothingRecorded, owners_dossier

        try:
            made = await asyncio.to_thread(owners_dossier, self.daemon.config, self.daemon.store, target)
        except NothingRecorded:
            return False, f"Nothing recorded for {escape(target)}."
        except Exception as e:  # the owner gets one line; the log has the rest
            log.exception("dossier for %s could not be made", target)
            return False, f"The dossier for {escape(target)} could not be made: {escape(cut(str(e), 200))}"
        try:
            await self.connector.call("sendDocument", self.connector.bot.send_document, self.connector.cfg.owner_id,
                                      made.content, filename=made.filename,
                                      caption=f"Dossier: {cut(target, 200)}")
        except (TransientError, PermanentError) as e:
            return False, f"The dossier for {escape(target)} could not be sent: {escape(cut(str(e), 200))}"
        return True, f"Dossier for {target} sent."

    async def preview(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        templates = self.daemon.pipeline.templates
        args = [a.lower() for a in context.args or []]
        if not args:
            await self.say(f"Usage: /preview LANG, one of {', '.join(templates.languages)}")
            return
        cfg = self.daemon.config
        values = dict(owner_name=cfg.owner.name, sender_name="", first_request_date=None,
                      gdpr_source=cfg.reply.gdpr_source, gdpr_erasure=cfg.reply.gdpr_erasure,
                      gdpr_objection=cfg.reply.gdpr_objection)
        parts = []
        if templates.language_for(args[0]) != args[0]:
            parts.append(f"No templates for {escape(args[0])}: the fallback "
                         f"{templates.language_for(args[0])} is used.")
        for kind, title in (("refusal", "E-mail refusal"), ("chat_refusal", "Chat refusal")):
            r = await asyncio.to_thread(templates.render, kind, args[0], **values)
            parts.append(f"<b>{title} ({r.language})</b>\n<pre>{escape(r.body)}</pre>")
        await self.say("\n\n".join(parts))

    async def undo(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        toast, _ = await self.connector.buttons.undo(None)
        await self.say(escape(toast))
