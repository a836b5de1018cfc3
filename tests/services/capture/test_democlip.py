"""The committed demo clip: small, 640x480, a face in view except for a ~3 s absence."""

from __future__ import annotations

from pathlib import Path

import cv2

from assessdesk.services.capture import VideoFileSource
from assessdesk.services.capture.democlip import AWAY, FPS

CLIP = Path(__file__).resolve().parents[3] / "resources" / "demo" / "sample_clip.mp4"


def test_clip_is_small_and_shaped_like_a_webcam() -> None:
    assert CLIP.is_file(), "build it: python -m assessdesk.services.capture.democlip"
    assert CLIP.stat().st_size < 3_000_000
    source = VideoFileSource(CLIP, paced=False)
    source.open()
    assert source.size == (640, 480) and source.fps == FPS
    source.close()


def test_a_face_is_seen_except_while_the_candidate_is_away() -> None:
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    cap = cv2.VideoCapture(str(CLIP))
    present, absent, frames = [], [], 0
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        t = frames / FPS
        frames += 1
        if frames % 15:
            continue  # every half second is plenty and keeps this quick; grab() would not be faster for H.264
        small = cv2.resize(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), (320, 240))
        faces = cascade.detectMultiScale(small, 1.1, 5, minSize=(24, 24))
        if AWAY[1] <= t <= AWAY[2]:
            absent.append(len(faces))
        elif t < AWAY[0] or t > AWAY[3]:
            present.append(len(faces) >= 1)
    assert 15 * FPS <= frames <= 20 * FPS
    assert absent and max(absent) == 0  # nobody in view for the whole stretch (3 s)
    assert sum(present) / len(present) >= 0.95
