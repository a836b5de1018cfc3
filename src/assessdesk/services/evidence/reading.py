"""Reading evidence files back as plaintext streams (decrypting as they read), salvaging torn ones, counting frames."""

from __future__ import annotations

import hashlib
import io
import struct
from pathlib import Path
from typing import Any, BinaryIO

import cv2

from assessdesk.services.recording.mjpeg import SOI, MjpegCapture
from assessdesk.trust.envelope import MAGIC, TAG, DecryptingReader
from assessdesk.trust.errors import EnvelopeError


def is_envelope(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def open_plain(path: Path, kek: bytes | None) -> BinaryIO:
    """A seekable plaintext reader over an evidence file: decrypts chunk by chunk when it is an envelope."""
    raw = open(path, "rb")  # noqa: SIM115 - the returned reader owns it
    if kek is None or not is_envelope(path):
        return raw
    try:
        return io.BufferedReader(DecryptingReader(raw, kek), buffer_size=256 * 1024)  # type: ignore[arg-type]
    except BaseException:
        raw.close()
        raise


def plain_digest(path: Path, kek: bytes | None) -> tuple[str, int]:
    """sha256 and size of the plaintext of a complete evidence file (every chunk authenticated)."""
    sha = hashlib.sha256()
    size = 0
    with open_plain(path, kek) as f:
        while block := f.read(1 << 20):
            sha.update(block)
            size += len(block)
    return sha.hexdigest(), size


def _header_length(data: bytes) -> tuple[int, int]:
    """(header length, chunk size) from the layout documented in trust.envelope."""
    at = len(MAGIC) + 1
    (id_len,) = struct.unpack_from(">H", data, at)
    at += 2 + id_len
    (wrapped_len,) = struct.unpack_from(">H", data, at)
    at += 2 + wrapped_len
    (chunk_size,) = struct.unpack_from(">I", data, at)
    return at + 4 + 8, chunk_size


def salvage_plaintext(path: Path, kek: bytes | None) -> bytes:
    """The plaintext of a segment the station died while writing: every chunk that was sealed, in order.

    A complete file decrypts normally. A torn envelope never got its last chunk (the one marked last), so its
    whole chunks are read as the non-final chunks they are: a stand-in final chunk is appended (it fails, and
    ends the salvage), and every earlier chunk still has to pass authentication. Nothing here writes to `path`.
    """
    data = Path(path).read_bytes()
    if kek is None or not data.startswith(MAGIC):
        return data
    try:
        reader = DecryptingReader(io.BytesIO(data), kek)  # type: ignore[arg-type]
        return b"".join(reader.read_chunk(i) for i in range(reader.chunk_count))
    except EnvelopeError:
        pass
    try:
        header_len, chunk_size = _header_length(data)
    except struct.error:
        return b""
    whole = max(0, (len(data) - header_len) // (chunk_size + TAG))
    trimmed = data[:header_len + whole * (chunk_size + TAG)] + bytes(TAG)
    try:
        reader = DecryptingReader(io.BytesIO(trimmed), kek)  # type: ignore[arg-type]
    except EnvelopeError:
        return b""
    parts = []
    for i in range(whole):
        try:
            parts.append(reader.read_chunk(i))
        except EnvelopeError:
            break  # a damaged chunk: what follows cannot be trusted either
    return b"".join(parts)


def open_capture(stream: BinaryIO) -> tuple[Any, BinaryIO]:
    """A decoder with cv2.VideoCapture's grab/read/release over a seekable file-like object, so plaintext never
    touches the disk: the fallback's Motion JPEG is split and decoded here, anything else goes to OpenCV's FFmpeg
    backend.

    Returns the decoder and the stream it reads: OpenCV does not keep the Python object alive, so the caller must
    hold that stream until the capture is released (a collected stream crashes the decoder).
    """
    buffered = stream if isinstance(stream, io.BufferedIOBase) else io.BufferedReader(stream)  # type: ignore[arg-type]
    start = buffered.tell()
    head = buffered.read(len(SOI))
    buffered.seek(start)
    if head == SOI:
        return MjpegCapture(buffered), buffered
    return cv2.VideoCapture(buffered, cv2.CAP_FFMPEG, []), buffered


def count_frames(data: bytes, *, limit: int = 1_000_000) -> int:
    """How many frames decode from the start of an in-memory segment."""
    if not data:
        return 0
    cap, stream = open_capture(io.BytesIO(data))
    count = 0
    try:
        while cap.isOpened() and count < limit and cap.grab():
            count += 1
    finally:
        cap.release()
        stream.close()
    return count
