"""Commands that do not flake: a patient temporary server, a one-line error when the Prefect
API cannot be reached, a project-local Prefect home."""

from __future__ import annotations

import os
import subprocess
import sys

from pipelines.run.server import explain_startup_failure, free_port
from pipelines.settings import PREFECT_HOME, PROJECT_ROOT, Settings


def test_a_dead_server_url_gives_one_line_that_says_what_to_do(
    prefect_harness, tmp_path, monkeypatch, capsys
) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from pipelines.run.cli import main

    dead = f"http://127.0.0.1:{free_port()}/api"
    monkeypatch.setenv("PREFECT_API_URL", dead)
    with temporary_settings({PREFECT_API_URL: dead}):
        code = main(["build", "--warehouse", str(tmp_path / "indicators.duckdb")])
    assert code == 3  # could not run
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"indicators build: error: cannot reach the Prefect server at PREFECT_API_URL={dead}: "
        "start it with `make serve`, or unset PREFECT_API_URL to use a temporary server"
    )


def test_a_temporary_server_that_does_not_start_says_what_to_do() -> None:
    err = RuntimeError("Timed out while attempting to connect to ephemeral Prefect API server.")
    ours = Settings.from_environment({"INDICATORS_EPHEMERAL_STARTUP_TIMEOUT": "240"})
    assert explain_startup_failure(err, ours) == (
        "the temporary Prefect server did not start within 240 s: start one with `make serve` "
        "and export PREFECT_API_URL=http://127.0.0.1:4200/api, or raise "
        "INDICATORS_EPHEMERAL_STARTUP_TIMEOUT (or Prefect's own "
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, which wins when set)"
    )
    # the value Prefect obeys is the one the message states
    both = Settings.from_environment(
        {"INDICATORS_EPHEMERAL_STARTUP_TIMEOUT": "240",
         "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "60"}
    )  # fmt: skip
    assert "did not start within 60 s" in (explain_startup_failure(err, both) or "")
    assert explain_startup_failure(ValueError("a bad value"), ours) is None


def test_commands_keep_prefect_in_the_project_with_a_patient_temporary_server() -> None:
    code = (
        "import os; from pipelines.settings import Settings, prepare_prefect_environment as p; "
        "p(Settings.from_environment()); "
        "print(os.environ['PREFECT_HOME']); "
        "print(os.environ['PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS'])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "INDICATORS_"))}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
        cwd=PROJECT_ROOT,
    )  # fmt: skip
    assert done.stdout.split() == [str(PREFECT_HOME), "180"]
