"""Consistency checks for the hand-labelled mail sets in tests/data (see each set's README.md).

- devset, devset2: dev sets, used while writing rules and phrases.
- holdout: the HELD-OUT set, only for reporting figures; nothing is tuned on it.

These tests check that each set's labels and files agree, not how nejtak scores them. The checks
shared by all sets are written once and parametrized over SETS; each LabelledSet holds the set's
thresholds and flags. Checks that exist for one set only are separate tests named after it.
"""
from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
LANGS = {"en", "da", "sv", "nb", "de", "pl"}
RULES = ["return_path", "auto_submitted", "mailing_list", "newsletter", "system_sender", "recipient", "report",
         "authentication", "already_answered", "known_correspondent", "inbound_lead"]
KEYS = {"unsolicited": bool, "language": str, "reply_allowed": bool, "blocked_by": str, "repeat": int,
        "kind": str}
OWNER = {"anna@holm.example", "anna.holm@holm.example"}
OWNER_DOMAIN = "holm.example"
AUTHSERV_ID = "mx.holm.example"
REQUIRED = ["Received", "Authentication-Results", "From", "To", "Subject", "Date", "Message-ID"]


def _parse(path: Path) -> email.message.EmailMessage:
    with path.open("rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)


def _addrs(msg, *headers) -> list[str]:
    vals = [str(v) for h in headers for v in msg.get_all(h, [])]
    return [a.lower() for _, a in email.utils.getaddresses(vals) if a]


def _sender(msg) -> str:
    return email.utils.parseaddr(str(msg.get("Return-Path", "")))[1].lower()


def _date(msg) -> datetime:
    return email.utils.parsedate_to_datetime(str(msg["Date"]))


@dataclass(frozen=True, eq=False)
class LabelledSet:
    name: str
    min_messages: int
    min_unsolicited_per_lang: int
    min_wanted_per_lang: int
    min_unsolicited: int | None  # in total; None: no total minimum
    min_wanted: int  # in total
    min_repeats: dict[int, int]  # repeat level -> minimum number of messages with it
    min_blocked_pitches: dict[str, int]  # blocked_by -> minimum number of unsolicited messages with it
    date_lo: datetime
    date_hi: datetime
    date_hi_inclusive: bool = True
    # a repeat = 1 message must itself be answerable
    repeat1_reply_allowed: bool = False
    # devsets: a message blocked by "authentication" may lack Authentication-Results; otherwise all have it
    auth_results_may_be_missing: bool = True

    def __str__(self) -> str:
        return self.name

    @property
    def folder(self) -> Path:
        return DATA / self.name

    def inbox_names(self) -> list[str]:
        """Collection-time listing (no parsing)."""
        return sorted(p.name for p in (self.folder / "inbox").glob("*.eml"))

    @cached_property
    def labels(self) -> dict:
        with (self.folder / "labels.toml").open("rb") as f:
            return tomllib.load(f)

    @cached_property
    def inbox(self) -> dict[str, email.message.EmailMessage]:
        return {p.name: _parse(p) for p in sorted((self.folder / "inbox").glob("*.eml"))}

    @cached_property
    def sent(self) -> dict[str, email.message.EmailMessage]:
        return {p.name: _parse(p) for p in sorted((self.folder / "sent").glob("*.eml"))}

    @cached_property
    def sent_ids(self) -> set[str]:
        ids = set()
        for name, m in self.sent.items():
            mid = m["Message-ID"]
            assert mid, f"{self.name}/sent/{name} has no Message-ID"
            ids.add(str(mid).strip())
        return ids

    @cached_property
    def sent_to(self) -> set[str]:
        to = set()
        for m in self.sent.values():
            to.update(_addrs(m, "To", "Cc"))
        return to

    def in_history(self, msg) -> bool:
        """Anna wrote to the sender (sent/ To/Cc), or the message replies into her thread."""
        irt = str(msg.get("In-Reply-To", ""))
        return _sender(msg) in self.sent_to or irt.rstrip(">").endswith("@" + OWNER_DOMAIN)


DEVSET = LabelledSet(
    name="devset",
    min_messages=70,
    min_unsolicited_per_lang=6, min_wanted_per_lang=3, min_unsolicited=None, min_wanted=24,
    min_repeats={1: 4, 2: 2},
    min_blocked_pitches={},
    date_lo=datetime(2026, 9, 1, tzinfo=timezone.utc),
    date_hi=datetime(2026, 11, 1, 1, tzinfo=timezone.utc),
)
DEVSET2 = LabelledSet(
    name="devset2",
    min_messages=180,
    min_unsolicited_per_lang=18, min_wanted_per_lang=8, min_unsolicited=120, min_wanted=60,
    min_repeats={1: 4},
    min_blocked_pitches={"authentication": 4, "recipient": 2},
    date_lo=datetime(2026, 5, 31, 22, tzinfo=timezone.utc),
    date_hi=datetime(2026, 9, 1, 1, tzinfo=timezone.utc),
)
HOLDOUT = LabelledSet(
    name="holdout",
    min_messages=60,
    min_unsolicited_per_lang=5, min_wanted_per_lang=3, min_unsolicited=36, min_wanted=24,
    min_repeats={1: 3, 2: 1},
    min_blocked_pitches={"authentication": 2, "recipient": 1},
    date_lo=datetime(2026, 11, 1, tzinfo=timezone.utc),
    date_hi=datetime(2026, 11, 21, tzinfo=timezone.utc),
    date_hi_inclusive=False,
    repeat1_reply_allowed=True,
    auth_results_may_be_missing=False,
)
SETS = [DEVSET, DEVSET2, HOLDOUT]

each_set = pytest.mark.parametrize("ls", SETS, ids=str)


# --- checks shared by all sets ----------------------------------------------------------------------

@each_set
def test_files_and_labels_match(ls: LabelledSet):
    labels, inbox = ls.labels, ls.inbox
    assert len(inbox) >= ls.min_messages
    assert set(labels) == set(inbox), (sorted(set(inbox) - set(labels)), sorted(set(labels) - set(inbox)))


@each_set
def test_label_values(ls: LabelledSet):
    for name, lb in ls.labels.items():
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
        if ls.repeat1_reply_allowed and lb["repeat"] == 1:
            assert lb["reply_allowed"], name
        if lb["repeat"] == 2:
            assert lb["blocked_by"] == "already_answered", name
        if lb["blocked_by"] == "already_answered":
            assert lb["repeat"] == 2, name


@each_set
def test_language_balance(ls: LabelledSet):
    labels = ls.labels
    unsolicited = Counter(lb["language"] for lb in labels.values() if lb["unsolicited"])
    wanted = Counter(lb["language"] for lb in labels.values() if not lb["unsolicited"])
    for lang in LANGS:
        assert unsolicited[lang] >= ls.min_unsolicited_per_lang, (lang, unsolicited[lang])
        assert wanted[lang] >= ls.min_wanted_per_lang, (lang, wanted[lang])
    if ls.min_unsolicited is not None:
        assert sum(unsolicited.values()) >= ls.min_unsolicited
    assert sum(wanted.values()) >= ls.min_wanted


@each_set
def test_repeat_and_blocked_pitch_counts(ls: LabelledSet):
    labels = ls.labels
    for level, minimum in ls.min_repeats.items():
        assert sum(1 for lb in labels.values() if lb["repeat"] == level) >= minimum, (level, minimum)
    pitches = Counter(lb["blocked_by"] for lb in labels.values() if lb["unsolicited"])
    for rule, minimum in ls.min_blocked_pitches.items():
        assert pitches[rule] >= minimum, (rule, pitches[rule], minimum)


@pytest.mark.parametrize("ls,name", [pytest.param(ls, n, id=f"{ls}/{n}") for ls in SETS for n in ls.inbox_names()])
def test_message_parses(ls: LabelledSet, name: str):
    raw = (ls.folder / "inbox" / name).read_bytes()
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
    lb = ls.labels[name]
    if lb["blocked_by"] != "return_path":
        assert raw.startswith(b"Return-Path:"), name
        assert len(msg.get_all("Return-Path", [])) == 1, name
    for h in REQUIRED:
        if (h == "Authentication-Results" and ls.auth_results_may_be_missing
                and lb["blocked_by"] == "authentication"):
            continue  # a devset case deliberately has none
        assert msg[h] is not None, (name, h)
    if msg["Authentication-Results"] is not None:  # always present unless auth_results_may_be_missing
        topmost = str(msg.get_all("Authentication-Results")[0])
        assert topmost.split(";")[0].strip() == AUTHSERV_ID, name


@each_set
def test_dates_distinct_and_in_range(ls: LabelledSet):
    seen: dict[datetime, str] = {}
    lo, hi = ls.date_lo, ls.date_hi
    for name, msg in ls.inbox.items():
        dt = _date(msg)
        assert dt.tzinfo is not None, name
        if ls.date_hi_inclusive:
            assert lo <= dt <= hi, (name, dt)
        else:
            assert lo <= dt < hi, (name, dt)
        assert dt not in seen, (name, seen.get(dt))
        seen[dt] = name


@each_set
def test_file_numbers_follow_date_order(ls: LabelledSet):
    inbox = ls.inbox
    dates = [_date(inbox[n]) for n in sorted(inbox)]
    assert dates == sorted(dates)


@each_set
def test_replies_to_anna_point_into_sent(ls: LabelledSet):
    sent_ids = ls.sent_ids
    for name, msg in ls.inbox.items():
        for hdr in ("In-Reply-To", "References"):
            for mid in str(msg.get(hdr, "")).split():
                if mid.rstrip(">").endswith("@" + OWNER_DOMAIN):
                    assert mid in sent_ids, (name, hdr, mid)


@each_set
def test_known_correspondent_labels_have_history(ls: LabelledSet):
    """known_correspondent must be backed by sent/: Anna wrote to the sender, or it is her thread."""
    for name, lb in ls.labels.items():
        if lb["blocked_by"] == "known_correspondent":
            assert ls.in_history(ls.inbox[name]), name


# --- devset only ------------------------------------------------------------------------------------
# (its repeat == 2 minimum is DEVSET.min_repeats, checked in test_repeat_and_blocked_pitch_counts)


# --- devset2 only -----------------------------------------------------------------------------------

def test_devset2_repeat_senders_wrote_before():
    """A repeat = 1 message has an earlier first contact from the same Return-Path, which a reply was allowed."""
    labels, inbox = DEVSET2.labels, DEVSET2.inbox

    def sender(name):
        return email.utils.parseaddr(str(inbox[name]["Return-Path"]))[1].lower()
    for name, lb in labels.items():
        if lb["repeat"] != 1:
            continue
        earlier = [n for n in sorted(inbox) if n < name and sender(n) == sender(name)]
        assert earlier, name
        assert labels[earlier[0]]["reply_allowed"] and labels[earlier[0]]["repeat"] == 0, (name, earlier[0])


def test_devset2_wanted_kinds_cover_false_positive_traps():
    kinds = " | ".join(lb["kind"] for lb in DEVSET2.labels.values() if not lb["unsolicited"])
    for word in ("quote", "speaker", "journalist", "thesis", "recruiter", "supplier", "newsletter",
                 "registration", "webinar", "bank", "accountant", "landlord", "intro", "partner"):
        assert word in kinds, word


# --- holdout only -----------------------------------------------------------------------------------
HOLDOUT_NAME_RE = re.compile(r"^\d{3}-[a-z0-9-]+-(en|da|sv|nb|de|pl)\.eml$")


def test_holdout_readme_says_held_out():
    text = (HOLDOUT.folder / "README.md").read_text(encoding="utf-8").lower()
    assert "held out" in text or "held-out" in text
    assert "tuning" in text


def test_holdout_file_names_are_numbered_and_tagged():
    for name, lb in HOLDOUT.labels.items():
        assert HOLDOUT_NAME_RE.match(name), name
        assert name.rsplit("-", 1)[1] == lb["language"] + ".eml", (name, lb["language"])
    names = sorted(HOLDOUT.inbox)
    assert [int(n[:3]) for n in names] == list(range(1, len(names) + 1))


def test_holdout_special_cases_present():
    labels = HOLDOUT.labels
    by_rule = Counter(lb["blocked_by"] for lb in labels.values())
    # (pitches blocked by authentication / recipient: HOLDOUT.min_blocked_pitches)
    for rule in ("return_path", "auto_submitted", "mailing_list", "system_sender", "report",
                 "known_correspondent"):
        assert by_rule[rule] >= 1, rule
    # wanted mail from new senders that no rule stops: the classifier alone must spare it
    assert sum(1 for lb in labels.values() if not lb["unsolicited"] and lb["reply_allowed"]) >= 8


def test_holdout_repeats_follow_earlier_contacts():
    """Every repeat has earlier messages from the same sender: one per earlier repeat level.

    (The minimum numbers of repeats are HOLDOUT.min_repeats.)
    """
    labels, inbox = HOLDOUT.labels, HOLDOUT.inbox
    for name in sorted(labels):
        lb = labels[name]
        if not lb["repeat"]:
            continue
        s = _sender(inbox[name])
        earlier = [n for n in sorted(labels) if n < name and _sender(inbox[n]) == s]
        assert [labels[n]["repeat"] for n in earlier] == list(range(lb["repeat"])), (name, earlier)
        assert labels[earlier[0]]["reply_allowed"], (name, earlier[0])


# the structural reply rules (1-7), recomputed from the headers alone
LIST_HEADERS = ("List-Id", "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Post", "List-Owner",
                "List-Archive")
SYSTEM_LOCAL = re.compile(r"^(mailer-daemon|postmaster|listserv|majordomo|owner-.*|.*-request|"
                          r"no-?reply|do-?not-?reply)$", re.I)


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


def test_holdout_blocked_by_matches_headers():
    for name, lb in HOLDOUT.labels.items():
        rule = _first_structural_rule(HOLDOUT.inbox[name])
        if rule is not None:
            assert lb["blocked_by"] == rule, (name, lb["blocked_by"], rule)
        else:
            assert lb["blocked_by"] in ("", "already_answered", "known_correspondent"), (name, lb["blocked_by"])


def test_holdout_sent_is_annas():
    sent = HOLDOUT.sent
    assert sent
    for name, m in sent.items():
        assert _addrs(m, "From")[0] in OWNER, name
        assert str(m["Message-ID"]).strip().rstrip(">").endswith("@" + OWNER_DOMAIN), name
        assert m["Date"] is not None, name


def test_holdout_answerable_senders_not_in_history():
    """The converse of known_correspondent: an answerable message's sender is not in Anna's history."""
    for name, lb in HOLDOUT.labels.items():
        if lb["blocked_by"] in ("",) and HOLDOUT.in_history(HOLDOUT.inbox[name]):
            pytest.fail(f"{name}: sender is in Anna's history but labelled as answerable")
