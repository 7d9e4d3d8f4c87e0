"""The layer rule of docs/architecture.md, checked on the source: imports go one way, PySide6
only in ui/.

The checker reads every module with ``ast`` (nothing is imported), resolves relative imports and
looks at ``import``/``from … import`` statements wherever they are (functions, ``TYPE_CHECKING``
blocks) as well as ``importlib.import_module("…")`` / ``__import__("…")`` with a literal name.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "forsell"

#: package (first part after ``forsell``) → packages of forsell it may import besides itself.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "store": {"domain"},
    "vault": {"domain", "store"},
    "audio": {"domain", "vault", "store"},
    "sync": {"domain", "store", "vault"},
    "analytics": {"domain", "store"},
    "hardware": {"domain"},  # receipt printers and the cash drawer, beside audio/
    "services": {"domain", "store", "vault", "audio", "sync", "analytics", "hardware"},
    "ui": {"services", "domain"},
    "cli": {"services", "cli_messages"},
    "cli_messages": set(),  # the CLI's words for the core's problems: standard library only
    "fakes": {"domain"},  # FAKE servers for tests and the demo: no till code in them
}
#: Standard-library-only helpers every layer but domain may use: the package, its folders, its logs.
COMMON = {"", "paths", "logs"}
#: cli.py starts the GUI by importing this one module inside a function, never at the top.
CLI_LAZY_GUI = "forsell.ui.app"
#: … and may start the FAKE servers (``forsell-cashier fakes``) the same lazy way.
CLI_LAZY_FAKES = "forsell.fakes"
#: … and renders a document to PDF (``privacy report --pdf``, ``privacy destroy --certificate``)
#: with Qt's printing, lazily too: the services hand it HTML, Qt's text layout and PDF writer
#: live in ui/, and the rest of the CLI must run without Qt.
CLI_LAZY_PRINTING = "forsell.ui.printing"
QT = "PySide6"


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.imported}: {self.why}"


def module_name(path: Path, root: Path = SRC) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name a ``from`` import refers to (PEP 328)."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def imports_of(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str, bool]]:
    """(line, absolute module name, at module top level?) for every import in ``tree``."""
    found: list[tuple[int, str, bool]] = []
    top_level = {id(node) for node in getattr(tree, "body", [])}
    # Statements under a top-level ``if``/``try`` still run at import time.
    for node in getattr(tree, "body", []):
        if isinstance(node, ast.If | ast.Try):
            top_level.update(id(n) for n in ast.walk(node) if isinstance(n, ast.stmt))
    for node in ast.walk(tree):
        eager = id(node) in top_level
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, eager) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.level, node.module)
            found.append((node.lineno, base, eager))
            # ``from forsell import paths`` imports the module forsell.paths; under a
            # subpackage any name may be a module (``from forsell.ui import app``).
            if base == "forsell" or base.startswith("forsell."):
                found += [
                    (node.lineno, f"{base}.{a.name}", eager)
                    for a in node.names
                    if _may_be_module(base, a.name)
                ]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                name in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append((node.lineno, first.value, False))
    return found


def _may_be_module(base: str, name: str) -> bool:
    if base == "forsell":
        return _is_forsell_module(f"{base}.{name}")
    return not (SRC / Path(*base.split(".")[1:])).with_suffix(".py").is_file()


def _is_forsell_module(name: str) -> bool:
    rel = Path(*name.split(".")[1:])
    return (SRC / rel).with_suffix(".py").is_file() or (SRC / rel / "__init__.py").is_file()


def _is_lazy_gui(imported: str) -> bool:
    """``forsell.ui.app`` itself, a name inside it, or the ``forsell.ui`` package on the way."""
    return (
        imported == CLI_LAZY_GUI
        or imported.startswith(CLI_LAZY_GUI + ".")
        or CLI_LAZY_GUI.startswith(imported + ".")
    )


def _is_lazy_printing(imported: str) -> bool:
    return imported == CLI_LAZY_PRINTING or imported.startswith(CLI_LAZY_PRINTING + ".")


def _is_lazy_fakes(imported: str) -> bool:
    return imported == CLI_LAZY_FAKES or imported.startswith(CLI_LAZY_FAKES + ".")


def _layer(module: str) -> str:
    """``forsell.store.db`` → ``store``; ``forsell.cli`` → ``cli``; ``forsell`` → ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def check_module(module: str, source: str, is_package: bool = False) -> list[Violation]:
    """Every broken layer rule in one module's source."""
    tree = ast.parse(source)
    layer = _layer(module)
    problems: list[Violation] = []
    for line, imported, eager in imports_of(tree, module, is_package):
        root = imported.split(".")[0]
        if root == QT:
            if layer != "ui":
                problems.append(Violation(module, line, imported, "PySide6 only in forsell/ui"))
            continue
        if root != "forsell":
            if layer == "domain" and root not in sys.stdlib_module_names:
                problems.append(Violation(module, line, imported, "domain uses the stdlib only"))
            continue
        target = _layer(imported)
        if target == layer:
            continue
        if layer == "domain":
            problems.append(Violation(module, line, imported, "domain imports only forsell.domain"))
        elif target in COMMON:
            continue
        elif layer == "cli" and not eager and _is_lazy_gui(imported):
            continue  # the one allowed way to start the GUI: a lazy import of forsell.ui.app
        elif layer == "cli" and not eager and _is_lazy_printing(imported):
            continue  # `privacy report --pdf`, a certificate as PDF: Qt's printing when asked
        elif layer == "cli" and not eager and _is_lazy_fakes(imported):
            continue  # `forsell-cashier fakes` imports the fake servers only when asked
        elif layer not in ALLOWED:
            problems.append(Violation(module, line, imported, f"{layer!r} is not a known layer"))
        elif target not in ALLOWED[layer]:
            problems.append(Violation(module, line, imported, f"{layer} may not import {target}"))
    return problems


