"""`nejtak learn`: label mail in bulk, and `nejtak triage --db` over the same store judges with it."""
from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main

OWNER = "anna@holm.example"
OWNER_ARGS = ["--me", OWNER, "--authserv-id", "mx.holm.example"]
# Pond care offered door to door: a pitch the shipped model barely leans on (it has never read
# of koi), so nejtak only drafts a reply to it until the owner says what such mail is.
KOI = ("Hi Anna,\n\nThe koi in the pond behind your office need their autumn check. {extra} We look at "
       "the water, the filter and the fish, and leave a short note. Shall I book you a slot this week?\n\nBest,\n"
       "Tilda {n}\nPond people\n")
EXTRAS = ["The leaves are coming down now.", "Winter is close.", "It only takes an hour.",
          "We are in your street on Tuesday.", "The herons are hungry this year.", "Frost is forecast."]


def eml(n: int, extra: str = "", day: int | None = None, kind: str = "koi") -> bytes:
    sender = f"tilda@{kind}-care{n}.example"
    domain = sender.split("@")[1]
    body = KOI.format(extra=extra or EXTRAS[n % len(EXTRAS)], n=n)
    return (f"Return-Path: <{sender}>\r\n"
            f"Authentication-Results: mx.holm.example; spf=pass smtp.mailfrom={sender}; "
            f"dmarc=pass header.from={domain}\r\n"
            f"From: Tilda {n} <{sender}>\r\nTo: Anna Holm <{OWNER}>\r\nSubject: Your pond, autumn {n}\r\n"
            f"Date: Mon, {day or 10 + n} Nov 2026 09:00:00 +0000\r\nMessage-ID: <{kind}{n}@{domain}>\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}").replace(
                "\n", "\r\n").replace("\r\r\n", "\r\n").encode()


def write(folder: Path, numbers) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        (folder / f"koi{n}.eml").write_bytes(eml(n))
        paths.append(str(folder / f"koi{n}.eml"))
    return paths


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def triage_one(path: Path, *db: str) -> dict:
    rows = [json.loads(line) for line in run("triage", str(path), *OWNER_ARGS, "--json", *db).stdout.splitlines()
            if line.strip()]
    assert len(rows) == 1
    return rows[0]


def feedback(row: dict) -> dict | None:
    return next((s for s in row["signals"] if s["name"] == "OWNER_FEEDBACK"), None)


def _shipped_score(n: int) -> float:
    from nejtak.bot.config import load
    from nejtak.bot.mail.reader import read_message
    from nejtak.bot.pipeline import Pipeline
    from nejtak.bot.triage import with_overrides

    config = with_overrides(load(None), [OWNER], ["mx.holm.example"], "auto")
    return Pipeline(config, None, simulate=True).decide_alone(read_message(eml(n), "koi")).verdict.score


# The unseen message: one the shipped model marks but is not sure enough of to answer (from
# `required` to `auto_threshold`).
# Which of the variants is, moves a little with each retraining of the model, so the first that
# is now is taken (the tests still assert what they need of it).
def _answer_band() -> tuple[float, float]:
    from nejtak.bot.config import load

    classifier = load(None).classifier
    return classifier.required, classifier.auto_threshold


_LOW, _HIGH = _answer_band()
UNSEEN = next((n for n in range(3, 3 + 2 * len(EXTRAS)) if _LOW <= _shipped_score(n) < _HIGH), None)


@pytest.fixture
def unseen(tmp_path) -> Path:
    """A message like those learned from, but never learned itself."""
    assert UNSEEN is not None, "no pond variant is marked but unsure (score 5-8) under the shipped model: add one"
    path = tmp_path / "new" / f"koi{UNSEEN}.eml"
    path.parent.mkdir()
    path.write_bytes(eml(UNSEEN))
    return path


def test_learned_pitches_make_triage_over_the_same_store_mark_a_similar_one(tmp_path, store_url, unseen):
    before = triage_one(unseen)
    assert before["action"] == "draft" and feedback(before) is None  # not sure enough to answer alone

    files = write(tmp_path / "pitches", range(3))
    result = run("learn", *[a for f in files for a in ("--pitch", f)], "--db", store_url)
    assert "learned 3 pitch, 0 wanted; 0 already known; 0 unreadable" in result.stdout

    after = triage_one(unseen, "--db", store_url)
    hit = feedback(after)
    assert hit is not None and hit["weight"] > 3, after["signals"]
    assert "3 similar message(s) marked pitch" in hit["evidence"] and "pond" in hit["evidence"]
    assert after["score"] > before["score"] + 3
    # marked now, and drafted: what the owner taught alone never makes nejtak answer unasked
    assert after["unsolicited"] and after["action"] == "draft" and after["reply"]["to"] == f"tilda@koi-care{UNSEEN}.example"


