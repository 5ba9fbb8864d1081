"""The shipped language model is py3langid's, cut down to the candidates, and judges alike."""
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
