"""Where a segment's bytes go: a sink factory `open_sink(path) -> writer`, by default a plain file fsynced on close.

The contract a sink factory meets: the writer it returns has write(bytes) and close(); everything written ends up,
possibly transformed (encrypted), in the file at exactly `path`, and close() returns only once that file is durable
(flushed and fsynced). The recorder hashes that file after close, so the hash names what is stored and uploaded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol


class BinaryWriter(Protocol):
    def write(self, data: bytes, /) -> object: ...

    def close(self) -> None: ...


SinkFactory = Callable[[Path], BinaryWriter]


def fsync_directory(path: Path) -> None:
    """Make a file's creation or rename durable too (POSIX: the directory entry lives in the directory)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FileSink:
    """A new file (never overwrites one), unbuffered so that bytes reach the OS as they come: a killed process
    leaves everything it wrote readable. close() fsyncs the file and its directory."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file = open(self.path, "xb", buffering=0)  # noqa: SIM115 - closed in close()
        fsync_directory(self.path.parent)

    def write(self, data: bytes, /) -> int:
        view = memoryview(data)
        total = 0
        while total < len(view):  # a raw file may take less than asked
            total += self._file.write(view[total:]) or 0
        return total

    def flush(self) -> None:
        """Nothing is buffered here; present because wrapping writers flush what they write into."""

    def close(self) -> None:
        if self._file.closed:
            return
        try:
            os.fsync(self._file.fileno())
        finally:
            self._file.close()


def open_file_sink(path: Path) -> BinaryWriter:
    """The default sink factory: plain files."""
    return FileSink(path)


class EncryptedFileSink:
    """A FileSink behind an EncryptingWriter (assessdesk.trust.envelope): only ciphertext reaches the disk."""

    def __init__(self, path: Path, *, kek: bytes, key_id: str, chunk_size: int) -> None:
        from assessdesk.trust.envelope import EncryptingWriter

        self._file = FileSink(path)
        self._writer = EncryptingWriter(self._file, kek, key_id, chunk_size=chunk_size)  # type: ignore[arg-type]

    def write(self, data: bytes, /) -> int:
        return self._writer.write(data)

    def close(self) -> None:
        try:
            self._writer.close()
        finally:
            self._file.close()


# Video arrives at tens to a hundred KiB a second (x264 fast at 720p: ~110 KiB/s): a killed recorder loses the one
# chunk it held unsealed in memory, so chunks are small: 16 KiB is ~0.15 s of 720p and well under a second at lower
# sizes, for 0.1% of tag overhead and a few AES-GCM calls a second.
VIDEO_ENVELOPE_CHUNK = 16 * 1024


def encrypting_sink_factory(*, kek: bytes, key_id: str, chunk_size: int = VIDEO_ENVELOPE_CHUNK) -> SinkFactory:
    """A sink factory that seals every segment in an evidence envelope under the key-encryption key `kek`."""

    def open_sink(path: Path) -> BinaryWriter:
        return EncryptedFileSink(path, kek=kek, key_id=key_id, chunk_size=chunk_size)

    return open_sink


class CountingWriter:
    """Passes bytes on to a sink while counting them and hashing the plain media stream (before any encryption)."""

    def __init__(self, inner: BinaryWriter) -> None:
        self.inner = inner
        self.bytes_written = 0
        self._sha = hashlib.sha256()

    def write(self, data: bytes, /) -> int:
        self._sha.update(data)
        self.inner.write(data)
        self.bytes_written += len(data)
        return len(data)

    def close(self) -> None:
        self.inner.close()

    @property
    def media_sha256(self) -> str:
        return self._sha.hexdigest()


def sha256_file(path: Path, *, chunk: int = 1 << 20) -> str:
    """sha256 of a file, read in 1 MiB chunks into one reused buffer (hashlib runs OpenSSL's sha256)."""
    sha = hashlib.sha256()
    buf = bytearray(chunk)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as f:
        while n := f.readinto(buf):
            sha.update(view[:n])
    return sha.hexdigest()
