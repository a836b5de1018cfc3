"""Quality warnings for an identity photo: no face, several faces, face too small, too dark, blurred."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import cv2
import numpy as np

from assessdesk.services.identity.detection import PHOTO_SETTINGS, DetectorSettings, FaceBox, detect_faces
from assessdesk.services.identity.images import as_bgr

# Sharpness is measured on the face scaled to this width and histogram-equalised, so the figure does not depend
# on the camera's resolution or on exposure (a dark face would otherwise read as blurred).
SHARPNESS_FACE_WIDTH_PX = 128


class WarningCode(StrEnum):
    NO_FACE = "no_face"
    MULTIPLE_FACES = "multiple_faces"
    FACE_TOO_SMALL = "face_too_small"
    TOO_DARK = "too_dark"
    BLURRED = "blurred"


@dataclass(frozen=True, slots=True)
class QualityThresholds:
    """Named limits below which a photo is flagged. Calibrated on scikit-image's sample photos (docs/identity.md)."""

    # Face width in the photo's own pixels. dlib's recogniser works on 150x150 face chips
    # (dlib_face_recognition_resnet_model_v1), so a face much narrower than that is being upsampled.
    min_face_width_px: int = 80
    # Mean grey level (0-255) of the face, or of the whole photo when no face was found.
    min_brightness: float = 60.0
    # Variance of the Laplacian of the equalised face at SHARPNESS_FACE_WIDTH_PX. A sharp webcam face reads
    # 300-1000; a Gaussian blur of sigma 1.2 px on a 512 px portrait already drops it below 80.
    min_sharpness: float = 100.0


DEFAULT_THRESHOLDS = QualityThresholds()


@dataclass(frozen=True, slots=True)
class QualityWarning:
    code: WarningCode
    message: str
    measured: float | None = None
    threshold: float | None = None


@dataclass(frozen=True, slots=True)
class PhotoAssessment:
    """What the station found in one photo: faces (largest first), measurements and warnings."""

    width: int
    height: int
    faces: tuple[FaceBox, ...]
    brightness: float
    sharpness: float | None
    warnings: tuple[QualityWarning, ...] = field(default=())

    @property
    def face(self) -> FaceBox | None:
        """The largest face: the one compared when there are several."""
        return self.faces[0] if self.faces else None

    @property
    def ok(self) -> bool:
        return not self.warnings

    def has(self, code: WarningCode) -> bool:
        return any(w.code == code for w in self.warnings)


def assess_photo(image: np.ndarray, *, thresholds: QualityThresholds = DEFAULT_THRESHOLDS,
                 settings: DetectorSettings = PHOTO_SETTINGS) -> PhotoAssessment:
    """Find faces in a BGR photo and say, in a proctor's words, what makes it a poor identity photo."""
    bgr = as_bgr(image)
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    height, width = grey.shape
    faces = tuple(detect_faces(bgr, settings=settings))
    warnings: list[QualityWarning] = []
    face = faces[0] if faces else None
    region = grey[face.y:face.y + face.height, face.x:face.x + face.width] if face else grey
    brightness = float(region.mean()) if region.size else 0.0
    sharpness = _sharpness(region) if face else None

    if not faces:
        warnings.append(QualityWarning(
            WarningCode.NO_FACE, "No face was found. Ask the candidate to face the camera, "
                                 "uncovered, and take the photo again."))
    elif len(faces) > 1:
        warnings.append(QualityWarning(
            WarningCode.MULTIPLE_FACES, f"{len(faces)} faces were found. Only the candidate should be in the "
                                        "photo; the largest face is the one compared.",
            measured=float(len(faces)), threshold=1.0))
    if face and face.width < thresholds.min_face_width_px:
        warnings.append(QualityWarning(
            WarningCode.FACE_TOO_SMALL, f"The face is too small ({face.width} pixels wide, at least "
                                        f"{thresholds.min_face_width_px} needed). Move the camera closer.",
            measured=float(face.width), threshold=float(thresholds.min_face_width_px)))
    if brightness < thresholds.min_brightness:
        where = "face" if face else "photo"
        warnings.append(QualityWarning(
            WarningCode.TOO_DARK, f"The {where} is too dark. Add light in front of the candidate "
                                  "(not behind) and take the photo again.",
            measured=round(brightness, 1), threshold=thresholds.min_brightness))
    if sharpness is not None and sharpness < thresholds.min_sharpness:
        warnings.append(QualityWarning(
            WarningCode.BLURRED, "The face is blurred. Ask the candidate to hold still, check the camera "
                                 "focus, and take the photo again.",
            measured=round(sharpness, 1), threshold=thresholds.min_sharpness))
    return PhotoAssessment(width=width, height=height, faces=faces, brightness=round(brightness, 1),
                           sharpness=None if sharpness is None else round(sharpness, 1),
                           warnings=tuple(warnings))


def _sharpness(face_grey: np.ndarray) -> float:
    side = SHARPNESS_FACE_WIDTH_PX
    scaled = cv2.resize(face_grey, (side, side),
                        interpolation=cv2.INTER_AREA if face_grey.shape[1] >= side else cv2.INTER_CUBIC)
    return float(cv2.Laplacian(cv2.equalizeHist(scaled), cv2.CV_64F).var())
