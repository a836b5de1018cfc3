"""Retention purges local evidence by rule, only after the registry confirmed it, and audits every purge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import enrol, make_station, offline_attempt

from assessdesk.domain.clock import FixedClock
from assessdesk.domain.errors import NotFound, PermissionDenied
from assessdesk.domain.roles import Role
from assessdesk.services import checkin, retention
from assessdesk.services.sync import evidence
from assessdesk.services.sync.engine import run_once
from assessdesk.storage import audit
from assessdesk.storage import sync as repo


def test_only_confirmed_old_evidence_is_purged_and_audited(tmp_path: Path, server) -> None:
    clock = FixedClock()
    site = make_station(tmp_path / "site", "Site", clock=clock)
    enrol(site, server, "recording_station")
    proctor = site.user("pat", Role.PROCTOR)
    from assessdesk.services.evidence.sealing import seal_attempt

    done = offline_attempt(site, proctor)
    seal_attempt(site.ctx, actor=proctor, attempt_id=done)  # sealed: its files may go once confirmed and old
    store = site.ctx.evidence_store()
    with site.ctx.db.session() as s:
        photo = next(sha for e in repo.evidence_events(s) if e.event_type == "evidence.photo_added"
                     for sha, _ in evidence.hashes_in(e.payload))
    assert run_once(site.ctx).ok and evidence.tracked(site.ctx)[photo]["present"]
    # A second attempt still running, and one photo the registry never got (recorded after the sync).
    running = offline_attempt(site, proctor, photo=b"\x89PNG another candidate" * 300)
    unsent = checkin.add_photo(site.ctx, actor=proctor, attempt_id=running, kind="live_photo",
                               image_bytes=b"\xff\xd8late photo" * 100)

    assert retention.purge(site.ctx, actor=site.admin).purged == []  # nothing is old enough yet
    clock.advance(days=31)
    with pytest.raises(PermissionDenied):
        retention.purge(site.ctx, actor=proctor)
    plan = retention.purge(site.ctx, actor=site.admin, dry_run=True)
    assert photo in plan.purged and len(plan.purged) == 2 and store.has(photo)  # the photo and the manifest
    report = retention.purge(site.ctx, actor=site.admin)
    assert report.purged == plan.purged and report.bytes_freed > 0
    assert not store.has(photo) and store.has(unsent)
    with pytest.raises(NotFound):
        store.open(photo)
    with site.ctx.db.session() as s:
        entry = [r for r in audit.all_rows(s) if r.action == "retention.purged"][-1]
    assert json.loads(entry.detail_json)["sha256"] == report.purged and entry.actor == site.admin.id
    # The other attempt ended but is not sealed yet: its files stay even when confirmed and old.
    assert run_once(site.ctx).ok
    clock.advance(days=31)
    kept = retention.purge(site.ctx, actor=site.admin)
    assert kept.purged == [] and kept.kept_active == 2 and store.has(unsent)
    sealed = seal_attempt(site.ctx, actor=proctor, attempt_id=running)
    assert run_once(site.ctx).ok  # the manifest goes up too
    clock.advance(days=31)
    gone = retention.purge(site.ctx, actor=site.admin)
    assert set(gone.purged) >= {unsent, sealed.sha256} and not store.has(unsent)
    assert done != running
    site.ctx.close()
