"""Offline triage: the daemon's pipeline over mail files, reporting what it would do."""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Sequence

from nejtak.bot.config import Config
from nejtak.bot.mail.reader import read_message
from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.sources import Located, iter_sources, located_in_date_order, read_all_located
from nejtak.bot.pipeline import Content, Pipeline
from nejtak.bot.report import row
from nejtak.responders.email_reply import own_refusal

if TYPE_CHECKING:  # the store is imported where one is opened: SQLAlchemy costs 0.5 s to load
    from nejtak.bot.store import Store

log = logging.getLogger("nejtak.triage")
IN_MEMORY_MAX = 20_000  # messages triage's throw-away store holds in memory, beyond that in a file


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


def throwaway_store_url(messages: int, folder: str) -> str:
    """Where triage without --db keeps its store: in memory, or for a large mailbox in a file in
    `folder` (a decided message takes about 1.6 KB of store: 100,000 would be 160 MB of memory)."""
    return "sqlite://" if messages <= IN_MEMORY_MAX else f"sqlite:///{os.path.join(folder, 'triage.db')}"


def triage(config: Config, store: Store, paths: Sequence[str],
           progress: Callable[[int, int], None] | None = None, jobs: int = 1,
           located: list[Located] | None = None) -> Iterator[dict]:
    """One report row per message, in Date order; a message that fails gets a row with `error`.

    Only where each message is stays in memory (an mbox offset, a file path): a message is read
    when its turn comes. With jobs > 1, that many processes read the messages and judge their
    content ahead; the store and all that depends on history stay here, in Date order, so the
    rows are those of jobs=1. `located`: located_in_date_order(paths), when already found."""
    from nejtak.bot.learning import OwnerLearning  # noqa: PLC0415 (it reads the store's labels)

    # what the owner taught over this store (`nejtak learn --db`) counts in triage too
    pipeline = Pipeline(config, store, simulate=True, learning=OwnerLearning(store, config.owner.addresses))
    if located is None:
        located = located_in_date_order(list(paths))
    total = len(located)
    if jobs > 1 and total > CHUNK:
        messages = _judged_ahead(config, located, jobs)
    else:
        messages = ((msg, None) for msg in read_all_located(located))
    # many messages to a transaction (committed every 500 or 2 s, and at the end): a store write
    # per message costs more than deciding it; the daemon keeps one per message
    with store.batch():
        for done, (msg, content) in enumerate(messages, start=1):
            try:
                outcome = pipeline.process(msg, keep_body=False, content=content)
                yield row(msg, outcome.decision, error=outcome.failed, duplicate=outcome.duplicate)
            except Exception as e:  # one bad message must not stop the run; it is reported
                log.exception("triage of %s failed", msg.source)
                yield row(msg, None, error=f"{type(e).__name__}: {e}")
            if progress:
                progress(done, total)


def needs_no_store(messages: int, db_url: str | None, sent: Sequence[str]) -> bool:
    """Whether triage can decide without a store: one message, nothing recorded (no --db) and
    no history to read (no --sent). Its throw-away store would hold nothing but that message,
    so its sender is a first contact with no history, and nothing was taught."""
    return messages == 1 and not db_url and not sent


def triage_alone(config: Config, located: list[Located]) -> Iterator[dict]:
    """The rows `triage` gives over a fresh throw-away store, for messages that each come alone
    (needs_no_store): every sender a first contact, nothing learned, no store opened (its
    imports cost more CPU than deciding the message; `nejtak triage FILE` is typed by a person
    who waits for the answer)."""
    pipeline = Pipeline(config, None, simulate=True)
    for msg in read_all_located(located):
        try:
            decision = pipeline.decide_alone(msg)
        except Exception as e:  # reported as triage reports it, never raised
            log.exception("triage of %s failed", msg.source)
            yield row(msg, None, error=f"could not decide: {type(e).__name__}: {e}")
            continue
        yield row(msg, decision)


# --- --jobs: reading and judging content in other processes --------------------------------

CHUNK = 32  # messages a worker reads and judges per task
AHEAD = 4  # tasks per worker in flight: enough to keep workers busy, few enough to bound memory
_worker: Pipeline | None = None


def _judged_ahead(config: Config, located: list[Located], jobs: int) -> Iterator[tuple[Inbound, Content | None]]:
    """(message, its content judged ahead) in the order of `located`, from `jobs` processes.

    A task that fails (a worker died) is read here instead, its content left to the pipeline."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = (located[i:i + CHUNK] for i in range(0, len(located), CHUNK))
    # spawn, not fork: a fork would copy the store's connection and any thread's held locks
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(config,))
    try:
        pending = deque((chunk, pool.submit(_read_and_judge, chunk)) for chunk in islice(chunks, jobs * AHEAD))
        while pending:
            chunk, task = pending.popleft()
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(_read_and_judge, following)))
            try:
                judged = task.result()
            except Exception as e:
                log.warning("a triage worker failed (%s: %s): reading %d messages here", type(e).__name__, e, len(chunk))
                judged = [(msg, None) for msg in read_all_located(chunk)]
            yield from judged
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(config: Config) -> None:
    global _worker
    _worker = Pipeline(config, None, simulate=True)


def _read_and_judge(chunk: list[Located]) -> list[tuple[Inbound, Content | None]]:
    judged = []
    for msg in read_all_located(chunk):
        msg.normalise()
        try:
            content = _worker.judge_content(msg)
        except Exception:  # the pipeline judges it in full, and reports what fails
            content = None
        judged.append((msg, content))
    return judged
