"""Calibration tests run on copies of the session's demo profile (real SQLite), some with a clock set later."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest


@pytest.fixture
def demo_dir(demo_profile_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, target)
    return target


@pytest.fixture
def ctx(demo_dir: Path):  # type: ignore[no-untyped-def]
    from assessdesk.services.station import open_profile

    ctx = open_profile(demo_dir)
    yield ctx
    ctx.close()


@pytest.fixture
def open_at(demo_dir: Path):  # type: ignore[no-untyped-def]
    """open_at(days_from_now=N): the same profile seen from another day (FixedClock), for expiry."""
    from assessdesk.domain.clock import FixedClock
    from assessdesk.services.station import open_profile

    def make(*, days_from_now: int):  # type: ignore[no-untyped-def]
        return open_profile(demo_dir, clock=FixedClock(datetime.now(UTC) + timedelta(days=days_from_now)))

    return make


@pytest.fixture
def people(ctx):  # type: ignore[no-untyped-def]
    from assessdesk.storage import users as users_repo

    with ctx.db.session() as s:
        return {n: users_repo.by_username(s, n)[0] for n in ("assessor", "assessor2", "lead", "admin",
                                                              "approver", "proctor")}


@pytest.fixture
def newcomer(ctx, people):  # type: ignore[no-untyped-def]
    """An assessor created today: certified for nothing."""
    from assessdesk.services.users import create_user

    return create_user(ctx, actor=people["admin"], username="newcomer", display_name="Nia Newcomer",
                       password="a-long-password-1", roles=["assessor"])
