"""Run the attempt: start recording, the timer, pause/resume with reasons, incidents, presence flags, end and seal."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.schedule import AttemptSummary
from assessdesk.gui.forms.ui_attempt_page import Ui_AttemptPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.widgets.attempt_combo import fill_attempt_combo
from assessdesk.services import proctoring
from assessdesk.services.home import day_overview

S = AttemptState
RUNNABLE = (S.IDENTITY_VERIFIED, S.IN_PROGRESS, S.PAUSED)
WARN_AT = (600, 120)  # seconds remaining: warn at 10 and at 2 minutes

TIMELINE_TEXT = {
    "attempt.started": "Started", "attempt.paused": "Paused", "attempt.resumed": "Resumed",
    "attempt.ended": "Ended", "evidence.sealed": "Evidence sealed", "incident.logged": "Incident",
    "presence.flagged": "Presence flag", "identity.verified": "Identity verified",
    "attempt.checked_in": "Checked in", "attempt.voided": "Voided",
}


def _clock_text(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class AttemptPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_AttemptPage()
        self._ui.setupUi(self)
        self._env = env
        self._attempts: list[AttemptSummary] = []
        self._recordings: dict[str, Any] = {}  # attempt id -> services.evidence.session.AttemptRecording
        self._clock: proctoring.RunClock | None = None
        self._clock_at = 0.0
        self._warned: set[int] = set()
        self._requirements: proctoring.RunRequirements | None = None
        ui = self._ui
        font = ui.timer_label.font()
        font.setPointSize(font.pointSize() * 3)
        font.setBold(True)
        ui.timer_label.setFont(font)
        ui.attempt_combo.currentIndexChanged.connect(self._on_attempt_combo_current_index_changed)
        ui.start_button.clicked.connect(self._on_start_button_clicked)
        ui.pause_button.clicked.connect(self._on_pause_button_clicked)
        ui.resume_button.clicked.connect(self._on_resume_button_clicked)
        ui.end_button.clicked.connect(self._on_end_button_clicked)
        ui.void_button.clicked.connect(self._on_void_button_clicked)
        ui.recover_button.clicked.connect(self._on_recover_button_clicked)
        ui.log_incident_button.clicked.connect(self._on_log_incident_button_clicked)
        ui.recheck_button.clicked.connect(self._on_recheck_button_clicked)
        ui.same_person_button.clicked.connect(lambda: self._confirm_recheck(True))
        ui.not_same_button.clicked.connect(lambda: self._confirm_recheck(False))
        self._recheck: tuple[bytes, dict | None] | None = None
        env.bridge.sig_core_event.connect(self._on_bridge_sig_core_event)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()
        self._update_enabled(None)  # nothing is actionable until the attempt's state has loaded

    # what other parts of the window ask ------------------------------------------------------------------------
    def blocks_idle_sign_out(self) -> bool:
        """A proctor watching a recording may not touch the keyboard for a long time: never sign out then."""
        return any(r.recording for r in self._recordings.values())

    def shutdown(self) -> None:
        """The window is closing: stop recording without ending the attempt (it can be continued later)."""
        for rec in self._recordings.values():
            rec.abandon()
        self._recordings.clear()

    # data ------------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env = self._env
        if not self._ui.incident_code_combo.count():
            env.runner.db(lambda: proctoring.incident_codes(env.ctx), self._show_incident_codes)
        env.runner.db(lambda: day_overview(env.ctx, actor=env.user), self._show_attempts)

    def _show_incident_codes(self, codes: dict[str, str]) -> None:
        for code, label in codes.items():
            self._ui.incident_code_combo.addItem(label, code)

    def _show_attempts(self, day: Any) -> None:
        current = self.attempt()
        self._attempts = [a for a in day.attempts if a.state in RUNNABLE or a.id in self._recordings]
        fill_attempt_combo(self._ui.attempt_combo, self._attempts, current)
        self._on_attempt_combo_current_index_changed()

    def attempt(self) -> AttemptSummary | None:
        i = self._ui.attempt_combo.currentIndex()
        return self._attempts[i] if 0 <= i < len(self._attempts) else None

    def _on_attempt_combo_current_index_changed(self, *_: object) -> None:
        a, env = self.attempt(), self._env
        rec = self._recordings.get(a.id) if a else None
        self._ui.preview_widget.set_provider((lambda seq: rec.latest_frame(newer_than=seq)) if rec else None)
        self._ui.preview_widget.set_message("" if rec else "Not recording")
        if a is None:
            self._ui.state_label.setText("No attempt is ready to run: verify a candidate's identity first.")
            self._clock = None
            self._update_enabled(None)
            return

        def load():  # type: ignore[no-untyped-def]
            from assessdesk.services.evidence.recovery import find_unfinished
            from assessdesk.storage import schedule

            reqs = proctoring.run_requirements(env.ctx, a.id)
            clock = proctoring.run_clock(env.ctx, a.id, time_limit_minutes=reqs.time_limit_minutes)
            with env.ctx.db.session() as s:
                state = schedule.get_attempt(s, a.id).state
            unfinished = any(u.attempt_id == a.id for u in find_unfinished(env.ctx))
            return state, reqs, clock, proctoring.timeline(env.ctx, a.id), unfinished

        env.runner.db(load, self._show_details)

    def _show_details(self, result: tuple) -> None:
        state, self._requirements, self._clock, events, unfinished = result
        self._clock_at = time.monotonic()
        a = self.attempt()
        if a is None:
            return
        reqs = self._requirements
        limit = f"{reqs.time_limit_minutes:g} min" if reqs.time_limit_minutes else "no time limit"
        extra = f" + {self._clock.extra_minutes} min extra time" if self._clock.extra_minutes else ""
        video = "video with sound" if reqs.needs_audio else ("video" if reqs.needs_video else "no video needed")
        self._ui.state_label.setText(f"<b>{a.candidate.full_name}</b> · {state.value.replace('_', ' ')} · "
                                     f"{reqs.validation_type.replace('_', ' ')} · {limit}{extra} · {video}")
        timeline = self._ui.timeline_list
        timeline.clear()
        for e in events:
            if e.event_type not in TIMELINE_TEXT:
                continue
            detail = e.payload.get("label") or e.payload.get("reason") or e.payload.get("kind") or ""
            timeline.addItem(f"{e.occurred_at[11:19]}  {TIMELINE_TEXT[e.event_type]}  {detail}".rstrip())
        timeline.scrollToBottom()
        self._unfinished = unfinished and a.id not in self._recordings
        self._update_enabled(state)
        self._on_tick_timeout()

    def _update_enabled(self, state: AttemptState | None) -> None:
        ui, a = self._ui, self.attempt()
        recording = a is not None and a.id in self._recordings
        unfinished = getattr(self, "_unfinished", False)
        ui.start_button.setEnabled(state is S.IDENTITY_VERIFIED or (state in (S.IN_PROGRESS, S.PAUSED)
                                                                    and not recording and not unfinished))
        ui.start_button.setText("&Continue recording" if state in (S.IN_PROGRESS, S.PAUSED) else "&Start")
        ui.pause_button.setEnabled(state is S.IN_PROGRESS and recording)
        ui.resume_button.setEnabled(state is S.PAUSED and recording)
        ui.end_button.setEnabled(state in (S.IN_PROGRESS, S.PAUSED) and not unfinished)
        ui.void_button.setEnabled(state in RUNNABLE)
        ui.recover_button.setEnabled(unfinished)
        ui.recover_button.setVisible(unfinished)
        ui.incident_group.setEnabled(state in (S.IN_PROGRESS, S.PAUSED))
        ui.recheck_button.setEnabled(recording and state in (S.IN_PROGRESS, S.PAUSED))
        pending = self._recheck is not None
        ui.same_person_button.setVisible(pending)
        ui.not_same_button.setVisible(pending)

    # timer -----------------------------------------------------------------------------------------------------
    def _on_tick_timeout(self) -> None:
        c, ui = self._clock, self._ui
        if c is None:
            ui.timer_label.setText("--:--")
            ui.timer_detail_label.setText("")
            return
        elapsed = c.elapsed_s + (time.monotonic() - self._clock_at if c.running else 0.0)
        if c.allowed_s is None:
            ui.timer_label.setText(_clock_text(elapsed))
            ui.timer_detail_label.setText("elapsed (no time limit)" + ("" if c.running else " — paused"))
            return
        remaining = c.allowed_s - elapsed
        ui.timer_label.setText(_clock_text(remaining))
        ui.timer_detail_label.setText(f"remaining of {_clock_text(c.allowed_s)}" + ("" if c.running else " — paused"))
        colour = "#a40000" if remaining <= WARN_AT[1] else ("#8a5a00" if remaining <= WARN_AT[0] else "")
        ui.timer_label.setStyleSheet(f"color:{colour}" if colour else "")
        for mark in WARN_AT:
            if c.running and remaining <= mark and mark not in self._warned:
                self._warned.add(mark)
                self._say(f"<b>{mark // 60} minutes left.</b>" if remaining > 0 else "<b>Time is up.</b>")

    # actions ---------------------------------------------------------------------------------------------------
    def _on_start_button_clicked(self) -> None:
        from assessdesk.services.capture import open_source
        from assessdesk.services.evidence.session import (AttemptRecording, RecordingCallbacks, RecordingOptions,
                                                          default_audio_for)
        from assessdesk.services.identity import PresenceSettings
        from assessdesk.services.preview import camera_spec

        a, env = self.attempt(), self._env
        if a is None:
            return
        bus = env.bus
        callbacks = RecordingCallbacks(
            on_camera_lost=lambda msg: bus.publish("camera_did_disconnect", attempt_id=a.id, message=msg),
            on_camera_back=lambda: bus.publish("camera_did_reconnect", attempt_id=a.id),
            on_presence_flag=lambda what, flag: bus.publish("presence_did_flag", attempt_id=a.id, what=what,
                                                            flag=flag),
            on_stopped=lambda err: bus.publish("recording_did_stop", attempt_id=a.id, message=str(err)),
            on_sealed=lambda sealed: bus.publish("evidence_did_seal", attempt_id=a.id),
            on_error=lambda err: bus.publish("recording_did_fail", attempt_id=a.id, message=str(err)),
            on_microphone_lost=lambda msg: bus.publish("microphone_did_disconnect", attempt_id=a.id, message=msg))
        minutes = ((self._requirements.time_limit_minutes if self._requirements else None) or 60) + \
            (self._clock.extra_minutes if self._clock else 0)

        def work() -> Any:
            presence = PresenceSettings(absence_seconds=float(env.ctx.settings()["presence_absence_seconds"]))
            rec = AttemptRecording(env.ctx, actor=env.user, attempt_id=a.id,
                                   source=open_source(camera_spec(env.ctx, env.camera)), callbacks=callbacks,
                                   options=RecordingOptions(presence_settings=presence,
                                                            audio=default_audio_for(env.ctx, a.id)))
            space = rec.preflight(minutes=minutes)
            rec.start()
            return rec, space

        def started(result: Any) -> None:
            rec, space = result
            self._recordings[a.id] = rec
            self._warned.clear()
            warning = getattr(space, "warning", "") or ""
            self._say(f"Recording. {warning}".strip())
            self.refresh()

        env.runner.db(work, started)

    def _on_pause_button_clicked(self) -> None:
        a, rec, reason = self.attempt(), self._current_recording(), self._ui.reason_edit.text()
        if rec is None:
            return
        self._env.runner.db(lambda: rec.pause(reason), lambda _: (self._ui.reason_edit.clear(),
                                                                   self._say("Paused: the clock stops; the "
                                                                             "recording goes on, marked."),
                                                                   self.refresh()))

    def _on_resume_button_clicked(self) -> None:
        rec = self._current_recording()
        if rec is not None:
            self._env.runner.db(rec.resume, lambda _: (self._say("Resumed."), self.refresh()))

    def _on_end_button_clicked(self) -> None:
        a, env, rec = self.attempt(), self._env, self._current_recording()
        if a is None:
            return
        self._say("Ending the attempt and sealing its evidence…")

        def work() -> Any:
            if rec is not None:
                return rec.end()
            from assessdesk.services.evidence.sealing import end_and_seal

            return end_and_seal(env.ctx, actor=env.user, attempt_id=a.id)

        def done(sealed: Any) -> None:
            self._recordings.pop(a.id, None)
            self._say(f"Ended. {sealed.segments} video segment(s) and {sealed.artifacts} artifact(s) sealed in a "
                      f"signed manifest (sha256 {sealed.sha256[:12]}…). The attempt now waits for scoring.")
            self.refresh()

        env.runner.db(work, done)

    def _on_void_button_clicked(self) -> None:
        a, env, reason = self.attempt(), self._env, self._ui.reason_edit.text()
        if a is None:
            return
        rec = self._recordings.get(a.id)

        def work() -> Any:
            state = proctoring.void(env.ctx, actor=env.user, attempt_id=a.id, reason=reason)
            if rec is not None:  # only once the void is recorded: a refused void leaves the recording running
                rec.abandon()
            return state

        def done(_: Any) -> None:
            self._recordings.pop(a.id, None)
            self._say(f"Attempt voided: {reason}")
            self.refresh()

        env.runner.db(work, done)

    def _on_recover_button_clicked(self) -> None:
        from assessdesk.services.evidence.recovery import recover_attempt

        a, env = self.attempt(), self._env
        if a is not None:
            env.runner.db(lambda: recover_attempt(env.ctx, actor=env.user, attempt_id=a.id),
                          lambda report: (self._say("Recovered the recording that was on disk (marked "
                                                    "'recovered', with an incident). Continue or end the attempt."),
                                          self.refresh()))

    def _on_log_incident_button_clicked(self) -> None:
        a, env, ui = self.attempt(), self._env, self._ui
        if a is None:
            return
        code, note, rec = ui.incident_code_combo.currentData(), ui.incident_note_edit.text(), self._current_recording()

        def work() -> Any:
            if rec is not None:
                return rec.log_incident(code, note)
            return proctoring.log_incident(env.ctx, actor=env.user, attempt_id=a.id, code=code, note=note)

        env.runner.db(work, lambda _: (ui.incident_note_edit.clear(), self._say("Incident logged."), self.refresh()))

    def _on_recheck_button_clicked(self) -> None:
        """Take a frame from the recording and compare it with the earlier photos; the proctor then confirms."""
        from assessdesk.services import checkin
        from assessdesk.services.preview import jpeg

        a, env, rec = self.attempt(), self._env, self._current_recording()
        latest = rec.latest_frame() if rec is not None else None
        if a is None or latest is None:
            self._say("No picture from the camera yet.")
            return
        image = jpeg(latest.frame.copy())
        self._recheck_image = image

        def load() -> tuple[dict, bool]:
            consent = checkin.consent_of(env.ctx, a.id)
            return checkin.photos_of(env.ctx, a.id), bool(consent and consent.face_comparison)

        def compare(result: tuple[dict, bool]) -> None:
            photos, allowed = result
            if not allowed:
                self._recheck = (image, None)
                self._say("Face comparison was refused: compare the candidate with the ID document yourself, then "
                          "confirm.")
                self._update_enabled(self.attempt().state)
                return
            env.runner.io(lambda: checkin.compare_recheck(env.ctx, photos, image), self._show_recheck)

        env.runner.db(load, compare)

    def _show_recheck(self, comparison: dict) -> None:
        self._recheck = (self._recheck_image, comparison)
        if comparison["similarity"] is None:
            text = f"Not compared: {comparison['note']}"
        else:
            verdict = "looks like the same person" if comparison["match"] else "does NOT look like the same person"
            text = (f"Similarity {comparison['similarity']:.2f} with the {comparison['reference'].replace('_', ' ')} "
                    f"({comparison['method']}): {verdict}.")
        self._say(f"{text} The score is an aid: you decide (for 'not the same person', say what you saw in Note).")
        self._update_enabled(self.attempt().state if self.attempt() else None)

    def _confirm_recheck(self, same: bool) -> None:
        from assessdesk.services import checkin

        a, env, pending = self.attempt(), self._env, self._recheck
        if a is None or pending is None:
            return
        image, comparison = pending
        note = self._ui.incident_note_edit.text()

        def done(_: Any) -> None:
            self._recheck = None
            self._say("Identity re-check recorded." if same else "Recorded as an identity doubt (an incident).")
            self.refresh()

        env.runner.db(lambda: checkin.recheck_identity(env.ctx, actor=env.user, attempt_id=a.id, image_bytes=image,
                                                       same_person=same, comparison=comparison, note=note), done)

    def _current_recording(self) -> Any:
        a = self.attempt()
        return self._recordings.get(a.id) if a else None

    def _on_bridge_sig_core_event(self, name: str, data: dict) -> None:
        a = self.attempt()
        if a is None or data.get("attempt_id") != a.id:
            return
        if name == "camera_did_disconnect":
            self._ui.preview_widget.set_message(f"Camera lost: {data.get('message')} — recording resumes in a new "
                                                "segment when it returns. An incident was logged.")
        elif name == "camera_did_reconnect":
            self._ui.preview_widget.set_message("")
        elif name == "presence_did_flag":
            flag = data.get("flag", {})
            kind = str(flag.get("kind", "")).replace("_", " ")
            text = (f"<b style='color:#8a5a00'>Presence flag: {kind}</b> — for review; the attempt goes on."
                    if data.get("what") == "raised" else "")
            self._ui.presence_label.setText(text)
            self.refresh()
        elif name == "microphone_did_disconnect":
            self._say(f"<b style='color:#8a5a00'>The microphone stopped</b> ({data.get('message')}): the video goes on "
                      "with silence in the sound track, and an incident was logged.")
        elif name in ("recording_did_stop", "recording_did_fail"):
            self._say(f"<b style='color:#a40000'>Recording stopped:</b> {data.get('message')}")
        elif name == "evidence_did_seal":
            self._recordings.pop(a.id, None)
            self.refresh()

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)
