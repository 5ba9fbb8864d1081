"""`nejtak learn`: label mail files in bulk (pitch or wanted) and take such labels back.

The files are read as `nejtak triage` reads them (located, sorted by Date, read at their turn)
and judged on the same text the pipeline judges, so what is learned here is what triage and the
daemon look at."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from nejtak.bot.inbound import Inbound
from nejtak.bot.learning import OwnerLearning, message_key
from nejtak.bot.mail.sources import date_order, locate, read_all_located
from nejtak.bot.signals.base import judged_text

log = logging.getLogger("nejtak.learn")
SOURCE = "learn"  # the labels' source, as `nejtak learn --stats` counts them


@dataclass
class LearnSummary:
    """What one run of `nejtak learn` did."""
    learned: dict[str, int] = field(default_factory=lambda: {"pitch": 0, "wanted": 0})
    relabelled: int = 0  # of those learned, messages that had the other label before
    known: int = 0  # had this label already: nothing to do
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, why)

    @property
    def total(self) -> int:
        return sum(self.learned.values()) + self.known + len(self.unreadable)


def unreadable_reason(msg: Inbound, text: str) -> str | None:
    """Why a message cannot be learned from, or None when it can.

    A message read in part (too large, no sender address) still teaches its words; one with
    no mail headers or no text at all is not a message the owner could have labelled."""
    if not text.strip():
        return msg.error or "no text to learn from"
    if msg.error and not msg.sender and "no mail headers" in msg.error:
        return msg.error
    return None


def learn_message(learning: OwnerLearning, label: str, msg: Inbound, owner_addresses: list[str],
                  summary: LearnSummary) -> None:
    """Teach one message its label, counting what happened in the summary."""
    text = judged_text(msg, owner_addresses)
    why = unreadable_reason(msg, text)
    if why:
        summary.unreadable.append((msg.source, why))
        return
    before = learning.store.active_labels(message_key=message_key(msg.message_id, text))
    row = learning.teach(label, SOURCE, text, message_id=msg.message_id, sender=msg.sender,
                         subject=msg.subject, channel=msg.channel or "email", detail={"file": msg.source})
    if row is None:
        summary.known += 1
        return
    summary.learned[label] += 1
    summary.relabelled += bool(before)


def labelled_messages(batches: Sequence[tuple[str, Sequence[str]]]) -> tuple[int, Iterator[tuple[str, Inbound]]]:
    """(how many, (label, message) in Date order across every batch), as `in_date_order` does
    for triage: the owner layer learns in the order the owner met the mail. Undated messages
    follow in file order; a file that cannot be read comes as a message with `error`."""
    labels, found = [], []
    for label, paths in batches:  # only where each message is: a mailbox is never held in memory
        here = locate(list(paths))
        labels += [label] * len(here)
        found += here
    order = date_order(found)

    def messages() -> Iterator[tuple[str, Inbound]]:
        for i, msg in zip(order, read_all_located(found[i] for i in order)):
            yield labels[i], msg

    return len(found), messages()


def learn_paths(learning: OwnerLearning, batches: Sequence[tuple[str, Sequence[str]]],
                owner_addresses: list[str],
                progress: Callable[[int, int], None] | None = None) -> LearnSummary:
    """Label every message under the paths of each (label, paths) batch; raises
    FileNotFoundError for a path that does not exist (before anything is learned)."""
    summary = LearnSummary()
    total, messages = labelled_messages(batches)
    for done, (label, msg) in enumerate(messages, start=1):
        learn_message(learning, label, msg, owner_addresses, summary)
        if progress:
            progress(done, total)
    for source, why in summary.unreadable:
        log.info("not learned from %s: %s", source, why)
    return summary


def forget_paths(learning: OwnerLearning, paths: Sequence[str],
                 owner_addresses: list[str]) -> tuple[int, list[tuple[str, str]]]:
    """Take back every label (from any source) on the messages under paths: (how many were
    taken back, the files that could not be read)."""
    taken, unreadable = 0, []
    for _label, msg in labelled_messages([("", paths)])[1]:
        text = judged_text(msg, owner_addresses)
        why = unreadable_reason(msg, text)
        if why:
            unreadable.append((msg.source, why))
            continue
        taken += learning.forget(message_id=message_key(msg.message_id, text),
                                 reason=f"taken back by the owner (nejtak learn --forget {msg.source})")
    return taken, unreadable
