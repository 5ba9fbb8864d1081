"""Learning from the owner: labels (pitch or wanted) from taps, commands, folder moves, the
owner's own replies and `nejtak learn`, turned into the owner layer over the text model.

Synchronous and thread-safe like the Store it writes to: call it from a worker thread."""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field

from nejtak.bot.model import owner as owner_layer
from nejtak.bot.model import text as text_model
from nejtak.bot.model.owner import OwnerLayer, Taught
from nejtak.bot.store.labels import LabelRow
from nejtak.bot.store.sender_rows import strip_message_id

log = logging.getLogger("nejtak.learning")
REFRESH_SECONDS = 5.0  # how often a daemon looks for labels another process added


@dataclass
class Judgement:
    """What the owner layer says about one text, beside the shipped model."""
    owner: float  # what the owner layer adds to the shipped model's log-odds
    words: int
    similar: list[Taught] = field(default_factory=list)  # labels that speak for the owner's side
    drivers: list[str] = field(default_factory=list)  # the words behind it


def message_key(message_id: str, text: str) -> str:
    """How a label finds its message again: the Message-ID, or a hash of the text."""
    mid = strip_message_id(message_id or "")
    return mid or "sha256:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def stored_text(found: dict, owner_addresses: list[str]) -> str:
    """The text a stored message was judged on, as far as the store still keeps it."""
    from nejtak.bot.mail.reader import read_message  # noqa: PLC0415 (only a stored e-mail needs it)
    from nejtak.bot.signals.base import judged_text  # noqa: PLC0415

    if found.get("raw"):
        try:
            return judged_text(read_message(found["raw"], "store"), owner_addresses)
        except Exception as e:  # a message read once is read again; if not, the kept body will do
            log.warning("cannot read the kept message again (%s); learning from its body", e)
    # as judged_text lays it out: the subject line (empty for a chat), then the text
    return f"{found.get('subject') or ''}\n{found.get('body') or ''}".rstrip()


