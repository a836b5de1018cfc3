"""The calibration page end to end: a lead assessor sets up an exercise, an assessor scores the benchmarks blind
by keyboard on the rubric grid, the lead closes it (certifying them), sees the charts and exports the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt


def make_page(qtbot, ctx, user):  # type: ignore[no-untyped-def]
    from assessdesk.gui.bridge import EventBridge
    from assessdesk.gui.pages.base import PageEnv
    from assessdesk.gui.pages.calibration import CalibrationPage
    from assessdesk.gui.tasks import TaskRunner
    from assessdesk.services.events import EventBus

    errors: list[BaseException] = []
    runner = TaskRunner(errors.append)
    bus = EventBus()
    page = CalibrationPage(PageEnv(ctx=ctx, user=user, runner=runner, bus=bus, bridge=EventBridge(bus)))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.errors = errors  # type: ignore[attr-defined]
    return page, runner


def idle(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)


def test_exercise_from_set_up_to_certification(qtbot, demo_copy: Path, tmp_path: Path) -> None:
    from assessdesk.gui.pages.registry import pages_for
    from assessdesk.services.station import open_profile
    from assessdesk.services.users import create_user
    from assessdesk.storage import users as users_repo

    ctx = open_profile(demo_copy)
    runners = []
    try:
        with ctx.db.session() as s:
            lead, admin, approver = (users_repo.by_username(s, n)[0] for n in ("lead", "admin", "approver"))
        nia = create_user(ctx, actor=admin, username="nia", display_name="Nia Newcomer",
                          password="a-long-password-1", roles=["assessor"])
        assert "calibration" in [p.key for p in pages_for(nia)] and "calibration" in [p.key for p in pages_for(lead)]

        page, runner = make_page(qtbot, ctx, lead)
        runners.append(runner)
        ui = page._ui
        page.refresh()
        qtbot.waitUntil(lambda: ui.rubric_combo.count() >= 4, timeout=20000)
        ui.rubric_combo.setCurrentIndex(ui.rubric_combo.findData("RUB-FORKLIFT@1"))
        qtbot.waitUntil(lambda: ui.reference_grid.row_count() == 6 and ui.attempt_combo.count() > 1,
                        timeout=20000)
        references = ["332323", "121012", "213201"]
        for n, digits in enumerate(references):
            ui.label_edit.setText(f"Benchmark {n + 1}")
            if n == 0:
                ui.attempt_combo.setCurrentIndex(1)
            else:
                ui.clip_edit.setText(f"clip-{n}.mp4")
            ui.reference_grid.setFocus()
            qtbot.keyClicks(ui.reference_grid, digits)
            ui.add_benchmark_button.click()
        assert ui.benchmarks_list.count() == 3 and "3 benchmark(s) ready" in ui.setup_status_label.text()
        ui.add_benchmark_button.click()  # nothing chosen on the fresh grid: refused, listing the criteria
        assert "Give a reference level for" in ui.setup_status_label.text() and ui.benchmarks_list.count() == 3
        ui.name_edit.setText("GUI exercise")
        for i in range(ui.assessors_list.count()):
            item = ui.assessors_list.item(i)
            if item.text() == "Nia Newcomer":
                item.setCheckState(Qt.CheckState.Checked)
        ui.create_exercise_button.click()
        qtbot.waitUntil(lambda: "Opened 'GUI exercise'" in ui.setup_status_label.text(), timeout=20000)
        idle(qtbot, runner)

        mine, mine_runner = make_page(qtbot, ctx, nia)
        runners.append(mine_runner)
        mu = mine._ui
        assert mu.tabs_widget.count() == 1  # an assessor sees their own calibration only
        mine.refresh()
        qtbot.waitUntil(lambda: mu.tasks_list.count() == 3, timeout=20000)
        assert "never certified" in mu.my_status_table.item(0, 1).text()
        for digits in references:
            mu.open_task_button.click()
            qtbot.waitUntil(lambda: mu.submit_benchmark_button.isEnabled(), timeout=20000)
            assert "reference" not in mu.benchmark_grid.item(0, 1).text().lower()
            mu.benchmark_grid.setFocus()
            qtbot.keyClicks(mu.benchmark_grid, digits)
            idle(qtbot, mine_runner)
            mu.submit_benchmark_button.click()
            qtbot.waitUntil(lambda: "Submitted and locked" in mu.benchmark_status_label.text(), timeout=20000)
            idle(qtbot, mine_runner)
        assert mu.tasks_list.count() == 0 and "Exercise complete" in mu.benchmark_status_label.text()

        page.refresh()
        idle(qtbot, runner)
        row = next(i for i in range(ui.exercises_table.rowCount()) if ui.exercises_table.item(i, 0).text()
                   == "GUI exercise")
        assert ui.exercises_table.item(row, 3).text() == "3 of 3 sheets"
        ui.exercises_table.selectRow(row)
        qtbot.waitUntil(lambda: "GUI exercise" in ui.results_label.text(), timeout=20000)
        assert [b.label for b in ui.agreement_chart.bars()] == ["Nia Newcomer"]
        assert ui.agreement_chart.bars()[0].value == 1.0 and ui.results_table.item(0, 6).text() == "would pass"
        assert len(ui.difficulty_chart.bars()) == 6
        page._confirm = lambda _text: True  # the "cannot be undone" question, answered yes
        ui.close_exercise_button.click()
        qtbot.waitUntil(lambda: "1 assessor(s) certified until" in ui.results_label.text(), timeout=20000)
        idle(qtbot, runner)

        out = tmp_path / "exercise.pdf"
        ui.exercises_table.selectRow(next(i for i in range(ui.exercises_table.rowCount())
                                          if ui.exercises_table.item(i, 0).text() == "GUI exercise"))
        idle(qtbot, runner)
        page.export_report(out)
        qtbot.waitUntil(lambda: "Report written to" in ui.results_label.text(), timeout=20000)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                       check=True, timeout=60)
        assert (tmp_path / "p-1.png").stat().st_size > 10_000

        mine.refresh()
        idle(qtbot, mine_runner)
        forklift = next(i for i in range(mu.my_status_table.rowCount())
                        if mu.my_status_table.item(i, 0).text() == "RUB-FORKLIFT")
        assert mu.my_status_table.item(forklift, 1).text() == "current"
        assert "GUI exercise" in mu.my_results_label.text() and "→ certified" in mu.my_results_label.text()
        shot = page.grab()
        assert not shot.isNull() and shot.width() >= 1000

        watcher, watcher_runner = make_page(qtbot, ctx, approver)  # an approver: everyone's certifications
        runners.append(watcher_runner)
        watcher.refresh()
        idle(qtbot, watcher_runner)
        wu = watcher._ui
        assert wu.tabs_widget.count() == 1 and wu.certifications_table.rowCount() >= 9
        assert not wu.revoke_button.isVisibleTo(watcher)
        assert page.errors == [] and mine.errors == [] and watcher.errors == []  # type: ignore[attr-defined]
    finally:
        for r in runners:
            r.shutdown()
        ctx.close()
