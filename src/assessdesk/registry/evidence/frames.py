"""A framed AES-256-GCM file format for evidence at rest: appendable, resumable after a crash, randomly readable.

Local to the registry on purpose: `assessdesk.trust.envelope` (the station's sealed-evidence envelope) was not there
when this was written, and the registry needs something the envelope need not offer: appending to the last frame of a
half-finished upload and reading any byte range without decrypting the whole file.

Layout: MAGIC (8 bytes) | file id (16 random bytes) | frames. Each frame is nonce (12) | ciphertext | tag (16) of at
most FRAME_SIZE plaintext bytes; only the last frame may be shorter. The associated data of a frame is the file id
and the frame's index, so frames cannot be swapped within a file or between files. The plaintext length is a
function of the file length, which is what makes the tus offset survive a restart.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"ADBLOB1\n"
HEADER_SIZE = len(MAGIC) + 16
FRAME_SIZE = 1 << 20
NONCE_SIZE = 12
TAG_SIZE = 16
OVERHEAD = NONCE_SIZE + TAG_SIZE
DISK_FRAME = FRAME_SIZE + OVERHEAD


class FrameError(Exception):
    """The file is not ours, or a frame fails authentication (changed, cut short or moved)."""


def _aad(file_id: bytes, index: int) -> bytes:
    return file_id + index.to_bytes(8, "big")


def plain_length(disk_length: int) -> tuple[int, bool]:
    """(plaintext bytes, whether the tail is torn) for a file of `disk_length` bytes."""
    body = max(0, disk_length - HEADER_SIZE)
    full, rest = divmod(body, DISK_FRAME)
    if rest == 0:
        return full * FRAME_SIZE, False
    if rest <= OVERHEAD:
        return full * FRAME_SIZE, True
    return full * FRAME_SIZE + rest - OVERHEAD, False


class FrameWriter:
    """Appends plaintext to a framed file, re-opening its short last frame; `close()` makes what was written durable."""

    def __init__(self, path: Path, key: bytes) -> None:
        self._aead = AESGCM(key)
        self._path = path
        new = not path.exists()
        self._fh: BinaryIO = open(path, "w+b" if new else "r+b")  # noqa: SIM115 — closed in close()
        if new:
            self._file_id = os.urandom(16)
            self._fh.write(MAGIC + self._file_id)
            self._index = 0
            self._tail = bytearray()
        else:
            self._file_id = self._read_header()
            self._index, self._tail = self._reopen_tail()
        self.length = self._index * FRAME_SIZE + len(self._tail)

    def _read_header(self) -> bytes:
        head = self._fh.read(HEADER_SIZE)
        if len(head) != HEADER_SIZE or not head.startswith(MAGIC):
            raise FrameError(f"{self._path.name} is not a registry evidence file")
        return head[len(MAGIC):]

    def _reopen_tail(self) -> tuple[int, bytearray]:
        size = self._fh.seek(0, os.SEEK_END)
        full, rest = divmod(size - HEADER_SIZE, DISK_FRAME)
        start = HEADER_SIZE + full * DISK_FRAME
        tail = bytearray()
        if rest > OVERHEAD:
            self._fh.seek(start)
            try:
                tail = bytearray(self._decrypt(full, self._fh.read(rest)))
            except FrameError:
                tail = bytearray()  # torn by a crash mid-write: the client re-sends from the shorter offset
        # A full last frame stays; a short one is rewritten, longer, by the next write.
        self._fh.seek(start)
        self._fh.truncate()
        return full, tail

    def _decrypt(self, index: int, frame: bytes) -> bytes:
        try:
            return self._aead.decrypt(frame[:NONCE_SIZE], frame[NONCE_SIZE:], _aad(self._file_id, index))
        except InvalidTag:
            raise FrameError(f"frame {index} fails its integrity check") from None

    def _write_frame(self, data: bytes | bytearray | memoryview) -> None:
        nonce = os.urandom(NONCE_SIZE)
        self._fh.write(nonce)
        self._fh.write(self._aead.encrypt(nonce, data, _aad(self._file_id, self._index)))

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        self.length += len(view)
        if self._tail:  # top up the short frame first
            room = FRAME_SIZE - len(self._tail)
            self._tail += view[:room]
            view = view[room:]
            if len(self._tail) < FRAME_SIZE:
                return
            self._write_frame(self._tail)
            self._tail = bytearray()
            self._index += 1
        while len(view) >= FRAME_SIZE:  # whole frames straight from the caller's buffer, no copy
            self._write_frame(view[:FRAME_SIZE])
            view = view[FRAME_SIZE:]
            self._index += 1
        self._tail += view

    def close(self, *, sync: bool = True) -> None:
        """Write the short tail frame (if any); fsync when `sync`. The next writer re-opens that frame.

        Without fsync a crash can only lose a suffix: the offset is read back from the file, and a torn last
        frame fails its tag and is dropped, so the client simply re-sends from the shorter offset."""
        if self._fh.closed:
            return
        if self._tail:
            self._write_frame(self._tail)
        self._fh.flush()
        if sync:
            os.fsync(self._fh.fileno())
        self._fh.close()


def read_range(path: Path, key: bytes, start: int, end: int, *, expected_length: int | None = None
               ) -> Iterator[bytes]:
    """Plaintext bytes [start, end) of a framed file, decrypting only the frames that cover them."""
    aead = AESGCM(key)
    with open(path, "rb") as fh:
        head = fh.read(HEADER_SIZE)
        if not head.startswith(MAGIC):
            raise FrameError(f"{path.name} is not a registry evidence file")
        file_id = head[len(MAGIC):]
        total, torn = plain_length(fh.seek(0, os.SEEK_END))
        if torn or (expected_length is not None and total != expected_length):
            raise FrameError(f"{path.name} holds {total} bytes, expected {expected_length}: it was cut short")
        end = min(end, total)
        index = start // FRAME_SIZE
        while index * FRAME_SIZE < end:
            fh.seek(HEADER_SIZE + index * DISK_FRAME)
            frame = fh.read(DISK_FRAME)
            try:
                plain = aead.decrypt(frame[:NONCE_SIZE], frame[NONCE_SIZE:], _aad(file_id, index))
            except InvalidTag:
                raise FrameError(f"frame {index} of {path.name} fails its integrity check") from None
            lo = max(start - index * FRAME_SIZE, 0)
            hi = min(end - index * FRAME_SIZE, len(plain))
            yield plain[lo:hi]
            index += 1
