"""The channel-neutral record of one incoming message, as every connector hands it on."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


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
