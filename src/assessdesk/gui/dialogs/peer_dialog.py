"""Peer-score entry for a group project: the assessor types in paper forms, or hands over a supervised kiosk."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QSpinBox, QWidget

from assessdesk.gui.forms.ui_peer_entry_dialog import Ui_PeerEntryDialog
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.scoring import peer


class PeerDialog(QDialog):
    def __init__(self, env: PageEnv, *, attempt_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_PeerEntryDialog()
        self._ui.setupUi(self)
        self._env = env
        self._attempt_id = attempt_id
        self._spins: dict[str, QSpinBox] = {}
        self._ui.save_button.clicked.connect(self._on_save_button_clicked)
        self._ui.close_button.clicked.connect(self.accept)
        self._ui.kiosk_check.toggled.connect(self._on_kiosk_check_toggled)
        self._ui.save_button.setEnabled(False)
        env.runner.db(lambda: peer.peer_setup(env.ctx, actor=env.user, attempt_id=attempt_id), self._show)

    def _show(self, setup: peer.PeerSetup) -> None:
        self._setup = setup
        me = next(m for m in setup.members if m.attempt_id == self._attempt_id)
        ui = self._ui
        ui.intro_label.setText(f"Peers score <b>{me.name}</b> from 1 to {setup.component.scale_max}. At least "
                               f"{setup.component.min_peers} other member(s) must score; "
                               f"{me.forms_received} have so far.")
        for m in setup.members:
            if m.attempt_id != self._attempt_id:
                ui.rater_combo.addItem(m.name, m.candidate_id)
        for c in setup.component.criteria:
            spin = QSpinBox(self)
            spin.setRange(1, setup.component.scale_max)
            spin.setValue((setup.component.scale_max + 1) // 2)
            spin.setAccessibleName(c.prompt)
            spin.setToolTip(c.prompt)
            ui.criteria_layout.addRow(f"{c.title}: {c.prompt}", spin)
            self._spins[c.id] = spin
        ui.save_button.setEnabled(ui.rater_combo.count() > 0)

    def _on_kiosk_check_toggled(self, on: bool) -> None:
        self._ui.intro_label.setVisible(not on)  # a candidate at the kiosk sees no counts

    def _on_save_button_clicked(self) -> None:
        env, ui = self._env, self._ui
        rater = ui.rater_combo.currentData()
        scores = {cid: spin.value() for cid, spin in self._spins.items()}
        source = "kiosk" if ui.kiosk_check.isChecked() else "assessor"
        name = ui.rater_combo.currentText()

        def done(_form: object) -> None:
            ui.status_label.setText(f"Saved the form from {name}. Thank you." if source == "kiosk"
                                    else f"Saved the form from {name}.")
            if source == "kiosk":
                for spin in self._spins.values():
                    spin.setValue((self._setup.component.scale_max + 1) // 2)

        env.runner.db(lambda: peer.enter_peer_form(env.ctx, actor=env.user, ratee_attempt_id=self._attempt_id,
                                                   rater_candidate_id=rater, scores=scores, source=source), done)
