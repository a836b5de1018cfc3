"""SIGKILL a recording station mid-segment; on restart the attempt is found, recovered, sealed and continued."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from assessdesk.domain.attempt import AttemptState
from assessdesk.services.capture import SyntheticSource
from assessdesk.services.evidence import records
from assessdesk.services.evidence.package import write_package
from assessdesk.services.evidence.package_files import open_package
from assessdesk.services.evidence.playback import attempt_playback
from assessdesk.services.evidence.reading import salvage_plaintext
from assessdesk.services.evidence.recovery import find_unfinished, recover_attempt
from assessdesk.services.evidence.session import AttemptRecording, RecordingNotReady, RecordingOptions
from assessdesk.services.evidence.trusted_keys import parse_trusted_keys, station_trusted_keys_document
from assessdesk.services.evidence.verify import verify_package
from assessdesk.storage import schedule
from assessdesk.trust.envelope import EncryptingWriter

from .conftest import PROCTOR_PASSWORD

SCRIPT = Path(__file__).with_name("crash_attempt.py")


def _run_then_kill(profile: Path, attempt_id: str, *, sealed_before_kill: int, tone: bool = False,
                   into: float = 0.7) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, str(SCRIPT), str(profile), attempt_id, "pat", PROCTOR_PASSWORD,
                             *(["tone"] if tone else [])], stdout=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while len(lines) < sealed_before_kill and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
        time.sleep(into)  # well into the next segment
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert lines == [f"sealed {i}" for i in range(1, sealed_before_kill + 1)], lines
    return lines


def test_sigkill_then_recover_seal_continue_and_end(station, proctor, ready_attempt, tmp_path: Path) -> None:
    attempt_id = ready_attempt()
    _run_then_kill(station.profile_dir, attempt_id, sealed_before_kill=2)
    time.sleep(0.3)  # the orphaned encoder sees its input close and exits

    unfinished = {u.attempt_id: u for u in find_unfinished(station)}
    assert attempt_id in unfinished and unfinished[attempt_id].unrecorded, "the torn segment is found on restart"
    with station.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.IN_PROGRESS
    blocked = AttemptRecording(station, actor=proctor, attempt_id=attempt_id,
                               source=SyntheticSource(size=(640, 480), paced=False, max_frames=5))
    try:
        blocked.start()
        raise AssertionError("recording must not go on before the crash is recovered")
    except RecordingNotReady:
        pass

    report = recover_attempt(station, actor=proctor, attempt_id=attempt_id)
    assert len(report.recovered) + len(report.lost) == len(unfinished[attempt_id].unrecorded) == 1, \
        "at most the segment being written is affected"
    assert report.interim.recovered and report.interim.manifest["kind"] == "interim"
    assert find_unfinished(station)[0].unrecorded == ()
    ev = records.load(station, attempt_id)
    assert [s.seq for s in ev.segments][:2] == [1, 2] and not any(s.entry["recovered"] for s in ev.segments[:2])
    assert all(s.entry["recovered"] for s in ev.segments[2:])

    # the proctor continues: new segments join the same chain, then ends
    rec = AttemptRecording(station, actor=proctor, attempt_id=attempt_id,
                           source=SyntheticSource(size=(640, 480), paced=False, max_frames=30),
                           options=RecordingOptions(simulated_time=True, segment_seconds=1.0, presence=False))
    rec.start()
    assert rec.source_ended.wait(60)
    sealed = rec.end()
    m = sealed.manifest
    assert m["recovered"] is True and m["kind"] == "final"
    assert any(i["code"] == "equipment_failure" and "stopped during the recording" in i["note"]
               for i in m["incidents"])
    assert any(k["kind"] == "continued" for k in m["markers"])
    segments = m["recordings"][0]["segments"]
    assert [s["seq"] for s in segments] == list(range(1, len(segments) + 1))
    assert segments[-1]["start_s"] > segments[1]["end_s"], "the continued part comes after the crash on the timeline"

    player = attempt_playback(station, attempt_id).player
    assert player.frame_count == sum(s["frames"] for s in segments)
    assert sum(1 for _ in player) == player.frame_count, "every recorded frame decodes, recovered ones too"
    package = write_package(station, attempt_id=attempt_id, out=tmp_path / "pkg")
    verdict = verify_package(open_package(package.path), parse_trusted_keys(station_trusted_keys_document(station)))
    assert verdict.ok and verdict.recovered, verdict.problems


def test_a_role_play_torn_by_a_kill_keeps_its_sound_track_on_record(station, proctor, ready_attempt) -> None:
    attempt_id = ready_attempt(credential="CX-TROUBLESHOOT", rubric="RUB-CX-CALL@1")
    # 3 s segments, killed 2 s into the second: the muxer holds up to 0.5 s to interleave sound, and the encrypting
    # sink seals 16 KiB at a time, so an efficient encoder needs a while before the torn part holds a whole chunk
    _run_then_kill(station.profile_dir, attempt_id, sealed_before_kill=1, tone=True, into=2.0)
    time.sleep(0.3)
    report = recover_attempt(station, actor=proctor, attempt_id=attempt_id)
    assert len(report.recovered) == 1 and not report.lost, "2 s into a segment, some of it decodes"
    segments = report.interim.manifest["recordings"][0]["segments"]
    closed, torn = segments[0], segments[1:]
    assert len(torn) == 1 and torn[0]["recovered"]
    assert closed["audio"]["codec"] == "aac" and closed["audio"]["seconds"] > 0.5
    # the torn segment names the track it was opened with; its seconds were never counted
    assert all(s["audio"] == {"codec": "aac", "sample_rate": 48_000, "channels": 1} for s in torn)
    assert report.interim.manifest["evidence_kinds"] == ["video.audio", "video.sealed"]


def test_salvage_keeps_every_sealed_chunk_of_a_torn_envelope(tmp_path: Path) -> None:
    kek, data = os.urandom(32), os.urandom(10_000)
    buf = io.BytesIO()
    writer = EncryptingWriter(buf, kek, "k#1", chunk_size=1024)
    writer.write(data)  # never closed: the last chunk is missing, as after a kill
    torn = buf.getvalue()
    for cut, whole_chunks in ((len(torn), 9), (len(torn) - 5, 8), (len(torn) - 1040 - 3, 7)):
        path = tmp_path / f"torn-{cut}"
        path.write_bytes(torn[:cut])
        assert salvage_plaintext(path, kek) == data[:1024 * whole_chunks]
    writer.close()
    complete = tmp_path / "complete"
    complete.write_bytes(buf.getvalue())
    assert salvage_plaintext(complete, kek) == data
    damaged = bytearray(torn)
    damaged[-2000] ^= 1
    (tmp_path / "damaged").write_bytes(damaged)
    assert data.startswith(salvage_plaintext(tmp_path / "damaged", kek))
