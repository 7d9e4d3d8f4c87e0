"""Audio benchmarks. One JSON line per metric on stdout, like run_all.py's benches.

    python tests/bench/bench_audio.py                 # 1 h pipeline, 30 min soak
    python tests/bench/bench_audio.py --hours 0.1 --minutes 2

- audio_pipeline_cpu_s_per_h: resample 48→16 kHz, level + VAD, Ogg/Opus, AES-GCM seal, SQLite
  insert (WAL, one commit per chunk) of looped espeak-ng speech, as fast as it goes, through the
  encoder the app picks (``OpusChunker``: libopusenc if it loads, else libsndfile; named in the
  detail as ``encoder``);
  ``opusenc`` on the same 16 kHz PCM at the bitrate we produced; the ratio (goal ≤ 1.5).
- audio_bytes_per_hour (goal ≤ 10 MB/h, i.e. ≥ 11× under 16-bit WAV).
- audio_decode_5min_ms: open_all + soundfile decode (what playback does) of a five-minute
  sealed recording (goal ≤ 150 ms).
- audio_soak_overflows: real-time capture through the Recorder from the PulseAudio source
  (needs PULSE_SERVER, see docs/recipes.md) for ``--minutes``; also the first-callback latency.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

from forsell.audio import libopusenc
from forsell.audio.capture import Microphone
from forsell.audio.dsp import Resampler, VoiceActivity, level
from forsell.audio.encoder import COMPLEXITY, OpusChunker, encoder_class
from forsell.audio.recorder import Recorder, RecorderConfig
from forsell.audio.sink import MemorySink
from forsell.vault import chunks as vault_chunks

TEXT = ("Здравствуйте! Вам как обычно, капучино и круассан? Хотите добавить десерт к заказу? "
        "Оплата картой или наличными? Спасибо за покупку, приходите ещё.")
WAV_BYTES_PER_HOUR = 16_000 * 2 * 3600


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def emit(metric: str, value, unit: str, goal, **detail) -> None:
    print(json.dumps({"metric": metric, "value": value, "unit": unit, "goal": goal,
                      "detail": detail}, ensure_ascii=False), flush=True)


def encoder_detail() -> dict:
    """Which Ogg/Opus encoder ``OpusChunker`` builds here, for the metrics' detail."""
    cls = encoder_class()
    if cls.name == "libopusenc":
        return {"encoder": libopusenc.version(), "complexity": COMPLEXITY}
    return {"encoder": f"libsndfile {sf.__libsndfile_version__}", "complexity": 10}


def speech_48k() -> np.ndarray:
    wav = subprocess.run(["espeak-ng", "-v", "ru", "--stdout", TEXT], check=True,
                         capture_output=True).stdout
    pcm, rate = sf.read(io.BytesIO(wav), dtype="float32")
    return soxr.resample(pcm, rate, 48_000).astype(np.float32)


