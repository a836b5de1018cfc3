"""The station's issuance settings: issuer profile, current key id, verification base URL and status-list range."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlparse

from assessdesk.domain.errors import ConfigurationError, InvalidInput
from assessdesk.services.station import StationContext
from assessdesk.storage import station as station_repo
from assessdesk.trust.statuslist import MIN_BITS, IndexRange

SETTINGS_KEY = "issuance"  # the key under the station's settings JSON
DEFAULT_LIST_VALIDITY_DAYS = 30  # a published status list expires after this; verifiers then answer "unknown"


@dataclass(frozen=True)
class IssuanceSettings:
    """What an approver station needs to issue: all of it arrives with `issuer install-key` (or the demo)."""

    issuer_id: str = ""
    issuer_name: str = ""
    issuer_url: str | None = None
    key_id: str = ""  # the verification method id of the current issuer key, e.g. <issuer_id>#key-2
    verification_base_url: str = ""  # e.g. https://verify.example.org/ (QR codes and status lists live below it)
    status_list_url: str = ""
    status_index_start: int = 0
    status_index_end: int = 0
    status_list_validity_days: int = DEFAULT_LIST_VALIDITY_DAYS

    @property
    def configured(self) -> bool:
        return bool(self.issuer_id and self.key_id and self.verification_base_url and self.status_list_url
                    and self.status_index_end > self.status_index_start)

    def index_range(self) -> IndexRange:
        if not self.configured:
            raise not_configured()
        return IndexRange(self.status_list_url, self.status_index_start, self.status_index_end)

    def verification_url(self, credential_id: str) -> str:
        """Where a person (or the QR code) checks a credential: <base>credentials/<uuid>."""
        return f"{self.verification_base_url}credentials/{credential_id.removeprefix('urn:uuid:')}"

    def public(self) -> dict[str, Any]:
        return asdict(self)


def not_configured() -> ConfigurationError:
    return ConfigurationError("This station cannot issue credentials yet: the issuer key is not installed.",
                              hint="An admin installs it with 'assessdesk issuer install-key FILE'.")


def normalise_base_url(url: str) -> str:
    """An http(s) URL ending in '/', so paths join predictably."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InvalidInput("must be an http:// or https:// address, e.g. https://verify.example.org/",
                           where="verification base URL")
    return url.strip().rstrip("/") + "/"


def default_status_list_url(base_url: str) -> str:
    return f"{normalise_base_url(base_url)}status/1"


def check_range(start: int, end: int) -> None:
    if not 0 <= start < end <= MIN_BITS:
        raise InvalidInput(f"must be START:END with 0 <= START < END <= {MIN_BITS}", where="status index range")


def load(ctx: StationContext) -> IssuanceSettings:
    raw = ctx.settings().get(SETTINGS_KEY) or {}
    known = set(IssuanceSettings.__dataclass_fields__)
    return IssuanceSettings(**{k: v for k, v in raw.items() if k in known})


def save(uow: Any, settings: IssuanceSettings) -> None:
    """Store the settings in the caller's unit of work (audited by the caller)."""
    station_repo.update_settings(uow.session, {SETTINGS_KEY: settings.public()})


def updated(settings: IssuanceSettings, **changes: Any) -> IssuanceSettings:
    return replace(settings, **changes)
