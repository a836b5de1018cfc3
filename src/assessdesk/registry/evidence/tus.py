"""tus 1.0.0 on /v1/files/: core, creation, checksum (crc32c, sha1, sha256) and termination, written for this registry.

Spec: https://tus.io/protocols/resumable-upload (version 1.0.0). Offsets are read back from the encrypted partial file
itself (no separate offset record), so an upload resumes after either side restarts. The body is encrypted and written
as it arrives; a PATCH that carries Upload-Checksum is rolled back when the checksum does not match (460) or the sender
is cut off (the chunk is re-sent whole), while one without keeps what arrived, as the spec recommends. The whole
file's sha256 is checked against the Upload-Metadata value when the last byte arrives, and the PATCH that completes
the upload is answered only once the whole file is on disk.

Durability: a PATCH is answered once its bytes are written, so they survive a registry crash; only the completing
PATCH waits for fdatasync. After a power cut the partial file keeps the longest prefix whose frames authenticate and
HEAD answers that offset, from which the station sends again; the station keeps its evidence until the completed
upload is acknowledged, so nothing is lost either way. (An fdatasync per 4 MiB chunk cost 5 ms each on the reference
disk, a fifth of the chunk's time, for no gain in what the registry can promise.)
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import google_crc32c
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from assessdesk.protocol.evidence import META_ATTEMPT, META_FILENAME, META_SHA256
from assessdesk.protocol.version import TUS_VERSION
from assessdesk.registry.auth import CurrentStation, RegistryDep
from assessdesk.registry.context import Registry
from assessdesk.registry.errors import ApiError
from assessdesk.registry.evidence import service
from assessdesk.registry.evidence.frames import FrameError

router = APIRouter(prefix="/v1/files")

MAX_SIZE = 64 * 2**30
IDLE_TIMEOUT = 60.0  # a PATCH that sends nothing for this long is treated as cut (networks die without a FIN)
LOCK_WAIT = 15.0
MAX_CHECKSUMMED_CHUNK = 64 * 2**20  # the most a checksummed chunk may hold, and so the most a bad one rolls back
# crc32c (Castagnoli) first: the checksum S3 and Google Cloud Storage offer for upload parts, in hardware on x86-64
# and arm64 (about 8 times faster than sha256 here); sha1 because tus requires it of every server.
CHECKSUMS = {"crc32c": google_crc32c.Checksum, "sha1": hashlib.sha1, "sha256": hashlib.sha256}
TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Live:
    """An upload this process is receiving: its (immutable) row, and the sha256 of its first `hashed` bytes."""

    upload: service.Upload
    hashed: int
    sha256: Any


class _ChunkHashes:
    """One chunk's hashes, updated as its pieces arrive: the Upload-Checksum digest (if any) and a copy of the
    upload's running sha256, which replaces the running hash only if the chunk is kept. Nothing is hashed twice.

    Inline on the event loop, as the plain PUT does: sha256 of a 256 KiB piece takes about 0.15 ms, and handing
    each piece to a hashing thread cost more (a future and a GIL hand-over per piece) than it saved."""

    def __init__(self, checksum: Any, running: Any) -> None:
        self.checksum = checksum
        self.running = running.copy() if running is not None else None

    def update(self, piece: bytes) -> None:
        if self.checksum is not None:
            self.checksum.update(piece)
        if self.running is not None:
            self.running.update(piece)


@dataclass
class TusState:
    """Per-process upload state: one lock per upload in use, and a `Live` record per upload being received, so a
    PATCH needs no database lookup, no re-check of the file's last frame, and completion no re-read of the file."""

    locks: dict[str, tuple[asyncio.Lock, int]] = field(default_factory=dict)
    live: dict[str, Live] = field(default_factory=dict)

    @contextlib.asynccontextmanager
    async def locked(self, upload_id: str) -> AsyncIterator[None]:
        """Hold the upload's lock (423 after LOCK_WAIT); the lock is forgotten when no request wants it any more."""
        lock, users = self.locks.get(upload_id, (asyncio.Lock(), 0))
        self.locks[upload_id] = (lock, users + 1)
        try:
            try:
                await asyncio.wait_for(lock.acquire(), LOCK_WAIT)
            except TimeoutError:
                raise _tus_error(423, "upload_busy", "Another request is still writing this upload; try again "
                                                     "shortly.", **{"Retry-After": "5"}) from None
            try:
                yield
            finally:
                lock.release()
        finally:
            users = self.locks[upload_id][1] - 1
            if users:
                self.locks[upload_id] = (lock, users)
            else:
                del self.locks[upload_id]

    def known(self, upload_id: str, station_id: str) -> Live | None:
        live = self.live.get(upload_id)
        return live if live is not None and live.upload.station_id == station_id else None

    def chunk_hashes(self, upload: service.Upload, at: int, checksum: Any) -> _ChunkHashes:
        """Hashes for a chunk stored at offset `at`. The running hash goes on only when every earlier byte went
        through this process's hashes (not, say, after a restart: then completion re-reads the file)."""
        live = self.live.get(upload.upload_id)
        if live is None and at == 0:
            live = self.live[upload.upload_id] = Live(upload, 0, hashlib.sha256())
        if live is not None and live.hashed != at:
            del self.live[upload.upload_id]
            live = None
        return _ChunkHashes(checksum, live.sha256 if live else None)

    def keep(self, upload: service.Upload, hashes: _ChunkHashes, length: int) -> None:
        """The chunk is stored, the upload now `length` long: its copy becomes the running hash."""
        live = self.live.get(upload.upload_id)
        if live is not None and hashes.running is not None:
            live.hashed, live.sha256 = length, hashes.running

    def digest(self, upload_id: str, length: int) -> str | None:
        """The whole upload's sha256 when every byte went through this process's hashes, else None."""
        live = self.live.pop(upload_id, None)
        if live is None or live.hashed != length:
            return None
        return live.sha256.hexdigest()


