"""Frame sources (camera, video file, test pattern) and sound sources (microphone, test tone) behind one interface
each, and the threads that run them."""

from assessdesk.services.capture.audio import AudioRead, AudioSource, AudioThread, ToneSource
from assessdesk.services.capture.camera import CameraInfo, CameraSource, list_cameras
from assessdesk.services.capture.filesource import VideoFileSource
from assessdesk.services.capture.microphone import (
    AudioInput,
    MicrophoneLost,
    MicrophoneSource,
    MicrophoneUnavailable,
)
from assessdesk.services.capture.source import CameraUnavailable, FrameRead, FrameSource, SourceLost
from assessdesk.services.capture.spec import open_source
from assessdesk.services.capture.synthetic import SyntheticSource, read_counter
from assessdesk.services.capture.thread import CaptureCallbacks, CaptureThread, LatestFrame, LatestFrameBox

__all__ = [
    "AudioInput",
    "AudioRead",
    "AudioSource",
    "AudioThread",
    "CameraInfo",
    "CameraSource",
    "CameraUnavailable",
    "CaptureCallbacks",
    "CaptureThread",
    "FrameRead",
    "FrameSource",
    "LatestFrame",
    "LatestFrameBox",
    "MicrophoneLost",
    "MicrophoneSource",
    "MicrophoneUnavailable",
    "SourceLost",
    "SyntheticSource",
    "ToneSource",
    "VideoFileSource",
    "list_cameras",
    "open_source",
    "read_counter",
]
