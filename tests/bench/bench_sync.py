"""Sync benchmarks: the audio lane's drain rate against the ideal and against curl, and memory
while a large backlog of recordings drains.

    python tests/bench/bench_sync.py                    # N=8, 200 recordings, 1 GB memory run
    python tests/bench/bench_sync.py --gb 0.1 --recordings 80 --concurrency 4

1. Drain rate: the FAKE ElevenLabs answers every upload after ``--latency`` s (200 ms). With the
   audio lane at concurrency N the ideal is N / latency requests per second; we report the
   engine's steady rate (from the outbox's done_at times, 10th to 90th percentile: no start-up,
   no tail, no polling lag) as a ratio to it (goal ≥ 0.8), the wall-clock ratio beside it, and
   ``curl`` uploading the same files with the same parallelism (``xargs -P N``) as the baseline
   of "plain HTTP, no database, no crypto".
2. Memory: ``--gb`` of recordings (sealed chunks in SQLite, like the recorder writes them) drain
   through the whole stack (SyncService → engine → decrypt in memory → upload); RSS is sampled
   every 0.2 s. Flat means bounded by concurrency × recording size, not by the backlog.

The fakes run in a child process, so the server's CPU is not counted in our process's memory
and does not share our GIL. Prints one JSON object per metric on stdout; progress on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from metric_line import line, machine_load

KEY = "fake-elevenlabs-key"
CHUNK = 64 * 1024

SERVER = """
import json, socket, sys
from forsell.fakes import server as fake_server
from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.fake_elevenlabs import FakeElevenLabs
from forsell.fakes.server import FakeServer

# TCP_NODELAY on every accepted connection, as any production HTTP server sets it. FakeServer's
# listening socket is made with proto 0, so asyncio's own _set_nodelay skips the accepted
# sockets; on a kept-alive connection the response's second write then waits for the client's
# delayed ACK: +40 ms per request (measured: 44 ms per request with no injected latency, curl
# 11 ms with a fresh connection each time), which is the fake's cost, not the engine's.
_made = fake_server._TransportH11.connection_made


def _connection_made(self, transport):
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    _made(self, transport)


fake_server._TransportH11.connection_made = _connection_made
latency = float(sys.argv[1])
el = FakeElevenLabs(max_concurrent=256, accept_any_audio=True)
if latency > 0:
    el.faults.add("latency", "POST /v1/speech-to-text", latency_s=latency)
