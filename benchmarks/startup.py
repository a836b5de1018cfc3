"""Time from process start to a shown sign-in window, next to a bare PySide6 window process, measured in one run.

Target (issue 2): at most 3x the bare window. Run: .venv/bin/python benchmarks/startup.py [--runs 7]
Uses the offscreen platform unless DISPLAY is set (then a real X window, e.g. under xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QDialog
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
w = QDialog(); w.resize(440, 360); w.show()
QTimer.singleShot(0, lambda: (print(time.time(), flush=True), app.quit()))
app.exec()
"""

APP = r"""
import os, sys, time
from assessdesk.cli import main
import assessdesk.gui.dialogs.sign_in as sign_in
from PySide6.QtCore import QTimer
original = sign_in.SignInDialog.show
def shown(self):
    original(self)
    QTimer.singleShot(0, lambda: (print(time.time(), flush=True), os._exit(0)))
sign_in.SignInDialog.show = shown
sys.exit(main(["--profile", sys.argv[1]]))
"""


def measure(code: str, *args: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_LOGGING_RULES": "qt.qpa.*=false"})
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"probe failed: {out.stderr[-2000:]}")
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "demo")
        subprocess.run([sys.executable, "-m", "assessdesk", "demo", "init", "--profile", profile], check=True,
                       capture_output=True, timeout=300)
        measure(BARE)  # warm the file cache for both
        measure(APP, profile)
        bare = [measure(BARE) for _ in range(args.runs)]
        app = [measure(APP, profile) for _ in range(args.runs)]
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window : median {b * 1000:7.0f} ms over {args.runs} runs")
    print(f"assessdesk sign-in  : median {a * 1000:7.0f} ms over {args.runs} runs")
    print(f"ratio               : {a / b:.2f}x (target <= 3.0x) -> {'MET' if a / b <= 3.0 else 'MISSED'}")


if __name__ == "__main__":
    main()
