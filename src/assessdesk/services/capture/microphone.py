"""The station's default microphone as an AudioSource, read through the input devices of the bundled ffmpeg."""

from __future__ import annotations

import collections
import functools
import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

import numpy as np

from assessdesk.domain.errors import DomainError
from assessdesk.services.capture.audio import AudioRead
from assessdesk.services.recording.encoders import default_ffmpeg_path

log = logging.getLogger(__name__)

OPEN_TIMEOUT_S = 3.0  # a working microphone delivers its first samples well within this
STALL_S = 0.5  # read() returns "nothing yet" after this, so the reading thread can be stopped


class MicrophoneUnavailable(DomainError):
    """No microphone could be opened: none is plugged in, the system's sound service is not running, or the
    operating system blocks the app from it."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message, hint="Plug in a microphone or headset, check that it is not muted or blocked "
                                       "for this app in the system's privacy settings, then start again.")
        self.detail = detail


class MicrophoneLost(DomainError):
    """The microphone stopped delivering sound while recording (unplugged, or the sound service stopped)."""


@dataclass(frozen=True)
class AudioInput:
    """One way to reach a capture device through ffmpeg: `-f <fmt> [options] -i <device>`."""

    fmt: str
    device: str
    options: tuple[str, ...] = ()  # input options placed before -i (e.g. a device's "-sample_rate", "44100")


@functools.lru_cache(maxsize=4)
def input_formats(ffmpeg: str) -> frozenset[str]:
    """The input devices (demuxers) this ffmpeg binary was built with, e.g. {"pulse", "alsa", "lavfi"}."""
    try:
        out = subprocess.run([ffmpeg, "-hide_banner", "-devices"], capture_output=True, timeout=15, check=True)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    found = set()
    for line in out.stdout.decode(errors="replace").splitlines():
        match = re.match(r"^\s*D[E ]?\s+(\S+)", line)
        if match:
            found.update(match.group(1).split(","))
    return frozenset(found)


def _dshow_default(ffmpeg: str) -> str | None:
    """Windows has no "default" name for DirectShow: take the first audio capture device ffmpeg lists."""
    try:
        out = subprocess.run([ffmpeg, "-hide_banner", "-list_devices", "true", "-f", "dshow", "-i", "dummy"],
                             capture_output=True, timeout=15, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.stderr.decode(errors="replace").splitlines():
        match = re.search(r'"([^"]+)"\s*\(audio\)', line)
        if match:
            return match.group(1)
    return None


def default_inputs(ffmpeg: str, platform: str = sys.platform) -> list[AudioInput]:
    """Where the system's default microphone is, per platform, in the order to try (device names from ffmpeg's
    input-device documentation: PulseAudio's and ALSA's "default", AVFoundation's "none:default" for no video
    and the default audio device, DirectShow's "audio=<name>")."""
    have = input_formats(ffmpeg)
    if platform.startswith("linux"):
        # PulseAudio, or PipeWire through its PulseAudio service, on a desktop; bare ALSA otherwise
        return [AudioInput(fmt, "default") for fmt in ("pulse", "alsa") if fmt in have]
    if platform == "darwin":
        return [AudioInput("avfoundation", "none:default")] if "avfoundation" in have else []
    if platform.startswith("win") and "dshow" in have:
        name = _dshow_default(ffmpeg)
        return [AudioInput("dshow", f"audio={name}")] if name else []
    return []