def all_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def test_source_tree_is_there() -> None:
    names = {module_name(p) for p in all_modules()}
    assert {"forsell.domain.money", "forsell.store.db", "forsell.services.till"} <= names


def test_no_module_breaks_the_layer_rule() -> None:
    problems = []
    for path in all_modules():
        source = path.read_text(encoding="utf-8")
        problems += check_module(module_name(path), source, path.name == "__init__.py")
    assert not problems, "\n".join(map(str, problems))


# --- the checker itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("forsell.services.till", "import PySide6\n"),
        ("forsell.services.till", "from PySide6.QtCore import QObject\n"),
        ("forsell.store.db", "import PySide6.QtWidgets as w\n"),
        ("forsell.sync.engine", "def f():\n    from PySide6 import QtCore\n"),
        ("forsell.analytics.kpi", "import importlib\nimportlib.import_module('PySide6.QtGui')\n"),
        ("forsell.cli", "from PySide6.QtWidgets import QApplication\n"),
        ("forsell.paths", "import PySide6\n"),
        ("forsell", "import PySide6\n"),
    ],
)
def test_checker_catches_pyside_outside_ui(module: str, source: str) -> None:
    problems = check_module(module, source)
    assert problems and "PySide6" in problems[0].why


@pytest.mark.parametrize(
    ("module", "source", "is_package"),
    [
        ("forsell.domain.cart", "from forsell.store.models import Product\n", False),
        ("forsell.domain.cart", "from ..store import models\n", False),
        ("forsell.domain", "from ..services import app\n", True),
        ("forsell.domain.money", "import sqlalchemy\n", False),
        ("forsell.domain.money", "from forsell import paths\n", False),
        ("forsell.domain.money", "import forsell\n", False),
        ("forsell.store.db", "from forsell.services.settings import ALL\n", False),
        ("forsell.store.db", "from forsell.vault import keys\n", False),
        ("forsell.vault.keys", "from forsell.audio import recorder\n", False),
        ("forsell.audio.recorder", "from forsell.sync import engine\n", False),
        ("forsell.sync.engine", "from forsell.analytics import kpi\n", False),
        ("forsell.analytics.kpi", "from forsell.vault import keys\n", False),
        ("forsell.services.till", "from forsell.ui.messages import message_for\n", False),
        ("forsell.ui.sale", "from forsell.store.models import Sale\n", False),
        ("forsell.ui.sale", "from forsell.sync import engine\n", False),
        ("forsell.cli", "from forsell.store.db import open_database\n", False),
        ("forsell.cli", "from forsell.ui.app import run\n", False),  # eager: not the lazy exception
        ("forsell.cli", "def main():\n    from forsell.ui.sale import SaleScreen\n", False),
        ("forsell.cli", "from forsell.fakes.server import FakeServer\n", False),  # eager
        ("forsell.cli", "from forsell.ui.printing import save_pdf\n", False),  # eager
        ("forsell.cli", "def f():\n    from forsell.ui.messages import message_for\n", False),
        ("forsell.fakes.fake_backend", "from forsell.store.db import open_database\n", False),
        ("forsell.fakes.server", "from forsell.services.app import open_till\n", False),
        ("forsell.fakes", "from ..sync import errors\n", True),
        ("forsell.fakes.faults", "def f():\n    from forsell.vault import keys\n", False),
        ("forsell.services.sync", "from forsell.fakes import server\n", False),
        (
            "forsell.services.till",
            (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from forsell.ui import app\n"
            ),
            False,
        ),
    ],
)
def test_checker_catches_upward_imports(module: str, source: str, is_package: bool) -> None:
    assert check_module(module, source, is_package)


