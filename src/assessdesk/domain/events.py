"""Authored events: the immutable records that stations and the registry exchange."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Which author may write which kinds of event (PRODUCT.md step 7). The registry checks pushes against this.
AUTHOR_KINDS: dict[str, str] = {
    "attempt": "recording_station",
    "identity": "recording_station",
    "incident": "recording_station",
    "presence": "recording_station",
    "candidate": "recording_station",  # walk-ins registered offline; the registry reviews and may merge them
    "evidence": "recording_station",
    "scoring": "scoring_station",
    "outcome": "scoring_station",
    "issuance": "approver_station",
    "credential": "approver_station",
    "standards": "registry",
    "roster": "registry",
    "user": "registry",
    "certification": "registry",
    # Exercises, their results, station certifications and drift alerts (issue 6); benchmark sheets are
    # `scoring.calibration_sheet_submitted` events of the assessor's scoring station.
    "calibration": "lead_assessor_station",
}


@dataclass(frozen=True)
class AuthoredEvent:
    """One immutable change. `supersedes` names the event an edit replaces; `base_version` the version it saw."""

    event_id: str
    entity_type: str
    entity_id: str
    event_type: str
    payload: dict[str, Any]
    author_station: str
    author_user: str | None
    occurred_at: str
    base_version: int = 0
    supersedes: str | None = None
    content_hash: str = ""
    server_seq: int | None = field(default=None, compare=False)

    @property
    def family(self) -> str:
        return self.event_type.split(".", 1)[0]
