"""SIGKILL the app right after the scoring page shows the draft as saved: on restart the draft is all there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "standards"))
from standards_support import awaiting_attempt  # noqa: E402

SCRIPT = Path(__file__).with_name("scoring_crash_app.py")


def test_sigkill_after_draft_saved_loses_nothing(demo_copy: Path) -> None:
    from assessdesk.services.scoring import sheets
    from assessdesk.services.station import open_profile
    from assessdesk.storage import scoring as scoring_repo
    from assessdesk.storage import users as users_repo

    ctx = open_profile(demo_copy)
    attempt_id = awaiting_attempt(ctx, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")
    ctx.close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, str(SCRIPT), str(demo_copy), "Candidate LOG-FORKLIFT-PREUSE"],
                            stdout=subprocess.PIPE, text=True, env=env)
    line = ""
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line or line.startswith("SAVED"):
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert line.startswith("SAVED"), f"the app never reported a saved draft: {line!r}"
    sheet_id = line.split()[1]

    ctx = open_profile(demo_copy)
    try:
        with ctx.db.session() as s:
            draft = scoring_repo.get_draft(s, sheet_id)
            assessor = users_repo.by_username(s, "assessor")[0]
        assert draft.attempt_id == attempt_id and draft.signoff
        assert {x.criterion_id: x.level for x in draft.scores if x.level is not None} == {
            "FL-1": 3, "FL-2": 2, "FL-3": 1}
        assert draft.score("FL-4").note == "Missed the hydraulic leak under the mast; see 03:40."
        resumed = sheets.open_sheet(ctx, actor=assessor, attempt_id=attempt_id).sheet
        assert resumed.id == sheet_id and resumed.scores == draft.scores
    finally:
        ctx.close()
