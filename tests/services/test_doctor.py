"""The doctor's checks, each fed the real thing (folders, SQLite files, keyring backends)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import keyring.backends.SecretService
import pytest

from forsell.services.app import DB_NAME
from forsell.services.doctor import (
    KEYRING_HINT,
    PORTAUDIO_HINT,
    PROBE_SERVICE,
    check_audio,
    check_data_dir,
    check_database,
    check_secret_store,
    sounddevice_query,
)
from forsell.store.db import head_revision

# --- data folder -----------------------------------------------------------------------------


def test_a_new_data_folder_is_created_and_passes(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "data"
    result = check_data_dir(data_dir)
    assert result.ok, result.line()
    assert data_dir.is_dir()
    assert str(data_dir) in result.found and "free" in result.found
    assert list(data_dir.iterdir()) == []  # the write probe is cleaned up


def test_a_folder_that_cannot_be_created_fails_with_a_hint(tmp_path: Path) -> None:
    # Tests run as root in CI, where chmod does not stop writes: a path under a regular file
    # cannot be a folder for anyone.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = check_data_dir(blocker / "data")
    assert not result.ok
    assert "cannot be created" in result.found
    assert "--data-dir" in result.hint
    assert result.line().startswith("FAIL  data folder: ")


def test_too_little_free_space_fails(tmp_path: Path) -> None:
    result = check_data_dir(tmp_path, min_free_bytes=2**62)
    assert not result.ok
    assert "only" in result.found and "free at least" in result.hint


# --- database --------------------------------------------------------------------------------


def test_a_fresh_database_is_created_at_the_head_revision(tmp_path: Path) -> None:
    result = check_database(tmp_path)
    assert result.ok, result.line()
    assert f"schema {head_revision()}" in result.found
    assert (tmp_path / DB_NAME).is_file()


def test_a_garbage_database_fails_naming_the_file_and_the_backups(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    garbage = bytes(range(256)) * 64
    db.write_bytes(garbage)
    result = check_database(tmp_path)
    assert not result.ok
    assert str(db) in result.found and "corrupt" in result.found
    assert str(tmp_path / "backups") in result.hint
    assert db.read_bytes() == garbage  # the doctor leaves the evidence alone


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    assert check_database(tmp_path).ok
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    result = check_database(tmp_path)
    assert not result.ok
    assert "too-new" in result.found and "newer" in result.hint


# --- secret store ----------------------------------------------------------------------------


def test_the_fail_backend_fails_with_the_keyring_hint() -> None:
    result = check_secret_store(keyring.backends.fail.Keyring())
    assert not result.ok
    assert "keyring.backends.fail" in result.found
    assert result.hint == KEYRING_HINT


def test_a_backend_that_forgets_secrets_fails_the_round_trip() -> None:
    result = check_secret_store(keyring.backends.null.Keyring())
    assert not result.ok
    assert "did not read back" in result.found
    assert result.hint == KEYRING_HINT


@pytest.mark.skipif(not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
                    reason="needs a D-Bus session with an unlocked Secret Service "
                           "(installer/linux/run-tests.sh provides one)")
def test_a_real_secret_service_passes_and_keeps_no_probe_entry() -> None:
    backend = keyring.backends.SecretService.Keyring()
    result = check_secret_store(backend)
    assert result.ok, result.line()
    assert "SecretService" in result.found
    collection = backend.get_preferred_collection()
    leftovers = list(collection.search_items({"service": PROBE_SERVICE}))
    assert leftovers == []


# --- audio -----------------------------------------------------------------------------------


def _portaudio_not_installed():
    raise OSError("PortAudio library not found")


def test_missing_portaudio_fails_with_the_apt_hint() -> None:
    result = check_audio(_portaudio_not_installed)
    assert not result.ok
    assert "PortAudio is missing" in result.found
    assert result.hint == PORTAUDIO_HINT


SPEAKERS_ONLY = [{"name": "HDMI", "max_input_channels": 0, "max_output_channels": 2}]


def _speakers_only_query(kind: str | None = None):
    if kind == "input":
        raise RuntimeError("Error querying device -1")  # what PortAudio says without a default
    return SPEAKERS_ONLY


def test_no_input_device_fails_with_the_microphone_hint() -> None:
    result = check_audio(lambda: _speakers_only_query)
    assert not result.ok
    assert result.found == "no input device"
    assert "microphone" in result.hint


@pytest.mark.skipif(not os.environ.get("PULSE_SERVER"),
                    reason="needs the PulseAudio virtual microphone "
                           "(installer/linux/run-tests.sh starts one)")
def test_the_virtual_microphone_passes_with_the_default_input_named() -> None:
    result = check_audio(sounddevice_query)
    assert result.ok, result.line()
    assert "default input '" in result.found
