"""A recording's segments as one numbered stream of frames: frame index <-> video time, and decoding that is cheap
when read forward and exact when it jumps. Shared by the recorder's reader and the evidence player."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from assessdesk.domain.errors import DomainError


class EvidenceUnreadable(DomainError):
    """A video segment cannot be decoded as far as its manifest says it goes."""

    def __init__(self, message: str) -> None:
        super().__init__(message, hint="The file may be damaged or still encrypted; verify the evidence package.")


class SegmentedFrames:
    """Subclasses give each segment's frame times (`_index`) and how to open segment `pos` for decoding
    (`_open_decoder`, returning something with cv2.VideoCapture's grab/read/release). Not thread-safe: one worker
    thread owns an instance, never the GUI thread."""

    def _index(self, frame_times: Sequence[Sequence[float]]) -> None:
        self._starts: list[int] = []
        self._times: list[float] = []
        for times in frame_times:
            self._starts.append(len(self._times))
            self._times.extend(times)
        self.frame_count = len(self._times)
        self._cap: Any = None
        self._cap_pos = -1
        self._cap_next = 0

    def _open_decoder(self, pos: int) -> Any:
        raise NotImplementedError

    def _segment_name(self, pos: int) -> str:
        raise NotImplementedError

    @property
    def duration(self) -> float:
        return self._times[-1] if self._times else 0.0

    def time_of(self, index: int) -> float:
        return self._times[index]

    def index_at(self, seconds: float) -> int:
        """The frame on screen at video time `seconds`: the last one taken at or before it."""
        if not self._times:
            raise IndexError("the recording has no frames")
        return max(0, bisect.bisect_right(self._times, seconds + 1e-6) - 1)

    def _locate(self, index: int) -> tuple[int, int]:
        """(segment position, frame within it) of global frame `index`."""
        if not 0 <= index < self.frame_count:
            raise IndexError(f"frame {index} is outside 0..{self.frame_count - 1}")
        pos = bisect.bisect_right(self._starts, index) - 1
        return pos, index - self._starts[pos]

    def read(self, index: int) -> np.ndarray:
        """Frame `index`; reading forward from the last frame read is cheap, jumping back reopens its segment."""
        pos, local = self._locate(index)
        if self._cap is None or self._cap_pos != pos or self._cap_next > local:
            self.close()
            self._cap, self._cap_pos, self._cap_next = self._open_decoder(pos), pos, 0
        while self._cap_next < local:
            if not self._cap.grab():
                got = self._cap_next
                self.close()  # where the decoder stands is unknown now: the next read starts the segment afresh
                raise EvidenceUnreadable(f"Segment {self._segment_name(pos)} ends after {got} of its "
                                         f"{self._frames_in(pos)} frames.")
            self._cap_next += 1
        ok, frame = self._cap.read()
        if not ok:
            self.close()
            raise EvidenceUnreadable(f"Frame {local} of segment {self._segment_name(pos)} cannot be decoded.")
        self._cap_next += 1
        return frame

    def _frames_in(self, pos: int) -> int:
        """How many frames segment `pos` holds."""
        end = self._starts[pos + 1] if pos + 1 < len(self._starts) else self.frame_count
        return end - self._starts[pos]

    def __iter__(self) -> Iterator[np.ndarray]:
        for index in range(self.frame_count):
            yield self.read(index)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
        self._cap, self._cap_pos, self._cap_next = None, -1, 0
