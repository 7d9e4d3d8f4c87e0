"""Speech-to-text providers behind one interface (``base.TranscriptionProvider``).

``elevenlabs`` (Scribe, synchronous, processed abroad), ``yandex`` (SpeechKit v3 async, can be
processed in Kazakhstan); ``routing`` picks them per store and falls back between them.
"""

from .base import Submitted, Transcript, TranscriptionProvider, Word

__all__ = ["Submitted", "Transcript", "TranscriptionProvider", "Word"]
