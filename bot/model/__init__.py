"""The learned model: logistic regression over words and header tokens, shipped as weights."""
from __future__ import annotations

import gzip
import json
import logging
import math
import re
from functools import lru_cache
from pathlib import Path

from urllib.parse import urlsplit

from bot.identity import org_domain
from bot.inbound import Inbound

log = logging.getLogger("nejtak.model")
WEIGHTS_FILE = Path(__file__).with_name("weights.json.gz")
_WORD = re.compile(r"[^\W\d_][\w'$€£%-]{1,24}|\$\d+|\d+%")
_MAX_TEXT = 20_000
_MAILER_WORD = re.compile(r"[a-z]{2,}")
_CHARSET = re.compile(r'charset="?([a-z0-9_-]+)')
_FOR = re.compile(r"for <?([^\s<>;]+@[^\s<>;]+)>?")
_IP = re.compile(r"[0-9.]+")
# Header names that say nothing about the sender (added by our own or the corpus's servers).
_LOCAL_HEADERS = ("received", "x-spam", "x-loop", "delivered-to", "return-path", "x-original",
                  "status", "x-status", "x-keywords", "x-uid", "x-eudora", "authentication-results")
# The model's own notion of free mail (a feature of the model, not the owner's config).
_FREEMAIL = frozenset({"hotmail.com", "yahoo.com", "msn.com", "aol.com", "excite.com", "netscape.net",
                       "lycos.com", "gmail.com", "mail.com", "juno.com", "earthlink.net", "usa.net",
                       "email.com", "yahoo.co.uk", "hotmail.co.uk", "mail.ru", "netzero.net",
                       "compuserve.com", "prodigy.net", "outlook.com", "gmx.net", "gmx.de", "web.de"})


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
    feats.update(_structure(msg))
    return feats


def _structure(msg: Inbound) -> set[str]:
    """Tokens for how the message was built and addressed, which spam tends to get wrong."""
    feats = {"hn:" + name for name in msg.headers if not name.startswith(_LOCAL_HEADERS)}
    feats.update("xm:" + w for w in _MAILER_WORD.findall((msg.header("x-mailer") or "").lower()))
    feats.update("cs:" + c for c in _CHARSET.findall((msg.header("content-type") or "").lower()))
    feats.add("ct:" + msg.content_type)
    own = org_domain(msg.sender_domain) if msg.sender_domain else ""
    if msg.date is None:
        feats.add("h:nodate")
    if msg.sender_domain in _FREEMAIL:
        feats.add("h:freemail")
    if "@" in msg.message_id and own:
        aligned = org_domain(msg.message_id.rsplit("@", 1)[1]) == own
        feats.add("h:mid_aligned" if aligned else "h:mid_misaligned")
    if msg.return_path and own:
        aligned = org_domain(msg.return_path.rsplit("@", 1)[-1]) == own
        feats.add("h:rp_aligned" if aligned else "h:rp_misaligned")
    delivered = {v.strip().lower() for v in msg.header_all("delivered-to") + msg.header_all("x-original-to")}
    for value in msg.header_all("received"):
        m = _FOR.search(value)
        if m:
            delivered.add(m.group(1).lower())
    if delivered:
        local = {a.split("@")[0] for a in delivered}
        hit = delivered.intersection(msg.recipients) or any(r.split("@")[0] in local for r in msg.recipients)
        feats.add("h:addressed" if hit else "h:not_addressed")
    n = len(msg.recipients)
    feats.add("h:nrcpt:" + ("0" if n == 0 else "1" if n == 1 else "few" if n < 5 else "many"))
    subject = msg.subject
    if subject.isupper() and len(subject) > 5:
        feats.add("h:subj_caps")
    feats.update(tok for ch, tok in (("!", "h:subj_bang"), ("$", "h:subj_dollar")) if ch in subject)
    hosts = []
    for url in msg.links[:100]:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            continue
        if host:
            hosts.append(host)
    if hosts:
        if any(_IP.fullmatch(h) for h in hosts):
            feats.add("h:ip_link")
        orgs = {org_domain(h) for h in hosts if not _IP.fullmatch(h)}
        feats.add("h:links_own" if own and own in orgs else "h:links_foreign")
        feats.add("h:link_orgs:" + ("1" if len(orgs) <= 1 else "few" if len(orgs) < 4 else "many"))
    elif msg.html:
        feats.add("h:html_nolinks")
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
