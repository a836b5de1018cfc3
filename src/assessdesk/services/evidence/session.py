"""One attempt's recording: capture thread, segmented encrypted recorder, presence sampling, and the evidence events.

No Qt. The GUI (check-in / attempt-control pages) drives it with start(), pause(reason), resume(), log_incident(),
latest_frame() and end() -> SealedEvidence, and listens through RecordingCallbacks; every callback runs on a
worker thread and must only hand the news on (the GUI bridge re-emits them as queued signals). With
`RecordingOptions(audio=source)` (see sound.default_audio_for) each segment also carries a sound track.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import DomainError
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.users import User
from assessdesk.services import proctoring
from assessdesk.services.capture.audio import AudioSource, AudioThread
from assessdesk.services.capture.source import FrameSource, SourceLost
from assessdesk.services.capture.thread import CaptureCallbacks, CaptureThread, LatestFrame
from assessdesk.services.evidence import records
from assessdesk.services.evidence.artifacts import share_recording
from assessdesk.services.evidence.lane import WriteLane
from assessdesk.services.evidence.paths import recording_dir, unrecorded_indexes
from assessdesk.services.evidence.reading import plain_digest
from assessdesk.services.evidence.records import SegmentRecord
from assessdesk.services.evidence.sealing import SealedEvidence, end_and_seal
from assessdesk.services.evidence.sinks import HashingSinkFactory
from assessdesk.services.evidence.sound import audio_format_of, default_audio_for, require_sound_support
from assessdesk.services.evidence.space import SpaceCheck, check_recording_space
from assessdesk.services.evidence.tap import TappedSource
from assessdesk.services.recording.encoders import Encoder, choose_encoder
from assessdesk.services.recording.recorder import RecordingStopped, SegmentedRecorder
from assessdesk.services.recording.segments import ClosedSegment
from assessdesk.services.recording.space import DEFAULT_MIN_FREE_BYTES, FreeSpace, disk_free
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule

log = logging.getLogger(__name__)

__all__ = ["AttemptRecording", "RecordingCallbacks", "RecordingNotReady", "RecordingOptions", "default_audio_for"]


class RecordingNotReady(DomainError):
    """The attempt cannot be recorded now (wrong state, or a crash left segments that must be recovered first)."""


@dataclass
class RecordingCallbacks:
    """Plain callables, each called on a worker thread; none may block."""

    on_segment_sealed: Callable[[SegmentRecord], None] | None = None  # a segment is hashed, chained and recorded
    on_camera_lost: Callable[[str], None] | None = None  # the preview should say so; recording resumes by itself
    on_camera_back: Callable[[], None] | None = None
    on_presence_flag: Callable[[str, dict[str, Any]], None] | None = None  # ("raised"|"cleared", flag fields)
    on_stopped: Callable[[DomainError], None] | None = None  # recording stopped by itself (disk full, encoder)
    on_sealed: Callable[[SealedEvidence], None] | None = None  # sealed after an automatic end (disk full)
    on_error: Callable[[BaseException], None] | None = None  # a background write failed
    on_microphone_lost: Callable[[str], None] | None = None  # sound stopped; the video goes on (silence fills in)


@dataclass(frozen=True)
class RecordingOptions:
    segment_seconds: float = 4.0
    encoder: Encoder | None = None  # None: H.264 through ffmpeg when it runs, else OpenCV's fallback
    presence: bool = True
    presence_settings: Any = None  # services.identity.PresenceSettings; None: its defaults
    presence_every_nth: int = 5
    min_free_bytes: int = DEFAULT_MIN_FREE_BYTES  # end and seal when the disk gets this close to full
    free_space: FreeSpace = disk_free
    camera_retry_seconds: float = 1.0  # how often a lost camera is tried again
    simulated_time: bool = False  # a source read faster than real time (demo clip): time from the frame count
    group: Sequence[str] = field(default=())  # other attempts (a group project) that share this recording
    # a sound source (unopened) to record with the video, e.g. sound.default_audio_for(ctx, attempt_id); None:
    # video only. Opened by start() before the attempt starts, so a missing microphone fails first.
    audio: AudioSource | None = None


def _wall_epoch(iso_text: str) -> float:
    from assessdesk.domain.clock import parse_iso

    return parse_iso(iso_text).timestamp()


class AttemptRecording:
    """Records one attempt from `source` into `ctx.evidence_dir/recordings/<attempt>` until end()."""

    def __init__(self, ctx: StationContext, *, actor: User, attempt_id: str, source: FrameSource,
                 options: RecordingOptions | None = None, callbacks: RecordingCallbacks | None = None) -> None:
        self.ctx = ctx
        self.actor = actor
        self.attempt_id = attempt_id
        self.options = options or RecordingOptions()
        self.callbacks = callbacks or RecordingCallbacks()
        self.directory = recording_dir(ctx, attempt_id)
        self._source = source
        self._encoder = self.options.encoder or choose_encoder()
        self._lock = threading.RLock()
        self._lane = WriteLane(name=f"evidence-{attempt_id[:8]}", on_error=self._on_lane_error)
        self._capture: CaptureThread | None = None
        self._recorder: SegmentedRecorder | None = None
        self._audio_thread: AudioThread | None = None
        self._sampler: Any = None
        self._tap: TappedSource | None = None
        self._sinks: HashingSinkFactory | None = None
        self._origin_wall: float | None = None
        self._sealed: SealedEvidence | None = None
        self._ended = False
        self.segments: list[SegmentRecord] = []
        self.stopped: DomainError | None = None

    # -- before start ---------------------------------------------------------------------------------------

    def preflight(self, *, minutes: float, size: tuple[int, int] | None = None,
                  fps: float | None = None) -> SpaceCheck:
        """Space the time limit needs against what the disk has (a warning to show, never a refusal)."""
        return check_recording_space(self.ctx, minutes=minutes, size=size or self._source_size(),
                                     fps=fps or 30.0, encoder=self._encoder.name,
                                     free_space=self.options.free_space, floor=self.options.min_free_bytes)

    def _source_size(self) -> tuple[int, int]:
        try:
            size = self._source.size
        except Exception:  # noqa: BLE001 - a closed source may not know yet
            size = (0, 0)
        return size if size[0] and size[1] else (1280, 720)

    # -- running --------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the camera, then start (or, after a recovery, continue) the attempt and record."""
        with self._lock:
            if self._capture is not None or self._ended:
                raise RecordingNotReady("This recording has already been started.")
            state = self._state()
            if state not in (AttemptState.IDENTITY_VERIFIED, AttemptState.IN_PROGRESS, AttemptState.PAUSED):
                raise RecordingNotReady(f"An attempt in state '{state.value}' cannot be recorded.",
                                        hint="Check the candidate in and verify their identity first.")
            if unrecorded_indexes(self.ctx, self.attempt_id):
                raise RecordingNotReady("The station stopped during this attempt's recording and the video on "
                                        "disk has not been recovered yet.",
                                        hint="Recover the attempt first; then continue or end it.")
            before = records.load(self.ctx, self.attempt_id)
            audio = self.options.audio
            if audio is not None:
                require_sound_support(self._encoder)
            self._source.open()  # a missing camera (or microphone, below) fails here, before the attempt started
            try:
                if audio is not None:
                    audio.open()
            except BaseException:
                self._source.close()
                raise
            try:
                if state is AttemptState.IDENTITY_VERIFIED:
                    proctoring.start(self.ctx, actor=self.actor, attempt_id=self.attempt_id)
                for other in self.options.group:
                    share_recording(self.ctx, actor=self.actor, attempt_id=other, recording_of=self.attempt_id)
            except BaseException:
                self._source.close()
                if audio is not None:
                    audio.close()
                raise
            offset = 0.0
            if before.segments:
                self._origin_wall = _wall_epoch(before.segments[0].entry["first_wall"])
                offset = max(0.0, time.time() - self._origin_wall)
            self._build(offset)
            if before.segments:
                self._marker("continued", {"after_segments": len(before.segments)})

    def _build(self, offset: float) -> None:
        kek = self.ctx.evidence_kek()
        self._sinks = HashingSinkFactory(kek=kek, key_id=self.ctx.evidence_store().key_id)
        self._tap = TappedSource(self._source, offset_s=offset, simulated=self.options.simulated_time,
                                 on_frame=self._offer_presence if self.options.presence else None)
        if self.options.presence:
            self._sampler = self._make_sampler()
        self._recorder = SegmentedRecorder(
            directory=self.directory, encoder=self._encoder, fps=self._source.fps or 30.0,
            segment_seconds=self.options.segment_seconds, open_sink=self._sinks,
            free_space=self.options.free_space, min_free_bytes=self.options.min_free_bytes,
            on_segment_closed=self._on_segment_closed, on_stopped=self._on_recorder_stopped,
            wall_clock=self._tap.wall_clock,
            audio=audio_format_of(self.options.audio) if self.options.audio is not None else None)
        if self.options.audio is not None:
            self._audio_thread = AudioThread(source=self.options.audio, deliver=self._recorder.write_audio,
                                             on_failed=self._on_microphone_lost)
        self._capture = CaptureThread(
            source=self._tap, recorder=self._recorder, retry_seconds=self.options.camera_retry_seconds,
            callbacks=CaptureCallbacks(on_camera_lost=self._on_camera_lost, on_camera_back=self._on_camera_back))
        if self._sampler is not None:
            self._sampler.start()
        self._capture.start()
        if self._audio_thread is not None:
            self._audio_thread.start()  # sound taken before the first frame waits in the recorder (<= 1 s)

    def _make_sampler(self) -> Any:
        from assessdesk.services.identity import PresenceMonitor, PresenceSampler, PresenceSettings

        monitor = PresenceMonitor(self.options.presence_settings or PresenceSettings())
        return PresenceSampler(monitor=monitor, every_nth=self.options.presence_every_nth,
                               on_event=self._on_presence_event)

    def _offer_presence(self, frame: Any, video_time: float) -> None:
        if self._sampler is not None:
            self._sampler.offer(frame, video_time)

    def latest_frame(self, *, newer_than: int = 0) -> LatestFrame | None:
        """The newest camera frame for the preview (None when nothing newer); recording never waits for it."""
        capture = self._capture
        return capture.latest.get(newer_than=newer_than) if capture is not None else None

    def video_time(self) -> float:
        return self._tap.video_time() if self._tap is not None else 0.0

    @property
    def recording(self) -> bool:
        return self._recorder is not None and self._recorder.recording and not self._ended

    @property
    def source_ended(self) -> threading.Event:
        """Set when a file source reached its end (tests, the demo); a camera never sets it."""
        return self._capture.ended if self._capture is not None else threading.Event()

    def pause(self, reason: str) -> None:
        """Pause the assessment clock; the recording goes on, with a marker."""
        proctoring.pause(self.ctx, actor=self.actor, attempt_id=self.attempt_id, reason=reason)
        self._marker("pause", {"reason": reason})

    def resume(self) -> None:
        proctoring.resume(self.ctx, actor=self.actor, attempt_id=self.attempt_id)
        self._marker("resume", {})

    def log_incident(self, code: str, note: str = "") -> AuthoredEvent:
        """An incident tied to the current video time."""
        return proctoring.log_incident(self.ctx, actor=self.actor, attempt_id=self.attempt_id, code=code,
                                       note=note, video_time_s=round(self.video_time(), 2))

    def _marker(self, kind: str, payload: dict[str, Any]) -> None:
        if self._recorder is not None:
            self._recorder.mark(kind, payload)
        records.append_event(self.ctx, actor_id=self.actor.id, attempt_id=self.attempt_id,
                             event_type=records.MARKER,
                             payload={"kind": kind, "video_time_s": round(self.video_time(), 2), **payload})

    # -- ending ---------------------------------------------------------------------------------------------

    def end(self) -> SealedEvidence:
        """Stop and drain the recorder, end the attempt and seal its evidence (signed manifest); idempotent."""
        with self._lock:
            if self._sealed is not None:
                return self._sealed
            self._stop_threads()
            self._sealed = end_and_seal(self.ctx, actor=self.actor, attempt_id=self.attempt_id)
            return self._sealed

    def abandon(self) -> None:
        """Stop recording without ending the attempt (the app is closing): what was recorded stays recorded,
        and the attempt can be continued later."""
        with self._lock:
            self._stop_threads()

    def _stop_threads(self) -> None:
        if self._ended:
            return
        self._ended = True
        end_time = self.video_time()
        if self._capture is not None:
            self._capture.detach_recorder()
            self._capture.stop()
        if self._audio_thread is not None:
            self._audio_thread.stop()  # closes the microphone
        if self._recorder is not None:
            self._recorder.stop()  # every segment closed, hashed, and handed to the lane
        if self._sampler is not None:
            self._sampler.stop(finish_at_s=end_time)
        self._lane.drain()
        self._lane.close()
        if self._lane.errors:
            raise self._lane.errors[0]

    # -- worker-thread handlers -----------------------------------------------------------------------------

    def _on_segment_closed(self, seg: ClosedSegment) -> None:  # closer thread
        digest = self._sinks.digest_of(seg.path) if self._sinks is not None else None
        self._lane.submit(lambda: self._record_segment(seg, digest))

    def _record_segment(self, seg: ClosedSegment, digest: Any) -> None:  # lane thread
        if seg.frame_count == 0:
            return
        if digest is None:  # the sink did not see the close (should not happen): read it back instead
            sha, size = plain_digest(seg.path, self.ctx.evidence_kek())
        else:
            sha, size = digest.sha256, digest.size
        first, last = _wall_epoch(seg.first_wall), _wall_epoch(seg.last_wall)
        if self._origin_wall is None:
            self._origin_wall = first
        self.ctx.evidence_store().adopt(seg.path, sha256=sha)
        record = records.append_segment(
            self.ctx, actor_id=self.actor.id, attempt_id=self.attempt_id,
            fields={"index": seg.index, "name": seg.path.name, "sha256": sha, "size": size,
                    "frames": seg.frame_count, "start_s": first - self._origin_wall,
                    "end_s": last - self._origin_wall, "first_wall": seg.first_wall, "last_wall": seg.last_wall,
                    "encoder": seg.encoder, "encoder_version": seg.encoder_version, "recovered": False,
                    "reason": seg.reason, "audio": seg.audio},
            stored_sha256=seg.sha256, stored_size=seg.size, encrypted=self._sinks is not None
            and self._sinks.kek is not None)
        self.segments.append(record)
        _call(self.callbacks.on_segment_sealed, record)

    def _on_camera_lost(self, lost: SourceLost) -> None:  # capture thread
        if lost.ended:
            return  # a file source (tests, the demo) reached its end: not an incident
        at = round(self.video_time(), 2)
        self._lane.submit(lambda: proctoring.log_incident(
            self.ctx, actor=self.actor, attempt_id=self.attempt_id, code="camera_lost",
            note=f"Recording interrupted: {lost.message}", video_time_s=at))
        self._lane.submit(lambda: records.append_event(
            self.ctx, actor_id=self.actor.id, attempt_id=self.attempt_id, event_type=records.MARKER,
            payload={"kind": "camera_lost", "video_time_s": at}))
        _call(self.callbacks.on_camera_lost, lost.message)

    def _on_camera_back(self) -> None:  # capture thread
        at = round(self.video_time(), 2)
        self._lane.submit(lambda: records.append_event(
            self.ctx, actor_id=self.actor.id, attempt_id=self.attempt_id, event_type=records.MARKER,
            payload={"kind": "camera_back", "video_time_s": at}))
        _call(self.callbacks.on_camera_back)

    def _on_microphone_lost(self, error: BaseException) -> None:  # audio thread, as it ends
        message = error.message if isinstance(error, DomainError) else str(error)
        at = round(self.video_time(), 2)
        self._lane.submit(lambda: proctoring.log_incident(
            self.ctx, actor=self.actor, attempt_id=self.attempt_id, code="equipment_failure",
            note=f"The microphone stopped; the recording went on without sound: {message}", video_time_s=at))
        _call(self.callbacks.on_microphone_lost, message)

    def _on_presence_event(self, event: Any) -> None:  # presence worker thread
        flag = event.flag
        started = getattr(flag, "started_s", getattr(flag, "started_at", 0.0))
        ended = getattr(flag, "ended_s", getattr(flag, "ended_at", None))
        fields = {"kind": str(flag.kind), "started_s": float(started),
                  "ended_s": None if ended is None else float(ended), "faces": int(flag.max_faces)}
        self._lane.submit(lambda: proctoring.record_presence_flag(
            self.ctx, actor=self.actor, attempt_id=self.attempt_id, **fields))
        _call(self.callbacks.on_presence_flag, "cleared" if ended is not None else "raised", fields)

    def _on_recorder_stopped(self, stopped: RecordingStopped) -> None:  # writer thread
        error = stopped.error if isinstance(stopped.error, DomainError) else DomainError(str(stopped.error))
        self.stopped = error
        _call(self.callbacks.on_stopped, error)
        if stopped.reason == "disk_low":
            # end() joins the writer thread, so it must run elsewhere
            threading.Thread(target=self._end_for_disk, name="evidence-auto-seal", daemon=True).start()
        else:
            at = round(self.video_time(), 2)
            self._lane.submit(lambda: proctoring.log_incident(
                self.ctx, actor=self.actor, attempt_id=self.attempt_id, code="equipment_failure",
                note=f"The recording stopped: {error.message}", video_time_s=at))

    def _end_for_disk(self) -> None:
        try:
            sealed = self.end()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, which says what to do
            _call(self.callbacks.on_error, exc)
            return
        _call(self.callbacks.on_sealed, sealed)

    def _on_lane_error(self, exc: BaseException) -> None:
        _call(self.callbacks.on_error, exc)

    def _state(self) -> AttemptState:
        with self.ctx.db.session() as s:
            return schedule.get_attempt(s, self.attempt_id).state


def _call(callback: Callable[..., None] | None, *args: object) -> None:
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:  # a listener's bug must not stop the recording
        log.exception("recording callback failed")

