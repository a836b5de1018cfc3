"""The GUI while an attempt records: preview frame rate with presence monitoring on, and event-loop stalls.

Issue 4 target: the preview sustains >= 25 fps while presence monitoring runs. Issue 5 target: the GUI event loop's
worst stalls with the preview shown, p99 <= 50 ms. Peer in the same run: a bare Qt event loop with a 30 fps timer and
nothing else (the best the toolkit itself does on this machine).

Run: .venv/bin/python benchmarks/preview.py [--seconds 20] [--size 1280x720]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def loop_stalls(seconds: float) -> list[float]:
    """Run the event loop for `seconds`; return how late each 10 ms timer tick came (the loop's stalls)."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(max(0.0, now - last[0] - 0.010))
        last[0] = now

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return gaps[5:]


def p99(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.99)] if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--size", default="640x480")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    bare = loop_stalls(min(args.seconds, 10.0))

    from assessdesk.domain.attempt import AttemptState
    from assessdesk.gui.widgets.video_preview import VideoPreview
    from assessdesk.services import checkin
    from assessdesk.services.auth import sign_in
    from assessdesk.services.capture import open_source
    from assessdesk.services.demo import build_demo_profile
    from assessdesk.services.evidence.session import AttemptRecording, RecordingOptions
    from assessdesk.services.home import day_overview

    with tempfile.TemporaryDirectory() as tmp:
        ctx = build_demo_profile(Path(tmp) / "demo")
        proctor = sign_in(ctx, username="proctor", password="demo-proctor-1")
        attempt = next(a for a in day_overview(ctx, actor=proctor).attempts if a.state is AttemptState.SCHEDULED)
        checkin.check_in(ctx, actor=proctor, attempt_id=attempt.id)
        checkin.record_consent(ctx, actor=proctor, attempt_id=attempt.id, recording=True, face_comparison=True)
        checkin.decide_identity(ctx, actor=proctor, attempt_id=attempt.id, decision="verified")
        source = open_source(f"synthetic:{args.size}@30")
        rec = AttemptRecording(ctx, actor=proctor, attempt_id=attempt.id, source=source,
                               options=RecordingOptions(presence=True))
        preview = VideoPreview()
        preview.resize(960, 540)
        preview.show()
        rec.start()
        preview.set_provider(lambda seq: rec.latest_frame(newer_than=seq))
        time.sleep(1.0)
        shown0, t0 = preview.frames_shown, time.perf_counter()
        stalls = loop_stalls(args.seconds)
        fps = (preview.frames_shown - shown0) / (time.perf_counter() - t0)
        rec.end()
        ctx.close()
    print(f"preview while recording {args.size}@30 with presence monitoring: {fps:5.1f} fps "
          f"(target >= 25) -> {'MET' if fps >= 25 else 'MISSED'}")
    print(f"event-loop lateness, bare Qt loop     : p99 {p99(bare) * 1000:6.1f} ms, max {max(bare) * 1000:6.1f} ms")
    print(f"event-loop lateness, preview+recording: p99 {p99(stalls) * 1000:6.1f} ms, max {max(stalls) * 1000:6.1f} ms, "
          f"median {statistics.median(stalls) * 1000:.1f} ms (target p99 <= 50 ms) -> "
          f"{'MET' if p99(stalls) <= 0.050 else 'MISSED'}; ratio to bare p99 "
          f"{p99(stalls) / max(p99(bare), 1e-4):.1f}x")
    app.quit()


if __name__ == "__main__":
    main()
