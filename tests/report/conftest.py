"""The report's fixtures: the demo runner imported once per test worker, and a copy of
that store for each test that changes it (a plan, check-ins, the ladder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import footfall
from footfall.store.database import Store, open_store
from tests_support import store_copy


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_folder: Path) -> Path:
    db = tmp_path_factory.mktemp("report") / "demo.sqlite"
    report = footfall.import_paths([demo_folder], db=str(db))
    assert not report.errors
    return db


@pytest.fixture
def demo_store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the imported demo runner this test may change."""
    with store_copy(demo_db, tmp_path / "demo-copy.sqlite") as store:
        yield store


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "empty.sqlite"))
    yield store
    store.close()
