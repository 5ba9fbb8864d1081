"""Migrating an empty database, models agreeing with migrations, and the append-only audit log."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from nejtak.bot.store import Store
from nejtak.bot.store.db import alembic_config
from nejtak.bot.store.models import Base

TABLES = {"accounts", "senders", "owner_messages", "inbound", "outbox", "removal_requests",
          "feedback", "block_suggestions", "audit_log"}


def test_migrates_empty_database_to_head(store):
    names = set(inspect(store.engine).get_table_names())
    assert TABLES <= names
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head


def test_models_agree_with_migrated_schema(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(ctx, Base.metadata)
    assert diffs == []


def test_reopening_a_migrated_store_keeps_data(store_url, store, make_inbound):
    inbound_id, _ = store.save_inbound(make_inbound())
    again = Store(store_url)
    try:
        assert again.save_inbound(make_inbound(message_id="msg-x@a"))[0] > inbound_id
    finally:
        again.close()


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'mallory'",
    "DELETE FROM audit_log",
])
def test_audit_log_rejects_update_and_delete(store, statement):
    store.audit("owner", "test", "subject:1", {"a": 1})
    with pytest.raises(DBAPIError, match="append-only"):
        with store.engine.begin() as conn:
            conn.execute(text(statement))
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, event FROM audit_log WHERE event = 'test'")).all()
    assert [tuple(r) for r in rows] == [("owner", "test")]


def test_sqlite_file_gets_folder_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "deep" / "er" / "nejtak.db"
    s = Store(f"sqlite:///{path}")
    try:
        assert path.exists()
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    finally:
        s.close()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_throw_away_memory_store(url, make_inbound):
    s = Store(url)
    try:
        inbound_id, new = s.save_inbound(make_inbound())
        assert new and s.save_inbound(make_inbound(message_id="other@x"))[0] == inbound_id + 1
    finally:
        s.close()


def test_migration_0005_fills_service_mail_from_the_decisions_already_stored(store_url):
    """A store from before 0005 that holds a no-reply receipt (and a firm's mass offer from
    noreply@, read as a pitch): after the upgrade the receipt's sender carries the decision's
    time, so a colleague's first mail is drafted as in a new store; the offer's firm gets nothing."""
    from nejtak.bot.store.db import make_engine, migrate

    engine = make_engine(store_url)
    utc = "+00" if engine.dialect.name == "postgresql" else ""  # SQLite keeps naive UTC

    def at(clock: str) -> str:
        return f"2026-08-31 {clock}{utc}"

    try:
        migrate(engine, "0004")
        with engine.begin() as conn:
            senders = ((1, "no-reply@acme.example", "acme.example"), (2, "sales@acme.example", "acme.example"),
                       (3, "noreply@offers.example", "offers.example"), (4, "anna@offers.example", "offers.example"))
            for sid, address, org in senders:
                conn.execute(text("INSERT INTO senders (id, channel, address, org_domain, display_name, first_seen, "
                                  "contacts, owner_wrote_to, wanted, blocked) VALUES (:id, 'email', :a, :org, '', "
                                  ":t, 1, false, false, false)"), {"id": sid, "a": address, "org": org, "t": at("08:00:00")})
            for iid, sid, unsolicited in ((1, 1, False), (2, 3, True)):
                conn.execute(text("INSERT INTO inbound (id, channel, source, message_id, sender_id, sender_name, "
                                  "from_address, received_at, stored_at, decided_at, subject, in_reply_to, size, "
                                  "escalate, signals, notes, blocked_by, unsolicited) VALUES (:id, 'email', 't', :mid, "
                                  ":sid, '', '', :r, :s, :d, 'x', '', 10, false, '[]', '[]', 'system_sender', :u)"),
                             {"id": iid, "sid": sid, "mid": f"m{iid}@x.example", "r": at("07:00:00"),
                              "s": at("08:00:05"), "d": at("08:00:06"), "u": unsolicited})
        migrate(engine)
    finally:
        engine.dispose()
    store = Store(store_url, freemail_domains=["gmail.com"])
    try:
        h = store.sender_history("email", "sales@acme.example", "acme.example", [])
        assert h.org_service_mail == 1 and h.last_org_service_mail.isoformat() == "2026-08-31T08:00:06+00:00", h
        assert store.sender_history("email", "no-reply@acme.example", "acme.example", []).org_service_mail == 0
        assert store.sender_history("email", "anna@offers.example", "offers.example", []).org_service_mail == 0
    finally:
        store.close()
