"""Scoring, checklist, second marking and moderation through the real pages, driven by keyboard (offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from assessdesk.domain.attempt import AttemptState

sys.path.insert(0, str(Path(__file__).parents[1] / "standards"))
from standards_support import awaiting_attempt  # noqa: E402

REFS = {"LOG-FORKLIFT-PREUSE": "RUB-FORKLIFT@1", "QS-WAREHOUSE-AUDIT": "CHK-WH-AUDIT@1",
        "CX-TROUBLESHOOT": "RUB-CX-CALL@1"}


def no_sampling(app, rate: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    from assessdesk.storage import station as station_repo

    with app.ctx.uow(None) as uow:
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": rate})


def fresh(app, credential: str) -> str:  # type: ignore[no-untyped-def]
    """A test-owned attempt awaiting scores; its candidate is called 'Test Candidate <credential>'."""
    return awaiting_attempt(app.ctx, credential, REFS[credential])


def open_by_keyboard(qtbot, page, credential: str) -> None:  # type: ignore[no-untyped-def]
    lst = page._ui.queue_list
    name = f"Candidate {credential}"
    qtbot.waitUntil(lambda: any(name in lst.item(i).text() for i in range(lst.count())), timeout=10000)
    lst.setFocus()
    lst.setCurrentRow(0)
    for _ in range(lst.count()):
        if name in lst.currentItem().text():
            break
        qtbot.keyClick(lst, Qt.Key.Key_Down)
    assert name in lst.currentItem().text()
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page._view is not None and credential == page._view.attempt.credential_id,
                    timeout=10000)


def attempt_state(app, attempt_id: str) -> AttemptState:  # type: ignore[no-untyped-def]
    from assessdesk.storage.scoring import attempt_facts

    with app.ctx.db.session() as s:
        return attempt_facts(s, attempt_id).state


def test_score_a_whole_rubric_by_keyboard_alone(qtbot, sign_in, station_app) -> None:
    no_sampling(station_app)
    fresh(station_app, "LOG-FORKLIFT-PREUSE")
    sign_in(station_app, "assessor", "demo-assessor-1")
    page = station_app.window.show_page("scoring")
    open_by_keyboard(qtbot, page, "LOG-FORKLIFT-PREUSE")
    grid = page._ui.rubric_grid
    assert grid.hasFocus() or grid.isEnabled()
    for key in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_2):  # digits pick a level and move to the next criterion
        qtbot.keyClick(grid, key)
    qtbot.keyClick(grid, Qt.Key.Key_Up)  # back to criterion 3, change it with arrows and Space
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClicks(page._ui.note_edit, "Read the plate aloud at 01:12.")
    for key in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_3):
        qtbot.keyClick(grid, key)
    assert grid.chosen() == {"FL-1": 3, "FL-2": 3, "FL-3": 3, "FL-4": 3, "FL-5": 3, "FL-6": 3}
    assert "predicted: <b style='color:#0b6b2a'>PASS" in page._ui.total_label.text()
    qtbot.keyClick(page._ui.signoff_check, Qt.Key.Key_Space)
    assert page._ui.signoff_check.isChecked()
    attempt_id = page._view.attempt.id
    qtbot.keyClick(page._ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Submitted and locked" in page._ui.status_label.text(), timeout=10000)
    assert "Outcome: <b>passed</b>" in page._ui.status_label.text()
    assert attempt_state(station_app, attempt_id) is AttemptState.PASSED
    from assessdesk.storage.scoring import sheets_for

    with station_app.ctx.db.session() as s:
        [sheet] = sheets_for(s, attempt_id)
    assert sheet.score("FL-4").note == "Read the plate aloud at 01:12." and sheet.signoff


def test_checklist_by_keyboard_and_missing_answer_blocks(qtbot, sign_in, station_app) -> None:
    no_sampling(station_app)
    fresh(station_app, "QS-WAREHOUSE-AUDIT")
    sign_in(station_app, "assessor", "demo-assessor-1")
    page = station_app.window.show_page("scoring")
    open_by_keyboard(qtbot, page, "QS-WAREHOUSE-AUDIT")
    grid = page._ui.rubric_grid
    assert grid.row_count() == 8
    for key in [Qt.Key.Key_Y] * 6 + [Qt.Key.Key_N]:
        qtbot.keyClick(grid, key)
    qtbot.keyClick(page._ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Not submitted" in page._ui.status_label.text(), timeout=10000)
    assert "owner and a due date" in page._ui.status_label.text()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Y, Qt.Key.Key_Y):  # change item 7 to yes, then answer item 8
        qtbot.keyClick(grid, key)
    attempt_id = page._view.attempt.id
    qtbot.keyClick(page._ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Submitted and locked" in page._ui.status_label.text(), timeout=10000)
    assert attempt_state(station_app, attempt_id) is AttemptState.PASSED  # 8 of 8


def test_blind_second_marking_then_moderation(qtbot, sign_in, station_app) -> None:
    from dataclasses import replace

    from assessdesk.services.scoring import queue, sheets
    from assessdesk.storage import users as users_repo

    no_sampling(station_app, 1.0)  # every sheet gets a second marker
    ctx = station_app.ctx
    with ctx.db.session() as s:
        first_marker = users_repo.by_username(s, "assessor")[0]
    attempt_id = fresh(station_app, "CX-TROUBLESHOOT")
    entry = next(e for e in queue.scoring_queue(ctx, actor=first_marker) if e.attempt_id == attempt_id)
    view = sheets.open_sheet(ctx, actor=first_marker, attempt_id=entry.attempt_id)
    draft = view.sheet
    for c in view.assessment.criteria:
        draft = draft.with_score(c.id, level=3, note="clear and calm")
    sheets.save_draft(ctx, actor=first_marker, sheet=replace(draft, signoff=True))
    assert sheets.submit_sheet(ctx, actor=first_marker, sheet_id=draft.id).second_marking == "sampled"

    sign_in(station_app, "assessor2", "demo-assessor-2")
    page = station_app.window.show_page("scoring")
    open_by_keyboard(qtbot, page, "CX-TROUBLESHOOT")
    assert "Blind second marking" in page._ui.header_label.text()
    grid = page._ui.rubric_grid
    assert grid.chosen() == {} and page._ui.note_edit.toPlainText() == ""  # nothing of the first sheet shows
    for key in (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1):  # 2+2+1+1 = 6: fails, critical CX-2 missed
        qtbot.keyClick(grid, key)
    qtbot.keyClick(page._ui.submit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "moderation case was opened" in page._ui.status_label.text(), timeout=10000)
    assert attempt_state(station_app, entry.attempt_id) is AttemptState.IN_MODERATION

    qtbot.waitUntil(lambda: station_app.runner.pending == 0, timeout=10000)
    station_app.window.sig_sign_out_requested.emit("user")
    sign_in(station_app, "lead", "demo-lead-1")
    mod = station_app.window.show_page("moderation")
    qtbot.waitUntil(lambda: mod._ui.queue_list.count() >= 1, timeout=10000)
    mod._ui.queue_list.setFocus()
    mod._ui.queue_list.setCurrentRow(
        next(i for i in range(mod._ui.queue_list.count()) if "Candidate CX" in mod._ui.queue_list.item(i).text()))
    qtbot.keyClick(mod._ui.queue_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: mod._case is not None, timeout=10000)
    assert mod._ui.first_table.rowCount() == 4 and mod._ui.second_table.rowCount() == 4
    assert "clear and calm" in mod._ui.first_table.item(0, 2).text()
    agreed = mod._ui.agreed_grid
    assert agreed.chosen() == {}  # the markers agreed on no criterion
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(agreed, key)
    qtbot.keyClicks(mod._ui.reason_edit, "Listened to the whole call: diagnosis met the standard.")
    qtbot.keyClick(mod._ui.record_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Agreed result recorded" in mod._ui.status_label.text(), timeout=10000)
    assert attempt_state(station_app, entry.attempt_id) is AttemptState.PASSED  # 3+4+2+3 = 12 of 15


def test_standards_page_lists_versions_and_previews_an_import(qtbot, sign_in, station_app, tmp_path) -> None:
    import json

    from assessdesk.services.standards.demo import demo_package_path

    sign_in(station_app, "admin", "demo-admin-1")
    page = station_app.window.show_page("standards")
    tree = page._ui.library_tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 4 and tree.topLevelItem(2).childCount() == 4, timeout=10000)
    rubric = tree.topLevelItem(2).child(1).child(0)  # RUB-DASHBOARD version 1
    tree.setCurrentItem(rubric)
    qtbot.waitUntil(lambda: "Finds the anomalies that matter" in page._ui.details_browser.toPlainText(), timeout=10000)
    doc = json.loads(demo_package_path().read_text(encoding="utf-8"))
    doc["version"] = "2026.1"
    new = next(r for r in doc["rubrics"] if r["id"] == "RUB-DASHBOARD")
    new.update(version=2, effective_from="2027-01-01")
    new["pass_rule"]["min_total"] = 12
    path = tmp_path / "next.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    page.preview(path)
    qtbot.waitUntil(lambda: page._ui.preview_group.isVisibleTo(page), timeout=10000)
    text = page._ui.preview_edit.toPlainText()
    assert "new version: rubric RUB-DASHBOARD@2" in text and "/pass_rule/min_total: 11.0 -> 12" in text.replace(
        "11 ->", "11.0 ->")
    qtbot.keyClick(page._ui.confirm_import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Imported" in page._ui.status_label.text(), timeout=10000)
    qtbot.waitUntil(lambda: tree.topLevelItem(2).child(1).childCount() == 2, timeout=10000)
