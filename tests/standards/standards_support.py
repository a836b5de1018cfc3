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


def awaiting_attempt(ctx, credential: str, ref: str, *, candidate_id: str | None = None,  # type: ignore[no-untyped-def]
                     on: str | None = None, kinds: list[str] | None = None) -> str:
    """A fresh attempt driven through the state machine to awaiting_scores (what the demo has, but owned by the
    test, so other demo content that scores the demo's attempts cannot take it away)."""
    from datetime import date, timedelta

    from assessdesk.domain.ids import new_id
    from assessdesk.domain.schedule import Candidate, Sitting
    from assessdesk.services import attempts as attempt_service
    from assessdesk.services.standards.demo import DEMO_EVIDENCE, TO_AWAITING_SCORES
    from assessdesk.storage import schedule
    from assessdesk.storage import users as users_repo

    with ctx.db.session() as s:
        proctor = users_repo.by_username(s, "proctor")[0]
    day = on or (date.today() - timedelta(days=1)).isoformat()
    with ctx.uow(proctor.id) as uow:
        sitting = schedule.add_sitting(uow.session, Sitting(new_id(), f"Test sitting {credential}", "Test site", day,
                                                            "08:00"))
        if candidate_id is None:
            candidate_id = schedule.add_candidate(uow.session, Candidate(new_id(), "Test", f"Candidate {credential}")).id
    attempt_id = attempt_service.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id, candidate_id=candidate_id,
                                                  credential_id=credential, rubric_ref=ref)
    for event_type in TO_AWAITING_SCORES:
        attempt_service.transition(ctx, actor=proctor, attempt_id=attempt_id, event_type=event_type)
    attempt_service.transition(ctx, actor=proctor, attempt_id=attempt_id, event_type="evidence.sealed",
                               payload={"evidence_kinds": kinds if kinds is not None else DEMO_EVIDENCE[credential]})
    return attempt_id
