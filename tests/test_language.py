"""The shipped language model is py3langid's, cut down to the candidates, and judges alike."""
import os

import numpy as np
import pytest

from nejtak.bot import language

TEXTS = [
    "Hello, I came across your company and would love to set up a quick call next week.",
    "Hej, vi er et bureau der hjælper virksomheder med at få flere kunder online.",
    "Guten Tag, wir bieten Ihnen eine kostenlose Analyse Ihrer Webseite an.",
    "Dzień dobry, oferujemy kompleksowe usługi marketingowe dla firm.",
    "Hei! Vi tilbyr regnskapstjenester til små bedrifter i hele Norge.",
    "Hej! Vi hjälper företag att växa med bättre annonser på nätet.",
    "Здравствуйте, предлагаем вам сотрудничество по продвижению сайта.",
]


@pytest.fixture(scope="module")
def restricted():
    full = language.full_model()
    full.set_languages(language._CANDIDATES)
    return full


def test_shipped_model_is_py3langids_restricted(restricted):
    """When py3langid's model changes, run tools/language_model.py again."""
    shipped = language._load(language.MODEL_FILE)
    assert shipped is not None, "bot/language_model.bin.gz is missing or unreadable"
    assert shipped.nb_classes == restricted.nb_classes
    assert np.array_equal(shipped.nb_pc, restricted.nb_pc)
    assert np.array_equal(shipped.nb_ptc, restricted.nb_ptc)
    assert shipped.nb_ptc.strides == restricted.nb_ptc.strides
    assert shipped.tk_nextmove == restricted.tk_nextmove
    assert shipped.tk_row == restricted.tk_row
    assert shipped.tk_output == restricted.tk_output


def test_shipped_model_judges_alike(restricted):
    shipped = language._load(language.MODEL_FILE)
    for text in TEXTS:
        assert shipped.classify(text) == restricted.classify(text)


def test_detect():
    assert language.detect(TEXTS[0], "da")[0] == "en"
    assert language.detect(TEXTS[1], "en")[0] == "da"
    assert language.detect(TEXTS[4], "en")[0] == "nb"
    assert language.detect("Hi!", "sv") == ("sv", 0.0)


def test_unreadable_model_file_is_none(tmp_path):
    broken = tmp_path / "language_model.bin.gz"
    broken.write_bytes(b"not gzip")
    assert language._load(broken) is None


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "nejtak"


def test_the_model_is_unpacked_once_and_mapped_after(cache_home, restricted):
    """Unpacking the 39 MB DFA was most of `nejtak triage FILE`: it is kept unpacked in the
    user's cache folder and mapped, and the mapped model judges exactly alike."""
    language._load(language.MODEL_FILE)
    [copy] = cache_home.glob("language-*.bin")
    written = copy.stat().st_mtime_ns
    mapped = language._load(language.MODEL_FILE)
    assert copy.stat().st_mtime_ns == written  # read, not written again
    assert isinstance(mapped.tk_nextmove, memoryview)
    assert mapped.tk_nextmove == restricted.tk_nextmove
    assert np.array_equal(mapped.nb_ptc, restricted.nb_ptc)
    for text in TEXTS:
        assert mapped.classify(text) == restricted.classify(text)


def test_a_damaged_copy_is_dropped_and_the_model_still_judges(cache_home, restricted):
    language._load(language.MODEL_FILE)
    [copy] = cache_home.glob("language-*.bin")
    copy.write_bytes(copy.read_bytes()[:1_000_000])  # cut short (a disk error, a hand at work)
    shipped = language._load(language.MODEL_FILE)
    assert [shipped.classify(t) for t in TEXTS] == [restricted.classify(t) for t in TEXTS]
    assert not copy.exists()  # written anew at the next start
    language._load(language.MODEL_FILE)
    assert copy.stat().st_size > 40_000_000


def test_without_a_writable_cache_folder_the_model_is_read_into_memory(cache_home, restricted):
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("a file where the folder should be")
    shipped = language._load(language.MODEL_FILE)
    assert not isinstance(shipped.tk_nextmove, memoryview)
    assert [shipped.classify(t) for t in TEXTS] == [restricted.classify(t) for t in TEXTS]


def test_another_models_copy_is_removed(cache_home):
    """Each copy is 44 MB: a new model's copy replaces the old one's."""
    cache_home.mkdir(parents=True)
    old = cache_home / "language-00000000000000000000.bin"
    old.write_bytes(b"an older model")
    language._load(language.MODEL_FILE)
    assert not old.exists() and len(list(cache_home.glob("language-*.bin"))) == 1


