"""Every error footfall raises on purpose, in one tree.

The CLI turns each into one line and an exit code; the web layer into an HTTP status.
Domain errors carry domain data (the file, the line, the field) so the message can
name them.

    FootfallError
     ├── InputError                 bad input from the user (exit code 1 on import)
     │    ├── FileProblem           one file cannot be read; carries ``path``
     │    │    ├── UnknownFormat    not a format footfall reads
     │    │    ├── DecodeError      the format is known but the content is broken
     │    │    │    ├── TruncatedFile     the file ends in the middle of a record
     │    │    │    └── ChecksumError     a CRC does not match the bytes
     │    │    ├── UnsafeInput      refused on purpose: XXE, entity expansion,
     │    │    │                    archive member outside its folder, size limit
     │    │    └── NotAnActivity    readable, but holds no activity (settings, workout…)
     │    └── PlanError             a plan file with a mistake; carries line and field
     │                              (exit code 2: the command cannot run as asked)
     ├── UsageError                 the command was called wrongly (exit code 2)
     └── StoreError                 the database cannot be opened or migrated
"""

from __future__ import annotations

from pathlib import Path


class FootfallError(Exception):
    """Root of every error footfall raises on purpose."""


class InputError(FootfallError):
    """Something the user gave footfall cannot be used as it is."""


class FileProblem(InputError):
    """One file cannot be used; the message names the file and the problem.

    ``path`` is the file as the user would recognise it; for a member of an archive it
    is ``archive.zip!member``.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnknownFormat(FileProblem):
    """The file is not one of the formats footfall reads (sniffed from its bytes)."""


class DecodeError(FileProblem):
    """The format is recognised but the content is broken or inconsistent."""


class TruncatedFile(DecodeError):
    """The file ends in the middle of a record or element."""


class ChecksumError(DecodeError):
    """A header or file CRC does not match the bytes it covers."""


class UnsafeInput(FileProblem):
    """Refused on purpose: external entities, entity expansion, an archive member
    outside its folder, or content beyond the size limit."""


class NotAnActivity(FileProblem):
    """The file is readable but holds no activity (a settings, workout, course or
    weight-scale file). Reported as skipped, not as a failure."""


class PlanError(InputError):
    """A plan file with a mistake; names the file, the line and the field."""

    def __init__(self, path: str | Path, line: int | None, field: str | None, problem: str):
        self.path = str(path)
        self.line = line
        self.field = field
        self.problem = problem
        where = self.path + (f":{line}" if line is not None else "")
        what = f" field '{field}'" if field else ""
        super().__init__(f"{where}:{what} {problem}")


class UsageError(FootfallError):
    """The command or library call was used wrongly (bad option values)."""


class StoreError(FootfallError):
    """The database cannot be opened, created or migrated."""
