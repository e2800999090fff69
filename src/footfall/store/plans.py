"""Planned weeks in the store: the newest plan of a week is the one that counts."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from footfall.plan.model import Plan
from footfall.store.models import PlanRow


def save_plan(session: Session, plan: Plan, *, source: str) -> int:
    row = PlanRow(
        week_start=plan.start,
        created_at=dt.datetime.now(dt.UTC),
        source=source,
        document=json.dumps(plan.to_json()),
    )
    session.add(row)
    session.flush()
    return row.id


def plan_covering(session: Session, day: dt.date) -> Plan | None:
    """The newest stored plan whose week holds ``day``."""
    query = (
        select(PlanRow)
        .where(PlanRow.week_start <= day, PlanRow.week_start > day - dt.timedelta(days=7))
        .order_by(PlanRow.created_at.desc(), PlanRow.id.desc())
    )
    row = session.scalars(query).first()
    return Plan.from_json(json.loads(row.document)) if row else None


def latest_plan(session: Session) -> Plan | None:
    """The plan made last, whatever its week."""
    row = session.scalars(select(PlanRow).order_by(PlanRow.id.desc())).first()
    return Plan.from_json(json.loads(row.document)) if row else None
