"""Run by test_crash.py as a separate process: records a paced synthetic source until it is killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from assessdesk.services.capture import CaptureThread, SyntheticSource
from assessdesk.services.recording import OpenCvEncoder, SegmentedRecorder, choose_encoder


def main() -> None:
    directory, kind = Path(sys.argv[1]), sys.argv[2]
    encoder = choose_encoder() if kind == "h264" else OpenCvEncoder()

    def closed(segment) -> None:
        print(f"closed {segment.index} {segment.frame_count}", flush=True)

    recorder = SegmentedRecorder(directory=directory, encoder=encoder, fps=30, segment_seconds=1.5,
                                 on_segment_closed=closed)
    thread = CaptureThread(source=SyntheticSource(size=(320, 240), fps=30, paced=True), recorder=recorder)
    thread.source.open()
    thread.start()
    time.sleep(60)  # the test kills this process long before; the bound keeps a stray run finite
    thread.stop()
    recorder.stop()


if __name__ == "__main__":
    main()
