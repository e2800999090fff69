"""YAML, read safely and kept as nodes so every value still knows its line.

The plan file is composed, never loaded: :func:`compose_plan` gives the node tree
(``yaml.compose`` with the safe loader), and values are built one scalar at a time by
:func:`scalar`, with the safe constructor. So

- a tag such as ``!!python/object`` is refused, never constructed;
- aliases (``*name``) are refused while composing, so an alias bomb ("billion laughs")
  never expands: a plan file has no use for them;
- nesting too deep for the parser is a PlanError, not a RecursionError.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from footfall.errors import PlanError

_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_STANDARD_TAGS = _SCALAR_TAGS | {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases as it meets them."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


class _AliasRefused(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark
        super().__init__("alias")


def compose_plan(text: str, path: Path) -> Node | None:
    """The document's root node (None for a file of comments only)."""
    loader = _NoAliasLoader(text)
    try:
        return loader.get_single_node()
    except _AliasRefused as exc:
        raise PlanError(
            path, _line(exc.mark), None, "YAML aliases (*name) are not allowed in a plan file"
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        raise PlanError(path, _line(mark), None, f"YAML syntax error: {problem}") from exc
    except yaml.YAMLError as exc:
        raise PlanError(path, None, None, f"not valid YAML: {exc}") from exc
    except RecursionError as exc:
        raise PlanError(path, None, None, "YAML nested too deeply for a plan file") from exc
    finally:
        loader.dispose()


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return _line(node.start_mark) or 1


def _line(mark: Any) -> int | None:
    return None if mark is None else int(mark.line) + 1


def scalar(node: Node, path: Path, field: str) -> Any:
    """The value of a scalar node: str, int, float, bool, None, a date or a datetime."""
    if not isinstance(node, ScalarNode):
        kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
        raise PlanError(path, line_of(node), field, f"must be a single value, not {kind}")
    _refuse_tag(node, _SCALAR_TAGS, path, field)
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        kind = "a date" if node.tag.endswith("timestamp") else "a value"
        problem = " ".join(f"'{node.value}' is not {kind} ({exc})".split())
        raise PlanError(path, line_of(node), field, problem) from exc


def _refuse_tag(node: Node, allowed: frozenset[str], path: Path, field: str | None) -> None:
    """Explicit tags (``!!python/object``, ``!include``) are never constructed: refused."""
    if node.tag not in allowed:
        raise PlanError(
            path, line_of(node), field, f"uses the YAML tag '{node.tag}', not allowed here"
        )


def mapping(node: Node, path: Path, field: str | None, what: str) -> Iterator[tuple[str, Node]]:
    """The (key, value node) pairs of a mapping, refusing keys that are not text or that
    appear twice. ``what`` names the mapping for the message ("the athlete block")."""
    _refuse_tag(node, _STANDARD_TAGS, path, field)
    if not isinstance(node, MappingNode):
        raise PlanError(path, line_of(node), field, f"must be {what} (key: value lines)")
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, ScalarNode) else None
        if not isinstance(key, str) or key_node.tag != "tag:yaml.org,2002:str":
            raise PlanError(
                path, line_of(key_node), field, f"has a key that is not a name in {what}"
            )
        if key in seen:
            name = f"{field}.{key}" if field else key
            raise PlanError(path, line_of(key_node), name, "appears twice")
        seen.add(key)
        yield key, value_node


def sequence(node: Node, path: Path, field: str) -> list[Node]:
    """The items of a list node."""
    _refuse_tag(node, _STANDARD_TAGS, path, field)
    if not isinstance(node, SequenceNode):
        raise PlanError(path, line_of(node), field, "must be a list (lines starting with '- ')")
    return list(node.value)


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"
