"""The `nejtak` command line: run the daemon, triage mail files, check config, preview, inspect."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from bot import config as config_mod
from bot.config import Config, ConfigError

err = Console(stderr=True)
out = Console()


def _load(path: str | None) -> Config:
    try:
        return config_mod.load(path)
    except ConfigError as e:
        raise click.ClickException(str(e)) from e


def _logging(config: Config, quiet: bool = False) -> None:
    from bot import logs

    logs.setup(config.log_level, config.log_format, quiet)


def _store(url: str, config: Config):
    from bot.store import Store

    return Store(url, freemail_domains=config.classifier.freemail_domains)


@click.group()
@click.version_option(package_name="nejtak")
def main() -> None:
    """nejtak: answers unsolicited sales contacts for you, politely and once."""


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Config file (TOML).")
def run(config_file) -> None:
    """Start the daemon (SIGTERM/SIGINT stop it, SIGHUP reloads config and templates)."""
    import asyncio

    from bot.daemon import Daemon

    config = _load(config_file)
    _logging(config)
    try:
        asyncio.run(Daemon(config, config_file).run())
    except ConfigError as e:
        raise click.ClickException(str(e)) from e


def _outbox_store(config_file, db_url):
    config = _load(config_file)
    return _store(db_url or config.store.resolved_url(), config)


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def drafts(config_file, db_url) -> None:
    """List replies waiting for your approval (and failed ones)."""
    from datetime import datetime, timedelta, timezone

    store = _outbox_store(config_file, db_url)
    try:
        rows = store.outbox_list(["drafted", "failed"])
        unhandled = store.put_aside_since(datetime.now(timezone.utc) - timedelta(days=30))
    finally:
        store.close()
    for u in unhandled:
        click.echo(f"message #{u['id']} [not handled] from {u['from_address'] or '?'}: {u['subject']!r}")
        click.echo(f"    error: {u['error']} (nothing was sent; kept raw in the store)")
    if not rows and not unhandled:
        click.echo("no drafts waiting")
        return
    for r in rows:
        click.echo(f"#{r['id']} [{r['state']}] {r['kind']} to {r['to_address']} ({r['language']}): {r['subject']}")
        if r.get("last_error"):
            click.echo(f"    error: {r['last_error']}")
        for line in (r.get("body") or "").splitlines():
            click.echo(f"    > {line}")


def _move(config_file, db_url, ids, to_state, verb) -> None:
    store = _outbox_store(config_file, db_url)
    try:
        for outbox_id in ids:
            try:
                store.outbox_transition(outbox_id, to_state)
                click.echo(f"#{outbox_id}: {verb}")
            except (KeyError, ValueError) as e:
                raise click.ClickException(f"#{outbox_id}: cannot be {verb}: {e}") from e
    finally:
        store.close()


@main.command()
@click.argument("ids", nargs=-1, required=True, type=int)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def send(ids, config_file, db_url) -> None:
    """Approve drafts (or failed replies) by id: the running daemon sends them."""
    _move(config_file, db_url, ids, "approved", "approved; the daemon sends it")


@main.command()
@click.argument("ids", nargs=-1, required=True, type=int)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def discard(ids, config_file, db_url) -> None:
    """Discard drafts by id: nothing is sent, and the removal request is withdrawn."""
    _move(config_file, db_url, ids, "discarded", "discarded")


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
@click.option("--hours", default=24, show_default=True, help="How far back to count what was handled.")
def digest(config_file, db_url, hours) -> None:
    """Print the digest: what was handled, and everything waiting for you."""
    from datetime import datetime, timedelta, timezone

    from bot import digest as digest_mod

    store = _outbox_store(config_file, db_url)
    try:
        d = digest_mod.build(store, datetime.now(timezone.utc) - timedelta(hours=hours))
    finally:
        store.close()
    click.echo(digest_mod.render_text(d))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Config file (TOML).")
@click.option("--sent", "sent", multiple=True, type=click.Path(exists=True), help="Your sent mail, read as sender history.")
@click.option("--me", multiple=True, help="One of your own addresses (repeatable).")
@click.option("--authserv-id", "authserv_ids", multiple=True, help="Trusted Authentication-Results server id (repeatable).")
@click.option("--mode", type=click.Choice(["observe", "approve", "auto"]), help="Mode to decide in (default auto).")
@click.option("--db", "db_url", help="Store URL to record into (default: a throw-away in-memory store).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message, per line.")
def triage(paths, config_file, sent, me, authserv_ids, mode, db_url, as_json) -> None:
    """Run the pipeline over .eml files, folders, mbox files or Maildirs and report what it would do."""
    from bot.triage import read_sent, triage as run_triage, with_overrides

    config = with_overrides(_load(config_file), me, authserv_ids, mode)
    _logging(config, quiet=True)
    if not config.owner.addresses:
        err.print("[yellow]no owner address (--me or owner.addresses): no message can be answered[/]")
    store = _store(db_url or "sqlite://", config)
    try:
        if sent:
            n = read_sent(store, sent)
            err.print(f"read {n} sent messages as sender history")
        rows = []
        with Progress(TextColumn("triage"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("triage", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            for r in run_triage(config, store, paths, progress):
                if as_json:
                    out.file.write(json.dumps(r, ensure_ascii=False) + "\n")
                    out.file.flush()
                else:
                    rows.append(r)
        if not as_json:
            _print_table(rows)
    finally:
        store.close()


def _print_table(rows: list[dict]) -> None:
    from bot.report import top_signals

    table = Table(show_lines=False)
    for col in ("source", "sender"):
        table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=28)
    for col in ("score", "lang", "action", "blocked by"):
        table.add_column(col, no_wrap=True, justify="right" if col == "score" else "left")
    table.add_column("why", overflow="fold", min_width=40)
    for r in rows:
        action = r["action"] + (" +escalate" if r["escalate"] else "")
        why = r["error"] or top_signals(r["signals"])
        table.add_row(Path(r["source"]).name, r["sender"], f"{r['score']:.1f}", r["language"] or "",
                      action, r["blocked_by"] or "", why)
    out.print(table)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["action"]] = counts.get(r["action"], 0) + 1
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    out.print(f"{len(rows)} messages; {sum(r['unsolicited'] for r in rows)} unsolicited; {summary}")


@main.group("config")
def config_group() -> None:
    """Check the configuration."""


@config_group.command("check")
@click.argument("config_file", required=False, type=click.Path(dir_okay=False))
@click.option("--config", "config_opt", type=click.Path(dir_okay=False), help="Config file (TOML).")
def config_check(config_file, config_opt) -> None:
    """Validate the config file (and its templates and phrase lists); name any bad key and line."""
    from bot import readiness

    path = config_file or config_opt
    config = _load(path)
    problems = readiness.problems(config, path)
    if problems:
        raise click.ClickException("\n".join(problems))
    secrets = [s.password for s in [*config.imap, *([config.smtp] if config.smtp else [])]]
    if config.telegram is not None:
        secrets.append(config.telegram.token)
    for read_secret in secrets:  # present now? (the daemon needs them when it starts)
        try:
            read_secret()
        except ConfigError as e:
            err.print(f"[yellow]warning:[/] {e}")
    click.echo(f"{path or 'defaults'}: ok (mode {config.mode}, {len(config.owner.addresses)} owner address(es))")


@main.command()
@click.argument("message", type=click.Path(exists=True, dir_okay=False))
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(["refusal", "reminder"]), default="refusal")
@click.option("--lang", help="Render in this language instead of the message's.")
@click.option("--me", multiple=True, help="One of your own addresses.")
def preview(message, config_file, kind, lang, me) -> None:
    """Render the reply a message would get, with its headers, without sending anything."""
    from datetime import datetime, timezone

    from bot.language import detect
    from bot.mail.reader import read_message
    from bot.triage import with_overrides
    from responders.compose import compose
    from responders.email_reply import build_message
    from responders.templates import TemplateSet

    config = with_overrides(_load(config_file), me, (), None)
    msg = read_message(Path(message).read_bytes(), message)
    if msg.error:
        err.print(f"[yellow]warning:[/] {msg.error}")
    language = lang or detect(f"{msg.subject}\n{msg.text}", config.owner.language)[0]
    try:
        templates = TemplateSet(config.templates_dir, config.owner.language)
        first = datetime.now(timezone.utc) if kind == "reminder" else None
        draft = compose(msg, kind, language, first, config, templates)
    except ConfigError as e:
        raise click.ClickException(str(e)) from e
    if not draft.to:
        err.print("[yellow]warning:[/] the message has no usable Return-Path: it would not be answered")
        draft.to = "unknown@invalid"
    if not draft.from_address:
        draft.from_address = "you@invalid"
    click.echo(build_message(draft, config.owner.name).as_string())
    click.echo(f"--- {len(draft.body.split())} words, language {draft.language}", err=True)


@main.command()
@click.argument("address")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def history(address, config_file, db_url) -> None:
    """Print one sender's timeline: messages, decisions, replies, removal requests, feedback."""
    config = _load(config_file)
    store = _store(db_url or config.store.resolved_url(), config)
    try:
        events = store.timeline(address)
    finally:
        store.close()
    if not events:
        click.echo(f"nothing recorded for {address}")
        return
    for e in events:
        detail = e.get("detail") or ""
        if isinstance(detail, dict):
            detail = " ".join(f"{k}={_shown(v)}" for k, v in detail.items() if v not in (None, "", []))
        click.echo(f"{e['at']:%Y-%m-%d %H:%M}  {e['event']:<18} {detail}")


def _shown(value) -> str:
    """A timeline value for people: signals as NAME(weight), the rest as is."""
    if isinstance(value, list) and value and isinstance(value[0], dict) and "name" in value[0]:
        return ",".join(f"{h['name']}({h.get('weight', 0):g})" for h in value)
    return str(value)


@main.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--me", multiple=True, help="Owner address(es) for a labelled set that has them.")
@click.option("--authserv-id", "authserv_ids", multiple=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(paths, config_file, me, authserv_ids, as_json) -> None:
    """Precision, recall and false-positive rate per folder of a labelled corpus."""
    from bot.evaluate import evaluate_paths, format_report
    from bot.triage import with_overrides

    config = with_overrides(_load(config_file), me, authserv_ids, "auto")
    _logging(config, quiet=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def progress(name: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done)

        report = evaluate_paths(config, list(paths), progress)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


if __name__ == "__main__":
    main()
