"""A framed AES-256-GCM file format for evidence at rest: appendable, resumable after a crash, randomly readable.

Local to the registry on purpose: `assessdesk.trust.envelope` (the station's sealed-evidence envelope) was not there
when this was written, and the registry needs something the envelope need not offer: appending to the last frame of a
half-finished upload and reading any byte range without decrypting the whole file.

Layout: MAGIC (8 bytes) | file id (16 random bytes) | frames. Each frame is nonce (12) | ciphertext | tag (16) of at
most FRAME_SIZE plaintext bytes; only the last frame may be shorter. The associated data of a frame is the file id
and the frame's index, so frames cannot be swapped within a file or between files. The plaintext length is a
function of the file length (once the last frame authenticates, so a frame torn by a crash is not counted): the tus
offset is the data file itself, with no separate offset record to write and fsync.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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


def _open_frame(aead: AESGCM, frame: bytes, file_id: bytes, index: int) -> bytes | None:
    try:
        return aead.decrypt(frame[:NONCE_SIZE], frame[NONCE_SIZE:], _aad(file_id, index))
    except InvalidTag:
        return None


def plain_length(disk_length: int) -> tuple[int, bool]:
    """(plaintext bytes, whether the tail is torn) for a file of `disk_length` bytes."""
    body = max(0, disk_length - HEADER_SIZE)
    full, rest = divmod(body, DISK_FRAME)
    if rest == 0:
        return full * FRAME_SIZE, False
    if rest <= OVERHEAD:
        return full * FRAME_SIZE, True
    return full * FRAME_SIZE + rest - OVERHEAD, False


def _file_id(fd: int, name: str) -> bytes:
    head = os.pread(fd, HEADER_SIZE, 0)
    if len(head) != HEADER_SIZE or not head.startswith(MAGIC):
        raise FrameError(f"{name} is not a registry evidence file")
    return head[len(MAGIC):]


def _valid_end(fd: int, aead: AESGCM, name: str) -> tuple[bytes, int, bytes]:
    """(file id, index of the first frame not whole, plaintext of the short frame there) for the longest prefix of
    the file whose last frame authenticates. Only what a crash left unsynced can fail here, so walking back stops at
    once in practice; an earlier damaged frame is caught when the whole file is hashed at the end of the upload."""
    file_id = _file_id(fd, name)
    full, rest = divmod(os.fstat(fd).st_size - HEADER_SIZE, DISK_FRAME)
    index, size = (full, rest) if rest > OVERHEAD else (full - 1, DISK_FRAME)
    while index >= 0:
        frame = os.pread(fd, size, HEADER_SIZE + index * DISK_FRAME)
        plain = _open_frame(aead, frame, file_id, index) if len(frame) == size else None
        if plain is not None:
            return (file_id, index + 1, b"") if len(plain) == FRAME_SIZE else (file_id, index, plain)
        index, size = index - 1, DISK_FRAME
    return file_id, 0, b""


def valid_length(path: Path, key: bytes) -> int:
    """Plaintext bytes of a partial file that a writer would keep (its last frame is checked, so not torn)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        _, index, tail = _valid_end(fd, AESGCM(key), path.name)
    finally:
        os.close(fd)
    return index * FRAME_SIZE + len(tail)


class FrameWriter:
    """Appends plaintext to a framed file. Whole frames are encrypted and written as the data comes, so little is
    left to do when it ends; the short last frame is written by `close()` (and rewritten, longer, by the next
    writer). `discard()` drops everything written through this writer, e.g. a chunk that failed its checksum.

    `trusted_length`: the plaintext length this process itself last wrote there; when the file still has
    exactly that many whole frames, its last frame is not decrypted again to check it."""

    def __init__(self, path: Path, key: bytes, *, trusted_length: int | None = None) -> None:
        self._aead = AESGCM(key)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            size = os.fstat(self._fd).st_size
            if size == 0:
                self._file_id, self._index, tail = os.urandom(16), 0, b""
                os.pwrite(self._fd, MAGIC + self._file_id, 0)
            elif trusted_length is not None and trusted_length % FRAME_SIZE == 0 \
                    and plain_length(size) == (trusted_length, False):
                self._file_id, self._index, tail = _file_id(self._fd, path.name), trusted_length // FRAME_SIZE, b""
            else:
                self._file_id, self._index, tail = _valid_end(self._fd, self._aead, path.name)
            self._tail = bytearray(tail)
            self._tail_on_disk = bool(tail)
            end = self._frame_at(self._index) + (len(tail) + OVERHEAD if tail else 0)
            if os.fstat(self._fd).st_size > end:
                os.ftruncate(self._fd, end)  # what a crash left torn after the last good frame
        except BaseException:
            os.close(self._fd)
            raise
        self._start = (self._index, bytes(self._tail))
        self.length = self._index * FRAME_SIZE + len(self._tail)

    @staticmethod
    def _frame_at(index: int) -> int:
        return HEADER_SIZE + index * DISK_FRAME

    def _put_frame(self, data: bytes | bytearray | memoryview) -> None:
        """Encrypt `data` as frame `self._index`, at its place in the file (over a shorter copy of it, if any).

        A whole frame is handed to the disk at once (POSIX_FADV_DONTNEED starts writeback without waiting), so the
        fsync at the end finds little left to write, and no ciphertext lingers in the cache."""
        nonce = os.urandom(NONCE_SIZE)
        sealed = self._aead.encrypt(nonce, data, _aad(self._file_id, self._index))
        at = self._frame_at(self._index)
        os.pwritev(self._fd, [nonce, sealed], at)
        if len(data) == FRAME_SIZE:
            os.posix_fadvise(self._fd, at, DISK_FRAME, os.POSIX_FADV_DONTNEED)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        if not view:
            return
        self.length += len(view)
        self._tail_on_disk = False
        if self._tail:  # top up the short frame first
            room = FRAME_SIZE - len(self._tail)
            self._tail += view[:room]
            view = view[room:]
            if len(self._tail) < FRAME_SIZE:
                return
            self._put_frame(self._tail)
            self._tail = bytearray()
            self._index += 1
        while len(view) >= FRAME_SIZE:  # whole frames straight from the caller's buffer, no copy
            self._put_frame(view[:FRAME_SIZE])
            view = view[FRAME_SIZE:]
            self._index += 1
        self._tail += view

    def discard(self) -> None:
        """Forget everything written through this writer: the file is as it was when opened (once closed)."""
        if (self._index, bytes(self._tail)) == self._start:
            return
        self._index, tail = self._start
        self._tail, self._tail_on_disk = bytearray(tail), False
        self.length = self._index * FRAME_SIZE + len(tail)
        os.ftruncate(self._fd, self._frame_at(self._index))  # close() writes the old short frame back

    def close(self, *, sync: bool = True) -> None:
        """Write the short last frame (if any); with `sync`, return only once every byte is on disk (fdatasync).

        Without fsync a crash can only lose a suffix: the next writer keeps the longest prefix whose last frame
        authenticates, and the client re-sends from that shorter offset."""
        if self._fd < 0:
            return
        try:
            if self._tail and not self._tail_on_disk:
                self._put_frame(self._tail)
                self._tail_on_disk = True
            if sync:
                os.fdatasync(self._fd)
        finally:
            os.close(self._fd)
            self._fd = -1


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
            plain = _open_frame(aead, fh.read(DISK_FRAME), file_id, index)
            if plain is None:
                raise FrameError(f"frame {index} of {path.name} fails its integrity check")
            lo = max(start - index * FRAME_SIZE, 0)
            hi = min(end - index * FRAME_SIZE, len(plain))
            yield plain[lo:hi]
            index += 1
