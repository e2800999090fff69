"""The shared real-file corpus: where it is, what its manifest says, and pytest params
over it that skip with a clear reason where it is absent."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FOOTFALL_CORPUS", REPO.parent / "shared" / "corpus"))
CORPUS_MISSING = f"the shared corpus is not at {CORPUS} (set FOOTFALL_CORPUS to use it)"


@dataclass(frozen=True)
class CorpusFile:
    """One row of the corpus MANIFEST.tsv."""

    path: Path
    expect: str  # ok | error | partial
    kind: str  # activity | non-activity | archive | health-export | strava-csv | ...
    note: str

    @property
    def name(self) -> str:
        return str(self.path.relative_to(CORPUS))


def corpus_files() -> list[CorpusFile]:
    """Every file the manifest lists; empty where the corpus is absent."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [
            CorpusFile(CORPUS / row["file"], row["expect"], row["kind"], row["note"])
            for row in rows
        ]


def corpus_params(predicate: object = None) -> list[object]:
    """pytest params over corpus files matching ``predicate``; one skipped param when the
    corpus is absent, so the reason shows in the test report."""
    files = [f for f in corpus_files() if predicate is None or predicate(f)]  # type: ignore[operator]
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=CORPUS_MISSING))]
    return [pytest.param(f, id=f.name) for f in files]
