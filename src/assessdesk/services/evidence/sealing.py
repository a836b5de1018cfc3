"""Sealing: build an attempt's evidence manifest from its events, sign it with the station key, store and record it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.users import User
from assessdesk.domain.validation_types import EvidenceKind
from assessdesk.services import attempts, audit_log
from assessdesk.services.authz import requires
from assessdesk.services.evidence import records
from assessdesk.services.evidence.manifest import (
    MANIFEST_FORMAT,
    MANIFEST_TYPE,
    body_sha256,
    has_audio,
    manifest_bytes,
    safe_name,
    sniff_extension,
)
from assessdesk.services.evidence.trusted_keys import ensure_profile_trusted_keys
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.events import attempt_events
from assessdesk.trust.manifest_proof import sign_manifest


@dataclass(frozen=True)
class SealedEvidence:
    attempt_id: str
    manifest: dict[str, Any]  # the signed manifest
    sha256: str               # of its stored bytes (RFC 8785), the evidence blob that names it
    size: int
    body_sha256: str          # of the manifest without its proof
    segments: int
    artifacts: int
    recovered: bool


def _first(events: list[AuthoredEvent], event_type: str) -> AuthoredEvent | None:
    return next((e for e in events if e.event_type == event_type), None)


def _last(events: list[AuthoredEvent], event_type: str) -> AuthoredEvent | None:
    return next((e for e in reversed(events) if e.event_type == event_type), None)


def _pauses(events: list[AuthoredEvent]) -> list[dict[str, Any]]:
    """Pause spans (clock stopped, recording on) from the attempt events and the recording's markers."""
    marks = {"pause": [], "resume": []}  # type: dict[str, list[float]]
    for e in events:
        if e.event_type == records.MARKER and e.payload.get("kind") in marks:
            marks[e.payload["kind"]].append(float(e.payload["video_time_s"]))
    out: list[dict[str, Any]] = []
    for e in events:
        if e.event_type == "attempt.paused":
            at = marks["pause"][len(out)] if len(out) < len(marks["pause"]) else None
            out.append({"paused_at": e.occurred_at, "reason": e.payload.get("reason", ""), "video_time_s": at,
                        "resumed_at": None, "resumed_video_time_s": None})
        elif e.event_type == "attempt.resumed" and out and out[-1]["resumed_at"] is None:
            n = sum(1 for p in out if p["resumed_at"] is not None)
            out[-1]["resumed_at"] = e.occurred_at
            out[-1]["resumed_video_time_s"] = marks["resume"][n] if n < len(marks["resume"]) else None
    return out


def _presence(events: list[AuthoredEvent]) -> list[dict[str, Any]]:
    """One entry per flag: the raise and the later clear of the same flag collapse into the clear."""
    flags: dict[tuple[str, float], dict[str, Any]] = {}
    for e in events:
        if e.event_type == "presence.flagged":
            p = e.payload
            flags[(str(p["kind"]), float(p["started_s"]))] = {
                "kind": p["kind"], "started_s": p["started_s"], "ended_s": p.get("ended_s"),
                "faces": p.get("faces", 0)}
    return sorted(flags.values(), key=lambda f: (f["started_s"], f["kind"]))


_ARTIFACT_EVIDENCE = {"case_output": EvidenceKind.CASE_OUTPUT, "portfolio_item": EvidenceKind.PORTFOLIO}


def evidence_kinds(recordings: list[dict[str, Any]], artifacts: list[dict[str, Any]]) -> list[str]:
    """The kinds of evidence (domain.validation_types) a manifest holds, for the scoring station's evidence check.

    A recording counts as video with sound only when every one of its segments carries a sound track: a
    role-play whose microphone was never recorded is video, not a recorded performance with its sound.
    """
    kinds: set[str] = set()
    segments = [s for r in recordings for s in r["segments"]]
    if segments:
        kinds.add(EvidenceKind.SEALED_VIDEO)
        if all(has_audio(s) for s in segments):
            kinds.add(EvidenceKind.VIDEO_WITH_AUDIO)
    kinds |= {_ARTIFACT_EVIDENCE[a["kind"]] for a in artifacts if a["kind"] in _ARTIFACT_EVIDENCE}
    return sorted(str(k) for k in kinds)


def _recording(ctx: StationContext, owner: str, *, own: bool) -> dict[str, Any]:
    ev = records.load(ctx, owner)
    return {"attempt": owner, "own": own, "chain_head": ev.chain_head, "lost_segments": sorted(ev.lost),
            "segments": [s.manifest_item() for s in ev.segments]}


