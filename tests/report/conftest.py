"""The report's fixtures: the demo runner imported once per test worker, and a copy of
that store for each test that changes it (a plan, check-ins, the ladder)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import footfall
from footfall.store.database import Store, open_store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_folder: Path) -> Path:
    db = tmp_path_factory.mktemp("report") / "demo.sqlite"
    report = footfall.import_paths([demo_folder], db=str(db))
    assert not report.errors
    return db


@pytest.fixture
def demo_store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the imported demo runner this test may change."""
    copy = tmp_path / "demo-copy.sqlite"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    store = open_store(str(copy))
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "empty.sqlite"))
    yield store
    store.close()
