"""A plan sent to ``POST /api/plan``: the SPEC §4 document as JSON, or the text of a plan
file (YAML, an ``.ics`` calendar, a ``date,type,minutes,distance`` CSV) read by the
same readers as ``footfall plan PLAN`` (:mod:`footfall.plan.sources`), with the same
size limit and the same mistakes named by field (and by line, for text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from footfall.errors import PlanError
from footfall.plan.model import PlanInput
from footfall.plan.sources import MAX_PLAN_BYTES, READERS, plan_kind
from footfall.plan.sources.plan_text import decoded_plan_text
from footfall.plan.sources.yaml_file import read_yaml_plan
from footfall.settings import Athlete

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/plain", "text/csv",
              "text/calendar")  # fmt: skip
#: The plan's name in its mistakes ("your plan:11: field ...") and in the reason of
#: the runner's own sessions ("as your plan has it (your plan)").
BODY_NAME = Path("your plan")

#: What the OpenAPI schema says ``POST /api/plan`` takes.
OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": False,
        "description": "The running week: SPEC §4 as JSON, or a plan file's text "
        "(YAML, .ics or CSV). Leave out with from_history=true.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            **{kind: {"schema": {"type": "string"}} for kind in TEXT_TYPES},
        },
    }
}


def plan_from_body(
    raw: bytes, content_type: str, *, athlete: Athlete, week_start: dt.date | None
) -> PlanInput:
    """The week the body describes (PlanError naming what is wrong with it)."""
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanError(BODY_NAME, None, None, "is larger than 1 MiB: a plan is a few dozen lines")
    if not raw.strip():
        raise PlanError(BODY_NAME, None, None, "is empty: send the week's sessions")
    text = decoded_plan_text(raw, BODY_NAME)
    if content_type.split(";", maxsplit=1)[0].strip().lower() in JSON_TYPES:
        return _from_json(text, athlete, week_start)
    reader = READERS[plan_kind(BODY_NAME, text)]
    return reader(text, BODY_NAME, athlete=athlete, week_start=week_start)


def _from_json(text: str, athlete: Athlete, week_start: dt.date | None) -> PlanInput:
    """A JSON plan is read as the YAML plan it also is; its mistakes are named by
    field alone (the line of the re-written document would mean nothing)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(BODY_NAME, exc.lineno, None, f"is not JSON ({exc.msg})") from None
    if not isinstance(document, dict):
        raise PlanError(
            BODY_NAME, None, None, "must be a JSON object (SPEC §4), not a list or value"
        )
    try:
        return read_yaml_plan(
            json.dumps(document, indent=1), BODY_NAME, athlete=athlete, week_start=week_start
        )
    except PlanError as error:
        raise PlanError(BODY_NAME, None, error.field, error.problem) from None
