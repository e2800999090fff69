"""What a file's sport label tells the measures."""

from __future__ import annotations

import pytest

from footfall.metrics.labels import label_prior


@pytest.mark.parametrize(
    ("label", "prior"),
    [
        ("running", "run"),
        ("running/treadmill", "run"),
        ("9", "run"),
        ("walking", "walk"),
        ("hkworkoutactivitytypewalking", "walk"),
        ("hiking", "hike"),
        ("cycling/road", "not_on_foot"),
        ("biking", "not_on_foot"),
        ("swimming/lap_swimming", "not_on_foot"),
        ("stand_up_paddleboarding", "not_on_foot"),
        ("rowing/indoor_rowing", "not_on_foot"),
        ("nordic ski", "not_on_foot"),
        ("hkworkoutactivitytypeyoga", "not_on_foot"),
        ("", "unknown"),
        ("generic", "unknown"),
        ("other", "unknown"),
        ("transition", "unknown"),
        ("the category", "unknown"),
    ],
)
def test_a_label_is_a_prior(label: str, prior: str) -> None:
    assert label_prior(label) == prior
