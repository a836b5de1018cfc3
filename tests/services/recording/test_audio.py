"""Role-play recordings: a tone source muxed as AAC next to the video in each segment, and read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np

from assessdesk.services.capture import SyntheticSource, read_counter
from assessdesk.services.capture.audio import AudioSource, AudioThread, ToneSource
from assessdesk.services.recording import FfmpegH264Encoder, OpenCvEncoder, SegmentedRecorder, SegmentReader
from assessdesk.services.recording.encoders import AudioFormat, default_ffmpeg_path


def _decode_audio(path: Path, rate: int) -> np.ndarray:
    out = subprocess.run([str(default_ffmpeg_path()), "-hide_banner", "-loglevel", "error", "-i", str(path),
                          "-map", "0:a", "-f", "s16le", "-ac", "1", "-ar", str(rate), "pipe:1"],
                         capture_output=True, check=True, timeout=30)
    return np.frombuffer(out.stdout, np.int16)


def test_tone_source_is_a_steady_sine() -> None:
    tone = ToneSource(frequency=1000, sample_rate=8000, chunk_seconds=0.05, paced=False)
    assert isinstance(tone, AudioSource)
    tone.open()
    chunks = [tone.read() for _ in range(3)]
    assert all(c.ok and c.samples.shape == (400, 1) and c.samples.dtype == np.int16 for c in chunks)
    joined = np.concatenate([c.samples[:, 0] for c in chunks]).astype(float)
    spectrum = np.abs(np.fft.rfft(joined))
    assert np.argmax(spectrum) * 8000 / len(joined) == 1000  # continuous across chunks: one clean peak


def test_segments_carry_the_sound_track_next_to_every_video_frame(tmp_path: Path) -> None:
    rate, fps = 48_000, 30
    video = SyntheticSource(size=(320, 240), fps=fps, paced=True)  # both in real time, as camera and microphone
    tone = ToneSource(frequency=440, sample_rate=rate, chunk_seconds=0.02)
    recorder = SegmentedRecorder(directory=tmp_path, encoder=FfmpegH264Encoder(), fps=fps, segment_seconds=1.0,
                                 audio=AudioFormat(sample_rate=rate, channels=1))
    video.open()
    tone.open()
    mic = AudioThread(source=tone, deliver=recorder.write_audio)
    mic.start()
    for _ in range(60):
        got = video.read()
        recorder.write(got.frame, got.timestamp)
    assert mic.stop()
    segments = recorder.stop()
    assert len(segments) == 2 and sum(s.frame_count for s in segments) == 60  # real time: 30 +/- a frame each
    for seg in segments:
        sound = _decode_audio(seg.path, rate).astype(float)
        assert abs(len(sound) / rate - seg.frame_count / fps) < 0.25  # the sound lasts as long as the video
        spectrum = np.abs(np.fft.rfft(sound * np.hanning(len(sound))))
        assert abs(np.argmax(spectrum) * rate / len(sound) - 440) < 5
        manifest = json.loads((tmp_path / f"seg-{seg.index:06d}.json").read_text())
        assert {k: manifest["audio"][k] for k in ("codec", "sample_rate", "channels")} == {
            "codec": "aac", "sample_rate": rate, "channels": 1}
    assert [read_counter(f) for f in SegmentReader(segments)] == list(range(60))


def test_audio_thread_feeds_a_live_recording(tmp_path: Path) -> None:
    recorder = SegmentedRecorder(directory=tmp_path, encoder=FfmpegH264Encoder(), fps=30, segment_seconds=60,
                                 audio=AudioFormat(sample_rate=16_000, channels=2))
    video = SyntheticSource(size=(320, 240), fps=30, paced=True)
    video.open()
    tone = ToneSource(sample_rate=16_000, channels=2, chunk_seconds=0.05)
    tone.open()
    thread = AudioThread(source=tone, deliver=recorder.write_audio)
    first = video.read()
    recorder.write(first.frame, first.timestamp)  # a segment is open before the sound starts
    thread.start()
    for _ in range(44):
        got = video.read()
        recorder.write(got.frame, got.timestamp)
    assert thread.stop()
    (segment,) = recorder.stop()
    assert thread.chunks >= 10
    assert len(_decode_audio(segment.path, 16_000)) > 0.5 * 16_000  # most of the 1.5 s carries sound


def test_a_silent_microphone_does_not_stall_the_video(tmp_path: Path) -> None:
    recorder = SegmentedRecorder(directory=tmp_path, encoder=FfmpegH264Encoder(), fps=30, segment_seconds=60,
                                 audio=AudioFormat(sample_rate=16_000, channels=1))
    video = SyntheticSource(size=(320, 240), paced=False)
    for i in range(90):  # three seconds of video, no sound at all: ffmpeg would wait for it forever
        recorder.write(video.frame(i), i / 30)
    (segment,) = recorder.stop()
    assert segment.frame_count == 90
    manifest = json.loads((tmp_path / "seg-000001.json").read_text())
    assert manifest["audio"]["silence_inserted_s"] >= 2.5
    assert len(_decode_audio(segment.path, 16_000)) >= 2.5 * 16_000


def test_the_fallback_records_video_and_says_the_sound_is_missing(tmp_path: Path) -> None:
    recorder = SegmentedRecorder(directory=tmp_path, encoder=OpenCvEncoder(), fps=30,
                                 audio=AudioFormat(sample_rate=48_000, channels=1))
    assert recorder.audio is None and recorder.audio_dropped
    assert recorder.write_audio(np.zeros((1600, 1), np.int16), 0.0) is False
    recorder.write(SyntheticSource(size=(320, 240)).frame(0), 1.0)
    (segment,) = recorder.stop()
    manifest = json.loads((tmp_path / "seg-000001.json").read_text())
    assert manifest["audio"] == {"missing": "the fallback encoder cannot record sound"}
    assert segment.frame_count == 1
