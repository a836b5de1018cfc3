"""Identity services: face detection, photo quality, photo comparison and presence monitoring (no Qt)."""

from assessdesk.services.identity.comparison import Comparison, compare_photos, similarity_from_distance
from assessdesk.services.identity.detection import (
    PHOTO_SETTINGS,
    STREAM_SETTINGS,
    DetectorSettings,
    FaceBox,
    FaceDetector,
    detect_faces,
)
from assessdesk.services.identity.images import ImageUnreadable, load_image
from assessdesk.services.identity.matchers import FaceMatcher, load_matcher
from assessdesk.services.identity.presence import (
    FlagKind,
    PresenceEvent,
    PresenceFlag,
    PresenceMonitor,
    PresenceSettings,
)
from assessdesk.services.identity.quality import (
    PhotoAssessment,
    QualityThresholds,
    QualityWarning,
    WarningCode,
    assess_photo,
)
from assessdesk.services.identity.sampler import PresenceSampler, SamplerStats

__all__ = [
    "PHOTO_SETTINGS", "STREAM_SETTINGS", "Comparison", "DetectorSettings", "FaceBox", "FaceDetector",
    "FaceMatcher", "FlagKind", "ImageUnreadable", "PhotoAssessment", "PresenceEvent", "PresenceFlag",
    "PresenceMonitor", "PresenceSampler", "PresenceSettings", "QualityThresholds", "QualityWarning",
    "SamplerStats", "WarningCode", "assess_photo", "compare_photos", "detect_faces", "load_image",
    "load_matcher", "similarity_from_distance",
]
