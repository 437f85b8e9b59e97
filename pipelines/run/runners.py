"""Where the per-document tasks run: one thread (default), a local process pool, or Dask.

Extraction is one coarse task per report document and fans out; the DuckDB load fans in
(one writer, in the flow's process). On a cluster, give the address of an existing Dask
scheduler; its workers must see the same files (raw/ and the staging folder).

The choice travels in environment variables, so that a served deployment's runs (each in
its own process) make the same choice as the command that started them.
"""

from __future__ import annotations

import os
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

DASK_ADDRESS_VARIABLE = "INDICATORS_DASK_ADDRESS"
WORKERS_VARIABLE = "INDICATORS_WORKERS"


def task_runner(workers: int | None = None, dask_address: str | None = None) -> TaskRunner[Any]:
    """`dask_address` (e.g. tcp://10.0.0.5:8786) wins; `workers` > 1 is a local process pool."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers and workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def configured_task_runner() -> TaskRunner[Any]:
    """The task runner the environment asks for (INDICATORS_DASK_ADDRESS, INDICATORS_WORKERS)."""
    workers = os.environ.get(WORKERS_VARIABLE)
    if workers is not None and not workers.isdigit():
        raise ValueError(f"{WORKERS_VARIABLE}={workers!r}: expected a number of processes")
    return task_runner(int(workers) if workers else None, os.environ.get(DASK_ADDRESS_VARIABLE))
