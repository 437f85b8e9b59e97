"""`indicators serve`: the deployment served against a real `prefect server`, triggered by
hand; a run builds what is new, a run with unchanged inputs reads nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPORT

from pipelines.load import warehouse as wh

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # `make test-slow`, and CI
DEPLOYMENT = "build_warehouse/scheduled"


def _artifacts(client, flow_run_id) -> dict[str, Any]:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    found = client.read_artifacts(
        artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
    )
    return {a.key: json.loads(a.data) if a.type == "table" else a.data for a in found}


def _wait_for_deployment(client, server: subprocess.Popen, log: Path) -> None:
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"indicators serve exited: {log.read_text()}")
        try:
            client.read_deployment_by_name(DEPLOYMENT)
            return
        except ObjectNotFound:
            time.sleep(0.3)
    pytest.fail(f"{DEPLOYMENT} never appeared: {log.read_text()}")


@pytest.fixture
def served(prefect_harness, tmp_path) -> Iterator[tuple[Path, Path, Path]]:
    """`indicators serve` on the session's server: a report folder holding the text export, a
    fresh staging cache, its own warehouse. Yields (report folder, warehouse, its log)."""
    reports = tmp_path / "report"
    reports.mkdir()
    shutil.copyfile(REPORT, reports / REPORT.name)
    warehouse = tmp_path / "warehouse" / "indicators.duckdb"
    log = tmp_path / "serve.log"
    env = {**os.environ, "INDICATORS_STAGING_DIR": str(tmp_path / "staging"),
           "PREFECT_RUNNER_POLL_FREQUENCY": "1"}  # fmt: skip
    command = [sys.executable, "-m", "pipelines.run.cli", "serve", "--warehouse", str(warehouse),
               "--report-dir", str(reports), "--workers", "2"]  # fmt: skip
    with log.open("w") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        from prefect import get_client

        with get_client(sync_client=True) as client:
            _wait_for_deployment(client, server, log)
        yield reports, warehouse, log
    finally:
        server.send_signal(signal.SIGTERM)  # what `kill` does; Ctrl-C in a terminal too
        server.wait(timeout=30)


def test_a_triggered_run_builds_then_a_run_with_unchanged_inputs_reads_nothing(served) -> None:
    from prefect import get_client
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    _, warehouse, log = served
    first = run_deployment(DEPLOYMENT, timeout=180, poll_interval=0.5)
    assert isinstance(first, FlowRun)  # called outside an event loop: the run, not a coroutine
    assert first.state is not None and first.state.is_completed(), first.state
    # the run executes the served flow object, on the task runner `--workers 2` chose
    assert "documents extracted on ProcessPoolTaskRunner (2 workers)" in log.read_text()
    figures = wh.query(warehouse, "select departement_code, report_year, source_kind, count(*) "
                       "from fact_figure group by all order by all").values.tolist()  # fmt: skip
    assert [row[:3] for row in figures] == [["62", 2022, "reference"], ["62", 2022, "text"]]
    with get_client(sync_client=True) as client:
        artifacts = _artifacts(client, first.id)
    assert {"consistency-report", "consistency-findings", "build-sources", "warehouse-counts"} \
        <= set(artifacts)  # fmt: skip
    assert [(r["source_file"], r["status"]) for r in artifacts["build-sources"]] == [
        (REPORT.name, "extracted")
    ]
    assert artifacts["warehouse-counts"] == [
        {"departement_code": d, "report_year": y, "source_kind": k, "figures": n}
        for d, y, k, n in figures
    ]
    assert "# " in artifacts["consistency-report"]
    # a served run leaves the report files `make build` leaves
    report = warehouse.with_name("consistency-report.md").read_text(encoding="utf-8")
    assert report.startswith("# Consistency report")
    assert {p.name for p in warehouse.parent.glob("consistency-report.*")} == {
        "consistency-report.md", "consistency-report.json", "consistency-report.xml"
    }  # fmt: skip
    published = warehouse.stat().st_mtime_ns

    second = run_deployment(DEPLOYMENT, timeout=120, poll_interval=0.5)
    assert isinstance(second, FlowRun)
    assert second.state is not None and second.state.is_completed(), second.state
    with get_client(sync_client=True) as client:
        artifacts = _artifacts(client, second.id)
    assert artifacts["build-sources"] == [{"source_file": REPORT.name, "status": "unchanged"}]
    assert "consistency-report" not in artifacts
    # the counts say they are this run's, and that nothing changed
    assert artifacts["warehouse-counts"] == [
        {"departement_code": d, "report_year": y, "source_kind": k, "figures": n}
        for d, y, k, n in figures
    ]
    assert warehouse.stat().st_mtime_ns == published
