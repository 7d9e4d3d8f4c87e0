"""Encrypted backups of a big till: create, verify and restore, in seconds and MB/s.

The till of run_all.py's dataset (``--products``, ``--lines``: 100,000 products and 1,000,000
sale lines by default) plus ``--audio-mb`` of recordings (default 1024). The recordings' chunks
are random bytes of the size real sealed chunks have (about 4 KB per 2 s of Opus): a backup only
moves ciphertext, so their content does not change its speed, and a gigabyte of real Opus would be
140 hours of encoding. The secret store is an in-memory keyring here: the bench measures the
snapshot, the sealing and the disk, not D-Bus.

Metrics: ``backup_create_s`` / ``backup_create_mb_s``, ``backup_verify_s``,
``backup_restore_s`` / ``backup_restore_mb_s`` (the size is the plain size of the database and
the key file).

Run by hand:  python tests/bench/bench_backup.py --audio-mb 1024
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import keyring.backend
from jaraco.classes import properties

from forsell.domain.ids import new_id
from forsell.services.app import DB_NAME, open_till
from forsell.services.backup import (
    create_backup,
    restore_backup,
    set_passphrase,
    verify_backup,
)
from forsell.services.recordings import KEY_FILE, open_vault
from forsell.vault.secrets import SecretStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dataset import copy_data_dir, ensure_dataset
from metric_line import emit, machine_load

CHUNK_BYTES = 4_000  # one 2-second sealed Opus chunk
CHUNKS_PER_RECORDING = 90  # three minutes
PASSPHRASE = "bench passphrase of the till"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Secrets in this process's memory: the bench measures backups, not the Secret Service."""

    @properties.classproperty
    def priority(cls) -> float:
        # Passed in explicitly only: keyring's automatic choice must never pick it.
        raise RuntimeError("bench keyring: pass it in explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


def add_recordings(data_dir: Path, backend: MemoryKeyring, megabytes: int) -> int:
    """Recordings of random sealed-size chunks, each with a real data key; returns their count."""
    till = open_till(data_dir, seed_demo=False, keyring_backend=backend)
    device = till.ctx.device_id
    vault = open_vault(till.ctx, backend)
    till.close()
    per_recording = CHUNK_BYTES * CHUNKS_PER_RECORDING
    count = max(1, megabytes * 1024 * 1024 // per_recording)
    db = sqlite3.connect(data_dir / DB_NAME)
    now = datetime.now(UTC).isoformat()
    with db:
        for _ in range(count):
            rid = new_id()
            vault.create(rid)
            db.execute(
                "INSERT INTO recordings (id, device_id, reason, started_at, duration_ms, "
                "speech_ms, codec, sample_rate, bytes, chunks, overflows, silent, status) "
                "VALUES (?, ?, 'sale', ?, 180000, 90000, 'ogg-opus', 16000, ?, ?, 0, 0, 'queued')",
                (rid, device, now, per_recording, CHUNKS_PER_RECORDING),
            )
            db.executemany(
                "INSERT INTO recording_chunks (recording_id, idx, final, blob, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (rid, i, i == CHUNKS_PER_RECORDING - 1, os.urandom(CHUNK_BYTES), now)
                    for i in range(CHUNKS_PER_RECORDING)
                ],
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    vault.close()
    return count


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--products", type=int, default=100_000)
    p.add_argument("--lines", type=int, default=1_000_000)
    p.add_argument("--audio-mb", type=int, default=1024)
    p.add_argument("--cache-dir", type=Path, default=Path("/tmp/forsell-bench"))
    args = p.parse_args()
    started = machine_load()
    data = ensure_dataset(args.cache_dir, args.products, args.lines, log=lambda t: None)
    backend = MemoryKeyring()
    with tempfile.TemporaryDirectory(dir=args.cache_dir) as folder:
        work = copy_data_dir(data.data_dir, Path(folder) / "till")
        recordings = add_recordings(work, backend, args.audio_mb)
        till = open_till(work, seed_demo=False, keyring_backend=backend)
        device = till.ctx.device_id
        till.close()
        store = SecretStore(device, backend)
        set_passphrase(store, PASSPHRASE)
        plain = sum((work / n).stat().st_size for n in (DB_NAME, KEY_FILE))
        mb = plain / 1e6
        dataset = {
            "products": args.products,
            "sale_lines": args.lines,
            "recordings": recordings,
            "audio_mb": args.audio_mb,
            "plain_mb": round(mb, 1),
        }
        out = Path(folder) / "usb"
        out.mkdir()
        t0 = time.perf_counter()
        made = create_backup(work, device, out, keyring_backend=backend)
        create_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        verify_backup(made.path, store=store)
        verify_s = time.perf_counter() - t0
        for name in list(backend.values):  # a new machine: nothing of this till is known
            del backend.values[name]
        fresh = Path(folder) / "new-machine"
        t0 = time.perf_counter()
        restore_backup(
            made.path, fresh, passphrase=PASSPHRASE, keyring_backend=backend, ask_backend=False
        )
        restore_s = time.perf_counter() - t0
        file_mb = round(made.bytes / 1e6, 1)
        size = {"dataset": dataset, "load_start": started}
        emit("backup_create_s", round(create_s, 2), "s", None, **size, file_mb=file_mb,
             what="snapshot + seal + fsync + rename")  # fmt: skip
        emit("backup_create_mb_s", round(mb / create_s, 1), "MB/s", None, **size)
        emit("backup_verify_s", round(verify_s, 2), "s", None, **size,
             what="decrypt all + integrity_check of both files")  # fmt: skip
        emit("backup_restore_s", round(restore_s, 2), "s", None, **size,
             what="verify into staging + tombstones + secrets + swap")  # fmt: skip
        emit("backup_restore_mb_s", round(mb / restore_s, 1), "MB/s", None, **size)
        shutil.rmtree(fresh, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
