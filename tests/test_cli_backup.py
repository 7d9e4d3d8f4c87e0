"""``forsell-cashier backup …`` as an admin runs it: separate processes, real data folders, the
real keyring. A new machine is a fresh data folder with this till's secrets cleared."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from forsell.services.app import open_till
from forsell.services.backup import SECRET_NAMES, backups_in
from forsell.services.recordings import RecordingLibrary, open_vault
from forsell.vault.secrets import SecretStore
from platform_services import needs, secret_service
from recording_child import sealed_recording

pytestmark = [pytest.mark.slow, needs(secret_service)]

ADMIN_PIN = "9000"
PASSPHRASE = "Алматы, кофе и булочки 2026"


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        env=environment,
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_passphrase_create_verify_and_restore_on_a_new_machine(tmp_path: Path) -> None:
    data = tmp_path / "till"
    till = open_till(data)
    device_id = till.ctx.device_id
    vault = open_vault(till.ctx)
    rid = sealed_recording(till, vault, 2.0)
    vault.close()
    till.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    store = SecretStore(device_id, keyring.get_keyring())
    try:
        wrong = run_cli(
            "backup", "passphrase", "--data-dir", str(data), "--pin-stdin", "--passphrase-stdin",
            stdin=f"1234\n{PASSPHRASE}\n",
        )  # fmt: skip
        assert wrong.returncode == 1 and "wrong PIN" in wrong.stderr
        unset = run_cli(
            "backup", "create", "--data-dir", str(data), "--to", str(usb), "--pin-stdin",
            stdin=f"{ADMIN_PIN}\n",
        )  # fmt: skip
        assert unset.returncode == 1 and "no recovery passphrase" in unset.stderr
        done = run_cli(
            "backup", "passphrase", "--data-dir", str(data), "--pin-stdin", "--passphrase-stdin",
            stdin=f"{ADMIN_PIN}\n{PASSPHRASE}\n",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        made = run_cli(
            "backup", "create", "--data-dir", str(data), "--to", str(usb), "--pin-stdin",
            stdin=f"{ADMIN_PIN}\n",
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
        (backup,) = backups_in(usb)
        assert not list(usb.glob("*.partial"))
        good = run_cli("backup", "verify", str(backup))
        assert good.returncode == 0 and "backup good" in good.stdout, good.stderr
        raw = backup.read_bytes()
        backup.write_bytes(raw[:-1])
        cut = run_cli("backup", "verify", str(backup))
        assert cut.returncode == 1 and "truncated" in cut.stderr
        backup.write_bytes(raw)

        for name in SECRET_NAMES:  # the new machine's secret store knows nothing of this till
            store.delete(name)
        fresh = tmp_path / "new-machine"
        refused = run_cli(
            "backup", "restore", str(backup), "--data-dir", str(fresh), "--passphrase-stdin",
            stdin="a wrong passphrase\n",
        )  # fmt: skip
        assert refused.returncode == 1 and "wrong recovery passphrase" in refused.stderr
        assert not (fresh / "cashier.sqlite").exists()
        restored = run_cli(
            "backup", "restore", str(backup), "--data-dir", str(fresh), "--passphrase-stdin",
            stdin=f"{PASSPHRASE}\n",
        )  # fmt: skip
        assert restored.returncode == 0, restored.stderr
        till = open_till(fresh, seed_demo=False)
        vault = open_vault(till.ctx)
        try:
            pcm, rate = RecordingLibrary(till.ctx, vault).pcm(rid)
            assert rate == 16_000 and len(pcm) > rate
        finally:
            vault.close()
            till.close()
        # A printed recovery code instead of a chosen passphrase, shown once.
        coded = run_cli(
            "backup", "passphrase", "--data-dir", str(fresh), "--pin-stdin", "--recovery-code",
            stdin=f"{ADMIN_PIN}\n",
        )  # fmt: skip
        assert coded.returncode == 0, coded.stderr
        code = coded.stdout.split("recovery code: ")[1].split()[0]
        assert len(code) == 29 and code.count("-") == 4
        # A till with staff: a restore asks for an admin's PIN first.
        no_pin = run_cli(
            "backup", "restore", str(backup), "--data-dir", str(fresh), "--pin-stdin",
            stdin="0000\n",
        )  # fmt: skip
        assert no_pin.returncode == 1 and "wrong PIN" in no_pin.stderr
    finally:
        for name in SECRET_NAMES:
            store.delete(name)
