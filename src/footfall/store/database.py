"""Open the store: make the engine, bring the schema up to date, hand out sessions.

Two footfall processes may start on a new database at once; the migration runs under a
lock (a file lock beside an SQLite file, an advisory lock on PostgreSQL) so only one of
them creates the tables.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from footfall.errors import StoreError
from footfall.store.location import resolve_db_url

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_S = 60
_PG_MIGRATION_LOCK = 0x466F6F74  # "Foot"
#: The execution option that marks a connection's transaction as a write.
WRITES = "footfall_writes"


@dataclass(frozen=True)
class Store:
    """An open database: ``session()`` gives a unit of work."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work that commits at the end or leaves nothing behind. On SQLite
        it takes the write lock at once (``BEGIN IMMEDIATE``), so two writers queue
        instead of deadlocking; plain :meth:`session` reads never take it. A database
        that refuses the write (a read-only file, a full disk) is a :class:`StoreError`
        naming it."""
        try:
            with self.sessions.begin() as session:
                session.connection(execution_options={WRITES: True})
                yield session
        except DBAPIError as exc:
            if exc.connection_invalidated or not _refused_write(exc):
                raise
            where = _safe(self.url)
            raise StoreError(f"cannot write to the database {where}: {_first_line(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None) -> Store:
    """Open (creating and migrating as needed) the database named by ``db``, the
    ``FOOTFALL_DB`` environment variable, or the default file."""
    url = resolve_db_url(db)
    try:
        engine = _make_engine(url)
        with _migration_lock(engine):
            _upgrade(engine)
    except ModuleNotFoundError as exc:
        hint = " (pip install 'footfall[postgres]')" if "psycopg" in (exc.name or "") else ""
        raise StoreError(
            f"cannot open the database {_safe(url)}: its driver ({exc.name}) is not installed"
            + hint
        ) from exc
    except (ArgumentError, DBAPIError, OSError) as exc:
        raise StoreError(f"cannot open the database {_safe(url)}: {_first_line(exc)}") from exc
    return Store(url, engine, sessionmaker(engine, expire_on_commit=False))


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling is off; "begin" below issues BEGIN, or BEGIN
    # IMMEDIATE for a write transaction, so two importing processes queue for the write
    # lock instead of deadlocking, and readers never wait on it (WAL).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    writes = connection.get_execution_options().get(WRITES, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK})
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _upgrade(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"{_safe(str(engine.url))} is not a footfall database (it holds other tables: "
            f"{', '.join(sorted(tables)[:3])}{', ...' if len(tables) > 3 else ''}); "
            "give footfall a file of its own"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


_REFUSED_WRITES = ("readonly", "read-only", "disk is full", "disk i/o error", "permission")


def _refused_write(exc: DBAPIError) -> bool:
    """Whether the database refused a write for a reason outside footfall."""
    return any(words in str(exc.orig).lower() for words in _REFUSED_WRITES)
