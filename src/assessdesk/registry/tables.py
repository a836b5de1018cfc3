"""The registry's tables (SQLAlchemy 2 Core), one block per feature; Alembic migrations under migrations/ build them."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
})

# BigInteger ids that are still SQLite's rowid alias (INTEGER PRIMARY KEY) there.
SeqInt = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# --- organisation -------------------------------------------------------------------------------------------
organisation = sa.Table(
    "organisation", metadata,
    sa.Column("org_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)

# --- stations -----------------------------------------------------------------------------------------------
enrolment_codes = sa.Table(
    "enrolment_codes", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("kinds", sa.String(200), nullable=True),  # comma list the code is limited to; NULL = any
    sa.Column("note", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
    sa.Column("used_at", sa.String(32), nullable=True),
    sa.Column("used_by", sa.String(64), nullable=True),
    sa.Column("revoked_at", sa.String(32), nullable=True),
)

stations = sa.Table(
    "stations", metadata,
    sa.Column("station_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("kinds", sa.String(200), nullable=False),
    sa.Column("public_key", sa.String(64), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("key_id", sa.String(200), nullable=True),  # null: enrolled without one (before protocol 1 carried it)
    sa.Column("enrolled_at", sa.String(32), nullable=False),
    sa.Column("revoked_at", sa.String(32), nullable=True),
    sa.Column("revoked_reason", sa.String(300), nullable=True),
)

# --- sync ---------------------------------------------------------------------------------------------------
events = sa.Table(
    "events", metadata,
    sa.Column("server_seq", SeqInt, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, unique=True),
    sa.Column("entity_type", sa.String(64), nullable=False),
    sa.Column("entity_id", sa.String(128), nullable=False),
    sa.Column("event_type", sa.String(96), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # JSON text, as received
    sa.Column("author_station", sa.String(64), nullable=False),
    sa.Column("author_user", sa.String(128), nullable=True),
    sa.Column("occurred_at", sa.String(40), nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    # One successor per event at most: a second edit of the same base is a conflict, enforced here too.
    sa.Column("supersedes", sa.String(64), nullable=True, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("attempt_id", sa.String(128), nullable=True, index=True),
    sa.Column("received_at", sa.String(32), nullable=False),
    sa.Index("ix_events_entity", "entity_type", "entity_id"),
)

# Who sees which event, in delivery order: station_id NULL means every station. Pull walks feed_seq.
feed = sa.Table(
    "feed", metadata,
    sa.Column("feed_seq", SeqInt, primary_key=True, autoincrement=True),
    sa.Column("server_seq", sa.BigInteger, sa.ForeignKey("events.server_seq"), nullable=False),
    sa.Column("station_id", sa.String(64), nullable=True),
)

attempt_routes = sa.Table(
    "attempt_routes", metadata,
    sa.Column("attempt_id", sa.String(128), primary_key=True),
    sa.Column("station_id", sa.String(64), primary_key=True),
    sa.Column("added_at", sa.String(32), nullable=False),
)

push_batches = sa.Table(
    "push_batches", metadata,
    sa.Column("station_id", sa.String(64), primary_key=True),
    sa.Column("idempotency_key", sa.String(128), primary_key=True),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("records", sa.Integer, nullable=False),
    sa.Column("received_at", sa.String(32), nullable=False),
)

conflicts = sa.Table(
    "conflicts", metadata,
    sa.Column("conflict_id", SeqInt, primary_key=True, autoincrement=True),
    sa.Column("station_id", sa.String(64), nullable=False),
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("reason", sa.String(40), nullable=False),
    sa.Column("incoming_hash", sa.String(64), nullable=False),
    sa.Column("incoming", sa.Text, nullable=False),
    sa.Column("server_event_id", sa.String(64), nullable=False),
    sa.Column("detected_at", sa.String(32), nullable=False),
    sa.Column("resolved_at", sa.String(32), nullable=True),
    sa.UniqueConstraint("station_id", "event_id", "incoming_hash", name="uq_conflicts_once"),
)

# --- evidence -----------------------------------------------------------------------------------------------
uploads = sa.Table(
    "uploads", metadata,
    sa.Column("upload_id", sa.String(64), primary_key=True),
    sa.Column("station_id", sa.String(64), nullable=False),
    sa.Column("length", sa.BigInteger, nullable=False),
    sa.Column("expected_sha256", sa.String(64), nullable=False),
    sa.Column("attempt_id", sa.String(128), nullable=True),
    sa.Column("filename", sa.String(255), nullable=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("completed_at", sa.String(32), nullable=True),
)

blobs = sa.Table(
    "blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("uploaded_by", sa.String(64), nullable=False),
    sa.Column("stored_at", sa.String(32), nullable=False),
)

blob_attempts = sa.Table(
    "blob_attempts", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("attempt_id", sa.String(128), primary_key=True),
)

expected_evidence = sa.Table(
    "expected_evidence", metadata,
    sa.Column("attempt_id", sa.String(128), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=True),
    sa.Column("server_seq", sa.BigInteger, nullable=False),
)

# --- rosters, users, standards ------------------------------------------------------------------------------
candidates = sa.Table(
    "candidates", metadata,
    sa.Column("candidate_id", sa.String(64), primary_key=True),
    sa.Column("external_id", sa.String(128), nullable=True, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(254), nullable=True),
    sa.Column("source", sa.String(16), nullable=False),  # roster | walk_in
    sa.Column("station_id", sa.String(64), nullable=True),  # the station that registered a walk-in
    sa.Column("merged_into", sa.String(64), nullable=True),
    sa.Column("head_event_id", sa.String(64), nullable=True),
    sa.Column("head_version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.String(32), nullable=False),
)

users = sa.Table(
    "users", metadata,
    sa.Column("user_id", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(254), nullable=True),
    sa.Column("roles", sa.String(200), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("head_event_id", sa.String(64), nullable=False),
    sa.Column("head_version", sa.Integer, nullable=False),
)

standards_packages = sa.Table(
    "standards_packages", metadata,
    sa.Column("package_id", sa.String(128), primary_key=True),
    sa.Column("version", sa.String(64), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("published_at", sa.String(32), nullable=False),
)
