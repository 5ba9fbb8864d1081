"""The labelled training corpus (tests/data/corpus/<writer>/*.jsonl) as nejtak reads it.

Each JSON line is one message written by one independent writer (see tests/data/corpus/README.md).
E-mail rows become real RFC 5322 bytes (authenticated, to the owner, some of them HTML-only:
chosen by a hash of the id, blind to the label) and are read by nejtak's own reader; chat rows
become Telegram records. So training, validation and the daemon see a message the same way."""
from __future__ import annotations

import html
import json
import re
import zlib
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import read_message

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
OWNER = "owner@recipient.example"
# The rounds of writers, each written to its own brief (tests/data/corpus/README.md): writers of
# one round resemble each other more than writers of different rounds.
ROUNDS = (("r1", 1, 12), ("r2", 13, 23), ("r3", 24, 38), ("r4", 39, 54), ("r5", 55, 62), ("r6", 63, 70),
          ("r7", 71, 78), ("r8", 79, 86), ("r9", 87, 94), ("r10", 95, 102), ("r11", 103, 110),
          ("r12", 111, 118), ("r13", 119, 126), ("r14", 127, 134),
          ("r15", 135, 142), ("r16", 143, 150), ("r17", 151, 158), ("r18", 159, 166), ("r19", 167, 174),
          ("r20", 175, 182), ("r21", 183, 190),
          ("r22", 191, 198), ("r23", 199, 206), ("r24", 207, 214), ("r25", 215, 222), ("r26", 223, 230),
          ("r27", 231, 238), ("r28", 239, 246))
AUTHSERV_ID = "mx.recipient.example"


@dataclass
class Row:
    id: str
    writer: str
    label: str  # pitch | wanted
    lang: str
    channel: str
    kind: str
    shape: str
    from_name: str
    from_email: str
    to_name: str
    subject: str
    body: str

    @property
    def pitch(self) -> bool:
        return self.label == "pitch"

    @property
    def round(self) -> str:
        return round_of(self.writer)


# Rounds never trained on: written after the shipped model, kept as a standing test of it by
# writers it never read (benchmarks/eval_writers.py --shipped; leaving such a round out changes
# nothing). Round 17: trained on, it moved leaving a round out by less than the rounds differ
# (tests/data/corpus/README.md); as a clean test it is worth more. Round 23 (one person's mail:
# freelancers and private people, a quarter of it Telegram DMs) was such a test of the 190-writer
# model and is trained on since; round 24 (employees' mailboxes: colleagues' and private mail beside
# sellers writing to a work address) was written after the 198-writer model and is kept as a test of it;
# round 25 (boards of associations) was judged by that model, then trained on (the 206-writer model).
HELD_OUT_ROUNDS = ("r17", "r24")


def trainable(rows: list[Row]) -> list[Row]:
    """The rows a model may be trained on: all but the held-out rounds' and those of writers in no
    round yet (a round being written: half a writer's text must not slip into a model)."""
    return [r for r in rows if round_of(r.writer) not in (*HELD_OUT_ROUNDS, "later")]


def round_of(writer: str) -> str:
    """The round a writer (w01 ...) wrote in, or "later" for one not in ROUNDS yet."""
    n = int(writer.lstrip("w") or 0)
    return next((name for name, first, last in ROUNDS if first <= n <= last), "later")


