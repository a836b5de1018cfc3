"""Builds the PyInstaller onedir bundle and runs its self-test (slow: a few minutes; CI runs it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_bundle_builds_and_passes_self_test(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "installer" / "assessdesk.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1400)
    assert build.returncode == 0, build.stderr[-4000:]
    exe = dist / "assessdesk" / "assessdesk"
    assert exe.exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSESSDESK_")}
    env["ASSESSDESK_HOME"] = str(tmp_path / "home")
    run = subprocess.run([str(exe), "self-test"], cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "self-test passed" in run.stdout
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120, env=env)
    assert version.stdout.startswith("assessdesk ")
