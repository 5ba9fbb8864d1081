"""Makes the sample dossier in examples/ from invented data: dossier-sample.html, .pdf and the
PDF's first page as dossier-sample-page1.png (needs the test extra, for pypdfium2).

    .venv/bin/python examples/make_dossier_sample.py

Every person, company and address here is made up. The messages go through the real pipeline
into a throw-away store; the outbox steps the daemon's worker takes (sending, the server's
acceptance, the copy in Sent) are the store's own calls; then the times are set to a made-up
September, so that the sample reads like a real case."""
from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import update

from nejtak.bot.config import parse
from nejtak.bot.dossier import make_dossier
from nejtak.bot.mail.reader import read_message
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.store import Store
from nejtak.bot.store.models import BlockSuggestion, InboundRow, OutboxRow, RemovalRequest

HERE = Path(__file__).parent
OWNER = "mette@dalgaard-design.example"
CONFIG = parse(f'mode = "auto"\n[owner]\nname = "Mette Dalgaard"\naddresses = ["{OWNER}"]\n'
               'trusted_authserv_ids = ["mx.dalgaard-design.example"]\n[reply]\nmax_per_hour = 100\n')
UTC = timezone.utc
FIRST = """\
Hej Mette,

I came across Dalgaard Design and noticed your website could rank much higher on Google.
We help companies like yours get more traffic with SEO. Do you have 15 minutes for a
quick call next week? Book a time here: https://calendly.com/jonas-growthpilot/15min

Best regards,
Jonas Krøger
Growthpilot ApS
"""
AGAIN = """\
Hi Mette,

Just bumping this to the top of your inbox. We help companies like yours get more traffic
with SEO, and I would love to show you how in a quick 15-minute call.

Best,
Jonas Krøger
"""
STORY = [  # (sender, name, subject, body, dated, answered at, server reply, filed after)
    ("jonas@growthpilot.example", "Jonas Krøger", "Quick question about dalgaard-design.example", FIRST,
     datetime(2026, 9, 2, 9, 14, tzinfo=UTC), timedelta(minutes=1), "250 2.0.0 Ok: queued as 4NxK7Q1bZc", True),
    ("jonas@growthpilot.example", "Jonas Krøger", "Re: Quick question about dalgaard-design.example", AGAIN,
     datetime(2026, 9, 23, 8, 2, tzinfo=UTC), timedelta(minutes=2), "250 2.0.0 Ok: queued as 4NyW2m9TfP", True),
]


def raw_mail(sender: str, name: str, subject: str, body: str, dated: datetime, n: int) -> bytes:
    domain = sender.rsplit("@", 1)[1]
    head = (f"Return-Path: <{sender}>\r\n"
            f"Authentication-Results: mx.dalgaard-design.example; spf=pass smtp.mailfrom={sender}; "
            f"dkim=pass header.d={domain} header.s=s1; dmarc=pass header.from={domain}\r\n"
            f"From: {name} <{sender}>\r\nTo: Mette Dalgaard <{OWNER}>\r\nSubject: {subject}\r\n"
            f"Date: {format_datetime(dated)}\r\nMessage-ID: <gp.{n}.{dated:%Y%m%d%H%M}@{domain}>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    return (head + body.replace("\n", "\r\n")).encode()


def build(url: str) -> None:
    store = Store(url)
    try:
        for n, (sender, name, subject, body, dated, after, server_reply, filed) in enumerate(STORY, 1):
            pipeline = Pipeline(CONFIG, store, clock=lambda dated=dated: dated + timedelta(seconds=20))
            outcome = pipeline.process(read_message(raw_mail(sender, name, subject, body, dated, n),
                                                    f"sample:{n}", keep_raw=True))
            assert outcome.outbox_id is not None, f"message {n} was not answered: {outcome.decision}"
            store.outbox_transition(outcome.outbox_id, "sending")
            store.outbox_accepted(outcome.outbox_id, server_reply)
            if filed:
                store.outbox_filed(outcome.outbox_id)
            sent = dated + after
            with store._tx() as s:  # the invented times, instead of today's
                s.execute(update(InboundRow).where(InboundRow.id == outcome.inbound_id)
                          .values(stored_at=dated + timedelta(seconds=9)))
                s.execute(update(OutboxRow).where(OutboxRow.id == outcome.outbox_id)
                          .values(sent_at=sent, updated_at=sent, filed_at=sent + timedelta(seconds=2) if filed else None))
                s.execute(update(RemovalRequest).where(RemovalRequest.outbox_id == outcome.outbox_id)
                          .values(requested_at=sent))
                s.execute(update(BlockSuggestion).where(BlockSuggestion.inbound_id == outcome.inbound_id)
                          .values(created_at=dated + timedelta(seconds=20)))
    finally:
        store.close()


def main() -> None:
    now = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'sample.db'}"
        build(url)
        store = Store(url)
        try:
            for fmt in ("html", "pdf"):
                made = make_dossier(store, "jonas@growthpilot.example", fmt=fmt, lang="en", country="DK", now=now,
                                    trusted_authserv_ids=["mx.dalgaard-design.example"])
                (HERE / f"dossier-sample.{fmt}").write_bytes(made.content)
        finally:
            store.close()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(HERE / "dossier-sample.pdf"))
    pdf[0].render(scale=1.5).to_pil().save(HERE / "dossier-sample-page1.png", optimize=True)
    print("wrote examples/dossier-sample.html, .pdf and -page1.png")


if __name__ == "__main__":
    main()