servers = {"elevenlabs": FakeServer(el).start(), "backend": FakeServer(FakeBackend()).start()}
print(json.dumps({name: s.url for name, s in servers.items()}), flush=True)
sys.stdin.read()
"""


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def rss_mb() -> float:
    with Path("/proc/self/statm").open() as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Fakes:
    """FAKE ElevenLabs + FAKE backend in a child process."""

    def __init__(self, latency_s: float) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(latency_s)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.urls = json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(10)


class MemoryKeyring:
    """keyring backend in memory (the bench has no desktop session)."""

    def __new__(cls):
        import keyring.backend

        class _Keyring(keyring.backend.KeyringBackend):
            priority = 1

            def __init__(self) -> None:
                super().__init__()
                self.secrets: dict = {}

            def get_password(self, service, username):
                return self.secrets.get((service, username))

            def set_password(self, service, username, password):
                self.secrets[(service, username)] = password

            def delete_password(self, service, username):
                self.secrets.pop((service, username), None)

        return _Keyring()


def make_till(
    folder: Path,
    fakes: Fakes,
    keyring_backend,
    recordings: int,
    size: int,
    files_dir: Path | None = None,
):
    """A till with ``recordings`` sealed recordings of ``size`` bytes each, queued for upload."""
    from forsell.services import settings as s
    from forsell.services.app import open_till
    from forsell.services.recordings import open_vault
    from forsell.store.models import Recording, RecordingChunk
    from forsell.store.outbox import AUDIO, enqueue
    from forsell.vault.chunks import seal
    from forsell.vault.secrets import SecretStore

    till = open_till(folder, seed_demo=False)
    settings = till.ctx.settings
    for setting, value in (
        (s.SYNC_ENABLED, True),
        (s.SYNC_BACKEND_URL, fakes.urls["backend"]),
        (s.STORE_BIN, "123456789012"),
        (s.SYNC_AUDIO_ABROAD, True),
        (s.ELEVENLABS_URL, fakes.urls["elevenlabs"]),
        (s.SYNC_FALLBACK, "none"),
        (s.SYNC_DEMO_FAKES, True),
    ):
        settings.set(setting, value)
    SecretStore(till.ctx.device_id, keyring_backend).set("elevenlabs-key", KEY)
    vault = open_vault(till.ctx, keyring_backend)
    rng = os.urandom
    for n in range(recordings):
        rid = f"0190b000-0000-7000-8000-{n:012d}"
        audio = b"OggS" + rng(size - 4)
        if files_dir is not None:
            (files_dir / f"{rid}.ogg").write_bytes(audio)
        dek = vault.create(rid)
        with till.ctx.db.write() as session:
            session.add(
                Recording(
                    id=rid,
                    device_id=till.ctx.device_id,
                    reason="sale",
                    started_at=datetime.now(UTC),
                    duration_ms=30_000,
                    speech_ms=20_000,
                    bytes=size,
                    status="queued",
                    chunks=(size + CHUNK - 1) // CHUNK,
                )
            )
            session.flush()
            for i, at in enumerate(range(0, size, CHUNK)):
                sealed = seal(dek, rid, i, at + CHUNK >= size, audio[at : at + CHUNK])
                session.add(
                    RecordingChunk(recording_id=rid, idx=i, final=sealed.final, blob=sealed.blob)
                )
            enqueue(
                session,
                "recording",
                rid,
                {"id": rid, "sale_id": None, "duration_ms": 30_000, "speech_ms": 20_000},
                lane=AUDIO,
            )
    vault.close()
    return till


def drain(
    till,
    keyring_backend,
    concurrency: int,
    sample=None,
    timeout: float = 3600.0,
    poll_s: float = 0.05,
):
    """Runs the real SyncService until the audio lane is empty; returns (seconds, service).

    ``seconds`` is wall time from start() to the poll that saw the lane empty (start-up and up
    to ``poll_s`` of polling lag included); ``steady_rate`` gives the rate without either."""
    from forsell.services.sync import SyncService
    from forsell.sync.engine import EngineConfig

    config = EngineConfig(audio_concurrency=concurrency, backend_concurrency=2, idle_poll_s=0.2)
    service = SyncService(till, keyring_backend, config=config)
    started = time.perf_counter()
    service.start()
    try:
        deadline = started + timeout
        while True:
            counts = service.queue.counts("audio")
            if counts.pending == 0 and counts.in_flight == 0:
                break
            if time.perf_counter() > deadline:
                raise TimeoutError(f"audio lane not drained: {counts}")
            if sample is not None:
                sample()
            time.sleep(poll_s)
        return time.perf_counter() - started, service
    finally:
        service.stop()


def steady_rate(db) -> tuple[float, int]:
    """Recordings per second while the lane was draining at full speed, from the outbox's own
    ``done_at`` times: between the 10th and the 90th percentile of completions, so neither the
    start-up (thread, HTTP client, first claim) nor the tail (the last few slots emptying) nor
    the benchmark's polling interval counts. Returns (rate, completions in the window)."""
    from sqlalchemy import select

    from forsell.store.models import OutboxJob

    with db.read() as session:
        times = sorted(
            session.scalars(
                select(OutboxJob.done_at).where(
                    OutboxJob.lane == "audio", OutboxJob.state == "done"
                )
            )
        )
    lo, hi = len(times) // 10, len(times) - 1 - len(times) // 10
    if hi <= lo or times[hi] <= times[lo]:
        return float("nan"), 0
    return (hi - lo) / (times[hi] - times[lo]).total_seconds(), hi - lo


def curl_rate(files_dir: Path, url: str, concurrency: int) -> tuple[float, int]:
    """Seconds for curl to upload every file with ``xargs -P``; and how many got a 200."""
    cmd = (
        f"find {files_dir} -name '*.ogg' -print0 | xargs -0 -P {concurrency} -I{{}} "
        f"curl -s -o /dev/null -w '%{{http_code}}\\n' -H 'xi-api-key: {KEY}' "
        f"-F model_id=scribe_v2 -F 'file=@{{}};type=audio/ogg' {url}/v1/speech-to-text"
    )
    started = time.perf_counter()
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - started, out.split().count("200")


def _lines(metrics: list[dict], dataset: dict, load_start: float) -> list[dict]:
    return [
        line(
            m["metric"],
            m["value"],
            m["unit"],
            m["goal"],
            dataset=dataset,
            load_start=load_start,
            **m["detail"],
        )
        for m in metrics
    ]


