"""Verifies an OpenBadgeCredential and answers exactly one of valid / invalid / revoked / unknown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from assessdesk.domain.errors import DomainError
from assessdesk.trust.contexts import OB_CREDENTIAL_CONTEXT, VC_CONTEXT, context_urls
from assessdesk.trust.errors import StatusListError
from assessdesk.trust.issuers import TrustedIssuer, issuer_id_of
from assessdesk.trust.multibase import public_key_from_did_key
from assessdesk.trust.ob3_schema import validate_credential
from assessdesk.trust.proofs import check_proof
from assessdesk.trust.statuslist import StatusEntryRef, status_of

Status = Literal["valid", "invalid", "revoked", "unknown"]


@dataclass(frozen=True)
class StatusListSnapshot:
    """A status list credential as last obtained, and when: verification judges its freshness from both."""

    credential: Mapping[str, Any]
    fetched_at: datetime


class StatusUnavailable(DomainError):
    """Raised by a status fetcher that cannot obtain the list now; carries when it last could, if ever."""

    def __init__(self, message: str, *, last_checked: datetime | None = None) -> None:
        super().__init__(message)
        self.last_checked = last_checked


StatusFetcher = Callable[[str], StatusListSnapshot | None]


@dataclass(frozen=True)
class Problem:
    code: str  # proof | schema | context | dates | issuer | status
    message: str


@dataclass(frozen=True)
class VerificationResult:
    status: Status
    problems: tuple[Problem, ...] = ()
    credential_id: str | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    achievement_name: str | None = None
    verification_method: str | None = None
    status_checked_at: datetime | None = None  # when the status list relied on (or last usable) was fetched
    notes: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> str:
        if self.status == "valid":
            return "Valid: the credential is genuine, unchanged, current and not revoked."
        if self.status == "revoked":
            return "Revoked: the issuer has withdrawn this credential."
        if self.status == "unknown":
            when = self.status_checked_at.isoformat() if self.status_checked_at else "never"
            return (
                f"Unknown: the credential is genuine, but its revocation status could not be checked "
                f"(last successful check: {when})."
            )
        return "Invalid: " + "; ".join(p.message for p in self.problems)


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _date_problems(doc: Mapping[str, Any], now: datetime, what: str) -> list[Problem]:
    problems = []
    valid_from = _parse_time(doc.get("validFrom"))
    if valid_from is None:
        problems.append(Problem("dates", f"The {what} has no readable validFrom date."))
    elif now < valid_from:
        problems.append(Problem("dates", f"The {what} is not valid before {doc['validFrom']}."))
    if "validUntil" in doc:
        valid_until = _parse_time(doc.get("validUntil"))
        if valid_until is None:
            problems.append(Problem("dates", f"The {what}'s validUntil date is unreadable."))
        elif now >= valid_until:
            problems.append(Problem("dates", f"The {what} expired on {doc['validUntil']}."))
    return problems


def _key_for(issuer: TrustedIssuer | None, issuer_id: str | None, vm: str) -> bytes | None:
    if issuer is not None:
        return issuer.key_for(vm)
    # Untrusted issuer: still check a self-describing did:key proof, to report "genuine but untrusted".
    if issuer_id and vm.partition("#")[0] == issuer_id and vm.startswith("did:key:"):
        try:
            return public_key_from_did_key(vm)
        except DomainError:
            return None
    return None


def verify_credential(
    doc: Mapping[str, Any],
    *,
    trusted_issuers: Mapping[str, TrustedIssuer],
    status_fetcher: StatusFetcher,
    now: datetime,
) -> VerificationResult:
    """Check context pins, proof, issuer trust, schema and dates, then the revocation status.

    Never answers "valid" unless a fresh, correctly signed status list from the same issuer was consulted.
    """
    now = now.astimezone(UTC)
    problems: list[Problem] = []
    issuer_id = issuer_id_of(doc)
    issuer = trusted_issuers.get(issuer_id) if issuer_id else None
    proof = doc.get("proof") if isinstance(doc.get("proof"), Mapping) else {}
    vm = str(proof.get("verificationMethod", ""))
    subject = doc.get("credentialSubject") if isinstance(doc.get("credentialSubject"), Mapping) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), Mapping) else {}
    base = dict(
        credential_id=doc.get("id") if isinstance(doc.get("id"), str) else None,
        issuer_id=issuer_id,
        issuer_name=issuer.name if issuer else None,
        achievement_name=achievement.get("name"),
        verification_method=vm or None,
    )

    if context_urls(doc) != OB_CREDENTIAL_CONTEXT:
        problems.append(
            Problem(
                "context",
                "The credential's @context is not exactly the pinned VC 2.0 + Open "
                "Badges 3.0.3 pair, in that order.",
            )
        )
    if issuer is None:
        problems.append(
            Problem(
                "issuer",
                f"The issuer {issuer_id or '(none)'} is not on this station's list of trusted issuers.",
            )
        )
    key = _key_for(issuer, issuer_id, vm)
    if issuer is not None and key is None:
        problems.append(
            Problem("issuer", f"The signing key {vm or '(none)'} is not one the issuer published.")
        )
    if not problems or key is not None:
        check = check_proof(doc, key)
        if not check.ok and check.problem_code != "key":
            problems.append(
                Problem(
                    "proof" if check.problem_code in ("proof", "canonical") else check.problem_code,
                    check.problem,
                )
            )
    problems += [Problem("schema", message) for message in validate_credential(doc)]
    problems += _date_problems(doc, now, "credential")
    if problems:
        return VerificationResult("invalid", tuple(problems), **base)
    return _check_status(doc, issuer, status_fetcher, now, base)


def _check_status(
    doc: Mapping[str, Any],
    issuer: TrustedIssuer | None,
    fetcher: StatusFetcher,
    now: datetime,
    base: dict[str, Any],
) -> VerificationResult:
    try:
        entry = StatusEntryRef.from_json(doc.get("credentialStatus") or {})
    except StatusListError as exc:
        return VerificationResult("invalid", (Problem("status", exc.message),), **base)
    try:
        snapshot = fetcher(entry.list_url)
    except StatusUnavailable as exc:
        return VerificationResult(
            "unknown", (), status_checked_at=exc.last_checked, notes=(exc.message,), **base
        )
    if snapshot is None:
        return VerificationResult(
            "unknown", (), notes=(f"No copy of the status list {entry.list_url} is available.",), **base
        )
    stale = _snapshot_problem(snapshot, issuer, now)
    if stale:
        return VerificationResult(
            "unknown",
            (),
            status_checked_at=None if stale[1] else snapshot.fetched_at,
            notes=(stale[0],),
            **base,
        )
    try:
        revoked = status_of(snapshot.credential, entry)
    except StatusListError as exc:
        return VerificationResult("unknown", (), notes=(exc.message,), **base)
    return VerificationResult(
        "revoked" if revoked else "valid", (), status_checked_at=snapshot.fetched_at, **base
    )


def _snapshot_problem(
    snapshot: StatusListSnapshot, issuer: TrustedIssuer | None, now: datetime
) -> tuple[str, bool] | None:
    """Why the snapshot cannot be relied on, and whether it is untrustworthy (True) rather than just old."""
    lst = snapshot.credential
    if context_urls(lst) != VC_CONTEXT or "BitstringStatusListCredential" not in (lst.get("type") or []):
        return "The status list is not a BitstringStatusListCredential on the pinned VC 2.0 context.", True
    if issuer is None or issuer_id_of(lst) != issuer.id:
        return "The status list was not published by the credential's issuer.", True
    proof = lst.get("proof") if isinstance(lst.get("proof"), Mapping) else {}
    check = check_proof(lst, issuer.key_for(str(proof.get("verificationMethod", ""))))
    if not check.ok:
        return f"The status list fails its signature check: {check.problem}", True
    dates = _date_problems(lst, now, "status list")
    if dates:
        return dates[0].message, False
    subject = lst.get("credentialSubject") if isinstance(lst.get("credentialSubject"), Mapping) else {}
    ttl = subject.get("ttl")
    if isinstance(ttl, int) and ttl > 0 and now - snapshot.fetched_at > timedelta(milliseconds=ttl):
        return "The copy of the status list is older than the issuer allows (ttl).", False
    return None
