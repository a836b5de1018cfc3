"""Issuing and verifying OpenBadgeCredentials: every answer (valid/invalid/revoked/unknown) and why."""

from __future__ import annotations

import copy
import json
from datetime import timedelta

import pytest
from trust_support import ISSUED_AT, ISSUER_ID, KEY_V1, LIST_URL, NOW, make_request

from assessdesk.trust.errors import CredentialBuildError
from assessdesk.trust.issuers import TrustedIssuer
from assessdesk.trust.keys import SigningKey
from assessdesk.trust.ob3 import evidence_digest_matches, identity_hash, issue_credential
from assessdesk.trust.ob3_schema import validate_credential
from assessdesk.trust.statuslist import build_status_list_credential, new_bits, set_bit
from assessdesk.trust.verify import StatusListSnapshot, StatusUnavailable, verify_credential


def check(doc, trusted, status_list, *, now=NOW, fetched_at=NOW):
    return verify_credential(
        doc,
        trusted_issuers=trusted,
        now=now,
        status_fetcher=lambda url: StatusListSnapshot(status_list, fetched_at) if url == LIST_URL else None,
    )


def test_identity_hash_matches_the_ob3_specification_example():
    # Open Badges 3.0, IdentityHash: 'a@example.com' salted with 'Kosher'.
    assert (
        identity_hash("a@example.com", "Kosher")
        == "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
    )
    assert identity_hash("  A@Example.com ", "Kosher") == identity_hash("a@example.com", "Kosher")


