"""Reading an evidence package the same way whether it is a folder, a zip file or (in tests) a dict in memory."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Protocol

from assessdesk.domain.errors import InvalidInput, NotFound


class PackageFiles(Protocol):
    def names(self) -> list[str]:
        """Every file in the package, as 'folder/name' with forward slashes."""
        ...

    def read(self, name: str) -> bytes | None: ...

    def digest(self, name: str) -> tuple[str, int] | None:
        """(sha256, size) of a file, streamed; None when it is not there."""
        ...


def _digest_stream(stream: object) -> tuple[str, int]:
    sha = hashlib.sha256()
    size = 0
    while block := stream.read(1 << 20):  # type: ignore[attr-defined]
        sha.update(block)
        size += len(block)
    return sha.hexdigest(), size


class FolderPackage:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, name: str) -> Path | None:
        path = (self.root / name).resolve()
        root = self.root.resolve()
        if root not in path.parents or not path.is_file():
            return None
        return path

    def names(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())

    def read(self, name: str) -> bytes | None:
        path = self._path(name)
        return path.read_bytes() if path else None

    def open_member(self, name: str) -> BinaryIO:
        path = self._path(name)
        if path is None:
            raise NotFound(f"{name} is not in the package.")
        return open(path, "rb")

    def digest(self, name: str) -> tuple[str, int] | None:
        path = self._path(name)
        if path is None:
            return None
        with open(path, "rb") as f:
            return _digest_stream(f)


class ZipPackage:
    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InvalidInput(f"not a readable zip file ({exc})", where=str(path)) from exc
        self._names = {i.filename: i for i in self._zip.infolist() if not i.is_dir()}

    def names(self) -> list[str]:
        return sorted(self._names)

    def read(self, name: str) -> bytes | None:
        if name not in self._names:
            return None
        try:
            return self._zip.read(name)
        except (zipfile.BadZipFile, OSError, ValueError):  # a damaged member reads as a changed file
            return b""

    def open_member(self, name: str) -> BinaryIO:
        """A seekable reader (segments are stored uncompressed, so seeking is cheap)."""
        if name not in self._names:
            raise NotFound(f"{name} is not in the package.")
        return self._zip.open(name)  # type: ignore[return-value]

    def digest(self, name: str) -> tuple[str, int] | None:
        if name not in self._names:
            return None
        try:
            with self._zip.open(name) as f:
                return _digest_stream(f)
        except (zipfile.BadZipFile, OSError, ValueError):  # a CRC failure: the bytes were changed
            return ("", -1)

    def close(self) -> None:
        self._zip.close()


class MemoryPackage:
    """A package held as a dict (the mutation test changes copies of it without touching the disk)."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = dict(files)

    def names(self) -> list[str]:
        return sorted(self.files)

    def read(self, name: str) -> bytes | None:
        return self.files.get(name)

    def digest(self, name: str) -> tuple[str, int] | None:
        data = self.files.get(name)
        return None if data is None else (hashlib.sha256(data).hexdigest(), len(data))


def open_package(path: Path) -> FolderPackage | ZipPackage:
    path = Path(path)
    if path.is_dir():
        return FolderPackage(path)
    if path.is_file():
        return ZipPackage(path)
    raise InvalidInput("there is no evidence package here", where=str(path),
                       hint="Give the folder or .zip file that 'assessdesk evidence export' wrote.")
