"""Outbox: the submission server's acceptance and the copy in Sent, recorded as separate steps

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("server_reply", sa.Text(), nullable=True))
        batch.add_column(sa.Column("filed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("filed_at")
        batch.drop_column("server_reply")
