"""Evidence over real HTTP: tus uploads with tuspy and the station's own client, resumed after a cut connection and
after a registry restart; the completed upload on disk before its answer; crc32c chunks, and sha1 for a registry
without crc32c; a rejected chunk leaves the upload as it was;
verified sha256; encrypted at rest; ranged, resumable downloads; per-station access. On SQLite, and on PostgreSQL
when ASSESSDESK_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import base64
import hashlib
import io
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from registry_support import CuttingProxy, EnrolledStation, ServerThread, enrol
from tusclient import client as tus_client

from assessdesk.protocol.version import PROTOCOL_HEADER, PROTOCOL_VERSION
from assessdesk.registry.context import open_registry
from assessdesk.registry.evidence import tus
from assessdesk.registry.evidence.frames import DISK_FRAME, HEADER_SIZE
from assessdesk.services.sync.client import RegistryClient, RegistryError, RegistryUnreachable
from assessdesk.services.sync.tus import CHUNK_SIZE, TusUploader, download

MiB = 2**20


@pytest.fixture
def server(server_on: ServerThread) -> ServerThread:
    return server_on  # every test here runs on SQLite and, when configured, on PostgreSQL


@pytest.fixture
def clip(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "segment-0001.ts"
    path.write_bytes(os.urandom(10 * MiB + 12345))
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def recorder(server: ServerThread) -> EnrolledStation:
    return enrol(server, "recording_station", name="rec")


def tuspy_uploader(base: str, station: EnrolledStation, path: Path, sha: str, **kw: object):
    client = tus_client.TusClient(f"{base}/v1/files/", headers={
        PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {station.client.token}"})
    return client.uploader(str(path), chunk_size=4 * MiB, upload_checksum=True,
                           metadata={"sha256": sha, "attempt_id": "att-1", "filename": path.name}, **kw)


def fetch(station: EnrolledStation, sha: str, **headers: str) -> httpx.Response:
    return station.client.http.get(f"/v1/evidence/{sha}", headers=station.client.headers(headers))


def test_tuspy_uploads_with_checksums_and_the_blob_is_verified_encrypted_and_rangeable(
        server: ServerThread, recorder: EnrolledStation, clip: tuple[Path, str]) -> None:
    path, sha = clip
    discovery = httpx.options(f"{server.url}/v1/files/")
    assert discovery.status_code == 204 and discovery.headers["Tus-Version"] == "1.0.0"
    assert set(discovery.headers["Tus-Extension"].split(",")) >= {"creation", "checksum", "termination"}
    assert "sha1" in discovery.headers["Tus-Checksum-Algorithm"].split(",")
    uploader = tuspy_uploader(server.url, recorder, path, sha)
    uploader.upload()
    assert uploader.offset == path.stat().st_size
    assert recorder.client.evidence_present([sha, "f" * 64]) == {sha}
    data = path.read_bytes()
    stored = next((server.registry.data_dir / "evidence" / "blobs").rglob(sha))
    assert data[:4096] not in stored.read_bytes()  # ciphertext at rest, not the clip
    whole = fetch(recorder, sha)
    assert whole.status_code == 200 and whole.content == data and whole.headers["Accept-Ranges"] == "bytes"
    part = fetch(recorder, sha, Range=f"bytes={MiB - 10}-{3 * MiB + 9}")
    assert part.status_code == 206 and part.content == data[MiB - 10:3 * MiB + 10]
    assert part.headers["Content-Range"] == f"bytes {MiB - 10}-{3 * MiB + 9}/{len(data)}"
    assert fetch(recorder, sha, Range="bytes=-100").content == data[-100:]
    assert fetch(recorder, sha, Range=f"bytes={len(data)}-").status_code == 416


def test_tuspy_resumes_after_the_connection_is_cut_mid_chunk(server: ServerThread, recorder: EnrolledStation,
                                                             clip: tuple[Path, str]) -> None:
    path, sha = clip
    proxy = CuttingProxy(server.port, cut_after=6 * MiB)  # inside the second 4 MiB chunk
    try:
        uploader = tuspy_uploader(proxy.url, recorder, path, sha, retries=2, retry_delay=0)
        uploader.upload()
    finally:
        proxy.close()
    assert proxy.cut.is_set()
    assert fetch(recorder, sha).content == path.read_bytes()


def test_own_client_resumes_after_a_cut_and_a_registry_restart_resending_at_most_one_chunk(
        server: ServerThread, recorder: EnrolledStation, clip: tuple[Path, str], backend: Any) -> None:
    path, sha = clip
    proxy = CuttingProxy(server.port, cut_after=6 * MiB)
    urls: list[str] = []
    try:
        via_proxy = RegistryClient(proxy.url, recorder.client.token)
        with pytest.raises(RegistryUnreachable):
            TusUploader(via_proxy).upload(path, sha256=sha, attempt_id="att-1", on_url=urls.append)
        server.stop()  # the registry goes down with the upload half done ...
        server.registry.close()
        server.registry = open_registry(data_dir=server.registry.data_dir, database_url=backend.url,
                                        schema=backend.schema)  # ... and comes back from disk
        server.start()
        result = TusUploader(via_proxy).upload(path, sha256=sha, upload_url=urls[0])
    finally:
        proxy.close()
    assert result.resumed_from == CHUNK_SIZE  # the cut chunk was dropped whole, the first one kept
    assert result.bytes_sent == path.stat().st_size - CHUNK_SIZE
    direct = server.url + httpx.URL(urls[0]).path
    assert TusUploader(recorder.client).offset(direct) == path.stat().st_size
    assert fetch(recorder, sha).content == path.read_bytes()


def tus_patch(station: EnrolledStation, url: str, at: int, body: bytes, checksum: bytes | None = None
              ) -> httpx.Response:
    digest = base64.b64encode(checksum if checksum is not None else hashlib.sha256(body).digest()).decode()
    return station.client.http.patch(url, content=body, headers=station.client.headers({
        "Tus-Resumable": "1.0.0", "Upload-Offset": str(at), "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": f"sha256 {digest}"}))


def partial_file(server: ServerThread, url: str) -> Path:
    return server.registry.data_dir / "evidence" / "partial" / f"{httpx.URL(url).path.rsplit('/', 1)[-1]}.part"


def test_the_completing_chunk_is_answered_only_once_the_file_is_on_disk(server: ServerThread,
                                                                         recorder: EnrolledStation,
                                                                         clip: tuple[Path, str],
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier chunks are written, not synced (a power cut can only shorten the file to a prefix that authenticates,
    which test_the_station_goes_back_to_an_offset_the_registry_lost covers); the last one waits for the disk."""
    path, sha = clip
    events: list[str] = []
    real = os.fdatasync

    def fdatasync(fd: int) -> None:  # the disk is the system edge: note which file was made durable, and when
        real(fd)
        events.append(os.readlink(f"/proc/self/fd/{fd}"))

    monkeypatch.setattr(os, "fdatasync", fdatasync)
    urls: list[str] = []
    TusUploader(recorder.client, chunk_size=3 * MiB).upload(path, sha256=sha, on_url=urls.append,
                                                           on_progress=lambda done, _total: events.append("ack"))
    partial = str(partial_file(server, urls[0]))
    assert events.count("ack") == 4
    # synced once when created (offset 0 is durable), then only before the answer to the completing chunk
    assert [e for e in events if e in ("ack", partial)] == [partial, "ack", "ack", "ack", partial, "ack"]
    assert fetch(recorder, sha).content == path.read_bytes()


