"""A station enrolled with its own id: records made before enrolment go up as authored, and an approver verifies its
manifests by the key id the registry publishes, with no bindings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import enrol, make_station, offline_attempt

from assessdesk.domain.roles import Role
from assessdesk.services.evidence.trusted_keys import PROFILE_FILE, load_trusted_keys
from assessdesk.services.sync import trusted
from assessdesk.services.sync.engine import run_once
from assessdesk.storage import sync as repo
from assessdesk.trust.manifest_proof import verify_manifest


def test_records_made_before_enrolment_are_acknowledged_under_the_station_own_id(tmp_path: Path, server) -> None:
    import sqlalchemy as sa

    from assessdesk.registry.tables import events
    from assessdesk.services.evidence.sealing import seal_attempt
    from assessdesk.storage.tables import EventRow

    site = make_station(tmp_path / "site", "Work site laptop")
    office = make_station(tmp_path / "office", "Approvals office")
    proctor = site.user("pat", Role.PROCTOR)
    attempt_id = offline_attempt(site, proctor)  # offline, before enrolment: authored by the station's own id
    sealed = seal_attempt(site.ctx, actor=proctor, attempt_id=attempt_id)

    done = enrol(site, server, "recording_station")
    assert done.registry_station_id == site.ctx.station_id
    report = run_once(site.ctx)
    assert report.ok and report.quarantined == 0 and report.acknowledged == done.queued, report.problems
    with site.ctx.db.session() as s:
        assert repo.counts(s)[repo.ACKNOWLEDGED] == done.queued and repo.counts(s)[repo.QUARANTINED] == 0
    with server.registry.engine.connect() as conn:
        held = {r.event_id: r.content_hash for r in conn.execute(
            sa.select(events.c.event_id, events.c.content_hash, events.c.author_station)) if
            r.author_station == site.ctx.station_id}
    with site.ctx.db.session() as s:
        made = {e.event_id: e.content_hash for e in s.query(EventRow).all()}
    assert len(held) == done.queued and held == {k: made[k] for k in held}  # own id, the hashes it made, untouched

    office_enrolment = enrol(office, server, "approver_station")
    assert office_enrolment.registry_station_id == office.ctx.station_id
    assert run_once(office.ctx).ok  # keeps the registry's signed list as the profile's trusted-keys file
    manifest = json.loads(site.ctx.evidence_store().read_bytes(sealed.sha256))
    key_id = manifest["proof"]["verificationMethod"]
    assert key_id == site.ctx.station().key_id
    keys = load_trusted_keys(office.ctx.profile_dir / PROFILE_FILE)
    assert verify_manifest(manifest, keys) == []  # by the published key id alone
    with office.ctx.db.session() as s:
        assert repo.get_json(s, trusted.BINDINGS_KEY, {}) == {}  # bind_manifest_keys never ran, nothing bound
    site.ctx.close()
    office.ctx.close()


def test_a_station_whose_keyring_lost_its_token_enrols_again_and_goes_on_syncing(tmp_path: Path, server) -> None:
    from assessdesk.domain.errors import ConfigurationError
    from assessdesk.services.sync.state import TOKEN_SECRET

    site = make_station(tmp_path / "site", "Work site laptop")
    proctor = site.user("pat", Role.PROCTOR)
    offline_attempt(site, proctor)
    assert enrol(site, server, "recording_station").registry_station_id == site.ctx.station_id
    assert run_once(site.ctx).ok
    offline_attempt(site, proctor)  # more work, then the keyring entry is gone
    site.ctx.secrets.delete(TOKEN_SECRET)
    with pytest.raises(ConfigurationError, match="token is missing"):
        run_once(site.ctx)

    again = enrol(site, server, "recording_station")
    assert again.registry_station_id == site.ctx.station_id
    report = run_once(site.ctx)
    assert report.ok and report.quarantined == 0 and report.acknowledged > 0, report.problems
    with site.ctx.db.session() as s:
        assert repo.counts(s)[repo.QUEUED] == 0 and repo.counts(s)[repo.QUARANTINED] == 0
    site.ctx.close()
