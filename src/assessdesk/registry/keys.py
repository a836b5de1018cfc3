"""The registry's own keys: an Ed25519 signing key and an AES-256 key for evidence at rest, kept under the data dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assessdesk.trust.keys import SigningKey

SIGNING_FILE = "registry-signing.ed25519"
BLOB_KEY_FILE = "evidence-at-rest.aes256"


@dataclass(frozen=True)
class RegistryKeys:
    signing: SigningKey
    blob_key: bytes

    @property
    def key_id(self) -> str:
        return self.signing.key_id


def _read_or_make(path: Path, size: int) -> bytes:
    if path.exists():
        raw = path.read_bytes()
        if len(raw) != size:
            raise ValueError(f"{path} is damaged: expected {size} bytes, found {len(raw)}")
        return raw
    raw = os.urandom(size)
    # Written 0600 via a temporary name, then renamed, so a crash never leaves half a key behind.
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(raw)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return raw


def load_or_create_keys(folder: Path) -> RegistryKeys:
    """Load the registry's keys, making them on first start. Key files are 0600; back the folder up offline."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    signing_raw = _read_or_make(folder / SIGNING_FILE, 32)
    blob_key = _read_or_make(folder / BLOB_KEY_FILE, 32)
    probe = SigningKey.from_raw("probe", signing_raw)
    # The key id is derived from the public key, so every copy of the list names the same key.
    key_id = "registry-" + probe.public_b64()[:16]
    return RegistryKeys(signing=SigningKey.from_raw(key_id, signing_raw), blob_key=blob_key)
