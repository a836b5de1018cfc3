"""The evidence manifest's shape: chained segment entries, file names inside a package, and the body hash.

Shared by sealing (on the station) and `evidence verify` (offline), so both read the same rules. Nothing here
touches the database or decrypts anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from assessdesk.trust.canonical import canonical_json, content_hash
from assessdesk.trust.chain import GENESIS, link_hash

# History: 1 = first format (recordings with chained segments, artifacts, identity photos, timeline lists).
MANIFEST_FORMAT = "assessdesk.evidence-manifest/1"
MANIFEST_TYPE = "AssessdeskEvidenceManifest"
PACKAGE_FORMAT = "assessdesk.evidence-package/1"  # History: 1 = folder or zip, layout in docs/evidence.md

# The fields of a segment that its chain link covers, in the manifest and in `evidence.segment_closed` events.
# `audio` is there only when the segment carries a sound track (role-play), so a video-only entry, and its
# link, is exactly what it was before sound was recorded.
SEGMENT_FIELDS = ("recording", "seq", "index", "name", "sha256", "size", "frames", "start_s", "end_s",
                  "first_wall", "last_wall", "encoder", "encoder_version", "recovered", "reason", "audio")
# What a segment's `audio` may say: the track's format, and for a segment that closed normally how many seconds
# of sound it holds, how much of that is silence fed in for a stalled microphone, and how much sound was dropped.
AUDIO_FIELDS = {"codec": str, "sample_rate": int, "channels": int, "seconds": float, "silence_inserted_s": float,
                "dropped_s": float}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def segment_entry(*, recording: str, seq: int, index: int, name: str, sha256: str, size: int, frames: int,
                  start_s: float, end_s: float, first_wall: str, last_wall: str, encoder: str,
                  encoder_version: str, recovered: bool, reason: str,
                  audio: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One segment as the chain hashes it. `seq` counts chained segments 1, 2, 3… so a dropped one shows even
    when the recorder's file `index` legitimately skips (a segment lost in a crash). `audio` describes its
    sound track (None: video only)."""
    entry: dict[str, Any] = {
        "recording": recording, "seq": int(seq), "index": int(index), "name": name, "sha256": sha256,
        "size": int(size), "frames": int(frames), "start_s": round(float(start_s), 3),
        "end_s": round(float(end_s), 3), "first_wall": first_wall, "last_wall": last_wall, "encoder": encoder,
        "encoder_version": encoder_version, "recovered": bool(recovered), "reason": reason}
    track = audio_entry(audio)
    if track is not None:
        entry["audio"] = track
    return entry


def audio_entry(described: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The chained description of a sound track (the known fields, typed; floats rounded to the millisecond), or
    None when `described` names no codec (no track, or the fallback encoder's note that sound is missing)."""
    if not isinstance(described, Mapping) or not described.get("codec"):
        return None
    out: dict[str, Any] = {}
    for key, kind in AUDIO_FIELDS.items():
        if described.get(key) is not None:
            out[key] = round(float(described[key]), 3) if kind is float else kind(described[key])
    return out


def has_audio(item: Mapping[str, Any]) -> bool:
    """True when a manifest segment (or segment_closed payload) says it carries a sound track."""
    audio = item.get("audio")
    return isinstance(audio, Mapping) and bool(audio.get("codec"))


def entry_of(item: Mapping[str, Any]) -> dict[str, Any]:
    """The chained part of a manifest segment or a segment_closed payload (everything but the link itself)."""
    return {k: item[k] for k in SEGMENT_FIELDS if k in item}


def next_link(prev_chain: str | None, entry: Mapping[str, Any]) -> str:
    return link_hash(prev_chain or GENESIS, dict(entry))


def chain_problems(segments: Iterable[Mapping[str, Any]], chain_head: str | None) -> list[str]:
    """Where a recording's segment list stops adding up: sequence gaps, links that do not recompute, the head."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    for item in segments:
        seq = item.get("seq")
        if seq != expected_seq:
            if isinstance(seq, int) and seq > expected_seq:
                missing = ", ".join(str(n) for n in range(expected_seq, seq))
                problems.append(f"segment number {missing} is missing from the sequence before segment {seq}")
            else:
                problems.append(f"segment {seq!r} is out of order (expected number {expected_seq})")
            expected_seq = seq + 1 if isinstance(seq, int) else expected_seq + 1
        else:
            expected_seq += 1
        link = next_link(prev, entry_of(item))
        if item.get("chain") != link:
            problems.append(f"segment {seq!r} does not link to the one before it (its chain hash does not "
                            "recompute: a segment was removed, inserted, reordered or edited)")
            return problems  # every later link would repeat the same finding
        prev = link
    if chain_head is not None and prev != chain_head:
        problems.append("the chain head does not match the last segment (segments were cut from the end)")
    return problems


def safe_name(name: str) -> str:
    """A file name that is the same on every OS and cannot climb out of its folder."""
    cleaned = _SAFE_NAME.sub("_", name.replace("\\", "/").split("/")[-1]).strip("._")
    return cleaned[:100] or "file"


def segment_path(recording: str, name: str) -> str:
    return f"segments/{safe_name(recording)}/{safe_name(name)}"


def artifact_path(sha256: str, name: str) -> str:
    return f"artifacts/{sha256[:12]}-{safe_name(name)}"


def photo_path(kind: str, sha256: str, name: str) -> str:
    return f"photos/{safe_name(kind)}-{sha256[:12]}-{safe_name(name)}"


def body_of(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "proof"}


def body_sha256(doc: Mapping[str, Any]) -> str:
    """sha256 of the manifest without its proof: what `evidence.sealed` records, to tell a rewrite from a bad proof."""
    return content_hash(body_of(doc))


def manifest_bytes(doc: Mapping[str, Any]) -> bytes:
    """The bytes a signed manifest is stored and shipped as: RFC 8785, so any edit to the file shows."""
    return canonical_json(dict(doc))


def sniff_extension(head: bytes) -> str:
    """A file extension for a photo from its first bytes (photos are stored without a name)."""
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head.startswith(b"\x89PNG"):
        return ".png"
    return ".bin"
