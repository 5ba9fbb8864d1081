"""Store.batch(): triage's many messages on one transaction, committed every N, each call whole."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text

from nejtak.bot.store import Store


def _count(url: str, table: str) -> int:
    """Rows another connection sees: what is committed."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
    finally:
        engine.dispose()


def _receive(store, msg):
    return store.receive(msg, False, "acme.example", [], None)


def test_a_batch_stores_and_decides_as_single_calls_do(store_url, make_inbound, make_decision):
    single = Store(store_url, freemail_domains=["gmail.com"])
    try:
        with single.batch():
            first = _receive(single, make_inbound())
            single.record_decision(first.inbound_id, make_decision(reply_id="b1@owner"), "sent")
            again = _receive(single, make_inbound())  # the same sender, after a removal request
            assert again.history.earlier_contacts == 1 and again.history.refused_via == "sender"
            assert _receive(single, make_inbound(message_id="dup@x")).is_new
            assert not _receive(single, make_inbound(message_id="dup@x")).is_new
            assert single.replies_since(datetime(2000, 1, 1, tzinfo=timezone.utc)) == 1
            assert single.sender_history("email", "pitch@acme.example", "acme.example", []).earlier_contacts == 3
        assert _count(store_url, "inbound") == 3 and _count(store_url, "outbox") == 1
        assert single.decision_of(first.inbound_id)["action"] == "reply"
    finally:
        single.close()


def test_a_batch_commits_every_n_messages(store_url, make_inbound):
    store = Store(store_url)
    try:
        with store.batch(every=3, seconds=3600):
            for _ in range(4):
                _receive(store, make_inbound())
            assert _count(store_url, "inbound") == 3  # the fourth waits for the next commit
        assert _count(store_url, "inbound") == 4
    finally:
        store.close()


def test_a_failing_call_in_a_batch_leaves_the_others(store_url, make_inbound, make_decision):
    store = Store(store_url)
    try:
        with store.batch():
            kept = _receive(store, make_inbound())
            with pytest.raises(KeyError):
                store.record_decision(99999, make_decision(reply_id=None, action="none"), None)
            with pytest.raises(Exception):  # a database error (PostgreSQL aborts the transaction)
                with store._conn() as conn:
                    conn.execute(text("SELECT * FROM no_such_table"))
            store.mark_failed(kept.inbound_id, "a test")  # a Session call inside the batch
            after = _receive(store, make_inbound())
        assert _count(store_url, "inbound") == 2
        assert store.decision_of(kept.inbound_id)["action"] == "failed"
        assert store.decision_of(after.inbound_id) is None
    finally:
        store.close()


def test_what_a_batch_did_before_an_error_is_kept(store_url, make_inbound):
    store = Store(store_url)
    try:
        with pytest.raises(RuntimeError), store.batch():
            _receive(store, make_inbound())
            raise RuntimeError("stop")
        assert _count(store_url, "inbound") == 1
        _receive(store, make_inbound())  # the store works on without the batch
        assert _count(store_url, "inbound") == 2
    finally:
        store.close()


def test_an_in_memory_store_batches_too(make_inbound):
    store = Store("sqlite://")
    try:
        with store.batch(every=2):
            ids = [_receive(store, make_inbound()).inbound_id for _ in range(5)]
            with store.batch():  # nested: joins the outer one
                ids.append(_receive(store, make_inbound()).inbound_id)
        assert len(set(ids)) == 6
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM inbound")).scalar() == 6
    finally:
        store.close()