def test_chunks_carry_crc32c_and_a_registry_without_it_gets_sha1(server: ServerThread, recorder: EnrolledStation,
                                                               clip: tuple[Path, str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path, sha = clip
    seen: list[str] = []
    recorder.client.http.event_hooks["request"].append(
        lambda request: seen.append(request.headers.get("upload-checksum", "").split(" ")[0]))
    TusUploader(recorder.client).upload(path, sha256=sha)
    assert [s for s in seen if s] == ["crc32c"] * 3
    # an older registry: tus's required sha1 and sha256 only
    monkeypatch.setattr(tus, "CHECKSUMS", {k: v for k, v in tus.CHECKSUMS.items() if k != "crc32c"})
    seen.clear()
    data = path.read_bytes()[::-1]
    other = path.with_name("other.ts")
    other.write_bytes(data)
    result = TusUploader(recorder.client).upload(other, sha256=hashlib.sha256(data).hexdigest())
    assert [s for s in seen if s] == ["crc32c", "sha1", "sha1", "sha1"]  # refused once, then sha1 throughout
    assert result.resumed_from == 0 and fetch(recorder, result.sha256).content == data


def test_a_rejected_chunk_leaves_the_upload_as_it_was(server: ServerThread, recorder: EnrolledStation,
                                                      tmp_path: Path) -> None:
    data = os.urandom(3 * MiB + 5000)
    sha = hashlib.sha256(data).hexdigest()
    uploader = TusUploader(recorder.client)
    url = uploader.create(size=len(data), sha256=sha)
    assert tus_patch(recorder, url, 0, data[:1000]).status_code == 204  # a short last frame on disk
    damaged = tus_patch(recorder, url, 1000, data[1000:MiB + 1500], checksum=hashlib.sha256(b"x").digest())
    assert damaged.status_code == 460 and uploader.offset(url) == 1000
    too_long = tus_patch(recorder, url, 1000, data[1000:] + b"extra")
    assert too_long.status_code == 413 and uploader.offset(url) == 1000
    assert tus_patch(recorder, url, 0, data[:10]).status_code == 409
    assert tus_patch(recorder, url, 1000, data[1000:2 * MiB]).status_code == 204
    assert tus_patch(recorder, url, 2 * MiB, data[2 * MiB:]).status_code == 204
    assert fetch(recorder, sha).content == data


class ForwardOnly(io.RawIOBase):
    """The station's decrypting reader in miniature: it reads forward and cannot seek."""

    def __init__(self, data: bytes) -> None:
        self._data, self._at = data, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        piece = self._data[self._at:self._at + n if n >= 0 else None]
        self._at += len(piece)
        return piece


def test_the_station_goes_back_to_an_offset_the_registry_lost(server: ServerThread, recorder: EnrolledStation) -> None:
    data = os.urandom(5 * MiB + 77)
    sha = hashlib.sha256(data).hexdigest()
    opened: list[int] = []

    def source() -> ForwardOnly:
        opened.append(1)
        return ForwardOnly(data)

    uploader = TusUploader(recorder.client, chunk_size=MiB)
    url = uploader.create(size=len(data), sha256=sha)
    assert uploader.send(url, source, offset=0, size=3 * MiB) == 3 * MiB
    # The registry lost what it had not made durable (a power cut would): its file is one frame shorter.
    os.truncate(partial_file(server, url), HEADER_SIZE + 2 * DISK_FRAME + 100)
    assert uploader.offset(url) == 2 * MiB
    sent = uploader.send(url, source, offset=3 * MiB, size=len(data))  # 409, re-ask, reopen and read again
    assert sent == len(data) - 2 * MiB + MiB and len(opened) == 3
    assert fetch(recorder, sha).content == data


def test_a_damaged_chunk_gets_460_and_a_wrong_whole_file_is_discarded(server: ServerThread,
                                                                      recorder: EnrolledStation,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(os.urandom(100_000))
    uploader = TusUploader(recorder.client)
    url = uploader.create(size=100_000, sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    bad_sum = base64.b64encode(hashlib.sha1(b"other").digest()).decode()
    answer = recorder.client.http.patch(url, content=path.read_bytes()[:1000], headers=recorder.client.headers({
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": f"sha1 {bad_sum}"}))
    assert answer.status_code == 460 and uploader.offset(url) == 0
    no_tus = recorder.client.http.head(url, headers=recorder.client.headers())
    assert no_tus.status_code == 412
    lying = uploader.create(size=100_000, sha256="0" * 64)
    with pytest.raises(RegistryError) as caught:
        uploader.upload(path, sha256="0" * 64, upload_url=lying)
    assert caught.value.code == "sha256_mismatch"
    assert uploader.offset(lying) is None  # discarded: a new upload starts from zero
    assert not list((server.registry.data_dir / "evidence" / "blobs").rglob("0" * 64))


def test_evidence_is_listed_per_attempt_and_readable_only_where_the_attempt_is_routed(
        server: ServerThread, recorder: EnrolledStation, tmp_path: Path) -> None:
    scorer = enrol(server, "scoring_station", name="scorer")
    stranger = enrol(server, "scoring_station", name="stranger")
    files = []
    for n in range(2):
        p = tmp_path / f"seg{n}.ts"
        p.write_bytes(os.urandom(50_000 + n))
        files.append((p, hashlib.sha256(p.read_bytes()).hexdigest()))
    attempt = recorder.event(event_type="attempt.scheduled")
    sealed = recorder.event(event_type="evidence.sealed", entity_id=attempt.entity_id, payload={
        "assigned_to": scorer.station_id, "items": [{"sha256": s, "size": p.stat().st_size} for p, s in files]})
    recorder.client.push([attempt, sealed])
    TusUploader(recorder.client).upload(files[0][0], attempt_id=attempt.entity_id)
    listing = scorer.client.attempt_evidence(attempt.entity_id)
    assert {i.sha256: i.present for i in listing.items} == {files[0][1]: True, files[1][1]: False}
    assert listing.missing == [files[1][1]]
    dest = tmp_path / "fetched.ts"
    assert download(scorer.client, sha256=files[0][1], dest=dest) == files[0][0].stat().st_size
    assert dest.read_bytes() == files[0][0].read_bytes()
    assert fetch(stranger, files[0][1]).status_code == 404
    with pytest.raises(RegistryError) as caught:
        stranger.client.attempt_evidence(attempt.entity_id)
    assert caught.value.status == 404


def test_a_download_resumes_from_its_part_file(server: ServerThread, recorder: EnrolledStation,
                                               clip: tuple[Path, str], tmp_path: Path) -> None:
    path, sha = clip
    TusUploader(recorder.client).upload(path, sha256=sha)
    dest = tmp_path / "copy.ts"
    dest.with_name("copy.ts.part").write_bytes(path.read_bytes()[:3 * MiB])
    fetched = download(recorder.client, sha256=sha, dest=dest)
    assert fetched == path.stat().st_size - 3 * MiB and dest.read_bytes() == path.read_bytes()
    assert not dest.with_name("copy.ts.part").exists()


def test_a_plain_put_stores_the_same_verified_blob(server: ServerThread, recorder: EnrolledStation,
                                                   tmp_path: Path) -> None:
    data = os.urandom(200_000)
    sha = hashlib.sha256(data).hexdigest()
    put = recorder.client.http.put(f"/v1/evidence/{sha}", content=data, headers=recorder.client.headers())
    assert put.status_code == 201 and fetch(recorder, sha).content == data
    wrong = recorder.client.http.put(f"/v1/evidence/{'1' * 64}", content=data, headers=recorder.client.headers())
    assert wrong.status_code == 422 and wrong.json()["error"] == "sha256_mismatch"
