"""The store: SQLAlchemy models, Alembic migrations and the Store that wraps them.

`Store` is imported when first asked for: the pipeline needs only the names in
`nejtak.bot.store.states`, and a command that opens no store need not load SQLAlchemy."""
from __future__ import annotations

__all__ = ["Store"]


def __getattr__(name: str):
    if name == "Store":
        from nejtak.bot.store.store import Store  # noqa: PLC0415

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
