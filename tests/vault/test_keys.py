"""Data keys on a real key file: wrapped at rest, bound to their recording, really destroyed."""

from __future__ import annotations

import os
import sqlite3

import pytest

from forsell.vault.chunks import RecordingUnreadable, open_all, seal
from forsell.vault.keys import KeyFileProblem, KeyVault

KEK = os.urandom(32)


@pytest.fixture
def vault(tmp_path):
    v = KeyVault(tmp_path / "keys.sqlite", KEK)
    yield v
    v.close()


def test_a_key_survives_reopening_and_is_never_stored_in_clear(tmp_path, vault):
    dek = vault.create("rec-1")
    vault.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("keys.sqlite*"))
    assert dek not in raw
    again = KeyVault(tmp_path / "keys.sqlite", KEK)
    assert again.get("rec-1") == dek
    again.close()


def test_another_kek_cannot_unwrap(tmp_path, vault):
    vault.create("rec-1")
    vault.close()
    other = KeyVault(tmp_path / "keys.sqlite", os.urandom(32))
    with pytest.raises(KeyFileProblem):
        other.get("rec-1")
    other.close()


def test_a_wrapped_key_moved_to_another_recording_does_not_open(tmp_path, vault):
    vault.create("rec-1")
    vault.create("rec-2")
    vault.close()
    db = sqlite3.connect(tmp_path / "keys.sqlite")
    wrapped = db.execute("SELECT wrapped FROM data_keys WHERE recording_id='rec-1'").fetchone()[0]
    db.execute("UPDATE data_keys SET wrapped=? WHERE recording_id='rec-2'", (wrapped,))
    db.commit()
    db.close()
    again = KeyVault(tmp_path / "keys.sqlite", KEK)
    with pytest.raises(KeyFileProblem):
        again.get("rec-2")
    again.close()


def test_destroying_a_key_shreds_the_recording_in_every_copy(tmp_path, vault):
    dek = vault.create("rec-1")
    chunks = [seal(dek, "rec-1", 0, False, b"greeting"), seal(dek, "rec-1", 1, True, b"farewell")]
    copy_of_chunks = list(chunks)  # e.g. a backup of the main database
    wrapped = (
        sqlite3.connect(tmp_path / "keys.sqlite")
        .execute("SELECT wrapped FROM data_keys")
        .fetchone()[0]
    )
    assert vault.destroy("rec-1") == 1
    with pytest.raises(RecordingUnreadable) as err:
        b"".join(open_all(vault.get("rec-1"), "rec-1", copy_of_chunks))
    assert err.value.reason == "shredded"
    assert not vault.exists("rec-1")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("keys.sqlite*"))
    assert wrapped not in raw  # secure_delete + WAL truncation: the old bytes are gone


def test_a_newer_key_file_is_refused(tmp_path, vault):
    vault.close()
    db = sqlite3.connect(tmp_path / "keys.sqlite")
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(KeyFileProblem):
        KeyVault(tmp_path / "keys.sqlite", KEK)


def test_a_destroyed_key_leaves_a_tombstone_readable_without_the_kek(tmp_path):
    from forsell.vault.keys import read_tombstones

    path = tmp_path / "keys.sqlite"
    vault = KeyVault(path, os.urandom(32))
    vault.create("rec-1")
    vault.create("rec-2")
    assert vault.destroy(["rec-1", "never-made"]) == 1
    assert vault.destroy("rec-1") == 0  # destroyed once: the tombstone is not repeated
    stones = vault.tombstones()
    assert set(stones) == {"rec-1", "never-made"} and vault.exists("rec-2")
    vault.close()
    # A restore reads them with no KEK at all (a new machine's secret store may be empty).
    assert read_tombstones(path) == stones
    assert read_tombstones(tmp_path / "none.sqlite") == {}
