"""`indicators check`: read-only on the warehouse, one stored run per invocation, history kept."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from xml.etree import ElementTree as ET

from pipelines.check import history as check_history
from pipelines.run.cli import main
from pipelines.settings import check_history_dir_for


def test_one_run_rendered_in_three_formats_is_one_stored_run(existing_warehouse, tmp_path) -> None:
    store = check_history_dir_for(existing_warehouse)
    before = len(list(store.glob("*.parquet"))) if store.is_dir() else 0
    outputs = [tmp_path / "report.md", tmp_path / "report.json", tmp_path / "report.xml"]
    args = ["check", "--warehouse", str(existing_warehouse)]
    assert main([*args, *(a for path in outputs for a in ("--output", str(path)))]) == 0
    assert len(list(store.glob("*.parquet"))) == before + 1
    run_id = json.loads(outputs[1].read_text(encoding="utf-8"))["run_id"]
    assert f"Run `{run_id}`" in outputs[0].read_text(encoding="utf-8")
    suite = ET.fromstring(outputs[2].read_text(encoding="utf-8"))
    run_property = suite.find("properties/property")
    assert run_property is not None and run_property.get("value") == run_id


def test_a_second_run_of_the_same_inputs_says_what_changed(existing_warehouse, capsys) -> None:
    args = ["check", "--warehouse", str(existing_warehouse), "--format", "json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["changes"] == {
        "previous_run_id": first["run_id"],
        "new": [],
        "resolved": [],
    }
    history = check_history.read(check_history_dir_for(existing_warehouse))
    assert {first["run_id"], second["run_id"]} <= set(history.run_id)


def test_an_open_analyst_connection_does_not_make_the_check_fail(existing_warehouse) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time\n"
            f"con = duckdb.connect({str(existing_warehouse)!r}, read_only=True)\n"
            "con.execute('select count(*) from fact_figure').fetchall()\n"
            "print('open', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        assert main(["check", "--warehouse", str(existing_warehouse), "--format", "json"]) == 0
        assert time.monotonic() - started < 30
    finally:
        holder.kill()
        holder.wait()


def test_the_history_keeps_the_newest_runs(existing_warehouse) -> None:
    from pipelines.run.steps import check_published

    store = check_history_dir_for(existing_warehouse)
    run_ids = []
    for _ in range(3):
        run, _changes = check_published(existing_warehouse)
        check_history.append(run, store, keep=2)
        run_ids.append(run.run_id)
    assert {p.stem for p in store.glob("*.parquet")} == set(run_ids[1:])  # the newest two


def test_runs_lists_the_recent_runs_with_their_verdict(existing_warehouse, capsys) -> None:
    args = ["check", "--warehouse", str(existing_warehouse), "--format", "json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)["run_id"]
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)["run_id"]
    code = main(["runs", "--warehouse", str(existing_warehouse), "--format", "json"])
    runs = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [r["run_id"] for r in runs[:2]] == [second, first]  # newest first
    assert runs[0]["verdict"] == "no failure unaccepted"
    assert runs[0]["fail"] == runs[0]["accepted"] == 10
    assert runs[0]["inputs"] == (
        "manifest.json, rapport-activites-2022.pdf, rapport-activites-2022.txt"
    )
