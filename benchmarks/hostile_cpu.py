"""CPU seconds to read and decide on each hostile message (tests/fixtures/hostile_mail.py).

    .venv/bin/python benchmarks/hostile_cpu.py

Target: every message up to the size limits costs at most 1 s of CPU, reading and judging
together (a regex or parser that is quadratic in its input holds the GIL and freezes the
daemon)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nejtak.bot.config import parse  # noqa: E402
from nejtak.bot.mail.reader import read_message  # noqa: E402
from nejtak.bot.pipeline import Pipeline  # noqa: E402
from nejtak.bot.sender_history import SenderHistory  # noqa: E402
from tests.fixtures.hostile_mail import CASES  # noqa: E402


def main() -> int:
    config = parse('mode = "auto"\n[owner]\naddresses = ["owner@example.org"]\n', "bench.toml")
    pipeline = Pipeline(config, store=None)
    worst = 0.0
    print(f"{'case':34s} {'KB':>7s} {'read s':>7s} {'decide s':>8s}")
    for name, build in CASES.items():
        raw = build()
        start = time.process_time()
        msg = read_message(raw, name)
        read = time.process_time() - start
        start = time.process_time()
        pipeline.decide(msg, SenderHistory())
        decide = time.process_time() - start
        worst = max(worst, read + decide)
        print(f"{name:34s} {len(raw) / 1024:7.0f} {read:7.3f} {decide:8.3f}")
    print(f"worst: {worst:.3f} s CPU (target <= 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