def test_learned_wanted_mail_is_not_marked_any_more(tmp_path, unseen):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    assert triage_one(unseen)["unsolicited"]
    write(tmp_path / "wanted", range(3))
    result = run("learn", "--wanted", str(tmp_path / "wanted"), "--db", db)
    assert "learned 0 pitch, 3 wanted" in result.stdout
    after = triage_one(unseen, "--db", db)
    assert not after["unsolicited"] and after["action"] == "none" and after["reply"] is None
    assert feedback(after)["weight"] < 0 and "marked wanted" in feedback(after)["evidence"]


def test_learns_from_an_mbox_and_a_maildir_and_knows_them_the_second_time(tmp_path):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    box = mailbox.mbox(tmp_path / "pitches.mbox")
    for n in range(3):
        box.add(eml(n))
    box.close()
    md = mailbox.Maildir(tmp_path / "Wanted")
    for n in range(3, 5):
        md.add(eml(n, kind="lunch"))
    result = run("learn", "--pitch", str(tmp_path / "pitches.mbox"), "--wanted", str(tmp_path / "Wanted"),
                 "--db", db)
    assert "learned 3 pitch, 2 wanted; 0 already known; 0 unreadable" in result.stdout
    again = run("learn", "--pitch", str(tmp_path / "pitches.mbox"), "--wanted", str(tmp_path / "Wanted"),
                "--db", db)
    assert "learned 0 pitch, 0 wanted; 5 already known" in again.stdout
    # the owner changes their mind about the mbox: the other label replaces the first
    flipped = run("learn", "--wanted", str(tmp_path / "pitches.mbox"), "--db", db)
    assert "learned 0 pitch, 3 wanted (3 relabelled)" in flipped.stdout
    stats = run("learn", "--stats", "--db", db).stdout
    assert "wanted" in stats and "taken back" in stats
    assert "owner layer: 5 active label(s)" in stats


def test_an_unreadable_file_is_reported_and_the_rest_learned(tmp_path):
    folder = tmp_path / "mixed"
    write(folder, range(2))
    (folder / "notes.txt").write_text("just some notes, not a message\n")
    (folder / "empty.eml").write_bytes(b"")
    result = run("learn", "--pitch", str(folder), "--db", f"sqlite:///{tmp_path / 'n.db'}")
    assert "learned 2 pitch, 0 wanted; 0 already known; 2 unreadable" in result.stdout
    assert "notes.txt" in result.stderr and "empty.eml" in result.stderr


def test_stats_show_labels_by_kind_and_source_and_the_last_ones(tmp_path):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    empty = run("learn", "--stats", "--db", db).stdout
    assert "owner layer: 0 active label(s)" in empty
    files = write(tmp_path / "p", range(3))
    run("learn", "--pitch", files[0], "--pitch", files[1], "--wanted", files[2], "--db", db)
    stats = run("learn", "--stats", "--db", db).stdout
    lines = [" ".join(line.replace("│", " ").split()) for line in stats.splitlines()]
    assert "pitch learn 2" in lines and "wanted learn 1" in lines
    assert "owner layer: 3 active label(s)" in stats
    assert "last labels" in stats and "tilda@koi-care0" in stats and "Your pond" in stats


def test_reset_takes_every_label_back_and_triage_judges_as_before(tmp_path, unseen):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    before = triage_one(unseen)
    run("learn", "--pitch", str(unseen.parent), "--db", db)  # the unseen message itself
    result = run("learn", "--reset", "--db", db)
    assert "owner layer dropped: 1 label(s) taken back" in result.stdout
    stats = run("learn", "--stats", "--db", db).stdout
    assert "owner layer: 0 active label(s)" in stats and "taken back" in stats
    after = triage_one(unseen, "--db", db)
    assert feedback(after) is None and after["action"] == before["action"] and after["score"] == before["score"]


def test_forget_takes_back_the_labels_of_those_files_only(tmp_path):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    files = write(tmp_path / "p", range(3))
    run("learn", "--pitch", str(tmp_path / "p"), "--db", db)
    result = run("learn", "--forget", files[1], "--db", db)
    assert "took back 1 label(s)" in result.stdout
    assert "owner layer: 2 active label(s)" in run("learn", "--stats", "--db", db).stdout
    assert "took back 0 label(s)" in run("learn", "--forget", files[1], "--db", db).stdout


