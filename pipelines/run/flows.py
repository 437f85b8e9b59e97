"""Prefect flow `build_warehouse`: thin tasks around the plain steps of `pipelines.run.steps`.

Tasks are coarse (one per source and step) because each task run costs ~0.1 s, and they pass
paths and hashes, not DataFrames. If any step fails, the candidate warehouse is discarded
and the live one is left untouched; if the checks fail the gate, the candidate is kept for
inspection, the live one is left untouched and the run ends Failed.

Each report document is one task (read, extract, validate); the documents fan out on the
flow's task runner (threads, a process pool or a Dask cluster, `pipelines.run.runners`); the
DuckDB load fans in, one writer.
One caching mechanism: the staging cache of `steps.stage_report` (keyed by the file's sha256
and the code version), so Prefect's own task caching is off (`cache_policy=NONE`). Only the
I/O tasks retry, and only on an `OSError`: a validation or a check failure is final.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypedDict

from prefect import Flow, Task, flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.client.schemas.objects import TaskRun
from prefect.context import FlowRunContext
from prefect.runtime import flow_run
from prefect.states import State

from pipelines.errors import GateFailed
from pipelines.load import changes
from pipelines.load import warehouse as wh
from pipelines.read import SourceError
from pipelines.run import steps
from pipelines.run.notify import notify_failure
from pipelines.run.runners import task_runner
from pipelines.settings import REFERENCE_DIR, REPORT_DIR, Settings, report_files


def _is_io_error(task: Task, task_run: TaskRun, state: State) -> bool:
    """Retry a task only when it failed on I/O (a file or disk briefly unavailable)."""
    try:
        state.result()
    except OSError:
        return True
    except BaseException:
        return False
    return False


class _Retries(TypedDict):
    retries: int
    retry_delay_seconds: int
    retry_condition_fn: Callable[[Task, TaskRun, State], bool]


IO_RETRIES: _Retries = {"retries": 2, "retry_delay_seconds": 2, "retry_condition_fn": _is_io_error}


@task(name="extract-document", cache_policy=NONE, **IO_RETRIES)
def extract_document_task(
    report: steps.ReportFile, staging_dir: Path, pdf_workers: int
) -> steps.StagedSource:
    """One report document, one coarse task: read and extract (or take the staging cache),
    then validate. Its retries only ever follow an OSError, never a validation error."""
    staged = steps.stage_report(
        report.path, staging_dir, pdf_workers, report.departement, report.departement_source
    )
    return steps.validate_staged(staged)


@task(name="validate-staging", cache_policy=NONE)
def validate_task(staged: steps.StagedSource) -> steps.StagedSource:
    return steps.validate_staged(staged)


@task(name="stage-reference", cache_policy=NONE, **IO_RETRIES)
def stage_reference_task(
    reference_dir: Path, report_years: list[int], staging_dir: Path
) -> steps.StagedReference:
    return steps.stage_reference(reference_dir, report_years, staging_dir)


@task(name="load-candidate", cache_policy=NONE, **IO_RETRIES)
def load_task(
    validated: list[steps.StagedSource], warehouse: Path, reference: steps.StagedReference | None
) -> Path:
    return steps.load_candidate(validated, warehouse, reference)


@task(name="run-checks", cache_policy=NONE)
def check_task(candidate: Path, keep_runs: int) -> steps.CheckSummary:
    return steps.check_warehouse(candidate, keep_runs)


def _this_run() -> str:
    """The flow run an artifact belongs to, as the UI names it."""
    return f"flow run {flow_run.name or '?'} ({flow_run.id or '?'})"


@task(name="publish-report", cache_policy=NONE)
def report_task(summary: steps.CheckSummary, folder: Path) -> None:
    """The consistency report beside the warehouse (the files `make build` leaves, for a
    served run too), and as Prefect artifacts for the data team."""
    steps.write_reports(summary, folder)
    create_markdown_artifact(
        key="consistency-report", markdown=summary.markdown,
        description=f"check run {summary.run_id} of {_this_run()}",
    )  # fmt: skip
    create_table_artifact(
        key="consistency-findings", table=summary.findings or [{"finding": "none"}],
        description=f"findings of check run {summary.run_id} of {_this_run()}",
    )  # fmt: skip


@task(name="publish", cache_policy=NONE)
def publish_task(candidate: Path, warehouse: Path, gate: list[str], publish_anyway: bool) -> Path:
    """Swap the candidate in, or keep it aside and fail the run when the gate fails (a gate
    failure is final: no retry)."""
    return steps.publish_gated(candidate, warehouse, gate, publish_anyway)


def _stage_documents(
    reports: list[steps.ReportFile], staging_dir: Path, pdf_workers: int
) -> list[steps.StagedSource]:
    """One task per document, fanned out on the flow's task runner; `.result()` re-raises a
    document's own error, by name."""
    futures = [extract_document_task.submit(p, staging_dir, pdf_workers) for p in reports]
    return [future.result() for future in futures]


