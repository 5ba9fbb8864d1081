"""Train the learned model (bot/model/weights.json.gz) on the TRAINING split of the public corpora.

The split is fixed and documented, so that every figure nejtak reports is measured on mail the
model never saw:

  training : spamassassin/spam, spamassassin/easy_ham, the even-numbered half of
             spamassassin/hard_ham (by sorted file name), the even-numbered lines of the SMS
             collection
  held out : spamassassin/spam_2, spamassassin/easy_ham_2, the odd-numbered half of hard_ham,
             the odd-numbered lines of the SMS collection (what `benchmarks/eval_heldout.py`
             and the closing notes report on)

Needs scikit-learn (pip install -e '.[train]'); nejtak itself only reads the weights.
Usage: python tools/train_model.py [--corpus ../shared/corpus] [--out bot/model/weights.json.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.inbound import Inbound  # noqa: E402
from bot.mail.reader import read_message  # noqa: E402
from bot.model import tokens  # noqa: E402


def half(files: list[Path], even: bool) -> list[Path]:
    return [f for i, f in enumerate(sorted(files)) if (i % 2 == 0) == even]


def mail(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def sms(path: Path, even: bool) -> list[tuple[Inbound, int]]:
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        label, _, text = line.partition("\t")
        if label in ("ham", "spam") and (i % 2 == 0) == even:
            out.append((Inbound(channel="sms", source=f"sms#{i + 1}", message_id="", sender="", text=text),
                        int(label == "spam")))
    return out


def training_set(corpus: Path) -> list[tuple[Inbound, int, float]]:
    """(message, label, sample weight): wanted commercial mail (hard_ham) weighs more, because
    that is where a content model errs, and a wrong refusal costs more than a missed pitch."""
    sa = corpus / "spamassassin"
    items: list[tuple[Path, int, float]] = [(p, 1, 3.0) for p in mail(sa / "spam")]
    items += [(p, 0, 1.0) for p in mail(sa / "easy_ham")]
    items += [(p, 0, 5.0) for p in half(mail(sa / "hard_ham"), even=True)]
    out = [(read_message(p.read_bytes(), str(p)), y, w) for p, y, w in items]
    return out + [(m, y, 3.0 if y else 1.0) for m, y in sms(corpus / "sms" / "SMSSpamCollection", even=True)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--out", default=str(ROOT / "bot" / "model" / "weights.json.gz"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    t0 = time.time()
    data = training_set(Path(args.corpus))
    feats = [dict.fromkeys(tokens(m), 1) for m, _, _ in data]
    labels = [y for _, y, _ in data]
    sample_weight = [w for _, _, w in data]
    counts: dict[str, int] = {}
    for f in feats:
        for t in f:
            counts[t] = counts.get(t, 0) + 1
    keep = {t for t, c in counts.items() if c >= args.min_count}
    feats = [{t: 1 for t in f if t in keep} for f in feats]
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    print(f"{len(data)} training messages ({sum(labels)} unsolicited), {X.shape[1]} features, "
          f"read in {time.time() - t0:.1f}s")
    clf = LogisticRegression(C=args.C, max_iter=3000)
    scores = cross_val_score(clf, X, labels, cv=5, scoring="f1", params={"sample_weight": sample_weight})
    print(f"5-fold F1 on the training split: {scores.mean():.4f} (+- {scores.std():.4f})")
    clf.fit(X, labels, sample_weight=sample_weight)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 0.01}
    meta = {
        "trained_on": "spamassassin spam + easy_ham + even half of hard_ham; even lines of SMSSpamCollection",
        "held_out": "spamassassin spam_2 + easy_ham_2 + odd half of hard_ham; odd lines of SMSSpamCollection",
        "messages": len(data),
        "C": args.C,
        "min_count": args.min_count,
    }
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump({"bias": round(float(clf.intercept_[0]), 4), "weights": weights, "meta": meta}, fh,
                  sort_keys=True)
    print(f"wrote {len(weights)} weights to {args.out} in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
