"""`nejtak triage FILE` without --db or --sent decides without opening a store, and decides as
triage over a fresh throw-away store does."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.config import load
from nejtak.bot.mail.sources import located_in_date_order
from nejtak.bot.store import Store
from nejtak.bot.triage import needs_no_store, triage, triage_alone, with_overrides
from tests.test_triage_golden import CORPUS, DATA, ROOT, _differences, _kept

STEP = 150  # every 150th SpamAssassin file: about 40, pitches and wanted mail of every folder


def _files() -> list[str]:
    files = [str(p) for p in sorted(CORPUS.rglob("*")) if p.is_file()][::STEP] if CORPUS.is_dir() else []
    inbox = sorted((DATA / "devset" / "inbox").iterdir())
    return files + [str(p) for p in inbox[::4]] + [str(ROOT / "examples" / "pitch.eml")]


def test_one_message_alone_is_decided_as_over_a_fresh_store():
    config = with_overrides(load(None), ["anna@holm.example", "me@example.test"], ["mx.holm.example"], "auto")
    alone, stored = [], []
    for path in _files():
        located = located_in_date_order([path])
        alone += [_kept(r) for r in triage_alone(config, located)]
        store = Store("sqlite://", freemail_domains=config.classifier.freemail_domains)
        try:
            stored += [_kept(r) for r in triage(config, store, [path], located=located)]
        finally:
            store.close()
    assert len(stored) >= 40
    assert any(r["action"] == "reply" for r in stored) and any(not r["unsolicited"] for r in stored)
    assert _differences(stored, alone) == []


def test_only_a_lone_message_with_nothing_to_record_or_read_goes_without_a_store():
    assert needs_no_store(1, None, ())
    assert not needs_no_store(2, None, ())  # two messages: the second may repeat the first
    assert not needs_no_store(1, "sqlite:///x.db", ())  # to be recorded
    assert not needs_no_store(1, None, ("sent",))  # the owner's sent mail is history


def test_the_command_on_one_file_answers_without_loading_the_database_layer():
    pitch = ROOT / "examples" / "pitch.eml"
    probe = ("import sys, json; from click.testing import CliRunner; from nejtak.bot.cli import main; "
             f"r = CliRunner().invoke(main, ['triage', '--me', 'me@localhost', '--authserv-id', 'localhost', '--json', {str(pitch)!r}]); "
             "print(json.dumps({'out': r.stdout, 'code': r.exit_code, "
             "'sqlalchemy': any(m.startswith(('sqlalchemy', 'alembic')) for m in sys.modules)}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 0
    row = json.loads(result["out"])
    assert row["unsolicited"] and row["action"] == "reply"
    assert not result["sqlalchemy"]


def test_with_the_owners_sent_mail_one_file_is_judged_with_its_history():
    devset = DATA / "devset"
    thread = devset / "inbox" / "003-conference-thread-nb.eml"  # a reply in a thread the owner started
    row, = _rows(["--sent", str(devset / "sent"), str(thread)])
    assert row["blocked_by"] == "known_correspondent"
    assert "OWNER_THREAD" in {s["name"] for s in row["signals"]}


def test_with_a_store_one_file_is_recorded(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    row, = _rows(["--db", url, str(ROOT / "examples" / "pitch.eml")])
    store = Store(url)
    try:
        assert "received" in [e["event"] for e in store.timeline(row["sender"])]
    finally:
        store.close()


def _rows(args: list[str]) -> list[dict]:
    result = CliRunner().invoke(main, ["triage", "--me", "anna@holm.example", "--me", "me@example.test",
                                       "--authserv-id", "mx.holm.example", "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
