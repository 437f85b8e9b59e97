"""The check history: every check run, append-only, one Parquet file per run.

It lives beside the warehouse (`settings.check_history_dir_for`), not inside it: `indicators
check` reads the warehouse with a read-only connection, so that an analyst's read-only
connection never makes it fail (a read-write one does: DuckDB then lets no other process open
the file, and the message names that process), and a rebuild of the warehouse never loses a
run. A folder where the run cannot be written does not stop `check`: the report is printed
and a warning says the run was not kept. A run is written to a
temporary name and renamed into place, so a reader never sees half a run. Comparing a run with
the previous run of the same inputs tells what is new and what was resolved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.check.checks import CheckRun
from pipelines.load.parquet import write_whole
from pipelines.load.salvage import log, parquet_problem, remove_leftovers, set_aside
from pipelines.settings import Settings


@dataclass(frozen=True)
class Changes:
    """Findings (by finding key) that appeared or went away since the previous run."""

    previous_run_id: str | None
    new: list[str]
    resolved: list[str]


def append(run: CheckRun, store: Path, keep: int = Settings.check_history_runs) -> Path:
    """Write one run (never over another), then forget the runs older than the newest
    `keep` (by when their file was written: two runs of one second sort right too)."""
    store = Path(store)
    store.mkdir(parents=True, exist_ok=True)
    frame = run.results.assign(
        started_at=run.started_at,
        inputs_key=run.inputs_key,
        inputs=json.dumps(run.inputs, default=str),
    )
    written = write_whole(frame, store / f"{run.run_id}.parquet")
    runs = sorted(store.glob("*.parquet"), key=_written_at)
    for old in runs[: max(len(runs) - max(keep, 1), 0)]:
        old.unlink(missing_ok=True)
    return written


# what every stored run holds; a Parquet file without these is not one of ours
RUN_COLUMNS = frozenset({"run_id", "started_at", "inputs_key", "check_id", "status"})


def _written_at(path: Path) -> tuple[int, str]:
    try:
        return path.stat().st_mtime_ns, path.name
    except FileNotFoundError:  # forgotten meanwhile by another run
        return 0, path.name


def read(store: Path) -> pd.DataFrame:
    """Every stored result of every run (empty when nothing is stored yet). A file of the
    store that is damaged, empty or foreign is set aside (`pipelines.load.salvage`), never a
    reason to fail; partial files of killed runs are removed."""
    store = Path(store)
    if not store.is_dir():
        return pd.DataFrame()
    remove_leftovers(store)
    files = sorted(store.glob("*.parquet"))
    if not files:
        return pd.DataFrame()
    try:
        history = _read_all(files)
        if set(history.columns) >= RUN_COLUMNS and history.run_id.notna().all():
            return history
    except duckdb.Error:
        pass
    good = []
    for path in files:  # one of them is bad: find it, set it aside, read the others
        if not path.exists():  # forgotten meanwhile by another run's retention
            continue
        problem = parquet_problem(path, RUN_COLUMNS)
        if problem is None:
            good.append(path)
            continue
        try:
            set_aside(path, problem, store)
        except OSError as err:  # a read-only store: leave it, read without it
            log.warning("%s: %s; not set aside (%s): read without it", path, problem, err)
    return _read_all(good) if good else pd.DataFrame()


def _read_all(files: list[Path]) -> pd.DataFrame:
    con = duckdb.connect()
    try:
        return con.execute(
            "select * from read_parquet(?, union_by_name = true)", [[str(f) for f in files]]
        ).df()
    finally:
        con.close()


def copy_into(con: duckdb.DuckDBPyConnection, store: Path, skip_run: str) -> int:
    """Give a new warehouse the earlier runs of the store (its `v_check_history`); returns how
    many runs. The store stays the record: the warehouse is rebuilt from empty every time."""
    history = read(store)
    if history.empty:
        return 0
    history = history[history.run_id != skip_run]
    runs = history.drop_duplicates("run_id")[["run_id", "started_at", "inputs"]]
    results = history.drop(columns=["started_at", "inputs_key", "inputs"])
    for table, frame in (("check_run", runs), ("check_result", results)):
        columns = [c[0] for c in con.execute(f"select * from {table} limit 0").description]
        con.register("_history", frame[[c for c in frame.columns if c in columns]])
        try:
            con.execute(f"insert into {table} by name select * from _history")
        finally:
            con.unregister("_history")
    return len(runs)


def _findings(results: pd.DataFrame) -> set[str]:
    return set(results.loc[results.status != "pass", "finding_key"].dropna())


def changes_since_previous(run: CheckRun, store: Path) -> Changes:
    """What this run finds that the previous run of the same inputs did not, and back."""
    history = read(store)
    if history.empty:
        return Changes(None, sorted(_findings(run.results)), [])
    earlier = history[
        (history.inputs_key == run.inputs_key)
        & (history.run_id != run.run_id)
        & (pd.to_datetime(history.started_at, utc=True) < pd.Timestamp(run.started_at))
    ]
    if earlier.empty:
        return Changes(None, sorted(_findings(run.results)), [])
    previous_id = earlier.sort_values("started_at").run_id.iloc[-1]
    before = _findings(earlier[earlier.run_id == previous_id])
    now = _findings(run.results)
    return Changes(previous_id, sorted(now - before), sorted(before - now))


def recent_runs(store: Path, limit: int = 10) -> pd.DataFrame:
    """The newest runs, one row each: when, which inputs, the counts and the verdict: whether
    a failure (a check that could not run included) was not accepted by the baseline of its
    time. A stale baseline entry, which also fails a gate, is not in the history."""
    history = read(store)
    columns = ["started_at", "run_id", "inputs", "pass", "warn", "fail", "accepted", "verdict"]
    if history.empty:
        return pd.DataFrame(columns=columns)
    con = duckdb.connect()
    try:
        con.register("history", history)
        return con.execute(
            """
            select
                strftime(min(started_at), '%Y-%m-%d %H:%M:%S') as started_at,
                run_id,
                (select string_agg(distinct i.source_file, ', ' order by i.source_file)
                 from (select unnest(from_json(any_value(inputs),
                     '[{"source_file": "VARCHAR"}]')) as i)) as inputs,
                count(*) filter (where status = 'pass') as pass,
                count(*) filter (where status = 'warn') as warn,
                count(*) filter (where status = 'fail') as fail,
                count(*) filter (where status = 'fail' and accepted) as accepted,
                case when count(*) filter (where status = 'fail' and not accepted) > 0
                    then 'failures not accepted' else 'no failure unaccepted' end as verdict
            from history
            group by run_id
            -- by the full start time: the shown one is to the second, and two runs may share it
            order by min(history.started_at) desc, run_id
            limit ?
            """,
            [limit],
        ).df()
    finally:
        con.close()
