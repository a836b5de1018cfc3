"""Shared fixtures: a fixed clock and real station profiles on disk (real SQLite, real keyring under ./test.sh)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ADMIN_PASSWORD = "correct-horse-1"


@pytest.fixture
def clock():
    from assessdesk.domain.clock import FixedClock

    return FixedClock()


@pytest.fixture
def station(tmp_path: Path, clock):
    """A real (non-demo) station profile with one admin; the keyring when one answers, else a demo-labelled file."""
    from assessdesk.services.secrets import keyring_available
    from assessdesk.services.station import create_profile

    ctx = create_profile(tmp_path / "profile", station_name="Test station", admin_username="admin",
                         admin_display_name="Ada Admin", admin_password=ADMIN_PASSWORD, clock=clock,
                         demo=not keyring_available())
    yield ctx
    ctx.close()


@pytest.fixture
def admin(station):
    from assessdesk.services.auth import sign_in

    return sign_in(station, username="admin", password=ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def demo_profile_dir(tmp_path_factory) -> Path:
    """One demo profile built once per run; tests copy it when they change it."""
    from assessdesk.services.demo import build_demo_profile

    path = tmp_path_factory.mktemp("demo") / "profile"
    build_demo_profile(path).close()
    return path
