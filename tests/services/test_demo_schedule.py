"""The demo profile keeps its sittings on today when it is opened on a later day than it was built."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from assessdesk.domain.clock import FixedClock
from assessdesk.services.demo import SCHEDULE_DAY
from assessdesk.services.station import open_profile
from assessdesk.storage import audit, schedule


def _open_on(path: Path, day):  # noon UTC: the same calendar day in every local time zone from UTC-11 to UTC+11
    return open_profile(path, clock=FixedClock(datetime(day.year, day.month, day.day, 12, tzinfo=UTC)))


def _dates(ctx) -> list[str]:
    with ctx.db.session() as s:
        return sorted(r.date for r in s.scalars(schedule.select(schedule.SessionRow)))


def test_a_demo_opened_days_later_moves_its_schedule_to_today_once(demo_profile_dir: Path, tmp_path: Path):
    path = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, path)
    ctx = open_profile(path)
    built = date.fromisoformat(ctx.settings()[SCHEDULE_DAY])
    before = _dates(ctx)
    with ctx.db.session() as s:
        assert "Forklift pre-use inspection" in {t.title for t in schedule.sittings_on(s, built.isoformat())}
    ctx.close()

    later = built + timedelta(days=3)
    ctx = _open_on(path, later)
    try:
        after = _dates(ctx)
        assert after == [(datetime.fromisoformat(d) + timedelta(days=3)).date().isoformat() for d in before]
        with ctx.db.session() as s:
            titles = {t.title for t in schedule.sittings_on(s, later.isoformat())}
            assert {"Forklift pre-use inspection", "Customer troubleshooting call"} <= titles
            rolled = [r for r in audit.all_rows(s) if r.action == "demo.schedule_rolled_forward"]
        assert len(rolled) == 1 and audit.entry_body(rolled[0])["detail"]["days"] == 3
    finally:
        ctx.close()

    ctx = _open_on(path, later)  # the same day again: nothing moves, nothing is audited
    try:
        assert _dates(ctx) == after
        with ctx.db.session() as s:
            assert sum(r.action == "demo.schedule_rolled_forward" for r in audit.all_rows(s)) == 1
    finally:
        ctx.close()


def test_a_station_profile_keeps_its_schedule(station, tmp_path: Path):
    from assessdesk.domain.ids import new_id
    from assessdesk.domain.schedule import Sitting

    with station.uow(None) as uow:
        schedule.add_sitting(uow.session, Sitting(new_id(), "Old sitting", "Site", "2026-01-01", "09:00"))
    station.close()
    ctx = _open_on(station.profile_dir, datetime(2026, 3, 1).date())
    try:
        assert _dates(ctx) == ["2026-01-01"]
    finally:
        ctx.close()
