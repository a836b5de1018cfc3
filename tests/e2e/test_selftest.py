"""`assessdesk self-test` as a user runs it: a fresh process, a temporary demo profile, the whole assessment walk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_walks_the_whole_assessment(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSESSDESK_")}
    env["ASSESSDESK_HOME"] = str(tmp_path / "home")
    run = subprocess.run([sys.executable, "-m", "assessdesk", "self-test"], capture_output=True, text=True,
                         timeout=600, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    out = run.stdout
    for step in ("identity verified", "sealed the evidence", "scored the attempt -> passed", "verifies valid",
                 "self-test passed"):
        assert step in out, step
