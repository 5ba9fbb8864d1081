"""senders.service_mail_at: when the sender last sent the owner machine mail (a no-reply receipt, an
Auto-Submitted notice), so that a colleague's first mail can be told "the firm wrote to you about
your own dealings with it" with one look at the organisation's senders, not a scan of its mail.
Filled from the decisions already stored, as well as they tell it: mail that the system_sender
or auto_submitted rule stopped and that was not read as a pitch (a receipt another rule stopped
first, such as one with List-Unsubscribe, cannot be told from the stored columns). The downgrade
drops the column natively, which SQLite does from 3.35.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# what blocked_by recorded of machine mail before this revision (now Decision.service_mail,
# which asks these rules whichever rule came first)
SERVICE_MAIL_RULES = ("system_sender", "auto_submitted")


def upgrade() -> None:
    op.add_column("senders", sa.Column("service_mail_at", sa.DateTime(timezone=True), nullable=True))
    rules = ", ".join(f"'{r}'" for r in SERVICE_MAIL_RULES)
    # as Store.record_decision sets it: when the decision was made, for mail not read as a pitch
    op.execute(
        "UPDATE senders SET service_mail_at = (SELECT max(coalesce(inbound.decided_at, inbound.stored_at)) "
        f"FROM inbound WHERE inbound.sender_id = senders.id AND inbound.blocked_by IN ({rules}) "
        "AND inbound.unsolicited IS NOT TRUE)"
    )


def downgrade() -> None:
    op.drop_column("senders", "service_mail_at")  # natively (SQLite 3.35+): no table rebuild
