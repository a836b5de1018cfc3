"""Pinned contexts: hashes, the refuse-all-else loader, resource lookup, no network in issue+verify."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket

import pytest
from trust_support import NOW, make_request

from assessdesk.domain.errors import ConfigurationError, InvalidInput
from assessdesk.trust import contexts, ob3_schema, resources
from assessdesk.trust.contexts import OB_V3P0, VC_V2, pinned_loader
from assessdesk.trust.errors import ContextNotPinned, ContextTampered
from assessdesk.trust.multibase import (
    b58decode,
    b58encode,
    did_key,
    multibase_decode,
    multibase_encode,
    public_key_from_did_key,
)
from assessdesk.trust.ob3 import issue_credential
from assessdesk.trust.rdfc import canonize
from assessdesk.trust.verify import StatusListSnapshot, verify_credential

# W3C Verifiable Credentials Data Model v2.0 (Recommendation, 2025-05-15), Appendix B.1 "Base Context":
# the published SHA-256 digest of https://www.w3.org/ns/credentials/v2.
VC_V2_PUBLISHED_SHA256 = "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"


def test_every_bundled_context_matches_its_pinned_hash_and_vc_v2_its_published_one():
    manifest = json.loads(resources.resource_path("contexts", "manifest.json").read_text())
    for entry in manifest["contexts"]:
        raw = resources.resource_path("contexts", entry["file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == entry["sha256"], entry["url"]
        if entry["published_sha256"]:
            assert entry["sha256"] == entry["published_sha256"]
    by_url = {e["url"]: e for e in manifest["contexts"]}
    assert by_url[VC_V2]["sha256"] == VC_V2_PUBLISHED_SHA256
    assert {c.url for c in contexts.pinned_contexts()} == {VC_V2, OB_V3P0}


def test_loader_serves_pins_and_refuses_every_other_url():
    loader = pinned_loader()
    assert loader(VC_V2)["document"]["@context"]["@protected"] is True
    for url in (
        "https://www.w3.org/ns/credentials/examples/v2",
        "https://w3id.org/security/data-integrity/v2",
        "http://www.w3.org/ns/credentials/v2",
        "file:///etc/passwd",
    ):
        with pytest.raises(ContextNotPinned) as err:
            loader(url)
        assert url in str(err.value)


def test_canonicalizing_a_document_with_an_unpinned_context_raises_context_not_pinned():
    doc = {"@context": [VC_V2, "https://example.org/ctx.jsonld"], "type": ["VerifiableCredential"]}
    with pytest.raises(ContextNotPinned):
        canonize(doc)


def test_issue_and_verify_never_open_a_socket(monkeypatch, issuer_key, trusted, status_list):
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network disabled by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    # Fresh loader and caches, so nothing resolved earlier in the session can hide a fetch.
    contexts.pinned_contexts.cache_clear()
    contexts.pinned_loader.cache_clear()
    doc = issue_credential(make_request(), issuer_key)
    result = verify_credential(
        doc, trusted_issuers=trusted, now=NOW, status_fetcher=lambda url: StatusListSnapshot(status_list, NOW)
    )
    assert result.status == "valid"
    assert attempts == []


def test_a_changed_bundled_context_is_refused(tmp_path, monkeypatch):
    copy = tmp_path / "resources"
    shutil.copytree(resources.resource_path(), copy)
    target = copy / "contexts" / "ob-v3p0-context-3.0.3.json"
    target.write_text(target.read_text().replace("https://schema.org/name", "https://evil.example/name"))
    monkeypatch.setenv(resources.ENV_OVERRIDE, str(copy))
    resources.resources_root.cache_clear()
    contexts.pinned_contexts.cache_clear()
    contexts.pinned_loader.cache_clear()
    try:
        assert resources.resource_path("contexts") == copy / "contexts"
        with pytest.raises(ContextTampered):
            contexts.pinned_contexts()
    finally:
        monkeypatch.delenv(resources.ENV_OVERRIDE)
        resources.resources_root.cache_clear()
        contexts.pinned_contexts.cache_clear()
        contexts.pinned_loader.cache_clear()
        ob3_schema._validators.cache_clear()


def test_resource_override_must_point_at_a_real_resources_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.ENV_OVERRIDE, str(tmp_path))
    resources.resources_root.cache_clear()
    try:
        with pytest.raises(ConfigurationError):
            resources.resource_path("contexts")
    finally:
        monkeypatch.delenv(resources.ENV_OVERRIDE)
        resources.resources_root.cache_clear()
    assert (resources.resource_path("contexts") / "manifest.json").is_file()


def test_base58_and_multibase_round_trip_with_leading_zeros():
    for data in (b"", b"\0", b"\0\0\x01", bytes(range(40)), b"\xff" * 33):
        assert b58decode(b58encode(data)) == data
        assert multibase_decode(multibase_encode(data, "z")) == data
        assert multibase_decode(multibase_encode(data, "u")) == data
    # draft-multiformats-multibase test vector: "Decentralize everything!!" in base58btc.
    assert multibase_encode(b"Decentralize everything!!", "z") == "zUXE7GvtEk8XTXs1GF8HSGbVA9FCX9SEBPe"


def test_did_key_round_trip_uses_the_ed25519_multicodec():
    # The did:key method specification's first Ed25519 example.
    example = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    raw = public_key_from_did_key(example + "#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
    assert len(raw) == 32 and did_key(raw) == example
    with pytest.raises(InvalidInput):
        public_key_from_did_key(example + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")