class MicrophoneSource:
    """Meets AudioSource: int16 chunks of `chunk_seconds` from the default microphone, resampled by ffmpeg to
    `sample_rate` and `channels`. `open()` raises MicrophoneUnavailable when no input delivers sound."""

    def __init__(self, *, sample_rate: int = 48_000, channels: int = 1, chunk_seconds: float = 0.05,
                 inputs: list[AudioInput] | None = None, ffmpeg_path: str | None = None,
                 open_timeout: float = OPEN_TIMEOUT_S) -> None:
        self.name = "default microphone"
        self.sample_rate = sample_rate
        self.channels = channels
        self.chunk = max(1, round(chunk_seconds * sample_rate))
        self._inputs = inputs
        self._ffmpeg = ffmpeg_path
        self._open_timeout = open_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._chunks: queue.Queue[tuple[bytes, float] | None] = queue.Queue(maxsize=400)
        self._stderr: collections.deque[str] = collections.deque(maxlen=20)
        self._reader: threading.Thread | None = None
        self._errs: threading.Thread | None = None
        self._held: tuple[bytes, float] | None = None
        self._ended = False
        self.opened: AudioInput | None = None

    def argv(self, ffmpeg: str, source: AudioInput) -> list[str]:
        return [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-f", source.fmt, *source.options,
                "-i", source.device,
                "-vn", "-f", "s16le", "-acodec", "pcm_s16le", "-ar", str(self.sample_rate),
                "-ac", str(self.channels), "-flush_packets", "1", "pipe:1"]  # each chunk as soon as it is heard

    def open(self) -> None:
        ffmpeg = self._ffmpeg or default_ffmpeg_path()
        if not ffmpeg:
            raise MicrophoneUnavailable("The microphone cannot be read: the bundled sound and video tool (ffmpeg) "
                                        "is missing from this installation.")
        inputs = self._inputs if self._inputs is not None else default_inputs(ffmpeg)
        if not inputs:
            raise MicrophoneUnavailable("No microphone input is available on this station.",
                                        detail=f"ffmpeg at {ffmpeg} offers no audio capture device here")
        tried = []
        for source in inputs:
            why = self._try(ffmpeg, source)
            if why is None:
                self.opened = source
                self.name = f"microphone ({source.fmt} {source.device})"
                return
            tried.append(f"{source.fmt} {source.device}: {why}")
        raise MicrophoneUnavailable("No microphone could be opened on this station.", detail="\n".join(tried))

    def _try(self, ffmpeg: str, source: AudioInput) -> str | None:
        """Start ffmpeg on `source` and wait for its first samples; None on success, else why it failed."""
        self._chunks = queue.Queue(maxsize=400)  # 20 s of chunks
        self._stderr.clear()
        self._ended = False
        try:
            proc = subprocess.Popen(self.argv(ffmpeg, source), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, start_new_session=(os.name == "posix"))
        except OSError as exc:
            return str(exc)
        self._proc = proc
        self._reader = threading.Thread(target=self._read_loop, args=(proc, self._chunks), name="microphone",
                                        daemon=True)
        self._reader.start()
        self._errs = threading.Thread(target=self._drain_stderr, args=(proc,), name="microphone-stderr",
                                      daemon=True)
        self._errs.start()
        try:
            first = self._chunks.get(timeout=self._open_timeout)
        except queue.Empty:
            first = None
        if first is not None:
            self._held = first
            return None
        self.close()
        return "; ".join(self._stderr) or f"no sound within {self._open_timeout:g} s"

    def _read_loop(self, proc: subprocess.Popen[bytes], chunks: queue.Queue[tuple[bytes, float] | None]) -> None:
        # A thread rather than select(): pipes cannot be polled on Windows.
        assert proc.stdout is not None
        size = self.chunk * self.channels * 2
        try:
            while data := proc.stdout.read(size):
                taken = time.monotonic() - len(data) / (2 * self.channels * self.sample_rate)
                try:  # nobody has read for 20 s: the recording is stopping, the sound is not wanted
                    chunks.put((data, taken), timeout=1.0)
                except queue.Full:
                    log.warning("microphone chunk dropped: nobody is reading")
        except (OSError, ValueError):
            pass  # closed under us: close() is stopping it
        finally:
            try:
                chunks.put_nowait(None)
            except queue.Full:
                pass

    def _drain_stderr(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        try:
            for line in proc.stderr:
                text = line.decode(errors="replace").strip()
                if text:
                    self._stderr.append(text)
        except (OSError, ValueError):
            pass  # closed by close()

    def read(self) -> AudioRead:
        """The next chunk; `ok=False` when none came within STALL_S (the encoder fills the gap with silence).
        Raises MicrophoneLost when the input has ended."""
        if self._ended:
            item = None
        elif self._held is not None:
            item, self._held = self._held, None
        else:
            try:
                item = self._chunks.get(timeout=STALL_S)
            except queue.Empty:
                return AudioRead(False, None, time.monotonic())
        if item is None:
            self._held = None
            self._ended = True
            detail = "; ".join(self._stderr)
            raise MicrophoneLost("The microphone stopped delivering sound" + (f" ({detail})." if detail else "."),
                                 hint="Check the microphone's cable; the recording goes on with silence.")
        data, taken = item
        usable = len(data) - len(data) % (2 * self.channels)
        samples = np.frombuffer(data[:usable], dtype="<i2").astype(np.int16).reshape(-1, self.channels)
        return AudioRead(True, samples, taken)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            # killed, not asked to stop: raw PCM needs no trailer, and a sound server can keep a polite ffmpeg
            # waiting a second or two for its next fragment, which would hold up ending the attempt
            proc.kill()
            proc.wait(timeout=5)
        for thread in (self._reader, self._errs):  # ffmpeg has exited: its pipes reach their end
            if thread is not None:
                thread.join(timeout=3)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
