"""Rule violations the till reports to the cashier.

Core code raises these with a message *key* and parameters; only ``ui/`` turns the key into a
translated sentence (docs/architecture.md, "Errors"). ``str()`` gives an English fallback for
logs and the CLI.
"""

from __future__ import annotations


class CashierError(Exception):
    """A rule said no. Nothing was committed."""

    def __init__(self, key: str, fallback: str, **params: object) -> None:
        super().__init__(fallback.format(**params) if params else fallback)
        self.key = key
        self.params = params


class NeedsApproval(CashierError):
    """The action is allowed only with a supervisor's PIN (override dialog)."""

    def __init__(self, needed_for: str, fallback: str, **params: object) -> None:
        super().__init__(f"approval.{needed_for}", fallback, **params)
        self.action = needed_for
