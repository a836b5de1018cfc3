"""The segmented recorder: frames in, short self-contained segments out, each closed, fsynced and hashed off-thread."""

from __future__ import annotations

import collections
import json
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assessdesk.services.recording.closing import OpenSegment, seal_segment
from assessdesk.services.recording.encoders import AudioFormat, Encoder, EncoderFailed
from assessdesk.services.recording.segments import (
    MANIFEST_VERSION,
    ClosedSegment,
    frames_path,
    manifest_path,
    segment_indexes,
    segment_stem,
    wall_iso,
    write_json_atomic,
)
from assessdesk.services.recording.sinks import CountingWriter, SinkFactory, open_file_sink
from assessdesk.services.recording.space import DEFAULT_MIN_FREE_BYTES, DiskSpaceLow, FreeSpace, disk_free

log = logging.getLogger(__name__)

MARKERS_FILE = "markers.jsonl"


@dataclass(frozen=True)
class Marker:
    """Something that happened during the recording (pause, resume, incident, camera lost), pinned to video time:
    seconds since the recording's first frame, the same clock SegmentReader seeks on."""

    kind: str
    payload: dict[str, Any]
    video_time: float
    monotonic: float
    wall: str
    segment_index: int | None


@dataclass(frozen=True)
class RecordingStopped:
    """The recorder stopped on its own (disk full, encoder failure): the GUI shows `error` to the proctor."""

    reason: str
    error: Exception


