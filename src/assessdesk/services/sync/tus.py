"""Resumable evidence transfer for the station: a small tus 1.0.0 uploader (4 MiB chunks, each with a crc32c
Upload-Checksum, resuming from the registry's offset) and a ranged downloader, both over the RegistryClient's
connection. The whole file's sha256, announced when the upload is created, is what the registry finally checks;
the per-chunk crc32c catches a chunk damaged in transit so that only that chunk is sent again.

The uploader is sequential on purpose: a chunk is sent only after the registry acknowledged the one before (an
acknowledged chunk is written there), so a cut connection costs at most the one chunk in flight. What can
overlap does: the next chunk is read (decrypted, for the station's store) and hashed while the current one is sent."""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Self

import google_crc32c
import httpx

from assessdesk.domain.errors import DomainError
from assessdesk.protocol.evidence import META_ATTEMPT, META_FILENAME, META_SHA256
from assessdesk.protocol.version import TUS_VERSION
from assessdesk.services.sync.client import (
    RegistryClient,
    RegistryError,
    RegistryUnreachable,
    raise_for_answer,
)

CHUNK_SIZE = 4 * 2**20
MAX_CHUNK_RETRIES = 3
CHECKSUMS = ("crc32c", "sha1", "sha256")
FALLBACK_CHECKSUM = "sha1"  # tus 1.0.0 requires every server with the checksum extension to accept it
Progress = Callable[[int, int], None]  # (bytes done, bytes total)
Source = Callable[[], BinaryIO]  # opens the bytes to upload, positioned at their start


@dataclass(frozen=True)
class UploadResult:
    url: str
    sha256: str
    size: int
    resumed_from: int  # the registry's offset when this call started
    bytes_sent: int  # body bytes this call sent, re-sent chunks included


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(2**20):
            digest.update(block)
    return digest.hexdigest()


def _meta(pairs: dict[str, str | None]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items() if v)


