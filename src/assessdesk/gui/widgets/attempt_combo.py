"""Fills an attempt chooser (candidate — credential (state)), keeping the current choice when it is still listed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from assessdesk.domain.schedule import AttemptSummary


def fill_attempt_combo(combo: QComboBox, attempts: list[AttemptSummary], keep: AttemptSummary | None) -> None:
    combo.blockSignals(True)
    combo.clear()
    for a in attempts:
        combo.addItem(f"{a.candidate.full_name} — {a.credential_id} ({a.state.value.replace('_', ' ')})", a.id)
    combo.blockSignals(False)
    ids = [a.id for a in attempts]
    combo.setCurrentIndex(ids.index(keep.id) if keep and keep.id in ids else (0 if ids else -1))
