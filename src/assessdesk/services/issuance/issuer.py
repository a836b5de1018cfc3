"""The organisation's issuer key on this station: create, rotate, export, install; and the trusted-issuers file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from assessdesk.domain.errors import ConfigurationError, InvalidInput
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.issuance import keyfile, settings
from assessdesk.services.issuance.settings import IssuanceSettings
from assessdesk.services.station import StationContext
from assessdesk.trust.issuers import TrustedIssuer, dump_trusted_issuers, load_trusted_issuers
from assessdesk.trust.keys import SigningKey

TRUSTED_ISSUERS_FILE = "trusted-issuers.json"  # in the profile folder; `credential verify --trusted-issuers` reads it


def _secret_name(key_id: str) -> str:
    return f"issuer-key:{key_id}"


def trusted_issuers_path(ctx: StationContext) -> Path:
    return ctx.profile_dir / TRUSTED_ISSUERS_FILE


def trusted_issuers(ctx: StationContext) -> dict[str, TrustedIssuer]:
    """Every issuer this station trusts, with all keys each has published (retired ones keep old credentials valid)."""
    path = trusted_issuers_path(ctx)
    if not path.exists():
        return {}
    return load_trusted_issuers(json.loads(path.read_text(encoding="utf-8")))


def _remember_issuer(ctx: StationContext, issuer: TrustedIssuer) -> None:
    """Merge the issuer's keys into the trusted-issuers file; keys are only ever added, never dropped."""
    known = trusted_issuers(ctx)
    old = known.get(issuer.id)
    keys = {**(old.keys if old else {}), **issuer.keys}
    known[issuer.id] = TrustedIssuer(issuer.id, issuer.name, keys)
    path = trusted_issuers_path(ctx)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(dump_trusted_issuers(known), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def issuer_signing_key(ctx: StationContext) -> SigningKey:
    """The current issuer key from the keyring (callers are use-cases that already checked the actor)."""
    current = settings.load(ctx)
    if not current.configured:
        raise settings.not_configured()
    raw = ctx.secrets.get(_secret_name(current.key_id))
    if raw is None:
        raise ConfigurationError("The issuer key is missing from this station's keyring.",
                                 hint="An admin installs it again with 'assessdesk issuer install-key FILE'.")
    return SigningKey.from_raw(current.key_id, raw)


def _next_key_id(issuer_id: str, existing: set[str]) -> str:
    n = 1
    while f"{issuer_id}#key-{n}" in existing:  # bounded by the number of existing keys
        n += 1
    return f"{issuer_id}#key-{n}"


def _store(ctx: StationContext, *, actor: User, new: IssuanceSettings, key: SigningKey, public_keys: dict[str, bytes],
           action: str) -> IssuanceSettings:
    ctx.secrets.set(_secret_name(key.key_id), key.raw())
    _remember_issuer(ctx, TrustedIssuer(new.issuer_id, new.issuer_name, public_keys))
    with ctx.uow(actor.id) as uow:
        settings.save(uow, new)
        uow.audit(action=action, subject_type="issuer", subject_id=new.issuer_id,
                  detail={"key_id": key.key_id, "status_range": [new.status_index_start, new.status_index_end]})
    return new


@requires("issuer.manage")
def create_issuer(ctx: StationContext, *, actor: User, name: str, base_url: str, issuer_id: str = "",
                  issuer_url: str | None = None, index_range: tuple[int, int] = (0, 10_000)) -> IssuanceSettings:
    """Make the organisation's first issuer key on this station (normally once, at the registry's admin station)."""
    if settings.load(ctx).key_id:
        raise InvalidInput("this station already holds an issuer key; rotate it instead", where="issuer")
    if not name.strip():
        raise InvalidInput("give the organisation's name as credentials should show it", where="issuer name")
    base = settings.normalise_base_url(base_url)
    settings.check_range(*index_range)
    issuer = issuer_id.strip() or f"{base}issuer"
    key = SigningKey.generate(_next_key_id(issuer, set()))
    new = IssuanceSettings(issuer_id=issuer, issuer_name=name.strip(), issuer_url=issuer_url, key_id=key.key_id,
                           verification_base_url=base, status_list_url=settings.default_status_list_url(base),
                           status_index_start=index_range[0], status_index_end=index_range[1])
    return _store(ctx, actor=actor, new=new, key=key, public_keys={key.key_id: key.public_raw()},
                  action="issuer.created")


@requires("issuer.manage")
def rotate_key(ctx: StationContext, *, actor: User) -> IssuanceSettings:
    """A new current key; the old public key stays trusted so credentials signed with it still verify."""
    current = settings.load(ctx)
    issuer_signing_key(ctx)  # the old key must be here: rotation happens where the key is managed
    known = trusted_issuers(ctx).get(current.issuer_id)
    keys = dict(known.keys) if known else {}
    key = SigningKey.generate(_next_key_id(current.issuer_id, set(keys)))
    keys[key.key_id] = key.public_raw()
    return _store(ctx, actor=actor, new=settings.updated(current, key_id=key.key_id), key=key, public_keys=keys,
                  action="issuer.key_rotated")


@requires("issuer.manage")
def export_key(ctx: StationContext, *, actor: User, path: Path, passphrase: str) -> Path:
    """Write the encrypted key file approver stations install."""
    current = settings.load(ctx)
    key = issuer_signing_key(ctx)
    known = trusted_issuers(ctx).get(current.issuer_id)
    public = dict(known.keys) if known else {key.key_id: key.public_raw()}
    bundle = keyfile.IssuerKeyBundle(current.issuer_id, current.issuer_name, current.issuer_url, key, public)
    keyfile.write_key_file(Path(path), keyfile.seal(bundle, passphrase))
    with ctx.uow(actor.id) as uow:
        uow.audit(action="issuer.key_exported", subject_type="issuer", subject_id=current.issuer_id,
                  detail={"key_id": key.key_id})
    return Path(path)


@requires("issuer.install_key")
def install_key(ctx: StationContext, *, actor: User, path: Path, passphrase: str, base_url: str | None = None,
                index_range: tuple[int, int] | None = None) -> IssuanceSettings:
    """Install an exported key file: the key into the keyring, its public keys into the trusted issuers.

    The status-index range is this station's own (allocated by the registry), so offline stations never collide.
    """
    bundle = keyfile.open_sealed(keyfile.read_key_file(Path(path)), passphrase)
    current = settings.load(ctx)
    base = settings.normalise_base_url(base_url or current.verification_base_url or _base_of(bundle.issuer_id))
    start, end = index_range or (current.status_index_start, current.status_index_end)
    if end <= start:
        raise InvalidInput("this station needs its own status index range, e.g. --index-range 10000:20000",
                           where="status index range")
    settings.check_range(start, end)
    new = IssuanceSettings(issuer_id=bundle.issuer_id, issuer_name=bundle.issuer_name, issuer_url=bundle.issuer_url,
                           key_id=bundle.key.key_id, verification_base_url=base,
                           status_list_url=current.status_list_url or settings.default_status_list_url(base),
                           status_index_start=start, status_index_end=end,
                           status_list_validity_days=current.status_list_validity_days)
    return _store(ctx, actor=actor, new=new, key=bundle.key, public_keys=dict(bundle.public_keys),
                  action="issuer.key_installed")


def _base_of(issuer_id: str) -> str:
    if issuer_id.startswith(("http://", "https://")):
        return issuer_id.rsplit("/", 1)[0] + "/"
    raise InvalidInput("give the verification base URL (--base-url)", where="issuer key install")


def describe(ctx: StationContext) -> dict[str, Any]:
    """The station's issuer set-up for display (no secrets)."""
    current = settings.load(ctx)
    known = trusted_issuers(ctx).get(current.issuer_id)
    return {**current.public(), "configured": current.configured,
            "key_in_keyring": bool(current.key_id and ctx.secrets.get(_secret_name(current.key_id))),
            "published_keys": sorted(known.keys) if known else []}
