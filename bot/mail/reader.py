"""The e-mail reader: raw RFC 5322 bytes in, one Inbound out, whatever the bytes hold."""
from __future__ import annotations

import binascii
import re
from datetime import datetime, timezone
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime

from nejtak.bot.inbound import Inbound, safe_text, sane_date
from nejtak.bot.mail.decode import clean_header, decode_bytes, decode_header_value
from nejtak.bot.mail.text import find_links, html_to_text, html_urls, split_reply

# Of a larger message only this much is read (and kept): its header section and the start of
# its body, which is what the decision needs; the rest is attachments. A 50 MB mail costs no
# more than a 2 MB one.
MAX_BYTES = 2 * 1024 * 1024
MAX_TEXT_CHARS = 256 * 1024  # decoded body text kept
MAX_PART_BYTES = 1024 * 1024  # decoded bytes of one part looked at
MAX_PARTS = 50
# A plain part of fewer words than this beside an HTML part with STUB_RATIO times as many is a
# stub ("If you are seeing this message, please visit ...", "View this mail in your browser"):
# the mail is judged on the HTML's text, as mail with no plain part is.
STUB_WORDS = 40
STUB_RATIO = 3
MAX_HEADER_CHARS = 64 * 1024  # of one header value
MAX_HEADER_BYTES = 1024 * 1024  # of the header section of a too-large message

