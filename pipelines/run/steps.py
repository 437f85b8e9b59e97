"""The build's steps as plain functions: read → extract → validate → load → check → publish.

Each step takes and returns file paths (and content hashes), never DataFrames, so that the
Prefect tasks wrapping them (`pipelines.run.flows`) stay cheap to pass around and cacheable, and
so that tests can call every step directly.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from multiprocessing import current_process
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd

from pipelines.check import history as check_history
from pipelines.check.checks import Accepted, CheckRun, record_run, run_checks
from pipelines.check.reports import SUFFIXES, render, summary, to_markdown
from pipelines.errors import GateFailed
from pipelines.extract.concepts import map_concepts
from pipelines.extract.diagnose import diagnose_extraction
from pipelines.extract.parse import ParseCache
from pipelines.extract.places import COMMUNES, EPCI
from pipelines.extract.report import extract_report
from pipelines.extract.staging import STAGING_TABLES, StagingFrames, empty_frames
from pipelines.extract.staging import to_staging as frames_of
from pipelines.load import locking
from pipelines.load import warehouse as wh
from pipelines.load.parquet import write_text_whole
from pipelines.load.parquet import write_whole as _write
from pipelines.load.salvage import parquet_problem, remove_leftovers, set_aside
from pipelines.read import SourceError, file_sha256
from pipelines.read.departement import GIVEN
from pipelines.read.diagnose import diagnose_document
from pipelines.read.document import Document
from pipelines.read.pdf import read_pdf
from pipelines.read.reference.reader import (
    ReferenceData,
    read_reference,
    reference_entities,
    reference_figures,
    verify_reference,
)
from pipelines.read.report_year import report_year
from pipelines.read.text_export import read_text_export
from pipelines.run import reuse
from pipelines.settings import PROJECT_ROOT, REFERENCE_DIR, Settings, check_history_dir_for
from pipelines.validate import integrity
from pipelines.validate.tables import validate_staging
from schemas.catalog import load_entity_catalog, load_indicator_catalog

_TABLES = {attribute: columns for attribute, (_, columns) in STAGING_TABLES.items()}
log = logging.getLogger("indicators")
_NULLABLE_INTS = ("page", "line", "position", "cell_number")


@dataclass(frozen=True)
class StagedSource:
    """A source's staging files: one Parquet file per staging table."""

    source_file: str
    source_sha256: str
    source_kind: str
    report_year: int
    folder: str
    extracted: bool = False  # read and extracted by this build (not taken from the cache)
    source_path: str = ""  # the file as the build was given it (read again by later builds)
    year_source: str = ""  # where the report year was read (the title, the cover, the name)
    departement_code: str = ""  # whose report it is
    departement_source: str = ""  # where that was read (or "--departement")

    def path(self, table: str) -> Path:
        return Path(self.folder) / f"{table}.parquet"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CheckSummary:
    run_id: str
    counts: dict[str, int]
    errors: dict[str, str]
    gate: list[str]
    markdown: str
    findings: list[dict]
    reports: dict[str, str] = field(default_factory=dict)  # suffix -> the report's text


# The consistency report a build leaves beside the warehouse, in every format CI reads.
REPORT_NAME = "consistency-report"
DOCUMENT_THREADS = 2  # documents staged side by side (`stage_documents`)
PARSE_CACHE = "parses.sqlite"  # the sentences' parses, by sentence, in the staging folder


def _report_json(warehouse: Path) -> Path:
    """The JSON form of the consistency report a build leaves beside `warehouse`."""
    return Path(warehouse).parent / f"{REPORT_NAME}.json"


def write_reports(summary: CheckSummary, folder: Path) -> list[Path]:
    """The build's consistency report beside the warehouse (`consistency-report.md`, `.json`,
    `.xml`): the report of the run that judged this build, published or refused."""
    return [
        write_text_whole(Path(folder) / f"{REPORT_NAME}{suffix}", text)
        for suffix, text in summary.reports.items()
    ]


