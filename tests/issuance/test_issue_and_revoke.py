"""Approve -> an OB 3.0 credential that verifies 'valid' against a status list built here; revoke -> 'revoked';
the certificate's QR code carries the credential's verification URL; all without touching the network."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from issuance_support import BASE_URL, PASSING_LEVELS, block_network, pending_attempt

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.services.issuance import approval, records, status
from assessdesk.services.issuance.issuer import trusted_issuers_path
from assessdesk.storage import audit, schedule
from assessdesk.storage.events import attempt_events
from assessdesk.trust.issuers import load_trusted_issuers
from assessdesk.trust.ob3 import identity_hash
from assessdesk.trust.verify import StatusListSnapshot, verify_credential


def _verify_as_outsider(doc: dict, ctx) -> str:
    """What any verifier holding the published files gets: trusted issuers + the station's signed list copy."""
    trusted = load_trusted_issuers(json.loads(trusted_issuers_path(ctx).read_text()))
    listed = json.loads(status.status_file(ctx).read_text())

    def fetch(url: str) -> StatusListSnapshot | None:
        return StatusListSnapshot(listed, ctx.clock.now()) if listed["id"] == url else None

    return verify_credential(doc, trusted_issuers=trusted, status_fetcher=fetch, now=ctx.clock.now()).status


def test_approve_issues_a_valid_credential_and_revoke_makes_it_revoked(ctx, people, monkeypatch) -> None:
    attempt_id = pending_attempt(ctx, people)
    blocked = block_network(monkeypatch)

    record = approval.approve(ctx, actor=people.approver, attempt_id=attempt_id)

    with ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.ISSUED
        types = [e.event_type for e in attempt_events(s, attempt_id)]
    assert types[-2:] == ["issuance.requested", "issuance.approved"]
    _, doc = records.get_credential(ctx, actor=people.approver, credential_id=record.credential_id)
    assert doc["id"] == record.credential_id and doc["id"].startswith("urn:uuid:")
    assert doc["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert doc["proof"]["verificationMethod"] == f"{BASE_URL}issuer#key-1"
    subject = doc["credentialSubject"]
    ident = subject["identifier"][0]
    assert ident["identityHash"] == identity_hash("lukasz.nowak@example.org", ident["salt"])
    assert "lukasz" not in json.dumps(doc).lower()  # no raw personal data in the credential
    levels = {r["resultDescription"].rsplit("#", 1)[1]: r["achievedLevel"].rsplit(".level-", 1)[1]
              for r in subject["result"]}
    assert levels == {c: str(lv) for c, lv in PASSING_LEVELS.items()}
    described = {d["id"] for d in subject["achievement"]["resultDescription"]}
    assert {r["resultDescription"] for r in subject["result"]} == described
    assert {a["targetCode"] for a in subject["achievement"]["alignment"]} == {
        "LOG-SAFE-001", "LOG-SAFE-002", "LOG-SAFE-003"}
    with ctx.db.session() as s:
        manifest_sha = next(e.payload["sha256"] for e in attempt_events(s, attempt_id)
                            if e.event_type == "evidence.sealed")
    assert doc["evidence"][0]["digestSRI"] == "sha256-" + base64.b64encode(bytes.fromhex(manifest_sha)).decode()
    assert 0 <= int(doc["credentialStatus"]["statusListIndex"]) < 1000
    assert doc["validUntil"] > doc["validFrom"]

    assert records.verify_issued(ctx, actor=people.approver, credential_id=record.credential_id).status == "valid"
    assert _verify_as_outsider(doc, ctx) == "valid"

    revoked = records.revoke(ctx, actor=people.approver, credential_id=record.credential_id,
                             reason="identity fraud found after issue")
    assert revoked.state == "revoked" and revoked.revoked_reason == "identity fraud found after issue"
    assert records.verify_issued(ctx, actor=people.approver, credential_id=record.credential_id).status == \
        "revoked"
    assert _verify_as_outsider(doc, ctx) == "revoked"
    with pytest.raises(InvalidInput, match="already revoked"):
        records.revoke(ctx, actor=people.approver, credential_id=record.credential_id, reason="again")
    with pytest.raises(InvalidInput, match="reason"):
        records.revoke(ctx, actor=people.approver, credential_id=record.credential_id, reason="  ")
    with ctx.db.session() as s:
        actions = [(r.action, r.actor, r.subject_id) for r in audit.all_rows(s)]
    entity = record.credential_id.removeprefix("urn:uuid:")
    assert ("credential.issued", people.approver.id, entity) in actions
    assert ("credential.revoked", people.approver.id, entity) in actions
    assert blocked == []  # nothing even tried to reach the network


def test_certificate_qr_decodes_to_the_credential_verification_url(ctx, people, tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    attempt_id = pending_attempt(ctx, people)
    record = approval.approve(ctx, actor=people.approver, attempt_id=attempt_id)
    out, pdf = tmp_path / "credential.json", tmp_path / "certificate.pdf"
    records.export_credential(ctx, actor=people.admin, credential_id=record.credential_id, out=out, pdf=pdf)

    exported = json.loads(out.read_text())
    assert exported["id"] == record.credential_id
    assert _verify_as_outsider(exported, ctx) == "valid"
    uuid = record.credential_id.removeprefix("urn:uuid:")
    assert record.verification_url == f"{BASE_URL}credentials/{uuid}"
    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        page = np.ascontiguousarray(document[0].render(scale=200 / 72, grayscale=True).to_numpy())
    finally:
        document.close()
    decoded = ""
    for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        decoded = detector.detectAndDecode(page)[0] or decoded
    assert decoded == record.verification_url
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Łukasz Nowak" in text and record.credential_id in text and "Łódź Skills Board".upper() in text.upper()
    assert "Approver" in text  # the approver's name is on the certificate


def test_list_per_candidate_and_export_refusals(ctx, people, tmp_path: Path) -> None:
    first = approval.approve(ctx, actor=people.approver, attempt_id=pending_attempt(ctx, people))
    rows = records.list_credentials(ctx, actor=people.admin, candidate_id=first.candidate_id)
    assert [r.credential_id for r in rows] == [first.credential_id]
    assert first.credential_id in {r.credential_id for r in records.list_credentials(ctx, actor=people.admin)}
    assert records.list_credentials(ctx, actor=people.admin, candidate_id="someone-else") == []
    assert rows[0].candidate_name == "Łukasz Nowak" and rows[0].issued_by == "Approver"
    with pytest.raises(InvalidInput):
        records.export_credential(ctx, actor=people.admin, credential_id=first.credential_id)
    with pytest.raises(NotFound):
        records.export_credential(ctx, actor=people.admin, credential_id="urn:uuid:nope", out=tmp_path / "x")
