"""Segment encoders: x264 in MPEG-TS through the bundled ffmpeg (preferred), or Motion JPEG from OpenCV as a fallback."""

from __future__ import annotations

import collections
import functools
import os
import queue
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from assessdesk.domain.errors import DomainError
from assessdesk.services.recording.mjpeg import EXTENSION as MJPEG_EXTENSION
from assessdesk.services.recording.sinks import BinaryWriter

# Chosen by measurement (docs/recording.md, benchmarks/recording.py): with tune zerolatency and a keyframe every two
# seconds, "fast" needs ~0.24x the bits of OpenCV's mp4v for the same PSNR on photographic content (superfast ~0.36x,
# ultrafast ~1.4x) for about half a core at 1280x720 30 fps.
# zerolatency turns off B-frames and frame threading: a stream cut by a kill then decodes as an unbroken prefix
# (with B-frames a frame can be missing mid-way) and the encoder holds back no frames; it costs ~25% more bits.
# crf 23 is x264's default quality: about mp4v's PSNR on camera-like content.
DEFAULT_PRESET = "fast"
DEFAULT_TUNE = "zerolatency"
DEFAULT_CRF = 23
# The fallback's JPEG quality: text on a whiteboard or a screen stays legible (about 42 dB PSNR on the
# photographic demo clip, 0.77 bits per pixel per frame with optimised Huffman tables; docs/recording.md).
DEFAULT_JPEG_QUALITY = 80
STALL_SECONDS = 10.0  # an encoder that takes no input for this long is considered hung
AUDIO_WAIT_S = 0.3  # how long a frame may wait for sound before silence is fed in
AUDIO_FILL_S = 0.5  # how much silence at a time


class EncoderFailed(DomainError):
    """The video encoder stopped working; the segment being written may be incomplete."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message, hint="Recording stopped for this segment. Restart the recording; if it happens "
                                       "again, report it with the station's log.")
        self.detail = detail


@dataclass(frozen=True)
class AudioFormat:
    """Interleaved signed 16-bit samples, as AudioSource chunks deliver them."""

    sample_rate: int = 48_000
    channels: int = 1


class EncoderSession(Protocol):
    def write(self, frame: np.ndarray) -> None: ...

    def write_audio(self, samples: np.ndarray) -> None:
        """int16 samples shaped (n, channels); a session started without audio ignores them."""
        ...

    def finish(self) -> None:
        """Flush every byte into the sink (not closing it); raises EncoderFailed if the stream is incomplete."""
        ...

    def abort(self) -> None: ...


class Encoder(Protocol):
    name: str
    extension: str
    supports_audio: bool

    @property
    def version(self) -> str: ...

    def start(self, *, size: tuple[int, int], fps: float, sink: BinaryWriter, segment_path: Path,
              audio: AudioFormat | None = None) -> EncoderSession: ...


def default_ffmpeg_path() -> str | None:
    """The ffmpeg binary shipped inside the imageio-ffmpeg wheel, or one on PATH, or None."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return shutil.which("ffmpeg")


