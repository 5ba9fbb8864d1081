"""The store: SQLAlchemy models, Alembic migrations and the Store that wraps them."""
from bot.store.store import Store

__all__ = ["Store"]
