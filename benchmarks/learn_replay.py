"""Learning from the owner, replayed: does nejtak stop repeating the mistakes it was corrected on?

    .venv/bin/python benchmarks/learn_replay.py [--writers w01,w02] [--confirm] [--order date|id|shuffle]
                                                [--seed N] [--json FILE]
                                                [--without writer|round] [--history]

Each writer of tests/data/corpus plays one owner's mailbox. For each writer: train the text
model on every other writer (as benchmarks/eval_writers.py does, so the model never saw this
writer's mail), then stream the writer's 250 messages, one at a time, through a Pipeline in
auto mode with `learning=OwnerLearning(store)` over a fresh SQLite store. Every message is a
first contact from its own sender (`Pipeline.decide` with an empty `SenderHistory()`; the
store holds only the labels), so what changes along the stream is the owner layer alone.

A mistake is a pitch not marked (verdict.unsolicited False) or a wanted message marked. The
simulated owner corrects each mistake right after it happens, as a digest tap would:
`learning.teach("pitch" | "wanted", "digest", judged text, message_id=...)`. With --confirm
the owner also taps Send on the drafts (a pitch label on a correctly marked pitch that was
only drafted), as an owner in approve mode does.

Order: rows carry no real date, so by default they come in the order of the Date header
tools/corpus.py gives each e-mail (`corpus.minute`: 2026-11-01 plus crc32(id) % 40000 minutes, a
fixed shuffle blind to the label, except that a sequence's steps come in their order, three days
apart; until 2026-12-02 they were shuffled too, a seller's break-up before its first mail);
`--order id` keeps the files' order, `--order shuffle --seed N` a seeded shuffle.

With `--by language` a stream is instead one language's messages from all the writers (an
owner who gets mail in that language), the text model trained without any corpus message in
that language (the dev sets and SpamAssassin ham stay in): a second, harder-for-the-model
stream, where one writer's stream is not enough (each writer writes every kind of message in
turn in eleven languages, so a kind and language seldom come twice in one writer's 250).

With `--without round` the model is trained without every writer of the streamed writer's round
(one brief: tools/corpus.py ROUNDS), not only without the writer: an owner whose kind of mail
the shipped model never read, which is what learning from the owner is for.

With `--history` the stream instead goes through a real store with sender history, as the
daemon and `nejtak triage --db` run it (Pipeline.process): a correction then teaches what the
owner's taps teach in the daemon. A wanted message marked is the digest's Wanted tap (the
sender allowed, so a colleague at the same organisation is known from then on, and a wanted
label); a missed pitch is a pitch label (a move into the training folder). The control runs the
same stream through a store of its own with no corrections: what sender history alone does.

Prints, per writer (or language) and over all of them: errors per 50 messages, the error rates of the first
and second half, their ratio, replies to wanted mail (action "reply" on a wanted message) and,
as a control, the same stream's errors without learning (the same model, no owner layer).
Target: second half at most a third of the first half's, and 0 replies to wanted mail.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import corpus  # noqa: E402
from eval_writers import folds  # noqa: E402
from train_text_model import DEFAULT_C, train  # noqa: E402

from nejtak.bot.config import parse  # noqa: E402
from nejtak.bot.learning import OwnerLearning  # noqa: E402
from nejtak.bot.model import text as text_model  # noqa: E402
from nejtak.bot.pipeline import Pipeline  # noqa: E402
from nejtak.bot.sender_history import SenderHistory  # noqa: E402
from nejtak.bot.signals.base import judged_text  # noqa: E402
from nejtak.bot.store import Store  # noqa: E402

BLOCK = 50  # errors are counted per this many messages


def config():
    return parse(f'mode = "auto"\n[owner]\nname = "Owner"\naddresses = ["{corpus.OWNER}"]\n'
                 f'trusted_authserv_ids = ["{corpus.AUTHSERV_ID}"]\n[reply]\nmax_per_hour = 100000\n',
                 "replay.toml")


def ordered(rows: list[corpus.Row], order: str, seed: int) -> list[corpus.Row]:
    if order == "date":  # the minute corpus.eml dates each row by
        return sorted(rows, key=lambda r: (corpus.minute(r), r.id))
    if order == "shuffle":
        rows = sorted(rows, key=lambda r: r.id)
        random.Random(seed).shuffle(rows)
        return rows
    return sorted(rows, key=lambda r: r.id)


def correction(row: corpus.Row, marked: bool, action: str, confirm: bool) -> str | None:
    """What the simulated owner teaches after one decision: the right label for a mistake; with
    `confirm` also a pitch label on a pitch only drafted (the owner taps Send)."""
    if marked != row.pitch:
        return "pitch" if row.pitch else "wanted"
    return "pitch" if confirm and row.pitch and marked and action == "draft" else None


def record(row: corpus.Row, decision, action: str, teach: str | None, control, control_action: str) -> dict:
    """One line of the replay: the taught decision beside the control's (None: not decided)."""
    marked = bool(decision and decision.verdict.unsolicited)
    owner = next((h for h in decision.verdict.hits if h.name == "OWNER_FEEDBACK"), None) if decision else None
    return {"id": row.id, "writer": row.writer, "pitch": row.pitch, "kind": row.kind,
            "marked": marked, "mistake": marked != row.pitch, "action": action,
            "score": decision.verdict.score if decision else None,
            "owner_feedback": owner.weight if owner else 0.0, "taught": teach,
            "control_mistake": bool(control and control.verdict.unsolicited) != row.pitch,
            "control_action": control_action}


