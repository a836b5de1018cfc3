"""Users and roles (admin): create users, change roles, reset passwords, deactivate; verify the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from assessdesk.domain.users import User
from assessdesk.gui.dialogs.user_dialog import UserDialog
from assessdesk.gui.forms.ui_users_page import Ui_UsersPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services import audit_log, users


class UsersPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_UsersPage()
        self._ui.setupUi(self)
        self._env = env
        self._users: list[User] = []
        ui = self._ui
        ui.new_user_button.clicked.connect(self._on_new_user_button_clicked)
        ui.roles_button.clicked.connect(lambda: self._edit("roles"))
        ui.reset_password_button.clicked.connect(lambda: self._edit("password"))
        ui.toggle_active_button.clicked.connect(self._on_toggle_active_button_clicked)
        ui.verify_audit_button.clicked.connect(self._on_verify_audit_button_clicked)
        ui.users_table.itemSelectionChanged.connect(self._update_buttons)
        ui.users_table.horizontalHeader().setStretchLastSection(True)

    def refresh(self) -> None:
        env = self._env
        env.runner.db(lambda: users.list_users(env.ctx, actor=env.user), self._show)

    def _show(self, rows: list[User]) -> None:
        self._users = rows
        table = self._ui.users_table
        table.setRowCount(len(rows))
        for i, u in enumerate(rows):
            status = "active" if u.active else "deactivated"
            if u.locked_until:
                status += " (locked)"
            for col, text in enumerate((u.username, u.display_name, ", ".join(sorted(u.roles)), status)):
                table.setItem(i, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> User | None:
        rows = self._ui.users_table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self._ui.roles_button, self._ui.reset_password_button, self._ui.toggle_active_button):
            b.setEnabled(user is not None)
        self._ui.roles_button.setEnabled(user is not None and user.id != self._env.user.id)
        self._ui.toggle_active_button.setText("&Activate" if user and not user.active else "&Deactivate")

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)

    def _on_new_user_button_clicked(self) -> None:
        dialog = UserDialog(mode="create", parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v, env = dialog.values(), self._env
        env.runner.db(lambda: users.create_user(env.ctx, actor=env.user, **v),
                      lambda u: (self._say(f"Created {u.username}."), self.refresh()))

    def _edit(self, mode: str) -> None:
        user, env = self.selected(), self._env
        if user is None:
            return
        dialog = UserDialog(mode=mode, user=user, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        if mode == "roles":
            env.runner.db(lambda: users.assign_roles(env.ctx, actor=env.user, user_id=user.id, roles=v["roles"]),
                          lambda u: (self._say(f"Roles of {u.username} changed."), self.refresh()))
        else:
            env.runner.db(lambda: users.reset_password(env.ctx, actor=env.user, user_id=user.id,
                                                       new_password=v["password"]),
                          lambda u: (self._say(f"New password set for {u.username}."), self.refresh()))

    def _on_toggle_active_button_clicked(self) -> None:
        user, env = self.selected(), self._env
        if user is not None:
            env.runner.db(lambda: users.set_active(env.ctx, actor=env.user, user_id=user.id, active=not user.active),
                          lambda u: self.refresh())

    def _on_verify_audit_button_clicked(self) -> None:
        env = self._env
        self._say("Verifying the audit log…")
        env.runner.db(lambda: audit_log.audit_report(env.ctx, actor=env.user), self._show_audit)

    def _show_audit(self, report: audit_log.AuditReport) -> None:
        if report.ok:
            self._say(f"Audit log verified: {report.entries} entries, {report.checkpoints} signed checkpoints.")
        else:
            self._say("<b style='color:#a40000'>Audit log broken:</b> " + "; ".join(report.problems))
