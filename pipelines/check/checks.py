"""Generic runner of the SQL cross-checks in `sql/checks/`, and the accepted-findings gate.

A check is two files of one name: `<id>.sql`, one query, and `<id>.yml`, what the query
means (in the manner of dbt's `schema.yml`): description, family, severity, and optionally
comparison, tolerance (`abs`, `rel`), section, `empty_ok` (a check that may find nothing to
compare), `parameters` (bound in the query as `$name`: tolerances and lists stay out of the
SQL) and `why`. The query returns one row per comparison with `report_year, entity_code,
indicator_code, expected, observed, expected_source, observed_source` and optionally
`tolerance` and `comparison` (override the metadata for that row) and `message` (appended to
the runner's own message, to say what the numbers alone cannot). The runner applies
tolerance and severity; no check has Python of its own.

comparison `equal` (default): |observed - expected| <= tolerance passes.
comparison `at_most`: observed <= expected + tolerance passes (parts of a whole).
comparison `overlap`: the row gives the interval each side stands for (`expected_low`,
`expected_high`, `observed_low`, `observed_high`; null is unbounded: "plus de 288 000" has no
upper end); the comparison passes when the intervals meet. Printed precision and qualifiers
make the intervals (see the view v_concept_figure).

A row may also name its `finding_key`: results of several checks with one key are one
inconsistency, reported once (by default: year, entity, indicator and both values).

The accepted-findings baseline (`sql/checks/accepted.yaml`) lists the source's known
inconsistencies, each with a justification, keyed by report year and by the two values it
accepts. A failure listed there is accepted; a failure not listed fails CI (another year, or a
changed value, is not the finding that was reviewed), and so does a listed one that no longer
reproduces (stale). Running the checks writes nothing: the caller stores the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import yaml

from pipelines.errors import IndicatorsError
from pipelines.read.numbers import format_fr
from pipelines.settings import SQL_CHECKS_DIR
from schemas.catalog import load_entity_catalog, yaml_error

SEVERITIES = ("warn", "error")
COMPARISONS = ("equal", "at_most", "overlap")
BASELINE = SQL_CHECKS_DIR / "accepted.yaml"
METADATA_KEYS = {
    "description", "family", "severity", "comparison", "tolerance", "section", "empty_ok",
    "parameters", "why",
}  # fmt: skip
RESULT_COLUMNS = [
    "run_id", "check_id", "family", "severity", "status", "report_year", "entity_code",
    "indicator_code", "expected", "observed", "delta", "tolerance", "message",
    "expected_source", "observed_source", "finding_key", "accepted", "justification",
]  # fmt: skip
_EPSILON = 1e-9
REVIEW_MARK = "TO REVIEW"  # what `indicators baseline` writes for a finding nobody has justified


class CheckDefinitionError(IndicatorsError, ValueError):
    """A check file's header, or the baseline, is incomplete or inconsistent."""


@dataclass(frozen=True)
class Check:
    check_id: str
    family: str
    severity: str
    description: str
    tolerance_abs: float
    tolerance_rel: float
    comparison: str
    section: str
    sql: str
    path: Path
    empty_ok: bool = False  # no comparison is fine (e.g. PDF vs text when one is not loaded)
    parameters: dict[str, object] = field(default_factory=dict, hash=False)  # the SQL's $name
    why: str = ""


def _metadata(path: Path) -> dict:
    """The check's YAML file, beside its query; a clear error when absent or malformed."""
    yml = path.with_suffix(".yml")
    if not yml.is_file():
        raise CheckDefinitionError(f"{path.name}: no {yml.name} beside it (what the check means)")
    try:
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CheckDefinitionError(yaml_error(yml, err)) from err
    if not isinstance(data, dict):
        raise CheckDefinitionError(f"{yml.name}: expected a mapping of keys to values")
    unknown = set(data) - METADATA_KEYS
    if unknown:
        raise CheckDefinitionError(f"{yml.name}: unknown key {', '.join(sorted(unknown))}")
    return data


