"""Run by test_crash_recovery.py as a separate process: records an attempt from a paced camera until killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from assessdesk.services.auth import sign_in
from assessdesk.services.capture import SyntheticSource, ToneSource
from assessdesk.services.evidence.session import AttemptRecording, RecordingCallbacks, RecordingOptions
from assessdesk.services.station import open_profile


def main() -> None:
    profile, attempt_id, username, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    sound = ToneSource(frequency=440) if "tone" in sys.argv[5:] else None  # a role-play: video with sound
    segment_seconds = 3.0 if sound else 1.0
    ctx = open_profile(profile)
    proctor = sign_in(ctx, username=username, password=password)
    recording = AttemptRecording(
        ctx, actor=proctor, attempt_id=attempt_id, source=SyntheticSource(size=(640, 480), fps=30, paced=True),
        options=RecordingOptions(segment_seconds=segment_seconds, presence=False, audio=sound),
        callbacks=RecordingCallbacks(on_segment_sealed=lambda s: print(f"sealed {s.seq}", flush=True)))
    recording.start()
    time.sleep(60)  # the test kills this process long before; the bound keeps a stray run finite
    recording.end()


if __name__ == "__main__":
    main()
