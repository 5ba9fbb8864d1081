"""Shared parts of the daemon benchmarks: a throw-away Dovecot, an aiosmtpd capture that stamps
arrival times, the daemon's config, realistic pitches, a readiness probe and memory readings.

The servers are the test fixtures' own classes (tests/fixtures/dovecot.py, tests/fixtures/smtp.py),
used here outside pytest.
"""
from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import SMTP, Envelope, Session  # noqa: E402

from nejtak.bot import config as config_mod  # noqa: E402
from nejtak.bot.config import Config  # noqa: E402
from tests.fixtures.dovecot import Dovecot  # noqa: E402
from tests.fixtures.smtp import SmtpCapture, free_port  # noqa: E402

OWNER_NAME = "Anna Holm"
OWNER_ADDRESS = "anna@holm.example"
AUTHSERV_ID = "mx.holm.example"


# -- servers --------------------------------------------------------------------------------

@contextlib.contextmanager
def dovecot_server(start: bool = True) -> Iterator[Dovecot]:
    """A throw-away Dovecot in a temp folder (user `tester`); stopped and removed afterwards.

    With start=False the caller may fill the Maildir first and call `server.start()` itself."""
    if shutil.which("dovecot") is None:
        raise SystemExit("dovecot is not installed: run `scripts/setup --test`")
    folder = Path(tempfile.mkdtemp(prefix="nejtak-bench-dovecot-"))
    server = Dovecot(folder)
    try:
        if start:
            server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class StampedCapture(SmtpCapture):
    """The tests' capture server, also noting when (time.monotonic()) each message arrived."""

    arrived: list[float] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        status = await super().handle_DATA(server, session, envelope)
        if status.startswith("250"):
            with self._lock:
                self.arrived.append(time.monotonic())
        return status


@contextlib.contextmanager
def smtp_capture() -> Iterator[StampedCapture]:
    """A plain aiosmtpd capture (no TLS, no AUTH) on a free port of 127.0.0.1."""
    capture = StampedCapture("127.0.0.1", free_port())
    controller = Controller(capture, hostname=capture.host, port=capture.port, server_hostname="capture.test")
    controller.start()
    try:
        yield capture
    finally:
        controller.stop()


# -- the daemon ---------------------------------------------------------------------------

def daemon_config(dovecot: Dovecot, capture: SmtpCapture, db_path: Path, mode: str = "auto",
                  max_per_hour: int = 1000) -> Config:
    """The config the daemon runs with: one IMAP account on Dovecot with IDLE, SMTP to the capture,
    SQLite at db_path, no intake, no Telegram. The reply cap is raised: 100 pitches in a few
    minutes would otherwise hit the default 20 per hour and wait for the owner as drafts."""
    return config_mod.parse(daemon_config_text(dovecot, capture, db_path, mode, max_per_hour), "benchmark.toml")


def daemon_config_text(dovecot: Dovecot, capture: SmtpCapture, db_path: Path, mode: str = "auto",
                       max_per_hour: int = 1000) -> str:
    """daemon_config as the TOML text of a config file (for `nejtak run --config`)."""
    return f"""\
mode = "{mode}"
log_level = "WARNING"
[owner]
name = "{OWNER_NAME}"
addresses = ["{OWNER_ADDRESS}"]
trusted_authserv_ids = ["{AUTHSERV_ID}"]
[store]
url = "sqlite:///{db_path}"
[[imap]]
host = "{dovecot.host}"
port = {dovecot.imap_port}
security = "none"
username = "{dovecot.user}"
password_file = "{dovecot.folder / 'imap-password'}"
inbox = "INBOX"
sent = "Sent"
idle = true
poll_seconds = 60
timeout_seconds = 30
backlog_days = 0
[smtp]
host = "{capture.host}"
port = {capture.port}
security = "none"
timeout_seconds = 10
[intake]
enabled = false
[reply]
max_per_hour = {max_per_hour}
"""


