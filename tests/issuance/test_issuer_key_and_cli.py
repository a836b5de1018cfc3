"""The issuer key travels as an encrypted file between stations; rotation keeps older credentials verifiable; the
`credential list/export` and `issuer` commands work headless, offline."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from issuance_support import PASSWORD, block_network, load_json, pending_attempt

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.issuance import approval, issuer, keyfile, records, settings, status
from assessdesk.trust.verify import StatusListSnapshot, verify_credential

PASSPHRASE = "correct horse battery staple"


def _run_issuer_cli(argv: list[str]) -> int:
    """The `issuer` command as the app's CLI registers it (the integrator adds it to SUBCOMMAND_MODULES)."""
    from assessdesk.cli import issuer as issuer_cli
    from assessdesk.cli import profile_parent

    parser = argparse.ArgumentParser(prog="assessdesk", parents=[profile_parent()])
    issuer_cli.register(parser.add_subparsers(dest="command"), profile_parent())
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


def test_key_file_moves_the_issuer_key_and_rotation_keeps_old_credentials_valid(
        ctx, people, station, admin, tmp_path: Path, monkeypatch) -> None:
    old = approval.approve(ctx, actor=people.approver, attempt_id=pending_attempt(ctx, people))
    _, old_doc = records.get_credential(ctx, actor=people.admin, credential_id=old.credential_id)
    blocked = block_network(monkeypatch)
    key_file = tmp_path / "issuer-key.json"
    issuer.export_key(ctx, actor=people.admin, path=key_file, passphrase=PASSPHRASE)
    raw = key_file.read_text()
    assert "PRIVATE" not in raw and "secretKey" not in raw and (key_file.stat().st_mode & 0o777) == 0o600

    with pytest.raises(keyfile.KeyFileRejected, match="Wrong passphrase"):
        issuer.install_key(station, actor=admin, path=key_file, passphrase="not the passphrase", index_range=(1000, 2000))
    forged = load_json(key_file)
    forged["issuer"]["name"] = "Someone Else Ltd"
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    with pytest.raises(keyfile.KeyFileRejected, match="changed"):
        issuer.install_key(station, actor=admin, path=tmp_path / "forged.json", passphrase=PASSPHRASE,
                           index_range=(1000, 2000))
    with pytest.raises(InvalidInput, match="own status index range"):
        issuer.install_key(station, actor=admin, path=key_file, passphrase=PASSPHRASE)
    with pytest.raises(InvalidInput, match="at least 12"):
        issuer.export_key(ctx, actor=people.admin, path=tmp_path / "weak.json", passphrase="short")

    installed = issuer.install_key(station, actor=admin, path=key_file, passphrase=PASSPHRASE,
                                   index_range=(1000, 2000))
    source = settings.load(ctx)
    assert (installed.issuer_id, installed.key_id, installed.status_list_url) == (
        source.issuer_id, source.key_id, source.status_list_url)
    assert (installed.status_index_start, installed.status_index_end) == (1000, 2000)  # its own range
    assert issuer.issuer_signing_key(station).public_raw() == issuer.issuer_signing_key(ctx).public_raw()

    rotated = issuer.rotate_key(station, actor=admin)
    assert rotated.key_id.endswith("#key-2") and rotated.key_id != source.key_id
    trusted = issuer.trusted_issuers(station)[source.issuer_id]
    assert set(trusted.keys) == {source.key_id, rotated.key_id}
    # A list signed with the new key, and a credential signed with the old one: still valid.
    listed = status.publish_status_list(station)
    assert listed["proof"]["verificationMethod"] == rotated.key_id

    def fetch(url: str) -> StatusListSnapshot | None:
        return StatusListSnapshot(listed, station.clock.now()) if url == listed["id"] else None

    result = verify_credential(old_doc, trusted_issuers=issuer.trusted_issuers(station), status_fetcher=fetch,
                               now=station.clock.now())
    assert result.status == "valid" and result.verification_method == source.key_id
    assert blocked == []


def test_credential_list_and_export_commands(ctx, people, tmp_path: Path, monkeypatch, capsys) -> None:
    from assessdesk.cli import main

    record = approval.approve(ctx, actor=people.approver, attempt_id=pending_attempt(ctx, people))
    monkeypatch.setenv("AD_PW", PASSWORD)
    profile = str(ctx.profile_dir)
    sign = ["--user", "approver", "--password-env", "AD_PW"]
    assert main(["credential", "list", "--profile", profile, *sign, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert record.credential_id in {row["credential_id"] for row in listed}
    assert main(["credential", "list", "--profile", profile, *sign]) == 0
    assert "Łukasz Nowak" in capsys.readouterr().out

    out, pdf = tmp_path / "c.json", tmp_path / "c.pdf"
    assert main(["credential", "export", record.credential_id, "--profile", profile, *sign, "--out", str(out),
                 "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Wrote the certificate" in capsys.readouterr().out
    # `credential verify` judges freshness by the wall clock: republish the list as of now, as the station would.
    fixed = ctx.clock.current
    ctx.clock.current = datetime.now(UTC)
    try:
        status.publish_status_list(ctx)
    finally:
        ctx.clock.current = fixed
    verdict = main(["credential", "verify", str(out), "--status-list", str(status.status_file(ctx)),
                    "--trusted-issuers", str(issuer.trusted_issuers_path(ctx)), "--json"])
    assert verdict == 0 and json.loads(capsys.readouterr().out)["status"] == "valid"
    monkeypatch.setenv("AD_PW", "wrong password!")
    assert main(["credential", "list", "--profile", profile, *sign]) == 2  # a refused sign-in is a plain error


def test_issuer_commands_export_and_install(ctx, people, station, admin, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("AD_PW", PASSWORD)
    monkeypatch.setenv("AD_PHRASE", PASSPHRASE)
    monkeypatch.setenv("AD_ADMIN_PW", "correct-horse-1")
    key_file = tmp_path / "key.json"
    assert _run_issuer_cli(["issuer", "export-key", "--profile", str(ctx.profile_dir), "--user", "admin",
                            "--password-env", "AD_ADMIN_PW", "--out", str(key_file),
                            "--passphrase-env", "AD_PHRASE"]) == 0
    assert _run_issuer_cli(["issuer", "install-key", str(key_file), "--profile", str(station.profile_dir),
                            "--user", "admin", "--password-env", "AD_ADMIN_PW", "--passphrase-env", "AD_PHRASE",
                            "--index-range", "5000:6000"]) == 0
    assert "status indexes 5000-5999" in capsys.readouterr().out
    assert _run_issuer_cli(["issuer", "show", "--profile", str(station.profile_dir), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["configured"] and shown["key_in_keyring"] and shown["issuer_id"] == settings.load(ctx).issuer_id
    with pytest.raises(SystemExit):
        _run_issuer_cli(["issuer", "install-key", str(key_file), "--index-range", "5000-6000"])
