"""Comparing photos: the same face matches across recaptures, other people's faces do not, fallback is labelled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import skimage.data

from assessdesk.domain.errors import ConfigurationError
from assessdesk.services.identity import (
    PHOTO_SETTINGS,
    Comparison,
    FaceBox,
    compare_photos,
    detect_faces,
    load_matcher,
    similarity_from_distance,
)
from assessdesk.services.identity.matchers import DLIB_DISTANCE_THRESHOLD, find_model_dir

SAME_PHOTO_EDITS = ["brighter", "darker", "tilted +8", "tilted -8", "half size", "1.5x size", "cropped",
                    "mirrored", "jpeg q40"]


def test_similarity_is_anchored_on_the_threshold() -> None:
    assert similarity_from_distance(0.0, 0.6) == 1.0
    assert similarity_from_distance(0.6, 0.6) == pytest.approx(0.5)
    assert similarity_from_distance(0.3, 0.6) == pytest.approx(0.75)
    assert similarity_from_distance(5.0, 0.6) == 0.0


def test_dlib_is_used_when_installed_and_its_threshold_is_dlibs() -> None:
    matcher = load_matcher()
    assert not matcher.fallback
    assert matcher.threshold == DLIB_DISTANCE_THRESHOLD == 0.6
    assert "dlib ResNet" in matcher.method


@pytest.fixture(scope="module")
def reference(astronaut: np.ndarray) -> np.ndarray:
    """The astronaut's dlib descriptor, computed once."""
    return load_matcher().describe(astronaut, detect_faces(astronaut, settings=PHOTO_SETTINGS)[0])


@pytest.fixture(scope="module")
def darker_comparison(astronaut: np.ndarray, astronaut_variants: dict[str, np.ndarray]) -> Comparison:
    return compare_photos(astronaut, astronaut_variants["darker"])


def test_compare_photos_end_to_end(darker_comparison: Comparison) -> None:
    result = darker_comparison
    assert result.compared and result.match and not result.fallback
    assert result.distance is not None and result.distance < 0.3
    assert result.similarity == pytest.approx(similarity_from_distance(result.distance, 0.6), abs=1e-3)
    assert len(result.photo_a.faces) == len(result.photo_b.faces) == 1
    assert result.photo_a.ok and result.photo_b.ok


@pytest.mark.parametrize("name", SAME_PHOTO_EDITS)
def test_the_astronaut_matches_herself_under_capture_changes(
        reference: np.ndarray, astronaut_variants: dict[str, np.ndarray], name: str) -> None:
    matcher, photo = load_matcher(), astronaut_variants[name]
    faces = detect_faces(photo, settings=PHOTO_SETTINGS)
    assert len(faces) == 1
    distance = matcher.distance(reference, matcher.describe(photo, faces[0]))
    assert distance < 0.3  # measured 0.00-0.21 (docs/identity.md); dlib's threshold is 0.6
    assert similarity_from_distance(distance, matcher.threshold) > 0.75


def test_lfw_faces_do_not_match_the_astronaut(reference: np.ndarray, lfw_photos: list[np.ndarray],
                                              lfw_detections: list[list[FaceBox]]) -> None:
    # Every fourth face of the 100 keeps the run short (a dlib descriptor costs ~0.1 s);
    # benchmarks/identity.py --accuracy does all 100.
    matcher = load_matcher()
    distances = [matcher.distance(reference, matcher.describe(lfw_photos[i], lfw_detections[i][0]))
                 for i in range(0, 100, 4) if lfw_detections[i]]
    assert len(distances) >= 23
    false_accepts = sum(d < matcher.threshold for d in distances)
    assert false_accepts == 0, sorted(distances)[:3]
    assert np.median(distances) > 0.7


