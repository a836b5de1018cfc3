"""The presence sampler on a real thread with real detection: every k-th frame, newest sample wins, clean stop."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.identity import (
    FlagKind,
    PresenceEvent,
    PresenceMonitor,
    PresenceSampler,
    PresenceSettings,
)
from assessdesk.services.identity.presence import CLEARED, RAISED

FPS = 25.0


def wait_for(predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting for the detector thread"
        time.sleep(0.005)


def test_absence_is_raised_and_cleared_from_camera_frames(webcam_frame: np.ndarray) -> None:
    wall = np.full_like(webcam_frame, (96, 104, 110))
    events: list[PresenceEvent] = []
    threads: set[str] = set()

    def sink(event: PresenceEvent) -> None:
        events.append(event)
        threads.add(threading.current_thread().name)

    sampler = PresenceSampler(monitor=PresenceMonitor(PresenceSettings(absence_seconds=1.0)), every_nth=5,
                              on_event=sink)
    sampler.start()
    # 2 s of face, 2 s of empty wall, 1 s of face at 25 fps (video time; fed as fast as detection allows).
    script = [webcam_frame] * 50 + [wall] * 50 + [webcam_frame] * 25
    for index, frame in enumerate(script):
        before = sampler.stats.frames_detected
        if sampler.offer(frame, index / FPS):
            wait_for(lambda done=before: sampler.stats.frames_detected > done)  # keep every sample for a precise check
    flags = sampler.stop(timeout=5.0)

    assert [(e.name, e.flag.kind) for e in events] == [(RAISED, FlagKind.FACE_ABSENT),
                                                       (CLEARED, FlagKind.FACE_ABSENT)]
    assert threads == {"presence-detector"}  # delivered off the caller's (GUI/capture) thread
    [flag] = flags
    assert flag.started_s == pytest.approx(2.0)    # frame 50, the first sampled wall frame
    assert flag.raised_s == pytest.approx(3.2)     # first sample more than 1 s later (every 5th frame = 0.2 s)
    assert flag.ended_s == pytest.approx(4.0)
    stats = sampler.stats
    assert (stats.frames_offered, stats.frames_sampled, stats.frames_detected) == (125, 25, 25)
    assert stats.frames_replaced == 0 and stats.errors == 0 and stats.mean_detect_ms > 0


def test_a_slow_detector_keeps_only_the_newest_sample(webcam_frame: np.ndarray) -> None:
    gate = threading.Event()

    class GatedDetector:
        """Stands in for a detector far slower than the camera: holds each call until the test lets go."""

        def detect(self, image: np.ndarray) -> list:
            gate.wait(5.0)
            return []

    sampler = PresenceSampler(monitor=PresenceMonitor(), every_nth=1, detector=GatedDetector())  # type: ignore[arg-type]
    sampler.start()
    sampler.offer(webcam_frame, 0.0)
    wait_for(lambda: sampler._slot is None)  # the worker took frame 0 and is blocked in detect()
    for index in range(1, 6):
        sampler.offer(webcam_frame, index / FPS)
    gate.set()
    wait_for(lambda: sampler.stats.frames_detected == 2)
    sampler.stop(timeout=5.0)
    stats = sampler.stats
    assert (stats.frames_sampled, stats.frames_detected, stats.frames_replaced) == (6, 2, 4)
    assert sampler.monitor.samples == 2


def test_a_bad_frame_is_counted_and_monitoring_goes_on(webcam_frame: np.ndarray) -> None:
    sampler = PresenceSampler(monitor=PresenceMonitor(), every_nth=1)
    sampler.start()
    sampler.offer(np.zeros((4, 4), dtype=np.float64), 0.0)
    wait_for(lambda: sampler.stats.errors == 1)
    sampler.offer(webcam_frame, 0.04)
    wait_for(lambda: sampler.stats.frames_detected == 1)
    sampler.stop(timeout=5.0)
    assert isinstance(sampler.last_error, InvalidInput)


def test_stop_closes_open_flags_and_joins_the_thread() -> None:
    sampler = PresenceSampler(monitor=PresenceMonitor(PresenceSettings(absence_seconds=0.5)), every_nth=1)
    sampler.start()
    blank = np.full((480, 640, 3), 90, np.uint8)
    for index in range(3):
        before = sampler.stats.frames_detected
        sampler.offer(blank, index * 0.4)
        wait_for(lambda done=before: sampler.stats.frames_detected > done)
    [flag] = sampler.stop(finish_at_s=1.5, timeout=5.0)
    assert (flag.started_s, flag.raised_s, flag.ended_s) == (0.0, 0.8, 1.5)
    assert not sampler._thread.is_alive()  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="1 or more"):
        PresenceSampler(monitor=PresenceMonitor(), every_nth=0)


def test_the_demo_clip_raises_one_absence_while_the_candidate_is_away() -> None:
    """The committed demo video (real H.264 decoded by OpenCV) through the sampler, every 10th frame."""
    from pathlib import Path

    import cv2

    from assessdesk.services.capture.democlip import AWAY, DEFAULT_OUTPUT

    clip = Path(DEFAULT_OUTPUT)
    assert clip.is_file(), f"the demo clip {clip} is part of the repository"
    capture = cv2.VideoCapture(str(clip))
    fps = capture.get(cv2.CAP_PROP_FPS)
    events: list[PresenceEvent] = []
    sampler = PresenceSampler(monitor=PresenceMonitor(PresenceSettings(absence_seconds=2.0)), every_nth=10,
                              on_event=events.append)
    sampler.start()
    index = 0
    try:
        while index < 2000 and capture.grab():
            if index % 10 == 0:  # retrieve (decode to BGR) only the frames the sampler keeps
                ok, frame = capture.retrieve()
                assert ok
                before = sampler.stats.frames_detected
                assert sampler.offer(frame, index / fps)
                wait_for(lambda done=before: sampler.stats.frames_detected > done)
            else:
                sampler.offer(np.empty(0, np.uint8), index / fps)  # counted, never looked at
            index += 1
    finally:
        capture.release()
        flags = sampler.stop(finish_at_s=index / fps, timeout=5.0)
    assert index == 540
    [flag] = flags
    # The portrait slides out between AWAY[0] and AWAY[1] and back between AWAY[2] and AWAY[3].
    assert flag.kind is FlagKind.FACE_ABSENT
    assert AWAY[0] <= flag.started_s <= AWAY[1]
    assert flag.started_s + 2.0 < flag.raised_s <= flag.started_s + 2.0 + 1 / 3 + 1e-6  # first sample past N
    assert AWAY[2] <= flag.ended_s <= AWAY[3]
    assert [e.name for e in events] == [RAISED, CLEARED]
