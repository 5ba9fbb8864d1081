"""The `nejtak forget ADDRESS` command: asks first, then removes the sender (bot/forget.py)."""
from __future__ import annotations

import click

CONFIG_HELP = "Config file (TOML); default: the one `nejtak init` wrote, else the shipped defaults."


@click.command("forget")
@click.argument("address")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help=CONFIG_HELP)
@click.option("--db", "db_url", help="Store URL (default: the configured store).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget_command(address, config_file, db_url, yes) -> None:
    """Delete everything nejtak keeps about one sender: messages (with the raw copies kept as
    proof), replies, removal requests, feedback, labels and their audit entries. The audit log
    keeps one line saying that a sender was forgotten, without the address. A sender that
    writes again afterwards is a new contact."""
    from nejtak.bot import cli
    from nejtak.bot.forget import NothingRecorded, NotAnAddress, forget, plan, sender_address
    from nejtak.bot.learning import OwnerLearning

    try:
        sender_address(address)
    except NotAnAddress as e:
        raise click.UsageError(str(e)) from None
    config = cli._load(config_file)
    cli._logging(config, quiet=True)
    store = cli._existing_store(config, db_url)
    try:
        found = plan(store, address)
        if not found.anything:
            raise click.ClickException(f"nothing recorded for {address}")
        if not yes:
            click.echo(f"{address}: {found.messages} message(s), {found.replies} reply(ies), "
                       f"{found.removal_requests} removal request(s), {found.labels} label(s), "
                       f"{found.audit_entries} audit entr(ies). This cannot be undone; a dossier "
                       "made later will have nothing about them.")
            if not click.confirm("Forget this sender?", default=False):
                raise click.ClickException("nothing forgotten")
        try:
            done = forget(store, address, OwnerLearning(store, config.owner.addresses))
        except NothingRecorded:  # forgotten by someone else meanwhile
            raise click.ClickException(f"nothing recorded for {address}") from None
    finally:
        store.close()
    click.echo(f"{done.summary()}; the audit log records that, without the address")
