"""The shapes of the injected checks that other features own: the evidence present for an attempt (default:
services.scoring.evidence_index) and the certification gate (default: services.calibration.certification)."""

from __future__ import annotations

from collections.abc import Callable

from assessdesk.domain.users import User

# attempt id -> the evidence kinds (domain.validation_types.EvidenceKind values) the evidence index holds for it.
EvidenceProvider = Callable[[str], set[str]]
# (assessor, pinned assessment ref, attempt id) -> None, or raises a DomainError saying why the assessor may not
# submit a live sheet for that rubric (the calibration feature's certification gate plugs in here).
CertificationGate = Callable[[User, str, str], None]
