"""The station database: fresh creation, upgrade from the first migration, refusal of a newer schema."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from assessdesk.storage.database import SchemaTooNew, make_engine, migrate, open_database
from assessdesk.storage.schema_version import SCHEMA_VERSION, SchemaStatus, schema_status


def test_fresh_database_has_pragmas_and_version(tmp_path: Path) -> None:
    db = open_database(tmp_path / "s.db")
    with db.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    db.close()
    assert schema_status(tmp_path / "s.db") == (SchemaStatus.CURRENT, SCHEMA_VERSION)


def test_upgrade_from_first_migration_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    engine = make_engine(path)
    migrate(engine, "0001")
    with engine.begin() as con:
        con.exec_driver_sql("INSERT INTO candidates (id, given_name, family_name, walk_in, needs_review) "
                            "VALUES ('c1', 'Ayşe', 'Yılmaz', 0, 0)")
    engine.dispose()
    assert schema_status(path) == (SchemaStatus.UPGRADE_DUE, 1)
    db = open_database(path)
    with db.engine.connect() as con:
        assert con.exec_driver_sql("SELECT given_name FROM candidates").scalar() == "Ayşe"
        assert con.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION
    db.close()
    assert list(tmp_path.glob("s.db.v*.bak")), "the file is backed up before an upgrade"


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNew, match="newer assessdesk"):
        open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob("*.bak"))
