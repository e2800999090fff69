"""The local web app (``footfall serve``): pages and a JSON API over the same store and
the same library as the command line.

::

    from footfall.web import create_app
    app = create_app("runs.sqlite")   # an ASGI app: uvicorn, or FastAPI's TestClient

The web layer computes nothing of its own: weeks, plans, walks and imports come from
the library (:mod:`footfall.store`, :mod:`footfall.plan.service`,
:mod:`footfall.guide.service`, :mod:`footfall.importer.pipeline`); the pages only lay
them out. Every script, style and image is served from the package: it works offline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from footfall.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """``create_app`` loads FastAPI on first use, so ``footfall`` commands other than
    ``serve`` start without it."""
    if name == "create_app":
        from footfall.web.app import create_app  # noqa: PLC0415 - the deferred load

        return create_app
    raise AttributeError(name)
