"""The `nejtak` command line: run the daemon, triage mail files, check config, preview, inspect.

Every error the owner can fix is one line saying what to do, never a traceback. Exit codes, for
scripts:
    0  done
    1  an error you can fix (the message says how): a bad config, a store that cannot be
       opened, a reply that does not exist, a port in use
    2  a usage error: an unknown option, a missing or out-of-range argument
Without --config every command reads the file `nejtak init` writes (the user config folder's
nejtak.toml) when there is one, else the shipped defaults."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from nejtak.bot.errors import ConfigError
from nejtak.bot.starter_config import PRESETS

if TYPE_CHECKING:  # the config (pydantic) loads when a command reads one, not for --help
    from nejtak.bot.config import Config

err = Console(stderr=True)
out = Console()
CONFIG_HELP = "Config file (TOML); default: the one `nejtak init` wrote, else the shipped defaults."


def _config_path(path: str | None) -> str | None:
    """The config file to read: the one given, else the one `nejtak init` wrote, if any."""
    if path:
        return path
    from nejtak.bot.starter_config import default_path

    found = default_path()
    return str(found) if found.is_file() else None


def _load(path: str | None) -> Config:
    from nejtak.bot import config as config_mod

    try:
        return config_mod.load(_config_path(path))
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
    """nejtak: answers unsolicited sales contacts for you, politely and once.

    \b
    Start with:  nejtak init --provider gmail --address you@gmail.com --name "Your Name"
    Exit codes:  0 done, 1 an error you can fix (the message says how), 2 a usage error."""


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
def run(config_file) -> None:
    """Start the daemon (SIGTERM/SIGINT stop it, SIGHUP reloads config and templates)."""
    import asyncio

    from nejtak.bot.daemon import Daemon

    config_file = _config_path(config_file)
    config = _load(config_file)
    _logging(config)
    store = _opened_store(config.store.resolved_url(), config)  # a bad URL or a server away: one line
    try:
        asyncio.run(Daemon(config, config_file, store=store).run())
    except ConfigError as e:  # not ready to speak for the owner, or the intake port taken
        raise click.ClickException(str(e)) from e


def _outbox_store(config_file, db_url):
    """The store of a command that only reads (or changes rows that must exist): never created."""
    return _existing_store(_load(config_file), db_url)


def _existing_store(config: Config, db_url: str | None):
    """The store at --db, else the configured one, for a command that only reads or changes rows
    that must exist: never created (bot/cli.py _opened_store says what is wrong instead)."""
    return _opened_store(db_url or config.store.resolved_url(), config, must_exist=True, given=bool(db_url))


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
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
    store = _existing_store(config, db_url)
    try:
        learning = OwnerLearning(store, config.owner.addresses) if label else None
        for outbox_id in ids:
            row = store.outbox_get(outbox_id)
            if row is None:
                raise click.ClickException(f"no reply #{outbox_id}: `nejtak drafts` lists the replies "
                                           "waiting for you, with their numbers")
            try:
                store.outbox_transition(outbox_id, to_state,
                                        "the owner marked the sender as wanted" if label == "wanted" else None)
            except (KeyError, ValueError) as e:
                raise click.ClickException(f"reply #{outbox_id} is {row['state']}: it cannot be {verb.split(';')[0]} "
                                           "(only drafted and failed replies can)") from e
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
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def send(ids, config_file, db_url) -> None:
    """Approve drafts (or failed replies) by id: the running daemon sends them, and the message
    they answer is learned as a pitch."""
    _move(config_file, db_url, ids, "approved", "approved; the daemon sends it", "send", "pitch")


@main.command()
@click.argument("ids", nargs=-1, required=True, type=int)
@click.option("--wanted", is_flag=True,
              help="The message is not a pitch: learn it as wanted and never refuse its sender.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def discard(ids, wanted, config_file, db_url) -> None:
    """Discard drafts by id: nothing is sent, and the removal request is withdrawn. Nothing is
    learned (like Skip in the digest) unless --wanted says the message was no pitch."""
    _move(config_file, db_url, ids, "discarded", "discarded", "skip", "wanted" if wanted else None)


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
@click.option("--hours", default=24, show_default=True, type=click.IntRange(min=1),
              help="How far back to count what was handled, in hours (1 or more).")
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
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--sent", "sent", multiple=True, type=click.Path(exists=True), help="Your sent mail, read as sender history.")
@click.option("--me", multiple=True, help="One of your own addresses (repeatable).")
@click.option("--authserv-id", "authserv_ids", multiple=True, help="Trusted Authentication-Results server id (repeatable).")
@click.option("--mode", type=click.Choice(["observe", "approve", "auto"]), help="Mode to decide in (default auto).")
@click.option("--db", "db_url", help="Store URL to record into (default: a throw-away store, in memory "
              "or for a large mailbox in a temporary file).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message, per line.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes reading and judging the messages; the store and decisions stay in one.")
def triage(paths, config_file, sent, me, authserv_ids, mode, db_url, as_json, jobs) -> None:
    """Run the pipeline over .eml files, folders, mbox files or Maildirs and report what it would do."""
    import tempfile

    from nejtak.bot.mail.sources import located_in_date_order
    from nejtak.bot.triage import needs_no_store, read_sent, throwaway_store_url, triage as run_triage, \
        triage_alone, with_overrides

    config = with_overrides(_load(config_file), me, authserv_ids, mode)
    _logging(config, quiet=True)
    if not config.owner.addresses:
        err.print("[yellow]no owner address (--me or owner.addresses): no message can be answered[/]")
    located = located_in_date_order(paths)
    if needs_no_store(len(located), db_url, sent):
        _show_triage(_triage_rows(triage_alone(config, located), as_json), as_json)
        return
    scratch = tempfile.TemporaryDirectory(prefix="nejtak-triage-")
    store = _opened_store(db_url or throwaway_store_url(len(located), scratch.name), config)
    try:
        if sent:
            n = read_sent(store, sent)
            err.print(f"read {n} sent messages as sender history")
        with Progress(TextColumn("triage"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("triage", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            rows = _triage_rows(run_triage(config, store, paths, progress, jobs, located=located), as_json)
        _show_triage(rows, as_json)
    finally:
        store.close()
        scratch.cleanup()


def _triage_rows(rows: Iterable[dict], as_json: bool) -> list[dict]:
    """With --json each row is written the moment it is decided; else they are kept for the table."""
    if not as_json:
        return list(rows)
    for r in rows:
        out.file.write(json.dumps(r, ensure_ascii=False) + "\n")
        out.file.flush()
    return []


def _show_triage(rows: list[dict], as_json: bool) -> None:
    if not as_json:
        _print_table(rows)


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
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
@click.option("--me", multiple=True, help="One of your own addresses (repeatable), as for triage.")
def learn(pitch, wanted, forget, show_stats, reset, config_file, db_url, me) -> None:
    """Teach nejtak from mail you labelled: pitches and wanted mail, in bulk."""
    from nejtak.bot.learn_files import forget_paths, learn_paths
    from nejtak.bot.learning import OwnerLearning
    from nejtak.bot.model.text import problem as text_model_problem
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
            if text_model_problem() is not None:
                raise click.ClickException(f"{text_model_problem()}: nothing learned (labels would teach "
                                           "nothing). Reinstall nejtak, or retrain the model with "
                                           "tools/train_text_model.py, then run this again")
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


def _opened_store(url: str, config: Config, must_exist: bool = False, given: bool = True):
    """The store at url, or one line saying what is wrong with it and what to do (never its
    password). must_exist: a command that only reads never creates a SQLite file (a mistyped
    --db path is said to be one); given: the URL came from --db, not from the config."""
    shown = _shown_url(url)
    if must_exist:
        missing = _missing_sqlite_file(url)
        if missing is not None:
            if given:
                raise click.ClickException(f"no store at {missing}: check the --db path "
                                           "(a command that only reads never creates one)")
            raise click.ClickException(f"no store at {missing} yet: nejtak has not run with this config "
                                       "(start it with `nejtak run`), or store.url points elsewhere")
    try:
        return _store(url, config)
    except Exception as e:  # a bad URL, a missing driver, a server away: the owner's to fix
        raise click.ClickException(_store_problem(shown, e)) from e


def _shown_url(url: str) -> str:
    import re

    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)  # never print a password


def _missing_sqlite_file(url: str) -> str | None:
    """The file of a SQLite URL when it does not exist; None for anything else."""
    try:
        from sqlalchemy.engine import make_url

        u = make_url(url)
    except Exception:  # noqa: BLE001  not a URL: opening it says so
        return None
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:") or u.database.startswith("file:"):
        return None
    path = Path(u.database).expanduser()
    return None if path.exists() else str(path)


_STORE_URLS = "sqlite:////path/to/nejtak.db or postgresql+psycopg://user@host/nejtak"


def _store_problem(shown: str, e: Exception) -> str:
    """One line for a store that cannot be opened: what is wrong and what to do."""
    from sqlalchemy import exc

    first = (str(getattr(e, "orig", None) or e).strip().splitlines() or [""])[0]
    if isinstance(e, (exc.NoSuchModuleError, exc.ArgumentError)):
        return f"cannot open the store {shown}: not a store URL nejtak knows ({first}): give {_STORE_URLS}"
    if isinstance(e, ImportError):
        return (f"cannot open the store {shown}: its database driver is not installed ({e.name or first}): "
                "for PostgreSQL install nejtak[postgres] and use postgresql+psycopg://...")
    if isinstance(e, exc.OperationalError):
        if shown.startswith("sqlite"):
            return f"cannot open the store {shown}: {first}: check the path and that you may write there"
        return (f"cannot open the store {shown}: {first}: is the database server running, "
                "and are host, port, user and database in the URL right?")
    return f"cannot open the store {shown}: {type(e).__name__}: {first}"


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


@main.command()
@click.argument("account")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Config file (TOML).")
@click.option("--port", default=0, type=click.IntRange(0, 65535),
              help="Google: the local port the browser comes back to (0: any free one).")
@click.option("--browser/--no-browser", default=True, help="Google: open a browser on this machine.")
def auth(account, config_file, port, browser) -> None:
    """Sign in to an OAuth2 mailbox once (ACCOUNT: an [[imap]] username, or smtp); the token is
    kept in the data directory, readable by you alone, and refreshed by nejtak from then on."""
    from nejtak.bot.errors import NejtakError
    from nejtak.bot.oauth_login import SignInFailed, account_config, sign_in

    config = _load(config_file)
    try:
        cfg, username = account_config(config, account)
        kept = sign_in(cfg, username, lambda text: click.echo(text, err=True), port, browser)
    except (SignInFailed, NejtakError, OSError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"signed in as {username}; the token is kept in {kept}")


@main.group("config")
def config_group() -> None:
    """Check the configuration."""


@config_group.command("check")
@click.argument("config_file", required=False, type=click.Path(dir_okay=False))
@click.option("--config", "config_opt", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--connect", is_flag=True,
              help="Also log in to each [[imap]] account and the [smtp] server, and find the folders.")
def config_check(config_file, config_opt, connect) -> None:
    """Validate the config file (and its templates and phrase lists): it passes, or each problem
    is named with its key and line and what to do. Passwords and OAuth2 logins nejtak cannot use
    yet are named too."""
    from nejtak.bot import readiness
    from nejtak.bot.starter_config import default_path

    path = _config_path(config_file or config_opt)
    if path is None:
        raise click.ClickException(f"no config file at {default_path()}: write one with `nejtak init "
                                   "--provider ... --address ... --name ...`, or name one: nejtak config check FILE")
    config = _load(path)
    problems = readiness.problems(config, path)
    if problems:
        raise click.ClickException("\n".join(problems))
    for level, note in _login_notes(config):  # the daemon needs them when it starts
        click.echo(f"{level}: {note}", err=True)
    if config.telegram is not None:
        try:
            config.telegram.token()
        except ConfigError as e:
            click.echo(f"warning: {e}", err=True)
    click.echo(f"{path}: ok (mode {config.mode}, {len(config.owner.addresses)} owner address(es))")
    if connect:
        _check_connections(config)


def _check_connections(config: Config) -> None:
    """--connect: one line per account and server (bot/connectors/connect_check.py); exit 1 when any fails."""
    import asyncio

    from nejtak.bot.connectors.connect_check import check_all

    if not config.imap and config.smtp is None:
        raise click.ClickException("--connect: the config has no [[imap]] account and no [smtp] server to try")
    results = asyncio.run(check_all(config))
    for result in results:
        click.echo(result.line())
    failed = sum(not r.ok for r in results)
    if failed:
        raise click.ClickException(f"{failed} of {len(results)} connection check(s) failed (see above)")


def _oauth2_signed_in(account, username: str):
    """True when a usable OAuth2 sign-in is kept for the account, False when none is, else why not."""
    from nejtak.bot.errors import NejtakError
    from nejtak.bot.oauth import read_grant, token_path

    try:
        grant = read_grant(token_path(account.oauth2_provider, username))
    except NejtakError as e:
        return f"its sign-in cannot be used ({e})"
    if grant is None:
        return False
    return f"its sign-in was refused ({grant.problem})" if grant.problem else True


def _login_notes(config: Config) -> list[tuple[str, str]]:
    """What each login still needs before the daemon can start: a password file to create, a
    variable to set, an OAuth2 login to run once."""
    accounts = [(f"[[imap]] {a.username}", a.username, a) for a in config.imap]
    if config.smtp is not None:
        accounts.append(("[smtp]", "smtp", config.smtp))
    notes, oauth2_named = [], set()
    for name, account_id, account in accounts:
        if getattr(account, "auth", "password") == "oauth2":
            mailbox = (account.oauth2_provider, account.username.lower())
            if mailbox in oauth2_named:
                continue  # IMAP and SMTP of one mailbox share one sign-in (bot/oauth.py)
            oauth2_named.add(mailbox)
            signed_in = _oauth2_signed_in(account, account.username)
            if signed_in is not True:
                why = "has no sign-in yet" if signed_in is False else signed_in
                note = (f"{name} logs in with OAuth2 and {why}: run `nejtak auth {account_id}` once "
                        "(config check --connect tries the login)")
                notes.append(("note", note))
            continue
        problem = _password_problem(account)
        if problem:
            notes.append(("warning", f"{name}: {problem}"))
    return notes


def _password_problem(account) -> str | None:
    """What keeps the password of one login from being read here, with what to do."""
    import os

    if account.password_env:
        if os.environ.get(account.password_env) is None:
            return (f"environment variable {account.password_env} is not set here: set it where nejtak runs "
                    "(for the service: its EnvironmentFile)")
        return None
    if not account.password_file:
        return None
    secret = Path(account.password_file).expanduser()
    if not secret.exists():
        return f"create the password file {secret}: the password on one line, then chmod 600 {secret}"
    try:
        if not secret.read_text().strip():
            return f"the password file {secret} is empty: put the password in it, on one line"
    except OSError as e:
        return f"cannot read the password file {secret}: {e.strerror}"
    return None


@main.command()
@click.option("--provider", type=click.Choice(list(PRESETS)),
              help="Your mail provider: gmail, outlook (Outlook.com and Microsoft 365), fastmail, icloud, "
                   "or dovecot (your own server; give --imap-host and --smtp-host).")
@click.option("--address", help="Your e-mail address (asked for on a terminal when left out).")
@click.option("--name", help="Your name, to sign replies with (asked for on a terminal when left out).")
@click.option("--languages", help="The languages you write in, comma-separated, the first the default "
                                  "for replies (e.g. da,en); default en.")
@click.option("--imap-host", help="Your IMAP server (dovecot; overrides a provider's).")
@click.option("--smtp-host", help="Your SMTP submission server (dovecot; overrides a provider's).")
@click.option("--oauth2-client-id", help="Your own OAuth app's client id (gmail, outlook), if you registered one.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Where to write the config; default: nejtak.toml in your user config folder, "
                   "which every command reads when no --config is given.")
@click.option("--force", is_flag=True, help="Write over a file that is already there.")
def init(provider, address, name, languages, imap_host, smtp_host, oauth2_client_id, out, force) -> None:
    """Write a commented starter config for your mail provider, in approve mode (nothing is sent
    without you). Asks only for what it must, and only on a terminal; then run `nejtak config
    check`, which passes or says what is still missing."""
    from nejtak.bot import starter_config as starter

    provider = provider or _ask("provider", "--provider", type=click.Choice(list(PRESETS)))
    preset = starter.PRESETS[provider]
    if preset.own_server:
        if not imap_host:
            imap_host = _ask("IMAP server (host name)", "--imap-host")
        if not smtp_host:
            smtp_host = _ask("SMTP submission server (host name)", "--smtp-host")
    address = (address or _ask("your e-mail address", "--address")).strip()
    if "@" not in address or address.startswith("@") or address.endswith("@") or " " in address:
        raise click.BadParameter(f"{address!r} is not an e-mail address", param_hint="--address")
    if name is None:
        name = _ask("your name (signs the replies)", "--name")
    if languages is None:
        languages = _ask("the languages you write in, comma-separated", None, default="en")
    try:
        langs = starter.parse_languages(languages)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--languages") from e
    if starter.needs_client_id(preset) and oauth2_client_id is None and _interactive():
        oauth2_client_id = click.prompt("Client id of your own OAuth app (empty: fill it in later)",
                                        default="", show_default=False)
    target = Path(out).expanduser() if out else starter.default_path()
    if target.exists() and not force:
        raise click.ClickException(f"{target} is already there: keep it, or write over it with --force")
    text = starter.render(preset, address, name.strip(), langs, target.resolve(), imap_host or "",
                          smtp_host or "", oauth2_client_id or "")
    from nejtak.bot import config as config_mod

    try:  # what we write must load (once the owner has put in a client id)
        config_mod.parse(text.replace('oauth2_client_id = ""', 'oauth2_client_id = "-"'), str(target))
    except ConfigError as e:  # a preset out of step with the config's keys: a bug, say it plainly
        raise click.ClickException(f"nejtak init wrote a config it cannot read (please report): {e}") from e
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as e:
        raise click.ClickException(f"cannot write {target}: {e.strerror}: choose another place with --out") from e
    click.echo(f"wrote {target} ({preset.title}, mode approve)")
    click.echo("next:")
    for n, step in enumerate(starter.next_steps(preset, address, target.resolve(), oauth2_client_id or ""), start=1):
        click.echo(f"  {n}. {step}")


def _interactive() -> bool:
    """Ask questions only when someone is there to answer them."""
    import sys

    return sys.stdin.isatty()


def _ask(what: str, option: str | None, **prompt_args):
    """A missing value: asked for on a terminal; without one, a usage error naming the option
    (or the default, when there is one)."""
    if _interactive():
        return click.prompt(what[0].upper() + what[1:], **prompt_args)
    if "default" in prompt_args:
        return prompt_args["default"]
    raise click.UsageError(f"{option} is missing: give {option} (there is no terminal to ask on)")


@main.command()
@click.argument("message", type=click.Path(exists=True, dir_okay=False))
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--kind", type=click.Choice(["refusal", "reminder"]), default="refusal", show_default=True,
              help="The first reply (refusal), or the one to a sender who writes again (reminder).")
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
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
def history(address, config_file, db_url) -> None:
    """Print one sender's timeline: messages, decisions, replies, removal requests, feedback,
    and what nejtak learned from you about their messages (and what was taken back)."""
    config = _load(config_file)
    store = _existing_store(config, db_url)
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
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--me", multiple=True, help="Owner address(es) for a labelled set that has them.")
@click.option("--authserv-id", "authserv_ids", multiple=True,
              help="Trusted Authentication-Results server id (repeatable), as for triage.")
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


from nejtak.bot.forget_cli import forget_command  # its own module; it opens the store lazily

main.add_command(forget_command)

from nejtak.bot.dossier.cli import dossier  # noqa: E402  (its own module: cli.py is long enough)

main.add_command(dossier)

if __name__ == "__main__":
    main()
