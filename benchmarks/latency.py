"""Delivery-to-refusal latency of the running daemon, over real Dovecot (IMAP IDLE) and SMTP.

Starts a throw-away Dovecot and an aiosmtpd capture, runs the Daemon in this process (mode auto,
the account on Dovecot with IDLE, SMTP to the capture, SQLite in a temp folder), then delivers
N distinct pitches (default 100) by LMTP, each with DMARC pass from the trusted authserv-id, a
distinct sender and a distinct Message-ID. Latency is from LMTP accepting the message (the final
250 of DATA) to the capture receiving the refusal, matched to its pitch by In-Reply-To.

By default each pitch waits for its refusal before the next is delivered (one message in flight:
the pure latency). With --pace S they go in S seconds apart without waiting (default 0 = wait).

Prints median, p95, max and count, and whether every pitch got exactly one refusal.
Target: p95 under 2 s. Exit status 1 only when something is broken (a missing, double or
misaddressed refusal, or the daemon never got ready), never for a slow figure.
Usage: python benchmarks/latency.py [-n 100] [--pace 0.2] [--timeout 30]
"""
from __future__ import annotations

import argparse
import asyncio
import email
import logging
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from email.policy import compat32
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _servers import (IdleProbe, StampedCapture, daemon_config, dovecot_server, percentile, pitch,  # noqa: E402
                      smtp_capture)

from nejtak.bot.daemon import Daemon  # noqa: E402
from nejtak.bot.store import Store  # noqa: E402

SETTLE = 3.0  # seconds to wait after the last refusal for any late double


def _msgid(value: str | None) -> str:
    text = (value or "").strip()
    start, end = text.find("<"), text.find(">")
    return text[start + 1:end] if 0 <= start < end else text


class Refusals:
    """The capture's messages grouped by the Message-ID they answer (In-Reply-To)."""

    def __init__(self, capture: StampedCapture) -> None:
        self.capture = capture
        self.seen = 0
        self.by_parent: dict[str, list[tuple[float, list[str]]]] = defaultdict(list)
        self.unmatched = 0

    def scan(self) -> None:
        with self.capture._lock:
            new = list(zip(self.capture.messages[self.seen:], self.capture.arrived[self.seen:]))
        for captured, at in new:
            headers = email.message_from_bytes(captured.data, policy=compat32)
            parent = _msgid(headers.get("In-Reply-To"))
            if parent:
                self.by_parent[parent].append((at, [r.lower() for r in captured.rcpt_tos]))
            else:
                self.unmatched += 1
        self.seen += len(new)

    async def wait_for(self, parent: str, deadline: float) -> bool:
        while True:
            self.scan()
            if self.by_parent.get(parent):
                return True
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.005)


def _deliver(dovecot, raw: bytes, mail_from: str) -> float:
    """LMTP delivery; the moment the server accepted it (time.monotonic())."""
    dovecot.deliver(raw, mail_from=mail_from, rcpt=dovecot.user)
    return time.monotonic()


async def bench(n: int, pace: float, timeout: float) -> int:
    probe = IdleProbe()
    probe.install()
    with tempfile.TemporaryDirectory(prefix="nejtak-bench-") as tmp, dovecot_server() as dovecot, \
            smtp_capture() as capture:
        with dovecot.imap() as client:
            client.create_folder("Sent")
        config = daemon_config(dovecot, capture, Path(tmp) / "nejtak.db", mode="auto")
        store = await asyncio.to_thread(Store, config.store.resolved_url(), config.classifier.freemail_domains)
        daemon = Daemon(config, store=store)
        await daemon.start()
        try:
            if not await asyncio.to_thread(probe.event.wait, 30):
                print("BROKEN: the IMAP watch did not reach IDLE within 30 s")
                return 1
            refusals = Refusals(capture)
            pitches = [pitch(i) for i in range(n)]
            accepted: dict[str, float] = {}
            begin = time.monotonic()
            for i, p in enumerate(pitches):
                if pace:
                    wait = begin + i * pace - time.monotonic()
                    if wait > 0:
                        await asyncio.sleep(wait)
                accepted[p.message_id] = await asyncio.to_thread(_deliver, dovecot, p.raw, p.mail_from)
                if not pace:
                    if not await refusals.wait_for(p.message_id, accepted[p.message_id] + timeout):
                        print(f"pitch {i + 1} ({p.mail_from}): no refusal within {timeout:.0f} s")
            deadline = time.monotonic() + timeout
            for p in pitches:  # paced: let the last ones arrive; waiting: already there
                await refusals.wait_for(p.message_id, deadline)
            await asyncio.sleep(SETTLE)
            refusals.scan()
        finally:
            await daemon.stop()

    latencies: list[float] = []
    missing, double, misaddressed = [], [], []
    for p in pitches:
        got = refusals.by_parent.get(p.message_id, [])
        if not got:
            missing.append(p)
            continue
        if len(got) > 1:
            double.append(p)
        if got[0][1] != [p.mail_from.lower()]:
            misaddressed.append(p)
        latencies.append(got[0][0] - accepted[p.message_id])
    strays = refusals.unmatched + sum(len(v) for k, v in refusals.by_parent.items() if k not in accepted)

    how = f"paced {pace:g} s apart" if pace else "one at a time, each waiting for its refusal"
    print(f"pitches delivered   {n} by LMTP ({how})")
    if latencies:
        print(f"refusals timed      {len(latencies)}  (LMTP accepted -> capture received, matched by In-Reply-To)")
        print(f"median              {statistics.median(latencies):.3f} s")
        print(f"p95                 {percentile(latencies, 95):.3f} s   (target < 2 s: "
              f"{'met' if percentile(latencies, 95) < 2 else 'NOT met'})")
        print(f"max                 {max(latencies):.3f} s")
        print(f"min                 {min(latencies):.3f} s")
    ok = not (missing or double or misaddressed or strays)
    print(f"exactly one refusal {'yes, for every pitch' if ok else 'NO'}: "
          f"missing {len(missing)}, double {len(double)}, misaddressed {len(misaddressed)}, "
          f"unmatched {strays}")
    print(f"IDLE (re)entered    {probe.count} times")
    for p in (missing + double + misaddressed)[:10]:
        print(f"  problem: {p.mail_from} <{p.message_id}>")
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100, help="pitches to deliver (default 100)")
    parser.add_argument("--pace", type=float, default=0.0,
                        help="deliver every PACE seconds without waiting (default: wait for each refusal)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one refusal")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(asyncio.run(bench(args.n, args.pace, args.timeout)))


if __name__ == "__main__":
    main()
