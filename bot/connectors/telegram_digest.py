"""The digest in Telegram: HTML pages of waiting items, one row of buttons per item, within Telegram's limits."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from nejtak.bot.digest import UNHANDLED_HINT, Digest, Item

MAX_TEXT = 4096  # Telegram's limit for one message, in characters after entity parsing
PAGE_ITEMS = 5  # items per digest page
PAGES_AT_ONCE = 3  # pages sent in one go; the rest wait behind a "More" button
MAX_REPLY = 1200  # characters of a proposed reply shown in an item
MAX_SUBJECT = 200


@dataclass
class Page:
    """One page of the digest: its text (already split to fit) and the buttons under the last part."""

    texts: list[str]
    rows: list[list[InlineKeyboardButton]] = field(default_factory=list)

    @property
    def markup(self) -> InlineKeyboardMarkup | None:
        return InlineKeyboardMarkup(self.rows) if self.rows else None


def cut(text: str, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def who(sender: str, name: str = "") -> str:
    """A sender in HTML: Telegram users as a link that opens their profile (bots cannot block them)."""
    # both come from the sender: cut before escaping, so no item can outgrow a Telegram message
    sender, name = cut(sender, 120), cut(name, 80)
    label = escape(f"{name} ({sender})" if name else sender)
    if sender.startswith("tg:") and sender[3:].isdigit():
        return f'<a href="tg://user?id={sender[3:]}">{label}</a>'
    return label


def header(d: Digest, mode: str, paused: bool) -> str:
    lines = [f"<b>nejtak digest</b> since {d.since:%Y-%m-%d %H:%M} UTC"]
    if d.counts:
        lines.append("Handled: " + ", ".join(f"{escape(k)} {v}" for k, v in sorted(d.counts.items())))
    else:
        lines.append("Handled: nothing new")
    lines.extend(f"⚠️ <b>Needs you:</b> {escape(problem)}" for problem in d.attention)
    state = f"mode {mode}" + (", sending paused" if paused else "")
    if d.items:
        lines.append(f"Waiting for you: <b>{len(d.items)}</b> ({state})")
    else:
        lines.append(f"Nothing waiting for you ({state})")
    return "\n".join(lines)


def render_item(it: Item, first_line: str = "", name: str = "") -> str:
    """One waiting item; every sender-controlled text is cut first, then escaped."""
    if it.kind == "block":
        text = f"<b>Block? #{it.id}</b> {who(it.sender, name)}\n{escape(cut(it.subject, MAX_SUBJECT))}"
        if it.sender.startswith("tg:"):
            text += ("\n<i>Bots cannot block: Block stops every reply to them; block them yourself "
                     "in Telegram from the link.</i>")
        return text
    if it.kind == "unsubscribe":
        text = f"<b>Unsubscribe? #{it.id}</b> from {who(it.sender, name)}"
        if it.subject:
            text += f"\n<i>{escape(cut(it.subject, MAX_SUBJECT))}</i>"
        return text + ("\nBulk mail offering one-click unsubscribe (its DKIM signature is checked first). "
                       "Unsubscribe asks the sender to stop; it cannot be taken back.")
    if it.kind == "unhandled":
        text = f"<b>Not handled, message #{it.id}</b> from {who(it.sender or '?', name)}"
        if it.subject:
            text += f"\n<i>{escape(cut(it.subject, MAX_SUBJECT))}</i>"
        return text + f"\nError: {escape(cut(it.error, 300))}\n{escape(UNHANDLED_HINT)}."
    title = "Draft" if it.kind == "draft" else "Failed"
    lines = [f"<b>{title} #{it.id}</b> from {who(it.sender, name or it.sender_name)}"]
    about = it.subject or it.first_line or first_line
    if about:
        lines.append(f"<i>{escape(cut(about, MAX_SUBJECT))}</i>")
    facts = [it.language or "?"]
    if it.score is not None:
        facts.append(f"score {it.score:.1f}")
    if it.top_signals:
        facts.append(escape(it.top_signals))
    lines.append(" · ".join(facts))
    if it.error:
        lines.append(f"Error: {escape(cut(it.error, 300))}")
    if it.reply:
        lines.append(f"<blockquote>{escape(cut(it.reply, MAX_REPLY))}</blockquote>")
    return "\n".join(lines)


def item_buttons(kind: str, item_id: int) -> list[InlineKeyboardButton]:
    """The row of buttons for one item; callback data is short: '<verb>:<id>'."""
    if kind == "block":
        return [InlineKeyboardButton(f"Block #{item_id}", callback_data=f"block:{item_id}"),
                InlineKeyboardButton(f"Dismiss #{item_id}", callback_data=f"dismiss:{item_id}"),
                InlineKeyboardButton(f"Dossier #{item_id}", callback_data=f"dossier:{item_id}")]
    if kind == "unhandled":
        return []  # nothing to do from here: the message is kept for the owner to look at
    if kind == "unsubscribe":
        return [InlineKeyboardButton(f"Unsubscribe #{item_id}", callback_data=f"unsub:{item_id}"),
                InlineKeyboardButton(f"Skip #{item_id}", callback_data=f"unsubskip:{item_id}")]
    first = "Send" if kind == "draft" else "Retry"
    row = [InlineKeyboardButton(f"{first} #{item_id}", callback_data=f"send:{item_id}")]
    if kind == "draft":
        row.append(InlineKeyboardButton(f"Skip #{item_id}", callback_data=f"skip:{item_id}"))
    row.append(InlineKeyboardButton(f"Wanted #{item_id}", callback_data=f"want:{item_id}"))
    return row


def split_blocks(blocks: list[str], limit: int = MAX_TEXT) -> list[str]:
    """Pack blocks (each far below the limit) into messages of at most `limit` characters."""
    out: list[str] = []
    current = ""
    for block in blocks:
        if len(block) > limit:  # cutting HTML could leave a tag open, and Telegram refuses it all
            block = escape(cut(unescape(re.sub(r"<[^>]*>", "", block)), limit - 200))
        joined = f"{current}\n\n{block}" if current else block
        if len(joined) > limit:
            out.append(current)
            joined = block
        current = joined
    if current:
        out.append(current)
    return out


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Plain (already escaped) text in parts of at most `limit`, cut at line ends where possible."""
    parts: list[str] = []
    while len(text) > limit:
        at = text.rfind("\n", 0, limit)
        at = at if at > limit // 2 else limit
        parts.append(text[:at])
        text = text[at:].lstrip("\n")
    if text:
        parts.append(text)
    return parts