def test_a_copy_with_wrong_contents_is_dropped_when_it_fails_to_judge(cache_home, restricted, monkeypatch, caplog):
    """A copy of the right size whose DFA is garbage maps fine and then fails on the first text:
    detect() still answers (from the model read into memory), drops the copy and says so."""
    language._load(language.MODEL_FILE)
    [copy] = cache_home.glob("language-*.bin")
    data = bytearray(copy.read_bytes())
    data[len(data) // 2:len(data) // 2 + 2_000_000] = b"\xff" * 2_000_000  # inside the DFA
    copy.write_bytes(bytes(data))
    monkeypatch.setattr(language, "_identifier", None)
    with pytest.raises(Exception):  # what every message would have met
        language._load(language.MODEL_FILE).classify(TEXTS[0])
    assert language.detect(TEXTS[0], "da")[0] == "en"
    assert not copy.exists() and "could not judge a text" in caplog.text
    assert [language.detect(t, "xx")[0] for t in TEXTS[1:3]] == ["da", "de"]


def test_a_half_written_copy_left_by_a_dead_process_is_removed_later(cache_home):
    cache_home.mkdir(parents=True)
    old, fresh = cache_home / ".language-dead", cache_home / ".language-writing"
    old.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(old, (0, 0))
    language._load(language.MODEL_FILE)
    assert not old.exists() and fresh.exists()  # another process may be writing that one now


def _depths(identifier) -> np.ndarray:
    """How many bytes from the start state each state of the automaton lies (breadth first)."""
    moves = np.asarray(identifier._moves, dtype=np.int64)
    rows = identifier._rows
    depth = np.full(len(rows), -1)
    depth[0] = 0
    frontier, level = np.array([0]), 0
    while len(frontier):
        reached = np.unique(moves[(rows[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        level += 1
        depth[frontier] = level
    return depth


def _deepest_state(identifier) -> int:
    return int(_depths(identifier).max())


def test_the_walk_looks_back_as_far_as_the_automaton_is_deep():
    """The numpy walk (bot/language_walk.py) relies on the state after a byte depending on the
    last DEPTH bytes only: true while no state lies deeper. A model with longer n-grams would
    judge differently: raise DEPTH."""
    from nejtak.bot.language_walk import DEPTH

    shipped = language._load(language.MODEL_FILE)
    assert _deepest_state(shipped) == DEPTH


def _corpus_texts(every: int = 70) -> list[str]:
    """Every `every`-th message of the writers' corpus: eleven languages, mail and chat."""
    import json
    from pathlib import Path

    rows = [json.loads(line) for f in sorted(Path(__file__).parent.glob("data/corpus/w*/batch-*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [f"{r['subject']}\n{r['body']}" for r in rows[::every]]


def test_the_numpy_walk_scores_exactly_as_py3langids_own(restricted):
    from py3langid import langid

    from nejtak.bot.language_walk import DEPTH

    shipped = language._load(language.MODEL_FILE)
    texts = TEXTS + [" ".join(t.split())[:600] for t in _corpus_texts()] + [
        "", "a", "ab", "abcde", "ÆØÅ æøå", "\u0000\u00ff" * 40, "😀 emoji 😀 " * 30, "x" * 700,
        "Zażółć gęślą jaźń, łódź i źdźbło.", "Tämä on hyvin lyhyt viesti äöå.",
        "こんにちは。ありがとうございます。また会いましょう。"]  # kana pairs: the deepest states
    assert len(texts) > 400
    depths, deepest = _depths(shipped), 0
    for text in texts:
        data = shipped._encode(text)
        walked = _walked(shipped, data)  # py3langid's own walk, a byte at a time
        assert np.array_equal(shipped.states(data), walked), text[:60]
        assert np.array_equal(shipped._raw_score(data),
                              langid.LanguageIdentifier._raw_score(shipped, data)), text[:60]
        assert shipped.classify(text) == restricted.classify(text)
        if data:
            deepest = max(deepest, int(depths[walked].max()))
    assert deepest == DEPTH  # the texts walk the automaton as deep as it goes


def _walked(identifier, data: bytes) -> np.ndarray:
    state, states = 0, []
    for byte in data:
        state = identifier.tk_nextmove[identifier._rowbase[state] + byte]
        states.append(state)
    return np.array(states, dtype=np.int64)
