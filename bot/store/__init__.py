"""The store: SQLAlchemy models, Alembic migrations and the Store that wraps them."""
from nejtak.bot.store.store import Store

__all__ = ["Store"]
