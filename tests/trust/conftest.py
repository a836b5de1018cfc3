"""Fixtures for the trust tests: a real issuer key, a signed credential, a signed status list."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# pytest runs with --import-mode=importlib: test modules find the shared helpers via this folder.
sys.path.insert(0, str(Path(__file__).parent))

from trust_support import ISSUED_AT, ISSUER_ID, KEY_V1, LIST_URL, make_request  # noqa: E402

from assessdesk.trust.issuers import TrustedIssuer  # noqa: E402
from assessdesk.trust.keys import SigningKey  # noqa: E402
from assessdesk.trust.statuslist import build_status_list_credential, new_bits  # noqa: E402


@pytest.fixture(scope="session")
def issuer_key() -> SigningKey:
    return SigningKey.generate(KEY_V1)


@pytest.fixture(scope="session")
def trusted(issuer_key) -> dict[str, TrustedIssuer]:
    return {ISSUER_ID: TrustedIssuer(ISSUER_ID, "ACME Skills Board", {KEY_V1: issuer_key.public_raw()})}


@pytest.fixture(scope="session")
def issued(issuer_key) -> dict:
    from assessdesk.trust.ob3 import issue_credential

    return issue_credential(make_request(), issuer_key)


@pytest.fixture(scope="session")
def status_list(issuer_key) -> dict:
    return build_status_list_credential(
        list_url=LIST_URL,
        issuer=ISSUER_ID,
        bits=new_bits(),
        key=issuer_key,
        valid_from=ISSUED_AT,
        ttl_ms=7 * 24 * 3600 * 1000,
    )
