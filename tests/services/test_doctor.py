"""The doctor's checks, each fed the real thing (folders, SQLite files, keyring backends)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import keyring.backends.SecretService
import pytest
from sqlalchemy import select

from forsell.services.app import DB_NAME, open_till
from forsell.services.doctor import (
    KEYRING_HINT,
    PORTAUDIO_HINT,
    PROBE_SERVICE,
    check_audio,
    check_data_dir,
    check_database,
    check_recording_keys,
    check_recordings,
    check_secret_store,
    mic_test,
    sounddevice_query,
)
from forsell.services.recordings import KEY_FILE, open_vault
from forsell.store.db import head_revision
from forsell.store.models import RecordingChunk
from forsell.vault.keys import KeyVault
from platform_services import needs, pulseaudio, secret_service
from recording_child import sealed_recording

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


@needs(secret_service)
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


@needs(pulseaudio)
def test_the_virtual_microphone_passes_with_the_default_input_named() -> None:
    result = check_audio(sounddevice_query)
    assert result.ok, result.line()
    assert "default input '" in result.found


# --- recording keys and recordings -----------------------------------------------------------

NEEDS_SECRET_SERVICE = needs(secret_service)


def test_recording_keys_fail_without_a_secret_store(tmp_path: Path) -> None:
    result = check_recording_keys(tmp_path, keyring.backends.fail.Keyring())
    assert not result.ok
    assert result.found.startswith("recording stays off (selling goes on): no backend")
    assert "install gnome-keyring" in result.hint
    assert not (tmp_path / KEY_FILE).exists()  # no key file without a KEK to wrap keys with
    after_store_check = check_recording_keys(tmp_path, keyring.backends.fail.Keyring(), False)
    assert "the secret store does not work" in after_store_check.found


def test_recordings_are_not_verified_without_keys(tmp_path: Path) -> None:
    result = check_recordings(tmp_path, keyring.backends.null.Keyring())
    assert not result.ok
    assert result.found.startswith("not verified: ")
    assert result.hint == "fix the recording keys check first"


@pytest.fixture
def secret_service():
    return keyring.backends.SecretService.Keyring()


@pytest.fixture
def till_and_vault(tmp_path: Path, secret_service):
    till = open_till(tmp_path)
    vault = open_vault(till.ctx, secret_service)
    yield till, vault
    vault.close()
    till.close()


@NEEDS_SECRET_SERVICE
def test_recording_keys_pass_and_count_the_data_keys(till_and_vault, secret_service) -> None:
    till, vault = till_and_vault
    data_dir = till.ctx.data_dir
    assert check_recording_keys(data_dir, secret_service).found.endswith(
        "0 data key(s), all open with the key-encryption key from the secret store"
    )
    sealed_recording(till, vault, 3.0)
    result = check_recording_keys(data_dir, secret_service)
    assert result.ok, result.line()
    assert f"{data_dir / KEY_FILE}: 1 data key(s)" in result.found


@NEEDS_SECRET_SERVICE
def test_a_key_wrapped_under_another_kek_fails_the_recording_keys(
    till_and_vault, secret_service
) -> None:
    till, vault = till_and_vault
    sealed_recording(till, vault, 3.0)
    foreign = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))  # e.g. a copied folder
    foreign.create("from-another-till")
    foreign.close()
    result = check_recording_keys(till.ctx.data_dir, secret_service)
    assert not result.ok
    assert "1 of 2 data keys" in result.found and "recording stays off" in result.found
    assert "another key-encryption key" in result.hint


@NEEDS_SECRET_SERVICE
def test_recordings_check_lists_every_damaged_recording(till_and_vault, secret_service) -> None:
    till, vault = till_and_vault
    good, cut, altered = (sealed_recording(till, vault, 5.0) for _ in range(3))
    assert (
        check_recordings(till.ctx.data_dir, secret_service).found
        == "3 recording(s), every chunk authenticates"
    )
    with till.ctx.db.write() as session:
        chunks = {
            rid: session.scalars(
                select(RecordingChunk)
                .where(RecordingChunk.recording_id == rid)
                .order_by(RecordingChunk.idx)
            ).all()
            for rid in (cut, altered)
        }
        session.delete(chunks[cut][-1])  # the final chunk is gone: cut short
        blob = bytearray(chunks[altered][0].blob)
        blob[-1] ^= 0x80  # one bit of the tag
        chunks[altered][0].blob = bytes(blob)
    result = check_recordings(till.ctx.data_dir, secret_service)
    assert not result.ok
    assert result.found.startswith("2 of 3 recording(s) do not authenticate")
    assert f"{cut}: truncated" in result.found and f"{altered}: altered" in result.found
    assert good not in result.found


# --- microphone test -------------------------------------------------------------------------


def test_mic_test_of_a_device_that_does_not_exist_fails_with_a_hint() -> None:
    result = mic_test("no-such-microphone", seconds=0.5)
    assert not result.ok
    assert result.found.startswith("'no-such-microphone' cannot be opened")
    assert "settings" in result.hint


# --- integrity --------------------------------------------------------------------------------


def _flip_index_entries(db_file, index: str) -> str:
    """Removes a table's rows from one of its indexes behind SQLite's back (writable_schema):
    the kind of damage a flipped page leaves, which only integrity_check sees."""
    import sqlite3

    conn = sqlite3.connect(db_file)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    table = conn.execute("SELECT tbl_name FROM sqlite_master WHERE name = ?", (index,)).fetchone()[
        0
    ]
    with conn:
        conn.execute(f"DROP INDEX {index}")
        conn.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS") + " WHERE 0")
    with conn:  # restore the index's definition without its entries
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, index))
    conn.close()
    return table


def test_doctor_full_names_the_table_of_a_damaged_index(tmp_path):
    from forsell.services.app import open_till
    from forsell.services.doctor import check_database

    data = tmp_path / "till"
    open_till(data).close()  # the demo store: products with their indexes
    assert check_database(data, full=True).ok
    import sqlite3

    conn = sqlite3.connect(data / "cashier.sqlite")
    index = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
        "'products' AND sql IS NOT NULL"
    ).fetchone()[0]
    conn.close()
    _flip_index_entries(data / "cashier.sqlite", index)

    full = check_database(data, full=True)
    assert not full.ok, full.line()
    assert "products" in full.found and "integrity_check" in full.found
    assert "stop selling" in full.hint


def test_doctor_quick_check_catches_a_damaged_page(tmp_path):
    import sqlite3

    from forsell.services.app import open_till
    from forsell.services.doctor import check_database

    data = tmp_path / "till"
    open_till(data).close()
    db_file = data / "cashier.sqlite"
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'products'").fetchone()[0]
    conn.close()
    with db_file.open("r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xff" * 16)  # the b-tree page header of the products table
    result = check_database(data)
    assert not result.ok, result.line()
    assert "products" in result.found or "malformed" in result.found or "corrupt" in result.found
