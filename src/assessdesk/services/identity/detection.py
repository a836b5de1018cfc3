"""Frontal face detection with OpenCV's Haar cascades, tuned for speed on live frames and for recall on photos."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from assessdesk.domain.errors import ConfigurationError
from assessdesk.services.identity.images import as_grey

# The cascade's own training window is 20x20 (haarcascade_frontalface_alt2.xml header); a smaller minimum
# only wastes time on windows the cascade cannot judge.
CASCADE_WINDOW_PX = 20


@dataclass(frozen=True, slots=True)
class FaceBox:
    """A detected face: an axis-aligned box in the pixel coordinates of the image it was found in."""

    x: int
    y: int
    width: int
    height: int

    @property
    def area(self) -> int:
        return self.width * self.height

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.width, self.height)


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    """How a frame is searched. Working on a downscaled, equalised grey copy is what makes it fast."""

    cascade: str = "haarcascade_frontalface_alt2.xml"
    working_width: int = 320          # frames wider than this are downscaled before the search
    min_face_fraction: float = 0.10   # smallest face searched, as a fraction of the working image's short side
    scale_factor: float = 1.15        # step between search scales; OpenCV's default 1.1 searches ~50% more
    min_neighbors: int = 5            # overlapping hits needed; OpenCV's default 3 lets through false faces


# Live frames (presence monitoring): about 0.15-0.2x the time of OpenCV's defaults on a 640x480 frame (see
# benchmarks/identity.py). Finds faces from about 72 px wide in a 640x480 frame (1/7 of its height; at 65 px
# only some placements); a wide shot of a workbench needs working_width=400 (finds 65 px, ~1.5x the time).
STREAM_SETTINGS = DetectorSettings()
# Single photos (check-in, ID document): precision and small faces matter more than speed.
PHOTO_SETTINGS = DetectorSettings(working_width=640, min_face_fraction=0.05, scale_factor=1.1, min_neighbors=6)


class FaceDetector:
    """One loaded cascade plus its settings; safe to share between threads (calls are serialised)."""

    def __init__(self, settings: DetectorSettings = STREAM_SETTINGS) -> None:
        self.settings = settings
        self._cascade, self._lock = _load_cascade(settings.cascade)

    def detect(self, image: np.ndarray) -> list[FaceBox]:
        """Faces in a grey/BGR/BGRA image, largest first, in the image's own coordinates."""
        grey = as_grey(image)
        height, width = grey.shape
        if height == 0 or width == 0:
            return []
        scale = min(1.0, self.settings.working_width / width)
        if scale < 1.0:
            grey = cv2.resize(grey, (round(width * scale), max(1, round(height * scale))),
                              interpolation=cv2.INTER_AREA)
        # Equalising after the resize costs a quarter of the pixels and evens out webcam exposure.
        work = cv2.equalizeHist(grey)
        side = max(CASCADE_WINDOW_PX, int(min(work.shape) * self.settings.min_face_fraction))
        if side > min(work.shape):
            return []
        with self._lock:
            found = self._cascade.detectMultiScale(work, scaleFactor=self.settings.scale_factor,
                                                   minNeighbors=self.settings.min_neighbors,
                                                   minSize=(side, side))
        boxes = [_rescale(tuple(int(v) for v in hit), scale, width, height) for hit in found]
        return sorted(boxes, key=lambda box: box.area, reverse=True)


def _rescale(hit: tuple[int, ...], scale: float, width: int, height: int) -> FaceBox:
    x, y, w, h = (round(v / scale) for v in hit)
    x, y = max(0, x), max(0, y)
    return FaceBox(x, y, min(w, width - x), min(h, height - y))


_cascades: dict[str, tuple[cv2.CascadeClassifier, threading.Lock]] = {}
_cascades_lock = threading.Lock()


def _load_cascade(name: str) -> tuple[cv2.CascadeClassifier, threading.Lock]:
    # Parsing the XML takes tens of ms, so each cascade is loaded once per process and shared. OpenCV does not
    # promise that one CascadeClassifier may run detectMultiScale concurrently, so each carries its own lock.
    with _cascades_lock:
        if name not in _cascades:
            path = Path(cv2.data.haarcascades) / name
            cascade = cv2.CascadeClassifier(str(path))
            if cascade.empty():
                raise ConfigurationError(f"The face detector data file {path} is missing or damaged.",
                                         hint="Reinstall the station software.")
            _cascades[name] = (cascade, threading.Lock())
        return _cascades[name]


_detectors: dict[DetectorSettings, FaceDetector] = {}
_detectors_lock = threading.Lock()


def detector_for(settings: DetectorSettings) -> FaceDetector:
    """The shared detector for these settings (built once per process)."""
    with _detectors_lock:
        if settings not in _detectors:
            _detectors[settings] = FaceDetector(settings)
        return _detectors[settings]


def detect_faces(image: np.ndarray, *, settings: DetectorSettings = STREAM_SETTINGS) -> list[FaceBox]:
    """Frontal faces in a BGR image, largest first. Defaults to the fast live-frame settings."""
    return detector_for(settings).detect(image)
