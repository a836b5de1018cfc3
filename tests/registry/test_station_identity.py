"""Enrolment keeps the station's own id and key id: published in the signed list, a taken id refused, the code kept."""

from __future__ import annotations

import json

import httpx
import pytest
from registry_support import ServerThread

from assessdesk.domain.ids import new_id
from assessdesk.registry.stations.service import issue_code, list_stations
from assessdesk.registry.stations.trusted_keys import verify_trusted_keys
from assessdesk.services.sync.client import RegistryClient, RegistryError
from assessdesk.trust.keys import SigningKey


def _own(station_id: str) -> tuple[SigningKey, str]:
    key_id = f"urn:assessdesk:station:{station_id}#key-1"
    return SigningKey.generate(key_id), key_id


def test_enrolment_keeps_the_station_id_and_publishes_its_key_id(server: ServerThread) -> None:
    own = new_id()
    key, key_id = _own(own)
    client = RegistryClient(server.url)
    answer = client.enrol(code=issue_code(server.registry), station_name="site", public_key=key.public_b64(),
                          kinds=["recording_station"], station_id=own, key_id=key_id)
    assert answer.station_id == own
    document = client.trusted_keys()
    assert verify_trusted_keys(document, registry_public_key=answer.registry_public_key)
    [entry] = [e for e in document["list"]["stations"] if e["station_id"] == own]
    assert entry["key_id"] == key_id and entry["public_key"] == key.public_b64()
    client.close()


def test_an_id_taken_by_another_station_is_refused_and_the_code_stays_usable(server_on: ServerThread) -> None:
    own = new_id()
    first_key, key_id = _own(own)
    RegistryClient(server_on.url).enrol(code=issue_code(server_on.registry), station_name="first",
                                     public_key=first_key.public_b64(), kinds=["recording_station"],
                                     station_id=own, key_id=key_id)
    code = issue_code(server_on.registry)
    intruder = SigningKey.generate(key_id)
    with pytest.raises(RegistryError) as caught:
        RegistryClient(server_on.url).enrol(code=code, station_name="second", public_key=intruder.public_b64(),
                                         kinds=["recording_station"], station_id=own, key_id=key_id)
    assert caught.value.status == 409 and caught.value.code == "station_id_taken"
    assert own in str(caught.value) and "already enrolled" in str(caught.value)
    [kept] = [s for s in list_stations(server_on.registry) if s.station_id == own]
    assert kept.name == "first" and kept.public_key == first_key.public_b64()
    # The refused enrolment spent nothing: the same code enrols a station under a fresh id.
    answer = RegistryClient(server_on.url).enrol(code=code, station_name="second", public_key=intruder.public_b64(),
                                              kinds=["recording_station"])
    assert answer.station_id != own


def test_a_key_id_outside_the_station_own_namespace_is_refused(server: ServerThread) -> None:
    victim = new_id()
    key = SigningKey.generate("x")
    with pytest.raises(RegistryError) as caught:
        RegistryClient(server.url).enrol(code=issue_code(server.registry), station_name="sly",
                                         public_key=key.public_b64(), kinds=["recording_station"],
                                         station_id=new_id(), key_id=f"urn:assessdesk:station:{victim}#key-1")
    assert caught.value.code == "enrolment_refused" and "own id" in str(caught.value)


def _older_registry(unknown: str, seen: list[dict]):
    """The network edge: a registry from before the field `unknown` (422 naming it, before spending the code)."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        if unknown in body:
            return httpx.Response(422, json={"error": "invalid_request", "message":
                                             f"The request is not valid: body.{unknown}: Extra inputs are not permitted"})
        return httpx.Response(200, json={"station_id": body.get("station_id", "given-by-registry"), "token": "adst_x",
                                         "organisation": "O", "kinds": ["recording_station"],
                                         "registry_key_id": "registry-k", "registry_public_key": "A" * 43,
                                         "server_time": "2026-01-05T09:00:00Z"})

    return httpx.MockTransport(answer)


def test_a_station_enrols_without_its_id_at_a_registry_that_predates_the_fields() -> None:
    """An older registry refuses unknown fields (422) before spending the code; the station enrols without them."""
    seen: list[dict] = []
    own = new_id()
    key, key_id = _own(own)
    client = RegistryClient("http://registry.invalid", transport=_older_registry("station_id", seen))
    answer = client.enrol(code="ABCD-EFGH", station_name="site", public_key=key.public_b64(),
                          kinds=["recording_station"], station_id=own, key_id=key_id)
    assert answer.station_id == "given-by-registry" and client.token == "adst_x"
    assert len(seen) == 2 and "key_id" not in seen[1]


def _reenrol(server: ServerThread, key: SigningKey, own: str, key_id: str, *, signer: SigningKey | None = None):
    from assessdesk.protocol.enrolment import reenrolment_message
    from assessdesk.trust.keys import b64

    code = issue_code(server.registry)
    proof = b64((signer or key).sign(reenrolment_message(code, own, key.public_b64())))
    return code, RegistryClient(server.url).enrol(code=code, station_name="site again", public_key=key.public_b64(),
                                                  kinds=["recording_station"], station_id=own, key_id=key_id,
                                                  proof=proof)


def test_a_station_that_lost_its_token_enrols_again_under_its_id_by_proving_its_key(server_on: ServerThread) -> None:
    from assessdesk.registry.stations.service import revoke_station

    own = new_id()
    key, key_id = _own(own)
    first = RegistryClient(server_on.url).enrol(code=issue_code(server_on.registry), station_name="site",
                                                public_key=key.public_b64(), kinds=["recording_station"],
                                                station_id=own, key_id=key_id)
    # someone who knows the id and public key but not the private key cannot take the id over
    with pytest.raises(RegistryError) as caught:
        _reenrol(server_on, key, own, key_id, signer=SigningKey.generate(key_id))
    assert caught.value.status == 409 and caught.value.code == "station_id_taken"

    _code, again = _reenrol(server_on, key, own, key_id)
    assert again.station_id == own and again.token != first.token
    [kept] = [s for s in list_stations(server_on.registry) if s.station_id == own]
    assert kept.name == "site again" and kept.public_key == key.public_b64() and kept.key_id == key_id
    with pytest.raises(RegistryError) as old:
        RegistryClient(server_on.url, first.token).trusted_keys()  # the lost token no longer works
    assert old.value.status == 401
    assert RegistryClient(server_on.url, again.token).trusted_keys()["list"]["stations"]

    revoke_station(server_on.registry, station_id=own, reason="laptop stolen")
    with pytest.raises(RegistryError) as refused:
        _reenrol(server_on, key, own, key_id)
    assert refused.value.code == "enrolment_refused" and "revoked" in str(refused.value)


def test_a_registry_that_knows_station_ids_but_not_proofs_still_keeps_the_station_id() -> None:
    seen: list[dict] = []
    own = new_id()
    key, key_id = _own(own)
    client = RegistryClient("http://registry.invalid", transport=_older_registry("proof", seen))
    answer = client.enrol(code="ABCD-EFGH", station_name="site", public_key=key.public_b64(),
                          kinds=["recording_station"], station_id=own, key_id=key_id, proof="A" * 86)
    assert answer.station_id == own and len(seen) == 2
    assert "proof" not in seen[1] and seen[1]["station_id"] == own and seen[1]["key_id"] == key_id
