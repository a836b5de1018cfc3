"""Fixtures for the issuance tests: one real station per run (demo standards, its people, an issuer key); each test
makes its own attempts and candidates on it, so tests stay independent while the costly set-up runs once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# pytest runs with --import-mode=importlib: test modules find the shared helpers via this folder.
sys.path.insert(0, str(Path(__file__).parent))

from issuance_support import People, import_standards, make_people, set_up_issuer


@pytest.fixture(scope="session")
def world(tmp_path_factory):  # -> (StationContext, People)
    from assessdesk.domain.clock import FixedClock
    from assessdesk.services.auth import sign_in
    from assessdesk.services.secrets import keyring_available
    from assessdesk.services.station import create_profile

    ctx = create_profile(tmp_path_factory.mktemp("issuance") / "profile", station_name="Approver station",
                         admin_username="admin", admin_display_name="Ada Admin", admin_password="correct-horse-1",
                         clock=FixedClock(), demo=not keyring_available())
    admin = sign_in(ctx, username="admin", password="correct-horse-1")
    import_standards(ctx, admin)
    people = make_people(ctx, admin)
    set_up_issuer(ctx, admin)
    yield ctx, people
    ctx.close()


@pytest.fixture
def ctx(world):
    return world[0]


@pytest.fixture
def people(world) -> People:
    return world[1]
