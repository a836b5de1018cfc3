"""Helpers for standards and scoring tests: the demo package as a dict and a smaller valid package."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "standards" / "demo-operations.json"


def demo_doc() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def small_doc() -> dict[str, Any]:
    """A small valid package (forklift credential and rubric, a checklist): fast to validate many times."""
    doc = demo_doc()
    keep = {"LOG-SAFE-001", "LOG-SAFE-002", "LOG-SAFE-003", "QS-AUD-001", "QS-AUD-002"}
    doc["competencies"] = [c for c in doc["competencies"] if c["id"] in keep]
    doc["credentials"] = [c for c in doc["credentials"] if c["id"] in ("LOG-FORKLIFT-PREUSE", "QS-WAREHOUSE-AUDIT")]
    doc["rubrics"] = [r for r in doc["rubrics"] if r["id"] == "RUB-FORKLIFT"]
    return copy.deepcopy(doc)


def write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
