"""``python -m forsell.fakes`` starts all the fakes, prints how to use them, stops on Ctrl+C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import httpx
import pytest


@pytest.mark.slow
def test_module_starts_all_fakes_and_stops_on_ctrl_c(tmp_path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "forsell.fakes",
            "--json",
            "--backend-db",
            str(tmp_path / "backend.sqlite"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        urls = info["urls"]
        assert set(urls) == {"elevenlabs", "yandex", "backend", "kassa24"}
        assert all(u.startswith("http://127.0.0.1:") for u in urls.values())
        assert info["settings"]["sync.demo_fakes"] == "true"
        assert info["settings"]["sync.yandex_operations_url"] == urls["yandex"]
        assert httpx.get(urls["backend"] + "/v1/health").json()["fake"] is True
        assert info["settings"]["cashregister.url"] == urls["kassa24"]
        assert info["secrets"]["fiscal-token"]
        for name in ("elevenlabs", "yandex", "kassa24"):
            stats = httpx.get(urls[name] + "/_fake/stats")
            assert stats.json()["fake"] == name and stats.headers["x-fake"] == "true"
        proc.send_signal(signal.SIGINT)
        # Generous: on a loaded 2-core machine the servers' shutdown took over 10 s once.
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (tmp_path / "backend.sqlite").exists()