@functools.lru_cache(maxsize=8)
def _probe_ffmpeg(path: str) -> str | None:
    """ffmpeg's version word if the binary runs and has libx264, else None."""
    try:
        out = subprocess.run([path, "-hide_banner", "-version"], capture_output=True, timeout=15, check=True)
        encoders = subprocess.run([path, "-hide_banner", "-encoders"], capture_output=True, timeout=15, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    if b"libx264" not in encoders.stdout:
        return None
    first = out.stdout.decode(errors="replace").splitlines()[0] if out.stdout else "ffmpeg"
    parts = first.split()
    return parts[2] if len(parts) > 2 and parts[0] == "ffmpeg" else first


class _FfmpegSession:
    """One ffmpeg process: raw BGR frames in on stdin, MPEG-TS out on stdout, copied into the sink by a pump thread."""

    def __init__(self, argv: list[str], sink: BinaryWriter, *, audio_fd: tuple[int, int] | None = None,
                 audio: AudioFormat | None = None) -> None:
        self._sink = sink
        self._audio_format = audio
        self.silence_injected = 0  # samples of silence the watchdog fed in so a stalled microphone stalls nothing
        self._stderr: collections.deque[str] = collections.deque(maxlen=20)
        self._pump_error: BaseException | None = None
        self._audio_w: int | None = None
        try:
            self._proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0,
                pass_fds=(audio_fd[0],) if audio_fd else (),
                # its own session: a Ctrl-C aimed at the app must not cut the encoder off before we flush it
                start_new_session=(os.name == "posix"))
        finally:
            if audio_fd:
                os.close(audio_fd[0])  # the child has its copy of the read end
        # Sound has its own feeding thread: ffmpeg opens and reads its inputs independently (at start-up it
        # waits for sound before it takes more than a few frames), so one thread feeding both would deadlock.
        self._audio_queue: queue.Queue[np.ndarray | None] = queue.Queue(maxsize=200)
        self.audio_refused = 0  # samples refused because ffmpeg stopped taking sound
        self._audio_feeder: threading.Thread | None = None
        if audio_fd:
            self._audio_w = audio_fd[1]
            self._audio_feeder = threading.Thread(target=self._feed_audio, name="ffmpeg-audio", daemon=True)
            self._audio_feeder.start()
        self._busy_since = 0.0  # when the write in progress began (0: none), for the watchdog
        self._done = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="ffmpeg-watchdog", daemon=True)
        self._watchdog.start()
        self._pump = threading.Thread(target=self._copy_out, name="ffmpeg-pump", daemon=True)
        self._errs = threading.Thread(target=self._drain_stderr, name="ffmpeg-stderr", daemon=True)
        self._pump.start()
        self._errs.start()

    def _copy_out(self) -> None:
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        try:
            while chunk := os.read(fd, 1 << 18):
                self._sink.write(chunk)
        except BaseException as exc:  # noqa: BLE001 - reported by finish(), on the thread that can act on it
            self._pump_error = exc
            self._proc.kill()

    def _watch(self) -> None:
        # ffmpeg reads its inputs in step: when the sound falls behind the video by more than ~0.1 s it stops
        # taking frames until sound comes. A live microphone catches up within a chunk; a stalled or silent one
        # never does, so after a short wait silence is fed in (counted, and noted in the segment's manifest).
        # A write that still never returns would hang the recorder (and stop() with it): past STALL_SECONDS
        # the encoder is killed, the write fails, and the recording stops with an error the proctor sees.
        last_fill = 0.0
        while not self._done.wait(0.1):
            since = self._busy_since
            now = time.monotonic()
            if not since:
                continue
            if now - since > STALL_SECONDS:
                self._stderr.append(f"no progress for {STALL_SECONDS:.0f} s: encoder stopped")
                self._proc.kill()
                return
            fmt = self._audio_format
            if fmt is not None and self._audio_w is not None and now - since > AUDIO_WAIT_S \
                    and now - last_fill > AUDIO_WAIT_S:
                gap = int(AUDIO_FILL_S * fmt.sample_rate)
                try:
                    self._audio_queue.put_nowait(np.zeros((gap, fmt.channels), np.int16))
                    self.silence_injected += gap
                    last_fill = now
                except queue.Full:
                    pass

    def _drain_stderr(self) -> None:
        assert self._proc.stderr is not None
        for line in self._proc.stderr:
            self._stderr.append(line.decode(errors="replace").rstrip())

    def _failure(self, what: str) -> EncoderFailed:
        return EncoderFailed(f"The video encoder failed ({what}).", detail="\n".join(self._stderr))

    def write(self, frame: np.ndarray) -> None:
        assert self._proc.stdin is not None
        self._busy_since = time.monotonic()
        try:
            self._proc.stdin.write(memoryview(np.ascontiguousarray(frame)).cast("B"))
        except (BrokenPipeError, ValueError, OSError) as exc:
            self._errs.join(timeout=2)
            raise self._failure(f"it stopped taking frames: {exc}") from exc
        finally:
            self._busy_since = 0.0

    def write_audio(self, samples: np.ndarray) -> None:
        if self._audio_w is None:
            return
        try:
            self._audio_queue.put_nowait(np.ascontiguousarray(samples, dtype=np.int16))
        except queue.Full:  # ffmpeg has stopped reading sound: the video must not wait for it
            self.audio_refused += int(samples.shape[0])

    def _feed_audio(self) -> None:
        assert self._audio_w is not None
        fd = self._audio_w
        try:
            while (chunk := self._audio_queue.get()) is not None:
                data = memoryview(chunk).cast("B")
                while data:
                    data = data[os.write(fd, data):]
        except OSError:
            self._stderr.append("the encoder stopped taking sound")
        finally:
            os.close(fd)

    def _close_audio(self) -> None:
        if self._audio_w is not None and self._audio_feeder is not None:
            self._audio_w = None
            while True:  # make room for the end marker even if ffmpeg stopped reading
                try:
                    self._audio_queue.put_nowait(None)
                    break
                except queue.Full:
                    self._audio_queue.get_nowait()

    def finish(self, timeout: float = 60.0) -> None:
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.close()
        except OSError:
            pass  # it already exited; the return code below says how
        self._close_audio()
        try:
            code = self._proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self._proc.kill()
            self._proc.wait(timeout=10)
            raise self._failure("it did not finish in time") from exc
        self._done.set()
        self._pump.join(timeout=timeout)
        self._errs.join(timeout=5)
        if self._audio_feeder is not None:
            self._audio_feeder.join(timeout=5)
        if self._pump_error is not None:
            raise self._failure(f"the segment could not be written: {self._pump_error}") from self._pump_error
        if code != 0:
            raise self._failure(f"exit code {code}")

    def abort(self) -> None:
        self._done.set()
        self._close_audio()
        self._proc.kill()
        self._proc.wait(timeout=10)
        self._pump.join(timeout=10)