async def body_pieces(request: Request, idle_timeout: float = IDLE_TIMEOUT) -> AsyncIterator[bytes]:
    """The request body as it arrives; a stalled sender counts as a disconnect."""
    pieces = request.stream().__aiter__()
    while True:
        try:
            piece = await asyncio.wait_for(pieces.__anext__(), idle_timeout)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise ClientDisconnect() from None
        if piece:
            yield piece


def _state(request: Request) -> TusState:
    return request.app.state.tus


def _tus_error(status: int, code: str, message: str, **headers: str) -> ApiError:
    return ApiError(status, code, message, headers={**TUS_HEADERS, **headers})


def _require_tus(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise _tus_error(412, "tus_version", f"This registry speaks tus {TUS_VERSION} only.", **{
            "Tus-Version": TUS_VERSION})


def parse_metadata(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in header.split(","))):
        key, _, value = pair.partition(" ")
        try:
            out[key] = base64.b64decode(value, validate=True).decode() if value else ""
        except (ValueError, UnicodeDecodeError):
            raise _tus_error(400, "bad_metadata", f"Upload-Metadata value for '{key}' is not base64 text.") from None
    return out


def _int_header(request: Request, name: str) -> int:
    try:
        value = int(request.headers[name])
    except (KeyError, ValueError):
        raise _tus_error(400, "bad_header", f"{name} must be a non-negative integer.") from None
    if value < 0:
        raise _tus_error(400, "bad_header", f"{name} must be a non-negative integer.")
    return value


@router.options("/")
@router.options("/{upload_id}")
def options() -> Response:
    return Response(status_code=204, headers={
        **TUS_HEADERS, "Tus-Version": TUS_VERSION, "Tus-Max-Size": str(MAX_SIZE),
        "Tus-Extension": "creation,termination,checksum", "Tus-Checksum-Algorithm": ",".join(CHECKSUMS)})


@router.post("/")
def create(request: Request, registry: RegistryDep, station: CurrentStation) -> Response:
    _require_tus(request)
    if "upload-defer-length" in request.headers:
        raise _tus_error(400, "defer_not_supported", "Send Upload-Length; deferred length is not supported.")
    length = _int_header(request, "upload-length")
    if length > MAX_SIZE:
        raise _tus_error(413, "too_large", f"Evidence files are limited to {MAX_SIZE} bytes.")
    meta = parse_metadata(request.headers.get("upload-metadata", ""))
    sha256 = meta.get(META_SHA256, "").lower()
    if not _SHA256.match(sha256):
        raise _tus_error(400, "sha256_required", "Upload-Metadata must carry the file's sha256 (64 hex digits).")
    upload = service.create_upload(registry, station_id=station.station_id, length=length, sha256=sha256,
                                   attempt_id=meta.get(META_ATTEMPT) or None,
                                   filename=(meta.get(META_FILENAME) or None))
    if length == 0:
        _finish(registry, request, upload)
    location = f"{str(request.base_url).rstrip('/')}/v1/files/{upload.upload_id}"
    return Response(status_code=201, headers={**TUS_HEADERS, "Location": location})


def _own_upload(registry: Registry, upload_id: str, station_id: str) -> service.Upload:
    upload = service.get_upload(registry, upload_id=upload_id, station_id=station_id)
    if upload is None:
        raise _no_upload()
    return upload


def _no_upload() -> ApiError:
    return _tus_error(404, "no_upload", "The registry has no such upload; start the upload again.")


def _offset(registry: Registry, upload: service.Upload) -> int:
    if upload.completed:
        return upload.length
    current = registry.blobs.partial_length(upload.upload_id)
    if current is None:
        raise _no_upload()
    return current


@router.head("/{upload_id}")
async def head(upload_id: str, request: Request, registry: RegistryDep, station: CurrentStation) -> Response:
    _require_tus(request)
    upload = _own_upload(registry, upload_id, station.station_id)
    async with _state(request).locked(upload_id):  # a PATCH in progress (or rolling back) finishes first
        offset = _offset(registry, upload)
    return Response(status_code=200, headers={
        **TUS_HEADERS, "Upload-Offset": str(offset), "Upload-Length": str(upload.length), "Cache-Control": "no-store"})


