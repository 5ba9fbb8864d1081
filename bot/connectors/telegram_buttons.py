"""The digest's buttons: Send, Skip, Wanted, Block, Dismiss, Unsubscribe and Undo, each recorded as
feedback; Send and Block also label the message a pitch, Wanted labels it wanted (bot/learning.py).
Dossier sends the suggested sender's dossier as a PDF and changes nothing."""
from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TypeVar

from telegram import InlineKeyboardButton, MaybeInaccessibleMessage, Update
from telegram.ext import ContextTypes

from nejtak.bot.connectors.telegram_digest import item_buttons, replace_row
from nejtak.bot.mail.reader import read_message

log = logging.getLogger("nejtak.telegram")
KEEP = object()  # leave the item's row of buttons as it is
JOURNAL_SIZE = 100
T = TypeVar("T")


async def learn(daemon, what: str, lesson: Callable[..., T]) -> T | None:
    """Run lesson(daemon.learning) in a worker thread. Learning is a side effect of the owner's
    tap or command: if it fails, the failure is logged and the action itself stays done."""
    learning = getattr(daemon, "learning", None)
    if learning is None:
        return None
    try:
        return await asyncio.to_thread(lesson, learning)
    except Exception as e:  # noqa: BLE001 (whatever went wrong, the tap must not)
        log.warning("%s: nothing learned (%s: %s)", what, type(e).__name__, e)
        return None


def teach_latest(learning, channel: str, address: str, label: str, source: str, detail: dict | None = None):
    """Label the sender's newest stored message; None when nothing from them is stored (or it
    has that label already)."""
    inbound_id = learning.store.latest_inbound_of(channel, address)
    if inbound_id is None:
        return None
    return learning.teach_stored(inbound_id, label, source, detail)


def learned(row) -> str:
    """A few words for the toast: what the tap taught, if anything."""
    return f" Learned: {row.label}." if row is not None else ""


@dataclass
class Done:
    """One action taken from the digest, with what Undo needs to take it back."""

    seq: int
    verb: str
    item_id: int
    channel: str = ""
    sender: str = ""
    inbound_id: int | None = None
    before: str = ""  # the outbox state before the action
    label_id: int | None = None  # the label this action added (Undo takes back that one only)
    undone: bool = False


def _undo_row(done: Done, label: str) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(f"{label} #{done.item_id} · Undo", callback_data=f"undo:{done.seq}")]


