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


class StorageFault(CashierError):
    """The database could not write (or read) what was asked: nothing was committed.

    ``kind`` names the cause so that the message can name the right fix: ``disk_full``,
    ``locked`` (another program held the database longer than the busy timeout), ``read_only``,
    ``damaged`` or ``io`` (the disk itself failed).
    """

    KINDS = ("disk_full", "locked", "read_only", "damaged", "io")

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(
            f"storage.{kind}",
            "The database could not save: {kind} ({detail})",
            kind=kind,
            detail=detail,
        )
        self.kind = kind
