"""Private by default on disk: the data folder is 0700 and every file the app writes is 0600, so
no other local account can copy the database (PIN hashes, sales), the key file, backups or logs.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from forsell.paths import open_to_others
from forsell.services.app import open_till
from forsell.services.doctor import check_file_modes

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="file modes are POSIX; Windows uses ACLs"
)


def _modes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): oct(stat.S_IMODE(p.stat().st_mode))
        for p in [root, *root.rglob("*")]
    }


def test_what_the_app_writes_is_private_even_under_a_loose_umask(tmp_path):
    data = tmp_path / "till"
    # The usual desktop umask (022) would make everything world-readable; the app must not care.
    code = (
        "import os, sys; os.umask(0o022); from forsell.cli import main; "
        "sys.exit(main(['doctor', '--data-dir', sys.argv[1]]))"
    )
    subprocess.run(  # doctor may fail other checks here (no keyring, no audio): not this test's
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    written = _modes(data)
    assert any(name.startswith("cashier.sqlite") for name in written), written
    assert open_to_others(data) == [], written
    assert written["."] == "0o700"


def test_an_older_loose_folder_is_made_private_at_start(tmp_path):
    data = tmp_path / "till"
    open_till(data).close()
    data.chmod(0o755)
    for path in data.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert open_to_others(data)  # the test really starts loose
    open_till(data).close()
    assert open_to_others(data) == [], _modes(data)


def test_doctor_reports_and_fixes_wider_modes(tmp_path):
    data = tmp_path / "till"
    open_till(data).close()
    assert check_file_modes(data).ok and "is private" in check_file_modes(data).found
    (data / "cashier.sqlite").chmod(0o644)
    result = check_file_modes(data)
    assert result.ok and "now private" in result.found and "cashier.sqlite" in result.found
    assert stat.S_IMODE((data / "cashier.sqlite").stat().st_mode) == 0o600
