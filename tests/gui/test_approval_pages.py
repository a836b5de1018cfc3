"""The Approvals and Credentials pages on a copy of the demo profile (pytest-qt, offscreen): sign-off by clicks,
why sign-off is blocked, separation of duties on screen, verification verdicts and revocation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "issuance"))


def _open(profile: Path):  # -> StationContext
    from assessdesk.services.station import open_profile

    return open_profile(profile)


@pytest.fixture
def ready_attempt(demo_copy: Path) -> str:
    """An attempt with verified, station-signed evidence, scored and passed: ready for the demo approver."""
    from issuance_support import People, pending_attempt

    from assessdesk.storage import users as users_repo

    ctx = _open(demo_copy)
    try:
        with ctx.db.session() as s:
            u = {n: users_repo.by_username(s, n)[0] for n in ("admin", "proctor", "assessor", "lead", "approver")}
        people = People(u["admin"], u["proctor"], u["assessor"], u["lead"], u["approver"], u["approver"])
        return pending_attempt(ctx, people, email="maria.fernandez@example.org")
    finally:
        ctx.close()


def _select(qtbot, app, page, attempt_id: str) -> None:
    ids = [e.attempt_id for e in page._queue]
    page._ui.queue_table.selectRow(ids.index(attempt_id))
    qtbot.waitUntil(lambda: page._review is not None and page._review.inputs.attempt.id == attempt_id
                    and app.runner.pending == 0, timeout=20000)


def test_approver_signs_off_then_verifies_and_revokes(qtbot, ready_attempt, station_app, sign_in,
                                                      monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    sign_in(station_app, "approver", "demo-approver-1")
    window = station_app.window
    assert {"Approvals", "Credentials"} <= set(window.page_titles())
    page = window.show_page("approvals")
    qtbot.waitUntil(lambda: len(page._queue) >= 2 and station_app.runner.pending == 0, timeout=20000)

    blocked = next(e for e in page._queue if e.candidate_name == "Samuel Okafor")
    _select(qtbot, station_app, page, blocked.attempt_id)
    assert "Sign-off is not possible" in page._ui.blockers_label.text()
    assert "never sealed" in page._ui.blockers_label.text()
    assert not page._ui.approve_button.isEnabled()

    _select(qtbot, station_app, page, ready_attempt)
    assert "Ready for sign-off" in page._ui.blockers_label.text()
    assert "Evidence verified" in page._ui.evidence_label.text()
    assert page._ui.marks_table.rowCount() == 1 and page._ui.marks_table.item(0, 0).text() == "0:41"
    assert page._ui.sheets_table.rowCount() == 1 and "decides" in page._ui.sheets_table.item(0, 0).text()
    assert not page._ui.reject_button.isEnabled()  # no reason typed yet
    page._ui.approve_button.click()
    qtbot.waitUntil(lambda: station_app.runner.pending == 0 and "Issuing" not in page._ui.status_label.text(),
                    timeout=30000)
    assert "Issued" in page._ui.status_label.text()
    assert ready_attempt not in {e.attempt_id for e in page._queue}

    creds = window.show_page("credentials")
    qtbot.waitUntil(lambda: len(creds._all) == 3 and station_app.runner.pending == 0, timeout=20000)
    verdicts = {}
    for name in ("Łukasz Nowak", "Ayşe Yılmaz"):
        row = [r.candidate_name for r in creds._shown].index(name)
        creds._ui.credentials_table.selectRow(row)
        creds._ui.verify_button.click()
        qtbot.waitUntil(lambda: station_app.runner.pending == 0 and "Verifying" not in creds._ui.status_label.text(),
                        timeout=20000)
        verdicts[name] = creds._ui.status_label.text()
    assert "Valid:" in verdicts["Łukasz Nowak"] and "Revoked:" in verdicts["Ayşe Yılmaz"]

    row = [r.attempt_id for r in creds._shown].index(ready_attempt)
    creds._ui.credentials_table.selectRow(row)
    assert creds._ui.revoke_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("issued in error during the GUI test", True))
    creds._ui.revoke_button.click()
    qtbot.waitUntil(lambda: station_app.runner.pending == 0 and "Revoked" in creds._ui.status_label.text(),
                    timeout=20000)
    qtbot.waitUntil(lambda: sum(1 for r in creds._all if r.revoked_at) == 2, timeout=20000)


def test_a_proctor_who_is_also_an_approver_is_told_why_they_cannot_sign_off(qtbot, demo_copy, station_app,
                                                                            sign_in) -> None:
    from assessdesk.services import users
    from assessdesk.storage import users as users_repo

    ctx = station_app.ctx
    with ctx.db.session() as s:
        admin, proctor = (users_repo.by_username(s, n)[0] for n in ("admin", "proctor"))
    users.assign_roles(ctx, actor=admin, user_id=proctor.id, roles=["proctor", "approver"])
    sign_in(station_app, "proctor", "demo-proctor-1")
    page = station_app.window.show_page("approvals")
    qtbot.waitUntil(lambda: len(page._queue) >= 1 and station_app.runner.pending == 0, timeout=20000)
    entry = next(e for e in page._queue if e.candidate_name == "Samuel Okafor")
    assert entry.took_part == "you proctored it"
    assert page._ui.queue_table.item(page._queue.index(entry), 3).text() == "you proctored it"
    _select(qtbot, station_app, page, entry.attempt_id)
    assert "You proctored this attempt" in page._ui.blockers_label.text()
    page._ui.reason_edit.setText("trying anyway")
    assert not page._ui.approve_button.isEnabled() and not page._ui.reject_button.isEnabled()
    assert "proctored" in page._ui.approve_button.toolTip()
