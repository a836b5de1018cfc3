"""The station database's typed tables (SQLAlchemy 2). Only storage/ sees these; everyone else gets domain objects."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StationRow(Base):
    """The one station this profile is; holds its public key (the private half lives in the keyring)."""

    __tablename__ = "station"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[str] = mapped_column(String(32))
    key_id: Mapped[str] = mapped_column(String(120))
    public_key: Mapped[str] = mapped_column(String(64))
    is_demo: Mapped[bool] = mapped_column(default=False)
    settings_json: Mapped[str] = mapped_column(Text, default="{}")


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    roles_json: Mapped[str] = mapped_column(Text, default="[]")
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))


class EventRow(Base):
    """Authored, immutable events; an attempt's state is folded from its rows in local_seq order."""

    __tablename__ = "events"
    local_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    event_type: Mapped[str] = mapped_column(String(60))
    payload_json: Mapped[str] = mapped_column(Text)
    author_station: Mapped[str] = mapped_column(String(36))
    author_user: Mapped[str | None] = mapped_column(String(36), nullable=True)
    occurred_at: Mapped[str] = mapped_column(String(32))
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    supersedes: Mapped[str | None] = mapped_column(String(36), nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    server_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (Index("ix_events_entity", "entity_type", "entity_id", "local_seq"),)


class OutboxRow(Base):
    """One row per locally authored event awaiting (or done with) sync."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.event_id"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[str] = mapped_column(String(32))


class AuditRow(Base):
    """Append-only, hash-chained audit entries: ids and hashes only, no personal data."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(20))
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpointRow(Base):
    """The audit chain's head at a moment, signed by the station key."""

    __tablename__ = "audit_checkpoints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    audit_seq: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(40))
    signed_at: Mapped[str] = mapped_column(String(32))
    key_id: Mapped[str] = mapped_column(String(120))
    signature: Mapped[str] = mapped_column(String(128))


class SessionRow(Base):
    """A sitting at a site on a date (scheduling data; attempts hang off it)."""

    __tablename__ = "sittings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    site: Mapped[str] = mapped_column(String(200))
    date: Mapped[str] = mapped_column(String(10), index=True)
    starts_at: Mapped[str] = mapped_column(String(5))


class CandidateRow(Base):
    __tablename__ = "candidates"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    given_name: Mapped[str] = mapped_column(String(120))
    family_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    walk_in: Mapped[bool] = mapped_column(default=False)
    needs_review: Mapped[bool] = mapped_column(default=False)
    enrolled_photo_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class AttemptRow(Base):
    """Projection of an attempt for lists; its truth is its events, and `state` is refolded on each new event."""

    __tablename__ = "attempts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sitting_id: Mapped[str] = mapped_column(ForeignKey("sittings.id"), index=True)
    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidates.id"), index=True)
    credential_id: Mapped[str] = mapped_column(String(64))
    rubric_ref: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=0)


class SyncStateRow(Base):
    """Small key/value facts about sync: the server cursor, last good sync, the registry's address."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Tables of other features register on the same metadata (Alembic's env imports this module).
from assessdesk.storage import standards_tables  # noqa: E402,F401