def replay(rows: list[corpus.Row], folder: Path, confirm: bool) -> list[dict]:
    """One owner's stream: decide, then correct (and with `confirm`, approve drafts)."""
    cfg = config()
    store = Store(f"sqlite:///{folder / 'replay.db'}")
    try:
        learning = OwnerLearning(store, cfg.owner.addresses)
        taught, control = Pipeline(cfg, None, learning=learning), Pipeline(cfg, None)
        out = []
        for row in rows:
            msg = corpus.inbound(row)
            d = taught.decide(msg, SenderHistory())
            before = control.decide(msg, SenderHistory())
            teach = correction(row, d.verdict.unsolicited, d.action, confirm)
            if teach:
                learning.teach(teach, "digest", judged_text(msg, cfg.owner.addresses),
                               message_id=msg.message_id, channel=msg.channel, sender=msg.sender,
                               subject=msg.subject)
            out.append(record(row, d, d.action, teach, before, before.action))
        return out
    finally:
        store.close()


def replay_with_history(rows: list[corpus.Row], folder: Path, confirm: bool) -> list[dict]:
    """One owner's stream through real stores: the taught one, and a control nobody corrects."""
    cfg = config()
    taught_store = Store(f"sqlite:///{folder / 'taught.db'}")
    control_store = Store(f"sqlite:///{folder / 'control.db'}")
    try:
        learning = OwnerLearning(taught_store, cfg.owner.addresses)
        taught = Pipeline(cfg, taught_store, simulate=True, learning=learning)
        control = Pipeline(cfg, control_store, simulate=True)
        out = []
        for row in rows:
            msg = corpus.inbound(row)
            got, before = taught.process(msg), control.process(corpus.inbound(row))
            teach = correction(row, bool(got.decision and got.decision.verdict.unsolicited), got.action, confirm)
            if teach == "wanted":  # the Wanted tap: the sender allowed, and the message labelled
                taught_store.set_wanted(msg.channel, msg.sender, True, "owner", got.inbound_id)
            if teach:
                learning.teach_stored(got.inbound_id, teach, "digest")
            out.append(record(row, got.decision, got.action, teach, before.decision, before.action))
        return out
    finally:
        taught_store.close()
        control_store.close()


def blocks(results: list[dict], key: str = "mistake") -> list[int]:
    return [sum(r[key] for r in results[i:i + BLOCK]) for i in range(0, len(results), BLOCK)]


def halves(results: list[dict], key: str = "mistake") -> tuple[float, float]:
    mid = len(results) // 2
    first, second = results[:mid], results[mid:]
    return (sum(r[key] for r in first) / max(len(first), 1), sum(r[key] for r in second) / max(len(second), 1))


def wanted_replies(results: list[dict], key: str = "action") -> int:
    return sum(1 for r in results if not r["pitch"] and r[key] == "reply")


def ratio(first: float, second: float) -> str:
    return f"{second / first:.2f}" if first else ("-" if not second else "inf")


def line(name: str, per_block: list, first: float, second: float, replies: int, control: tuple,
         taught: int) -> str:
    counts = " ".join(f"{n:>3}" for n in per_block)
    c_first, c_second = control
    return (f"{name:<6} {counts:<24} {first:>7.1%} {second:>7.1%} {ratio(first, second):>6} {replies:>7}"
            f" {taught:>6}   {c_first:>6.1%} {c_second:>6.1%} {ratio(c_first, c_second):>6}")


def rate(results: list[dict], key: str) -> float:
    return sum(r[key] for r in results) / max(len(results), 1)


