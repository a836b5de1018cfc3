"""Face descriptors and distances: dlib's ResNet model when installed, else a weaker LBPH fallback."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Literal, Protocol

import cv2
import numpy as np

from assessdesk.domain.errors import ConfigurationError
from assessdesk.services.identity.detection import FaceBox
from assessdesk.services.identity.images import as_bgr

# dlib's documented decision rule for dlib_face_recognition_resnet_model_v1: two faces whose 128-d descriptors
# are less than 0.6 apart (Euclidean) are taken as the same person; at that threshold the model is 99.38%
# accurate on the standard LFW benchmark (dlib's python_examples/face_recognition.py, and D. King, "High
# Quality Face Recognition with Deep Metric Learning", dlib blog, Feb 2017).
DLIB_DISTANCE_THRESHOLD = 0.6
# Chi-square distance between LBP histograms. Not from a publication: chosen on scikit-image's astronaut
# variants (same photo edited: <= 95) against the 100 lfw_subset faces (>= 117); see docs/identity.md.
LBPH_DISTANCE_THRESHOLD = 100.0

MODEL_FILES = ("shape_predictor_5_face_landmarks.dat", "dlib_face_recognition_resnet_model_v1.dat")

MethodChoice = Literal["auto", "dlib", "lbph"]


class FaceMatcher(Protocol):
    """Turns a face into a descriptor and two descriptors into a distance (smaller: more alike)."""

    method: str
    threshold: float
    fallback: bool
    note: str  # why this method was chosen (shown beside the score)

    def describe(self, image: np.ndarray, face: FaceBox) -> np.ndarray: ...

    def distance(self, a: np.ndarray, b: np.ndarray) -> float: ...


def find_model_dir() -> Path | None:
    """The face_recognition_models data folder, found without importing the package.

    Its __init__ imports pkg_resources (deprecated, absent from new setuptools), so only its location is read.
    """
    try:
        spec = importlib.util.find_spec("face_recognition_models")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        models = Path(location) / "models"
        if all((models / name).is_file() for name in MODEL_FILES):
            return models
    return None


class DlibResNetMatcher:
    """dlib's 128-d ResNet face descriptor, aligned with the 5-point landmark model, Euclidean distance."""

    method = "dlib ResNet face descriptor (dlib_face_recognition_resnet_model_v1, 5-point alignment)"
    threshold = DLIB_DISTANCE_THRESHOLD
    fallback = False
    note = ""

    def __init__(self, model_dir: Path) -> None:
        import dlib  # optional dependency (the [face] extra), imported only when used

        self._dlib = dlib
        try:
            self._shapes = dlib.shape_predictor(str(model_dir / MODEL_FILES[0]))
            self._net = dlib.face_recognition_model_v1(str(model_dir / MODEL_FILES[1]))
        except RuntimeError as exc:
            raise ConfigurationError(f"The face comparison model in {model_dir} could not be loaded ({exc}).",
                                     hint="Reinstall the face_recognition_models package.") from exc
        # dlib objects make no promise about concurrent use; comparisons are rare, so serialise them.
        self._lock = threading.Lock()

    def describe(self, image: np.ndarray, face: FaceBox) -> np.ndarray:
        rgb = cv2.cvtColor(as_bgr(image), cv2.COLOR_BGR2RGB)  # dlib expects RGB
        # dlib rectangles include their right and bottom edges.
        box = self._dlib.rectangle(face.x, face.y, face.x + face.width - 1, face.y + face.height - 1)
        with self._lock:
            landmarks = self._shapes(rgb, box)
            return np.asarray(self._net.compute_face_descriptor(rgb, landmarks), dtype=np.float64)

    def distance(self, a: np.ndarray, b: np.ndarray) -> float:
        return float(np.linalg.norm(a - b))


class LbphMatcher:
    """Local binary pattern histograms of the equalised grey face box (cv2.face); no landmark alignment."""

    method = "LBPH on equalised grey face crops (OpenCV cv2.face) - weaker fallback method"
    threshold = LBPH_DISTANCE_THRESHOLD
    fallback = True
    crop_px = 96

    def __init__(self, *, reason: str = "") -> None:
        if not hasattr(cv2, "face"):
            raise ConfigurationError("Face comparison is not available: this OpenCV build lacks cv2.face.",
                                     hint="Install opencv-contrib-python-headless (and only that OpenCV).")
        self.note = f"dlib unavailable: {reason}" if reason else "chosen explicitly"

    def describe(self, image: np.ndarray, face: FaceBox) -> np.ndarray:
        grey = cv2.cvtColor(as_bgr(image), cv2.COLOR_BGR2GRAY)
        crop = grey[face.y:face.y + face.height, face.x:face.x + face.width]
        crop = cv2.equalizeHist(cv2.resize(crop, (self.crop_px, self.crop_px), interpolation=cv2.INTER_AREA))
        # Radius 1, 8 neighbours, an 8x8 grid: the values Ahonen et al. (2006) and OpenCV's defaults use.
        recogniser = cv2.face.LBPHFaceRecognizer_create(radius=1, neighbors=8, grid_x=8, grid_y=8)
        recogniser.train([crop], np.array([0], dtype=np.int32))
        return np.asarray(recogniser.getHistograms()[0], dtype=np.float32)

    def distance(self, a: np.ndarray, b: np.ndarray) -> float:
        # The same chi-square variant LBPHFaceRecognizer.predict uses, so the threshold carries over.
        return float(cv2.compareHist(a, b, cv2.HISTCMP_CHISQR_ALT))


_cache: dict[tuple[str, Path | None], FaceMatcher] = {}
_cache_lock = threading.Lock()


def load_matcher(method: MethodChoice = "auto", *, model_dir: Path | None = None) -> FaceMatcher:
    """The matcher to use, loaded once per process. "auto" falls back to LBPH when dlib or its models are missing.

    Nothing is downloaded: the models come only from the installed face_recognition_models package (or model_dir).
    """
    key = (method, model_dir)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _build(method, model_dir)
        return _cache[key]


def dlib_unavailable_reason(model_dir: Path | None = None) -> str | None:
    """Why dlib comparison cannot run here, or None when it can."""
    if importlib.util.find_spec("dlib") is None:
        return "dlib is not installed"
    folder = model_dir or find_model_dir()
    if folder is None:
        return "the face_recognition_models package is not installed"
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    return f"model files missing from {folder}: {', '.join(missing)}" if missing else None


def _build(method: MethodChoice, model_dir: Path | None) -> FaceMatcher:
    if method == "lbph":
        return LbphMatcher()
    reason = dlib_unavailable_reason(model_dir)
    if reason is None:
        try:
            return DlibResNetMatcher(model_dir or find_model_dir())  # type: ignore[arg-type]
        except ImportError as exc:  # installed but broken (e.g. a missing shared library)
            reason = f"dlib could not be loaded ({exc})"
    if method == "dlib":
        raise ConfigurationError(f"Face comparison with dlib is not available: {reason}.",
                                 hint="Install the station's [face] extra (dlib-bin, face_recognition_models).")
    return LbphMatcher(reason=reason)
