"""Role-play recordings: sound chosen from the pinned validation type, recorded with the video through the whole
attempt session, sealed, exported, verified offline, and the tone found again in the decoded sound track."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.validation_types import missing_evidence
from assessdesk.services.capture import (
    AudioInput,
    MicrophoneSource,
    MicrophoneUnavailable,
    SyntheticSource,
    ToneSource,
)
from assessdesk.services.evidence import records
from assessdesk.services.evidence.manifest import SEGMENT_FIELDS, segment_path
from assessdesk.services.evidence.package import write_package
from assessdesk.services.evidence.package_files import open_package
from assessdesk.services.evidence.session import (
    AttemptRecording,
    RecordingCallbacks,
    RecordingOptions,
    default_audio_for,
)
from assessdesk.services.evidence.sound import SoundNotRecordable
from assessdesk.services.evidence.trusted_keys import parse_trusted_keys, station_trusted_keys_document
from assessdesk.services.evidence.verify import verify_package
from assessdesk.services.recording import FfmpegH264Encoder, OpenCvEncoder
from assessdesk.services.recording.encoders import default_ffmpeg_path
from assessdesk.storage import schedule

ROLE_PLAY = {"credential": "CX-TROUBLESHOOT", "rubric": "RUB-CX-CALL@1"}
RATE = 48_000
SIZE = (320, 240)

pytestmark = pytest.mark.skipif(not FfmpegH264Encoder().available(), reason="the bundled ffmpeg cannot run here")


def _state(ctx, attempt_id: str) -> AttemptState:
    with ctx.db.session() as s:
        return schedule.get_attempt(s, attempt_id).state


def _sound_of(path: Path) -> np.ndarray | None:
    """The file's sound track as mono int16 at RATE, or None when it has none."""
    out = subprocess.run([str(default_ffmpeg_path()), "-hide_banner", "-loglevel", "error", "-i", str(path),
                          "-map", "0:a", "-f", "s16le", "-ac", "1", "-ar", str(RATE), "pipe:1"],
                         capture_output=True, timeout=30, check=False)
    return np.frombuffer(out.stdout, np.int16) if out.returncode == 0 else None


def _peak_hz(sound: np.ndarray) -> float:
    x = sound.astype(float)
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spectrum) * RATE / len(x))


def _live_recording(ctx, proctor, attempt_id: str, *, audio, frames: int = 60,
                    callbacks: RecordingCallbacks | None = None) -> AttemptRecording:
    """Camera and microphone both in real time, as in a room (sound is muxed against the frames' pace)."""
    return AttemptRecording(ctx, actor=proctor, attempt_id=attempt_id,
                            source=SyntheticSource(size=SIZE, fps=30, paced=True, max_frames=frames),
                            options=RecordingOptions(audio=audio, segment_seconds=1.0, presence=False,
                                                     encoder=FfmpegH264Encoder()),
                            callbacks=callbacks)


def test_role_play_tone_through_the_session_sealed_verified_and_heard(station, proctor, ready_attempt,
                                                                      tmp_path: Path) -> None:
    attempt_id = ready_attempt(**ROLE_PLAY)
    tone = default_audio_for(station, attempt_id, microphone=lambda: ToneSource(frequency=440, sample_rate=RATE,
                                                                                 chunk_seconds=0.02))
    assert isinstance(tone, ToneSource), "a role-play needs sound: the default source is chosen"
    rec = _live_recording(station, proctor, attempt_id, audio=tone)
    rec.start()
    assert rec.source_ended.wait(30)
    sealed = rec.end()
    assert _state(station, attempt_id) is AttemptState.AWAITING_SCORES

    segments = sealed.manifest["recordings"][0]["segments"]
    assert len(segments) == 2 and sum(s["frames"] for s in segments) == 60
    for seg in segments:
        audio = seg["audio"]
        assert {k: audio[k] for k in ("codec", "sample_rate", "channels")} == {
            "codec": "aac", "sample_rate": RATE, "channels": 1}
        assert audio["seconds"] > 0.5 and audio["dropped_s"] == 0
    # the segment events carry the same description, covered by the chain
    assert [s.entry["audio"] for s in records.load(station, attempt_id).segments] == [s["audio"] for s in segments]
    assert sealed.manifest["evidence_kinds"] == ["video.audio", "video.sealed"]
    assert records.load(station, attempt_id).sealed["evidence_kinds"] == sealed.manifest["evidence_kinds"]
    assert missing_evidence("role_play", sealed.manifest["evidence_kinds"]) == []

    package = write_package(station, attempt_id=attempt_id, out=tmp_path / "pkg")
    report = verify_package(open_package(package.path), parse_trusted_keys(station_trusted_keys_document(station)))
    assert report.ok, report.problems
    assert report.audio_segments == 2 and any("sound track" in n for n in report.notes)
    sound = np.concatenate([_sound_of(package.path / segment_path(attempt_id, s["name"])) for s in segments])
    assert abs(len(sound) / RATE - 2.0) < 0.4  # as long as the two seconds of video
    assert abs(_peak_hz(sound) - 440) < 5
    assert np.sqrt(np.mean(sound.astype(float) ** 2)) > 0.1 * 0.3 * 32767  # the tone, not inserted silence


