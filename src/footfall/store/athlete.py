"""The athlete's settings in the store: one row, defaults until the runner sets them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from footfall.metrics.stride import UNCALIBRATED, StrideCalibration
from footfall.settings import SETTING_NAMES, Athlete
from footfall.store.models import AthleteRow

_ATHLETE_ID = 1


def load_athlete(session: Session) -> Athlete:
    """The stored settings, or the defaults (all assumed) when none are stored."""
    row = session.get(AthleteRow, _ATHLETE_ID)
    if row is None:
        return Athlete()
    chosen = {name for name in row.set_fields.split(",") if name in SETTING_NAMES}
    return Athlete(
        mass_kg=row.mass_kg,
        height_cm=row.height_cm,
        units="km" if row.units == "km" else "mi",
        step_floor=row.step_floor,
        time_zone=row.time_zone,
        impact_model="speed" if row.impact_model == "speed" else "fixed",
        assumed=frozenset(set(SETTING_NAMES) - chosen),
    )


def save_athlete(session: Session, athlete: Athlete) -> None:
    row = _row(session)
    row.mass_kg = athlete.mass_kg
    row.height_cm = athlete.height_cm
    row.units = athlete.units
    row.step_floor = athlete.step_floor
    row.time_zone = athlete.time_zone
    row.impact_model = athlete.impact_model
    row.set_fields = ",".join(sorted(set(SETTING_NAMES) - athlete.assumed))


def load_calibration(session: Session) -> StrideCalibration:
    """The runner's own stride against the model's, as last learned from their files."""
    row = session.get(AthleteRow, _ATHLETE_ID)
    if row is None:
        return UNCALIBRATED
    return StrideCalibration(
        row.run_stride_ratio,
        row.walk_stride_ratio,
        row.run_stride_activities,
        row.walk_stride_activities,
    )


def save_calibration(session: Session, calibration: StrideCalibration) -> None:
    row = _row(session)
    row.run_stride_ratio = calibration.run_ratio
    row.walk_stride_ratio = calibration.walk_ratio
    row.run_stride_activities = calibration.run_activities
    row.walk_stride_activities = calibration.walk_activities


def _row(session: Session) -> AthleteRow:
    """The athlete's row, made with the default settings if there is none yet."""
    row = session.get(AthleteRow, _ATHLETE_ID)
    if row is None:
        defaults = Athlete()
        row = AthleteRow(
            id=_ATHLETE_ID,
            name="me",
            mass_kg=defaults.mass_kg,
            height_cm=defaults.height_cm,
            units=defaults.units,
            step_floor=defaults.step_floor,
            time_zone=defaults.time_zone,
            impact_model=defaults.impact_model,
            set_fields="",
            run_stride_ratio=UNCALIBRATED.run_ratio,
            walk_stride_ratio=UNCALIBRATED.walk_ratio,
            run_stride_activities=0,
            walk_stride_activities=0,
        )
        session.add(row)
    return row
