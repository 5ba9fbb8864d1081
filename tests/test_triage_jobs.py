"""`nejtak triage --jobs N` decides exactly as --jobs 1; messages are read from where they are."""
from __future__ import annotations

import json
import mailbox
from pathlib import Path

from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.mail.reader import read_message
from nejtak.bot.mail.sources import iter_sources, located_in_date_order, read_located

DATA = Path(__file__).parent / "data"
DEVSET = DATA / "devset"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "spamassassin"
OWNER_ARGS = ["--me", "anna@holm.example", "--me", "anna.holm@holm.example",
              "--authserv-id", "mx.holm.example", "--sent", str(DEVSET / "sent")]


def _rows(*args: str) -> list[str]:
    result = CliRunner().invoke(main, ["triage", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line.strip()]


def _inbox(tmp_path: Path) -> list[str]:
    """The dev set's inbox as an mbox (repeat pitches, owner threads, sender history) and some
    of the public corpus, a broken message and an empty one as a Maildir: about 120 messages."""
    box = mailbox.mbox(tmp_path / "inbox.mbox")
    for eml in sorted((DEVSET / "inbox").glob("*.eml")):
        box.add(eml.read_bytes())
    box.close()
    maildir = mailbox.Maildir(tmp_path / "Maildir")
    extra = sorted(p for p in CORPUS.rglob("*") if p.is_file())[::200] if CORPUS.is_dir() else []
    for path in extra:
        maildir.add(path.read_bytes())
    maildir.add(b"\x00\xff not a mail at all")
    maildir.add(b"")
    return [str(tmp_path / "inbox.mbox"), str(tmp_path / "Maildir")]


def test_two_jobs_give_the_rows_of_one(tmp_path):
    paths = _inbox(tmp_path)
    one = _rows(*paths, *OWNER_ARGS)
    two = _rows(*paths, *OWNER_ARGS, "--jobs", "2")
    assert len(one) >= 100
    assert [json.loads(r)["source"] for r in two] == [json.loads(r)["source"] for r in one]
    assert two == one
    decided = [json.loads(r) for r in one]
    assert any(r["escalate"] for r in decided)  # history-dependent decisions were made
    assert any(r["reply"] for r in decided)


def test_more_jobs_than_messages(tmp_path):
    eml = sorted((DEVSET / "inbox").glob("*.eml"))[0]
    assert _rows(str(eml), "--jobs", "3") == _rows(str(eml))


def test_jobs_must_be_positive():
    result = CliRunner().invoke(main, ["triage", str(DEVSET / "inbox"), "--jobs", "0"])
    assert result.exit_code == 2


def test_a_message_read_again_is_the_bytes_mailbox_reads(tmp_path):
    box = mailbox.mbox(tmp_path / "odd.mbox")
    box.add(b"From: a@x.example\nDate: Tue, 2 Jan 2024 10:00:00 +0000\n\nFrom the start\n>From quoted\n")
    box.add(b"From: b@x.example\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nno blank line at the end")
    box.add(b"From: c@x.example\r\nDate: Sun, 31 Dec 2023 10:00:00 +0000\r\n\r\nCRLF\r\n\r\n\r\n")
    box.close()
    with open(tmp_path / "odd.mbox", "ab") as f:  # a message whose From line has no blank line before it
        f.write(b"From someone Thu Jan  1 00:00:00 2024\nFrom: d@x.example\n\nlast")
    (tmp_path / "empty.mbox").write_bytes(b"From \n")
    paths = [str(tmp_path / "odd.mbox"), str(tmp_path / "empty.mbox")]
    want = dict(iter_sources(paths))
    located = located_in_date_order(paths)
    assert sorted(w.source for w in located) == sorted(want)
    for where in located:
        assert read_located(where, keep_raw=True).raw == read_message(want[where.source], where.source, True).raw
    # by Date: c (2023), b, a, then the undated d, and the empty mbox's one
    assert [read_located(w).sender for w in located][:4] == ["c@x.example", "b@x.example", "a@x.example", "d@x.example"]
