"""A one-thread queue for the short database writes a recording makes (segment records, flags, incidents).

The capture, closer and presence threads hand their writes here instead of waiting on SQLite themselves, and the
order of the writes (which the evidence chain depends on) is the order they were handed in.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class WriteLane:
    def __init__(self, *, name: str, on_error: Callable[[BaseException], None] | None = None) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._on_error = on_error
        # started with the first job: a recording that never starts (camera missing, attempt not ready) leaves
        # no idle thread behind
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._start_lock = threading.Lock()
        self.errors: list[BaseException] = []

    def _started(self) -> bool:
        return self._thread.ident is not None

    def submit(self, job: Callable[[], None]) -> None:
        with self._start_lock:
            if not self._started():
                self._thread.start()
        self._jobs.put(job)

    def drain(self, timeout: float = 60.0) -> bool:
        """Wait until every job handed in so far has run; True when it did within `timeout`."""
        if not self._started():
            return True
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout)

    def close(self, timeout: float = 60.0) -> None:
        with self._start_lock:
            if not self._started():
                return
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except BaseException as exc:
                log.exception("a recording write failed")
                self.errors.append(exc)
                if self._on_error is not None:
                    try:
                        self._on_error(exc)
                    except Exception:
                        log.exception("on_error listener failed")
