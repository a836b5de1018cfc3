"""Evidence package export: a folder or zip holding the signed manifest, the original media (decrypted to the bytes
that were hashed), artifacts, identity photos, the attempt's events, its audit entries, and the trusted keys.

Layout (docs/evidence.md): package.json, manifest.json, segments/<attempt>/<segment file>, artifacts/…, photos/…,
events.json, audit.json, trusted-keys.json, README.txt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.evidence import records
from assessdesk.services.evidence.manifest import PACKAGE_FORMAT, artifact_path, photo_path, segment_path
from assessdesk.services.evidence.sealing import sealed_manifest
from assessdesk.services.evidence.store import EvidenceCorrupt
from assessdesk.services.evidence.trusted_keys import station_trusted_keys_document
from assessdesk.services.station import StationContext
from assessdesk.storage import audit
from assessdesk.storage.events import attempt_events, to_event
from assessdesk.storage.tables import AuditRow, EventRow

README = """Evidence package for attempt {attempt}

manifest.json      the evidence manifest, RFC 8785 JSON, signed by the recording station (eddsa-jcs-2022)
segments/          the video segments exactly as recorded (decrypted; their sha256 is in the manifest)
artifacts/         files attached to the attempt
photos/            identity photos taken at check-in
events.json        the attempt's authored events (segment records, incidents, score sheets, the seal)
audit.json         the station's audit entries about the attempt and the signed checkpoint after sealing
trusted-keys.json  the station keys the exporting station trusted (prefer the registry's signed list)

Check it offline with:  assessdesk evidence verify <this folder or zip> --trusted-keys <keys file>
"""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    files: int
    bytes: int
    manifest_sha256: str


def _copy_verified(ctx: StationContext, sha256: str) -> Iterator[bytes]:
    """The plaintext of a stored file in blocks, checked against its name as it goes out."""
    digest = hashlib.sha256()
    with ctx.evidence_store().open(sha256) as f:
        while block := f.read(1 << 20):
            digest.update(block)
            yield block
    if digest.hexdigest() != sha256:
        raise EvidenceCorrupt(f"Evidence file {sha256[:12]}… on this station does not match its hash; the "
                              "package was not written.")


def _events(ctx: StationContext, attempt_id: str, shared_from: list[str]) -> list[dict[str, Any]]:
    with ctx.db.session() as s:
        own = attempt_events(s, attempt_id)
        related = [to_event(r) for r in s.scalars(
            select(EventRow).where(EventRow.entity_id != attempt_id, EventRow.payload_json.contains(attempt_id))
            .order_by(EventRow.local_seq))]
        shared = [e for other in shared_from for e in attempt_events(s, other) if e.family == "evidence"]
    return [asdict(e) for e in own + related + shared]


def _audit(ctx: StationContext, attempt_id: str, sealed_event_id: str) -> dict[str, Any]:
    """The attempt's audit entries, plus the unbroken run from the seal's entry to the checkpoint that signs it."""
    with ctx.db.session() as s:
        rows = {r.seq: r for r in s.scalars(select(AuditRow).where(AuditRow.subject_id == attempt_id))}
        sealed_seq = next((seq for seq, r in rows.items()
                           if json.loads(r.detail_json).get("event_id") == sealed_event_id), None)
        checkpoints = [cp for cp in audit.all_checkpoints(s) if sealed_seq is not None and cp.audit_seq >= sealed_seq]
        checkpoint = min(checkpoints, key=lambda cp: cp.audit_seq) if checkpoints else None
        if checkpoint is not None and sealed_seq is not None:
            for r in s.scalars(select(AuditRow).where(AuditRow.seq >= sealed_seq,
                                                      AuditRow.seq <= checkpoint.audit_seq)):
                rows[r.seq] = r
        entries = [{**audit.entry_body(r), "prev_hash": r.prev_hash, "hash": r.hash}
                   for _, r in sorted(rows.items())]
    return {"entries": entries, "checkpoint": asdict(checkpoint) if checkpoint else None,
            "sealed_entry_seq": sealed_seq}


def _contents(ctx: StationContext, attempt_id: str, exported_by: str | None) -> Iterator[tuple[str, Any]]:
    """(package path, bytes or a block iterator) for every file of the package."""
    found = sealed_manifest(ctx, attempt_id)
    if found is None:
        raise NotFound("This attempt's evidence has not been sealed yet, so there is no package to export.")
    manifest, raw = found
    ev = records.load(ctx, attempt_id)
    assert ev.sealed is not None
    sealed_event = next(e for e in ev.events if e.event_type == records.SEALED)

    def dumps(value: Any) -> bytes:
        return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")

    yield "package.json", dumps({"format": PACKAGE_FORMAT, "attempt": attempt_id, "station_id": ctx.station_id,
                                 "exported_at": ctx.now(), "exported_by": exported_by,
                                 "manifest_sha256": ev.sealed["sha256"]})
    yield "README.txt", README.format(attempt=attempt_id).encode("utf-8")
    yield "manifest.json", raw
    for rec in manifest["recordings"]:
        for seg in rec["segments"]:
            yield segment_path(rec["attempt"], seg["name"]), _copy_verified(ctx, seg["sha256"])
    for art in manifest["artifacts"]:
        yield artifact_path(art["sha256"], art["name"]), _copy_verified(ctx, art["sha256"])
    for photo in manifest["identity_photos"]:
        yield photo_path(photo["kind"], photo["sha256"], photo["name"]), _copy_verified(ctx, photo["sha256"])
    yield "events.json", dumps({"attempt": attempt_id, "events": _events(ctx, attempt_id, ev.shared_from)})
    yield "audit.json", dumps({"station_id": ctx.station_id, **_audit(ctx, attempt_id, sealed_event.event_id)})
    yield "trusted-keys.json", dumps(station_trusted_keys_document(ctx))


def write_package(ctx: StationContext, *, attempt_id: str, out: Path, exported_by: str | None = None) -> ExportResult:
    """Write the package to `out` (a .zip file when the name ends in .zip, else a new folder); audited."""
    out = Path(out)
    if out.exists():
        raise InvalidInput("something is already there; choose a new name", where=str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    if partial.is_dir():
        shutil.rmtree(partial)
    partial.unlink(missing_ok=True)
    files = total = 0
    manifest_sha = ""
    try:
        if out.suffix.lower() == ".zip":
            stamp = ctx.clock.now().timetuple()[:6]
            with zipfile.ZipFile(partial, "w") as zf:
                for name, content in _contents(ctx, attempt_id, exported_by):
                    # media is already compressed: store it; deflate the JSON and text
                    info = zipfile.ZipInfo(name, date_time=stamp)
                    info.compress_type = (zipfile.ZIP_STORED if name.startswith(("segments/", "photos/"))
                                          else zipfile.ZIP_DEFLATED)
                    with zf.open(info, "w", force_zip64=True) as dst:
                        total += _write(dst, content)
                    files += 1
                    if name == "manifest.json":
                        manifest_sha = hashlib.sha256(content).hexdigest()
        else:
            partial.mkdir()
            for name, content in _contents(ctx, attempt_id, exported_by):
                target = partial / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as dst:
                    total += _write(dst, content)
                    dst.flush()
                    os.fsync(dst.fileno())
                files += 1
                if name == "manifest.json":
                    manifest_sha = hashlib.sha256(content).hexdigest()
        os.replace(partial, out)
    finally:
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        elif partial.exists():
            partial.unlink()
    with ctx.uow(exported_by) as uow:
        uow.audit(action="evidence.exported", subject_type="attempt", subject_id=attempt_id,
                  detail={"manifest_sha256": manifest_sha, "format": "zip" if out.suffix == ".zip" else "folder",
                          "files": files})
    return ExportResult(out, files, total, manifest_sha)


def _write(dst: Any, content: Any) -> int:
    if isinstance(content, bytes):
        dst.write(content)
        return len(content)
    n = 0
    for block in content:
        dst.write(block)
        n += len(block)
    return n


@requires("evidence.export")
def export_package(ctx: StationContext, *, actor: User, attempt_id: str, out: Path) -> ExportResult:
    """Export a sealed attempt's evidence package (a reviewer's or auditor's copy, checkable offline)."""
    return write_package(ctx, attempt_id=attempt_id, out=out, exported_by=actor.id)
