"""The Qt Linguist catalogs: complete, placeholder-safe, compiled, in step with the code, and
really used by the screens.

A developer who adds a visible string sees a failing test naming it; the fix is
``bash installer/update-translations.sh`` and translating the new entries (pyside6-linguist).
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from forsell.domain import settings as registry
from forsell.domain.errors import CashierError
from forsell.paths import resources_dir
from forsell.ui import i18n
from forsell.ui.messages import message_for
from platform_services import venv_tool

from .conftest import find

I18N = resources_dir() / "i18n"
UI_SOURCES = Path(i18n.__file__).resolve().parent
#: Outside ui/, only the settings registry carries texts to translate (labels, descriptions).
REGISTRY_SOURCE = Path(registry.__file__).resolve()
TRANSLATED = ("ru", "kk")  # must be complete; English is the source text itself
ALL = (*TRANSLATED, "en")

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ACCELERATOR = re.compile(r"&(?!amp;|nbsp;|lt;|gt;)\w")
# Key names a cashier presses: they are printed on the keys, so they stay untranslated.
KEY = re.compile(r"\bF\d{1,2}\b|\bCtrl\+\w+|\bEsc\b|\(Enter\b|\bEnter\)|\bTab\b|%n")

Message = tuple[str, str]  # (context, source)


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease of the Python running the tests (the project's venv)."""
    return venv_tool(name)


def catalog(path: Path) -> dict[Message, list[str | None]]:
    """(context, source) → translations (one per plural form), None where unfinished."""
    messages: dict[Message, list[str | None]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") or [translation]
            done = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            messages[(name, message.findtext("source"))] = [
                (form.text or "") if done else None for form in forms
            ]
    return messages


@pytest.fixture(scope="module")
def from_code(tmp_path_factory) -> dict[Message, list[str | None]]:
    """What lupdate finds in the UI code and the settings registry right now."""
    out = tmp_path_factory.mktemp("lupdate") / "code.ts"
    sources = [*sorted(UI_SOURCES.rglob("*.py")), REGISTRY_SOURCE]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, sources),
            "-ts",
            str(out),
            "-silent",
            "-locations",
            "none",
        ],
        check=True,
    )
    return catalog(out)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    messages = catalog(I18N / f"forsell_{language}.ts")
    assert messages, f"forsell_{language}.ts has no messages"
    untranslated = sorted(
        f"{ctx}: {src!r}"
        for (ctx, src), forms in messages.items()
        if any(not (form or "").strip() for form in forms)
    )
    assert not untranslated, f"untranslated in {language}:\n" + "\n".join(untranslated)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_tags_and_key_names(language):
    # A translation that loses {amount} raises KeyError at .format(); a lost <b> or F5 misleads.
    wrong = []
    for (ctx, source), forms in catalog(I18N / f"forsell_{language}.ts").items():
        for text in filter(None, forms):
            for what, pattern in (
                ("placeholders", PLACEHOLDER),
                ("HTML tags", TAG),
                ("& accelerators", ACCELERATOR),
                ("key names", KEY),
            ):
                want, got = sorted(pattern.findall(source)), sorted(pattern.findall(text))
                if what == "& accelerators" and re.match(r"Q[A-Z]", ctx):
                    # Qt's own texts (ui/i18n.py QT_GAPS) take a letter of the translated word
                    # as their accelerator, as Qt's own catalogs do: one each is what counts.
                    want, got = len(want), len(got)
                if want != got:
                    wrong.append(f"{ctx}: {source!r} → {text!r}: {what} {want} ≠ {got}")
    assert not wrong, "\n".join(wrong)


def test_the_placeholder_check_catches_a_broken_translation():
    # The check above must be able to fail: a renamed and a dropped placeholder differ.
    assert sorted(PLACEHOLDER.findall("Change {amount}")) != sorted(
        PLACEHOLDER.findall("Сдача {сумма}")
    )
    assert KEY.findall("Close (Esc)") != KEY.findall("Закрыть")


@pytest.mark.parametrize("language", ALL)
def test_compiled_catalogs_are_up_to_date(language, tmp_path):
    # lrelease output is byte-stable, so the committed .qm must equal a fresh build of its .ts.
    fresh = tmp_path / f"forsell_{language}.qm"
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            str(I18N / f"forsell_{language}.ts"),
            "-qm",
            str(fresh),
            "-silent",
        ],
        check=True,
    )
    committed = I18N / f"forsell_{language}.qm"
    assert committed.exists(), f"{committed.name} missing: run installer/update-translations.sh"
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is older than its .ts: run installer/update-translations.sh"
    )
    assert QTranslator().load(str(committed))


@pytest.mark.parametrize("language", ALL)
def test_catalogs_match_the_code(language, from_code):
    in_catalog = catalog(I18N / f"forsell_{language}.ts")
    missing = sorted(f"{ctx}: {src!r}" for ctx, src in from_code.keys() - in_catalog.keys())
    stale = sorted(f"{ctx}: {src!r}" for ctx, src in in_catalog.keys() - from_code.keys())
    assert not missing, (
        f"texts in src/forsell/ui missing from forsell_{language}.ts "
        "(run installer/update-translations.sh, then translate):\n" + "\n".join(missing)
    )
    assert not stale, (
        f"forsell_{language}.ts has texts the code no longer uses "
        "(run installer/update-translations.sh):\n" + "\n".join(stale)
    )


def test_every_setting_label_and_description_reaches_the_catalogs(from_code):
    # A label written without its QT_TRANSLATE_NOOP marker would show in English only.
    missing = sorted(
        f"{setting.key}: {text!r}"
        for setting in registry.ALL
        for text in (setting.label, setting.description)
        if (registry.CONTEXT, text) not in from_code
    )
    assert not missing, (
        "settings texts lupdate does not see; wrap them in "
        'QT_TRANSLATE_NOOP("settings", …):\n' + "\n".join(missing)
    )


