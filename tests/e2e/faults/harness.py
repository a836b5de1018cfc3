"""The fault-injection harness: seeded scenarios (workload + faults), a driver that syncs until the station
converges, and the invariants: nothing lost, nothing applied twice, every acknowledged blob verifies, and the same
seed gives the same final state."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fault_proxy import Fault, FaultProxy
from registry_process import RegistryProcess

from assessdesk.domain.clock import FixedClock

KINDS = ("drop", "delay", "cut_request", "cut_response", "duplicate", "pass")
CHUNK = 64 * 1024
MAX_RUNS = 14  # syncs per scenario before it counts as not converging
WORKER = Path(__file__).with_name("station_worker.py")


@dataclass(frozen=True)
class Scenario:
    seed: int
    events: int
    transactions: int
    blob_size: int  # 0: no evidence file
    bad_record: bool  # a family this station may not author: must end quarantined
    stale_edit: bool  # two edits on one base: the second must end in conflict
    registry_news: bool  # the registry publishes a roster entry this station must pull once
    faults: tuple[Fault, ...]
    kill: str  # "" | "station" | "registry"
    kill_after_s: float

    @property
    def label(self) -> str:
        kinds = ",".join(f.kind for f in self.faults) or "none"
        return f"seed={self.seed} kill={self.kill or '-'} faults={kinds} events={self.events} blob={self.blob_size}"


def make_scenario(seed: int, *, kill: str = "") -> Scenario:
    rng = random.Random(seed)
    # One connection per request (the harness's client keeps none alive), so plan[n] hits the n-th request of
    # the scenario: time, station list, pull, push batches, evidence presence, upload creation, chunks, ...
    faults = [Fault("pass")] * rng.randint(0, 10)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(KINDS[:-1])
        faults.append(Fault(kind, at_byte=rng.choice([rng.randint(0, 300), rng.randint(300, 3_000),
                                                      rng.randint(3_000, 70_000)]),
                            delay_s=rng.uniform(0.005, 0.05)))
        faults.extend([Fault("pass")] * rng.randint(0, 3))
    return Scenario(seed=seed, events=rng.randint(2, 14), transactions=rng.randint(1, 3),
                    blob_size=rng.choice([0, 0, rng.randint(1, 90_000), rng.randint(90_000, 420_000)]) if not kill
                    else rng.randint(300_000, 1_500_000),
                    bad_record=rng.random() < 0.12, stale_edit=rng.random() < 0.12,
                    registry_news=rng.random() < 0.1, faults=tuple(faults) if not kill else (),
                    kill=kill, kill_after_s=rng.uniform(0.0, 0.6))


# --- stations -------------------------------------------------------------------------------------------------
def template_profile(root: Path) -> Path:
    """One profile made once (Argon2 and key generation are the slow part); scenarios copy it. A demo-labelled
    file secret store, so copies do not share keyring entries."""
    from assessdesk.services.station import create_profile

    path = root / "template"
    if not (path / "profile.json").exists():
        create_profile(path, station_name="Fault station", admin_username="admin", admin_display_name="Admin",
                       admin_password="correct-horse-1", demo=True, clock=FixedClock(),
                       secret_store="insecure-file").close()
    return path


def station_copy(template: Path, dest: Path) -> Any:
    """A copy of the template with an identity of its own: real stations never share an id, and the registry refuses
    a second enrolment under a taken one. (The template has no events yet, so only its record and file name it.)"""
    import json
    import sqlite3

    from assessdesk.domain.ids import new_id
    from assessdesk.services.station import open_profile

    shutil.copytree(template, dest)
    station_id = new_id()
    info = json.loads((dest / "profile.json").read_text())
    info["station_id"] = station_id
    (dest / "profile.json").write_text(json.dumps(info, indent=2))
    con = sqlite3.connect(dest / "station.db")
    with con:
        con.execute("UPDATE station SET id = ?, key_id = ?", (station_id, f"urn:assessdesk:station:{station_id}#key-1"))
    con.close()
    return open_profile(dest, clock=FixedClock())


def enrol(ctx: Any, registry_data: Any, url: str) -> str:
    from assessdesk.registry.stations.service import issue_code
    from assessdesk.services.sync.enrolment import register, remember

    answer = register(ctx, url=url, code=issue_code(registry_data, kinds=None), ca_file=None,
                      kinds=["recording_station"])
    remember(ctx, actor_id=None, url=url, ca_file=None, answer=answer)
    return answer.station_id


def workload(ctx: Any, scenario: Scenario) -> dict[str, Any]:
    """Record the scenario's events (deterministic content from the seed) and return what must end where."""
    rng = random.Random(scenario.seed * 7919)
    attempt = f"attempt-{scenario.seed}"
    expected: dict[str, Any] = {"quarantined": 0, "conflict": 0, "blob": None}
    per_tx = max(1, scenario.events // scenario.transactions)
    made = 0
    while made < scenario.events:
        with ctx.uow(None) as uow:
            for _ in range(min(per_tx, scenario.events - made)):
                uow.record(entity_type="attempt", entity_id=attempt, event_type="incident.logged",
                           payload={"code": "other", "note": f"n{made}-{rng.randint(0, 10**9)}", "n": made})
                made += 1
    if scenario.blob_size:
        data = rng.randbytes(scenario.blob_size)
        blob = ctx.evidence_store().put_bytes(data)
        with ctx.uow(None) as uow:
            uow.record(entity_type="attempt", entity_id=attempt, event_type="evidence.photo_added",
                       payload={"kind": "live_photo", "sha256": blob.sha256, "size": blob.size, "encrypted": True})
        expected["blob"] = blob.sha256
    if scenario.bad_record:
        with ctx.uow(None) as uow:
            uow.record(entity_type="attempt", entity_id=attempt, event_type="issuance.approved", payload={})
        expected["quarantined"] = 1
    if scenario.stale_edit:
        with ctx.uow(None) as uow:
            first = uow.record(entity_type="candidate", entity_id=f"cand-{scenario.seed}",
                               event_type="candidate.walk_in_registered", payload={"given_name": "A"})
        with ctx.uow(None) as uow:
            for name in ("B", "C"):
                uow.record(entity_type="candidate", entity_id=f"cand-{scenario.seed}",
                           event_type="candidate.walk_in_corrected", payload={"given_name": name}, base_version=1,
                           supersedes=first.event_id)
        expected["conflict"] = 1
    return expected


def fresh_connections(ctx: Any) -> Any:
    """A client factory whose connections carry one request each, so a fault plan addresses requests."""
    import httpx

    from assessdesk.services.sync import state

    def make(config: Any) -> Any:
        transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
        return state.open_client(ctx, config, transport=transport)

    return make


def sync_until_converged(ctx: Any, *, runs: int = MAX_RUNS) -> int:
    """Sync until nothing is pending and every evidence file is confirmed; returns the runs it took."""
    from assessdesk.services.sync import evidence, state
    from assessdesk.services.sync.engine import run_once

    for attempt in range(1, runs + 1):
        report = run_once(ctx, chunk_size=CHUNK, rng=random.Random(attempt), client_factory=fresh_connections(ctx))
        counts = state.status(ctx).counts
        if report.ok and counts["queued"] == 0 and counts["sent"] == 0 and not evidence.pending_uploads(ctx):
            return attempt
    raise AssertionError(f"did not converge in {runs} syncs: {state.status(ctx).as_dict()}")


# --- invariants ---------------------------------------------------------------------------------------------
@dataclass
class Outcome:
    digest: str
    runs: int
    faults_applied: int
    notes: list[str] = field(default_factory=list)


def check(ctx: Any, registry_data: Any, registry_station: str, expected: dict[str, Any]) -> str:
    """Assert the invariants; return the digest of the final state (ids replaced by order, so two runs of one
    seed compare)."""
    from assessdesk.protocol.events import event_content_hash
    from assessdesk.registry.tables import blobs, events
    from assessdesk.services.sync import evidence
    from assessdesk.services.sync.push import wire_of
    from assessdesk.storage import sync as repo
    from assessdesk.storage.events import to_event
    from assessdesk.storage.tables import EventRow, OutboxRow

    with ctx.db.session() as s:
        rows = s.execute(sa.select(EventRow, OutboxRow.status).outerjoin(
            OutboxRow, OutboxRow.event_id == EventRow.event_id).order_by(EventRow.local_seq)).all()
        counts = repo.counts(s)
    own = [(to_event(e), status) for e, status in rows if status is not None]
    pulled = [to_event(e) for e, status in rows if status is None]
    assert counts["sent"] == 0 and counts["queued"] == 0, counts
    assert counts["quarantined"] == expected["quarantined"], counts
    assert counts["conflict"] == expected["conflict"], counts
    assert len({e.event_id for e in pulled}) == len(pulled), "a pulled event was stored twice"

    with registry_data.engine.connect() as conn:
        theirs = {r.event_id: r for r in conn.execute(sa.select(events.c.event_id, events.c.content_hash,
                                                                events.c.server_seq)
                                                      .where(events.c.author_station == registry_station))}
    acknowledged = [e for e, status in own if status == repo.ACKNOWLEDGED]
    for event in acknowledged:  # nothing lost: each acknowledged record is there, with our content and seq
        wire = wire_of(event, local_station=ctx.station_id, registry_station=registry_station)
        row = theirs.get(event.event_id)
        assert row is not None, f"acknowledged {event.event_type} {event.event_id} is missing at the registry"
        assert row.content_hash == wire.content_hash == event_content_hash(wire)
        assert row.server_seq == event.server_seq
    # nothing applied twice: the registry holds exactly the acknowledged records of this station, once each
    assert set(theirs) == {e.event_id for e in acknowledged}, "the registry holds records the station did not " \
                                                               "see acknowledged, or lost some"
    assert len(theirs) == len(acknowledged)

    for sha, info in evidence.tracked(ctx).items():  # every acknowledged blob verifies at the registry
        if info.get("present"):
            with registry_data.engine.connect() as conn:
                size = conn.execute(sa.select(blobs.c.size).where(blobs.c.sha256 == sha)).scalar()
            assert size is not None, f"blob {sha[:12]} confirmed but not stored"
            digest = hashlib.sha256()
            for piece in registry_data.blobs.read(sha, 0, size, size=size):
                digest.update(piece)
            assert digest.hexdigest() == sha, f"blob {sha[:12]} does not verify"
    if expected["blob"]:
        assert evidence.tracked(ctx).get(expected["blob"], {}).get("present"), "the evidence file never arrived"

    final = {"own": [(e.event_type, e.payload, status) for e, status in own],
             "seqs_increase": [e.server_seq for e, s in own if s == repo.ACKNOWLEDGED] == sorted(
                 e.server_seq for e, s in own if s == repo.ACKNOWLEDGED),
             "blob": expected["blob"]}
    return hashlib.sha256(json.dumps(final, sort_keys=True).encode()).hexdigest()


# --- running one scenario -------------------------------------------------------------------------------------
class Bench:
    """The long-lived registry process, its data opened in this process for admin work and checks, one proxy."""

    def __init__(self, root: Path) -> None:
        from assessdesk.registry.context import open_registry

        self.root = root
        self.process = RegistryProcess(root / "registry").start()
        self.data = open_registry(data_dir=root / "registry", migrate=False)
        self.proxy = FaultProxy(self.process.port)
        self.template = template_profile(root)
        self.count = 0

    def close(self) -> None:
        self.proxy.close()
        self.process.stop()
        self.data.close()

    def run(self, scenario: Scenario) -> Outcome:
        self.count += 1
        ctx = station_copy(self.template, self.root / f"s{self.count}-{scenario.seed}")
        try:
            registry_station = enrol(ctx, self.data, self.proxy.url)
            expected = workload(ctx, scenario)
            if scenario.registry_news:
                from assessdesk.registry import rosters

                rosters.import_roster(self.data, entries=[rosters.RosterEntry(
                    f"X-{scenario.seed}-{self.count}", f"News {scenario.seed}", None)])
            if scenario.kill == "station":
                ctx = self._kill_station(ctx, scenario)
            elif scenario.kill == "registry":
                self._kill_registry(ctx, scenario)
            self.proxy.set_plan(list(scenario.faults))
            before = self.proxy.faults_applied
            runs = sync_until_converged(ctx)
            self.proxy.set_plan([])
            digest = check(ctx, self.data, registry_station, expected)
            return Outcome(digest, runs, self.proxy.faults_applied - before)
        finally:
            ctx.close()

    def _kill_station(self, ctx: Any, scenario: Scenario) -> Any:
        """Sync in a child process and SIGKILL it at a seeded moment after it starts syncing."""
        ctx.close()
        child = subprocess.Popen([sys.executable, str(WORKER), str(ctx.profile_dir)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL)
        try:
            assert child.stdout is not None
            line = child.stdout.readline()  # "ready": imports done, profile open, about to sync
            assert line.strip() == b"ready", line
            time.sleep(scenario.kill_after_s)
        finally:
            child.kill()  # SIGKILL
            child.wait(10)
        return _reopen(ctx)

    def _kill_registry(self, ctx: Any, scenario: Scenario) -> None:
        """SIGKILL the registry while the station syncs (this thread), then start it again on the same data."""
        from assessdesk.services.sync.engine import run_once

        timer = threading.Timer(scenario.kill_after_s * 0.5, self.process.kill)
        timer.start()
        try:
            for attempt in range(3):
                run_once(ctx, chunk_size=CHUNK, rng=random.Random(attempt))
        finally:
            timer.cancel()
            timer.join()
            self.process.kill()
        self.process.start()


def _reopen(ctx: Any) -> Any:
    from assessdesk.services.station import open_profile

    return open_profile(ctx.profile_dir, clock=FixedClock())
