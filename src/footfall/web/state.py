"""What every request of one app shares: the open store, the templates, the folder
rendered walks are kept in. Routes get it through :func:`web_state`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from footfall.metrics.timezone import today_in
from footfall.settings import Athlete
from footfall.store.athlete import load_athlete
from footfall.store.database import Store


@dataclass(frozen=True)
class WebState:
    """One running app: its store, its templates, its cache of walk audio."""

    store: Store
    templates: Jinja2Templates
    audio_folder: Path

    def athlete(self) -> Athlete:
        with self.store.session() as session:
            return load_athlete(session)

    def today(self) -> dt.date:
        """Today in the runner's zone (their setting, else this machine's)."""
        return today_in(self.athlete())


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


State = Annotated[WebState, Depends(web_state)]
