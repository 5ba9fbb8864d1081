"""A store with a whole story in it, put there as the daemon would: the real pipeline decides
each message (auto mode, texts and raw messages kept), and the outbox steps the worker takes
(sending, the server's acceptance, the copy in Sent) are the store's own calls."""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from nejtak.bot.config import parse
from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import read_message
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.store import Store

OWNER = "anna@holm.example"
CONFIG = parse(f'mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["{OWNER}"]\n'
               'trusted_authserv_ids = ["mx.holm.example"]\n[reply]\nmax_per_hour = 1000\n')
LUKASZ = "lukasz@leadfabrik.example"
SALES = "sales@leadfabrik.example"
TG = "tg:4242"
PITCH = """\
Hej Anna,

I came across your company and noticed your website could rank much higher on Google.
We help companies like yours get more traffic with SEO: grøn vækst, große Reichweite.
Do you have 15 minutes for a quick call next week? Book a time here:
https://calendly.com/lukasz-leadfabrik/15min

Pozdrawiam, Łukasz
"""
TG_PITCH = ("Hi! I came across your profile. Want 500 new Instagram followers for your business? We help "
            "companies like yours grow. Do you have 15 minutes for a quick call next week?")
_serial = itertools.count(1)


def email_raw(sender: str, name: str, subject: str, date: datetime, body: str = PITCH) -> bytes:
    domain = sender.rsplit("@", 1)[1]
    head = (f"Return-Path: <{sender}>\r\n"
            f"Authentication-Results: mx.holm.example; spf=pass smtp.mailfrom={sender}; "
            f"dkim=pass header.d={domain}; dmarc=pass header.from={domain}\r\n"
            f"From: {name} <{sender}>\r\nTo: Anna Holm <{OWNER}>\r\nSubject: {subject}\r\n"
            f"Date: {format_datetime(date)}\r\nMessage-ID: <d{next(_serial)}.{date:%s}@{domain}>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    return (head + body.replace("\n", "\r\n")).encode()


@dataclass
class Story:
    """What was put in the store, to look for in the dossier."""

    url: str
    raws: dict[str, list[bytes]] = field(default_factory=dict)  # sender -> raw messages, in order
    replies: list[dict] = field(default_factory=list)  # the outbox rows as sent
    suggestions: list[dict] = field(default_factory=list)

    def sha(self, sender: str) -> list[str]:
        return [hashlib.sha256(r).hexdigest() for r in self.raws.get(sender, [])]


def _send(store: Store, outbox_id: int, server_reply: str | None, filed: bool) -> None:
    """What the outbox worker does with an approved reply: sending, accepted, filed in Sent."""
    store.outbox_transition(outbox_id, "sending")
    if server_reply is None:  # a chat: sent, no server reply line
        store.outbox_transition(outbox_id, "sent")
    else:
        store.outbox_accepted(outbox_id, server_reply)
    if filed:
        store.outbox_filed(outbox_id)


@pytest.fixture
def story(store_url) -> Story:
    """Łukasz pitches (two days ago), is refused, pitches again (dated 71 hours from now),
    gets a reminder and a block suggestion; his colleague at sales@ pitches once; a Telegram
    stranger pitches twice in a chat and is refused there."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    story = Story(store_url)
    store = Store(store_url)
    try:
        pipeline = Pipeline(CONFIG, store)

        def mail(sender: str, name: str, subject: str, date: datetime) -> int | None:
            raw = email_raw(sender, name, subject, date)
            story.raws.setdefault(sender, []).append(raw)
            outcome = pipeline.process(read_message(raw, f"test:{sender}", keep_raw=True))
            arrived(outcome.inbound_id, date)
            return outcome.outbox_id

        def arrived(inbound_id: int, date: datetime) -> None:
            """The story's clock: the message reached nejtak when its Date says."""
            from sqlalchemy import update

            from nejtak.bot.store.models import InboundRow
            with store._tx() as s:
                s.execute(update(InboundRow).where(InboundRow.id == inbound_id).values(stored_at=date))

        first = mail(LUKASZ, "Łukasz Nowak", "Więcej klientów dla holm.example?", now - timedelta(days=2))
        assert first is not None, "the first pitch must be answered"
        _send(store, first, "250 2.0.0 Ok: queued as 4QxR1", filed=True)
        reminder = mail(LUKASZ, "Łukasz Nowak", "Re: Więcej klientów dla holm.example?", now + timedelta(days=3, hours=-1))
        assert reminder is not None, "the repeat must get a reminder"
        _send(store, reminder, "250 2.0.0 Ok: queued as 4QxR2", filed=False)
        mail(SALES, "Leadfabrik Sales", "Partnership for holm.example", now - timedelta(days=1))
        for n, (text, date) in enumerate([(TG_PITCH, now - timedelta(hours=5)),
                                          ("Hello again, still interested in followers?", now + timedelta(days=1))]):
            outcome = pipeline.process(Inbound(
                channel="telegram", source=f"telegram:4242/{10 + n}", message_id=f"tg:4242:{10 + n}", sender=TG,
                sender_name="Olga Growth", text=text, date=date, chat_id=4242, business_connection_id="bc-1",
                size=len(text.encode())))
            arrived(outcome.inbound_id, date)
            assert outcome.outbox_id is not None, "the chat pitch and the repeat must be answered"
            _send(store, outcome.outbox_id, None, filed=False)
        story.replies = [store.outbox_get(i) for i in range(1, 20) if store.outbox_get(i)]
        with store._tx() as s:
            from sqlalchemy import select

            from nejtak.bot.store.models import BlockSuggestion, Sender
            story.suggestions = [{"sender": a, "created_at": b.created_at, "reason": b.reason}
                                 for b, a in s.execute(select(BlockSuggestion, Sender.address)
                                                       .join(Sender, Sender.id == BlockSuggestion.sender_id))]
    finally:
        store.close()
    return story
