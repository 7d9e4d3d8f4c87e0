"""Audio benchmarks. One JSON line per metric on stdout (metric_line.py), like run_all.py's.

    python tests/bench/bench_audio.py                 # 1 h pipeline, 30 min soak
    python tests/bench/bench_audio.py --hours 0.1 --minutes 2

- audio_pipeline_cpu_s_per_h: the app's recording path, as fast as it goes: the ``Recorder``
  (writer thread: resample 48→16 kHz, silence watch, level, pre-roll, VAD, Ogg/Opus through the
  encoder the app picks, recordings split at their maximum length) into the ``EncryptedArchive``
  (AES-GCM seal under a per-recording key, one SQLite transaction per chunk) of a fresh till,
  fed looped espeak-ng speech by a source that hands out 20 ms blocks as fast as they are read.
  CPU seconds of the whole process per hour of audio. Its detail carries a per-stage profile
  (the same stages timed one by one with ``time.process_time``, on up to a quarter hour).
- audio_opusenc_cpu_s_per_h: ``opusenc`` on the same 16 kHz speech at the same settings: the
  same complexity (``COMPLEXITY`` with libopusenc; 10 with the libsndfile fallback, which cannot
  be told another), the same target bitrate, VBR, voice signal, wideband at most.
- audio_cpu_ratio_vs_opusenc: the two above (goal ≤ 1.5), like for like. The two run in turns,
  a quarter hour of audio each, so both see the same machine load; the ratio of each pair is in
  the detail.
- audio_complexity_seg_snr_loss_db: what ``COMPLEXITY`` gives up against 10, without listening:
  segmental SNR and log-spectral distance of two minutes of decoded speech against the input,
  with the encoder's CPU at each.
- audio_bytes_per_hour (goal ≤ 10 MB/h, i.e. ≥ 11× under 16-bit WAV).
- audio_decode_5min_ms: open_all + soundfile decode (what playback does) of a five-minute
  sealed recording (goal ≤ 150 ms).
- audio_soak_overflows: real-time capture through the Recorder from the PulseAudio source
  (``PULSE_SERVER``; tests/bench/run.sh starts one) for ``--minutes``; also the first-callback
  latency.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric_line import line, machine_load

from forsell.audio import libopusenc
from forsell.audio.archive import EncryptedArchive
from forsell.audio.capture import Microphone
from forsell.audio.dsp import Resampler, SilenceWatch, VoiceActivity, level
from forsell.audio.encoder import (
    COMPLEXITY,
    DEFAULT_COMPRESSION,
    OpusChunker,
    encoder_class,
    target_bitrate,
)
from forsell.audio.recorder import Recorder, RecorderConfig
from forsell.audio.sink import MemorySink
from forsell.services.app import open_till
from forsell.services.recordings import KEY_FILE
from forsell.vault import chunks as vault_chunks
from forsell.vault.keys import KeyVault

TEXT = (
    "Здравствуйте! Вам как обычно, капучино и круассан? Хотите добавить десерт к заказу? "
    "Оплата картой или наличными? Спасибо за покупку, приходите ещё."
)
WAV_BYTES_PER_HOUR = 16_000 * 2 * 3600


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def emit(
    metric: str, value, unit: str, goal, *, dataset: dict, load_start: float, **detail
) -> None:
    print(
        json.dumps(
            line(metric, value, unit, goal, dataset=dataset, load_start=load_start, **detail),
            ensure_ascii=False,
        ),
        flush=True,
    )


def complexity() -> int:
    """The Opus complexity the app's encoder runs at here."""
    return COMPLEXITY if encoder_class().name == "libopusenc" else 10


def encoder_detail() -> dict:
    """Which Ogg/Opus encoder ``OpusChunker`` builds here, for the metrics' detail."""
    cls = encoder_class()
    name = (
        libopusenc.version()
        if cls.name == "libopusenc"
        else f"libsndfile {sf.__libsndfile_version__}"
    )
    return {
        "encoder": name,
        "complexity": complexity(),
        "target_kbps": target_bitrate(DEFAULT_COMPRESSION) / 1000,
    }


