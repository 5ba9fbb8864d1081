"""Factories for store tests: a migrated store per database, messages and decisions."""
from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest

from nejtak.bot.inbound import Inbound
from nejtak.bot.store import Store
from nejtak.bot.verdict import Block, Decision, Hit, ReplyDraft, Verdict

_counter = itertools.count(1)


@pytest.fixture
def store(store_url):
    s = Store(store_url, freemail_domains=["gmail.com"])
    yield s
    s.close()


@pytest.fixture
def make_inbound():
    def make(sender: str = "pitch@acme.example", message_id: str | None = None, **kw) -> Inbound:
        n = next(_counter)
        fields = dict(
            channel="email", source=f"test:{n}",
            message_id=f"msg{n}@acme.example" if message_id is None else message_id,
            sender=sender, sender_name="Pat Pitch", sender_domain=sender.rsplit("@", 1)[-1],
            from_address=sender, return_paths=[sender], recipients=["me@owner.example"],
            subject=f"Quick question {n}", date=datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc),
            text="Can we book 15 minutes to show you our lead generation platform?",
            raw=b"From: pitch@acme.example\r\n\r\nhello\r\n",
        )
        fields.update(kw)
        return Inbound(**fields)
    return make


@pytest.fixture
def make_decision():
    def make(action: str = "reply", reply_id: str | None = "reply-1@owner.example", to: str | None = "pitch@acme.example",
             kind: str = "refusal", escalate: bool = False, channel: str = "email",
             blocked: Block | None = None, first_request_at: datetime | None = None) -> Decision:
        verdict = Verdict(score=7.5, required=5.0, language="en", hits=[
            Hit("UNKNOWN_SENDER", 3.0, "never wrote to them"),
            Hit("SALES_PHRASE", 4.0, "book 15 minutes"),
            Hit("FREEMAIL", 0.5, "no"),
            Hit("HAS_UNSUBSCRIBE_TEXT", -0.5, "unsubscribe"),
        ])
        reply = None
        if reply_id is not None:
            reply = ReplyDraft(to=to, subject="Re: Quick question", body="No, thank you.", language="en",
                               kind=kind, channel=channel, from_address="me@owner.example",
                               in_reply_to="msg@acme.example", references=["msg@acme.example"],
                               message_id=reply_id)
        return Decision(action=action, verdict=verdict, blocked_by=blocked, escalate=escalate,
                        reply=reply, first_request_at=first_request_at)
    return make
