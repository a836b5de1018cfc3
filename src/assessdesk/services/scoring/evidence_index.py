"""The evidence index a score sheet is checked against: what the attempt's signed evidence manifest holds (recordings,
with or without a sound track, and files by kind), as the validation types' evidence kinds."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from assessdesk.domain.errors import DomainError, NotFound
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.validation_types import EvidenceKind
from assessdesk.services.evidence.records import SEALED
from assessdesk.services.scoring.media_probe import has_sound_track
from assessdesk.services.station import StationContext
from assessdesk.storage.events import attempt_events

# Manifest artifact kinds (services.evidence.artifacts.ARTIFACT_KINDS) that are evidence kinds of their own. A
# checklist file is supporting material only: the checklist is completed on the score sheet itself.
ARTIFACT_EVIDENCE = {"case_output": EvidenceKind.CASE_OUTPUT, "portfolio_item": EvidenceKind.PORTFOLIO}

MANIFEST = "manifest"  # the signed manifest is held here and was read
SEAL_RECORD = "seal_record"  # sealed at another station; its manifest is not here yet, so only the seal's counts
PLACEHOLDER = "placeholder"  # a seal naming no manifest: demo data, counted on demo profiles only
NONE = "none"  # no seal, or nothing that counts


@dataclass(frozen=True)
class EvidenceIndex:
    """What the scoring station knows about an attempt's sealed evidence, and how it knows it."""

    kinds: frozenset[str]
    basis: str  # MANIFEST | SEAL_RECORD | PLACEHOLDER | NONE
    notes: tuple[str, ...] = ()  # what the assessor should know about it, in plain words
    segments: int = 0
    segments_with_sound: int = 0
    segments_unchecked: int = 0  # files not on this station or in a format the probe does not read
    artifacts: dict[str, int] = field(default_factory=dict)
    duration_s: float = 0.0

    @property
    def has_video(self) -> bool:
        return self.segments > 0

    def summary(self) -> str:
        """One line for the scoring page."""
        if self.basis == PLACEHOLDER:
            listed = ", ".join(sorted(self.kinds)) or "nothing"
            return f"Demo placeholder seal (no recording or files were sealed; it lists: {listed})."
        if self.basis == NONE and not self.segments:
            return "No sealed evidence."
        parts = []
        if self.segments:
            sound = (f"sound on {self.segments_with_sound} of {self.segments}" if self.segments_with_sound
                     else "no sound track" if not self.segments_unchecked else "sound not checked")
            parts.append(f"sealed video, {self.segments} segment(s), {self.duration_s:.0f} s, {sound}")
        parts += [f"{n} {kind.replace('_', ' ')} file(s)" for kind, n in sorted(self.artifacts.items())]
        source = " (from the recording station's seal record)" if self.basis == SEAL_RECORD else ""
        return ("Evidence: " + "; ".join(parts) if parts else "Sealed, but no recording or files") + source + "."

    def payload(self) -> dict[str, Any]:
        """What the submitted sheet's event records about the evidence it was checked against."""
        return {"basis": self.basis, "kinds": sorted(self.kinds), "segments": self.segments,
                "segments_with_sound": self.segments_with_sound}


def _latest_seal(events: list[AuthoredEvent]) -> AuthoredEvent | None:
    return next((e for e in reversed(events) if e.event_type == SEALED), None)


def _sound(ctx: StationContext, sha256: str) -> bool | None:
    """Whether one stored segment has a sound track (None: not on this station, or unreadable here)."""
    key = (str(ctx.evidence_dir), sha256)
    if key in _SOUND_CACHE:
        return _SOUND_CACHE[key]
    try:
        with ctx.evidence_store().open(sha256) as f:
            found = has_sound_track(f)
    except (DomainError, OSError, ValueError):
        return None  # missing or damaged: the approver's verification names it; here it is simply unknown
    if found is not None:
        if len(_SOUND_CACHE) >= _SOUND_CACHE_SIZE:
            _SOUND_CACHE.pop(next(iter(_SOUND_CACHE)))
        _SOUND_CACHE[key] = found
    return found


# Content-addressed files never change, so a probe's answer holds for as long as the file exists.
_SOUND_CACHE: dict[tuple[str, str], bool] = {}
_SOUND_CACHE_SIZE = 20_000


def _signature_note(ctx: StationContext, manifest: dict[str, Any]) -> tuple[bool, str | None]:
    """(counts, note): a manifest whose signature fails counts for nothing; an unknown signer is only noted (the
    approver's full verification decides, once sync has brought the signing station's key)."""
    from assessdesk.services.evidence.trusted_keys import parse_trusted_keys, station_trusted_keys_document
    from assessdesk.trust.manifest_proof import verify_manifest

    problems = verify_manifest(manifest, parse_trusted_keys(station_trusted_keys_document(ctx)))
    if not problems:
        return True, None
    problem = problems[0]
    if problem.code == "unknown_key":
        return True, (f"{problem.message} It counts for scoring; the approver verifies it before sign-off "
                      "(sync brings the signing station's key).")
    return False, f"{problem.message} It does not count as evidence."


def _declares_sound(segment: dict[str, Any]) -> bool:
    """The signed segment entry's own word (services.evidence.manifest: `audio` with a codec when recorded)."""
    audio = segment.get("audio")
    return isinstance(audio, dict) and bool(audio.get("codec"))


