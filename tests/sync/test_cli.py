"""The headless commands: `assessdesk enrol`, `sync run-once`, `sync status --json`, conflicts list."""

from __future__ import annotations

import json
from pathlib import Path

from sync_support import PASSWORD, make_station

from assessdesk.cli import main


def test_enrol_run_once_and_status(tmp_path: Path, server, capsys, monkeypatch) -> None:
    site = make_station(tmp_path / "site", "Site")
    with site.ctx.uow(site.admin.id) as uow:
        uow.record(entity_type="candidate", entity_id="c-1", event_type="candidate.walk_in_registered",
                   payload={"given_name": "Jo", "family_name": "Lee"})
    site.ctx.close()
    profile = str(tmp_path / "site")
    monkeypatch.setenv("AD_PW", PASSWORD)

    assert main(["sync", "run-once", "--profile", profile]) == 2  # not enrolled: says how
    assert "assessdesk enrol" in capsys.readouterr().err
    code = server.code("recording_station")
    assert main(["enrol", server.url, code, "--kind", "recording_station", "--profile", profile,
                 "--user", "admin", "--password-env", "AD_PW"]) == 0
    assert "1 records recorded so far" in capsys.readouterr().out
    assert main(["enrol", server.url, code, "--profile", profile, "--user", "admin", "--password-env", "AD_PW"]) == 2
    assert "already used" in capsys.readouterr().err

    assert main(["sync", "status", "--json", "--profile", profile]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["counts"]["queued"] == 1 and before["enrolled"] and before["last_good_sync"] is None
    assert main(["sync", "run-once", "--json", "--profile", profile]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["acknowledged"] == 1
    assert main(["sync", "status", "--profile", profile]) == 0
    text = capsys.readouterr().out
    assert "acknowledged 1" in text and "WARNING" not in text  # opened from the CLI: the system clock
    assert main(["sync", "conflicts", "list", "--profile", profile, "--user", "admin", "--password-env",
                 "AD_PW"]) == 0
    assert "No open conflicts." in capsys.readouterr().out

    server.stop()
    assert main(["sync", "run-once", "--profile", profile]) == 1
    assert "Work goes on offline" in capsys.readouterr().out
