"""`assessdesk credential verify` end to end: real files, the real parser, one exit code per answer."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from trust_support import ISSUED_AT, ISSUER_ID, LIST_URL

from assessdesk.cli import main
from assessdesk.trust.issuers import dump_trusted_issuers
from assessdesk.trust.statuslist import build_status_list_credential, new_bits, set_bit


@pytest.fixture
def files(tmp_path: Path, issued, trusted, status_list) -> dict[str, Path]:
    paths = {
        "credential": tmp_path / "credential.json",
        "issuers": tmp_path / "issuers.json",
        "list": tmp_path / "status-list.json",
    }
    paths["credential"].write_text(json.dumps(issued, indent=2))
    paths["issuers"].write_text(json.dumps(dump_trusted_issuers(trusted)))
    paths["list"].write_text(json.dumps(status_list))
    return paths


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["credential", "verify", *args])
    return code, capsys.readouterr().out


def test_valid_with_status_list_and_trusted_issuers(capsys, files):
    code, out = run(
        capsys,
        str(files["credential"]),
        "--status-list",
        str(files["list"]),
        "--trusted-issuers",
        str(files["issuers"]),
        "--json",
    )
    report = json.loads(out)
    assert code == 0 and report["status"] == "valid"
    assert report["issuer_name"] == "ACME Skills Board" and report["status_checked_at"]


def test_without_a_status_list_the_answer_is_unknown(capsys, files):
    code, out = run(capsys, str(files["credential"]), "--trusted-issuers", str(files["issuers"]))
    assert code == 4 and out.startswith("Unknown:")


def test_without_trusted_issuers_the_answer_is_invalid(capsys, files):
    code, out = run(capsys, str(files["credential"]), "--status-list", str(files["list"]))
    assert code == 1 and "[issuer]" in out


def test_tampered_and_revoked(capsys, files, issued, issuer_key):
    doc = copy.deepcopy(issued)
    doc["credentialSubject"]["result"][1]["achievedLevel"] = (
        "urn:assessdesk:rubric:forklift-v3:criterion:load:1"
    )
    files["credential"].write_text(json.dumps(doc))
    code, out = run(
        capsys,
        str(files["credential"]),
        "--status-list",
        str(files["list"]),
        "--trusted-issuers",
        str(files["issuers"]),
    )
    assert code == 1 and "[proof]" in out

    files["credential"].write_text(json.dumps(issued))
    bits = new_bits()
    set_bit(bits, 1234)
    files["list"].write_text(
        json.dumps(
            build_status_list_credential(
                list_url=LIST_URL, issuer=ISSUER_ID, bits=bits, key=issuer_key, valid_from=ISSUED_AT
            )
        )
    )
    code, out = run(
        capsys,
        str(files["credential"]),
        "--status-list",
        str(files["list"]),
        "--trusted-issuers",
        str(files["issuers"]),
    )
    assert code == 3 and out.startswith("Revoked:")


def test_unreadable_input_is_a_user_error(capsys, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    assert main(["credential", "verify", str(bad)]) == 2
    assert "not readable JSON" in capsys.readouterr().err
    assert main(["credential", "verify", str(tmp_path / "missing.json")]) == 2
