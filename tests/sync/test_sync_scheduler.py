"""The app's sync runner syncs on its own whenever a sync is due, with no Sync page open, against a real registry;
and it runs one sync at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import enrol, make_station

pytest.importorskip("PySide6")

from assessdesk.storage import sync as repo


def test_an_enrolled_station_syncs_by_itself_without_the_sync_page(qtbot, tmp_path: Path, server) -> None:
    from assessdesk.gui.sync_scheduler import SyncScheduler
    from assessdesk.gui.tasks import TaskRunner
    from assessdesk.services.events import EventBus
    from assessdesk.services.sync import engine

    site = make_station(tmp_path / "site", "Work site laptop")
    enrol(site, server, "recording_station")
    with site.ctx.uow(site.admin.id) as uow:
        uow.record(entity_type="candidate", entity_id="cand-1", event_type="candidate.walk_in_registered",
                   payload={"given_name": "Jo", "family_name": "Lee"})
    errors: list[BaseException] = []
    runner = TaskRunner(errors.append)
    bus = EventBus()
    published: list[dict] = []
    bus.subscribe("sync_did_finish", lambda _name, data: published.append(data))
    scheduler = SyncScheduler(site.ctx, runner, bus, check_ms=200, first_check_ms=0)
    try:
        finished: list = []
        scheduler.sig_finished.connect(finished.append)
        qtbot.waitUntil(lambda: bool(finished), timeout=30000)
        assert finished[0].ok, finished[0].error
        with site.ctx.db.session() as s:
            assert repo.counts(s).get("queued", 0) == 0 and repo.counts(s).get("acknowledged", 0) >= 1
        assert published and published[0]["ok"]

        # a requested run while another is under way is refused, and its steps are closed unused
        assert scheduler.run(engine.requested_steps(site.ctx, actor=site.admin))
        second = engine.requested_steps(site.ctx, actor=site.admin)
        assert scheduler.running() and not scheduler.run(second)
        assert second.gi_frame is None  # closed
        qtbot.waitUntil(lambda: len(finished) >= 2 and not scheduler.running(), timeout=30000)
    finally:
        scheduler.stop()
        runner.shutdown()
        site.ctx.close()
    assert not errors
