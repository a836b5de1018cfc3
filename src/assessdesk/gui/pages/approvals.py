"""Approvals (approvers): the queue of passed attempts, everything needed to judge one, and approve or reject."""

from __future__ import annotations

import html
import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from assessdesk.domain.errors import DomainError
from assessdesk.gui.errors import show_error
from assessdesk.gui.forms.ui_approval_page import Ui_ApprovalPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.issuance import approval
from assessdesk.services.issuance.approval import ApprovalReview, QueueEntry

BAD = "#a40000"
GOOD = "#1a6b1a"
PHOTO_SIZE = 200


def _video_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class ApprovalsPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_ApprovalPage()
        self._ui.setupUi(self)
        self._env = env
        self._queue: list[QueueEntry] = []
        self._review: ApprovalReview | None = None
        ui = self._ui
        ui.refresh_button.clicked.connect(lambda: self.refresh())
        ui.queue_table.itemSelectionChanged.connect(self._on_queue_table_selection_changed)
        ui.approve_button.clicked.connect(self._on_approve_button_clicked)
        ui.reject_button.clicked.connect(self._on_reject_button_clicked)
        ui.reason_edit.textChanged.connect(lambda _text: self._update_buttons())
        ui.playback_button.clicked.connect(self._on_playback_button_clicked)
        ui.queue_table.horizontalHeader().setStretchLastSection(True)
        ui.marks_table.horizontalHeader().setStretchLastSection(True)
        ui.main_splitter.setStretchFactor(1, 2)
        ui.main_splitter.setSizes([400, 740])
        ui.queue_table.verticalHeader().setVisible(False)
        self._playback_available = importlib.util.find_spec("assessdesk.gui.pages.playback") is not None
        self._update_buttons()

    # ------------------------------------------------------------------------------------------------ queue

    def refresh(self, note: str = "") -> None:
        """Reload the queue; `note` (the outcome of the last decision) stays on screen above the count."""
        env = self._env
        self._say(note or "Loading the approval queue…")
        env.runner.db(lambda: approval.approval_queue(env.ctx, actor=env.user),
                      lambda entries: self._show_queue(entries, note))

    def _show_queue(self, entries: list[QueueEntry], note: str = "") -> None:
        selected = self._review.inputs.attempt.id if self._review else None
        self._queue = entries
        table = self._ui.queue_table
        table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            cells = (e.candidate_name, e.credential_ref, e.requested_at[:10], e.took_part or "—")
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        count = f"{len(entries)} attempt(s) wait for sign-off." if entries else "Nothing waits for sign-off."
        self._say(f"{note}<br>{count}" if note else count)
        ids = [e.attempt_id for e in entries]
        if selected in ids:
            table.selectRow(ids.index(selected))
        elif entries:
            table.selectRow(0)
        else:
            self._show_review(None)

    def selected(self) -> QueueEntry | None:
        rows = self._ui.queue_table.selectionModel().selectedRows()
        return self._queue[rows[0].row()] if rows else None

    def _on_queue_table_selection_changed(self) -> None:
        entry, env = self.selected(), self._env
        if entry is None:
            return
        self._ui.summary_label.setText(f"Checking the evidence of {html.escape(entry.candidate_name)}…")
        env.runner.db(lambda: approval.review(env.ctx, actor=env.user, attempt_id=entry.attempt_id),
                      self._show_review)

    # ----------------------------------------------------------------------------------------------- review

    def _show_review(self, review: ApprovalReview | None) -> None:
        self._review = review
        ui = self._ui
        if review is None:
            ui.summary_label.setText("Select an attempt to review it.")
            for label in (ui.blockers_label, ui.identity_label, ui.evidence_label, ui.standards_label,
                          ui.certification_label):
                label.setText("")
            ui.marks_table.setRowCount(0)
            ui.sheets_table.setRowCount(0)
            self._update_buttons()
            return
        inputs = review.inputs
        a, st = inputs.attempt, inputs.standards
        sitting = inputs.sitting
        where = f" at {html.escape(sitting.site)}" if sitting else ""
        credential = html.escape(st.credential.name) if st else html.escape(a.credential_id)
        ui.summary_label.setText(
            f"<b>{html.escape(a.candidate.full_name)}</b> — {credential}<br>"
            f"Assessed {inputs.assessed_on.isoformat()}{where}; state: {a.state.value.replace('_', ' ')}.")
        self._show_blockers(review)
        self._show_identity(review)
        self._show_evidence(review)
        self._show_scores(review)
        self._update_buttons()

    def _show_blockers(self, review: ApprovalReview) -> None:
        reasons = list(review.blockers)
        if review.duty_conflict:
            reasons.insert(0, review.duty_conflict)
        if review.issuer_problem:
            reasons.append(review.issuer_problem)
        if reasons:
            items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
            text = f"<b style='color:{BAD}'>Sign-off is not possible:</b><ul>{items}</ul>"
        else:
            text = (f"<b style='color:{GOOD}'>Ready for sign-off:</b> the evidence verifies, all required "
                    "evidence is present, and you took no part in this attempt.")
        self._ui.blockers_label.setText(text)

    def _show_identity(self, review: ApprovalReview) -> None:
        ui, identity = self._ui, review.inputs.identity
        for label, text in ((ui.live_photo_label, "No live photo"), (ui.id_photo_label, "No ID photo")):
            label.setPixmap(QPixmap())
            label.setText(text)
        if identity is None:
            ui.identity_label.setText("No identity decision was recorded.")
            return
        decision = {"verified": "Verified", "verified_override": "Verified with override",
                    "not_verified": "Not verified"}.get(identity.decision, identity.decision)
        score = f"{identity.score:.2f}" if identity.score is not None else "not used"
        override = f"<br>Override reason: {html.escape(identity.override_reason)}" if identity.override_reason else ""
        ui.identity_label.setText(
            f"<b>{decision}</b> by {html.escape(identity.decided_by or 'the proctor')} at "
            f"{identity.decided_at[:16].replace('T', ' ')}.<br>"
            f"Face similarity (an aid, not the decision): {score}"
            f"{' (' + html.escape(identity.method) + ')' if identity.method else ''}.{override}")
        store, env = self._env.ctx.evidence_store(), self._env
        for kind, label in (("live_photo", ui.live_photo_label), ("id_photo", ui.id_photo_label)):
            sha = identity.photos.get(kind)
            if sha:  # decrypting a photo is file work: the io lane, never the GUI thread
                env.runner.io(lambda sha=sha: store.read_bytes(sha), lambda data, label=label: self._set_photo(
                    label, data))

    def _set_photo(self, label, data: bytes) -> None:  # type: ignore[no-untyped-def]
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            label.setPixmap(pixmap.scaled(PHOTO_SIZE, PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))

    def _show_evidence(self, review: ApprovalReview) -> None:
        ui, inputs = self._ui, review.inputs
        evidence = inputs.evidence
        colour = GOOD if evidence.verified else BAD
        missing = "".join(f"<br>Missing: {html.escape(m)}" for m in inputs.missing_evidence)
        ui.evidence_label.setText(f"<b style='color:{colour}'>{html.escape(evidence.summary)}</b>{missing}")
        if self._playback_available:
            ui.playback_note_label.setText("Opens the playback page at this attempt's recording.")
        else:
            ui.playback_note_label.setText(
                "Playback is not on this station yet. To watch the recording, export the evidence package "
                f"(assessdesk evidence export {inputs.attempt.id} --out FOLDER) and open its segments.")
        ui.playback_button.setEnabled(self._playback_available and evidence.sealed)
        table = ui.marks_table
        table.setRowCount(len(inputs.marks))
        for row, mark in enumerate(inputs.marks):
            for col, text in enumerate((_video_time(mark.at_s), mark.kind, mark.label, mark.note)):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _show_scores(self, review: ApprovalReview) -> None:
        ui, inputs = self._ui, review.inputs
        st = inputs.standards
        if st is None:
            ui.standards_label.setText(f"<b style='color:{BAD}'>Pinned standards not found:</b> "
                                       f"{html.escape(inputs.standards_problem or '')}")
            criteria = []
        else:
            pin = "pinned" if st.pin else "resolved by date (never pinned)"
            ui.standards_label.setText(
                f"Rubric <b>{html.escape(st.assessment_title)}</b> version {html.escape(st.assessment_ref)} "
                f"({pin}); pass rule: {html.escape(st.pass_rule)}.")
            criteria = [c.id for c in st.criteria]
        headers = ["Sheet", "Marker", "Submitted", *criteria, "Sign-off", "Reason / comment"]
        table = ui.sheets_table
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(inputs.sheets))
        deciding = inputs.deciding_sheet.sheet_id if inputs.deciding_sheet else None
        for row, sheet in enumerate(inputs.sheets):
            role = sheet.role + (" (decides)" if sheet.sheet_id == deciding else "")
            cells = [role, sheet.assessor_name, sheet.submitted_at[:16].replace("T", " "),
                     *[sheet.levels.get(c, "—") for c in criteria], "yes" if sheet.signoff else "no",
                     sheet.reason or sheet.comment]
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        lines = [f"{html.escape(c.assessor_name)}: <b>{c.status}</b> — {html.escape(c.detail)}"
                 for c in inputs.certifications]
        ui.certification_label.setText("Assessor certification when scored:<br>" + "<br>".join(lines)
                                       if lines else "")

    # ---------------------------------------------------------------------------------------------- actions

    def _update_buttons(self) -> None:
        review, ui = self._review, self._ui
        ui.approve_button.setEnabled(bool(review and review.can_approve))
        ui.reject_button.setEnabled(bool(review and review.can_reject and ui.reason_edit.text().strip()))
        ui.reason_edit.setEnabled(bool(review and review.can_reject))
        ui.moderation_check.setEnabled(bool(review and review.can_reject))
        why = ""
        if review and review.duty_conflict:
            why = review.duty_conflict
        elif review and not review.can_approve:
            why = "Sign-off is blocked; the reasons are listed above."
        ui.approve_button.setToolTip(why)

    def _on_approve_button_clicked(self) -> None:
        review, env = self._review, self._env
        if review is None:
            return
        attempt_id = review.inputs.attempt.id
        self._say("Issuing the credential and rendering the certificate…")
        self._ui.approve_button.setEnabled(False)
        env.runner.db(lambda: approval.approve(env.ctx, actor=env.user, attempt_id=attempt_id), self._approved,
                      self._failed)

    def _approved(self, record) -> None:  # type: ignore[no-untyped-def]
        self._review = None
        self.refresh(f"<b style='color:{GOOD}'>Issued</b> {html.escape(record.achievement_name)} to "
                     f"{html.escape(record.candidate_name)} ({record.credential_id}). It is listed under "
                     "Credentials.")

    def _on_reject_button_clicked(self) -> None:
        review, env, ui = self._review, self._env, self._ui
        if review is None:
            return
        attempt_id, reason = review.inputs.attempt.id, ui.reason_edit.text()
        back = ui.moderation_check.isChecked()
        env.runner.db(lambda: approval.reject(env.ctx, actor=env.user, attempt_id=attempt_id, reason=reason,
                                              back_to_moderation=back), self._rejected, self._failed)

    def _rejected(self, state) -> None:  # type: ignore[no-untyped-def]
        self._ui.reason_edit.clear()
        self._review = None
        outcome = "sent back to moderation" if state.value == "in_moderation" else "rejected; the attempt has ended"
        self.refresh(f"The attempt was {outcome}.")

    def _failed(self, error: BaseException) -> None:
        """A refusal (blocked, separation of duties) reads best beside the buttons; anything else is a real error."""
        if not isinstance(error, DomainError):
            show_error(self, error)
        self._say(f"<b style='color:{BAD}'>Nothing was changed:</b> {html.escape(str(error))}")
        self._update_buttons()

    def _on_playback_button_clicked(self) -> None:
        review = self._review
        window = self.window()
        if review is None or not hasattr(window, "show_page"):
            return
        try:
            page = window.show_page("playback")
        except ValueError:
            self._say("The playback page is not available to your roles on this station.")
            return
        opener = getattr(page, "open_attempt", None)
        if opener is not None:
            opener(review.inputs.attempt.id)

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)
