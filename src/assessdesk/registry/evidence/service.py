"""Evidence use-cases over the database: uploads, verified blobs, who may read what, expected against present."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from assessdesk.domain.ids import new_id
from assessdesk.protocol.evidence import AttemptEvidence, EvidenceItem
from assessdesk.registry import db
from assessdesk.registry.context import Registry
from assessdesk.registry.tables import attempt_routes, blob_attempts, blobs, expected_evidence, uploads


@dataclass(frozen=True)
class Upload:
    upload_id: str
    station_id: str
    length: int
    expected_sha256: str
    attempt_id: str | None
    filename: str | None
    completed: bool


def create_upload(registry: Registry, *, station_id: str, length: int, sha256: str, attempt_id: str | None,
                  filename: str | None) -> Upload:
    upload = Upload(new_id(), station_id, length, sha256, attempt_id, filename, False)
    registry.blobs.new_partial(upload.upload_id).close()  # the file exists from the start: offset 0 is durable
    with db.write_transaction(registry.engine) as conn:
        conn.execute(uploads.insert().values(
            upload_id=upload.upload_id, station_id=station_id, length=length, expected_sha256=sha256,
            attempt_id=attempt_id, filename=filename, created_at=registry.now()))
    return upload


def get_upload(registry: Registry, *, upload_id: str, station_id: str) -> Upload | None:
    """The station's own upload, or None (another station's upload id is treated as unknown)."""
    with registry.engine.connect() as conn:
        row = conn.execute(sa.select(uploads).where(uploads.c.upload_id == upload_id,
                                                    uploads.c.station_id == station_id)).first()
    if row is None:
        return None
    return Upload(row.upload_id, row.station_id, row.length, row.expected_sha256, row.attempt_id, row.filename,
                  row.completed_at is not None)


def delete_upload(registry: Registry, *, upload_id: str) -> None:
    with db.write_transaction(registry.engine) as conn:
        conn.execute(uploads.delete().where(uploads.c.upload_id == upload_id))
    registry.blobs.discard_partial(upload_id)


def record_blob(registry: Registry, *, sha256: str, size: int, station_id: str, attempt_id: str | None,
                upload_id: str | None) -> None:
    """Note a verified blob (after its bytes are in place) and which attempt it came for."""
    now = registry.now()
    with db.write_transaction(registry.engine) as conn:
        if conn.execute(sa.select(blobs.c.sha256).where(blobs.c.sha256 == sha256)).first() is None:
            conn.execute(blobs.insert().values(sha256=sha256, size=size, uploaded_by=station_id, stored_at=now))
        if attempt_id and conn.execute(sa.select(blob_attempts.c.sha256).where(
                blob_attempts.c.sha256 == sha256, blob_attempts.c.attempt_id == attempt_id)).first() is None:
            conn.execute(blob_attempts.insert().values(sha256=sha256, attempt_id=attempt_id))
        if upload_id:
            conn.execute(uploads.update().where(uploads.c.upload_id == upload_id).values(completed_at=now))


def blob_size(registry: Registry, *, sha256: str) -> int | None:
    with registry.engine.connect() as conn:
        return conn.execute(sa.select(blobs.c.size).where(blobs.c.sha256 == sha256)).scalar()


def _readable(station_id: str, sha256_col: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """A blob is readable by the station that uploaded it and by every station in its attempts' audiences."""
    via_expected = (sa.select(expected_evidence.c.sha256)
                    .join(attempt_routes, attempt_routes.c.attempt_id == expected_evidence.c.attempt_id)
                    .where(expected_evidence.c.sha256 == sha256_col, attempt_routes.c.station_id == station_id))
    via_upload = (sa.select(blob_attempts.c.sha256)
                  .join(attempt_routes, attempt_routes.c.attempt_id == blob_attempts.c.attempt_id)
                  .where(blob_attempts.c.sha256 == sha256_col, attempt_routes.c.station_id == station_id))
    return sa.or_(blobs.c.uploaded_by == station_id, via_expected.exists(), via_upload.exists())


def readable_size(registry: Registry, *, sha256: str, station_id: str) -> int | None:
    """The blob's size when `station_id` may read it; None when absent or not routed to that station."""
    with registry.engine.connect() as conn:
        return conn.execute(sa.select(blobs.c.size).where(blobs.c.sha256 == sha256,
                                                          _readable(station_id, blobs.c.sha256))).scalar()


def present_of(registry: Registry, *, station_id: str, hashes: list[str]) -> list[str]:
    with registry.engine.connect() as conn:
        return sorted(conn.execute(sa.select(blobs.c.sha256).where(
            blobs.c.sha256.in_(hashes), _readable(station_id, blobs.c.sha256))).scalars())


def attempt_evidence(registry: Registry, *, attempt_id: str, station_id: str) -> AttemptEvidence | None:
    """Expected against present for an attempt in the station's audience; None when it is not routed there."""
    with registry.engine.connect() as conn:
        routed = conn.execute(sa.select(attempt_routes.c.station_id).where(
            attempt_routes.c.attempt_id == attempt_id, attempt_routes.c.station_id == station_id)).first()
        if routed is None:
            return None
        rows = conn.execute(
            sa.select(expected_evidence.c.sha256, expected_evidence.c.size, blobs.c.sha256.label("have"))
            .outerjoin(blobs, blobs.c.sha256 == expected_evidence.c.sha256)
            .where(expected_evidence.c.attempt_id == attempt_id)
            .order_by(expected_evidence.c.server_seq, expected_evidence.c.sha256)).all()
    return AttemptEvidence(attempt_id=attempt_id, items=[
        EvidenceItem(sha256=r.sha256, size=r.size, present=r.have is not None) for r in rows])
