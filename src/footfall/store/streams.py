"""An activity's samples as Parquet bytes (columnar, compressed, typed) and back."""

from __future__ import annotations

import io

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from footfall.activity import STREAM_COLUMNS, Samples


def samples_to_parquet(samples: Samples) -> bytes:
    table = pa.table({name: samples.column(name) for name in STREAM_COLUMNS})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def parquet_to_samples(data: bytes) -> Samples:
    table = pq.read_table(io.BytesIO(data))
    n = table.num_rows
    columns = {
        name: table.column(name).to_numpy().astype(np.float64)
        for name in STREAM_COLUMNS
        if name in table.column_names
    }
    return Samples.from_columns(n, **columns)