class FfmpegH264Encoder:
    """H.264 (libx264) in MPEG-TS: a killed recorder leaves a stream that still decodes up to its last packet."""

    name = "ffmpeg-libx264"
    extension = ".ts"
    supports_audio = True

    def __init__(self, *, ffmpeg_path: str | None = None, crf: float = DEFAULT_CRF, preset: str = DEFAULT_PRESET,
                 tune: str = DEFAULT_TUNE, keyframe_seconds: float = 2.0, threads: int = 0) -> None:
        self.ffmpeg_path = ffmpeg_path if ffmpeg_path is not None else default_ffmpeg_path()
        self.crf = crf
        self.preset = preset
        self.tune = tune
        self.keyframe_seconds = keyframe_seconds
        self.threads = threads

    def available(self) -> bool:
        return bool(self.ffmpeg_path) and _probe_ffmpeg(str(self.ffmpeg_path)) is not None

    @property
    def version(self) -> str:
        found = _probe_ffmpeg(str(self.ffmpeg_path)) if self.ffmpeg_path else None
        return f"ffmpeg {found or 'unavailable'}; libx264 preset={self.preset} tune={self.tune} crf={self.crf}"

    def argv(self, *, size: tuple[int, int], fps: float, audio: AudioFormat | None = None,
             audio_pipe: int = 3) -> list[str]:
        gop = max(1, round(fps * self.keyframe_seconds))
        audio_in = ["-f", "s16le", "-ar", str(audio.sample_rate), "-ac", str(audio.channels),
                    "-i", f"pipe:{audio_pipe}"] if audio else []
        # AAC-LC at 64 kbit/s per channel: speech is clear, and the muxer must not hold video back waiting for
        # sound for longer than half a second (so a kill still finds the video on disk)
        audio_out = ["-map", "0:v", "-map", "1:a", "-c:a", "aac", "-b:a", f"{64 * audio.channels}k",
                     "-max_interleave_delta", "500000"] if audio else []
        return [str(self.ffmpeg_path), "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{size[0]}x{size[1]}", "-r", f"{fps:g}",
                "-i", "pipe:0", *audio_in, *audio_out,
                "-c:v", "libx264", "-preset", self.preset, *(["-tune", self.tune] if self.tune else []),
                "-crf", str(self.crf), "-pix_fmt", "yuv420p",
                "-g", str(gop), "-threads", str(self.threads),
                # small packets flushed as made: a kill loses well under a second, not a 32 KiB buffer
                "-flush_packets", "1", "-f", "mpegts", "pipe:1"]

    def start(self, *, size: tuple[int, int], fps: float, sink: BinaryWriter, segment_path: Path,
              audio: AudioFormat | None = None) -> EncoderSession:
        if not self.available():
            raise EncoderFailed(f"ffmpeg cannot run from {self.ffmpeg_path!s}.")
        pipe = os.pipe() if audio else None
        try:
            argv = self.argv(size=size, fps=fps, audio=audio, audio_pipe=pipe[0] if pipe else 3)
            return _FfmpegSession(argv, sink, audio_fd=pipe, audio=audio)
        except OSError as exc:
            if pipe:
                os.close(pipe[1])
            raise EncoderFailed(f"ffmpeg could not be started: {exc}") from exc


