"""The packaging recipe against the app it packs (fast; the real build is in
test_installed_package.py): Qt modules left out of the bundle are ones the app never imports, the
package's dependencies are ones setup.sh installs, the desktop entries start the right command,
and the Windows installer script matches the spec (Inno Setup itself runs only on Windows)."""

from __future__ import annotations

import ast
import configparser
import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "installer" / "forsell-cashier.spec"
DEB = REPO / "installer" / "linux" / "deb"
ISS = REPO / "installer" / "windows" / "forsell-cashier.iss"


def _spec_list(name: str) -> list[str]:
    """A list literal assigned to ``name`` in the spec (the spec is Python)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} is not in the spec")


def _qt_modules_imported() -> set[str]:
    found = set()
    for path in (REPO / "src" / "forsell").rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                found |= {alias.name for alias in node.names if alias.name.startswith("Qt")}
    return found


def test_no_qt_module_the_app_imports_is_left_out_of_the_bundle():
    imported = _qt_modules_imported()
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported  # the scan sees the app's imports
    left_out = {name.removeprefix("PySide6.") for name in _spec_list("QT_UNUSED")}
    assert not imported & left_out, f"the bundle would lack {sorted(imported & left_out)}"


def test_the_shop_bundle_leaves_the_fake_servers_and_test_tools_out():
    assert "forsell.fakes" in _spec_list("FAKES")
    assert {"pytest", "hypothesis", "mypy"} <= set(_spec_list("TEST_ONLY"))
    text = SPEC.read_text(encoding="utf-8")
    assert 'excludes = QT_UNUSED + TEST_ONLY + (FAKES if FLAVOUR == "shop" else [])' in text


def _setup_packages() -> set[str]:
    text = (REPO / "installer" / "linux" / "setup.sh").read_text(encoding="utf-8")
    block = re.search(r"APP_PACKAGES=\((.*?)\n\)", text, re.DOTALL)
    assert block is not None
    words = re.sub(r"#.*", "", block.group(1)).split()
    return set(words)


def _control_field(field: str) -> list[str]:
    text = (DEB / "control.in").read_text(encoding="utf-8")
    match = re.search(rf"^{field}: (.*(?:\n .*)*)", text, re.MULTILINE)
    assert match is not None, field
    return [part.strip() for part in match.group(1).replace("\n", " ").split(",")]


def test_the_package_depends_only_on_what_a_till_machine_has():
    """CI installs the .deb with dpkg on a machine set up by setup.sh: a dependency outside that
    list would make the installation fail there and on a shop's fresh machine alike."""
    app_packages = _setup_packages() | {"libasound2"}  # libasound2-plugins pulls it in
    depends = _control_field("Depends")
    assert depends and all(" " not in d for d in depends), depends
    assert set(depends) <= app_packages, set(depends) - app_packages
    # What the bundle carries itself is not a dependency (its copy is the one used).
    assert not {"libportaudio2", "libopusenc0"} & set(depends)


def _desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_starts_the_till_and_the_autostart_entry_the_tray():
    menu = _desktop(DEB / "forsell-cashier.desktop")
    assert menu["Type"] == "Application" and menu["Exec"] == "forsell-cashier"
    assert menu["Icon"] == "forsell-cashier" and menu["Name[kk]"] and menu["Name[ru]"]
    tray = _desktop(DEB / "forsell-cashier-tray.desktop")
    assert tray["Exec"] == "forsell-cashier --tray"
    # Once the package is removed, its autostart entry (a conffile, kept until purge) must not
    # start a command that is gone: TryExec makes the session skip it.
    assert tray["TryExec"] == "forsell-cashier" and menu["TryExec"] == "forsell-cashier"
    assert (REPO / "resources" / "icons" / "forsell-cashier.svg").exists()


def test_purge_deletes_each_users_data_folder_and_remove_keeps_it():
    script = (DEB / "postrm").read_text(encoding="utf-8")
    purge = script.split('if [ "$1" = "purge" ]; then', 1)[1].split("\nfi", 1)[0]
    assert '.local/share/forsell-cashier"' in purge and "rm -rf" in purge
    assert script.count("rm -rf") == 1  # only under purge


def test_the_windows_installer_matches_the_bundle():
    iss = ISS.read_text(encoding="utf-8")
    spec = SPEC.read_text(encoding="utf-8")
    # The bundle folder and the windowed executable the spec makes are what the script installs.
    assert '#define BundleDir "..\\..\\dist\\forsell-cashier"' in iss
    assert (
        'name="forsell-cashier-till"' in spec and '#define AppExe "forsell-cashier-till.exe"' in iss
    )
    assert (REPO / "resources" / "icons" / "forsell-cashier.ico").exists()
    # Autostart in the tray is a choice, the uninstaller keeps the data unless asked.
    assert re.search(r'^Name: "trayautostart"', iss, re.MULTILINE)
    assert '--tray"; ' in iss and "Tasks: trayautostart" in iss
    assert "DelTree(DataDir" in iss and "MB_DEFBUTTON2" in iss  # "No" is the default answer
    # The data folder the uninstaller offers to delete is the one the app uses on Windows.
    assert "{localappdata}\\4Sell\\forsell-cashier" in iss
    paths = (REPO / "src" / "forsell" / "paths.py").read_text(encoding="utf-8")
    assert 'APP_NAME = "forsell-cashier"' in paths and 'APP_AUTHOR = "4Sell"' in paths
    # Every section has its closing bracket and every line continuation goes on.
    for number, line in enumerate(iss.splitlines(), 1):
        if line.startswith("["):
            assert re.fullmatch(r"\[\w+\]", line), f"line {number}: {line}"
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", version["project"]["version"])
