"""Run the real ``footfall`` command in a subprocess, as a user (or another program) would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def footfall(*args: str | Path, db: Path | None = None, timeout: float = 300) -> Run:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    if db is not None:
        env["FOOTFALL_DB"] = str(db)
    done = subprocess.run(
        [sys.executable, "-m", "footfall", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
