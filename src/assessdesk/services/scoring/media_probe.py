"""Does a recorded segment carry a sound track? Read from the container's own stream table, never by decoding."""

from __future__ import annotations

import struct
from typing import BinaryIO

# How much of a segment's start is read. ffmpeg's MPEG-TS muxer writes the PAT and PMT as the first packets, and
# an AVI's stream headers sit in the `hdrl` list at the front; 64 KiB covers both with a wide margin.
HEAD_BYTES = 64 * 1024
TS_PACKET = 188
TS_SYNC = 0x47
# ISO/IEC 13818-1 (MPEG-2 Systems), Table 2-34 "Stream type assignments": 0x03 MPEG-1 audio, 0x04 MPEG-2 audio,
# 0x0F AAC with ADTS transport, 0x11 MPEG-4 audio with LATM transport, 0x1C MPEG-4 audio without extra transport;
# 0x81 AC-3 and 0x87 E-AC-3 as registered by ATSC A/52 (Annex A).
TS_AUDIO_STREAM_TYPES = frozenset({0x03, 0x04, 0x0F, 0x11, 0x1C, 0x81, 0x87})
# Private PES (stream_type 0x06) carries audio when it has one of these descriptors (ETSI EN 300 468, Table 12:
# 0x6A AC-3, 0x7A enhanced AC-3, 0x7B DTS, 0x7C AAC).
TS_AUDIO_DESCRIPTORS = frozenset({0x6A, 0x7A, 0x7B, 0x7C})
MP4_MOOV_LIMIT = 16 * 1024 * 1024  # a moov box larger than this is not something our encoders write


def has_sound_track(stream: BinaryIO) -> bool | None:
    """True when the container declares an audio stream, False when it declares only others, None when the format
    is not one this reads (MPEG-TS from the ffmpeg encoder, Motion-JPEG from the OpenCV fallback (pictures only),
    AVI from older fallback recordings, MP4 from imports)."""
    head = stream.read(HEAD_BYTES)
    if head[:3] == b"\xff\xd8\xff":  # a raw Motion-JPEG stream holds pictures and nothing else
        return False
    if len(head) >= TS_PACKET and head[0] == TS_SYNC and (len(head) < 2 * TS_PACKET or head[TS_PACKET] == TS_SYNC):
        return _ts_has_audio(head)
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return _avi_has_audio(head)
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide"):
        return _mp4_has_audio(stream, head)
    return None


def _ts_payloads(head: bytes, pid: int) -> bytes:
    """The payload of the first section on `pid` (PSI: pointer field skipped), joined across continuation packets."""
    out = bytearray()
    for at in range(0, len(head) - TS_PACKET + 1, TS_PACKET):
        packet = head[at:at + TS_PACKET]
        if packet[0] != TS_SYNC or ((packet[1] & 0x1F) << 8 | packet[2]) != pid:
            continue
        start = bool(packet[1] & 0x40)
        adaptation = (packet[3] >> 4) & 0x3
        body = 4
        if adaptation in (2, 3):
            body += 1 + packet[4]
        if adaptation == 2 or body >= TS_PACKET:
            continue
        payload = packet[body:]
        if start:
            if out:
                break  # the next section begins: the first one is complete
            payload = payload[1 + payload[0]:]  # pointer_field
        elif not out:
            continue  # a continuation of a section that began before the bytes read
        out += payload
    return bytes(out)


def _section(data: bytes) -> bytes | None:
    """A PSI section's body between its 8-byte header and its CRC (13818-1, 2.4.4.3 and 2.4.4.8)."""
    if len(data) < 12:
        return None
    length = ((data[1] & 0x0F) << 8) | data[2]
    end = 3 + length - 4
    return data[8:end] if end <= len(data) and end > 8 else None


def _ts_has_audio(head: bytes) -> bool | None:
    pat = _section(_ts_payloads(head, 0))
    if pat is None:
        return None
    pmt_pids = [((pat[i + 2] & 0x1F) << 8) | pat[i + 3] for i in range(0, len(pat) - 3, 4)
                if (pat[i] << 8 | pat[i + 1]) != 0]  # program 0 names the network PID, not a PMT
    found_any = False
    for pid in pmt_pids:
        pmt = _section(_ts_payloads(head, pid))
        if pmt is None or len(pmt) < 4:
            continue
        found_any = True
        at = 4 + (((pmt[2] & 0x0F) << 8) | pmt[3])  # PCR_PID (2) + program_info_length (2) + program info
        while at + 5 <= len(pmt):
            stream_type, info_len = pmt[at], ((pmt[at + 3] & 0x0F) << 8) | pmt[at + 4]
            descriptors = pmt[at + 5:at + 5 + info_len]
            if stream_type in TS_AUDIO_STREAM_TYPES:
                return True
            if stream_type == 0x06 and _descriptor_tags(descriptors) & TS_AUDIO_DESCRIPTORS:
                return True
            at += 5 + info_len
    return False if found_any else None


def _descriptor_tags(data: bytes) -> set[int]:
    tags, at = set(), 0
    while at + 2 <= len(data):
        tags.add(data[at])
        at += 2 + data[at + 1]
    return tags


def _avi_has_audio(head: bytes) -> bool | None:
    """Each stream of an AVI has a `strh` chunk whose fccType says 'vids' or 'auds' (AVI RIFF reference)."""
    kinds = []
    at = head.find(b"strh")
    while at >= 0 and at + 12 <= len(head):
        kinds.append(head[at + 8:at + 12])
        at = head.find(b"strh", at + 4)
    if not kinds:
        return None
    return b"auds" in kinds


def _mp4_has_audio(stream: BinaryIO, head: bytes) -> bool | None:
    """ISO/IEC 14496-12: walk the top-level boxes to `moov`; a track's `hdlr` handler_type 'soun' is sound."""
    offset = 0
    for _ in range(10_000):  # top-level boxes of one file; bounded all the same
        header = _read_at(stream, head, offset, 16)
        if len(header) < 8:
            return None
        size, kind = struct.unpack(">I4s", header[:8])
        skip = 8
        if size == 1 and len(header) >= 16:
            size, skip = struct.unpack(">Q", header[8:16])[0], 16
        elif size == 0:
            size = -1  # to the end of the file
        if kind == b"moov":
            length = MP4_MOOV_LIMIT if size < 0 else min(size - skip, MP4_MOOV_LIMIT)
            moov = _read_at(stream, head, offset + skip, length)
            handlers = [moov[i + 12:i + 16] for i in _all(moov, b"hdlr")]
            return b"soun" in handlers if handlers else None
        if size < skip:
            return None
        offset += size
    return None


def _all(data: bytes, needle: bytes) -> list[int]:
    out, at = [], data.find(needle)
    while at >= 0:
        out.append(at)
        at = data.find(needle, at + 1)
    return out


def _read_at(stream: BinaryIO, head: bytes, offset: int, length: int) -> bytes:
    """From the bytes already read when they cover the range, else by seeking the stream."""
    if offset + length <= len(head):
        return head[offset:offset + length]
    try:
        stream.seek(offset)
    except (OSError, ValueError):
        return b""
    return stream.read(length)
