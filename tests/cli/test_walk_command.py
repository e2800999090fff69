"""``footfall walk`` as a program: a script, an audio file, a watch workout, a calendar
event, and the stored plan's walk."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import garmin_fit_sdk
import icalendar
import pytest

from cli_runner import assert_no_traceback, footfall

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)


def test_walk_prints_its_script_with_form_cues(tmp_path: Path) -> None:
    run = footfall(
        "walk", "--minutes", "20", "--style", "brisk", "--json", db=tmp_path / "db.sqlite"
    )
    assert run.code == 0, run.stderr
    walk = run.json()
    assert walk["minutes"] == 20 and walk["style"] == "brisk"
    assert walk["parts"][0]["name"] == "warm-up"
    kinds = {cue["kind"] for cue in walk["cues"]}
    assert {"form", "pace", "question"} <= kinds
    times = [cue["at_s"] for cue in walk["cues"]]
    assert times == sorted(times) and times[-1] < 20 * 60 - 10


@needs_espeak
def test_walk_writes_audio_a_watch_workout_and_a_calendar_event(tmp_path: Path) -> None:
    audio, fit, ics = tmp_path / "walk.wav", tmp_path / "walk.fit", tmp_path / "walk.ics"
    run = footfall("walk", "--minutes", "3", "--style", "intervals", "--audio", audio,
                   "--fit", fit, "--ics", ics, db=tmp_path / "db.sqlite")  # fmt: skip
    assert run.code == 0, run.stderr
    with wave.open(str(audio)) as sound:
        assert sound.getnframes() / sound.getframerate() == pytest.approx(180, abs=0.5)
    messages, errors = garmin_fit_sdk.Decoder(garmin_fit_sdk.Stream.from_file(str(fit))).read()
    assert errors == []
    steps = messages["workout_step_mesgs"]
    assert sum(step["duration_time"] for step in steps) == pytest.approx(180, abs=1)
    assert len(steps) >= 4  # warm-up, walk, run, cool-down
    (event,) = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert "Stand tall" in str(event.get("DESCRIPTION")) or "tall" in str(event.get("DESCRIPTION"))


def test_walk_coaches_the_stored_plans_walk(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "athlete: {baseline_steps: 3500}\nweek_start: 2026-12-07\n"
        "sessions:\n  - {date: 2026-12-13, type: long, distance: 20}\n"
    )
    planned = footfall("plan", plan, "--json", db=db)
    assert planned.code == 0
    (finisher,) = [
        s for d in planned.json()["days"] for s in d["sessions"] if s["role"] == "finisher"
    ]
    run = footfall("walk", "--planned", "2026-12-13", "--role", "finisher", "--json", db=db)
    assert run.code == 0, run.stderr
    walk = run.json()
    assert walk["style"] == ("recovery" if finisher["intensity"] == "light" else "brisk")
    assert walk["minutes"] == pytest.approx(15, abs=0.1)
    main = next(p for p in walk["parts"] if p["name"] == "main")
    assert main["pace_min_per_mi"] == pytest.approx(finisher["pace_min_per_mi"], abs=0.01)
    several = footfall("walk", "--planned", "2026-12-13", db=db)
    assert several.code == 2 and "--role" in several.stderr
    none = footfall("walk", "--planned", "2027-01-01", db=db)
    assert none.code == 2 and "no stored plan" in none.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--minutes", "45", "--style", "mindful"), "mindful"),
        (("--minutes", "20", "--style", "moonwalk"), "moonwalk"),
        (("--style", "brisk"), "--minutes"),
        (("--minutes", "20", "--audio", "walk.xyz"), "xyz"),
        (("--minutes", "20", "--style", "intervals", "--intervals", "four"), "--intervals"),
        (("--minutes", "20", "--style", "recovery", "--intervals", "4:1"), "--style intervals"),
        (("--minutes", "20", "--style", "brisk", "--planned", ""), "--planned"),
    ],
)
def test_walk_mistakes_are_one_line_and_exit_two(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    run = footfall("walk", *args, db=tmp_path / "db.sqlite")
    assert_no_traceback(run)
    assert run.code == 2, run.stderr
    assert says in run.stderr