def speech_48k() -> np.ndarray:
    wav = subprocess.run(
        ["espeak-ng", "-v", "ru", "--stdout", TEXT], check=True, capture_output=True
    ).stdout
    pcm, rate = sf.read(io.BytesIO(wav), dtype="float32")
    return soxr.resample(pcm, rate, 48_000).astype(np.float32)


def _db(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS chunks (rid TEXT, idx INT, final INT, blob BLOB)")
    return db


class SpeechSource:
    """An ``AudioSource`` that hands out looped 48 kHz speech in 20 ms blocks as fast as the
    recorder reads them; ``done`` is set once ``frames`` have gone out."""

    rate = 48_000
    overflows = 0
    error = None
    BLOCK = 960

    def __init__(self, speech: np.ndarray, frames: int) -> None:
        self._looped = np.tile(speech, 2)
        self._period = len(speech)
        self._left = frames
        self._pos = 0
        self.done = threading.Event()

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def read(self, timeout: float) -> np.ndarray | None:
        if self._left <= 0:
            self.done.set()
            time.sleep(timeout)  # as a quiet device would: no busy loop after the end
            return None
        n = min(self.BLOCK, self._left)
        block = self._looped[self._pos : self._pos + n].copy()  # PortAudio hands a fresh array
        self._pos = (self._pos + n) % self._period
        self._left -= n
        return block


def bench_pipeline(hours: float, workdir: Path, speech: np.ndarray) -> dict:
    """Pushes ``hours`` of 48 kHz speech through the Recorder into the encrypted archive."""
    frames = int(hours * 3600 * SpeechSource.rate)
    till = open_till(workdir / "till")
    vault = KeyVault(workdir / "till" / KEY_FILE, os.urandom(32))
    archive = EncryptedArchive(till.ctx.db.path, vault, till.ctx.device_id)
    source = SpeechSource(speech, frames)
    rec = Recorder(source, archive, RecorderConfig())
    rec.start(reason="manual")
    t0, c0 = time.perf_counter(), time.process_time()
    rec.open()
    source.done.wait()
    rec.stop(after_s=0)
    rec.close(timeout=120)
    cpu = time.process_time() - c0
    wall = time.perf_counter() - t0
    archive.close()
    vault.close()
    db = sqlite3.connect(till.ctx.db.path)
    count, size, speech_ms, duration_ms = db.execute(
        "SELECT count(*), sum(bytes), sum(speech_ms), sum(duration_ms) FROM recordings"
    ).fetchone()
    db.close()
    till.close()
    audio_h = frames / SpeechSource.rate / 3600
    return {
        "cpu_s_per_h": cpu / audio_h,
        "wall_s": wall,
        "bytes_per_h": size / audio_h,
        "kbps": size * 8 / (audio_h * 3600) / 1000,
        "speech_ms_per_h": speech_ms / audio_h,
        "audio_h": audio_h,
        "recordings": count,
        "encoded_h": duration_ms / 3.6e6,
    }


def stage_profile(hours: float, workdir: Path, speech: np.ndarray) -> dict[str, float]:
    """CPU seconds per hour of audio of each stage of the recording path, timed one by one
    (the Recorder's own bookkeeping, the queue and SQLAlchemy are in the pipeline's total)."""
    total = int(hours * 3600 * 48_000)
    block = SpeechSource.BLOCK
    looped = np.tile(speech, 2)
    db = _db(workdir / "stages.db")
    dek = os.urandom(32)
    res, silence, vad, enc = Resampler(48_000), SilenceWatch(), VoiceActivity(), OpusChunker()
    stages = dict.fromkeys(
        ("resample", "silence_watch", "level", "vad", "encode", "seal", "sqlite_insert"), 0.0
    )
    clock = time.process_time
    pos = index = 0
    while pos < total:
        raw = looped[pos % len(speech) : pos % len(speech) + block]
        t0 = clock()
        pcm = res.process(raw)
        t1 = clock()
        silence.feed(raw)
        t2 = clock()
        level(pcm)
        t3 = clock()
        vad.feed(pcm)
        t4 = clock()
        enc.write(pcm)
        data = enc.take_due()
        t5 = clock()
        stages["resample"] += t1 - t0
        stages["silence_watch"] += t2 - t1
        stages["level"] += t3 - t2
        stages["vad"] += t4 - t3
        stages["encode"] += t5 - t4
        if data is not None:
            sealed = vault_chunks.seal(dek, "r", index, False, data)
            t6 = clock()
            db.execute("INSERT INTO chunks VALUES (?,?,?,?)", ("r", index, 0, sealed.blob))
            stages["seal"] += t6 - t5
            stages["sqlite_insert"] += clock() - t6
            index += 1
        pos += block
    enc.close()
    db.close()
    audio_h = total / 48_000 / 3600
    return {name: round(cpu / audio_h, 1) for name, cpu in stages.items()}


def opusenc_args(complexity: int, bitrate: int) -> list[str]:
    """``opusenc`` told what our encoder is told (libopusenc's PullEncoder settings)."""
    wideband = f"{libopusenc.OPUS_SET_MAX_BANDWIDTH_REQUEST}={libopusenc.OPUS_BANDWIDTH_WIDEBAND}"
    return [
        "--comp",
        str(complexity),
        "--bitrate",
        f"{bitrate / 1000:.1f}",
        "--vbr",
        "--speech",
        "--set-ctl-int",
        wideband,
    ]


def bench_opusenc(pcm16: np.ndarray, hours: float, args: list[str]) -> float:
    """CPU seconds per hour of ``opusenc ARGS`` on ``hours`` of the 16 kHz speech (looped)."""
    loop = (np.clip(pcm16, -1, 1) * 32767).astype("<i2").tobytes()
    total = int(hours * 3600 * 16_000 * 2)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        [
            "opusenc",
            "--quiet",
            "--raw",
            "--raw-rate",
            "16000",
            "--raw-chan",
            "1",
            *args,
            "-",
            "/dev/null",
        ],
        stdin=subprocess.PIPE,
    )
    assert proc.stdin is not None
    sent = 0
    while sent < total:
        part = loop[: total - sent]
        proc.stdin.write(part)
        sent += len(part)
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"opusenc {' '.join(args)} failed")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu / hours


