"""Sync benchmark: batched push vs one record per request, each also as a ratio to a bare endpoint that stores
nothing (`bare_push.py`, the issue's named peer); tus upload vs a plain streaming PUT; bytes re-sent after a cut.
Runs a real `assessdesk-registry serve` process on 127.0.0.1 with SQLite in a temporary folder.

    .venv/bin/python benchmarks/sync.py [--records 20000] [--file-mib 64] [--cuts 5] [--rounds 3] [--skip-push]

Targets: batched >= 20,000 records/s and >= 20x one-per-request; tus >= 0.9 of the plain PUT; re-sent <= one chunk.
The issue's reference machine (2 cores) ran the bare endpoint at 1,350 records/s one by one and 100-130k/s in
batches of 500, so 20,000 records/s there is 0.15-0.20 of the bare endpoint's batched rate.

Upload fairness: tus and the plain PUT go to the same registry process, the same disk, the same encrypted framed
writer (AES-256-GCM) and the same whole-file sha256 check, and each finishes only once the whole file is on disk
(tus fsyncs it before answering the completing PATCH; the PUT fsyncs the finished blob before its 201). Every upload
is a fresh file (new content, new sha256), so neither can skip work because the blob is already stored. The client
has the file in its page cache and passes the sha256 in for both.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.ids import new_id
from assessdesk.registry.context import open_registry
from assessdesk.registry.stations.service import issue_code
from assessdesk.services.sync.client import RegistryClient, RegistryUnreachable
from assessdesk.services.sync.tus import CHUNK_SIZE, TusUploader
from assessdesk.trust.event_hash import event_hash
from assessdesk.trust.keys import SigningKey

MiB = 2**20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path | None, port: int) -> subprocess.Popen[bytes]:
    """The registry on `data`, or with None the bare push endpoint."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "assessdesk.registry.cli", "serve", "--port", str(port), "--data", str(data),
               "--log-level", "warning"] if data else [sys.executable, str(Path(__file__).with_name("bare_push.py")),
                                                      str(port)]
    process = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the registry did not start")


TYPES = ("attempt.scheduled", "attempt.checked_in", "identity.verified", "attempt.started", "incident.logged",
         "presence.flagged", "attempt.paused", "attempt.resumed", "attempt.ended", "evidence.sealed")


def make_events(station_id: str, count: int) -> list[AuthoredEvent]:
    """A recording station's day: ten events per attempt (check-in to sealing), as the outbox would send them."""
    out = []
    attempt_id = ""
    for n in range(count):
        if n % len(TYPES) == 0:
            attempt_id = new_id()
        draft = AuthoredEvent(event_id=new_id(), entity_type="attempt", entity_id=attempt_id,
                              event_type=TYPES[n % len(TYPES)],
                              payload={"candidate_id": new_id(), "sitting_id": "s-1", "credential_id": "LOG-SAFE-1",
                                       "rubric_ref": "LOG-SAFE-R1@2026.1", "seq": n},
                              author_station=station_id, author_user="proctor-1",
                              occurred_at="2026-01-05T09:00:00.000Z")
        out.append(AuthoredEvent(**{**draft.__dict__, "content_hash": event_hash(draft)}))
    return out


