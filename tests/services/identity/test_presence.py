"""Presence monitoring rules, fed sample by sample: absence after N s, debounced crowds, start and end times."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.identity import FlagKind, PresenceMonitor, PresenceSettings
from assessdesk.services.identity.presence import CLEARED, RAISED


def feed(monitor: PresenceMonitor, samples: list[tuple[float, int]]) -> list[tuple[float, str, FlagKind]]:
    out = []
    for t, faces in samples:
        out += [(t, e.name, e.flag.kind) for e in monitor.observe(t, faces)]
    return out


def every(step: float, start: float, stop: float, faces: int) -> list[tuple[float, int]]:
    count = round((stop - start) / step)
    return [(round(start + i * step, 6), faces) for i in range(count)]


def test_absence_is_flagged_only_after_more_than_n_seconds_and_cleared_on_return() -> None:
    monitor = PresenceMonitor(PresenceSettings(absence_seconds=3.0))
    samples = every(0.2, 0.0, 5.0, 1) + every(0.2, 5.0, 9.0, 0) + every(0.2, 9.0, 10.0, 1)
    events = feed(monitor, samples)
    # 8.0 - 5.0 is exactly N, not more; the next sample (8.2) raises; the face back at 9.0 clears.
    assert events == [(8.2, RAISED, FlagKind.FACE_ABSENT), (9.0, CLEARED, FlagKind.FACE_ABSENT)]
    [flag] = monitor.flags
    assert (flag.kind, flag.started_s, flag.raised_s, flag.ended_s) == (FlagKind.FACE_ABSENT, 5.0, 8.2, 9.0)
    assert flag.message == "No face was visible to the camera."
    assert monitor.open_flags == []


def test_absence_of_exactly_n_seconds_is_not_flagged() -> None:
    monitor = PresenceMonitor(PresenceSettings(absence_seconds=2.0))
    events = feed(monitor, [(0.0, 1), (1.0, 0), (2.0, 0), (3.0, 0), (3.5, 1)])
    assert events == [] and monitor.flags == []
    events = feed(monitor, [(4.0, 0), (6.5, 0)])
    assert events == [(6.5, RAISED, FlagKind.FACE_ABSENT)]
    assert monitor.open_flags[0].started_s == 4.0 and monitor.open_flags[0].ended_s is None


def test_one_stray_second_face_is_ignored_but_a_lasting_one_is_flagged() -> None:
    monitor = PresenceMonitor(PresenceSettings(multiple_faces_seconds=1.0, multiple_clear_seconds=1.0))
    assert feed(monitor, [(0.0, 1), (0.2, 2), (0.4, 1), (0.6, 2), (0.8, 1)]) == []
    events = feed(monitor, every(0.2, 1.0, 2.4, 2) + [(2.4, 3)] + every(0.2, 2.6, 4.0, 1))
    assert events == [(2.0, RAISED, FlagKind.MULTIPLE_FACES), (3.6, CLEARED, FlagKind.MULTIPLE_FACES)]
    [flag] = monitor.flags
    assert (flag.started_s, flag.raised_s, flag.ended_s) == (1.0, 2.0, 2.6)  # ended when the extra face left
    assert flag.max_faces == 3 and "3 at most" in flag.message


def test_a_flickering_crowd_stays_one_flag() -> None:
    monitor = PresenceMonitor(PresenceSettings(multiple_faces_seconds=0.5, multiple_clear_seconds=1.0))
    samples = every(0.25, 0.0, 1.0, 2) + [(1.0, 1), (1.25, 2), (1.5, 1), (1.75, 2)] + every(0.25, 2.0, 4.0, 1)
    events = feed(monitor, samples)
    assert [e[1] for e in events] == [RAISED, CLEARED]
    assert monitor.flags[0].ended_s == 2.0


def test_a_crowd_that_leaves_the_room_becomes_an_absence() -> None:
    monitor = PresenceMonitor(PresenceSettings(absence_seconds=1.0, multiple_faces_seconds=0.0,
                                               multiple_clear_seconds=0.5))
    events = feed(monitor, [(0.0, 2), (0.5, 0), (1.0, 0), (1.6, 0), (2.0, 1)])
    assert events == [(0.0, RAISED, FlagKind.MULTIPLE_FACES), (1.0, CLEARED, FlagKind.MULTIPLE_FACES),
                      (1.6, RAISED, FlagKind.FACE_ABSENT), (2.0, CLEARED, FlagKind.FACE_ABSENT)]


def test_finish_closes_open_flags_and_refuses_later_samples() -> None:
    monitor = PresenceMonitor(PresenceSettings(absence_seconds=1.0))
    feed(monitor, [(0.0, 0), (1.5, 0)])
    [event] = monitor.finish(2.0)
    assert event.name == CLEARED and event.flag.ended_s == 2.0
    with pytest.raises(InvalidInput, match="finished"):
        monitor.observe(3.0, 1)


def test_late_samples_are_counted_and_ignored() -> None:
    monitor = PresenceMonitor(PresenceSettings(absence_seconds=1.0))
    feed(monitor, [(0.0, 0), (2.0, 0)])
    assert monitor.observe(1.0, 1) == []  # a slow detector's old result must not clear a current absence
    assert monitor.stale_samples == 1 and len(monitor.open_flags) == 1
    assert monitor.samples == 2


def test_bad_input_is_refused() -> None:
    with pytest.raises(InvalidInput, match="negative"):
        PresenceSettings(absence_seconds=-1)
    with pytest.raises(InvalidInput, match="negative"):
        PresenceMonitor().observe(0.0, -1)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.floats(0.01, 2.0), st.integers(0, 3)), max_size=80),
       st.floats(0.0, 5.0), st.floats(0.0, 2.0))
def test_flags_are_well_formed_for_any_sample_sequence(steps: list[tuple[float, int]], n: float,
                                                       debounce: float) -> None:
    monitor = PresenceMonitor(PresenceSettings(absence_seconds=n, multiple_faces_seconds=debounce,
                                               multiple_clear_seconds=debounce))
    t, samples = 0.0, []
    for dt, faces in steps:
        t += dt
        samples.append((t, faces))
        monitor.observe(t, faces)
    monitor.finish(t + 1.0)
    for kind in FlagKind:
        spans = [f for f in monitor.flags if f.kind is kind]
        for flag in spans:
            assert flag.ended_s is not None and flag.started_s <= flag.raised_s <= flag.ended_s
            inside = [f for s, f in samples if flag.started_s <= s < min(flag.raised_s, flag.ended_s)]
            if kind is FlagKind.FACE_ABSENT:
                assert flag.raised_s - flag.started_s > n  # never before N seconds without a face
                assert all(f == 0 for f in inside)
            else:
                assert flag.raised_s - flag.started_s >= debounce
                assert all(f > 1 for f in inside)
        for earlier, later in pairwise(spans):
            assert earlier.ended_s <= later.started_s  # flags of one kind never overlap
    # Every stretch of no face longer than N produced a flag covering it.
    run_start = None
    for s, faces in samples:
        if faces == 0 and run_start is None:
            run_start = s
        elif faces > 0:
            run_start = None
        if run_start is not None and s - run_start > n:
            assert any(f.kind is FlagKind.FACE_ABSENT and f.started_s == run_start for f in monitor.flags)