class SegmentedRecorder:
    """Writes every frame it is given into segments of about `segment_seconds` in `directory`.

    write() (the capture thread) only queues the frame; a writer thread feeds the encoder and rolls segments;
    a closing segment goes to a closer thread that flushes it, fsyncs it, hashes the stored file, rewrites its
    manifest as closed and then calls `on_segment_closed` (on that closer thread).
    """

    def __init__(self, *, directory: Path, encoder: Encoder, fps: float, segment_seconds: float = 4.0,
                 open_sink: SinkFactory = open_file_sink, free_space: FreeSpace = disk_free,
                 min_free_bytes: int = DEFAULT_MIN_FREE_BYTES, space_check_seconds: float = 1.0,
                 on_segment_closed: Callable[[ClosedSegment], None] | None = None,
                 on_stopped: Callable[[RecordingStopped], None] | None = None,
                 wall_clock: Callable[[], float] = time.time, queue_seconds: float = 1.0,
                 audio: AudioFormat | None = None) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.encoder = encoder
        self.fps = float(fps)
        self.segment_seconds = float(segment_seconds)
        # The fallback encoder cannot carry sound: recording goes on without it, and manifests say so.
        self.audio = audio if audio is not None and encoder.supports_audio else None
        self.audio_dropped = audio is not None and self.audio is None
        self._open_sink = open_sink
        self._free_space = free_space
        self._min_free = int(min_free_bytes)
        self._space_every = float(space_check_seconds)
        self._on_closed: list[Callable[[ClosedSegment], None]] = []
        self._on_stopped: list[Callable[[RecordingStopped], None]] = []
        self.subscribe(on_segment_closed=on_segment_closed, on_stopped=on_stopped)
        self._wall = wall_clock
        self._lock = threading.RLock()
        self._current: OpenSegment | None = None
        existing = segment_indexes(self.directory)
        self._next_index = (existing[-1] + 1) if existing else 1  # after a crash, carry on numbering
        self._t0: float | None = None
        self._last_space_check = float("-inf")
        self._stopped: RecordingStopped | None = None
        self._finished = False
        self._closed: list[ClosedSegment] = []
        self._frames_written = 0
        self._pending_marks: list[str] = []  # marks made before the first segment opened
        self._overflow_marks: collections.deque[str] = collections.deque()  # marks that met a full frame queue
        self._marks_lock = threading.Lock()
        self._audio_lock = threading.Lock()
        self._pending_audio: collections.deque[tuple[np.ndarray, float]] = collections.deque()
        self._closer_queue: queue.Queue[tuple[OpenSegment, str, float] | None] = queue.Queue()
        self._closer = threading.Thread(target=self._close_loop, name="segment-closer", daemon=True)
        self._closer.start()
        # Frames wait here for the writer thread, so a slow moment (an fsync, starting the next segment's
        # encoder) never holds up the camera. Full means the encoder cannot keep up: write() then waits, and the
        # camera, not the recording, drops frames.
        self._frames: queue.Queue[tuple[Any, ...] | None] = queue.Queue(
            maxsize=max(2, round(queue_seconds * self.fps)))
        self._writer = threading.Thread(target=self._write_loop, name="segment-writer", daemon=True)
        self._writer.start()

    def subscribe(self, *, on_segment_closed: Callable[[ClosedSegment], None] | None = None,
                  on_stopped: Callable[[RecordingStopped], None] | None = None) -> None:
        """Add listeners: on_segment_closed runs on the closer thread, on_stopped on the thread that wrote."""
        if on_segment_closed is not None:
            self._on_closed.append(on_segment_closed)
        if on_stopped is not None:
            self._on_stopped.append(on_stopped)

    # -- called from other threads (capture, audio, GUI) ---------------------------------------------------------

    @property
    def recording(self) -> bool:
        return self._stopped is None and not self._finished

    @property
    def stopped(self) -> RecordingStopped | None:
        return self._stopped

    @property
    def frames_written(self) -> int:
        return self._frames_written

    def write(self, frame: np.ndarray, timestamp: float) -> bool:
        """Queue one frame taken at `timestamp` (monotonic) for the disk; False when the recorder has stopped.

        The recorder keeps `frame` (no copy): the caller must not draw on it afterwards. Takes no lock the writer
        thread holds, so the capture thread waits only when the queue is full.
        """
        if not self.recording:
            return False
        if self._t0 is None:
            self._t0 = timestamp  # only the capture thread writes frames, so only it sets this
        self._frames.put(("frame", frame, timestamp, self._wall()))
        return True

    def write_audio(self, samples: np.ndarray, timestamp: float) -> bool:
        """Hand a chunk of int16 samples (n, channels), its first taken at `timestamp` (monotonic), to the open
        segment's encoder. Sound arriving while no segment is open waits for the next one, which keeps what
        was taken at most half a second before its first frame; the rest is dropped."""
        if not self.recording or self.audio is None:
            return False
        # Straight to the encoder's own sound feeder, never queued behind frames: ffmpeg may be waiting for sound
        # before it takes the frame the writer thread is blocked on. Between segments, sound waits (up to 1 s).
        with self._audio_lock:
            seg = self._current
            if seg is not None:
                seg.session.write_audio(samples)
                seg.audio_samples += int(samples.shape[0])
            else:
                self._pending_audio.append((samples, timestamp))
                while sum(len(a) for a, _t in self._pending_audio) > self.audio.sample_rate:
                    self._pending_audio.popleft()
        return True

    def close_segment(self, reason: str) -> None:
        """Close the segment being written once the frames queued so far are in it (e.g. the camera was lost);
        the next frame starts a new one."""
        self._frames.put(("close", reason))

    def _write_loop(self) -> None:
        while (item := self._frames.get()) is not None:
            what = item[0]
            try:
                with self._lock:
                    if what == "frame":
                        self._write_now(*item[1:])
                    elif what == "mark":
                        self._pending_marks.append(str(item[1]))
                    self._list_marks()
                    if what == "close" and self._current is not None:
                        self._hand_off(str(item[1]))
            except EncoderFailed as exc:
                with self._lock:
                    if self.recording:
                        self._fail(exc)
            except Exception as exc:  # an unexpected failure must stop the recording loudly, not silently
                log.exception("writing to the recording failed")
                with self._lock:
                    if self.recording:
                        self._fail(EncoderFailed(f"The recording could not be written: {exc}"))

    def _write_now(self, frame: np.ndarray, timestamp: float, wall: float) -> bool:
        with self._lock:
            if not self.recording:
                return False
            if timestamp - self._last_space_check >= self._space_every:
                self._last_space_check = timestamp
                if not self._space_ok():
                    return False
            size = (int(frame.shape[1]), int(frame.shape[0]))
            seg = self._current
            if seg is not None and size != seg.size:
                self._hand_off("size_changed")
                seg = None
            elif seg is not None and timestamp - seg.first_ts >= self.segment_seconds - 0.5 / self.fps:
                self._hand_off("rolled")
                seg = None
            if seg is None:
                seg = self._start_segment(size, timestamp, wall)
                if seg is None:
                    return False
            try:
                seg.session.write(frame)
            except EncoderFailed as exc:
                self._fail(exc)
                return False
            seg.frames.write(f"{seg.count}\t{timestamp:.6f}\t{wall:.6f}\n")
            seg.count += 1
            seg.last_ts, seg.last_wall = timestamp, wall
            self._frames_written += 1
            return True

    def mark(self, kind: str, payload: dict[str, Any] | None = None) -> Marker:
        """Store a marker at the current video time (recording goes on: a pause is a marker, not a gap).

        Written and fsynced to markers.jsonl at once; its kind is also listed in the manifest of the segment
        that is open when the writer thread reaches it.
        """
        now, wall = time.monotonic(), self._wall()
        current = self._current  # a reference read: no need to wait for the writer
        marker = Marker(kind=kind, payload=dict(payload or {}),
                        video_time=max(0.0, now - self._t0) if self._t0 is not None else 0.0,
                        monotonic=now, wall=wall_iso(wall), segment_index=current.index if current else None)
        line = json.dumps({"kind": marker.kind, "payload": marker.payload, "video_time": marker.video_time,
                           "monotonic": marker.monotonic, "wall": marker.wall,
                           "segment_index": marker.segment_index}, sort_keys=True)
        with self._marks_lock, open(self.directory / MARKERS_FILE, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()
            os.fsync(f.fileno())  # an incident note is evidence: it must survive a crash right after
        if not self._finished:
            try:  # the caller may be the GUI thread: never wait on a full queue
                self._frames.put_nowait(("mark", kind))
            except queue.Full:  # the writer lists it with the frame it writes next
                self._overflow_marks.append(kind)
        return marker

    def stop(self, *, timeout: float = 60.0) -> list[ClosedSegment]:
        """Write the queued frames, close the last segment, wait until every segment is hashed, and return them
        all (this run's). A second call returns the same list."""
        with self._lock:
            if self._finished:
                return list(self._closed)
        self._frames.put(None)
        self._writer.join(timeout=timeout)
        with self._lock:
            self._list_marks()
            if self._current is not None:
                self._hand_off("stopped")
            self._finished = True
        self._closer_queue.put(None)
        self._closer.join(timeout=timeout)
        if self._closer.is_alive():
            log.error("segments were still closing after %.0f s", timeout)
        return list(self._closed)

    # -- writer thread (lock held) -----------------------------------------------------------------------------

    def _list_marks(self) -> None:
        """List the marks made so far in the open segment's manifest (kept for the next segment while none is)."""
        while self._overflow_marks:
            self._pending_marks.append(self._overflow_marks.popleft())
        if self._current is not None and self._pending_marks:
            self._current.marks.extend(self._pending_marks)
            self._pending_marks.clear()

    def _space_ok(self) -> bool:
        free = self._free_space(self.directory)
        if free >= self._min_free:
            return True
        if self._current is not None:
            self._hand_off("disk_low")
        self._stop_with("disk_low", DiskSpaceLow(directory=self.directory, free=free, needed=self._min_free,
                                                 stopped=True))
        return False

    def _stop_with(self, reason: str, error: Exception) -> None:
        self._stopped = RecordingStopped(reason, error)
        for listener in self._on_stopped:
            try:
                listener(self._stopped)
            except Exception:  # a listener's bug must not take the capture thread down
                log.exception("on_stopped listener failed")

    def _fail(self, exc: EncoderFailed) -> None:
        log.error("encoder failed: %s\n%s", exc, exc.detail)
        if self._current is not None:
            self._hand_off("error", error=str(exc))
        self._stop_with("error", exc)

    def _start_segment(self, size: tuple[int, int], timestamp: float, wall: float) -> OpenSegment | None:
        index = self._next_index
        self._next_index += 1
        path = self.directory / f"{segment_stem(index)}{self.encoder.extension}"
        write_json_atomic(manifest_path(self.directory, index), {
            "manifest_version": MANIFEST_VERSION, "state": "open", "index": index, "path": path.name,
            "encoder": self.encoder.name, "encoder_version": self.encoder.version, "width": size[0],
            "height": size[1], "fps": self.fps, "opened_wall": wall_iso(wall), "audio": self._audio_json()})
        frames = open(frames_path(self.directory, index), "w", encoding="utf-8", buffering=1)  # noqa: SIM115
        sink: CountingWriter | None = None
        try:
            sink = CountingWriter(self._open_sink(path))
            session = self.encoder.start(size=size, fps=self.fps, sink=sink, segment_path=path, audio=self.audio)
        except (EncoderFailed, OSError) as exc:
            # nothing was recorded into this segment: leave no half-made files behind for recovery to puzzle over
            frames.close()
            if sink is not None:
                sink.close()
            for leftover in (path, frames_path(self.directory, index), manifest_path(self.directory, index)):
                leftover.unlink(missing_ok=True)
            self._stop_with("error", exc if isinstance(exc, EncoderFailed)
                            else EncoderFailed(f"The segment file could not be created: {exc}"))
            return None
        opened = OpenSegment(index=index, path=path, size=size, session=session, sink=sink, frames=frames,
                       first_ts=timestamp, first_wall=wall, marks=list(self._pending_marks))
        self._pending_marks.clear()
        with self._audio_lock:
            while self._pending_audio:
                samples, taken = self._pending_audio.popleft()
                if taken >= timestamp - 0.5:  # older sound belongs to the gap before this segment
                    session.write_audio(samples)
                    opened.audio_samples += int(samples.shape[0])
            self._current = opened
        return self._current

    def _audio_json(self) -> dict[str, Any] | None:
        if self.audio is None:
            return {"missing": "the fallback encoder cannot record sound"} if self.audio_dropped else None
        return {"codec": "aac", "sample_rate": self.audio.sample_rate, "channels": self.audio.channels}

    def _hand_off(self, reason: str, *, error: str = "") -> None:
        with self._audio_lock:
            seg, self._current = self._current, None
        assert seg is not None
        if error:
            seg.marks.append(f"error: {error}")
        self._closer_queue.put((seg, reason, time.monotonic()))

    # -- closer thread --------------------------------------------------------------------------------------

    def _close_loop(self) -> None:
        while (item := self._closer_queue.get()) is not None:
            seg, reason, handed = item
            try:
                closed = seal_segment(seg, reason=reason, handed_at=handed, encoder=self.encoder, fps=self.fps,
                                      audio=self.audio, audio_json=self._audio_json())
            except Exception:  # keep closing the others; this one stays 'open' for scan_unfinished
                log.exception("segment %d could not be closed", seg.index)
                continue
            self._closed.append(closed)
            for listener in self._on_closed:
                try:
                    listener(closed)
                except Exception:
                    log.exception("on_segment_closed listener failed")
