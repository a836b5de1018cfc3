"""Encryption at rest for evidence files: chunked AES-256-GCM under a per-file data key wrapped with AES-KW.

File layout (all integers big-endian):
    magic b"ADSKENV" | version u8 | key id length u16 | key id (UTF-8) | wrapped key length u16 | wrapped key
    (AES-KW, RFC 3394) | chunk size u32 | nonce prefix (8 random bytes)
    then chunks, each = AES-GCM ciphertext of up to `chunk size` plaintext bytes + 16-byte tag.
Chunk i uses nonce = prefix || i (u32) and AAD = sha256(header) || i (u64) || last flag (u8), in the manner
of the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizar 2015): a truncated, reordered, duplicated or
swapped chunk,
or a changed header, fails authentication. The last chunk is always present (empty for an empty file).
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
from collections.abc import Mapping
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap

from assessdesk.trust.errors import EnvelopeError, EnvelopeTampered

MAGIC = b"ADSKENV"
VERSION = 1  # 1: AES-256-GCM chunks, AES-KW wrapped data key (2026-01)
DEFAULT_CHUNK = 1024 * 1024
TAG = 16
_MAX_CHUNK = 64 * 1024 * 1024
_MAX_CHUNKS = 2**32  # the nonce carries the index in 32 bits


def _aad(header_digest: bytes, index: int, last: bool) -> bytes:
    return header_digest + struct.pack(">QB", index, 1 if last else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


class EncryptingWriter:
    """Writes an envelope to `fileobj`, holding at most one chunk of plaintext; close() finishes the file."""

    def __init__(
        self, fileobj: BinaryIO, kek: bytes, key_id: str, *, chunk_size: int = DEFAULT_CHUNK
    ) -> None:
        if len(kek) != 32:
            raise EnvelopeError("The key-encryption key must be 32 bytes (AES-256).")
        if not 16 <= chunk_size <= _MAX_CHUNK:
            raise EnvelopeError(f"Chunk size must be between 16 bytes and {_MAX_CHUNK} bytes.")
        self._out = fileobj
        self._chunk_size = chunk_size
        data_key = AESGCM.generate_key(bit_length=256)
        self._aead = AESGCM(data_key)
        self._prefix = os.urandom(8)
        key_id_bytes = key_id.encode("utf-8")
        wrapped = aes_key_wrap(kek, data_key)
        header = (
            MAGIC
            + struct.pack(">BH", VERSION, len(key_id_bytes))
            + key_id_bytes
            + struct.pack(">H", len(wrapped))
            + wrapped
            + struct.pack(">I", chunk_size)
            + self._prefix
        )
        self._header_digest = hashlib.sha256(header).digest()
        self._out.write(header)
        self._buffer = bytearray()
        self._index = 0
        self._closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("write to a closed EncryptingWriter")
        view = memoryview(data)
        taken = 0
        while taken < len(view):
            # A full buffer is flushed only once more data arrives: until then it may be the last chunk.
            if len(self._buffer) == self._chunk_size:
                self._flush(last=False)
            room = self._chunk_size - len(self._buffer)
            self._buffer += view[taken : taken + room]
            taken += min(room, len(view) - taken)
        return len(view)

    def _flush(self, *, last: bool) -> None:
        if self._index >= _MAX_CHUNKS:
            raise EnvelopeError("The file is too large for one envelope.")
        sealed = self._aead.encrypt(
            _nonce(self._prefix, self._index),
            bytes(self._buffer),
            _aad(self._header_digest, self._index, last),
        )
        self._out.write(sealed)
        self._buffer.clear()
        self._index += 1

    def close(self) -> None:
        """Seal the final chunk (marked last); does not close the underlying file."""
        if not self._closed:
            self._flush(last=True)
            self._out.flush()
            self._closed = True

    def __enter__(self) -> EncryptingWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.close()


class DecryptingReader(io.RawIOBase):
    """Reads plaintext from an envelope with random access by chunk; every chunk read is authenticated."""

    def __init__(self, fileobj: BinaryIO, kek: bytes | Mapping[str, bytes]) -> None:
        super().__init__()
        self._in = fileobj
        header = self._read_header()
        self._header_digest = hashlib.sha256(header).digest()
        self._data_start = len(header)
        size = self._in.seek(0, io.SEEK_END) - self._data_start
        stride = self._chunk_size + TAG
        self._chunks = max(1, -(-size // stride))
        last_len = size - (self._chunks - 1) * stride
        if size < TAG or last_len < TAG:
            raise EnvelopeTampered(self._chunks - 1, "the file ends in the middle of a chunk (cut short)")
        self.size = (self._chunks - 1) * self._chunk_size + (last_len - TAG)
        key = kek.get(self.key_id) if isinstance(kek, Mapping) else kek
        if key is None:
            raise EnvelopeError(
                f"No key-encryption key '{self.key_id}' is available to open this evidence file.",
                hint="Sign in on the station that recorded it, or restore its keys.",
            )
        try:
            self._aead = AESGCM(aes_key_unwrap(key, self._wrapped))
        except (InvalidUnwrap, ValueError):
            raise EnvelopeError(
                f"The key '{self.key_id}' does not open this evidence file (wrong key, or the "
                "header was altered)."
            ) from None
        self._pos = 0
        self._cache: tuple[int, bytes] | None = None

    def _read_header(self) -> bytes:
        self._in.seek(0)
        fixed = self._in.read(len(MAGIC) + 3)
        if len(fixed) < len(MAGIC) + 3 or not fixed.startswith(MAGIC):
            raise EnvelopeError("This is not an assessdesk encrypted evidence file.")
        version, id_len = struct.unpack(">BH", fixed[len(MAGIC) :])
        if version != VERSION:
            raise EnvelopeError(
                f"Encrypted evidence format version {version} is not supported.", hint="Update assessdesk."
            )
        key_id = self._in.read(id_len)
        wrapped_len_raw = self._in.read(2)
        if len(key_id) != id_len or len(wrapped_len_raw) != 2:
            raise EnvelopeError("The encrypted evidence file's header is cut short.")
        self._wrapped = self._in.read(struct.unpack(">H", wrapped_len_raw)[0])
        tail = self._in.read(12)
        if len(tail) != 12:
            raise EnvelopeError("The encrypted evidence file's header is cut short.")
        self._chunk_size = struct.unpack(">I", tail[:4])[0]
        if not 16 <= self._chunk_size <= _MAX_CHUNK:
            raise EnvelopeError("The encrypted evidence file's header is damaged (chunk size).")
        self._prefix = tail[4:]
        self.key_id = key_id.decode("utf-8", errors="replace")
        return fixed + key_id + wrapped_len_raw + self._wrapped + tail

    @property
    def chunk_count(self) -> int:
        return self._chunks

    def read_chunk(self, index: int) -> bytes:
        """The authenticated plaintext of chunk `index`; raises EnvelopeTampered naming it on any mismatch."""
        if not 0 <= index < self._chunks:
            raise IndexError(index)
        if self._cache and self._cache[0] == index:
            return self._cache[1]
        stride = self._chunk_size + TAG
        self._in.seek(self._data_start + index * stride)
        sealed = self._in.read(stride)
        last = index == self._chunks - 1
        try:
            plain = self._aead.decrypt(
                _nonce(self._prefix, index), sealed, _aad(self._header_digest, index, last)
            )
        except InvalidTag:
            reason = (
                "the file was cut short or extended" if last else "the chunk was altered, moved or swapped"
            )
            raise EnvelopeTampered(index, reason) from None
        self._cache = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def read(self, size: int = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self._pos + size)
        parts = []
        while self._pos < end:
            index, within = divmod(self._pos, self._chunk_size)
            chunk = self.read_chunk(index)
            piece = chunk[within : within + (end - self._pos)]
            if not piece:
                break
            parts.append(piece)
            self._pos += len(piece)
        return b"".join(parts)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def decrypt_to_bytes(fileobj: BinaryIO, kek: bytes | Mapping[str, bytes]) -> bytes:
    """Decrypt and authenticate a whole envelope (every chunk, including the final one)."""
    reader = DecryptingReader(fileobj, kek)
    data = b"".join(reader.read_chunk(i) for i in range(reader.chunk_count))
    return data
