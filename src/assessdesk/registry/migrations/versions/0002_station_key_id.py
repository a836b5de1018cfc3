"""Stations keep the key id they sign with, published in the trusted-station-keys list.

Revision ID: 0002
Revises: 0001
Create Date: 2026-02-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot alter a table in place; PostgreSQL gets a plain ALTER TABLE.
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("key_id", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("key_id")