def read_report(path: Path, pdf_workers: int = 1, departement: str | None = None) -> Document:
    """Pick the reader by file type; the PDF reader plugs in here. `departement`: the
    report's département, when given rather than read from the report."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        return read_text_export(path, departement)
    if path.suffix.lower() == ".pdf":
        # a daemonic process (a Dask worker) may not start the page-reading processes
        workers = 1 if current_process().daemon else pdf_workers
        return read_pdf(path, workers=workers, departement=departement)
    raise SourceError(f"{path.name}: unknown report format {path.suffix!r} (expected .txt or .pdf)")


def _read(path: Path, columns: list[str] | None) -> pd.DataFrame:
    con = duckdb.connect()
    try:
        frame = con.execute("select * from read_parquet(?)", [str(path)]).df()
    finally:
        con.close()
    if columns is not None:
        frame = frame.reindex(columns=columns)
    for column in _NULLABLE_INTS:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def write_staging(frames: StagingFrames, staged: StagedSource) -> StagedSource:
    Path(staged.folder).mkdir(parents=True, exist_ok=True)
    for table in _TABLES:
        _write(getattr(frames, table), staged.path(table))
    return staged


def read_staging(staged: StagedSource) -> StagingFrames:
    return StagingFrames(
        **{table: _read(staged.path(table), cols) for table, cols in _TABLES.items()}
    )


@cache
def code_version() -> str:
    """A hash of the code and catalogs that turn a source into staging files (the communes'
    and EPCIs' lists among them: a sentence's figure is about the commune it names, and an
    EPCI's name holds none)."""
    digest = hashlib.sha256()
    files = sorted(
        [
            *PROJECT_ROOT.glob("pipelines/**/*.py"),
            *PROJECT_ROOT.glob("schemas/**/*"),
            COMMUNES,
            EPCI,
        ]
    )
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ReportFile(NamedTuple):
    """A report to build from, and its département when it is given rather than read (and
    by whom: the user, or the warehouse that holds it)."""

    path: Path
    departement: str | None = None
    departement_source: str = GIVEN


def stage_report(
    path: Path,
    staging_dir: Path,
    pdf_workers: int = 1,
    departement: str | None = None,
    departement_source: str = GIVEN,
) -> StagedSource:
    """Read and extract one report into raw staging files, reused while neither the file nor
    the code changes (reading a PDF is the slow part of a build), nor the département given."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such report file")
    folder = Path(staging_dir) / f"{file_sha256(path)[:16]}-{code_version()[:12]}"
    manifest = folder / "extracted" / "source.json"
    for stage in ("extracted", "validated"):  # what a killed build left half-written
        remove_leftovers(folder / stage)
    if manifest.is_file():  # the folder is where the cache is now, not where it was written
        problem = _cache_problem(folder)
        cached = json.loads(manifest.read_text(encoding="utf-8")) if problem is None else {}
        holds = (  # the département given, or read from the text when none is given
            cached.get("departement_code") == departement
            if departement is not None
            else cached.get("departement_source") != GIVEN
        )
        if problem is None and holds and _year_still_holds(cached, path):
            where = {
                "folder": str(folder / "extracted"),
                "extracted": False,
                "source_path": str(path.resolve()),
                "source_file": path.name,  # a renamed copy: the name of the file read now
            }
            if str(cached.get("year_source", "")).startswith("the file name"):
                where["year_source"] = f"the file name {path.name!r}"
            return StagedSource(**(cached | where))
        if problem is not None:
            set_aside(folder, problem, Path(staging_dir))
        else:  # another year or département for the same content: extracted again, anew
            shutil.rmtree(folder, ignore_errors=True)
    document = read_report(path, pdf_workers, departement)
    if departement is not None:
        document.departement_source = departement_source
    diagnose_document(document)  # a scan, lost glyphs, lost TABs: one cause, not 1 000 failures
    entities = load_entity_catalog(document.departement_code)
    if not entities.has_catalog:
        log.warning(
            "%s: no structure catalog for département %s: every figure on the département",
            path.name, document.departement_code,
        )  # fmt: skip
    parses = ParseCache(Path(staging_dir) / PARSE_CACHE)
    extraction = extract_report(document, load_indicator_catalog(), entities, parses)
    diagnose_extraction(document, extraction)
    staged = StagedSource(
        document.source_file,
        document.sha256,
        document.source_kind,
        document.report_year,
        str(folder / "extracted"),
        source_path=str(path.resolve()),
        year_source=document.year_source,
        departement_code=document.departement_code,
        departement_source=document.departement_source,
    )
    write_staging(integrity.screen(frames_of(document, extraction), path), staged)
    _write_marker(manifest, staged.to_dict())  # written last
    return replace(staged, extracted=True)


def _year_still_holds(cached: dict, path: Path) -> bool:
    """A cached extraction whose year came from the file's name serves a renamed copy only if
    the new name gives the same year (the content alone does not say it)."""
    source = str(cached.get("year_source", ""))
    if not source.startswith("the file name"):
        return True
    try:
        return report_year("", path).year == cached.get("report_year")
    except SourceError:
        return False


def _cache_problem(folder: Path) -> str | None:
    """Why a cached source's staging files cannot serve (a file damaged or missing while
    its done-marker stays), or None."""
    for stage in ("extracted", "validated"):
        marker = folder / stage / "source.json"
        if stage == "validated" and not marker.exists():
            continue
        try:
            json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            return f"{stage}/source.json: {err}"
        for table in _TABLES:
            problem = parquet_problem(folder / stage / f"{table}.parquet")
            if problem is not None:
                return f"{stage}/{table}.parquet: {problem}"
    return None


@dataclass(frozen=True)
class StagedReference:
    """The reference tables (entities, councillors, mapping) and one figure source per year."""

    folder: str
    label: str
    sources: tuple[StagedSource, ...]

    def path(self, table: str) -> Path:
        return Path(self.folder) / f"{table}.parquet"


REFERENCE_TABLES = ("entities", "councillors", "territory_epci")


def _write_marker(path: Path, content: dict) -> None:
    """A small JSON file written last and whole: what it describes is complete."""
    write_text_whole(path, json.dumps(content))


def stage_reference(
    reference_dir: Path, report_years: list[int], staging_dir: Path
) -> StagedReference:
    """Verify the reference files; stage their tables, and their figures for each report year.

    The sha256 of every file is verified at every build; the files are read and validated
    (row counts included) only when the manifest or the code changed."""
    manifest, manifest_sha256 = verify_reference(reference_dir)
    departement = reference_departement(manifest)
    folder = Path(staging_dir) / f"reference-{manifest_sha256[:12]}-{code_version()[:12]}"
    problem = _reference_cache_problem(folder, report_years)
    if problem is not None:
        set_aside(folder, problem, Path(staging_dir))
    folder.mkdir(parents=True, exist_ok=True)
    ref: ReferenceData | None = None
    if not (folder / "tables.json").is_file():
        ref = read_reference(reference_dir)
        tables = {
            "entities": reference_entities(ref),
            "councillors": ref.councillors,
            "territory_epci": ref.territory_epci,
        }
        for name, frame in tables.items():
            _write(frame, folder / f"{name}.parquet")
        _write_marker(folder / "tables.json", {"tables": list(tables)})
    sources = []
    for year in sorted(set(report_years)):
        staged = StagedSource(
            "manifest.json",
            manifest_sha256,
            "reference",
            year,
            str(folder / str(year) / "extracted"),
            departement_code=departement,
        )
        if not (Path(staged.folder) / "source.json").is_file():
            ref = ref or read_reference(reference_dir)
            figures = reference_figures(ref, year, load_entity_catalog(departement))
            write_staging(empty_frames(figures=figures), staged)
            _write_marker(Path(staged.folder) / "source.json", staged.to_dict())
        sources.append(staged)
    label = f"{manifest['package']} {manifest['version']}"
    return StagedReference(str(folder), label, tuple(sources))


def reference_departement(manifest: dict) -> str:
    """The département the reference files are of (their manifest says it)."""
    code = manifest.get("department")
    if not isinstance(code, str) or not code:
        raise SourceError("reference manifest.json: no 'department'; run refresh-reference")
    return code


def _reference_cache_problem(folder: Path, report_years: list[int]) -> str | None:
    """Why the cached reference tables or figures cannot serve, or None."""
    if (folder / "tables.json").is_file():
        for name in REFERENCE_TABLES:
            problem = parquet_problem(folder / f"{name}.parquet")
            if problem is not None:
                return f"{name}.parquet: {problem}"
    for year in sorted(set(report_years)):
        extracted = folder / str(year) / "extracted"
        if (extracted / "source.json").is_file():
            for table in _TABLES:
                problem = parquet_problem(extracted / f"{table}.parquet")
                if problem is not None:
                    return f"{year}/extracted/{table}.parquet: {problem}"
    return None


def validate_staged(staged: StagedSource) -> StagedSource:
    """Validate the staging files; valid rows and rejects go to a `validated` folder (reused:
    the staging folder is keyed by the source's content and the code's version)."""
    target = replace(staged, folder=str(Path(staged.folder).parent / "validated"))
    done = Path(target.folder) / "source.json"
    if done.is_file():
        return target
    write_staging(validate_staging(read_staging(staged)), target)
    _write_marker(done, target.to_dict())
    return target


def load_candidate(
    validated: list[StagedSource], warehouse: Path, reference: StagedReference | None = None
) -> Path:
    """Load validated sources into a new, empty candidate warehouse; returns its path."""
    one_source_per_kind(validated)
    candidate = wh.new_candidate(warehouse)
    try:
        with wh.connect(candidate, read_only=False) as con:
            con.execute("begin transaction")
            departements = sorted({s.departement_code for s in validated})
            wh.refresh_dimensions(
                con, load_indicator_catalog(), *(load_entity_catalog(d) for d in departements)
            )
            if reference is not None:
                tables = {name: _read(reference.path(name), None) for name in REFERENCE_TABLES}
                wh.load_reference_tables(con, **tables)
            for staged in validated:
                wh.load_source(con, read_staging(staged), staged.to_dict())
            indicators = con.execute(
                "select indicator_code, indicator_label, unit from dim_indicator"
            ).df()
            wh.load_concept_map(con, map_concepts(indicators, load_indicator_catalog()))
            con.execute("commit")
    except BaseException:
        wh.discard(candidate)
        raise
    return candidate


def held_reports(warehouse: Path, reports: list[Path]) -> list[ReportFile]:
    """The report files of the live warehouse that this build was not given, with their
    département: a build starts from empty, so the years it does not rebuild are read again
    (from the staging cache while neither file nor code changed)."""
    given = {Path(p).resolve() for p in reports}
    held = []
    for source in wh.held_sources(warehouse):
        if not source["source_path"]:
            continue
        path = Path(source["source_path"])
        if path.resolve() in given:
            continue
        if not path.is_file():
            raise SourceError(
                f"{path}: the warehouse holds report year {source['report_year']} "
                f"({source['source_kind']}, département {source.get('departement_code')}) from "
                "this file, which is gone; restore it, or "
                "build into another warehouse"
            )
        code = source.get("departement_code")
        code = code if isinstance(code, str) and code else None  # an older warehouse: read it
        held.append(ReportFile(path, code, "the warehouse, which holds it"))
    return held


def source_key(source: StagedSource) -> tuple[str, int, str]:
    """What a source is loaded for: a build replaces what it reads for (département, report
    year, kind), and nothing else."""
    return (source.departement_code, source.report_year, source.source_kind)


def without_replaced(validated: list[StagedSource], held: list[ReportFile]) -> list[StagedSource]:
    """Drop the held sources whose département, year and kind a given source replaces."""
    held_paths = {r.path.resolve() for r in held}

    def is_held(source: StagedSource) -> bool:
        return bool(source.source_path) and Path(source.source_path).resolve() in held_paths

    given = {source_key(s) for s in validated if not is_held(s)}
    return [s for s in validated if not (is_held(s) and source_key(s) in given)]


def one_source_per_kind(sources: list[StagedSource]) -> None:
    """Two sources of one kind for one year of one département would replace each other:
    refuse them."""
    seen: dict[tuple[str, int, str], StagedSource] = {}
    for source in sources:
        key = source_key(source)
        if key in seen and seen[key].source_sha256 != source.source_sha256:
            raise SourceError(
                f"{seen[key].source_file} and {source.source_file}: two {source.source_kind} "
                f"sources for report year {source.report_year} of département "
                f"{source.departement_code}; give one of them"
            )
        seen[key] = source


def check_warehouse(path: Path, keep_runs: int = Settings.check_history_runs) -> CheckSummary:
    """Run the SQL cross-checks against a warehouse being built: the run is stored in it (its
    `v_check_result`) and in the check history beside it."""
    with wh.connect(path, read_only=False) as con:
        run = run_checks(con)
        record_run(con, run)
    store = check_history_dir_for(path)
    changes = check_history.changes_since_previous(run, store)
    check_history.append(run, store, keep_runs)
    with wh.connect(path, read_only=False) as con:
        check_history.copy_into(con, store, skip_run=run.run_id)
    findings = run.results[run.results.status != "pass"][
        ["check_id", "status", "accepted", "entity_code", "indicator_code", "expected", "observed",
         "delta", "message"]
    ]  # fmt: skip
    return CheckSummary(
        run.run_id,
        summary(run),
        run.errors,
        run.gate(),
        to_markdown(run, changes),
        findings.astype(object).where(findings.notna(), None).to_dict("records"),
        {suffix: render(run, fmt, changes) for suffix, fmt in SUFFIXES.items()},
    )


def check_published(
    warehouse: Path,
    baseline: list[Accepted] | None = None,
    keep_runs: int = Settings.check_history_runs,
) -> tuple[CheckRun, check_history.Changes]:
    """Run the checks on a published warehouse, read-only; the run goes to the history only."""
    with wh.connect(warehouse, read_only=True) as con:
        run = run_checks(con, baseline=baseline)
    store = check_history_dir_for(warehouse)
    changes = check_history.changes_since_previous(run, store)
    try:
        check_history.append(run, store, keep_runs)
    except OSError as err:  # a read-only folder: the report is still worth having
        log.warning(
            "%s: this check run is not kept in the history (%s)", store, err.strerror or err
        )
    return run, changes


@contextmanager
def exclusive_build(warehouse: Path, *, timeout: float | None = None) -> Iterator[list[Path]]:
    """Hold the warehouse's writer lock; first remove what killed builds left behind."""
    with locking.writer_lock(warehouse, purpose="indicators build", timeout=timeout):
        yield wh.remove_leftovers(warehouse)


