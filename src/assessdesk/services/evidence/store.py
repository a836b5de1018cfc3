"""Content-addressed evidence files: named by the sha256 of their plaintext, encrypted at rest when a key is set."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from assessdesk.domain.errors import DomainError, NotFound

CHUNK = 1024 * 1024
EVIDENCE_KEK = "evidence-kek"  # secret name of the key-encryption key in the station's SecretStore


class EvidenceCorrupt(DomainError):
    pass


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    encrypted: bool
    path: Path


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class HashingWriter:
    """Passes bytes through to `inner` while hashing and counting the plaintext."""

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self._hash.update(data)
        self.size += len(data)
        self._inner.write(data)
        return len(data)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def finish(self) -> None:
        """Close the wrapped writer (an envelope writes its final chunk then)."""
        self._inner.close()


class EvidenceStore:
    """Files under `root/blobs/ab/<sha256>`; never modified once written (the originals stay untouched)."""

    def __init__(self, root: Path, *, kek: bytes | None, key_id: str) -> None:
        self.root = Path(root)
        self._kek = kek
        self._key_id = key_id
        (self.root / "blobs").mkdir(parents=True, exist_ok=True)

    @property
    def encrypted(self) -> bool:
        return self._kek is not None

    @property
    def key_id(self) -> str:
        """The id written into each envelope's header (which key-encryption key wraps its data key)."""
        return self._key_id

    def path_of(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).exists()

    def _writer(self, raw: BinaryIO) -> BinaryIO:
        if self._kek is None:
            return raw
        from assessdesk.trust.envelope import EncryptingWriter

        return EncryptingWriter(raw, self._kek, self._key_id)  # type: ignore[return-value]

    def put_stream(self, chunks: Iterator[bytes]) -> StoredBlob:
        """Write, fsync, then move into place under its plaintext hash (a crash leaves only a temp file)."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=tmp_dir)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as raw:
                out = HashingWriter(self._writer(raw))  # type: ignore[arg-type]
                for chunk in chunks:
                    out.write(chunk)
                if self._kek is not None:
                    out.finish()  # the envelope writes its last chunk
                raw.flush()
                os.fsync(raw.fileno())
            target = self.path_of(out.sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                tmp.unlink()
            else:
                os.replace(tmp, target)
                _fsync_dir(target.parent)
            return StoredBlob(out.sha256, out.size, self.encrypted, target)
        finally:
            if tmp.exists():
                tmp.unlink()

    def put_bytes(self, data: bytes) -> StoredBlob:
        return self.put_stream(iter([data]))

    def put_file(self, src: Path) -> StoredBlob:
        def chunks() -> Iterator[bytes]:
            with open(src, "rb") as f:
                while block := f.read(CHUNK):
                    yield block

        return self.put_stream(chunks())

    def adopt(self, path: Path, *, sha256: str) -> Path:
        """Give a finished evidence file (already in this store's at-rest form) its content-addressed name too.

        A hard link, so the bytes are neither copied nor changed; a copy where links are impossible. `sha256` is
        the plaintext hash the caller computed while the file was written.
        """
        target = self.path_of(sha256)
        if target.exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:  # another file system, or one without hard links
            tmp = target.with_name(target.name + ".adopting")
            shutil.copyfile(path, tmp)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, target)
        _fsync_dir(target.parent)
        return target

    def open(self, sha256: str) -> BinaryIO:
        path = self.path_of(sha256)
        if not path.exists():
            raise NotFound(f"Evidence file {sha256[:12]}… is not on this station.")
        raw = open(path, "rb")  # noqa: SIM115 - the caller closes the returned reader
        if self._kek is None:
            return raw
        from assessdesk.trust.envelope import DecryptingReader

        return DecryptingReader(raw, self._kek)  # type: ignore[return-value]

    def read_bytes(self, sha256: str) -> bytes:
        with self.open(sha256) as f:
            return f.read()

    def verify(self, sha256: str) -> None:
        """Re-hash the plaintext; raise EvidenceCorrupt when the file does not match its name."""
        digest = hashlib.sha256()
        try:
            with self.open(sha256) as f:
                while block := f.read(CHUNK):
                    digest.update(block)
        except DomainError as exc:
            if isinstance(exc, NotFound):
                raise
            raise EvidenceCorrupt(f"Evidence file {sha256[:12]}… cannot be decrypted: {exc}") from exc
        if digest.hexdigest() != sha256:
            raise EvidenceCorrupt(f"Evidence file {sha256[:12]}… does not match its hash.")

    def delete(self, sha256: str) -> None:
        self.path_of(sha256).unlink(missing_ok=True)
