"""The learned text model: words, word pairs, character n-grams of each word and the subject's
words on their own (a subject says what a mail wants in few words), hashed,
weighted by tf-idf and scored by logistic regression weights shipped with the package.

It reads a mail twice (`TwoViews`): once with the pieces of its words (character n-grams,
which carry a word's meaning across its forms and across languages, and also mistake
"graz" for "grazie"), once with whole words and word pairs only. The two views err on
different mail; their mean errs less than either (measured by leaving a round of writers out:
see `TwoViews`).

No training library at run time (numpy only gathers and sums per message); tools/train_text_model.py
trains it with the same `features` function, so training and use can never read a message differently."""
from __future__ import annotations

import gzip
import heapq
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("text_model.bin")  # not compressed: mapped, never unpacked
# 2^21 buckets since 2026-12-03 (2^18 before): with 45,000 mails in 11 languages, their words,
# pairs and pieces filled 2^18 buckets so that unrelated features shared one. Left a round of
# writers out (benchmarks/eval_writers.py --by round, rounds 1-16 and 18-23, 39,950 mails):
# recognised / wanted marked / answered / replies to wanted mail 93.8 / 1.6 / 86.2 / 121 at 2^18,
# 94.5 / 1.3 / 87.5 / 100 at 2^20, 94.7 / 1.3 / 88.2 / 92 at 2^21; better in every language at
# each step. 33.6 MB on disk, mapped: scoring reads the pages it needs, and the file loads in
# under a millisecond (the 2.7 MB gzip of 2^18 buckets took 47 ms to unpack).
DIM_BITS = 21
DIM = 1 << DIM_BITS
MAX_HEADER = 1 << 20  # bytes: a model's JSON header (its meta) is a few kB
MAX_CHARS = 1500  # of the text: a pitch makes its point early, and the rest costs time
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


_MASK = DIM - 1


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & _MASK


_FOREIGN = "x:foreign"


def _grams(word: str) -> list[str]:
    """The word itself and the character n-grams of " word ".

    A word not in the Latin script (the owners' languages) is one feature only: junk or a
    script the model never learned must not drown the text in random buckets."""
    if max(word) > "\u024f" and word not in ("€", "£"):
        return [_FOREIGN]
    padded = f" {word} "
    return ["w:" + word] + [padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)]


@lru_cache(maxsize=50_000)
def _word_buckets(word: str) -> tuple[int, ...]:
    """The buckets of a word's features (cached: words repeat, in a message and across mail)."""
    return tuple(_bucket(g) for g in _grams(word))


@lru_cache(maxsize=50_000)
def _pair_parts(word: str) -> tuple[int, bytes]:
    """What a word pair's bucket is made of: the CRC of "p:word" (as the first word), and
    " word" (as the second). crc32 runs on, so crc32(" b", crc32("p:a")) == crc32("p:a b")."""
    return zlib.crc32(f"p:{word}".encode("utf-8")), f" {word}".encode("utf-8")


def _pair(a: str, b: str) -> str:
    return f"p:{a} {b}"


def _word_bucket(word: str) -> int:
    """A word's own bucket ("w:word", or the one for a foreign script), without its pieces."""
    return _word_buckets(word)[0]


def _buckets(words: list[str], subject: list[str] = (), pieces: bool = True) -> list[int]:
    """Every feature's bucket in reading order: each word's (with its pieces unless `pieces` is
    False), each word pair's, each subject word's."""
    per_word, tail = _parts(words, subject)
    flat = list(chain.from_iterable(per_word)) if pieces else [own[0] for own in per_word]
    flat.extend(tail)
    return flat


def _pair_crcs(words: list[str]):
    """The CRC of each word pair's feature ("p:a b"), in reading order (unmasked)."""
    if len(words) < 2:
        return iter(())
    heads, tails = zip(*map(_pair_parts, words))
    return map(zlib.crc32, tails[1:], heads)