def bench_push(client: RegistryClient, station_id: str, records: int) -> tuple[float, float]:
    batched = make_events(station_id, records)
    client.push(make_events(station_id, 50))  # warm-up: connections, caches
    started = time.perf_counter()
    for i in range(0, records, 500):
        results = client.push(batched[i:i + 500]).results
        assert all(r.status == "acknowledged" for r in results)
    batched_rate = records / (time.perf_counter() - started)
    singles = make_events(station_id, min(1000, records // 10))
    started = time.perf_counter()
    for event in singles:
        assert client.push([event]).results[0].status == "acknowledged"
    single_rate = len(singles) / (time.perf_counter() - started)
    return batched_rate, single_rate


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to compare work done independent of machine load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fresh_copy(base: Path, n: int) -> tuple[Path, str]:
    """A new file with `base`'s bytes and 16 random ones: new content, so no upload is deduplicated."""
    data = base.read_bytes() + os.urandom(16)
    path = base.with_name(f"upload-{n}.bin")
    path.write_bytes(data)
    os.sync()  # its write-back is not part of the upload being timed
    return path, hashlib.sha256(data).hexdigest()


def bench_upload(client: RegistryClient, base: Path, server_pid: int, rounds: int
                 ) -> tuple[list[float], list[float], tuple[float, float], tuple[float, float]]:
    """MiB/s of each tus upload and each plain PUT, interleaved (tus first, then PUT, `rounds` times), and the
    (registry, station) CPU seconds per upload (medians) for each."""
    tus_rates, put_rates, tus_cpu, put_cpu = [], [], [], []
    for n in range(rounds):
        path, sha = fresh_copy(base, 2 * n)
        size = path.stat().st_size
        cpu, own = cpu_seconds(server_pid), time.process_time()
        started = time.perf_counter()
        TusUploader(client).upload(path, sha256=sha, attempt_id="bench")
        tus_rates.append(size / (time.perf_counter() - started) / MiB)
        tus_cpu.append((cpu_seconds(server_pid) - cpu, time.process_time() - own))
        path.unlink()

        path, sha = fresh_copy(base, 2 * n + 1)

        def body(path: Path = path):
            with path.open("rb") as handle:
                while block := handle.read(MiB):
                    yield block

        cpu, own = cpu_seconds(server_pid), time.process_time()
        started = time.perf_counter()
        answer = client.http.put(f"/v1/evidence/{sha}", content=body(),
                                 headers=client.headers({"Content-Length": str(size)}))
        assert answer.status_code == 201, answer.text
        put_rates.append(size / (time.perf_counter() - started) / MiB)
        put_cpu.append((cpu_seconds(server_pid) - cpu, time.process_time() - own))
        path.unlink()

    def medians(pairs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)

    return tus_rates, put_rates, medians(tus_cpu), medians(put_cpu)


class CutOnce:
    """A TCP forwarder that closes both ends once, after `cut_after` bytes from the client."""

    def __init__(self, target: int, cut_after: int) -> None:
        self.target, self.cut_after, self.forwarded = target, cut_after, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pump, args=(conn, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, conn, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, counts: bool) -> None:
        try:
            while data := src.recv(65536):
                if counts and not self.cut and self.forwarded + len(data) >= self.cut_after:
                    dst.sendall(data[:self.cut_after - self.forwarded])
                    self.forwarded = self.cut_after
                    self.cut = True
                    break
                if counts:
                    self.forwarded += len(data)
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


def bench_cuts(token: str, port: int, path: Path, sha: str, cuts: int, rng: random.Random) -> list[int]:
    size = path.stat().st_size
    resent = []
    for _ in range(cuts):
        data = path.read_bytes() + os.urandom(16)  # a fresh blob each time
        fresh = path.with_name("cut.bin")
        fresh.write_bytes(data)
        fresh_sha = hashlib.sha256(data).hexdigest()
        proxy = CutOnce(port, rng.randrange(CHUNK_SIZE // 2, size))
        client = RegistryClient(f"http://127.0.0.1:{proxy.port}", token)
        urls: list[str] = []
        try:
            TusUploader(client).upload(fresh, sha256=fresh_sha, on_url=urls.append)
            raise SystemExit("the cut did not happen")
        except RegistryUnreachable:
            pass
        result = TusUploader(client).upload(fresh, sha256=fresh_sha, upload_url=urls[0])
        # Everything forwarded before the cut that the registry did not keep had to be sent again. The proxy
        # also counted request headers, so this slightly over-states the re-sent bytes.
        resent.append(max(0, proxy.cut_after - result.resumed_from))
        proxy.listener.close()
        client.close()
    del sha
    return resent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--file-mib", type=int, default=64)
    parser.add_argument("--cuts", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="tus/PUT pairs, interleaved")
    parser.add_argument("--skip-push", action="store_true", help="only the upload figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="assessdesk-bench-") as tmp:
        data = Path(tmp) / "registry"
        registry = open_registry(data_dir=data)
        code = issue_code(registry)
        registry.close()
        port = free_port()
        server = start_server(data, port)
        try:
            client = RegistryClient(f"http://127.0.0.1:{port}", timeout=300)
            answer = client.enrol(code=code, station_name="bench", kinds=["recording_station"],
                                  public_key=SigningKey.generate("bench").public_b64())
            if not args.skip_push:
                batched, single = bench_push(client, answer.station_id, args.records)
                bare_port = free_port()
                bare = start_server(None, bare_port)
                try:
                    bare_batched, bare_single = bench_push(RegistryClient(f"http://127.0.0.1:{bare_port}", "x"),
                                                           answer.station_id, args.records)
                finally:
                    bare.terminate()
                    bare.wait(15)
                print(f"push: batched (500/request) {batched:,.0f} records/s; one per request {single:,.0f} "
                      f"records/s; ratio {batched / single:.1f}x (targets: >= 20,000 records/s, >= 20x)")
                print(f"bare endpoint that stores nothing, same run: batched {bare_batched:,.0f} records/s, one per "
                      f"request {bare_single:,.0f}; registry/bare batched {batched / bare_batched:.2f} (20,000 on "
                      f"the reference machine is 0.15-0.20 of its bare rate), one per request "
                      f"{single / bare_single:.2f}")
            blob = Path(tmp) / "clip.bin"
            blob.write_bytes(os.urandom(args.file_mib * MiB))
            sha = hashlib.sha256(blob.read_bytes()).hexdigest()
            tus_rates, put_rates, tus_cpu, put_cpu = bench_upload(client, blob, server.pid, args.rounds)
            print(f"upload {args.file_mib} MiB, fresh file each time, {args.rounds} interleaved rounds: tus "
                  f"(4 MiB chunks) best {max(tus_rates):.0f} MiB/s median {statistics.median(tus_rates):.0f}; plain "
                  f"streaming PUT best {max(put_rates):.0f} median {statistics.median(put_rates):.0f}; ratio best/best "
                  f"{max(tus_rates) / max(put_rates):.2f}, median/median "
                  f"{statistics.median(tus_rates) / statistics.median(put_rates):.2f} (target >= 0.9); CPU per "
                  f"upload, registry + station: tus {tus_cpu[0]:.2f} + {tus_cpu[1]:.2f} s, PUT {put_cpu[0]:.2f} + "
                  f"{put_cpu[1]:.2f} s")
            resent = bench_cuts(answer.token, port, blob, sha, args.cuts, random.Random(args.seed))
            print(f"cut at {args.cuts} random offsets: bytes re-sent max {max(resent):,} mean "
                  f"{sum(resent) / len(resent):,.0f}; one chunk is {CHUNK_SIZE:,} (target <= one chunk)")
        finally:
            server.terminate()
            server.wait(15)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"(load average {load} on {os.cpu_count()} cores at the end: figures are load-sensitive, compare the ratios)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
