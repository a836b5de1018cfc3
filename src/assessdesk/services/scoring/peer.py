"""Peer scoring for group projects: the assessor types in each member's form, or a supervised kiosk collects them;
candidates never sign in. Each form is an authored event."""

from __future__ import annotations

from dataclasses import dataclass

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.ids import new_id
from assessdesk.domain.scoring import PeerForm, check_peer_form
from assessdesk.domain.standards import PeerComponent
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.standards.pinning import pin_attempt
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as repo

SOURCES = ("assessor", "kiosk")


@dataclass(frozen=True)
class GroupMember:
    attempt_id: str
    candidate_id: str
    name: str
    forms_received: int


@dataclass(frozen=True)
class PeerSetup:
    component: PeerComponent
    members: tuple[GroupMember, ...]


@requires("scoring.score")
def peer_setup(ctx: StationContext, *, actor: User, attempt_id: str) -> PeerSetup:
    """The group an attempt belongs to and its rubric's peer component."""
    with ctx.uow(actor.id) as uow:
        pinned = pin_attempt(uow.session, attempt_id)
        component = getattr(pinned.assessment, "peer", None)
        if component is None:
            raise InvalidInput("this rubric has no peer-scoring component", where="peer scores")
        members = tuple(GroupMember(f.id, f.candidate_id, f.candidate_name,
                                    len({p.rater_candidate_id for p in repo.peer_forms_for(uow.session, f.id)}))
                        for f in repo.group_of(uow.session, attempt_id))
    return PeerSetup(component, members)


@requires("scoring.score")
def enter_peer_form(ctx: StationContext, *, actor: User, ratee_attempt_id: str, rater_candidate_id: str,
                    scores: dict[str, int], source: str = "assessor") -> PeerForm:
    """Record one member's scores for another member of the same group session."""
    if source not in SOURCES:
        raise InvalidInput("is 'assessor' or 'kiosk'", where="peer form source")
    with ctx.uow(actor.id) as uow:
        pinned = pin_attempt(uow.session, ratee_attempt_id)
        component = getattr(pinned.assessment, "peer", None)
        if component is None:
            raise InvalidInput("this rubric has no peer-scoring component", where="peer scores")
        group = repo.group_of(uow.session, ratee_attempt_id)
        ratee = next(f for f in group if f.id == ratee_attempt_id)
        if rater_candidate_id not in {f.candidate_id for f in group}:
            raise InvalidInput("only members of the same group session can score each other", where="peer form")
        form = PeerForm(new_id(), ratee_attempt_id, rater_candidate_id, ratee.candidate_id,
                        {k: int(v) for k, v in scores.items()}, source)
        check_peer_form(component, form)
        event = uow.record(entity_type="peer_form", entity_id=form.id, event_type="scoring.peer_form_entered",
                           payload={"attempt_id": ratee_attempt_id, "rater_candidate_id": rater_candidate_id,
                                    "ratee_candidate_id": ratee.candidate_id, "scores": form.scores,
                                    "source": source})
        repo.add_peer_form(uow.session, form, entered_by=actor.id, entered_at=uow.now(), event_id=event.event_id)
    return form
