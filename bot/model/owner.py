"""The owner's layer over the shipped text model: what the owner's labels taught, as a weight
per bucket added to the shipped weights. Pure Python, updated one label at a time.

Each label adds one delta: a passive-aggressive step (Crammer et al., 2006), just large enough
to put that message MARGIN log-odds on its label's side, and never more than STEP_CAP, so one
mistaken tap moves the owner layer a bounded amount. The delta is kept with the label: taking
the label back subtracts exactly what it added."""
from __future__ import annotations

import heapq
from array import array
from dataclasses import dataclass
from datetime import datetime

from nejtak.bot.model.text import Vector

MARGIN = 4.0  # log-odds on its label's side that a labelled message is taught to reach
STEP_CAP = 6.0  # the most one label can move the log-odds of the very message it labels
KEEP_BUCKETS = 400  # a label teaches through the text's strongest features only (small rows)
INDEX_BUCKETS = 40  # per label, the buckets by which it is found as "similar" to a new text
SIGN = {"pitch": 1.0, "wanted": -1.0}
# The layer's own bucket space, smaller than the shipped model's (bot/model/text.py DIM_BITS): a
# text's buckets are folded into it (the low bits of the same hash), so labels taught when the
# shipped model had 2^18 buckets keep meaning the same features after it grew to 2^21.
BITS = 18
MASK = (1 << BITS) - 1


def pack(delta: dict[int, float]) -> bytes:
    buckets = array("i", delta.keys())
    weights = array("f", delta.values())
    return len(delta).to_bytes(4, "little") + buckets.tobytes() + weights.tobytes()


def unpack(data: bytes) -> dict[int, float]:
    n = int.from_bytes(data[:4], "little")
    buckets, weights = array("i"), array("f")
    buckets.frombytes(data[4:4 + 4 * n])
    weights.frombytes(data[4 + 4 * n:4 + 8 * n])
    return dict(zip(buckets, weights))


def fold(vector: Vector) -> Vector:
    """A text as the shipped model reads it, in the layer's bucket space."""
    values: dict[int, float] = {}
    for b, v in vector.values.items():
        values[b & MASK] = values.get(b & MASK, 0.0) + v
    return Vector(values, vector.words, vector.subject)


def step(vector: Vector, label: str, logit: float) -> dict[int, float]:
    """The delta that teaches this text its label, given the log-odds it has now."""
    y = SIGN[label]
    kept = dict(heapq.nlargest(KEEP_BUCKETS, vector.values.items(), key=lambda kv: kv[1]))
    square = sum(v * v for v in kept.values())
    if not square:
        return {}
    tau = min(STEP_CAP, max(0.0, MARGIN - y * logit)) / square
    if not tau:
        # already past the margin: the label moves nothing, but it is still the owner's word on
        # such mail, so its strongest buckets are kept (at weight 0) to find it as "similar"
        return {b: 0.0 for b, _ in heapq.nlargest(INDEX_BUCKETS, kept.items(), key=lambda kv: kv[1])}
    return {b: y * tau * v for b, v in kept.items()}


@dataclass(frozen=True)
class Taught:
    """One active label as the layer holds it."""
    id: int
    label: str
    created_at: datetime


class OwnerLayer:
    """bucket -> weight, the sum of the active labels' deltas, with an index to name the
    labels that speak for a new text."""

    def __init__(self) -> None:
        self.weights: dict[int, float] = {}
        self.labels: dict[int, Taught] = {}
        self._index: dict[int, set[int]] = {}  # bucket -> ids of labels strong in it

    def __len__(self) -> int:
        return len(self.labels)

    def add(self, taught: Taught, delta: dict[int, float]) -> None:
        self._apply(delta, 1.0)
        self.labels[taught.id] = taught
        for b, _ in heapq.nlargest(INDEX_BUCKETS, delta.items(), key=lambda kv: abs(kv[1])):
            self._index.setdefault(b, set()).add(taught.id)

    def remove(self, label_id: int, delta: dict[int, float]) -> None:
        if self.labels.pop(label_id, None) is None:
            return
        self._apply(delta, -1.0)
        for b in delta:
            ids = self._index.get(b)
            if ids is not None:
                ids.discard(label_id)
                if not ids:
                    del self._index[b]

    def _apply(self, delta: dict[int, float], sign: float) -> None:
        w = self.weights
        for b, v in delta.items():
            new = w.get(b, 0.0) + sign * v
            if abs(new) < 1e-6:
                w.pop(b, None)
            else:
                w[b] = new

    def logit(self, vector: Vector) -> float:
        w = self.weights
        return sum(v * w[b] for b, v in vector.values.items() if b in w)

    def speaking(self, vector: Vector, toward: str, top: int = 8) -> tuple[list[Taught], list[int]]:
        """The labels of `toward` that share the text's strongest owner-layer buckets, and
        those buckets (most telling first)."""
        w, y = self.weights, SIGN[toward]
        parts = [(v * w[b] * y, b) for b, v in vector.values.items() if b in w]
        buckets = [b for p, b in heapq.nlargest(top, parts) if p > 0]
        ids = set().union(*(self._index.get(b, set()) for b in buckets)) if buckets else set()
        found = [self.labels[i] for i in ids if i in self.labels and self.labels[i].label == toward]
        return sorted(found, key=lambda t: t.created_at), buckets
