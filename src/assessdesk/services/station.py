"""Station profiles: create one (station row, key pair in the keyring, first admin) and open it for use."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessdesk.domain.clock import Clock, SystemClock, iso
from assessdesk.domain.errors import ConfigurationError, InvalidInput
from assessdesk.domain.ids import new_id
from assessdesk.domain.roles import Role
from assessdesk.domain.users import validate_password, validate_username
from assessdesk.services.secrets import INSECURE_FILE, KEYRING, SecretStore, keyring_available, open_store
from assessdesk.storage import station as station_repo
from assessdesk.storage import users as users_repo
from assessdesk.storage.database import Database, open_database
from assessdesk.storage.uow import unit_of_work
from assessdesk.trust.keys import SigningKey

PROFILE_FILE = "profile.json"
PROFILE_FORMAT = 1  # History: 1 = station_id, secret_store, demo.
STATION_KEY = "station-signing-key"
DEFAULT_SETTINGS: dict[str, Any] = {"lockout_threshold": 5, "lockout_minutes": 15, "idle_minutes": 10,
                                    "encrypt_evidence": True, "presence_absence_seconds": 10.0}


@dataclass
class StationContext:
    """Everything a use-case needs about the open station; built once by the composition root and passed in."""

    profile_dir: Path
    db: Database
    secrets: SecretStore
    clock: Clock
    station_id: str
    is_demo: bool
    _key: SigningKey | None = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)

    def uow(self, actor: str | None) -> Any:
        return unit_of_work(self.db, station_id=self.station_id, actor=actor, clock=self.clock)

    def now(self) -> str:
        return iso(self.clock.now())

    def station(self) -> station_repo.Station:
        with self.db.session() as s:
            return station_repo.get(s)

    def settings(self) -> dict[str, Any]:
        return {**DEFAULT_SETTINGS, **self.station().settings}

    def signing_key(self) -> SigningKey:
        if self._key is None:
            raw = self.secrets.get(STATION_KEY)
            if raw is None:
                raise ConfigurationError("The station's signing key is missing from the keyring.",
                                         hint="Restore the keyring, or enrol this station again.")
            self._key = SigningKey.from_raw(self.station().key_id, raw)
        return self._key

    @property
    def evidence_dir(self) -> Path:
        return self.profile_dir / "evidence"

    def evidence_kek(self) -> bytes | None:
        """The key that wraps each evidence file's data key (kept in the keyring), or None when encryption is off."""
        from assessdesk.services.evidence.store import EVIDENCE_KEK

        if not self.settings().get("encrypt_evidence", True):
            return None
        kek = self.secrets.get(EVIDENCE_KEK)
        if kek is None:
            kek = os.urandom(32)
            self.secrets.set(EVIDENCE_KEK, kek)
        return kek

    def evidence_store(self) -> Any:  # -> services.evidence.store.EvidenceStore
        if self._store is None:
            from assessdesk.services.evidence.store import EvidenceStore

            self._store = EvidenceStore(self.evidence_dir, kek=self.evidence_kek(),
                                        key_id=f"urn:assessdesk:station:{self.station_id}#evidence-1")
        return self._store

    def close(self) -> None:
        self.db.close()


def _hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def create_profile(path: Path, *, station_name: str, admin_username: str, admin_display_name: str,
                   admin_password: str, demo: bool = False, clock: Clock | None = None,
                   secret_store: str | None = None) -> StationContext:
    """Create a station profile folder; it appears only when complete (built beside it, then renamed)."""
    path = Path(path)
    clock = clock or SystemClock()
    if (path / PROFILE_FILE).exists():
        raise InvalidInput("a station profile already exists there", where=str(path))
    if path.exists() and any(path.iterdir()):
        raise InvalidInput("the folder is not empty", where=str(path))
    validate_username(admin_username)
    validate_password(admin_password)
    kind = secret_store or (KEYRING if keyring_available() else INSECURE_FILE)
    station_id = new_id()
    staging = path.with_name(path.name + ".creating")
    secrets = open_store(kind, station_id=station_id, profile_dir=staging, is_demo=demo)  # refuses before any write
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    (staging / "evidence").mkdir()
    key = SigningKey.generate(f"urn:assessdesk:station:{station_id}#key-1")
    db = open_database(staging / "station.db")
    try:
        with unit_of_work(db, station_id=station_id, actor=None, clock=clock) as uow:
            station_repo.create(uow.session, station_id=station_id, name=station_name, created_at=uow.now(),
                                key_id=key.key_id, public_key=key.public_b64(), is_demo=demo,
                                settings=dict(DEFAULT_SETTINGS))
            uow.audit(action="station.created", subject_type="station", subject_id=station_id,
                      detail={"key_id": key.key_id, "secret_store": kind})
            admin = users_repo.add(uow.session, user_id=new_id(), username=admin_username,
                                   display_name=admin_display_name, password_hash=_hash_password(admin_password),
                                   roles=frozenset({Role.ADMIN}), created_at=uow.now())
            uow.audit(action="user.created", subject_type="user", subject_id=admin.id, detail={"roles": ["admin"]})
    finally:
        db.close()
    secrets.set(STATION_KEY, key.raw())
    (staging / PROFILE_FILE).write_text(json.dumps(
        {"format": PROFILE_FORMAT, "station_id": station_id, "station_name": station_name, "secret_store": kind,
         "demo": demo}, indent=2))
    if path.exists():
        path.rmdir()
    os.replace(staging, path)
    return open_profile(path, clock=clock)


def read_profile_file(path: Path) -> dict[str, Any]:
    file = Path(path) / PROFILE_FILE
    if not file.exists():
        raise ConfigurationError(f"No station profile at {path}.",
                                 hint="Create one with 'assessdesk profile create' or start with --demo.")
    try:
        data = json.loads(file.read_text())
        if data.get("format", 0) > PROFILE_FORMAT:
            raise ConfigurationError(f"The profile at {path} was made by a newer assessdesk.",
                                     hint="Install the newer version.")
        return data
    except (ValueError, AttributeError) as exc:
        raise ConfigurationError(f"The profile file {file} is damaged ({exc}).") from exc


def open_profile(path: Path, *, clock: Clock | None = None) -> StationContext:
    path = Path(path)
    data = read_profile_file(path)
    secrets = open_store(data["secret_store"], station_id=data["station_id"], profile_dir=path,
                         is_demo=bool(data.get("demo")))
    db = open_database(path / "station.db")
    ctx = StationContext(profile_dir=path, db=db, secrets=secrets, clock=clock or SystemClock(),
                         station_id=data["station_id"], is_demo=bool(data.get("demo")))
    if ctx.is_demo:  # a demo opened on a later day than it was built still shows today's sittings
        from assessdesk.services.demo import roll_schedule_forward

        roll_schedule_forward(ctx)
    return ctx