def bench_rate(args, work: Path) -> list[dict]:
    load_start = machine_load()
    dataset = {"recordings": args.recordings, "recording_kb": args.size_kb}
    fakes = Fakes(args.latency)
    try:
        keys = MemoryKeyring()
        files = work / "files"
        files.mkdir()
        log(
            f"sync bench: {args.recordings} recordings of {args.size_kb} KB, "
            f"latency {args.latency * 1000:.0f} ms, concurrency {args.concurrency}"
        )
        till = make_till(work / "rate", fakes, keys, args.recordings, args.size_kb * 1024, files)
        try:
            # Polled every 0.2 s: the benchmark's own COUNT queries compete with the engine for
            # the GIL and SQLite (at 0.05 s they took ~5 % of the process's CPU); the rate comes
            # from done_at anyway, so the poll only decides when to stop.
            seconds, service = drain(till, keys, args.concurrency, poll_s=0.2)
            summary = service.status().audio
            steady, window = steady_rate(till.ctx.db)
        finally:
            till.close()
        ideal = args.concurrency / args.latency
        rate = args.recordings / seconds
        metrics = [
            {
                "metric": "sync_audio_drain_ratio",
                "value": round(steady / ideal, 3),
                "unit": "ratio",
                "goal": 0.8,
                "detail": {
                    "requests_per_s": round(steady, 2),
                    "ideal_per_s": ideal,
                    "steady_window": window,
                    "wall_ratio": round(rate / ideal, 3),
                    "wall_requests_per_s": round(rate, 2),
                    "seconds": round(seconds, 2),
                    "recordings": args.recordings,
                    "concurrency": args.concurrency,
                    "latency_s": args.latency,
                    "size_kb": args.size_kb,
                    "dead": summary.dead,
                },
            }
        ]
        if shutil.which("curl"):
            curl_s, ok = curl_rate(files, fakes.urls["elevenlabs"], args.concurrency)
            metrics.append(
                {
                    "metric": "sync_curl_drain_ratio",
                    "value": round(args.recordings / curl_s / ideal, 3),
                    "unit": "ratio",
                    "goal": None,
                    "detail": {
                        "requests_per_s": round(args.recordings / curl_s, 2),
                        "seconds": round(curl_s, 2),
                        "ok": ok,
                        "engine_vs_curl": round(steady * curl_s / args.recordings, 3),
                        "engine_wall_vs_curl": round(curl_s / seconds, 3),
                    },
                }
            )
        else:
            metrics.append(
                {
                    "metric": "sync_curl_drain_ratio",
                    "value": None,
                    "unit": "ratio",
                    "goal": None,
                    "detail": {"error": "curl not installed"},
                }
            )
        return _lines(metrics, dataset, load_start)
    finally:
        fakes.close()


def bench_memory(args, work: Path) -> list[dict]:
    size = args.memory_recording_mb * 2**20
    count = max(1, int(args.gb * 2**30 // size))
    load_start = machine_load()
    dataset = {
        "gb": round(count * size / 2**30, 3),
        "recordings": count,
        "recording_mb": args.memory_recording_mb,
    }
    fakes = Fakes(0.0)
    try:
        keys = MemoryKeyring()
        log(
            f"sync bench: writing {count} sealed recordings of {args.memory_recording_mb} MB "
            f"({count * size / 2**30:.2f} GB) ..."
        )
        till = make_till(work / "memory", fakes, keys, count, size)
        try:
            baseline = rss_mb()
            samples: list[tuple[float, float]] = []
            stop = threading.Event()

            def sampler() -> None:
                while not stop.is_set():
                    samples.append((time.perf_counter(), rss_mb()))
                    stop.wait(0.2)

            thread = threading.Thread(target=sampler, daemon=True)
            thread.start()
            log("sync bench: draining ...")
            seconds, _ = drain(till, keys, args.concurrency)
            stop.set()
            thread.join()
        finally:
            till.close()
        values = [v for _, v in samples]
        quarter = values[len(values) // 4] if values else baseline
        peak = max(values) if values else baseline
        bound = args.concurrency * args.memory_recording_mb * 4
        return _lines(
            [
                {
                    "metric": "sync_memory_growth_mb",
                    "value": round(peak - baseline, 1),
                    "unit": "MB",
                    "goal": bound,
                    "detail": {
                        "gb": round(count * size / 2**30, 3),
                        "recordings": count,
                        "recording_mb": args.memory_recording_mb,
                        "baseline_mb": round(baseline, 1),
                        "peak_mb": round(peak, 1),
                        "at_25pct_mb": round(quarter, 1),
                        "end_mb": round(values[-1], 1) if values else None,
                        "end_minus_25pct_mb": round(values[-1] - quarter, 1) if values else None,
                        "seconds": round(seconds, 1),
                        "mb_per_s": round(count * size / 2**20 / seconds, 1),
                        "goal_means": "concurrency x recording size x 4 copies",
                    },
                }
            ],
            dataset,
            load_start,
        )
    finally:
        fakes.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--latency", type=float, default=0.2, help="fake provider latency (s)")
    p.add_argument("--recordings", type=int, default=200, help="for the drain rate")
    p.add_argument("--size-kb", type=int, default=64, help="recording size for the drain rate")
    p.add_argument("--gb", type=float, default=1.0, help="recordings drained for the memory run")
    p.add_argument("--memory-recording-mb", type=int, default=4)
    p.add_argument("--only", choices=("rate", "memory"), default=None)
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="forsell-bench-sync-"))
    try:
        metrics = []
        if args.only in (None, "rate"):
            metrics += bench_rate(args, work)
        if args.only in (None, "memory"):
            metrics += bench_memory(args, work)
        for metric in metrics:
            print(json.dumps(metric, ensure_ascii=False), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
