"""Fixtures for registry tests: a real uvicorn server on 127.0.0.1 in a thread, real SQLite files (and PostgreSQL
when ASSESSDESK_TEST_POSTGRES_URL is set), one fresh schema per test and dropped afterwards."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))

from registry_support import ServerThread, free_port

from assessdesk.registry.context import Registry, open_registry

PG_URL = os.environ.get("ASSESSDESK_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="ASSESSDESK_TEST_POSTGRES_URL is not set")])]


@dataclass
class Backend:
    name: str
    url: str | None = None
    schema: str | None = None


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield Backend("sqlite")
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield Backend("postgres", PG_URL, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[Registry]:
    reg = open_registry(data_dir=tmp_path / "registry")
    yield reg
    reg.close()


@pytest.fixture
def registry_on(tmp_path: Path, backend: Backend) -> Iterator[Registry]:
    reg = open_registry(data_dir=tmp_path / "registry", database_url=backend.url, schema=backend.schema)
    yield reg
    reg.close()


def _serve(reg: Registry) -> Iterator[ServerThread]:
    server = ServerThread(reg, free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server(registry: Registry) -> Iterator[ServerThread]:
    yield from _serve(registry)


@pytest.fixture
def server_on(registry_on: Registry) -> Iterator[ServerThread]:
    yield from _serve(registry_on)


