"""Checks the ``needs(...)`` mark of tests/platform_services.py before each test runs."""

from __future__ import annotations

import pytest

from platform_services import require


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "platform_services(*probes): the test uses these platform services for real;"
        " without one it is skipped, or fails when CI=true",
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("platform_services"):
        require(*mark.args)
