"""`assessdesk camera list|test` through the real command dispatcher."""

from __future__ import annotations

import json

from assessdesk.cli import main


def test_camera_test_reads_records_and_reads_back_the_test_pattern(capsys) -> None:
    code = main(["camera", "test", "--camera", "synthetic:320x240@30", "--seconds", "1", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["width"] == 320 and out["height"] == 240 and out["frames"] >= 10
    assert out["recorded_frames"] == out["frames"] and out["encoder"] == "ffmpeg-libx264"


def test_camera_test_on_a_missing_camera_exits_2_with_advice(capsys) -> None:
    assert main(["camera", "test", "--camera", "93", "--seconds", "0.2"]) == 2
    err = capsys.readouterr().err
    assert "No camera was found as camera 93" in err and "plugged in" in err


def test_camera_list_prints_json(capsys) -> None:
    assert main(["camera", "list", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)  # no camera on a CI machine: an empty list
