"""Blind second marking on the playback timeline: an assessor sees only their own score moments."""

from __future__ import annotations

from types import SimpleNamespace

from assessdesk.domain.roles import Role
from assessdesk.services.evidence.playback import _score_moments, _visible_to


def _user(uid: str, *roles: Role) -> SimpleNamespace:
    return SimpleNamespace(id=uid, roles=frozenset(roles))


def _sheet(author: str, t: float) -> SimpleNamespace:
    return SimpleNamespace(event_type="scoring.sheet_submitted", author_user=author,
                           payload={"scores": [{"criterion_id": "FL-1", "video_time_s": t}]})


def test_second_marker_sees_only_own_moments_and_reviewers_see_all() -> None:
    first, second = _sheet("a1", 12.0), _sheet("a2", 30.0)
    incident = SimpleNamespace(event_type="incident.logged", author_user="p1", payload={})
    events = [first, second, incident]

    def times(viewer) -> list[float]:  # type: ignore[no-untyped-def]
        visible = [e.__dict__ for e in events if _visible_to(viewer, e)]
        return sorted(m.start_s for m in _score_moments(visible))

    assert times(_user("a2", Role.ASSESSOR)) == [30.0], "the blind second marker never sees the first sheet's moments"
    assert times(_user("a1", Role.ASSESSOR)) == [12.0]
    assert times(_user("ap", Role.APPROVER)) == [12.0, 30.0]
    assert times(_user("ld", Role.LEAD_ASSESSOR, Role.ASSESSOR)) == [12.0, 30.0]
    assert all(_visible_to(_user("a2", Role.ASSESSOR), e) for e in [incident])
