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