def _parts(words: list[str], subject: list[str] = ()) -> tuple[list[tuple[int, ...]], list[int]]:
    """What both views read of a text: each word's buckets (its own first, then its pieces'),
    and the buckets of the word pairs and the subject words, in reading order."""
    per_word = list(map(_word_buckets, words))
    tail = list(map(_MASK.__and__, _pair_crcs(words)))
    tail.extend(_bucket("s:" + w) for w in subject)
    return per_word, tail


def _counted(per_word: list[tuple[int, ...]], tail: list[int], pieces: bool) -> Counter:
    """Bucket -> count of a view's features, in the order first seen (as _buckets() lists them)."""
    counted = Counter(chain.from_iterable(per_word) if pieces else map(itemgetter(0), per_word))
    counted.update(tail)
    return counted


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The words of a judged text, and those of its first line (the subject; a chat has none).
    Measured by leave-one-round-out over 70 writers: recognised 88.8 -> 89.1 %, answered
    78.2 -> 78.7 %, replies to wanted mail 47 -> 45."""
    norm = normalise(text)
    return _WORD.findall(norm), _WORD.findall(norm.partition("\n")[0])


def features(text: str, pieces: bool = True) -> tuple[Counter, list[str]]:
    """Bucket -> count of a text's features, and its words (to name a bucket afterwards)."""
    words, subject = _tokens(text)
    return Counter(_buckets(words, subject, pieces)), words


def _names(words: list[str], buckets: set[int], subject: list[str] = (), pieces: bool = True,
           mask: int = _MASK) -> dict[int, str]:
    """A feature of the text behind each of these buckets (for the evidence only), among the
    features the model reads (whole words, pairs and subject words only, unless `pieces`);
    `mask` folds a feature's bucket into a smaller space (the owner layer's)."""
    return _names_each(words, [(buckets, pieces)], subject, mask)[0]


def _names_each(words: list[str], asked: list[tuple[set[int], bool]], subject: list[str] = (),
                mask: int = _MASK) -> list[dict[int, str]]:
    """_names() for several sets of buckets, each with its own `pieces`, in one pass over the text
    (each set named exactly as on its own)."""
    found: list[dict[int, str]] = [{} for _ in asked]
    wanted = sum(len(buckets) for buckets, _ in asked)  # names still to find
    for word in dict.fromkeys(words):
        if not wanted:
            break  # every bucket named: a later word would name none of them first
        own = _word_buckets(word)  # the buckets of _grams(word), in its order
        folded = own if mask == _MASK else [b & mask for b in own]  # own are masked already
        for (buckets, pieces), names in zip(asked, found):
            if not pieces:
                if folded[0] in buckets and folded[0] not in names:
                    names[folded[0]] = _grams(word)[0]
                    wanted -= 1
            elif not buckets.isdisjoint(folded):
                for gram, b in zip(_grams(word), folded):
                    if b in buckets and b not in names:
                        names[b] = gram
                        wanted -= 1
    short = [i for i, (buckets, _) in enumerate(asked) if len(found[i]) < len(buckets)]
    if short:
        for word in dict.fromkeys(subject):
            b = _bucket("s:" + word) & mask
            for i in short:
                if b in asked[i][0]:
                    found[i].setdefault(b, "s:" + word)
    short = [i for i in short if len(found[i]) < len(asked[i][0])]
    if short:
        for n, bucket in enumerate(_pair_crcs(words)):  # each pair's bucket as _parts() makes it
            bucket &= _MASK & mask
            for i in short:
                if bucket in asked[i][0] and bucket not in found[i]:
                    found[i][bucket] = _pair(words[n], words[n + 1])
    return found


@lru_cache(maxsize=None)
def _sublinear(count: int) -> float:
    """The tf weight of a feature seen `count` times (more than once)."""
    return 1.0 + math.log(count)


@dataclass
class Score:
    logit: float
    drivers: list[tuple[str, float]]  # the features that moved it most, with their share
    words: int = 0  # how much text the score rests on
    views: tuple[float, ...] = ()  # each view's own log-odds, when more than one view read it

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit))))


