"""The playback page on the demo profile's sealed attempt: seamless play across segments, timeline jumps, frame
steps by keyboard, speed; and the CLI list/export/verify round trip on the same profile."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt


@pytest.fixture
def demo_ctx(demo_profile_dir: Path, tmp_path: Path):
    from assessdesk.services.audit_log import ANCHOR
    from assessdesk.services.station import open_profile

    path = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, path)
    ctx = open_profile(path)
    ctx.secrets.delete(ANCHOR)  # copies share a station id: start each from the profile as built
    yield ctx
    ctx.close()


def _user(ctx, name: str):
    from assessdesk.services.auth import sign_in
    from assessdesk.services.demo_accounts import DEMO_USERS

    return sign_in(ctx, username=name, password=DEMO_USERS[name][2])


@pytest.fixture
def page(qtbot, demo_ctx):
    from assessdesk.gui.bridge import EventBridge
    from assessdesk.gui.pages.base import PageEnv
    from assessdesk.gui.pages.playback import PlaybackPage
    from assessdesk.gui.tasks import TaskRunner
    from assessdesk.services.events import EventBus

    errors: list[BaseException] = []
    runner = TaskRunner(on_error=errors.append)
    bus = EventBus()
    widget = PlaybackPage(PageEnv(demo_ctx, _user(demo_ctx, "assessor"), runner, bus, EventBridge(bus)))
    qtbot.addWidget(widget)
    widget.resize(1100, 680)
    widget.show()
    yield widget
    widget.shutdown()
    runner.shutdown()
    assert not errors, errors


def test_play_jump_step_and_speed(qtbot, page, tmp_path: Path) -> None:
    ui = page._ui
    page.refresh()
    qtbot.waitUntil(lambda: ui.attempt_combo.count() >= 1, timeout=20000)  # the demo records one or more
    ui.open_button.click()
    qtbot.waitUntil(lambda: page.frame_index == 0, timeout=20000)
    player = page._playback.player
    assert player.frame_count == 540 and len(player.segments) == 5
    marks = {m.kind: m for m in ui.timeline.marks}
    assert {"incident", "pause", "presence"} <= set(marks)
    assert ui.marks_list.count() == len(ui.timeline.marks)

    # clicking the incident on the timeline jumps there
    incident = marks["incident"]
    timeline = ui.timeline
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(round(timeline.x_of(incident.start_s)),
                                                                       timeline.height() // 2))
    qtbot.waitUntil(lambda: abs(timeline.position - incident.start_s) < 0.05, timeout=10000)
    here = page.frame_index

    # keyboard: arrows on the timeline step one frame; the list jumps with Enter
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: page.frame_index == here + 1, timeout=10000)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: page.frame_index == here - 1, timeout=10000)
    ui.marks_list.setFocus()
    presence_row = next(i for i in range(ui.marks_list.count()) if "Presence" in ui.marks_list.item(i).text())
    ui.marks_list.setCurrentRow(presence_row)
    qtbot.keyClick(ui.marks_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: abs(timeline.position - marks["presence"].start_s) < 0.05, timeout=10000)

    # play at 2x across a segment boundary (4 s segments): every frame arrives, in order, no seam
    boundary = player.segments[1].start_s
    page.seek(boundary - 0.3)
    qtbot.waitUntil(lambda: abs(timeline.position - (boundary - 0.3)) < 0.05, timeout=10000)
    seen: list[int] = []
    ui.video_view  # noqa: B018 - the frames are painted there
    page._engine.sig_frame.connect(lambda _img, index, _t: seen.append(index))
    ui.speed_combo.setCurrentIndex(5)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) >= 25, timeout=20000)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ui.play_button.text() == "&Play", timeout=10000)
    assert seen == list(range(seen[0], seen[0] + len(seen))), "frames arrive one by one, none skipped"
    assert player.time_of(seen[0]) < boundary <= player.time_of(seen[-1])
    assert ui.video_view.image() is not None and ui.video_view.image().width() == 640
    shot = tmp_path / "playback.png"
    assert page.grab().save(str(shot)) and shot.stat().st_size > 10_000


def test_cli_list_export_verify_on_the_demo_profile(demo_ctx, tmp_path: Path, capsys) -> None:
    from assessdesk.cli import main

    profile = str(demo_ctx.profile_dir)
    assert main(["evidence", "list", "--profile", profile, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["sealed"] and r["segments"] == 5 for r in rows)
    out = tmp_path / "evidence.zip"
    assert main(["evidence", "export", rows[0]["attempt_id"], "--out", str(out), "--profile", profile]) == 0
    capsys.readouterr()
    assert main(["evidence", "verify", str(out), "--profile", profile, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] and report["segments"] == 5 and report["photos"] == 1
    assert report["trusted_keys"].endswith("trusted-keys.json")
    from assessdesk.services.evidence.playback import package_playback

    played = package_playback(out)
    assert played.player.frame_count == 540 and {m.kind for m in played.marks} >= {"incident", "pause"}
    assert played.player.read(539) is not None
    played.player.close()
