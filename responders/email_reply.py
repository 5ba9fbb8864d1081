"""An e-mail refusal in RFC 3834 form: to the Return-Path, threaded, marked auto-replied."""
from __future__ import annotations

import hashlib
import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from bot.verdict import ReplyDraft

_PREFIXES = re.compile(r"^\s*((re|sv|aw|vs|odp|antw|auto)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def one_line(text: str) -> str:
    """Sender-controlled text made safe for a header: no control characters, one line."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def safe_id(message_id: str) -> str:
    """A Message-ID from the sender reduced to the characters a msg-id may hold."""
    return re.sub(r"[^!-~]|[<>]", "", message_id)[:250]


def reply_subject(original: str, prefix: str, max_length: int) -> str:
    """prefix + the original subject without its reply prefixes, cut at a word to max_length."""
    subject = prefix + _PREFIXES.sub("", one_line(original))
    if len(subject) > max_length:
        subject = subject[: max_length - 1].rsplit(" ", 1)[0] + "…"
    return subject


def reply_message_id(original_id: str, sender: str, kind: str, from_address: str) -> str:
    """Deterministic: the same message answered again gets the same id, so a retry is recognised."""
    digest = hashlib.sha256(f"{original_id}\0{sender}\0{kind}".encode()).hexdigest()[:32]
    domain = from_address.rsplit("@", 1)[-1] if "@" in from_address else "nejtak.invalid"
    return f"nejtak.{kind}.{digest}@{domain}"


def own_refusal(message_id: str | None) -> bool:
    """nejtak's own replies (in a Sent folder) are not the owner writing to someone."""
    return bool(message_id) and message_id.startswith("nejtak.")


def _address(name: str, address: str) -> Address:
    local, _, domain = address.partition("@")
    return Address(display_name=one_line(name), username=local, domain=domain)


def build_message(draft: ReplyDraft, owner_name: str, date=None) -> EmailMessage:
    """The message to submit; raises ValueError only if an address itself is unusable."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = _address(owner_name, draft.from_address)
    msg["To"] = _address("", draft.to)
    msg["Subject"] = one_line(draft.subject)
    if date is not None:
        msg["Date"] = format_datetime(date)
    msg["Message-ID"] = f"<{draft.message_id}>"
    if draft.in_reply_to:
        msg["In-Reply-To"] = f"<{safe_id(draft.in_reply_to)}>"
        refs = [safe_id(r) for r in draft.references[-10:] if safe_id(r)] + [safe_id(draft.in_reply_to)]
        msg["References"] = " ".join(f"<{r}>" for r in dict.fromkeys(refs))
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    msg["Content-Language"] = draft.language
    msg.set_content(draft.body, charset="utf-8")
    return msg
