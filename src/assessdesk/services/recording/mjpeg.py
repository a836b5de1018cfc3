"""Motion JPEG as the fallback encoder writes it: whole JPEG images back to back (what ffmpeg calls `mjpeg`), with
no container. Every image stands alone, so a stream cut anywhere holds whole frames up to the cut, and it reads
back without ffmpeg: the stream is split into images by walking their markers, and each is decoded by OpenCV.
"""

from __future__ import annotations

from typing import BinaryIO

import cv2
import numpy as np

from assessdesk.domain.errors import DomainError

EXTENSION = ".mjpeg"
SOI = b"\xff\xd8"
_EOI, _SOS, _TEM = 0xD9, 0xDA, 0x01
_RST = range(0xD0, 0xD8)  # restart markers: no length, and allowed inside entropy-coded data
_READ = 256 * 1024
MAX_IMAGE_BYTES = 64 * 1024 * 1024  # far above any frame a camera gives; a stream claiming more is not one of ours


class NotJpeg(ValueError):
    """The bytes at this point of the stream are not a JPEG image."""


def image_end(data: bytes | bytearray, start: int = 0) -> int | None:
    """Where the JPEG image that begins at `data[start]` ends (just past its EOI marker); None when `data` ends
    first. Raises NotJpeg when the bytes are not a JPEG image.

    ITU-T T.81 Annex B: a marker is 0xFF, optional 0xFF fill bytes, then a code that is neither 0x00 nor 0xFF.
    SOI, EOI, RSTn and TEM stand alone; every other marker is followed by a two-byte length that counts itself.
    An SOS header is followed by entropy-coded data, in which a data byte 0xFF is written as FF 00 and restart
    markers may appear; any other marker ends it.
    """
    end = len(data)
    if end - start < 2:
        return None
    if data[start:start + 2] != SOI:
        raise NotJpeg("no JPEG image starts here")
    at = start + 2
    while at < end:  # every pass moves `at` forward
        if data[at] != 0xFF:
            raise NotJpeg(f"a marker was expected at byte {at - start} of the image")
        while at < end and data[at] == 0xFF:
            at += 1
        if at >= end:
            return None
        code = data[at]
        at += 1
        if code == _EOI:
            return at
        if code in (0x00, SOI[1]):
            raise NotJpeg(f"marker 0x{code:02X} cannot appear here")
        if code in _RST or code == _TEM:
            continue
        if at + 2 > end:
            return None
        length = data[at] << 8 | data[at + 1]
        if length < 2:
            raise NotJpeg(f"marker 0x{code:02X} has a length of {length}")
        at += length
        if code == _SOS:
            at = _entropy_end(data, at)
            if at < 0:
                return None
    return None


def _entropy_end(data: bytes | bytearray, at: int) -> int:
    """Index of the marker that ends the entropy-coded data starting at `at`, or -1 when `data` ends first."""
    end = len(data)
    while at < end:  # every pass moves `at` forward
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= end:
            return -1
        follower = data[at + 1]
        if follower != 0x00 and follower not in _RST:
            return at
        at += 2
    return -1


class MjpegCapture:
    """cv2.VideoCapture's isOpened/grab/read/release over a Motion-JPEG byte stream (a plain file, or a decrypting
    reader: nothing is written anywhere). grab() only finds the next image, so skipping forward is cheap; read()
    decodes it. A stream that ends mid-image ends after the last whole one; bytes that are not JPEG end it too."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._buf = bytearray()
        self._ended = False
        self._image = b""
        self._fill()
        self._opened = bytes(self._buf[:2]) == SOI

    def _fill(self) -> bool:
        """Read more of the stream into the buffer; False at its end (or when it cannot be read any further)."""
        if self._ended:
            return False
        try:
            chunk = self._stream.read(max(_READ, len(self._buf)))  # doubling: rescans stay linear overall
        except (OSError, ValueError, DomainError):  # a damaged or tampered envelope chunk ends the stream there
            chunk = b""
        if not chunk:
            self._ended = True
            return False
        self._buf += chunk
        return True

    def isOpened(self) -> bool:  # cv2.VideoCapture's name
        return self._opened

    def grab(self) -> bool:
        self._image = b""
        if not self._opened:
            return False
        while len(self._buf) <= MAX_IMAGE_BYTES:  # bounded: each pass reads more or returns
            try:
                end = image_end(self._buf)
            except NotJpeg:
                self._opened = False
                return False
            if end is not None:
                self._image = bytes(self._buf[:end])
                del self._buf[:end]
                return True
            if not self._fill():
                return False
        self._opened = False
        return False

    def retrieve(self) -> tuple[bool, np.ndarray | None]:
        if not self._image:
            return False, None
        try:
            frame = cv2.imdecode(np.frombuffer(self._image, np.uint8), cv2.IMREAD_COLOR)
        except cv2.error:
            frame = None
        return frame is not None, frame

    def read(self) -> tuple[bool, np.ndarray | None]:
        return self.retrieve() if self.grab() else (False, None)

    def release(self) -> None:
        self._opened = False
        self._buf.clear()
        self._stream.close()
