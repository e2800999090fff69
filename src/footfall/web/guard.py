"""What keeps other web sites out of the runner's local app.

A page on any site can make the browser send requests to ``127.0.0.1``; the app has no
accounts, so it refuses, before any route runs:

- a ``Host`` that is not one of the app's own names (a DNS-rebinding page reaches
  the app under its own domain name) — 421;
- a ``POST``/``PUT``/``PATCH``/``DELETE`` whose ``Origin`` is another site (a form or
  script on that site posting a plan, a check-in or files) — 403;
- a body announced larger than the upload limit, before reading it — 413.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from footfall.web.problems import API_PREFIX

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class LocalGuard:
    """ASGI middleware: see the module's docstring. ``hosts`` None takes any Host
    (an app served on every interface is reached by names it cannot know)."""

    def __init__(self, app: ASGIApp, *, hosts: Collection[str] | None, most_bytes: int) -> None:
        self.app = app
        self.hosts = None if hosts is None else frozenset(h.lower() for h in hosts)
        self.most_bytes = most_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refused = self.refusal(scope["method"], Headers(scope=scope))
            if refused is not None:
                status, message = refused
                await _answer(scope, status, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def refusal(self, method: str, headers: Headers) -> tuple[int, str] | None:
        """(status, message) when the request must be refused, else None."""
        host = headers.get("host", "")
        if self.hosts is not None and host_name(host) not in self.hosts:
            return 421, f"footfall does not answer to the name '{host_name(host)}'"
        origin = headers.get("origin")
        if method in UNSAFE_METHODS and origin is not None and urlsplit(origin).netloc != host:
            return 403, "a request from another site: footfall only takes its own pages' forms"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.most_bytes:
            limit = self.most_bytes / 1024**3
            return 413, f"the upload is larger than {limit:g} GiB; import it with footfall import"
        return None


def host_name(host: str) -> str:
    """``127.0.0.1:8000`` -> ``127.0.0.1``; ``[::1]:8000`` -> ``::1``."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0].lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


def _answer(scope: Scope, status: int, message: str) -> Response:
    if str(scope.get("path", "")).startswith(API_PREFIX):
        return JSONResponse({"detail": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)
