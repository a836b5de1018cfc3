"""`assessdesk identity compare` on real files: text and JSON output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
import skimage.data

from assessdesk.cli import main


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory, astronaut: np.ndarray,
           astronaut_variants: dict[str, np.ndarray]) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("photos")
    paths = {"live": folder / "live.jpg", "enrolled": folder / "enrolled.png", "coffee": folder / "coffee.png",
             "broken": folder / "broken.jpg"}
    cv2.imwrite(str(paths["live"]), astronaut_variants["brighter"])
    cv2.imwrite(str(paths["enrolled"]), astronaut)
    cv2.imwrite(str(paths["coffee"]), cv2.cvtColor(skimage.data.coffee(), cv2.COLOR_RGB2BGR))
    paths["broken"].write_bytes(b"\xff\xd8\xff truncated jpeg")
    return paths


def test_text_output_names_faces_method_threshold_and_score(photos: dict[str, Path],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identity", "compare", str(photos["live"]), str(photos["enrolled"])]) == 0
    out = capsys.readouterr().out
    assert "faces found: 1" in out
    assert "Method: dlib ResNet" in out
    assert "match below 0.6): faces match" in out
    assert "the proctor decides" in out


def test_json_output_and_no_face_still_exits_zero(photos: dict[str, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identity", "compare", str(photos["live"]), str(photos["coffee"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["match"] is False and data["similarity"] is None
    assert data["photo_b"]["faces"] == [] and data["photo_b"]["warnings"][0]["code"] == "no_face"
    assert data["photo_b"]["path"] == str(photos["coffee"])
    assert data["threshold"] == 0.6


def test_the_fallback_is_labelled_in_the_output(photos: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identity", "compare", str(photos["live"]), str(photos["enrolled"]), "--method", "lbph"]) == 0
    out = capsys.readouterr().out
    assert "- weaker fallback method" in out and "give the score less weight" in out


@pytest.mark.parametrize("which", ["broken", "missing"])
def test_an_unreadable_photo_exits_2_with_a_clear_message(photos: dict[str, Path], which: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = photos["broken"] if which == "broken" else photos["live"].with_name("nowhere.jpg")
    assert main(["identity", "compare", str(photos["live"]), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(bad) in err and "Choose a JPEG or PNG photo" in err
