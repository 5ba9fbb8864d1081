"""The learned text model: words, word pairs and character n-grams of each word, hashed,
weighted by tf-idf and scored by logistic regression weights shipped with the package.

Pure Python at run time (no training library); tools/train_text_model.py trains it with the
same `features` function, so training and use can never read a message differently."""
from __future__ import annotations

import gzip
import json
import math
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("text_model.bin.gz")
DIM_BITS = 18
DIM = 1 << DIM_BITS
MAX_CHARS = 4000  # of the text: a pitch makes its point early
CHAR_SIZES = (3, 4, 5)

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[€$£%]")


def normalise(text: str) -> str:
    """Lower-case, without links and addresses (how a mail links is the header signals' part;
    list mail full of addresses taught a bare address to mean "wanted"), numbers made alike."""
    text = _URL.sub(" ", text[:MAX_CHARS])
    text = _EMAIL.sub(" ", text)
    return _DIGITS.sub("0", text.lower())


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIM - 1)


_FOREIGN = ((_bucket("x:foreign"), "x:foreign"),)


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[tuple[int, str], ...]:
    """The word itself and the character n-grams of " word " (cached: words repeat).

    A word not in the Latin script (the owners' languages) is one feature only: junk or a
    script the model never learned must not drown the text in random buckets."""
    if max(word) > "\u024f" and word not in ("€", "£"):
        return _FOREIGN
    padded = f" {word} "
    grams = [("w:" + word)] + [padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)]
    return tuple((_bucket(g), g) for g in grams)


def features(text: str) -> tuple[Counter, dict[int, str]]:
    """Bucket -> count, and bucket -> a feature that fell into it (for the evidence)."""
    words = _WORD.findall(normalise(text))
    counts: Counter = Counter()
    names: dict[int, str] = {}
    for word in words:
        for bucket, gram in _word_features(word):
            counts[bucket] += 1
            names.setdefault(bucket, gram)
    for pair in zip(words, words[1:]):
        gram = f"p:{pair[0]} {pair[1]}"
        bucket = _bucket(gram)
        counts[bucket] += 1
        names.setdefault(bucket, gram)
    return counts, names


@dataclass
class Score:
    logit: float
    drivers: list[tuple[str, float]]  # the features that moved it most, with their share

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit))))


class TextModel:
    """idf and weight per bucket, and a bias: score = w . l2(tf-idf) + bias."""

    def __init__(self, idf: array, weights: array, bias: float, meta: dict | None = None) -> None:
        if len(idf) != DIM or len(weights) != DIM:
            raise ValueError(f"a text model has {DIM} buckets, not {len(idf)}/{len(weights)}")
        self.idf, self.weights, self.bias, self.meta = idf, weights, bias, meta or {}

    def score(self, text: str, drivers: int = 4) -> Score:
        counts, names = features(text)
        idf, weights = self.idf, self.weights
        values = {b: (1.0 + math.log(c)) * idf[b] for b, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        parts = {b: v * weights[b] / norm for b, v in values.items()}
        logit = sum(parts.values()) + self.bias
        top = sorted(parts, key=lambda b: -abs(parts[b]) if (parts[b] > 0) == (logit > 0) else 0)[:drivers]
        return Score(logit, [(readable(names[b]), parts[b]) for b in top if (parts[b] > 0) == (logit > 0)])

    def save(self, path: Path) -> None:
        meta = json.dumps({**self.meta, "bias": self.bias, "dim": DIM}).encode()
        with gzip.open(path, "wb", compresslevel=9) as f:
            f.write(len(meta).to_bytes(4, "big") + meta + self.idf.tobytes() + self.weights.tobytes())

    @classmethod
    def load(cls, path: Path) -> TextModel:
        with gzip.open(path, "rb") as f:
            data = f.read()
        size = int.from_bytes(data[:4], "big")
        meta = json.loads(data[4:4 + size])
        idf, weights = array("f"), array("f")
        body = data[4 + size:]
        idf.frombytes(body[:DIM * 4])
        weights.frombytes(body[DIM * 4:DIM * 8])
        return cls(idf, weights, float(meta.pop("bias")), meta)


def readable(feature: str) -> str:
    """A feature as a person reads it: a word, a word pair, or a piece of a word."""
    if feature.startswith(("w:", "p:")):
        return feature[2:]
    return feature.strip() and f"…{feature.strip()}…"


_loaded: list[TextModel | None] = []


def shipped() -> TextModel | None:
    """The model shipped with nejtak (loaded once), or None when it is missing."""
    if not _loaded:
        _loaded.append(TextModel.load(MODEL_FILE) if MODEL_FILE.is_file() else None)
    return _loaded[0]


def use(model: TextModel | None) -> None:
    """Put another model in place of the shipped one (evaluation trains its own per fold)."""
    _loaded[:] = [model]
