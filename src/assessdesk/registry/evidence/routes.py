"""HTTP routes for evidence: ranged download, a plain streaming PUT, expected/present per attempt, presence checks."""

from __future__ import annotations

import hashlib
import re

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from assessdesk.domain.ids import new_id
from assessdesk.protocol.evidence import SHA256_PATTERN, AttemptEvidence, PresenceAnswer, PresenceQuery
from assessdesk.registry.auth import CurrentStation, RegistryDep
from assessdesk.registry.errors import ApiError, not_found
from assessdesk.registry.evidence import service
from assessdesk.registry.evidence.tus import body_pieces

router = APIRouter(prefix="/v1")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """[start, end) for a single RFC 9110 byte range, None for the whole file; 416 when unsatisfiable."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None  # multiple or malformed ranges: RFC 9110 lets us ignore Range and send it all
    first, last = match.groups()
    if first == "":
        start, end = max(size - int(last), 0), size
    else:
        start = int(first)
        end = min(int(last) + 1, size) if last else size
    if start >= size or start >= end:
        raise ApiError(416, "range_not_satisfiable", "The requested byte range is outside the file.",
                       headers={"Content-Range": f"bytes */{size}"})
    return start, end


@router.get("/evidence/{sha256}")
def download(registry: RegistryDep, station: CurrentStation, request: Request,
             sha256: str = Path(pattern=SHA256_PATTERN)) -> Response:
    size = service.readable_size(registry, sha256=sha256, station_id=station.station_id)
    if size is None:
        raise not_found("such evidence for this station")
    span = parse_range(request.headers.get("range"), size)
    start, end = span or (0, size)
    headers = {"Accept-Ranges": "bytes", "ETag": f'"{sha256}"', "Content-Length": str(end - start),
               "Cache-Control": "private, max-age=31536000, immutable"}
    if span:
        headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
    return StreamingResponse(registry.blobs.read(sha256, start, end, size=size), status_code=206 if span else 200,
                             media_type="application/octet-stream", headers=headers)


@router.put("/evidence/{sha256}")
async def put(request: Request, registry: RegistryDep, station: CurrentStation,
              sha256: str = Path(pattern=SHA256_PATTERN), attempt_id: str | None = Query(None, max_length=128)
              ) -> Response:
    """One-request upload for small files and the benchmark's baseline: the same writer, encryption, checks and
    durability as tus (the bytes are on disk before the 201), in one request."""
    upload_id = new_id()
    writer = registry.blobs.new_partial(upload_id)
    digest = hashlib.sha256()
    try:
        async for piece in body_pieces(request):
            writer.write(piece)
            digest.update(piece)
    except ClientDisconnect:
        writer.close(sync=False)
        registry.blobs.discard_partial(upload_id)
        return Response(status_code=400)
    size = writer.length
    writer.close(sync=False)  # promote() fsyncs the finished blob
    if digest.hexdigest() != sha256:
        registry.blobs.discard_partial(upload_id)
        raise ApiError(422, "sha256_mismatch", "The file does not match the sha256 in its address; "
                                               "it was discarded. Upload it again.")

    def store() -> None:
        registry.blobs.promote(upload_id, sha256)
        service.record_blob(registry, sha256=sha256, size=size, station_id=station.station_id,
                            attempt_id=attempt_id, upload_id=None)

    await run_in_threadpool(store)
    return Response(status_code=201, headers={"ETag": f'"{sha256}"'})


@router.get("/attempts/{attempt_id}/evidence", response_model=AttemptEvidence)
def attempt_evidence(attempt_id: str, registry: RegistryDep, station: CurrentStation) -> AttemptEvidence:
    listing = service.attempt_evidence(registry, attempt_id=attempt_id, station_id=station.station_id)
    if listing is None:
        raise not_found("attempt routed to this station")
    return listing


@router.post("/evidence/present", response_model=PresenceAnswer)
def present(body: PresenceQuery, registry: RegistryDep, station: CurrentStation) -> PresenceAnswer:
    hashes = [h.lower() for h in body.sha256 if re.fullmatch(SHA256_PATTERN, h.lower())]
    return PresenceAnswer(present=service.present_of(registry, station_id=station.station_id, hashes=hashes)
                          if hashes else [])
