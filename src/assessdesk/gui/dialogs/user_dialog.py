"""Create a user, change a user's roles, or set a new password: one form, three modes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from assessdesk.domain.roles import Role
from assessdesk.domain.users import User
from assessdesk.gui.forms.ui_user_dialog import Ui_UserDialog


class UserDialog(QDialog):
    def __init__(self, *, mode: str, user: User | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_UserDialog()
        self._ui.setupUi(self)
        self.mode = mode
        self._ui.button_box.accepted.connect(self.accept)
        self._ui.button_box.rejected.connect(self.reject)
        self._checks = {Role.PROCTOR: self._ui.proctor_check, Role.ASSESSOR: self._ui.assessor_check,
                        Role.LEAD_ASSESSOR: self._ui.lead_assessor_check, Role.APPROVER: self._ui.approver_check,
                        Role.ADMIN: self._ui.admin_check}
        if user is not None:
            self._ui.username_edit.setText(user.username)
            self._ui.display_name_edit.setText(user.display_name)
            for role, box in self._checks.items():
                box.setChecked(role in user.roles)
        titles = {"create": "New user", "roles": "Change roles", "password": "Set a new password"}
        self.setWindowTitle(titles[mode])
        self._ui.username_edit.setReadOnly(mode != "create")
        self._ui.display_name_edit.setReadOnly(mode != "create")
        for w in (self._ui.password_edit, self._ui.password_label):
            w.setVisible(mode in ("create", "password"))
        self._ui.roles_group.setVisible(mode in ("create", "roles"))
        (self._ui.password_edit if mode == "password" else self._ui.username_edit).setFocus()

    def values(self) -> dict:
        return {"username": self._ui.username_edit.text(), "display_name": self._ui.display_name_edit.text(),
                "password": self._ui.password_edit.text(),
                "roles": [r.value for r, box in self._checks.items() if box.isChecked()]}
