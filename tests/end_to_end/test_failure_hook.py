"""Failures reach people: a failed run leaves an artifact saying what failed and posts one
line to the webhook named by INDICATORS_FAILURE_WEBHOOK (here a local HTTP receiver)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from conftest import DATA

from pipelines.run.notify import notify_failure


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict]]]:
    """A local HTTP server that records the JSON bodies posted to it."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hook", received
    finally:
        server.shutdown()
        server.server_close()


def test_a_failed_run_leaves_an_artifact_and_calls_the_webhook(
    prefect_harness, receiver, tmp_path, monkeypatch
) -> None:
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from pipelines.run.flows import build_warehouse

    url, received = receiver
    monkeypatch.setenv("INDICATORS_FAILURE_WEBHOOK", url)
    state = build_warehouse(
        reports=[str(DATA / "truncated-report.pdf")],  # cannot be read at all
        warehouse=str(tmp_path / "indicators.duckdb"),
        return_state=True,
    )
    assert state.is_failed()
    assert len(received) == 1
    line = received[0]["text"]
    assert line.startswith("build_warehouse: run failed: SourceError: truncated-report.pdf: ")
    assert "\n" not in line
    run_id = state.state_details.flow_run_id
    assert run_id is not None
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id]))
        )
    assert [(a.key, a.description) for a in artifacts if a.key] == [("build-failure", line)]
    assert not (tmp_path / "indicators.duckdb").exists()


def test_an_unreachable_or_absent_webhook_does_not_fail_anything(monkeypatch) -> None:
    assert notify_failure("build_warehouse: gate failed", url="http://127.0.0.1:9/none") is False
    assert notify_failure("build_warehouse: gate failed", url=None) is False
