"""The registry's framed at-rest writer under the things tus does to it: a chunk rolled back, a crash that tore the
frames written after the last fsync, and reopening without re-checking what this process itself wrote."""

from __future__ import annotations

import os
from pathlib import Path

from assessdesk.registry.evidence.frames import (
    DISK_FRAME,
    FRAME_SIZE,
    HEADER_SIZE,
    FrameWriter,
    read_range,
    valid_length,
)

KEY = bytes(range(32))


def plaintext(path: Path) -> bytes:
    return b"".join(read_range(path, KEY, 0, 1 << 40))


def write(path: Path, data: bytes, **kw: int) -> int:
    writer = FrameWriter(path, KEY, **kw)
    start = writer.length
    writer.write(data)
    writer.close()
    return start


def test_discard_puts_the_file_back_as_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "u.part"
    kept = os.urandom(FRAME_SIZE + 1000)  # ends in a short frame, which the next writer rewrites in place
    write(path, kept)
    before = path.stat().st_size
    writer = FrameWriter(path, KEY)
    writer.write(os.urandom(2 * FRAME_SIZE + 5))  # overwrote the short frame and appended whole ones
    writer.discard()
    assert writer.length == len(kept)
    writer.close()
    assert path.stat().st_size == before and valid_length(path, KEY) == len(kept) and plaintext(path) == kept
    more = os.urandom(3000)
    assert write(path, more) == len(kept)
    assert plaintext(path) == kept + more


def test_a_crash_keeps_the_longest_prefix_whose_last_frame_authenticates(tmp_path: Path) -> None:
    path = tmp_path / "u.part"
    data = os.urandom(3 * FRAME_SIZE)
    write(path, data)
    with path.open("r+b") as fh:  # the third frame was never made durable: half of it is garbage now ...
        fh.seek(HEADER_SIZE + 2 * DISK_FRAME + 100)
        fh.write(os.urandom(5000))
        fh.seek(0, os.SEEK_END)
        fh.write(os.urandom(200))  # ... and the file even grew past it
    assert valid_length(path, KEY) == 2 * FRAME_SIZE  # the offset a resuming client is told
    assert write(path, data[2 * FRAME_SIZE:]) == 2 * FRAME_SIZE
    assert path.stat().st_size == HEADER_SIZE + 3 * DISK_FRAME and plaintext(path) == data


def test_a_trusted_length_is_used_only_while_the_file_still_matches_it(tmp_path: Path) -> None:
    path = tmp_path / "u.part"
    data = os.urandom(2 * FRAME_SIZE)
    write(path, data)
    same = FrameWriter(path, KEY, trusted_length=2 * FRAME_SIZE)
    assert same.length == 2 * FRAME_SIZE
    same.close()
    os.truncate(path, HEADER_SIZE + DISK_FRAME + 10)  # shorter than what this process last wrote
    writer = FrameWriter(path, KEY, trusted_length=2 * FRAME_SIZE)
    assert writer.length == FRAME_SIZE  # checked from the file instead
    writer.write(data[FRAME_SIZE:])
    writer.close()
    assert plaintext(path) == data
