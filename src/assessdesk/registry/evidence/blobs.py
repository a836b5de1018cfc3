"""Where evidence bytes live: a tiny storage interface and its encrypted, content-addressed file implementation."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from assessdesk.registry.evidence.frames import FrameError, FrameWriter, read_range, valid_length

_UPLOAD_ID = re.compile(r"^[0-9a-f-]{36}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PartialWriter(Protocol):
    length: int

    def write(self, data: bytes | bytearray | memoryview) -> None: ...
    def discard(self) -> None: ...
    def close(self, *, sync: bool = True) -> None: ...


class BlobStore(Protocol):
    """Partial uploads keyed by upload id, finished blobs keyed by their sha256."""

    def partial_length(self, upload_id: str) -> int | None: ...
    def new_partial(self, upload_id: str) -> PartialWriter: ...
    def open_partial(self, upload_id: str, *, trusted_length: int | None = None) -> PartialWriter | None: ...
    def partial_sha256(self, upload_id: str) -> str: ...
    def discard_partial(self, upload_id: str) -> None: ...
    def promote(self, upload_id: str, sha256: str) -> None: ...
    def has(self, sha256: str) -> bool: ...
    def read(self, sha256: str, start: int, end: int, *, size: int) -> Iterator[bytes]: ...


class EncryptedFileBlobStore:
    """Files under `root`: partial/<upload id>.part while uploading, blobs/ab/cd/<sha256> once verified."""

    def __init__(self, root: Path, *, key: bytes) -> None:
        self._root = root
        self._key = key
        (root / "partial").mkdir(parents=True, exist_ok=True)
        (root / "blobs").mkdir(parents=True, exist_ok=True)

    def _partial(self, upload_id: str) -> Path:
        if not _UPLOAD_ID.match(upload_id):
            raise ValueError("bad upload id")
        return self._root / "partial" / f"{upload_id}.part"

    def _blob(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("bad sha256")
        return self._root / "blobs" / sha256[:2] / sha256[2:4] / sha256

    def partial_length(self, upload_id: str) -> int | None:
        """Bytes received for the upload, read from the file itself (so it survives any restart)."""
        try:
            return valid_length(self._partial(upload_id), self._key)
        except FileNotFoundError:
            return None

    def new_partial(self, upload_id: str) -> FrameWriter:
        return FrameWriter(self._partial(upload_id), self._key)

    def open_partial(self, upload_id: str, *, trusted_length: int | None = None) -> FrameWriter | None:
        """A writer appending to the upload, or None when it was never started or has been discarded.
        `trusted_length`: what this process last wrote there (see FrameWriter)."""
        path = self._partial(upload_id)
        return FrameWriter(path, self._key, trusted_length=trusted_length) if path.exists() else None

    def partial_sha256(self, upload_id: str) -> str:
        path = self._partial(upload_id)
        digest = hashlib.sha256()
        for piece in read_range(path, self._key, 0, valid_length(path, self._key)):
            digest.update(piece)
        return digest.hexdigest()

    def discard_partial(self, upload_id: str) -> None:
        self._partial(upload_id).unlink(missing_ok=True)

    def promote(self, upload_id: str, sha256: str) -> None:
        """Move a verified upload into place; when that blob is already stored the upload is simply dropped."""
        target = self._blob(sha256)
        source = self._partial(upload_id)
        if target.exists():
            source.unlink(missing_ok=True)
            return
        with source.open("rb") as handle:
            os.fsync(handle.fileno())  # a completed tus upload is synced already; a PUT's blob reaches the disk here
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the rename itself must survive a power cut
        finally:
            os.close(dir_fd)

    def has(self, sha256: str) -> bool:
        return self._blob(sha256).exists()

    def read(self, sha256: str, start: int, end: int, *, size: int) -> Iterator[bytes]:
        return read_range(self._blob(sha256), self._key, start, end, expected_length=size)


__all__ = ["BlobStore", "EncryptedFileBlobStore", "FrameError", "PartialWriter"]
