"""How many messages per second the e-mail reader turns into Inbound records."""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from nejtak.bot.mail.reader import read_message  # noqa: E402

DEFAULT = "/work/shared/corpus/spamassassin"


def main(root: str = DEFAULT) -> None:
    files = sorted(p for p in Path(root).rglob("*") if p.is_file() and not p.name.startswith("."))
    blobs = [(str(p), p.read_bytes()) for p in files]
    start = time.perf_counter()
    errors: Counter[str] = Counter()
    for source, raw in blobs:
        inbound = read_message(raw, source)
        if inbound.error:
            errors[inbound.error] += 1
    elapsed = time.perf_counter() - start
    megabytes = sum(len(raw) for _, raw in blobs) / 1e6
    print(f"{len(blobs)} messages, {megabytes:.1f} MB in {elapsed:.2f} s: "
          f"{len(blobs) / elapsed:.0f} messages/s")
    for error, count in errors.most_common(10):
        print(f"  {count:5d}  {error}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