def _db(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS chunks (rid TEXT, idx INT, final INT, blob BLOB)")
    return db


def bench_pipeline(hours: float, workdir: Path) -> dict:
    """Pushes ``hours`` of 48 kHz speech through the whole pipeline; returns the numbers."""
    one = speech_48k()
    total = int(hours * 3600 * 48_000)
    block = 960  # 20 ms, what the callback delivers
    dek = os.urandom(32)
    db = _db(workdir / "bench.db")
    rid, index, size = "bench", 0, 0
    pcm16 = []
    t0, c0 = time.perf_counter(), time.process_time()
    res, vad, enc = Resampler(48_000), VoiceActivity(), OpusChunker()
    pos = 0
    looped = np.tile(one, 4)
    while pos < total:
        start = pos % len(one)
        raw = looped[start:start + block]
        pcm = res.process(raw)
        level(pcm)
        vad.feed(pcm)
        enc.write(pcm)
        if len(pcm16) < 2 or sum(map(len, pcm16)) < 60 * 16_000:
            pcm16.append(pcm)  # a minute kept for opusenc's input below (then looped)
        data = enc.take_due()
        if data is not None:
            sealed = vault_chunks.seal(dek, rid, index, False, data)
            db.execute("INSERT INTO chunks VALUES (?,?,?,?)", (rid, index, 0, sealed.blob))
            index += 1
            size += len(data)
        pos += block
    tail = enc.close()
    sealed = vault_chunks.seal(dek, rid, index, True, tail)
    db.execute("INSERT INTO chunks VALUES (?,?,?,?)", (rid, index, 1, sealed.blob))
    size += len(tail)
    cpu = time.process_time() - c0
    wall = time.perf_counter() - t0
    db.close()
    audio_h = total / 48_000 / 3600
    return {"cpu_s_per_h": cpu / audio_h, "wall_s": wall, "bytes_per_h": size / audio_h,
            "kbps": size * 8 / (audio_h * 3600) / 1000, "speech_ms_per_h": vad.speech_ms / audio_h,
            "audio_h": audio_h, "pcm16": np.concatenate(pcm16)}


def bench_opusenc(pcm16: np.ndarray, hours: float, kbps: float) -> float | None:
    """CPU seconds per hour of ``opusenc --bitrate kbps`` on the same 16 kHz speech."""
    minute = (np.clip(pcm16, -1, 1) * 32767).astype("<i2").tobytes()
    total = int(hours * 3600 * 16_000 * 2)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(["opusenc", "--quiet", "--raw", "--raw-rate", "16000", "--raw-chan",
                             "1", "--bitrate", f"{kbps:.1f}", "-", "/dev/null"],
                            stdin=subprocess.PIPE)
    sent = 0
    while sent < total:
        part = minute[: total - sent]
        proc.stdin.write(part)
        sent += len(part)
    proc.stdin.close()
    proc.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu / hours


def bench_decode_5min(workdir: Path) -> float:
    """ms to authenticate, decrypt and decode a 5-minute recording into memory (median of 5)."""
    one = soxr.resample(speech_48k(), 48_000, 16_000).astype(np.float32)
    pcm = np.tile(one, int(300 * 16_000 / len(one)) + 1)[: 300 * 16_000]
    enc, dek, sealed = OpusChunker(), os.urandom(32), []
    for i in range(0, len(pcm), 320):
        enc.write(pcm[i:i + 320])
        data = enc.take_due()
        if data is not None:
            sealed.append(vault_chunks.seal(dek, "r5", len(sealed), False, data))
    sealed.append(vault_chunks.seal(dek, "r5", len(sealed), True, enc.close()))
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        ogg = b"".join(vault_chunks.open_all(dek, "r5", sealed))
        out, _ = sf.read(io.BytesIO(ogg), dtype="float32")
        times.append((time.perf_counter() - t0) * 1000)
        assert len(out) == len(pcm)
    return sorted(times)[2]


def bench_soak(minutes: float, device: str) -> dict:
    mic = Microphone(device)
    sink = MemorySink()
    states: list[str] = []
    rec = Recorder(mic, sink, RecorderConfig(max_length_s=120), on_state=states.append)
    t0 = time.monotonic()
    rec.open()
    if not mic.first_frame.wait(10):
        rec.close()
        return {"error": f"no frames from {device}: {states}"}
    first_cb = time.monotonic() - t0
    stop = threading.Event()

    def voice() -> None:  # a "sale" every 20 s with speech, as at a counter
        wav = subprocess.run(["espeak-ng", "-v", "ru", "--stdout", TEXT], check=True,
                             capture_output=True).stdout
        while not stop.is_set():
            rec.start(reason="sale")
            subprocess.run(["paplay"], input=wav, check=False)
            rec.stop(after_s=2.0)
            stop.wait(20 - 9)

    talker = threading.Thread(target=voice, daemon=True)
    talker.start()
    time.sleep(minutes * 60)
    stop.set()
    talker.join(30)
    rec.close()
    return {"overflows": mic.overflows, "dropped": mic.dropped, "rate": mic.rate,
            "first_callback_s": round(first_cb, 3), "recordings": len(sink.recordings()),
            "frames_s": round(mic.frames_seen / max(mic.rate, 1), 1),
            "per_recording_overflows": sum(r.stats.overflows for r in sink.recordings()
                                           if r.stats)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--hours", type=float, default=1.0, help="audio pushed through the pipeline")
    p.add_argument("--minutes", type=float, default=30.0, help="real-time soak length")
    p.add_argument("--device", default="virtmic")
    p.add_argument("--only", nargs="+", default=["pipeline", "decode", "soak"],
                   choices=["pipeline", "decode", "soak"])
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="forsell-bench-audio-") as tmp:
        work = Path(tmp)
        if "pipeline" in args.only:
            log(f"bench: audio pipeline, {args.hours} h of speech ...")
            r = bench_pipeline(args.hours, work)
            log(f"bench: opusenc at {r['kbps']:.1f} kbit/s ...")
            ref = bench_opusenc(r["pcm16"], args.hours, r["kbps"])
            emit("audio_pipeline_cpu_s_per_h", round(r["cpu_s_per_h"], 1), "s", None,
                 wall_s=round(r["wall_s"], 1), audio_h=r["audio_h"], **encoder_detail())
            emit("audio_opusenc_cpu_s_per_h", round(ref, 1) if ref else None, "s", None,
                 bitrate_kbps=round(r["kbps"], 1))
            emit("audio_cpu_ratio_vs_opusenc",
                 round(r["cpu_s_per_h"] / ref, 2) if ref else None, "x", 1.5,
                 **encoder_detail())
            emit("audio_bytes_per_hour", round(r["bytes_per_h"] / 1e6, 2), "MB", 10,
                 kbps=round(r["kbps"], 1),
                 smaller_than_wav=round(WAV_BYTES_PER_HOUR / r["bytes_per_h"], 1),
                 speech_share=round(r["speech_ms_per_h"] / 3.6e6, 2), **encoder_detail())
        if "decode" in args.only:
            log("bench: decrypt + decode 5 min ...")
            emit("audio_decode_5min_ms", round(bench_decode_5min(work), 1), "ms", 150,
                 decoder=f"soundfile {sf.__libsndfile_version__}", **encoder_detail())
        if "soak" in args.only:
            if not os.environ.get("PULSE_SERVER"):
                emit("audio_soak_overflows", None, "count", 0,
                     error="PULSE_SERVER unset: start PulseAudio as in docs/recipes.md")
            else:
                log(f"bench: {args.minutes} min real-time capture from {args.device} ...")
                d = bench_soak(args.minutes, args.device)
                emit("audio_soak_overflows", d.pop("overflows", None), "count", 0,
                     minutes=args.minutes, **d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
