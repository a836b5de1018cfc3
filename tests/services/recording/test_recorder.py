"""Recording real segments with both encoders and reading every frame back."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import cv2
import numpy as np
import pytest

from assessdesk.services.capture import VideoFileSource, read_counter
from assessdesk.services.recording import (
    EvidenceUnreadable,
    FfmpegH264Encoder,
    OpenCvEncoder,
    SegmentedRecorder,
    SegmentReader,
    choose_encoder,
    closed_segments,
)
from assessdesk.services.recording.segments import frames_path, read_frame_times


def _h264() -> FfmpegH264Encoder:
    encoder = FfmpegH264Encoder()
    if not encoder.available():  # the imageio-ffmpeg wheel ships one; its absence is a broken install
        pytest.fail("imageio-ffmpeg's ffmpeg binary does not run")
    return encoder


@pytest.mark.parametrize("kind", ["h264", "fallback"])
def test_every_frame_reaches_disk_and_reads_back(tmp_path: Path, record_synthetic, kind: str) -> None:
    encoder = _h264() if kind == "h264" else choose_encoder(ffmpeg_path=str(tmp_path / "no-such-ffmpeg"))
    assert encoder.name == ("ffmpeg-libx264" if kind == "h264" else "opencv-mjpeg")
    segments, source = record_synthetic(tmp_path, encoder, frames=75, segment_seconds=1.0)

    assert [s.frame_count for s in segments] == [30, 30, 15]
    assert [s.reason for s in segments] == ["rolled", "rolled", "stopped"]
    for seg in segments:
        assert seg.path.suffix == encoder.extension
        assert seg.sha256 == hashlib.sha256(seg.path.read_bytes()).hexdigest() == seg.media_sha256
        assert seg.size == seg.path.stat().st_size
        assert len(read_frame_times(frames_path(tmp_path, seg.index))) == seg.frame_count
        assert seg.encoder == encoder.name and seg.encoder_version
    assert {p.suffix for p in tmp_path.iterdir()} == {".json", ".tsv", encoder.extension}  # nothing staged

    reader = SegmentReader.from_directory(tmp_path)
    assert reader.frame_count == 75
    psnrs = []
    for i, frame in enumerate(reader):
        assert read_counter(frame) == i  # order kept, nothing dropped or duplicated
        psnrs.append(cv2.PSNR(source.frame(i), frame))
    assert min(psnrs) > 28.0, psnrs


def test_closed_manifest_is_on_disk_with_the_callback_values(tmp_path: Path, record_synthetic) -> None:
    seen = []
    segments, _ = record_synthetic(tmp_path, _h264(), frames=40, on_segment_closed=seen.append)
    assert seen == segments
    data = json.loads((tmp_path / "seg-000001.json").read_text())
    assert data["state"] == "closed"
    assert data["sha256"] == segments[0].sha256
    assert data["frame_count"] == 30
    assert data["first_timestamp"] == pytest.approx(1000.0)
    assert data["last_timestamp"] == pytest.approx(1000.0 + 29 / 30)
    assert segments[0].close_to_hash_s >= 0.0
    assert closed_segments(tmp_path) == segments


def test_a_video_file_source_records_and_reads_back(tmp_path: Path, record_synthetic) -> None:
    # a source file made with the fallback encoder (a different codec from what is recorded)
    original, _ = record_synthetic(tmp_path / "src", OpenCvEncoder(), frames=24, segment_seconds=10)
    source = VideoFileSource(original[0].path, paced=False)
    source.open()
    expected = []
    recorder = SegmentedRecorder(directory=tmp_path / "rec", encoder=_h264(), fps=source.fps, segment_seconds=0.5)
    for i in range(100):
        try:
            ok, frame, _ = source.read()
        except Exception as exc:  # noqa: BLE001 - the end of the file is the expected way out
            assert getattr(exc, "ended", False)
            break
        assert ok and frame is not None
        expected.append(frame)
        recorder.write(frame, 50.0 + i / source.fps)
    segments = recorder.stop()
    assert len(expected) == 24 and sum(s.frame_count for s in segments) == 24
    back = list(SegmentReader(segments))
    assert len(back) == 24
    assert min(cv2.PSNR(a, b) for a, b in zip(expected, back, strict=True)) > 28.0


def test_a_new_frame_size_starts_a_new_segment(tmp_path: Path) -> None:
    from assessdesk.services.capture import SyntheticSource

    big, small = SyntheticSource(size=(640, 480), paced=False), SyntheticSource(size=(320, 240), paced=False)
    recorder = SegmentedRecorder(directory=tmp_path, encoder=_h264(), fps=30, segment_seconds=60)
    for i in range(6):
        recorder.write((big if i < 3 else small).frame(i), 10 + i / 30)
    segments = recorder.stop()
    assert [(s.frame_count, s.reason) for s in segments] == [(3, "size_changed"), (3, "stopped")]
    frame = SegmentReader(segments).read(4)
    assert frame.shape == (240, 320, 3) and read_counter(frame) == 4


def test_markers_carry_video_time_and_segment(tmp_path: Path) -> None:
    import time

    recorder = SegmentedRecorder(directory=tmp_path, encoder=_h264(), fps=30, segment_seconds=60)
    t0 = time.monotonic()
    recorder.write(np.zeros((240, 320, 3), np.uint8), t0)
    marker = recorder.mark("pause", {"by": "proctor-1"})
    recorder.write(np.zeros((240, 320, 3), np.uint8), t0 + 0.1)  # recording goes on during the pause
    segments = recorder.stop()
    lines = [json.loads(line) for line in (tmp_path / "markers.jsonl").read_text().splitlines()]
    assert lines == [{"kind": "pause", "payload": {"by": "proctor-1"}, "video_time": marker.video_time,
                      "monotonic": marker.monotonic, "wall": marker.wall, "segment_index": marker.segment_index}]
    assert marker.segment_index in (None, 1)  # None when the writer had not opened the segment yet
    assert 0.0 <= marker.video_time < 5.0
    assert segments[0].marks == ("pause",) and segments[0].frame_count == 2


def test_a_marker_made_while_the_frame_queue_is_full_is_still_listed_in_its_segment(tmp_path: Path) -> None:
    import threading
    import time

    recorder = SegmentedRecorder(directory=tmp_path, encoder=_h264(), fps=30, segment_seconds=60,
                                 queue_seconds=0.01)  # room for 2 frames
    frame, t0 = np.zeros((240, 320, 3), np.uint8), time.monotonic()
    recorder.write(frame, t0)
    with recorder._lock:  # the writer stalls (a slow disk): frames pile up until the queue is full
        feeder = threading.Thread(target=lambda: [recorder.write(frame, t0 + i / 30) for i in range(1, 5)])
        feeder.start()
        deadline = time.monotonic() + 10
        while not recorder._frames.full() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert recorder._frames.full()
        recorder.mark("camera_lost")  # must not wait (GUI thread), must not be dropped
    feeder.join(timeout=10)
    segments = recorder.stop()
    assert [s.marks for s in segments] == [("camera_lost",)] and segments[0].frame_count == 5
    assert json.loads((tmp_path / "markers.jsonl").read_text())["kind"] == "camera_lost"


def test_encoder_that_cannot_start_stops_the_recording_with_a_typed_error(tmp_path: Path) -> None:
    stops = []
    recorder = SegmentedRecorder(directory=tmp_path, encoder=FfmpegH264Encoder(ffmpeg_path="/bin/false"), fps=30,
                                 on_stopped=stops.append)
    recorder.write(np.zeros((240, 320, 3), np.uint8), 1.0)
    assert recorder.stop() == []
    assert recorder.write(np.zeros((240, 320, 3), np.uint8), 1.1) is False
    assert stops and stops[0].reason == "error" and "ffmpeg" in str(stops[0].error)
    assert list(tmp_path.iterdir()) == []  # no half-made segment files left


class XorSink:
    """A stand-in for an encrypting writer: every stored byte differs from the plain stream."""

    def __init__(self, path: Path) -> None:
        self._f = open(path, "xb")  # noqa: SIM115

    def write(self, data: bytes) -> int:
        self._f.write(bytes(b ^ 0x5A for b in data))
        return len(data)

    def close(self) -> None:
        self._f.close()


def test_ffmpeg_output_goes_only_through_the_sink(tmp_path: Path, record_synthetic) -> None:
    segments, _ = record_synthetic(tmp_path, _h264(), frames=20, open_sink=XorSink)
    assert len(segments) == 1
    stored = segments[0].path.read_bytes()
    plain = bytes(b ^ 0x5A for b in stored)
    assert plain[0] == 0x47 and plain[188] == 0x47  # MPEG-TS sync bytes: the plain stream is TS
    assert stored[0] != 0x47
    assert segments[0].sha256 == hashlib.sha256(stored).hexdigest()
    assert segments[0].media_sha256 == hashlib.sha256(plain).hexdigest()
    # nothing else in the folder holds media
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".ts", ".tsv"]


# Plain media: a JPEG image's start (SOI, then JFIF's APP0 or a quantisation table), or an AVI header (what the
# fallback of earlier versions staged). Ciphertext would hold one of these fixed runs of 6 to 11 bytes by chance
# less than once in 2**46 positions.
PLAIN_MEDIA = re.compile(rb"\xff\xd8\xff(?:\xe0\x00\x10JFIF\x00|\xdb\x00[\x43\x84])|RIFF.{4}AVI ", re.DOTALL)


def _files_with_plain_media(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.is_file() and PLAIN_MEDIA.search(p.read_bytes())]


@pytest.mark.parametrize("kind", ["h264", "fallback"])
def test_encrypted_segments_hold_no_plain_media_and_play_back_through_a_decrypting_opener(
        tmp_path: Path, record_synthetic, kind: str) -> None:
    import os

    from assessdesk.services.recording.sinks import encrypting_sink_factory
    from assessdesk.trust.envelope import DecryptingReader

    kek = os.urandom(32)
    encrypting = encrypting_sink_factory(kek=kek, key_id="station-key-1")
    found_mid_way: list[str] = []
    looks = {"n": 0}

    class LookingSink:
        """The encrypting sink, looking through the whole folder for plain frames after every write."""

        def __init__(self, path: Path) -> None:
            self._inner = encrypting(path)

        def write(self, data: bytes) -> object:
            written = self._inner.write(data)
            found_mid_way.extend(_files_with_plain_media(tmp_path))
            looks["n"] += 1
            return written

        def close(self) -> None:
            self._inner.close()

    encoder = _h264() if kind == "h264" else OpenCvEncoder()
    segments, source = record_synthetic(tmp_path, encoder, frames=45, segment_seconds=1.0, open_sink=LookingSink)
    assert looks["n"] >= (45 if kind == "fallback" else 1)  # the fallback writes each frame as it comes
    assert found_mid_way == [] and _files_with_plain_media(tmp_path) == []
    for seg in segments:
        stored = seg.path.read_bytes()
        assert stored.startswith(b"ADSKENV") and seg.sha256 == hashlib.sha256(stored).hexdigest()
        assert seg.sha256 != seg.media_sha256
        with open(seg.path, "rb") as f:
            plain = DecryptingReader(f, kek).read()
        assert hashlib.sha256(plain).hexdigest() == seg.media_sha256
        if kind == "fallback":  # the check above would have seen them: the plain stream is full of JPEG headers
            assert len(PLAIN_MEDIA.findall(plain)) == seg.frame_count
    with pytest.raises(EvidenceUnreadable):  # without the key, nothing plays
        list(SegmentReader(segments))

    reader = SegmentReader(segments, open_media=lambda path: DecryptingReader(open(path, "rb"), kek))  # noqa: SIM115
    frames = list(reader)
    assert [read_counter(f) for f in frames] == list(range(45))
    assert min(cv2.PSNR(source.frame(i), f) for i, f in enumerate(frames)) > 28.0
    assert read_counter(reader.read(40)) == 40 and read_counter(reader.read(3)) == 3  # random access too
    reader.close()
