"""`evidence verify` against tampering: >= 1,000 random mutations, each detected, and the targeted attacks, each
reported as its own kind of problem. Verification runs in process on a small package held in memory."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from assessdesk.services.evidence.manifest import chain_problems, entry_of, manifest_bytes, next_link
from assessdesk.services.evidence.package_files import FolderPackage, MemoryPackage, open_package
from assessdesk.services.evidence.trusted_keys import parse_trusted_keys, station_trusted_keys_document
from assessdesk.services.evidence.verify import verify_package
from assessdesk.trust.keys import SigningKey
from assessdesk.trust.manifest_proof import sign_manifest

MUTATIONS = 1_200


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes], Path]:
    """A sealed, exported attempt: four small segments, one artifact, one photo (built once for the module)."""
    from assessdesk.domain.ids import new_id
    from assessdesk.domain.schedule import Candidate, Sitting
    from assessdesk.services import attempts, checkin, users
    from assessdesk.services.auth import sign_in
    from assessdesk.services.capture import SyntheticSource
    from assessdesk.services.evidence.artifacts import add_artifact
    from assessdesk.services.evidence.package import write_package
    from assessdesk.services.evidence.session import AttemptRecording, RecordingOptions
    from assessdesk.services.secrets import INSECURE_FILE
    from assessdesk.services.standards.demo import import_demo_standards
    from assessdesk.services.station import create_profile
    from assessdesk.storage import schedule

    root = tmp_path_factory.mktemp("mutations")
    ctx = create_profile(root / "profile", station_name="Mutation station", admin_username="admin",
                         admin_display_name="Admin", admin_password="admin-pass-12", demo=True,
                         secret_store=INSECURE_FILE)
    admin = sign_in(ctx, username="admin", password="admin-pass-12")
    users.create_user(ctx, actor=admin, username="pat", display_name="Pat", password="proctor-pass-1",
                      roles=["proctor"])
    proctor = sign_in(ctx, username="pat", password="proctor-pass-1")
    import_demo_standards(ctx, actor=admin)  # check-in pins the standards in force
    with ctx.uow(proctor.id) as uow:
        cand = schedule.add_candidate(uow.session, Candidate(new_id(), "Kim", "Lee"))
        sitting = schedule.add_sitting(uow.session, Sitting(new_id(), "Audit", "Site", "2026-01-05", "09:00"))
    attempt_id = attempts.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id, candidate_id=cand.id,
                                           credential_id="QS-WAREHOUSE-AUDIT", rubric_ref="CHK-WH-AUDIT@1")
    checkin.check_in(ctx, actor=proctor, attempt_id=attempt_id)
    checkin.record_consent(ctx, actor=proctor, attempt_id=attempt_id, recording=True, face_comparison=False)
    checkin.add_photo(ctx, actor=proctor, attempt_id=attempt_id, kind="id_photo", image_bytes=b"\xff\xd8\xff id")
    checkin.decide_identity(ctx, actor=proctor, attempt_id=attempt_id, decision="verified")
    sheet = root / "checklist.csv"
    sheet.write_text("item,ok\nforks,yes\nchains,no\n")
    add_artifact(ctx, actor=proctor, attempt_id=attempt_id, path=sheet, kind="checklist")
    rec = AttemptRecording(ctx, actor=proctor, attempt_id=attempt_id,
                           source=SyntheticSource(size=(320, 64), fps=10, paced=False, max_frames=16),
                           options=RecordingOptions(simulated_time=True, segment_seconds=0.4, presence=False))
    rec.start()
    assert rec.source_ended.wait(60)
    rec.end()
    out = write_package(ctx, attempt_id=attempt_id, out=root / "pkg")
    files = {name: FolderPackage(out.path).read(name) for name in FolderPackage(out.path).names()}
    keys = parse_trusted_keys(station_trusted_keys_document(ctx))
    ctx.close()
    return files, keys, out.path


def _kinds(files: dict[str, bytes], keys: dict[str, bytes]) -> set[str]:
    return verify_package(MemoryPackage(files), keys).kinds


def test_the_untouched_package_verifies_from_folder_zip_and_memory(package, tmp_path: Path) -> None:
    import zipfile

    files, keys, folder = package
    assert sum(1 for n in files if n.startswith("segments/")) == 4
    report = verify_package(open_package(folder), keys)
    assert report.ok, report.problems
    assert any("signed audit checkpoint" in n for n in report.notes)
    zipped = tmp_path / "pkg.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    assert verify_package(open_package(zipped), keys).ok
    assert verify_package(MemoryPackage(files), keys).ok


def _mutate(rng: random.Random, files: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
    """One random change: a byte changed, deleted or inserted, a file cut short or removed, or content reordered."""
    out = dict(files)
    media = [n for n in files if n.startswith(("segments/", "artifacts/"))]
    segments = [n for n in media if n.startswith("segments/")]
    op = rng.choice(["flip", "flip", "delete", "insert", "truncate", "swap_files", "swap_blocks", "drop",
                     "signature"])
    target = rng.choice(media + ["manifest.json"] * len(media))
    data = bytearray(out[target])
    if op == "signature":
        target = "manifest.json"
        data = bytearray(out[target])
        start = data.index(b'"proofValue":"z') + 15
        end = data.index(b'"', start)
        data[rng.randrange(start, end)] ^= rng.randrange(1, 256)
    elif op == "flip":
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    elif op == "delete":
        del data[rng.randrange(len(data))]
    elif op == "insert":
        data.insert(rng.randrange(len(data) + 1), rng.randrange(256))
    elif op == "truncate":
        del data[rng.randrange(len(data)):]
    elif op == "drop":
        del out[target]
        return f"{op} {target}", out
    elif op == "swap_files":
        a, b = rng.sample(segments, 2)
        out[a], out[b] = files[b], files[a]
        return f"{op} {a} {b}", out
    else:  # swap two blocks within the file: the same bytes in another order
        size = rng.randrange(1, max(2, len(data) // 4))
        i, j = sorted(rng.sample(range(0, len(data) - size + 1, size), 2)) if len(data) >= 2 * size else (0, 0)
        data[i:i + size], data[j:j + size] = data[j:j + size], data[i:i + size]
    out[target] = bytes(data)
    return f"{op} {target}", out


def test_every_random_mutation_is_detected(package) -> None:
    files, keys, _ = package
    rng = random.Random(20260105)
    tried = 0
    missed: list[str] = []
    by_kind: dict[str, int] = {}
    while tried < MUTATIONS:
        what, mutated = _mutate(rng, files)
        if mutated == files:
            continue  # e.g. two equal blocks swapped: nothing changed, nothing to detect
        tried += 1
        kinds = _kinds(mutated, keys)
        if not kinds:
            missed.append(what)
        for k in kinds:
            by_kind[k] = by_kind.get(k, 0) + 1
    assert not missed, f"{len(missed)} of {tried} mutations went undetected, e.g. {missed[:5]}"
    assert {"changed_byte", "missing_segment", "manifest_unreadable", "bad_signature"} <= set(by_kind), by_kind


def _manifest(files: dict[str, bytes]) -> dict:
    return json.loads(files["manifest.json"])


def _rechain(manifest: dict) -> None:
    prev = None
    for seg in manifest["recordings"][0]["segments"]:
        seg["chain"] = next_link(prev, entry_of(seg))
        prev = seg["chain"]
    manifest["recordings"][0]["chain_head"] = prev


def test_resigned_by_an_unknown_key(package) -> None:
    files, keys, _ = package
    doc = _manifest(files)
    forged = sign_manifest(doc, SigningKey.generate("urn:assessdesk:station:impostor#key-1"))
    assert _kinds({**files, "manifest.json": manifest_bytes(forged)}, keys) == {"unknown_key"}


def test_manifest_rewritten_consistently_with_new_hashes(package) -> None:
    import hashlib

    files, keys, _ = package
    doc = _manifest(files)
    seg = doc["recordings"][0]["segments"][1]
    name = f"segments/{doc['recordings'][0]['attempt']}/{seg['name']}"
    replacement = files[name][: len(files[name]) // 2]  # a shorter recording put in its place
    seg["sha256"], seg["size"] = hashlib.sha256(replacement).hexdigest(), len(replacement)
    _rechain(doc)
    assert not chain_problems(doc["recordings"][0]["segments"], doc["recordings"][0]["chain_head"])
    rewritten = {**files, name: replacement, "manifest.json": manifest_bytes(doc)}
    assert _kinds(rewritten, keys) == {"manifest_rewritten"}, "every file matches; only the seal gives it away"


def test_a_segment_dropped_from_disk_and_manifest_breaks_the_chain(package) -> None:
    files, keys, _ = package
    doc = _manifest(files)
    rec = doc["recordings"][0]
    dropped = rec["segments"].pop(2)
    removed = {k: v for k, v in files.items() if not k.endswith(dropped["name"])}
    kinds = _kinds({**removed, "manifest.json": manifest_bytes(doc)}, keys)
    assert "broken_chain" in kinds and "missing_segment" not in kinds
    # renumbered and re-linked to hide the gap: the station's record of the segment still shows it
    for seq, seg in enumerate(rec["segments"], start=1):
        seg["seq"] = seq
    _rechain(doc)
    assert "broken_chain" in _kinds({**removed, "manifest.json": manifest_bytes(doc)}, keys)


def test_missing_and_unexpected_files_are_named(package) -> None:
    files, keys, _ = package
    segment = next(n for n in files if n.startswith("segments/"))
    artifact = next(n for n in files if n.startswith("artifacts/"))
    photo = next(n for n in files if n.startswith("photos/"))
    gone = {k: v for k, v in files.items() if k not in (segment, artifact, photo)}
    assert _kinds(gone, keys) == {"missing_segment", "missing_artifact", "missing_photo"}
    assert _kinds({**files, "segments/extra.ts": b"x"}, keys) == {"unexpected_file"}
    assert _kinds({k: v for k, v in files.items() if k != "manifest.json"}, keys) == {"missing_manifest"}
    assert _kinds({k: v for k, v in files.items() if k != "events.json"}, keys) == {"missing_record"}


def test_cli_verify_reports_kinds_and_exit_codes(package, tmp_path: Path, capsys) -> None:
    from assessdesk.cli import main

    files, _keys, folder = package
    keys_file = folder.parent / "keys.json"
    keys_file.write_text((folder / "trusted-keys.json").read_text())
    assert main(["evidence", "verify", str(folder), "--trusted-keys", str(keys_file)]) == 0
    assert "VALID" in capsys.readouterr().out
    broken = tmp_path / "broken"
    broken.mkdir()
    for name, data in files.items():
        (broken / name).parent.mkdir(parents=True, exist_ok=True)
        (broken / name).write_bytes(data)
    victim = next(broken.glob("segments/*/*"))
    victim.write_bytes(victim.read_bytes()[:-1])
    assert main(["evidence", "verify", str(broken), "--trusted-keys", str(keys_file), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["valid"] is False and out["kinds"] == ["changed_byte"]
