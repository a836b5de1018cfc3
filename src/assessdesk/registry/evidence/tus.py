"""tus 1.0.0 on /v1/files/: core, creation, checksum (sha1, sha256) and termination, written for this registry.

Spec: https://tus.io/protocols/resumable-upload (version 1.0.0). Offsets are read back from the encrypted partial file
itself, so an upload resumes after either side restarts. A PATCH that carries Upload-Checksum is buffered and checked
before any byte is stored (460 on mismatch, so a cut chunk is re-sent whole); a PATCH without one keeps what arrived
before a disconnect, as the spec recommends. The whole file's sha256 is checked against the Upload-Metadata value
when the last byte arrives.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from collections import defaultdict
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

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
MAX_CHECKSUMMED_CHUNK = 64 * 2**20
CHECKSUMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256}
TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class TusState:
    """Per-process upload state: one lock per upload, and running sha256s so completion needs no re-read.

    The running hash is fed on one background thread (hashlib releases the GIL; one worker keeps updates in
    order), so hashing a chunk overlaps the transfer of the next one instead of delaying the PATCH answer."""

    locks: defaultdict[str, asyncio.Lock] = field(default_factory=lambda: defaultdict(asyncio.Lock))
    hashers: dict[str, tuple[int, Any]] = field(default_factory=dict)
    hashing: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "tus-sha256"))

    def feed(self, upload_id: str, at: int, data: bytes | bytearray) -> None:
        """Account `data` (never mutated afterwards) at offset `at` of the upload's running hash."""
        entry = self.hashers.get(upload_id)
        if entry is None and at == 0:
            entry = (0, hashlib.sha256())
        if entry is None or entry[0] != at:
            self.hashers.pop(upload_id, None)  # lost track (e.g. after a restart): completion re-reads the file
            return
        self.hashing.submit(entry[1].update, data)
        self.hashers[upload_id] = (at + len(data), entry[1])

    def digest(self, upload_id: str, length: int) -> str | None:
        """The whole upload's sha256 when every byte went through `feed` in this process, else None."""
        entry = self.hashers.pop(upload_id, None)
        if not entry or entry[0] != length:
            return None
        return self.hashing.submit(entry[1].hexdigest).result()  # queued after every update of this upload


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
        raise _tus_error(404, "no_upload", "The registry has no such upload; start the upload again.")
    return upload


def _offset(registry: Registry, upload: service.Upload) -> int:
    if upload.completed:
        return upload.length
    current = registry.blobs.partial_length(upload.upload_id)
    if current is None:
        raise _tus_error(404, "no_upload", "The registry has no such upload; start the upload again.")
    return current


@router.head("/{upload_id}")
def head(upload_id: str, request: Request, registry: RegistryDep, station: CurrentStation) -> Response:
    _require_tus(request)
    upload = _own_upload(registry, upload_id, station.station_id)
    return Response(status_code=200, headers={
        **TUS_HEADERS, "Upload-Offset": str(_offset(registry, upload)), "Upload-Length": str(upload.length),
        "Cache-Control": "no-store"})


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
    upload = _own_upload(registry, upload_id, station.station_id)  # one indexed lookup: cheaper inline
    state = _state(request)
    lock = state.locks[upload_id]
    try:
        await asyncio.wait_for(lock.acquire(), LOCK_WAIT)
    except TimeoutError:
        raise _tus_error(423, "upload_busy", "Another request is still writing this upload; try again shortly.",
                         **{"Retry-After": "5"}) from None
    try:
        current = _offset(registry, upload)
        if claimed != current:
            raise _tus_error(409, "offset_mismatch", f"The registry holds {current} bytes of this upload.",
                             **{"Upload-Offset": str(current)})
        if upload.completed:
            return Response(status_code=204, headers={**TUS_HEADERS, "Upload-Offset": str(current)})
        remaining = upload.length - current
        if checksum is not None:
            written = await _store_checked(registry, state, upload, current, remaining, checksum, request)
        else:
            written = await _store_streamed(registry, state, upload, current, remaining, request)
        offset = current + written
        if offset == upload.length:
            await run_in_threadpool(_finish, registry, request, upload)
    finally:
        lock.release()
        if upload.completed or not lock.locked() and registry.blobs.partial_length(upload_id) is None:
            state.locks.pop(upload_id, None)  # finished or discarded: forget its lock
    return Response(status_code=204, headers={**TUS_HEADERS, "Upload-Offset": str(offset)})


async def _store_checked(registry: Registry, state: TusState, upload: service.Upload, at: int, remaining: int,
                         checksum: tuple[str, bytes], request: Request) -> int:
    name, expected = checksum
    chunk_digest = CHECKSUMS[name]()
    buffer = bytearray()
    try:
        async for piece in body_pieces(request):
            buffer += piece
            chunk_digest.update(piece)  # hashed as it arrives: no second pass over the chunk
            if len(buffer) > min(remaining, MAX_CHECKSUMMED_CHUNK):
                raise _tus_error(413, "chunk_too_large", "The chunk runs past Upload-Length or is over 64 MiB.")
    except ClientDisconnect:
        return 0  # a cut checksummed chunk is dropped whole and re-sent
    if chunk_digest.digest() != expected:
        raise _tus_error(460, "checksum_mismatch", "The chunk arrived damaged (checksum mismatch); send it again.")
    writer = registry.blobs.open_partial(upload.upload_id)
    try:
        writer.write(buffer)
    finally:
        writer.close(sync=False)
    state.feed(upload.upload_id, at, buffer)
    return len(buffer)


async def _store_streamed(registry: Registry, state: TusState, upload: service.Upload, at: int, remaining: int,
                          request: Request) -> int:
    writer = registry.blobs.open_partial(upload.upload_id)
    written = 0
    overflow = False
    try:
        async for piece in body_pieces(request):
            room = remaining - written
            if len(piece) > room:
                piece, overflow = piece[:room], True
            writer.write(piece)
            state.feed(upload.upload_id, at + written, piece)
            written += len(piece)
            if overflow:
                break
    except ClientDisconnect:
        pass  # keep what arrived: the client resumes from the offset HEAD reports
    finally:
        writer.close(sync=False)
    if overflow:
        raise _tus_error(400, "too_many_bytes", "The upload sent more bytes than its Upload-Length.")
    return written


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
def terminate(upload_id: str, request: Request, registry: RegistryDep, station: CurrentStation) -> Response:
    _require_tus(request)
    upload = _own_upload(registry, upload_id, station.station_id)
    service.delete_upload(registry, upload_id=upload.upload_id)
    _state(request).hashers.pop(upload_id, None)
    return Response(status_code=204, headers=TUS_HEADERS)