def _validate_all(sources: list[steps.StagedSource]) -> list[steps.StagedSource]:
    """One validation task per staged source (a reference year), fanned out as documents are."""
    futures = [validate_task.submit(source) for source in sources]
    return [future.result() for future in futures]


def _record_sources(rows: list[dict]) -> None:
    """Which inputs this run read, took from the staging cache, or skipped as unchanged."""
    create_table_artifact(
        key="build-sources", table=rows or [{"source_file": "none"}],
        description=f"inputs of {_this_run()}: extracted, reused from the staging cache, "
        "or unchanged",
    )  # fmt: skip


def _record_counts(warehouse: Path, what: str = "published") -> None:
    """How many figures the published warehouse holds, per report year and source (an
    unchanged run records them too, saying so: the latest artifact is always this run's)."""
    counts = wh.query(
        warehouse,
        "select departement_code, report_year, source_kind, count(*) as figures from fact_figure "
        "group by all order by all",
    )
    create_table_artifact(
        key="warehouse-counts", table=json.loads(counts.to_json(orient="records")),
        description=f"figures in {warehouse.name} by report year and source, {what} "
        f"by {_this_run()}",
    )  # fmt: skip


def _report_failure(what: str, settings: Settings) -> None:
    """A failed run or gate leaves an artifact that says what failed, and calls the hook."""
    line = " ".join(f"build_warehouse: {what}".split())
    try:
        create_markdown_artifact(key="build-failure", markdown=f"**{line}**", description=line)
    except Exception as err:  # the API may be what failed: never hide the run's own error
        get_run_logger().warning("no build-failure artifact: %s", err)
    notify_failure(line, settings.failure_webhook)


@flow(name="build_warehouse", log_prints=True, task_runner=task_runner())  # two threads
def build_warehouse(
    reports: list[str] | None = None,
    reference_dir: str | None = None,
    warehouse: str | None = None,
    only_changed: bool = False,
    report_dir: str | None = None,
    publish_anyway: bool = False,
    lock_timeout: float | None = None,
    departement: str | None = None,
    rebuild: bool = False,
) -> dict:
    """Build the warehouse from the reports and the reference files (default: every report
    in `report_dir`, default `raw/report/`, and `raw/reference/`). With `only_changed`, a run
    whose inputs the warehouse already holds reads and loads nothing (the scheduled
    deployment). A run whose inputs, code and SQL the published warehouse was built from
    reuses it and its check run (`pipelines.run.reuse`), unless `rebuild`.

    The run holds the warehouse's writer lock throughout. A candidate whose checks fail the
    gate is kept for inspection and the run fails (`GateFailed`), unless `publish_anyway`."""
    # the flow's entry: its parameters over the environment (a served run has no command line)
    settings = Settings.from_environment(
        warehouse=Path(warehouse) if warehouse else None, lock_timeout_s=lock_timeout
    )
    report_paths = (
        [Path(p) for p in reports] if reports else report_files(Path(report_dir or REPORT_DIR))
    )
    reference = Path(reference_dir) if reference_dir else REFERENCE_DIR
    target = settings.warehouse
    try:
        with steps.exclusive_build(target, timeout=settings.lock_timeout_s) as leftovers:
            for leftover in leftovers:
                get_run_logger().info("removed %s, left by an earlier build", leftover.name)
            result = _build(
                report_paths, reference, settings, only_changed, publish_anyway, departement,
                rebuild,
            )  # fmt: skip
    except GateFailed as err:
        _report_failure(f"gate failed: {err}", settings)
        raise
    except BaseException as err:
        _report_failure(f"run failed: {type(err).__name__}: {err}", settings)
        raise
    if result.get("check_gate"):  # published anyway
        gate = "; ".join(result["check_gate"])
        _report_failure(f"gate failed (published anyway): {gate}", settings)
    return result


