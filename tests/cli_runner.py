"""Run the real ``footfall`` command in a subprocess, as a user (or another program) would."""

from __future__ import annotations

import json
import os
import shutil
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


#: Runs a command without root's power to read any file (util-linux's setpriv drops
#: the capabilities that let root ignore permissions), so chmod 000 means what it says.
WITHOUT_ROOTS_READ = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
    "--",
]


def can_be_denied_a_read() -> bool:
    """Whether :func:`footfall` with ``honour_permissions`` can be refused a file."""
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def footfall(
    *args: str | Path,
    db: Path | None = None,
    timeout: float = 300,
    honour_permissions: bool = False,
) -> Run:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    if db is not None:
        env["FOOTFALL_DB"] = str(db)
    prefix = WITHOUT_ROOTS_READ if honour_permissions and os.geteuid() == 0 else []
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "footfall", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
