"""A data subject's destruction (policy 6.3) at scale: an employee with years of recordings.

A fresh till where the demo cashier has ``--recordings`` recordings (three sealed chunks of
4 KB each, a sealed transcript, a score) and a backup copy in ``backups/``. Measures

- ``destruction_employee``: ``PrivacyRequests.destroy`` end to end — keys destroyed, chunks and
  derived rows deleted, the employee pseudonymised, the backup copy cleaned, the deletion
  events queued, the database file rewritten (VACUUM). An admin's action, run once per request;
  the goal is that it ends while the admin waits at the screen.

Run by run_all.py in its own process:  python bench_destruction.py --recordings 2000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from forsell.domain.ids import new_id
from forsell.domain.roles import Role
from forsell.services.app import open_till
from forsell.services.privacy.requests import PrivacyRequests, subject_employee
from forsell.services.recordings import KEY_FILE
from forsell.store.db import backup_copy
from forsell.store.models import ConversationScore, Recording, RecordingChunk
from forsell.sync.providers.base import Transcript
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.chunks import seal
from forsell.vault.keys import KeyVault

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric_line import emit, machine_load


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--recordings", type=int, default=2_000)
    args = p.parse_args()
    started = machine_load()
    with tempfile.TemporaryDirectory() as folder:
        till = open_till(Path(folder) / "data")
        vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
        try:
            staff = till.staff.staff()
            cashier = next(e for e in staff if e.role is Role.CASHIER)
            admin = next(e for e in staff if e.role is Role.ADMIN)
            now = datetime.now(UTC)
            ids = []
            with till.ctx.db.write() as session:
                for i in range(args.recordings):
                    rid = new_id()
                    ids.append(rid)
                    dek = vault.create(rid)
                    session.add(
                        Recording(
                            id=rid,
                            device_id="bench",
                            employee_id=cashier.id,
                            started_at=now - timedelta(minutes=i),
                            status="sealed",
                            chunks=3,
                        )
                    )
                    session.flush()
                    for k in range(3):
                        chunk = seal(dek, rid, k, k == 2, os.urandom(4_000))
                        session.add(
                            RecordingChunk(recording_id=rid, idx=k, final=k == 2, blob=chunk.blob)
                        )
                    session.add(
                        ConversationScore(
                            recording_id=rid,
                            scorecard_id="bench",
                            percent=50.0,
                            employee_id=cashier.id,
                        )
                    )
            store = TranscriptStore(till.ctx.db, vault)
            for rid in ids:
                said = Transcript("слово " * 200, "ru", (), 0.9, 30.0, "elevenlabs", "el-" + rid)
                store.save(rid, said)
            backup_copy(till.ctx.db.path, till.ctx.data_dir / "backups", "bench")
            size = till.ctx.db.path.stat().st_size
            service = PrivacyRequests(till.ctx, vault)
            request = service.register(admin, "destruction", "bench", subject_employee(cashier.id))
            t = time.perf_counter()
            cert = service.destroy(request.id, admin)
            took = time.perf_counter() - t
            emit(
                "destruction_employee",
                round(took, 2),
                "s",
                30,  # an admin waits for it once per request
                dataset={"recordings": args.recordings},
                load_start=started,
                database_mb_before=round(size / 1e6, 1),
                database_mb_after=round(till.ctx.db.path.stat().st_size / 1e6, 1),
                deletion_events=len(cert.events),
                keys_left=cert.keys_left,
                compacted=cert.compacted,
                timed="PrivacyRequests.destroy: keys, rows, pseudonym, one backup copy, events, "
                "VACUUM",
            )
        finally:
            vault.close()
            till.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
