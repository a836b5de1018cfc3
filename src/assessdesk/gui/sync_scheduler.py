"""The station's one sync runner. It lives as long as the open profile (signed in or not, whichever page shows):
it starts an automatic run whenever one is due (the engine's backoff with jitter decides when) and runs the syncs
people ask for on the Sync page, one run at a time. Engine steps run on their lanes; the GUI thread only hands
them over, so it never waits and no transaction spans network I/O."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from assessdesk.domain.errors import DomainError
from assessdesk.gui.tasks import TaskRunner
from assessdesk.services.events import EventBus
from assessdesk.services.station import StationContext
from assessdesk.services.sync import engine, state

AUTO_CHECK_MS = 30_000  # how often the runner asks whether an automatic sync is due
FIRST_CHECK_MS = 3_000  # the first ask, soon after the profile opens


class StepDriver(QObject):
    """Runs engine steps one by one, each on its lane (db or io), feeding results and errors back in."""

    sig_step = Signal(str)
    """The label of the step now running (for the progress text)."""

    def __init__(self, runner: TaskRunner, steps: Generator[engine.Step, Any, Any], *,
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._steps, self._on_done, self._on_error = runner, steps, on_done, on_error

    def start(self) -> None:
        self._advance(None, None)

    def _advance(self, result: Any, error: BaseException | None) -> None:
        try:
            step = self._steps.throw(error) if error is not None else self._steps.send(result)
        except StopIteration as stop:
            self._on_done(stop.value)
            return
        except BaseException as exc:  # noqa: BLE001 - the engine let it through: the caller shows it
            self._on_error(exc)
            return
        self.sig_step.emit(step.label)
        submit = self._runner.db if step.lane == "db" else self._runner.io
        submit(step.fn, lambda r: self._advance(r, None), lambda e: self._advance(None, e))


class SyncScheduler(QObject):
    sig_started = Signal()
    sig_step = Signal(str)
    sig_finished = Signal(object)
    """A run ended with its SyncReport (ok or not: a failed run is a report too)."""
    sig_failed = Signal(str)
    """A run stopped on an error the engine did not turn into a report (the text to show)."""

    def __init__(self, ctx: StationContext, runner: TaskRunner, bus: EventBus, *, check_ms: int = AUTO_CHECK_MS,
                 first_check_ms: int = FIRST_CHECK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._runner, self._bus = ctx, runner, bus
        self._driver: StepDriver | None = None
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check_due)
        self._timer.start()
        QTimer.singleShot(first_check_ms, self, self.check_due)

    def running(self) -> bool:
        return self._driver is not None

    def stop(self) -> None:
        """No more automatic runs (the profile is closing); a run under way finishes its current step."""
        self._timer.stop()

    def check_due(self) -> None:
        """Start an automatic run when the station is enrolled and its next try has come."""
        if self._driver is not None or self._checking or not self._timer.isActive():
            return
        ctx = self._ctx
        self._checking = True

        def is_due() -> bool:
            return state.load_config(ctx) is not None and state.due(ctx, now=ctx.clock.now())

        def answered(due: bool) -> None:
            self._checking = False
            if due:
                self.run(engine.sync_steps(ctx))

        def failed(_exc: BaseException) -> None:  # the database was busy or closing: the next tick asks again
            self._checking = False

        self._runner.db(is_due, answered, failed)

    def run(self, steps: Generator[engine.Step, Any, Any]) -> bool:
        """Start a run of these steps; False (and the steps unused) when one is already under way."""
        if self._driver is not None:
            steps.close()
            return False
        self._driver = StepDriver(self._runner, steps, on_done=self._done, on_error=self._error, parent=self)
        self._driver.sig_step.connect(self.sig_step)
        self.sig_started.emit()
        self._driver.start()
        return True

    def _done(self, report: engine.SyncReport) -> None:
        self._driver = None
        self._bus.publish("sync_did_finish", ok=report.ok, report=report.as_dict())
        self.sig_finished.emit(report)

    def _error(self, error: BaseException) -> None:
        self._driver = None
        text = str(error) if isinstance(error, DomainError) else f"Sync stopped: {type(error).__name__}: {error}"
        self._bus.publish("sync_did_finish", ok=False, report={"error": text})
        self.sig_failed.emit(text)
