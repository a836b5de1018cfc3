"""Segmented, crash-safe video recording: encoders, sinks, the recorder, recovery, disk space and read-back."""

from assessdesk.services.recording.encoders import (
    Encoder,
    EncoderFailed,
    FfmpegH264Encoder,
    OpenCvEncoder,
    choose_encoder,
    default_ffmpeg_path,
)
from assessdesk.services.recording.reader import EvidenceUnreadable, SegmentReader
from assessdesk.services.recording.recorder import Marker, RecordingStopped, SegmentedRecorder
from assessdesk.services.recording.recovery import scan_unfinished, seal_recovered
from assessdesk.services.recording.segments import ClosedSegment, closed_segments
from assessdesk.services.recording.sinks import (
    BinaryWriter,
    FileSink,
    SinkFactory,
    open_file_sink,
    sha256_file,
)
from assessdesk.services.recording.space import DiskSpaceLow, check_space, disk_free, estimate_bytes

__all__ = [
    "BinaryWriter", "ClosedSegment", "DiskSpaceLow", "Encoder", "EncoderFailed", "EvidenceUnreadable",
    "FfmpegH264Encoder", "FileSink", "Marker", "OpenCvEncoder", "RecordingStopped", "SegmentReader",
    "SegmentedRecorder", "SinkFactory", "check_space", "choose_encoder", "closed_segments", "default_ffmpeg_path",
    "disk_free", "estimate_bytes", "open_file_sink", "scan_unfinished", "seal_recovered", "sha256_file",
]
