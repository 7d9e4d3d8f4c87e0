"""Policy clauses 2.5 and 3.5: no transfer to third parties beyond those the service needs, and
none without consent. In code: every recipient the till can send data to is declared in the data
map, and one the policy in force does not name receives only what the admin acknowledged.

The recipients are enumerated from the code itself (routing's provider names, the settings'
choices, every provider class, every module that speaks HTTP), so a new provider or client that
is not declared in the map fails here.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import forsell.sync.providers as providers_package
from forsell.domain import settings as st
from forsell.services.privacy.data_map import shipped
from forsell.sync.providers import routing

SRC = Path(__file__).resolve().parents[2] / "src" / "forsell"

#: Every module of the till (outside the FAKE servers) that imports an HTTP client, and the
#: recipient it sends to; None for plumbing that only carries another module's requests.
HTTP_MODULES: dict[str, str | None] = {
    "sync/backend.py": "backend",
    "sync/registration.py": "backend",  # the registration form and its scans
    "sync/providers/elevenlabs.py": "elevenlabs",
    "sync/providers/yandex.py": "yandex",
    "sync/cash_registers/kassa24.py": "kassa24",  # fiscal registration (Tax Code)
    "services/fiscal.py": "kassa24",  # the admin's list of cash registers
    "sync/fiscal_sync.py": None,
    "sync/providers/_http.py": None,
    "sync/providers/routing.py": None,
    "sync/audio_lane.py": None,
    "sync/lanes.py": None,
    "sync/engine.py": None,
    "sync/errors.py": None,
    "sync/answers.py": None,
    # A Unix socket on this machine: is the till running on this data folder? (no network)
    "services/backup_swap.py": None,
    # The counter's receipt printer on the shop's own network (host:9100): the receipt goes to
    # the store's own device, not to a third party.
    "hardware/connection.py": None,
    # A socket pair inside the process: SIGTERM wakes Qt's event loop (no network).
    "ui/app.py": None,
}
NETWORK_LIBRARIES = ("httpx", "requests", "aiohttp", "urllib.request", "http.client", "socket")


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def provider_classes() -> dict[str, type]:
    """Every class in sync/providers that sends audio (has ``submit``), by its ``name``."""
    found = {}
    for info in pkgutil.iter_modules(providers_package.__path__):
        module = importlib.import_module(f"{providers_package.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            name = getattr(cls, "name", None)
            if (
                cls.__module__ == module.__name__
                and hasattr(cls, "submit")
                and isinstance(name, str)
            ):
                found[name] = cls
    return found


def test_every_speech_provider_the_code_names_is_declared_in_the_data_map() -> None:
    declared = set(shipped().speech_providers())
    from_code = {
        "routing": set(routing.PROVIDERS),
        "settings choices": set(st.PROVIDERS),
        "provider classes": set(provider_classes()),
        "no public API": set(routing.NO_PUBLIC_API),
    }
    assert from_code["provider classes"] >= {"elevenlabs", "yandex"}
    for where, names in from_code.items():
        assert names <= declared, f"{where}: {sorted(names - declared)} not in the data map"
    assert set(routing.PROVIDERS) == declared  # and the map declares none the code cannot reach


def test_every_module_that_speaks_http_sends_to_a_declared_recipient() -> None:
    recipients = set(shipped().recipients)
    speaking = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("fakes/"):
            continue  # FAKE servers for tests and the demo: never on the product's paths
        used = {m for m in imported_modules(path) if m.split(".")[0] in NETWORK_LIBRARIES}
        used |= {m for m in imported_modules(path) if m in NETWORK_LIBRARIES}
        if used:
            speaking[relative] = used
    unknown = sorted(set(speaking) - set(HTTP_MODULES))
    assert not unknown, f"{unknown} talk to the network: declare the recipient in the data map"
    for module, recipient in HTTP_MODULES.items():
        assert recipient is None or recipient in recipients, module


def test_the_backend_is_a_named_recipient_that_never_gets_audio() -> None:
    data_map = shipped()
    backend = data_map.recipients["backend"]
    assert backend.kind == "backend" and backend.named_in_policy
    audio_columns = [
        column
        for table in data_map.tables.values()
        for column in table.columns.values()
        if column.personal and column.category == "audio" and column.name == "blob"
    ]
    assert audio_columns and all("backend" not in c.recipients for c in audio_columns)


def test_a_recipient_the_policy_does_not_name_is_a_speech_provider_that_gets_only_audio() -> None:
    data_map = shipped()
    unnamed = {
        k
        for k, r in data_map.recipients.items()
        if not r.named_in_policy and r.kind != "cash_register"
    }
    assert unnamed == {"yandex"}
    assert all(data_map.recipients[k].kind == "speech_provider" for k in unnamed)
    for table in data_map.tables.values():
        for column in table.columns.values():
            if set(column.recipients) & unnamed:
                assert (table.name, column.name) == ("recording_chunks", "blob"), column


def test_kazdream_is_declared_without_a_public_api_and_routing_agrees() -> None:
    kazdream = shipped().recipients["kazdream"]
    assert kazdream.named_in_policy and not kazdream.public_api
    no_api = {k for k, r in shipped().speech_providers().items() if not r.public_api}
    assert no_api == set(routing.NO_PUBLIC_API)
    refusal = routing.PolicyRecipients(named=frozenset({"kazdream"})).refusal("kazdream")
    assert refusal is not None and "no public API" in refusal


def test_cash_registers_get_transaction_data_by_legal_obligation_only() -> None:
    """Fiscal registration is the law's (the Tax Code), not a choice the policy makes: a cash
    register receives transaction data for that purpose and nothing personal beyond it."""
    data_map = shipped()
    registers = {k for k, r in data_map.recipients.items() if r.kind == "cash_register"}
    assert registers == {"kassa24", "webkassa"}
    for table in data_map.tables.values():
        for column in table.columns.values():
            if set(column.recipients) & registers and table.name != "outbox":
                assert column.category == "transaction_data", column
                assert column.legal_basis == "legal_obligation", column