TR_NAMES = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


def _source_arg(call: ast.Call) -> ast.expr | None:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if name in ("translate", "QT_TRANSLATE_NOOP"):
        return call.args[1] if len(call.args) > 1 else None
    return call.args[0] if name in TR_NAMES and call.args else None


def _context_of(call: ast.Call, cls: str) -> str:
    """The context a tr()/translate() call looks up: its literal first argument or the class."""
    first = call.args[0] if call.args else None
    if _source_arg(call) is not call.args[0] and isinstance(first, ast.Constant):
        return str(first.value)
    return cls


def _hidden_from_lupdate(tree: ast.Module) -> list[tuple[int, Message]]:
    """(line, (context, literal)) that reach tr()/translate() in ways lupdate cannot follow.

    lupdate only reads literals written inside tr()/translate()/QT_*_NOOP(). Two patterns slip
    past it: a helper like ``def _t(text): return translate("Ctx", text)`` called with
    literals, and ``self.tr(h) for h in HEADERS`` over a tuple of plain strings; and a
    ``widget.tr("…")`` whose context lupdate cannot know.
    """
    wrappers: dict[str, str] = {}  # helper name → the context it translates in
    constants: dict[str, ast.expr] = {}
    dynamic: list[tuple[ast.expr, str]] = []  # (iterable of a tr-comprehension, its context)
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    owner = {id(n): c.name for c in classes for n in ast.walk(c)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            constants.update({t.id: node.value for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.FunctionDef) and node.name not in ("tr", "translate"):
            params = {a.arg for a in node.args.args}
            for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
                arg = _source_arg(call)
                if isinstance(arg, ast.Name) and arg.id in params and node.name != "__call__":
                    wrappers[node.name] = _context_of(call, owner.get(id(node), ""))
        elif isinstance(node, ast.ListComp | ast.GeneratorExp):
            for call in (n for n in ast.walk(node.elt) if isinstance(n, ast.Call)):
                if _source_arg(call) is not None and not isinstance(
                    _source_arg(call), ast.Constant
                ):
                    dynamic.append(
                        (node.generators[0].iter, _context_of(call, owner.get(id(call), "")))
                    )
    found = [
        (c.lineno, (wrappers[c.func.id], c.args[0].value))
        for c in (n for n in ast.walk(tree) if isinstance(n, ast.Call))
        if isinstance(c.func, ast.Name)
        and c.func.id in wrappers
        and c.args
        and isinstance(c.args[0], ast.Constant)
        and isinstance(c.args[0].value, str)
    ]
    # ``dialog.tr("…")`` outside a method: lupdate files it under the context "dialog", but at
    # run time Qt looks it up under the object's class name, so it is never found.
    found += [
        (c.lineno, (f"{c.func.value.id}.tr (context: its class)", c.args[0].value))
        for c in (n for n in ast.walk(tree) if isinstance(n, ast.Call))
        if isinstance(c.func, ast.Attribute)
        and c.func.attr == "tr"
        and isinstance(c.func.value, ast.Name)
        and c.func.value.id != "self"
        and c.args
        and isinstance(c.args[0], ast.Constant)
    ]
    for source, context in dynamic:
        name = source.attr if isinstance(source, ast.Attribute) else getattr(source, "id", "")
        values = constants.get(name)
        if isinstance(values, ast.Tuple | ast.List):
            found += [
                (e.lineno, (context, e.value))
                for e in values.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
    return found


def test_no_translatable_text_is_hidden_from_lupdate(from_code):
    hidden = [
        f"{path.name}:{line}: {ctx}: {text!r}"
        for path in sorted(UI_SOURCES.rglob("*.py"))
        for line, (ctx, text) in _hidden_from_lupdate(ast.parse(path.read_text("utf-8")))
        if (ctx, text) not in from_code
    ]
    assert not hidden, (
        "these texts go through a helper lupdate cannot see, so they are never "
        'translated; write translate("Context", "…") or '
        "QT_TRANSLATE_NOOP at the call site:\n" + "\n".join(hidden)
    )


@pytest.mark.parametrize(
    ("language", "log_in_text", "pay", "park", "total"),
    [
        ("ru", "Войти (Enter)", "Оплата", "Отложить", "ИТОГО"),
        ("kk", "Кіру (Enter)", "Төлеу", "Кейінге қалдыру", "БАРЛЫҒЫ"),
    ],
)
def test_switching_language_changes_the_screens(
    qtbot, window, language, log_in_text, pay, park, total
):
    window.languages.switch("en")
    assert find(window.login, "log in").text() == "Log in (Enter)"
    window.languages.switch(language)  # what the login screen's language buttons do
    qtbot.waitUntil(lambda: find(window.login, "log in").text() == log_in_text)

    till_buttons = window.till_screen.buttons  # hidden screens retranslate too
    assert till_buttons["pay"].title.text() == pay
    assert till_buttons["park"].title.text() == park
    assert i18n.ReceiptTexts(language)("TOTAL") == total  # the receipt's own translator
    empty = message_for(CashierError("pay.empty", "The cart is empty: scan an item first."))
    assert empty != "The cart is empty: scan an item first." and empty.endswith(".")


def test_english_shows_the_source_text(qtbot, window):
    window.languages.switch("en")
    assert window.till_screen.buttons["pay"].title.text() == "Pay"
    assert i18n.ReceiptTexts("en")("TOTAL") == "TOTAL"
