"""Fixtures every test folder shares: the corpus and espeak-ng (each skipped with a
reason where it is absent) and the demo runner's files, written once per test worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import CORPUS, CORPUS_MISSING
from footfall.demo.build import write_demo
from footfall.guide.speech import MISSING
from tests_support import DEMO_END


@pytest.fixture
def espeak() -> str:
    """espeak-ng, which speaks a walk's cues."""
    found = shutil.which("espeak-ng")
    if found is None:
        pytest.skip(MISSING)
    return found


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.exists():
        pytest.skip(CORPUS_MISSING)
    return CORPUS


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    write_demo(folder, end=DEMO_END)
    return folder
