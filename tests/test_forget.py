"""`nejtak forget ADDRESS` (issue 12): the sender's personal data leaves every table of the store,
on SQLite and PostgreSQL; other senders stay; the audit log says that a sender was forgotten,
without saying who, and still refuses any change nobody listed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from nejtak.bot.cli import main
from nejtak.bot.config import parse
from nejtak.bot.forget import EVENT, NothingRecorded, forget
from nejtak.bot.learning import OwnerLearning
from nejtak.bot.mail.reader import read_message
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.store import Store
from nejtak.bot.store.models import AuditEntry
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from tests.test_retention import message, refused

INBOX = Path(__file__).parent / "data" / "devset" / "inbox"
OWNER = "anna@holm.example"
CONFIG = parse(f'mode = "approve"\n[owner]\naddresses = ["{OWNER}"]\ntrusted_authserv_ids = ["mx.holm.example"]\n')
JAKE = "jake@rankrocket.example"  # 002 his first pitch, 026 his follow-up
JAKES = [JAKE, "Jake Morrison", "double their organic leads", "Quick question about holm.example"]
MIKKEL = "mikkel@synlig-online.example"  # 005
MIKKELS = [MIKKEL, "Mikkel Brandt"]


def nejtak(*args: str, input: str | None = None, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exit_code == code, result.output
    return result.output


def stored(db: str, fn):
    store = Store(db)
    try:
        return fn(store)
    finally:
        store.close()


def everything(db: str) -> str:
    """Every row of every table of the store, as one lower-case text."""
    def dump(store: Store) -> str:
        parts = []
        with store.engine.connect() as conn:
            for table in inspect(conn).get_table_names():
                for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                    for value in row:
                        if isinstance(value, (bytes, memoryview)):
                            value = bytes(value).decode("utf-8", "replace")
                        elif isinstance(value, (dict, list)):
                            value = json.dumps(value, ensure_ascii=False)
                        parts.append(f"{table}: {value}")
        return "\n".join(parts).lower()
    return stored(db, dump)


@pytest.fixture
def db(store_url) -> str:
    """As the daemon keeps them (approve mode, texts kept): Jake's pitch with a draft refusal,
    his follow-up after it (a block suggestion), the owner's label and tap on it; Mikkel's
    pitch with a draft, labelled too."""
    store = Store(store_url)
    try:
        learning = OwnerLearning(store, [OWNER])
        pipeline = Pipeline(CONFIG, store, learning=learning)
        for name in ("002-seo-quick-question-en.eml", "005-seo-pitch-da.eml", "026-seo-followup-en.eml"):
            pipeline.process(read_message((INBOX / name).read_bytes(), name))
        for sender in (JAKE, MIKKEL):
            inbound_id = store.latest_inbound_of("email", sender)
            learning.teach_stored(inbound_id, "pitch", "digest")
            store.add_feedback("send", inbound_id, detail={"from": "digest"})
    finally:
        store.close()
    return store_url


def test_forget_leaves_nothing_of_the_sender_in_any_table(db):
    before = everything(db)
    assert all(s.lower() in before for s in JAKES + MIKKELS)  # the fixture stored what is searched for
    assert stored(db, lambda s: s.block_suggestions())[0]["sender"] == JAKE
    mikkel_history = nejtak("history", MIKKEL, "--db", db)

    out = nejtak("forget", JAKE, "--db", db, "--yes")
    assert "forgot a sender: 2 messages, 2 replies" in out

    after = everything(db)
    for secret in JAKES + ["rankrocket"]:
        assert secret.lower() not in after, secret
    for kept in MIKKELS:
        assert kept.lower() in after
    assert nejtak("history", MIKKEL, "--db", db) == mikkel_history
    assert nejtak("history", JAKE, "--db", db).strip() == f"nothing recorded for {JAKE}"
    assert stored(db, lambda s: s.block_suggestions()) == []
    assert [r.sender for r in stored(db, lambda s: s.active_labels())] == [MIKKEL]

    record = stored(db, lambda s: s.last_audit([EVENT]))
    assert record["detail"]["summary"] == "forgot a sender: 2 messages, 2 replies"
    assert record["detail"]["messages"] == 2 and record["detail"]["labels"] == 1
    assert record["at"] is not None and JAKE not in json.dumps(record, default=str)
    with stored(db, lambda s: s.engine.connect()) as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log_erasures")).scalar() == 0


def test_the_audit_log_still_refuses_what_nobody_listed(db):
    nejtak("forget", JAKE, "--db", db, "--yes")

    def try_delete(store: Store):
        for statement in ("DELETE FROM audit_log", "UPDATE audit_log SET actor = 'mallory'"):
            with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
                conn.execute(text(statement))
        with store.engine.connect() as conn:
            return conn.execute(select(AuditEntry.event).where(AuditEntry.event == EVENT)).scalars().all()

    assert stored(db, try_delete) == [EVENT]


def test_forget_asks_first_and_a_no_keeps_everything(db):
    out = nejtak("forget", JAKE, "--db", db, input="n\n", code=1)
    assert "2 message(s)" in out and "cannot be undone" in out and "nothing forgotten" in out
    assert "received" in nejtak("history", JAKE, "--db", db)
    out = nejtak("forget", JAKE.upper(), "--db", db, input="y\n")
    assert "forgot a sender" in out
    assert JAKE not in everything(db)


def test_nothing_recorded_is_one_line_and_exit_1(db):
    out = nejtak("forget", "nobody@nowhere.example", "--db", db, "--yes", code=1)
    assert out.strip() == "Error: nothing recorded for nobody@nowhere.example"
    assert stored(db, lambda s: s.last_audit([EVENT])) is None


@pytest.fixture
def empty(store_url):
    s = Store(store_url)
    yield s
    s.close()


def test_a_telegram_sender_is_told_apart_from_a_longer_id(empty):
    store = empty
    for n, user in enumerate(("tg:12", "tg:123")):
        msg = message(user, n, channel="telegram", from_address="", return_paths=None, message_id="")
        inbound_id, _ = store.save_inbound(msg)
        store.record_decision(inbound_id, refused(user, "telegram"), "sent")
        store.set_blocked("telegram", user)
    done = forget(store, "tg:12")
    assert (done.senders, done.messages, done.replies, done.removal_requests, done.feedback) == (1, 1, 1, 1, 1)
    assert store.timeline("tg:12") == [] and len(store.timeline("tg:123")) >= 3
    with store.engine.connect() as conn:
        subjects = conn.execute(select(AuditEntry.subject)).scalars().all()
    assert "telegram:tg:123" in subjects and "telegram:tg:12" not in subjects
    with pytest.raises(NothingRecorded):
        forget(store, "tg:12")


def test_migration_0004_goes_down_and_up_again(empty):
    from alembic import command
    from nejtak.bot.store.db import alembic_config, migrate

    empty.audit("owner", "test", "subject:1")
    with empty.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert "audit_log_erasures" not in inspect(empty.engine).get_table_names()
    with pytest.raises(DBAPIError, match="append-only"), empty.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
    migrate(empty.engine)
    assert "audit_log_erasures" in inspect(empty.engine).get_table_names()
    with pytest.raises(DBAPIError, match="append-only"), empty.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))


def test_a_domain_or_a_word_is_refused_and_erases_nothing(db):
    """forget takes one sender: "rankrocket.example" (what `dossier` accepts), a word or a
    number would match other rows' audit entries, so it is a usage error and nothing goes."""
    before = everything(db)
    for wrong in ("rankrocket.example", "email", "1"):
        out = nejtak("forget", wrong, "--db", db, "--yes", code=2)
        assert "not one sender's address" in out
    assert everything(db) == before


