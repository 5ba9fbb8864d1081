"""Compiled regexes kept between runs: the same matches as re.compile, never a stale or broken file."""
import re

from nejtak.bot import regex_cache
from nejtak.bot.phrases import PhraseBook

PATTERNS = {"greeting": r"(?<!\w)(?:hel+o|hej(?P<g0>))(?!\w)", "offer": r"we\s+offer\w*"}
TEXT = "Hej! HELLO there, we   OFFERED a deal; hello again"


def _build(calls):
    def build():
        calls.append(1)
        return dict(PATTERNS), {"g0": {"da"}}
    return build


def _matches(regexes):
    return {n: [(m.span(), m.lastgroup) for m in r.finditer(TEXT)] for n, r in regexes.items()}


def test_second_run_loads_what_the_first_compiled(tmp_path):
    calls = []
    path = tmp_path / "__pycache__" / "x.sre"
    first, extra = regex_cache.compiled(path, "k", re.IGNORECASE, _build(calls))
    second, extra2 = regex_cache.compiled(path, "k", re.IGNORECASE, _build(calls))
    assert calls == [1]  # built once
    assert extra == extra2 == {"g0": {"da"}}
    expected = {n: re.compile(p, re.IGNORECASE) for n, p in PATTERNS.items()}
    assert _matches(first) == _matches(second) == _matches(expected)
    assert second["greeting"].groupindex == expected["greeting"].groupindex
    assert second["greeting"].pattern == PATTERNS["greeting"]


def test_another_key_builds_again(tmp_path):
    calls = []
    path = tmp_path / "x.sre"
    regex_cache.compiled(path, "k", re.IGNORECASE, _build(calls))
    regex_cache.compiled(path, "other phrases", re.IGNORECASE, _build(calls))
    assert calls == [1, 1]


def test_damaged_file_is_compiled_again(tmp_path):
    calls = []
    path = tmp_path / "x.sre"
    regex_cache.compiled(path, "k", re.IGNORECASE, _build(calls))
    (saved,) = tmp_path.glob("x.*.sre")
    saved.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    regexes, _ = regex_cache.compiled(path, "k", re.IGNORECASE, _build(calls))
    assert calls == [1, 1]
    assert _matches(regexes) == _matches({n: re.compile(p, re.IGNORECASE) for n, p in PATTERNS.items()})


def test_unwritable_place_still_compiles(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    regexes, _ = regex_cache.compiled(blocked / "x.sre", "k", re.IGNORECASE, _build([]))
    assert _matches(regexes) == _matches({n: re.compile(p, re.IGNORECASE) for n, p in PATTERNS.items()})


def test_phrase_book_from_the_cache_finds_the_same(tmp_path, monkeypatch):
    import shutil

    from tests.test_phrases import PHRASES

    copy = tmp_path / "phrases"
    shutil.copytree(PHRASES, copy, ignore=shutil.ignore_patterns("__pycache__"))
    text = ("Hi, I came across your company and we offer SEO services. Can we schedule a quick "
            "call next week? If you're not the right person, let me know.")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh = PhraseBook(copy)
    assert list((tmp_path / "cache" / "nejtak").glob("phrases-*.sre"))  # the user's cache, not the package
    assert not (copy / "__pycache__").exists()
    cached = PhraseBook(copy)
    assert fresh.find_all(text) == cached.find_all(text)
    assert fresh.find_all(text)