def _checksum(request: Request) -> tuple[str, bytes] | None:
    header = request.headers.get("upload-checksum")
    if not header:
        return None
    name, _, value = header.strip().partition(" ")
    if name not in CHECKSUMS:
        raise _tus_error(400, "checksum_algorithm", f"Checksum algorithm '{name}' is not supported "
                                                    f"(use {', '.join(CHECKSUMS)}).")
    try:
        return name, base64.b64decode(value, validate=True)
    except ValueError:
        raise _tus_error(400, "bad_checksum", "Upload-Checksum value is not base64.") from None


@router.patch("/{upload_id}")
async def patch(upload_id: str, request: Request, registry: RegistryDep, station: CurrentStation) -> Response:
    _require_tus(request)
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/offset+octet-stream":
        raise _tus_error(415, "content_type", "PATCH bodies must be application/offset+octet-stream.")
    claimed = _int_header(request, "upload-offset")
    checksum = _checksum(request)
    state = _state(request)
    live = state.known(upload_id, station.station_id)
    upload = live.upload if live else _own_upload(registry, upload_id, station.station_id)  # indexed: inline
    async with state.locked(upload_id):
        if upload.completed:
            offset = upload.length
            if claimed != offset:
                raise _offset_mismatch(offset)
        else:
            offset = await _append(registry, state, upload, claimed, checksum, request)
            if offset == upload.length:
                await run_in_threadpool(_finish, registry, request, upload)
    return Response(status_code=204, headers={**TUS_HEADERS, "Upload-Offset": str(offset)})


def _offset_mismatch(current: int) -> ApiError:
    return _tus_error(409, "offset_mismatch", f"The registry holds {current} bytes of this upload.",
                      **{"Upload-Offset": str(current)})


async def _append(registry: Registry, state: TusState, upload: service.Upload, claimed: int,
                  checksum: tuple[str, bytes] | None, request: Request) -> int:
    """Store the PATCH body at `claimed`; the new offset, answered once those bytes are written (and synced, when
    they complete the upload).

    Whole frames are encrypted and written, and the chunk's checksum and the running sha256 computed, while the body
    streams in, so the end of a chunk costs one short frame (and, when it completes the upload, one fdatasync)."""
    live = state.live.get(upload.upload_id)
    writer = registry.blobs.open_partial(upload.upload_id, trusted_length=live.hashed if live else None)
    if writer is None:
        raise _no_upload()
    try:
        start = writer.length
        if claimed != start:
            raise _offset_mismatch(start)
        name, expected = checksum or ("", b"")
        limit = min(upload.length - start, MAX_CHECKSUMMED_CHUNK if checksum else MAX_SIZE)
        hashes = state.chunk_hashes(upload, start, CHECKSUMS[name]() if checksum else None)
        cut = False
        try:
            async for piece in body_pieces(request):
                if writer.length - start + len(piece) > limit:
                    writer.discard()
                    raise _tus_error(413, "chunk_too_large", "The chunk runs past Upload-Length (or, with a "
                                                             "checksum, is over 64 MiB); nothing of it was kept.")
                writer.write(piece)
                hashes.update(piece)
        except ClientDisconnect:
            cut = True  # a checksummed chunk is dropped whole below; without one, what arrived is kept
        if checksum is not None and (cut or hashes.checksum.digest() != expected):
            writer.discard()
            if not cut:
                raise _tus_error(460, "checksum_mismatch", "The chunk arrived damaged (checksum mismatch); nothing "
                                                           "of it was kept. Send it again.")
            return start
        if writer.length == upload.length:
            await run_in_threadpool(writer.close)  # fdatasync: the finished file is on disk before it is verified
        else:
            writer.close(sync=False)  # written: survives a registry crash (see the module's note on power cuts)
        state.keep(upload, hashes, writer.length)
        return writer.length
    finally:
        writer.close(sync=False)  # after an error or a discard; nothing left to do after the close above


def _finish(registry: Registry, request: Request, upload: service.Upload) -> None:
    """Verify the whole file against the sha256 promised at creation; keep it only when it matches."""
    try:
        actual = _state(request).digest(upload.upload_id, upload.length) \
            or registry.blobs.partial_sha256(upload.upload_id)
    except FrameError:  # only after a power cut mid-upload: the partial file is damaged, start again
        actual = ""
    if actual != upload.expected_sha256:
        service.delete_upload(registry, upload_id=upload.upload_id)
        raise _tus_error(460, "sha256_mismatch", "The finished file does not match the sha256 it was announced "
                                                 "with; it was discarded. Upload it again.")
    registry.blobs.promote(upload.upload_id, actual)
    service.record_blob(registry, sha256=actual, size=upload.length, station_id=upload.station_id,
                        attempt_id=upload.attempt_id, upload_id=upload.upload_id)


@router.delete("/{upload_id}")
async def terminate(upload_id: str, request: Request, registry: RegistryDep, station: CurrentStation
                    ) -> Response:
    _require_tus(request)
    upload = _own_upload(registry, upload_id, station.station_id)
    async with _state(request).locked(upload_id):
        await run_in_threadpool(service.delete_upload, registry, upload_id=upload.upload_id)
        _state(request).live.pop(upload_id, None)
    return Response(status_code=204, headers=TUS_HEADERS)
