"""`assessdesk standards validate | import | export | diff` on real files and a real profile."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from standards_support import DEMO, demo_doc, write

from assessdesk.cli import main


@pytest.fixture
def profile(demo_profile_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, target)
    return target


def test_validate_lists_every_problem_with_file_and_pointer(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["standards", "validate", str(DEMO), "--standalone"]) == 0
    doc = demo_doc()
    doc["rubrics"][0]["criteria"][1]["competency_id"] = "LOG-NOPE-999"
    doc["competencies"][2]["effective_to"] = "2024-01-01"
    doc["credentials"].append(json.loads(json.dumps(doc["credentials"][0])))
    bad = write(tmp_path / "bad.json", doc)
    capsys.readouterr()
    assert main(["standards", "validate", str(bad), "--standalone", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    pointers = {p["pointer"] for p in report["problems"]}
    assert {"/rubrics/0/criteria/1/competency_id", "/competencies/2/effective_to", "/credentials/5/id"} <= pointers
    assert main(["standards", "validate", str(bad), "--standalone"]) == 1
    assert f"{bad}: /rubrics/0/criteria/1/competency_id: names the unknown competency" in capsys.readouterr().out


def test_import_is_idempotent_export_round_trips_and_diff_shows_changes(profile: Path, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                                        monkeypatch) -> None:
    monkeypatch.setenv("ASSESSDESK_PASSWORD", "demo-admin-1")
    assert main(["standards", "import", str(DEMO), "--profile", str(profile), "--user", "admin"]) == 0
    assert "already in the library; nothing changed" in capsys.readouterr().out
    out = tmp_path / "library.json"
    assert main(["standards", "export", "--profile", str(profile), "--out", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported["rubrics"]) == 4 and len(exported["checklists"]) == 1
    assert main(["standards", "validate", str(out), "--standalone"]) == 0
    capsys.readouterr()
    doc = demo_doc()
    doc["version"] = "2026.1"
    rubric = next(r for r in doc["rubrics"] if r["id"] == "RUB-CX-CALL")
    rubric.update(version=2, effective_from="2027-01-01")
    rubric["criteria"][0]["weight"] = 2
    new = write(tmp_path / "new.json", doc)
    assert main(["standards", "diff", str(new), "--profile", str(profile)]) == 0
    text = capsys.readouterr().out
    assert "new version: rubric RUB-CX-CALL@2 (replaces @1 from its effective date)" in text
    assert "/criteria/CX-1/weight: 1 -> 2" in text and "/effective_from: '2025-01-01' -> '2027-01-01'" in text
    assert main(["standards", "diff", str(new), "--against", str(DEMO)]) == 0
    assert "RUB-CX-CALL@2" in capsys.readouterr().out
    assert main(["standards", "import", str(new), "--profile", str(profile), "--user", "admin"]) == 0
    assert "+ rubric RUB-CX-CALL@2" in capsys.readouterr().out
    monkeypatch.setenv("ASSESSDESK_PASSWORD", "demo-proctor-1")
    assert main(["standards", "import", str(new), "--profile", str(profile), "--user", "proctor"]) == 2
    assert "do not allow 'standards.import'" in capsys.readouterr().err
