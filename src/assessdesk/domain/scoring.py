"""Score sheets (rubric levels or checklist answers, with notes and video moments) and how a sheet is evaluated
against its pinned rubric or checklist: weighted total, critical criteria, the pass rule."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.standards import Checklist, PeerComponent, Rubric


class SheetRole(StrEnum):
    FIRST = "first"  # the assessor's own marking
    SECOND = "second"  # the blind second marking
    MODERATION = "moderation"  # the lead assessor's agreed result
    RESCORE = "rescore"  # an explicit, audited re-score; supersedes the sheet it names


class SheetKind(StrEnum):
    RUBRIC = "rubric"
    CHECKLIST = "checklist"


ANSWERS = ("yes", "no")


@dataclass(frozen=True)
class CriterionScore:
    """One criterion (or checklist item) as judged. `video_time_s` is the moment in the recording a note points at."""

    criterion_id: str
    level: int | None = None  # rubric: the chosen level number
    answer: str | None = None  # checklist: "yes" or "no"
    note: str = ""
    video_time_s: float | None = None


@dataclass(frozen=True)
class ScoreSheet:
    id: str
    attempt_id: str
    assessor_id: str
    role: SheetRole
    kind: SheetKind
    assessment_ref: str  # the pinned rubric or checklist, e.g. "RUB-FORKLIFT@1"
    scores: tuple[CriterionScore, ...]
    signoff: bool = False  # "I observed this performance" (the assessor sign-off evidence)
    comment: str = ""
    reason: str = ""  # moderation and re-scores say why
    supersedes: str | None = None
    submitted_at: str | None = None
    content_hash: str = ""
    updated_at: str = ""

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    def score(self, criterion_id: str) -> CriterionScore:
        for s in self.scores:
            if s.criterion_id == criterion_id:
                return s
        return CriterionScore(criterion_id)

    def with_score(self, criterion_id: str, **changes: Any) -> ScoreSheet:
        """A copy with one criterion changed (drafts are replaced whole, never edited in place)."""
        if self.submitted:
            raise InvalidInput("a submitted sheet is locked; ask for a re-score to change it", where="score sheet")
        if "answer" in changes and changes["answer"] not in (None, *ANSWERS):
            raise InvalidInput("answer yes or no", where=f"item {criterion_id}")
        new = replace(self.score(criterion_id), **changes)
        rest = [s for s in self.scores if s.criterion_id != criterion_id]
        return replace(self, scores=tuple(sorted([*rest, new], key=lambda s: s.criterion_id)))

    def body(self) -> dict[str, Any]:
        """The content that is hashed and recorded when the sheet is submitted."""
        return {"sheet_id": self.id, "attempt_id": self.attempt_id, "assessor_id": self.assessor_id,
                "role": self.role.value, "kind": self.kind.value, "assessment_ref": self.assessment_ref,
                "scores": [{"criterion_id": s.criterion_id, "level": s.level, "answer": s.answer, "note": s.note,
                            "video_time_s": s.video_time_s} for s in sorted(self.scores, key=lambda s: s.criterion_id)],
                "signoff": self.signoff, "comment": self.comment, "reason": self.reason,
                "supersedes": self.supersedes}


def sheet_from_body(body: dict[str, Any], *, submitted_at: str | None = None, content_hash: str = "",
                    updated_at: str = "") -> ScoreSheet:
    return ScoreSheet(id=body["sheet_id"], attempt_id=body["attempt_id"], assessor_id=body["assessor_id"],
                      role=SheetRole(body["role"]), kind=SheetKind(body["kind"]),
                      assessment_ref=body["assessment_ref"],
                      scores=tuple(CriterionScore(s["criterion_id"], s.get("level"), s.get("answer"),
                                                  s.get("note", ""), s.get("video_time_s")) for s in body["scores"]),
                      signoff=bool(body.get("signoff")), comment=body.get("comment", ""),
                      reason=body.get("reason", ""), supersedes=body.get("supersedes"), submitted_at=submitted_at,
                      content_hash=content_hash, updated_at=updated_at)


@dataclass(frozen=True)
class ItemResult:
    """One criterion or checklist item after evaluation."""

    id: str
    title: str
    competency_id: str
    level: int | None
    label: str  # achieved level label, or "yes"/"no"
    descriptor: str
    points: float  # weighted
    max_points: float
    critical: bool
    required_label: str  # what the pass rule asks of it
    met: bool
    remediation: str


@dataclass(frozen=True)
class Evaluation:
    total: float
    max_total: float
    threshold: float
    complete: bool  # every criterion has a level (every item an answer)
    results: tuple[ItemResult, ...]
    peer_points: float | None = None
    unscored: tuple[str, ...] = field(default=())

    @property
    def critical_failures(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.results if r.critical and not r.met)

    @property
    def passed(self) -> bool:
        return self.complete and self.total >= self.threshold - 1e-9 and not self.critical_failures

    @property
    def margin(self) -> float:
        return self.total - self.threshold


def evaluate_rubric(rubric: Rubric, sheet: ScoreSheet, *, peer_points: float | None = None) -> Evaluation:
    results, unscored, total = [], [], 0.0
    for c in rubric.criteria:
        level = sheet.score(c.id).level
        required = c.level(c.min_level).label if c.min_level is not None else ""
        if level is None:
            unscored.append(c.id)
            results.append(ItemResult(c.id, c.title, c.competency_id, None, "not scored", "", 0.0, c.max_points,
                                      c.critical, required, False, c.remediation))
            continue
        lv = c.level(level)
        points = lv.points * c.weight
        total += points
        met = c.min_level is None or level >= c.min_level
        results.append(ItemResult(c.id, c.title, c.competency_id, level, lv.label, lv.descriptor, points,
                                  c.max_points, c.critical, required, met, c.remediation))
    if rubric.peer is not None and peer_points is not None:
        total += peer_points
    return Evaluation(total=round(total, 4), max_total=rubric.max_total, threshold=rubric.min_total,
                      complete=not unscored, results=tuple(results), peer_points=peer_points,
                      unscored=tuple(unscored))


def evaluate_checklist(checklist: Checklist, sheet: ScoreSheet) -> Evaluation:
    results, unscored, yes = [], [], 0
    for it in checklist.items:
        answer = sheet.score(it.id).answer
        if answer is None:
            unscored.append(it.id)
        yes += answer == "yes"
        results.append(ItemResult(it.id, it.text, it.competency_id, None, answer or "not answered", "",
                                  1.0 if answer == "yes" else 0.0, 1.0, it.critical, "yes", answer == "yes",
                                  it.remediation))
    n = len(checklist.items)
    return Evaluation(total=float(yes), max_total=float(n), threshold=round(checklist.min_yes_share * n, 4),
                      complete=not unscored, results=tuple(results), unscored=tuple(unscored))


def evaluate(assessment: Rubric | Checklist, sheet: ScoreSheet, *, peer_points: float | None = None) -> Evaluation:
    if isinstance(assessment, Checklist):
        return evaluate_checklist(assessment, sheet)
    return evaluate_rubric(assessment, sheet, peer_points=peer_points)


@dataclass(frozen=True)
class PeerForm:
    """One group member's scores for another, entered by the assessor or at a supervised kiosk."""

    id: str
    attempt_id: str  # the rated candidate's attempt
    rater_candidate_id: str
    ratee_candidate_id: str
    scores: dict[str, int]  # peer criterion id -> 1..scale_max
    source: str = "assessor"  # "assessor" (typed from a paper form) or "kiosk"


