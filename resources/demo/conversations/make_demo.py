"""Builds the demo store's sample counter conversations (run by hand; the output is committed).

    .venv/bin/python resources/demo/conversations/make_demo.py

Each conversation is synthesized turn by turn with espeak-ng (two voices: cashier and customer;
Russian, Kazakh and mixed speech), resampled to 16 kHz, encoded to Ogg/Opus with the app's own
encoder (``forsell.audio.encoder.OpusChunker``) and written with:

- ``NN.ogg``: the audio (synthetic speech, no personal data);
- ``NN.transcript.json``: the recogniser-style transcript (``sync.providers.base.Transcript``
  fields; also readable by ``forsell-cashier score --transcript``). Word times are known from
  the synthesis: each turn's speech span (silence trimmed) is shared out over its words by
  length, and turns follow each other with a fixed pause;
- ``NN.receipt.json``: the sale (``forsell-receipt`` format: demo catalog SKUs, ``added_at`` in
  seconds from the start of the recording, after the turn in which the item was ordered);
- ``conversations.json``: the manifest (who was the cashier, when, speech and duration).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from forsell.audio.dsp import VoiceActivity
from forsell.audio.encoder import OpusChunker

RATE = 16_000
PAUSE_S = 0.45  # between turns
LEAD_S = 0.6  # silence before the first word
SPEED = 165  # espeak-ng words per minute

# voice per (language, role, cashier gender)
VOICES = {("ru", "m"): "ru", ("ru", "f"): "ru+f3", ("kk", "m"): "kk", ("kk", "f"): "kk+f3"}

# Turns: (role, language, text, SKUs rung up right after this turn)
CONVERSATIONS = [
    {
        "cashier": "Данияр Ахметов",
        "gender": "m",
        "day": 0,
        "time": "09:12",
        "turns": [
            ("cashier", "ru", "Здравствуйте! Что будете заказывать?", []),
            ("customer", "ru", "Мне капучино, пожалуйста.", ["COF-005"]),
            ("cashier", "ru", "Хотите к капучино круассан? Свежие, только испекли.", []),
            ("customer", "ru", "Да, давайте один круассан.", ["BAK-001"]),
            ("cashier", "ru", "У вас есть бонусная карта?", []),
            ("customer", "ru", "Нет, карты нет.", []),
            ("cashier", "ru", "С вас две тысячи пятьдесят тенге. Спасибо, хорошего дня!", []),
        ],
    },
    {
        "cashier": "Мария Ким",
        "gender": "f",
        "day": 0,
        "time": "09:40",
        "turns": [
            ("cashier", "kk", "Сәлеметсіз бе! Не аласыз?", []),
            ("customer", "kk", "Маған американо беріңізші.", ["COF-003"]),
            ("cashier", "kk", "Чизкейк аласыз ба? Өте дәмді.", []),
            ("customer", "kk", "Жоқ, рахмет.", []),
            ("cashier", "kk", "Бонус картаңыз бар ма?", []),
            ("customer", "kk", "Жоқ.", []),
            ("cashier", "kk", "Мың тенге. Рахмет, сау болыңыз!", []),
        ],
    },
    {
        "cashier": "Мария Ким",
        "gender": "f",
        "day": 0,
        "time": "11:05",
        "turns": [
            ("customer", "ru", "Девушка, латте есть? На овсяном молоке можно?", []),
            ("cashier", "ru", "Латте есть, овсяного молока нету. Не знаю, когда привезут.", []),
            ("customer", "ru", "Жаль. Тогда обычный латте, только без сахара.", ["COF-007"]),
            ("cashier", "ru", "Тысяча четыреста тенге. Картой или наличными?", []),
            ("customer", "ru", "Картой.", []),
            ("cashier", "ru", "Ждите, сейчас приготовлю.", []),
        ],
    },
    {
        "cashier": "Данияр Ахметов",
        "gender": "m",
        "day": 0,
        "time": "12:30",
        "turns": [
            ("cashier", "kk", "Сәлеметсіз бе!", []),
            ("cashier", "ru", "Что будете пить?", []),
            ("customer", "kk", "Маған латте беріңізші.", ["COF-007"]),
            ("cashier", "ru", "Самсу с курицей не желаете? Горячая.", []),
            ("customer", "ru", "Давайте, одну самсу.", ["BAK-008"]),
            ("cashier", "kk", "Бонус картаңыз бар ма?", []),
            ("customer", "ru", "Да, вот карта.", []),
            ("cashier", "kk", "Рахмет, сау болыңыз!", []),
        ],
    },
    {
        "cashier": "Данияр Ахметов",
        "gender": "m",
        "day": 1,
        "time": "10:20",
        "turns": [
            ("cashier", "ru", "Добрый день! Что вам?", []),
            ("customer", "ru", "Круассан и американо, пожалуйста.", ["BAK-001", "COF-003"]),
            ("cashier", "ru", "Может, ещё круассан с собой? И тирамису попробуйте.", []),
            ("customer", "ru", "Тирамису давайте.", ["DES-002"]),
            (
                "cashier",
                "ru",
                "Итого три тысячи шестьсот пятьдесят тенге. Спасибо, приходите ещё!",
                [],
            ),
        ],
    },
    {
        "cashier": "Мария Ким",
        "gender": "f",
        "day": 1,
        "time": "16:45",
        "turns": [
            ("cashier", "kk", "Қайырлы күн! Сізге не керек?", []),
            ("customer", "kk", "Сүтті шай беріңізші.", ["TEA-003"]),
            ("cashier", "kk", "Бауырсақ алыңыз, жаңа піскен.", []),
            ("customer", "kk", "Жарайды, бауырсақ алайын.", ["BAK-011"]),
            ("cashier", "kk", "Бонус картаңыз бар ма?", []),
            ("customer", "kk", "Иә, мынау.", []),
            ("cashier", "kk", "Рахмет, тағы келіңіз!", []),
        ],
    },
    {
        "cashier": "Данияр Ахметов",
        "gender": "m",
        "day": 1,
        "time": "18:10",
        "turns": [
            ("cashier", "ru", "Добрый вечер! Эспрессо, как обычно?", ["COF-001"]),
            ("cashier", "ru", "Сейчас сделаю, одну минуту.", []),
            ("cashier", "ru", "Девятьсот тенге. Оплата картой прошла.", []),
            ("cashier", "ru", "Ваш чек. Спасибо, хорошего вечера!", []),
        ],
    },
]


def load_catalog() -> dict[str, dict]:
    with (ROOT / "resources" / "demo" / "catalog.csv").open(encoding="utf-8") as f:
        return {row["sku"]: row for row in csv.DictReader(f)}


def synth(text: str, voice: str) -> np.ndarray:
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(SPEED), "--stdout", text],
        check=True,
        capture_output=True,
    ).stdout
    data, rate = sf.read(io.BytesIO(wav), dtype="float32")
    pcm = soxr.resample(data, rate, RATE).astype(np.float32)
    loud = np.flatnonzero(np.abs(pcm) > 0.01)
    if loud.size:  # espeak pads each phrase; trim so word times start at the first sound
        pcm = pcm[max(0, loud[0] - 80) : loud[-1] + 80]
    return pcm * 0.8


def word_times(text: str, start: float, end: float) -> list[tuple[str, float, float]]:
    """The turn's words, its span shared out by length (a word and its gap)."""
    words = text.split()
    weights = [len(w) + 1 for w in words]
    total = sum(weights)
    out, pos = [], start
    for word, wt in zip(words, weights, strict=True):
        span = (end - start) * wt / total
        out.append((word, round(pos, 2), round(pos + span * len(word) / wt, 2)))
        pos += span
    return out


