"""`indicators query` reads, and only reads: one statement, no file, a time limit."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines.run.cli import EXIT_CANNOT_RUN, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main

# Every way SQL could change the warehouse, write a file, or read one outside the warehouse.
WRITING_OR_READING_FILES = [
    "drop table fact_figure",
    "update fact_figure set value = 0",
    "delete from fact_figure",
    "insert into dim_entity (entity_code) values ('x')",
    "create table mine as select 1",
    "alter table fact_figure add column x int",
    "attach '{tmp}/n.duckdb' (read_write)",
    "detach indicators",
    "use memory",
    "copy (select 1) to '{tmp}/out.csv'",
    "export database '{tmp}/dump'",
    "install httpfs",
    "load parquet",
    "set enable_external_access = true",
    "pragma enable_profiling",
    "checkpoint",
    "call pragma_version()",
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/hostname')",
    "select * from read_parquet('{tmp}/*.parquet')",
    "select * from glob('/etc/*')",
    "select * from '/etc/passwd'",
    "select 1; drop table fact_figure",
]
# a query that runs for minutes
LONG = "select max(md5(range::varchar)) from range(10000000000)"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def guarded_warehouse(built_warehouse, tmp_path_factory) -> Path:
    """One copy for every refused statement: each must leave it byte for byte the same."""
    copy = tmp_path_factory.mktemp("guarded") / "indicators.duckdb"
    shutil.copyfile(built_warehouse, copy)
    return copy


@pytest.mark.parametrize("sql", WRITING_OR_READING_FILES)
def test_a_writing_or_file_reading_statement_is_refused(
    sql, guarded_warehouse, tmp_path, capsys
) -> None:
    existing_warehouse = guarded_warehouse
    before = _sha256(existing_warehouse)
    statement = sql.format(tmp=tmp_path)
    code = main(["query", statement, "--warehouse", str(existing_warehouse)])
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE, err
    assert err.startswith("indicators query: error: ")
    assert out == ""  # nothing read from a file
    assert _sha256(existing_warehouse) == before
    assert list(tmp_path.iterdir()) == []  # no file written


def test_a_query_reads_every_view(existing_warehouse, capsys) -> None:
    sql = "select count(*) as n from v_check_history"
    assert main(["query", sql, "--warehouse", str(existing_warehouse), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "n" and int(out[1]) > 1000


def test_an_error_of_the_sql_keeps_duckdbs_hints_and_exits_2(existing_warehouse, capsys) -> None:
    code = main(["query", "select valu from v_figure", "--warehouse", str(existing_warehouse)])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert 'Referenced column "valu" not found' in err
    assert "Candidate bindings:" in err  # the hint
    assert "LINE 1: select valu from v_figure" in err and "^" in err  # the caret


def test_a_syntax_error_exits_2(existing_warehouse, capsys) -> None:
    assert main(["query", "selct 1", "--warehouse", str(existing_warehouse)]) == EXIT_USAGE
    assert 'syntax error at or near "selct"' in capsys.readouterr().err


def test_debug_is_accepted_before_the_command(existing_warehouse, capsys) -> None:
    code = main(["--debug", "query", "selct 1", "--warehouse", str(existing_warehouse)])
    assert code == EXIT_USAGE
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_a_long_query_stops_at_its_time_limit(existing_warehouse, capsys) -> None:
    started = time.monotonic()
    code = main(["query", LONG, "--warehouse", str(existing_warehouse), "--timeout", "0.5"])
    assert code == EXIT_CANNOT_RUN
    assert time.monotonic() - started < 5
    assert "stopped after 0.5 s (raise it with --timeout SECONDS)" in capsys.readouterr().err


def test_ctrl_c_stops_a_long_query(existing_warehouse) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "pipelines.run.cli", "query", LONG, "--warehouse",
         str(existing_warehouse), "--timeout", "600"],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # as a terminal's foreground command: Ctrl-C not ignored (a background job's is)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    time.sleep(3)  # the query is running (or, on a loaded machine, about to)
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("Ctrl-C did not stop the query within 10 s") from None
    # 3 when the query was running, 130 when the command was still starting
    assert process.returncode in (EXIT_CANNOT_RUN, EXIT_INTERRUPTED), err
    assert err.endswith("stopped by the user (Ctrl-C)\n"), err


def test_the_analysts_own_connection_stays_free(existing_warehouse) -> None:
    import duckdb

    with duckdb.connect(str(existing_warehouse)) as con:  # their own session may write
        con.execute("create table my_notes as select 1 as x")
    assert main(["query", "select x from my_notes", "--warehouse", str(existing_warehouse)]) == (
        EXIT_OK
    )
