"""Opens a station database: checks its schema version first, backs up and migrates only when due."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from assessdesk.domain.errors import ConfigurationError
from assessdesk.storage.schema_version import SCHEMA_VERSION, SchemaStatus, schema_status

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(ConfigurationError):
    pass


def make_engine(path: Path, *, immediate: bool = False) -> Engine:
    """An engine on the station file. `immediate`: every transaction takes the write lock at BEGIN (units of work);
    otherwise BEGIN is deferred, so reads never wait on a writer (WAL) and a read nested in another session of the
    same thread cannot deadlock on its own lock."""
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_con: sqlite3.Connection, _record: object) -> None:
        dbapi_con.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        # IMMEDIATE takes the write lock up front, so the audit chain's "read head, append" cannot interleave.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def backup(path: Path, found_version: int) -> Path:
    target = path.with_name(f"{path.name}.v{found_version}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


class Database:
    """An open station database: hands out sessions; one unit of work per user action (see storage.uow)."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.write_engine = make_engine(path, immediate=True)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)

    def session(self) -> Session:
        """For reads (and small writes outside a unit of work); BEGIN is deferred."""
        return self._sessions()

    def write_session(self) -> Session:
        """For units of work: BEGIN IMMEDIATE, so appends to the audit chain are serialised."""
        return self._write_sessions()

    def close(self) -> None:
        self.engine.dispose()
        self.write_engine.dispose()


def open_database(path: Path) -> Database:
    """Open (creating or upgrading) the station database at `path`; refuse one newer than this app."""
    path = Path(path)
    status, found = schema_status(path)
    if status is SchemaStatus.TOO_NEW:
        raise SchemaTooNew(
            f"The station database {path} was written by a newer assessdesk (schema {found}; this app knows "
            f"up to {SCHEMA_VERSION}).",
            hint="Install the newer assessdesk version; the file was left untouched.",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    if status is SchemaStatus.UPGRADE_DUE:
        backup(path, found)
    engine = make_engine(path)
    if status is not SchemaStatus.CURRENT:
        migrator = make_engine(path, immediate=True)
        try:
            migrate(migrator)
        finally:
            migrator.dispose()
    return Database(path, engine)
