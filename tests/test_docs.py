"""The README is checked against the program: every command is documented, every
documented command and option exists (datasette's tests/test_docs.py does the same)."""

from __future__ import annotations

import re

import click
import typer

from corpus import REPO
from footfall.cli.app import app

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS: dict[str, click.Command] = dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in COMMANDS if f"footfall {name}" not in README]
    assert missing == []


def test_every_readme_command_line_names_real_options() -> None:
    for line in re.findall(r"^footfall (\w+)([^\n#]*)", README, flags=re.MULTILINE):
        name, rest = line
        assert name in COMMANDS, f"README shows footfall {name}, which does not exist"
        known = {opt for p in COMMANDS[name].params for opt in getattr(p, "opts", [])}
        for option in re.findall(r"(--[a-z][a-z0-9-]*)", rest):
            assert option in known | {"--db", "--json"}, f"footfall {name} has no {option}"


def test_the_readme_opens_with_the_demo_and_the_test_commands() -> None:
    opening = README[:1500]
    assert "footfall demo" in opening and "scripts/test" in opening


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README[:1500], flags=re.DOTALL)
    (command,) = [block for block in blocks if "scripts/test" in block]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command.strip() in ci
