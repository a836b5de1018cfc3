"""Fixtures for sync tests: one real registry per test on 127.0.0.1 (its own SQLite and blob store)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sync_support import RegistryServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RegistryServer]:
    srv = RegistryServer(tmp_path / "registry").start()
    yield srv
    srv.close()


# --- Issue 8, item 10: under CI=true a run that collected PostgreSQL tests must have run at least one. -----------
# The registry's tests carry the `postgres` marker and skip without ASSESSDESK_TEST_POSTGRES_URL; ./test.sh sets it
# when a local PostgreSQL answers. A CI run where every one of them skipped would pass while proving nothing about
# PostgreSQL, so it fails here instead. (Kept in this conftest because tests/conftest.py is shared.)
_postgres = {"collected": 0, "ran": 0}


def _ci() -> bool:
    import os

    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _postgres["collected"] = sum(1 for item in items if item.get_closest_marker("postgres") is not None)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed and "postgres" in report.keywords:
        _postgres["ran"] += 1


def postgres_requirement_failed() -> bool:
    return _ci() and _postgres["collected"] > 0 and _postgres["ran"] == 0


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if postgres_requirement_failed() and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    if postgres_requirement_failed():
        terminalreporter.write_line(
            f"FAILED (CI=true): {_postgres['collected']} PostgreSQL tests were collected and none ran. Start "
            "PostgreSQL on 127.0.0.1:5432 (./test.sh finds it) or set ASSESSDESK_TEST_POSTGRES_URL.", red=True)
