"""Tables for the standards library, score sheets and moderation (owned by the standards/scoring work)."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessdesk.storage.tables import Base


class StandardsPackageRow(Base):
    """A package version as imported; importing the same content again is a no-op."""

    __tablename__ = "standards_packages"
    package_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(32))


class StandardsItemRow(Base):
    """One version of one library item, immutable once stored (a new version is a new row)."""

    __tablename__ = "standards_items"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[str] = mapped_column(String(10))
    effective_to: Mapped[str | None] = mapped_column(String(10), nullable=True)
    title: Mapped[str] = mapped_column(String(300))
    content_json: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(String(64))
    package_version: Mapped[str] = mapped_column(String(40))
    imported_at: Mapped[str] = mapped_column(String(32))


class AttemptPinRow(Base):
    """The standards versions an attempt is judged against, fixed from its date; later versions never re-score it."""

    __tablename__ = "attempt_pins"
    attempt_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    credential_ref: Mapped[str] = mapped_column(String(80))
    assessment_ref: Mapped[str] = mapped_column(String(80))
    competency_refs_json: Mapped[str] = mapped_column(Text)
    pinned_on: Mapped[str] = mapped_column(String(10))


class ScoreDraftRow(Base):
    """A sheet being scored: saved on every change so a crash loses nothing typed; local only, never synced."""

    __tablename__ = "score_drafts"
    sheet_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    attempt_id: Mapped[str] = mapped_column(String(36), index=True)
    assessor_id: Mapped[str] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(16))
    body_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(32))


class ScoreSheetRow(Base):
    """Projection of a submitted, locked sheet; its truth is the `scoring.sheet_submitted` event it names."""

    __tablename__ = "score_sheets"
    sheet_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    attempt_id: Mapped[str] = mapped_column(String(36))
    assessor_id: Mapped[str] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(16))
    body_json: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[str] = mapped_column(String(32))
    supersedes: Mapped[str | None] = mapped_column(String(36), nullable=True)
    event_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (Index("ix_score_sheets_attempt", "attempt_id", "submitted_at"),)


class PeerFormRow(Base):
    """One group member's peer-scoring form for another (entered by the assessor or at a supervised kiosk)."""

    __tablename__ = "peer_forms"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    attempt_id: Mapped[str] = mapped_column(String(36), index=True)
    rater_candidate_id: Mapped[str] = mapped_column(String(36))
    ratee_candidate_id: Mapped[str] = mapped_column(String(36))
    scores_json: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    entered_by: Mapped[str] = mapped_column(String(36))
    entered_at: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str] = mapped_column(String(36))
