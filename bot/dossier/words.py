"""The dossier's own words in the owner's language: one TOML file per language in words/."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files

FALLBACK = "en"


def _folder():
    return files("nejtak.bot.dossier") / "words"


def languages() -> list[str]:
    """The languages a dossier can be written in (ISO 639-1), sorted."""
    return sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=None)
def _read(lang: str) -> dict[str, str]:
    return tomllib.loads((_folder() / f"{lang}.toml").read_text(encoding="utf-8"))


class Words:
    """`w("key", name=value)`: the text in the language, with English for a missing key."""

    def __init__(self, lang: str) -> None:
        if lang not in languages():
            raise ValueError(f"no dossier words for language {lang!r}; there are: {', '.join(languages())}")
        self.lang = lang
        self._words = {**_read(FALLBACK), **_read(lang)}

    def __call__(self, key: str, **values) -> str:
        text = self._words[key]
        return text.format(**values) if values else text
