"""The `nejtak` command line: run the daemon, triage mail files, check config, preview, inspect."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from nejtak.bot import config as config_mod
from nejtak.bot.config import Config, ConfigError

err = Console(stderr=True)
out = Console()


def _load(path: str | None) -> Config:
    try:
        return config_mod.load(path)
    except ConfigError as e:
        raise click.ClickException(str(e)) from e


def _logging(config: Config, quiet: bool = False) -> None:
    from nejtak.bot import logs

    logs.setup(config.log_level, config.log_format, quiet)


def _store(url: str, config: Config):
    from nejtak.bot.store import Store

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

    from nejtak.bot.daemon import Daemon

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


def _move(config_file, db_url, ids, to_state, verb, feedback: str, label: str | None = None) -> None:
    """Move replies in the outbox, recorded as the same tap in the digest would be: feedback on
    the message, and (label) what it teaches. A "wanted" label also marks the sender wanted."""
    from nejtak.bot.learning import OwnerLearning

    config = _load(config_file)
    store = _store(db_url or config.store.resolved_url(), config)
    try:
        learning = OwnerLearning(store, config.owner.addresses) if label else None
        for outbox_id in ids:
            try:
                row = store.outbox_get(outbox_id)
                if row is None:
                    raise KeyError(f"no reply #{outbox_id}")
                store.outbox_transition(outbox_id, to_state,
                                        "the owner marked the sender as wanted" if label == "wanted" else None)
            except (KeyError, ValueError) as e:
                raise click.ClickException(f"#{outbox_id}: cannot be {verb}: {e}") from e
            inbound_id, detail = row.get("inbound_id"), {"outbox_id": outbox_id, "via": "cli"}
            sender = row.get("sender") or row["to_address"]
            if label == "wanted":
                store.set_wanted(row["channel"], sender, True, "owner", inbound_id, detail)
                verb_shown = f"{verb}; {sender} is wanted: never refused"
            else:
                store.add_feedback(feedback, inbound_id, detail=detail)
                verb_shown = verb
            if learning is not None and inbound_id is not None:
                taught = learning.teach_stored(inbound_id, label, "cli", detail)
                verb_shown += f"; learned: message #{inbound_id} is {_LABEL_WORDS[label]}" if taught \
                    else f"; message #{inbound_id} was already marked {label}"
            click.echo(f"#{outbox_id}: {verb_shown}")
    finally:
        store.close()


_LABEL_WORDS = {"pitch": "a pitch", "wanted": "wanted, not a pitch"}


@main.command()
@click.argument("ids", nargs=-1, required=True, type=int)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def send(ids, config_file, db_url) -> None:
    """Approve drafts (or failed replies) by id: the running daemon sends them, and the message
    they answer is learned as a pitch."""
    _move(config_file, db_url, ids, "approved", "approved; the daemon sends it", "send", "pitch")


@main.command()
@click.argument("ids", nargs=-1, required=True, type=int)
@click.option("--wanted", is_flag=True,
              help="The message is not a pitch: learn it as wanted and never refuse its sender.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def discard(ids, wanted, config_file, db_url) -> None:
    """Discard drafts by id: nothing is sent, and the removal request is withdrawn. Nothing is
    learned (like Skip in the digest) unless --wanted says the message was no pitch."""
    _move(config_file, db_url, ids, "discarded", "discarded", "skip", "wanted" if wanted else None)


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
@click.option("--hours", default=24, show_default=True, help="How far back to count what was handled.")
def digest(config_file, db_url, hours) -> None:
    """Print the digest: what was handled, and everything waiting for you."""
    from datetime import datetime, timedelta, timezone

    from nejtak.bot import digest as digest_mod

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
    from nejtak.bot.triage import read_sent, triage as run_triage, with_overrides

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
    from nejtak.bot.report import top_signals

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


@main.command()
@click.option("--pitch", "pitch", multiple=True, type=click.Path(exists=True),
              help="Mail to learn as pitches: .eml file, folder, mbox or Maildir (repeatable).")
@click.option("--wanted", "wanted", multiple=True, type=click.Path(exists=True),
              help="Mail to learn as wanted, not a pitch (repeatable).")
@click.option("--forget", "forget", multiple=True, type=click.Path(exists=True),
              help="Take back the labels of this mail (repeatable).")
@click.option("--stats", "show_stats", is_flag=True, help="Print what was learned.")
@click.option("--reset", is_flag=True, help="Drop the owner layer: take every label back.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Config file (TOML).")
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
@click.option("--me", multiple=True, help="One of your own addresses (repeatable), as for triage.")
def learn(pitch, wanted, forget, show_stats, reset, config_file, db_url, me) -> None:
    """Teach nejtak from mail you labelled: pitches and wanted mail, in bulk."""
    from nejtak.bot.learn_files import forget_paths, learn_paths
    from nejtak.bot.learning import OwnerLearning
    from nejtak.bot.triage import with_overrides

    if not (pitch or wanted or forget or show_stats or reset):
        raise click.ClickException("nothing to learn: give --pitch PATH and/or --wanted PATH "
                                   "(or --forget PATH, --stats, --reset)")
    if reset and (pitch or wanted or forget):
        raise click.ClickException("--reset takes every label back: run it on its own, not with "
                                   "--pitch, --wanted or --forget")
    config = with_overrides(_load(config_file), me, (), None)
    _logging(config, quiet=True)
    store = _opened_store(db_url or config.store.resolved_url(), config)
    try:
        learning = OwnerLearning(store, config.owner.addresses)
        if reset:
            click.echo(f"owner layer dropped: {learning.reset()} label(s) taken back")
        if forget:
            taken, unreadable = forget_paths(learning, forget, config.owner.addresses)
            _report_unreadable(unreadable)
            click.echo(f"took back {taken} label(s)")
        if pitch or wanted:
            with Progress(TextColumn("learn"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                          console=err, transient=True, disable=not err.is_terminal) as bar:
                task = bar.add_task("learn", total=None)
                summary = learn_paths(learning, [("pitch", pitch), ("wanted", wanted)], config.owner.addresses,
                                      lambda done, total: bar.update(task, completed=done, total=total))
            _report_unreadable(summary.unreadable)
            click.echo(f"learned {summary.learned['pitch']} pitch, {summary.learned['wanted']} wanted"
                       f"{f' ({summary.relabelled} relabelled)' if summary.relabelled else ''}; "
                       f"{summary.known} already known; {len(summary.unreadable)} unreadable")
        if show_stats:
            _print_learned(learning.stats())
    finally:
        store.close()


def _opened_store(url: str, config: Config):
    """The store at url, or a clear error naming it (without its password)."""
    try:
        return _store(url, config)
    except Exception as e:  # a bad URL, a missing driver, a server away: the owner's to fix
        import re

        shown = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)  # never print a password
        raise click.ClickException(f"cannot open the store {shown}: {type(e).__name__}: "
                                   f"{str(e).splitlines()[0] if str(e) else ''}") from e


def _report_unreadable(unreadable: list[tuple[str, str]]) -> None:
    for source, why in unreadable:
        err.print(f"[yellow]unreadable:[/] {source}: {why}", highlight=False)


def _print_learned(stats: dict) -> None:
    labels = stats["labels"]
    table = Table(title="labels", show_lines=False)
    for col in ("label", "source", "count"):
        table.add_column(col, justify="right" if col == "count" else "left")
    for label in ("pitch", "wanted", "taken back"):
        for source, n in sorted(labels.get(label, {}).items()):
            table.add_row(label, source, str(n))
    out.print(table)
    out.print(f"owner layer: {stats['active']} active label(s), {stats['buckets']} weight(s)")
    if stats["active"] and not stats["buckets"]:
        out.print("(the text model already judged every labelled message right: nothing to change yet)")
    if stats["last"]:
        last = Table(title="last labels", show_lines=False)
        for col in ("when", "label", "source"):
            last.add_column(col, no_wrap=True)
        last.add_column("sender", no_wrap=True, overflow="ellipsis", max_width=22)
        last.add_column("subject", overflow="fold")
        for r in reversed(stats["last"]):
            last.add_row(r["at"][:16].replace("T", " "), r["label"], r["source"], r["sender"] or "", r["subject"] or "")
        out.print(last)


@main.group("config")
def config_group() -> None:
    """Check the configuration."""


@config_group.command("check")
@click.argument("config_file", required=False, type=click.Path(dir_okay=False))
@click.option("--config", "config_opt", type=click.Path(dir_okay=False), help="Config file (TOML).")
def config_check(config_file, config_opt) -> None:
    """Validate the config file (and its templates and phrase lists); name any bad key and line."""
    from nejtak.bot import readiness

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

    from nejtak.bot.language import detect
    from nejtak.bot.mail.reader import read_message
    from nejtak.bot.triage import with_overrides
    from nejtak.responders.compose import compose
    from nejtak.responders.email_reply import build_message
    from nejtak.responders.templates import TemplateSet

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
    """Print one sender's timeline: messages, decisions, replies, removal requests, feedback,
    and what nejtak learned from you about their messages (and what was taken back)."""
    config = _load(config_file)
    store = _store(db_url or config.store.resolved_url(), config)
    try:
        events = store.timeline(address)
        labels = store.labels_of_sender(address)
    finally:
        store.close()
    if not events and not labels:
        click.echo(f"nothing recorded for {address}")
        return
    lines = []
    for e in events:
        detail = e.get("detail") or ""
        if isinstance(detail, dict):
            detail = " ".join(f"{k}={_shown(v)}" for k, v in detail.items() if v not in (None, "", []))
        lines.append((e["at"], f"{e['event']:<18} {detail}"))
    lines += [(r.created_at, _label_line(r)) for r in labels]
    for at, line in sorted(lines, key=lambda x: _utc(x[0])):
        click.echo(f"{at:%Y-%m-%d %H:%M}  {line}".rstrip())


# where a label came from, in the owner's words
_LABEL_SOURCES = {"digest": "your tap in the digest", "command": "your Telegram command",
                  "cli": "the command line", "sent": "your own reply", "folder": "a training folder",
                  "learn": "nejtak learn"}


def _label_line(r) -> str:
    """One label for people: what, from where, on which message, and whether it still counts."""
    line = f"{'marked ' + r.label:<18} by {_LABEL_SOURCES.get(r.source, r.source)}"
    if r.subject:
        line += f": {r.subject!r}"
    if r.inbound_id is not None:
        line += f" (message #{r.inbound_id})"
    if r.revoked_at is not None:
        line += f"; taken back {r.revoked_at:%Y-%m-%d %H:%M}: {r.revoked_reason or 'no reason given'}"
    return line


def _utc(at):
    from datetime import timezone

    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at


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
    from nejtak.bot.evaluate import evaluate_paths, format_report
    from nejtak.bot.triage import with_overrides

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