def test_the_configured_store_is_the_default(tmp_path, unseen):
    db = f"sqlite:///{tmp_path / 'configured.db'}"
    config = tmp_path / "nejtak.toml"
    config.write_text(f'[owner]\naddresses = ["{OWNER}"]\n[store]\nurl = "{db}"\n')
    write(tmp_path / "p", range(3))
    assert "learned 3 pitch" in run("learn", "--pitch", str(tmp_path / "p"), "--config", str(config)).stdout
    assert feedback(triage_one(unseen, "--db", db)) is not None


def test_clear_errors(tmp_path):
    nothing = run("learn", "--db", f"sqlite:///{tmp_path / 'n.db'}", ok=False)
    assert nothing.exit_code == 1 and "nothing to learn: give --pitch PATH and/or --wanted PATH" in nothing.output
    missing = run("learn", "--pitch", str(tmp_path / "no-such.mbox"), ok=False)
    assert missing.exit_code == 2 and "no-such.mbox" in missing.output and "does not exist" in missing.output
    write(tmp_path / "p", range(1))
    bad_db = run("learn", "--pitch", str(tmp_path / "p"), "--db", "nosuchdb://somewhere", ok=False)
    assert bad_db.exit_code == 1 and "cannot open the store nosuchdb://somewhere" in bad_db.output
    unparsable = run("learn", "--stats", "--db", "not a url", ok=False)
    assert unparsable.exit_code == 1 and "cannot open the store" in unparsable.output
    hidden = run("learn", "--stats", "--db", "postgresql+psycopg://me:s3cret@127.0.0.1:1/x", ok=False)
    assert hidden.exit_code == 1 and "cannot open the store" in hidden.output and "s3cret" not in hidden.output
    mixed = run("learn", "--reset", "--pitch", str(tmp_path / "p"), "--db", f"sqlite:///{tmp_path / 'n.db'}",
                ok=False)
    assert mixed.exit_code == 1 and "--reset" in mixed.output


def test_learning_is_refused_while_the_text_model_cannot_be_read(tmp_path, monkeypatch):
    """A damaged model file: `nejtak learn` says so and stores nothing (its labels would teach
    nothing); once the model reads, the same command learns."""
    from nejtak.bot.model import text as text_model

    (tmp_path / "text_model.bin").write_bytes(b"\x00\x00\x00\x05{bad}")
    monkeypatch.setattr(text_model, "MODEL_FILE", tmp_path / "text_model.bin")
    monkeypatch.setattr(text_model, "_loaded", [])
    write(tmp_path / "p", range(2))
    db = ["--db", f"sqlite:///{tmp_path / 'n.db'}"]
    refused = run("learn", "--pitch", str(tmp_path / "p"), *db, ok=False)
    assert refused.exit_code == 1 and "text_model.bin cannot be read" in refused.output
    assert "nothing learned" in refused.output
    assert "0 active label(s)" in run("learn", "--stats", *db).output
    monkeypatch.undo()
    assert "learned 2 pitch" in run("learn", "--pitch", str(tmp_path / "p"), *db).output


NOTE = "Hi Anna,\n\nI will be in your street on Tuesday around ten.\n\nTilda\n"
# a seller's nudge: the text model reads it as a friendly note, not as clearly wanted (until
# 2026-12-02 it also named "the kids' birthday", which the 182-writer model read as family news)
NUDGE = ("Hi Anna,\n\nDid my note from last week reach you? No rush at all, I know it is a busy time with "
         "the school meeting and everything. Say hi to Per from me, and let me know what you "
         "think when you have a moment.\n\nTilda\n")
# what the model reads as clearly wanted (log-odds about -12 and -10): the seller became a supplier
INVOICE = ("Hi Anna,\n\nAttached is invoice 2026-114 for the chairs you ordered on the 3rd. Delivery is "
           "booked for Thursday morning; the driver will call an hour before. Thank you for your order!\n\nTilda\n")


