"""Files attached to an attempt as evidence (case output, checklist export, portfolio items), and shared recordings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.evidence import records
from assessdesk.services.evidence.manifest import safe_name
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule

ARTIFACT_KINDS = {
    "case_output": "Scored case output (timed case simulation)",
    "checklist": "Completed checklist (scenario-based audit)",
    "portfolio_item": "Portfolio item (group project)",
    "other": "Other file",
}
# Evidence can be added until it is sealed: before the start (a prepared portfolio), during, and after the end.
_OPEN_STATES = (AttemptState.CHECKED_IN, AttemptState.IDENTITY_VERIFIED, AttemptState.IN_PROGRESS,
                AttemptState.PAUSED, AttemptState.ENDED)
MAX_ARTIFACT_BYTES = 2 * 1024**3


def _require_open(ctx: StationContext, attempt_id: str, what: str) -> None:
    with ctx.db.session() as s:
        state = schedule.get_attempt(s, attempt_id).state
    if state not in _OPEN_STATES:
        raise InvalidInput(f"the attempt is '{state.value}': its evidence is sealed or it never ran, so no "
                           f"{what} can be added", where="evidence",
                           hint="Attach files before the proctor ends and seals the attempt.")


@requires("evidence.attach")
def add_artifact(ctx: StationContext, *, actor: User, attempt_id: str, path: Path, kind: str,
                 note: str = "") -> dict[str, Any]:
    """Hash the file into the evidence store (the original is only read) and record it on the attempt."""
    if kind not in ARTIFACT_KINDS:
        raise InvalidInput(f"unknown kind (use one of {', '.join(ARTIFACT_KINDS)})", where=f"artifact '{kind}'")
    path = Path(path)
    if not path.is_file():
        raise InvalidInput("no such file", where=str(path), hint="Choose the file again.")
    if path.stat().st_size > MAX_ARTIFACT_BYTES:
        raise InvalidInput("the file is larger than 2 GB", where=str(path),
                           hint="Attach a smaller export, or split it into parts.")
    _require_open(ctx, attempt_id, "file")
    blob = ctx.evidence_store().put_file(path)
    payload = {"sha256": blob.sha256, "size": blob.size, "kind": kind, "name": safe_name(path.name),
               "note": note.strip(), "encrypted": blob.encrypted}
    records.append_event(ctx, actor_id=actor.id, attempt_id=attempt_id, event_type=records.ARTIFACT_ADDED,
                         payload=payload)
    return payload


@requires("evidence.attach")
def share_recording(ctx: StationContext, *, actor: User, attempt_id: str, recording_of: str) -> None:
    """Make `attempt_id`'s manifest reference the recording made under `recording_of` (a group project: one
    camera, several candidates, each with their own sealed manifest)."""
    if recording_of == attempt_id:
        raise InvalidInput("an attempt cannot share its own recording with itself", where="shared recording")
    with ctx.db.session() as s:
        schedule.get_attempt(s, recording_of)  # NotFound when it does not exist
    _require_open(ctx, attempt_id, "shared recording")
    if recording_of in records.load(ctx, attempt_id).shared_from:
        return
    records.append_event(ctx, actor_id=actor.id, attempt_id=attempt_id, event_type=records.RECORDING_SHARED,
                         payload={"recording_of": recording_of})
