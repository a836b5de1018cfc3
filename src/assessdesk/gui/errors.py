"""The one error dialog: what happened and what to do, in a proctor's words; technical details folded below."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QWidget

from assessdesk.domain.errors import DomainError
from assessdesk.gui.forms.ui_error_dialog import Ui_ErrorDialog

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> tuple[str, str]:
    """(message, what to do) for any error."""
    if isinstance(exc, DomainError):
        return exc.message, exc.hint
    if isinstance(exc, OSError):
        return (f"The station could not read or write a file: {exc.strerror or exc}.",
                "Check that the disk is not full and the profile folder is writable, then try again.")
    return ("Something unexpected went wrong. Nothing you confirmed was lost.",
            "Try again; if it keeps happening, send the details below to support.")


class ErrorDialog(QDialog):
    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_ErrorDialog()
        self._ui.setupUi(self)
        message, hint = describe(exc)
        self._ui.message_label.setText(f"<b>{message}</b>")
        self._ui.hint_label.setText(hint)
        self._ui.hint_label.setVisible(bool(hint))
        details = getattr(exc, "__assessdesk_trace__", "") or repr(exc)
        self._ui.details_edit.setPlainText(details)
        self._ui.details_edit.setVisible(not isinstance(exc, DomainError))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if not isinstance(exc, DomainError):
        log.error("unexpected error: %s", getattr(exc, "__assessdesk_trace__", repr(exc)))
    ErrorDialog(exc, parent).open()
