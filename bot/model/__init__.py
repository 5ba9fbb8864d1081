"""The learned model: logistic regression over words and header tokens, shipped as weights."""
from __future__ import annotations

import gzip
import json
import logging
import math
import re
from functools import lru_cache
from pathlib import Path

from bot.inbound import Inbound

log = logging.getLogger("nejtak.model")
WEIGHTS_FILE = Path(__file__).with_name("weights.json.gz")
_WORD = re.compile(r"[^\W\d_][\w'$€£%-]{1,24}|\$\d+|\d+%")
_MAX_TEXT = 20_000


def tokens(msg: Inbound) -> set[str]:
    """The features of a message: body words, subject words, and a few header facts."""
    feats = {w.lower() for w in _WORD.findall(msg.text[:_MAX_TEXT])}
    feats.update("s:" + w.lower() for w in _WORD.findall(msg.subject))
    if msg.html:
        feats.add("h:html")
    if msg.images:
        feats.add("h:images")
    if len(msg.links) > 3:
        feats.add("h:many_links")
    if msg.attachments:
        feats.add("h:attachment")
    if msg.quoted:
        feats.add("h:quotes")
    if msg.in_reply_to or msg.references:
        feats.add("h:threaded")
    if msg.sender_name:
        feats.add("h:named")
    mailer = (msg.header("x-mailer") or msg.header("user-agent") or "").split()
    if mailer:
        feats.add("h:mailer:" + re.sub(r"[^a-z]", "", mailer[0].lower())[:20])
    if msg.sender_domain:
        feats.add("h:tld:" + msg.sender_domain.rsplit(".", 1)[-1])
    return feats


class Model:
    """p(unsolicited) = sigmoid(bias + sum of the weights of the tokens present)."""

    def __init__(self, weights: dict[str, float], bias: float, meta: dict) -> None:
        self.weights = weights
        self.bias = bias
        self.meta = meta

    def probability(self, msg: Inbound) -> float:
        z = self.bias + sum(self.weights.get(t, 0.0) for t in tokens(msg))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> "Model | None":
        if not path.is_file():
            log.warning("no learned model at %s: the LEARNED_* signals are off", path)
            return None
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(data["weights"], data["bias"], data.get("meta", {}))


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    return Model.load()
