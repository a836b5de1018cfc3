"""`assessdesk camera list|test`: which cameras answer, and a short read-and-record probe of one (for support)."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    camera = subparsers.add_parser("camera", parents=[parent], help="camera checks",
                                   description="Camera checks for set-up and support.")
    actions = camera.add_subparsers(dest="camera_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[parent], help="list cameras that deliver a picture")
    listing.add_argument("--json", action="store_true", help="print the result as JSON")
    listing.set_defaults(func=_list)
    test = actions.add_parser("test", parents=[parent], help="read from a camera and record a short test clip",
                              description="Open a camera (or a video file, or the synthetic test pattern), read "
                                          "frames for a few seconds, record them with the encoder the station "
                                          "would use, and read the recording back. Exits 2 when the camera "
                                          "cannot be used.")
    test.add_argument("--camera", dest="camera_spec", metavar="SPEC",
                      help="a camera number (0), a video file, or synthetic[:WIDTHxHEIGHT@FPS] (default 0)")
    test.add_argument("--seconds", type=float, default=3.0, help="how long to read (default 3)")
    test.add_argument("--no-record", action="store_true", help="only read frames; do not test the encoder")
    test.add_argument("--json", action="store_true", help="print the result as JSON")
    test.set_defaults(func=_test)


def _list(args: argparse.Namespace) -> int:
    from assessdesk.services.capture import list_cameras

    found = list_cameras()
    if args.json:
        json.dump([{"index": c.index, "width": c.size[0], "height": c.size[1], "fps": c.fps} for c in found],
                  sys.stdout, indent=2)
        print()
        return 0
    if not found:
        print("No camera delivered a picture. Check it is plugged in and not in use by another program.")
    for cam in found:
        print(f"camera {cam.index}: {cam.size[0]}x{cam.size[1]} at {cam.fps:g} fps")
    return 0


def _test(args: argparse.Namespace) -> int:
    import tempfile
    import time
    from pathlib import Path

    from assessdesk.services.capture import open_source
    from assessdesk.services.capture.source import SourceLost
    from assessdesk.services.recording import SegmentedRecorder, SegmentReader, choose_encoder

    spec = args.camera_spec or getattr(args, "camera", None) or "0"
    source = open_source(spec, loop_files=True)
    source.open()  # CameraUnavailable is a DomainError: the dispatcher prints it and exits 2
    result: dict = {"source": source.name, "width": source.size[0], "height": source.size[1],
                    "nominal_fps": source.fps}
    with tempfile.TemporaryDirectory(prefix="assessdesk-camera-test-") as tmp:
        encoder = None if args.no_record else choose_encoder()
        recorder = None if encoder is None else SegmentedRecorder(
            directory=Path(tmp), encoder=encoder, fps=source.fps, segment_seconds=max(1.0, args.seconds))
        frames = misses = 0
        lost = ""
        started = time.monotonic()
        try:
            while time.monotonic() - started < args.seconds and frames < 100_000:
                try:
                    got = source.read()
                except SourceLost as exc:
                    lost = exc.message
                    break
                if not got.ok or got.frame is None:
                    misses += 1
                    continue
                frames += 1
                if recorder is not None:
                    recorder.write(got.frame, got.timestamp)
        finally:
            source.close()
        elapsed = time.monotonic() - started
        result.update({"frames": frames, "seconds": round(elapsed, 2), "measured_fps": round(frames / elapsed, 2),
                       "missed_reads": misses, "lost": lost})
        if recorder is not None and encoder is not None:
            segments = recorder.stop()
            read_back = SegmentReader(segments).frame_count if segments else 0
            result.update({"encoder": encoder.name, "encoder_version": encoder.version,
                           "recorded_frames": read_back, "recorded_bytes": sum(s.size for s in segments),
                           "recording_error": str(recorder.stopped.error) if recorder.stopped else ""})
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print(f"{result['source']}: {result['width']}x{result['height']}, {result['nominal_fps']:g} fps nominal")
        print(f"  read {frames} frames in {result['seconds']} s ({result['measured_fps']} fps), "
              f"{misses} empty reads")
        if lost:
            print(f"  the source stopped: {lost}")
        if "encoder" in result:
            print(f"  recorded with {result['encoder_version']}: {result['recorded_frames']} frames read back, "
                  f"{result['recorded_bytes']} bytes")
            if result["recording_error"]:
                print(f"  recording problem: {result['recording_error']}")
    ok = frames > 0 and not result.get("recording_error") and result.get("recorded_frames", frames) == frames
    return 0 if ok else 1