def load(folder: Path = CORPUS) -> list[Row]:
    rows = []
    for path in sorted(folder.glob("w*/*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                data = json.loads(line)
                rows.append(Row(**{k: data.get(k, "") for k in Row.__dataclass_fields__}))
    return rows


def _html(body: str) -> str:
    paras = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in body.split("\n\n"))
    return f"<html><body><div style=\"font-family:Arial\">{paras}</div></body></html>"


_STEP = re.compile(r"sequence-(\d+)$")
STEP_MINUTES = 3 * 24 * 60  # a sequence's next mail, three days after the one before


def minute(row: Row) -> int:
    """When the row comes, in minutes after 2026-11-01: a fixed shuffle blind to the label
    (crc32 of its id), except that the steps of a sequence (shape "sequence-N": a seller's first
    mail, nudge and break-up, or a customer chasing a quote) come in their order, three days
    apart, from when their sequence starts (crc32 of its writer and sender: the sender's name,
    which stays when an outreach tool rotates the address, else the address)."""
    step = _STEP.match(row.shape or "")
    if step:
        start = zlib.crc32(f"{row.writer}:{sequence_of(row)}".encode()) % 40000
        return start + (int(step.group(1)) - 1) * STEP_MINUTES
    return zlib.crc32(row.id.encode()) % 40000


def sequence_of(row: Row) -> str:
    """Which sequence of its writer's a step belongs to: its sender, by name or else address."""
    return row.from_name.strip() or row.from_email.strip().lower()


def eml(row: Row, when: datetime | None = None) -> bytes:
    """The row as delivered mail: DMARC pass from the recipient's MX, the owner in To."""
    sender = row.from_email.strip().lower() or f"{row.id}@sender.example"
    domain = sender.rsplit("@", 1)[-1]
    when = when or datetime(2026, 11, 1, tzinfo=timezone.utc) + timedelta(minutes=minute(row))
    as_html = zlib.crc32(row.id.encode()) % 8 == 0  # one in eight, whatever the label
    body = _html(row.body) if as_html else row.body
    ctype = "text/html" if as_html else "text/plain"
    to = f"{row.to_name} <{OWNER}>" if row.to_name else OWNER
    head = (f"Return-Path: <{sender}>\r\n"
            f"Authentication-Results: {AUTHSERV_ID}; spf=pass smtp.mailfrom={sender}; "
            f"dkim=pass header.d={domain}; dmarc=pass header.from={domain}\r\n"
            f"From: {row.from_name} <{sender}>\r\nTo: {to}\r\nSubject: {row.subject}\r\n"
            f"Date: {format_datetime(when)}\r\nMessage-ID: <{row.id}@{domain}>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: {ctype}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return (head + body.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n").encode("utf-8")


_REDELIVERED = re.compile(rb"^(to|cc|return-path|authentication-results|delivered-to)[ \t]*:", re.IGNORECASE)


def as_the_owners(raw: bytes, source: str, owner: str = OWNER, authserv_id: str = AUTHSERV_ID) -> bytes | None:
    """Mail as if it had come to the owner: addressed to them, its reply address its From, and
    the owner's server vouching for it (DMARC pass): the worst case for a reply. (SpamAssassin's
    ham was sent to its collectors: as it is, a guard stops every reply, and "0 replies to
    wanted mail" there could not fail.) None for mail without exactly one From: no server
    could vouch for its author."""
    msg = read_message(raw, source)
    if msg.from_count != 1 or "@" not in msg.from_address:
        return None
    end = re.search(rb"\r?\n\r?\n", raw)
    head, rest = (raw[:end.start()], raw[end.start():]) if end else (raw, b"")
    newline = b"\r\n" if b"\r\n" in head else b"\n"
    kept, skipping = [], False
    for line in re.split(rb"\r?\n", head):
        if line[:1] in (b" ", b"\t"):  # a folded header's next line
            if not skipping:
                kept.append(line)
            continue
        skipping = bool(_REDELIVERED.match(line))
        if not skipping and not line.startswith(b"From "):  # the mbox separator line
            kept.append(line)
    sender = msg.from_address
    domain = sender.rpartition("@")[2]
    added = [f"Return-Path: <{sender}>", f"To: {owner}",
             f"Authentication-Results: {authserv_id}; dmarc=pass header.from={domain}"]
    return newline.join([*(a.encode() for a in added), *kept]) + rest


def inbound(row: Row) -> Inbound:
    """The row as the pipeline gets it from its connector."""
    if row.channel == "chat":
        # one Telegram user per person: chat rows have no address, so the writer's name for them
        user = zlib.crc32((row.from_email or f"{row.writer}:{row.from_name}" or row.id).encode()) % 10**9 + 1
        return Inbound(channel="telegram", source=f"corpus:{row.id}", message_id=f"tg-{row.id}",
                       sender=f"tg:{user}", sender_name=row.from_name, text=row.body.strip(), chat_id=user)
    return read_message(eml(row), f"corpus:{row.id}")
