"""An e-mail refusal in RFC 3834 form: to the Return-Path, threaded, marked auto-replied."""
from __future__ import annotations

import hashlib
import re
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from functools import lru_cache

from nejtak.bot.verdict import ReplyDraft

_PREFIXES = re.compile(r"^\s*((re|sv|aw|vs|odp|antw|auto)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Sender-controlled text made safe for a header: no control characters, one line, and no
    RFC 2047 encoded-word left that the email package would decode into a line break."""
    return " ".join(_UNSAFE.sub(" ", text).split()).replace("=?", "= ?")


def safe_id(message_id: str) -> str:
    """A Message-ID from the sender reduced to the characters a msg-id may hold (no encoded-words)."""
    return re.sub(r"[^!-~]|[<>]", "", message_id).replace("=?", "").replace("?=", "")[:250]


def _references(in_reply_to: str, references: list[str], budget: int = 900) -> str:
    """References for the reply: the newest ids that fit on one header line, In-Reply-To last."""
    ids = list(dict.fromkeys(i for i in (safe_id(r) for r in [*references, in_reply_to]) if i))
    kept: list[str] = []
    for i in reversed(ids):
        if sum(len(k) + 3 for k in kept) + len(i) + 3 > budget:
            break
        kept.insert(0, i)
    return " ".join(f"<{i}>" for i in kept)


def reply_subject(original: str, prefix: str, max_length: int) -> str:
    """prefix + the original subject without its reply prefixes, cut at a word to max_length."""
    subject = prefix + _PREFIXES.sub("", one_line(original))
    if len(subject) > max_length:
        cut = subject[: max_length - 1]
        at_word = cut.rsplit(" ", 1)[0]
        subject = (at_word if len(at_word) > len(prefix) + 10 else cut) + "…"
    return subject


def reply_message_id(original_id: str, sender: str, kind: str, from_address: str) -> str:
    """Deterministic: the same message answered again gets the same id, so a retry is recognised."""
    digest = hashlib.sha256(f"{original_id}\0{sender}\0{kind}".encode()).hexdigest()[:32]
    domain = from_address.rsplit("@", 1)[-1] if "@" in from_address else "nejtak.invalid"
    return f"nejtak.{kind}.{digest}@{domain}"


def own_refusal(message_id: str | None) -> bool:
    """nejtak's own replies (in a Sent folder) are not the owner writing to someone."""
    return bool(message_id) and message_id.startswith("nejtak.")


_HOSTNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*")
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")


@lru_cache(maxsize=1)
def _utf8_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """RFC 6531: an internationalised address is UTF-8 letters where ASCII ones would stand.
    Compiled when first needed: Python takes 20 ms over these ranges, at every start."""
    letter = r"A-Za-z0-9\u00a1-\U0010ffff"
    label = rf"[{letter}](?:[{letter}\-]{{0,62}}[{letter}])?"
    return re.compile(rf"[{letter}!#$%&'*+/=?^_`{{|}}~.\-]+"), re.compile(rf"{label}(?:\.{label})*")


def valid_address(address: str) -> bool:
    """One plain addr-spec (local@host), nothing a header parser could read as two; UTF-8
    letters allowed (it then goes out only through a server that offers SMTPUTF8)."""
    local, at, domain = address.rpartition("@")
    if address.isascii():
        return bool(at and _LOCAL.fullmatch(local) and _HOSTNAME.fullmatch(domain))
    if "=?" in address or any(c in address for c in "\u2028\u2029\u0085\ufeff"):
        return False
    local_utf8, hostname_utf8 = _utf8_patterns()
    return bool(at and local_utf8.fullmatch(local) and hostname_utf8.fullmatch(domain))


def _address(name: str, address: str) -> Address:
    if not valid_address(address):
        raise ValueError(f"not a single plain address: {address!r}")
    local, _, domain = address.rpartition("@")
    return Address(display_name=one_line(name), username=local, domain=domain)


MAX_NAME_CHARS = 78


def _from_field(name: str, address: str) -> str:
    """The From field written out by hand: the email package's folder drops the quotes of a
    long display name holding specials (";", "?", "="), so that it reads as the address."""
    if not valid_address(address):
        raise ValueError(f"not a single plain address: {address!r}")
    name = one_line(name)[:MAX_NAME_CHARS].strip()
    if not name:
        return address
    if name.isascii():
        return formataddr((name, address))  # quoted when it holds specials
    return f"{Header(name, 'utf-8').encode(maxlinelen=76)} <{address}>"


# Ids are written as they are: the default policy would RFC 2047-encode a long one, breaking threads.
_RAW = SMTP.clone(refold_source="none")


def build_message(draft: ReplyDraft, owner_name: str, date=None) -> EmailMessage:
    """The message to submit; raises ValueError only if an address itself is unusable."""
    msg = EmailMessage(policy=SMTP)
    msg.set_raw("From", _from_field(owner_name, draft.from_address))
    msg["To"] = _address("", draft.to)
    msg["Subject"] = one_line(draft.subject)
    if date is not None:
        msg["Date"] = format_datetime(date)
    msg.set_raw("Message-ID", f"<{safe_id(draft.message_id)}>")
    if safe_id(draft.in_reply_to):
        msg.set_raw("In-Reply-To", f"<{safe_id(draft.in_reply_to)}>")
        msg.set_raw("References", _references(draft.in_reply_to, draft.references))
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(draft.body, charset="utf-8")
    msg["Content-Language"] = re.sub(r"[^A-Za-z-]", "", draft.language)[:8] or "en"
    # an internationalised address is written as UTF-8 (RFC 6532), never encoded
    msg.policy = _RAW if (draft.to + draft.from_address).isascii() else _RAW.clone(utf8=True)
    return msg
