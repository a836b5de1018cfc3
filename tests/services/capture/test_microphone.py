"""MicrophoneSource: the default input through the bundled ffmpeg, what it delivers, and how it fails."""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest

from assessdesk.services.capture import (
    AudioInput,
    AudioSource,
    AudioThread,
    MicrophoneLost,
    MicrophoneSource,
    MicrophoneUnavailable,
)
from assessdesk.services.capture.microphone import default_inputs, input_formats
from assessdesk.services.recording.encoders import default_ffmpeg_path

FFMPEG = default_ffmpeg_path()
pytestmark = pytest.mark.skipif(FFMPEG is None, reason="no ffmpeg binary")


def _generated(seconds: float, frequency: int = 440, rate: int = 16_000) -> AudioInput:
    """ffmpeg's lavfi input generating a tone, paced like a device (arealtime): a stand-in for a microphone that
    goes through exactly the same process, pipe and chunking as the real default input."""
    return AudioInput("lavfi", f"sine=frequency={frequency}:sample_rate={rate}:duration={seconds},arealtime")


def test_reads_int16_chunks_then_reports_the_input_lost() -> None:
    mic = MicrophoneSource(sample_rate=16_000, channels=2, chunk_seconds=0.05, inputs=[_generated(0.6)])
    assert isinstance(mic, AudioSource)
    mic.open()
    assert mic.opened is not None and mic.opened.fmt == "lavfi"
    chunks = []
    with pytest.raises(MicrophoneLost, match="stopped delivering sound"):
        for _ in range(200):  # bounded: 0.6 s of sound is 12 chunks
            got = mic.read()
            if got.ok:
                chunks.append(got.samples)
    mic.close()
    assert all(c.dtype == np.int16 and c.shape[1] == 2 for c in chunks)
    assert all(c.shape[0] == 800 for c in chunks[:-1])  # 50 ms at 16 kHz
    sound = np.concatenate(chunks)[:, 0].astype(float)
    assert abs(len(sound) / 16_000 - 0.6) < 0.01
    spectrum = np.abs(np.fft.rfft(sound * np.hanning(len(sound))))
    assert abs(np.argmax(spectrum) * 16_000 / len(sound) - 440) < 5
    with pytest.raises(MicrophoneLost):
        mic.read()  # stays ended


def test_no_input_that_opens_raises_a_typed_error_naming_each_try() -> None:
    missing = AudioInput("pulse", "assessdesk-no-such-microphone")
    broken = AudioInput("lavfi", "no_such_filter_anywhere")
    mic = MicrophoneSource(inputs=[missing, broken], open_timeout=2)
    with pytest.raises(MicrophoneUnavailable, match="No microphone could be opened") as raised:
        mic.open()
    assert raised.value.detail.count("\n") == 1 and "no_such_filter_anywhere" in raised.value.detail
    assert "microphone or headset" in raised.value.hint

    with pytest.raises(MicrophoneUnavailable, match="No microphone input is available"):
        MicrophoneSource(inputs=[]).open()
    with pytest.raises(MicrophoneUnavailable, match="No microphone could be opened"):
        MicrophoneSource(inputs=[_generated(1)], ffmpeg_path="/nonexistent/ffmpeg").open()


def test_an_input_that_never_delivers_times_out() -> None:
    # anullsrc paced at a rate of almost nothing: ffmpeg runs, but no chunk fills within the open timeout
    slow = AudioInput("lavfi", "anullsrc=sample_rate=8000", ("-readrate", "0.0001"))
    mic = MicrophoneSource(sample_rate=8000, chunk_seconds=1.0, inputs=[slow], open_timeout=0.5)
    with pytest.raises(MicrophoneUnavailable) as raised:
        mic.open()
    assert "no sound within 0.5 s" in raised.value.detail


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux default inputs")
def test_the_bundled_ffmpeg_offers_a_default_input_on_linux() -> None:
    assert "pulse" in input_formats(str(FFMPEG))  # PulseAudio and PipeWire desktops
    assert default_inputs(str(FFMPEG))[0] == AudioInput("pulse", "default")
    assert default_inputs(str(FFMPEG), platform="sunos5") == []


def test_audio_thread_reports_a_lost_microphone_once() -> None:
    mic = MicrophoneSource(sample_rate=16_000, inputs=[_generated(0.3)])
    mic.open()
    delivered: list[int] = []
    failed: list[BaseException] = []
    done = threading.Event()
    thread = AudioThread(source=mic, deliver=lambda s, t: delivered.append(len(s)),
                         on_failed=lambda e: (failed.append(e), done.set()))
    thread.start()
    assert done.wait(10)
    assert thread.stop()
    assert sum(delivered) == round(0.3 * 16_000)
    assert len(failed) == 1 and isinstance(failed[0], MicrophoneLost) and thread.failure is failed[0]
