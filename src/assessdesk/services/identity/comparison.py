"""Comparing the live photo with the enrolled or ID photo: an aid for the proctor, who makes the decision."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from assessdesk.services.identity.matchers import FaceMatcher, MethodChoice, load_matcher
from assessdesk.services.identity.quality import (
    DEFAULT_THRESHOLDS,
    PhotoAssessment,
    QualityThresholds,
    assess_photo,
)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two photos, recorded with the proctor's decision."""

    photo_a: PhotoAssessment
    photo_b: PhotoAssessment
    similarity: float | None   # 0..1; 0.5 exactly at the threshold; None when a photo has no face
    distance: float | None     # the method's own distance between the two largest faces
    method: str
    fallback: bool             # True: a weaker fallback method produced the score
    threshold: float           # distance below which `match` is True (dlib: below 0.6)
    match: bool                # an aid; the proctor decides
    note: str = ""

    @property
    def compared(self) -> bool:
        return self.distance is not None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (warning codes as strings, face boxes as [x, y, w, h])."""
        data = asdict(self)
        for key, photo in (("photo_a", self.photo_a), ("photo_b", self.photo_b)):
            data[key]["faces"] = [list(face.as_tuple()) for face in photo.faces]
            data[key]["warnings"] = [{"code": str(w.code), "message": w.message, "measured": w.measured,
                                      "threshold": w.threshold} for w in photo.warnings]
        return data


def similarity_from_distance(distance: float, threshold: float) -> float:
    """Map a distance to 0..1 so that 0 -> 1.0, the threshold -> 0.5 and twice the threshold or more -> 0.0.

    Linear and anchored on the method's own threshold, so "above 0.5" means the same for every method.
    """
    return float(np.clip(1.0 - distance / (2.0 * threshold), 0.0, 1.0))


def compare_photos(a: np.ndarray, b: np.ndarray, *, method: MethodChoice = "auto",
                   matcher: FaceMatcher | None = None,
                   thresholds: QualityThresholds = DEFAULT_THRESHOLDS) -> Comparison:
    """Assess both BGR photos and compare their largest faces with the best available method."""
    chosen = matcher or load_matcher(method)
    photo_a, photo_b = assess_photo(a, thresholds=thresholds), assess_photo(b, thresholds=thresholds)
    base = {"photo_a": photo_a, "photo_b": photo_b, "method": chosen.method, "fallback": chosen.fallback,
            "threshold": chosen.threshold}
    if photo_a.face is None or photo_b.face is None:
        which = " and ".join(name for name, p in (("A", photo_a), ("B", photo_b)) if p.face is None)
        return Comparison(**base, similarity=None, distance=None, match=False,
                          note=f"Not compared: no face found in photo {which}.")
    distance = chosen.distance(chosen.describe(a, photo_a.face), chosen.describe(b, photo_b.face))
    return Comparison(**base, similarity=round(similarity_from_distance(distance, chosen.threshold), 3),
                      distance=round(distance, 4), match=distance < chosen.threshold, note=chosen.note)
