"""Compare two warehouses fact by fact and check by check.

    python scripts/compare_warehouses.py BEFORE.duckdb AFTER.duckdb

Every base table the two share is compared row by row (rows in one order, whatever order they
were inserted in); columns that say when or where a build ran (load times, run ids, the
absolute path a source was read from) are left out. The check results are compared by
check, entity, status and numbers. A column only the second has is named with its values and
left out. Prints one line per table and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pandas as pd

# columns that differ from one build to the next by design
VOLATILE = {"loaded_at", "run_id", "started_at", "source_path", "created_at", "built_at"}
CHECK_KEY = ["check_id", "entity_code", "indicator_code", "status", "expected", "observed"]


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        row[0]
        for row in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main'"
        ).fetchall()
    }


def _frame(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    frame = con.execute(f"select * from {table}").df()
    frame = frame.drop(columns=[c for c in frame.columns if c in VOLATILE])
    if table == "check_result":  # the latest run's results: compare what they say
        frame = frame[[c for c in CHECK_KEY if c in frame.columns]]
    columns = frame.columns.tolist()
    return frame.sort_values(columns, key=lambda c: c.astype(str)).reset_index(drop=True)


def compare(before: Path, after: Path) -> list[str]:
    differences = []
    with (
        duckdb.connect(str(before), read_only=True) as old,
        duckdb.connect(str(after), read_only=True) as new,
    ):
        old_tables, new_tables = _tables(old), _tables(new)
        for table in sorted(old_tables ^ new_tables):
            differences.append(f"{table}: only in {'before' if table in old_tables else 'after'}")
        for table in sorted(old_tables & new_tables):
            if table in {"check_run", "warehouse_meta"}:
                continue
            left, right = _frame(old, table), _frame(new, table)
            if table == "check_result":  # the history grows; compare the latest run
                left = _latest(old, left)
                right = _latest(new, right)
            added = [c for c in right.columns if c not in left.columns]
            if added:  # a column added: said with its values, the others compared
                values = {c: sorted(map(str, right[c].unique()))[:5] for c in added}
                print(f"{table}: columns added {values}")
                right = right.drop(columns=added)
                right = right.sort_values(
                    right.columns.tolist(), key=lambda c: c.astype(str)
                ).reset_index(drop=True)
            try:
                pd.testing.assert_frame_equal(left, right, check_dtype=False)
                print(f"{table}: identical ({len(left)} rows)")
            except AssertionError as err:
                line = str(err).strip().splitlines()
                differences.append(f"{table}: {' '.join(line[:3])}")
    return differences


def _latest(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> pd.DataFrame:
    del frame
    latest = con.execute(
        "select * from check_result where run_id = "
        "(select run_id from check_run order by started_at desc limit 1)"
    ).df()
    latest = latest[[c for c in CHECK_KEY if c in latest.columns]]
    columns = latest.columns.tolist()
    return latest.sort_values(columns, key=lambda c: c.astype(str)).reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    differences = compare(args.before, args.after)
    for line in differences:
        print(f"DIFFERENT {line}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
