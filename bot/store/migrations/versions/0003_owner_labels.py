"""Labels: what the owner taught (pitch or wanted), each with the delta it added to the owner layer

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inbound_id", sa.Integer(), nullable=True),
        sa.Column("message_key", sa.String(length=998), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("label", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("delta", sa.LargeBinary(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["inbound_id"], ["inbound.id"], name=op.f("fk_labels_inbound_id_inbound")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labels")),
    )
    for column in ("inbound_id", "message_key", "sender", "created_at", "revoked_at"):
        op.create_index(op.f(f"ix_labels_{column}"), "labels", [column], unique=False)


def downgrade() -> None:
    for column in ("inbound_id", "message_key", "sender", "created_at", "revoked_at"):
        op.drop_index(op.f(f"ix_labels_{column}"), table_name="labels")
    op.drop_table("labels")
