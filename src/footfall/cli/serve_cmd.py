"""``footfall serve``: the local web app (:mod:`footfall.web`) on this machine."""

from __future__ import annotations

from typing import Annotated

import typer

from footfall.cli.common import DbOption, chosen_db, err, one_line_errors
from footfall.web.hosts import allowed_hosts

HostOption = Annotated[
    str,
    typer.Option(
        "--host",
        help="Address to listen on. The default keeps the app on this machine; "
        "0.0.0.0 opens it to your network (there are no accounts).",
    ),
]
PortOption = Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)]


@one_line_errors
def serve_command(
    ctx: typer.Context,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    db: DbOption = None,
) -> None:
    """Serve the web app: dashboard, activities, upload, plan, guided walks, check-ins,
    and the JSON API under /api. Stop it with Ctrl+C."""
    import uvicorn  # noqa: PLC0415 - only this command needs the server

    from footfall.web import create_app  # noqa: PLC0415 - nor the app

    app = create_app(chosen_db(ctx, db), hosts=allowed_hosts(host))
    if allowed_hosts(host) is None:
        err.print(f"footfall is open to every machine that can reach {host}:{port}: no accounts")
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
