"""Runs of sibling points read a column at a time: lxml walks, Python does not.

A TCX trackpoint holds a dozen elements. Reading it as :func:`children_text` does
(every descendant visited from Python, its tag and text asked for) costs more than
parsing it. :class:`ColumnReader` reads a run of sibling points (from
:func:`footfall.formats._xml_runs.iter_runs`) one name at a time instead: for each name,
lxml lists, in C, the run's points and the descendants of that name in document order.
Where that list alternates point, element, point, element... with non-empty texts, the
column is read straight off it; where it holds only the points, the name is absent. In
any other case (a value missing here and there, an empty or repeated element) a walk of
the list takes the first non-empty text after each point. Names the previous run
lacked are looked for together first, in one walk instead of one each.

The answer is what ``children_text(point).get(name)`` gives for every point (None
where absent). The run's last point, whose end the lists cannot show, is read with
``children_text``, and so is a run whose first point has siblings before it (a list
would run across them) or a short run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice

from footfall.formats._xml import Element, children_text, local_name

Column = list[str | None]
#: Shorter runs are read point by point: a walk per name costs more than it saves.
_COLUMNS_FROM = 12


class ColumnReader:
    """Reads runs of points, one column per name; remembers which names a run lacked."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self._lacking: tuple[str, ...] = ()  # names no point but the last had, last run

    def __call__(self, run: list[Element]) -> list[Column]:
        """For each name, ``children_text(point).get(name)`` of every point of ``run``."""
        first = run[0]
        parent = first.getparent()
        if len(run) < _COLUMNS_FROM or parent is None or first.getprevious() is not None:
            return _point_by_point(run, self.names)
        point_tag = f"{{*}}{local_name(first.tag)}"
        lacking = set(self._lacking)
        if lacking and not _only(parent.iter(point_tag, *_tags(lacking)), run):
            lacking.clear()  # one of them is back: each is looked for on its own
        columns: list[Column] = []
        for name in self.names:
            found = parent.iter(point_tag, f"{{*}}{name}")
            column = _absent(len(run)) if name in lacking else _column(found, run)
            if column is None:
                return _point_by_point(run, self.names)
            columns.append(column)
        self._lacking = tuple(
            name for name, column in zip(self.names, columns, strict=True) if not any(column)
        )
        last = children_text(run[-1])
        for name, column in zip(self.names, columns, strict=True):
            column.append(last.get(name))
        return columns


def _tags(names: Iterable[str]) -> list[str]:
    return [f"{{*}}{name}" for name in names]


def _only(found: Iterator[Element], run: list[Element]) -> bool:
    """True when ``found`` lists nothing but the run's points up to its last one."""
    return list(islice(found, len(run))) == run


def _absent(size: int) -> Column:
    """The column of a name none of a run's points has (the last one aside)."""
    return [None] * (size - 1)


def _column(found: Iterator[Element], run: list[Element]) -> Column | None:
    """The texts of one name for every point of ``run`` but the last, from ``found``: the
    points and the elements of that name, in document order."""
    size = len(run)
    listed = list(islice(found, size))
    if listed == run:  # no element of that name before the last point
        return _absent(size)
    listed.extend(islice(found, size - 1))
    if listed[::2] == run:  # exactly one after each point
        texts: Column = [(element.text or "").strip() for element in listed[1::2]]
        if all(texts):
            return texts
    return _walk_column(chain(listed, found), run)


def _walk_column(found: Iterable[Element], run: list[Element]) -> Column | None:
    column: Column = []
    points = iter(run)
    point: Element | None = next(points)
    pending = False  # the point before ``point`` has no text yet
    for element in found:
        if element is point:
            if pending:
                column.append(None)
            point = next(points, None)
            if point is None:
                return column
            pending = True
        elif pending and (text := (element.text or "").strip()):
            column.append(text)
            pending = False
    return None


def _point_by_point(run: list[Element], names: Sequence[str]) -> list[Column]:
    columns: list[Column] = [[] for _ in names]
    for point in run:
        values = children_text(point)
        for column, name in zip(columns, names, strict=True):
            column.append(values.get(name))
    return columns
