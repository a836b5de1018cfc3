"""The audit chain: direct edits to the SQLite file are caught and the first broken entry is named."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assessdesk.services import audit_log, users
from assessdesk.services.station import open_profile
from assessdesk.storage.audit import entry_body
from assessdesk.trust.chain import link_hash

PW = "password-123"


@pytest.fixture
def busy_station(station, admin):
    for i in range(6):
        users.create_user(station, actor=admin, username=f"user{i}", display_name=f"User {i}", password=PW,
                          roles=["proctor"])
        if i == 2:
            audit_log.checkpoint(station, reason="test")
    audit_log.checkpoint(station, reason="test")
    assert audit_log.verify_audit(station).ok
    station.close()
    return station.profile_dir


def _sql(profile: Path, *statements: str) -> None:
    con = sqlite3.connect(profile / "station.db")
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


def _verify(profile: Path) -> audit_log.AuditReport:
    ctx = open_profile(profile)
    try:
        return audit_log.verify_audit(ctx)
    finally:
        ctx.close()


def test_changed_row(busy_station: Path) -> None:
    _sql(busy_station, "UPDATE audit_log SET outcome='denied' WHERE seq=4")
    r = _verify(busy_station)
    assert not r.ok and r.first_broken_seq == 4 and "changed" in r.problems[0]


def test_deleted_row(busy_station: Path) -> None:
    _sql(busy_station, "DELETE FROM audit_log WHERE seq=3")
    r = _verify(busy_station)
    assert not r.ok and r.first_broken_seq == 4


def test_inserted_row(busy_station: Path) -> None:
    _sql(busy_station, "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3",
         "UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103",
         "INSERT INTO audit_log (seq, entry_id, at, actor, action, subject_type, subject_id, outcome, detail_json, "
         "prev_hash, hash) VALUES (3, 'forged', '2026-01-01T00:00:00.000Z', NULL, 'user.created', 'user', 'x', 'ok', "
         "'{}', 'aa', 'bb')")
    r = _verify(busy_station)
    assert not r.ok and r.first_broken_seq == 3


def test_reordered_rows(busy_station: Path) -> None:
    con = sqlite3.connect(busy_station / "station.db")
    cols = "entry_id, at, actor, action, subject_type, subject_id, outcome, detail_json, prev_hash, hash"
    a = con.execute(f"SELECT {cols} FROM audit_log WHERE seq=4").fetchone()
    b = con.execute(f"SELECT {cols} FROM audit_log WHERE seq=5").fetchone()
    sets = ", ".join(f"{c.strip()}=?" for c in cols.split(","))
    con.execute("UPDATE audit_log SET entry_id='tmp' WHERE seq=4")
    con.execute(f"UPDATE audit_log SET {sets} WHERE seq=5", a)
    con.execute(f"UPDATE audit_log SET {sets} WHERE seq=4", b)
    con.commit()
    con.close()
    r = _verify(busy_station)
    assert not r.ok and r.first_broken_seq == 4


def test_truncated_tail(busy_station: Path) -> None:
    _sql(busy_station, "DELETE FROM audit_log WHERE seq >= (SELECT MAX(seq) - 2 FROM audit_log)")
    r = _verify(busy_station)
    assert not r.ok and any("truncated" in p for p in r.problems)


def test_truncated_tail_with_checkpoints_removed_is_caught_by_the_keyring_anchor(busy_station: Path) -> None:
    _sql(busy_station, "DELETE FROM audit_log WHERE seq >= 6", "DELETE FROM audit_checkpoints")
    r = _verify(busy_station)
    assert not r.ok and any("keyring" in p for p in r.problems)


def test_recomputed_chain(busy_station: Path) -> None:
    ctx = open_profile(busy_station)
    from assessdesk.storage import audit

    with ctx.db.session() as s, s.begin():
        rows = audit.all_rows(s)
        rows[2].outcome = "denied"
        prev = rows[0].prev_hash
        for row in rows:  # the forger recomputes every hash so the chain itself adds up
            row.prev_hash = prev
            row.hash = link_hash(prev, entry_body(row))
            prev = row.hash
    ctx.close()
    r = _verify(busy_station)
    assert not r.ok and any("recomputed" in p for p in r.problems)


def test_cli_names_first_broken_entry(busy_station: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(busy_station, copy)
    ok = subprocess.run([sys.executable, "-m", "assessdesk", "audit", "verify", "--profile", str(copy), "--json"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    _sql(copy, "UPDATE audit_log SET action='user.deleted' WHERE seq=5")
    bad = subprocess.run([sys.executable, "-m", "assessdesk", "audit", "verify", "--profile", str(copy), "--json"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["first_broken_seq"] == 5
