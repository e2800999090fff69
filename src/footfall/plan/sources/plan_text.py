"""A plan file's text: read whole, refused when it is too big or not text.

Every plan source (YAML, ICS, CSV) is a few dozen lines written by a runner, a coach or
a calendar app, so anything over :data:`MAX_PLAN_BYTES` is refused before it is parsed:
no parser ever sees a file large enough to hurt.
"""

from __future__ import annotations

from pathlib import Path

from footfall.errors import PlanError

MAX_PLAN_BYTES = 1024 * 1024


def read_plan_text(path: Path) -> str:
    """The file's text (UTF-8, a leading byte-order mark dropped), or a PlanError that
    says why it cannot be read."""
    raw = _read_bytes(path)
    if not raw.strip():
        raise PlanError(path, None, None, "the file is empty: a plan needs its sessions")
    return decoded_plan_text(raw, path)


def decoded_plan_text(raw: bytes, source: Path) -> str:
    """A plan's bytes (a file's, or a request body's) as text: UTF-8 without NUL
    bytes, a leading byte-order mark dropped; else a PlanError naming the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(source, line, None, "is not UTF-8 text (save it as UTF-8)") from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PlanError(source, line, None, "holds a NUL byte: this is not a text file")
    return text.removeprefix("\ufeff")


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError as exc:
        raise PlanError(path, None, None, "no such file") from exc
    except IsADirectoryError as exc:
        raise PlanError(path, None, None, "is a folder, not a plan file") from exc
    except OSError as exc:
        raise PlanError(path, None, None, f"cannot be read ({exc.strerror or exc})") from exc
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanError(path, None, None, "is larger than 1 MiB: a plan file is a few dozen lines")
    return raw