# compat32 plus our own decoding is several times faster than policy.default
_PARSER = BytesParser(policy=compat32)
# Kept as written (RFC 2047 words not decoded): a receiving server writes them in plain ASCII,
# and a decoded word must never pass for its result.
_VERBATIM = frozenset({"authentication-results"})
_RECIPIENT_HEADERS = ("to", "cc", "bcc", "resent-to", "resent-cc", "resent-bcc")
_DATE_FIELD = re.compile(rb"^Date[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_ANGLE = re.compile(r"<([^<>]*)>")
_ID_SPLIT = re.compile(r"[\s,]+")
_VALID_ADDRESS = re.compile(r"^[^@\s<>()\[\]\\,;:\"]+@[^@\s<>()\[\]\\,;:\"=?]+$")


def read_message(
    raw: bytes, source: str, keep_raw: bool = False, max_bytes: int = MAX_BYTES, size: int | None = None
) -> Inbound:
    """Read one e-mail into an Inbound; never raises, sets `error` when it could not read it all.

    `size` is the whole message's size when `raw` is only its beginning (a partial IMAP fetch)."""
    inbound = Inbound(channel="email", source=source, message_id="", sender="")
    try:
        raw = raw if isinstance(raw, bytes) else bytes(raw)
        inbound.size = max(size or 0, len(raw))
        if inbound.size > max_bytes or len(raw) > max_bytes:
            raw = raw[:max_bytes]
            inbound.error = (f"large message ({inbound.size / 1048576:.1f} MiB): "
                             f"only the first {max_bytes / 1048576:g} MiB read and kept")
        if keep_raw:
            inbound.raw = raw
        _read(raw, inbound)
    except Exception as exc:  # a broken message is still a record; say why and go on
        inbound.error = inbound.error or f"unreadable message ({type(exc).__name__})"
    return inbound.normalise()


def _read(raw: bytes, inbound: Inbound) -> None:
    if not raw.strip():
        inbound.error = "empty message"
        return
    msg = _PARSER.parsebytes(raw)
    raw_headers = _read_headers(msg, inbound)
    if not raw_headers:
        inbound.error = inbound.error or "no mail headers found"
    _read_addresses(raw_headers, inbound)
    _read_body(msg, inbound)
    if not inbound.sender and not inbound.error:
        inbound.error = "no sender address"


def header_end(raw: bytes) -> int:
    """Where the header section ends (after its blank line), looking at most MAX_HEADER_BYTES in."""
    head = raw[:MAX_HEADER_BYTES]
    ends = [i + len(sep) for sep in (b"\n\n", b"\r\n\r\n") if (i := head.find(sep)) >= 0]
    return min(ends) if ends else len(head)


# --- headers ------------------------------------------------------------------------------


def _read_headers(msg: Message, inbound: Inbound) -> dict[str, list[str]]:
    """Fill `headers` (decoded) and return the raw values, both keyed by lower-case name."""
    raw_headers: dict[str, list[str]] = {}
    headers: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        key = clean_header(str(name)).lower()
        value = str(value)[:MAX_HEADER_CHARS]
        raw_headers.setdefault(key, []).append(value)
        headers.setdefault(key, []).append(_verbatim(value) if key in _VERBATIM else decode_header_value(value))
    inbound.headers = headers
    inbound.content_type = msg.get_content_type()
    inbound.subject = headers.get("subject", [""])[0]
    inbound.message_id = _first_id(headers.get("message-id", [""])[0])
    inbound.in_reply_to = _first_id(headers.get("in-reply-to", [""])[0])
    inbound.references = _ids(" ".join(headers.get("references", [])))
    inbound.date = _date(headers.get("date", [""])[0])
    return raw_headers


def _verbatim(value: str) -> str:
    """A header value unfolded, its raw 8-bit bytes read as UTF-8 (never surrogates)."""
    return clean_header(safe_text(value))


def _ids(value: str) -> list[str]:
    found = _ANGLE.findall(value) or _ID_SPLIT.split(value)
    return [clean_header(i).replace(" ", "") for i in found if i.strip()]


def _first_id(value: str) -> str:
    ids = _ids(value)
    return ids[0] if ids else ""


def message_date(raw: bytes) -> datetime | None:
    """The Date of a message from its header section alone (cheap: for ordering many messages)."""
    try:
        m = _DATE_FIELD.search(raw, 0, header_end(raw))
        if m is None:
            return None
        value = b" ".join(m.group(1).split()).decode("ascii", "replace")
        return _date(decode_header_value(value))
    except Exception:  # an unreadable header section has no usable date
        return None


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    # "-0000": UTC, source unknown; a date that cannot be one in UTC is none
    return sane_date(date if date.tzinfo else date.replace(tzinfo=timezone.utc))


def _address(addr: str) -> str:
    if not addr.isascii():  # raw 8-bit (an internationalised address) arrives surrogate-escaped
        try:
            addr = decode_bytes(addr.encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError:  # a lone surrogate that escapes no byte
            addr = safe_text(addr)
    return clean_header(addr).replace(" ", "").lower()


def _read_addresses(raw_headers: dict[str, list[str]], inbound: Inbound) -> None:
    if "return-path" in raw_headers:
        inbound.return_paths = _return_paths(raw_headers["return-path"][0])
    inbound.from_count = sum(_address_count(v) for v in raw_headers.get("from", []))
    name, addr = _from(raw_headers.get("from", [""])[0])
    inbound.from_address, inbound.sender_name = addr, decode_header_value(name)
    inbound.sender = inbound.from_address or next(
        (_address(a) for a in inbound.return_paths or [] if "@" in a), ""
    )
    inbound.sender_domain = inbound.sender.rpartition("@")[2].strip(".>") if inbound.sender else ""
    recipients: dict[str, None] = {}
    for name in _RECIPIENT_HEADERS:
        for value in raw_headers.get(name, []):
            found = [_address(a) for _, a in getaddresses([value])]
            if not all(_VALID_ADDRESS.match(a) for a in found if a):
                # group syntax confused by a ":" in a display name; trust the <addresses>
                found += [_address(a) for a in _ANGLE.findall(value)]
            for addr in found:
                if addr:
                    recipients.setdefault(addr, None)
    inbound.recipients = list(recipients)


def _from(value: str) -> tuple[str, str]:
    """(raw display name, lower-case address) of the first usable address in From."""
    pairs = [(name, _address(addr)) for name, addr in getaddresses([value])]
    if pairs and all(_VALID_ADDRESS.match(addr) for _, addr in pairs):
        return pairs[0]
    # a ":" or "," inside an encoded display name fools the parser: fall back to <address>
    for match in _ANGLE.finditer(value):
        addr = _address(match.group(1))
        if _VALID_ADDRESS.match(addr):
            return value[: match.start()].strip().strip('"'), addr
    return next(((name, addr) for name, addr in pairs if _VALID_ADDRESS.match(addr)), ("", ""))


def _address_count(value: str) -> int:
    """How many addresses one From field names (as written: an encoded name's commas are no split)."""
    found = [_address(a) for _, a in getaddresses([value])]
    if found and all(_VALID_ADDRESS.match(a) for a in found):
        return len(found)
    return 1 if _from(value)[1] else 0  # junk around one address, read as _from reads it


def _return_paths(value: str) -> list[str]:
    """The addresses in one Return-Path header: [""] for <>, several if it holds several."""
    value = clean_header(value)
    found = _ANGLE.findall(value) or [t for t in _ID_SPLIT.split(value) if t] or [""]
    # an obsolete source route ("@relay:user@host") still names user@host
    return [_address(a.rpartition(":")[2] if a.startswith("@") else a) for a in found]


# --- body ---------------------------------------------------------------------------------


def _parts(msg: Message, inbound: Inbound):
    """The leaf parts in order (attached messages count as leaves), each with the multipart that
    holds it (None for the message itself), at most MAX_PARTS looked at."""
    stack: list[tuple[Message, Message | None]] = [(msg, None)]
    seen = 0
    while stack:
        part, parent = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            inbound.error = inbound.error or f"more than {MAX_PARTS} parts; the rest was ignored"
            return
        if part.is_multipart() and not (
            part.get_content_type() == "message/rfc822" and part.get_content_disposition() == "attachment"
        ):
            payload = part.get_payload()
            stack.extend(reversed([(p, part) for p in payload if isinstance(p, Message)]))
        else:
            yield part, parent


def _read_body(msg: Message, inbound: Inbound) -> None:
    plain: list[str] = []
    plain_parents: list[Message | None] = []
    html: str | None = None
    html_parent: Message | None = None
    for part, parent in _parts(msg, inbound):
        ctype = part.get_content_type()
        filename = _filename(part)
        if filename or part.get_content_disposition() == "attachment":
            inbound.attachments.append(filename or f"(unnamed {ctype})")
        elif ctype == "text/plain":
            plain.append(_part_text(part, inbound))
            plain_parents.append(parent)
        elif ctype == "text/html" and html is None:
            html, html_parent = _part_text(part, inbound), parent
    body = "\n\n".join(p for p in plain if p.strip())
    links = find_links(body)
    if html is not None:
        words = len(body.split())
        # a stub is the HTML's own alternative: one plain part beside it in a multipart/alternative
        # (never a forwarder's note beside an attached HTML mail)
        stub = words < STUB_WORDS and (not words or (
            len(plain) == 1 and html_parent is not None and plain_parents[0] is html_parent
            and html_parent.get_content_type() == "multipart/alternative"))
        if not stub:
            html_links, inbound.images = html_urls(html)
        else:
            text, html_links, inbound.images = html_to_text(html)
            if not words or len(text.split()) >= STUB_RATIO * words:
                body, inbound.html = text, True  # no plain text, or a stub of it: read the HTML's
        links += [u for u in html_links if u not in links]
    inbound.links = links
    inbound.text, inbound.quoted, inbound.signature = split_reply(body[:MAX_TEXT_CHARS])


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:  # malformed RFC 2231 parameters
        return ""
    return decode_header_value(str(name)) if name else ""


def _part_text(part: Message, inbound: Inbound) -> str:
    if str(part.get("content-transfer-encoding", "")).strip().lower() == "base64":
        data, damaged = _base64(part.get_payload())
        if damaged:
            inbound.error = inbound.error or "damaged base64 in the body; read what could be decoded"
    else:
        data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    return decode_bytes(data[:MAX_PART_BYTES], part.get_content_charset())


_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/]*={0,2}$")


def _base64(payload: object) -> tuple[bytes, bool]:
    """Decode base64 leniently, skipping lines that are not base64; (data, was it damaged)."""
    if not isinstance(payload, str):
        return b"", True
    lines = [line.strip() for line in payload.encode("ascii", "replace").splitlines()]
    good = [line for line in lines if _BASE64_LINE.match(line)]
    data = b"".join(line.rstrip(b"=") for line in good)
    damaged = len(good) != len(lines)
    if len(data) % 4 == 1:  # a lone trailing character cannot carry a byte
        data, damaged = data[:-1], True
    try:
        return binascii.a2b_base64(data + b"=" * (-len(data) % 4)), damaged
    except (binascii.Error, ValueError):
        return b"", True