@pytest.mark.parametrize(
    ("module", "source", "is_package"),
    [
        ("forsell.domain.cart", "from .money import allocate\nimport dataclasses, re\n", False),
        ("forsell.store.db", "import sqlalchemy\nfrom forsell.domain.ids import new_id\n", False),
        (
            "forsell.store.migrations.env",
            "from alembic import context\nfrom ..models import Base\n",
            False,
        ),
        (
            "forsell.services.app",
            (
                "from forsell.paths import resources_dir\n"
                "from forsell.store.db import open_database\n"
            ),
            False,
        ),
        ("forsell.services", "from . import till\n", True),
        (
            "forsell.ui.sale",
            (
                "from PySide6.QtWidgets import QWidget\n"
                "from forsell.services.till import TillService\n"
                "from forsell.domain.money import format_kzt\nfrom .messages import x\n"
            ),
            False,
        ),
        (
            "forsell.cli",
            (
                "from forsell import __version__\nfrom forsell.services.app import open_till\n"
                "def main():\n    from forsell.ui.app import run\n    run()\n"
            ),
            False,
        ),
        ("forsell.cli", "def main():\n    from forsell.ui import app\n", False),
        ("forsell.cli", "def fakes():\n    from forsell.fakes.__main__ import main\n", False),
        ("forsell.cli", "def pdf():\n    from forsell.ui.printing import html_pdf_bytes\n", False),
        (
            "forsell.fakes.fake_backend",
            "from forsell.domain.ids import new_id\nimport starlette\n",
            False,
        ),
        ("forsell.fakes.server", "from .faults import Faults\nimport uvicorn\n", False),
    ],
)
def test_checker_allows_the_permitted_imports(module: str, source: str, is_package: bool) -> None:
    assert check_module(module, source, is_package) == []


def test_relative_imports_resolve_like_python() -> None:
    assert _resolve("forsell.domain.cart", False, 1, "money") == "forsell.domain.money"
    assert _resolve("forsell.domain.cart", False, 2, "store") == "forsell.store"
    assert _resolve("forsell.services", True, 1, None) == "forsell.services"
    assert _resolve("forsell.store.migrations.env", False, 2, "models") == "forsell.store.models"
