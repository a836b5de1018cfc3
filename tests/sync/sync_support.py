"""Helpers for sync tests: a real registry served on 127.0.0.1 in a thread, station profiles enrolled with it, and
a little offline work recorded through the station's own services."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessdesk.domain.clock import Clock, FixedClock
from assessdesk.domain.roles import Role

sys.path.insert(0, str(Path(__file__).parents[1] / "registry"))

from registry_support import ServerThread, free_port  # the registry tests' folder, added just above

PASSWORD = "correct-horse-1"


class RegistryServer:
    """A real registry (its own SQLite and blob store) served on 127.0.0.1 by the registry tests' `ServerThread`;
    stop() then start() again on the same port."""

    def __init__(self, data_dir: Path, *, clock: Clock | None = None, port: int | None = None) -> None:
        from assessdesk.registry.context import open_registry

        self.registry = open_registry(data_dir=data_dir, clock=clock)
        self.port = port or free_port()
        self._thread: ServerThread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RegistryServer:
        self._thread = ServerThread(self.registry, self.port)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.stop()
            self._thread = None

    def code(self, *kinds: str) -> str:
        from assessdesk.registry.stations.service import issue_code

        return issue_code(self.registry, kinds=frozenset(kinds) if kinds else None)

    def close(self) -> None:
        self.stop()
        self.registry.close()


@dataclass
class Station:
    ctx: Any
    admin: Any

    def user(self, username: str, *roles: Role) -> Any:
        """A new user, as the admin creates one; returned as signed in (sign-in itself is tested elsewhere, and
        each Argon2 check costs a second on the shared machine)."""
        from assessdesk.services.users import create_user

        return create_user(self.ctx, actor=self.admin, username=username, display_name=username.title(),
                           password=PASSWORD, roles=list(roles))


def make_station(path: Path, name: str, clock: Clock | None = None) -> Station:
    from assessdesk.services.secrets import keyring_available
    from assessdesk.services.station import create_profile
    from assessdesk.storage import users as users_repo

    ctx = create_profile(path, station_name=name, admin_username="admin", admin_display_name="Ada Admin",
                         admin_password=PASSWORD, clock=clock or FixedClock(), demo=not keyring_available())
    with ctx.db.session() as s:
        admin = users_repo.by_username(s, "admin")[0]  # type: ignore[index]
    return Station(ctx, admin)


def enrol(station: Station, server: RegistryServer, *kinds: str) -> Any:
    from assessdesk.services.sync.enrolment import DEFAULT_KINDS
    from assessdesk.services.sync.enrolment import enrol as do_enrol

    kinds = kinds or DEFAULT_KINDS
    return do_enrol(station.ctx, actor=station.admin, url=server.url, code=server.code(*kinds), kinds=kinds)


def _standards(station: Station) -> None:
    """The demo library (the forklift credential and rubric), once per station: attempts pin what they use."""
    from assessdesk.services.standards.demo import import_demo_standards
    from assessdesk.services.standards.library import list_library

    if not list_library(station.ctx, actor=station.admin):
        import_demo_standards(station.ctx, actor=station.admin)


def offline_attempt(station: Station, proctor: Any, *, candidate_id: str | None = None,
                    photo: bytes = b"\x89PNG" + b"x" * 5000) -> str:
    """Schedule, check in, consent, photo, identity, start, incident, end: all offline, through the services."""
    from assessdesk.domain.ids import new_id
    from assessdesk.domain.schedule import Candidate, Sitting
    from assessdesk.services import attempts, checkin, proctoring
    from assessdesk.storage import schedule

    ctx = station.ctx
    _standards(station)
    sitting = Sitting(new_id(), "Forklift practical", "Work site 7", "2026-01-05", "09:00")
    with ctx.uow(proctor.id) as uow:
        schedule.add_sitting(uow.session, sitting)
        if candidate_id is None:
            candidate_id = schedule.add_candidate(uow.session, Candidate(new_id(), "Łukasz", "Nowak", "C-1")).id
    attempt_id = attempts.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id, candidate_id=candidate_id,
                                           credential_id="LOG-FORKLIFT-PREUSE", rubric_ref="RUB-FORKLIFT@1")
    checkin.check_in(ctx, actor=proctor, attempt_id=attempt_id)
    checkin.record_consent(ctx, actor=proctor, attempt_id=attempt_id, recording=True, face_comparison=False)
    checkin.add_photo(ctx, actor=proctor, attempt_id=attempt_id, kind="id_photo", image_bytes=photo)
    checkin.decide_identity(ctx, actor=proctor, attempt_id=attempt_id, decision="verified")
    proctoring.start(ctx, actor=proctor, attempt_id=attempt_id)
    proctoring.log_incident(ctx, actor=proctor, attempt_id=attempt_id, code="equipment_failure", note="horn stuck, replaced")
    proctoring.end(ctx, actor=proctor, attempt_id=attempt_id)
    return attempt_id