def test_a_photo_without_a_face_is_not_compared(astronaut: np.ndarray) -> None:
    coffee = cv2.cvtColor(skimage.data.coffee(), cv2.COLOR_RGB2BGR)
    result = compare_photos(coffee, astronaut)
    assert not result.compared and not result.match
    assert result.similarity is None and result.distance is None
    assert result.note == "Not compared: no face found in photo A."
    assert result.photo_a.warnings[0].code == "no_face"


def test_the_result_serialises_to_plain_json_types(astronaut: np.ndarray, darker_comparison: Comparison) -> None:
    import json

    data = darker_comparison.to_dict()
    text = json.dumps(data)
    assert data["method"].startswith("dlib ResNet") and data["threshold"] == 0.6 and data["match"] is True
    assert data["photo_a"]["faces"] == [list(detect_faces(astronaut, settings=PHOTO_SETTINGS)[0].as_tuple())]
    assert '"fallback": false' in text


def test_without_the_models_auto_falls_back_to_lbph_and_says_so(tmp_path: Path) -> None:
    matcher = load_matcher("auto", model_dir=tmp_path)  # an empty folder stands in for a missing package
    assert matcher.fallback and "weaker fallback method" in matcher.method
    assert "model files missing" in matcher.note
    with pytest.raises(ConfigurationError, match="not available"):
        load_matcher("dlib", model_dir=tmp_path)


def test_lbph_fallback_end_to_end_is_labelled(darker_comparison: Comparison, astronaut: np.ndarray,
                                              astronaut_variants: dict[str, np.ndarray]) -> None:
    result = compare_photos(astronaut, astronaut_variants["darker"], method="lbph")
    assert result.fallback and "weaker fallback method" in result.method
    assert result.threshold == 100.0 and result.match
    assert result.photo_a == darker_comparison.photo_a  # same detection and warnings whatever the method


@pytest.mark.parametrize("name", SAME_PHOTO_EDITS)
def test_lbph_fallback_matches_the_same_photo(astronaut: np.ndarray, astronaut_variants: dict[str, np.ndarray],
                                              name: str) -> None:
    matcher, photo = load_matcher("lbph"), astronaut_variants[name]
    own = matcher.describe(astronaut, detect_faces(astronaut, settings=PHOTO_SETTINGS)[0])
    distance = matcher.distance(own, matcher.describe(photo, detect_faces(photo, settings=PHOTO_SETTINGS)[0]))
    assert distance < matcher.threshold  # measured 36-93 against 100 (docs/identity.md)


def test_lbph_fallback_rejects_lfw_faces(astronaut: np.ndarray, lfw_photos: list[np.ndarray],
                                         lfw_detections: list[list[FaceBox]]) -> None:
    matcher = load_matcher("lbph")
    own = matcher.describe(astronaut, detect_faces(astronaut, settings=PHOTO_SETTINGS)[0])
    distances = [matcher.distance(own, matcher.describe(lfw_photos[i], lfw_detections[i][0]))
                 for i in range(100) if lfw_detections[i]]
    assert sum(d < matcher.threshold for d in distances) == 0, min(distances)


def test_models_are_found_without_importing_the_package_or_pkg_resources() -> None:
    assert find_model_dir() is not None
    code = ("import sys; from assessdesk.services.identity import load_matcher; m = load_matcher(); "
            "assert not m.fallback; "
            "print(sorted(n for n in ('face_recognition_models', 'pkg_resources') if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_without_dlib_auto_falls_back_and_compares() -> None:
    # A fresh interpreter where `import dlib` fails, as on a station installed without the [face] extra.
    code = ("import sys; sys.modules['dlib'] = None\n"
            "import cv2, skimage.data\n"
            "from assessdesk.services.identity import compare_photos\n"
            "a = cv2.cvtColor(skimage.data.astronaut(), cv2.COLOR_RGB2BGR)\n"
            "r = compare_photos(a, cv2.convertScaleAbs(a, alpha=0.6))\n"
            "print(r.fallback, r.match, r.note)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "True True dlib unavailable: dlib is not installed"
