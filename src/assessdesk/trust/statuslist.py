"""W3C Bitstring Status List v1.0: the bitstring, the signed list credential, entries and index ranges."""

from __future__ import annotations

import base64
import gzip
import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assessdesk.trust.contexts import VC_V2
from assessdesk.trust.errors import StatusIndexesExhausted, StatusListError
from assessdesk.trust.keys import SigningKey
from assessdesk.trust.proofs import RDFC, add_proof, xsd_datetime

# Bitstring Status List v1.0 section 3.1: "a minimum of 131,072 entries" (16 KiB), for herd privacy.
MIN_BITS = 131_072
REVOCATION = "revocation"


def encode_bits(bits: bytes | bytearray) -> str:
    """encodedList: GZIP (RFC 1952) of the bitstring, then multibase base64url unpadded ('u' prefix)."""
    if len(bits) * 8 < MIN_BITS:
        raise StatusListError(f"A status list must hold at least {MIN_BITS} entries.")
    # mtime=0 makes the encoding a pure function of the bits: an unchanged list republishes byte-stable.
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def decode_bits(encoded: str, *, max_bytes: int = 16 * 1024 * 1024) -> bytearray:
    """The raw bitstring of an encodedList; refuses lists under the minimum or inflating past max_bytes."""
    if not encoded.startswith("u"):
        raise StatusListError("The status list is not multibase base64url ('u' prefix).")
    body = encoded[1:]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        with gzip.GzipFile(fileobj=_BytesReader(packed)) as stream:
            bits = stream.read(max_bytes + 1)  # bounded: a tiny gzip must not expand without limit
    except (ValueError, OSError, EOFError) as exc:
        raise StatusListError(f"The status list cannot be decoded: {exc}.") from None
    if len(bits) > max_bytes:
        raise StatusListError("The status list is larger than any list this station accepts.")
    if len(bits) * 8 < MIN_BITS:
        raise StatusListError(
            f"The status list holds {len(bits) * 8} entries, fewer than the {MIN_BITS} minimum."
        )
    return bytearray(bits)


class _BytesReader:
    """The smallest file object gzip needs, avoiding an io import for one call site."""

    def __init__(self, data: bytes) -> None:
        self._data, self._pos = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._pos + size
        chunk, self._pos = self._data[self._pos : end], min(end, len(self._data))
        return chunk


def new_bits(size: int = MIN_BITS) -> bytearray:
    if size < MIN_BITS or size % 8:
        raise StatusListError(f"A status list holds a multiple of 8 entries, at least {MIN_BITS}.")
    return bytearray(size // 8)


def get_bit(bits: bytes | bytearray, index: int) -> bool:
    """Index 0 is the left-most bit of the first byte (Bitstring Status List v1.0, section 3.1)."""
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(f"Status index {index} is outside the list (0-{len(bits) * 8 - 1}).")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    get_bit(bits, index)  # bounds check
    if value:
        bits[index // 8] |= 0x80 >> (index % 8)
    else:
        bits[index // 8] &= ~(0x80 >> (index % 8)) & 0xFF


@dataclass(frozen=True)
class StatusEntryRef:
    """Where one credential's status lives: list credential URL, index, purpose."""

    list_url: str
    index: int
    purpose: str = REVOCATION

    def to_json(self) -> dict[str, Any]:
        return {
            "id": f"{self.list_url}#{self.index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": self.purpose,
            "statusListIndex": str(self.index),  # the specification carries the index as a string
            "statusListCredential": self.list_url,
        }

    @classmethod
    def from_json(cls, entry: Mapping[str, Any]) -> StatusEntryRef:
        if entry.get("type") != "BitstringStatusListEntry":
            raise StatusListError(f"Unsupported credential status type {entry.get('type')!r}.")
        try:
            index = int(str(entry["statusListIndex"]))
            url = str(entry["statusListCredential"])
        except (KeyError, ValueError):
            raise StatusListError(
                "The credential's status entry lacks a list URL or a numeric index."
            ) from None
        if index < 0:
            raise StatusListError("The credential's status index is negative.")
        return cls(url, index, str(entry.get("statusPurpose", "")))


def build_status_list_credential(
    *,
    list_url: str,
    issuer: str | Mapping[str, Any],
    bits: bytes | bytearray,
    key: SigningKey,
    valid_from: datetime,
    valid_until: datetime | None = None,
    purpose: str = REVOCATION,
    ttl_ms: int | None = None,
    verification_method: str | None = None,
) -> dict[str, Any]:
    """A BitstringStatusListCredential for `bits`, signed by the issuer key with eddsa-rdfc-2022."""
    subject: dict[str, Any] = {
        "id": f"{list_url}#list",
        "type": "BitstringStatusList",
        "statusPurpose": purpose,
        "encodedList": encode_bits(bits),
    }
    if ttl_ms is not None:
        subject["ttl"] = ttl_ms
    credential: dict[str, Any] = {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": dict(issuer) if isinstance(issuer, Mapping) else issuer,
        "validFrom": xsd_datetime(valid_from),
        "credentialSubject": subject,
    }
    if valid_until is not None:
        credential["validUntil"] = xsd_datetime(valid_until)
    return add_proof(
        credential, key, cryptosuite=RDFC, created=valid_from, verification_method=verification_method
    )


def status_of(list_credential: Mapping[str, Any], entry: StatusEntryRef) -> bool:
    """True when the entry's bit is set (revoked, for a revocation list). Purpose and bounds are checked."""
    subject = list_credential.get("credentialSubject")
    if not isinstance(subject, Mapping) or subject.get("type") != "BitstringStatusList":
        raise StatusListError("The status list credential has no BitstringStatusList subject.")
    if subject.get("statusPurpose") != entry.purpose:
        raise StatusListError(
            f"The credential's status purpose '{entry.purpose}' does not match the list's "
            f"'{subject.get('statusPurpose')}'."
        )
    if list_credential.get("id") != entry.list_url:
        raise StatusListError("The status list credential is not the one the credential points at.")
    return get_bit(decode_bits(str(subject.get("encodedList", ""))), entry.index)


@dataclass(frozen=True)
class IndexRange:
    """Indexes [start, end) of one status list, pre-allocated by the registry to one approver station."""

    list_url: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise StatusListError(f"Empty or negative index range {self.start}-{self.end}.")


def next_free_index(
    index_range: IndexRange, used: Collection[int], *, rng: random.Random | None = None
) -> int:
    """A free index in the range: the lowest one, or (with rng) a random one, as the specification recommends
    so that index order reveals nothing about issuance order. Raises StatusIndexesExhausted when none is
    left."""
    taken = {i for i in used if index_range.start <= i < index_range.end}
    size = index_range.end - index_range.start
    if len(taken) >= size:
        raise StatusIndexesExhausted(index_range.list_url, index_range.start, index_range.end)
    if rng is None:
        return next(i for i in range(index_range.start, index_range.end) if i not in taken)
    for _ in range(64):  # random probes find a slot fast while the range is mostly empty
        candidate = rng.randrange(index_range.start, index_range.end)
        if candidate not in taken:
            return candidate
    offset = rng.randrange(size)  # nearly full: scan once from a random point
    return next(
        index_range.start + (offset + k) % size
        for k in range(size)
        if index_range.start + (offset + k) % size not in taken
    )
