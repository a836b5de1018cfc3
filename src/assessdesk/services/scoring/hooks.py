"""The shapes of the injected checks that other features own: the evidence present for an attempt and the
certification gate (services.calibration.certification.certification_gate is the default)."""

from __future__ import annotations

from collections.abc import Callable

from assessdesk.domain.users import User
from assessdesk.services.station import StationContext
from assessdesk.storage.scoring import attempt_events

# attempt id -> the evidence kinds (domain.validation_types.EvidenceKind values) the evidence index holds for it.
EvidenceProvider = Callable[[str], set[str]]
# (assessor, pinned assessment ref, attempt id) -> None, or raises a DomainError saying why the assessor may not
# submit a live sheet for that rubric (the calibration feature's certification gate plugs in here).
CertificationGate = Callable[[User, str, str], None]


def sealed_event_evidence(ctx: StationContext) -> EvidenceProvider:
    """Evidence kinds read from the attempt's own `evidence.sealed` events, until the evidence index is wired in.

    A seal whose payload lists `evidence_kinds` contributes exactly those; a seal without the list counts as a
    sealed recording (`video.sealed`), which is what sealing means for the recording station."""

    def provider(attempt_id: str) -> set[str]:
        with ctx.db.session() as s:
            events = attempt_events(s, attempt_id)
        kinds: set[str] = set()
        for event_type, payload in events:
            if event_type == "evidence.sealed":
                listed = payload.get("evidence_kinds")
                kinds |= set(listed) if isinstance(listed, list) else {"video.sealed"}
        return kinds

    return provider
