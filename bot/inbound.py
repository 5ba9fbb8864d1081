"""The channel-neutral record of one incoming message, as every connector hands it on."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timezone

# What the store's columns hold; longer values are cut (PostgreSQL refuses them whole).
_LIMITS = {"message_id": 998, "in_reply_to": 998, "sender": 320, "from_address": 320,
           "sender_domain": 255, "sender_name": 255, "business_connection_id": 255,
           "subject": 4000, "source": 4000}
_ADDRESS_CHARS = 320
_MAX_ITEMS = 500  # of a list: references, recipients, links
# Dates outside these years are a sender's invention; nothing sorts or counts by them.
EARLIEST, LATEST = datetime(1970, 1, 1, tzinfo=timezone.utc), datetime(2200, 1, 1, tzinfo=timezone.utc)


def safe_text(value: str) -> str:
    """Text any store can hold: no NUL, no lone surrogates (raw 8-bit bytes read as UTF-8)."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:  # surrogate escapes of raw bytes: those bytes are most likely UTF-8
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def sane_date(value: datetime | None) -> datetime | None:
    """An aware date that can be compared and stored, or None (year 9999 at -2359 overflows)."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    try:
        utc = aware.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None
    return aware if EARLIEST <= utc < LATEST else None


@dataclass
class Inbound:
    """One message from any channel, decoded and split into new text and quotes.

    Header names in `headers` are lower-case; each maps to its values in the order they
    stand in the message (topmost first), decoded from RFC 2047 to str.
    """

    channel: str  # "email" | "telegram"
    source: str  # file path, "imap:INBOX/4711", "smtp:...", "telegram:chat/msg"
    message_id: str  # without angle brackets; "" when missing
    sender: str  # normalised identity: lower-case address, or "tg:<user id>"
    sender_name: str = ""
    sender_domain: str = ""  # domain of the address (lower-case), "" for chats
    from_address: str = ""  # address in From:, lower-case
    from_count: int = 0  # addresses in all From fields together (more than one: no single author)
    return_paths: list[str] | None = None  # None: header missing; [""] for <>
    recipients: list[str] = field(default_factory=list)  # To/Cc/Bcc/Resent-*, lower-case
    subject: str = ""
    date: datetime | None = None  # timezone-aware when known
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    headers: dict[str, list[str]] = field(default_factory=dict)
    content_type: str = "text/plain"  # of the top-level part, lower-case
    text: str = ""  # the new text of the message (quotes and signature removed)
    quoted: str = ""  # quoted earlier messages
    signature: str = ""
    html: bool = False  # the text came from an HTML part
    links: list[str] = field(default_factory=list)  # URLs found in the body (text and HTML)
    images: list[str] = field(default_factory=list)  # <img src> URLs from the HTML part
    attachments: list[str] = field(default_factory=list)  # file names of attachments
    size: int = 0  # raw size in bytes
    raw: bytes | None = None  # kept for the retention period only
    error: str | None = None  # why the message could not be read fully, if so
    # chat channels only
    chat_id: int | None = None
    business_connection_id: str | None = None

    def normalise(self) -> Inbound:
        """Every field made storable, whatever a connector read: text without NUL or
        surrogates, lengths the columns hold, a date that can be compared, a sane size."""
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                value = safe_text(value)[:_LIMITS.get(f.name, len(value))]
            elif isinstance(value, list):
                limit = _ADDRESS_CHARS if f.name in ("return_paths", "recipients") else 2048
                value = [safe_text(v)[:limit] if isinstance(v, str) else v for v in value[:_MAX_ITEMS]]
            else:
                continue
            setattr(self, f.name, value)
        self.headers = {safe_text(k)[:200]: [safe_text(v) for v in vs] for k, vs in self.headers.items()}
        self.date = sane_date(self.date)
        self.size = max(0, min(int(self.size or 0), 2**31 - 1))
        return self

    def header(self, name: str) -> str | None:
        """The topmost value of a header, or None when it is absent."""
        values = self.headers.get(name.lower())
        return values[0] if values else None

    def header_all(self, name: str) -> list[str]:
        """All values of a header, topmost first."""
        return self.headers.get(name.lower(), [])

    def has_header(self, name: str) -> bool:
        return name.lower() in self.headers

    @property
    def return_path(self) -> str | None:
        """The single Return-Path address, or None when missing, empty or ambiguous."""
        if not self.return_paths or len(self.return_paths) != 1:
            return None
        return self.return_paths[0] or None
