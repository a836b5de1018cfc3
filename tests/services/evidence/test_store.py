"""The evidence store: plaintext-addressed, encrypted at rest, verified on read, untouched once written."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from assessdesk.services.evidence.store import EvidenceCorrupt, EvidenceStore


@pytest.fixture(params=[True, False], ids=["encrypted", "plain"])
def store(request, tmp_path: Path) -> EvidenceStore:
    return EvidenceStore(tmp_path / "ev", kek=os.urandom(32) if request.param else None, key_id="test#1")


def test_round_trip_and_names(store: EvidenceStore, tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    src = tmp_path / "photo.bin"
    src.write_bytes(data)
    blob = store.put_file(src)
    assert blob.sha256 == hashlib.sha256(data).hexdigest() and blob.size == len(data)
    assert store.read_bytes(blob.sha256) == data
    stored = blob.path.read_bytes()
    assert (data[:4096] in stored) is (not store.encrypted), "no plaintext on disk when encryption is on"
    store.verify(blob.sha256)
    again = store.put_bytes(data)
    assert again.path == blob.path and not list((store.root / "tmp").iterdir())


def test_changed_byte_is_caught(store: EvidenceStore) -> None:
    blob = store.put_bytes(b"x" * 5000)
    raw = bytearray(blob.path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    blob.path.write_bytes(bytes(raw))
    with pytest.raises(EvidenceCorrupt):
        store.verify(blob.sha256)


def test_station_context_encrypts_by_default(station) -> None:
    store = station.evidence_store()
    assert store.encrypted
    blob = store.put_bytes(b"id photo bytes")
    assert station.evidence_kek() == station.evidence_kek()  # one key, kept in the keyring
    assert store.read_bytes(blob.sha256) == b"id photo bytes"
