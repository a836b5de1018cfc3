"""Which attempts on this station hold recorded or sealed evidence, summarised for lists (CLI, playback page)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.evidence import records
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.events import attempt_events
from assessdesk.storage.tables import EventRow


@dataclass(frozen=True)
class EvidenceSummary:
    attempt_id: str
    candidate: str
    credential_id: str
    state: str
    sealed: bool
    segments: int
    artifacts: int
    duration_s: float
    recovered: bool
    manifest_sha256: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def summaries(ctx: StationContext, *, sealed_only: bool = False) -> list[EvidenceSummary]:
    """Every attempt with evidence events, newest first (no permission check: callers guard it)."""
    with ctx.db.session() as s:
        ids = list(dict.fromkeys(s.scalars(
            select(EventRow.entity_id).where(EventRow.entity_type == "attempt",
                                             EventRow.event_type.in_((records.SEGMENT_CLOSED, records.SEALED,
                                                                      records.ARTIFACT_ADDED)))
            .order_by(EventRow.local_seq.desc()))))
        out = []
        for attempt_id in ids:
            attempt = schedule.get_attempt(s, attempt_id)
            ev = records.fold(attempt_id, attempt_events(s, attempt_id))
            if sealed_only and ev.sealed is None:
                continue
            out.append(EvidenceSummary(
                attempt_id=attempt_id, candidate=attempt.candidate.full_name,
                credential_id=attempt.credential_id, state=attempt.state.value, sealed=ev.sealed is not None,
                segments=len(ev.segments), artifacts=len(ev.artifacts),
                duration_s=max((float(x.entry["end_s"]) for x in ev.segments), default=0.0),
                recovered=any(x.entry["recovered"] for x in ev.segments) or bool(ev.lost),
                manifest_sha256=ev.sealed["sha256"] if ev.sealed else None))
    return out


@requires("evidence.view")
def list_evidence(ctx: StationContext, *, actor: User, sealed_only: bool = True) -> list[EvidenceSummary]:
    return summaries(ctx, sealed_only=sealed_only)
