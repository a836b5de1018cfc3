"""Segment sinks for the recorder that hash the plaintext as it is written, then encrypt it (or not) into the file.

The recorder hashes the file it finds on disk after close; with encryption on that is ciphertext, while the
manifest names the plaintext. This sink keeps both: the plaintext sha256 and size are known the moment a segment
closes, without reading it back or decrypting it.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assessdesk.services.recording.sinks import FileSink
from assessdesk.trust.envelope import EncryptingWriter

# Video arrives at tens of KiB a second: a chunk smaller than the envelope's 1 MiB default loses less of a segment
# when the station dies mid-write (only sealed chunks can be recovered).
SEGMENT_CHUNK = 64 * 1024


@dataclass(frozen=True)
class PlainDigest:
    sha256: str
    size: int


class HashingSegmentSink:
    """write() hashes and counts the plaintext, then passes it on (through the envelope when `kek` is set)."""

    def __init__(self, path: Path, *, kek: bytes | None, key_id: str, on_close: Callable[[Path, PlainDigest], None]) -> None:
        self.path = Path(path)
        self._raw = FileSink(self.path)
        self._envelope = (EncryptingWriter(self._raw, kek, key_id, chunk_size=SEGMENT_CHUNK)  # type: ignore[arg-type]
                          if kek is not None else None)
        self._sha = hashlib.sha256()
        self._size = 0
        self._on_close = on_close
        self._closed = False

    def write(self, data: bytes, /) -> int:
        self._sha.update(data)
        self._size += len(data)
        if self._envelope is not None:
            self._envelope.write(data)
        else:
            self._raw.write(data)
        return len(data)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if self._envelope is not None:
                self._envelope.close()  # seals the final chunk, marked last
        finally:
            self._raw.close()  # fsync: durable before its hash is recorded
        self._on_close(self.path, PlainDigest(self._sha.hexdigest(), self._size))


class HashingSinkFactory:
    """The recorder's `open_sink`; remembers each closed segment's plaintext digest by path for the closer."""

    def __init__(self, *, kek: bytes | None, key_id: str) -> None:
        self.kek = kek
        self.key_id = key_id
        self._digests: dict[Path, PlainDigest] = {}
        self._lock = threading.Lock()

    def __call__(self, path: Path) -> HashingSegmentSink:
        return HashingSegmentSink(path, kek=self.kek, key_id=self.key_id, on_close=self._remember)

    def _remember(self, path: Path, digest: PlainDigest) -> None:
        with self._lock:
            self._digests[Path(path)] = digest

    def digest_of(self, path: Path) -> PlainDigest | None:
        with self._lock:
            return self._digests.pop(Path(path), None)
