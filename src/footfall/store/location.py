"""Which database: ``--db``, else ``FOOTFALL_DB``, else an SQLite file in the user's data
folder. A plain path is taken as an SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "FOOTFALL_DB"


def default_db_path() -> Path:
    return Path(user_data_dir("footfall", appauthor=False)) / "footfall.sqlite"


def resolve_db_url(given: str | None = None) -> str:
    """The SQLAlchemy URL to use, from the option, the environment or the default."""
    value = given or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
