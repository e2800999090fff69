"""Fixtures of the guided-walk tests: espeak-ng (skipped with the reason where it is
not installed)."""

from __future__ import annotations

import shutil

import pytest

from footfall.guide.speech import MISSING


@pytest.fixture
def espeak() -> str:
    found = shutil.which("espeak-ng")
    if found is None:
        pytest.skip(MISSING)
    return found
