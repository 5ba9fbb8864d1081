"""Daemon start-up over a mailbox already holding 10,000 messages (INBOX 8,000 + Sent 2,000).

Fills a throw-away Dovecot, then starts the Daemon in this process for the first time (mode auto,
backlog_days = 0: the mail already there must not be answered) and measures:
  - the time until it is ready and idle: `Daemon.start()` returned (store open, Sent read as
    sender history, watch started) and the inbox watch has an IDLE running (its first search
    done; seen by wrapping the watch's IDLE start, see _servers.IdleProbe);
  - peak memory: the process's max RSS, and its rise over the RSS just before the start
    (the peak is reset before the start, so filling the mailbox does not count);
  - that zero replies were sent (nothing at the SMTP capture, no outbox rows, no message decided).

Filling (--fill): `maildir` writes the message files straight into the user's Maildir before
Dovecot starts, then lets Dovecot index both folders (as a long-running server would have them);
`append` sends them by IMAP MULTIAPPEND in batches of 500 to a running Dovecot.
Usage: python benchmarks/startup.py [--fill maildir|append] [--inbox 8000] [--sent 2000]
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import random
import resource
import socket
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _servers import (FIRST, LAST, OWNER_ADDRESS, OWNER_NAME, IdleProbe, daemon_config,  # noqa: E402
                      dovecot_server, mb, proc_status, reset_peak_rss, smtp_capture)

from nejtak.bot.daemon import Daemon  # noqa: E402
from nejtak.bot.store import Store  # noqa: E402

SETTLE = 3.0  # seconds to stay idle after readiness, for any reply that would go out late
STATES = ["drafted", "approved", "sending", "sent", "failed"]

DOMAINS = ["gmail.com", "outlook.com", "holm-partners.dk", "kontor.se", "bygg-nord.no", "firma.pl",
           "accounting.example", "lawyers.example", "school.example", "club.example", "shop.example",
           "bank.example", "city.example", "suppliers.example", "customers.example"]
SUBJECTS = ["Meeting on Thursday", "Invoice {n}", "Re: the offer for the roof", "Photos from the weekend",
            "Your order {n} has shipped", "Question about the contract", "Agenda for next week",
            "Re: Re: dinner?", "Minutes of the board meeting", "Quote request", "Your newsletter for June",
            "Reminder: dentist appointment", "Draft of the report", "Re: holiday plans", "Tickets"]
LINES = ["Thanks for yesterday, it was good to talk.", "Please find the details below.",
         "Could you have a look before Friday?", "I have attached the numbers we talked about.",
         "Let me know if anything is unclear.", "See you next week.", "The delivery is planned for Monday.",
         "We agreed on the second option.", "Sorry for the late answer.", "Talk soon."]


def people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """n (name, address) correspondents."""
    out = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        out.append((f"{first} {last}", f"{first.lower()}.{last.lower()}{i}@{rng.choice(DOMAINS)}"))
    return out


def messages(count: int, sent: bool, seed: int) -> Iterator[tuple[bytes, datetime, bool]]:
    """(raw, date, seen) of small realistic messages from (or, for Sent, to) varied people."""
    rng = random.Random(seed)
    contacts = people(rng, 700)
    now = datetime.now(timezone.utc)
    for i in range(count):
        when = now - timedelta(days=2 * 365 * (count - i) / count, seconds=rng.randrange(3600))
        name, address = rng.choice(contacts)
        me = f"{OWNER_NAME} <{OWNER_ADDRESS}>"
        them = f"{name} <{address}>"
        subject = rng.choice(SUBJECTS).format(n=10000 + i)
        body = "\r\n".join(rng.sample(LINES, rng.randint(2, 5)))
        greeting = name.split()[0] if sent else OWNER_NAME.split()[0]
        sign = OWNER_NAME.split()[0] if sent else name.split()[0]
        head = [("Return-Path", f"<{OWNER_ADDRESS if sent else address}>"),
                ("From", me if sent else them), ("To", them if sent else me),
                ("Subject", subject), ("Date", format_datetime(when)),
                ("Message-ID", f"<{'s' if sent else 'i'}{seed}.{i}.{rng.getrandbits(40):x}@"
                               f"{(OWNER_ADDRESS if sent else address).split('@')[1]}>"),
                ("MIME-Version", "1.0"), ("Content-Type", 'text/plain; charset="utf-8"')]
        if rng.random() < 0.1:
            head.append(("Cc", f"{rng.choice(contacts)[1]}"))
        text = "".join(f"{k}: {v}\r\n" for k, v in head) + f"\r\nHi {greeting},\r\n\r\n{body}\r\n\r\n{sign}\r\n"
        yield text.encode(), when, sent or rng.random() < 0.95


def fill_maildir(home: Path, inbox: int, sent: int, uid: int, gid: int) -> None:
    """Write the messages as Maildir files (Dovecot not yet running); INTERNALDATE is the mtime."""
    maildir = home / "Maildir"
    host = socket.gethostname()
    for folder, count, is_sent in ((maildir, inbox, False), (maildir / ".Sent", sent, True)):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        for n, (raw, when, seen) in enumerate(messages(count, is_sent, seed=2 if is_sent else 1)):
            stamp = when.timestamp()
            name = f"{int(stamp)}.M{n}P{os.getpid()}.{host},S={len(raw)}:2,{'S' if seen else ''}"
            path = folder / "cur" / name
            path.write_bytes(raw)
            os.utime(path, (stamp, stamp))
    (maildir / "subscriptions").write_text("Sent\n")
    if os.geteuid() == 0:  # the mail processes run as `nobody`
        for dirpath, dirnames, filenames in os.walk(home):
            os.chown(dirpath, uid, gid)
            for f in filenames:
                os.chown(os.path.join(dirpath, f), uid, gid)


def fill_append(dovecot, inbox: int, sent: int, batch: int = 500) -> None:
    with dovecot.imap() as client:
        client.create_folder("Sent")
        client.subscribe_folder("Sent")
        for folder, count, is_sent in (("INBOX", inbox, False), ("Sent", sent, True)):
            chunk = []
            for raw, when, seen in messages(count, is_sent, seed=2 if is_sent else 1):
                chunk.append({"msg": raw, "flags": [b"\\Seen"] if seen else [], "date": when})
                if len(chunk) == batch:
                    client.multiappend(folder, chunk)
                    chunk = []
            if chunk:
                client.multiappend(folder, chunk)


def count_folders(dovecot) -> dict[str, int]:
    with dovecot.imap() as client:
        return {f: client.folder_status(f, ["MESSAGES"])[b"MESSAGES"] for f in ("INBOX", "Sent")}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def bench(fill: str, inbox: int, sent: int) -> int:
    probe = IdleProbe()
    probe.install()
    collect = Collect()
    daemon_log = logging.getLogger("nejtak.daemon")
    daemon_log.addHandler(collect)
    daemon_log.setLevel(logging.INFO)
    with tempfile.TemporaryDirectory(prefix="nejtak-bench-") as tmp, \
            dovecot_server(start=False) as dovecot, smtp_capture() as capture:
        home = dovecot.folder / "home" / dovecot.user
        t = time.perf_counter()
        if fill == "maildir":
            st = home.stat()
            fill_maildir(home, inbox, sent, st.st_uid, st.st_gid)
            written = time.perf_counter() - t
            dovecot.start()
            t2 = time.perf_counter()
            counts = count_folders(dovecot)  # Dovecot reads the folders and builds its index
            indexed = time.perf_counter() - t2
            fill_note = f"{written:.1f} s writing files + {indexed:.2f} s Dovecot's first indexing"
        else:
            dovecot.start()
            fill_append(dovecot, inbox, sent)
            counts = count_folders(dovecot)
            fill_note = "IMAP MULTIAPPEND, batches of 500"
        filled = time.perf_counter() - t
        print(f"mailbox             INBOX {counts['INBOX']}, Sent {counts['Sent']}")
        print(f"fill ({fill:7s})     {filled:.1f} s  ({(inbox + sent) / filled:.0f} msg/s; {fill_note})")
        if counts != {"INBOX": inbox, "Sent": sent}:
            print("BROKEN: the mailbox does not hold what was put in")
            return 1

        config = daemon_config(dovecot, capture, Path(tmp) / "nejtak.db", mode="auto")
        gc.collect()
        peak_reset = reset_peak_rss()
        baseline = proc_status("VmRSS")
        t0 = time.monotonic()
        store = await asyncio.to_thread(Store, config.store.resolved_url(), config.classifier.freemail_domains)
        t_store = time.monotonic()
        daemon = Daemon(config, store=store)
        await daemon.start()
        t_ready = time.monotonic()
        try:
            if not await asyncio.to_thread(probe.event.wait, 120):
                print("BROKEN: the IMAP watch did not reach IDLE within 120 s")
                return 1
            t_idle = probe.at
            peak_at_idle = proc_status("VmHWM")
            await asyncio.sleep(SETTLE)
            validity, last_uid, _first = await asyncio.to_thread(
                store.sync_state, "imap", daemon.imap[0].account, "INBOX")
            outbox = await asyncio.to_thread(store.outbox_list, STATES)
            decided = await asyncio.to_thread(store.inbound_since, datetime(1970, 1, 1, tzinfo=timezone.utc))
            peak = proc_status("VmHWM")
        finally:
            await daemon.stop()
        replies = len(capture.messages)

    history = [r.args[0] for r in collect.records if r.msg.startswith("read %d sent or answered messages")]
    print(f"store opened        {t_store - t0:.2f} s  (SQLite, schema created)")
    print(f"daemon.start()      {t_ready - t0:.2f} s  (ready: Sent read as history, watch started)")
    print(f"ready and idle      {t_idle - t0:.2f} s  (the inbox watch in IDLE)")
    print(f"history read        {history[0] if history else '?'} sent or answered messages "
          f"(history_limit {config.imap[0].history_limit})")
    print(f"watch resumes at    UID {last_uid} of INBOX (UIDVALIDITY {validity}); existing mail left alone")
    print(f"memory baseline     {mb(baseline)} RSS before the start")
    print(f"peak memory         {mb(peak)} max RSS{'' if peak_reset else ' (whole run: peak reset unavailable)'}, "
          f"+{mb(peak - baseline)} over the baseline (at idle: {mb(peak_at_idle)})")
    print(f"ru_maxrss           {mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)} "
          "(whole process life, filling included)")
    ok = replies == 0 and not outbox and not decided
    print(f"replies sent        {replies} at the capture, {len(outbox)} outbox rows, "
          f"{len(decided)} messages decided  -> {'OK: zero' if ok else 'BROKEN: old mail was answered'}")
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fill", choices=["maildir", "append"], default="maildir")
    parser.add_argument("--inbox", type=int, default=8000)
    parser.add_argument("--sent", type=int, default=2000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.WARNING)  # nejtak.daemon logs INFO to the collector only
    sys.exit(asyncio.run(bench(args.fill, args.inbox, args.sent)))


if __name__ == "__main__":
    main()
