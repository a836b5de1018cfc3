"""Words for the Sync page: what a held-back record is and whom it concerns, instead of an event id and a type code."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from assessdesk.domain.errors import NotFound
from assessdesk.storage.schedule import get_attempt, get_candidate


def what(event_type: str) -> str:
    """`candidate.walk_in_corrected` -> `Candidate: walk in corrected`."""
    family, _, action = event_type.partition(".")
    words = action.replace("_", " ").replace(".", " ").strip()
    return f"{family.replace('_', ' ').capitalize()}: {words}" if words else family.capitalize()


def about(session: Session, entity_type: str, entity_id: str) -> str:
    """The candidate (and credential) a record concerns, when this station knows them; else its kind and a short id."""
    try:
        if entity_type == "candidate":
            return get_candidate(session, entity_id).full_name
        if entity_type == "attempt":
            attempt = get_attempt(session, entity_id)
            return f"{attempt.candidate.full_name} · {attempt.credential_id}"
    except NotFound:
        pass
    return f"{entity_type.replace('_', ' ')} {entity_id[:8]}"


def fields(payload: dict[str, Any] | None) -> str:
    """A record's content as `Name: value` lines (nested values as compact JSON), for people comparing versions."""
    if not payload:
        return "(no content)"
    lines = []
    for key, value in payload.items():
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        lines.append(f"{key.replace('_', ' ').capitalize()}: {shown}")
    return "\n".join(lines)
