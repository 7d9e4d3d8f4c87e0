"""``python -m forsell.fakes``: starts the three FAKE servers on 127.0.0.1 until Ctrl+C.

Prints their URLs and the settings and secrets that point a till at them. The transcripts they
return are scripted, NOT speech recognition (turn on ``sync.demo_fakes`` so the till says so).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from forsell.domain import settings as st

from .fake_backend import FakeBackend
from .fake_elevenlabs import DEFAULT_KEY as ELEVENLABS_KEY
from .fake_elevenlabs import FakeElevenLabs
from .fake_kassa24 import DEFAULT_REGISTER as KASSA24_REGISTER
from .fake_kassa24 import DEFAULT_TOKEN as KASSA24_TOKEN
from .fake_kassa24 import FakeKassa24
from .fake_yandex import DEFAULT_FOLDER, FakeYandex
from .fake_yandex import DEFAULT_KEY as YANDEX_KEY
from .server import FakeServer


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m forsell.fakes", description=__doc__)
    p.add_argument("--elevenlabs-port", type=int, default=0, help="0 = a free port")
    p.add_argument("--yandex-port", type=int, default=0)
    p.add_argument("--backend-port", type=int, default=0)
    p.add_argument("--kassa24-port", type=int, default=0)
    p.add_argument("--backend-db", help="SQLite file for the fake backend (survives restarts)")
    p.add_argument(
        "--processing", type=float, default=0.0, help="seconds each fake transcription takes"
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the fault injection")
    p.add_argument(
        "--registration-answer",
        choices=("pending", "accepted", "rejected"),
        default="pending",
        help="the backend's answer to a store's registration form (later decisions: POST "
        '{"status": "accepted"} or {"status": "rejected", "reason": "…"} to '
        "<backend>/_fake/registration)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON line instead of text")
    return p


def describe(urls: dict[str, str]) -> dict[str, dict[str, str]]:
    """The settings and secrets a till needs to use the fakes (the FAKE cash register's when
    ``urls`` has "kassa24")."""
    info = {
        "urls": urls,
        "settings": {
            st.SYNC_ENABLED.key: "true",
            st.SYNC_DEMO_FAKES.key: "true",
            st.SYNC_BACKEND_URL.key: urls["backend"],
            st.ELEVENLABS_URL.key: urls["elevenlabs"],
            st.YANDEX_URL.key: urls["yandex"],
            st.YANDEX_OPERATIONS_URL.key: urls["yandex"],
            st.YANDEX_FOLDER_ID.key: DEFAULT_FOLDER,
        },
        "secrets": {
            "elevenlabs-key": ELEVENLABS_KEY,
            "yandex-key": YANDEX_KEY,
            "backend-token": "(issued by POST /v1/devices/register)",
        },
    }
    if "kassa24" in urls:
        info["settings"].update(
            {
                st.FISCAL_PROVIDER.key: "kassa24",
                st.FISCAL_REGISTER.key: KASSA24_REGISTER,
                st.FISCAL_URL.key: urls["kassa24"],
            }
        )
        info["secrets"]["fiscal-token"] = KASSA24_TOKEN
    return info


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Ctrl+C stops the servers even when started from a script in the background, which hands
    # its children SIGINT ignored (Python then never raises KeyboardInterrupt).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    servers = {
        "elevenlabs": FakeServer(
            FakeElevenLabs(processing_s=args.processing, seed=args.seed),
            port=args.elevenlabs_port,
            name="elevenlabs",
        ),
        "yandex": FakeServer(FakeYandex(seed=args.seed), port=args.yandex_port, name="yandex"),
        "backend": FakeServer(
            FakeBackend(
                args.backend_db, seed=args.seed, registration_answer=args.registration_answer
            ),
            port=args.backend_port,
            name="backend",
        ),
        "kassa24": FakeServer(FakeKassa24(seed=args.seed), port=args.kassa24_port, name="kassa24"),
    }
    try:
        for server in servers.values():
            server.start()
        info = describe({name: s.url for name, s in servers.items()})
        if args.json:
            print(json.dumps(info), flush=True)
        else:
            print("FAKE servers running — transcripts are scripted, NOT real speech recognition.")
            for name, url in info["urls"].items():
                print(f"  {name:<11} {url}   (stats: {url}/_fake/stats)")
            print("Settings:")
            for key, value in info["settings"].items():
                print(f"  {key} = {value}")
            print("Secrets:")
            for key, value in info["secrets"].items():
                print(f"  {key} = {value}")
            print("Ctrl+C stops them.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers.values():
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
