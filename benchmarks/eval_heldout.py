"""The figures nejtak reports: classifier quality on data it was neither trained nor tuned on.

What was used for what (see tools/train_text_model.py, tools/fit_weights.py, config/defaults.toml):
  trained on (text model)     the writers' corpus tests/data/corpus (102 writers), tests/data/devset
                              and devset2, spamassassin/easy_ham, the even half of hard_ham, the
                              cold offers to businesses in spamassassin/spam and the even half of
                              spam_2 (tests/data/spamassassin), and the even lines of the SMS ham
                              (less any text also in the odd lines)
  tuned on (weights)          the writers' corpus: out-of-fold scores (tools/fit_weights.py) and
                              leave one writer out (the scale); phrase lists earlier on the dev sets
  reported here (held out)    the odd half of spamassassin/spam_2, and apart its cold offers to
                              businesses (tests/data/spamassassin/spam_2_odd_labels.tsv, labelled
                              as the training half was) less copies of a trained offer (half
                              their five-word runs shared), easy_ham_2, the odd half of
                              hard_ham; odd SMS lines; tests/data/holdout (written apart, never
                              used for tuning); (easy_ham_2 and the odd half of hard_ham are no
                              longer clean: LIST_DISCUSSION and the weight of the business mail in
                              training were chosen after seeing them marked)
                              the writers themselves: benchmarks/eval_writers.py (leave one out)

Usage: python benchmarks/eval_heldout.py [--json]
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from nejtak.bot.config import load  # noqa: E402
from nejtak.bot.evaluate import evaluate_paths, format_report  # noqa: E402
from nejtak.bot.mail.reader import read_message  # noqa: E402
from nejtak.bot.signals.base import judged_text  # noqa: E402
from nejtak.bot.triage import with_overrides  # noqa: E402
from corpus import as_the_owners  # noqa: E402
from train_text_model import cold_offer_examples, cold_offers, half, offer_part  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ODD_LABELS = ROOT / "tests" / "data" / "spamassassin" / "spam_2_odd_labels.tsv"
OWNER = ["anna@holm.example", "anna.holm@holm.example"]


def _offer_text(path: Path) -> str:
    """An offer as training reads it: its judged text without the bulk mailer's footer."""
    return offer_part(judged_text(read_message(path.read_bytes(), path.name), []))


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The body's runs of five words (the subject left out: a campaign tags it anew each time)."""
    words = re.findall(r"\w+", text.partition("\n")[2].lower())
    return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}


def _copy_of_any(text: str, trained: list[set]) -> bool:
    """The same campaign sent again: half or more of its five-word runs shared with a trained offer."""
    mine = _shingles(text)
    return not mine or any(len(mine & other) >= 0.5 * len(mine | other) for other in trained)


def owner_addressed(tmp: Path, root: Path) -> tuple[Path, int]:
    """The held-out wanted SpamAssassin mail, each message rewritten by as_the_owners, and how
    many could not be (no single From)."""
    out, left = tmp / "owner_addressed", 0
    for name in ("easy_ham_2", "hard_ham_odd"):
        folder = out / name
        folder.mkdir(parents=True)
        for f in sorted((root / name).iterdir()):
            raw = as_the_owners(f.read_bytes(), f.name, OWNER[0], "mx.holm.example")
            if raw is None:
                left += 1
            else:
                (folder / f.name).write_bytes(raw)
    return out, left


def held_out_corpus(tmp: Path) -> tuple[Path, Path, Path]:
    """Links to the held-out spamassassin files, a file of the held-out SMS lines, and links
    to the held-out cold offers (apart: they are also in spam_2's odd half, and counted once
    in the summary there)."""
    sa = CORPUS / "spamassassin"
    root = tmp / "spamassassin_heldout"
    odd = half(list((sa / "spam_2").iterdir()), even=False)  # the even half is trained on
    labelled = set(cold_offers(ODD_LABELS))
    trained = [_shingles(e.text) for e in cold_offer_examples()]
    offers = {f.name for f in odd if f.name in labelled and not _copy_of_any(_offer_text(f), trained)}
    for name, files in (
        ("spam_2_odd", odd),
        ("easy_ham_2", sorted((sa / "easy_ham_2").iterdir())),
        ("hard_ham_odd", half(list((sa / "hard_ham").iterdir()), even=False)),
    ):
        folder = root / name
        folder.mkdir(parents=True)
        for f in files:
            (folder / f.name).symlink_to(f)
    lines = (CORPUS / "sms" / "SMSSpamCollection").read_text(encoding="utf-8", errors="replace").splitlines()
    sms = tmp / "sms_heldout"
    sms.write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    cold = tmp / "cold_offers_heldout" / "spam_2_odd_cold_offers"
    cold.mkdir(parents=True)
    for f in odd:
        if f.name in offers:
            (cold / f.name).symlink_to(f)
    return root, sms, cold.parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sa, sms, cold = held_out_corpus(Path(tmp))
        corpus_config = with_overrides(load(None), [], [], "auto")
        report = evaluate_paths(corpus_config, [str(sa), str(sms)])
        offers = evaluate_paths(corpus_config, [str(cold)])["folders"]
        owner_config = with_overrides(load(None), OWNER, ["mx.holm.example"], "auto")
        report["devsets"] = evaluate_paths(owner_config, [str(ROOT / "tests" / "data" / "holdout")])["devsets"]
        folder, left = owner_addressed(Path(tmp), sa)
        addressed = evaluate_paths(owner_config, [str(folder)])["folders"]
    if "--json" in sys.argv:
        print(json.dumps({**report, "cold_offers": offers, "owner_addressed": addressed,
                          "owner_addressed_left_out": left}, indent=2))
        return
    print(format_report(report))
    if left:
        print(f"\n{left} wanted message(s) not judged as the owner's: no single From")
    for f in addressed:  # the same wanted mail as if sent to the owner by an authenticated sender
        print(f"\n{f['folder']} addressed to the owner, DMARC passing: {f['marked_unsolicited']} marked, "
              f"{f['replies']} replies, {f['drafts']} drafts of {f['messages']}")
    for f in offers:  # the real cold offers among spam_2's odd half, not copies of trained ones
        print(f"\n{f['folder']}: {f['marked_unsolicited']} of {f['messages']} recognised ({100 * f['rate']:.1f} %)")


if __name__ == "__main__":
    main()
