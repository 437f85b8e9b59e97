"""`indicators`: exit codes and output of each command."""

from __future__ import annotations

import errno
import json
from xml.etree import ElementTree as ET

import duckdb
import pytest

from pipelines.errors import one_line
from pipelines.load import warehouse as wh
from pipelines.run.cli import main, run


def test_query_prints_the_rows(built_warehouse, capsys) -> None:
    code = main(
        [
            "query",
            "select entity_code, value from v_indicator where indicator_code = 'population' "
            "and entity_code = '62-arrageois' and source_kind = 'text'",
            "--warehouse",
            str(built_warehouse),
            "--format",
            "csv",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == "entity_code,value\n62-arrageois,211425\n"


def test_check_without_warehouse_fails_clearly(tmp_path, capsys) -> None:
    code = main(["check", "--warehouse", str(tmp_path / "none.duckdb")])
    assert code == 3
    assert "none.duckdb: no warehouse here; run `indicators build` first" in capsys.readouterr().err


def test_check_writes_every_format(existing_warehouse, tmp_path) -> None:
    for fmt in ("md", "json", "junit"):
        output = tmp_path / f"report.{fmt}"
        assert (
            main(
                [
                    "check",
                    "--warehouse",
                    str(existing_warehouse),
                    "--format",
                    fmt,
                    "--output",
                    str(output),
                ]
            )
            == 0
        )
    stored = wh.query(
        existing_warehouse, "select status, count(*) as n from v_check_result group by 1"
    )
    counts = {"pass": 0, "warn": 0, "fail": 0} | dict(zip(stored.status, stored.n, strict=True))
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert {k: report["summary"][k] for k in counts} == counts
    assert counts["warn"] > 0 and report["summary"]["new_failures"] == 0
    suite = ET.parse(tmp_path / "report.junit").getroot()
    # one case per distinct finding, one per check
    n_checks = wh.query(
        existing_warehouse, "select count(distinct check_id) as n from v_check_result"
    )
    expected_cases = report["summary"]["distinct_findings"] + int(n_checks.n[0])
    assert (suite.get("tests"), suite.get("failures")) == (str(expected_cases), "0")
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert f"{counts['pass']} pass, {counts['warn']} warn, {counts['fail']} fail" in markdown


def test_build_refuses_a_missing_report(tmp_path, capsys) -> None:
    code = main(
        [
            "build",
            "--report",
            str(tmp_path / "absent.txt"),
            "--warehouse",
            str(tmp_path / "w.duckdb"),
        ]
    )
    assert code == 3
    assert "absent.txt: no such report file" in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb").exists()


def test_exit_codes_are_in_the_help(capsys) -> None:
    for argv in (["--help"], ["build", "--help"], ["check", "--help"]):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 0
        out = capsys.readouterr().out
        assert "exit codes:\n  0  the gate passes" in out
        assert "  1  the gate failed" in out and "  2  bad arguments" in out
        assert "  3  could not run: warehouse locked by another writer" in out


def test_an_unknown_error_is_one_line_and_the_traceback_needs_debug(capsys) -> None:
    def crash() -> int:
        raise KeyError("boom")

    assert run("build", crash) == 3
    assert capsys.readouterr().err == (
        "indicators build: error: KeyError: 'boom' "
        "(unexpected; run again with --debug for the traceback)\n"
    )
    assert run("build", crash, debug=True) == 3
    assert "Traceback (most recent call last)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/w/x.duckdb"),
         "/w: disk full (no space left on device)"),
        (PermissionError(errno.EACCES, "Permission denied", "/w"),
         "/w: permission denied (a read-only folder or file?)"),
        (IsADirectoryError(errno.EISDIR, "Is a directory", "/w"),
         "/w: is a folder, a file was expected"),
    ],
)  # fmt: skip
def test_environment_errors_name_their_cause(error, line) -> None:
    assert one_line(error) == line


def test_a_full_disk_is_named_even_when_a_rollback_fails_after_it() -> None:
    try:
        try:
            raise duckdb.IOException('Could not write file "/w/x.duckdb": No space left on device')
        except duckdb.IOException:
            raise duckdb.TransactionException("cannot rollback - no transaction is active")  # noqa: B904
    except duckdb.Error as err:
        assert one_line(err) == (
            'disk full: Could not write file "/w/x.duckdb": No space left on device'
        )


def test_a_bad_report_path_answers_before_any_server_starts(tmp_path) -> None:
    import os
    import subprocess
    import sys
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")  # a server would create its database here
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.run.cli", "build", "--report", "/nonexistent.pdf"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert done.returncode == 3
    assert done.stderr == "indicators build: error: /nonexistent.pdf: no such report file\n"
    assert not (tmp_path / "prefect" / "prefect.db").exists()  # no server was started
    assert elapsed < 3  # about 0.3 s on an idle machine: the process's own start-up
