"""Parquet files written whole: the staging cache and the check history use them."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb
import pandas as pd


def write_whole(frame: pd.DataFrame, path: Path) -> Path:
    """Write a Parquet file whole, then rename it: a concurrent reader never sees half a file."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    con = duckdb.connect()
    try:
        con.register("frame", frame)
        con.execute(f"copy frame to '{partial}' (format parquet, compression zstd)")
    finally:
        con.close()
    os.replace(partial, path)
    return path
