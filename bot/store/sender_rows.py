"""Finding or creating sender rows safely under concurrency, on SQLite and PostgreSQL alike."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from nejtak.bot.identity import org_domain
from nejtak.bot.store.models import Sender


def normalise_address(address: str) -> str:
    return (address or "").strip().lower()


def strip_message_id(message_id: str | None) -> str:
    return (message_id or "").strip().strip("<>").strip()


def org_domain_of(address: str) -> str:
    """The registrable domain of an address (mail.acme.co.uk -> acme.co.uk), "" for chats."""
    return org_domain(address.rsplit("@", 1)[1]) if "@" in address else ""


def insert_ignoring_conflicts(session: Session, model, rows: list[dict[str, Any]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING for many rows, so a racing writer is no error."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(model).on_conflict_do_nothing(), rows)


@lru_cache(maxsize=32)
def _insert_returning(dialect: str, model):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(model.__table__).on_conflict_do_nothing().returning(model.__table__.c.id)


def insert_returning_id(session: Session, model, row: dict[str, Any]) -> int | None:
    """Insert one row and return its id, or None when a unique key already holds it.

    The statement is built once and run with parameters on the Core connection: building a
    statement from values for every message cost more than the insert itself."""
    return insert_returning_id_on(session.connection(), model, row)


def insert_returning_id_on(conn: Connection, model, row: dict[str, Any]) -> int | None:
    """insert_returning_id on a Core connection."""
    return conn.execute(_insert_returning(conn.dialect.name, model), row).scalar()


def ensure_sender(
    session: Session, channel: str, address: str, now: datetime, display_name: str = ""
) -> Sender:
    """The sender row for (channel, address), created when missing."""
    address = normalise_address(address)
    query = select(Sender).where(Sender.channel == channel, Sender.address == address)
    found = session.scalars(query).one_or_none()
    if found is not None:
        return found
    new_id = insert_returning_id(session, Sender, new_sender_row(channel, address, now, display_name))
    if new_id is not None:
        return session.get(Sender, new_id)
    return session.scalars(query).one()  # a racing writer created it first


def new_sender_row(channel: str, address: str, now: datetime, display_name: str = "") -> dict:
    return {
        "channel": channel,
        "address": address,
        "org_domain": org_domain_of(address),
        "display_name": display_name or "",
        "first_seen": now,
        "last_seen": None,
        "contacts": 0,
        "owner_wrote_to": False,
        "wanted": False,
        "blocked": False,
    }
