"""The roster page: search, walk-in registration, and a CSV import that imports nothing from a bad file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog


def test_search_walk_in_and_import(qtbot, station_app, sign_in, monkeypatch, tmp_path: Path) -> None:
    sign_in(station_app, "proctor", "demo-proctor-1")
    page = station_app.window.show_page("roster")
    ui = page._ui
    qtbot.waitUntil(lambda: ui.candidates_table.rowCount() == 5, timeout=10000)
    ui.search_edit.setText("YILMAZ")  # case- and accent-insensitive
    qtbot.waitUntil(lambda: ui.candidates_table.rowCount() == 1, timeout=10000)
    ui.candidates_table.selectRow(0)
    qtbot.waitUntil(lambda: "Attempts: " in ui.details_label.text(), timeout=10000)
    assert "Yılmaz" in ui.details_label.text()

    from assessdesk.gui.pages import roster as roster_page

    def fill(dialog: QDialog) -> int:
        dialog._ui.given_edit.setText("Kofi")
        dialog._ui.family_edit.setText("Mensah")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(roster_page.WalkInDialog, "exec", fill)
    ui.walk_in_button.click()
    qtbot.waitUntil(lambda: ui.candidates_table.rowCount() == 1 and ui.candidates_table.item(0, 0).text()
                    == "Kofi Mensah", timeout=10000)
    assert "awaiting registry review" in ui.candidates_table.item(0, 3).text()

    bad = tmp_path / "roster.csv"
    bad.write_text("external_id,given_name,family_name\nR1,,Smith\n")
    page.import_file(bad)
    qtbot.waitUntil(lambda: "Nothing was imported" in ui.status_label.text(), timeout=10000)
    assert "roster.csv, row 2, given_name" in ui.status_label.text()
    bad.write_text("external_id,given_name,family_name\nR1,Jo,Smith\n")
    page.import_file(bad)
    qtbot.waitUntil(lambda: "Imported 1" in ui.status_label.text(), timeout=10000)
    qtbot.waitUntil(lambda: station_app.runner.pending == 0, timeout=10000)
    assert "Imported 1" in ui.status_label.text(), "the confirmation stays visible after the list refreshes"
