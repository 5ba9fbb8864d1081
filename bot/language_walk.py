"""py3langid's identifier with its byte-by-byte DFA walk done by numpy, a whole text at once.

py3langid counts a text's byte n-grams by walking an Aho-Corasick automaton one byte at a time
in Python (a fifth of nejtak's time per message). Such an automaton's state after a byte is the
longest suffix of the text so far that is a prefix of some n-gram: it depends on the last DEPTH
bytes only (DEPTH = its deepest state, the longest n-gram). So the state at every position is
the walk from the start state over the DEPTH bytes that end there, DEPTH gathers over the whole
text, and the counts (in order of first sight, as py3langid's Counter holds them) and the score
come out the same. tests/test_language.py checks DEPTH against the shipped model."""
from __future__ import annotations

import numpy as np
from py3langid import langid

DEPTH = 6  # bytes: the deepest state of the shipped model's automaton


class WalkingIdentifier(langid.LanguageIdentifier):
    __slots__ = ("_moves", "_rows", "_emits")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._moves = np.asarray(self.tk_nextmove)  # a view, in the table's own item size
        self._rows = np.asarray(self.tk_row, dtype=np.int64) << 8
        self._emits = np.asarray(self.tk_output, dtype=np.int64)

    def states(self, text: bytes) -> np.ndarray:
        """The automaton's state after each byte of the text."""
        data = np.frombuffer(text, dtype=np.uint8)
        n = len(data)
        state = np.zeros(n, dtype=np.int64)
        for back in range(min(DEPTH, n) - 1, -1, -1):  # the byte `back` before each position, oldest first
            state[back:] = self._moves[self._rows[state[back:]] + data[:n - back]]
        return state

    def _raw_score(self, text):
        features = self._emits[self.states(text)]
        features = features[features >= 0]
        if not len(features):
            return super()._raw_score(text)
        found, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return np.log1p(counts[order].astype(np.float32)) @ self.nb_ptc[found[order]] + self.nb_pc