def parse_check(path: Path) -> Check:
    """A check from its query (`<id>.sql`) and its metadata (`<id>.yml`)."""
    meta = _metadata(path)
    yml = path.with_suffix(".yml").name
    missing = {"family", "severity", "description"} - meta.keys()
    if missing:
        raise CheckDefinitionError(f"{yml}: lacks {', '.join(sorted(missing))}")
    if meta["severity"] not in SEVERITIES:
        raise CheckDefinitionError(
            f"{yml}: severity {meta['severity']!r} is not one of {SEVERITIES}"
        )
    comparison = meta.get("comparison", "equal")
    if comparison not in COMPARISONS:
        raise CheckDefinitionError(f"{yml}: comparison {comparison!r} is not one of {COMPARISONS}")
    tolerance = meta.get("tolerance") or {}
    parameters = meta.get("parameters") or {}
    if not isinstance(tolerance, dict) or set(tolerance) - {"abs", "rel"}:
        raise CheckDefinitionError(f"{yml}: tolerance takes `abs` and `rel`")
    if not isinstance(parameters, dict):
        raise CheckDefinitionError(f"{yml}: parameters: expected a mapping of names to values")
    return Check(
        check_id=path.stem,
        family=str(meta["family"]),
        severity=meta["severity"],
        description=str(meta["description"]),
        tolerance_abs=float(tolerance.get("abs", 0)),
        tolerance_rel=float(tolerance.get("rel", 0)),
        comparison=comparison,
        section=str(meta.get("section", "")),
        sql=path.read_text(encoding="utf-8"),
        path=path,
        empty_ok=bool(meta.get("empty_ok", False)),
        parameters=parameters,
        why=str(meta.get("why", "")),
    )


def load_checks(folder: Path = SQL_CHECKS_DIR) -> list[Check]:
    return [parse_check(p) for p in sorted(Path(folder).glob("*.sql"))]


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def _number(value: object) -> float | None:
    text = _text(value)
    return None if text is None else float(value)  # type: ignore[arg-type]


def _bounds(low: float | None, high: float | None) -> str:
    ends = (format_fr(end) if end is not None else "…" for end in (low, high))
    return "[{} ; {}]".format(*ends)


def _overlaps(row: dict) -> tuple[bool, str | None]:
    """Whether the two intervals of an `overlap` row meet, and how to say it (None when both
    are single exact values)."""
    e_low, e_high = _number(row.get("expected_low")), _number(row.get("expected_high"))
    o_low, o_high = _number(row.get("observed_low")), _number(row.get("observed_high"))
    meets = (o_low is None or e_high is None or o_low <= e_high + _EPSILON) and (
        o_high is None or e_low is None or o_high >= e_low - _EPSILON
    )
    if e_low is not None and e_low == e_high and o_low is not None and o_low == o_high:
        return meets, None
    return meets, f"intervals {_bounds(e_low, e_high)} and {_bounds(o_low, o_high)}"


def default_finding_key(row: dict) -> str:
    """One inconsistency, whichever check sees it: year, entity, indicator and both values."""
    parts = (row.get("report_year"), row.get("entity_code"), row.get("indicator_code"))
    values = sorted(format_fr(_number(row.get(k))) for k in ("expected", "observed"))
    return "|".join([*(_text(p) or "" for p in parts), *values])


