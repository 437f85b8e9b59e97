"""One writer per warehouse: builds killed with SIGKILL, concurrent builds, a read-write holder.

Builds run the plain build function (`steps.build`) in subprocesses that share the session's
staging cache, so that each costs about a second. `make reliability` runs this file ten
times in a row.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import EXHAUSTIVE, REPORT

from pipelines.load import schema
from pipelines.load import warehouse as wh
from pipelines.run import cli, steps
from pipelines.settings import PROJECT_ROOT

pytestmark = [pytest.mark.reliability, pytest.mark.slow]  # `make test-slow`, and CI

BUILD = (
    "import sys; from pathlib import Path; from pipelines.run import steps; "
    "steps.build([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]), lock_timeout=60, "
    "publish_anyway=True)"  # a copy of the report as 2023 has no accepted findings of its own
)
READ = (
    "import sys, duckdb; con = duckdb.connect(sys.argv[1], read_only=True); "
    "query = 'select count(distinct report_year) from dim_source'; "
    "print(con.execute(query).fetchone()[0], flush=True); sys.stdin.read(); "
    "print(con.execute(query).fetchone()[0], flush=True)"
)
HOLD = (
    "import sys, duckdb; con = duckdb.connect(sys.argv[1]); "
    "con.execute('create table analyst_note as select 42 as answer'); "
    "print('ready', flush=True); sys.stdin.read()"
)


@pytest.fixture
def warehouse(text_warehouse, tmp_path) -> Path:
    copy = tmp_path / "indicators.duckdb"
    shutil.copyfile(text_warehouse, copy)
    return copy


@pytest.fixture(scope="module")
def next_year_report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("2023") / "rapport-activites-2023.txt"
    text = REPORT.read_text(encoding="utf-8").replace("ANNÉE 2022", "ANNÉE 2023", 1)
    path.write_text(text, encoding="utf-8")
    return path


def _start(code: str, *args: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=PROJECT_ROOT,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build(*args: Any, **kwargs: Any) -> int:
    """The action of `indicators build`: a build that returns exits 0 (a failure raises)."""
    steps.build(*args, **kwargs)
    return cli.EXIT_OK


def _wait_for(condition, process: subprocess.Popen, timeout: float = 30) -> None:
    assert process.stderr is not None  # _start pipes it
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"the build ended first: {process.stderr.read()}"
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.005)


def _candidates(warehouse: Path) -> list[Path]:
    return sorted(warehouse.parent.glob(f".{warehouse.name}.*.candidate*"))


@functools.cache
def _empty_size() -> int:
    """The size of a warehouse file holding the schema and nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.duckdb"
        with wh.connect(path, read_only=False) as con:
            schema.apply_schema(con)
            con.execute("checkpoint")
        return path.stat().st_size


MOMENTS = {
    # the lock file names the build: it holds the lock, nothing written yet
    "holding the lock": lambda w, p: f"pid {p.pid} " in _read(w.with_name(w.name + ".lock")),
    # the candidate appeared: creating the schema, copying analyst tables, loading
    "copying and loading": lambda w, p: bool(_candidates(w)),
    # the candidate (built from empty) outgrew an empty warehouse: the load has written to it
    "during the load": lambda w, p: any(_size(c) > _empty_size() for c in _candidates(w)),
}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_build_killed_leaves_the_warehouse_and_the_next_build_cleans_up(
    warehouse, moment
) -> None:
    if moment != "during the load" and not EXHAUSTIVE:
        pytest.skip("one more kill: run by `make reliability`")
    before = _sha256(warehouse)
    build = _start(BUILD, warehouse, REPORT)
    try:
        _wait_for(lambda: MOMENTS[moment](warehouse, build), build)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert build.returncode == -signal.SIGKILL
    assert _sha256(warehouse) == before
    assert wh.query(warehouse, "select count(*) as n from dim_source").n[0] == 2

    steps.build([REPORT], warehouse, lock_timeout=5)

    assert _candidates(warehouse) == []
    assert sorted(p.name for p in warehouse.parent.iterdir()) == [
        ".indicators.duckdb.built.json",  # the published file's state, for the next build
        "check-history",
        "indicators.duckdb",
        "indicators.duckdb.lock",
    ]


def test_two_builds_of_two_years_at_once_keep_both_years(warehouse, next_year_report) -> None:
    builds = [_start(BUILD, warehouse, next_year_report), _start(BUILD, warehouse, REPORT)]
    errors = [b.communicate(timeout=120)[1] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], errors
    years = wh.query(warehouse, "select report_year, source_kind from dim_source order by all")
    assert years.to_dict("records") == [
        {"report_year": 2022, "source_kind": "reference"},
        {"report_year": 2022, "source_kind": "text"},
        {"report_year": 2023, "source_kind": "reference"},
        {"report_year": 2023, "source_kind": "text"},
    ]
    assert _candidates(warehouse) == []


def test_a_check_during_a_build_keeps_its_run(warehouse, tmp_path) -> None:
    history = warehouse.parent / "check-history"
    runs = len(list(history.iterdir())) if history.is_dir() else 0
    build = _start(BUILD, warehouse, REPORT)
    try:
        _wait_for(lambda: MOMENTS["holding the lock"](warehouse, build), build)
        report = tmp_path / "report.json"
        code = cli.main(["check", "--warehouse", str(warehouse), "--output", str(report)])
    finally:
        _, err = build.communicate(timeout=60)
    assert (build.returncode, code) == (0, cli.EXIT_OK), err
    assert len(list(history.iterdir())) == runs + 2  # the build's run and the check's


def test_a_read_write_holder_is_never_overwritten(warehouse, capsys) -> None:
    holder = _start(HOLD, warehouse, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        code = cli.run("build", lambda: _build([REPORT], warehouse, lock_timeout=0.5))
        err = capsys.readouterr().err
        assert code == cli.EXIT_CANNOT_RUN
        assert f"{warehouse}: open for writing by pid {holder.pid} (" in err
        assert "close that connection (or open it read-only) and build again" in err
    finally:
        holder.send_signal(signal.SIGKILL)  # crashes with its commit in the write-ahead log
        holder.wait()
    assert Path(f"{warehouse}.wal").exists()

    steps.build([REPORT], warehouse, lock_timeout=5)

    note = "select answer from analyst_note"
    assert wh.query(warehouse, note).answer.tolist() == [42]  # its committed table is kept
    assert not Path(f"{warehouse}.wal").exists()


def test_a_reader_neither_blocks_a_build_nor_breaks(warehouse, next_year_report) -> None:
    reader = _start(READ, warehouse, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert reader.stdout is not None and reader.stdout.readline() == "1\n"
        steps.build([next_year_report], warehouse, lock_timeout=0.5, publish_anyway=True)
        out, err = reader.communicate("", timeout=30)
    finally:
        reader.kill()
    assert (reader.returncode, out) == (0, "1\n"), err  # its snapshot: the file it opened
    count = "select count(distinct report_year) as n from dim_source"
    assert wh.query(warehouse, count).n[0] == 2
