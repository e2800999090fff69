"""Data messages as numpy columns: every message of one global number, in file order.

For each definition the data rows are gathered from the file's bytes with one fancy
index (positions x field bytes), viewed with the definition's byte order and base
type, and the base type's "no value" pattern turned into NaN. Rows of several
definitions of the same message (redefined mid-file, different field sets) are
merged back into file order.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from footfall.formats.fit.profile import BASE_TYPES, STRING, BaseType, Field
from footfall.formats.fit.scan import Definition, FieldLayout, Scan
from footfall.formats.fit.timeline import resolve_rolling

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
ByteArray = NDArray[np.uint8]
TIMESTAMP = 253


class Table:
    """All data messages of one global message number."""

    def __init__(self, data: ByteArray, definitions: list[Definition]) -> None:
        self._data = data
        self._defs = [d for d in definitions if d.positions]
        self._starts = [np.asarray(d.positions, dtype=np.int64) + 1 for d in self._defs]
        starts = np.concatenate(self._starts) if self._starts else np.empty(0, np.int64)
        self._order: IntArray | None = None
        if len(self._defs) > 1:
            self._order = np.argsort(starts, kind="stable")
            starts = starts[self._order]
        self.positions: IntArray = starts - 1
        self._cache: dict[tuple[int, int], FloatArray] = {}

    def __len__(self) -> int:
        return len(self.positions)

    def has(self, num: int) -> bool:
        return any(num in d.fields for d in self._defs)

    def raw(self, num: int, element: int = 0) -> FloatArray:
        """Field ``num`` (element ``element`` of an array field) as float64; NaN where
        the message lacks the field or holds its "no value" pattern."""
        key = (num, element)
        if key not in self._cache:
            parts = [
                _numbers(self._data, starts, d, d.fields.get(num), element)
                for d, starts in zip(self._defs, self._starts, strict=True)
            ]
            self._cache[key] = self._merge(parts)
        return self._cache[key]

    def values(self, fld: Field) -> FloatArray:
        """Field ``fld`` in physical units (scale and offset applied)."""
        raw = self.raw(fld.num)
        if fld.scale == 1 and fld.offset == 0:
            return raw
        return raw / fld.scale - fld.offset

    def byte_rows(self, num: int, width: int) -> tuple[ByteArray, NDArray[np.bool_]]:
        """The first ``width`` bytes of a byte-array field per message, and which
        messages have the field at all (at least ``width`` bytes)."""
        rows, present = [], []
        for d, starts in zip(self._defs, self._starts, strict=True):
            layout = d.fields.get(num)
            if layout is not None and layout.size >= width:
                rows.append(self._data[(starts + layout.offset)[:, None] + np.arange(width)])
                present.append(np.ones(len(starts), dtype=bool))
            else:
                rows.append(np.full((len(starts), width), 0xFF, dtype=np.uint8))
                present.append(np.zeros(len(starts), dtype=bool))
        if not rows:
            return np.empty((0, width), dtype=np.uint8), np.empty(0, dtype=bool)
        all_rows, all_present = np.concatenate(rows), np.concatenate(present)
        if self._order is not None:
            return all_rows[self._order], all_present[self._order]
        return all_rows, all_present

    def strings(self, num: int) -> list[str]:
        """A string field per message ("" where absent); for the few small messages
        that carry names (file_id, sport, device_info)."""
        texts: list[str] = []
        for d, starts in zip(self._defs, self._starts, strict=True):
            layout = d.fields.get(num)
            for start in starts.tolist():
                texts.append(_text(self._data, start, layout))
        if self._order is not None:
            texts = [texts[i] for i in self._order.tolist()]
        return texts

    def _merge(self, parts: list[FloatArray]) -> FloatArray:
        if not parts:
            return np.empty(0, dtype=np.float64)
        merged = np.concatenate(parts)
        return merged if self._order is None else merged[self._order]


def _numbers(
    data: ByteArray, starts: IntArray, d: Definition, layout: FieldLayout | None, element: int
) -> FloatArray:
    base = BASE_TYPES.get(layout.base) if layout is not None else None
    if layout is None or base is None or not _fits(layout, base, element):
        return np.full(len(starts), np.nan)
    first = starts + (layout.offset + element * base.size)
    if base.size == 1:
        raw: NDArray[np.generic] = data[first].view(np.dtype(base.code))
    else:
        rows = data[first[:, None] + np.arange(base.size)]
        raw = rows.view(np.dtype((">" if d.big_endian else "<") + base.code)).ravel()
    values = raw.astype(np.float64)
    if not base.is_float:
        values[raw == base.invalid] = np.nan
    return values


def _fits(layout: FieldLayout, base: BaseType, element: int) -> bool:
    """A numeric field whose size is a whole number of its base type (misaligned
    fields, as some Coros files write, are read as absent)."""
    return (
        base is not STRING
        and layout.size % base.size == 0
        and (element + 1) * base.size <= layout.size
    )


def _text(data: ByteArray, start: int, layout: FieldLayout | None) -> str:
    if layout is None or layout.base != STRING.number:
        return ""
    raw = bytes(data[start + layout.offset : start + layout.offset + layout.size])
    return raw.split(b"\0", 1)[0].decode("utf-8", errors="replace").strip()


class Messages:
    """The data messages of one FIT part, by global message number."""

    def __init__(self, buf: bytes, found: Scan) -> None:
        self.data: ByteArray = np.frombuffer(buf, dtype=np.uint8)
        self.scan = found
        self._tables: dict[int, Table] = {}
        self._short: tuple[IntArray, FloatArray] | None = None

    def table(self, global_num: int) -> Table:
        if global_num not in self._tables:
            defs = [d for d in self.scan.definitions if d.global_num == global_num]
            self._tables[global_num] = Table(self.data, defs)
        return self._tables[global_num]

    def times(self, table: Table) -> FloatArray:
        """FIT timestamps (seconds since the FIT epoch) of a table's messages: the
        timestamp field, else the compressed record header's time. NaN if neither."""
        times = table.raw(TIMESTAMP)
        if not self.scan.compressed or not len(table):
            return times
        short_pos, short_times = self._compressed_times()
        if not len(short_pos):
            return times
        missing = np.flatnonzero(np.isnan(times))
        wanted = table.positions[missing]
        found = np.minimum(np.searchsorted(short_pos, wanted), len(short_pos) - 1)
        hit = short_pos[found] == wanted
        times = times.copy()
        times[missing[hit]] = short_times[found[hit]]
        return times

    def _compressed_times(self) -> tuple[IntArray, FloatArray]:
        if self._short is None:
            full_pos, full_time, short_pos, short_low = [], [], [], []
            for d in self.scan.definitions:
                if not d.positions:
                    continue
                pos = np.asarray(d.positions, dtype=np.int64)
                header = self.data[pos]
                short = header >= 0x80
                short_pos.append(pos[short])
                short_low.append((header[short] & 0x1F).astype(np.int64))
                if TIMESTAMP in d.fields:
                    stamp = Table(self.data, [d]).raw(TIMESTAMP)
                    full_pos.append(pos[~short])
                    full_time.append(stamp[~short])
            spos = np.concatenate(short_pos)
            order = np.argsort(spos)
            times = resolve_rolling(
                _cat(full_pos), _catf(full_time), spos[order], np.concatenate(short_low)[order], 5
            )
            self._short = (spos[order], times)
        return self._short


def _cat(arrays: list[IntArray]) -> IntArray:
    return np.concatenate(arrays) if arrays else np.empty(0, dtype=np.int64)


def _catf(arrays: list[FloatArray]) -> FloatArray:
    return np.concatenate(arrays) if arrays else np.empty(0, dtype=np.float64)