def pages(d: Digest, head: str | None, start: int = 0, first_lines: dict | None = None,
          names: dict | None = None) -> list[Page]:
    """Pages of the digest from item `start`, at most PAGES_AT_ONCE; the last offers the rest."""
    first_lines, names = first_lines or {}, names or {}
    items = d.items[start:]
    shown = items[: PAGE_ITEMS * PAGES_AT_ONCE]
    out: list[Page] = []
    for n in range(0, max(len(shown), 1), PAGE_ITEMS):
        chunk = shown[n:n + PAGE_ITEMS]
        blocks = [head] if head and n == 0 else []
        blocks += [render_item(it, first_lines.get(it.id, "") if it.kind in ("draft", "failed") else "",
                               names.get(it.sender, "")) for it in chunk]
        rows = [row for row in (item_buttons(it.kind, it.id) for it in chunk) if row]
        if blocks:
            out.append(Page(split_blocks(blocks), rows))
    rest = len(items) - len(shown)
    if rest > 0 and out:
        out[-1].rows.append([InlineKeyboardButton(f"More ▸ ({rest} more)",
                                                  callback_data=f"more:{start + len(shown)}")])
    return out


def replace_row(markup: InlineKeyboardMarkup | None, data: str,
                new_row: list[InlineKeyboardButton] | None) -> InlineKeyboardMarkup | None:
    """The keyboard with the row holding the button `data` replaced (or removed when new_row is None)."""
    rows = []
    for row in (markup.inline_keyboard if markup else ()):
        if any(b.callback_data == data for b in row):
            if new_row:
                rows.append(new_row)
        else:
            rows.append(list(row))
    return InlineKeyboardMarkup(rows) if rows else None
