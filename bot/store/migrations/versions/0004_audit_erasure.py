"""audit_log stays append-only, except for rows listed in audit_log_erasures in the same transaction

`nejtak forget ADDRESS` must remove what the audit log says about one sender (erasure of their
personal data), yet no bug may ever change or delete an audit entry by accident. So an UPDATE
or TRUNCATE is still rejected, and a DELETE is let through only for an entry whose id the same
transaction listed in audit_log_erasures first; forget empties that list again before it
commits, so no other transaction ever sees it filled (bot/forget.py).

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "audit_log is append-only"


def upgrade() -> None:
    op.create_table(
        "audit_log_erasures",
        sa.Column("audit_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("audit_id", name=op.f("pk_audit_log_erasures")),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_log_no_delete")
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "WHEN NOT EXISTS (SELECT 1 FROM audit_log_erasures WHERE audit_id = OLD.id) "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )
        return
    # 0001 guarded UPDATE and DELETE with one trigger; DELETE gets its own, which asks the list
    op.execute("DROP TRIGGER audit_log_no_change ON audit_log")
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    )
    op.execute(
        "CREATE FUNCTION audit_log_erase_listed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF EXISTS (SELECT 1 FROM audit_log_erasures WHERE audit_id = OLD.id) THEN RETURN OLD; END IF; "
        f"RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_erase_listed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_log_no_delete")
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )
    else:
        op.execute("DROP TRIGGER audit_log_no_delete ON audit_log")
        op.execute("DROP TRIGGER audit_log_no_update ON audit_log")
        op.execute("DROP FUNCTION audit_log_erase_listed()")
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    op.drop_table("audit_log_erasures")
