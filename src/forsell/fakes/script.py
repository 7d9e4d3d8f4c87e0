"""What the FAKE transcription servers "hear": a scripted counter dialogue, not recognition.

The audio is decoded only to learn its real duration and whether it is silent. The words come
from a fixed set of short cashier/customer dialogues in Russian and Kazakh, chosen by a hash of
the audio bytes (same audio → same transcript), with times spread over the real duration and
two speakers taking turns. A silent file yields an empty transcript, as a real service would.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import soundfile as sf

RU_SCRIPTS: tuple[tuple[str, ...], ...] = (
    (
        "Здравствуйте!",
        "Добрый день, капучино и круассан, пожалуйста.",
        "С вас тысяча восемьсот тенге. Картой или наличными?",
        "Картой.",
        "Вот ваш чек, спасибо за покупку!",
    ),
    (
        "Добрый день, что будете брать?",
        "Два латте с собой.",
        "Есть бонусная карта?",
        "Запишите мой номер +7 701 234 56 78.",
        "Готово, две тысячи четыреста тенге.",
        "Спасибо, до свидания.",
    ),
    (
        "Здравствуйте, пакет нужен?",
        "Нет, спасибо. Хлеб и молоко.",
        "Семьсот двадцать тенге.",
        "Вот, без сдачи.",
        "Хорошего дня!",
    ),
)
KK_SCRIPTS: tuple[tuple[str, ...], ...] = (
    (
        "Сәлеметсіз бе!",
        "Сәлеметсіз бе, бір капучино беріңізші.",
        "Бір мың екі жүз елу теңге болады. Картамен бе, қолма-қол ма?",
        "Картамен.",
        "Міне, чегіңіз. Рақмет!",
    ),
    (
        "Қайырлы күн, не аласыз?",
        "Екі шай және бір бәліш.",
        "Тоғыз жүз теңге.",
        "Рақмет, сау болыңыз.",
    ),
)

#: language → (ElevenLabs ISO-639-3 code, Yandex code)
LANGUAGE_CODES = {"ru": ("rus", "ru-RU"), "kk": ("kaz", "kk-KZ")}


class AudioError(ValueError):
    """The bytes are not audio this fake can decode."""


@dataclass(frozen=True)
class FakeWord:
    text: str
    start: float
    end: float
    speaker: int
    logprob: float


@dataclass(frozen=True)
class Utterance:
    speaker: int
    text: str
    words: tuple[FakeWord, ...]

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return self.words[-1].end


@dataclass(frozen=True)
class Heard:
    sha256: str
    duration_s: float
    language: str  # "ru" | "kk"
    probability: float  # how sure the fake "is" of the language
    utterances: tuple[Utterance, ...]

    @property
    def text(self) -> str:
        return " ".join(u.text for u in self.utterances)


def audio_sha256(audio: bytes) -> str:
    return hashlib.sha256(audio).hexdigest()


def probe(audio: bytes) -> tuple[float, bool]:
    """(duration in seconds, silent?) of an audio file libsndfile can read (Ogg/Opus, WAV, FLAC)."""
    try:
        info = sf.info(io.BytesIO(audio))
        silent = True
        with sf.SoundFile(io.BytesIO(audio)) as f:
            # Block by block with an early exit: a long file is rarely decoded to the end.
            for block in f.blocks(blocksize=max(1, f.samplerate) * 10, dtype="float32"):
                if block.size and float(np.sqrt(np.mean(np.square(block)))) > 1e-3:
                    silent = False
                    break
    except (RuntimeError, sf.LibsndfileError, TypeError, ValueError) as exc:
        raise AudioError(f"cannot decode the audio: {exc}") from exc
    return float(info.duration), silent


def normalise_language(code: str | None) -> str | None:
    """ "ru", "rus", "ru-RU" → "ru"; "kk", "kaz", "kk-KZ", "kk-KK" → "kk"; others → None."""
    if not code:
        return None
    base = code.lower().split("-")[0]
    return {"ru": "ru", "rus": "ru", "kk": "kk", "kaz": "kk"}.get(base)


#: A language code, or how to look it up at each request: the store's language, which its admin
#: may change while the fakes run.
LanguageSource = str | Callable[[], str | None]


def current_language(source: LanguageSource) -> str:
    """The language ``source`` names now, as the fakes script it: ``ru`` or ``kk``; Russian when
    it names another (English) or none (a function answers None when it cannot tell)."""
    value = source() if callable(source) else source
    return normalise_language(value) or "ru"


def hear(
    audio: bytes,
    language_hint: str | None = None,
    *,
    duration_s: float | None = None,
    silent: bool | None = None,
    default_language: str = "ru",
) -> Heard:
    """The scripted transcript of ``audio`` (raises AudioError if it cannot be decoded).

    Without a language hint ("auto") the dialogue is in ``default_language``, the store's
    language the fake was started with: a hash of the audio would pick Kazakh text for Russian
    speech half the time, which a demo shows as a wrong transcript."""
    if duration_s is None or silent is None:
        duration_s, silent = probe(audio)
    digest = audio_sha256(audio)
    seed = int(digest[:16], 16)
    language = normalise_language(language_hint) or normalise_language(default_language) or "ru"
    probability = round(0.9 + (seed % 90) / 1000, 3)
    if silent or duration_s < 0.2:
        return Heard(digest, duration_s, language, probability, ())
    scripts = KK_SCRIPTS if language == "kk" else RU_SCRIPTS
    lines = scripts[(seed >> 8) % len(scripts)]
    return Heard(digest, duration_s, language, probability, _timed(lines, duration_s, seed))


def _timed(lines: tuple[str, ...], duration: float, seed: int) -> tuple[Utterance, ...]:
    # Each word gets a slot proportional to its length (+ a pause after each line); it fills 85 %.
    margin = min(0.3, duration * 0.05)
    span = duration - 2 * margin
    weights = [[len(w) + 2 for w in line.split()] for line in lines]
    total = sum(sum(ws) + 4 for ws in weights)
    unit = span / total
    t = margin
    out = []
    for index, (line, ws) in enumerate(zip(lines, weights, strict=True)):
        words = []
        for n, (word, weight) in enumerate(zip(line.split(), ws, strict=True)):
            slot = weight * unit
            logprob = -round(((seed >> (n % 40)) + index * 7 + n) % 300 / 1000, 3)
            words.append(FakeWord(word, round(t, 3), round(t + slot * 0.85, 3), index % 2, logprob))
            t += slot
        t += 4 * unit
        out.append(Utterance(index % 2, line, tuple(words)))
    return tuple(out)


def make_ogg(seconds: float, seed: int = 0, silent: bool = False, rate: int = 16000) -> bytes:
    """A small Ogg/Opus file (tones, or silence) for tests and the demo."""
    n = max(1, int(seconds * rate))
    if silent:
        samples = np.zeros(n, dtype="float32")
    else:
        t = np.arange(n, dtype="float32") / rate
        freq = 180 + (seed % 50) * 7
        samples = (0.3 * np.sin(2 * np.pi * freq * t)).astype("float32")
    buf = io.BytesIO()
    sf.write(buf, samples, rate, format="OGG", subtype="OPUS")
    return buf.getvalue()
