"""Which Prefect API a command talks to: a running `prefect server`, or a temporary one.

A command that finds `PREFECT_API_URL` set uses that server (a few seconds of fixed cost).
Otherwise Prefect starts a temporary server for the command; its database is migrated on
first use, which took ~19 s on an idle machine and more than Prefect's default 20 s timeout
on a busy one, so the timeout is raised and a failure says what to do.

`running_server` starts a real `prefect server` (database under the project's `.prefect/`,
never the user's home) for `indicators serve` and for the tests.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.errors import IndicatorsError
from pipelines.settings import Settings, environment_with


class ServerError(IndicatorsError):
    """The Prefect API could not be reached or started; the message says what to do."""


def explain_startup_failure(err: BaseException, settings: Settings) -> str | None:
    """One line for a Prefect API that could not be reached, else None."""
    text = str(err)
    url = settings.prefect_api_url
    # only the API client's own words: other errors may mention a connection (a lock holder)
    unreachable = any(
        words in text.lower()
        for words in ("failed to reach api", "all connection attempts failed", "connection refused")
    )
    if url and (unreachable or isinstance(err, ConnectionError)):
        return (
            f"cannot reach the Prefect server at PREFECT_API_URL={url}: start it with "
            "`make serve`, or unset PREFECT_API_URL to use a temporary server"
        )
    if "ephemeral Prefect API server" in text:
        timeout = settings.ephemeral_startup_timeout_s
        return (
            f"the temporary Prefect server did not start within {timeout:g} s: start one with "
            "`make serve` and export PREFECT_API_URL=http://127.0.0.1:4200/api, or raise "
            "INDICATORS_EPHEMERAL_STARTUP_TIMEOUT (or Prefect's own "
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, which wins when set)"
        )
    return None


def check_prefect_home(settings: Settings) -> None:
    """Before a temporary server starts: can it create its database? (Otherwise it waits out
    its start-up timeout and says only that it did not start.)"""
    if settings.prefect_api_url:
        return  # a running server: its database is not ours
    home = settings.prefect_home
    database = home / "prefect.db"
    try:
        home.mkdir(parents=True, exist_ok=True)
        probe = home / f".write-test.{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        if database.exists():
            with database.open("r+b"):
                pass
    except OSError as err:
        raise ServerError(
            f"{err.filename or home}: the temporary Prefect server cannot create its database "
            f"there ({err.strerror}); make PREFECT_HOME={home} writable, point PREFECT_HOME "
            "elsewhere, or use a running server (`make serve`, then PREFECT_API_URL)"
        ) from err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_server(
    port: int = 4200,
    home: Path = Settings.prefect_home,
    host: str = "127.0.0.1",
    timeout: float = Settings.server_startup_timeout_s,
    ui: bool = True,
) -> Iterator[str]:
    """Start `prefect server start` on host:port with its database under `home`; yield the API
    URL once it answers; stop the server on exit. Its log goes to `home/server.log`."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    api_url = f"http://{host}:{port}/api"
    if _healthy(api_url):
        raise ServerError(
            f"a server already answers on {host}:{port}: use it with "
            f"PREFECT_API_URL={api_url}, or choose another --port"
        )
    env = environment_with({
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "true" if ui else "false",
        "PREFECT_API_URL": None,
    })  # fmt: skip
    log_path = home / "server.log"
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", host,
             "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C stops the deployment first, then (below) the server
        )  # fmt: skip
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(api_url):
            if process.poll() is not None:
                raise ServerError(
                    f"prefect server exited with code {process.returncode} on port {port}: "
                    f"see {log_path} (port taken? try --port)"
                )
            if time.monotonic() > deadline:
                raise ServerError(
                    f"prefect server did not answer on port {port} within {timeout:.0f} s: "
                    f"see {log_path}, or raise INDICATORS_SERVER_STARTUP_TIMEOUT"
                )
            time.sleep(0.2)
        yield api_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
