"""The main window: navigation, a page stack, the banner, sign-out and idle sign-out. Thin by design."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from assessdesk.gui.forms.ui_main_window import Ui_MainWindow
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.pages.registry import PageSpec, pages_for

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.MouseMove}


class MainWindow(QMainWindow):
    sig_sign_out_requested = Signal(str)
    """The user signs out ('user') or was idle too long ('idle')."""

    def __init__(self, env: PageEnv, *, station_name: str, idle_ms: int, banner: str = "") -> None:
        super().__init__()
        self._ui = Ui_MainWindow()
        self._ui.setupUi(self)
        self._env = env
        self._specs: list[PageSpec] = pages_for(env.user)
        self._pages: dict[str, QWidget] = {}
        ui = self._ui
        ui.banner_label.setText(banner)
        ui.banner_label.setVisible(bool(banner))
        ui.banner_label.setStyleSheet("background:#fff4ce; color:#4a3b00;")
        for spec in self._specs:
            ui.navigation_list.addItem(spec.title)
        ui.navigation_list.currentRowChanged.connect(self._on_navigation_list_current_row_changed)
        ui.sign_out_action.triggered.connect(lambda: self.sig_sign_out_requested.emit("user"))
        self.setWindowTitle(f"assessdesk — {station_name}")
        ui.status_bar.showMessage(f"Signed in as {env.user.display_name} ({', '.join(sorted(env.user.roles))})")
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._idle.start()
        QApplication.instance().installEventFilter(self)
        ui.main_splitter.setStretchFactor(1, 1)
        ui.navigation_list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _INPUT_EVENTS:
            self._idle.start()
        return False

    def _on_idle_timeout(self) -> None:
        if any(getattr(p, "blocks_idle_sign_out", lambda: False)() for p in self._pages.values()):
            self._idle.start()  # a recording is running: the proctor is watching, not away
            return
        self.sig_sign_out_requested.emit("idle")

    def page_titles(self) -> list[str]:
        return [s.title for s in self._specs]

    def show_page(self, key: str) -> QWidget:
        index = [s.key for s in self._specs].index(key)
        self._ui.navigation_list.setCurrentRow(index)
        return self._pages[key]

    def current_page(self) -> QWidget:
        return self._ui.page_stack.currentWidget()

    def _on_navigation_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        page = self._pages.get(spec.key)
        if page is None:
            page = spec.build(self._env)
            self._pages[spec.key] = page
            self._ui.page_stack.addWidget(page)
        self._ui.page_stack.setCurrentWidget(page)
        refresh = getattr(page, "refresh", None)
        if refresh:
            refresh()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        QApplication.instance().removeEventFilter(self)
        for page in self._pages.values():
            getattr(page, "shutdown", lambda: None)()
        super().closeEvent(event)
