"""Reply templates: plain files in config/templates/<lang>/<kind>.txt, rendered in a Jinja sandbox."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel import localedata
from babel.dates import format_date
from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, meta
from jinja2.sandbox import SandboxedEnvironment

from nejtak.bot.config import ConfigError

KINDS = ("refusal", "reminder", "chat_refusal", "chat_reminder")
# What responders.compose passes to every template.
VARIABLES = ("owner_name", "sender_name", "first_request_date", "gdpr_source", "gdpr_erasure",
             "gdpr_objection", "law_sentence")
_SAMPLES = [
    dict(owner_name="Owner", sender_name=name, first_request_date=first, gdpr_source=flag,
         gdpr_erasure=flag, gdpr_objection=flag,
         # [reply] country's sentence (bot/law.py), or "" when no country is set
         law_sentence="By law, e-mail marketing requires my prior consent (Denmark, markedsføringsloven § 10)."
         if flag else "")
    # the date as a reminder gets it, already formatted: the check loads no locale's date data
    # (13 MB for eleven languages), it asks babel whether the language has any (check_all)
    for name in ("", "Sam Seller") for first in (None, "2 November 2026") for flag in (True, False)
]
_BABEL_LOCALE = {"nb": "nb_NO", "da": "da_DK", "sv": "sv_SE", "de": "de_DE", "pl": "pl_PL", "en": "en_GB",
                 "nl": "nl_NL", "fi": "fi_FI", "fr": "fr_FR", "es": "es_ES", "it": "it_IT"}


@dataclass(frozen=True)
class Rendered:
    body: str
    language: str
    kind: str


class TemplateSet:
    """All templates under one folder; languages are the sub-folders that hold every kind."""

    def __init__(self, directory: Path, fallback_language: str) -> None:
        if not directory.is_dir():
            raise ConfigError(f"template folder {directory} does not exist")
        self.directory = directory
        self.env = SandboxedEnvironment(
            loader=FileSystemLoader(str(directory)),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            undefined=StrictUndefined,
            autoescape=False,
        )
        self.languages = sorted(
            d.name for d in directory.iterdir() if d.is_dir() and all((d / f"{k}.txt").is_file() for k in KINDS)
        )
        if not self.languages:
            raise ConfigError(f"no complete template language under {directory}")
        self.fallback = fallback_language if fallback_language in self.languages else (
            "en" if "en" in self.languages else self.languages[0])

    def language_for(self, language: str) -> str:
        """The sender's language when there are templates for it, else the owner's."""
        return language if language in self.languages else self.fallback

    def render(self, kind: str, language: str, **values) -> Rendered:
        if kind not in KINDS:
            raise ValueError(f"unknown template kind {kind!r}")
        lang = self.language_for(language)
        first = values.get("first_request_date")
        if isinstance(first, datetime):
            values["first_request_date"] = format_date(first, format="long",
                                                       locale=_BABEL_LOCALE.get(lang, lang))
        values.setdefault("first_request_date", "")
        values.setdefault("law_sentence", "")
        try:
            text = self.env.get_template(f"{lang}/{kind}.txt").render(**values)
        except TemplateError as e:
            raise ConfigError(f"template {lang}/{kind}.txt: {e}") from e
        return Rendered(_tidy(text), lang, kind)

    def check_all(self) -> list[str]:
        """Every template parsed, checked for variables a reply never has, and rendered with
        and without each optional value; the problems found (a start and a reload refuse them)."""
        problems = []
        for lang in self.languages:
            if not localedata.exists(_BABEL_LOCALE.get(lang, lang)):
                problems.append(f"templates {lang}/: no language {lang!r} to write a reminder's date in "
                                "(name the folder with an ISO 639-1 code such as da, de, pl)")
                continue
            for kind in KINDS:
                name = f"{lang}/{kind}.txt"
                try:
                    source = self.env.loader.get_source(self.env, name)[0]
                    unknown = meta.find_undeclared_variables(self.env.parse(source)) - set(VARIABLES)
                except TemplateError as e:
                    problems.append(f"template {name}: {e}")
                    continue
                if unknown:
                    problems.append(f"template {name}: unknown variable(s) {', '.join(sorted(unknown))}; "
                                    f"a reply has {', '.join(VARIABLES)}")
                    continue
                for values in _SAMPLES:
                    try:
                        self.render(kind, lang, **values)
                    except ConfigError as e:
                        problems.append(str(e))
                        break
        return problems


def _tidy(text: str) -> str:
    """Collapse runs of blank lines that optional sentences leave, and trim the ends."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
