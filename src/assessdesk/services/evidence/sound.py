"""Sound for recordings whose validation type needs it (role-play): which source an attempt records, and the checks
made before the attempt starts so that a station that cannot record sound says so first."""

from __future__ import annotations

from collections.abc import Callable

from assessdesk.domain.errors import DomainError
from assessdesk.services import proctoring
from assessdesk.services.capture.audio import AudioSource
from assessdesk.services.capture.microphone import MicrophoneSource
from assessdesk.services.recording.encoders import AudioFormat, Encoder
from assessdesk.services.station import StationContext


class SoundNotRecordable(DomainError):
    """The assessment needs a sound track but this station's recorder can only write video."""


def default_audio_for(ctx: StationContext, attempt_id: str, *,
                      microphone: Callable[[], AudioSource] = MicrophoneSource) -> AudioSource | None:
    """The station's default microphone (not yet opened) when the attempt's pinned validation type needs a
    recording with sound (role-play), else None. Reads the database: call it off the GUI thread."""
    return microphone() if proctoring.run_requirements(ctx, attempt_id).needs_audio else None


def audio_format_of(source: AudioSource) -> AudioFormat:
    """What the recorder is told to expect from `source` (int16 chunks at its rate and channel count)."""
    return AudioFormat(sample_rate=int(source.sample_rate), channels=int(source.channels))


def require_sound_support(encoder: Encoder) -> None:
    """Refuse before the attempt starts when the encoder cannot mux sound (the OpenCV fallback): a role-play
    recorded without its sound would be evidence that can never be scored."""
    if not getattr(encoder, "supports_audio", False):
        raise SoundNotRecordable(
            "This assessment needs video with sound, but this station can only record video without sound "
            f"(its video encoder, {encoder.name}, has no sound track).",
            hint="The bundled ffmpeg does not run on this station: reinstall assessdesk, or run this assessment "
                 "on another station.")
