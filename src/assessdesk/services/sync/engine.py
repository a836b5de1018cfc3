"""One sync run as a sequence of steps, each on its lane: HTTP on the io lane, SQLite on the db lane, so no
transaction is ever held across network I/O. `run_once` drives the steps inline (CLI, tests); the sync page
drives the same steps through the GUI task runner.

Order: server time (clock skew) → pull since the cursor and apply → push outbox batches → upload evidence the
registry lacks → audit checkpoint. Any failure records a backoff with jitter; a registry that answers "update
needed" or "station revoked" stops the run with that message.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from assessdesk.domain.clock import iso
from assessdesk.domain.errors import DomainError
from assessdesk.domain.users import User
from assessdesk.protocol.sync import PullResponse
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.services.sync import apply, evidence, push, routing, state, status_publish, trusted

MAX_PULL_PAGES = 10_000
MAX_PUSH_BATCHES = 10_000
PULL_LIMIT = 500


@dataclass(frozen=True)
class Step:
    lane: Literal["db", "io"]
    fn: Callable[[], Any]
    label: str


@dataclass
class SyncReport:
    ok: bool = False
    pulled: int = 0
    acknowledged: int = 0
    conflicts: int = 0
    quarantined: int = 0
    uploaded: int = 0
    uploaded_bytes: int = 0
    clock_skew_s: float | None = None
    error: str | None = None
    next_try: str | None = None
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


Steps = Generator[Step, Any, SyncReport]


def db(fn: Callable[[], Any], label: str) -> Step:
    return Step("db", fn, label)


def io(fn: Callable[[], Any], label: str) -> Step:
    return Step("io", fn, label)


def sync_steps(ctx: StationContext, *, client_factory: Callable[[state.SyncConfig], Any] | None = None,
               rng: random.Random | None = None, upload_evidence: bool = True,
               chunk_size: int = evidence.CHUNK_SIZE) -> Steps:
    """The run as steps; send each step's result back in (`gen.send`) and throw its exception in (`gen.throw`)."""
    from assessdesk.services.sync.client import StationRevoked, UpdateNeeded

    rng = rng or random.Random()
    report = SyncReport()
    config = yield db(lambda: state.load_config(ctx), "reading the registry settings")
    if config is None:
        raise state.NotEnrolled()
    client = yield io(lambda: (client_factory or (lambda c: state.open_client(ctx, c)))(config), "connecting")
    failure: DomainError | None = None
    try:
        yield from _run(ctx, client, config, report, upload_evidence=upload_evidence, chunk_size=chunk_size)
    except DomainError as exc:  # unreachable, revoked, update needed, a cut upload: recorded, retried later
        failure = exc
    yield io(client.close, "closing the connection")
    if failure is not None:
        report.error = str(failure)
        next_try = yield db(lambda: state.record_failure(ctx, now=ctx.clock.now(), error=str(failure), rng=rng),
                            "recording the failure")
        report.next_try = iso(next_try)
        if isinstance(failure, (StationRevoked, UpdateNeeded)):
            raise failure  # nothing a retry can fix: the caller shows it
        return report
    report.ok = True
    yield db(lambda: state.record_success(ctx, now=ctx.clock.now(), skew_s=report.clock_skew_s,
                                          problems=report.problems), "recording the sync")
    yield db(lambda: _checkpoint(ctx), "signing the audit log")
    report.next_try = iso(ctx.clock.now() + timedelta(seconds=state.SYNC_INTERVAL_S))
    return report


def _checkpoint(ctx: StationContext) -> None:
    from assessdesk.services.audit_log import checkpoint

    checkpoint(ctx, reason="sync")


def _run(ctx: StationContext, client: Any, config: state.SyncConfig, report: SyncReport, *,
         upload_evidence: bool, chunk_size: int) -> Generator[Step, Any, None]:
    registry_now = yield io(client.server_time, "asking the registry's time")
    report.clock_skew_s = state.skew_seconds(local=ctx.clock.now(), registry=registry_now)

    document = yield io(lambda: _trusted_list(client, config), "reading the station list")
    names: dict[str, str] = {}
    if document is not None:
        yield db(lambda: routing.remember_stations(ctx, document), "keeping the station list")
        yield db(lambda: trusted.keep_list(ctx, document), "keeping the trusted station keys")
        names = {s["station_id"]: s["name"] for s in document["list"]["stations"]}
    cursor = yield db(lambda: _cursor(ctx), "reading the cursor")
    for _ in range(MAX_PULL_PAGES):
        page: PullResponse = yield io(lambda c=cursor: client.pull(c, limit=PULL_LIMIT), "pulling")
        result = yield db(lambda p=page: apply.apply_page(ctx, events=p.events, next_cursor=p.next_cursor,
                                                           station_names=names), "applying pulled records")
        report.pulled += result.applied
        report.problems.extend(result.problems)
        cursor = page.next_cursor
        if not page.has_more:
            break

    yield db(lambda: status_publish.publish_if_changed(ctx), "publishing the status list")
    tally = push.PushTally()
    for _ in range(MAX_PUSH_BATCHES):
        batch = yield db(lambda: push.take_batch(ctx, registry_station=config.registry_station_id),
                         "taking an outbox batch")
        if batch is None:
            break
        try:
            answer = yield io(lambda b=batch: client.push(b.events, idempotency_key=b.key), "pushing")
        except DomainError as exc:
            yield db(lambda b=batch, e=str(exc): push.unsent(ctx, b, e), "re-queueing the batch")
            raise
        before = tally.acknowledged + tally.conflicts + tally.quarantined
        yield db(lambda b=batch, a=answer: push.keep_results(ctx, b, a, tally), "keeping the answers")
        if tally.acknowledged + tally.conflicts + tally.quarantined == before:
            break  # nothing moved: stop rather than spin; the next run tries again
    report.acknowledged, report.conflicts, report.quarantined = tally.acknowledged, tally.conflicts, tally.quarantined
    report.problems.extend(tally.problems)

    if upload_evidence:
        yield from _upload(ctx, client, report, chunk_size)


