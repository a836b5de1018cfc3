"""run_once against a real registry: offline work goes up once, acknowledged with server sequences; what another
station records reaches the station its attempt is routed to; re-running changes nothing."""

from __future__ import annotations

from pathlib import Path

from sync_support import enrol, make_station, offline_attempt

from assessdesk.domain.roles import Role
from assessdesk.services.sync import state
from assessdesk.services.sync.engine import run_once
from assessdesk.storage import sync as repo
from assessdesk.storage.tables import EventRow, OutboxRow


def test_offline_work_goes_up_once_and_is_acknowledged(tmp_path: Path, server) -> None:
    site = make_station(tmp_path / "site", "Work site laptop")
    proctor = site.user("pat", Role.PROCTOR)
    attempt_id = offline_attempt(site, proctor)
    before = state.status(site.ctx).counts
    assert before["queued"] >= 8 and before["acknowledged"] == 0

    enrolment = enrol(site, server)
    assert enrolment.queued == before["queued"]
    report = run_once(site.ctx)
    assert report.ok, report.error
    assert report.acknowledged == before["queued"] and report.quarantined == 0 and report.conflicts == 0
    assert report.uploaded == 1  # the ID photo
    after = state.status(site.ctx)
    assert after.counts["acknowledged"] == before["queued"] and after.counts["queued"] == 0
    assert after.last_good_sync is not None and after.failures == 0
    with site.ctx.db.session() as s:
        seqs = [r.server_seq for r in s.query(EventRow).filter(EventRow.entity_id == attempt_id)]
        assert all(isinstance(x, int) and x > 0 for x in seqs) and len(set(seqs)) == len(seqs)

    again = run_once(site.ctx)
    assert again.ok and again.acknowledged == 0 and again.pulled == 0 and again.uploaded == 0
    with site.ctx.db.session() as s:
        assert {o.status for o in s.query(OutboxRow)} == {repo.ACKNOWLEDGED}
    site.ctx.close()
