"""Triage memory on a large mailbox: peak RSS at 10,000 messages and at the end (target < 300 MB).

Builds a mailbox of COUNT messages (default 100,000) in a temp folder by repeating the
SpamAssassin corpus with fresh Message-IDs and shuffled Dates, runs `nejtak triage --json` on it
as a subprocess pinned to one core, and prints its RSS when the 10,000th row comes out, its peak
RSS at the end (max RSS of the main process; with --jobs the workers are listed apart) and the
time. The mailbox is an mbox by default; --maildir builds a Maildir instead.

Usage: python benchmarks/triage_memory.py [--count N] [--maildir] [--jobs N] [--core C] [--keep DIR] [CORPUS_DIR]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "spamassassin"
NEJTAK = str(Path(sys.executable).with_name("nejtak"))
_ID_OR_DATE = re.compile(rb"^(message-id|date)[ \t]*:.*(\r?\n[ \t].*)*\r?\n", re.IGNORECASE | re.MULTILINE)
_FROM_LINE = re.compile(rb"^From ", re.MULTILINE)


def _corpus(corpus: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(corpus.rglob("*")) if p.is_file() and not p.name.startswith(".")]


def _fresh(raw: bytes, i: int, date: datetime) -> bytes:
    """The message with its Message-ID and Date replaced by new ones (and no mbox From line)."""
    if raw.startswith(b"From "):
        raw = raw[raw.find(b"\n") + 1:]
    end = min((j for j in (raw.find(b"\n\n"), raw.find(b"\r\n\r\n")) if j >= 0), default=len(raw))
    head = _ID_OR_DATE.sub(b"", raw[:end + 1])
    new = f"Message-ID: <bench-{i}@nejtak.test>\nDate: {format_datetime(date)}\n".encode()
    return new + head + raw[end + 1:]


def build(folder: Path, count: int, maildir: bool, corpus: Path) -> Path:
    """A mailbox of `count` messages: the corpus over and over, Dates over a year in random order."""
    messages = _corpus(corpus)
    rng = random.Random(11)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    seconds = [rng.randrange(365 * 86400) for _ in range(count)]
    if maildir:
        box = folder / "Maildir"
        for sub in ("new", "cur", "tmp"):
            (box / sub).mkdir(parents=True)
        for i in range(count):
            raw = _fresh(messages[i % len(messages)], i, start + timedelta(seconds=seconds[i]))
            (box / "cur" / f"{1700000000 + i}.M{i}P1.bench:2,S").write_bytes(raw)
        return box
    path = folder / "inbox.mbox"
    with open(path, "wb") as f:
        for i in range(count):
            raw = _fresh(messages[i % len(messages)], i, start + timedelta(seconds=seconds[i]))
            raw = _FROM_LINE.sub(b">From ", raw.replace(b"\r\n", b"\n"))
            f.write(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2024\n" + raw.rstrip(b"\n") + b"\n\n")
    return path


def _rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of a live process, in MB."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            fields[name] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def run(mailbox: Path, jobs: int, core: int | None) -> None:
    cmd = [NEJTAK, "triage", str(mailbox), "--json", "--me", "me@example.test"]
    if jobs > 1:
        cmd += ["--jobs", str(jobs)]
    pin = (lambda: os.sched_setaffinity(0, {core})) if core is not None and jobs == 1 else None
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=pin)
    rows = errors = 0
    first = at_10k = None
    for line in proc.stdout:
        rows += 1
        errors += b'"error": null' not in line
        if rows == 1:
            first = time.perf_counter() - start
        if rows == 10_000:
            at_10k = _rss_mb(proc.pid)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    workers = resource_children_peak()
    print(f"rows                     {rows} ({errors} with an error), exit status {status >> 8}")
    print(f"seconds                  {elapsed:.1f} (first row after {first or 0:.1f} s: reading and sorting)")
    print(f"messages/second          {rows / elapsed:.0f}")
    if at_10k:
        print(f"RSS at row 10,000        {at_10k[0]:.0f} MB (peak so far {at_10k[1]:.0f} MB)")
    print(f"peak RSS, main process   {usage.ru_maxrss / 1024:.0f} MB")
    if jobs > 1:
        print(f"peak RSS, largest child  {workers:.0f} MB (a worker, or the main process)")


def resource_children_peak() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--maildir", action="store_true", help="a Maildir instead of an mbox")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--core", type=int, help="the core to pin to (default: the last one)")
    ap.add_argument("--keep", help="build the mailbox in (or reuse it from) this folder, and keep it")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="nejtak-triage-memory-"))
    try:
        name = "Maildir" if args.maildir else "inbox.mbox"
        mailbox = folder / name
        if not mailbox.exists():
            folder.mkdir(parents=True, exist_ok=True)
            t = time.perf_counter()
            mailbox = build(folder, args.count, args.maildir, Path(args.corpus))
            print(f"built {args.count} messages as {name} in {time.perf_counter() - t:.0f} s")
        cores = [args.core] if args.core is not None else sorted(os.sched_getaffinity(0))
        print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
              f"jobs {args.jobs}{'; pinned to core ' + str(cores[-1]) if args.jobs == 1 else ''}")
        run(mailbox, args.jobs, cores[-1])
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
