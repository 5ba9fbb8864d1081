"""The shipped reply templates (config/templates/<lang>/<kind>.txt) render short, complete replies."""
import re
from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES = Path(__file__).resolve().parent.parent / "config" / "templates"
LANGUAGES = ["en", "da", "sv", "nb", "de", "pl"]
MAIL_KINDS = ["refusal", "reminder"]
CHAT_KINDS = ["chat_refusal", "chat_reminder"]
KINDS = MAIL_KINDS + CHAT_KINDS
LIMIT = {"refusal": 80, "reminder": 80, "chat_refusal": 45, "chat_reminder": 45}  # words, exclusive
# Dates as the responder formats them per language (none contains 15, 17 or 21).
DATES = {
    "en": "3 March 2025", "da": "3. marts 2025", "sv": "3 mars 2025", "nb": "3. mars 2025",
    "de": "3. März 2025", "pl": "3 marca 2025 r.",
}
OWNER = "Anna-Maria Kowalska Nielsen"
SENDER = "Maximilian von Mustermann"


def _env(**options) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, **options
    )


def _render(
    language: str, kind: str, flags: bool, names: bool, env: SandboxedEnvironment | None = None,
    law_sentence: str = "",
) -> str:
    source = (TEMPLATES / language / f"{kind}.txt").read_text(encoding="utf-8")
    return (env or _env()).from_string(source).render(
        owner_name=OWNER if names else "",
        sender_name=SENDER if names else "",
        first_request_date=DATES[language],
        gdpr_source=flags,
        gdpr_erasure=flags,
        gdpr_objection=flags,
        law_sentence=law_sentence,
    )


CASES = [
    pytest.param(
        lang, kind, flags, names,
        id=f"{lang}-{kind}-{'gdpr' if flags else 'plain'}-{'names' if names else 'anon'}",
    )
    for lang in LANGUAGES
    for kind in KINDS
    for flags in (True, False)
    for names in (True, False)
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_template_file_starts_with_a_comment(language, kind):
    source = (TEMPLATES / language / f"{kind}.txt").read_text(encoding="utf-8")
    assert source.startswith("{#")
    head = source[: source.index("#}")]
    for variable in ("gdpr_source", "gdpr_erasure", "gdpr_objection"):
        assert variable in head
    if kind.endswith("reminder"):
        assert "first_request_date" in head


@pytest.mark.parametrize("language,kind,flags,names", CASES)
def test_render(language, kind, flags, names):
    text = _render(language, kind, flags, names)
    words = len(text.split())
    assert words >= 8, text
    assert words < LIMIT[kind], f"{words} words:\n{text}"
    for leftover in ("{{", "}}", "{%", "%}", "{#", "#}"):
        assert leftover not in text
    if kind.endswith("reminder"):
        assert DATES[language] in text
    for article in ("15", "17", "21"):
        present = re.search(rf"(?<!\d){article}(?!\d)", text) is not None
        assert present == flags, f"article {article} {'missing' if flags else 'present'}:\n{text}"
    if kind in MAIL_KINDS:
        assert (OWNER in text) == names, "an e-mail is signed with owner_name when it is set"
    else:
        assert OWNER not in text, "a chat reply has no signature"
    assert "\n\n\n" not in text, f"stray blank lines:\n{text!r}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_uses_only_the_documented_variables(language, kind):
    env = _env(undefined=StrictUndefined)
    for flags in (True, False):
        for names in (True, False):
            _render(language, kind, flags, names, env)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", MAIL_KINDS)
def test_the_country_law_sentence_fits_under_the_limit(language, kind):
    """[reply] country adds one sentence (bot/law.py); the longest citation still fits
    (every country and language: tests/responders/test_country_law.py)."""
    from nejtak.bot.law import COUNTRIES, sentence

    for country in COUNTRIES:
        text = _render(language, kind, True, True, law_sentence=sentence(country, language))
        assert sentence(country, language) in text
        assert len(text.split()) < LIMIT[kind], f"{country}: {len(text.split())} words:\n{text}"


def test_a_template_language_without_a_date_format_is_a_problem_before_any_reminder(tmp_path):
    """A folder of templates named for no language (say "xx") would fail at the first reminder,
    whose date is written in that language: start, reload and config check name it instead."""
    import shutil

    from nejtak.responders.templates import TemplateSet

    shutil.copytree(TEMPLATES / "en", tmp_path / "en")
    shutil.copytree(TEMPLATES / "en", tmp_path / "xx")
    problems = TemplateSet(tmp_path, "en").check_all()
    assert len(problems) == 1 and problems[0].startswith("templates xx/: no language 'xx'")
    shutil.rmtree(tmp_path / "xx")
    assert TemplateSet(tmp_path, "en").check_all() == []
