"""Loading photos from disk and normalising arrays."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.identity import ImageUnreadable, load_image
from assessdesk.services.identity.images import as_bgr, as_grey


def test_png_round_trip_keeps_every_pixel(tmp_path: Path, astronaut: np.ndarray) -> None:
    path = tmp_path / "live photo é.png"  # non-ASCII on purpose: imread cannot open these on Windows
    assert cv2.imencode(".png", astronaut)[1].tofile(path) is None
    loaded = load_image(path)
    assert loaded.shape == (512, 512, 3)
    assert np.array_equal(loaded, astronaut)


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"GIF89a not really", "not a photo")])
def test_unreadable_files_raise_a_typed_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageUnreadable) as caught:
        load_image(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, InvalidInput)


def test_missing_file_and_folder_raise_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ImageUnreadable, match="does not exist"):
        load_image(tmp_path / "nope.png")
    with pytest.raises(ImageUnreadable, match="not a file"):
        load_image(tmp_path)


def test_grey_and_bgra_arrays_become_bgr(astronaut: np.ndarray) -> None:
    grey = cv2.cvtColor(astronaut, cv2.COLOR_BGR2GRAY)
    assert as_bgr(grey).shape == (512, 512, 3)
    bgra = cv2.cvtColor(astronaut, cv2.COLOR_BGR2BGRA)
    assert np.array_equal(as_bgr(bgra), astronaut)
    assert as_grey(grey) is grey


def test_float_or_odd_arrays_are_refused() -> None:
    with pytest.raises(InvalidInput, match="8-bit"):
        as_bgr(np.zeros((10, 10, 3), dtype=np.float32))
    with pytest.raises(InvalidInput, match="neither grey nor colour"):
        as_bgr(np.zeros((10, 10, 2), dtype=np.uint8))
