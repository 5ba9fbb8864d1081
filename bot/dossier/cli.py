"""`nejtak dossier ADDRESS|DOMAIN`: the proof about one sender or organisation, as a file."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from nejtak.bot.dossier.words import languages


@click.command()
@click.argument("target", metavar="ADDRESS|DOMAIN")
@click.option("--format", "fmt", type=click.Choice(["pdf", "html"]), default="pdf", show_default=True,
              help="PDF to hand over, or self-contained HTML.")
@click.option("--out", "out_path", metavar="FILE",
              help="Where to write it; '-' for standard output (default: dossier-...-DATE.pdf here).")
@click.option("--lang", help="Language of the dossier's own words (default: [owner] language).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="Config file (TOML); default: the one `nejtak init` wrote, else the shipped defaults.")
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def dossier(target, fmt, out_path, lang, config_file, db_url) -> None:
    """Write a dossier on one sender (an address or tg:<id>) or a whole organisation (a domain):
    every message, every request to stop with the mail server's acceptance, block suggestions,
    SHA-256 hashes, and what the law lets you do next."""
    from nejtak.bot.cli import _existing_store, _load, _logging
    from nejtak.bot.dossier import NothingRecorded, owners_dossier

    if lang is not None and lang not in languages():
        raise click.UsageError(f"--lang {lang}: no dossier in that language; there are: {', '.join(languages())}")
    config = _load(config_file)
    _logging(config, quiet=True)  # warnings to stderr; the document alone to --out -
    store = _existing_store(config, db_url)
    try:
        made = owners_dossier(config, store, target, fmt=fmt, lang=lang)
    except NothingRecorded:
        click.echo(f"nothing recorded for {target}", err=True)
        sys.exit(1)
    finally:
        store.close()
    if out_path == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(made.content)
        sys.stdout.buffer.flush()
        return
    path = Path(out_path or made.filename)
    try:
        path.write_bytes(made.content)
    except OSError as e:
        raise click.ClickException(f"cannot write {path}: {e.strerror or e}") from e
    click.echo(str(path))
