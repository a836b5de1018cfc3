"""AttemptRecording end to end on a real station: real encoders, real encrypted files, every frame read back."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from assessdesk.domain.attempt import AttemptState
from assessdesk.services.capture import SyntheticSource, VideoFileSource, read_counter
from assessdesk.services.capture.source import FrameRead, SourceLost
from assessdesk.services.evidence import records
from assessdesk.services.evidence.artifacts import add_artifact
from assessdesk.services.evidence.playback import attempt_playback
from assessdesk.services.evidence.session import (
    AttemptRecording,
    RecordingCallbacks,
    RecordingNotReady,
    RecordingOptions,
)
from assessdesk.services.recording import FfmpegH264Encoder, OpenCvEncoder
from assessdesk.storage import schedule
from assessdesk.trust.envelope import MAGIC

SIZE = (320, 240)


def _state(ctx, attempt_id: str) -> AttemptState:
    with ctx.db.session() as s:
        return schedule.get_attempt(s, attempt_id).state


def _record(ctx, proctor, attempt_id: str, source, **options) -> tuple[AttemptRecording, object]:
    callbacks = options.pop("callbacks", None)
    rec = AttemptRecording(ctx, actor=proctor, attempt_id=attempt_id, source=source,
                           options=RecordingOptions(simulated_time=True, **options), callbacks=callbacks)
    rec.start()
    assert rec.source_ended.wait(60), "the source should reach its end"
    return rec, rec.end()


def test_synthetic_h264_encrypted_every_frame_back(station, proctor, ready_attempt) -> None:
    encoder = FfmpegH264Encoder()
    if not encoder.available():
        pytest.skip("the bundled ffmpeg cannot run here")
    attempt_id = ready_attempt()
    sealed_events: list = []
    rec, sealed = _record(station, proctor, attempt_id, SyntheticSource(size=SIZE, fps=30, paced=False,
                                                                        max_frames=75),
                          encoder=encoder, segment_seconds=1.0, presence=False,
                          callbacks=RecordingCallbacks(on_segment_sealed=sealed_events.append))
    assert _state(station, attempt_id) is AttemptState.AWAITING_SCORES
    assert sealed.segments == 3 and len(sealed_events) == 3
    ev = records.load(station, attempt_id)
    assert [s.seq for s in ev.segments] == [1, 2, 3] and sum(s.entry["frames"] for s in ev.segments) == 75
    assert ev.sealed is not None and ev.sealed["sha256"] == sealed.sha256
    assert sealed.manifest["encoder"][0]["name"] == "ffmpeg-libx264"
    # no plaintext video on disk: every segment file and every stored blob is an envelope
    media = list(rec.directory.glob("seg-*.ts"))
    assert len(media) == 3 and all(p.read_bytes().startswith(MAGIC) for p in media)
    for s in ev.segments:
        assert station.evidence_store().path_of(s.entry["sha256"]).read_bytes().startswith(MAGIC)
        assert s.stored_sha256 != s.entry["sha256"], "the manifest names the plaintext, transfer the ciphertext"
    player = attempt_playback(station, attempt_id).player
    assert player.frame_count == 75
    assert [read_counter(frame) for frame in player] == list(range(75))
    assert player.read(40) is not None and read_counter(player.read(12)) == 12  # seek back across segments


def _write_clip(path: Path, frames: int) -> None:
    source = SyntheticSource(size=SIZE, fps=25, paced=False)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25.0, SIZE)
    for i in range(frames):
        writer.write(source.frame(i))
    writer.release()


def test_file_source_through_the_opencv_fallback(station, proctor, ready_attempt, tmp_path: Path) -> None:
    clip = tmp_path / "clip.avi"
    _write_clip(clip, 40)
    attempt_id = ready_attempt()
    rec, sealed = _record(station, proctor, attempt_id, VideoFileSource(clip, paced=False),
                          encoder=OpenCvEncoder(), segment_seconds=0.8, presence=False)
    assert sealed.manifest["encoder"][0]["name"] == "opencv-mjpeg"
    assert not list(rec.directory.glob("*.staging.avi")), "staging files are removed once copied into the sink"
    player = attempt_playback(station, attempt_id).player
    assert player.frame_count == 40
    assert [read_counter(f) for f in player] == list(range(40))


class _Flaky:
    """A synthetic camera that disappears once after `lose_at` frames and comes back."""

    def __init__(self, lose_at: int, total: int) -> None:
        self.inner = SyntheticSource(size=SIZE, fps=30, paced=False)
        self.name = "flaky"
        self.lose_at, self.total, self.served, self.lost_once = lose_at, total, 0, False

    size = property(lambda self: self.inner.size)
    fps = property(lambda self: self.inner.fps)

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def read(self) -> FrameRead:
        if self.served == self.lose_at and not self.lost_once:
            self.lost_once = True
            raise SourceLost("the USB camera was unplugged", source=self.name)
        if self.served >= self.total:
            raise SourceLost("done", source=self.name, ended=True)
        self.served += 1
        frame = self.inner.frame(self.served - 1)
        return FrameRead(True, frame, 0.0)


def test_camera_lost_pause_incident_presence_and_artifact(station, proctor, ready_attempt, tmp_path: Path) -> None:
    from assessdesk.services.identity import PresenceSettings

    attempt_id = ready_attempt()
    sheet = tmp_path / "checklist.csv"
    sheet.write_text("item,ok\nforks,yes\n")
    add_artifact(station, actor=proctor, attempt_id=attempt_id, path=sheet, kind="checklist")
    lost, flags = threading.Event(), []
    rec = AttemptRecording(station, actor=proctor, attempt_id=attempt_id, source=_Flaky(lose_at=30, total=90),
                           options=RecordingOptions(simulated_time=True, segment_seconds=5.0, presence_every_nth=1,
                                                    camera_retry_seconds=0.05,
                                                    presence_settings=PresenceSettings(absence_seconds=0.5)),
                           callbacks=RecordingCallbacks(on_camera_lost=lambda m: lost.set(),
                                                        on_presence_flag=lambda k, f: flags.append(k)))
    rec.start()
    rec.pause("candidate asked for water")
    rec.resume()
    rec.log_incident("other", "a visitor walked in")
    assert rec.source_ended.wait(60)
    sealed = rec.end()
    assert lost.is_set()
    m = sealed.manifest
    codes = [i["code"] for i in m["incidents"]]
    assert "camera_lost" in codes and "other" in codes
    assert len(m["recordings"][0]["segments"]) == 2, "recording resumes in a new segment after the camera is back"
    assert [k["kind"] for k in m["markers"]][:2] == ["camera_lost", "camera_back"]
    assert len(m["pauses"]) == 1 and m["pauses"][0]["reason"] == "candidate asked for water"
    assert m["pauses"][0]["resumed_at"] is not None and m["pauses"][0]["video_time_s"] is not None
    assert m["artifacts"][0]["name"] == "checklist.csv" and m["artifacts"][0]["kind"] == "checklist"
    assert m["identity_photos"][0]["kind"] == "id_photo" and m["identity_photos"][0]["name"] == "id_photo.jpg"
    # the test pattern has no face: presence raises face_absent (a flag to review, never an end)
    assert any(f["kind"] == "face_absent" for f in m["presence_flags"]) and "raised" in flags
    assert sum(s["frames"] for s in m["recordings"][0]["segments"]) == 90


def test_disk_filling_up_ends_and_seals_with_a_message(station, proctor, ready_attempt) -> None:
    attempt_id = ready_attempt(photo=False)
    holder: dict = {}

    def free_space(_path: Path) -> int:  # the disk "fills" once two seconds are recorded
        rec = holder.get("rec")
        return 50 * 1024 * 1024 if rec is not None and rec.video_time() > 2.0 else 10**12

    done = threading.Event()
    outcome: dict = {}
    callbacks = RecordingCallbacks(on_stopped=lambda e: outcome.setdefault("message", e.message),
                                   on_sealed=lambda s: (outcome.setdefault("sealed", s), done.set()))
    rec = AttemptRecording(station, actor=proctor, attempt_id=attempt_id,
                           source=SyntheticSource(size=SIZE, fps=30, paced=False, max_frames=3000),
                           options=RecordingOptions(simulated_time=True, segment_seconds=1.0, presence=False,
                                                    free_space=free_space),
                           callbacks=callbacks)
    assert rec.preflight(minutes=60).ok
    holder["rec"] = rec
    rec.start()
    assert done.wait(60), "the recording should end and seal itself before the disk fills"
    assert "disk is almost full" in outcome["message"]
    assert _state(station, attempt_id) is AttemptState.AWAITING_SCORES
    assert 0 < outcome["sealed"].segments and rec.end() is outcome["sealed"]


def test_preflight_warns_when_the_time_limit_needs_more_than_the_disk_has(station, proctor, ready_attempt) -> None:
    rec = AttemptRecording(station, actor=proctor, attempt_id=ready_attempt(photo=False),
                           source=SyntheticSource(size=(1280, 720), fps=30),
                           options=RecordingOptions(free_space=lambda _p: 400 * 1024 * 1024))
    check = rec.preflight(minutes=120, size=(1280, 720), fps=30)
    assert not check.ok and "may be too full" in check.warning.message and check.needed_bytes > check.free_bytes


def test_cannot_record_before_identity_is_verified(station, proctor, ready_attempt) -> None:
    attempt_id = ready_attempt()
    from assessdesk.services import proctoring

    proctoring.void(station, actor=proctor, attempt_id=attempt_id, reason="candidate left")
    rec = AttemptRecording(station, actor=proctor, attempt_id=attempt_id,
                           source=SyntheticSource(size=SIZE, paced=False, max_frames=5))
    with pytest.raises(RecordingNotReady, match="voided"):
        rec.start()


def test_group_project_manifests_reference_the_shared_recording(station, proctor, ready_attempt,
                                                                 tmp_path: Path) -> None:
    from assessdesk.services import proctoring
    from assessdesk.services.evidence.package import write_package
    from assessdesk.services.evidence.package_files import open_package
    from assessdesk.services.evidence.sealing import end_and_seal
    from assessdesk.services.evidence.trusted_keys import parse_trusted_keys, station_trusted_keys_document
    from assessdesk.services.evidence.verify import verify_package

    first, second = ready_attempt(candidate="Ama Boateng"), ready_attempt(candidate="Jon Berg")
    proctoring.start(station, actor=proctor, attempt_id=second)
    portfolio = tmp_path / "plan.txt"
    portfolio.write_bytes(np.arange(2000, dtype=np.uint16).tobytes())
    add_artifact(station, actor=proctor, attempt_id=second, path=portfolio, kind="portfolio_item")
    _record(station, proctor, first, SyntheticSource(size=SIZE, paced=False, max_frames=20), presence=False,
            segment_seconds=1.0, group=[second])
    sealed = end_and_seal(station, actor=proctor, attempt_id=second)
    shared = sealed.manifest["recordings"]
    assert [(r["attempt"], r["own"]) for r in shared] == [(first, False)] and shared[0]["segments"]
    package = write_package(station, attempt_id=second, out=tmp_path / "second.zip")
    report = verify_package(open_package(package.path), parse_trusted_keys(station_trusted_keys_document(station)))
    assert report.ok, report.problems
    assert report.segments == 1 and report.artifacts == 1