def index_from_manifest(ctx: StationContext, manifest: dict[str, Any]) -> EvidenceIndex:
    """Map a signed manifest's content to evidence kinds: recordings with segments are sealed video; the recording
    is video with its sound track when every segment has one (the same rule the recording station applies when it
    seals); artifacts count by kind.

    Whether a segment has sound is read from its file's container (the file itself is the evidence); when the file
    is not on this station, the signed segment entry's `audio` description stands in."""
    counts, note = _signature_note(ctx, manifest)
    notes = [note] if note else []
    if not counts:
        return EvidenceIndex(frozenset(), NONE, tuple(notes))
    kinds: set[str] = set()
    segments = [s for r in manifest.get("recordings", []) if isinstance(r, dict)
                for s in r.get("segments", []) if isinstance(s, dict) and s.get("sha256")]
    with_sound = unchecked = 0
    silent: list[str] = []
    for s in segments:
        sound = _sound(ctx, str(s["sha256"]))
        if sound is None:
            unchecked += 1
            sound = _declares_sound(s)
        if sound:
            with_sound += 1
        else:
            silent.append(str(s.get("seq", "?")))
    if segments:
        kinds.add(EvidenceKind.SEALED_VIDEO)
    if segments and not silent:
        kinds.add(EvidenceKind.VIDEO_WITH_AUDIO)
    elif with_sound:  # part of the recording has sound: say where it is missing, since that blocks a role-play
        shown = ", ".join(silent[:10]) + ("…" if len(silent) > 10 else "")
        notes.append(f"Segment(s) {shown} of the recording have no sound track, so it does not count as a "
                     "recording with its sound.")
    if unchecked:
        notes.append(f"{unchecked} recording file(s) are not on this station (or cannot be read here); for those "
                     "the signed manifest's description of the sound track was used. Sync to fetch the evidence.")
    artifacts = Counter(str(a.get("kind", "other")) for a in manifest.get("artifacts", []) if isinstance(a, dict))
    kinds |= {ARTIFACT_EVIDENCE[k] for k in artifacts if k in ARTIFACT_EVIDENCE}
    if manifest.get("recovered"):
        notes.append("Part of the recording was recovered after the recording station stopped.")
    if manifest.get("kind") == "interim":
        notes.append("This is an interim seal made after a crash, not the final one.")
    duration = float(manifest.get("duration_s") or 0.0)
    return EvidenceIndex(frozenset(kinds), MANIFEST, tuple(notes), len(segments), with_sound, unchecked,
                         dict(artifacts), duration)


def _from_seal_record(seal: AuthoredEvent) -> EvidenceIndex:
    """Sealed elsewhere and not fetched yet: the seal (authored by the recording station, synced through the
    registry) says how many segments it sealed, which is enough for 'there is a sealed video'; what kind of files
    and whether there is sound need the manifest itself."""
    segments = int(seal.payload.get("segment_count") or 0)
    files = int(seal.payload.get("artifact_count") or 0)
    notes = [("The signed manifest is not on this station yet: only the seal record's counts are known. Sync to "
              "fetch the evidence before judging sound or attached files.")]
    kinds = frozenset({EvidenceKind.SEALED_VIDEO} if segments else ())
    return EvidenceIndex(kinds, SEAL_RECORD, tuple(notes), segments, 0, segments,
                         {"unknown kind": files} if files else {})


def _placeholder(ctx: StationContext, seal: AuthoredEvent) -> EvidenceIndex:
    listed = seal.payload.get("evidence_kinds")
    kinds = frozenset(str(k) for k in listed) if isinstance(listed, list) else frozenset()
    if ctx.is_demo:
        return EvidenceIndex(kinds, PLACEHOLDER, (
            ("This seal is demo data: it names no signed manifest, and nothing was recorded. It counts for scoring "
             "on this demo profile only, and the approval page will block sign-off for it."),))
    return EvidenceIndex(frozenset(), NONE, (
        ("The attempt's seal names no signed evidence manifest, so it is not evidence. The recording station "
         "must end and seal the attempt."),))


def index_evidence(ctx: StationContext, *, attempt_id: str) -> EvidenceIndex:
    """The evidence index of one attempt, from its latest `evidence.sealed` record and the manifest it names."""
    with ctx.db.session() as s:
        seal = _latest_seal(attempt_events(s, attempt_id))
    if seal is None:
        return EvidenceIndex(frozenset(), NONE, ("The attempt's evidence has not been sealed.",))
    sha = seal.payload.get("sha256")
    if not isinstance(sha, str):
        return _placeholder(ctx, seal)
    store = ctx.evidence_store()
    try:
        data = store.read_bytes(sha)
    except NotFound:
        if seal.author_station != ctx.station_id:
            return _from_seal_record(seal)
        return EvidenceIndex(frozenset(), NONE, (
            "The signed evidence manifest this station sealed is missing from its evidence store.",))
    except (DomainError, OSError):  # cannot be decrypted here
        return EvidenceIndex(frozenset(), NONE, ("The stored evidence manifest cannot be read on this station.",))
    if hashlib.sha256(data).hexdigest() != sha:
        return EvidenceIndex(frozenset(), NONE, ("The stored evidence manifest does not match its seal.",))
    try:
        manifest = json.loads(data)
    except ValueError:
        return EvidenceIndex(frozenset(), NONE, ("The stored evidence manifest cannot be read.",))
    return index_from_manifest(ctx, manifest)


def evidence_index_provider(ctx: StationContext):  # -> services.scoring.hooks.EvidenceProvider
    """The index in the shape `submit_sheet(evidence=...)` takes."""

    def provider(attempt_id: str) -> set[str]:
        return set(index_evidence(ctx, attempt_id=attempt_id).kinds)

    return provider