@dataclass
class Vector:
    """A text as the model reads it: bucket -> l2-normed tf-idf value, and the words behind it."""
    values: dict[int, float]
    words: list[str]
    subject: list[str] = field(default_factory=list)  # the words of its first line


def _top(parts: Iterable[tuple[float, int]], norm: float, logit: float, drivers: int) -> list[tuple[int, float]]:
    """(bucket, share) of the features that moved a logit most in its direction."""
    pick = heapq.nlargest if logit > 0 else heapq.nsmallest
    return [(b, p / norm) for p, b in pick(drivers, parts) if (p > 0) == (logit > 0) and p]


def _named(top: list[tuple[int, float]], names: dict[int, str]) -> list[tuple[str, float]]:
    return [(readable(names.get(b, "?")), p) for b, p in top]


def _candidates(parts, buckets, drivers: int, logit: float) -> list[tuple[float, int]]:
    """The (part, bucket) pairs that can be among the `drivers` largest (or smallest): all that
    reach the n-th value, ties included, so that choosing among them picks as among all."""
    if drivers <= 0 or not len(parts):
        return []
    if len(parts) > drivers:
        import numpy as np

        if logit > 0:
            keep = parts >= np.partition(parts, len(parts) - drivers)[len(parts) - drivers]
        else:
            keep = parts <= np.partition(parts, drivers - 1)[drivers - 1]
        parts, buckets = parts[keep], buckets[keep]
    return list(zip(parts.tolist(), buckets.tolist()))


