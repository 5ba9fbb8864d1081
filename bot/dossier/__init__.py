"""A sender's dossier: the proof an owner can hand to an authority.

`make_dossier` gathers everything the store holds about one address or a whole domain (both
channels), and renders it as self-contained HTML or as PDF, in the owner's language. It is
synchronous (it reads the store and renders); async callers use `asyncio.to_thread`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


class NothingRecorded(Exception):
    """nothing is recorded for that address or domain"""


@dataclass(frozen=True)
class Made:
    """One rendered dossier, ready to write to a file or send as a document."""

    content: bytes
    filename: str  # e.g. "dossier-sales.acme.example-2026-12-01.pdf"
    media_type: str  # "application/pdf" | "text/html"


def make_dossier(store, target: str, *, fmt: str = "pdf", lang: str = "en", country: str = "",
                 now: datetime | None = None, trusted_authserv_ids: Sequence[str] = ()) -> Made:
    """The dossier for `target` (an address, "tg:<id>", or a domain) as PDF or HTML.

    `trusted_authserv_ids` is the owner's `[owner] trusted_authserv_ids`: whose
    Authentication-Results header says who vouched for a sender (none: the topmost, as the
    reply guard reads it). Raises NothingRecorded when the store knows nothing about
    `target`, ValueError for an unknown `fmt` or `lang`.
    """
    from nejtak.bot.dossier.build import make

    return make(store, target, fmt=fmt, lang=lang, country=country, now=now,
                trusted_authserv_ids=trusted_authserv_ids)


def dossier_languages() -> list[str]:
    """The languages a dossier can be written in."""
    from nejtak.bot.dossier.words import languages

    return languages()


def owners_dossier(config, store, target: str, *, fmt: str = "pdf", lang: str | None = None) -> Made:
    """make_dossier as the owner's config asks for it: their language (unless `lang`), their
    country's law, their trusted authserv-ids. For the CLI and the Telegram command alike."""
    return make_dossier(store, target, fmt=fmt, lang=lang or owner_language(config), country=config.reply.country,
                        trusted_authserv_ids=config.owner.trusted_authserv_ids)


def owner_language(config) -> str:
    """The owner's language ([owner] language), else the first of [reply] languages a dossier
    can be written in, else English."""
    have = set(dossier_languages())
    return next((lang for lang in (config.owner.language, *config.reply.languages) if lang in have), "en")


__all__ = ["Made", "NothingRecorded", "dossier_languages", "make_dossier", "owner_language", "owners_dossier"]
