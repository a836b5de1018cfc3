"""Multibase (base58btc `z`, base64url `u`), Ed25519 Multikey values and `did:key` identifiers."""

from __future__ import annotations

import base64

from assessdesk.domain.errors import InvalidInput

# Bitcoin's base58 alphabet, as multibase `z` uses it (draft-multiformats-multibase, base58btc).
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {ch: i for i, ch in enumerate(_B58)}

# Multicodec varint prefixes (multiformats/multicodec table.csv): ed25519-pub 0xed, ed25519-priv 0x1300.
ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rest = divmod(number, 58)
        out.append(_B58[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))  # each leading zero byte is a leading '1'
    return "1" * zeros + "".join(reversed(out))


def b58decode(text: str) -> bytes:
    number = 0
    for ch in text:
        try:
            number = number * 58 + _B58_INDEX[ch]
        except KeyError:
            raise InvalidInput(f"'{ch}' is not a base58 character", where="multibase value") from None
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + body


def multibase_encode(data: bytes, base: str = "z") -> str:
    if base == "z":
        return "z" + b58encode(data)
    if base == "u":
        return "u" + base64.urlsafe_b64encode(data).rstrip(b"=").decode()
    raise ValueError(f"unsupported multibase prefix {base!r}")


def multibase_decode(text: str) -> bytes:
    if not text:
        raise InvalidInput("empty value", where="multibase value")
    prefix, body = text[0], text[1:]
    if prefix == "z":
        return b58decode(body)
    if prefix == "u":
        try:
            return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except ValueError as exc:
            raise InvalidInput(f"not base64url: {exc}", where="multibase value") from None
    raise InvalidInput(f"unsupported multibase prefix '{prefix}'", where="multibase value")


def public_key_multibase(public_raw: bytes) -> str:
    """The Multikey `publicKeyMultibase` of a raw 32-byte Ed25519 public key (`z6Mk...`)."""
    if len(public_raw) != 32:
        raise InvalidInput("an Ed25519 public key is 32 bytes", where="public key")
    return multibase_encode(ED25519_PUB_PREFIX + public_raw)


def decode_public_key_multibase(value: str) -> bytes:
    raw = multibase_decode(value)
    if not raw.startswith(ED25519_PUB_PREFIX) or len(raw) != 34:
        raise InvalidInput("not an Ed25519 public key (multicodec 0xed01)", where="publicKeyMultibase")
    return raw[2:]


def decode_private_key_multibase(value: str) -> bytes:
    raw = multibase_decode(value)
    if not raw.startswith(ED25519_PRIV_PREFIX) or len(raw) != 34:
        raise InvalidInput("not an Ed25519 private key (multicodec 0x1300)", where="secretKeyMultibase")
    return raw[2:]


def did_key(public_raw: bytes) -> str:
    """`did:key:z6Mk...` for an Ed25519 public key (W3C CCG did:key method)."""
    return "did:key:" + public_key_multibase(public_raw)


def did_key_verification_method(public_raw: bytes) -> str:
    """The verification method id a did:key document gives its one key: `did:key:<mb>#<mb>`."""
    value = public_key_multibase(public_raw)
    return f"did:key:{value}#{value}"


def public_key_from_did_key(identifier: str) -> bytes:
    """The raw Ed25519 public key inside a did:key DID or verification method id; the fragment must match."""
    if not identifier.startswith("did:key:"):
        raise InvalidInput("not a did:key identifier", where=identifier)
    did, _, fragment = identifier.partition("#")
    value = did[len("did:key:") :]
    if fragment and fragment != value:
        raise InvalidInput("the key fragment does not match the DID", where=identifier)
    return decode_public_key_multibase(value)
