"""The app factory: one store, the pages, the API, the package's own static files."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from footfall.store.database import open_store
from footfall.version import __version__
from footfall.web import activities, api, checkin, dashboard, plan, upload, walk
from footfall.web.display import make_templates
from footfall.web.guard import LocalGuard
from footfall.web.problems import add_problem_handlers
from footfall.web.state import WebState
from footfall.web.uploads import MAX_UPLOAD_BYTES

STATIC = Path(__file__).with_name("static")
#: Every router of the app: the pages, then the API.
ROUTERS = tuple(m.router for m in (dashboard, activities, upload, plan, walk, checkin, api))
DESCRIPTION = (
    "footfall's local web app. The JSON under /api is the command line's JSON (SPEC §3); "
    'errors answer 4xx with {"detail": "<one line>"}.'
)


def create_app(
    db: str | None = None,
    *,
    hosts: Collection[str] | None = None,
    audio_folder: Path | None = None,
) -> FastAPI:
    """The app over the store named by ``db`` (an SQLAlchemy URL or SQLite path; default
    ``$FOOTFALL_DB`` or the user's data folder), opened and migrated now.

    ``hosts``: the names the app answers to (None: any). ``audio_folder``: where walks'
    audio is kept (default: a temporary folder removed when the app stops).
    """
    store = open_store(db)
    scratch = None if audio_folder is not None else Path(tempfile.mkdtemp(prefix="footfall-walks-"))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)

    app = FastAPI(
        title="footfall",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline
        redoc_url=None,
    )
    app.state.web = WebState(store, make_templates(), audio_folder or scratch or Path())
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    add_problem_handlers(app)
    app.add_middleware(LocalGuard, hosts=hosts, most_bytes=MAX_UPLOAD_BYTES)
    return app
