"""Fixtures of the web tests: the demo runner's six weeks in a store (imported once per
test worker, copied for each test), and FastAPI's TestClient on an app over a copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from footfall.importer.pipeline import import_paths
from footfall.store.database import open_store
from footfall.web import create_app


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory: pytest.TempPathFactory, demo_folder: Path) -> Path:
    """The demo runner imported into an SQLite file (never written to by a test)."""
    path = tmp_path_factory.mktemp("web-demo") / "demo.sqlite"
    store = open_store(str(path))
    try:
        report = import_paths(store, [demo_folder])
    finally:
        store.close()
    assert report.errors == [], report.errors
    return path


@pytest.fixture
def demo_db(demo_store_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo store this test may change."""
    copy = tmp_path / "web.sqlite"
    shutil.copyfile(demo_store_file, copy)
    return copy


@pytest.fixture
def client(demo_db: Path) -> Iterator[TestClient]:
    """The app over a copy of the demo store; a server error is a response, not a raise,
    so a test sees the status a browser would."""
    with TestClient(create_app(str(demo_db)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    """The app over a new, empty store."""
    app = create_app(str(tmp_path / "empty.sqlite"))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