def _encode_decode(pcm: np.ndarray, complexity: int) -> tuple[np.ndarray, float]:
    """``pcm`` (16 kHz) through the app's libopusenc encoder at ``complexity`` and back; also
    the encoder's CPU seconds per hour of audio."""
    from forsell.audio.encoder import OpusEncChunker

    enc = OpusEncChunker(complexity=complexity)
    parts = []
    started = time.process_time()
    for i in range(0, len(pcm), 320):
        enc.write(pcm[i : i + 320])
        parts.append(enc.take())
    parts.append(enc.close())
    cpu_per_h = (time.process_time() - started) / (len(pcm) / 16_000 / 3600)
    out, rate = sf.read(io.BytesIO(b"".join(parts)), dtype="float32")
    assert rate == 16_000 and len(out) == len(pcm), (rate, len(out), len(pcm))
    return out, cpu_per_h


def fidelity(ref: np.ndarray, out: np.ndarray) -> dict[str, float]:
    """Listening-free distances of decoded speech from what went in: segmental SNR (20 ms
    frames with speech energy, each clipped to -10..35 dB) and the log-spectral distance
    (512-point frames with speech energy, Hann window, bins floored 60 dB below the
    loudest)."""
    frame = 320
    n = len(ref) // frame * frame
    r, o = ref[:n].reshape(-1, frame).astype(np.float64), out[:n].reshape(-1, frame)
    energy = (r**2).sum(axis=1)
    voiced = energy > energy.max() * 1e-3
    noise = ((r - o) ** 2).sum(axis=1) + 1e-12
    seg = np.clip(10 * np.log10(energy[voiced] / noise[voiced]), -10, 35)
    win, hop = np.hanning(512), 256
    starts = range(0, len(ref) - 512, hop)
    spec_r = np.abs(np.fft.rfft([ref[i : i + 512] * win for i in starts])) ** 2
    spec_o = np.abs(np.fft.rfft([out[i : i + 512] * win for i in starts])) ** 2
    floor = spec_r.max() * 1e-6
    frame_energy = spec_r.sum(axis=1)
    keep = frame_energy > frame_energy.max() * 1e-3
    ratio = 10 * np.log10((spec_r[keep] + floor) / (spec_o[keep] + floor))
    return {
        "seg_snr_db": round(float(seg.mean()), 2),
        "log_spectral_distance_db": round(float(np.sqrt((ratio**2).mean(axis=1)).mean()), 2),
    }


