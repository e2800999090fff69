"""Reading a report back: its page, the bars inside each inline chart, its links."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from footfall.plan.model import PlanInput
from footfall.plan.service import PlanChanges, make_plan, plan_input, with_changes
from footfall.settings import Athlete
from footfall.store.checkins import add_checkin
from footfall.store.database import Store
from tests_support import DEMO_END

NEXT_MONDAY = DEMO_END + dt.timedelta(days=1)
_BAR = re.compile(
    r'<g id="(?P<gid>[a-z_]+-[a-z_]+-[0-9-]+)">\s*<path d="M (?P<x0>[-\d.]+) (?P<y0>[-\d.]+)\s*'
    r"L [-\d.]+ [-\d.]+\s*L [-\d.]+ (?P<y1>[-\d.]+)"
)
_REFERENCE = re.compile(r'(?:\bsrc|\bhref|xlink:href)\s*=\s*"([^"]*)"|url\(\s*([^)]*)\)')


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of an inline chart: its id and its height in SVG units (negative for a
    bar drawn down from zero)."""

    gid: str
    height: float


def bars(svg: str, prefix: str) -> list[Bar]:
    """The bars whose ids start with ``prefix`` (``time_on_feet-week``), in order."""
    found = []
    for match in _BAR.finditer(svg):
        if match.group("gid").startswith(f"{prefix}-"):
            height = float(match.group("y0")) - float(match.group("y1"))
            found.append(Bar(match.group("gid"), height))
    return found


def references(page: str) -> list[str]:
    """Every resource or link the page names: src, href, xlink:href and CSS url()."""
    return [(a or b).strip("'\" ") for a, b in _REFERENCE.findall(page)]


def plan_demo_week(store: Store, *, reluctant: bool = False) -> None:
    """Plan the week after the demo from the runner's history, as footfall plan does."""
    planned: PlanInput = plan_input(store, None, NEXT_MONDAY, Athlete())
    if reluctant:
        planned = with_changes(planned, PlanChanges(attitude="reluctant"))
    make_plan(store, planned, DEMO_END)


def check_in(store: Store, answers: list[tuple[dt.date, str, str]]) -> None:
    with store.transaction() as session:
        for day, legs, energy in answers:
            add_checkin(session, legs=legs, energy=energy, date=day, today=DEMO_END)
