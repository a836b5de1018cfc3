"""Encrypted evidence files: round trips on disk, random access, and tampering named by chunk."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from assessdesk.trust.envelope import TAG, DecryptingReader, EncryptingWriter, decrypt_to_bytes
from assessdesk.trust.errors import EnvelopeError, EnvelopeTampered

KEK = bytes(range(32))
CHUNK = 64


def seal(
    data: bytes, *, chunk: int = CHUNK, kek: bytes = KEK, key_id: str = "station-1/kek-1", piece: int = 23
) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, kek, key_id, chunk_size=chunk)
    for start in range(0, len(data), piece):  # uneven writes cross chunk boundaries
        writer.write(data[start : start + piece])
    writer.close()
    return out.getvalue()


def header_length(blob: bytes) -> int:
    return DecryptingReader(io.BytesIO(blob), KEK)._data_start


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_round_trip_for_sizes_around_chunk_boundaries(size):
    data = os.urandom(size)
    blob = seal(data)
    assert decrypt_to_bytes(io.BytesIO(blob), KEK) == data
    reader = DecryptingReader(io.BytesIO(blob), {"station-1/kek-1": KEK})
    assert reader.size == size and reader.read() == data
    assert size < 16 or data not in blob  # plaintext never appears in the file


def test_real_file_with_default_one_mib_chunks_and_random_access(tmp_path: Path):
    data = hashlib.shake_256(b"evidence").digest(3 * 1024 * 1024 + 12345)
    path = tmp_path / "segment-0001.ts.enc"
    with path.open("wb") as fh, EncryptingWriter(fh, KEK, "kek-1") as writer:
        for start in range(0, len(data), 300_000):
            writer.write(data[start : start + 300_000])
    with path.open("rb") as fh:
        reader = DecryptingReader(fh, KEK)
        assert reader.chunk_count == 4 and reader.size == len(data)
        for offset in (0, 1024 * 1024 - 5, 2 * 1024 * 1024 + 7, len(data) - 10):
            reader.seek(offset)
            assert reader.read(20) == data[offset : offset + 20]
        reader.seek(-3, io.SEEK_END)
        assert reader.read() == data[-3:]
        assert reader.tell() == len(data)


def test_writer_never_holds_more_than_one_chunk():
    out = io.BytesIO()
    writer = EncryptingWriter(out, KEK, "k", chunk_size=CHUNK)
    written_before = len(out.getvalue())
    writer.write(os.urandom(10 * CHUNK + 5))
    assert len(writer._buffer) <= CHUNK
    assert len(out.getvalue()) - written_before >= 9 * (
        CHUNK + TAG
    )  # earlier chunks already on their way out


def test_truncation_at_a_chunk_boundary_is_detected_and_named():
    blob = seal(os.urandom(3 * CHUNK + 10))
    start = header_length(blob)
    cut = blob[: start + 2 * (CHUNK + TAG)]  # drop the genuine last chunk entirely
    with pytest.raises(EnvelopeTampered) as err:
        decrypt_to_bytes(io.BytesIO(cut), KEK)
    assert err.value.chunk_index == 1 and "cut short" in str(err.value)
    with pytest.raises(EnvelopeTampered):
        decrypt_to_bytes(io.BytesIO(blob[:-5]), KEK)


def test_reordered_and_swapped_chunks_are_detected():
    blob = seal(os.urandom(3 * CHUNK))
    start, stride = header_length(blob), CHUNK + TAG
    chunks = [blob[start + i * stride : start + (i + 1) * stride] for i in range(3)]
    swapped = blob[:start] + chunks[1] + chunks[0] + chunks[2]
    with pytest.raises(EnvelopeTampered) as err:
        decrypt_to_bytes(io.BytesIO(swapped), KEK)
    assert err.value.chunk_index == 0
    other = seal(os.urandom(3 * CHUNK))  # same KEK, different file: its chunk must not fit here
    spliced = blob[: start + stride] + other[start + stride : start + 2 * stride] + chunks[2]
    with pytest.raises(EnvelopeTampered) as err:
        decrypt_to_bytes(io.BytesIO(spliced), KEK)
    assert err.value.chunk_index == 1
    extended = blob + chunks[2]
    with pytest.raises(EnvelopeTampered):
        decrypt_to_bytes(io.BytesIO(extended), KEK)


def test_a_flipped_bit_names_its_chunk_and_a_seek_elsewhere_still_reads():
    data = os.urandom(4 * CHUNK)
    blob = bytearray(seal(data))
    start = header_length(bytes(blob))
    blob[start + 2 * (CHUNK + TAG) + 5] ^= 0x01
    reader = DecryptingReader(io.BytesIO(bytes(blob)), KEK)
    assert reader.read(CHUNK) == data[:CHUNK]
    reader.seek(3 * CHUNK)
    assert reader.read() == data[3 * CHUNK :]
    reader.seek(2 * CHUNK)
    with pytest.raises(EnvelopeTampered) as err:
        reader.read(1)
    assert err.value.chunk_index == 2


def test_header_changes_wrong_keys_and_foreign_files_are_refused():
    blob = bytearray(seal(os.urandom(2 * CHUNK)))
    with pytest.raises(EnvelopeError, match="does not open"):
        DecryptingReader(io.BytesIO(bytes(blob)), bytes(32))
    with pytest.raises(EnvelopeError, match="No key-encryption key"):
        DecryptingReader(io.BytesIO(bytes(blob)), {"other": KEK})
    with pytest.raises(EnvelopeError, match="not an assessdesk"):
        DecryptingReader(io.BytesIO(b"\x00" * 100), KEK)
    prefix_at = header_length(bytes(blob)) - 8
    blob[prefix_at] ^= 0xFF  # nonce prefix: header digest changes, every chunk fails
    with pytest.raises(EnvelopeTampered) as err:
        decrypt_to_bytes(io.BytesIO(bytes(blob)), KEK)
    assert err.value.chunk_index == 0
    with pytest.raises(EnvelopeError):
        EncryptingWriter(io.BytesIO(), b"short", "k")
