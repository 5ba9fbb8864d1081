"""Sales phrases per language and category, from config/phrases/<lang>.toml, compiled once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from nejtak.bot import regex_cache
from nejtak.bot.errors import ConfigError


@dataclass(frozen=True)
class PhraseHit:
    category: str
    phrase: str  # the text that matched
    language: str  # the phrase list it came from


_WS, _STEM, _END = "\x00ws", "\x00stem", "\x00end"


def _atoms(phrase: str) -> list[str]:
    """A phrase as matching steps: literal characters, white space, a word's free ending."""
    atoms: list[str] = []
    for i, word in enumerate(phrase.lower().split()):
        if i:
            atoms.append(_WS)
        stem = word.endswith("*")
        atoms.extend(word.rstrip("*"))
        if stem:
            atoms.append(_STEM)
    return atoms


def _trie_regex(phrases: list[str], tags: list[str] | None = None) -> tuple[str, dict[str, set[str]]]:
    """One regex for many phrases, factored as a trie so that each position is tried cheaply
    (a plain alternation of a thousand phrases is tried phrase by phrase: far too slow).

    With tags (one per phrase), each phrase ends in an empty named group; the returned map
    says which tags that group stands for, so one scan finds every category."""
    trie: dict = {}
    for i, phrase in enumerate(phrases):
        node = trie
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node.setdefault(_END, set()).add(tags[i] if tags else "")
    groups: dict[str, set[str]] = {}

    def emit(node: dict) -> str:
        branches = []
        for atom, child in sorted(node.items()):
            if atom == _END:
                name = f"g{len(groups)}"
                groups[name] = child
                branches.append(r"(?!\w)" + (f"(?P<{name}>)" if tags else ""))
                continue
            head = r"\s+" if atom == _WS else r"\w*" if atom == _STEM else re.escape(atom)
            branches.append(head + emit(child))
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return r"(?<!\w)" + emit(trie), groups


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
        self._language_of: dict[str, dict[str, str]] = {}
        by_category: dict[str, list[str]] = {}
        for category, by_language in self.lists.items():
            owners: dict[str, str] = {}
            for language, listed in by_language.items():
                for phrase in listed:
                    if phrase.strip(" *"):
                        by_category.setdefault(category, []).append(phrase)
                        owners.setdefault(phrase.lower().rstrip("*"), language)
            if owners:
                self._language_of[category] = owners
        every = [(p, c) for c, by_language in self.lists.items() for ps in by_language.values()
                 for p in ps if p.strip(" *")]

        def build() -> tuple[dict[str, str], dict[str, set[str]]]:
            """One regex per category, and "": every category's at once, tagged."""
            patterns = {category: _trie_regex(phrases)[0] for category, phrases in by_category.items()}
            patterns[""], groups = _trie_regex([p for p, _ in every], [c for _, c in every])
            return patterns, groups

        try:  # what the regexes are made of: the phrases, and this module's way of making them
            key = repr((Path(__file__).read_bytes(), by_category, every))
        except OSError:
            key = ""
        if key:
            self._compiled, self._groups = regex_cache.compiled(regex_cache.cache_file("phrases", directory),
                                                                key, re.IGNORECASE, build)
        else:
            patterns, self._groups = build()
            self._compiled = {name: re.compile(p, re.IGNORECASE) for name, p in patterns.items()}
        self._all = self._compiled.pop("")

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

    def find_all(self, text: str) -> dict[str, PhraseHit]:
        """The first phrase of every category in the text, in one scan.

        One scan returns non-overlapping matches, so a phrase that overlaps a match of another
        category is looked for again around each match."""
        hits: dict[str, PhraseHit] = {}
        spans = []
        for m in self._all.finditer(text):
            spans.append(m.span())
            found = " ".join(m.group(0).split())
            for category in self._groups[m.lastgroup]:
                if category not in hits:
                    hits[category] = PhraseHit(category, found, self._guess_language(category, found))
        for start, end in spans[:20]:
            window = text[max(0, start - 80): end + 80]
            for category in self._compiled.keys() - hits.keys():
                hit = self.find(category, window)
                if hit:
                    hits[category] = hit
        return hits

    def _guess_language(self, category: str, found: str) -> str:
        owners = self._language_of.get(category, {})
        key = found.lower()
        if key in owners:
            return owners[key]
        for phrase, language in owners.items():
            if key.startswith(phrase):
                return language
        return "?"
