"""The recording's write lane: jobs run in the order handed in, on one thread that exists only once there is work."""

from __future__ import annotations

import threading

from assessdesk.services.evidence.lane import WriteLane


def _lane_threads(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name]


def test_an_unused_lane_leaves_no_thread_and_a_used_one_runs_in_order_then_ends() -> None:
    idle = WriteLane(name="lane-test-idle")
    assert idle.drain(timeout=1) and not _lane_threads("lane-test-idle")
    idle.close(timeout=1)

    lane, done = WriteLane(name="lane-test-busy"), []
    for n in range(50):
        lane.submit(lambda n=n: done.append(n))
    assert lane.drain(timeout=10) and done == list(range(50))
    lane.close(timeout=10)
    assert not _lane_threads("lane-test-busy") and not lane.errors