def build(n: int, conv: dict, catalog: dict[str, dict]) -> dict:
    gender = conv["gender"]
    other = "f" if gender == "m" else "m"
    pieces = [np.zeros(int(LEAD_S * RATE), np.float32)]
    t = LEAD_S
    words, lines, speakers = [], [], {}
    for role, lang, text, skus in conv["turns"]:
        voice = VOICES[(lang, gender if role == "cashier" else other)]
        pcm = synth(text, voice)
        dur = len(pcm) / RATE
        # Diarization labels, not roles: the app maps them (speaker_0 is whoever spoke first).
        label = speakers.setdefault(role, f"speaker_{len(speakers)}")
        for word, ws, we in word_times(text, t, t + dur):
            words.append(
                {"text": word, "start": ws, "end": we, "speaker": label, "confidence": 0.93}
            )
        t += dur
        for sku in skus:  # rung up a moment after the customer said it
            p = catalog[sku]
            lines.append(
                {
                    "sku": sku,
                    "name": p["name_ru"],
                    "names": {"ru": p["name_ru"], "kk": p["name_kk"], "en": p["name_en"]},
                    "qty": 1,
                    "price": round(float(p["price"]) * 100),
                    "category": p["category_ru"],
                    "added_at": round(t + 0.3, 2),
                }
            )
        pieces += [pcm, np.zeros(int(PAUSE_S * RATE), np.float32)]
        t += PAUSE_S
    pcm = np.concatenate(pieces)
    enc = OpusChunker()
    enc.write(pcm)
    ogg = enc.take() + enc.close()
    vad = VoiceActivity()
    vad.feed(pcm)
    name = f"{n:02d}"
    (HERE / f"{name}.ogg").write_bytes(ogg)
    transcript = {
        "text": " ".join(w["text"] for w in words),
        "language": "kk"
        if sum(t[1] == "kk" for t in conv["turns"]) * 2 > len(conv["turns"])
        else "ru",
        "words": words,
        "confidence": 0.93,
        "audio_seconds": round(len(pcm) / RATE, 2),
        "provider": "demo",
        "external_id": None,
    }
    (HERE / f"{name}.transcript.json").write_text(
        json.dumps(transcript, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (HERE / f"{name}.receipt.json").write_text(
        json.dumps(
            {"format": "forsell-receipt", "version": 1, "lines": lines},
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return {
        "id": name,
        "cashier": conv["cashier"],
        "day": conv["day"],
        "time": conv["time"],
        "duration_ms": int(len(pcm) * 1000 / RATE),
        "speech_ms": vad.speech_ms,
        "bytes": len(ogg),
    }


def main() -> None:
    catalog = load_catalog()
    manifest = [build(i + 1, c, catalog) for i, c in enumerate(CONVERSATIONS)]
    (HERE / "conversations.json").write_text(
        json.dumps({"conversations": manifest}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    for m in manifest:
        print(f"{m['id']}: {m['duration_ms'] / 1000:.1f} s, {m['bytes'] / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