class OwnerLearning:
    """The owner layer, loaded from the store's labels and kept current as labels come and go."""

    def __init__(self, store, owner_addresses: list[str] | None = None) -> None:
        self.store = store
        self.owner_addresses = list(owner_addresses or [])
        self.layer = OwnerLayer()
        self._lock = threading.RLock()
        self._version: tuple | None = None
        self._checked = 0.0
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """The layer anew from every active label in the store."""
        with self._lock:
            version = self.store.labels_version()
            layer = OwnerLayer()
            for row in self.store.active_labels():
                layer.add(Taught(row.id, row.label, row.created_at), owner_layer.unpack(row.delta))
            self.layer, self._version, self._checked = layer, version, time.monotonic()

    def refresh(self) -> None:
        """Pick up labels added or taken back by another process (`nejtak learn`), now and then."""
        if time.monotonic() - self._checked < REFRESH_SECONDS:
            return
        with self._lock:
            self._checked = time.monotonic()
            try:
                if self.store.labels_version() != self._version:
                    self.reload()
            except Exception as e:  # the store away for a moment: judge with what is known
                log.warning("cannot look for new labels: %s", e)

    def judge(self, text: str) -> Judgement | None:
        """The owner layer's say on a text; None when nothing was taught (or no model shipped)."""
        self.refresh()
        model = text_model.shipped()
        if model is None or not self.layer.weights:
            return None
        vector = owner_layer.fold(model.vector(text))
        with self._lock:
            extra = self.layer.logit(vector)
            if abs(extra) < 1e-3:
                return None
            similar, buckets = self.layer.speaking(vector, "pitch" if extra > 0 else "wanted")
        names = text_model._names(vector.words, set(buckets), vector.subject, mask=owner_layer.MASK)
        drivers = [text_model.readable(names[b]) for b in buckets if b in names][:4]
        return Judgement(extra, len(vector.words), similar, drivers)

    # -- teaching ----------------------------------------------------------------------------

    def teach(self, label: str, source: str, text: str, *, inbound_id: int | None = None,
              message_id: str = "", channel: str = "", sender: str = "", subject: str = "",
              detail: dict | None = None) -> LabelRow | None:
        """Label one message; a label it already has is kept (None), an opposite one replaced."""
        key = message_key(message_id, text)
        with self._lock:
            self.refresh()
            same = self._labels_of(inbound_id, key)
            if any(r.label == label for r in same) and not self._taught_nothing_before(label, text, same):
                return None
            for r in same:  # the step is taken from where the layer stands without them
                self.layer.remove(r.id, owner_layer.unpack(r.delta))
            try:
                # as the store keeps it (float32): the live layer is then the one a restart
                # rebuilds, and taking the label back subtracts exactly what was added
                delta = owner_layer.unpack(owner_layer.pack(self._delta(label, text)))
                row = self.store.add_label(label, source, owner_layer.pack(delta), inbound_id=inbound_id,
                                           message_key=key, channel=channel, sender=sender, subject=subject,
                                           detail=detail, replaces=[r.id for r in same])
            except Exception:  # not stored: the labels it would have replaced still count
                for r in same:
                    self.layer.add(Taught(r.id, r.label, r.created_at), owner_layer.unpack(r.delta))
                raise
            self.layer.add(Taught(row.id, row.label, row.created_at), delta)
            self._version = self.store.labels_version()
        log.info("learned: %s %s (%s)%s", label, key[:80], source, f" from {sender}" if sender else "")
        return row

    def teach_stored(self, inbound_id: int, label: str, source: str,
                     detail: dict | None = None) -> LabelRow | None:
        """Label a message the store holds (a tap in the digest, a command about a reply)."""
        found = self.store.message_to_label(inbound_id)
        if found is None:
            raise KeyError(f"no message #{inbound_id}")
        text = stored_text(found, self.owner_addresses)
        return self.teach(label, source, text, inbound_id=inbound_id, message_id=found["message_id"],
                          channel=found["channel"], sender=found["sender"], subject=found["subject"],
                          detail=detail)

    def _taught_nothing_before(self, label: str, text: str, same: list[LabelRow]) -> bool:
        """The message has this label already, but it taught the layer nothing (the text model
        could not be read when it was given) and would teach something now: given again."""
        return not any(owner_layer.unpack(r.delta) for r in same if r.label == label) and bool(self._delta(label, text))

    def _labels_of(self, inbound_id: int | None, key: str) -> list[LabelRow]:
        rows = self.store.active_labels(inbound_id=inbound_id) if inbound_id is not None else []
        ids = {r.id for r in rows}
        return rows + [r for r in self.store.active_labels(message_key=key) if r.id not in ids]

    def _delta(self, label: str, text: str) -> dict[int, float]:
        model = text_model.shipped()
        if model is None:  # the label is kept (and given again once the model reads: teach())
            log.warning("the text model could not be read: the %s label is kept, but teaches nothing yet", label)
            return {}
        if not text.strip():
            return {}
        vector = owner_layer.fold(model.vector(text))
        logit = model.score(text, drivers=0).logit + self.layer.logit(vector)
        return owner_layer.step(vector, label, logit)

    # -- forgetting --------------------------------------------------------------------------

    def forget(self, *, inbound_id: int | None = None, message_id: str = "", sender: str = "",
               label: str = "", source: str = "", reason: str = "taken back by the owner") -> int:
        """Take labels back (those matching every filter given); the number taken back."""
        if inbound_id is None and not message_id and not sender and not source:
            raise ValueError("forget what? give a message, a sender or a source")
        with self._lock:
            rows = self.store.active_labels(inbound_id=inbound_id, message_key=strip_message_id(message_id),
                                            sender=sender, label=label, source=source)
            return self._revoke(rows, reason)

    def reset(self) -> int:
        """Drop the owner layer: every label is taken back (and kept, for the record)."""
        with self._lock:
            return self._revoke(self.store.active_labels(), "reset by the owner (nejtak learn --reset)")

    def _revoke(self, rows: list[LabelRow], reason: str) -> int:
        gone = self.store.revoke_labels([r.id for r in rows], reason)
        for r in gone:
            self.layer.remove(r.id, owner_layer.unpack(r.delta))
        self._version = self.store.labels_version()
        if gone:
            log.info("took back %d label(s): %s", len(gone), reason)
        return len(gone)

    # -- telling -----------------------------------------------------------------------------

    def stats(self) -> dict:
        """What was learned: labels by kind and source, and the size of the owner layer."""
        with self._lock:
            active = self.store.active_labels()
            return {"labels": self.store.label_counts(), "active": len(active),
                    "buckets": len(self.layer.weights),
                    "last": [{"label": r.label, "source": r.source, "at": r.created_at.isoformat(),
                              "sender": r.sender, "subject": r.subject} for r in active[-10:]]}
