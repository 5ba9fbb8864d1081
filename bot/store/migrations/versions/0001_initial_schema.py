"""Initial schema, with triggers that keep audit_log append-only

Revision ID: 0001
Revises:
Create Date: 2026-11-23 18:18:06.244170
"""
from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

APPEND_ONLY = "audit_log is append-only"

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create_audit_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
    )


def _drop_audit_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=320), nullable=False),
    sa.Column('folder', sa.String(length=255), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=True),
    sa.Column('first_started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('channel', 'name', 'folder', name=op.f('uq_accounts_channel_name_folder'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('event', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=998), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index(op.f('ix_audit_log_at'), 'audit_log', ['at'], unique=False)
    op.create_index(op.f('ix_audit_log_subject'), 'audit_log', ['subject'], unique=False)

    op.create_table('owner_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_owner_messages')),
    sa.UniqueConstraint('message_id', name=op.f('uq_owner_messages_message_id'))
    )
    op.create_table('senders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('org_domain', sa.String(length=255), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=False),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=True),
    sa.Column('contacts', sa.Integer(), nullable=False),
    sa.Column('owner_wrote_to', sa.Boolean(), nullable=False),
    sa.Column('wanted', sa.Boolean(), nullable=False),
    sa.Column('blocked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_senders')),
    sa.UniqueConstraint('channel', 'address', name=op.f('uq_senders_channel_address'))
    )
    op.create_index(op.f('ix_senders_org_domain'), 'senders', ['org_domain'], unique=False)

    op.create_table('inbound',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=True),
    sa.Column('sender_name', sa.String(length=255), nullable=False),
    sa.Column('from_address', sa.String(length=320), nullable=False),
    sa.Column('return_path', sa.String(length=320), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('in_reply_to', sa.String(length=998), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=True),
    sa.Column('business_connection_id', sa.String(length=255), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('required', sa.Float(), nullable=True),
    sa.Column('unsolicited', sa.Boolean(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=True),
    sa.Column('escalate', sa.Boolean(), nullable=False),
    sa.Column('blocked_by', sa.String(length=64), nullable=True),
    sa.Column('blocked_reason', sa.Text(), nullable=True),
    sa.Column('signals', sa.JSON(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('raw', sa.LargeBinary(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['sender_id'], ['senders.id'], name=op.f('fk_inbound_sender_id_senders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound'))
    )
    op.create_index(op.f('ix_inbound_decided_at'), 'inbound', ['decided_at'], unique=False)
    op.create_index(op.f('ix_inbound_sender_id'), 'inbound', ['sender_id'], unique=False)
    op.create_index(op.f('ix_inbound_stored_at'), 'inbound', ['stored_at'], unique=False)
    op.create_index('uq_inbound_channel_message_id', 'inbound', ['channel', 'message_id'], unique=True, sqlite_where=sa.text("message_id != ''"), postgresql_where=sa.text("message_id <> ''"))

    op.create_table('block_suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound.id'], name=op.f('fk_block_suggestions_inbound_id_inbound')),
    sa.ForeignKeyConstraint(['sender_id'], ['senders.id'], name=op.f('fk_block_suggestions_sender_id_senders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_block_suggestions'))
    )
    op.create_index(op.f('ix_block_suggestions_sender_id'), 'block_suggestions', ['sender_id'], unique=False)
    op.create_index('uq_block_suggestions_open_sender', 'block_suggestions', ['sender_id'], unique=True, sqlite_where=sa.text("state = 'suggested'"), postgresql_where=sa.text("state = 'suggested'"))

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.Column('sender_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound.id'], name=op.f('fk_feedback_inbound_id_inbound')),
    sa.ForeignKeyConstraint(['sender_id'], ['senders.id'], name=op.f('fk_feedback_sender_id_senders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    op.create_index(op.f('ix_feedback_inbound_id'), 'feedback', ['inbound_id'], unique=False)
    op.create_index(op.f('ix_feedback_sender_id'), 'feedback', ['sender_id'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('to_address', sa.String(length=320), nullable=False),
    sa.Column('from_address', sa.String(length=320), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=True),
    sa.Column('in_reply_to', sa.String(length=998), nullable=False),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.Column('business_connection_id', sa.String(length=255), nullable=True),
    sa.Column('chat_id', sa.BigInteger(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound.id'], name=op.f('fk_outbox_inbound_id_inbound')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('message_id', name=op.f('uq_outbox_message_id'))
    )
    op.create_index(op.f('ix_outbox_created_at'), 'outbox', ['created_at'], unique=False)
    op.create_index(op.f('ix_outbox_inbound_id'), 'outbox', ['inbound_id'], unique=False)
    op.create_index(op.f('ix_outbox_state'), 'outbox', ['state'], unique=False)

    op.create_table('removal_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=False),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('answered', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id'], name=op.f('fk_removal_requests_outbox_id_outbox')),
    sa.ForeignKeyConstraint(['sender_id'], ['senders.id'], name=op.f('fk_removal_requests_sender_id_senders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_removal_requests'))
    )
    op.create_index(op.f('ix_removal_requests_outbox_id'), 'removal_requests', ['outbox_id'], unique=False)
    op.create_index(op.f('ix_removal_requests_sender_id'), 'removal_requests', ['sender_id'], unique=False)

    _create_audit_triggers()


def downgrade() -> None:
    _drop_audit_triggers()
    op.drop_table('removal_requests')
    op.drop_table('outbox')
    op.drop_table('feedback')
    op.drop_table('block_suggestions')
    op.drop_table('inbound')
    op.drop_table('senders')
    op.drop_table('owner_messages')
    op.drop_table('audit_log')
    op.drop_table('accounts')
