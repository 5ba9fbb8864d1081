"""Callers run Store methods in threads: racing writers must neither fail nor double rows."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text


def test_racing_saves_of_the_same_message(store, make_inbound):
    msgs = [make_inbound(message_id="race@acme.example") for _ in range(16)]
    msgs += [make_inbound(sender=f"p{i}@acme.example") for i in range(16)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(store.save_inbound, msgs))
    same = results[:16]
    assert len({i for i, _ in same}) == 1 and sum(new for _, new in same) == 1
    assert all(new for _, new in results[16:])
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT contacts FROM senders WHERE address = 'pitch@acme.example'")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM inbound")).scalar() == 17
