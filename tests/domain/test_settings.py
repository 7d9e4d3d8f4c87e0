"""The settings registry: one declaration per key, each with a label and a description, one
rule for its values, and no setting key written anywhere else in the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from forsell.domain import settings as st
from forsell.domain.errors import CashierError
from forsell.domain.settings import Registry, SettingDef

SRC = Path(st.__file__).resolve().parents[1]
REGISTRY_FILE = Path(st.__file__).resolve()


def test_a_duplicate_key_is_refused() -> None:
    registry = Registry()
    registry.declare(SettingDef("till.x", int, 1, "X", "What x does."))
    with pytest.raises(ValueError, match="twice"):
        registry.declare(SettingDef("till.x", str, "", "Another X", "Another."))
    assert len(registry) == 1


@pytest.mark.parametrize(("label", "description"), [("", "Why."), ("X", ""), ("  ", " ")])
def test_a_setting_without_label_or_description_is_refused(label: str, description: str) -> None:
    with pytest.raises(ValueError, match="label and a description"):
        Registry().declare(SettingDef("till.x", int, 1, label, description))


def test_a_default_outside_its_own_range_is_refused() -> None:
    with pytest.raises(ValueError, match="default"):
        Registry().declare(SettingDef("till.x", int, 0, "X", "Why.", low=1, high=5))


def test_the_real_registry_has_every_setting_once_with_label_and_description() -> None:
    keys = [s.key for s in st.ALL]
    assert len(keys) == len(set(keys)) == len(st.REGISTRY)
    # Every module-level SettingDef is registered: none bypasses the registry's checks.
    declared = [v for v in vars(st).values() if isinstance(v, SettingDef)]
    assert set(declared) == set(st.ALL)
    for setting in st.ALL:
        assert setting.label.strip() and setting.description.strip(), setting.key
        assert setting.problem(setting.default) is None, setting.key
        if setting.type is int:  # an int without bounds would take any number from anywhere
            assert setting.low is not None and setting.high is not None, setting.key


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        (st.AUTO_LOCK_SECONDS, 29, "between 30 and 3600"),
        (st.AUTO_LOCK_SECONDS, 3601, "between 30 and 3600"),
        (st.AUTO_LOCK_SECONDS, True, "not a int"),  # a bool is not a number of seconds
        (st.AUTO_LOCK_SECONDS, "60", "not a int"),
        (st.RECEIPT_LANGUAGE, "de", "one of ru, kk, en"),
        (st.STORE_NAME, "   ", "required"),
        (st.STORE_NAME, "x" * 121, "text of up to 120 characters"),
        (
            st.SYNC_BACKEND_URL,
            "ftp://x",
            "a web address starting with https:// (http:// only on this computer)",
        ),
        # the device token and sales would travel in clear to another host
        (
            st.SYNC_BACKEND_URL,
            "http://analytics.example.kz",
            "a web address starting with https:// (http:// only on this computer)",
        ),
        (
            st.ELEVENLABS_URL,
            "http://10.0.0.5:8700",
            "a web address starting with https:// (http:// only on this computer)",
        ),
        (st.SYNC_FALLBACK, "kazdream", "one of elevenlabs, yandex, none"),
    ],
)
def test_a_value_outside_the_rule_is_refused_with_the_reason(
    setting: SettingDef, value: object, reason: str
) -> None:
    assert setting.problem(value) == reason
    with pytest.raises(CashierError) as refused:
        setting.check(value)
    assert refused.value.key == setting.error
    assert refused.value.params["setting"] == setting.key


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (st.AUTO_LOCK_SECONDS, 30),
        (st.AUTO_LOCK_SECONDS, 3600),
        (st.SYNC_BACKEND_URL, ""),
        (st.SYNC_BACKEND_URL, "http://127.0.0.1:8080"),  # a FAKE server on this computer
        (st.SYNC_BACKEND_URL, "http://localhost:8702"),
        (st.SYNC_BACKEND_URL, "https://analytics.example.kz"),
        (st.RECEIPT_LANGUAGE, "kk"),
        (st.STORE_NAME, "x" * 120),
    ],
)
def test_a_value_inside_the_rule_is_kept(setting: SettingDef, value: object) -> None:
    assert setting.problem(value) is None
    assert setting.check(value) == value


def test_only_store_policy_may_come_from_the_backend() -> None:
    remote = {s.key for s in st.REMOTE}
    assert remote == {
        st.STORE_NAME.key,
        st.STORE_ADDRESS.key,
        st.RECEIPT_FOOTER.key,
        st.RECEIPT_LANGUAGE.key,
        st.CASHIER_DISCOUNT_LIMIT_BP.key,
        st.AUTO_LOCK_SECONDS.key,
        st.APP_LATEST_VERSION.key,  # a notice only: the till never installs anything itself
    }
    # Addresses, providers, the audio-abroad consent, recording, identity and PIN lockout stay
    # local: a server able to change them could redirect data or weaken the till.
    assert not {s.namespace for s in st.REMOTE} & {"sync", "recording", "device", "login"}


# --- no setting key outside the registry -----------------------------------------------------

#: The shape of a key: ``namespace.name``.
KEY_SHAPE = re.compile(r"([a-z]+)\.([a-z0-9_]+)")


def _message_key_nodes(tree: ast.Module) -> set[int]:
    """ids of literals that are message keys (errors share namespaces with settings, e.g.
    ``sync.offline``): the first argument of an ``…Error(…)`` or ``super().__init__(…)`` call
    or of ``text_for_key``, a ``key=`` argument, a class's ``key = …``, a value compared with a
    ``….key`` / ``…_key``, the elements of a ``KEYS`` tuple, and a dict of translations."""
    found: set[int] = set()

    def literals(node: ast.AST) -> list[ast.Constant]:
        return [n for n in ast.walk(node) if isinstance(n, ast.Constant)]

    def keyish(node: ast.AST) -> bool:
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
        return name == "key" or name.endswith("_key")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if (name.endswith("Error") or name in ("__init__", "text_for_key")) and node.args:
                found.update(map(id, literals(node.args[0])))
            if name in (
                "Problem",
                "bad",
            ):  # a problem code: Problem(code, …), checker.bad(place, code)
                found.update(id(a) for a in node.args if isinstance(a, ast.Constant))
            for keyword in node.keywords:
                if keyword.arg == "key":
                    found.update(map(id, literals(keyword.value)))
        elif isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "key" for t in stmt.targets
                ):
                    found.update(map(id, literals(stmt.value)))
        elif isinstance(node, ast.Compare) and any(map(keyish, [node.left, *node.comparators])):
            found.update(map(id, literals(node)))
        elif (
            isinstance(node, (ast.Assign, ast.AnnAssign))
            and node.value is not None
            and any(
                isinstance(t, ast.Name) and t.id.endswith(("KEYS", "REFUSALS"))
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
            )
        ):
            found.update(map(id, literals(node.value)))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and any(
            isinstance(t, ast.Name) and t.id in ("PROBLEMS", "CATALOG")
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        ):
            # the problem codes' English fallbacks and the CLI's catalog: keyed by code
            for inner in ast.walk(node.value):
                if isinstance(inner, ast.Dict):
                    found.update(id(k) for k in inner.keys if k is not None)
                    break
        elif (
            isinstance(node, ast.Dict)
            and node.values
            and all(
                isinstance(v, ast.Call) and getattr(v.func, "id", "") == "translate"
                for v in node.values
            )
        ):
            found.update(id(k) for k in node.keys if k is not None)
    return found


def _names_a_module(text: str) -> bool:
    """``"review.review_window"``: a module of the app named for an import, not a setting."""
    relative = Path(*text.split(".")).with_suffix(".py")
    return any((package / relative).exists() for package in (SRC, *SRC.iterdir()))


def setting_literals(
    source: str,
    name: str,
    namespaces: frozenset[str] = st.REGISTRY.namespaces,
    keys: frozenset[str] = frozenset(s.key for s in st.ALL),
) -> list[str]:
    """``name:line: 'literal'`` for each literal shaped like a setting key that is a registered
    key (write the constant instead) or is no message key (declare the setting first)."""
    tree = ast.parse(source)
    messages = _message_key_nodes(tree)
    hits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        shape = KEY_SHAPE.fullmatch(node.value)
        if shape is None or shape.group(1) not in namespaces or _names_a_module(node.value):
            continue
        if node.value in keys or id(node) not in messages:
            hits.append(f"{name}:{node.lineno}: {node.value!r}")
    return hits


def test_no_setting_key_is_written_outside_the_registry() -> None:
    hits = [
        hit
        for path in sorted(SRC.rglob("*.py"))
        if path != REGISTRY_FILE
        for hit in setting_literals(path.read_text("utf-8"), str(path.relative_to(SRC.parent)))
    ]
    assert not hits, (
        "setting keys written as text; refer to the registry's constants "
        "(forsell.domain.settings), declaring a new setting there first:\n" + "\n".join(hits)
    )


@pytest.mark.parametrize(
    "code",
    [
        'config = value("sync.primary")',  # a registered key, as text
        'settings = {"sync.elevenlabs_url": url}',
        'flag = settings.get("sync.brand_new_switch")',  # an undeclared one
        'raise CashierError("sync.primary", "x")',  # a setting key is no message key either
    ],
)
def test_the_scan_finds_a_key_written_as_text(code: str) -> None:
    assert len(setting_literals(code, "probe.py")) == 1, code


@pytest.mark.parametrize(
    "code",
    [
        'raise CashierError("sync.url", "Not a web address")',
        'class Lost(SyncError):\n    key = "sync.connection_lost"',
        'shown = text_for_key("sync.auth")',
        'problem = Problem("receipt.no_lines", {})',
        'checker.bad((), "receipt.no_lines")',
        'PROBLEMS = MappingProxyType({"receipt.no_lines": "needs lines"})',
        'CATALOG: dict[str, dict[str, str]] = {"receipt.no_lines": {"en": "needs lines"}}',
        'if exc.key == "sync.secret_store": pass',
        "value = settings.get(st.SYNC_PRIMARY)",
    ],
)
def test_the_scan_lets_message_keys_and_constants_through(code: str) -> None:
    assert setting_literals(code, "probe.py") == [], code
