"""Gather, lay out and render one dossier: the body of `make_dossier`."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from nejtak.bot.dossier import Made, NothingRecorded
from nejtak.bot.dossier.collect import collect
from nejtak.bot.dossier.view import document
from nejtak.bot.dossier.words import languages
from nejtak.bot.store.models import as_utc, utcnow

FORMATS = {"pdf": "application/pdf", "html": "text/html"}


def filename(target: str, fmt: str, now: datetime) -> str:
    """dossier-<target>-<date>.<fmt>, with only characters every file system and chat accepts."""
    safe = re.sub(r"[^A-Za-z0-9._@+-]+", "-", target.strip().lower()).strip("-.") or "sender"
    return f"dossier-{safe[:100]}-{now:%Y-%m-%d}.{fmt}"


def make(store, target: str, *, fmt: str = "pdf", lang: str = "en", country: str = "",
         now: datetime | None = None, trusted_authserv_ids: Sequence[str] = ()) -> Made:
    if fmt not in FORMATS:
        raise ValueError(f"unknown dossier format {fmt!r}; there are: {', '.join(FORMATS)}")
    if lang not in languages():
        raise ValueError(f"no dossier words for language {lang!r}; there are: {', '.join(languages())}")
    now = as_utc(now) or utcnow()
    facts = collect(store, target, trusted_authserv_ids)
    if facts is None:
        raise NothingRecorded(target)
    doc = document(facts, lang, country, now)
    if fmt == "html":
        from nejtak.bot.dossier.render_html import render_html

        content = render_html(doc)
    else:
        from nejtak.bot.dossier.render_pdf import render_pdf

        content = render_pdf(doc, now)
    return Made(content, filename(facts["target"], fmt, now), FORMATS[fmt])
