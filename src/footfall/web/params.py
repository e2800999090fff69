"""Query, path and body values the web app takes, checked before any handler runs: a
day outside :mod:`footfall.day_range`, or an id no database row can have, answers 422
with the reason instead of failing deeper down."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field

from footfall.day_range import in_range
from footfall.web.forms import LARGEST_WHOLE

Day = Annotated[dt.date, AfterValidator(in_range)]
RowId = Annotated[int, Field(ge=1, le=LARGEST_WHOLE)]
