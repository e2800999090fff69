"""Migrations run both ways on a store that holds data, and recompute measures again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select

from footfall.importer.measure import recompute
from footfall.importer.pipeline import import_paths
from footfall.store.database import MIGRATIONS, open_store
from footfall.store.models import ActivityRow


def alembic(store_url: str, engine: object, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:  # type: ignore[attr-defined]
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def test_a_store_goes_down_to_the_first_revision_and_back_keeping_its_files(
    tmp_path: Path, demo_folder: Path
) -> None:
    path = str(tmp_path / "m.sqlite")
    store = open_store(path)
    some = sorted(p for p in demo_folder.iterdir() if p.suffix == ".fit")[:3]
    assert len(import_paths(store, some).imported) == 3
    alembic(store.url, store.engine, "downgrade", "0001")
    assert "bout" not in inspect(store.engine).get_table_names()
    store.close()
    again = open_store(path)  # upgrades to head
    with again.session() as session:
        rows = session.scalars(select(ActivityRow)).all()
        assert len(rows) == 3 and all(row.sport is None for row in rows)
    assert recompute(again) == 3
    with again.session() as session:
        rows = session.scalars(select(ActivityRow)).all()
        assert all(row.sport in {"run", "walk", "run_walk"} and row.steps for row in rows)
        assert all(row.bouts and row.days for row in rows)