class TusUploader:
    """Uploads one file per call. Give the caller's stored `upload_url` to resume; `on_url` hands a new URL to the
    caller before any byte is sent, so it can be persisted (outbox) and survive a station restart."""

    def __init__(self, client: RegistryClient, *, chunk_size: int = CHUNK_SIZE, checksum: str = "crc32c") -> None:
        if checksum not in CHECKSUMS:
            raise ValueError(f"checksum must be one of {', '.join(CHECKSUMS)}")
        self._client = client
        self.chunk_size = chunk_size
        self._checksum = checksum

    def _tus(self, method: str, url: str, **kwargs: object) -> object:
        headers = {"Tus-Resumable": TUS_VERSION, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        return self._client.request(method, url, headers=headers, **kwargs)  # type: ignore[arg-type]

    def create(self, *, size: int, sha256: str, attempt_id: str | None = None, filename: str | None = None) -> str:
        response = self._tus("POST", "/v1/files/", headers={
            "Upload-Length": str(size),
            "Upload-Metadata": _meta({META_SHA256: sha256, META_ATTEMPT: attempt_id, META_FILENAME: filename})})
        location = response.headers["location"]  # type: ignore[attr-defined]
        return str(self._client.http.base_url.join(location))

    def offset(self, url: str) -> int | None:
        """The registry's offset for `url`, or None when the registry no longer knows the upload."""
        try:
            response = self._tus("HEAD", url)
        except RegistryError as exc:
            if exc.status in (404, 410):
                return None
            raise
        return int(response.headers["upload-offset"])  # type: ignore[attr-defined]

    def terminate(self, url: str) -> None:
        self._tus("DELETE", url)

    def upload(self, path: Path, *, sha256: str | None = None, attempt_id: str | None = None,
               upload_url: str | None = None, on_url: Callable[[str], None] | None = None,
               on_progress: Progress | None = None) -> UploadResult:
        size = path.stat().st_size
        sha256 = sha256 or file_sha256(path)
        offset = self.offset(upload_url) if upload_url else None
        if upload_url is None or offset is None:
            upload_url = self.create(size=size, sha256=sha256, attempt_id=attempt_id, filename=path.name)
            offset = 0
            if on_url:
                on_url(upload_url)
        sent = self.send(upload_url, lambda: path.open("rb"), offset=offset, size=size, on_progress=on_progress)
        return UploadResult(url=upload_url, sha256=sha256, size=size, resumed_from=offset, bytes_sent=sent)

    def send(self, url: str, source: Source, *, offset: int, size: int, on_progress: Progress | None = None) -> int:
        """PATCH checksummed chunks of `source` from `offset` to `size`; returns the body bytes sent. A damaged chunk
        (460) or an offset disagreement (409) re-asks the registry's offset, a bounded number of times; a registry
        that does not know the checksum algorithm (an older one, without crc32c) gets sha1 from then on."""
        sent, retries = 0, 0
        chunks = _Chunks(source, self.chunk_size, self._checksum)
        # The next chunk is read and hashed on a helper thread while the current one is on the wire (hashlib and
        # file reads release the GIL), so checksums cost no wall time.
        with chunks, ThreadPoolExecutor(max_workers=1) as helper:
            upcoming = helper.submit(chunks.read, offset) if offset < size else None
            # Bounded: every pass advances the offset, spends one of the few retries or (once) falls back to sha1.
            for _ in range(size // max(self.chunk_size, 1) + 3 + MAX_CHUNK_RETRIES):
                if offset >= size:
                    break
                at, chunk, digest = upcoming.result() if upcoming else (-1, b"", "")
                if at != offset:
                    at, chunk, digest = chunks.read(offset)
                upcoming = helper.submit(chunks.read, offset + len(chunk)) if offset + len(chunk) < size else None
                sent += len(chunk)
                try:
                    response = self._tus("PATCH", url, content=chunk, headers={
                        "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
                        "Upload-Checksum": f"{self._checksum} {digest}"})
                except RegistryError as exc:
                    if exc.code == "checksum_algorithm" and self._checksum != FALLBACK_CHECKSUM:
                        self._checksum = chunks.checksum = FALLBACK_CHECKSUM
                        if upcoming is not None:
                            wait([upcoming])  # its digest used the refused algorithm; the reader must be idle
                        upcoming = None
                        continue
                    # 409: we were out of step with the registry; 460: the chunk arrived damaged. Re-ask, go on.
                    if exc.status not in (409, 460) or exc.code == "sha256_mismatch" or retries >= MAX_CHUNK_RETRIES:
                        raise
                    retries += 1
                    current = self.offset(url)
                    if current is None:
                        raise
                    offset = current
                    continue
                offset = int(response.headers["upload-offset"])  # type: ignore[attr-defined]
                if on_progress:
                    on_progress(offset, size)
        if offset < size:
            raise RegistryError("The upload did not finish after several retries.", code="upload_stalled",
                                hint="Sync will try again later.")
        return sent


class _Chunks:
    """Reads chunks at given offsets, each with its Upload-Checksum digest. A file seeks; a source that only reads
    forward (the station's decrypting reader) is reopened to go back and read-and-dropped to go forward."""

    def __init__(self, source: Source, chunk_size: int, checksum: str) -> None:
        self._source, self._chunk_size, self.checksum = source, chunk_size, checksum
        self._reader, self._at = source(), 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._reader.close()

    def read(self, at: int) -> tuple[int, bytes, str]:
        if at != self._at and self._reader.seekable():
            self._at = self._reader.seek(at)
        elif at < self._at:
            self._reader.close()
            self._reader, self._at = self._source(), 0
        while self._at < at:
            block = self._reader.read(min(at - self._at, 2**20))
            if not block:
                raise DomainError("The evidence file is shorter than the registry's offset.")
            self._at += len(block)
        chunk = self._reader.read(self._chunk_size)
        if not chunk:
            raise DomainError("The evidence file is shorter than its announced size.")
        self._at += len(chunk)
        return at, chunk, base64.b64encode(_digest(self.checksum, chunk)).decode()


def _digest(algorithm: str, data: bytes) -> bytes:
    if algorithm == "crc32c":
        return google_crc32c.value(data).to_bytes(4, "big")
    return hashlib.new(algorithm, data).digest()


def download(client: RegistryClient, *, sha256: str, dest: Path, on_progress: Progress | None = None) -> int:
    """Fetch a blob into `dest`, resuming a `dest.part` left by a cut; verifies sha256 before the rename.
    Returns the bytes fetched by this call."""
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    fetched = 0
    try:
        with client.http.stream("GET", f"/v1/evidence/{sha256}",
                                headers=client.headers({"Range": f"bytes={have}-"} if have else None)) as response:
            if response.status_code != 416:  # 416: the part already holds the whole file
                if not response.is_success:
                    response.read()
                    raise_for_answer(response)
                mode = "ab" if response.status_code == 206 else "wb"  # 200: the registry ignored Range
                total = int(response.headers.get("content-length", 0)) + (have if mode == "ab" else 0)
                with part.open(mode) as handle:
                    for block in response.iter_bytes(2**20):
                        handle.write(block)
                        fetched += len(block)
                        if on_progress:
                            on_progress(handle.tell(), total)
                    handle.flush()
                    os.fsync(handle.fileno())
    except httpx.TransportError as exc:
        raise RegistryUnreachable("The evidence download was cut off; it resumes from where it stopped.",
                                  hint="Sync will try again.") from exc
    if file_sha256(part) != sha256:
        part.unlink()
        raise RegistryError("The downloaded evidence does not match its sha256; it was discarded.",
                            code="sha256_mismatch", hint="Sync will fetch it again.")
    os.replace(part, dest)
    return fetched