def report(name: str, streams: list[list[dict]]) -> str:
    """One line over these streams: block k is each stream's k-th 50, halves are each one's halves."""
    firsts = [r for res in streams for r in res[:len(res) // 2]]
    seconds = [r for res in streams for r in res[len(res) // 2:]]
    per_block = [sum(col) for col in zip(*(blocks(r) for r in streams))]
    every = firsts + seconds
    return line(name, per_block, rate(firsts, "mistake"), rate(seconds, "mistake"), wanted_replies(every),
                (rate(firsts, "control_mistake"), rate(seconds, "control_mistake")),
                sum(1 for r in every if r["taught"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", help="comma-separated writers (or languages) to replay (default: all)")
    ap.add_argument("--by", choices=("writer", "language"), default="writer",
                    help="one stream per writer (default), or per language")
    ap.add_argument("--without", choices=("writer", "round"), default="writer",
                    help="train the model without the streamed writer only (default), or without its "
                         "whole round (tools/corpus.py ROUNDS): an owner whose kind of mail the model never read")
    ap.add_argument("--history", action="store_true",
                    help="run the stream through a real store with sender history (corrections as the daemon's taps)")
    ap.add_argument("--confirm", action="store_true", help="the owner also taps Send on drafted pitches")
    ap.add_argument("--order", choices=("date", "id", "shuffle"), default="date")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--C", type=float, default=DEFAULT_C)
    ap.add_argument("--json", type=Path, help="write every decision to this file")
    args = ap.parse_args()
    attr = "writer" if args.by == "writer" else "lang"
    examples, vectors, rows, writers = folds(args.writers, attr)
    print(f"{'through a store with sender history; ' if args.history else ''}"
          f"{'model trained without the whole round; ' if args.without == 'round' else ''}"
          f"order: {args.order}{f' (seed {args.seed})' if args.order == 'shuffle' else ''}; "
          f"owner {'corrects mistakes and taps Send on drafts' if args.confirm else 'corrects mistakes'}")
    print(f"{'':<6} {'errors per ' + str(BLOCK):<24} {'1st half':>7} {'2nd half':>7} {'ratio':>6} "
          f"{'wanted':>7} {'labels':>6}   {'without learning':>20}")
    print(f"{'':<6} {'':<24} {'':>7} {'':>7} {'':>6} {'replies':>7} {'':>6}   {'1st':>6} {'2nd':>6} {'ratio':>6}")
    corpus_writers = {r.writer for r in rows}  # to tell their examples from the dev sets and ham
    every: dict[str, list[dict]] = {}
    trained: dict[frozenset, object] = {}  # the last model, kept while the next stream leaves out the same
    try:
        for w in writers:
            left_out = frozenset({w} if args.by == "language" or args.without == "writer" else
                                 {x for x in corpus_writers if corpus.round_of(x) == corpus.round_of(w)})
            if left_out not in trained:
                unseen = [i for i, e in enumerate(examples)
                          if (e.group not in left_out if args.by == "writer"
                              else not (e.group in corpus_writers and e.lang == w))]
                trained = {left_out: train(vectors, unseen, args.C)}
            text_model.use(trained[left_out])
            with tempfile.TemporaryDirectory(prefix="nejtak-replay-") as folder:
                run = replay_with_history if args.history else replay
                every[w] = run(ordered([r for r in rows if getattr(r, attr) == w], args.order, args.seed),
                                  Path(folder), args.confirm)
            print(report(w, [every[w]]), flush=True)
    finally:
        text_model.use(None)
        text_model._loaded.clear()
    print(report("all", list(every.values())))
    firsts = [r for res in every.values() for r in res[:len(res) // 2]]
    seconds = [r for res in every.values() for r in res[len(res) // 2:]]
    first, second = rate(firsts, "mistake"), rate(seconds, "mistake")
    c_first, c_second = rate(firsts, "control_mistake"), rate(seconds, "control_mistake")
    replies = sum(wanted_replies(r) for r in every.values())
    caused = sum(1 for res in every.values() for r in res
                 if not r["pitch"] and r["action"] == "reply" and r["control_action"] != "reply")
    print(f"\nover {len(every)} {args.by}s: errors {first:.1%} in the first half, {second:.1%} in the second "
          f"(ratio {ratio(first, second)}; without learning {c_first:.1%} -> {c_second:.1%}); "
          f"replies to wanted mail {replies} (without learning "
          f"{sum(wanted_replies(r, 'control_action') for r in every.values())}; caused by learning {caused})")
    met = replies == 0 and (second <= first / 3 if first else second == 0)
    print(f"target (2nd half <= 1/3 of the 1st, 0 replies to wanted mail): {'met' if met else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps([r for res in every.values() for r in res], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
