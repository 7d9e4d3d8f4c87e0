"""A backup into a folder on a full disk: refused with ``disk_full``, nothing left behind, and
the next backup, once space is freed, is whole. The disk is the small real tmpfs (root) or the
RLIMIT_FSIZE fallback of tests/crash/small_disk.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forsell.services.app import open_till
from forsell.services.backup import (
    BackupRefused,
    backups_in,
    create_backup,
    set_passphrase,
    verify_backup,
)
from forsell.services.recordings import open_vault
from forsell.vault.secrets import SecretStore
from recording_child import sealed_recording
from sync.memory_keyring import MemoryKeyring

from .small_disk import SmallDisk, mount_small_disk, unmount

pytestmark = pytest.mark.slow


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    made = mount_small_disk(tmp_path / "disk")
    yield made
    unmount(made)


def test_a_backup_onto_a_full_disk_leaves_nothing_and_the_next_one_is_whole(
    disk: SmallDisk, tmp_path: Path
) -> None:
    if not disk.tmpfs:  # a file-size limit would hit the till's own snapshot too
        pytest.skip("a full backup drive needs a real small disk: run as root (CI does)")
    backend = MemoryKeyring()
    data_dir = tmp_path / "till"  # the till's own disk has room; the backup drive has none
    till = open_till(data_dir, keyring_backend=backend)
    device_id = till.ctx.device_id
    vault = open_vault(till.ctx, backend)
    sealed_recording(till, vault, 3.0)
    vault.close()
    till.close()
    store = SecretStore(device_id, backend)
    set_passphrase(store, "фраза для полного диска")
    folder = disk.root / "backups"
    folder.mkdir()
    disk.fill(leave=0)
    with pytest.raises(BackupRefused) as refused:
        create_backup(data_dir, device_id, folder, keyring_backend=backend)
    assert refused.value.reason == "disk_full"
    assert list(folder.iterdir()) == []  # no .partial, nothing that counts as a backup
    assert not list(data_dir.glob(".backup-*"))
    disk.free()
    made = create_backup(data_dir, device_id, folder, keyring_backend=backend)
    assert backups_in(folder) == [made.path]
    assert verify_backup(made.path, store=store).till == device_id