class _MjpegSession:
    """Each frame is JPEG-encoded in memory and its bytes go straight into the sink: nothing is staged on disk."""

    def __init__(self, sink: BinaryWriter, params: list[int]) -> None:
        self._sink = sink
        self._params = params

    def write(self, frame: np.ndarray) -> None:
        ok, jpeg = cv2.imencode(".jpg", frame, self._params)
        if not ok:
            raise EncoderFailed("OpenCV could not encode a frame as JPEG.")
        try:
            self._sink.write(jpeg.tobytes())
        except OSError as exc:
            raise EncoderFailed(f"the segment could not be written: {exc}") from exc

    def write_audio(self, samples: np.ndarray) -> None:
        """Motion JPEG has no sound track: the recorder notes that the segment has no audio."""

    def finish(self) -> None:
        """Every frame is in the sink the moment write() returns."""

    def abort(self) -> None:
        """Nothing is held back."""


class OpenCvEncoder:
    """Motion JPEG (JPEG images back to back, see services/recording/mjpeg.py) from cv2.imencode, used when no
    ffmpeg can run. Every frame is encoded in memory and written through the sink at once, so with an encrypting
    sink no plain frame reaches the disk, and a killed recorder leaves whole frames up to the last one written.
    It carries no sound, and needs ten to twenty times the bits of H.264 (docs/recording.md).
    """

    name = "opencv-mjpeg"
    extension = MJPEG_EXTENSION
    supports_audio = False

    def __init__(self, *, quality: int = DEFAULT_JPEG_QUALITY) -> None:
        if not 1 <= quality <= 100:
            raise ValueError("JPEG quality is 1..100")
        self.quality = quality

    @property
    def version(self) -> str:
        return f"opencv {cv2.__version__}; jpeg quality={self.quality} optimized huffman"

    def start(self, *, size: tuple[int, int], fps: float, sink: BinaryWriter, segment_path: Path,
              audio: AudioFormat | None = None) -> EncoderSession:
        return _MjpegSession(sink, [cv2.IMWRITE_JPEG_QUALITY, self.quality, cv2.IMWRITE_JPEG_OPTIMIZE, 1])


def choose_encoder(*, ffmpeg_path: str | None = None, crf: float = DEFAULT_CRF,
                   preset: str = DEFAULT_PRESET) -> FfmpegH264Encoder | OpenCvEncoder:
    """H.264 when ffmpeg runs, else the OpenCV fallback."""
    h264 = FfmpegH264Encoder(ffmpeg_path=ffmpeg_path, crf=crf, preset=preset)
    return h264 if h264.available() else OpenCvEncoder()
