"""The scoring page wired to the other features: the certification gate's refusal in the assessor's words."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.scoring import SheetRole

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "standards"))
from standards_support import awaiting_attempt
from test_scoring_pages import attempt_state, no_sampling, open_by_keyboard


def _users(ctx, *names: str):  # type: ignore[no-untyped-def]
    from assessdesk.storage import users as users_repo

    with ctx.db.session() as s:
        return [users_repo.by_username(s, n)[0] for n in names]


def test_an_uncertified_assessor_is_refused_on_the_page_and_keeps_the_draft(qtbot, sign_in, station_app) -> None:
    from assessdesk.services.calibration import certification
    from assessdesk.storage import scoring as scoring_repo

    ctx = station_app.ctx
    no_sampling(station_app)
    attempt_id = awaiting_attempt(ctx, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")
    lead, second = _users(ctx, "lead", "assessor2")
    row = next(r for r in certification.certification_list(ctx, actor=lead)
               if r.user_id == second.id and r.status.rubric_id == "RUB-FORKLIFT")
    certification.revoke_certification(ctx, actor=lead, certification_id=row.status.certification_id,
                                       reason="drifted on second marking")
    today = ctx.clock.now().date().isoformat()

    sign_in(station_app, "assessor2", "demo-assessor-2")
    page = station_app.window.show_page("scoring")
    open_by_keyboard(qtbot, page, "LOG-FORKLIFT-PREUSE")
    header = page._ui.header_label.text()
    assert "You cannot submit this live sheet yet." in header
    assert f"revoked on {today}: drifted on second marking" in header  # why, and since when, before scoring
    grid = page._ui.rubric_grid
    for _ in range(6):
        qtbot.keyClick(grid, Qt.Key.Key_3)
    qtbot.keyClick(page._ui.signoff_check, Qt.Key.Key_Space)
    qtbot.keyClick(page._ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Not submitted" in page._ui.status_label.text(), timeout=10000)
    status = page._ui.status_label.text()
    assert "Beatriz Second cannot submit this score sheet." in status
    assert f"The certification for RUB-FORKLIFT was revoked on {today}: drifted on second marking." in status
    assert "Your draft is kept" in status
    assert attempt_state(station_app, attempt_id) is AttemptState.AWAITING_SCORES
    qtbot.waitUntil(lambda: station_app.runner.pending == 0, timeout=10000)
    with ctx.db.session() as s:
        kept = scoring_repo.find_draft(s, attempt_id=attempt_id, assessor_id=second.id, role=SheetRole.FIRST)
    assert kept is not None and kept.score("FL-6").level == 3 and kept.signoff