def evaluate(check: Check, row: dict) -> dict:
    """Status of one comparison: pass within tolerance, else the check's severity."""
    expected, observed = _number(row.get("expected")), _number(row.get("observed"))
    tolerance = _number(row.get("tolerance"))
    comparison = _text(row.get("comparison")) or check.comparison
    if tolerance is None and comparison != "overlap":
        base = abs(expected) if expected is not None else 0.0
        tolerance = max(check.tolerance_abs, check.tolerance_rel * base)
    failing_status = "fail" if check.severity == "error" else "warn"
    if expected is None or observed is None:
        status, delta = failing_status, None
        side = "expected" if expected is None else "observed"
        message = f"{check.description} The {side} figure is missing."
    else:
        delta = round(observed - expected, 6)
        if comparison == "overlap":
            holds, how = _overlaps(row)
            stated = (
                f"{check.description} Expected {format_fr(expected)}, observed "
                f"{format_fr(observed)}, delta {'+' if delta >= 0 else ''}{format_fr(delta)}"
            )
            if how is None:  # two exact figures
                message = f"{stated} (both exact)."
            else:
                message = f"{stated}: the {how} {'meet' if holds else 'do not meet'}."
        else:
            tol = tolerance or 0.0
            holds = (
                delta <= tol + _EPSILON if comparison == "at_most" else abs(delta) <= tol + _EPSILON
            )
            bound = "at most " if comparison == "at_most" else ""
            message = (
                f"{check.description} Expected {bound}{format_fr(expected)}, observed "
                f"{format_fr(observed)}, delta {'+' if delta >= 0 else ''}{format_fr(delta)} "
                f"(tolerance {format_fr(tol)})."
            )
        status = "pass" if holds else failing_status
    result = {
        "check_id": check.check_id,
        "family": check.family,
        "severity": check.severity,
        "status": status,
        "report_year": row.get("report_year"),
        "entity_code": row.get("entity_code"),
        "indicator_code": row.get("indicator_code"),
        "expected": expected,
        "observed": observed,
        "delta": delta,
        "tolerance": tolerance,
        "message": f"{message} {note}" if (note := _text(row.get("message"))) else message,
        "expected_source": row.get("expected_source"),
        "observed_source": row.get("observed_source"),
    }
    result["finding_key"] = _text(row.get("finding_key")) or default_finding_key(result)
    return result


@dataclass(frozen=True)
class Accepted:
    """A reviewed finding: this check, entity and indicator, in this report year, with these
    two values. Another year or another value is another finding, to be reviewed again."""

    check_id: str
    entity_code: str
    indicator_code: str
    report_year: int
    expected: float | None
    observed: float | None
    justification: str

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.check_id, self.entity_code, self.indicator_code, self.report_year)

    def matches(self, expected: float | None, observed: float | None) -> bool:
        return _same(self.expected, expected) and _same(self.observed, observed)


def _same(left: float | None, right: float | None) -> bool:
    if left is None or right is None:
        return left is None and right is None
    return abs(left - right) <= 1e-6 * max(1.0, abs(left))


