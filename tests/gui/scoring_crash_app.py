"""Run by test_scoring_crash.py: the real app scores part of a sheet, says SAVED once the page shows the draft as
saved, then waits to be killed. Usage: scoring_crash_app.py PROFILE CANDIDATE_NAME"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from assessdesk.gui.app import StationApp, make_qapp  # noqa: E402


def main() -> None:
    profile, candidate = Path(sys.argv[1]), sys.argv[2]
    app = make_qapp()
    station = StationApp(profile_path=profile, demo=True)
    station.start()

    def wait(cond, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not cond():
            if time.monotonic() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.01)

    wait(lambda: station.ctx is not None)
    dialog = station.sign_in
    dialog._ui.username_edit.setText("assessor")
    dialog._ui.password_edit.setText("demo-assessor-1")
    dialog._ui.sign_in_button.click()
    wait(lambda: station.window is not None)
    page = station.window.show_page("scoring")
    lst = page._ui.queue_list
    wait(lambda: any(candidate in lst.item(i).text() for i in range(lst.count())))
    lst.setCurrentRow(next(i for i in range(lst.count()) if candidate in lst.item(i).text()))
    QTest.keyClick(lst, Qt.Key.Key_Return)
    wait(lambda: page._view is not None)
    grid = page._ui.rubric_grid
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
        QTest.keyClick(grid, key)
    QTest.keyClicks(page._ui.note_edit, "Missed the hydraulic leak under the mast; see 03:40.")
    QTest.keyClick(page._ui.signoff_check, Qt.Key.Key_Space)
    wait(lambda: not page._note_timer.isActive() and page.saved_seq == page._save_seq
         and page._ui.draft_label.text().startswith("Draft saved"))
    print(f"SAVED {page._sheet.id}", flush=True)
    time.sleep(120)  # the test kills us long before this


if __name__ == "__main__":
    main()
