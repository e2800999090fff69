"""The store opens, migrates once, keeps time zones, and says clearly when it cannot."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import inspect, select

from footfall.activity import Samples
from footfall.errors import StoreError
from footfall.store.database import open_store
from footfall.store.location import resolve_db_url
from footfall.store.models import SourceFile
from footfall.store.streams import parquet_to_samples, samples_to_parquet


def test_it_creates_every_table_through_the_migrations(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "new.sqlite"))
    tables = set(inspect(store.engine).get_table_names())
    assert {"source_file", "activity", "activity_stream", "lap", "day_steps"} <= tables
    assert "alembic_version" in tables


def test_two_processes_opening_a_new_database_at_once_both_succeed(tmp_path: Path) -> None:
    path = str(tmp_path / "race.sqlite")
    failures: list[BaseException] = []

    def open_it() -> None:
        try:
            open_store(path).close()
        except Exception as exc:  # noqa: BLE001 - the assertion below reports it
            failures.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_times_come_back_in_utc_even_from_sqlite(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "tz.sqlite"))
    local = dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with store.transaction() as session:
        session.add(
            SourceFile(sha256="a" * 64, path="x", format="fit", size_bytes=1, imported_at=local)
        )
    with store.session() as session:
        stored = session.scalar(select(SourceFile.imported_at))
    assert stored == local
    assert stored is not None and stored.utcoffset() == dt.timedelta(0)


def test_a_naive_time_is_refused(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "naive.sqlite"))
    with pytest.raises(Exception, match="naive"), store.transaction() as session:
        naive = dt.datetime(2026, 1, 1)  # noqa: DTZ001 - the point of the test
        session.add(
            SourceFile(sha256="b" * 64, path="x", format="fit", size_bytes=1, imported_at=naive)
        )


def test_an_unopenable_database_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(str(blocker / "sub" / "db.sqlite"))


def test_a_bad_url_is_one_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store("nosuchdialect://x/y")


def test_the_database_comes_from_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTFALL_DB", str(tmp_path / "env.sqlite"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert resolve_db_url("sqlite:///elsewhere.db") == "sqlite:///elsewhere.db"
    monkeypatch.delenv("FOOTFALL_DB")
    assert resolve_db_url(None).endswith("footfall.sqlite")


def test_streams_round_trip_through_parquet_with_their_gaps() -> None:
    rng = np.random.default_rng(1)
    n = 1000
    heart = rng.uniform(90, 180, n)
    heart[::7] = np.nan
    samples = Samples.from_columns(
        n, time_s=np.arange(n, dtype=float) + 1.7e9, heart_rate_bpm=heart
    )
    back = parquet_to_samples(samples_to_parquet(samples))
    np.testing.assert_array_equal(back.time_s, samples.time_s)
    np.testing.assert_array_equal(back.heart_rate_bpm, heart)
    assert not back.has("lat_deg")
