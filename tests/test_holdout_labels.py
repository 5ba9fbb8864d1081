"""Consistency checks for the HELD-OUT set in tests/data/holdout (see its README.md).

The held-out set is only for reporting figures; nothing is tuned on it. These tests check that its
labels and files agree, not how nejtak scores it.
"""
from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import re
import tomllib
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

HOLDOUT = Path(__file__).parent / "data" / "holdout"
INBOX = HOLDOUT / "inbox"
SENT = HOLDOUT / "sent"
LANGS = {"en", "da", "sv", "nb", "de", "pl"}
RULES = ["return_path", "auto_submitted", "mailing_list", "system_sender", "recipient", "report",
         "authentication", "already_answered", "known_correspondent"]
KEYS = {"unsolicited": bool, "language": str, "reply_allowed": bool, "blocked_by": str, "repeat": int,
        "kind": str}
OWNER = {"anna@holm.example", "anna.holm@holm.example"}
OWNER_DOMAIN = "holm.example"
AUTHSERV_ID = "mx.holm.example"
REQUIRED = ["Received", "Authentication-Results", "From", "To", "Subject", "Date", "Message-ID"]
NAME_RE = re.compile(r"^\d{3}-[a-z0-9-]+-(en|da|sv|nb|de|pl)\.eml$")


