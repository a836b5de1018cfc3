"""Fault injection against a real registry process: a seeded, bounded set of scenarios (proxy faults on one
long-lived registry, SIGKILL of the station or the registry at random points). Invariants: nothing lost, nothing
applied twice, every acknowledged blob verifies, the same seed gives the same final state.

ASSESSDESK_FAULT_SCENARIOS=<n> runs n proxy scenarios instead of the CI set (and a tenth as many kills);
ASSESSDESK_FAULT_SEED=<base> shifts the seeds."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import Bench, make_scenario

PROXY_SCENARIOS = int(os.environ.get("ASSESSDESK_FAULT_SCENARIOS", "180"))
KILL_SCENARIOS = max(22, PROXY_SCENARIOS // 10) if "ASSESSDESK_FAULT_SCENARIOS" in os.environ else 22
BASE = int(os.environ.get("ASSESSDESK_FAULT_SEED", "1000"))
REPEATS = 8  # seeds run twice to compare final states


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory):
    b = Bench(tmp_path_factory.mktemp("faults"))
    yield b
    b.close()


@pytest.mark.slow
def test_proxy_fault_scenarios(bench: Bench) -> None:
    started = time.monotonic()
    digests: dict[int, str] = {}
    faults = retried = 0
    for seed in range(BASE, BASE + PROXY_SCENARIOS):
        scenario = make_scenario(seed)
        try:
            outcome = bench.run(scenario)
        except AssertionError as exc:
            raise AssertionError(f"{scenario.label}: {exc}") from exc
        digests[seed] = outcome.digest
        faults += outcome.faults_applied
        retried += outcome.runs > 1
    for seed in range(BASE, BASE + REPEATS):  # the same seed, a fresh station: the same final state
        assert bench.run(make_scenario(seed)).digest == digests[seed], make_scenario(seed).label
    # The faults really happened, and a good share of them broke a sync that then had to be retried.
    assert faults >= PROXY_SCENARIOS and retried >= PROXY_SCENARIOS // 4, (faults, retried)
    print(f"\n{PROXY_SCENARIOS} proxy scenarios (+{REPEATS} repeats), {faults} faults injected, {retried} needed "
          f"more than one sync, {time.monotonic() - started:.1f}s")


@pytest.mark.slow
def test_sigkill_scenarios(bench: Bench) -> None:
    started = time.monotonic()
    kinds = ["station", "registry"]
    for n in range(KILL_SCENARIOS):
        scenario = make_scenario(BASE + 50_000 + n, kill=kinds[n % 2])
        try:
            bench.run(scenario)
        except AssertionError as exc:
            raise AssertionError(f"{scenario.label}: {exc}") from exc
    repeat = make_scenario(BASE + 50_000, kill="station")
    first = bench.run(repeat).digest
    assert bench.run(repeat).digest == first, repeat.label
    print(f"\n{KILL_SCENARIOS} SIGKILL scenarios, {time.monotonic() - started:.1f}s")
