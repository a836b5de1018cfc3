"""The tuned Haar detector on real photographs: finds the faces, ignores non-faces, loads its cascade once."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import skimage.data

from assessdesk.services.identity import PHOTO_SETTINGS, STREAM_SETTINGS, FaceBox, FaceDetector, detect_faces
from assessdesk.services.identity.detection import DetectorSettings, detector_for


def overlap(a: FaceBox, b: FaceBox) -> float:
    """Intersection over union of two boxes."""
    w = max(0, min(a.x + a.width, b.x + b.width) - max(a.x, b.x))
    h = max(0, min(a.y + a.height, b.y + b.height) - max(a.y, b.y))
    return w * h / (a.area + b.area - w * h)


ASTRONAUT_FACE = FaceBox(178, 68, 92, 92)  # measured once with OpenCV's default parameters at full size


@pytest.mark.parametrize("settings", [STREAM_SETTINGS, PHOTO_SETTINGS], ids=["stream", "photo"])
def test_finds_the_one_face_in_the_astronaut_portrait(astronaut: np.ndarray, settings: DetectorSettings) -> None:
    faces = detect_faces(astronaut, settings=settings)
    assert len(faces) == 1
    assert overlap(faces[0], ASTRONAUT_FACE) > 0.7


def test_boxes_come_back_in_the_frames_own_coordinates(webcam_frame: np.ndarray) -> None:
    faces = detect_faces(webcam_frame)
    assert len(faces) == 1
    # The portrait was scaled 400/512 and placed at (120, 40).
    k = 400 / 512
    expected = FaceBox(round(120 + ASTRONAUT_FACE.x * k), round(40 + ASTRONAUT_FACE.y * k),
                       round(ASTRONAUT_FACE.width * k), round(ASTRONAUT_FACE.height * k))
    assert overlap(faces[0], expected) > 0.6


@pytest.mark.parametrize("name", ["brighter", "darker", "tilted +8", "tilted -8", "half size", "1.5x size",
                                  "cropped", "mirrored", "jpeg q40"])
def test_finds_the_face_under_capture_changes(astronaut_variants: dict[str, np.ndarray], name: str) -> None:
    assert len(detect_faces(astronaut_variants[name], settings=PHOTO_SETTINGS)) == 1
    assert len(detect_faces(astronaut_variants[name])) == 1


@pytest.mark.parametrize("name", ["coffee", "chelsea", "rocket", "coins", "moon", "text", "page",
                                  "immunohistochemistry", "brick", "grass", "gravel"])
def test_non_face_photos_give_no_face(name: str) -> None:
    # chelsea is a cat: the human frontal cascade does not fire on it (there are separate cat cascades).
    image = getattr(skimage.data, name)()
    image = cv2.cvtColor(image[..., :3], cv2.COLOR_RGB2BGR) if image.ndim == 3 else cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    assert detect_faces(image) == []
    assert detect_faces(image, settings=PHOTO_SETTINGS) == []


def test_lfw_subset_faces_found_and_backgrounds_ignored(lfw_detections: list[list[FaceBox]]) -> None:
    found = [len(boxes) for boxes in lfw_detections]
    faces, backgrounds = found[:100], found[100:]
    # Measured: 98 of 100 faces, 0 of 100 backgrounds (docs/identity.md).
    assert sum(n == 1 for n in faces) >= 95
    assert sum(n > 0 for n in backgrounds) <= 2


def test_a_blank_frame_and_a_tiny_frame_have_no_face() -> None:
    assert detect_faces(np.full((480, 640, 3), 128, np.uint8)) == []
    assert detect_faces(np.zeros((10, 10), np.uint8)) == []
    assert detect_faces(np.zeros((0, 0), np.uint8)) == []


def test_largest_face_comes_first(astronaut: np.ndarray) -> None:
    wide = np.full((512, 1024, 3), 100, np.uint8)
    wide[:, :512] = astronaut
    wide[128:384, 640:896] = cv2.resize(astronaut, (256, 256), interpolation=cv2.INTER_AREA)
    faces = detect_faces(wide, settings=PHOTO_SETTINGS)
    assert len(faces) == 2
    assert faces[0].area > faces[1].area
    assert faces[0].x < 512 < faces[1].x


def test_cascade_is_loaded_once_and_detectors_are_shared() -> None:
    assert detector_for(STREAM_SETTINGS) is detector_for(STREAM_SETTINGS)
    a, b = FaceDetector(STREAM_SETTINGS), FaceDetector(PHOTO_SETTINGS)
    assert a._cascade is b._cascade  # same XML, parsed once per process


def test_a_missing_cascade_is_a_configuration_error() -> None:
    from assessdesk.domain.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="missing or damaged"):
        FaceDetector(DetectorSettings(cascade="haarcascade_does_not_exist.xml"))