def build_manifest(ctx: StationContext, *, attempt_id: str, kind: str = "final") -> dict[str, Any]:
    """The unsigned manifest of everything the attempt's events say (kind 'interim' after a crash recovery)."""
    with ctx.db.session() as s:
        attempt = schedule.get_attempt(s, attempt_id)
        events = attempt_events(s, attempt_id)
    ev = records.fold(attempt_id, events)
    store = ctx.evidence_store()
    recordings = []
    if ev.segments or ev.lost:
        recordings.append(_recording(ctx, attempt_id, own=True))
    recordings.extend(_recording(ctx, other, own=False) for other in ev.shared_from)
    photos = []
    for e in events:
        if e.event_type == records.PHOTO_ADDED:
            with store.open(e.payload["sha256"]) as f:
                ext = sniff_extension(f.read(8))
            photos.append({"kind": e.payload["kind"], "sha256": e.payload["sha256"], "size": e.payload["size"],
                           "name": f"{safe_name(e.payload['kind'])}{ext}", "added_at": e.occurred_at})
    started, ended = _first(events, "attempt.started"), _last(events, "attempt.ended")
    encoders = sorted({(s["encoder"], s["encoder_version"]) for r in recordings for s in r["segments"]})
    station = ctx.station()
    segments = [s for r in recordings for s in r["segments"]]
    artifacts = [{"sha256": a["sha256"], "size": a["size"], "kind": a["kind"], "name": a["name"],
                  "note": a.get("note", "")} for a in ev.artifacts]
    return {
        "type": MANIFEST_TYPE, "format": MANIFEST_FORMAT, "kind": kind,
        "attempt": attempt_id, "candidate_id": attempt.candidate.id, "credential_id": attempt.credential_id,
        "rubric_ref": attempt.rubric_ref, "sitting_id": attempt.sitting_id,
        "station": {"id": station.id, "name": station.name, "key_id": station.key_id},
        "proctor": started.author_user if started else None,
        "encoder": [{"name": n, "version": v} for n, v in encoders],
        "started_at": started.occurred_at if started else None,
        "ended_at": ended.occurred_at if ended else None,
        "sealed_at": ctx.now(),
        "recordings": recordings,
        "artifacts": artifacts,
        "identity_photos": photos,
        "incidents": [{"code": e.payload.get("code"), "label": e.payload.get("label"),
                       "note": e.payload.get("note", ""), "at": e.occurred_at,
                       "elapsed_s": e.payload.get("elapsed_s"), "video_time_s": e.payload.get("video_time_s")}
                      for e in events if e.event_type == "incident.logged"],
        "pauses": _pauses(events),
        "presence_flags": _presence(events),
        "markers": [{"kind": m["kind"], "video_time_s": m.get("video_time_s")} for m in ev.markers
                    if m.get("kind") not in ("pause", "resume")],
        "recovered": any(s["recovered"] for s in segments) or any(r["lost_segments"] for r in recordings),
        "duration_s": max((s["end_s"] for s in segments), default=0.0),
        "evidence_kinds": evidence_kinds(recordings, artifacts),
    }


def sign_and_store(ctx: StationContext, body: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """Sign with the station key (eddsa-jcs-2022) and keep the RFC 8785 bytes in the evidence store."""
    doc = sign_manifest(body, ctx.signing_key(), created=ctx.clock.now())
    blob = ctx.evidence_store().put_bytes(manifest_bytes(doc))
    return doc, blob


@requires("attempt.run")
def seal_attempt(ctx: StationContext, *, actor: User, attempt_id: str) -> SealedEvidence:
    """Seal an ended attempt: signed manifest stored, `evidence.sealed` recorded, audit head checkpointed."""
    with ctx.db.session() as s:
        state = schedule.get_attempt(s, attempt_id).state
    if state is not AttemptState.ENDED:
        raise InvalidInput(f"only an ended attempt can be sealed (this one is '{state.value}')", where="seal")
    body = build_manifest(ctx, attempt_id=attempt_id)
    doc, blob = sign_and_store(ctx, body)
    segments = sum(len(r["segments"]) for r in body["recordings"])
    attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type=records.SEALED, payload={
        "sha256": blob.sha256, "size": blob.size, "manifest_body_sha256": body_sha256(doc),
        "format": MANIFEST_FORMAT, "chain_heads": {r["attempt"]: r["chain_head"] for r in body["recordings"]},
        "segment_count": segments, "artifact_count": len(body["artifacts"]), "recovered": body["recovered"],
        # what scoring's evidence check reads (services.scoring.hooks): the seal names the kinds it holds
        "evidence_kinds": body["evidence_kinds"]})
    audit_log.checkpoint(ctx, reason="evidence.sealed")
    ensure_profile_trusted_keys(ctx)
    return SealedEvidence(attempt_id, doc, blob.sha256, blob.size, body_sha256(doc), segments,
                          len(body["artifacts"]), bool(body["recovered"]))


@requires("attempt.run")
def end_and_seal(ctx: StationContext, *, actor: User, attempt_id: str) -> SealedEvidence:
    """End the attempt if it is still running, then seal it (the proctor's one 'End attempt' action)."""
    from assessdesk.services import proctoring

    with ctx.db.session() as s:
        state = schedule.get_attempt(s, attempt_id).state
    if state in (AttemptState.IN_PROGRESS, AttemptState.PAUSED):
        proctoring.end(ctx, actor=actor, attempt_id=attempt_id)
    return seal_attempt(ctx, actor=actor, attempt_id=attempt_id)


def sealed_manifest(ctx: StationContext, attempt_id: str) -> tuple[dict[str, Any], bytes] | None:
    """The attempt's sealed manifest (parsed, and its stored bytes), or None when it is not sealed."""
    import json

    sealed = records.load(ctx, attempt_id).sealed
    if sealed is None:
        return None
    data = ctx.evidence_store().read_bytes(sealed["sha256"])
    return json.loads(data), data
