"""Consent holds at scale: the audio lane's per-recording check, and the admin's consent list.

A fresh till with ``--recordings`` recordings spread over the demo staff and ``--consents``
consent records, every second one withdrawn. Measures

- ``consent_hold_check``: one ``store.consent_hold.hold_reason`` with its own read session, as
  the audio lane runs it before each recording job (on the engine's executor);
- ``consent_admin_list``: ``ConsentService.consents()``, which the admin's Recording tab calls
  on the GUI thread (held recordings counted per employee).

Run by run_all.py in its own process:  python bench_consent.py --recordings 20000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from forsell.domain.ids import new_id
from forsell.services.app import open_till
from forsell.services.consent import ConsentService
from forsell.store.consent_hold import hold_reason
from forsell.store.models import Recording, RecordingConsent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric_line import emit, machine_load


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--recordings", type=int, default=20_000)
    p.add_argument("--consents", type=int, default=200)
    p.add_argument("--checks", type=int, default=2_000)
    args = p.parse_args()
    started = machine_load()
    dataset = {"recordings": args.recordings, "consents": args.consents}
    with tempfile.TemporaryDirectory() as folder:
        till = open_till(Path(folder) / "data")
        try:
            staff = till.staff.staff()
            now = datetime.now(UTC)
            ids = []
            with till.ctx.db.write() as session:
                for i in range(args.recordings):
                    rid = new_id()
                    ids.append(rid)
                    session.add(
                        Recording(
                            id=rid,
                            device_id="bench",
                            employee_id=staff[i % len(staff)].id,
                            started_at=now - timedelta(minutes=i),
                            status="queued",
                        )
                    )
                for j in range(args.consents):
                    who = staff[j % len(staff)].id
                    session.add(
                        RecordingConsent(
                            employee_id=who,
                            given_at=now - timedelta(days=j + 1),
                            recorded_by=who,
                            withdrawn_at=now - timedelta(days=j) if j % 2 else None,
                        )
                    )
            checks = []
            for rid in ids[: args.checks]:
                t = time.perf_counter()
                with till.ctx.db.read() as session:
                    hold_reason(session, rid)
                checks.append((time.perf_counter() - t) * 1000)
            emit(
                "consent_hold_check_p99",
                round(_percentile(checks, 0.99), 3),
                "ms",
                10,  # beside an upload of seconds, per recording job
                dataset=dataset,
                load_start=started,
                n=len(checks),
                median_ms=round(statistics.median(checks), 3),
                timed="hold_reason with its own read session, as the audio lane runs it",
            )
            consent = ConsentService(till.ctx)
            lists = []
            for _ in range(10):
                t = time.perf_counter()
                consent.consents()
                lists.append((time.perf_counter() - t) * 1000)
            emit(
                "consent_admin_list_median",
                round(statistics.median(lists), 1),
                "ms",
                100,
                dataset=dataset,
                load_start=started,
                n=len(lists),
                max_ms=round(max(lists), 1),
                timed="ConsentService.consents() (the admin's Recording tab, GUI thread)",
            )
        finally:
            till.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
