"""One SecretStore over the OS keyring; an insecure, labelled file store exists only for demo profiles."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Protocol

from assessdesk.domain.errors import ConfigurationError

KEYRING = "keyring"
INSECURE_FILE = "insecure-file"


class SecretStore(Protocol):
    kind: str
    insecure: bool

    def get(self, name: str) -> bytes | None: ...
    def set(self, name: str, value: bytes) -> None: ...
    def delete(self, name: str) -> None: ...


class KeyringStore:
    """Secrets in the OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    kind = KEYRING
    insecure = False

    def __init__(self, station_id: str) -> None:
        import keyring

        self._keyring = keyring
        self._service = f"assessdesk:{station_id}"

    def get(self, name: str) -> bytes | None:
        value = self._keyring.get_password(self._service, name)
        return None if value is None else base64.b64decode(value)

    def set(self, name: str, value: bytes) -> None:
        self._keyring.set_password(self._service, name, base64.b64encode(value).decode())

    def delete(self, name: str) -> None:
        try:
            self._keyring.delete_password(self._service, name)
        except self._keyring.errors.PasswordDeleteError:
            pass


class InsecureFileStore:
    """DEMO ONLY: secrets in a plain file beside the profile. The app shows a banner whenever it is in use."""

    kind = INSECURE_FILE
    insecure = True

    def __init__(self, path: Path) -> None:
        self._path = path

    def _load(self) -> dict[str, str]:
        return json.loads(self._path.read_text()) if self._path.exists() else {}

    def get(self, name: str) -> bytes | None:
        value = self._load().get(name)
        return None if value is None else base64.b64decode(value)

    def set(self, name: str, value: bytes) -> None:
        data = self._load()
        data[name] = base64.b64encode(value).decode()
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        os.chmod(tmp, 0o600)
        os.replace(tmp, self._path)

    def delete(self, name: str) -> None:
        data = self._load()
        data.pop(name, None)
        self._path.write_text(json.dumps(data))


class MemoryStore:
    """For unit tests that are not about the keyring."""

    kind = "memory"
    insecure = False

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self._data.get(name)

    def set(self, name: str, value: bytes) -> None:
        self._data[name] = value

    def delete(self, name: str) -> None:
        self._data.pop(name, None)


def keyring_available(*, tries: int = 3, pause_s: float = 0.5) -> bool:
    """True when a real keyring backend answers (not the 'fail' or 'null' backends).

    A busy Secret Service can fail one D-Bus round-trip; that must not make a real station refuse to start, so the
    probe is tried a few times before the answer is "no keyring"."""
    import logging
    import time

    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - no keyring package at all
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or "null" in type(backend).__module__:
        return False
    for attempt in range(tries):
        try:
            keyring.get_password("assessdesk:probe", "probe")
            return True
        except Exception as exc:  # noqa: BLE001 - any backend error means "not now"
            logging.getLogger(__name__).warning("keyring probe %d failed: %s", attempt + 1, exc)
            time.sleep(pause_s)
    return False


NO_KEYRING_HELP = ("No OS keyring is available, and a real station profile keeps its keys only there. "
                   "On Linux install and start a Secret Service (for example: apt-get install gnome-keyring, "
                   "then sign in to a desktop session); on macOS and Windows the system keyring is used.")


def open_store(kind: str, *, station_id: str, profile_dir: Path, is_demo: bool) -> SecretStore:
    if kind == KEYRING:
        if not keyring_available():
            raise ConfigurationError("This station cannot reach its keyring.", hint=NO_KEYRING_HELP)
        return KeyringStore(station_id)
    if kind == INSECURE_FILE:
        if not is_demo:
            raise ConfigurationError("Only a demo profile may keep secrets outside the keyring.", hint=NO_KEYRING_HELP)
        return InsecureFileStore(profile_dir / "INSECURE-demo-secrets.json")
    raise ConfigurationError(f"Unknown secret store '{kind}' in the profile.")
