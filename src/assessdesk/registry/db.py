"""The registry's database: engine set-up for SQLite or PostgreSQL, and Alembic upgrades run at start-up."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles

MIGRATIONS = Path(__file__).with_name("migrations")

# Serialises push transactions on PostgreSQL so server_seq and feed_seq become visible in commit order
# (a pull never skips a lower number committed late). SQLite already has a single writer.
PUSH_LOCK_KEY = 0x6173_6465_736B  # "asdesk"


def make_engine(url: str, *, schema: str | None = None) -> sa.Engine:
    """An engine for `url`; SQLite files get WAL, full fsync, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        # pysqlite defers BEGIN on its own; emit it ourselves (SQLAlchemy's documented recipe) so that writing
        # transactions take the write lock at BEGIN and two pushes never both read "id unknown" and then race.
        @sa.event.listens_for(engine, "connect")
        def _no_pysqlite_begin(dbapi_conn, _record) -> None:
            dbapi_conn.isolation_level = None

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: sa.Connection) -> None:
            immediate = conn.get_execution_options().get("immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
    return sa.create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True, connect_args=connect_args)


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that intends to write: SQLite takes its write lock at BEGIN; PostgreSQL is unchanged."""
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'registry.sqlite3').resolve()}"


def _alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is current)."""
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def lock_for_push(conn: sa.Connection) -> None:
    """Take the transaction-scoped push lock (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK_KEY})



class _InList(sa.sql.expression.ColumnElement[bool]):
    """`column IN (values)` bound as one parameter: a JSON array read with json_each on SQLite, an array with
    = ANY on PostgreSQL. A 500-id batch then costs one bound value instead of 500 expanded ones."""

    inherit_cache = False
    type = sa.Boolean()
    # A comparison already: without this SQLAlchemy writes `... IN (...) = 1` on SQLite, which hides the index
    # on the column and scans the whole table.
    _is_implicitly_boolean = True

    def __init__(self, column: sa.ColumnElement, values: list[str]) -> None:
        self.column = column
        self.values = values


@compiles(_InList, "sqlite")
def _in_list_sqlite(element: _InList, compiler: Any, **kw: Any) -> str:
    param = compiler.process(sa.bindparam(None, json.dumps(element.values), type_=sa.String), **kw)
    return f"{compiler.process(element.column, **kw)} IN (SELECT value FROM json_each({param}))"


@compiles(_InList, "postgresql")
def _in_list_postgresql(element: _InList, compiler: Any, **kw: Any) -> str:
    param = compiler.process(sa.bindparam(None, element.values, type_=ARRAY(sa.String)), **kw)
    return f"{compiler.process(element.column, **kw)} = ANY({param})"


@compiles(_InList)
def _in_list_default(element: _InList, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.column.in_(element.values), **kw)


def in_list(column: sa.ColumnElement, values: list[str]) -> sa.ColumnElement[bool]:
    return _InList(column, list(values))


def bulk_insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows straight through the driver's executemany. SQLAlchemy's per-row parameter processing
    cost more than SQLite itself on the push path; every value here is already a plain str/int/bool/None.
    Rows go as tuples with positional markers: sqlite3 binds a named marker by making a string and looking it
    up in each row's dict, which cost nearly twice the positional binding."""
    if not rows:
        return
    names = list(rows[0])
    marker = "%s" if conn.dialect.name == "postgresql" else "?"
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join([marker] * len(names))})"
    row_values = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    conn.exec_driver_sql(sql, list(map(row_values, rows)))
