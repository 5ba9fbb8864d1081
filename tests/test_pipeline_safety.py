"""The pipeline never answers twice, never answers an answer to itself, and never trips on a URL."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from nejtak.bot.config import parse
from nejtak.bot.mail.reader import read_message
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.store import Store

OWNER = "anna@holm.example"
CONFIG = parse(f'mode = "auto"\n[owner]\naddresses = ["{OWNER}"]\n'
               f'trusted_authserv_ids = ["mx.holm.example"]\n[reply]\nmax_per_hour = 1000\n')
BODY = ("Hi Anna, I came across your company and would love 15 minutes to show you our SEO "
        "services. Book a time: https://calendly.com/growth/15min . Our offer ends Friday.")


def pitch(n: int, sender: str = "sales@growth.example", extra: str = "", body: str = BODY,
          day: int = 2) -> bytes:
    return (f"Return-Path: <{sender}>\r\n"
            f"Authentication-Results: mx.holm.example; dmarc=pass header.from=growth.example\r\n"
            f"From: Sales <{sender}>\r\nTo: {OWNER}\r\nSubject: Quick question {n}\r\n"
            f"Message-ID: <p{n}@growth.example>\r\nDate: Mon, {day:02d} Nov 2026 10:00:00 +0100\r\n{extra}"
            f"Content-Type: text/html; charset=utf-8\r\n\r\n<p>{body}</p>\r\n").encode()


@pytest.fixture
def pipeline(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    yield Pipeline(CONFIG, store)
    store.close()


def process(pipeline, raw: bytes):
    return pipeline.process(read_message(raw, "test")).decision


def test_parallel_pitches_from_one_sender_get_one_refusal(pipeline):
    """Intake sessions, IMAP accounts and Telegram decide in threads at once: still one refusal."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        decisions = list(pool.map(lambda n: process(pipeline, pitch(n)), range(4)))
    kinds = sorted(d.reply.kind for d in decisions if d.reply)
    assert kinds.count("refusal") == 1 and kinds.count("reminder") <= 1
    assert sum(d.action == "suggest_block" for d in decisions) == 4 - len(kinds)


def test_an_answer_to_our_refusal_is_not_a_repeat(pipeline):
    first = process(pipeline, pitch(1))
    ack = pitch(2, extra=f"In-Reply-To: <{first.reply.message_id}>\r\n"
                          f"References: <{first.reply.message_id}>\r\n",
                body="Sorry to bother you, you have been removed. Book a time: https://calendly.com/growth/15min")
    d = process(pipeline, ack)
    assert d.action == "none" and not d.escalate and d.reply is None
    assert d.blocked_by.rule == "already_answered"
    assert pipeline.store.block_suggestions() == []


def test_a_blocked_sender_gets_silence_and_no_new_suggestion(pipeline):
    process(pipeline, pitch(1))
    process(pipeline, pitch(2, day=3))  # the reminder, and a block suggestion
    pipeline.store.set_blocked("email", "sales@growth.example")
    assert pipeline.store.block_suggestions() == []
    d = process(pipeline, pitch(3, day=4))
    assert d.action == "none" and d.reply is None and not d.escalate
    assert pipeline.store.block_suggestions() == []


def test_a_malformed_image_url_is_just_not_a_tracker(pipeline):
    d = process(pipeline, pitch(1, body=BODY + ' <img src="https://[tracker.example/open.gif">'))
    assert d.verdict.unsolicited and d.reply is not None


async def test_retention_zero_keeps_no_body(tmp_path):
    """`retention_days = 0` in the daemon: the decision is kept, the message text is not."""
    from sqlalchemy import select

    from nejtak.bot.daemon import Daemon
    from nejtak.bot.pipeline import Pipeline as P
    from nejtak.bot.store.models import InboundRow

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    config = CONFIG.model_copy(update={"store": CONFIG.store.model_copy(update={"retention_days": 0})})
    daemon = Daemon(config, store=store)
    daemon.pipeline = P(config, store)
    try:
        outcome = await daemon.handle_email(pitch(1), "test")
        assert outcome.decision.reply is not None
        with store.engine.connect() as conn:
            body, raw, action = conn.execute(select(InboundRow.body, InboundRow.raw, InboundRow.action)).one()
        assert body is None and raw is None and action == outcome.decision.action
    finally:
        store.close()
