"""Offline triage: the daemon's pipeline over mail files, reporting what it would do."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Sequence

from nejtak.bot.config import Config
from nejtak.bot.learning import OwnerLearning
from nejtak.bot.mail.reader import read_message
from nejtak.bot.mail.sources import in_date_order, iter_sources
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.report import row
from nejtak.bot.store import Store
from nejtak.responders.email_reply import own_refusal

log = logging.getLogger("nejtak.triage")


def with_overrides(config: Config, me: Sequence[str], authserv_ids: Sequence[str], mode: str | None) -> Config:
    """The config as the command line amends it (addresses and ids are added, mode replaced)."""
    owner = config.owner.model_copy(update={
        "addresses": list(dict.fromkeys([*config.owner.addresses, *(a.strip().lower() for a in me)])),
        "trusted_authserv_ids": list(dict.fromkeys([*config.owner.trusted_authserv_ids, *authserv_ids])),
    })
    return config.model_copy(update={"owner": owner, "mode": mode or "auto"})


def read_sent(store: Store, paths: Sequence[str]) -> int:
    """The owner's sent mail as sender history: whom they wrote to, and their Message-IDs."""
    items = []
    for source, raw in iter_sources(list(paths)):
        if isinstance(raw, OSError):
            log.warning("sent mail %s unreadable: %s", source, raw)
            continue
        msg = read_message(raw, source)
        if msg.error and not msg.recipients:
            log.warning("sent mail %s unreadable: %s", source, msg.error)
            continue
        if own_refusal(msg.message_id) or (msg.header("auto-submitted") or "no").strip().lower() != "no":
            continue  # automatic mail, nejtak's own refusals above all, is not the owner writing
        items.append((msg.channel, msg.recipients, msg.message_id or None, msg.date))
    return store.record_owner_sent_many(items)


def triage(config: Config, store: Store, paths: Sequence[str],
           progress: Callable[[int, int], None] | None = None) -> Iterator[dict]:
    """One report row per message, in Date order; a message that fails gets a row with `error`."""
    # what the owner taught over this store (`nejtak learn --db`) counts in triage too
    pipeline = Pipeline(config, store, simulate=True, learning=OwnerLearning(store, config.owner.addresses))
    total, messages = in_date_order(list(paths))
    for done, msg in enumerate(messages, start=1):
        try:
            outcome = pipeline.process(msg, keep_body=False)
            yield row(msg, outcome.decision, duplicate=outcome.duplicate)
        except Exception as e:  # one bad message must not stop the run; it is reported
            log.exception("triage of %s failed", msg.source)
            yield row(msg, None, error=f"{type(e).__name__}: {e}")
        if progress:
            progress(done, total)