class TextModel:
    """idf and weight per bucket, and a bias: score = w . l2(tf-idf) + bias."""

    def __init__(self, idf, weights, bias: float, meta: dict | None = None) -> None:
        """`idf` and `weights`: DIM float32 each (arrays, or buffers such as a mapped file's)."""
        import numpy as np  # here, not at the top: an idle daemon need not hold numpy

        # views of what was given, never copies: a shipped model's arrays are its mapped file
        self.idf = np.frombuffer(idf, dtype=np.float32)
        self.weights = np.frombuffer(weights, dtype=np.float32)
        if len(self.idf) != DIM or len(self.weights) != DIM:
            raise ValueError(f"a text model has {DIM} buckets, not {len(self.idf)}/{len(self.weights)}")
        self.bias, self.meta = bias, meta or {}
        self.pieces = bool(self.meta.get("pieces", True))  # False: whole words and pairs only

    def vector(self, text: str) -> Vector:
        """The text as the model reads it: sublinear tf times idf, l2-normed, per bucket."""
        words, subject = _tokens(text)
        counts = _counted(*_parts(words, subject), self.pieces)
        idf = dict(zip(counts, self.idf[list(counts)].tolist())) if counts else {}
        log = math.log
        raw = {}
        square = 0.0
        for b, c in counts.items():  # most counts are 1
            v = (1.0 if c == 1 else 1.0 + log(c)) * idf[b]
            if v:
                raw[b] = v
                square += v * v
        norm = math.sqrt(square) or 1.0
        return Vector({b: v / norm for b, v in raw.items()}, words, subject)

    def score(self, text: str, drivers: int = 4) -> Score:
        return self.score_words(*_tokens(text), drivers)

    def score_words(self, words: list[str], subject: list[str], drivers: int = 4) -> Score:
        """score() of a text already split into its words and its subject's words."""
        logit, top = self.unnamed(words, subject, drivers)
        names = _names(words, {b for b, _ in top}, subject, self.pieces) if top else {}
        return Score(logit, _named(top, names), len(words))

    def unnamed(self, words: list[str], subject: list[str], drivers: int = 4,
                parts: tuple[list[tuple[int, ...]], list[int]] | None = None) -> tuple[float, list[tuple[int, float]]]:
        """The log-odds of a split text, and its top drivers as (bucket, share), not yet named
        (naming costs a pass over the words: two views name theirs in one). `parts`: the text's
        _parts(), when another view has them already."""
        import numpy as np

        # the buckets in the order first seen, as features() counts them: the sums below run
        # in that order one by one (cumsum), as a plain loop would, so a score never changes
        counted = _counted(*(parts or _parts(words, subject)), self.pieces)
        buckets = np.fromiter(counted.keys(), dtype=np.intp, count=len(counted))
        counts = np.fromiter(counted.values(), dtype=np.intp, count=len(counted))
        tf = np.ones(len(counts))
        again = np.flatnonzero(counts != 1)  # sublinear tf: most counts are 1
        if len(again):
            tf[again] = list(map(_sublinear, counts[again].tolist()))
        # idf and weight gathered as float32 and multiplied in float64
        idf = self.idf[buckets].astype(np.float64)
        parts = tf * (idf * self.weights[buckets].astype(np.float64))
        total = float(np.cumsum(parts)[-1]) if len(parts) else 0.0
        square = float(np.cumsum(tf * tf * (idf * idf))[-1]) if len(parts) else 0.0
        norm = math.sqrt(square) or 1.0
        logit = total / norm + self.bias
        return logit, _top(_candidates(parts, buckets, drivers, logit), norm, logit, drivers)

    def packed(self, **header) -> bytes:
        """The model as stored: a JSON header (its meta, bias, bucket count, and `header`),
        then idf and weights as float32."""
        meta = json.dumps({**self.meta, **header, "bias": self.bias, "dim": DIM}).encode()
        meta += b" " * (-len(meta) % 4)  # the arrays after it start on a 4-byte boundary
        return len(meta).to_bytes(4, "big") + meta + self.idf.tobytes() + self.weights.tobytes()

    def save(self, path: Path) -> None:
        _write(path, self.packed())

    @classmethod
    def unpacked(cls, data) -> tuple[TextModel, memoryview]:
        """The model at the start of data (bytes or a buffer: its arrays are views of it, not
        copies), and what follows it."""
        data = memoryview(data)
        size = int.from_bytes(data[:4], "big")
        try:
            if size > MAX_HEADER:  # no header is this long: the file is damaged, not a model
                raise ValueError(f"a header of {size} bytes")
            meta = json.loads(bytes(data[4:4 + size]))
            bias = float(meta.pop("bias"))
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
            raise ValueError(f"a damaged text model: its header cannot be read ({e})") from None
        if meta.get("dim", DIM) != DIM:
            raise ValueError(f"a text model of {meta['dim']} buckets, not {DIM}")
        body = data[4 + size:]
        if len(body) < DIM * 8:
            raise ValueError(f"a damaged text model: {len(body)} bytes of weights, not {DIM * 8}")
        return cls(body[:DIM * 4], body[DIM * 4:DIM * 8], bias, meta), body[DIM * 8:]


class TwoViews:
    """The text read with the pieces of its words and with whole words only; the log-odds are
    the views' mean (LEARNED_TEXT caps each view's say alone, then averages them). Left a round
    of writers out at a time (benchmarks/eval_writers.py, 158 writers, rounds 1-16,
    auto_threshold 8.5), the views alone and together:

    | | recognised | wanted marked | answered | replies to wanted |
    | pieces | 93.3 % | 1.58 % | 85.4 % | 76 |
    | words | 94.1 % | 1.83 % | 85.8 % | 95 |
    | both | 93.7 % | 1.23 % | 85.6 % | 52 |
    """

    def __init__(self, pieces: TextModel, words: TextModel) -> None:
        if not pieces.pieces or words.pieces:
            raise ValueError("two views are a model of word pieces and one of whole words, in that order")
        self.views = (pieces, words)
        self.meta = pieces.meta

    def vector(self, text: str) -> Vector:
        """The text as the word-pieces view reads it (what the owner's layer learns on)."""
        return self.views[0].vector(text)

    def score(self, text: str, drivers: int = 4) -> Score:
        words, subject = _tokens(text)
        parts = _parts(words, subject)  # both views read the same words, pairs and subject
        scored = [view.unnamed(words, subject, drivers, parts) for view in self.views]
        # one pass over the words names both views' drivers, each among its own view's features
        named = _names_each(words, [({b for b, _ in top}, view.pieces) for view, (_, top) in zip(self.views, scored)],
                            subject)
        logit = sum(view_logit for view_logit, _ in scored) / len(scored)
        shares: dict[str, float] = {}
        for (_, top), names in zip(scored, named):
            for name, share in _named(top, names):
                shares[name] = shares.get(name, 0.0) + share / len(scored)
        toward = [(n, p) for n, p in shares.items() if (p > 0) == (logit > 0) and p]
        top = sorted(toward, key=lambda named: -abs(named[1]))[:drivers]
        return Score(logit, top, len(words), tuple(view_logit for view_logit, _ in scored))

    def save(self, path: Path) -> None:
        # the first header counts the views: a file cut just after the first is not a model
        _write(path, self.views[0].packed(views=len(self.views)) + self.views[1].packed())


