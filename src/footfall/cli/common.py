"""What every command shares: the database option, JSON output, one-line errors."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from footfall.errors import FootfallError, PlanError, UsageError
from footfall.store.database import Store, open_store
from footfall.store.location import ENV_VAR

P = ParamSpec("P")
T = TypeVar("T")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: an SQLAlchemy URL or an SQLite file path "
        "(default: $FOOTFALL_DB, else footfall.sqlite in your data folder).",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout and nothing else.")
]

#: Plain consoles: what footfall prints (file names, reasons, names from files) is never
#: read as Rich markup; styles are given as Text or with markup=True on fixed strings.
out = Console(highlight=False, soft_wrap=False, markup=False)
err = Console(stderr=True, highlight=False, markup=False)


def chosen_db(ctx: typer.Context, db: str | None) -> str | None:
    """The database this command's --db, the app's --db or FOOTFALL_DB names, if any."""
    root_db = ctx.find_root().params.get("db") if ctx.find_root() is not ctx else None
    return db or root_db or os.environ.get(ENV_VAR) or None


@contextmanager
def opened_store(ctx: typer.Context, db: str | None) -> Iterator[Store]:
    """The store named by this command's --db, the app's --db, or the defaults."""
    store = open_store(chosen_db(ctx, db))
    try:
        yield store
    finally:
        store.close()


def print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def fail(message: str, code: int = 1) -> typer.Exit:
    say(err, "error:", message, style="bold red")
    return typer.Exit(code)


def say(console: Console, label: str, message: str, *, style: str) -> None:
    """``label message`` on one line, the label styled, the message printed as is."""
    console.print(Text.assemble((label, style), " ", message), soft_wrap=True)


def one_line_errors(command: Callable[P, T]) -> Callable[P, T]:
    """Turn footfall's own errors into one line on stderr and an exit code (2 for usage
    and plan-file mistakes, 1 otherwise); an unexpected error says so in one line too
    (FOOTFALL_DEBUG=1 shows the traceback)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return command(*args, **kwargs)
        except (UsageError, PlanError) as exc:
            raise fail(str(exc), 2) from None
        except FootfallError as exc:
            raise fail(str(exc), 1) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("FOOTFALL_DEBUG"):
                raise
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            raise fail(f"internal error: {type(exc).__name__}: {first}", 1) from None

    return wrapper
