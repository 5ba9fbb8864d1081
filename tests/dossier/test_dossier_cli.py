"""`nejtak dossier` end to end: the file it writes, standard output, and its exit codes."""
from __future__ import annotations

import re
import tomllib
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from nejtak.bot.cli import main
from tests.dossier.conftest import LUKASZ

pytestmark = pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)


def run(*args: str, config: Path | None = None):
    return CliRunner().invoke(main, ["dossier", *args, *(["--config", str(config)] if config else [])])


def test_it_writes_a_pdf_here_and_prints_its_path(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(LUKASZ, "--db", story.url)
    assert result.exit_code == 0, result.output
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    name = f"dossier-{LUKASZ}-{today}.pdf"
    assert result.output.strip() == name
    assert (tmp_path / name).read_bytes().startswith(b"%PDF")


def test_out_file_and_standard_output(story, tmp_path):
    out = tmp_path / "proof.html"
    result = run("LEADFABRIK.example", "--format", "html", "--out", str(out), "--db", story.url)
    assert result.exit_code == 0 and result.output.strip() == str(out)
    assert "sales@leadfabrik.example" in out.read_text()
    result = CliRunner().invoke(main, ["dossier", LUKASZ, "--format", "html", "--out", "-", "--db", story.url])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_the_owner_language_comes_from_the_config(story, tmp_path):
    config = tmp_path / "nejtak.toml"
    config.write_text(f'[owner]\nlanguage = "da"\n[store]\nurl = "{story.url}"\n[reply]\nlanguages = ["en", "da"]\n')
    out = tmp_path / "d.html"
    assert run(LUKASZ, "--format", "html", "--out", str(out), config=config).exit_code == 0
    tree = HTMLParser(out.read_text())
    assert tree.css_first("html").attributes["lang"] == "da" and "Resumé" in tree.text()
    assert run(LUKASZ, "--format", "html", "--lang", "en", "--out", str(out), config=config).exit_code == 0
    assert "Summary" in out.read_text()


def test_nothing_recorded_is_one_line_and_exit_1(story, tmp_path):
    result = run("nobody@nowhere.example", "--db", story.url)
    assert result.exit_code == 1 and result.output.strip() == "nothing recorded for nobody@nowhere.example"
    assert list(tmp_path.glob("dossier-*")) == []


def test_usage_errors_exit_2_and_a_missing_store_1(story, tmp_path):
    result = run(LUKASZ, "--lang", "xx", "--db", story.url)
    assert result.exit_code == 2 and re.search(r"--lang xx: .*there are: .*da.*en", result.output)
    assert run(LUKASZ, "--format", "docx", "--db", story.url).exit_code == 2
    result = run(LUKASZ, "--db", f"sqlite:///{tmp_path / 'missing.db'}")
    assert result.exit_code == 1 and "no store at" in result.output


def test_every_language_file_has_every_word_with_the_same_placeholders(store_url):
    folder = files("nejtak.bot.dossier") / "words"
    english = tomllib.loads((folder / "en.toml").read_text("utf-8"))
    names = [p.name for p in folder.iterdir() if p.name.endswith(".toml")]
    assert {f"{lang}.toml" for lang in "en da sv nb de pl nl fi fr es it".split()} <= set(names)
    for name in names:
        words = tomllib.loads((folder / name).read_text("utf-8"))
        assert set(words) == set(english), name
        for key, text in english.items():
            assert set(re.findall(r"{(\w+)}", words[key])) == set(re.findall(r"{(\w+)}", text)), (name, key)


def test_the_dossier_is_in_the_owners_language_by_default(store_url):
    """[owner] language decides, not the order of [reply] languages."""
    from nejtak.bot.config import parse
    from nejtak.bot.dossier import owner_language

    assert owner_language(parse('[owner]\nlanguage = "da"\naddresses = ["a@b.example"]\n', "t.toml")) == "da"
    assert owner_language(parse('[owner]\nlanguage = "pl"\n[reply]\nlanguages = ["en", "pl"]\n', "t.toml")) == "pl"
    assert owner_language(parse('[owner]\nlanguage = "xx"\n[reply]\nlanguages = ["sv"]\n', "t.toml")) == "sv"