def test_issued_credential_has_the_ob3_shape(issued):
    assert issued["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert issued["id"].startswith("urn:uuid:")
    assert issued["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert issued["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert issued["proof"]["verificationMethod"] == KEY_V1
    subject = issued["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == identity_hash("ada@example.com", "k0sher-salt")
    assert [r["achievedLevel"] for r in subject["result"]][0].endswith("pre-use:2")
    assert subject["achievement"]["alignment"][0]["targetCode"] == "LOG-SAFE-001"
    assert issued["credentialStatus"]["statusListIndex"] == "1234"
    assert evidence_digest_matches(
        issued, "urn:uuid:0191d2c4-7a1e-7c3b-9d2e-5f6a7b8c9d0e", "5d41402abc4b2a76b9719d911017c592" * 2
    )
    assert validate_credential(issued) == []


def test_valid_when_genuine_current_and_not_revoked(issued, trusted, status_list):
    result = check(issued, trusted, status_list)
    assert result.status == "valid", result.summary
    assert result.issuer_name == "ACME Skills Board" and result.status_checked_at == NOW


def test_reserialising_with_other_whitespace_and_key_order_still_verifies(issued, trusted, status_list):
    def reorder(value):
        if isinstance(value, dict):
            return {k: reorder(value[k]) for k in sorted(value, reverse=True)}
        if isinstance(value, list):
            return [reorder(v) for v in value]
        return value

    text = json.dumps(reorder(issued), indent=7, ensure_ascii=True)
    assert check(json.loads(text), trusted, status_list).status == "valid"


@pytest.mark.parametrize(
    "path,value",
    [
        (
            ("credentialSubject", "result", 0, "achievedLevel"),
            "urn:assessdesk:rubric:forklift-v3:criterion:pre-use:1",
        ),
        (("credentialSubject", "identifier", 0, "identityHash"), "sha256$" + "0" * 64),
        (("validFrom",), "2025-01-05T09:00:00Z"),
        (("credentialSubject", "achievement", "name"), "Forklift operation, level 2"),
        (("evidence", 0, "digestSRI"), "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
        (("issuer", "name"), "Someone Else"),
    ],
)
def test_any_changed_value_is_invalid(issued, trusted, status_list, path, value):
    doc = copy.deepcopy(issued)
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    result = check(doc, trusted, status_list)
    assert result.status == "invalid"
    assert any(p.code == "proof" for p in result.problems)


def test_a_renamed_term_is_invalid(issued, trusted, status_list):
    doc = copy.deepcopy(issued)
    doc["credentialSubject"]["achievement"]["title"] = doc["credentialSubject"]["achievement"].pop("name")
    result = check(doc, trusted, status_list)
    assert result.status == "invalid"
    assert {"proof", "schema"} <= {p.code for p in result.problems}


def test_adding_a_term_the_contexts_do_not_define_is_invalid(issued, trusted, status_list):
    doc = copy.deepcopy(issued)
    doc["credentialSubject"]["grade"] = "A+"  # not in VC v2 or OB 3.0.3: JSON-LD would silently drop it
    result = check(doc, trusted, status_list)
    assert result.status == "invalid"
    assert any("grade" in p.message for p in result.problems)


def test_adding_a_fake_keyword_is_invalid(issued, trusted, status_list):
    doc = copy.deepcopy(issued)
    doc["credentialSubject"]["@note"] = "unsigned"
    assert check(doc, trusted, status_list).status == "invalid"


def test_reordering_the_context_is_invalid(issued, trusted, status_list):
    doc = copy.deepcopy(issued)
    doc["@context"].reverse()
    result = check(doc, trusted, status_list)
    assert result.status == "invalid"
    assert any(p.code == "context" for p in result.problems)


def test_an_unpinned_context_is_invalid_without_any_fetch(issued, trusted, status_list):
    doc = copy.deepcopy(issued)
    doc["@context"].append("https://example.org/extra-context.json")
    result = check(doc, trusted, status_list)
    assert result.status == "invalid"
    assert any("does not know" in p.message or p.code == "context" for p in result.problems)


def test_untrusted_issuer_is_invalid_even_with_a_good_signature(issued, status_list):
    result = check(issued, {}, status_list)
    assert result.status == "invalid" and [p.code for p in result.problems] == ["issuer"]


def test_a_key_the_issuer_never_published_is_invalid(issued, status_list, issuer_key):
    other = {ISSUER_ID: TrustedIssuer(ISSUER_ID, "ACME", {f"{ISSUER_ID}#key-9": issuer_key.public_raw()})}
    result = check(issued, other, status_list)
    assert result.status == "invalid" and any(p.code == "issuer" for p in result.problems)


def test_a_rotated_key_keeps_old_credentials_verifiable(issued, issuer_key):
    new_key = SigningKey.generate(f"{ISSUER_ID}#key-2")
    rotated = {
        ISSUER_ID: TrustedIssuer(
            ISSUER_ID, "ACME", {KEY_V1: issuer_key.public_raw(), new_key.key_id: new_key.public_raw()}
        )
    }
    fresh_list = build_status_list_credential(
        list_url=LIST_URL, issuer=ISSUER_ID, bits=new_bits(), key=new_key, valid_from=ISSUED_AT
    )
    assert check(issued, rotated, fresh_list).status == "valid"
    newer = issue_credential(make_request(), new_key)
    assert check(newer, rotated, fresh_list).status == "valid"


def test_did_key_issuer_verifies_from_the_did_alone(status_list):
    key = SigningKey.generate("station-approver")
    from assessdesk.trust.multibase import did_key

    issuer_did = did_key(key.public_raw())
    from assessdesk.trust.ob3 import IssuerProfile

    doc = issue_credential(make_request(issuer=IssuerProfile(issuer_did, "Approver")), key)
    assert doc["proof"]["verificationMethod"].startswith(issuer_did + "#")
    lst = build_status_list_credential(
        list_url=LIST_URL, issuer=issuer_did, bits=new_bits(), key=key, valid_from=ISSUED_AT
    )
    assert check(doc, {issuer_did: TrustedIssuer(issuer_did, "Approver")}, lst).status == "valid"


def test_expired_and_not_yet_valid_are_invalid(trusted, status_list, issuer_key):
    doc = issue_credential(make_request(valid_until=ISSUED_AT + timedelta(days=1)), issuer_key)
    assert check(doc, trusted, status_list, now=ISSUED_AT + timedelta(hours=1)).status == "valid"
    late = check(doc, trusted, status_list, now=ISSUED_AT + timedelta(days=2))
    assert late.status == "invalid" and [p.code for p in late.problems] == ["dates"]
    early = check(doc, trusted, status_list, now=ISSUED_AT - timedelta(hours=1))
    assert early.status == "invalid" and any(p.code == "dates" for p in early.problems)


def test_revoked_when_the_bit_is_set(issued, trusted, issuer_key):
    bits = new_bits()
    set_bit(bits, 1234)
    revoked_list = build_status_list_credential(
        list_url=LIST_URL, issuer=ISSUER_ID, bits=bits, key=issuer_key, valid_from=ISSUED_AT
    )
    assert check(issued, trusted, revoked_list).status == "revoked"


def test_unknown_when_no_status_list_is_available(issued, trusted):
    result = verify_credential(issued, trusted_issuers=trusted, now=NOW, status_fetcher=lambda url: None)
    assert result.status == "unknown" and result.status_checked_at is None
    assert "never" in result.summary


def test_unknown_says_when_the_status_was_last_checked(issued, trusted):
    last = NOW - timedelta(days=3)

    def offline(url):
        raise StatusUnavailable("The registry cannot be reached.", last_checked=last)

    result = verify_credential(issued, trusted_issuers=trusted, now=NOW, status_fetcher=offline)
    assert result.status == "unknown" and result.status_checked_at == last
    assert last.isoformat() in result.summary


def test_a_stale_copy_past_its_ttl_gives_unknown_with_its_fetch_time(issued, trusted, status_list):
    fetched = NOW - timedelta(days=8)  # list ttl is 7 days
    result = check(issued, trusted, status_list, fetched_at=fetched)
    assert result.status == "unknown" and result.status_checked_at == fetched


def test_a_status_list_expired_by_validuntil_gives_unknown(issued, trusted, issuer_key):
    lst = build_status_list_credential(
        list_url=LIST_URL,
        issuer=ISSUER_ID,
        bits=new_bits(),
        key=issuer_key,
        valid_from=ISSUED_AT,
        valid_until=ISSUED_AT + timedelta(hours=2),
    )
    assert check(issued, trusted, lst).status == "unknown"


def test_a_status_list_not_signed_by_the_issuer_is_never_trusted(issued, trusted):
    forger = SigningKey.generate(KEY_V1)  # claims the issuer's key id, different key
    bits = new_bits()
    forged = build_status_list_credential(
        list_url=LIST_URL, issuer=ISSUER_ID, bits=bits, key=forger, valid_from=ISSUED_AT
    )
    result = check(issued, trusted, forged)
    assert result.status == "unknown" and result.status_checked_at is None
    assert "signature" in result.notes[0]


def test_issuing_refuses_inconsistent_data(issuer_key):
    from assessdesk.trust.ob3 import AchievedLevel

    with pytest.raises(CredentialBuildError) as err:
        issue_credential(make_request(results=(AchievedLevel("urn:x:criterion", "urn:x:level"),)), issuer_key)
    assert "unknown criterion" in str(err.value)
    with pytest.raises(CredentialBuildError):
        issue_credential(make_request(credential_id="not-a-uri"), issuer_key)


def test_issuing_refuses_what_the_schema_rejects(issuer_key):
    from assessdesk.trust.ob3 import AchievementSpec

    spec = make_request().achievement
    blank = AchievementSpec(spec.id, spec.name, "", spec.criteria_narrative, spec.alignments, spec.criteria)
    with pytest.raises(CredentialBuildError) as err:
        issue_credential(make_request(achievement=blank), issuer_key)
    assert "description" in str(err.value)
