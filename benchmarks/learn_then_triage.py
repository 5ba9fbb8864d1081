"""`nejtak learn` on half of a labelled set, `nejtak triage --db` on the other half: what the
owner's labels change, for writers the text model never read.

    .venv/bin/python benchmarks/learn_then_triage.py [--writers w01,w02] [--split id|date] [--C 512]

For each writer of tests/data/corpus: train the text model without that writer (as
benchmarks/eval_writers.py does: leave-one-writer-out, so the figure is fair), split the
writer's 250 messages in half (every other pitch and every other wanted message by id, or the
earlier half by Date), and
  - learn the first half on a fresh SQLite store through the code `nejtak learn` runs
    (bot/learn_files.py: the e-mail written out as .eml files in a pitch/ and a wanted/ folder,
    chat DMs taught one by one, as the daemon would);
  - triage the other half through the code `nejtak triage --db` runs (bot/triage.py over the
    .eml files, the pipeline for the chat DMs), over that store and over an empty one.
Prints, per writer and overall, both ways: recall on pitches (marked unsolicited), wanted mail
marked (false positives), pitches answered, and replies to wanted mail (auto mode).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import corpus  # noqa: E402
from eval_writers import folds  # noqa: E402
from train_text_model import DEFAULT_C, train  # noqa: E402

from nejtak.bot.config import Config, parse  # noqa: E402
from nejtak.bot.learn_files import LearnSummary, learn_message, learn_paths  # noqa: E402
from nejtak.bot.learning import OwnerLearning  # noqa: E402
from nejtak.bot.mail.reader import message_date  # noqa: E402
from nejtak.bot.model import text as text_model  # noqa: E402
from nejtak.bot.pipeline import Pipeline  # noqa: E402
from nejtak.bot.store import Store  # noqa: E402
from nejtak.bot.triage import triage  # noqa: E402


def owner_config() -> Config:
    return parse(f'mode = "auto"\n[owner]\nname = "Owner"\naddresses = ["{corpus.OWNER}"]\n'
                 f'trusted_authserv_ids = ["{corpus.AUTHSERV_ID}"]\n[reply]\nmax_per_hour = 100000\n',
                 "learn_then_triage.toml")


def halves(rows: list[corpus.Row], split: str) -> tuple[list[corpus.Row], list[corpus.Row]]:
    """(learned, triaged): every other message of each label by id, or the earlier half by Date."""
    if split == "date":
        rows = sorted(rows, key=lambda r: (r.channel == "chat", message_date(corpus.eml(r)), r.id))
        email = [r for r in rows if r.channel == "email"]
        chat = [r for r in rows if r.channel == "chat"]
        return email[:len(email) // 2] + chat[:len(chat) // 2], email[len(email) // 2:] + chat[len(chat) // 2:]
    # every other pitch and every other wanted message: a writer's batches alternate labels, so
    # every other message alone would teach one label far more than the other
    learned, judged = [], []
    for label in ("pitch", "wanted"):
        same = sorted((r for r in rows if r.label == label), key=lambda r: r.id)
        learned += same[0::2]
        judged += same[1::2]
    return learned, judged


def learn(store: Store, config: Config, rows: list[corpus.Row], folder: Path) -> LearnSummary:
    """The first half taught as `nejtak learn --pitch pitch/ --wanted wanted/` would."""
    for label in ("pitch", "wanted"):
        (folder / label).mkdir(parents=True)
    for r in rows:
        if r.channel == "email":
            (folder / r.label / f"{r.id}.eml").write_bytes(corpus.eml(r))
    learning = OwnerLearning(store, config.owner.addresses)
    summary = learn_paths(learning, [("pitch", [str(folder / "pitch")]), ("wanted", [str(folder / "wanted")])],
                          config.owner.addresses)
    for r in rows:  # a chat DM has no file: taught as the daemon teaches a tap on it
        if r.channel == "chat":
            learn_message(learning, r.label, corpus.inbound(r), config.owner.addresses, summary)
    return summary


def judge(store: Store, config: Config, rows: list[corpus.Row], folder: Path) -> list[dict]:
    """The other half as `nejtak triage --db` decides it over this store."""
    by_id = {r.id: r for r in rows}
    folder.mkdir(parents=True, exist_ok=True)
    for r in rows:
        if r.channel == "email":
            (folder / f"{r.id}.eml").write_bytes(corpus.eml(r))
    out = []
    for got in triage(config, store, [str(folder)]):
        r = by_id[Path(got["source"]).stem]
        out.append(result(r, got["unsolicited"], got["action"]))
    pipeline = Pipeline(config, store, simulate=True, learning=OwnerLearning(store, config.owner.addresses))
    for r in rows:
        if r.channel == "chat":
            d = pipeline.process(corpus.inbound(r), keep_body=False).decision
            out.append(result(r, d.verdict.unsolicited, d.action))
    return out


def result(row: corpus.Row, marked: bool, action: str) -> dict:
    return {"id": row.id, "kind": row.kind, "pitch": row.pitch, "marked": bool(marked),
            "answered": action == "reply"}


def figures(results: list[dict]) -> dict:
    pitches = [r for r in results if r["pitch"]]
    wanted = [r for r in results if not r["pitch"]]
    return {"pitches": len(pitches), "wanted": len(wanted),
            "recall": sum(r["marked"] for r in pitches) / max(len(pitches), 1),
            "fp": sum(r["marked"] for r in wanted) / max(len(wanted), 1),
            "fp_n": sum(r["marked"] for r in wanted),
            "answered": sum(r["answered"] for r in pitches) / max(len(pitches), 1),
            "wrong_replies": sum(r["answered"] for r in wanted)}


HEADER = (f"{'writer':<8}{'learned':>9}{'pitch':>6}{'wanted':>7} | {'recall':>7}{'FP':>10}{'answered':>9}{'wrong':>6}"
          f" | {'recall':>7}{'FP':>10}{'answered':>9}{'wrong':>6}")


def line(name: str, learned: str, before: dict, after: dict) -> str:
    def part(f: dict) -> str:
        return (f"{f['recall']:>7.1%}{f['fp']:>6.1%}{'(' + str(f['fp_n']) + ')':>4}{f['answered']:>9.1%}"
                f"{f['wrong_replies']:>6}")
    return f"{name:<8}{learned:>9}{before['pitches']:>6}{before['wanted']:>7} | {part(before)} | {part(after)}"


def changed(before: list[dict], after: list[dict]) -> None:
    """Which messages the learning changed, either way."""
    was = {r["id"]: r for r in before}
    for title, pitch, gained in (("pitches caught only with learning", True, True),
                                 ("pitches lost with learning", True, False),
                                 ("wanted mail marked only with learning", False, True),
                                 ("wanted mail no longer marked", False, False)):
        ids = [f"{a['id']} ({a['kind']})" for a in after
               if a["pitch"] == pitch and a["marked"] != was[a["id"]]["marked"] and a["marked"] == gained]
        print(f"\n{title}: {len(ids)}" + "".join(f"\n  {i}" for i in ids[:25]))
    for title, rows in (("wanted mail answered without learning", before),
                        ("wanted mail answered with learning", after)):
        ids = [f"{r['id']} ({r['kind']})" for r in rows if not r["pitch"] and r["answered"]]
        print(f"\n{title}: {len(ids)}" + "".join(f"\n  {i}" for i in ids))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", help="comma-separated writers (default: all)")
    ap.add_argument("--split", choices=["id", "date"], default="id",
                    help="learn every other message of each label by id (default), or the earlier half by Date")
    ap.add_argument("--C", type=float, default=DEFAULT_C)
    args = ap.parse_args()
    started = time.monotonic()
    examples, vectors, rows, writers = folds(args.writers)
    config = owner_config()
    before_all: list[dict] = []
    after_all: list[dict] = []
    learned_all = 0
    print(f"split: {args.split}; text model without the writer; learn one half, triage the other\n")
    print(f"{'':<30} | {'without learning':^38} | {'with learning':^38}")
    print(HEADER)
    try:
        for w in writers:
            text_model.use(train(vectors, [i for i, e in enumerate(examples) if e.group != w], args.C))
            taught, judged = halves([r for r in rows if r.writer == w], args.split)
            with tempfile.TemporaryDirectory(prefix=f"learn-{w}-") as tmp:
                folder = Path(tmp)
                learned_store = Store(f"sqlite:///{folder / 'learned.db'}")
                empty_store = Store(f"sqlite:///{folder / 'empty.db'}")
                try:
                    summary = learn(learned_store, config, taught, folder / "learn")
                    before = judge(empty_store, config, judged, folder / "triage")
                    after = judge(learned_store, config, judged, folder / "triage")
                finally:
                    learned_store.close()
                    empty_store.close()
            n = sum(summary.learned.values())
            if summary.unreadable:
                print(f"  {w}: {len(summary.unreadable)} unreadable: {summary.unreadable[:3]}")
            learned_all += n
            before_all += before
            after_all += after
            print(line(w, str(n), figures(before), figures(after)), flush=True)
    finally:
        text_model.use(None)
        text_model._loaded.clear()
    print(line("all", str(learned_all), figures(before_all), figures(after_all)))
    changed(before_all, after_all)
    print(f"\nrecall: pitches marked unsolicited; FP: wanted mail marked (count); answered: pitches "
          f"answered in auto mode; wrong: replies to wanted mail.  {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
