"""Crash recovery: find attempts whose recording stopped with the station, record what is on disk, seal it as
recovered (an interim signed manifest and an incident), and leave the proctor to continue or end the attempt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.clock import parse_iso
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.users import User
from assessdesk.services import audit_log, proctoring
from assessdesk.services.authz import requires
from assessdesk.services.evidence import records
from assessdesk.services.evidence.manifest import audio_entry, body_sha256
from assessdesk.services.evidence.paths import recording_dir, unrecorded_indexes
from assessdesk.services.evidence.reading import count_frames, plain_digest, salvage_plaintext
from assessdesk.services.evidence.records import SegmentRecord
from assessdesk.services.evidence.sealing import SealedEvidence, build_manifest, sign_and_store
from assessdesk.services.recording.recovery import LEGACY_STAGING
from assessdesk.services.recording.segments import (
    frames_path,
    manifest_path,
    read_frame_times,
    read_manifest,
    wall_iso,
)
from assessdesk.services.recording.sinks import sha256_file
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.tables import AttemptRow

_RUNNING = (AttemptState.IN_PROGRESS.value, AttemptState.PAUSED.value)


@dataclass(frozen=True)
class UnfinishedAttempt:
    """An attempt that was running when the station stopped. `unrecorded` lists segment files on disk that the
    event log does not know; empty means only the decision (continue or end) is left."""

    attempt_id: str
    candidate: str
    state: str
    unrecorded: tuple[int, ...]


@dataclass(frozen=True)
class RecoveryReport:
    attempt_id: str
    recovered: tuple[SegmentRecord, ...]
    lost: tuple[int, ...]
    interim: SealedEvidence


def find_unfinished(ctx: StationContext) -> list[UnfinishedAttempt]:
    """Attempts left in progress or paused (to ask about at start-up, before anything else records)."""
    with ctx.db.session() as s:
        ids = list(s.scalars(select(AttemptRow.id).where(AttemptRow.state.in_(_RUNNING))))
        attempts = [schedule.get_attempt(s, i) for i in ids]
    return [UnfinishedAttempt(a.id, a.candidate.full_name, a.state.value,
                              tuple(unrecorded_indexes(ctx, a.id))) for a in attempts]


def _media_of(directory: Path, index: int, sidecar: dict) -> Path | None:
    """The segment's non-empty media file; last, a plain file staged by an earlier version's fallback."""
    stem = f"seg-{index:06d}"
    for name in (sidecar.get("path"), f"{stem}.ts", f"{stem}.mjpeg", f"{stem}.avi", f"{stem}{LEGACY_STAGING}"):
        if name and (directory / name).exists() and (directory / name).stat().st_size > 0:
            return directory / name
    return None


def _recover_one(ctx: StationContext, actor: User, attempt_id: str, directory: Path,
                 index: int) -> SegmentRecord | None:
    sidecar = read_manifest(manifest_path(directory, index)) or {}
    media = _media_of(directory, index, sidecar)
    if media is None:
        return None
    kek = ctx.evidence_kek()
    store = ctx.evidence_store()
    if sidecar.get("state") == "closed":
        # closed, fsynced and hashed by the recorder; only its record was lost: adopt the file as it is
        sha, size = plain_digest(media, kek)
        frames = int(sidecar.get("frame_count", 0))
        first, last = str(sidecar.get("first_wall", "")), str(sidecar.get("last_wall", ""))
        stored_path, reason = store.adopt(media, sha256=sha), str(sidecar.get("reason", "recovered"))
        audio = audio_entry(sidecar.get("audio"))
    else:
        # torn by the crash: keep the sealed chunks, re-seal them as a new file (the torn original stays as it is)
        plain = salvage_plaintext(media, kek)
        frames = count_frames(plain)
        if frames == 0:
            return None
        blob = store.put_bytes(plain)
        sha, size, stored_path, reason = blob.sha256, blob.size, blob.path, "recovered"
        # the track it was opened with; how many seconds of sound survived the cut is not measured
        opened = audio_entry(sidecar.get("audio"))
        audio = None if opened is None else {k: v for k, v in opened.items()
                                             if k in ("codec", "sample_rate", "channels")}
        times = read_frame_times(frames_path(directory, index))[:frames]
        if times:
            first, last = wall_iso(times[0][1]), wall_iso(times[-1][1])
        else:  # no frame times survived: place it at the file's last change, as a zero-length span
            first = last = wall_iso(media.stat().st_mtime)
    ev = records.load(ctx, attempt_id)
    origin = parse_iso(ev.segments[0].entry["first_wall"] if ev.segments else first).timestamp()
    return records.append_segment(
        ctx, actor_id=actor.id, attempt_id=attempt_id,
        fields={"index": index, "name": media.name.replace(LEGACY_STAGING, ".avi"), "sha256": sha, "size": size,
                "frames": frames, "start_s": parse_iso(first).timestamp() - origin,
                "end_s": parse_iso(last).timestamp() - origin, "first_wall": first, "last_wall": last,
                "encoder": str(sidecar.get("encoder", "unknown")),
                "encoder_version": str(sidecar.get("encoder_version", "")), "recovered": True, "reason": reason,
                "audio": audio},
        stored_sha256=sha256_file(stored_path), stored_size=stored_path.stat().st_size, encrypted=kek is not None)


@requires("attempt.run")
def recover_attempt(ctx: StationContext, *, actor: User, attempt_id: str) -> RecoveryReport:
    """Record every segment the crash left on disk (recovered), log an incident, and seal an interim manifest."""
    with ctx.db.session() as s:
        state = schedule.get_attempt(s, attempt_id).state
    if state.value not in _RUNNING:
        raise InvalidInput(f"the attempt is '{state.value}', not running: there is nothing to recover",
                           where="recovery")
    directory = recording_dir(ctx, attempt_id)
    recovered: list[SegmentRecord] = []
    lost: list[int] = []
    for index in unrecorded_indexes(ctx, attempt_id):
        record = _recover_one(ctx, actor, attempt_id, directory, index)
        if record is None:
            lost.append(index)
            records.append_event(ctx, actor_id=actor.id, attempt_id=attempt_id, event_type=records.SEGMENT_LOST,
                                 payload={"index": index, "reason": "nothing in it could be decoded"})
        else:
            recovered.append(record)
    ev = records.load(ctx, attempt_id)
    at = max((float(s.entry["end_s"]) for s in ev.segments), default=0.0)
    proctoring.log_incident(
        ctx, actor=actor, attempt_id=attempt_id, code="equipment_failure", video_time_s=round(at, 2),
        note=(f"The station stopped during the recording. {len(recovered)} unfinished segment(s) were recovered "
              f"from disk and {len(lost)} could not be read. The attempt was recovered for the proctor to "
              "continue or end."))
    body = build_manifest(ctx, attempt_id=attempt_id, kind="interim")
    body["recovered"] = True
    doc, blob = sign_and_store(ctx, body)
    records.append_event(ctx, actor_id=actor.id, attempt_id=attempt_id, event_type=records.INTERIM_SEALED,
                         payload={"sha256": blob.sha256, "size": blob.size, "manifest_body_sha256": body_sha256(doc),
                                  "recovered_segments": [r.index for r in recovered], "lost_segments": lost})
    audit_log.checkpoint(ctx, reason="evidence.recovered")
    segments = sum(len(r["segments"]) for r in body["recordings"])
    interim = SealedEvidence(attempt_id, doc, blob.sha256, blob.size, body_sha256(doc), segments,
                             len(body["artifacts"]), True)
    return RecoveryReport(attempt_id, tuple(recovered), tuple(lost), interim)
