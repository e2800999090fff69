"""An activity as the decoders made it, rebuilt from what the store keeps."""

from __future__ import annotations

import math

from footfall.activity import Activity, Lap, Samples, Totals
from footfall.store.models import ActivityRow
from footfall.store.streams import parquet_to_samples


def activity_from_row(row: ActivityRow) -> Activity:
    """The stored activity with its samples, laps and device totals (for measuring)."""
    samples = parquet_to_samples(row.stream.parquet) if row.stream is not None else Samples()
    return Activity(
        samples=samples,
        start_s=row.start.timestamp(),
        source_sport=row.source_sport,
        device=row.device,
        laps=tuple(
            Lap(
                start_s=lap.start.timestamp(),
                elapsed_s=_nan(lap.elapsed_s),
                timer_s=_nan(lap.timer_s),
                distance_m=_nan(lap.distance_m),
                cycles=_nan(lap.cycles),
            )
            for lap in row.laps
        ),
        totals=Totals(
            elapsed_s=_nan(row.device_elapsed_s),
            timer_s=_nan(row.device_timer_s),
            distance_m=_nan(row.device_distance_m),
            cycles=_nan(row.device_cycles),
            steps=_nan(row.device_steps),
            calories_kcal=_nan(row.device_calories_kcal),
        ),
        name=row.name,
        utc_offset_s=row.utc_offset_s,
        index=row.index_in_file,
    )


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)
