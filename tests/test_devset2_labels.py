"""Consistency checks for the second hand-labelled dev set in tests/data/devset2 (see its README.md)."""
from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import tomllib
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

DEVSET = Path(__file__).parent / "data" / "devset2"
INBOX = DEVSET / "inbox"
SENT = DEVSET / "sent"
LANGS = {"en", "da", "sv", "nb", "de", "pl"}
RULES = ["return_path", "auto_submitted", "mailing_list", "system_sender", "recipient", "report",
         "authentication", "already_answered", "known_correspondent"]
KEYS = {"unsolicited": bool, "language": str, "reply_allowed": bool, "blocked_by": str, "repeat": int,
        "kind": str}
OWNER_DOMAIN = "holm.example"
REQUIRED = ["Received", "Authentication-Results", "From", "To", "Subject", "Date", "Message-ID"]


def _parse(path: Path) -> email.message.EmailMessage:
    with path.open("rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)


@pytest.fixture(scope="module")
def labels() -> dict:
    with (DEVSET / "labels.toml").open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def inbox() -> dict[str, email.message.EmailMessage]:
    return {p.name: _parse(p) for p in sorted(INBOX.glob("*.eml"))}


@pytest.fixture(scope="module")
def sent_ids() -> set[str]:
    ids = set()
    for p in SENT.glob("*.eml"):
        mid = _parse(p)["Message-ID"]
        assert mid, f"sent/{p.name} has no Message-ID"
        ids.add(str(mid).strip())
    return ids


def test_files_and_labels_match(labels, inbox):
    assert len(inbox) >= 180
    assert set(labels) == set(inbox), (sorted(set(inbox) - set(labels)), sorted(set(labels) - set(inbox)))


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
        if lb["repeat"] == 2:
            assert lb["blocked_by"] == "already_answered", name
        if lb["blocked_by"] == "already_answered":
            assert lb["repeat"] == 2, name


def test_language_balance(labels):
    unsolicited = Counter(lb["language"] for lb in labels.values() if lb["unsolicited"])
    wanted = Counter(lb["language"] for lb in labels.values() if not lb["unsolicited"])
    for lang in LANGS:
        assert unsolicited[lang] >= 18, (lang, unsolicited[lang])
        assert wanted[lang] >= 8, (lang, wanted[lang])
    assert sum(unsolicited.values()) >= 120
    assert sum(wanted.values()) >= 60


def test_repeats_and_blocked_pitches(labels):
    assert sum(1 for lb in labels.values() if lb["repeat"] == 1) >= 4
    pitches = [lb for lb in labels.values() if lb["unsolicited"]]
    assert sum(1 for lb in pitches if lb["blocked_by"] == "authentication") >= 4
    assert sum(1 for lb in pitches if lb["blocked_by"] == "recipient") >= 2


def test_repeat_senders_wrote_before(labels, inbox):
    """A repeat = 1 message has an earlier first contact from the same Return-Path, which a reply was allowed."""
    def sender(name):
        return email.utils.parseaddr(str(inbox[name]["Return-Path"]))[1].lower()
    for name, lb in labels.items():
        if lb["repeat"] != 1:
            continue
        earlier = [n for n in sorted(inbox) if n < name and sender(n) == sender(name)]
        assert earlier, name
        assert labels[earlier[0]]["reply_allowed"] and labels[earlier[0]]["repeat"] == 0, (name, earlier[0])


def test_wanted_kinds_cover_false_positive_traps(labels):
    kinds = " | ".join(lb["kind"] for lb in labels.values() if not lb["unsolicited"])
    for word in ("quote", "speaker", "journalist", "thesis", "recruiter", "supplier", "newsletter",
                 "registration", "webinar", "bank", "accountant", "landlord", "intro", "partner"):
        assert word in kinds, word


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
        if h == "Authentication-Results" and lb["blocked_by"] == "authentication":
            continue  # one case deliberately has none
        assert msg[h] is not None, (name, h)
    if msg["Authentication-Results"] is not None:
        topmost = str(msg.get_all("Authentication-Results")[0])
        assert topmost.split(";")[0].strip() == "mx.holm.example", name


def test_dates_distinct_and_in_range(inbox):
    seen: dict[datetime, str] = {}
    lo = datetime(2026, 5, 31, 22, tzinfo=timezone.utc)
    hi = datetime(2026, 9, 1, 1, tzinfo=timezone.utc)
    for name, msg in inbox.items():
        dt = email.utils.parsedate_to_datetime(str(msg["Date"]))
        assert dt.tzinfo is not None, name
        assert lo <= dt <= hi, (name, dt)
        assert dt not in seen, (name, seen.get(dt))
        seen[dt] = name


def test_file_numbers_follow_date_order(inbox):
    names = sorted(inbox)
    dates = [email.utils.parsedate_to_datetime(str(inbox[n]["Date"])) for n in names]
    assert dates == sorted(dates)


def test_replies_to_anna_point_into_sent(inbox, sent_ids):
    for name, msg in inbox.items():
        for hdr in ("In-Reply-To", "References"):
            for mid in str(msg.get(hdr, "")).split():
                if mid.rstrip(">").endswith("@" + OWNER_DOMAIN):
                    assert mid in sent_ids, (name, hdr, mid)


def test_known_correspondent_labels_have_history(labels, inbox):
    """known_correspondent must be backed by sent/: Anna wrote to the sender, or it is her thread."""
    sent_to = set()
    for p in SENT.glob("*.eml"):
        m = _parse(p)
        for h in ("To", "Cc"):
            for _, a in email.utils.getaddresses([str(x) for x in m.get_all(h, [])]):
                sent_to.add(a.lower())
    for name, lb in labels.items():
        if lb["blocked_by"] != "known_correspondent":
            continue
        msg = inbox[name]
        sender = email.utils.parseaddr(str(msg["Return-Path"]))[1].lower()
        irt = str(msg.get("In-Reply-To", ""))
        assert sender in sent_to or irt.rstrip(">").endswith("@" + OWNER_DOMAIN), name
