"""Long runs of one repeated element (TCX's ``Trackpoint``), read as soon as parsed.

:func:`iter_runs` walks the document like :func:`footfall.formats._xml.iter_elements`,
with the same hardened parser and the same chunks of bytes, and hands out the elements
asked for in the order of their end tags; but siblings named ``repeated`` that follow
one another are read as one run, by the caller's ``read`` (a
:class:`footfall.formats._xml_columns.ColumnReader`), and only what it read is handed
out. A caller never meets an element before the XML problem ``iter_elements`` would
have raised first.

The walk asks lxml for the *start* of each element wanted, not its end: lxml then leaves
libxml2's end-of-element handler alone, which makes the parse about a sixth cheaper.
Which elements are complete follows from the starts. After a chunk is parsed, the
element that started last and its ancestors may still be open: they wait for the next
chunk (or the end of the file). Every other element started is complete, and an element
followed by its next sibling has nothing asked for inside it, so a run of such siblings
ends together. If the file turns out broken, elements may be waiting whose end was
read: the walk then starts over listening for ends, as ``iter_elements`` does, and goes
on from where it was, so that the caller meets the problems of a broken file in the
same order as there.

An element handed out alone is valid until the next iteration: then it is cleared and
taken out of the tree. A run is taken out as soon as it is read (in one slice when it
starts its parent: once no list holds its elements, lxml frees them rather than keep
them alive in a document of their own).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from itertools import islice
from typing import TypeVar

from footfall.errors import FileProblem
from footfall.formats._xml import (
    LOCAL_NAMES,
    DocumentCheck,
    Element,
    batches,
    drop,
    local_name,
)
from footfall.formats.source import Source

Read = TypeVar("Read")
Runs = Iterator[tuple[str, list[Element]]]


#: ``(local_name, elements, run)``: an element asked for (``elements``, a list of one),
#: or what ``read`` made of a run (``run``; ``elements`` is then empty).
Found = tuple[str, list[Element], Read | None]


def iter_runs(
    source: Source,
    tags: Collection[str],
    *,
    repeated: str,
    read: Callable[[list[Element]], Read],
    root: str | None = None,
) -> Iterator[Found[Read]]:
    """The elements named in ``tags`` in the order of their end tags, those named
    ``repeated`` that follow one another as siblings read together by ``read`` (at most
    a chunk of bytes' worth at a time). With ``root``, a document whose root element
    has another local name raises DecodeError."""
    wanted = frozenset(tags)
    handed_out = 0  # elements, those of the runs read included
    try:
        for found, count in _walk_starts(source, wanted, repeated, root, read):
            handed_out += count
            yield found
            _forget_alone(found)
    except _StartsUnsure:
        runs = _after(_walk_ends(source, wanted, repeated, root), handed_out)
        for name, elements in runs:
            found = _found(name, elements, repeated, read)
            yield found
            _forget_alone(found)


class _StartsUnsure(Exception):
    """The file broke while some elements started might have ended: only ends can tell."""


def _walk_starts(
    source: Source,
    wanted: frozenset[str],
    repeated: str,
    root: str | None,
    read: Callable[[list[Element]], Read],
) -> Iterator[tuple[Found[Read], int]]:
    """What was found, with how many elements each holds."""
    check = DocumentCheck(source.display, root)
    parsed = batches(source, wanted, check, starts=True)
    waiting: list[Element] = []  # started, not complete yet, in document order
    while True:
        try:
            batch, done = next(parsed)
        except StopIteration:
            return
        except FileProblem:  # elements of the last chunk read may be waiting in the parser
            raise _StartsUnsure from None
        waiting += [element for _event, element in batch]
        complete, waiting = (waiting, []) if done else _complete(waiting)
        if complete and not check.checked:
            check.check(complete[0])
        for name, elements in _in_end_order(complete, repeated):
            count = len(elements)  # before a run read is forgotten (its list emptied)
            yield _found(name, elements, repeated, read), count


def _found(
    name: str, elements: list[Element], repeated: str, read: Callable[[list[Element]], Read]
) -> Found[Read]:
    """A run read (and taken out of the tree), or an element alone."""
    if name != repeated:
        return name, elements, None
    found = read(elements)
    _forget(elements)
    return name, [], found


def _forget_alone(found: Found[Read]) -> None:
    if found[1]:
        drop(found[1])


def _complete(started: list[Element]) -> tuple[list[Element], list[Element]]:
    """The elements surely complete, and those that may still be open: the last one
    started and its ancestors (both in document order)."""
    if not started:
        return [], []
    last = started[-1]
    maybe_open = {last, *last.iterancestors()}
    complete = [element for element in started if element not in maybe_open]
    return complete, [element for element in started if element in maybe_open]


def _in_end_order(started: list[Element], repeated: str) -> Runs:
    """Complete elements given in the order of their starts, in the order of their ends
    (an element after the elements inside it), runs of siblings together. ``started`` is
    emptied on the way: no element handed out stays alive here."""
    around: list[Element] = []  # elements around the current run, innermost last
    run: list[Element] = []  # siblings one after another: only the last may hold others
    started.reverse()
    while started:
        element = started.pop()
        if run and run[-1].getnext() is element:
            run.append(element)
            continue
        if run:
            inside, holder = _holder(element, run[-1], around)
            yield from _named(run[:-1] if inside else run, repeated)
            if inside:
                around.append(run[-1])
            while around and around[-1] is not holder:
                yield from _named([around.pop()], repeated)
        run = [element]
    if run:
        yield from _named(run, repeated)
    while around:
        yield from _named([around.pop()], repeated)


def _holder(element: Element, last: Element, around: list[Element]) -> tuple[bool, Element | None]:
    """Whether ``element`` is inside ``last``, and the innermost element holding it of
    ``last`` and ``around`` (a chain of elements, each inside the one before), if any."""
    for ancestor in element.iterancestors():
        if ancestor is last:
            return True, last
        if ancestor in around:
            return False, ancestor
    return False, None


def _walk_ends(source: Source, wanted: frozenset[str], repeated: str, root: str | None) -> Runs:
    check = DocumentCheck(source.display, root)
    for batch, _done in batches(source, wanted, check):
        ended = [element for _event, element in batch]
        if ended and not check.checked:
            check.check(ended[0])
        run: list[Element] = []
        ended.reverse()
        while ended:
            element = ended.pop()
            if run and run[-1].getnext() is not element:
                yield from _named(run, repeated)
                run = []
            run.append(element)
        if run:
            yield from _named(run, repeated)


def _named(siblings: list[Element], repeated: str) -> list[tuple[str, list[Element]]]:
    """Siblings one after another as ``(local_name, elements)``: one list if they are all
    named ``repeated``, else one each."""
    if not siblings:
        return []
    tag = siblings[0].tag
    name = LOCAL_NAMES.get(tag) or local_name(tag)
    if len(siblings) > 1 and not _all_named(siblings, name):
        return [item for element in siblings for item in _named([element], repeated)]
    if name == repeated:
        return [(name, siblings)]
    return [(name, [element]) for element in siblings]


def _all_named(siblings: list[Element], name: str) -> bool:
    """True when the siblings after the first have its name too (lxml checks, in C)."""
    following = siblings[0].itersiblings(f"{{*}}{name}")
    return list(islice(following, len(siblings) - 1)) == siblings[1:]


def _after(runs: Runs, skipped: int) -> Runs:
    """The runs from the ``skipped``-th element on (those before are forgotten)."""
    for name, elements in runs:
        passed, rest = elements[:skipped], elements[skipped:]
        skipped -= len(passed)
        if passed:
            _forget(passed)
        if rest:
            yield name, rest


def _forget(elements: list[Element]) -> None:
    """Clear elements handed out and take them out of the tree, emptying the list."""
    first = elements[0]
    parent = first.getparent()
    if len(elements) == 1 or parent is None or first.getprevious() is not None:
        drop(elements)
        elements.clear()
        return
    count = len(elements)
    for element in elements:
        element.clear()
    del first, element  # no proxy may stay alive: lxml would keep its node
    elements.clear()
    del parent[:count]
