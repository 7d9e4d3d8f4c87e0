"""Problems as data: every code the core can report is declared once, with an English fallback.

The source of the core is read with ``ast``: a code handed to ``Problem(...)`` or to a checker's
``bad(...)`` must be declared, and a declared code nobody reports is dead weight in every
catalog, so it fails too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from forsell.domain.problems import (
    ENGLISH_ONLY,
    PROBLEMS,
    Problem,
    place_text,
    placeholders,
    translated_params,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "forsell"
#: Where problems are worded, not reported.
WORDING = {SRC / "domain" / "problems.py", SRC / "cli_messages.py", SRC / "ui" / "problems.py"}
CODE = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
REPORTERS = {"Problem", "bad", "fault"}  # fault(): a printer's problem (hardware/connection.py)


def _reported() -> tuple[set[str], list[str]]:
    """(literal codes, f-string code patterns) handed to Problem(...) / bad(...) in the core."""
    literal: set[str] = set()
    patterns: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        if path in WORDING or "ui" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
            if name not in REPORTERS:
                continue
            args = list(node.args)
            while args:
                arg = args.pop()
                if isinstance(arg, ast.IfExp):  # "a" if empty else "b": both are reported
                    args += [arg.body, arg.orelse]
                elif (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and CODE.match(arg.value)
                ):
                    literal.add(arg.value)
                elif isinstance(arg, ast.JoinedStr):
                    parts = [
                        re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z_]+"
                        for v in arg.values
                    ]
                    patterns.append("^" + "".join(parts) + "$")
    return literal, patterns


def test_every_reported_code_is_declared_and_every_declared_code_is_reported() -> None:
    literal, patterns = _reported()
    assert literal, "the scan found no reported problems: the checker is broken"
    assert literal <= set(PROBLEMS), literal - set(PROBLEMS)
    generated = {code for code in PROBLEMS if any(re.match(p, code) for p in patterns)}
    assert set(PROBLEMS) - literal - generated == set()


def test_an_undeclared_code_is_refused_where_it_is_made() -> None:
    with pytest.raises(ValueError, match="undeclared problem code"):
        Problem("csv.price_is_weird")


def test_the_english_fallback_says_where_and_what() -> None:
    row = Problem("csv.not_amount", {"text": "сто"}, line=4, column="price")
    assert row.where == "line 4, column price"
    assert str(row) == "line 4, column price: 'сто' is not an amount"
    field = Problem("scorecard.required_weight", place=("items", 2, "weight"))
    assert str(field) == "items[2].weight: a required item needs a weight above 0"
    assert str(Problem("receipt.no_lines")) == 'needs "lines"'


def test_to_dict_is_plain_json_data() -> None:
    p = Problem("format.not_number", {"got": "'x'"}, ("utterances", 0, "start"))
    assert p.to_dict() == {
        "code": "format.not_number",
        "params": {"got": "'x'"},
        "place": ["utterances", 0, "start"],
        "where": "utterances[0].start",
        "message": "expected a number, got 'x'",
    }


def test_a_problem_is_frozen_and_hashable() -> None:
    p = Problem("csv.unit", {"text": "box"}, line=3, column="unit")
    assert p == Problem("csv.unit", {"text": "box"}, line=3, column="unit")
    assert len({p, Problem("csv.unit", {"text": "box"}, line=3, column="unit")}) == 1
    with pytest.raises(TypeError):
        p.params["text"] = "kg"  # type: ignore[index]


def test_places_and_placeholders() -> None:
    assert place_text(("upsell", "synonyms", "sku:A", 0)) == "upsell.synonyms.sku:A[0]"
    assert placeholders("{text!r} is {value:.1f} of {low}") == {"text", "value", "low"}
    assert translated_params("format.not_json") == {"line", "column"}
    assert {p for code in PROBLEMS for p in placeholders(PROBLEMS[code])} >= ENGLISH_ONLY
