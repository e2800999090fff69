"""The planned week leaves footfall: to a calendar (``.ics``) and to a watch (FIT
workouts). Both read a :class:`footfall.plan.model.Plan` and nothing else.

- :func:`plan_to_ics` / :func:`walk_to_ics`: iCalendar events with their reasons,
  at the default times of :class:`Schedule` (see :mod:`footfall.export.schedule`).
- :func:`walk_to_fit` / :func:`plan_to_fit_dir`: one FIT workout per walk, its pace
  band as a speed target (see :mod:`footfall.export.fit_workout`).
"""

from footfall.export.fit_workout import plan_to_fit_dir, walk_to_fit, workout_name
from footfall.export.ics import plan_to_ics, session_uid, walk_to_ics
from footfall.export.schedule import DEFAULT_SCHEDULE, Schedule

__all__ = [
    "DEFAULT_SCHEDULE",
    "Schedule",
    "plan_to_fit_dir",
    "plan_to_ics",
    "session_uid",
    "walk_to_fit",
    "walk_to_ics",
    "workout_name",
]
