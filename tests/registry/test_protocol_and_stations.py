"""Protocol-version refusal, enrolment codes, token auth, revocation everywhere, the signed trusted-keys list."""

from __future__ import annotations

import httpx
import pytest
from registry_support import ServerThread, enrol, free_port

from assessdesk.domain.clock import FixedClock
from assessdesk.protocol.version import PROTOCOL_HEADER, PROTOCOL_VERSION
from assessdesk.registry.stations.service import issue_code, revoke_station
from assessdesk.registry.stations.trusted_keys import export_trusted_keys, verify_trusted_keys
from assessdesk.services.sync.client import (
    NotEnrolled,
    RegistryClient,
    RegistryError,
    RegistryUnreachable,
    StationRevoked,
    UpdateNeeded,
)
from assessdesk.services.sync.tus import TusUploader, download
from assessdesk.trust.keys import SigningKey


def test_a_request_without_or_below_the_protocol_version_gets_426_update_needed(server: ServerThread) -> None:
    station = enrol(server, "recording_station")
    for headers in ({}, {PROTOCOL_HEADER: "0"}, {PROTOCOL_HEADER: "banana"}):
        answer = httpx.get(f"{server.url}/v1/sync/pull", headers={
            "Authorization": f"Bearer {station.client.token}", **headers})
        assert answer.status_code == 426
        assert answer.json()["error"] == "update_needed" and "Update assessdesk" in answer.json()["message"]
        assert answer.headers[PROTOCOL_HEADER] == str(PROTOCOL_VERSION)
    old = RegistryClient(server.url, station.client.token, protocol_version=0)
    with pytest.raises(UpdateNeeded) as caught:
        old.push([station.event()])
    assert caught.value.side == "station" and caught.value.status == 426
    newer = RegistryClient(server.url, station.client.token, protocol_version=PROTOCOL_VERSION + 1)
    with pytest.raises(UpdateNeeded) as caught:
        newer.pull(0)
    assert caught.value.side == "registry"
    assert station.client.pull(0).events == []  # the right version is served


def test_an_enrolment_code_works_once_within_its_time_and_kinds(server: ServerThread) -> None:
    registry = server.registry
    code = issue_code(registry, kinds=frozenset({"recording_station"}))
    key = SigningKey.generate("k").public_b64()
    client = RegistryClient(server.url)
    with pytest.raises(RegistryError, match="only allows station kinds"):
        client.enrol(code=code, station_name="x", public_key=key, kinds=["approver_station"])
    answer = client.enrol(code=code.lower().replace("-", ""), station_name="x", public_key=key,
                          kinds=["recording_station"])
    assert answer.token.startswith("adst_") and answer.registry_public_key == registry.keys.signing.public_b64()
    with pytest.raises(RegistryError, match="already used") as caught:
        RegistryClient(server.url).enrol(code=code, station_name="y", public_key=key, kinds=["recording_station"])
    assert caught.value.status == 403
    clock = FixedClock()
    registry.clock = clock
    stale = issue_code(registry, valid_hours=1)
    clock.advance(hours=2)
    with pytest.raises(RegistryError, match="expired"):
        RegistryClient(server.url).enrol(code=stale, station_name="z", public_key=key, kinds=["scoring_station"])


def test_tokens_are_stored_hashed_and_unknown_tokens_are_refused(server: ServerThread) -> None:
    station = enrol(server, "recording_station")
    with server.registry.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM stations").scalars().all()
    assert station.client.token not in stored and len(stored[0]) == 64
    with pytest.raises(NotEnrolled):
        RegistryClient(server.url, "adst_not-a-token").pull(0)
    with pytest.raises(NotEnrolled):
        RegistryClient(server.url).server_time()


def test_a_revoked_station_is_refused_on_every_call(server: ServerThread, tmp_path) -> None:
    station = enrol(server, "recording_station")
    blob = tmp_path / "clip.bin"
    blob.write_bytes(b"evidence" * 1000)
    uploader = TusUploader(station.client)
    result = uploader.upload(blob, attempt_id="a-1")
    assert abs((station.client.server_time() - server.registry.clock.now()).total_seconds()) < 5
    revoke_station(server.registry, station_id=station.station_id, reason="laptop stolen")
    calls = [lambda: station.client.pull(0), lambda: station.client.push([station.event()]),
             station.client.server_time, lambda: uploader.offset(result.url),
             lambda: uploader.upload(blob), lambda: station.client.evidence_present([result.sha256]),
             lambda: download(station.client, sha256=result.sha256, dest=tmp_path / "back.bin"),
             station.client.trusted_keys]
    for call in calls:
        with pytest.raises(StationRevoked) as caught:
            call()
        assert caught.value.status == 403 and "revoked" in caught.value.message


def test_an_unreachable_registry_is_a_typed_error() -> None:
    client = RegistryClient(f"http://127.0.0.1:{free_port()}", "adst_x", timeout=2)
    with pytest.raises(RegistryUnreachable):
        client.pull(0)


def test_the_trusted_station_keys_list_is_signed_by_the_registry_key(server: ServerThread) -> None:
    a = enrol(server, "recording_station", name="a")
    b = enrol(server, "approver_station", name="b")
    revoke_station(server.registry, station_id=b.station_id, reason="retired")
    document = a.client.trusted_keys()
    pinned = server.registry.keys.signing.public_b64()
    assert verify_trusted_keys(document, registry_public_key=pinned)
    by_id = {s["station_id"]: s for s in document["list"]["stations"]}
    assert by_id[a.station_id]["public_key"] == a.key.public_b64() and by_id[a.station_id]["revoked_at"] is None
    assert by_id[b.station_id]["revoked_at"] is not None
    document["list"]["stations"][0]["public_key"] = SigningKey.generate("evil").public_b64()
    assert not verify_trusted_keys(document, registry_public_key=pinned)
    other = SigningKey.generate("other").public_b64()
    assert not verify_trusted_keys(export_trusted_keys(server.registry), registry_public_key=other)
