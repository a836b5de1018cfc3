"""Offline verification of an evidence package: no database, no network, no keyring; every problem named by kind.

Three independent things are checked. The manifest's own signature (a trusted station key signed exactly these
bytes). The files against the manifest (every segment, artifact and photo present, byte for byte) and the segment
chain (numbered, linked, ending at the head). And the manifest against the station's records: the attempt's events
say what each segment hashed to when it closed and what the seal covered, and the audit entries tie those events
to a checkpoint the station signed; that is what tells a rewritten manifest from a damaged signature.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from assessdesk.domain.events import AuthoredEvent
from assessdesk.services.evidence import records
from assessdesk.services.evidence.manifest import (
    MANIFEST_FORMAT,
    artifact_path,
    body_sha256,
    chain_problems,
    has_audio,
    manifest_bytes,
    photo_path,
    segment_path,
)
from assessdesk.services.evidence.package_files import PackageFiles
from assessdesk.storage.audit import checkpoint_body
from assessdesk.trust.canonical import canonical_json
from assessdesk.trust.chain import link_hash
from assessdesk.trust.event_hash import event_hash
from assessdesk.trust.keys import unb64, verify_signature
from assessdesk.trust.manifest_proof import verify_manifest

# Every kind of problem verify reports (docs/evidence.md explains each).
KINDS = {
    "missing_manifest": "the package has no manifest.json",
    "manifest_unreadable": "manifest.json is not a readable evidence manifest",
    "manifest_rewritten": "the manifest is not the one the station sealed",
    "bad_signature": "the signature does not match the manifest",
    "unknown_key": "the manifest was signed by a key that is not trusted",
    "missing_segment": "a video segment named in the manifest is not in the package",
    "missing_artifact": "an attached file named in the manifest is not in the package",
    "missing_photo": "an identity photo named in the manifest is not in the package",
    "changed_byte": "a file differs from the hash sealed in the manifest",
    "broken_chain": "the segment chain has a gap, a reordering, or a link that does not recompute",
    "unexpected_file": "a media file is in the package that the manifest does not name",
    "missing_record": "the station's records of the attempt (events, audit) are not in the package",
    "broken_record": "the station's records in the package do not add up",
}
_MEDIA_FOLDERS = ("segments/", "artifacts/", "photos/")


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str
    item: str = ""


@dataclass
class VerifyReport:
    package: str
    attempt: str | None = None
    signer: str | None = None
    sealed_at: str | None = None
    segments: int = 0
    audio_segments: int = 0  # segments whose (signed) entry says they carry a sound track
    artifacts: int = 0
    photos: int = 0
    duration_s: float = 0.0
    recovered: bool = False
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}

    def add(self, kind: str, message: str, item: str = "") -> None:
        assert kind in KINDS, kind
        self.problems.append(Problem(kind, message, item))

    def as_dict(self) -> dict[str, Any]:
        return {"valid": self.ok, **asdict(self), "kinds": sorted(self.kinds)}


def verify_package(files: PackageFiles, trusted_keys: Mapping[str, bytes], *, label: str = "") -> VerifyReport:
    report = VerifyReport(package=label)
    raw = files.read("manifest.json")
    if raw is None:
        report.add("missing_manifest", "The package has no manifest.json, so nothing in it can be trusted.")
        return report
    try:
        doc = json.loads(raw)
        if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT:
            raise ValueError("not an assessdesk evidence manifest")
    except ValueError as exc:
        report.add("manifest_unreadable", f"manifest.json cannot be read as an evidence manifest ({exc}).")
        return report
    if manifest_bytes(doc) != raw:
        report.add("manifest_rewritten", "manifest.json is not in the exact form it was sealed in (RFC 8785): "
                                         "it was edited after sealing.")
    _check_signature(report, doc, trusted_keys)
    try:
        _describe(report, doc)
        events = _check_records(report, files, doc, raw, trusted_keys)
        _check_files(report, files, doc, events)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        report.add("manifest_unreadable", f"The manifest does not have the structure of a sealed manifest "
                                          f"({type(exc).__name__}: {exc}).")
    if "manifest_rewritten" in report.kinds:
        # the signature fails because the manifest was rewritten: say that once, as the rewrite
        report.problems = [p for p in report.problems if p.kind != "bad_signature"]
    return report


def _check_signature(report: VerifyReport, doc: dict[str, Any], trusted: Mapping[str, bytes]) -> None:
    proof = doc.get("proof")
    report.signer = str(proof.get("verificationMethod")) if isinstance(proof, dict) else None
    for problem in verify_manifest(doc, trusted):
        kind = "unknown_key" if problem.code == "unknown_key" else "bad_signature"
        report.add(kind, problem.message)


def _describe(report: VerifyReport, doc: dict[str, Any]) -> None:
    report.attempt = str(doc["attempt"])
    report.sealed_at = doc.get("sealed_at")
    report.segments = sum(len(r["segments"]) for r in doc["recordings"])
    report.audio_segments = sum(1 for r in doc["recordings"] for s in r["segments"] if has_audio(s))
    if report.audio_segments:
        report.notes.append(f"{report.audio_segments} of {report.segments} video segments carry a sound track.")
    report.artifacts = len(doc["artifacts"])
    report.photos = len(doc["identity_photos"])
    report.duration_s = float(doc.get("duration_s") or 0.0)
    report.recovered = bool(doc.get("recovered"))
    if report.recovered:
        report.notes.append("Part of this recording was recovered after the station stopped unexpectedly "
                            "(see the incidents in the manifest).")


def _check_files(report: VerifyReport, files: PackageFiles, doc: dict[str, Any],
                 events: list[dict[str, Any]] | None) -> None:
    expected: set[str] = set()

    def check(path: str, item: dict[str, Any], missing_kind: str, what: str) -> None:
        expected.add(path)
        found = files.digest(path)
        if found is None:
            report.add(missing_kind, f"{what} is missing from the package ({path}).", path)
        elif found != (item["sha256"], item["size"]):
            report.add("changed_byte", f"{what} differs from what was sealed: its bytes were changed, cut short "
                                       f"or swapped with another file ({path}).", path)

    for rec in doc["recordings"]:
        owner = str(rec["attempt"])
        for seg in rec["segments"]:
            check(segment_path(owner, seg["name"]), seg, "missing_segment", f"Video segment {seg['seq']}")
        for text in chain_problems(rec["segments"], rec.get("chain_head")):
            report.add("broken_chain", f"Recording {owner[:8]}…: {text}.", owner)
        if events is not None:
            _cross_check_segments(report, owner, rec["segments"], events)
    for art in doc["artifacts"]:
        check(artifact_path(art["sha256"], art["name"]), art, "missing_artifact", f"Attached file {art['name']}")
    for photo in doc["identity_photos"]:
        check(photo_path(photo["kind"], photo["sha256"], photo["name"]), photo, "missing_photo",
              f"Identity photo ({photo['kind']})")
    for name in files.names():
        if name.startswith(_MEDIA_FOLDERS) and name not in expected:
            report.add("unexpected_file", f"{name} is in the package but not in the manifest.", name)


def _cross_check_segments(report: VerifyReport, owner: str, segments: list[dict[str, Any]],
                          events: list[dict[str, Any]]) -> None:
    """Each segment's record, written when it closed, against the manifest's entry for it."""
    recorded = {int(e["payload"]["seq"]): e["payload"] for e in events
                if e["entity_id"] == owner and e["event_type"] == records.SEGMENT_CLOSED}
    if not recorded:
        return
    listed = {int(s["seq"]): s for s in segments if isinstance(s.get("seq"), int)}
    for seq, payload in sorted(recorded.items()):
        item = listed.get(seq)
        if item is None:
            report.add("broken_chain", f"Segment {seq} of recording {owner[:8]}… was recorded when it closed, "
                                       "but the manifest leaves it out.", owner)
        elif (item.get("sha256"), item.get("chain")) != (payload.get("sha256"), payload.get("chain")):
            report.add("manifest_rewritten", f"The manifest's hash for segment {seq} is not the one recorded "
                                             "when that segment closed.", owner)
    for seq in sorted(set(listed) - set(recorded)):
        report.add("broken_chain", f"Segment {seq} is in the manifest but was never recorded by the station.",
                   owner)


def _check_records(report: VerifyReport, files: PackageFiles, doc: dict[str, Any], raw: bytes,
                   trusted: Mapping[str, bytes]) -> list[dict[str, Any]] | None:
    """The seal as the station recorded it, against this manifest. Returns the events (None when unusable)."""
    try:
        events = json.loads(files.read("events.json") or b"null")["events"]
        if not isinstance(events, list):
            raise TypeError("events is not a list")
    except (ValueError, TypeError, KeyError) as exc:
        report.add("missing_record", f"The attempt's events are missing or unreadable ({exc}); the manifest "
                                     "cannot be compared with what the station recorded.")
        return None
    by_id: dict[str, dict[str, Any]] = {}
    for e in events:
        try:
            ok = event_hash(AuthoredEvent(**e)) == e.get("content_hash")
        except TypeError:
            ok = False
        if not ok:
            report.add("broken_record", f"Event {e.get('event_type', '?')} ({e.get('event_id', '?')}) does not "
                                        "match its content hash: the record was edited.")
        else:
            by_id[e["event_id"]] = e
    sealed = [e for e in by_id.values()
              if e["entity_id"] == doc["attempt"] and e["event_type"] == records.SEALED]
    if not sealed:
        report.add("missing_record", "The package does not contain the station's record of the seal.")
        return list(by_id.values())
    seal = sealed[-1]["payload"]
    if seal.get("manifest_body_sha256") != body_sha256(doc):
        report.add("manifest_rewritten", "The manifest's content is not what the station recorded when it "
                                         "sealed the attempt.")
    elif seal.get("sha256") != hashlib.sha256(raw).hexdigest():
        report.notes.append("Only the manifest's signature block differs from the sealed copy.")
    _check_audit(report, files, sealed[-1], trusted)
    return list(by_id.values())


def _check_audit(report: VerifyReport, files: PackageFiles, sealed_event: dict[str, Any],
                 trusted: Mapping[str, bytes]) -> None:
    """The audit entry of the seal, linked to a checkpoint signed by the station: a second signature over it."""
    try:
        data = json.loads(files.read("audit.json") or b"null")
        entries = {int(e["seq"]): e for e in data["entries"]}
        checkpoint = data.get("checkpoint")
        station_id = str(data["station_id"])
    except (ValueError, TypeError, KeyError) as exc:
        report.add("missing_record", f"The audit entries are missing or unreadable ({exc}).")
        return
    for seq, e in sorted(entries.items()):
        body = {k: v for k, v in e.items() if k not in ("prev_hash", "hash")}
        if link_hash(e["prev_hash"], body) != e["hash"]:
            report.add("broken_record", f"Audit entry {seq} does not match its hash: the record was edited.")
            return
        before = entries.get(seq - 1)
        if before is not None and e["prev_hash"] != before["hash"]:
            report.add("broken_record", f"Audit entry {seq} does not link to entry {seq - 1}.")
            return
    seal_entry = next((e for e in entries.values() if e["detail"].get("event_id") == sealed_event["event_id"]),
                      None)
    if seal_entry is None or seal_entry["detail"].get("content_hash") != sealed_event["content_hash"]:
        report.add("broken_record", "The audit log's entry for the seal does not match the seal's record.")
        return
    if not checkpoint:
        report.notes.append("No signed audit checkpoint follows the seal in this package.")
        return
    cp_seq = int(checkpoint["audit_seq"])
    if any(s not in entries for s in range(int(seal_entry["seq"]), cp_seq + 1)):
        report.add("broken_record", "The audit entries between the seal and its signed checkpoint are incomplete.")
        return
    key = trusted.get(str(checkpoint.get("key_id")))
    body = checkpoint_body(station_id, cp_seq, checkpoint["head_hash"], checkpoint["reason"],
                           checkpoint["signed_at"])
    if key is None:
        report.add("unknown_key", "The audit checkpoint after the seal was signed by a key that is not trusted.")
    elif not verify_signature(key, unb64(checkpoint["signature"]), canonical_json(body)):
        report.add("broken_record", "The audit checkpoint after the seal has a bad signature.")
    elif entries[cp_seq]["hash"] != checkpoint["head_hash"]:
        report.add("broken_record", "The audit checkpoint does not cover the entries in the package.")
    else:
        report.notes.append(f"The seal is also covered by the station's signed audit checkpoint (entry {cp_seq}).")
