"""`nejtak send`, `nejtak discard [--wanted]` and `nejtak history` as feedback (issue 9): what the
owner decides on the command line is learned like a tap in the digest, and shows in the history."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.store import Store

INBOX = Path(__file__).parent / "data" / "devset" / "inbox"
OWNER_ARGS = ["--me", "anna@holm.example", "--me", "anna.holm@holm.example",
              "--authserv-id", "mx.holm.example"]
JAKE = "jake@rankrocket.example"  # 002 is his first pitch, 026 his follow-up
MIKKEL = "mikkel@synlig-online.example"  # 005


def nejtak(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def triage(db: str, *names: str, mode: str = "approve") -> dict[str, dict]:
    """Triage devset messages into the store; {sender: row}."""
    out = nejtak("triage", *(str(INBOX / n) for n in names), *OWNER_ARGS, "--mode", mode, "--db", db, "--json")
    return {r["sender"]: r for r in (json.loads(line) for line in out.splitlines() if line.strip())}


@pytest.fixture
def db(tmp_path) -> str:
    """A SQLite store with a draft refusal for Jake (#1) and one for Mikkel (#2), waiting for the owner."""
    url = f"sqlite:///{tmp_path / 'nejtak.db'}"
    rows = triage(url, "002-seo-quick-question-en.eml", "005-seo-pitch-da.eml")
    assert rows[JAKE]["action"] == rows[MIKKEL]["action"] == "draft"
    return url


def stored(db: str, fn):
    store = Store(db)
    try:
        return fn(store)
    finally:
        store.close()


def draft_of(db: str, sender: str) -> dict:
    return next(r for r in stored(db, lambda s: s.outbox_list(["drafted", "approved", "discarded"]))
                if r["sender"] == sender)


def test_send_approves_the_reply_and_learns_the_message_as_a_pitch(db):
    draft = draft_of(db, JAKE)
    out = nejtak("send", str(draft["id"]), "--db", db)
    assert f"#{draft['id']}: approved" in out and "learned" in out and "pitch" in out
    assert draft_of(db, JAKE)["state"] == "approved"
    [label] = stored(db, lambda s: s.active_labels(sender=JAKE))
    assert (label.label, label.source, label.inbound_id) == ("pitch", "cli", draft["inbound_id"])
    # sending it again is refused and teaches nothing more
    result = CliRunner().invoke(main, ["send", str(draft["id"]), "--db", db])
    assert result.exit_code != 0 and "cannot be approved" in result.output
    assert len(stored(db, lambda s: s.labels_of_sender(JAKE))) == 1


def test_discard_learns_nothing_and_the_sender_follow_up_is_answered(db):
    out = nejtak("discard", str(draft_of(db, JAKE)["id"]), str(draft_of(db, MIKKEL)["id"]), "--db", db)
    assert "learned" not in out
    assert draft_of(db, JAKE)["state"] == "discarded"
    assert stored(db, lambda s: s.labels_of_sender(JAKE) + s.labels_of_sender(MIKKEL)) == []
    # like Skip: no opinion on the sender, so his follow-up is a pitch like any other
    follow_up = triage(db, "026-seo-followup-en.eml", mode="auto")[JAKE]
    assert follow_up["action"] == "reply" and follow_up["reply"] is not None


def test_discard_wanted_learns_the_message_as_wanted_and_the_sender_is_never_refused(db):
    draft = draft_of(db, JAKE)
    out = nejtak("discard", str(draft["id"]), "--wanted", "--db", db)
    assert f"{JAKE} is wanted" in out and "learned" in out
    assert draft_of(db, JAKE)["state"] == "discarded"
    [label] = stored(db, lambda s: s.active_labels(sender=JAKE))
    assert (label.label, label.source, label.inbound_id) == ("wanted", "cli", draft["inbound_id"])
    assert stored(db, lambda s: s.labels_of_sender(MIKKEL)) == []  # only the one discarded
    follow_up = triage(db, "026-seo-followup-en.eml", mode="auto")[JAKE]
    assert follow_up["action"] == "none" and follow_up["reply"] is None
    assert follow_up["unsolicited"] is False


def test_history_shows_what_was_learned_and_what_was_taken_back(db):
    draft = draft_of(db, JAKE)
    nejtak("send", str(draft["id"]), "--db", db)  # first the owner thought it a pitch,
    nejtak("discard", str(draft["id"]), "--wanted", "--db", db)  # then thought better of it
    out = nejtak("history", JAKE, "--db", db)
    stamp = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
    pitch = re.search(rf"^({stamp})  marked pitch +by the command line: 'Quick question about holm\.example'"
                      rf" \(message #{draft['inbound_id']}\); taken back ({stamp}): relabelled wanted \(cli\)$",
                      out, re.M)
    wanted = re.search(rf"^({stamp})  marked wanted +by the command line: 'Quick question about holm\.example'"
                       rf" \(message #{draft['inbound_id']}\)$", out, re.M)
    assert pitch and wanted, out
    lines = out.splitlines()
    assert lines.index(pitch.group(0)) < lines.index(wanted.group(0))  # in the order it happened
    assert "received" in lines[0]  # the message itself comes first
    # a sender nothing was learned about shows no label lines
    assert "marked" not in nejtak("history", MIKKEL, "--db", db)
