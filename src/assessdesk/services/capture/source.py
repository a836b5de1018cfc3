"""The one interface every frame source meets, the result of a read, and the errors a proctor may see."""

from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable

import numpy as np

from assessdesk.domain.errors import DomainError


class FrameRead(NamedTuple):
    """One read: `ok` is False when no frame came this time (a hiccup; try again), then `frame` is None.

    `timestamp` is time.monotonic() seconds at the moment the frame was taken from the source.
    """

    ok: bool
    frame: np.ndarray | None
    timestamp: float


@runtime_checkable
class FrameSource(Protocol):
    """A camera, a video file or a generator. read() raises SourceLost when the source vanished."""

    name: str

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the frames read() returns."""
        ...

    @property
    def fps(self) -> float: ...

    def open(self) -> None: ...

    def read(self) -> FrameRead: ...

    def close(self) -> None: ...


class CameraUnavailable(DomainError):
    """No camera at that index, or it is busy in another program; nothing was recorded."""

    def __init__(self, message: str, *, source: str, hint: str = "") -> None:
        super().__init__(message, hint=hint or "Check the camera is plugged in and that no other program "
                                               "(a video call, another recorder) is using it, then try again.")
        self.source = source


class SourceLost(DomainError):
    """The source stopped giving frames mid-way: `ended` is True for a file that reached its end (it will not
    come back unless reopened), False for a camera that went away (it may come back)."""

    def __init__(self, message: str, *, source: str, ended: bool = False, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.source = source
        self.ended = ended
