"""Rule 9 widened: a colleague at the owner's own organisation is known, never refused, however
commercial the mail reads; a stranger on a free-mail provider the owner also uses is not."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main

PITCH = ("I came across your company and noticed your website could rank much higher on Google. "
         "We help companies like yours get more traffic with SEO. Do you have 15 minutes for a "
         "quick call next week? Book a time here: https://calendly.com/ola/15min")


def _mail(folder: Path, name: str, sender: str, owner: str, dmarc: str = "pass", also_from: str = "") -> Path:
    domain = sender.rsplit("@", 1)[1]
    path = folder / name
    path.write_bytes((
        f"Return-Path: <{sender}>\r\n"
        f"Authentication-Results: mx.owner.example; dmarc={dmarc} header.from={domain}\r\n"
        f"From: Ola Nordmann <{sender}>{also_from}\r\nTo: {owner}\r\nSubject: Quick question about your website\r\n"
        f"Date: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <{name}@{domain}>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Hi,\r\n\r\n{PITCH}\r\n\r\nBest,\r\nOla\r\n").encode())
    return path


def _triage(owner: str, *paths: Path, config: Path | None = None) -> dict[str, dict]:
    extra = ["--config", str(config)] if config else []
    result = CliRunner().invoke(main, ["triage", "--me", owner, "--authserv-id", "mx.owner.example", "--json",
                                       *extra, *map(str, paths)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {Path(r["source"]).name: r for r in rows}


@pytest.mark.parametrize("together", [False, True], ids=["one file, no store", "with a store"])
def test_a_colleague_is_never_refused_and_a_stranger_is(tmp_path, together):
    owner = "anna@holm.example"
    colleague = _mail(tmp_path, "colleague.eml", "ola@sales.holm.example", owner)  # a subdomain: same organisation
    stranger = _mail(tmp_path, "stranger.eml", "ola@vendor.example", owner)
    rows = _triage(owner, colleague, stranger) if together else {**_triage(owner, colleague), **_triage(owner, stranger)}
    assert rows["stranger.eml"]["action"] == "reply"
    mine = rows["colleague.eml"]
    assert mine["action"] == "none" and not mine["unsolicited"] and mine["reply"] is None
    assert mine["blocked_by"] == "known_correspondent"
    assert "OWN_ORGANISATION" in {s["name"] for s in mine["signals"]}


def test_a_shared_free_mail_provider_is_no_organisation(tmp_path):
    owner = "anna.holm@gmail.com"
    stranger = _mail(tmp_path, "stranger.eml", "ola.sales@gmail.com", owner)
    row = _triage(owner, stranger)["stranger.eml"]
    assert row["action"] == "reply"
    assert "OWN_ORGANISATION" not in {s["name"] for s in row["signals"]}


def _colleague(row: dict) -> bool:
    return "OWN_ORGANISATION" in {s["name"] for s in row["signals"]}


def test_a_forged_colleague_address_is_no_colleague(tmp_path):
    """Anyone can write the owner's domain into From: without the owner's server vouching for
    it (DMARC), the mail is judged as any stranger's, and shown as the pitch it is."""
    owner = "anna@holm.example"
    forged = _mail(tmp_path, "forged.eml", "it-support@holm.example", owner, dmarc="fail")
    row = _triage(owner, forged)["forged.eml"]
    assert not _colleague(row) and row["unsolicited"]
    assert row["blocked_by"] == "authentication" and row["reply"] is None  # and never answered
    # nor a colleague's address beside someone else's: several From are no single author
    two = _mail(tmp_path, "two.eml", "ola@holm.example", owner, also_from=", Eve <eve@elsewhere.example>")
    assert not _colleague(_triage(owner, two)["two.eml"])


def test_the_owner_names_the_organisation_or_none(tmp_path):
    owner = "anna@mailhost.example"  # a provider missing from the free-mail list
    stranger = _mail(tmp_path, "stranger.eml", "ola@mailhost.example", owner)
    assert _colleague(_triage(owner, stranger)["stranger.eml"])  # derived from the owner's address
    none = tmp_path / "none.toml"
    none.write_text('[owner]\norganisation_domains = []\n', encoding="utf-8")
    row = _triage(owner, stranger, config=none)["stranger.eml"]
    assert not _colleague(row) and row["action"] == "reply"
    named = tmp_path / "named.toml"
    named.write_text('[owner]\norganisation_domains = ["holm.example"]\n', encoding="utf-8")
    colleague = _mail(tmp_path, "colleague.eml", "ola@holm.example", owner)
    rows = _triage(owner, stranger, colleague, config=named)
    assert _colleague(rows["colleague.eml"]) and not _colleague(rows["stranger.eml"])


def test_a_host_without_an_organisation_makes_no_colleagues(tmp_path):
    owner = "anna@localhost"
    local = _mail(tmp_path, "local.eml", "ola@localhost", owner)
    assert not _colleague(_triage(owner, local)["local.eml"])
