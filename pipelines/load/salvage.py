"""The project's own stores (the staging cache, the check history) heal themselves.

A damaged, empty or foreign file in a store is never a reason for every later command to
fail: it is set aside (moved to the store's `set-aside/` folder with a note of why, so that
nothing is lost and someone can look), named in a warning, and what it held is rebuilt or
done without. Files that a killed command left half-written (`.<name>.<hex>.partial`) are
removed by the next command once they are old enough not to belong to a running one.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

SET_ASIDE = "set-aside"
# a partial file this old belongs to no running command (a write takes milliseconds)
LEFTOVER_AGE_S = 60.0
_PARTIAL = re.compile(r"^\..+\.[0-9a-f]{8}\.partial$")

log = logging.getLogger("indicators")


def set_aside(path: Path, reason: str, store: Path) -> Path:
    """Move a damaged file or folder of `store` to `store/set-aside/`, with its reason."""
    path, store = Path(path), Path(store)
    folder = store / SET_ASIDE
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{path.name}.{stamp}"
    shutil.move(str(path), str(target))
    target.with_name(f"{target.name}.why.txt").write_text(f"{path}\n{reason}\n", encoding="utf-8")
    log.warning("%s: set aside as %s (%s); it will be rebuilt", path, target, reason)
    return target


def remove_leftovers(folder: Path, *, older_than_s: float = LEFTOVER_AGE_S) -> list[Path]:
    """Remove the partial files a killed command left in `folder`."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    removed = []
    now = time.time()
    for path in folder.iterdir():
        if not _PARTIAL.match(path.name) or not path.is_file():
            continue
        try:
            if now - path.stat().st_mtime >= older_than_s:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:  # its command finished meanwhile
            continue
    return removed


def parquet_problem(path: Path, required: frozenset[str] = frozenset()) -> str | None:
    """Why a Parquet file cannot serve (empty, not Parquet, damaged, columns missing), or
    None when it reads whole."""
    path = Path(path)
    try:
        if os.path.getsize(path) == 0:
            return "empty file"
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    con = duckdb.connect()
    try:
        cursor = con.execute("select * from read_parquet(?)", [str(path)])
        columns = {d[0] for d in cursor.description or []}
        cursor.fetchall()  # every page of it, not only its footer
    except duckdb.Error as err:
        return f"not a readable Parquet file ({str(err).splitlines()[0]})"
    finally:
        con.close()
    missing = sorted(required - columns)
    if missing:
        return f"not a file of this store (no column {', '.join(missing)})"
    return None
