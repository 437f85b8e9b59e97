"""Files written whole (Parquet, text): written under a temporary name, then renamed, so a
concurrent reader never sees half a file. The staging cache, the check history, the reports
and the outputs of `export` and `site` use them."""

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


def write_text_whole(path: Path, text: str) -> Path:
    """Write a text file whole, then rename it; a failed write leaves no partial file."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
