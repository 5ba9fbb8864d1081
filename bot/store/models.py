"""The tables of the store, as typed SQLAlchemy 2 declarative models."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(value: datetime | None) -> datetime | None:
    """A timezone-aware UTC datetime; a naive one is taken to be UTC already."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC on the Python side; SQLite stores naive UTC, so it is put back."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        value = as_utc(value)
        if value is not None and dialect.name == "sqlite":
            value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return as_utc(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    def as_dict(self) -> dict[str, Any]:
        return {c.key: getattr(self, c.key) for c in self.__mapper__.column_attrs}


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("channel", "name", "folder"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(320))
    folder: Mapped[str] = mapped_column(String(255), default="")
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int | None] = mapped_column(BigInteger)
    first_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Sender(Base):
    __tablename__ = "senders"
    __table_args__ = (UniqueConstraint("channel", "address"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(320))  # lower-case address or "tg:<id>"
    org_domain: Mapped[str] = mapped_column(String(255), default="", index=True)
    display_name: Mapped[str] = mapped_column(String(255), default="")
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime)
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    owner_wrote_to: Mapped[bool] = mapped_column(Boolean, default=False)
    wanted: Mapped[bool] = mapped_column(Boolean, default=False)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    # when it last sent the owner machine mail (a no-reply receipt, an Auto-Submitted notice)
    service_mail_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OwnerMessage(Base):
    """A Message-ID the owner sent: a reply to it belongs to the owner's thread."""

    __tablename__ = "owner_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class InboundRow(Base):
    __tablename__ = "inbound"
    __table_args__ = (
        # One row per (channel, Message-ID); messages without one are always new.
        Index(
            "uq_inbound_channel_message_id",
            "channel",
            "message_id",
            unique=True,
            sqlite_where=text("message_id != ''"),
            postgresql_where=text("message_id <> ''"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(998), default="")
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("senders.id"), index=True)
    sender_name: Mapped[str] = mapped_column(String(255), default="")
    from_address: Mapped[str] = mapped_column(String(320), default="")
    return_path: Mapped[str | None] = mapped_column(String(320))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the message's Date
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    in_reply_to: Mapped[str] = mapped_column(String(998), default="")
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    business_connection_id: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer, default=0)
    # the decision; decided_at stays NULL until record_decision
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    required: Mapped[float | None] = mapped_column(Float)
    unsolicited: Mapped[bool | None] = mapped_column(Boolean)
    action: Mapped[str | None] = mapped_column(String(32))
    escalate: Mapped[bool] = mapped_column(Boolean, default=False)
    blocked_by: Mapped[str | None] = mapped_column(String(64))
    blocked_reason: Mapped[str | None] = mapped_column(Text)
    signals: Mapped[list] = mapped_column(JSON, default=list)  # [{name, weight, evidence}]
    notes: Mapped[list] = mapped_column(JSON, default=list)
    # kept for the retention period only
    body: Mapped[str | None] = mapped_column(Text)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    error: Mapped[str | None] = mapped_column(Text)


class OutboxRow(Base):
    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound.id"), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # refusal | reminder
    to_address: Mapped[str] = mapped_column(String(320))
    from_address: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="")
    message_id: Mapped[str | None] = mapped_column(String(998), unique=True)
    in_reply_to: Mapped[str] = mapped_column(String(998), default="")
    references: Mapped[list] = mapped_column(JSON, default=list)
    business_connection_id: Mapped[str | None] = mapped_column(String(255))
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    # drafted | approved | sending | sent | failed | discarded
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when the server accepted it
    server_reply: Mapped[str | None] = mapped_column(Text)  # the server's answer to DATA
    filed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # copied into Sent


class RemovalRequest(Base):
    __tablename__ = "removal_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("senders.id"), index=True)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(16))  # email | telegram
    kind: Mapped[str] = mapped_column(String(16))  # refusal | reminder
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    answered: Mapped[bool] = mapped_column(Boolean, default=False)


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound.id"), index=True)
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("senders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # wanted | unwanted | block | unblock | send | skip | undo
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64), default="owner")
    detail: Mapped[dict | None] = mapped_column(JSON)


class BlockSuggestion(Base):
    __tablename__ = "block_suggestions"
    __table_args__ = (
        # at most one open suggestion per sender
        Index(
            "uq_block_suggestions_open_sender",
            "sender_id",
            unique=True,
            sqlite_where=text("state = 'suggested'"),
            postgresql_where=text("state = 'suggested'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("senders.id"), index=True)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), default="suggested")  # suggested | accepted | dismissed
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """Append-only: triggers from the first migration reject UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(998), default="", index=True)
    detail: Mapped[dict | None] = mapped_column(JSON)


class AuditErasure(Base):
    """An audit entry the current transaction may delete (`nejtak forget`); empty between
    transactions. See migration 0004."""

    __tablename__ = "audit_log_erasures"

    audit_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class Label(Base):
    """One thing the owner taught: this message is a pitch, or wanted mail. The owner layer of
    the text model is the sum of the active labels' deltas, so taking a label back (revoked_at)
    subtracts exactly what it added."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound.id"), index=True)
    # the Message-ID, or "sha256:<hex>" of the text for a message without one
    message_key: Mapped[str] = mapped_column(String(998), default="", index=True)
    channel: Mapped[str] = mapped_column(String(32), default="")
    sender: Mapped[str] = mapped_column(String(320), default="", index=True)
    label: Mapped[str] = mapped_column(String(8))  # pitch | wanted
    # digest | command | cli | sent | folder | learn
    source: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text, default="")  # shown by `nejtak learn --stats`
    delta: Mapped[bytes] = mapped_column(LargeBinary)  # packed buckets and weights it added
    detail: Mapped[dict | None] = mapped_column(JSON)
