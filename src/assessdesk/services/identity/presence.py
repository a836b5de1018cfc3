"""Presence monitoring rules: turn (time, faces seen) samples into flags for review; never ends an attempt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from assessdesk.domain.errors import InvalidInput


class FlagKind(StrEnum):
    FACE_ABSENT = "face_absent"
    MULTIPLE_FACES = "multiple_faces"


@dataclass(frozen=True, slots=True)
class PresenceSettings:
    """When a condition becomes a flag. Times are in seconds of the sample clock (video time)."""

    # N: no face for longer than this raises face_absent. Long by default: during practical tasks candidates look
    # down at their work, and the frontal-only detector loses a face turned away.
    absence_seconds: float = 10.0
    multiple_faces_seconds: float = 1.0  # several faces must persist this long (one stray detection is noise)
    multiple_clear_seconds: float = 1.0  # and one face (or none) this long before that flag clears

    def __post_init__(self) -> None:
        for name in ("absence_seconds", "multiple_faces_seconds", "multiple_clear_seconds"):
            if getattr(self, name) < 0:
                raise InvalidInput("must not be negative.", where=f"presence setting {name}")


@dataclass(frozen=True, slots=True)
class PresenceFlag:
    """A span of the recording to review. `ended_s` is None while the condition lasts."""

    kind: FlagKind
    started_s: float         # first sample showing the condition
    raised_s: float          # sample at which it had lasted long enough to flag
    ended_s: float | None = None
    max_faces: int = 0        # most faces seen in one sample during the span

    @property
    def message(self) -> str:
        if self.kind is FlagKind.FACE_ABSENT:
            return "No face was visible to the camera."
        return f"More than one face was visible ({self.max_faces} at most)."


@dataclass(frozen=True, slots=True)
class PresenceEvent:
    """A flag was raised (`presence_flag_did_raise`) or cleared (`presence_flag_did_clear`)."""

    name: str
    flag: PresenceFlag


RAISED = "presence_flag_did_raise"
CLEARED = "presence_flag_did_clear"


class PresenceMonitor:
    """Pure state machine fed at any sample rate; not thread-safe (PresenceSampler serialises calls)."""

    def __init__(self, settings: PresenceSettings = PresenceSettings()) -> None:
        self.settings = settings
        self._flags: list[PresenceFlag] = []      # closed flags, in the order they ended
        self._absent: PresenceFlag | None = None   # open face_absent flag
        self._crowd: PresenceFlag | None = None    # open multiple_faces flag
        self._absent_since: float | None = None
        self._crowd_since: float | None = None
        self._crowd_peak = 0
        self._calm_since: float | None = None      # first sample with <= 1 face while _crowd is open
        self._last_t: float | None = None
        self._finished = False
        self.samples = 0
        self.stale_samples = 0                     # arrived with a time earlier than one already seen

    @property
    def flags(self) -> list[PresenceFlag]:
        """Every flag so far, closed ones first, then any still open."""
        return self._flags + [f for f in (self._absent, self._crowd) if f is not None]

    @property
    def open_flags(self) -> list[PresenceFlag]:
        return [f for f in (self._absent, self._crowd) if f is not None]

    def observe(self, t: float, faces: int) -> list[PresenceEvent]:
        """Feed one sample: at time t (seconds), `faces` faces were detected. Returns flags raised or cleared."""
        if faces < 0:
            raise InvalidInput("a face count cannot be negative.", where="presence sample")
        if self._finished:
            raise InvalidInput("the monitor was finished; start a new one for a new attempt.",
                               where="presence sample")
        if self._last_t is not None and t < self._last_t:
            self.stale_samples += 1  # a late result from a slow detector says nothing about now
            return []
        self._last_t = t
        self.samples += 1
        return self._absence(t, faces) + self._multiple(t, faces)

    def finish(self, t: float) -> list[PresenceEvent]:
        """Close every open flag at t (the attempt ended or recording stopped)."""
        events = []
        if self._absent is not None:
            events.append(self._close_absent(t))
        if self._crowd is not None:
            events.append(self._close_crowd(self._calm_since if self._calm_since is not None else t))
        self._finished = True
        return events

    def _absence(self, t: float, faces: int) -> list[PresenceEvent]:
        if faces > 0:
            self._absent_since = None
            return [self._close_absent(t)] if self._absent is not None else []
        if self._absent_since is None:
            self._absent_since = t
        if self._absent is None and t - self._absent_since > self.settings.absence_seconds:
            self._absent = PresenceFlag(FlagKind.FACE_ABSENT, started_s=self._absent_since, raised_s=t)
            return [PresenceEvent(RAISED, self._absent)]
        return []

    def _multiple(self, t: float, faces: int) -> list[PresenceEvent]:
        if faces > 1:
            self._calm_since = None
            if self._crowd_since is None:
                self._crowd_since, self._crowd_peak = t, faces
            self._crowd_peak = max(self._crowd_peak, faces)
            if self._crowd is not None:
                self._crowd = replace(self._crowd, max_faces=self._crowd_peak)
            elif t - self._crowd_since >= self.settings.multiple_faces_seconds:
                self._crowd = PresenceFlag(FlagKind.MULTIPLE_FACES, started_s=self._crowd_since, raised_s=t,
                                           max_faces=self._crowd_peak)
                return [PresenceEvent(RAISED, self._crowd)]
            return []
        self._crowd_since = None
        if self._crowd is None:
            return []
        if self._calm_since is None:
            self._calm_since = t
        if t - self._calm_since >= self.settings.multiple_clear_seconds:
            return [self._close_crowd(self._calm_since)]
        return []

    def _close_absent(self, t: float) -> PresenceEvent:
        assert self._absent is not None
        closed = replace(self._absent, ended_s=t)
        self._flags.append(closed)
        self._absent = None
        return PresenceEvent(CLEARED, closed)

    def _close_crowd(self, t: float) -> PresenceEvent:
        assert self._crowd is not None
        closed = replace(self._crowd, ended_s=t)
        self._flags.append(closed)
        self._crowd, self._calm_since = None, None
        return PresenceEvent(CLEARED, closed)
