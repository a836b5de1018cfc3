"""The encrypted issuer key file an admin exports and approver stations install (scrypt + AES-256-GCM)."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from assessdesk.domain.errors import DomainError, InvalidInput
from assessdesk.trust.canonical import canonical_json
from assessdesk.trust.keys import SigningKey
from assessdesk.trust.multibase import decode_public_key_multibase, public_key_multibase

# History: 1 = issuer profile, current key id, every public key (retired ones too), scrypt + AES-256-GCM over the
#              raw 32-byte Ed25519 private key, the header bound in as associated data.
KEY_FILE_FORMAT = "assessdesk-issuer-key/1"
MIN_PASSPHRASE = 12
# scrypt cost: N=2^15, r=8, p=1 is the interactive-login setting RFC 7914 section 2 discusses (about 32 MiB,
# a tenth of a second); the file may travel by e-mail or USB stick, so guessing must be slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class KeyFileRejected(DomainError):
    """The key file cannot be opened: wrong passphrase, changed file or not a key file."""


@dataclass(frozen=True)
class IssuerKeyBundle:
    """What a key file carries once opened."""

    issuer_id: str
    issuer_name: str
    issuer_url: str | None
    key: SigningKey  # the current key, key_id = its verification method id
    public_keys: Mapping[str, bytes]  # every verification method the issuer has published, current and retired


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _kdf(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(f"must be at least {MIN_PASSPHRASE} characters", where="key file passphrase")


def seal(bundle: IssuerKeyBundle, passphrase: str) -> dict[str, Any]:
    """The key file document for `bundle`, encrypted under `passphrase`."""
    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, Any] = {
        "format": KEY_FILE_FORMAT,
        "issuer": {"id": bundle.issuer_id, "name": bundle.issuer_name, "url": bundle.issuer_url},
        "keyId": bundle.key.key_id,
        "verificationMethods": [{"id": vm, "publicKeyMultibase": public_key_multibase(raw)}
                                for vm, raw in sorted(bundle.public_keys.items())],
        "kdf": {"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce)},
    }
    key = _kdf(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    # The header is associated data: swapping the issuer, key id or public keys breaks decryption.
    ciphertext = AESGCM(key).encrypt(nonce, bundle.key.raw(), canonical_json(header))
    return {**header, "ciphertext": _b64(ciphertext)}


def open_sealed(doc: Mapping[str, Any], passphrase: str) -> IssuerKeyBundle:
    """Decrypt a key file document; raises KeyFileRejected with words an admin understands."""
    if not isinstance(doc, Mapping) or doc.get("format") != KEY_FILE_FORMAT:
        raise KeyFileRejected("This is not an assessdesk issuer key file (or it was made by a newer version).")
    header = {k: v for k, v in doc.items() if k != "ciphertext"}
    try:
        kdf, cipher, issuer = doc["kdf"], doc["cipher"], doc["issuer"]
        if kdf["name"] != "scrypt" or cipher["name"] != "AES-256-GCM":
            raise KeyFileRejected("The key file uses an encryption this version does not support.")
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if not (2**14 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4):
            raise KeyFileRejected("The key file's scrypt parameters are outside the accepted bounds.")
        key = _kdf(passphrase, base64.b64decode(kdf["salt"]), n, r, p)
        raw = AESGCM(key).decrypt(base64.b64decode(cipher["nonce"]), base64.b64decode(doc["ciphertext"]),
                                  canonical_json(header))
        public_keys = {str(m["id"]): decode_public_key_multibase(str(m["publicKeyMultibase"]))
                       for m in doc["verificationMethods"]}
        key_id = str(doc["keyId"])
        issuer_id, issuer_name = str(issuer["id"]), str(issuer["name"])
        issuer_url = issuer.get("url")
    except InvalidTag:
        raise KeyFileRejected("Wrong passphrase, or the key file was changed after it was exported.") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileRejected(f"The key file is damaged ({exc}).") from None
    signing = SigningKey.from_raw(key_id, raw)
    if public_keys.get(key_id) != signing.public_raw():
        raise KeyFileRejected("The key file's private key does not match the public key it names.")
    return IssuerKeyBundle(issuer_id, issuer_name, issuer_url, signing, public_keys)


def write_key_file(path: Path, doc: Mapping[str, Any]) -> None:
    """Write with owner-only permissions: the file is encrypted, but there is no reason to share it."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def read_key_file(path: Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}", where="issuer key file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KeyFileRejected(f"{path} is not a readable key file ({exc}).") from None
