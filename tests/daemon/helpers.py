"""End-to-end helpers: the daemon against a real Dovecot (mail in by LMTP) and an aiosmtpd capture."""
from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import itertools
import time
from collections.abc import AsyncIterator, Callable
from email.utils import format_datetime
from datetime import datetime, timezone

from nejtak.bot.config import Config, parse
from nejtak.bot.daemon import Daemon
from tests.fixtures.dovecot import Dovecot
from tests.fixtures.smtp import SmtpCapture

OWNER = "tester@example.test"
OWNER_NAME = "Test Owner"
KEYWORD = "$NejtakRefused"
_serial = itertools.count(1)

PITCH_BODY = """\
Hi,

I came across your company and noticed your website could rank much higher on Google.
We help companies like yours get more traffic with SEO. Do you have 15 minutes for a
quick call next week? Book a time here: https://calendly.com/ola-vendor/15min

Best,
Ola
"""


def mail(sender: str, subject: str, body: str, *, message_id: str | None = None, dmarc: str = "pass",
         to: str = OWNER, extra: str = "", name: str = "Ola Nordmann") -> tuple[bytes, str]:
    """(raw bytes, envelope sender) of a message to the owner, with a trusted Authentication-Results."""
    domain = sender.rsplit("@", 1)[1]
    mid = message_id or f"m{next(_serial)}.{time.time_ns()}@{domain}"
    head = (f"Authentication-Results: mx.test; dmarc={dmarc} header.from={domain}\r\n"
            f"From: {name} <{sender}>\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Date: {format_datetime(datetime.now(timezone.utc))}\r\nMessage-ID: <{mid}>\r\n{extra}"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    return (head + body.replace("\n", "\r\n")).encode(), sender


def pitch(n: int | None = None, **kw) -> tuple[bytes, str]:
    """A cold SEO pitch from a sender of its own (scores far above auto_threshold)."""
    n = next(_serial) if n is None else n
    kw.setdefault("message_id", f"pitch-{n}.{time.time_ns()}@vendor{n}.example")
    return mail(f"ola{n}@vendor{n}.example", "Quick question about your website", PITCH_BODY, **kw)


def message_id_of(raw: bytes) -> str:
    return email.message_from_bytes(raw, policy=email.policy.compat32)["Message-ID"].strip()


def config_text(dovecot: Dovecot, capture: SmtpCapture | None, store_url: str, *, mode: str = "auto",
                intake_port: int | None = None, imap: bool = True, imap_extra: str = "",
                extra: str = "") -> str:
    parts = [f'mode = "{mode}"\nlog_level = "INFO"\n',
             f'[owner]\nname = "{OWNER_NAME}"\naddresses = ["{OWNER}"]\ntrusted_authserv_ids = ["mx.test"]\n',
             f'[store]\nurl = "{store_url}"\n',
             '[reply]\nmax_per_hour = 1000\n']
    if imap:
        parts.append(f'[[imap]]\nhost = "{dovecot.host}"\nport = {dovecot.imap_port}\nsecurity = "none"\n'
                     f'username = "{dovecot.user}"\npassword_file = "{dovecot.folder / "imap-password"}"\n'
                     f'poll_seconds = 1\ntimeout_seconds = 10\n{imap_extra}')
    if capture is not None:
        parts.append(f'[smtp]\nhost = "{capture.host}"\nport = {capture.port}\nsecurity = "none"\n'
                     'timeout_seconds = 5\n')
    if intake_port is None:
        parts.append("[intake]\nenabled = false\n")
    else:
        parts.append(f'[intake]\nenabled = true\nhost = "127.0.0.1"\nport = {intake_port}\nhostname = "intake.test"\n')
    parts.append(extra)
    return "\n".join(parts)


def make_config(*args, **kw) -> Config:
    return parse(config_text(*args, **kw))


@contextlib.asynccontextmanager
async def running(config: Config) -> AsyncIterator[Daemon]:
    """An in-process daemon, started and (whatever happens) stopped."""
    daemon = Daemon(config)
    try:
        await asyncio.wait_for(daemon.start(), 20)
        # start() returns before the inbox watcher has looked at the folder; on a first start
        # mail delivered before that look is "already there" and left alone by design.
        for cfg in config.imap:
            account = f"{cfg.username}@{cfg.host}"
            await wait_until(lambda: daemon.store.sync_state("imap", account, cfg.inbox)[0] is not None,
                             what="inbox watcher started")
        yield daemon
    finally:
        await asyncio.wait_for(daemon.stop(), 20)


async def wait_until(condition: Callable[[], object], timeout: float = 10.0, what: str = "condition") -> object:
    """Poll a (sync) condition until it is truthy; fail at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = await asyncio.to_thread(condition)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout} s")
        await asyncio.sleep(0.05)


def inbox_flags(dovecot: Dovecot) -> dict[str, tuple[bytes, ...]]:
    """Message-ID -> flags of every inbox message (read without touching \\Seen)."""
    with dovecot.imap() as c:
        c.select_folder("INBOX", readonly=True)
        uids = c.search("ALL")
        if not uids:
            return {}
        data = c.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    out = {}
    for d in data.values():
        header = next(v for k, v in d.items() if k.startswith(b"BODY[HEADER"))
        out[message_id_of(header)] = d[b"FLAGS"]
    return out


def sent_messages(dovecot: Dovecot) -> list[bytes]:
    with dovecot.imap() as c:
        c.select_folder("Sent", readonly=True)
        uids = c.search("ALL")
        if not uids:
            return []
        return [d[b"BODY[]"] for d in c.fetch(uids, ["BODY.PEEK[]"]).values()]


def replies_by_parent(capture: SmtpCapture) -> dict[str, int]:
    """In-Reply-To -> how many replies the capture got for it."""
    counts: dict[str, int] = {}
    for m in list(capture.messages):
        parent = email.message_from_bytes(m.data, policy=email.policy.compat32).get("In-Reply-To", "").strip()
        counts[parent] = counts.get(parent, 0) + 1
    return counts
