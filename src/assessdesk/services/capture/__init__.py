"""Frame sources (camera, video file, test pattern) behind one interface, and the capture thread that runs one."""

from assessdesk.services.capture.camera import CameraInfo, CameraSource, list_cameras
from assessdesk.services.capture.filesource import VideoFileSource
from assessdesk.services.capture.source import CameraUnavailable, FrameRead, FrameSource, SourceLost
from assessdesk.services.capture.spec import open_source
from assessdesk.services.capture.synthetic import SyntheticSource, read_counter
from assessdesk.services.capture.thread import CaptureCallbacks, CaptureThread, LatestFrame, LatestFrameBox

__all__ = [
    "CameraInfo", "CameraSource", "CameraUnavailable", "CaptureCallbacks", "CaptureThread", "FrameRead",
    "FrameSource", "LatestFrame", "LatestFrameBox", "SourceLost", "SyntheticSource", "VideoFileSource",
    "list_cameras", "open_source", "read_counter",
]
