"""Bitstring Status List: the encoding, the list credential, entries and per-station index ranges."""

from __future__ import annotations

import base64
import gzip
import random

import pytest
from trust_support import ISSUED_AT, ISSUER_ID, LIST_URL

from assessdesk.trust.errors import StatusIndexesExhausted, StatusListError
from assessdesk.trust.proofs import check_proof
from assessdesk.trust.statuslist import (
    MIN_BITS,
    IndexRange,
    StatusEntryRef,
    build_status_list_credential,
    decode_bits,
    encode_bits,
    get_bit,
    new_bits,
    next_free_index,
    set_bit,
    status_of,
)

# W3C Bitstring Status List v1.0, the example BitstringStatusListCredential (id
# https://example.com/credentials/status/3): an all-zero list of the minimum 131,072 entries.
SPEC_EMPTY_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"


def test_the_specification_example_decodes_to_an_empty_minimum_list():
    bits = decode_bits(SPEC_EMPTY_LIST)
    assert len(bits) * 8 == MIN_BITS == 131_072
    assert not any(bits)


def test_round_trip_and_bit_order_index_zero_is_the_leftmost_bit():
    bits = new_bits()
    for index in (0, 7, 8, 94_567, MIN_BITS - 1):
        set_bit(bits, index)
    assert bits[0] == 0b1000_0001 and bits[1] == 0b1000_0000
    decoded = decode_bits(encode_bits(bits))
    assert decoded == bits
    assert [i for i in (0, 1, 6, 7, 8, 9, 94_567, MIN_BITS - 1) if get_bit(decoded, i)] == [
        0,
        7,
        8,
        94_567,
        MIN_BITS - 1,
    ]
    set_bit(decoded, 7, False)
    assert not get_bit(decoded, 7)
    assert encode_bits(bits) == encode_bits(bytearray(bits))  # gzip mtime fixed: byte-stable republishing


def test_short_lists_out_of_range_indexes_and_bad_encodings_are_refused():
    with pytest.raises(StatusListError):
        new_bits(MIN_BITS - 8)
    short = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(1024))).decode().rstrip("=")
    with pytest.raises(StatusListError, match="fewer than"):
        decode_bits(short)
    with pytest.raises(StatusListError):
        decode_bits("z" + SPEC_EMPTY_LIST[1:])
    with pytest.raises(StatusListError):
        decode_bits("u!!!not-base64")
    with pytest.raises(StatusListError):
        get_bit(new_bits(), MIN_BITS)
    bomb = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(64 * 1024))).decode().rstrip("=")
    with pytest.raises(StatusListError, match="larger"):
        decode_bits(bomb, max_bytes=32 * 1024)


def test_list_credential_is_signed_and_answers_per_entry(issuer_key):
    bits = new_bits()
    set_bit(bits, 42)
    lst = build_status_list_credential(
        list_url=LIST_URL, issuer=ISSUER_ID, bits=bits, key=issuer_key, valid_from=ISSUED_AT, ttl_ms=300_000
    )
    assert lst["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert lst["credentialSubject"]["id"] == f"{LIST_URL}#list" and lst["credentialSubject"]["ttl"] == 300_000
    assert check_proof(lst, issuer_key.public_raw()).ok
    assert status_of(lst, StatusEntryRef(LIST_URL, 42)) is True
    assert status_of(lst, StatusEntryRef(LIST_URL, 43)) is False
    with pytest.raises(StatusListError, match="purpose"):
        status_of(lst, StatusEntryRef(LIST_URL, 42, "suspension"))
    with pytest.raises(StatusListError, match="not the one"):
        status_of(lst, StatusEntryRef("https://registry.example/status/lists/2", 42))


def test_entry_json_round_trip_and_rejects():
    entry = StatusEntryRef(LIST_URL, 7)
    as_json = entry.to_json()
    assert as_json["statusListIndex"] == "7" and as_json["id"] == f"{LIST_URL}#7"
    assert StatusEntryRef.from_json(as_json) == entry
    for bad in (
        {},
        {**as_json, "type": "StatusList2021Entry"},
        {**as_json, "statusListIndex": "x"},
        {**as_json, "statusListIndex": "-1"},
    ):
        with pytest.raises(StatusListError):
            StatusEntryRef.from_json(bad)


def test_index_allocation_within_a_station_range():
    rng = IndexRange(LIST_URL, 1000, 1004)
    assert next_free_index(rng, []) == 1000
    assert next_free_index(rng, [1000, 1001, 5]) == 1002
    chosen = {next_free_index(rng, [1001], rng=random.Random(seed)) for seed in range(40)}
    assert chosen <= {1000, 1002, 1003} and len(chosen) > 1
    assert next_free_index(rng, [1000, 1001, 1003], rng=random.Random(1)) == 1002
    with pytest.raises(StatusIndexesExhausted) as err:
        next_free_index(rng, range(1000, 1004))
    assert "1000-1003" in str(err.value)
    with pytest.raises(StatusIndexesExhausted):
        next_free_index(rng, range(1000, 1004), rng=random.Random(3))
    with pytest.raises(StatusListError):
        IndexRange(LIST_URL, 5, 5)
