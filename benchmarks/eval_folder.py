"""Judge a folder of labelled real mail, one message a file, with the shipped model as it is.

    .venv/bin/python benchmarks/eval_folder.py FOLDER [--fill] [--json FILE] [--show missed|marked]

For text nejtak's team did not write and may not commit: cold e-mails and business mail
collected from public repositories and pages (their licences do not let them into this
repository). FOLDER holds `pitch/` and `wanted/`, each file:

    Source: owner/repo path
    Language: en
    Kind: pitch
    Shape: first touch SaaS
    Subject: Quick question

    Hi {{first_name}}, ...

Every message is judged as a first contact from a stranger, in auto mode, by the whole
pipeline (as benchmarks/eval_writers.py judges the corpus). Templates keep their placeholders
({{first_name}}, [Company], <Name>); --fill writes a plausible value in their place, as the
outreach tool would before sending. Prints recognised, wanted marked, answered in the
message's own language and replies to wanted mail, overall and per language; --show lists the
missed pitches or the marked wanted mail with their scores and signals.

Measuring only: nothing here trains or tunes, and a figure from this folder says how nejtak
does on text like it only if nobody tuned on it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import corpus  # noqa: E402
from eval_writers import figures, header, judge, line, pipeline  # noqa: E402

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]{1,40}?)\s*\}\}|\{([A-Za-z_][^{}]{0,40}?)\}|\[([^\[\]\n]{2,50}?)\]"
                          r"|<([A-Z][^<>\n@]{1,40}?)>")
# what a merge field names -> what an outreach tool puts there (the first that the name contains)
_FILL = [("first", "Anna"), ("last", "Berg"), ("your name", "Mark Stone"), ("your_name", "Mark Stone"),
         ("sender", "Mark Stone"), ("my name", "Mark Stone"), ("signature", "Mark Stone"),
         ("name", "Anna"), ("company", "Nordlys"), ("firm", "Nordlys"), ("business", "Nordlys"),
         ("website", "nordlys.example"), ("url", "nordlys.example"), ("link", "nordlys.example/demo"),
         ("city", "Aarhus"), ("location", "Aarhus"), ("industry", "furniture"), ("title", "Head of Sales"),
         ("role", "Head of Sales"), ("product", "Flowly"), ("competitor", "Salesforce"), ("date", "Tuesday"),
         ("day", "Tuesday"), ("time", "2 pm"), ("number", "30"), ("percent", "30%"), ("%", "30%"),
         ("result", "30% more meetings"), ("phone", "+45 20 30 40 50"), ("email", "mark@flowly.example")]


def fill(text: str) -> str:
    """Placeholders replaced by plausible values, as the outreach tool sends the template."""
    def value(m: re.Match) -> str:
        name = next(g for g in m.groups() if g is not None).lower()
        return next((v for key, v in _FILL if key in name), "Nordlys")
    return _PLACEHOLDER.sub(value, text)


def load(folder: Path, filled: bool) -> list[corpus.Row]:
    rows = []
    for path in sorted(folder.glob("*/*.txt")):
        head, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n\n")
        fields = {}
        for h in head.splitlines():
            key, _, val = h.partition(":")
            fields[key.strip().lower()] = val.strip()
        kind = (fields.get("kind") or path.parent.name).lower()
        subject, body = fields.get("subject", ""), body.strip()
        if filled:
            subject, body = fill(subject), fill(body)
        source = fields.get("source", "").split()[0] if fields.get("source") else path.stem
        rows.append(corpus.Row(id=f"{kind}-{path.stem}", writer=source, label=kind,
                               lang=fields.get("language", "")[:2].lower(), channel="email",
                               kind=fields.get("shape", ""), shape=fields.get("shape", ""),
                               from_name="Mark Stone" if kind == "pitch" else "Sam Lee",
                               from_email=f"x{zlib.crc32(path.name.encode())}@sender.example",
                               to_name="", subject=subject, body=body))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--fill", action="store_true", help="fill placeholders as the outreach tool would")
    ap.add_argument("--json", type=Path, help="write every decision to this file")
    ap.add_argument("--show", choices=("missed", "marked"), help="print the missed pitches or marked wanted mail")
    args = ap.parse_args()
    rows = load(args.folder, args.fill)
    if not rows:
        print(f"no messages under {args.folder}/pitch or {args.folder}/wanted")
        return 2
    results = judge(pipeline(), rows)
    print(header(""))
    print(line("all", figures(results)))
    print("\nper language")
    groups = defaultdict(list)
    for r in results:
        groups[r["lang"]].append(r)
    for lang in sorted(groups):
        print(line(lang, figures(groups[lang])))
    sources = {r["writer"] for r in results}
    print(f"\n{len(results)} messages from {len(sources)} sources")
    by_id = {r.id: r for r in rows}
    if args.show:
        for r in results:
            if (args.show == "missed" and r["pitch"] and not r["marked"]) or \
                    (args.show == "marked" and not r["pitch"] and r["marked"]):
                row = by_id[r["id"]]
                print(f"\n--- {r['id']} score {r['score']:.1f} {r['action']}  [{row.shape}]\n{row.subject}\n"
                      f"{row.body[:400]}\n{r['signals'][:300]}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