def bench_complexity(speech: np.ndarray, seconds: float = 120.0) -> dict | None:
    """Complexity 5 against 10 on ``seconds`` of 16 kHz speech: fidelity and encoder CPU.
    None where libopusenc does not load (libsndfile's encoder has only complexity 10)."""
    if encoder_class().name != "libopusenc":
        return None
    one = Resampler(48_000).process(speech, last=True)
    pcm = np.tile(one, int(seconds * 16_000 / len(one)) + 1)[: int(seconds * 16_000)]
    result = {}
    for level_ in (COMPLEXITY, 10):
        out, cpu = _encode_decode(pcm, level_)
        result[f"complexity_{level_}"] = {
            **fidelity(pcm, out),
            "encoder_cpu_s_per_h": round(cpu, 1),
        }
    return result


def bench_decode_5min(workdir: Path) -> float:
    """ms to authenticate, decrypt and decode a 5-minute recording into memory (median of 5)."""
    one = soxr.resample(speech_48k(), 48_000, 16_000).astype(np.float32)
    pcm = np.tile(one, int(300 * 16_000 / len(one)) + 1)[: 300 * 16_000]
    enc, dek, sealed = OpusChunker(), os.urandom(32), []
    for i in range(0, len(pcm), 320):
        enc.write(pcm[i : i + 320])
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
        wav = subprocess.run(
            ["espeak-ng", "-v", "ru", "--stdout", TEXT], check=True, capture_output=True
        ).stdout
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
    return {
        "overflows": mic.overflows,
        "dropped": mic.dropped,
        "rate": mic.rate,
        "first_callback_s": round(first_cb, 3),
        "recordings": len(sink.recordings()),
        "frames_s": round(mic.frames_seen / max(mic.rate, 1), 1),
        "per_recording_overflows": sum(r.stats.overflows for r in sink.recordings() if r.stats),
    }


def _interleaved(
    hours: float, work: Path, speech: np.ndarray, pcm16: np.ndarray, opusenc: list[str]
) -> tuple[dict, float, list[float]]:
    """The pipeline and ``opusenc`` in alternating quarter hours, so both see the same machine
    load (other work on a shared machine changes CPU time per unit of work too): the
    pipeline's summed results, opusenc's CPU-s per hour, and the ratio of each pair."""
    segments = max(1, round(hours / 0.25))
    part = hours / segments
    runs, refs = [], []
    for i in range(segments):
        runs.append(bench_pipeline(part, work / f"part{i}", speech))
        refs.append(bench_opusenc(pcm16, part, opusenc))
    total = {
        key: sum(r[key] for r in runs) for key in ("wall_s", "audio_h", "recordings", "encoded_h")
    }
    for key in ("cpu_s_per_h", "bytes_per_h", "kbps", "speech_ms_per_h"):
        total[key] = statistics.fmean(r[key] for r in runs)
    pairs = [round(r["cpu_s_per_h"] / ref, 2) for r, ref in zip(runs, refs, strict=True)]
    return total, statistics.fmean(refs), pairs


