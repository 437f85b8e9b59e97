"""Prefect flow `build_warehouse`: thin tasks around the plain steps of `pipelines.steps`.

Tasks are coarse (one per source and step) because each task run costs ~0.1 s, and they pass
paths and hashes, not DataFrames. If any step fails, the candidate warehouse is discarded
and the live one is left untouched; if the checks fail the gate, the candidate is kept for
inspection, the live one is left untouched and the run ends Failed.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE

from pipelines import steps
from pipelines import warehouse as wh
from pipelines.paths import DEFAULT_REPORTS, DEFAULT_WAREHOUSE, REFERENCE_DIR, staging_dir_for
from pipelines.readers import SourceError


@task(name="stage-report", cache_policy=NONE)
def stage_report_task(path: str, staging_dir: str) -> steps.StagedSource:
    return steps.stage_report(Path(path), Path(staging_dir))


@task(name="validate-staging", cache_policy=NONE)
def validate_task(staged: steps.StagedSource) -> steps.StagedSource:
    return steps.validate_staged(staged)


@task(name="stage-reference", cache_policy=NONE)
def stage_reference_task(
    reference_dir: str, report_years: list[int], staging_dir: str
) -> steps.StagedReference:
    return steps.stage_reference(Path(reference_dir), report_years, Path(staging_dir))


@task(name="load-candidate", cache_policy=NONE)
def load_task(
    validated: list[steps.StagedSource], warehouse: str, reference: steps.StagedReference | None
) -> str:
    return str(steps.load_candidate(validated, Path(warehouse), reference))


@task(name="run-checks", cache_policy=NONE)
def check_task(candidate: str) -> steps.CheckSummary:
    return steps.check_warehouse(Path(candidate))


@task(name="publish-report", cache_policy=NONE)
def report_task(summary: steps.CheckSummary) -> None:
    """The consistency report and its findings as Prefect artifacts, for the data team."""
    create_markdown_artifact(
        key="consistency-report", markdown=summary.markdown, description=f"run {summary.run_id}"
    )
    create_table_artifact(
        key="consistency-findings", table=summary.findings or [{"finding": "none"}],
        description=f"findings of run {summary.run_id}",
    )  # fmt: skip


@task(name="publish", cache_policy=NONE)
def publish_task(candidate: str, warehouse: str, gate: list[str], publish_anyway: bool) -> str:
    return str(steps.publish_gated(Path(candidate), Path(warehouse), gate, publish_anyway))


@flow(name="build_warehouse", log_prints=True)
def build_warehouse(
    reports: list[str] | None = None,
    reference_dir: str | None = None,
    warehouse: str | None = None,
    publish_anyway: bool = False,
    lock_timeout: float | None = None,
) -> dict:
    """Build the warehouse from the reports and the reference files (default: those in `raw/`).

    The run holds the warehouse's writer lock throughout. A candidate whose checks fail the
    gate is kept for inspection and the run fails (`GateFailed`), unless `publish_anyway`."""
    target = Path(warehouse) if warehouse else DEFAULT_WAREHOUSE
    if target.is_dir():
        raise wh.WarehouseError(f"{target}: is a folder; give the path of a .duckdb file")
    with steps.exclusive_build(target, timeout=lock_timeout) as leftovers:
        for leftover in leftovers:
            get_run_logger().info("removed %s, left by an earlier build", leftover.name)
        return _build(reports, reference_dir, target, publish_anyway=publish_anyway)


def _build(
    reports: list[str] | None, reference_dir: str | None, target: Path, *, publish_anyway: bool
) -> dict:
    logger = get_run_logger()
    report_paths = [Path(p) for p in (reports or [str(p) for p in DEFAULT_REPORTS])]
    reference = Path(reference_dir) if reference_dir else REFERENCE_DIR
    for path in report_paths:
        if not path.is_file():
            raise SourceError(f"{path}: no such report file")
    if not reference.is_dir():
        raise SourceError(f"{reference}: no such reference folder")
    staging_dir = staging_dir_for(target)

    validated = [
        validate_task(stage_report_task(str(path), str(staging_dir))) for path in report_paths
    ]
    staged_reference = stage_reference_task(
        str(reference), [s.report_year for s in validated], str(staging_dir)
    )
    validated += [validate_task(source) for source in staged_reference.sources]
    candidate = load_task(validated, str(target), staged_reference)
    try:
        summary = check_task(candidate)
        report_task(summary)
        publish_task(candidate, str(target), summary.gate, publish_anyway)
    except BaseException:
        wh.discard(Path(candidate))
        raise
    logger.info("warehouse %s published; checks %s", target, summary.counts)
    return {
        "warehouse": str(target),
        "sources": [s.to_dict() for s in validated],
        "check_run": summary.run_id,
        "check_counts": summary.counts,
        "check_errors": summary.errors,
        "check_gate": summary.gate,
    }
