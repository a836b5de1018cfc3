"""Real photographs shipped in scikit-image, turned into the BGR arrays the identity services take."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import skimage.data

from assessdesk.services.identity import PHOTO_SETTINGS, FaceBox, detect_faces


def to_bgr(rgb: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


def rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), borderMode=cv2.BORDER_REFLECT)


def lfw_photo(crop: np.ndarray) -> np.ndarray:
    """A 25x25 lfw_subset crop as a 170x170 photo: upscaled 4x and given a replicated 35 px margin.

    The crops are cut tight at the face; Haar needs some context around the face to fire.
    """
    big = cv2.resize(crop, (100, 100), interpolation=cv2.INTER_CUBIC)
    return cv2.cvtColor(cv2.copyMakeBorder(big, 35, 35, 35, 35, cv2.BORDER_REPLICATE), cv2.COLOR_GRAY2BGR)


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    """Eileen Collins' NASA portrait, 512x512; one frontal face at about (178, 69) 92x92."""
    return to_bgr(skimage.data.astronaut())


@pytest.fixture(scope="session")
def astronaut_variants(astronaut: np.ndarray) -> dict[str, np.ndarray]:
    """The same photo under the edits a second capture brings: light, small tilt, distance, framing."""
    return {
        "brighter": cv2.convertScaleAbs(astronaut, alpha=1.0, beta=40),
        "darker": cv2.convertScaleAbs(astronaut, alpha=0.6, beta=0),
        "tilted +8": rotate(astronaut, 8),
        "tilted -8": rotate(astronaut, -8),
        "half size": cv2.resize(astronaut, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA),
        "1.5x size": cv2.resize(astronaut, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC),
        "cropped": np.ascontiguousarray(astronaut[20:300, 100:380]),
        "mirrored": cv2.flip(astronaut, 1),
        "jpeg q40": cv2.imdecode(cv2.imencode(".jpg", astronaut, [cv2.IMWRITE_JPEG_QUALITY, 40])[1],
                                 cv2.IMREAD_COLOR),
    }


@pytest.fixture(scope="session")
def lfw_crops() -> np.ndarray:
    """200 crops of 25x25 grey: the first 100 are faces, the last 100 are background (skimage docs)."""
    crops = skimage.data.lfw_subset()
    return np.clip(np.rint(crops * 255.0), 0, 255).astype(np.uint8)


@pytest.fixture(scope="session")
def lfw_photos(lfw_crops: np.ndarray) -> list[np.ndarray]:
    """The 200 crops as BGR photos (see lfw_photo): indexes 0-99 faces, 100-199 backgrounds."""
    return [lfw_photo(crop) for crop in lfw_crops]


@pytest.fixture(scope="session")
def lfw_detections(lfw_photos: list[np.ndarray]) -> list[list[FaceBox]]:
    """Faces the photo detector finds in each of the 200 lfw photos (computed once: it is the slow part)."""
    return [detect_faces(photo, settings=PHOTO_SETTINGS) for photo in lfw_photos]


@pytest.fixture(scope="session")
def webcam_frame(astronaut: np.ndarray) -> np.ndarray:
    """A 640x480 frame with the portrait scaled to 400x400 at (x=120, y=40) on a plain wall."""
    frame = np.full((480, 640, 3), (96, 104, 110), dtype=np.uint8)
    frame[40:440, 120:520] = cv2.resize(astronaut, (400, 400), interpolation=cv2.INTER_AREA)
    return frame
