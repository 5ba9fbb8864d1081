"""The guard contract: one reply rule of DESIGN.md, returning why it stops a reply, or None."""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from nejtak.bot.signals.base import Registry

if TYPE_CHECKING:
    from nejtak.bot.inbound import Inbound
    from nejtak.bot.signals.base import Context


class Guard:
    """A reply rule; `check` returns the reason it blocks a reply to this message, or None."""

    name: ClassVar[str]
    description: ClassVar[str]

    def check(self, msg: "Inbound", ctx: "Context") -> str | None:
        raise NotImplementedError


GUARDS = Registry()
