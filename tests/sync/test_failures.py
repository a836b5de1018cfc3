"""When the network or the registry fails: backoff with jitter and the next try, nothing stuck as 'sent', a lost
answer replayed without doubling, an upload resumed from the registry's offset, clock skew, revoked station,
protocol mismatch."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sync_support import RegistryServer, enrol, make_station

sys.path.insert(0, str(Path(__file__).parents[1] / "e2e" / "faults"))
from fault_proxy import Fault, FaultProxy

from assessdesk.domain.clock import FixedClock, SystemClock, parse_iso
from assessdesk.domain.roles import Role
from assessdesk.services.sync import evidence, state
from assessdesk.services.sync.client import RegistryClient, StationRevoked, UpdateNeeded
from assessdesk.services.sync.engine import run_once
from assessdesk.storage import sync as repo


def _events(station, n: int) -> None:
    for i in range(n):
        with station.ctx.uow(station.admin.id) as uow:
            uow.record(entity_type="candidate", entity_id=f"c-{i}", event_type="candidate.walk_in_registered",
                       payload={"given_name": f"G{i}", "family_name": "F"})


def _point_at(station, url: str) -> None:
    with station.ctx.uow(None) as uow:
        repo.set_state(uow.session, {"registry_url": url})


def test_backoff_grows_with_jitter_and_the_queue_survives_an_outage(tmp_path: Path) -> None:
    server = RegistryServer(tmp_path / "registry").start()
    clock = FixedClock()
    site = make_station(tmp_path / "site", "Site", clock=clock)
    enrol(site, server, "recording_station")
    _events(site, 3)
    server.stop()
    delays = []
    for failures in (1, 2, 3):
        report = run_once(site.ctx, rng=random.Random(failures))
        assert not report.ok and "Cannot reach the registry" in report.error
        st = state.status(site.ctx)
        assert st.failures == failures and st.counts["queued"] == 3 and st.counts["sent"] == 0
        delays.append((parse_iso(st.next_try) - clock.now()).total_seconds())
    for failures, delay in enumerate(delays, start=1):
        step = state.BACKOFF_BASE_S * 2 ** (failures - 1)
        assert step / 2 <= delay <= step
    assert not state.due(site.ctx, now=clock.now()) and state.due(site.ctx, now=clock.now() + timedelta(hours=2))
    jitter = {round(state.backoff_seconds(4, random.Random(seed)), 3) for seed in range(5)}
    assert len(jitter) == 5  # stations spread out

    server.start()
    report = run_once(site.ctx)
    assert report.ok and report.acknowledged == 3
    st = state.status(site.ctx)
    assert st.failures == 0 and st.last_error is None and st.last_good_sync == clock.now().isoformat(
        timespec="milliseconds").replace("+00:00", "Z")
    site.ctx.close()
    server.close()


def test_a_lost_answer_is_replayed_not_doubled(tmp_path: Path, server) -> None:
    site = make_station(tmp_path / "site", "Site")
    enrol(site, server, "recording_station")
    _events(site, 5)
    proxy = FaultProxy(server.port)
    _point_at(site, proxy.url)
    # time, station list, pull: pass; the push's answer is cut after the registry stored the batch.
    proxy.set_plan([], default=Fault("cut_response", at_byte=20))
    assert not run_once(site.ctx, upload_evidence=False).ok
    assert state.status(site.ctx).counts["queued"] == 5
    proxy.set_plan([])
    report = run_once(site.ctx)
    assert report.ok and report.acknowledged == 5
    from sqlalchemy import func, select

    from assessdesk.registry.tables import events

    with server.registry.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar() == 5
    proxy.close()
    site.ctx.close()


def test_an_upload_cut_mid_body_resumes_from_the_registry_offset(tmp_path: Path, server) -> None:
    from assessdesk.services import checkin

    site = make_station(tmp_path / "site", "Site")
    enrol(site, server, "recording_station")
    proctor = site.user("pat", Role.PROCTOR)
    from sync_support import offline_attempt

    attempt_id = offline_attempt(site, proctor)
    photo = random.Random(7).randbytes(600_000)
    sha = checkin.add_photo(site.ctx, actor=proctor, attempt_id=attempt_id, kind="live_photo", image_bytes=photo)
    assert run_once(site.ctx, upload_evidence=False).ok
    proxy = FaultProxy(server.port)
    _point_at(site, proxy.url)
    chunk = 128 * 1024
    # Cut the connection once about 300 kB into the request stream: inside the big photo's third chunk.
    proxy.set_plan([Fault("cut_request", at_byte=300_000)])
    report = run_once(site.ctx, chunk_size=chunk)
    assert not report.ok
    tracked = evidence.tracked(site.ctx)
    assert tracked[sha]["url"] and not tracked[sha]["present"]  # remembered before any byte was sent
    report = run_once(site.ctx, chunk_size=chunk)
    assert report.ok and report.uploaded >= 1
    assert report.uploaded_bytes <= len(photo) - 2 * chunk + chunk  # resumed: at most one chunk re-sent
    assert evidence.tracked(site.ctx)[sha]["present"]
    got = b"".join(server.registry.blobs.read(sha, 0, len(photo), size=len(photo)))
    assert got == photo
    proxy.close()
    site.ctx.close()


def test_clock_skew_warns_but_a_close_clock_does_not(tmp_path: Path, server) -> None:
    off = make_station(tmp_path / "off", "Off", clock=FixedClock(datetime.now(UTC) - timedelta(minutes=7)))
    good = make_station(tmp_path / "good", "Good", clock=SystemClock())
    for st in (off, good):
        enrol(st, server, "recording_station")
        assert run_once(st.ctx).ok
    warning = state.status(off.ctx).clock_warning
    assert warning and "7 minutes behind" in warning
    assert state.status(good.ctx).clock_warning is None
    off.ctx.close()
    good.ctx.close()


def test_revoked_station_and_protocol_mismatch_are_refused_clearly(tmp_path: Path, server) -> None:
    from assessdesk.registry.stations.service import revoke_station

    site = make_station(tmp_path / "site", "Site")
    done = enrol(site, server, "recording_station")
    _events(site, 1)
    old = lambda c: RegistryClient(c.url, state.token(site.ctx), protocol_version=0)
    with pytest.raises(UpdateNeeded):
        run_once(site.ctx, client_factory=old)
    revoke_station(server.registry, station_id=done.registry_station_id, reason="laptop stolen")
    with pytest.raises(StationRevoked) as caught:
        run_once(site.ctx)
    assert "revoked" in str(caught.value).lower()
    st = state.status(site.ctx)
    assert "revoked" in st.last_error.lower() and st.counts["queued"] == 1
    site.ctx.close()


def test_not_enrolled_says_how_to_enrol(tmp_path: Path) -> None:
    site = make_station(tmp_path / "site", "Site")
    with pytest.raises(state.NotEnrolled) as caught:
        run_once(site.ctx)
    assert "assessdesk enrol" in str(caught.value)
    site.ctx.close()
