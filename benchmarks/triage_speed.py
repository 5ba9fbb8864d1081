"""Triage speed and memory over the whole SpamAssassin corpus (6,046 messages), on one core.

Prints messages per second and peak memory (max RSS). Target: >= 300 messages/s, < 300 MB.
Usage: python benchmarks/triage_speed.py [CORPUS_DIR]
"""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nejtak.bot.config import load  # noqa: E402
from nejtak.bot.store import Store  # noqa: E402
from nejtak.bot.triage import triage, with_overrides  # noqa: E402


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(corpus: Path) -> dict:
    """Triage every message under corpus on one core; counts, wall and CPU seconds, peak MB."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    config = with_overrides(load(None), ["me@example.test"], [], "auto")
    store = Store("sqlite://", freemail_domains=config.classifier.freemail_domains)
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    rows = errors = unsolicited = 0
    for row in triage(config, store, [str(corpus)]):
        rows += 1
        errors += bool(row["error"])
        unsolicited += row["unsolicited"]
    return {"messages": rows, "seconds": time.perf_counter() - start,
            "cpu_seconds": cpu_seconds() - cpu_start, "errors": errors, "unsolicited": unsolicited,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "spamassassin"
    result = measure(corpus)
    rows, elapsed, peak_mb = result["messages"], result["seconds"], result["peak_mb"]
    errors, unsolicited = result["errors"], result["unsolicited"]
    print(f"messages        {rows}")
    print(f"seconds         {elapsed:.1f}  (reading, deciding and storing, one core)")
    print(f"messages/second {rows / elapsed:.0f}")
    print(f"peak memory     {peak_mb:.0f} MB (max RSS)")
    print(f"rows with error {errors}; marked unsolicited {unsolicited}")


if __name__ == "__main__":
    main()
