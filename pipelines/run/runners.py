"""Where the per-document tasks run: two threads (default), one thread, a local process pool,
or Dask.

Extraction is one coarse task per report document and fans out; the DuckDB load fans in
(one writer, in the flow's process). On a cluster, give the address of an existing Dask
scheduler; its workers must see the same files (raw/ and the staging folder).

The command line chooses the runner from its settings and sets it on the flow with
`with_options` (`pipelines.run.flows.flow_for`); a served deployment runs that flow object.
"""

from __future__ import annotations

from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from pipelines.run.steps import DOCUMENT_THREADS


def task_runner(workers: int | None = None, dask_address: str | None = None) -> TaskRunner[Any]:
    """`dask_address` (e.g. tcp://10.0.0.5:8786) wins; `workers` > 1 is a local process pool,
    1 one thread; by default the documents go side by side in threads, as without Prefect
    (`steps.stage_documents`): one is extracted while the other waits for its PDF pages."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers and workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=DOCUMENT_THREADS if workers is None else 1)
