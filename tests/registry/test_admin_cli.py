"""The `assessdesk-registry` command: admin subcommands headless, and `serve` as a real server process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from registry_support import free_port

from assessdesk.registry.cli import main
from assessdesk.registry.context import open_registry
from assessdesk.registry.stations.trusted_keys import verify_trusted_keys
from assessdesk.services.sync.client import RegistryClient
from assessdesk.trust.keys import SigningKey


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> str:
    assert main(["admin", *args, "--data", str(data)]) == 0
    return capsys.readouterr().out


def test_admin_commands_manage_the_registry_headless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "reg"
    out = run(capsys, data, "init", "--organisation", "Northwind Skills", "--admin-username", "root",
              "--admin-name", "Ria Admin")
    assert "Northwind Skills" in out
    assert main(["admin", "init", "--organisation", "Again", "--admin-username", "x", "--admin-name", "X",
                 "--data", str(data)]) == 2  # a second init is refused with a sentence, not a traceback
    assert "already has an organisation" in capsys.readouterr().err
    code = json.loads(run(capsys, data, "code", "issue", "--kinds", "recording_station", "--json"))["code"]
    package = tmp_path / "pkg.json"
    package.write_text(json.dumps({"id": "LOG-SAFE", "version": "1.0", "rubrics": []}))
    assert "Published" in run(capsys, data, "standards", "publish", str(package))
    assert "Already published" in run(capsys, data, "standards", "publish", str(package))
    package.write_text(json.dumps({"id": "LOG-SAFE", "version": "1.0", "rubrics": [1]}))
    assert main(["admin", "standards", "publish", str(package), "--data", str(data)]) == 2
    capsys.readouterr()
    roster = tmp_path / "roster.csv"
    roster.write_text("external_id,name,email\nC1,Ada Lovelace,ada@example.org\n")
    assert "1 added" in run(capsys, data, "roster", "import", str(roster))
    users = tmp_path / "users.csv"
    users.write_text("username,display_name,roles,email\nsam,Sam Scorer,assessor;lead_assessor,s@example.org\n")
    assert "1 added" in run(capsys, data, "users", "import", str(users))
    assert "recorded" in run(capsys, data, "certify", "--username", "sam", "--rubric", "LOG-SAFE-R1",
                             "--valid-until", "2027-01-01")
    users.write_text("username,display_name,roles\nsam,Sam Scorer,wizard\n")
    assert main(["admin", "users", "import", str(users), "--data", str(data)]) == 2
    assert "users.csv line 2" in capsys.readouterr().err

    registry = open_registry(data_dir=data)
    from assessdesk.registry.stations.service import enrol

    station, _token = enrol(registry, code=code, station_name="desk", public_key=SigningKey.generate("k").public_b64(),
                            kinds=frozenset({"recording_station"}))
    registry.close()
    listed = json.loads(run(capsys, data, "stations", "list", "--json"))
    assert [s["name"] for s in listed] == ["desk"] and listed[0]["revoked_at"] is None
    assert "revoked" in run(capsys, data, "stations", "revoke", station.station_id, "--reason", "lost")
    assert json.loads(run(capsys, data, "stations", "list", "--json"))[0]["revoked_at"]
    assert "No walk-ins" in run(capsys, data, "walk-ins", "list")
    out_file = tmp_path / "trusted.json"
    run(capsys, data, "keys", "export", "--out", str(out_file))
    document = json.loads(out_file.read_text())
    registry = open_registry(data_dir=data)
    assert verify_trusted_keys(document, registry_public_key=registry.keys.signing.public_b64())
    registry.close()


def test_serve_runs_a_real_server_process(tmp_path: Path) -> None:
    data = tmp_path / "reg"
    assert main(["admin", "init", "--organisation", "Org", "--admin-username", "root", "--admin-name", "R",
                 "--data", str(data)]) == 0
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen([sys.executable, "-m", "assessdesk.registry.cli", "serve", "--port", str(port),
                                "--data", str(data), "--log-level", "warning"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.1)
        assert health.json()["protocol"] >= 1
        registry = open_registry(data_dir=data)
        from assessdesk.registry.stations.service import issue_code

        code = issue_code(registry)
        registry.close()
        client = RegistryClient(f"http://127.0.0.1:{port}")
        answer = client.enrol(code=code, station_name="desk", public_key=SigningKey.generate("k").public_b64(),
                              kinds=["recording_station"])
        assert answer.organisation == "Org" and client.pull(0).events  # the admin user's event arrives
    finally:
        process.terminate()
        process.wait(10)
