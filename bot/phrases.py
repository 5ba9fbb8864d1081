"""Sales phrases per language and category, from config/phrases/<lang>.toml, compiled once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bot.config import ConfigError


@dataclass(frozen=True)
class PhraseHit:
    category: str
    phrase: str  # the text that matched
    language: str  # the phrase list it came from


def _pattern(phrase: str) -> str:
    """A phrase as a regex: words in order, any white space between, `*` for a word's ending."""
    words = phrase.strip().split()
    parts = []
    for word in words:
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


class PhraseBook:
    """All phrase lists, one compiled alternation per category over every language."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.lists: dict[str, dict[str, list[str]]] = {}  # category -> language -> phrases
        self.domains: dict[str, list[str]] = {}  # from common.toml: calendar, tracker, ...
        self.mailers: list[str] = []  # outreach-tool X-Mailer / header fingerprints
        if not directory.is_dir():
            raise ConfigError(f"phrase folder {directory} does not exist")
        for path in sorted(directory.glob("*.toml")):
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"{path}: not valid TOML: {e}") from e
            if path.stem == "common":
                self.domains = {k: [d.lower() for d in v] for k, v in data.get("domains", {}).items()}
                self.mailers = [m.lower() for m in data.get("mailers", [])]
                continue
            for category, section in data.items():
                phrases = section.get("phrases", []) if isinstance(section, dict) else []
                self.lists.setdefault(category, {})[path.stem] = phrases
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._language_of: dict[str, dict[str, str]] = {}
        for category, by_language in self.lists.items():
            alternatives = []
            owners: dict[str, str] = {}
            for language, phrases in by_language.items():
                for phrase in phrases:
                    alternatives.append(_pattern(phrase))
                    owners.setdefault(phrase.lower().rstrip("*"), language)
            if alternatives:
                alternatives.sort(key=len, reverse=True)
                self._compiled[category] = re.compile("|".join(alternatives), re.IGNORECASE)
                self._language_of[category] = owners

    def categories(self) -> list[str]:
        return sorted(self._compiled)

    def find(self, category: str, text: str) -> PhraseHit | None:
        """The first phrase of a category in the text, or None."""
        pattern = self._compiled.get(category)
        if pattern is None:
            return None
        m = pattern.search(text)
        if not m:
            return None
        found = " ".join(m.group(0).split())
        language = self._guess_language(category, found)
        return PhraseHit(category, found, language)

    def _guess_language(self, category: str, found: str) -> str:
        owners = self._language_of.get(category, {})
        key = found.lower()
        if key in owners:
            return owners[key]
        for phrase, language in owners.items():
            if key.startswith(phrase):
                return language
        return "?"
