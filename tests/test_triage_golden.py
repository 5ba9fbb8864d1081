"""Triage decides as it did: the JSON rows of a fixed sample against a committed golden file.

Speed work must not change a decision. Three runs, each over a fresh in-memory store as
`nejtak triage --json` makes them:
- "sample": every 20th file of the SpamAssassin corpus (sorted by path), the dev set's inbox and
  examples/pitch.eml, the default config with `--me me@example.test`, mode auto;
- "devset", "devset2": a labelled set as its owner runs it (their addresses, trusted authserv-id
  and sent mail), which exercises sender history, owner threads and repeat pitches.

Timings and the generated reply bodies' volatile parts are not compared; scores and signal
weights are compared to 1e-6. To accept a deliberate change of decisions, rewrite the file:
    NEJTAK_WRITE_GOLDEN=1 pytest tests/test_triage_golden.py
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from nejtak.bot.config import load
from nejtak.bot.store import Store
from nejtak.bot.triage import read_sent, triage, with_overrides

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "triage_golden.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "spamassassin"
STEP = 20
KEPT = ("source", "message_id", "unsolicited", "score", "required", "signals", "language", "action",
        "escalate", "blocked_by", "blocked_reason", "reply", "duplicate", "error")
WRITE = os.environ.get("NEJTAK_WRITE_GOLDEN") == "1"


def _owner(devset: Path) -> tuple[list[str], list[str]]:
    """The owner's addresses and trusted authserv-id of a labelled set, from its README."""
    text = (devset / "README.md").read_text(encoding="utf-8")
    me, ids = [], []
    for line in text.splitlines():
        if "--me" in line or "--authserv-id" in line:
            words = line.replace("`", " ").replace("(", " ").replace(")", " ").split()
            for flag, value in zip(words, words[1:]):
                if flag == "--me":
                    me.append(value)
                elif flag == "--authserv-id":
                    ids.append(value)
    return list(dict.fromkeys(me)), list(dict.fromkeys(ids))


def _relative(source: str) -> str:
    path = Path(source).resolve()
    for base, name in ((CORPUS.resolve(), "spamassassin"), (ROOT, "")):
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        return f"{name}/{rel}" if name else rel
    return source


def _kept(r: dict) -> dict:
    out = {k: r.get(k) for k in KEPT if k in r}
    out["source"] = _relative(r["source"])
    return out


def _run(me: list[str], ids: list[str], paths: list[str], sent: list[str] = ()) -> list[dict]:
    config = with_overrides(load(None), me, ids, "auto")
    store = Store("sqlite://", freemail_domains=config.classifier.freemail_domains)
    try:
        if sent:
            read_sent(store, list(sent))
        return [_kept(r) for r in triage(config, store, paths)]
    finally:
        store.close()


def _sample_paths() -> list[str]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    return [str(p) for p in files[::STEP]] + [str(DATA / "devset" / "inbox"), str(ROOT / "examples" / "pitch.eml")]


def _case(name: str) -> list[dict]:
    if name == "sample":
        return _run(["me@example.test"], [], _sample_paths())
    devset = DATA / name
    me, ids = _owner(devset)
    return _run(me, ids, [str(devset / "inbox")], [str(devset / "sent")])


CASES = ["sample", "devset", "devset2"]


def _golden() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    if GOLDEN.exists():
        for line in GOLDEN.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out.setdefault(item.pop("case"), []).append(item)
    return out


def _write(results: dict[str, list[dict]]) -> None:
    with GOLDEN.open("w", encoding="utf-8") as f:
        for name in CASES:
            for r in results[name]:
                f.write(json.dumps({"case": name, **r}, ensure_ascii=False, sort_keys=True) + "\n")


def _same(a, b) -> bool:
    """Equal, with floats equal to 1e-6 (a faster sum may round its last bits differently)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, abs_tol=1e-6)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _differences(want: list[dict], got: list[dict]) -> list[str]:
    out = []
    if [r["source"] for r in want] != [r["source"] for r in got]:
        out.append(f"other messages or order: {len(want)} rows expected, {len(got)} got")
    by_source = {r["source"]: r for r in got}
    for w in want:
        g = by_source.get(w["source"])
        if g is None:
            out.append(f"{w['source']}: missing")
            continue
        for k in sorted(w.keys() | g.keys()):
            if not _same(w.get(k), g.get(k)):
                out.append(f"{w['source']}: {k} was {json.dumps(w.get(k))[:200]}, now {json.dumps(g.get(k))[:200]}")
    return out


@pytest.fixture(scope="module")
def results() -> dict[str, list[dict]]:
    if not CORPUS.is_dir():
        pytest.skip(f"the SpamAssassin corpus is not at {CORPUS}")
    got = {name: _case(name) for name in CASES}
    if WRITE:
        _write(got)
    return got


def test_the_sample_is_the_size_the_golden_file_was_made_from(results):
    golden = _golden()
    assert set(golden) == set(CASES), "run with NEJTAK_WRITE_GOLDEN=1 to create the golden file"
    assert len(golden["sample"]) > 300
    assert any(r["action"] == "reply" for rows in golden.values() for r in rows)
    assert any(r["blocked_by"] for rows in golden.values() for r in rows)


@pytest.mark.parametrize("name", CASES)
def test_decisions_are_unchanged(results, name):
    diff = _differences(_golden()[name], results[name])
    assert not diff, f"{len(diff)} differences in {name}:\n" + "\n".join(diff[:40])


if __name__ == "__main__":  # python tests/test_triage_golden.py: rewrite the golden file
    _write({name: _case(name) for name in CASES})
    print(f"wrote {GOLDEN}")
