"""Initial registry schema: organisation, stations, sync events and feed, evidence, rosters, users, standards.

Revision ID: 0001
Revises:
Create Date: 2026-01-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SeqInt = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("org_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("org_id", name="pk_organisation"),
    )
    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", sa.String(64)),
        sa.Column("kinds", sa.String(200), nullable=True),
        sa.Column("note", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
        sa.Column("used_at", sa.String(32), nullable=True),
        sa.Column("used_by", sa.String(64), nullable=True),
        sa.Column("revoked_at", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name="pk_enrolment_codes"),
    )
    op.create_table(
        "stations",
        sa.Column("station_id", sa.String(64)),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("kinds", sa.String(200), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("enrolled_at", sa.String(32), nullable=False),
        sa.Column("revoked_at", sa.String(32), nullable=True),
        sa.Column("revoked_reason", sa.String(300), nullable=True),
        sa.PrimaryKeyConstraint("station_id", name="pk_stations"),
        sa.UniqueConstraint("token_hash", name="uq_stations_token_hash"),
    )
    op.create_table(
        "events",
        sa.Column("server_seq", SeqInt, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("entity_type", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(128), nullable=False),
        sa.Column("event_type", sa.String(96), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("author_station", sa.String(64), nullable=False),
        sa.Column("author_user", sa.String(128), nullable=True),
        sa.Column("occurred_at", sa.String(40), nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("supersedes", sa.String(64), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("attempt_id", sa.String(128), nullable=True),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("server_seq", name="pk_events"),
        sa.UniqueConstraint("event_id", name="uq_events_event_id"),
        sa.UniqueConstraint("supersedes", name="uq_events_supersedes"),
    )
    op.create_index("ix_events_entity", "events", ["entity_type", "entity_id"])
    op.create_index("ix_events_attempt_id", "events", ["attempt_id"])
    op.create_table(
        "feed",
        sa.Column("feed_seq", SeqInt, autoincrement=True),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
        sa.Column("station_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("feed_seq", name="pk_feed"),
        sa.ForeignKeyConstraint(["server_seq"], ["events.server_seq"], name="fk_feed_server_seq_events"),
    )
    op.create_table(
        "attempt_routes",
        sa.Column("attempt_id", sa.String(128)),
        sa.Column("station_id", sa.String(64)),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", "station_id", name="pk_attempt_routes"),
    )
    op.create_table(
        "push_batches",
        sa.Column("station_id", sa.String(64)),
        sa.Column("idempotency_key", sa.String(128)),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("station_id", "idempotency_key", name="pk_push_batches"),
    )
    op.create_table(
        "conflicts",
        sa.Column("conflict_id", SeqInt, autoincrement=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("incoming_hash", sa.String(64), nullable=False),
        sa.Column("incoming", sa.Text, nullable=False),
        sa.Column("server_event_id", sa.String(64), nullable=False),
        sa.Column("detected_at", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("conflict_id", name="pk_conflicts"),
        sa.UniqueConstraint("station_id", "event_id", "incoming_hash", name="uq_conflicts_once"),
    )
    op.create_table(
        "uploads",
        sa.Column("upload_id", sa.String(64)),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("length", sa.BigInteger, nullable=False),
        sa.Column("expected_sha256", sa.String(64), nullable=False),
        sa.Column("attempt_id", sa.String(128), nullable=True),
        sa.Column("filename", sa.String(255), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("completed_at", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("upload_id", name="pk_uploads"),
    )
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64)),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("uploaded_by", sa.String(64), nullable=False),
        sa.Column("stored_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_blobs"),
    )
    op.create_table(
        "blob_attempts",
        sa.Column("sha256", sa.String(64)),
        sa.Column("attempt_id", sa.String(128)),
        sa.PrimaryKeyConstraint("sha256", "attempt_id", name="pk_blob_attempts"),
    )
    op.create_table(
        "expected_evidence",
        sa.Column("attempt_id", sa.String(128)),
        sa.Column("sha256", sa.String(64)),
        sa.Column("size", sa.BigInteger, nullable=True),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", "sha256", name="pk_expected_evidence"),
    )
    op.create_table(
        "candidates",
        sa.Column("candidate_id", sa.String(64)),
        sa.Column("external_id", sa.String(128), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("station_id", sa.String(64), nullable=True),
        sa.Column("merged_into", sa.String(64), nullable=True),
        sa.Column("head_event_id", sa.String(64), nullable=True),
        sa.Column("head_version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("candidate_id", name="pk_candidates"),
        sa.UniqueConstraint("external_id", name="uq_candidates_external_id"),
    )
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(64)),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("head_event_id", sa.String(64), nullable=False),
        sa.Column("head_version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "standards_packages",
        sa.Column("package_id", sa.String(128)),
        sa.Column("version", sa.String(64)),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("published_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("package_id", "version", name="pk_standards_packages"),
    )


def downgrade() -> None:
    for name in ("standards_packages", "users", "candidates", "expected_evidence", "blob_attempts", "blobs",
                 "uploads", "conflicts", "push_batches", "attempt_routes", "feed", "events", "stations",
                 "enrolment_codes", "organisation"):
        op.drop_table(name)