def _baseline_entries(path: Path) -> list[tuple[int, dict]]:
    """The baseline's entries with the line each starts at; a YAML error names file and
    line."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError as err:
        raise CheckDefinitionError(yaml_error(path, err)) from None
    if node is None:  # only comments: no finding is accepted
        return []
    if not isinstance(entries, list):
        raise CheckDefinitionError(f"{path}:1: expected a list of accepted findings")
    lines = [item.start_mark.line + 1 for item in node.value]
    for line, entry in zip(lines, entries, strict=True):
        if not isinstance(entry, dict):
            raise CheckDefinitionError(f"{path}:{line}: an entry is a mapping (check: ...)")
    return list(zip(lines, entries, strict=True))


def load_baseline(path: Path = BASELINE, *, allow_unreviewed: bool = False) -> list[Accepted]:
    if not Path(path).is_file():
        return []
    accepted = []
    for number, (line, entry) in enumerate(_baseline_entries(path), start=1):
        where = f"{path}:{line}: entry {number}"
        missing = {"check", "entity", "indicator", "year", "expected", "observed", "why"} - set(
            entry
        )
        if missing:
            raise CheckDefinitionError(f"{where}: lacks {sorted(missing)}")
        why = str(entry["why"] or "").strip()
        if not why or (why.startswith(REVIEW_MARK) and not allow_unreviewed):
            raise CheckDefinitionError(
                f"{where} ({entry['check']} {entry['entity']} "
                f"{entry['indicator']}): no justification yet; review it or remove it"
            )
        try:
            year = int(str(entry["year"]))
            expected, observed = _number(entry["expected"]), _number(entry["observed"])
        except ValueError:
            raise CheckDefinitionError(
                f"{where}: year {entry['year']!r}, expected {entry['expected']!r} and observed "
                f"{entry['observed']!r} must be numbers"
            ) from None
        accepted.append(
            Accepted(
                entry["check"],
                str(entry["entity"]),
                str(entry["indicator"]),
                year,
                expected,
                observed,
                why,
            )
        )
    return accepted


@dataclass
class CheckRun:
    run_id: str
    started_at: datetime
    inputs: list[dict]  # the sources checked: year, kind, file, sha256
    results: pd.DataFrame
    errors: dict[str, str]  # check id -> why it could not run
    stale: list[Accepted] = field(default_factory=list)  # accepted findings no longer found

    @property
    def inputs_key(self) -> str:
        """The same inputs give the same key: runs of one warehouse content compare."""
        text = json.dumps(self.inputs, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def new_failures(self) -> pd.DataFrame:
        failing = self.results[(self.results.status == "fail") & ~self.results.accepted]
        return failing[~failing.check_id.isin(self.errors)]

    def gate(self) -> list[str]:
        """Why CI must fail, one line each; empty when it may pass."""
        reasons = [f"check {c} could not run: {e}" for c, e in self.errors.items()]
        # one line per inconsistency, naming every check that sees it
        for _, group in self.new_failures.groupby("finding_key", sort=False):
            first = group.iloc[0]
            check_ids = "+".join(dict.fromkeys(group.check_id))
            reasons.append(
                f"new failure: {check_ids} {first.entity_code} {first.indicator_code}: "
                f"{first.message}"
            )
        reasons += [
            f"stale baseline entry: {a.check_id} {a.entity_code} {a.indicator_code} "
            f"({a.report_year}) no longer fails with these values; remove it from accepted.yaml"
            for a in self.stale
        ]
        return reasons


def apply_baseline(
    results: pd.DataFrame,
    baseline: list[Accepted],
    departement_of: Mapping[str, str] | None = None,
    reports: set[tuple[str, int]] | None = None,
) -> tuple[pd.DataFrame, list[Accepted]]:
    """Mark failures the baseline accepts (same key, year and values); return the entries of
    the reports checked that matched no failure (stale). A report is a département's year
    (`reports`: those the warehouse holds; `departement_of`: each entity's département); an
    entry of another département's report, or of a year not held, is not stale: it says
    nothing of this run."""
    by_key: dict[tuple, list[Accepted]] = {}
    for known in baseline:
        by_key.setdefault(known.key, []).append(known)
    accepted_flags: list[bool] = []
    justifications: list[str | None] = []
    matched: set[int] = set()
    for row in results.to_dict("records"):
        year = row.get("report_year")
        key = (
            row["check_id"], row.get("entity_code"), row.get("indicator_code"),
            int(number) if (number := _number(year)) is not None else None,
        )  # fmt: skip
        entry: Accepted | None = None
        if row["status"] == "fail":
            entry = next(
                (
                    e
                    for e in by_key.get(key, [])
                    if e.matches(_number(row.get("expected")), _number(row.get("observed")))
                ),
                None,
            )
        accepted_flags.append(entry is not None)
        justifications.append(entry.justification if entry else None)
        if entry is not None:
            matched.add(id(entry))
    results = results.assign(accepted=accepted_flags)
    results["justification"] = justifications  # as assign would; its stub refuses None items
    if departement_of is None or reports is None:  # the years checked, whatever the département
        years = {int(y) for y in results["report_year"].dropna()}
        stale = [e for e in baseline if id(e) not in matched and e.report_year in years]
        return results, stale
    ran = set(results["check_id"])  # an entry of a check not run says nothing of this run
    stale = [
        e
        for e in baseline
        if id(e) not in matched
        and e.check_id in ran
        # an entity gone from the catalog: its code still says its département
        and (departement_of.get(e.entity_code, e.entity_code.split("-")[0]), e.report_year)
        in reports
    ]
    return results, stale


# "rapport-activites-2022.txt:1337" or "...txt:1337, 1429, 1524": lines of a text export
_EXPORT_LINES = re.compile(r"(?P<file>[^\s\"(]+\.txt):(?P<lines>\d+(?:, \d+)*)")


def pdf_pages(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], int]:
    """The PDF page of each line of the text export that prints the same figure (v_figure's
    pairing of the two renditions)."""
    try:
        rows = con.execute(
            "select text_file, text_line, min(pdf_page) from v_figure "
            "where text_line is not null and pdf_page is not null group by all"
        ).fetchall()
    except duckdb.Error:  # a warehouse without the view: the export's lines alone
        return {}
    return {(file, int(line)): int(page) for file, line, page in rows}


def with_pdf_pages(text: object, pages: dict[tuple[str, int], int]) -> object:
    """A source that names lines of the export, with the PDF pages beside them: a reviewer
    holding the PDF finds the figure ("...txt:1130 (PDF p.32)")."""
    if not isinstance(text, str) or not pages:
        return text

    def cite(match: re.Match[str]) -> str:
        lines = [int(line) for line in match["lines"].split(", ")]
        found = [pages[(match["file"], line)] for line in lines if (match["file"], line) in pages]
        if not found:
            return match.group(0)
        shown = ", ".join(str(page) for page in dict.fromkeys(found))
        return f"{match.group(0)} (PDF p.{shown})"

    return _EXPORT_LINES.sub(cite, text)


@dataclass(frozen=True)
class InputsExpected:
    """Whether every check's inputs are expected in the warehouse, and if not, why."""

    why: str = ""

    def __bool__(self) -> bool:
        return not self.why


def inputs_expected(con: duckdb.DuckDBPyConnection) -> InputsExpected:
    """Every check has inputs when the warehouse holds a report of a département with a
    structure catalog (its territories, offices, blocks) and the reference files it holds (if
    any) are of that département. Otherwise a check that compares nothing is not applicable,
    not broken: a warning that says why, not a failure."""
    reports = {
        str(code)
        for (code,) in con.execute(
            "select distinct departement_code from dim_source where source_kind <> 'reference'"
        ).fetchall()
    }
    references = {
        str(code)
        for (code,) in con.execute(
            "select distinct departement_code from dim_source where source_kind = 'reference'"
        ).fetchall()
    }
    catalogued = {code for code in reports if load_entity_catalog(code).has_catalog}
    if not reports or (catalogued and (not references or catalogued & references)):
        return InputsExpected()
    if not catalogued:
        return InputsExpected(
            "no report of a département with a structure catalog "
            f"(held: {', '.join(sorted(reports))})"
        )
    return InputsExpected(
        f"the reference files are of département {', '.join(sorted(references)) or 'none'}, "
        f"the reports of {', '.join(sorted(reports))}"
    )


# Views that several checks read, computed once per run into temporary tables of the same
# name (which the checks' queries then read): inlined into each check, the planner joined
# v_concept_figure with itself on (year, entity) alone and ran out of memory on 8 report
# years; computed once, every check of such a warehouse runs in a fraction of a second.
SHARED_VIEWS = ("v_report_figure", "v_concept_figure")


@contextmanager
def _shared_views_computed_once(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    made = []
    for view in SHARED_VIEWS:
        try:
            con.execute(f"create or replace temp table {view} as select * from main.{view}")
        except duckdb.Error:
            # no such view, or it cannot be computed: each check reads the view itself and
            # says what fails, on its own
            continue
        made.append(view)
    try:
        yield
    finally:
        for view in made:
            with contextlib.suppress(duckdb.Error):  # never hide the run's own error
                con.execute(f"drop table if exists temp.{view}")


def _run_each(
    con: duckdb.DuckDBPyConnection, checks: list[Check], expected: InputsExpected
) -> tuple[list[dict], dict[str, str]]:
    """Each check's query on its own, so that one broken check cannot abort the others."""
    rows: list[dict] = []
    errors: dict[str, str] = {}
    for check in checks:
        try:
            found = con.execute(check.sql, check.parameters).df().to_dict("records")
        except duckdb.Error as err:
            errors[check.check_id] = f"{type(err).__name__}: {err}"
            rows.append(
                {
                    "check_id": check.check_id, "family": check.family, "severity": "error",
                    "status": "fail", "message": f"check could not run: {err}",
                    "finding_key": f"not run|{check.check_id}",
                }
            )  # fmt: skip
            continue
        if not found and not check.empty_ok and not expected:
            rows.append(
                {
                    "check_id": check.check_id, "family": check.family, "severity": "warn",
                    "status": "warn", "message": f"no comparison: {expected.why}",
                    "finding_key": f"not applicable|{check.check_id}",
                }
            )  # fmt: skip
        elif not found and not check.empty_ok:
            errors[check.check_id] = "the check returned no comparison: its inputs are missing"
            rows.append(
                {
                    "check_id": check.check_id, "family": check.family, "severity": "error",
                    "status": "fail", "message": "check could not run: no figures to compare",
                    "finding_key": f"not run|{check.check_id}",
                }
            )  # fmt: skip
        rows.extend(evaluate(check, row) for row in found)
    return rows, errors


def run_checks(
    con: duckdb.DuckDBPyConnection,
    checks: list[Check] | None = None,
    baseline: list[Accepted] | None = None,
) -> CheckRun:
    """Run every check and apply the baseline; reads only (a read-only connection will do).

    Each query runs on its own, so that one broken check cannot abort the others. Storing
    the run is the caller's: `record_run` (the warehouse being built) and
    `pipelines.check.history` (every run, append-only).
    """
    checks = load_checks() if checks is None else checks
    baseline = load_baseline() if baseline is None else baseline
    started_at = datetime.now(UTC)
    run_id = f"{started_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    expected = inputs_expected(con)
    with _shared_views_computed_once(con):
        rows, errors = _run_each(con, checks, expected)
    results = pd.DataFrame(rows).reindex(columns=RESULT_COLUMNS[:-2]).assign(run_id=run_id)
    pages = pdf_pages(con)
    for column in ("expected_source", "observed_source"):
        results[column] = results[column].map(lambda text: with_pdf_pages(text, pages))
    departement_of = dict(
        con.execute("select entity_code, departement_code from dim_entity").fetchall()
    )
    reports = {
        (str(code), int(year))
        for code, year in con.execute(
            "select departement_code, report_year from dim_source where source_kind <> 'reference'"
        ).fetchall()
    }
    results, stale = apply_baseline(results, baseline, departement_of, reports)
    inputs = con.execute(
        "select departement_code, report_year, source_kind, source_file, source_sha256 "
        "from dim_source order by all"
    ).df()
    return CheckRun(run_id, started_at, inputs.to_dict("records"), results, errors, stale)


def record_run(con: duckdb.DuckDBPyConnection, run: CheckRun) -> None:
    """Store a run in the warehouse's own tables (the build's run: `v_check_result`)."""
    con.execute("begin transaction")
    try:
        con.execute(
            "insert into check_run values (?, ?, ?)",
            [run.run_id, run.started_at, json.dumps(run.inputs, default=str)],
        )
        name = f"_results_{uuid.uuid4().hex}"
        con.register(name, run.results)
        con.execute(f"insert into check_result by name select * from {name}")
        con.unregister(name)
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # a failed commit (disk full) ends it already
            con.execute("rollback")
        raise