def _cursor(ctx: StationContext) -> int:
    from assessdesk.storage import sync as repo

    with ctx.db.session() as s:
        return int(repo.get_state(s).get("cursor", "0"))


def _trusted_list(client: Any, config: state.SyncConfig) -> dict[str, Any] | None:
    """The registry's signed station list, or None when it cannot be read or its signature does not verify
    against the registry key pinned at enrolment (routing choices then wait for the next sync)."""
    from assessdesk.trust.canonical import canonical_json
    from assessdesk.trust.keys import unb64, verify_signature

    try:
        doc = client.trusted_keys()
        signature = unb64(doc["signature"]["value"])
        body = doc["list"]
        if config.registry_public_key and not verify_signature(unb64(config.registry_public_key), signature,
                                                               canonical_json(body)):
            return None
        body["stations"] = [s for s in body["stations"] if s.get("station_id") and s.get("name")]
        return doc
    except (DomainError, KeyError, TypeError, ValueError):
        return None


def _upload(ctx: StationContext, client: Any, report: SyncReport, chunk_size: int) -> Generator[Step, Any, None]:
    blobs: list[evidence.Blob] = yield db(lambda: evidence.pending_uploads(ctx), "listing evidence to upload")
    if not blobs:
        return
    present = yield io(lambda: evidence.present_of(client, [b.sha256 for b in blobs]), "asking which evidence arrived")
    done = [b for b in blobs if b.sha256 in present]
    yield db(lambda: evidence.mark_present(ctx, done), "noting evidence the registry holds")
    for blob in (b for b in blobs if b.sha256 not in present):
        if blob.size < 0:
            size = yield io(lambda b=blob: evidence.plaintext_size(ctx, b.sha256), "measuring evidence")
            blob = evidence.Blob(blob.sha256, size, blob.attempt_id, blob.upload_url)
        offset = None
        if blob.upload_url:
            offset = yield io(lambda b=blob: evidence.remote_offset(client, b.upload_url), "resuming an upload")
        url = blob.upload_url
        if url is None or offset is None:
            url = yield io(lambda b=blob: evidence.create_upload(client, b), "starting an upload")
            yield db(lambda b=blob, u=url: evidence.save_url(ctx, b, u), "remembering the upload")
            offset = 0
        sent = yield io(lambda b=blob, u=url, o=offset: evidence.send_from(ctx, client, b, u, o, chunk_size=chunk_size),
                        "uploading evidence")
        report.uploaded_bytes += sent
        confirmed = yield io(lambda b=blob: client.evidence_present([b.sha256]), "confirming the upload")
        if blob.sha256 in confirmed:
            yield db(lambda b=blob: evidence.mark_present(ctx, [b]), "noting the upload")
            report.uploaded += 1
        else:
            report.problems.append(f"evidence {blob.sha256[:12]}… was sent but the registry does not list it yet")


def drive(steps: Steps) -> SyncReport:
    """Run every step inline on this thread (CLI and tests); exceptions go back into the generator."""
    result: Any = None
    error: BaseException | None = None
    for _ in range(1_000_000):  # bounded by the page/batch limits above; this is a safety net
        try:
            step = steps.throw(error) if error is not None else steps.send(result)
        except StopIteration as stop:
            return stop.value
        result, error = None, None
        try:
            result = step.fn()
        except Exception as exc:  # noqa: BLE001 - handed back to the engine, which decides
            error = exc
    raise RuntimeError("sync did not finish")


def run_once(ctx: StationContext, **kwargs: Any) -> SyncReport:
    """One full sync, inline. Raises NotEnrolled, StationRevoked or UpdateNeeded; other failures are reported (and
    back off)."""
    return drive(sync_steps(ctx, **kwargs))


@requires("sync.run")
def requested_steps(ctx: StationContext, *, actor: User, **kwargs: Any) -> Steps:
    """The sync page's "Sync now" as steps: the request is audited with who asked, then the run."""

    def audit() -> None:
        with ctx.uow(actor.id) as uow:
            uow.audit(action="sync.requested", subject_type="station", subject_id=ctx.station_id)

    yield db(audit, "noting the request")
    return (yield from sync_steps(ctx, **kwargs))


@requires("sync.run")
def sync_now(ctx: StationContext, *, actor: User, **kwargs: Any) -> SyncReport:
    """A user asked for a sync (CLI "run-once", the page's "Sync now"): audited with who asked."""
    with ctx.uow(actor.id) as uow:
        uow.audit(action="sync.requested", subject_type="station", subject_id=ctx.station_id)
    return run_once(ctx, **kwargs)
