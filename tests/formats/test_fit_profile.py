"""The pieces under the FIT decoder checked against independent sources: the profile
tables against garmin-fit-sdk's copy of the FIT Profile, the CRC against the SDK's,
and the rolling-clock timeline against a step-by-step model of the protocol."""

from __future__ import annotations

import os

import numpy as np
import pytest
from garmin_fit_sdk import profile as sdk_profile
from garmin_fit_sdk.crc_calculator import CrcCalculator
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.formats.fit.crc import crc16
from footfall.formats.fit.enums import ENUMS
from footfall.formats.fit.products import GARMIN_PRODUCT
from footfall.formats.fit.profile import MESSAGES, SEMICIRCLE_DEG
from footfall.formats.fit.timeline import resolve_rolling

SDK = sdk_profile.Profile


@pytest.mark.parametrize("enum", sorted(ENUMS))
def test_enum_tables_are_the_fit_profiles(enum: str) -> None:
    assert ENUMS[enum] == SDK["types"][enum]


def test_garmin_product_names_are_the_fit_profiles() -> None:
    assert SDK["types"]["garmin_product"] == GARMIN_PRODUCT


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_message_fields_have_the_profiles_numbers_scales_and_offsets(name: str) -> None:
    message = MESSAGES[name]
    sdk_message = SDK["messages"][message.num]
    assert sdk_message["name"] == name
    sdk_fields = list(sdk_message["fields"].values())
    by_name = {f["name"]: f for f in sdk_fields}
    subfields = {sub["name"]: (f, sub) for f in sdk_fields for sub in f["sub_fields"]}
    for field in message.fields.values():
        if field.name in by_name:
            theirs = by_name[field.name]
            scale, offset = theirs["scale"], theirs["offset"]
        else:  # a subfield: total_strides, steps
            theirs, sub = subfields[field.name]
            scale, offset = sub["scale"], sub["offset"]
        assert field.num == theirs["num"], field.name
        assert field.base.name == theirs["base_type"], field.name
        # duration_value's scale depends on duration_type (rawvalues.py); a field with
        # several components (compressed_speed_distance) is unpacked in records.py.
        if field.kind == "number" and field.name != "duration_value" and len(scale) <= 1:
            assert field.scale == (scale[0] if scale else 1), field.name
            assert field.offset == (offset[0] if offset else 0), field.name


@settings(max_examples=60)
@given(st.binary(max_size=9000))
def test_crc_matches_the_sdk(data: bytes) -> None:
    assert crc16(data) == CrcCalculator.calculate_crc(data, 0, len(data))


def test_crc_of_a_large_buffer_matches_the_sdk_and_is_fast_enough() -> None:
    data = os.urandom(300_001)
    assert crc16(data) == CrcCalculator.calculate_crc(data, 0, len(data))
    assert crc16(data + crc16(data).to_bytes(2, "little")) == 0


def test_semicircles_span_the_globe() -> None:
    assert 2**31 * SEMICIRCLE_DEG == 180.0


def _step_by_step(events: list[tuple[int, str, int]], bits: int) -> dict[int, float]:
    """The protocol's rule, message by message: t = last + ((low - last) mod 2**bits)."""
    last: int | None = None
    times: dict[int, float] = {}
    for pos, kind, value in sorted(events):
        if kind == "full":
            last = value
        elif last is None:
            times[pos] = np.nan
        else:
            last = last + ((value - last) % (1 << bits))
            times[pos] = float(last)
    return times


@settings(max_examples=80)
@given(st.lists(st.tuples(st.integers(0, 40), st.booleans()), min_size=1, max_size=60),
       st.sampled_from([5, 16]))  # fmt: skip
def test_rolling_timestamps_resolve_as_the_protocol_says(
    steps: list[tuple[int, bool]], bits: int
) -> None:
    t = 1_000_000_000
    events = []
    for pos, (gap, full) in enumerate(steps):
        t += gap
        events.append((pos * 3, "full" if full else "short", t if full else t % (1 << bits)))
    full = [(p, v) for p, k, v in events if k == "full"]
    short = [(p, v) for p, k, v in events if k == "short"]
    got = resolve_rolling(
        np.array([p for p, _ in full], dtype=np.int64),
        np.array([v for _, v in full], dtype=np.float64),
        np.array([p for p, _ in short], dtype=np.int64),
        np.array([v for _, v in short], dtype=np.int64),
        bits,
    )
    expected = _step_by_step(events, bits)
    assert np.allclose(got, [expected[p] for p, _ in short], equal_nan=True)
