"""Conflicts kept on both sides and resolved three ways (audited); a record the registry rejects is quarantined
while the rest of the queue goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import enrol, make_station

from assessdesk.domain.errors import NotFound, PermissionDenied
from assessdesk.domain.roles import Role
from assessdesk.services.sync import conflicts
from assessdesk.services.sync.engine import run_once
from assessdesk.services.sync.state import status
from assessdesk.storage import audit
from assessdesk.storage import sync as repo
from assessdesk.storage.tables import EventRow


def _walk_in_edits(station, actor_id: str) -> tuple[str, str, str]:
    """A walk-in record and two edits made on the same base: the second is stale once the first is in."""
    with station.ctx.uow(actor_id) as uow:
        first = uow.record(entity_type="candidate", entity_id="cand-1", event_type="candidate.walk_in_registered",
                           payload={"given_name": "Jo", "family_name": "Lee"})
    with station.ctx.uow(actor_id) as uow:
        edit_a = uow.record(entity_type="candidate", entity_id="cand-1", event_type="candidate.walk_in_corrected",
                            payload={"family_name": "Li"}, base_version=1, supersedes=first.event_id)
        edit_b = uow.record(entity_type="candidate", entity_id="cand-1", event_type="candidate.walk_in_corrected",
                            payload={"family_name": "Leigh"}, base_version=1, supersedes=first.event_id)
    return first.event_id, edit_a.event_id, edit_b.event_id


def test_stale_edit_is_a_conflict_and_a_bad_record_is_quarantined(tmp_path: Path, server) -> None:
    site = make_station(tmp_path / "site", "Site")
    enrol(site, server, "recording_station")
    proctor = site.user("pat", Role.PROCTOR)
    _first, edit_a, edit_b = _walk_in_edits(site, proctor.id)
    with site.ctx.uow(proctor.id) as uow:  # a family this recording station may not author
        bad = uow.record(entity_type="attempt", entity_id="a-1", event_type="issuance.approved", payload={})
    with site.ctx.uow(proctor.id) as uow:
        after = uow.record(entity_type="candidate", entity_id="cand-2", event_type="candidate.walk_in_registered",
                           payload={"given_name": "Max", "family_name": "Roe"})

    report = run_once(site.ctx)
    assert report.ok and (report.acknowledged, report.conflicts, report.quarantined) == (3, 1, 1)
    counts = status(site.ctx).counts
    assert (counts["acknowledged"], counts["conflict"], counts["quarantined"], counts["queued"]) == (3, 1, 1, 0)
    with site.ctx.db.session() as s:
        assert repo.item(s, after.event_id).status == repo.ACKNOWLEDGED  # the queue went on past the bad one
        q = repo.item(s, bad.event_id)
        assert q.status == repo.QUARANTINED and q.detail["reason"] == "station_kind_not_allowed"
        c = repo.item(s, edit_b)
        assert c.detail["reason"] == "stale_base" and c.detail["server_event"]["event_id"] == edit_a
        actions = [r.action for r in audit.all_rows(s)]
        assert "sync.conflict" in actions and "sync.quarantined" in actions
    # The registry keeps its side of the conflict too.
    from sqlalchemy import select

    from assessdesk.registry.tables import conflicts as registry_conflicts

    with server.registry.engine.connect() as conn:
        assert [r.event_id for r in conn.execute(select(registry_conflicts))] == [edit_b]

    listed = conflicts.list_conflicts(site.ctx, actor=site.admin)
    assert [(c.event_id, c.mine, c.theirs) for c in listed] == [(edit_b, {"family_name": "Leigh"},
                                                                 {"family_name": "Li"})]
    with pytest.raises(PermissionDenied):
        conflicts.resolve(site.ctx, actor=proctor, event_id=edit_b, choice="mine")
    new_id = conflicts.resolve(site.ctx, actor=site.admin, event_id=edit_b, choice="mine")
    with pytest.raises(NotFound):
        conflicts.resolve(site.ctx, actor=site.admin, event_id=edit_b, choice="theirs")
    with site.ctx.db.session() as s:
        mine = repo.event_by_id(s, new_id)
        assert (mine.supersedes, mine.payload) == (edit_a, {"family_name": "Leigh"})
        assert repo.item(s, edit_b).status == repo.RESOLVED
        entry = [r for r in audit.all_rows(s) if r.action == "sync.conflict_resolved"][-1]
        assert json.loads(entry.detail_json)["choice"] == "mine" and entry.actor == site.admin.id
    again = run_once(site.ctx)
    assert again.ok and again.acknowledged == 1 and again.conflicts == 0
    site.ctx.close()


@pytest.mark.parametrize("choice", ["theirs", "both"])
def test_theirs_adopts_the_registry_version_and_both_keeps_ours_beside_it(tmp_path: Path, server, choice) -> None:
    site = make_station(tmp_path / "site", "Site")
    enrol(site, server, "recording_station")
    _first, edit_a, edit_b = _walk_in_edits(site, site.admin.id)
    assert run_once(site.ctx).conflicts == 1
    new_id = conflicts.resolve(site.ctx, actor=site.admin, event_id=edit_b, choice=choice)
    with site.ctx.db.session() as s:
        assert repo.item(s, edit_b).status == repo.RESOLVED
        ids = {r.event_id for r in s.query(EventRow).filter_by(entity_id="cand-1")}
    if choice == "theirs":
        assert new_id is None and edit_a in ids
    else:
        assert new_id in ids
        with site.ctx.db.session() as s:
            assert repo.event_by_id(s, new_id).supersedes is None
        assert run_once(site.ctx).acknowledged == 1
    assert status(site.ctx).counts["conflict"] == 0
    site.ctx.close()
