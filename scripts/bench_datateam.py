"""The data team's figures: the fixed cost of a command with and without a running Prefect
server, and an 8-document batch serially and on 2 workers.

Run with `make bench-datateam` (wrap it in `flock /tmp/heavy.lock` on a shared machine).
Prints medians; compare the ratios taken in one run rather than absolute times.

- Fixed cost: a fresh process that imports the flows and runs a flow of one empty task
  (what every `indicators build` pays before any work): against a running `prefect server`
  (PREFECT_API_URL set), with a temporary server on a home whose database is already
  migrated, and once with a temporary server on an empty home (first use).
- Batch: 8 text exports (the 2022 export with its year marker set to 2022 … 2029, written to
  a temporary folder), each one task (read, extract, validate) with a fresh staging cache:
  serially, then on a Dask LocalCluster of 2 worker processes (cluster started beforehand,
  its start-up time printed apart), then the whole build (fan-in load and checks included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

NOOP_FLOW = """
from prefect import flow, task
import pipelines.run.flows
@task
def nothing():
    return 1
@flow
def noop():
    return nothing()
noop()
"""


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})"


def _command_seconds(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", NOOP_FLOW], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def fixed_costs(runs: int, api_url: str, workdir: Path) -> None:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    base["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "300"
    served = [_command_seconds({**base, "PREFECT_API_URL": api_url}) for _ in range(runs)]
    warm_home = workdir / "warm-home"
    _command_seconds({**base, "PREFECT_HOME": str(warm_home)})  # migrates its database
    warm = [_command_seconds({**base, "PREFECT_HOME": str(warm_home)}) for _ in range(runs)]
    empty = _command_seconds({**base, "PREFECT_HOME": str(workdir / "empty-home")})
    print("fixed cost of a command (fresh process, flow of one empty task):")
    print(f"  running prefect server (PREFECT_API_URL): {_median(served)}")
    print(f"  temporary server, migrated home:          {_median(warm)}")
    print(f"  temporary server, empty home (once):      {empty:6.2f} s")


def make_documents(folder: Path, count: int) -> list[Path]:
    from pipelines.settings import shipped_reports

    text = shipped_reports()[0].read_text(encoding="utf-8")
    paths = []
    for year in range(2022, 2022 + count):
        path = folder / f"rapport-activites-{year}.txt"
        path.write_text(text.replace("- ANNÉE 2022 -", f"- ANNÉE {year} -", 1), encoding="utf-8")
        paths.append(path)
    return paths


def batch(runs: int, count: int, workdir: Path) -> None:
    from distributed import LocalCluster
    from prefect import flow

    from pipelines.run.flows import build_warehouse, extract_document_task
    from pipelines.run.runners import task_runner
    from pipelines.run.steps import ReportFile

    documents = make_documents(workdir, count)

    @flow(name="bench_extract_batch")
    def extract_batch(reports: list[str], staging_dir: str) -> int:
        documents = [
            extract_document_task.submit(ReportFile(Path(p)), Path(staging_dir), 1) for p in reports
        ]
        return len([future.result() for future in documents])

    def run(runner, what: str, n: int) -> float:
        staging = tempfile.mkdtemp(dir=workdir, prefix="staging-")
        os.environ["INDICATORS_STAGING_DIR"] = staging
        start = time.perf_counter()
        if what == "extract":
            extract_batch.with_options(task_runner=runner)([str(p) for p in documents], staging)
        else:
            target = Path(staging) / "indicators.duckdb"
            # synthetic years: their findings are not reviewed, the gate would refuse them
            build_warehouse.with_options(task_runner=runner)(
                reports=[str(p) for p in documents], warehouse=str(target), publish_anyway=True
            )
        return time.perf_counter() - start

    serial = task_runner(workers=1)  # one thread
    start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:  # fmt: skip
        cluster_start = time.perf_counter() - start
        dask = task_runner(dask_address=cluster.scheduler_address)
        run(dask, "extract", count)  # warm the workers' imports
        results = {}
        for what in ("extract", "build"):
            results[(what, "serial")] = [run(serial, what, count) for _ in range(runs)]
            results[(what, "dask")] = [run(dask, what, count) for _ in range(runs)]
    print(f"batch of {count} text exports, fresh staging cache each run:")
    print(f"  Dask LocalCluster start (2 processes):   {cluster_start:6.2f} s")
    for what, label in (("extract", "extraction (one task per document)"),
                        ("build", "whole build (+ load, checks, publish)")):  # fmt: skip
        one = statistics.median(results[(what, "serial")])
        two = statistics.median(results[(what, "dask")])
        print(f"  {label}:")
        print(f"    serial:            {_median(results[(what, 'serial')])}")
        print(f"    2 Dask workers:    {_median(results[(what, 'dask')])}")
        print(f"    ratio serial / 2 workers: {one / two:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--documents", type=int, default=8)
    parser.add_argument("--batch-only", action="store_true", help="skip the fixed costs")
    args = parser.parse_args()
    from pipelines.run.server import free_port, running_server

    with tempfile.TemporaryDirectory(prefix="bench-datateam-") as tmp:
        workdir = Path(tmp)
        with running_server(free_port(), home=workdir / "server-home", ui=False) as api_url:
            if not args.batch_only:
                fixed_costs(args.runs, api_url, workdir)
            os.environ["PREFECT_API_URL"] = api_url
            from prefect.settings import PREFECT_API_URL, temporary_settings

            with temporary_settings({PREFECT_API_URL: api_url}):
                batch(args.runs, args.documents, workdir)


if __name__ == "__main__":
    main()