def _parse(path: Path) -> email.message.EmailMessage:
    with path.open("rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)


@pytest.fixture(scope="module")
def labels() -> dict:
    with (HOLDOUT / "labels.toml").open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def inbox() -> dict[str, email.message.EmailMessage]:
    return {p.name: _parse(p) for p in sorted(INBOX.glob("*.eml"))}


@pytest.fixture(scope="module")
def sent() -> dict[str, email.message.EmailMessage]:
    return {p.name: _parse(p) for p in sorted(SENT.glob("*.eml"))}


@pytest.fixture(scope="module")
def sent_ids(sent) -> set[str]:
    ids = set()
    for name, m in sent.items():
        mid = m["Message-ID"]
        assert mid, f"sent/{name} has no Message-ID"
        ids.add(str(mid).strip())
    return ids


def test_readme_says_held_out():
    text = (HOLDOUT / "README.md").read_text(encoding="utf-8").lower()
    assert "held out" in text or "held-out" in text
    assert "tuning" in text


def test_files_and_labels_match(labels, inbox):
    assert len(inbox) >= 60
    assert set(labels) == set(inbox), (sorted(set(inbox) - set(labels)), sorted(set(labels) - set(inbox)))
    for name, lb in labels.items():
        assert NAME_RE.match(name), name
        assert name.rsplit("-", 1)[1] == lb["language"] + ".eml", (name, lb["language"])


def test_label_values(labels):
    for name, lb in labels.items():
        assert set(lb) == set(KEYS), (name, set(lb) ^ set(KEYS))
        for k, t in KEYS.items():
            assert type(lb[k]) is t, (name, k, lb[k])
        assert lb["language"] in LANGS, name
        assert lb["repeat"] in (0, 1, 2), name
        assert lb["kind"].strip(), name
        if lb["reply_allowed"]:
            assert lb["blocked_by"] == "", name
        else:
            assert lb["blocked_by"] in RULES, (name, lb["blocked_by"])
        if lb["repeat"]:
            assert lb["unsolicited"], name
        if lb["repeat"] == 1:
            assert lb["reply_allowed"], name
        if lb["repeat"] == 2:
            assert lb["blocked_by"] == "already_answered", name
        if lb["blocked_by"] == "already_answered":
            assert lb["repeat"] == 2, name


def test_language_balance(labels):
    unsolicited = Counter(lb["language"] for lb in labels.values() if lb["unsolicited"])
    wanted = Counter(lb["language"] for lb in labels.values() if not lb["unsolicited"])
    for lang in LANGS:
        assert unsolicited[lang] >= 5, (lang, unsolicited[lang])
        assert wanted[lang] >= 3, (lang, wanted[lang])
    assert sum(unsolicited.values()) >= 36
    assert sum(wanted.values()) >= 24


def test_special_cases_present(labels):
    by_rule = Counter(lb["blocked_by"] for lb in labels.values())
    pitches_by_rule = Counter(lb["blocked_by"] for lb in labels.values() if lb["unsolicited"])
    assert pitches_by_rule["authentication"] >= 2
    assert pitches_by_rule["recipient"] >= 1
    for rule in ("return_path", "auto_submitted", "mailing_list", "system_sender", "report",
                 "known_correspondent"):
        assert by_rule[rule] >= 1, rule
    # wanted mail from new senders that no rule stops: the classifier alone must spare it
    assert sum(1 for lb in labels.values() if not lb["unsolicited"] and lb["reply_allowed"]) >= 8


def _sender(msg) -> str:
    return email.utils.parseaddr(str(msg.get("Return-Path", "")))[1].lower()


def test_repeats(labels, inbox):
    assert sum(1 for lb in labels.values() if lb["repeat"] == 1) >= 3
    assert sum(1 for lb in labels.values() if lb["repeat"] == 2) >= 1
    # every repeat has earlier messages from the same sender: one per earlier repeat level
    for name in sorted(labels):
        lb = labels[name]
        if not lb["repeat"]:
            continue
        s = _sender(inbox[name])
        earlier = [n for n in sorted(labels) if n < name and _sender(inbox[n]) == s]
        assert [labels[n]["repeat"] for n in earlier] == list(range(lb["repeat"])), (name, earlier)
        assert labels[earlier[0]]["reply_allowed"], (name, earlier[0])


@pytest.mark.parametrize("name", sorted(p.name for p in INBOX.glob("*.eml")))
def test_message_parses(name, labels):
    raw = (INBOX / name).read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        for d in part.defects:
            assert not isinstance(d, (email.errors.MissingHeaderBodySeparatorDefect,
                                      email.errors.StartBoundaryNotFoundDefect,
                                      email.errors.CloseBoundaryNotFoundDefect,
                                      email.errors.InvalidBase64PaddingDefect,
                                      email.errors.InvalidBase64CharactersDefect)), (name, d)
        if not part.is_multipart() and part.get_content_maintype() == "text":
            part.get_content()  # decodes with the declared charset and transfer encoding
    lb = labels[name]
    if lb["blocked_by"] != "return_path":
        assert raw.startswith(b"Return-Path:"), name
        assert len(msg.get_all("Return-Path", [])) == 1, name
    for h in REQUIRED:
        assert msg[h] is not None, (name, h)
    topmost = str(msg.get_all("Authentication-Results")[0])
    assert topmost.split(";")[0].strip() == AUTHSERV_ID, name


# --- the structural reply rules (1-7), recomputed from the headers alone --------------------------
LIST_HEADERS = ("List-Id", "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Post", "List-Owner",
                "List-Archive")
SYSTEM_LOCAL = re.compile(r"^(mailer-daemon|postmaster|listserv|majordomo|owner-.*|.*-request|"
                          r"no-?reply|do-?not-?reply)$", re.I)


def _addrs(msg, *headers) -> list[str]:
    vals = [str(v) for h in headers for v in msg.get_all(h, [])]
    return [a.lower() for _, a in email.utils.getaddresses(vals) if a]


def _first_structural_rule(msg) -> str | None:
    rps = [str(v) for v in msg.get_all("Return-Path", [])]
    rp_addrs = _addrs(msg, "Return-Path")
    if len(rps) != 1 or len(rp_addrs) != 1:
        return "return_path"
    rp = rp_addrs[0]
    auto = msg.get("Auto-Submitted")
    if auto is not None and str(auto).split(";")[0].strip().lower() != "no":
        return "auto_submitted"
    if any(msg.get(h) is not None for h in LIST_HEADERS) or msg.get("Feedback-ID") is not None:
        return "mailing_list"
    if str(msg.get("Precedence", "")).strip().lower() in ("bulk", "junk", "list"):
        return "mailing_list"
    xars = str(msg.get("X-Auto-Response-Suppress", "")).lower()
    if any(x in xars for x in ("all", "oof", "autoreply")):
        return "mailing_list"
    for a in [rp] + _addrs(msg, "From"):
        if SYSTEM_LOCAL.match(a.split("@")[0]):
            return "system_sender"
    if rp in OWNER:
        return "recipient"
    rcpts = set(_addrs(msg, "To", "Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc"))
    if not rcpts & OWNER:
        return "recipient"
    if msg.get_content_type() == "multipart/report":
        return "report"
    ar = str(msg.get_all("Authentication-Results", [""])[0])
    from_dom = _addrs(msg, "From")[0].split("@")[1]
    mailfrom = re.search(r"smtp\.mailfrom=(\S+?)[;\s]", ar + ";")
    spf_aligned = (re.search(r"\bspf=pass\b", ar) and mailfrom
                   and mailfrom.group(1).split("@")[-1].lower() == from_dom
                   and rp.split("@")[1] == from_dom)
    if not (re.search(r"\bdmarc=pass\b", ar) or spf_aligned):
        return "authentication"
    return None


def test_blocked_by_matches_headers(labels, inbox):
    for name, lb in labels.items():
        rule = _first_structural_rule(inbox[name])
        if rule is not None:
            assert lb["blocked_by"] == rule, (name, lb["blocked_by"], rule)
        else:
            assert lb["blocked_by"] in ("", "already_answered", "known_correspondent"), (name, lb["blocked_by"])


def test_dates_distinct_and_in_range(inbox):
    seen: dict[datetime, str] = {}
    lo = datetime(2026, 11, 1, tzinfo=timezone.utc)
    hi = datetime(2026, 11, 21, tzinfo=timezone.utc)
    for name, msg in inbox.items():
        dt = email.utils.parsedate_to_datetime(str(msg["Date"]))
        assert dt.tzinfo is not None, name
        assert lo <= dt < hi, (name, dt)
        assert dt not in seen, (name, seen.get(dt))
        seen[dt] = name


def test_file_numbers_follow_date_order(inbox):
    names = sorted(inbox)
    assert [int(n[:3]) for n in names] == list(range(1, len(names) + 1))
    dates = [email.utils.parsedate_to_datetime(str(inbox[n]["Date"])) for n in names]
    assert dates == sorted(dates)


def test_sent_is_annas(sent):
    assert sent
    for name, m in sent.items():
        assert _addrs(m, "From")[0] in OWNER, name
        assert str(m["Message-ID"]).strip().rstrip(">").endswith("@" + OWNER_DOMAIN), name
        assert m["Date"] is not None, name


def test_replies_to_anna_point_into_sent(inbox, sent_ids):
    for name, msg in inbox.items():
        for hdr in ("In-Reply-To", "References"):
            for mid in str(msg.get(hdr, "")).split():
                if mid.rstrip(">").endswith("@" + OWNER_DOMAIN):
                    assert mid in sent_ids, (name, hdr, mid)


def test_known_correspondent_labels_have_history(labels, inbox, sent):
    """known_correspondent must be backed by sent/: Anna wrote to the sender, or it is her thread."""
    sent_to = set()
    for m in sent.values():
        sent_to.update(_addrs(m, "To", "Cc"))
    for name, lb in labels.items():
        msg = inbox[name]
        sender = _sender(msg)
        irt = str(msg.get("In-Reply-To", ""))
        in_history = sender in sent_to or irt.rstrip(">").endswith("@" + OWNER_DOMAIN)
        if lb["blocked_by"] == "known_correspondent":
            assert in_history, name
        elif lb["blocked_by"] in ("",) and in_history:
            pytest.fail(f"{name}: sender is in Anna's history but labelled as answerable")