def flow_for(settings: Settings) -> Flow[..., dict]:
    """The flow on the task runner the settings ask for (workers, a Dask scheduler)."""
    return build_warehouse.with_options(
        task_runner=task_runner(settings.workers, settings.dask_address)
    )


def _build(
    report_paths: list[Path], reference: Path, settings: Settings, only_changed: bool,
    publish_anyway: bool, departement: str | None = None, rebuild: bool = False,
) -> dict:  # fmt: skip
    target = settings.warehouse
    logger = get_run_logger()
    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    workers = getattr(runner, "_max_workers", None)
    logger.info("documents extracted on %s (%s workers)", type(runner).__name__, workers or "?")
    if not report_paths:
        raise SourceError("no report file to build from (.txt or .pdf)")
    for path in report_paths:
        if not path.is_file():
            raise SourceError(f"{path}: no such report file")
    if not reference.is_dir():
        raise SourceError(f"{reference}: no such reference folder")
    changed = changes.changed_inputs(report_paths, reference, target)
    if only_changed and not changed:
        logger.info("no new or changed input: nothing read, nothing loaded")
        _record_sources([{"source_file": p.name, "status": "unchanged"} for p in report_paths])
        if target.is_file():
            _record_counts(target, "unchanged (nothing read, nothing loaded)")
        return {"warehouse": str(target), "changed": [], "extracted": [], "sources": []}

    how = steps.BuildSteps(
        stage_documents=_stage_documents,
        stage_reference=stage_reference_task,
        validate=_validate_all,
        load=load_task,
        check=check_task,
        report=lambda summary: report_task(summary, target.parent),
        publish=publish_task,
    )
    result = steps.run_build(
        report_paths, target, reference, settings=settings, publish_anyway=publish_anyway,
        how=how, departement=departement, rebuild=rebuild,
    )  # fmt: skip
    summary, validated = result.summary, result.sources
    if result.reused:
        logger.info(
            "inputs, code and SQL unchanged since check run %s: the published warehouse "
            "stands; nothing read, loaded or checked", summary.run_id,
        )  # fmt: skip
        _record_sources([{"source_file": p.name, "status": "unchanged"} for p in report_paths])
        _record_counts(target, f"unchanged since check run {summary.run_id} (reused)")
        return {
            "warehouse": str(target), "changed": [], "extracted": [], "sources": [],
            "reused": True, "check_run": summary.run_id, "check_counts": summary.counts,
            "check_errors": {}, "check_gate": [],
        }  # fmt: skip
    logger.info("warehouse %s published; checks %s", target, summary.counts)
    extracted = [s.source_file for s in validated if s.extracted]
    _record_sources(
        [{"source_file": s.source_file, "source_kind": s.source_kind,
          "departement_code": s.departement_code, "report_year": s.report_year,
          "sha256": s.source_sha256[:12],
          "status": "extracted" if s.extracted else "staging cache"}
         for s in validated if s.source_kind != "reference"]
    )  # fmt: skip
    _record_counts(target)
    return {
        "warehouse": str(target),
        "changed": changed,
        "extracted": extracted,
        "sources": [s.to_dict() for s in validated],
        "check_run": summary.run_id,
        "check_counts": summary.counts,
        "check_errors": summary.errors,
        "check_gate": summary.gate,
    }