def _write(path: Path, packed: bytes) -> None:
    """The packed model to path: gzip-compressed when its name ends in .gz (a copy to pass
    around), else as it is (the shipped file, mapped when loaded)."""
    import os
    import tempfile

    # written beside it and renamed over it: a process that has the old file mapped keeps
    # reading the old file (rewriting it in place would pull the pages from under it)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as raw:
            if path.suffix == ".gz":
                with gzip.open(raw, "wb", compresslevel=9) as f:
                    f.write(packed)
            else:
                raw.write(packed)
            raw.flush()
            os.fsync(raw.fileno())  # on disk before the rename: a crash leaves the old file or the new, whole
        os.chmod(temporary, 0o644)  # package data, read by whoever runs nejtak (mkstemp made it 0600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read(path: Path):
    """The packed model(s) in path: a .gz file unpacked into memory, any other mapped (pages
    are read as scoring touches them: no unpacking at start, and processes share them)."""
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as f:
            return f.read()
    import mmap

    with open(path, "rb") as f:
        try:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # a file system that cannot map (or an empty file)
            return f.read()


def load(path: Path) -> TextModel | TwoViews:
    """The model(s) in a file: one view, or the two views of a shipped model."""
    data, views = memoryview(_read(path)), []
    while len(data):
        view, data = TextModel.unpacked(data)
        views.append(view)
    if len(views) not in (1, 2) or len(views) != views[0].meta.pop("views", len(views)):
        raise ValueError(f"a damaged text model: {path} holds {len(views)} views, not the one or two written")
    return views[0] if len(views) == 1 else TwoViews(*views)


def readable(feature: str) -> str:
    """A feature as a person reads it: a word, a word pair, or a piece of a word."""
    if feature.startswith(("w:", "p:")):
        return feature[2:]
    if feature.startswith("s:"):
        return f"{feature[2:]} (subject)"
    return feature.strip() and f"…{feature.strip()}…"


_loaded: list[TextModel | TwoViews | None] = []
_why_not: list[str] = []  # why the shipped model could not be loaded


def shipped() -> TextModel | TwoViews | None:
    """The model shipped with nejtak (loaded once), or None when it is missing or damaged (then
    mail is judged without it, and the log says so once)."""
    if not _loaded:
        model = None
        if MODEL_FILE.is_file():
            try:
                model = load(MODEL_FILE)
            except (OSError, ValueError) as e:
                import logging

                _why_not[:] = [f"the text model {MODEL_FILE} cannot be read ({e})"]
                logging.getLogger("nejtak.model").error("%s: mail is judged without it; reinstall nejtak",
                                                        _why_not[0])
        else:
            _why_not[:] = [f"the text model {MODEL_FILE} is missing"]
        _loaded.append(model)
    return _loaded[0]


def problem() -> str | None:
    """Why there is no text model to judge and learn with (None when there is one)."""
    if shipped() is not None:
        return None
    return _why_not[0] if _why_not else "no text model is in use"


def use(model: TextModel | TwoViews | None) -> None:
    """Put another model in place of the shipped one (evaluation trains its own per fold)."""
    _loaded[:] = [model]
    _why_not.clear()
