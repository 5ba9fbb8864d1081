"""The dossier as one self-contained HTML file: inline CSS, no scripts, nothing fetched."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, select_autoescape

from nejtak.bot.dossier.view import FACTS_FILE, Document


@lru_cache(maxsize=1)
def _template():
    env = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    return env.from_string((files("nejtak.bot.dossier") / "dossier.html").read_text(encoding="utf-8"))


def render_html(doc: Document) -> bytes:
    """Every value is escaped: subjects and texts are the sender's, and must stay text."""
    return _template().render(d=doc, w=doc.words, facts_file=FACTS_FILE).encode("utf-8")