def check_peer_form(component: PeerComponent, form: PeerForm) -> None:
    if form.rater_candidate_id == form.ratee_candidate_id:
        raise InvalidInput("a candidate does not score themselves", where="peer form")
    for c in component.criteria:
        value = form.scores.get(c.id)
        if not isinstance(value, int) or not 1 <= value <= component.scale_max:
            raise InvalidInput(f"give a score from 1 to {component.scale_max}", where=f"peer criterion '{c.title}'")
    unknown = set(form.scores) - {c.id for c in component.criteria}
    if unknown:
        raise InvalidInput(f"not part of this rubric: {', '.join(sorted(unknown))}", where="peer form")


def peer_points(component: PeerComponent, forms: list[PeerForm]) -> float | None:
    """The peer component's points: the mean peer score as a share of the scale, times its weight. One form per
    rater counts (the latest); None until at least `min_peers` others have scored the candidate."""
    latest: dict[str, PeerForm] = {}
    for f in forms:
        if f.rater_candidate_id != f.ratee_candidate_id:
            latest[f.rater_candidate_id] = f
    if len(latest) < component.min_peers:
        return None
    values = [f.scores[c.id] for f in latest.values() for c in component.criteria]
    return round(component.weight_points * (sum(values) / len(values)) / component.scale_max, 4)
