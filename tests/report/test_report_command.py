"""``footfall report``: prints the page's path, or with --json the page and its charts;
bad options are one line and exit code 2."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from footfall.cli.report_cmd import report_command
from footfall.report.build import REPORT_FILE
from tests_support import DEMO_END


def footfall_app() -> typer.Typer:
    """The report command under a root like footfall's own (app.py registers it)."""
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """footfall"""

    app.command("report")(report_command)
    return app


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(footfall_app(), ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_report_prints_the_path_of_the_page(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run("--db", str(demo_db), "--out", str(out), "--weeks", "4",
                               "--until", DEMO_END.isoformat())  # fmt: skip
    assert code == 0, stderr
    assert stdout == f"{out / REPORT_FILE}\n"
    assert "Time on feet: 582 min last week" in (out / REPORT_FILE).read_text(encoding="utf-8")


def test_report_json_names_the_page_and_every_chart_file(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run("--db", str(demo_db), "--out", str(out), "--json",
                               "--until", DEMO_END.isoformat())  # fmt: skip
    assert code == 0, stderr
    document = json.loads(stdout)
    assert set(document) == {"report", "charts"}
    assert Path(document["report"]) == out / REPORT_FILE
    assert len(document["charts"]) == 10
    assert all(Path(p).is_file() and Path(p).parent == out / "charts" for p in document["charts"])


def test_report_on_an_empty_database_still_writes_a_page(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    code, stdout, stderr = run("--db", str(db), "--out", str(tmp_path / "out"), "--json")
    assert code == 0, stderr
    page = Path(json.loads(stdout)["report"]).read_text(encoding="utf-8")
    assert "Nothing to show yet" in page
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from plan").fetchone() == (0,)


def test_bad_options_are_one_line_and_exit_code_two(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    for args, words in (
        (["--weeks", "0"], "--weeks: give 1 to 520 weeks, not 0"),
        (["--until", "last tuesday"], "--until: 'last tuesday' is not a date"),
    ):
        code, stdout, stderr = run("--db", db, "--out", str(tmp_path / "out"), *args)
        assert code == 2, stdout
        assert words in stderr
        assert stderr.strip().count("\n") == 0
        assert "Traceback" not in stderr


def test_the_command_and_the_trend_start_without_loading_matplotlib() -> None:
    code = (
        "import sys, footfall.cli.report_cmd, footfall.report, footfall.trends; "
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
