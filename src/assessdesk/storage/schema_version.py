"""Reads a station database's schema version with the standard library, before SQLAlchemy is imported."""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

# The schema version this build writes; each Alembic revision sets PRAGMA user_version to its number.
# History: 1 = station, users, events, outbox, audit log + checkpoints, sittings, candidates, attempts.
#          2 = sync_state (server cursor, last good sync).
#          3 = standards library (packages, versioned items), attempt pins, score drafts and sheets, peer forms.
SCHEMA_VERSION = 3


class SchemaStatus(Enum):
    NEW = "new"
    CURRENT = "current"
    UPGRADE_DUE = "upgrade_due"
    TOO_NEW = "too_new"


def read_user_version(path: Path) -> int:
    """PRAGMA user_version of an existing file, opened read-only so nothing about it changes."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def schema_status(path: Path) -> tuple[SchemaStatus, int]:
    if not path.exists() or path.stat().st_size == 0:
        return SchemaStatus.NEW, 0
    found = read_user_version(path)
    if found == SCHEMA_VERSION:
        return SchemaStatus.CURRENT, found
    if found > SCHEMA_VERSION:
        return SchemaStatus.TOO_NEW, found
    return SchemaStatus.UPGRADE_DUE, found