def _note(sender: str, n: int, body: str = NOTE) -> bytes:
    """A plain note that reads like nothing in particular (or `body`), from `sender`."""
    domain = sender.split("@")[1]
    return (f"Return-Path: <{sender}>\r\n"
            f"Authentication-Results: mx.holm.example; spf=pass smtp.mailfrom={sender}; dmarc=pass header.from={domain}\r\n"
            f"From: Tilda <{sender}>\r\nTo: Anna Holm <{OWNER}>\r\nSubject: Tuesday\r\n"
            f"Date: Mon, 30 Nov 2026 09:00:0{n} +0000\r\nMessage-ID: <note{n}@{domain}>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body.replace("\n", "\r\n")).encode()


def test_a_sender_the_owner_marked_as_a_pitch_is_marked_the_next_time(tmp_path):
    """The owner said a sender's mail was a pitch; that sender's next mail is marked whatever its
    text says (OWNER_MARKED_PITCH), drafted rather than answered, while the same text from anyone
    else is not; taking the label back takes that away."""
    db = f"sqlite:///{tmp_path / 'n.db'}"
    (tmp_path / "next.eml").write_bytes(_note("tilda@koi-care1.example", 1))
    (tmp_path / "other.eml").write_bytes(_note("tilda@koi-care2.example", 2))
    assert not triage_one(tmp_path / "next.eml")["unsolicited"]  # its text alone: not a pitch

    run("learn", "--pitch", write(tmp_path / "pitches", [1])[0], "--db", db)
    row = triage_one(tmp_path / "next.eml", "--db", db)
    hit = next((s for s in row["signals"] if s["name"] == "OWNER_MARKED_PITCH"), None)
    assert hit is not None and "1 earlier message(s) from this sender marked pitch" in hit["evidence"], row["signals"]
    assert row["unsolicited"] and row["action"] == "draft", (row["score"], row["action"])
    assert not triage_one(tmp_path / "other.eml", "--db", db)["unsolicited"]

    run("learn", "--reset", "--db", db)
    (tmp_path / "later.eml").write_bytes(_note("tilda@koi-care1.example", 3))
    again = triage_one(tmp_path / "later.eml", "--db", db)
    assert all(s["name"] != "OWNER_MARKED_PITCH" for s in again["signals"]), again["signals"]


def test_a_marked_senders_nudge_is_marked_even_when_its_text_reads_as_a_note(tmp_path):
    """The promise of OWNER_MARKED_PITCH, kept when the text says the opposite: a seller's nudge
    ("just checking whether my note reached you") reads to the text model as a friend's note,
    which outweighed the +6 before. Now the owner's word on the sender wins (OWNER_LABEL_WINS
    lifts the score to `required`, by at most OWNER_MARKED_PITCH's weight): marked, and only
    drafted, never answered for that. Mail the model reads as clearly wanted (an invoice for
    an order) is not lifted that far: it stays unmarked, and in the inbox."""
    db = f"sqlite:///{tmp_path / 'n.db'}"
    (tmp_path / "nudge.eml").write_bytes(_note("tilda@koi-care1.example", 4, NUDGE))
    alone = triage_one(tmp_path / "nudge.eml")
    assert not alone["unsolicited"] and alone["score"] < 5.0 - 6.0, alone["score"]  # +6 alone would not mark it

    run("learn", "--pitch", write(tmp_path / "pitches", [1])[0], "--db", db)
    row = triage_one(tmp_path / "nudge.eml", "--db", db)
    names = [s["name"] for s in row["signals"]]
    assert names[-1] == "OWNER_LABEL_WINS" and "OWNER_MARKED_PITCH" in names, row["signals"]
    assert row["unsolicited"] and row["score"] == 5.0 and row["action"] == "draft", (row["score"], row["action"])

    (tmp_path / "invoice.eml").write_bytes(_note("tilda@koi-care1.example", 5, INVOICE))
    invoice = triage_one(tmp_path / "invoice.eml", "--db", db)
    names = [s["name"] for s in invoice["signals"]]
    assert "OWNER_MARKED_PITCH" in names and "OWNER_LABEL_WINS" not in names, invoice["signals"]
    assert not invoice["unsolicited"] and invoice["action"] == "none", (invoice["score"], invoice["action"])

    # a weight of 0 keeps a signal as evidence only: then the label lifts nothing either
    quiet = tmp_path / "quiet.toml"
    quiet.write_text("[classifier.weights]\nOWNER_MARKED_PITCH = 0.0\n")
    evidence_only = triage_one(tmp_path / "nudge.eml", "--db", db, "--config", str(quiet))
    assert "OWNER_LABEL_WINS" not in [s["name"] for s in evidence_only["signals"]], evidence_only["signals"]
    assert not evidence_only["unsolicited"], evidence_only["score"]