def pipeline_metrics(hours: float, work: Path) -> None:
    """The pipeline, its stage profile and opusenc at equal settings: five metric lines."""
    speech = speech_48k()
    pcm16 = Resampler(48_000).process(speech, last=True)
    dataset = {"audio_hours": hours, "input_rate": SpeechSource.rate}
    started = machine_load()
    level_ = complexity()
    equal = opusenc_args(level_, target_bitrate(DEFAULT_COMPRESSION))
    log(
        f"bench: audio pipeline (Recorder → EncryptedArchive) and opusenc {' '.join(equal)} "
        f"in turns, {hours} h of speech each ..."
    )
    r, ref, pairs = _interleaved(hours, work, speech, pcm16, equal)
    profile_h = min(hours, 0.25)
    log(f"bench: audio stage profile, {profile_h} h ...")
    stages = stage_profile(profile_h, work, speech)
    default = bench_opusenc(pcm16, profile_h, [])  # its defaults: complexity 10, 64 kbit/s
    emit(
        "audio_pipeline_cpu_s_per_h",
        round(r["cpu_s_per_h"], 1),
        "s",
        None,
        dataset=dataset,
        load_start=started,
        wall_s=round(r["wall_s"], 1),
        recordings=r["recordings"],
        encoded_h=round(r["encoded_h"], 3),
        stages_cpu_s_per_h={**stages, "profiled_h": profile_h},
        **encoder_detail(),
    )
    emit(
        "audio_opusenc_cpu_s_per_h",
        round(ref, 1),
        "s",
        None,
        dataset=dataset,
        load_start=started,
        args=" ".join(equal),
        opusenc_defaults_cpu_s_per_h=round(default, 1),
    )
    emit(
        "audio_cpu_ratio_vs_opusenc",
        round(r["cpu_s_per_h"] / ref, 2),
        "x",
        1.5,
        dataset=dataset,
        load_start=started,
        opusenc=" ".join(equal),
        per_quarter_hour=pairs,
        vs_opusenc_defaults=round(r["cpu_s_per_h"] / default, 2),
        **encoder_detail(),
    )
    trade = bench_complexity(speech)
    if trade is not None:
        low, high = trade[f"complexity_{COMPLEXITY}"], trade["complexity_10"]
        emit(
            "audio_complexity_seg_snr_loss_db",
            round(high["seg_snr_db"] - low["seg_snr_db"], 2),
            "dB",
            None,
            dataset={"speech_seconds": 120},
            load_start=started,
            **trade,
            note=f"what complexity {COMPLEXITY} gives up against 10 for its encoder CPU; "
            "decoded speech against the input, no listening",
        )
    emit(
        "audio_bytes_per_hour",
        round(r["bytes_per_h"] / 1e6, 2),
        "MB",
        10,
        dataset=dataset,
        load_start=started,
        kbps=round(r["kbps"], 1),
        smaller_than_wav=round(WAV_BYTES_PER_HOUR / r["bytes_per_h"], 1),
        speech_share=round(r["speech_ms_per_h"] / 3.6e6, 2),
        **encoder_detail(),
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--hours", type=float, default=1.0, help="audio pushed through the pipeline")
    p.add_argument("--minutes", type=float, default=30.0, help="real-time soak length")
    p.add_argument("--device", default="virtmic")
    p.add_argument(
        "--only",
        nargs="+",
        default=["pipeline", "decode", "soak"],
        choices=["pipeline", "decode", "soak"],
    )
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="forsell-bench-audio-") as tmp:
        work = Path(tmp)
        if "pipeline" in args.only:
            pipeline_metrics(args.hours, work)
        if "decode" in args.only:
            log("bench: decrypt + decode 5 min ...")
            started = machine_load()
            emit(
                "audio_decode_5min_ms",
                round(bench_decode_5min(work), 1),
                "ms",
                150,
                dataset={"audio_minutes": 5},
                load_start=started,
                n=5,
                decoder=f"soundfile {sf.__libsndfile_version__}",
                **encoder_detail(),
            )
        if "soak" in args.only:
            started = machine_load()
            dataset = {"soak_minutes": args.minutes}
            if not os.environ.get("PULSE_SERVER"):
                emit(
                    "audio_soak_overflows",
                    None,
                    "count",
                    0,
                    dataset=dataset,
                    load_start=started,
                    error="PULSE_SERVER unset: run through tests/bench/run.sh",
                )
            else:
                log(f"bench: {args.minutes} min real-time capture from {args.device} ...")
                d = bench_soak(args.minutes, args.device)
                emit(
                    "audio_soak_overflows",
                    d.pop("overflows", None),
                    "count",
                    0,
                    dataset=dataset,
                    load_start=started,
                    minutes=args.minutes,
                    **d,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
