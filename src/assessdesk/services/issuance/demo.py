"""The demo profile's credentials: an issuer key, two recorded attempts scored and signed off (one credential then
revoked), and one passed attempt left in the approval queue whose evidence was never sealed (so sign-off is blocked
and the page says why)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.users import User
from assessdesk.services.issuance import approval, issuer, records
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as scoring_repo
from assessdesk.storage import station as station_repo
from assessdesk.storage import users as users_repo

DEMO_BASE_URL = "http://127.0.0.1:8765/"  # a local verification page; nothing listens there unless one is started
DEMO_ISSUER_NAME = "assessdesk demo awarding body"
# Levels for the demo forklift rubric (FL-1..FL-6, levels 0-3): 19 of 27 points against a pass mark of 16.
DEMO_LEVELS = {"FL-1": 2, "FL-2": 3, "FL-3": 2, "FL-4": 3, "FL-5": 2, "FL-6": 2}
FORKLIFT = "LOG-FORKLIFT-PREUSE"


def _user(ctx: StationContext, username: str) -> User:
    with ctx.db.session() as s:
        found = users_repo.by_username(s, username)
    assert found is not None, f"demo user {username} missing"
    return found[0]


def _score(ctx: StationContext, assessor: User, attempt_id: str) -> None:
    from assessdesk.services.scoring import sheets

    sheet = sheets.open_sheet(ctx, actor=assessor, attempt_id=attempt_id).sheet
    for criterion, level in DEMO_LEVELS.items():
        sheet = sheet.with_score(criterion, level=level)
    sheet = replace(sheet, signoff=True, comment="Confident, methodical inspection.")
    sheets.save_draft(ctx, actor=assessor, sheet=sheet)
    sheets.submit_sheet(ctx, actor=assessor, sheet_id=sheet.id)


def _forklift_awaiting_scores(ctx: StationContext, candidate_id: str) -> list[str]:
    with ctx.db.session() as s:
        return [f.id for f in scoring_repo.attempts_in_states(s, [AttemptState.AWAITING_SCORES])
                if f.candidate_id == candidate_id and f.credential_id == FORKLIFT]


def add_demo_credentials(ctx: StationContext, *, candidates: dict[str, str], on: date) -> None:
    """Needs the demo standards and Łukasz's recorded forklift attempt (issues 3 and 5) to be in place already."""
    from assessdesk.services.evidence.demo_recording import add_recorded_attempt

    admin, assessor, approver = _user(ctx, "admin"), _user(ctx, "assessor"), _user(ctx, "approver")
    issuer.create_issuer(ctx, actor=admin, name=DEMO_ISSUER_NAME, base_url=DEMO_BASE_URL, index_range=(0, 10_000))
    add_recorded_attempt(ctx, candidate_id=candidates["C-1003"], on=on)
    recorded = [a for ref in ("C-1001", "C-1003") for a in _forklift_awaiting_scores(ctx, candidates[ref])]
    # Samuel's attempt carries the standards demo's placeholder seal (no signed manifest): it passes scoring
    # but its sign-off stays blocked, which is what the approval page should show for such an attempt.
    unsealed = _forklift_awaiting_scores(ctx, candidates["C-1004"])
    with ctx.uow(admin.id) as uow:  # no sampled second marking while the demo scores its own attempts
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": 0.0})
    try:
        for attempt_id in recorded + unsealed:
            _score(ctx, assessor, attempt_id)
    finally:
        with ctx.uow(admin.id) as uow:
            station_repo.update_settings(uow.session, {"second_marking_sample_rate": None})
    issued = [approval.approve(ctx, actor=approver, attempt_id=a) for a in recorded]
    if len(issued) > 1:
        records.revoke(ctx, actor=approver, credential_id=issued[-1].credential_id,
                       reason="Demo: withdrawn after the candidate's employer reported a records mix-up.")