class DigestButtons:
    """Carries out a tap on a digest button and keeps a journal for Undo."""

    def __init__(self, connector) -> None:
        self.connector = connector
        self.daemon = connector.daemon
        self.journal: list[Done] = []
        self.seq = itertools.count(1)
        self.unsubscribing: set[int] = set()  # inbound ids whose one-click request is under way

    @property
    def store(self):
        return self.daemon.store

    def _record(self, verb: str, item_id: int, **kw) -> Done:
        done = Done(next(self.seq), verb, item_id, **kw)
        self.journal = [*self.journal[-(JOURNAL_SIZE - 1):], done]
        return done

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        verb, _, arg = (query.data or "").partition(":")
        act = {"send": self.send, "skip": self.skip, "want": self.want, "block": self.block,
               "dismiss": self.dismiss, "undo": self.undo, "more": self.more,
               "unsub": self.unsubscribe, "unsubskip": self.skip_unsubscribe, "dossier": self.dossier}.get(verb)
        if verb in ("more", "dossier"):  # these take a while: answer the tap first
            await self.connector.quietly("answerCallbackQuery", query.answer,
                                         text="Making the dossier…" if verb == "dossier" else None)
        if act is None or not arg.isdigit():
            toast, row = "This button is not known (any more).", KEEP
        else:
            try:
                toast, row = await act(int(arg))
            except (KeyError, ValueError) as e:
                toast, row = f"Nothing done: {str(e).strip(chr(39))}", None
        if verb == "dossier" and toast:  # the tap was answered already: say why there is no document
            await self.connector.commands.say(toast)
        elif verb not in ("more", "dossier"):
            await self.connector.quietly("answerCallbackQuery", query.answer, text=toast[:200])
        message = query.message
        if row is not KEEP and isinstance(message, MaybeInaccessibleMessage) and message.is_accessible:
            markup = replace_row(message.reply_markup, query.data, row)
            await self.connector.quietly("editMessageReplyMarkup", query.edit_message_reply_markup,
                                         reply_markup=markup)

    # -- the actions: each returns (toast for the owner, the item's new row of buttons) --------

    async def send(self, outbox_id: int):
        row = await self._outbox(outbox_id)
        await asyncio.to_thread(self.store.outbox_transition, outbox_id, "approved")
        await asyncio.to_thread(self.store.add_feedback, "send", row.get("inbound_id"),
                                detail={"outbox_id": outbox_id})
        done = self._record("send", outbox_id, before=row["state"], inbound_id=row.get("inbound_id"))
        outbox = self.daemon.outbox
        if not outbox.paused:
            outbox.wake.set()
        note = await self._teach(done, "pitch", {"outbox_id": outbox_id, "tap": "send"})
        if outbox.paused:
            return f"#{outbox_id} approved; sending is paused (/resume).{note}", _undo_row(done, "Approved")
        return f"#{outbox_id} approved: sending now.{note}", _undo_row(done, "Sending")

    async def skip(self, outbox_id: int):
        row = await self._outbox(outbox_id)
        await asyncio.to_thread(self.store.outbox_transition, outbox_id, "discarded", "skipped by the owner")
        await asyncio.to_thread(self.store.add_feedback, "skip", row.get("inbound_id"),
                                detail={"outbox_id": outbox_id})
        done = self._record("skip", outbox_id, before=row["state"], inbound_id=row.get("inbound_id"))
        return f"#{outbox_id} skipped: nothing will be sent.", _undo_row(done, "Skipped")

    async def want(self, outbox_id: int):
        row = await self._outbox(outbox_id)
        sender = row.get("sender") or row["to_address"]
        await asyncio.to_thread(self.store.set_wanted, row["channel"], sender, True, "owner",
                                row.get("inbound_id"), {"outbox_id": outbox_id, "via": "digest"})
        if row["state"] in ("drafted", "approved"):
            await asyncio.to_thread(self.store.outbox_transition, outbox_id, "discarded",
                                    "the owner marked the sender as wanted")
        done = self._record("want", outbox_id, channel=row["channel"], sender=sender, before=row["state"],
                            inbound_id=row.get("inbound_id"))
        note = await self._teach(done, "wanted", {"outbox_id": outbox_id, "tap": "want"})
        return f"{sender} is wanted: never refused; #{outbox_id} will not be sent.{note}", _undo_row(done, "Wanted")

    async def block(self, suggestion_id: int):
        sug = await self._suggestion(suggestion_id)
        await asyncio.to_thread(self.store.set_blocked, sug["channel"], sug["sender"])
        done = self._record("block", suggestion_id, channel=sug["channel"], sender=sug["sender"],
                            inbound_id=sug.get("inbound_id"))
        note = await self._teach(done, "pitch", {"suggestion_id": suggestion_id, "tap": "block"})
        if sug["channel"] == "telegram":
            note += " Block them in Telegram too: bots cannot."
        return f"{sug['sender']} is blocked: no more replies.{note}", _undo_row(done, "Blocked")

    async def dismiss(self, suggestion_id: int):
        await self._suggestion(suggestion_id)
        await asyncio.to_thread(self.store.dismiss_block_suggestion, suggestion_id)
        self._record("dismiss", suggestion_id)
        return f"Suggestion #{suggestion_id} dismissed.", None

    async def unsubscribe(self, inbound_id: int):
        """The owner's consent to one bulk mail's one-click unsubscribe: the daemon's own path
        (DKIM check, POST, audit row). No Undo: a request sent cannot be taken back."""
        if inbound_id in self.unsubscribing:
            return f"#{inbound_id}: the unsubscribe is already under way.", KEEP
        self.unsubscribing.add(inbound_id)
        try:
            cand = await self._unsubscribe_candidate(inbound_id)
            raw = await asyncio.to_thread(self.store.inbound_raw, inbound_id)
            if raw is None:
                raise KeyError(f"#{inbound_id} is no longer kept: its signature cannot be checked")
            msg = await asyncio.to_thread(read_message, raw, "store")
            await asyncio.to_thread(self.store.add_feedback, "unsubscribe", inbound_id)
            result = await self.daemon.unsubscribe(msg, raw, inbound_id, consent=True)
        finally:
            self.unsubscribing.discard(inbound_id)
        if result is None:
            return f"Not done: #{inbound_id} ran into an error (see the log); try again later.", KEEP
        url, ok, reason = result
        if ok:
            return f"Unsubscribed from {cand['sender']} ({reason}). This cannot be undone.", None
        return f"Not done: {reason}", None

    async def skip_unsubscribe(self, inbound_id: int):
        await self._unsubscribe_candidate(inbound_id)
        await asyncio.to_thread(self.store.audit, "owner", "unsubscribe", f"inbound:{inbound_id}",
                                {"skipped": True})
        await asyncio.to_thread(self.store.add_feedback, "unsubscribe_skip", inbound_id)
        return f"#{inbound_id} skipped: no unsubscribe.", None

    async def dossier(self, suggestion_id: int):
        """The suggested sender's dossier, as a document in the owner's chat; the row stays."""
        for state in ("suggested", "accepted", "dismissed"):
            for sug in await asyncio.to_thread(self.store.block_suggestions, state):
                if sug["id"] == suggestion_id:
                    sent, words = await self.connector.commands.send_dossier(sug["sender"])
                    return ("" if sent else words), KEEP
        raise KeyError(f"no block suggestion #{suggestion_id}")

    async def more(self, start: int):
        await self.connector.send_digest(start=start, with_header=False)
        return "The next items of the digest.", None

    async def undo(self, seq: int | None = None):
        """Take back one action (the last one when seq is None)."""
        open_ = [d for d in self.journal if not d.undone and d.verb != "dismiss"]
        done = open_[-1] if seq is None and open_ else next((d for d in open_ if d.seq == seq), None)
        if done is None:
            return "Nothing to undo.", KEEP if seq is None else None
        toast, restored = await getattr(self, f"_undo_{done.verb}")(done)
        done.undone = True
        if done.label_id is not None and await learn(self.daemon, f"undo of {done.verb} #{done.item_id}",
                                                     lambda learning: self._unlearn(learning, done)):
            toast += " Label taken back."
        await asyncio.to_thread(self.store.add_feedback, "undo", done.inbound_id,
                                done.channel, done.sender, {"of": done.verb, "id": done.item_id})
        kind = "block" if done.verb == "block" else "draft"
        return toast, item_buttons(kind, done.item_id) if restored else None

    async def _teach(self, done: Done, label: str, detail: dict) -> str:
        """Label the message the action was about (remembered for Undo); the toast's words about it."""
        if done.inbound_id is None:
            return ""
        row = await learn(self.daemon, f"{done.verb} #{done.item_id}",
                          lambda learning: learning.teach_stored(done.inbound_id, label, "digest", detail))
        done.label_id = row.id if row is not None else None
        return learned(row)

    @staticmethod
    def _unlearn(learning, done: Done) -> int:
        """Take back the label this action added, if it is still there (a later tap may have
        replaced it: that one stays)."""
        active = learning.store.active_labels(inbound_id=done.inbound_id, source="digest")
        mine = next((r for r in active if r.id == done.label_id), None)
        if mine is None:
            return 0
        return learning.forget(inbound_id=done.inbound_id, source="digest", label=mine.label,
                               reason="undone in the digest")

    async def _back_to_draft(self, outbox_id: int) -> bool:
        try:
            await asyncio.to_thread(self.store.outbox_transition, outbox_id, "drafted", "undone by the owner")
            return True
        except ValueError:
            return False

    async def _undo_send(self, done: Done):
        row = await self._outbox(done.item_id)
        if row["state"] in ("sending", "sent"):
            return f"Too late: #{done.item_id} is already {row['state']}.", False
        if await self._back_to_draft(done.item_id):
            return f"#{done.item_id} is a draft again.", True
        await asyncio.to_thread(self.store.outbox_transition, done.item_id, "discarded", "send undone by the owner")
        return f"#{done.item_id} will not be sent (discarded).", False

    async def _undo_skip(self, done: Done):
        if await self._back_to_draft(done.item_id):
            return f"#{done.item_id} is a draft again.", True
        return f"#{done.item_id} stays skipped: a skipped reply cannot be brought back yet.", False

    async def _undo_want(self, done: Done):
        await asyncio.to_thread(self.store.set_wanted, done.channel, done.sender, False)
        back = done.before == "drafted" and await self._back_to_draft(done.item_id)
        return f"{done.sender} is no longer wanted." + ("" if back else " The reply stays discarded."), back

    async def _undo_block(self, done: Done):
        await asyncio.to_thread(self.store.set_blocked, done.channel, done.sender, False)
        return f"{done.sender} is no longer blocked.", False

    async def _outbox(self, outbox_id: int) -> dict:
        row = await asyncio.to_thread(self.store.outbox_get, outbox_id)
        if row is None:
            raise KeyError(f"no reply #{outbox_id}")
        return row

    async def _unsubscribe_candidate(self, inbound_id: int) -> dict:
        found = await asyncio.to_thread(self.store.unsubscribe_candidates,
                                        datetime(1970, 1, 1, tzinfo=timezone.utc), inbound_id)
        if not found:
            raise KeyError(f"#{inbound_id} is not waiting for an unsubscribe (done or skipped already)")
        return found[0]

    async def _suggestion(self, suggestion_id: int) -> dict:
        for sug in await asyncio.to_thread(self.store.block_suggestions, "suggested"):
            if sug["id"] == suggestion_id:
                return sug
        raise KeyError(f"no open block suggestion #{suggestion_id}")

