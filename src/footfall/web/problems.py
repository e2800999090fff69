"""footfall's errors as HTTP answers: the one-line message of the error tree
(:mod:`footfall.errors`) with a 4xx status, as ``{"detail": ...}`` under ``/api`` and
as a page (or an htmx fragment) elsewhere. Bad input never gets a 500 or a traceback.

=====================================  ======
error                                  status
=====================================  ======
UsageError (a wrong value or option)   400
PlanError, FileProblem, InputError     422
a missing page or record               404
StoreError (the database is gone)      503
=====================================  ======
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from footfall.errors import FileProblem, FootfallError, InputError, PlanError, StoreError

API_PREFIX = "/api"
log = logging.getLogger("footfall.web")


def status_of(error: FootfallError) -> int:
    """The HTTP status a footfall error answers with."""
    if isinstance(error, PlanError | FileProblem | InputError):
        return 422
    if isinstance(error, StoreError):
        return 503
    return 400


def one_line(error: FootfallError) -> str:
    """The error's message as the page shows it: the library's own line, without the
    ``--`` the command line puts before an option's name."""
    return str(error).removeprefix("--")


def validation_message(errors: Sequence[Any]) -> str:
    """FastAPI's list of validation errors as one line: ``start: Input should be a
    valid date ...; minutes: ...``."""
    parts = []
    for error in errors:
        where = [str(p) for p in error.get("loc", ()) if p not in {"query", "body", "path"}]
        parts.append(f"{'.'.join(where) or 'request'}: {error.get('msg', 'is not valid')}")
    return "; ".join(parts) or "the request is not valid"


def problem_response(request: Request, status: int, message: str) -> Response:
    """The error as JSON for the API, as an htmx fragment or a page for the browser."""
    if request.url.path.startswith(API_PREFIX):
        return JSONResponse({"detail": message}, status_code=status)
    templates = request.app.state.web.templates
    name = "fragments/problem.html" if request.headers.get("HX-Request") else "problem.html"
    return HTMLResponse(
        templates.get_template(name).render(request=request, status=status, message=message),
        status_code=status,
    )


async def _footfall_error(request: Request, exc: Exception) -> Response:
    error = cast(FootfallError, exc)
    return problem_response(request, status_of(error), one_line(error))


async def _http_error(request: Request, exc: Exception) -> Response:
    error = cast(HTTPException, exc)
    response = problem_response(request, error.status_code, str(error.detail))
    response.headers.update(error.headers or {})
    return response


async def _invalid_request(request: Request, exc: Exception) -> Response:
    error = cast(RequestValidationError, exc)
    return problem_response(request, 422, validation_message(error.errors()))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path)
    message = f"internal error: {type(exc).__name__} (a bug in footfall; the log has details)"
    return problem_response(request, 500, message)


def add_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(FootfallError, _footfall_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _unexpected)