def publish_gated(
    candidate: Path, warehouse: Path, gate: list[str], publish_anyway: bool = False
) -> Path:
    """Publish a checked candidate, or keep it aside and raise `GateFailed`."""
    if gate and not publish_anyway:
        kept = wh.keep_rejected(candidate, warehouse)
        raise GateFailed(warehouse, kept, gate)
    return wh.publish(candidate, warehouse)


def stage_documents(
    reports: list[ReportFile], staging_dir: Path, pdf_workers: int = 1
) -> list[StagedSource]:
    """Read, extract and validate each report document, two side by side (threads): while
    one waits for its PDF pages' processes, the other is extracted; both share one model and
    one parse of the sentences they both state. A document's own error is raised, by name."""

    def stage(r: ReportFile) -> StagedSource:
        path = Path(r.path)
        return validate_staged(
            stage_report(path, staging_dir, pdf_workers, r.departement, r.departement_source)
        )

    if len(reports) < 2 or DOCUMENT_THREADS < 2:
        return [stage(r) for r in reports]
    with ThreadPoolExecutor(max_workers=DOCUMENT_THREADS) as pool:
        return list(pool.map(stage, reports))


def validate_each(sources: list[StagedSource]) -> list[StagedSource]:
    """Validate staged sources one after the other (the flow fans them out as tasks)."""
    return [validate_staged(source) for source in sources]


