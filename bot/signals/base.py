"""The signal contract: a named check that returns evidence, or None when it does not fire."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from bot.config import Config
    from bot.inbound import Inbound
    from bot.phrases import PhraseBook
    from bot.sender_history import SenderHistory


PHRASE_SPAN = 6000  # characters of new text searched for phrases: a pitch makes its point early


@dataclass
class Context:
    """Everything a signal or guard may read about a message besides the message itself."""

    config: "Config"
    history: "SenderHistory"
    phrases: "PhraseBook"
    language: str  # ISO 639-1 of the new text
    language_confidence: float = 0.0
    _phrase_hits: dict | None = field(default=None, repr=False)
    _probability: list = field(default_factory=list, repr=False)

    def model_probability(self, msg: "Inbound") -> float | None:
        """The learned model's probability that the message is unsolicited (computed once)."""
        if not self._probability:
            from bot.model import shipped_model

            model = shipped_model()
            self._probability.append(model.probability(msg) if model else None)
        return self._probability[0]

    def phrase_hit(self, category: str, msg: "Inbound"):
        """The first phrase of a category in the subject and new text (all looked up at once)."""
        if self._phrase_hits is None:
            self._phrase_hits = self.phrases.find_all(f"{msg.subject}\n{msg.text[:PHRASE_SPAN]}")
        return self._phrase_hits.get(category)


class Signal:
    """A named symbol (as in rspamd): `check` returns evidence text when it fires."""

    name: ClassVar[str]
    description: ClassVar[str]

    def check(self, msg: "Inbound", ctx: Context) -> str | None:
        raise NotImplementedError


class Registry:
    """An ordered set of components by unique name; a duplicate name is a programming error."""

    def __init__(self) -> None:
        self._items: dict[str, object] = {}

    def register(self, cls):
        if cls.name in self._items:
            raise ValueError(f"duplicate name {cls.name!r}")
        self._items[cls.name] = cls()
        return cls

    def __iter__(self):
        return iter(self._items.values())

    def names(self) -> list[str]:
        return list(self._items)


SIGNALS = Registry()
