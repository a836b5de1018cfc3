"""The fallback's Motion JPEG read back without ffmpeg: split by walking JPEG markers, cut streams, bad bytes."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest

from assessdesk.services.capture import SyntheticSource, read_counter
from assessdesk.services.evidence.playback import EvidencePlayer, PlaybackSegment
from assessdesk.services.evidence.reading import count_frames
from assessdesk.services.recording import EvidenceUnreadable, OpenCvEncoder, SegmentReader
from assessdesk.services.recording.mjpeg import MjpegCapture, NotJpeg, image_end


def _encoded(frames: list[np.ndarray]) -> list[bytes]:
    """Each frame as the fallback encoder writes it, through a real session into an in-memory sink."""
    sink = io.BytesIO()
    session = OpenCvEncoder().start(size=(frames[0].shape[1], frames[0].shape[0]), fps=30, sink=sink,
                                    segment_path=Path("unused.mjpeg"))
    ends = []
    for frame in frames:
        session.write(frame)
        ends.append(sink.tell())
    session.finish()
    data = sink.getvalue()
    return [data[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def _read_all(data: bytes) -> list[np.ndarray]:
    cap = MjpegCapture(io.BytesIO(data))
    out = []
    for _ in range(1000):
        ok, frame = cap.read()
        if not ok:
            break
        out.append(frame)
    cap.release()
    return out


def test_a_stream_cut_anywhere_decodes_as_the_whole_frames_before_the_cut() -> None:
    source = SyntheticSource(size=(320, 240), paced=False)
    images = _encoded([source.frame(i) for i in range(4)])
    data = b"".join(images)
    starts = np.cumsum([0, *map(len, images)])
    for k, image in enumerate(images):
        for cut in (starts[k], starts[k] + 1, starts[k] + len(image) // 2, starts[k + 1] - 1):
            back = _read_all(data[:cut])
            assert [read_counter(f) for f in back] == list(range(k)), (k, cut)
    whole = _read_all(data)
    assert [read_counter(f) for f in whole] == [0, 1, 2, 3]
    assert all(np.array_equal(f, cv2.imdecode(np.frombuffer(im, np.uint8), cv2.IMREAD_COLOR))
               for f, im in zip(whole, images, strict=True))


def _odd_jpegs() -> list[bytes]:
    """Images that defeat splitting by searching for FF D8 / FF D9: stuffed FF 00 in noisy entropy data, restart
    markers, a progressive image (several scans), fill bytes, and a comment holding EOI and SOI bytes."""
    noise = np.random.default_rng(7).integers(0, 256, (48, 64, 3), dtype=np.uint8)
    restarts = cv2.imencode(".jpg", noise, [cv2.IMWRITE_JPEG_QUALITY, 95, cv2.IMWRITE_JPEG_RST_INTERVAL, 1])[1]
    progressive = cv2.imencode(".jpg", noise, [cv2.IMWRITE_JPEG_PROGRESSIVE, 1])[1].tobytes()
    plain = cv2.imencode(".jpg", noise)[1].tobytes()
    comment = b"\xff\xfe\x00\x08" + b"\xff\xd9\xff\xd8\x00\x00"  # COM: length 8 counts itself and 6 bytes
    tricky = plain[:2] + comment + plain[2:-2] + b"\xff\xff\xff" + plain[-2:]  # fill bytes before EOI
    restarts = restarts.tobytes()
    assert b"\xff\x00" in plain and any(bytes([0xFF, 0xD0 + n]) in restarts for n in range(8))
    assert progressive.count(b"\xff\xda") > 1
    return [restarts, progressive, tricky, plain]


def test_images_are_split_by_walking_their_markers() -> None:
    images = _odd_jpegs()
    for image in images:
        assert image_end(image) == len(image)
        assert image_end(image[:-1]) is None
    back = _read_all(b"".join(images))
    assert len(back) == len(images)
    for frame, image in zip(back, images, strict=True):
        assert np.array_equal(frame, cv2.imdecode(np.frombuffer(image, np.uint8), cv2.IMREAD_COLOR))
    with pytest.raises(NotJpeg):
        image_end(b"RIFF\x00\x00\x00\x00AVI ")
    with pytest.raises(NotJpeg):
        image_end(b"\xff\xd8\x00\x01")


def test_grab_skips_without_decoding_and_read_decodes() -> None:
    source = SyntheticSource(size=(320, 240), paced=False)
    cap = MjpegCapture(io.BytesIO(b"".join(_encoded([source.frame(i) for i in range(5)]))))
    assert cap.isOpened() and cap.grab() and cap.grab()
    ok, frame = cap.read()
    assert ok and read_counter(frame) == 2
    cap.release()
    assert not MjpegCapture(io.BytesIO(b"ADSKENV ciphertext")).isOpened()


@pytest.fixture
def five_frames(tmp_path: Path, record_synthetic):
    segments, _ = record_synthetic(tmp_path, OpenCvEncoder(), frames=5, segment_seconds=60)
    (segment,) = segments
    data = segment.path.read_bytes()
    ends = []
    for _ in range(5):
        end = image_end(data, ends[-1] if ends else 0)
        assert end is not None
        ends.append(end)
    return segment, data, [0, *ends[:-1]]


def test_bytes_that_are_not_jpeg_are_evidence_unreadable_not_a_crash(five_frames) -> None:
    segment, data, starts = five_frames
    garbage = np.random.default_rng(3).integers(0, 256, starts[4] - starts[3], dtype=np.uint8).tobytes()
    segment.path.write_bytes(data[:starts[3]] + b"\x00" + garbage[1:] + data[starts[4]:])
    reader = SegmentReader([segment])
    assert [read_counter(reader.read(i)) for i in range(3)] == [0, 1, 2]
    with pytest.raises(EvidenceUnreadable):
        reader.read(3)
    with pytest.raises(EvidenceUnreadable):
        reader.read(4)
    reader.close()


def test_a_damaged_image_is_evidence_unreadable_in_the_player_too(five_frames) -> None:
    _segment, data, starts = five_frames
    sof = data.index(b"\xff\xc0", starts[2])  # baseline frame header: precision, height, width, components
    damaged = data[:sof + 4] + bytes(6) + data[sof + 10:]
    player = EvidencePlayer([PlaybackSegment(1, "seg-000001.mjpeg", 5, 0.0, 4 / 30, lambda: io.BytesIO(damaged))])
    assert [read_counter(player.read(i)) for i in range(2)] == [0, 1]
    with pytest.raises(EvidenceUnreadable):
        player.read(2)
    assert read_counter(player.read(3)) == 3  # a failed read leaves no decoder one frame ahead
    player.close()
    cap = MjpegCapture(io.BytesIO(damaged))
    assert [cap.read()[0] for _ in range(6)] == [True, True, False, True, True, False]  # each image stands alone
    cap.release()
    assert count_frames(damaged) == 5 and count_frames(data[:starts[4] + 100]) == 4
    assert count_frames(b"\xff\xd8" + bytes(100)) == 0
