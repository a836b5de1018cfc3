"""Reading photos from disk and normalising arrays into the BGR uint8 images the identity services work on."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from assessdesk.domain.errors import InvalidInput


class ImageUnreadable(InvalidInput):
    """A photo file is missing, empty or not an image OpenCV can decode."""

    def __init__(self, message: str, *, path: Path | str) -> None:
        super().__init__(message, where=str(path),
                         hint="Choose a JPEG or PNG photo, or take the photo again.")
        self.path = Path(path)


def load_image(path: Path | str) -> np.ndarray:
    """Read a photo as a BGR uint8 array; raise ImageUnreadable with a proctor-readable reason otherwise."""
    file = Path(path)
    if not file.is_file():
        raise ImageUnreadable("the file does not exist or is not a file.", path=file)
    try:
        # np.fromfile + imdecode instead of cv2.imread: imread cannot open non-ASCII paths on Windows and
        # returns None without saying why.
        raw = np.fromfile(file, dtype=np.uint8)
    except OSError as exc:
        raise ImageUnreadable(f"the file could not be opened ({exc.strerror or exc}).", path=file) from exc
    if raw.size == 0:
        raise ImageUnreadable("the file is empty.", path=file)
    image = cv2.imdecode(raw, cv2.IMREAD_COLOR)
    if image is None:
        raise ImageUnreadable("the file is not a photo this station can read.", path=file)
    return image


def as_bgr(image: np.ndarray) -> np.ndarray:
    """Accept grey, BGR or BGRA uint8 arrays and return a 3-channel BGR view or copy."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise InvalidInput("an image must be an 8-bit numpy array (as OpenCV returns).", where="image")
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 3:
        return image
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    raise InvalidInput(f"an image of shape {image.shape} is neither grey nor colour.", where="image")


def as_grey(image: np.ndarray) -> np.ndarray:
    """The grey version of a grey, BGR or BGRA uint8 array."""
    if isinstance(image, np.ndarray) and image.dtype == np.uint8 and image.ndim == 2:
        return image
    return cv2.cvtColor(as_bgr(image), cv2.COLOR_BGR2GRAY)
