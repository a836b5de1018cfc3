"""Evidence playback (assessors, approvers): one seamless stream across segments, a timeline of what happened,
click to jump, 0.5-2x speed, frame steps; frames are decrypted and decoded on a worker thread, never this one."""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from assessdesk.gui.forms.ui_playback_page import Ui_PlaybackPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.widgets.timeline import clock_text

log = logging.getLogger(__name__)
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
MAX_GAP_S = 0.5  # time without video (camera lost) is skipped over at most this slowly: it holds no frames
KIND_WORDS = {"incident": "Incident", "pause": "Pause", "presence": "Presence flag", "score": "Score note",
              "camera": "Camera"}


class PlaybackEngine(QObject):
    """Owns an EvidencePlayer on one plain thread; commands go in a queue, frames come back as queued signals."""

    sig_frame = Signal(QImage, int, float)
    """A decoded frame, its index and its video time."""
    sig_playing = Signal(bool)
    """Playback started (True) or stopped (False: paused, or the end was reached)."""
    sig_error = Signal(str)
    """The recording could not be decoded here."""

    def __init__(self, player: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._commands: queue.Queue[tuple[str, float]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="playback-decoder", daemon=True)
        self._thread.start()

    def command(self, name: str, value: float = 0.0) -> None:
        self._commands.put((name, value))

    def stop(self, timeout: float = 30.0) -> bool:
        """Ask the decoder to finish and wait for it; True once it has (only then may the engine be deleted: the
        player and its OpenCV capture die with it, and tearing a capture down mid-read crashes the process)."""
        self._stopping = True
        self._commands.put(("quit", 0.0))
        self._thread.join(timeout)
        return not self._thread.is_alive()

    _stopping = False

    def _run(self) -> None:
        player, position, playing, speed, due = self.player, -1, False, 1.0, 0.0
        try:
            if player.frame_count:
                position = self._show(0)
            while True:
                wait = max(0.0, due - time.monotonic()) if playing else None
                try:
                    name, value = self._commands.get(timeout=wait)
                except queue.Empty:
                    name = "tick"
                if name == "quit" or self._stopping:
                    return
                if name == "speed":
                    speed = min(2.0, max(0.5, value))
                elif name == "play" and player.frame_count:
                    if position >= player.frame_count - 1:
                        position = self._show(0)
                    playing, due = True, time.monotonic()
                    self.sig_playing.emit(True)
                elif name == "pause" and playing:
                    playing = False
                    self.sig_playing.emit(False)
                elif name == "seek" and player.frame_count:
                    position = self._show(player.index_at(value))
                elif name == "step" and player.frame_count:
                    if playing:
                        playing = False
                        self.sig_playing.emit(False)
                    position = self._show(min(max(0, position + int(value)), player.frame_count - 1))
                elif name == "tick" and playing:
                    if position + 1 >= player.frame_count:
                        playing = False
                        self.sig_playing.emit(False)
                        continue
                    step = player.time_of(position + 1) - player.time_of(position)
                    position = self._show(position + 1)
                    due += min(MAX_GAP_S, max(0.0, step)) / speed
                    if due < time.monotonic() - 0.5:  # fell far behind (a slow disk): carry on from now
                        due = time.monotonic()
        except Exception as exc:
            log.exception("playback failed")
            self.sig_error.emit(str(exc))
        finally:
            player.close()

    def _show(self, index: int) -> int:
        frame = np.ascontiguousarray(self.player.read(index))
        h, w = frame.shape[:2]
        image = QImage(frame.data, w, h, 3 * w, QImage.Format.Format_BGR888).copy()  # own the pixels
        if not self._stopping:
            self.sig_frame.emit(image, index, self.player.time_of(index))
        return index


_UNFINISHED: list[Any] = []  # engines whose decoder has not stopped yet: kept alive rather than torn down mid-read


def release_engine(engine: Any) -> None:
    """Stop an engine's decoder and delete the engine once it has really stopped."""
    if engine.stop():
        engine.deleteLater()
    else:
        log.error("a playback decoder did not stop in time; its engine is kept alive until the app exits")
        _UNFINISHED.append(engine)


class PlaybackPage(QWidget):
    sig_opened = Signal(str)
    """A recording was opened and its first frame requested (the title)."""

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_PlaybackPage()
        self._ui.setupUi(self)
        self._env = env
        self._engine: PlaybackEngine | None = None
        self._playback: Any = None
        self._playing = False
        self.frame_index = -1
        ui = self._ui
        ui.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        ui.open_button.clicked.connect(self._on_open_button_clicked)
        ui.open_package_button.clicked.connect(self._on_open_package_button_clicked)
        ui.refresh_button.clicked.connect(self.refresh)
        ui.play_button.clicked.connect(self.toggle_play)
        ui.step_back_button.clicked.connect(lambda: self.step(-1))
        ui.step_forward_button.clicked.connect(lambda: self.step(1))
        ui.speed_combo.currentIndexChanged.connect(self._on_speed_combo_changed)
        ui.timeline.sig_seek_requested.connect(self.seek)
        ui.timeline.sig_step_requested.connect(self.step)
        ui.marks_list.itemActivated.connect(self._on_marks_list_activated)
        ui.marks_list.itemClicked.connect(self._on_marks_list_activated)
        for keys, slot in ((Qt.Key.Key_Space, self.toggle_play), ("[", lambda: self._nudge_speed(-1)),
                           ("]", lambda: self._nudge_speed(1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._set_controls(False)
        self.destroyed.connect(lambda: self.shutdown())

    # -- opening --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        from assessdesk.services.evidence.listing import list_evidence

        env = self._env
        env.runner.db(lambda: list_evidence(env.ctx, actor=env.user), self._show_list)

    def _show_list(self, rows: list[Any]) -> None:
        combo = self._ui.attempt_combo
        current = combo.currentData()
        combo.clear()
        for r in rows:
            combo.addItem(f"{r.candidate} · {r.credential_id} · {clock_text(r.duration_s)}"
                          + (" · recovered" if r.recovered else ""), r.attempt_id)
        if current is not None and combo.findData(current) >= 0:
            combo.setCurrentIndex(combo.findData(current))
        self._ui.open_button.setEnabled(bool(rows))
        if not rows:
            self._say("No sealed evidence on this station yet.")

    def open_attempt(self, attempt_id: str) -> None:
        """Open an attempt's recording (other pages call this, e.g. scoring's 'watch the recording')."""
        from assessdesk.services.evidence.playback import open_attempt_playback

        env = self._env
        self._say("Opening the recording…")
        env.runner.db(lambda: open_attempt_playback(env.ctx, actor=env.user, attempt_id=attempt_id), self._load)

    def open_package(self, path: Path) -> None:
        from assessdesk.services.evidence.playback import package_playback

        self._say("Opening the package…")
        self._env.runner.io(lambda: package_playback(path), self._load)

    def _on_open_button_clicked(self) -> None:
        attempt_id = self._ui.attempt_combo.currentData()
        if attempt_id:
            self.open_attempt(attempt_id)

    def _on_open_package_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open an evidence package folder")
        if folder:
            self.open_package(Path(folder))

    def _load(self, playback: Any) -> None:
        self.shutdown()
        self._playback = playback
        player, ui = playback.player, self._ui
        ui.timeline.set_recording(duration=player.duration, spans=player.spans(), marks=playback.marks)
        ui.marks_list.clear()
        for mark in playback.marks:
            end = f"–{clock_text(mark.end_s)}" if mark.end_s is not None else ""
            item = QListWidgetItem(f"{clock_text(mark.start_s)}{end}  {KIND_WORDS.get(mark.kind, mark.kind)}: "
                                   f"{mark.label}")
            item.setData(Qt.ItemDataRole.UserRole, float(mark.start_s))
            ui.marks_list.addItem(item)
        m = playback.manifest
        sealed = "sealed and signed" if m.get("proof") else "not sealed yet"
        ui.summary_label.setText(
            f"<b>{playback.title}</b> — {len(player.segments)} segments, {clock_text(player.duration)}, "
            f"{sealed}" + (" — <b>part of it was recovered after the station stopped</b>" if m.get("recovered")
                           else ""))
        ui.video_view.set_message("" if player.frame_count else "This attempt has no recorded video.")
        self._engine = PlaybackEngine(player)
        self._engine.sig_frame.connect(self._on_engine_frame)
        self._engine.sig_playing.connect(self._on_engine_playing)
        self._engine.sig_error.connect(self._on_engine_error)
        self._engine.command("speed", SPEEDS[ui.speed_combo.currentIndex()])
        self._set_controls(player.frame_count > 0)
        self._say("")
        self.sig_opened.emit(playback.title)

    # -- controls -------------------------------------------------------------------------------------------

    def toggle_play(self) -> None:
        if self._engine is not None:
            self._engine.command("pause" if self._playing else "play")

    def seek(self, seconds: float) -> None:
        if self._engine is not None:
            self._engine.command("seek", float(seconds))

    def step(self, frames: int) -> None:
        if self._engine is not None:
            self._engine.command("step", float(frames))

    def _nudge_speed(self, delta: int) -> None:
        combo = self._ui.speed_combo
        combo.setCurrentIndex(min(max(0, combo.currentIndex() + delta), combo.count() - 1))

    def _on_speed_combo_changed(self, index: int) -> None:
        if self._engine is not None and 0 <= index < len(SPEEDS):
            self._engine.command("speed", SPEEDS[index])

    def _on_marks_list_activated(self, item: QListWidgetItem) -> None:
        self.seek(float(item.data(Qt.ItemDataRole.UserRole)))

    def _set_controls(self, enabled: bool) -> None:
        for w in (self._ui.play_button, self._ui.step_back_button, self._ui.step_forward_button,
                  self._ui.timeline, self._ui.speed_combo):
            w.setEnabled(enabled)

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)

    # -- engine signals (GUI thread) --------------------------------------------------------------------------

    def _on_engine_frame(self, image: QImage, index: int, seconds: float) -> None:
        self.frame_index = index
        ui = self._ui
        ui.video_view.set_image(image)
        ui.timeline.set_position(seconds)
        total = self._playback.player.frame_count if self._playback else 0
        ui.position_label.setText(f"{clock_text(seconds)} / {clock_text(self._playback.player.duration if self._playback else 0.0)}  "
                                  f"(frame {index + 1} of {total})")

    def _on_engine_playing(self, playing: bool) -> None:
        self._playing = playing
        self._ui.play_button.setText("&Pause" if playing else "&Play")

    def _on_engine_error(self, message: str) -> None:
        self._say(f"<b style='color:#a40000'>The recording cannot be played:</b> {message} "
                  "Verify the evidence package, or fetch the evidence again from the registry.")
        self._set_controls(False)

    def shutdown(self) -> None:
        """Stop the decoder thread (page closed, or another recording opened)."""
        engine, self._engine = self._engine, None
        if engine is not None:
            release_engine(engine)
        self._playing = False

    def hideEvent(self, event: Any) -> None:
        if self._engine is not None and self._playing:
            self._engine.command("pause")
        super().hideEvent(event)