def test_another_sender_using_the_address_as_return_path_keeps_its_messages(store_url):
    """sales@ sends with Return-Path info@ (refusals go to the Return-Path): forgetting info@
    removes info@'s own mail, and leaves sales@'s message, refusal and removal request, only
    without the forgotten address."""
    store = Store(store_url)
    try:
        pipeline = Pipeline(CONFIG, store)
        for sender in ("info@acme.example", "sales@acme.example"):
            raw = (f"Return-Path: <info@acme.example>\r\nAuthentication-Results: mx.holm.example; "
                   f"spf=pass smtp.mailfrom=info@acme.example; dmarc=pass header.from=acme.example\r\n"
                   f"From: Acme <{sender}>\r\nTo: {OWNER}\r\nSubject: Grow with Acme\r\n"
                   f"Date: Tue, 01 Dec 2026 09:00:00 +0000\r\nMessage-ID: <{sender.split('@')[0]}@acme.example>\r\n"
                   f"Content-Type: text/plain\r\n\r\nWe help companies like yours get more leads. Do you have "
                   f"15 minutes for a quick call next week? Reply STOP to opt out.\r\n").encode()
            pipeline.process(read_message(raw, sender))
        assert store.latest_inbound_of("email", "sales@acme.example") is not None
        done = forget(store, "info@acme.example")
        assert done.messages == 1
        assert store.latest_inbound_of("email", "sales@acme.example") is not None
        assert store.timeline("sales@acme.example")
    finally:
        store.close()
    assert "info@acme.example" not in everything(store_url)
    assert "sales@acme.example" in everything(store_url)
