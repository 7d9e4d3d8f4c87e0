"""Webkassa: the second cash register slot. Its client waits for a contract.

Webkassa gives its API specification and test access only under a signed integration contract,
so there is nothing to build against yet. Choosing it in the settings queues every operation as
usual (nothing is lost); the fiscal lane reports "waiting for a contract" and registers nothing
until this module has a real client. The configuration it will need is declared here so the
admin screen and ``doctor`` can already name it.
"""

from __future__ import annotations

from dataclasses import dataclass

NAME = "webkassa"
READY = False  # no client: the contract is not signed yet


@dataclass(frozen=True)
class WebkassaConfig:
    """What a Webkassa client will need: its address, the cashier's login (the password goes
    to the OS secret store) and the cash register's factory number."""

    url: str = ""
    login: str = ""
    register_number: str = ""
