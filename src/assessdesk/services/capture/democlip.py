"""Builds the demo clip that stands in for a camera: a photograph framed like a webcam view, face absent ~3 s.

Run `python -m assessdesk.services.capture.democlip [OUTPUT]` (needs scikit-image, a dev dependency, for the
photograph: NASA's portrait of astronaut Eileen Collins, public domain, shipped as skimage.data.astronaut()).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np

from assessdesk.services.recording.encoders import default_ffmpeg_path

SIZE = (640, 480)
FPS = 30
SECONDS = 18.0
# The stretch where the photograph slides out of view, stays out, and comes back (seconds). The face is fully
# out of frame from about AWAY[0] + 0.6 s to AWAY[3] - 0.6 s: a little over 3 s for presence monitoring to flag.
AWAY = (8.0, 9.0, 12.0, 13.0)
DEFAULT_OUTPUT = Path(__file__).resolve().parents[4] / "resources" / "demo" / "sample_clip.mp4"


def _ease(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return 0.5 - 0.5 * math.cos(math.pi * x)


def _background() -> np.ndarray:
    """A plain, softly lit wall: what a desk camera sees behind a candidate who stepped away."""
    w, h = SIZE
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    light = 0.75 + 0.25 * np.exp(-((x - 0.35) ** 2 + (y - 0.3) ** 2) * 3)
    wall = np.stack([150 * light, 160 * light, 165 * light + 0 * x], axis=-1)
    wall[int(h * 0.8):] *= 0.7  # the desk edge
    return wall.clip(0, 255).astype(np.uint8)


def placement(t: float) -> tuple[float, float, float]:
    """(zoom, x offset, y offset) of the photograph at time t: a slow sway and zoom, and the walk-away."""
    zoom = 0.95 + 0.06 * math.sin(2 * math.pi * t / 9.0)
    dx = 25 * math.sin(2 * math.pi * t / 6.5)
    dy = 12 * math.sin(2 * math.pi * t / 4.3 + 1.0)
    out = _ease((t - AWAY[0]) / (AWAY[1] - AWAY[0])) - _ease((t - AWAY[2]) / (AWAY[3] - AWAY[2]))
    return zoom, dx + out * 720, dy


def frames(photo: np.ndarray) -> list[np.ndarray]:
    wall = _background()
    w, h = SIZE
    ph, pw = photo.shape[:2]
    out = []
    for n in range(int(SECONDS * FPS)):
        zoom, dx, dy = placement(n / FPS)
        # centre the photograph's face-bearing upper half in the view, then sway/zoom about the view centre
        matrix = np.array([[zoom, 0, w / 2 - zoom * pw / 2 + dx],
                           [0, zoom, h / 2 - zoom * ph * 0.45 + dy]], np.float32)
        frame = wall.copy()
        cv2.warpAffine(photo, matrix, SIZE, dst=frame, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_TRANSPARENT)
        out.append(frame)
    return out


def build(output: Path, *, crf: int = 30) -> Path:
    from skimage import data  # a dev-only dependency: only building the clip needs it

    photo = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
    ffmpeg = default_ffmpeg_path()
    if not ffmpeg:
        raise SystemExit("ffmpeg is needed to build the demo clip (pip install imageio-ffmpeg)")
    output.parent.mkdir(parents=True, exist_ok=True)
    argv = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
            "-s", f"{SIZE[0]}x{SIZE[1]}", "-r", str(FPS), "-i", "pipe:0", "-c:v", "libx264", "-preset", "slow",
            "-crf", str(crf), "-pix_fmt", "yuv420p", "-g", str(FPS * 2), "-movflags", "+faststart",
            "-metadata", "comment=assessdesk demo clip; photograph: NASA (public domain) via scikit-image",
            str(output)]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for frame in frames(photo):
        proc.stdin.write(frame.tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("ffmpeg failed to build the demo clip")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    path = build(args.output)
    print(f"{path} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
