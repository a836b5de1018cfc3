"""Check-in and identity: check the candidate in, record consent, take photos, compare faces, record the decision."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QWidget

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.schedule import AttemptSummary
from assessdesk.gui.forms.ui_checkin_page import Ui_CheckInPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.widgets.attempt_combo import fill_attempt_combo
from assessdesk.services import checkin
from assessdesk.services.home import day_overview

S = AttemptState
OPEN_STATES = (S.SCHEDULED, S.CHECKED_IN, S.IDENTITY_VERIFIED, S.IDENTITY_FAILED)


class CheckInPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_CheckInPage()
        self._ui.setupUi(self)
        self._env = env
        self._attempts: list[AttemptSummary] = []
        self._photos: dict[str, str] = {}
        self._comparison: dict[str, Any] | None = None
        self._consent: checkin.Consent | None = None
        self._preview = None
        ui = self._ui
        ui.consent_version_label.setText(f"Consent text version: {checkin.CONSENT_TEXT_VERSION}")
        ui.attempt_combo.currentIndexChanged.connect(self._on_attempt_combo_current_index_changed)
        ui.check_in_button.clicked.connect(self._on_check_in_button_clicked)
        ui.record_consent_button.clicked.connect(self._on_record_consent_button_clicked)
        ui.capture_live_button.clicked.connect(lambda: self._capture("live_photo"))
        ui.capture_id_button.clicked.connect(lambda: self._capture("id_photo"))
        ui.compare_button.clicked.connect(self._on_compare_button_clicked)
        ui.decide_button.clicked.connect(self._on_decide_button_clicked)
        ui.verified_radio.setChecked(True)
        env.bridge.sig_core_event.connect(self._on_bridge_sig_core_event)

    # data ------------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env = self._env
        env.runner.db(lambda: day_overview(env.ctx, actor=env.user), self._show_attempts)
        self._start_preview()

    def _show_attempts(self, day: Any) -> None:
        current = self.attempt()
        self._attempts = [a for a in day.attempts if a.state in OPEN_STATES]
        fill_attempt_combo(self._ui.attempt_combo, self._attempts, current)
        self._on_attempt_combo_current_index_changed()

    def attempt(self) -> AttemptSummary | None:
        i = self._ui.attempt_combo.currentIndex()
        return self._attempts[i] if 0 <= i < len(self._attempts) else None

    def select_attempt(self, attempt_id: str) -> None:
        self._ui.attempt_combo.setCurrentIndex([a.id for a in self._attempts].index(attempt_id))

    def _on_attempt_combo_current_index_changed(self, *_: object) -> None:
        a, env = self.attempt(), self._env
        self._comparison = None
        self._ui.comparison_label.setText("")
        if a is None:
            self._ui.state_label.setText("No candidate is waiting for check-in today.")
            self._update_enabled()
            return

        def load():  # type: ignore[no-untyped-def]
            return checkin.consent_of(env.ctx, a.id), checkin.photos_of(env.ctx, a.id)

        env.runner.db(load, self._show_details)

    def _show_details(self, result: tuple) -> None:
        self._consent, self._photos = result
        a = self.attempt()
        if a is None:
            return
        c = self._consent
        consent = ("not yet recorded" if c is None else
                   f"recording {'yes' if c.recording else 'REFUSED'}, face comparison "
                   f"{'yes' if c.face_comparison else 'REFUSED (check the ID by eye)'}")
        self._ui.state_label.setText(f"<b>{a.candidate.full_name}</b> · state: {a.state.value.replace('_', ' ')}"
                                     f" · consent: {consent}")
        self._show_thumbs()
        self._update_enabled()

    def _update_enabled(self) -> None:
        a, ui = self.attempt(), self._ui
        state = a.state if a else None
        checked_in = state is S.CHECKED_IN
        ui.checkin_group.setEnabled(state is S.SCHEDULED)
        ui.consent_group.setEnabled(checked_in)
        has_consent = checked_in and self._consent is not None
        face_ok = has_consent and self._consent.face_comparison
        ui.capture_live_button.setEnabled(has_consent)
        ui.capture_id_button.setEnabled(has_consent)
        ui.compare_button.setEnabled(face_ok and "live_photo" in self._photos)
        ui.decision_group.setEnabled(has_consent)

    # photos ----------------------------------------------------------------------------------------------------
    def _start_preview(self) -> None:
        if self._preview is not None or getattr(self, "_preview_starting", False):
            return
        from assessdesk.services.preview import Preview, camera_spec

        self._preview_starting = True
        env = self._env
        self._ui.preview_widget.set_message("Starting the camera…")

        def open_camera(spec: str) -> None:
            preview = Preview(spec, on_lost=lambda lost: env.bus.publish("camera_did_disconnect",
                                                                         message=lost.message),
                              on_back=lambda: env.bus.publish("camera_did_reconnect"))

            def started(_: object) -> None:
                self._preview, self._preview_starting = preview, False
                self._ui.preview_widget.set_message("")
                self._ui.preview_widget.set_provider(preview.latest)

            def failed(exc: BaseException) -> None:
                self._preview_starting = False
                self._ui.preview_widget.set_message(f"{exc}")
                self._say(f"The camera could not start: {exc}")

            env.runner.io(preview.start, started, failed)

        env.runner.db(lambda: camera_spec(env.ctx, env.camera), open_camera)

    def _on_bridge_sig_core_event(self, name: str, data: dict) -> None:
        if name == "camera_did_disconnect":
            self._ui.preview_widget.set_message(f"Camera lost: {data.get('message', '')} — reconnecting…")
        elif name == "camera_did_reconnect":
            self._ui.preview_widget.set_message("")

    def _capture(self, kind: str) -> None:
        a, env = self.attempt(), self._env
        latest = self._preview.latest() if self._preview else None
        if a is None or latest is None:
            self._say("No picture from the camera yet.")
            return
        frame = latest.frame.copy()

        def work() -> str:
            from assessdesk.services.preview import jpeg

            return checkin.add_photo(env.ctx, actor=env.user, attempt_id=a.id, kind=kind, image_bytes=jpeg(frame))

        def done(sha: str) -> None:
            self._photos[kind] = sha
            self._say(f"{'Live' if kind == 'live_photo' else 'ID'} photo stored (sha256 {sha[:12]}…).")
            self._show_thumbs()
            self._update_enabled()

        env.runner.db(work, done)

    def _show_thumbs(self) -> None:
        env, photos = self._env, dict(self._photos)
        labels = {"live_photo": self._ui.live_thumb_label, "id_photo": self._ui.id_thumb_label,
                  "enrolled_photo": self._ui.enrolled_thumb_label}
        for kind, label in labels.items():
            if kind not in photos:
                label.setPixmap(QPixmap())
                label.setText(label.accessibleName() or kind.replace("_", " "))
                continue
            sha = photos[kind]
            env.runner.io(lambda sha=sha: env.ctx.evidence_store().read_bytes(sha),
                          lambda data, label=label: self._set_thumb(label, data))

    def _set_thumb(self, label: Any, data: bytes) -> None:
        image = QImage.fromData(data)
        label.setPixmap(QPixmap.fromImage(image).scaled(label.minimumSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation))

    def _on_compare_button_clicked(self) -> None:
        env, photos = self._env, dict(self._photos)
        self._ui.comparison_label.setText("Comparing faces…")
        env.runner.io(lambda: checkin.compare_faces(env.ctx, photos), self._show_comparison,
                      lambda exc: self._ui.comparison_label.setText(str(exc)))

    def _show_comparison(self, result: dict) -> None:
        self._comparison = result
        method = result["method"] + (" — a weaker fallback method" if result["fallback"] else "")
        lines = [f"<b>Method:</b> {method}; match when the distance is below {result['threshold']}"]
        for c in result["comparisons"]:
            ref = c["reference"].replace("_", " ")
            if c["similarity"] is None:
                lines.append(f"<b>vs {ref}:</b> not compared — {c['note']}")
            else:
                verdict = "looks like the same person" if c["match"] else "<span style='color:#a40000'>does not " \
                                                                          "look like the same person</span>"
                lines.append(f"<b>vs {ref}:</b> similarity {c['similarity']:.2f} (distance {c['distance']}) — "
                             f"{verdict}")
            for w in c["warnings_live"]:
                lines.append(f"⚠ live photo: {w}")
            for w in c["warnings_reference"]:
                lines.append(f"⚠ {ref}: {w}")
        lines.append("<i>The score is an aid. You decide.</i>")
        self._ui.comparison_label.setText("<br>".join(lines))

    # decision --------------------------------------------------------------------------------------------------
    def _on_check_in_button_clicked(self) -> None:
        a, env, ui = self.attempt(), self._env, self._ui
        if a is None:
            return
        extra, note = ui.extra_minutes_spin.value(), ui.accommodation_edit.text()
        env.runner.db(lambda: checkin.check_in(env.ctx, actor=env.user, attempt_id=a.id, extra_minutes=extra,
                                               accommodation_note=note),
                      lambda _: (self._say(f"{a.candidate.full_name} is checked in."), self.refresh()))

    def _on_record_consent_button_clicked(self) -> None:
        a, env, ui = self.attempt(), self._env, self._ui
        if a is None:
            return
        rec, face = ui.consent_recording_check.isChecked(), ui.consent_face_check.isChecked()
        env.runner.db(lambda: checkin.record_consent(env.ctx, actor=env.user, attempt_id=a.id, recording=rec,
                                                     face_comparison=face),
                      lambda _: (self._say("Consent recorded."), self._on_attempt_combo_current_index_changed()))

    def _on_decide_button_clicked(self) -> None:
        a, env, ui = self.attempt(), self._env, self._ui
        if a is None:
            return
        decision = ("verified" if ui.verified_radio.isChecked() else
                    "not_verified" if ui.not_verified_radio.isChecked() else "verified_override")
        reason, comparison = ui.override_reason_edit.text(), self._comparison
        env.runner.db(lambda: checkin.decide_identity(env.ctx, actor=env.user, attempt_id=a.id, decision=decision,
                                                      override_reason=reason, comparison=comparison),
                      lambda event: (self._say("Identity verified: the attempt can start on the Attempt page."
                                               if event == "identity.verified" else
                                               "Identity not verified: this attempt cannot start."),
                                     self.refresh()))

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt API)
        self.stop_preview()
        super().hideEvent(event)

    def stop_preview(self) -> None:
        if self._preview is not None:
            preview, self._preview = self._preview, None
            self._ui.preview_widget.set_provider(None)
            self._env.runner.io(preview.stop)