class IdleProbe:
    """Notes when the inbox watch has an IDLE running (the daemon is then caught up and waiting).

    Wraps bot.connectors.imap_watch._idle_start, which the watch looks up at each call; the
    daemon itself has no such event, and `Daemon.ready` is set before the watch's first search."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.at: float | None = None
        self.count = 0

    def install(self) -> None:
        from nejtak.bot.connectors import imap_watch

        original = imap_watch._idle_start
        probe = self

        def _idle_start(client):  # runs in the connection's thread
            started = original(client)
            if started:
                probe.count += 1
                if probe.at is None:
                    probe.at = time.monotonic()
                probe.event.set()
            return started

        imap_watch._idle_start = _idle_start


# -- mail -----------------------------------------------------------------------------------

FIRST = ["Mark", "Julia", "Tom", "Sofia", "Lukas", "Emma", "Jonas", "Olivia", "Piotr", "Maja",
         "Erik", "Sara", "David", "Nora", "Felix", "Laura", "Henrik", "Ida", "Oscar", "Clara"]
LAST = ["Turner", "Berg", "Nowak", "Schmidt", "Jensen", "Larsen", "Fischer", "Kowalski", "Brown",
        "Lindqvist", "Meyer", "Hansen", "Wilson", "Nielsen", "Weber"]
TRADES = ["growth", "leads", "digital", "webdesign", "seo", "devteam", "outsource", "media",
          "ads", "sales", "data", "cloud", "apps", "marketing", "energy"]

PITCHES = [
    ("Quick question about {site}",
     "Hi Anna,\n\nI came across your website and noticed a few quick wins for your SEO. We help\n"
     "businesses like yours rank on the first page of Google and get more leads.\n\n"
     "Do you have 15 minutes for a quick call this week? Here is my calendar:\n"
     "https://calendly.com/{user}/15min\n\nBest regards,\n{name}\n{company}\n\n"
     "If you are not interested, just reply STOP.\n"),
    ("Dedicated developers for {site}",
     "Hello Anna,\n\nI came across your company and wanted to reach out. We are an offshore\n"
     "software development company with 120+ senior developers who can extend your team at a\n"
     "fraction of the cost.\n\nWould you be open to a short call next week to see if we are a fit?\n"
     "Book a slot here: https://calendly.com/{user}/intro\n\nKind regards,\n{name}\n{company}\n\n"
     "If this is not relevant, reply 'no thanks' and I will not contact you again.\n"),
    ("Verified contact lists for your industry",
     "Hi Anna,\n\nWe provide verified B2B email lists and decision-maker contacts for your\n"
     "industry, 98% accuracy guaranteed. Would you be interested in a free sample of 100\n"
     "leads?\n\nCan we schedule a quick 10 minute call? https://calendly.com/{user}/call\n\n"
     "Cheers,\n{name}\n{company}\n\nTo unsubscribe, reply with REMOVE.\n"),
    ("Increase your sales with {company}",
     "Dear Anna,\n\nI hope this email finds you well. I came across {site} and I think we can help\n"
     "you generate more qualified leads with our lead generation and outbound sales service.\n\n"
     "Do you have 15 minutes for a quick call on Thursday? You can pick a time here:\n"
     "https://calendly.com/{user}/demo\n\nBest,\n{name}\n\nNot interested? Just let me know and I\n"
     "will take you off my list.\n"),
]


@dataclass
class Pitch:
    mail_from: str
    message_id: str  # without <>
    raw: bytes


def pitch(i: int, when: datetime | None = None) -> Pitch:
    """Pitch number i: a distinct sender at a distinct company domain, a distinct Message-ID,
    DMARC pass from the owner's own MX (the trusted authserv-id), as LMTP hands it to Dovecot."""
    first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
    domain = f"{TRADES[i % len(TRADES)]}-{i:03d}-{LAST[i % len(LAST)].lower()}.com"
    company = f"{TRADES[i % len(TRADES)].capitalize()} {LAST[i % len(LAST)]} ApS"
    user = f"{first.lower()}.{last.lower()}"
    sender = f"{user}@{domain}"
    subject, body = PITCHES[i % len(PITCHES)]
    fill = dict(site="holm.example", user=user, name=f"{first} {last}", company=company)
    when = when or datetime.now(timezone.utc)
    message_id = make_msgid(f"p{i}", domain).strip("<>")
    ip = f"203.0.113.{i % 250 + 3}"
    headers = [
        ("Authentication-Results",
         f"{AUTHSERV_ID};\r\n\tdkim=pass header.d={domain} header.s=s1 header.b=Xy{i:04d}Ab;\r\n"
         f"\tspf=pass (mx.holm.example: domain of {sender} designates {ip} as permitted sender)"
         f" smtp.mailfrom={sender};\r\n\tdmarc=pass (p=none dis=none) header.from={domain}"),
        ("Received", f"from mail.{domain} (mail.{domain} [{ip}])\r\n\tby {AUTHSERV_ID} (Postfix) with ESMTPS"
                     f" id 4Zq{i:05d}\r\n\tfor <{OWNER_ADDRESS}>; {format_datetime(when)}"),
        ("From", f"{first} {last} <{sender}>"),
        ("To", f"{OWNER_NAME} <{OWNER_ADDRESS}>"),
        ("Subject", subject.format(**fill)),
        ("Date", format_datetime(when)),
        ("Message-ID", f"<{message_id}>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
        ("Content-Transfer-Encoding", "7bit"),
    ]
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    text = body.format(**fill).replace("\n", "\r\n")
    return Pitch(sender, message_id, (head + "\r\n" + text).encode())


# -- memory ---------------------------------------------------------------------------------

def proc_status(key: str) -> int:
    """A /proc/self/status figure in bytes (VmRSS, VmHWM, ...)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(key)


def reset_peak_rss() -> bool:
    """Start VmHWM (peak RSS) again from the current RSS (Linux >= 4.0); False when not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(-(-q * len(ordered) // 100)) - 1))
    return ordered[k]
