"""The scoring page wired to the other features: the certification gate's refusal in the assessor's words, blind
calibration benchmarks in the normal queue, and "mark this moment" against the attempt's sealed recording."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.scoring import SheetRole

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "standards"))
sys.path.insert(0, str(Path(__file__).parents[1] / "issuance"))
from issuance_support import recorded_attempt
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


def test_benchmarks_are_scored_blind_in_the_scoring_page(qtbot, sign_in, station_app) -> None:
    from assessdesk.services.calibration import records

    ctx = station_app.ctx
    [assessor] = _users(ctx, "assessor")
    sign_in(station_app, "assessor", "demo-assessor-1")
    page = station_app.window.show_page("scoring")
    lst = page._ui.queue_list
    qtbot.waitUntil(lambda: any("Calibration (blind), 1 of 3" in lst.item(i).text() for i in range(lst.count())),
                    timeout=10000)
    assert "3 calibration benchmark(s)" in page._ui.queue_title_label.text()
    lst.setFocus()
    lst.setCurrentRow(next(i for i in range(lst.count()) if "Call 1\n" in lst.item(i).text()))
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page._view is not None and page._benchmark, timeout=10000)
    header = page._ui.header_label.text()
    assert "Call 1 (benchmark 1 of 3)" in header and "calibration, blind" in header
    assert "reference scores stay hidden" in header
    grid = page._ui.rubric_grid
    assert grid.chosen() == {} and not page._ui.signoff_check.isVisibleTo(page)  # nothing pre-filled, no sign-off
    assert not page._ui.watch_button.isEnabled()
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1):
        qtbot.keyClick(grid, key)
    qtbot.keyClick(page._ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Submitted and locked" in page._ui.status_label.text(), timeout=10000)
    assert "2 benchmark(s) of this exercise still to score" in page._ui.status_label.text()
    qtbot.waitUntil(lambda: "2 calibration benchmark(s)" in page._ui.queue_title_label.text(), timeout=10000)
    with ctx.db.session() as s:
        mine = [b for b in records.benchmark_sheets(s) if b.sheet.assessor_id == assessor.id
                and b.benchmark_id == page_benchmark_id(ctx, "Call 1")]
    assert len(mine) == 1 and {c.criterion_id: c.level for c in mine[0].sheet.scores} == {
        "CX-1": 3, "CX-2": 2, "CX-3": 3, "CX-4": 1}
    with ctx.db.session() as s:  # the live queue still excludes the benchmark: it is not an attempt
        from assessdesk.storage import scoring as scoring_repo

        assert not any(f.id == mine[0].benchmark_id for f in scoring_repo.attempts_in_states(
            s, list(AttemptState)))


def page_benchmark_id(ctx, label: str) -> str:  # type: ignore[no-untyped-def]
    from assessdesk.services.calibration import records

    with ctx.db.session() as s:
        return next(b.id for e in records.exercises(s) if e.open for b in e.benchmarks if b.label == label)


def test_mark_this_moment_stores_the_video_time_and_the_timeline_shows_it(qtbot, sign_in, station_app) -> None:
    from assessdesk.services.evidence.playback import attempt_playback
    from assessdesk.storage.scoring import sheets_for

    ctx = station_app.ctx
    no_sampling(station_app)
    [proctor] = _users(ctx, "proctor")
    attempt_id = recorded_attempt(ctx, proctor, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")
    sign_in(station_app, "assessor", "demo-assessor-1")
    page = station_app.window.show_page("scoring")
    open_by_keyboard(qtbot, page, "LOG-FORKLIFT-PREUSE")
    assert page._view.attempt.id == attempt_id
    assert "sealed video, 2 segment(s)" in page._ui.header_label.text()
    ui = page._ui
    assert ui.watch_button.isEnabled() and not ui.mark_moment_button.isEnabled()
    qtbot.keyClick(ui.watch_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.video_time is not None, timeout=15000)  # the first frame is on screen
    assert ui.evidence_panel.isVisibleTo(page) and ui.mark_moment_button.isEnabled()
    page._ui.timeline.sig_seek_requested.emit(1.3)  # as a click on the timeline: into the second segment
    qtbot.waitUntil(lambda: page.video_time is not None and page.video_time >= 1.0, timeout=10000)
    grid = ui.rubric_grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # criterion 2
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    marked = page.video_time
    qtbot.waitUntil(lambda: page._sheet.score("FL-2").video_time_s is not None, timeout=5000)
    assert page._sheet.score("FL-2").video_time_s == round(marked, 3)
    assert "points at 0:01" in ui.note_label.text()
    assert any(m.kind == "score" and abs(m.start_s - marked) < 1e-6 for m in ui.timeline.marks)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    for _ in range(6):
        qtbot.keyClick(grid, Qt.Key.Key_3)
    qtbot.keyClick(ui.signoff_check, Qt.Key.Key_Space)
    qtbot.keyClick(ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Submitted and locked" in ui.status_label.text(), timeout=10000)
    assert not ui.evidence_panel.isVisibleTo(page) and page._engine is None  # the player stopped with the sheet
    with ctx.db.session() as s:
        [sheet] = sheets_for(s, attempt_id)
    assert sheet.score("FL-2").video_time_s == round(marked, 3)
    moments = [m for m in attempt_playback(ctx, attempt_id).marks if m.kind == "score"]
    assert [round(m.start_s, 3) for m in moments] == [round(marked, 3)]  # the playback timeline shows it
