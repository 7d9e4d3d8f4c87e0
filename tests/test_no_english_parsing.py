"""No code reads meaning back out of English words: errors cross layers as data (a code,
parameters, a place), so a rewording in the core can never silently break a translation.

Read from the source with ``ast``: which modules use regular expressions at all (each must say
what text it reads), and whether any code matches, searches, splits or tests the words of an
exception or of a problem's English fallback.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "forsell"

#: Modules that may use ``re``, and the text each one reads. None of it is a message.
REGEX_READS = {
    "domain/money.py": "amounts the cashier types",
    "ui/line_dialogs.py": "quantities the cashier types",
    "ui/i18n.py": "placeholders the pseudo-translation keeps",
    "sync/redact.py": "personal data in transcripts",
    "analytics/normalize.py": "words of transcripts",
    "analytics/upsell.py": "catalog product names, to set aside what a set holds (« + »)",
    "analytics/formats.py": "JSON text, to measure its nesting before it is parsed",
    "fakes/fake_yandex.py": "the fake recogniser's own transcript",
    "store/db.py": "SQLite's integrity_check report, to name the damaged table",
    "services/privacy/bin_check.py": "phone numbers and e-mail addresses the admin types",
    "fakes/fake_registration.py": "the phone and e-mail of a registration form it receives",
    "services/journal.py": "a time of day (14:05) typed into the receipt journal's search",
    "domain/options_text.py": "the catalog CSV's options cell a shop owner writes",
    "hardware/connection.py": "the printer address the admin types (host:9100, usb:VID:PID)",
    "services/updates.py": "the version number the 4Sell service announces",
}
#: Where problems and errors are worded: they look codes up, never patterns.
WORDING = (
    "ui/problems.py",
    "ui/review/scorecard_problems.py",
    "ui/messages.py",
    "ui/catalog_dialog.py",
    "cli.py",
    "cli_messages.py",
)
#: Attributes that hold a sentence meant for people (or the English fallback of one).
WORDS = {"message", "hint", "problems", "reason", "msg", "args"}
TEXT_METHODS = {
    "match",
    "search",
    "fullmatch",
    "findall",
    "finditer",
    "sub",
    "subn",
    "split",
    "rsplit",
    "partition",
    "rpartition",
    "startswith",
    "endswith",
    "find",
    "index",
}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def _uses_re(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name in ("re", "regex") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module in ("re", "regex"):
            return True
    return False


def _exception_names(tree: ast.AST) -> set[str]:
    return {
        node.name for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler) and node.name
    }


def _is_words(node: ast.AST, exceptions: set[str]) -> bool:
    """``str(exc)``, ``exc.args``, ``something.message`` / ``.hint`` / ``.problems`` …"""
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Call)
            and getattr(sub.func, "id", "") == "str"
            and sub.args
            and isinstance(sub.args[0], ast.Name)
            and sub.args[0].id in exceptions
        ):
            return True
        if isinstance(sub, ast.Attribute) and sub.attr in WORDS:
            return True
    return False


def english_parsing(source: str) -> list[int]:
    """Lines where the words of an exception or problem are matched, split or searched."""
    tree = ast.parse(source)
    exceptions = _exception_names(tree)
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in TEXT_METHODS
        ):
            subjects = [node.func.value, *node.args]
            if any(_is_words(s, exceptions) for s in subjects):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Compare)
            and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
            and any(_is_words(c, exceptions) for c in node.comparators)
        ):
            lines.append(node.lineno)
    return lines


def test_only_the_listed_modules_use_regular_expressions() -> None:
    using = {
        str(p.relative_to(SRC))
        for p in _modules()
        if _uses_re(ast.parse(p.read_text(encoding="utf-8")))
    }
    unlisted = sorted(using - set(REGEX_READS))
    assert not unlisted, f"say what text these read: {unlisted}"
    assert not set(WORDING) & set(REGEX_READS)


@pytest.mark.parametrize("module", WORDING)
def test_wording_modules_have_no_regular_expressions(module: str) -> None:
    source = (SRC / module).read_text(encoding="utf-8")
    assert not _uses_re(ast.parse(source)) and "re.compile" not in source


def test_no_module_reads_an_exceptions_or_problems_words() -> None:
    found = {
        str(p.relative_to(SRC)): lines
        for p in _modules()
        if (lines := english_parsing(p.read_text(encoding="utf-8")))
    }
    assert found == {}


@pytest.mark.parametrize(
    "source",
    [
        "try:\n    f()\nexcept ValueError as exc:\n    m = PATTERN.match(str(exc))\n",
        "try:\n    f()\nexcept OSError as e:\n    if 'denied' in str(e):\n        pass\n",
        "def f(error):\n    return error.message.partition(': ')\n",
        "def f(problem):\n    return re.search(r'line (\\d+)', problem.hint)\n",
        "def f(e):\n    return e.problems[0].split(':')[0]\n",
    ],
)
def test_the_check_catches_english_being_read_back(source: str) -> None:
    assert english_parsing(source)


@pytest.mark.parametrize(
    "source",
    [
        "def f(problem):\n    return problem.code.startswith('csv.')\n",
        "def f(text):\n    return AMOUNT.match(text)\n",
        "try:\n    f()\nexcept KeyError as exc:\n    log.warning('no %s', exc)\n",
    ],
)
def test_the_check_lets_data_and_user_input_through(source: str) -> None:
    assert english_parsing(source) == []
