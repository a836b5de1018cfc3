"""Evidence blobs between station and registry: which of ours the registry still needs, a resumable tus upload of
the plaintext decrypted on the fly from the station's encrypted store, and a verified download on demand."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessdesk.domain.errors import DomainError
from assessdesk.domain.events import AuthoredEvent
from assessdesk.services.station import StationContext
from assessdesk.storage import sync as repo

CHUNK_SIZE = 4 * 2**20  # tus chunks; a cut re-sends at most this much
PREFIX = "ev:"  # sync_state keys "ev:<first 37 hex of sha256>" (the key column holds 40 characters)
PRESENCE_SLICE = 5000  # protocol.evidence.PresenceQuery takes at most this many
EVIDENCE_LISTS = ("items", "files", "segments")  # the same places the registry reads hashes from


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int
    attempt_id: str | None
    upload_url: str | None


def state_key(sha256: str) -> str:
    return PREFIX + sha256[:37]


def hashes_in(payload: dict[str, Any]) -> list[tuple[str, int | None]]:
    """(sha256, size) named by an evidence event: the payload itself and its items/files/segments lists."""
    found: list[tuple[str, int | None]] = []
    for item in [payload] + [i for k in EVIDENCE_LISTS if isinstance(payload.get(k), list)
                             for i in payload[k] if isinstance(i, dict)]:
        sha = item.get("sha256")
        if isinstance(sha, str) and len(sha) == 64:
            size = item.get("size")
            found.append((sha.lower(), size if type(size) is int else None))
    return found


def _attempt_of(event: AuthoredEvent) -> str | None:
    if event.entity_type == "attempt":
        return event.entity_id
    value = event.payload.get("attempt_id")
    return value if isinstance(value, str) else None


def tracked(ctx: StationContext) -> dict[str, dict[str, Any]]:
    """sha256 -> {"url", "present", "size", "attempt_id"} for blobs sync has dealt with."""
    with ctx.db.session() as s:
        rows = repo.keys_with_prefix(s, PREFIX)
    out = {}
    for value in rows.values():
        data = json.loads(value)
        out[data["sha256"]] = data
    return out


def pending_uploads(ctx: StationContext) -> list[Blob]:
    """Blobs named by this station's acknowledged evidence events, held here, not yet confirmed by the registry."""
    with ctx.db.session() as s:
        events = repo.own_evidence_events(s, station_id=ctx.station_id)
    known = tracked(ctx)
    store = ctx.evidence_store()
    out: dict[str, Blob] = {}
    for event in events:
        for sha, size in hashes_in(event.payload):
            info = known.get(sha, {})
            if sha in out or info.get("present") or not store.has(sha):
                continue
            out[sha] = Blob(sha, size if size is not None else -1, _attempt_of(event), info.get("url"))
    return list(out.values())


def _remember(ctx: StationContext, blobs: Iterable[Blob], *, present: bool, url: str | None = None) -> None:
    with ctx.uow(None) as uow:
        for blob in blobs:
            repo.set_state(uow.session, {state_key(blob.sha256): json.dumps(
                {"sha256": blob.sha256, "url": None if present else (url or blob.upload_url), "present": present,
                 "size": blob.size, "attempt_id": blob.attempt_id}, sort_keys=True)})


def mark_present(ctx: StationContext, blobs: Iterable[Blob]) -> None:
    """The registry holds these, verified: retention may purge them here."""
    blobs = list(blobs)
    if blobs:
        _remember(ctx, blobs, present=True)
        with ctx.uow(None) as uow:
            uow.audit(action="sync.evidence_confirmed", subject_type="station", subject_id=ctx.station_id,
                      detail={"sha256": sorted(b.sha256 for b in blobs)[:200], "count": len(blobs)})


def save_url(ctx: StationContext, blob: Blob, url: str) -> None:
    """Kept before any byte is sent, so a restarted station resumes the same upload from the registry's offset."""
    _remember(ctx, [blob], present=False, url=url)


def present_of(client: Any, hashes: list[str]) -> set[str]:
    """The registry's verified subset of `hashes`, asked in slices the presence query accepts (io lane)."""
    out: set[str] = set()
    for start in range(0, len(hashes), PRESENCE_SLICE):
        out |= client.evidence_present(hashes[start:start + PRESENCE_SLICE])
    return out


def plaintext_size(ctx: StationContext, sha256: str) -> int:
    """The plaintext length (io lane: decrypts once when the events did not say)."""
    total = 0
    with ctx.evidence_store().open(sha256) as reader:
        while block := reader.read(2**20):
            total += len(block)
    return total


# --- the tus conversation (io lane): services.sync.tus.TusUploader, fed from the encrypted store ---------------
def create_upload(client: Any, blob: Blob) -> str:
    from assessdesk.services.sync.tus import TusUploader

    return TusUploader(client).create(size=blob.size, sha256=blob.sha256, attempt_id=blob.attempt_id,
                                      filename=blob.sha256)


def remote_offset(client: Any, url: str) -> int | None:
    """The registry's offset, or None when it no longer knows the upload (expired, or finished and cleaned up)."""
    from assessdesk.services.sync.tus import TusUploader

    return TusUploader(client).offset(url)


def send_from(ctx: StationContext, client: Any, blob: Blob, url: str, offset: int, *,
              chunk_size: int = CHUNK_SIZE, on_progress: Callable[[int, int], None] | None = None) -> int:
    """PATCH checksummed chunks of the plaintext, decrypted on the fly, from `offset` to the end; returns the body
    bytes sent (see TusUploader.send)."""
    from assessdesk.services.sync.tus import TusUploader

    return TusUploader(client, chunk_size=chunk_size).send(
        url, lambda: ctx.evidence_store().open(blob.sha256), offset=offset, size=blob.size, on_progress=on_progress)


def fetch(ctx: StationContext, client: Any, *, sha256: str) -> Path:
    """Download a blob the registry routed here (resumable, sha256-verified), then keep it encrypted like any other
    evidence; the plaintext download is removed. Returns the stored path. io lane."""
    from assessdesk.services.sync.tus import download

    store = ctx.evidence_store()
    if store.has(sha256):
        return store.path_of(sha256)
    incoming = ctx.profile_dir / "incoming"
    incoming.mkdir(exist_ok=True)
    dest = incoming / sha256
    download(client, sha256=sha256, dest=dest)
    try:
        blob = store.put_file(dest)
    finally:
        dest.unlink(missing_ok=True)
    if blob.sha256 != sha256:  # the download was verified; a mismatch here means the disk changed under us
        store.delete(blob.sha256)
        raise DomainError("The downloaded evidence changed on disk before it was stored; it was discarded.")
    return blob.path
