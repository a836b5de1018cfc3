"""The task runner: work runs on the db lane (one thread) or the io lane (small pool); results come back on the GUI thread."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)
Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Anki's CollectionOp idea: the worker never touches a widget, the callback never touches a Session."""

    sig_busy_changed = Signal(bool)
    """True while any task is running (pages show progress)."""
    _sig_finished = Signal(object, object, object)

    def __init__(self, on_error: ErrorCallback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._db = ThreadPoolExecutor(1, thread_name_prefix="db-lane")
        self._io = ThreadPoolExecutor(3, thread_name_prefix="io-lane")
        self.pending = 0
        self._closed = False
        self._sig_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def db(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None) -> None:
        """Run `fn` on the db lane: every use-case that touches SQLite, one unit of work per user action."""
        self._submit(self._db, fn, on_done, on_error)

    def io(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None) -> None:
        """Run `fn` on the io lane: HTTP, hashing, PDF rendering, keyring. Never waits on the db lane."""
        self._submit(self._io, fn, on_done, on_error)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[], Any], on_done: Callback | None,
                on_error: ErrorCallback | None) -> None:
        if self._closed:  # the app is closing: a late timer's refresh has nothing to show any more
            log.debug("task submitted after shutdown ignored: %r", fn)
            return
        self.pending += 1
        if self.pending == 1:
            self.sig_busy_changed.emit(True)

        def work() -> None:
            try:
                result = fn()
            except BaseException as exc:  # delivered to the GUI thread, never lost
                exc.__assessdesk_trace__ = traceback.format_exc()  # type: ignore[attr-defined]
                self._sig_finished.emit(on_error or self._on_error, None, exc)
            else:
                self._sig_finished.emit(on_done, result, None)

        pool.submit(work)

    def _deliver(self, callback: Callable[[Any], None] | None, result: Any, error: BaseException | None) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.sig_busy_changed.emit(False)
        if callback is not None:
            callback(error if error is not None else result)

    def shutdown(self) -> None:
        self._closed = True
        self._db.shutdown(wait=True, cancel_futures=True)
        self._io.shutdown(wait=True, cancel_futures=True)
