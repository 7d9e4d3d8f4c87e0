"""The demo store is seeded all or nothing: a first start killed half-way never leaves a till
with some of its staff (earlier, a kill between two employees left one without a cashier)."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import func, select

from forsell.paths import resources_dir
from forsell.services import app as till_app
from forsell.services.app import DEMO_STAFF, open_till
from forsell.store.models import Product

with (resources_dir() / "demo" / "catalog.csv").open(encoding="utf-8-sig") as _f:
    DEMO_PRODUCTS = sum(1 for _ in csv.DictReader(_f))


def test_a_failure_between_two_employees_leaves_none_and_the_next_start_seeds_all(
    tmp_path, monkeypatch
):
    real = till_app.new_employee
    added: list[str] = []

    def dies_at_the_third(session, name, *args, **kwargs):
        if len(added) == 2:
            raise KeyboardInterrupt("killed")  # what a SIGKILL would cut short
        added.append(name)
        return real(session, name, *args, **kwargs)

    monkeypatch.setattr(till_app, "new_employee", dies_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        open_till(tmp_path / "data")
    monkeypatch.setattr(till_app, "new_employee", real)

    till = open_till(tmp_path / "data")  # the next start
    try:
        names = sorted(e.name for e in till.staff.staff())
        assert names == sorted(name for name, *_ in DEMO_STAFF)
        with till.ctx.db.read() as session:
            products = session.scalar(select(func.count()).select_from(Product))
        assert products == DEMO_PRODUCTS  # imported twice, stored once
    finally:
        till.close()


def test_a_first_run_cut_off_before_its_catalog_gets_it_at_the_next_start(tmp_path, monkeypatch):
    from forsell.services.catalog import CatalogService

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt("killed before the catalog")

    monkeypatch.setattr(CatalogService, "import_csv", killed)
    with pytest.raises(KeyboardInterrupt):
        open_till(tmp_path / "data")
    monkeypatch.undo()

    till = open_till(tmp_path / "data")
    try:
        with till.ctx.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Product)) == DEMO_PRODUCTS
        assert len(till.staff.staff()) == len(DEMO_STAFF)
    finally:
        till.close()
    again = open_till(tmp_path / "data")  # and a seeded till is left alone after that
    try:
        with again.ctx.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Product)) == DEMO_PRODUCTS
    finally:
        again.close()
