"""Fit the content signals' weights together with the text model (rspamd and SpamAssassin fit
their scores the same way), on out-of-fold text-model scores: for each writer the text model
was trained without that writer, so no weight is fitted to a score the model made on its own
training text.

    .venv/bin/python tools/fit_weights.py [--C 64] [--mark-fp 0.015] [--reply-fp 0.002]

Prints the weights as a [classifier.weights] block for config/defaults.toml. History signals
(known correspondents, repeats) keep their hand-set weights: they are rules, not content.
Needs scikit-learn (pip install -e '.[train]').
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import corpus  # noqa: E402
from train_text_model import DEFAULT_C, Vectors, all_examples, train  # noqa: E402

from nejtak.bot.config import parse  # noqa: E402
from nejtak.bot.model import text as text_model  # noqa: E402
from nejtak.bot.pipeline import Pipeline  # noqa: E402
from nejtak.bot.sender_history import SenderHistory  # noqa: E402

# Signals of who the sender is, or that set the scale: not fitted.
NOT_FITTED = {"LEARNED_TEXT", "LANGUAGE", "UNKNOWN_SENDER", "EARLIER_CONTACTS", "REPEAT_AFTER_REFUSAL",
              "KNOWN_CORRESPONDENT", "OWNER_THREAD", "OWN_ORGANISATION", "WANTED_SENDER", "HISTORY_WINS", "OWNER_LABEL_WINS", "REPEAT_WINS", "BULK_MARKERS"}
TEXT_CAP = 8.0  # log-odds of the text model at which LEARNED_TEXT carries its whole weight
# the thresholds the content weights were fitted at; auto_threshold ships at 8.5 since the text
# model learned real cold offers (config/defaults.toml), the fit was not run again
REQUIRED, AUTO = 5.0, 8.0


def out_of_fold(examples, vectors, C) -> list[float]:
    """Each corpus and dev-set example's text score from a model trained without its group."""
    scores = [0.0] * len(examples)
    groups = sorted({e.group for e in examples if e.group.startswith(("w", "devset"))})
    for g in groups:
        model = train(vectors, [i for i, e in enumerate(examples) if e.group != g], C)
        for i, e in enumerate(examples):
            if e.group == g:
                scores[i] = model.score(e.text).logit
        print(f"  fold {g} done", file=sys.stderr, flush=True)
    return scores


def content_hits(pipeline: Pipeline, rows) -> list[set[str]]:
    text_model.use(None)  # no text model: the other signals alone
    out = []
    for row in rows:
        verdict, _ = pipeline.judge(corpus.inbound(row), SenderHistory())
        out.append({h.name for h in verdict.hits} - NOT_FITTED)
    text_model._loaded.clear()
    return out


def main() -> int:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=DEFAULT_C)
    ap.add_argument("--mark-fp", type=float, default=0.015)
    ap.add_argument("--reply-fp", type=float, default=0.002)
    args = ap.parse_args()
    examples = all_examples()
    vectors = Vectors(examples)
    logits = out_of_fold(examples, vectors, args.C)
    by_id = {e.id: i for i, e in enumerate(examples)}
    rows = corpus.trainable(corpus.load())
    config = parse(f'[owner]\naddresses = ["{corpus.OWNER}"]\n', "fit.toml")
    hits = content_hits(Pipeline(config, store=None), rows)
    names = sorted(set().union(*hits))
    weights = parse("", "defaults").classifier.weights
    phrase = np.array([sum(weights.get(n, 0.0) for n in h) for h in hits])
    text = np.array([logits[by_id[r.id]] for r in rows])
    y = np.array([r.pitch for r in rows])
    best = None
    for beta in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5):
        z = text + beta * phrase
        wanted = np.sort(z[~y])[::-1]
        t_reply = wanted[int(args.reply_fp * len(wanted))] + 1e-6
        t_mark = min(wanted[int(args.mark_fp * len(wanted))] + 1e-6, t_reply - 0.5)
        recall = np.mean(z[y] >= t_reply)
        print(f"# phrases at {beta:.2f} per text log-odds: answered {recall:.1%}, marked "
              f"{np.mean(z[y] >= t_mark):.1%} (wanted {np.mean(z[~y] >= t_mark):.1%} / {np.mean(z[~y] >= t_reply):.2%})")
        if best is None or recall > best[0]:
            best = (recall, beta, t_mark, t_reply)
    _, beta, t_mark, t_reply = best
    slope = (AUTO - REQUIRED) / (t_reply - t_mark)  # score points per unit of text log-odds
    print(f"# chosen: phrases x{beta * slope:.2f}, text {slope:.2f} points per log-odds (full weight at {TEXT_CAP})")
    out = {n: round(weights[n] * beta * slope, 1) for n in names if n in weights}
    out["LEARNED_TEXT"] = round(slope * TEXT_CAP, 1)
    out["UNKNOWN_SENDER"] = round(AUTO - slope * t_reply, 1)
    out["EARLIER_CONTACTS"] = out["UNKNOWN_SENDER"]  # a stranger who wrote before: no more than one who did not
    for name in sorted(out):
        print(f"{name} = {out[name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