def test_a_recording_without_audio_is_unchanged(station, proctor, ready_attempt, tmp_path: Path) -> None:
    attempt_id = ready_attempt()  # the forklift practical: video, no sound
    assert default_audio_for(station, attempt_id, microphone=lambda: pytest.fail("no microphone wanted")) is None
    rec = AttemptRecording(station, actor=proctor, attempt_id=attempt_id,
                           source=SyntheticSource(size=SIZE, fps=30, paced=False, max_frames=30),
                           options=RecordingOptions(simulated_time=True, segment_seconds=1.0, presence=False,
                                                    encoder=FfmpegH264Encoder()))
    rec.start()
    assert rec.source_ended.wait(30)
    sealed = rec.end()
    (segment,) = sealed.manifest["recordings"][0]["segments"]
    assert set(segment) == set(SEGMENT_FIELDS) - {"audio"} | {"chain"}, "the chained entry is as before"
    assert sealed.manifest["evidence_kinds"] == ["video.sealed"]
    assert missing_evidence("role_play", records.load(station, attempt_id).sealed["evidence_kinds"]) != []
    package = write_package(station, attempt_id=attempt_id, out=tmp_path / "pkg")
    report = verify_package(open_package(package.path), parse_trusted_keys(station_trusted_keys_document(station)))
    assert report.ok and report.audio_segments == 0
    assert _sound_of(package.path / segment_path(attempt_id, segment["name"])) is None


class _Camera(SyntheticSource):
    closed = False

    def close(self) -> None:
        self.closed = True
        super().close()


def test_no_microphone_refuses_before_the_attempt_starts(station, proctor, ready_attempt) -> None:
    attempt_id = ready_attempt(**ROLE_PLAY)
    camera = _Camera(size=SIZE, paced=False, max_frames=5)
    # A source name no sound system has: fails alike with or without a sound server on the machine.
    mic = MicrophoneSource(inputs=[AudioInput("pulse", "assessdesk-no-such-microphone")], open_timeout=2)
    rec = AttemptRecording(station, actor=proctor, attempt_id=attempt_id, source=camera,
                           options=RecordingOptions(audio=mic, presence=False, encoder=FfmpegH264Encoder()))
    with pytest.raises(MicrophoneUnavailable, match="No microphone could be opened") as raised:
        rec.start()
    assert "privacy settings" in raised.value.hint and raised.value.detail
    assert camera.closed and _state(station, attempt_id) is AttemptState.IDENTITY_VERIFIED

    fallback = AttemptRecording(station, actor=proctor, attempt_id=attempt_id, source=_Camera(size=SIZE),
                                options=RecordingOptions(audio=ToneSource(), encoder=OpenCvEncoder()))
    with pytest.raises(SoundNotRecordable, match="without sound"):
        fallback.start()
    assert _state(station, attempt_id) is AttemptState.IDENTITY_VERIFIED


def test_a_microphone_that_stops_mid_way_is_an_incident_and_the_video_goes_on(station, proctor,
                                                                             ready_attempt) -> None:
    attempt_id = ready_attempt(**ROLE_PLAY)
    # The real MicrophoneSource, fed by a generated half second of tone (ffmpeg's lavfi input, paced like a
    # device) that then ends as an unplugged microphone does.
    mic = MicrophoneSource(inputs=[AudioInput("lavfi", f"sine=frequency=440:sample_rate={RATE}:duration=0.5,"
                                                       "arealtime")])
    lost: list[str] = []
    rec = _live_recording(station, proctor, attempt_id, audio=mic, frames=45,
                          callbacks=RecordingCallbacks(on_microphone_lost=lost.append))
    started = time.monotonic()
    rec.start()
    assert rec.source_ended.wait(30)
    sealed = rec.end()
    assert time.monotonic() - started < 15
    assert lost and "stopped delivering sound" in lost[0]
    notes = [i["note"] for i in sealed.manifest["incidents"] if i["code"] == "equipment_failure"]
    assert len(notes) == 1 and "microphone stopped" in notes[0]
    segments = sealed.manifest["recordings"][0]["segments"]
    assert sum(s["frames"] for s in segments) == 45, "every frame is recorded after the sound stops"
    assert all(s["audio"]["codec"] == "aac" for s in segments)
    assert sum(s["audio"]["silence_inserted_s"] for s in segments) > 0.3  # the track goes on, silent