def _no_report(summary: CheckSummary) -> None:
    """Without Prefect, the consistency report is what `indicators check` writes."""
    del summary


@dataclass(frozen=True)
class BuildSteps:
    """How each step of a build runs: as plain calls (the default), or as the flow's tasks
    (`pipelines.run.flows`), which fan the documents out and leave artifacts."""

    stage_documents: Callable[[list[ReportFile], Path, int], list[StagedSource]] = stage_documents
    stage_reference: Callable[[Path, list[int], Path], StagedReference] = stage_reference
    validate: Callable[[list[StagedSource]], list[StagedSource]] = validate_each
    load: Callable[[list[StagedSource], Path, StagedReference | None], Path] = load_candidate
    check: Callable[[Path, int], CheckSummary] = check_warehouse
    report: Callable[[CheckSummary], None] = _no_report
    publish: Callable[[Path, Path, list[str], bool], Path] = publish_gated


@dataclass(frozen=True)
class BuildResult:
    warehouse: Path
    sources: list[StagedSource]
    summary: CheckSummary
    reused: bool = False  # an unchanged build: the published warehouse and its check run


def run_build(
    reports: list[Path],
    warehouse: Path,
    reference_dir: Path = REFERENCE_DIR,
    *,
    settings: Settings,
    publish_anyway: bool = False,
    how: BuildSteps = BuildSteps(),
    departement: str | None = None,
    rebuild: bool = False,
) -> BuildResult:
    """The build, written once (call it under `exclusive_build`): every report, and the other
    years the warehouse holds (a build starts from empty); the reference files for each year;
    validation; a new candidate loaded, checked, then published or kept aside. Unless
    `rebuild`, a build whose inputs, code and SQL the published warehouse was built from
    (`reuse`) is that warehouse and its check run: nothing read, loaded or checked."""
    warehouse = Path(warehouse)
    staging = settings.staging_for(warehouse)
    reports = [Path(p) for p in reports]
    held = held_reports(warehouse, reports)
    given = [ReportFile(p, departement) for p in reports]
    build = reuse.fingerprint(
        [(r.path, r.departement, r.departement_source) for r in (*given, *held)],
        Path(reference_dir), code_version(), settings.check_history_runs,
    )  # fmt: skip
    reused = None if rebuild else reuse.reusable(warehouse, build, _report_json(warehouse))
    if reused is not None:
        summary = CheckSummary(reused.run_id, reused.counts, {}, [], "", [])
        return BuildResult(warehouse, [], summary, reused=True)
    validated = without_replaced(
        how.stage_documents([*given, *held], staging, settings.pdf_workers), held
    )
    reference = how.stage_reference(
        Path(reference_dir), [s.report_year for s in validated], staging
    )
    validated += how.validate(list(reference.sources))
    candidate = how.load(validated, warehouse, reference)
    try:
        summary = how.check(candidate, settings.check_history_runs)
        how.report(summary)
        if not summary.gate:
            reuse.record(candidate, build, summary.run_id, summary.counts)
        published = how.publish(candidate, warehouse, summary.gate, publish_anyway)
    except BaseException:
        wh.discard(candidate)
        raise
    if not summary.gate:
        reuse.record_published(published)
    else:
        reuse.meta_file(published).unlink(missing_ok=True)
    return BuildResult(published, validated, summary)


def build(
    reports: list[Path],
    warehouse: Path,
    reference_dir: Path = REFERENCE_DIR,
    *,
    publish_anyway: bool = False,
    lock_timeout: float | None = None,
    settings: Settings | None = None,
    departement: str | None = None,
    rebuild: bool = False,
) -> Path:
    """The whole build without Prefect, in one process, holding the writer lock (settings:
    the caller's, else the environment's)."""
    settings = (settings or Settings.from_environment()).but(lock_timeout_s=lock_timeout)
    with exclusive_build(Path(warehouse), timeout=settings.lock_timeout_s):
        result = run_build(
            reports, warehouse, reference_dir, settings=settings,
            publish_anyway=publish_anyway, departement=departement, rebuild=rebuild,
        )  # fmt: skip
    return result.warehouse
