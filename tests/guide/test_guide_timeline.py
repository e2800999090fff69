"""The cue timeline, on its own (pure): structure, spacing, wording, the runner's past."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.errors import UsageError
from footfall.guide import (
    MIN_GAP_S,
    QUIET_TAIL_S,
    STYLE_NAMES,
    STYLES,
    PastWalks,
    Timeline,
    build_timeline,
    spoken_seconds,
)
from footfall.guide.styles import FORM_CUES, r7_key

LENGTHS = (3, 20, 45)


def walks() -> list[tuple[str, float]]:
    """Every style at 3, 20 and 45 minutes (a mindful walk stops at its 40)."""
    return [(s, min(m, STYLES[s].max_minutes)) for s in STYLE_NAMES for m in LENGTHS]


def build(style: str, minutes: float, **options: object) -> Timeline:
    if style == "hike" and "incline_pct" not in options:
        options["incline_pct"] = 8.0
    return build_timeline(minutes, style, **options)  # type: ignore[arg-type]


def assert_well_spaced(walk: Timeline) -> None:
    """Cues in order, never overlapping by their estimated length plus the gap, and
    all said before the quiet tail."""
    times = [c.at_s for c in walk.cues]
    assert times == sorted(times)
    ends = [c.at_s + spoken_seconds(c.text, walk.words_per_minute) for c in walk.cues]
    for end, following in zip(ends[:-1], walk.cues[1:], strict=True):
        assert end + MIN_GAP_S <= following.at_s + 1e-9
    assert ends[-1] <= walk.seconds - QUIET_TAIL_S + 1e-9


@pytest.mark.parametrize(("style", "minutes"), walks())
def test_the_parts_cover_the_walk_exactly(style: str, minutes: float) -> None:
    walk = build(style, minutes)
    assert walk.parts[0].start_s == 0.0
    assert walk.parts[-1].end_s == pytest.approx(minutes * 60, abs=1e-9)
    for before, after in itertools.pairwise(walk.parts):
        assert before.end_s == after.start_s
    assert all(p.end_s > p.start_s for p in walk.parts)
    assert [walk.parts[0].name, walk.parts[-1].name] == ["warm-up", "cool-down"]


@pytest.mark.parametrize(("style", "minutes"), walks())
def test_cues_are_in_order_never_overlap_and_leave_the_last_seconds_quiet(
    style: str, minutes: float
) -> None:
    assert_well_spaced(build(style, minutes))


@pytest.mark.parametrize("style", STYLE_NAMES)
def test_a_three_minute_walk_still_has_every_part_and_a_form_cue(style: str) -> None:
    walk = build(style, 3)
    said = {(c.kind, c.part) for c in walk.cues}
    assert ("welcome", "warm-up") in said
    assert ("part", "warm-up") in said
    assert ("part", "cool-down") in said
    assert ("question", "cool-down") in said
    assert any(c.kind == "form" and r7_key(c.text) for c in walk.cues)
    main_start = walk.parts[1].start_s
    assert any(c.at_s == main_start and c.kind in {"part", "interval"} for c in walk.cues)


@pytest.mark.parametrize("style", STYLE_NAMES)
def test_form_cues_rotate_through_all_five_r7_cues_on_a_long_walk(style: str) -> None:
    walk = build(style, min(40, STYLES[style].max_minutes), seed=3)
    keys = [r7_key(c.text) for c in walk.cues if c.kind == "form"]
    r7 = [k for k in keys if k is not None]
    order = [cue.key for cue in FORM_CUES]
    assert set(r7) == set(order)
    for before, after in itertools.pairwise(r7):
        assert order.index(after) == (order.index(before) + 1) % len(order)
    assert r7[0] == order[3 % len(order)]


def test_form_cues_are_said_only_while_walking_never_in_a_run_block() -> None:
    walk = build("intervals", 45)
    for cue in walk.cues:
        if cue.kind in {"form", "pace"}:
            part = next(p for p in walk.parts if p.start_s <= cue.at_s < p.end_s)
            end = cue.at_s + spoken_seconds(cue.text, walk.words_per_minute)
            assert part.kind == "walk"
            assert part.name != "cool-down"
            assert end <= part.end_s


def test_pace_reminders_say_the_band_in_miles() -> None:
    walk = build("brisk", 20, pace_min_per_mi=(15.0, 17.0))
    pace = [c.text for c in walk.cues if c.kind == "pace"]
    assert pace
    assert all("15 to 17 minutes per mile" in text for text in pace)


def test_pace_reminders_say_the_band_in_kilometres() -> None:
    walk = build("brisk", 20, units="km", pace_min_per_mi=(15.0, 17.0))
    pace = [c.text for c in walk.cues if c.kind == "pace"]
    # 15 min/mi = 9.32 min/km and 17 min/mi = 10.56 min/km, said to the half minute
    assert pace
    assert all("9 and a half to 10 and a half minutes per kilometre" in t for t in pace)
    assert not any("mile" in c.text for c in walk.cues)


def test_the_band_defaults_to_the_cdc_brisk_range() -> None:
    walk = build("brisk", 20)
    assert walk.parts[1].pace_min_per_mi == (15.0, 24.0)  # 4 mph .. 2.5 mph (E4)
    assert "15 to 24 minutes per mile" in walk.cues[walk_main_cue(walk)].text


def test_the_band_centres_on_the_runners_own_brisk_pace() -> None:
    walk = build("brisk", 20, past=PastWalks(brisk_pace_min_per_mi=17.2))
    assert walk.parts[1].pace_min_per_mi == pytest.approx((16.2, 18.2))
    assert "16 to 18 minutes per mile" in walk.cues[walk_main_cue(walk)].text


def test_a_recovery_walk_is_slower_than_the_brisk_band() -> None:
    walk = build("recovery", 20, pace_min_per_mi=(15.0, 17.0))
    low, high = walk.parts[1].pace_min_per_mi or (0, 0)
    assert low >= 17.0
    assert high > low


def walk_main_cue(walk: Timeline) -> int:
    main_start = walk.parts[1].start_s
    return next(i for i, c in enumerate(walk.cues) if c.at_s == main_start)


def test_intervals_alternate_walk_and_run_blocks_of_the_asked_minutes() -> None:
    walk = build("intervals", 45, intervals=(4, 1))
    blocks = walk.parts[1:-1]
    assert [p.kind for p in blocks] == ["walk", "run"] * (len(blocks) // 2)
    assert {p.seconds for p in blocks if p.kind == "walk"} == {240.0}
    assert {p.seconds for p in blocks if p.kind == "run"} == {60.0}
    switches = [c for c in walk.cues if c.kind == "interval"]
    assert [c.at_s for c in switches] == [p.start_s for p in blocks]
    assert all(c.part == p.name for c, p in zip(switches, blocks, strict=True))


def test_a_short_intervals_walk_keeps_the_walk_run_ratio() -> None:
    walk = build("intervals", 3, intervals=(4, 1))
    walk_block, run_block = walk.parts[1:-1]
    assert walk_block.seconds / run_block.seconds == pytest.approx(4.0, rel=0.05)
    assert "Run now" in next(c.text for c in walk.cues if c.at_s == run_block.start_s)


def test_a_treadmill_hike_climbs_at_the_asked_incline() -> None:
    walk = build("hike", 20, incline_pct=8.0)
    main = walk.parts[1]
    assert main.incline_pct == 8.0
    assert walk.parts[0].incline_pct == walk.parts[-1].incline_pct == 1.0
    assert "incline at 8 percent" in walk.cues[walk_main_cue(walk)].text


def test_an_outdoor_hike_has_no_incline() -> None:
    walk = build_timeline(20, "hike")
    assert all(p.incline_pct is None for p in walk.parts)
    assert not any("percent" in c.text for c in walk.cues)


def test_a_mindful_walk_reminds_no_pace() -> None:
    walk = build("mindful", 20)
    assert not any(c.kind == "pace" for c in walk.cues)
    assert all(p.pace_min_per_mi is None for p in walk.parts)


def test_time_markers_say_halfway_and_minutes_to_go_near_their_moments() -> None:
    walk = build("brisk", 45)
    markers = {c.text: c.at_s for c in walk.cues if c.kind == "time"}
    assert markers["Halfway: 22 and a half minutes done."] == pytest.approx(1350, abs=30)
    assert markers["10 minutes to go."] == pytest.approx(2100, abs=30)
    assert markers["5 minutes to go."] == pytest.approx(2400, abs=30)


OTHERS = re.compile(r"\b(others?|people|average|runners|percentile|rank|leaderboard)\b", re.I)


def test_the_closing_question_says_only_the_runners_own_numbers() -> None:
    past = PastWalks(last_minutes=22, last_style="brisk", last_brisk_share=0.6)
    walk = build("brisk", 20, past=past)
    question = walk.cues[-1]
    assert question.kind == "question"
    assert "Your last brisk walk was 22 minutes; today was 20 minutes." in question.text
    assert "60 percent" in question.text
    assert set(re.findall(r"\d+", question.text)) <= {"22", "20", "60"}
    assert not OTHERS.search(question.text)


def test_the_closing_question_counts_the_runners_own_last_four_weeks() -> None:
    walk = build("mindful", 20, past=PastWalks(walks_last_4_weeks=7))
    question = walk.cues[-1].text
    assert "You walked 7 times in the last four weeks." in question
    assert set(re.findall(r"\d+", question)) == {"7"}


def test_without_a_past_the_closing_question_has_no_numbers() -> None:
    question = build("hike", 20).cues[-1].text
    assert question.endswith("?") or "check-in" in question
    assert not re.search(r"\d", question)
    assert not OTHERS.search(question)


def test_the_same_seed_gives_the_same_walk_and_another_seed_other_words() -> None:
    assert build("brisk", 20, seed=1) == build("brisk", 20, seed=1)
    first = [c.text for c in build("brisk", 20, seed=0).cues if c.kind == "form"]
    second = [c.text for c in build("brisk", 20, seed=1).cues if c.kind == "form"]
    assert first != second


@settings(max_examples=150, deadline=None)
@given(
    style=st.sampled_from(STYLE_NAMES),
    share=st.floats(0, 1),
    words_per_minute=st.integers(100, 300),
    units=st.sampled_from(["mi", "km"]),
    seed=st.integers(0, 1000),
    intervals=st.tuples(st.integers(1, 10), st.integers(1, 10)),
    last_minutes=st.none() | st.floats(1, 300),
    walks=st.none() | st.integers(0, 60),
)
def test_every_allowed_walk_gets_a_well_spaced_timeline(
    *,
    style: str,
    share: float,
    words_per_minute: int,
    units: str,
    seed: int,
    intervals: tuple[int, int],
    last_minutes: float | None,
    walks: int | None,
) -> None:
    chosen = STYLES[style]
    minutes = chosen.min_minutes + share * (chosen.max_minutes - chosen.min_minutes)
    past = PastWalks(last_minutes=last_minutes, walks_last_4_weeks=walks, last_brisk_share=0.5)
    walk = build(
        style,
        minutes,
        units=units,
        seed=seed,
        intervals=intervals,
        past=past,
        words_per_minute=words_per_minute,
    )
    assert_well_spaced(walk)
    assert sum(p.seconds for p in walk.parts) == pytest.approx(minutes * 60)
    assert any(c.kind == "form" for c in walk.cues)


@pytest.mark.parametrize(
    ("minutes", "style", "options", "message"),
    [
        (20, "jog", {}, "unknown walk style 'jog' (styles: brisk, recovery, intervals"),
        (45, "mindful", {}, "a mindful walk is 3 to 40 minutes, not 45"),
        (2, "mindful", {}, "a mindful walk is 3 to 40 minutes, not 2"),
        (0, "brisk", {}, "a brisk walk is 3 to 180 minutes, not 0"),
        (181, "brisk", {}, "a brisk walk is 3 to 180 minutes, not 181"),
        (float("nan"), "brisk", {}, "walk minutes must be a number"),
        (20, "brisk", {"units": "yd"}, "unknown units 'yd'"),
        (20, "brisk", {"pace_min_per_mi": (17.0, 15.0)}, "a pace band is fast to slow"),
        (20, "brisk", {"pace_min_per_mi": (5.0, 7.0)}, "within 8 to 40 minutes per mile"),
        (20, "brisk", {"incline_pct": 5.0}, "an incline is for a hike, not a brisk walk"),
        (20, "hike", {"incline_pct": 30.0}, "up to 15 percent, not 30"),
        (20, "intervals", {"intervals": (0, 1)}, "intervals are walk and run minutes"),
        (20, "brisk", {"words_per_minute": 40}, "words per minute must be 100 to 300"),
    ],
)
def test_it_refuses_a_walk_it_cannot_guide(
    minutes: float, style: str, options: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        build_timeline(minutes, style, **options)  # type: ignore[arg-type]


def test_it_refuses_a_past_that_cannot_be() -> None:
    with pytest.raises(UsageError, match=r"last_brisk_share must be 0\.\.1"):
        PastWalks(last_brisk_share=1.5)
    with pytest.raises(UsageError, match="last_minutes must be a positive number"):
        PastWalks(last_minutes=-3)
