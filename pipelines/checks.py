"""Generic runner of the SQL cross-checks in `sql/checks/`, and the accepted-findings gate.

A check is a SQL file: a header of `-- key: value` lines (id, family, severity, description,
and optionally tolerance_abs, tolerance_rel, comparison, section, and `empty: ok` for a check
that may find nothing to compare), then one query returning
one row per comparison with `report_year, entity_code, indicator_code, expected, observed,
expected_source, observed_source` and optionally `tolerance` and `comparison` (override the
header for that row) and `message` (appended to the runner's own message, to say what the
numbers alone cannot). The runner applies tolerance and severity; no check has Python of its
own.

comparison `equal` (default): |observed - expected| <= tolerance passes.
comparison `at_most`: observed <= expected + tolerance passes (parts of a whole).

The accepted-findings baseline (`sql/checks/accepted.yaml`) lists the source's known
inconsistencies, each with a justification. A failure listed there is accepted; a failure
not listed fails CI, and so does a listed one that no longer reproduces (stale).
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import yaml

from pipelines.paths import SQL_CHECKS_DIR

SEVERITIES = ("warn", "error")
COMPARISONS = ("equal", "at_most")
BASELINE = SQL_CHECKS_DIR / "accepted.yaml"
_HEADER = re.compile(r"^--\s*(?P<key>[a-z_]+):\s*(?P<value>.+?)\s*$")
RESULT_COLUMNS = [
    "run_id", "check_id", "family", "severity", "status", "report_year", "entity_code",
    "indicator_code", "expected", "observed", "delta", "tolerance", "message",
    "expected_source", "observed_source", "accepted", "justification",
]  # fmt: skip


class CheckDefinitionError(ValueError):
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


def parse_check(path: Path) -> Check:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match is None:
            if line.startswith("--"):
                continue
            break
        header.setdefault(match["key"], match["value"])
    missing = {"id", "family", "severity", "description"} - header.keys()
    if missing:
        raise CheckDefinitionError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    if header["severity"] not in SEVERITIES:
        raise CheckDefinitionError(
            f"{path.name}: severity {header['severity']!r} is not one of {SEVERITIES}"
        )
    comparison = header.get("comparison", "equal")
    if comparison not in COMPARISONS:
        raise CheckDefinitionError(
            f"{path.name}: comparison {comparison!r} is not one of {COMPARISONS}"
        )
    if path.stem != header["id"]:
        raise CheckDefinitionError(f"{path.name}: id {header['id']!r} differs from the file name")
    return Check(
        check_id=header["id"],
        family=header["family"],
        severity=header["severity"],
        description=header["description"],
        tolerance_abs=float(header.get("tolerance_abs", 0)),
        tolerance_rel=float(header.get("tolerance_rel", 0)),
        comparison=comparison,
        section=header.get("section", ""),
        sql=text,
        path=path,
        empty_ok=header.get("empty", "").startswith("ok"),
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


def evaluate(check: Check, row: dict) -> dict:
    """Status of one comparison: pass within tolerance, else the check's severity."""
    expected, observed = _number(row.get("expected")), _number(row.get("observed"))
    tolerance = _number(row.get("tolerance"))
    if tolerance is None:
        base = abs(expected) if expected is not None else 0.0
        tolerance = max(check.tolerance_abs, check.tolerance_rel * base)
    comparison = _text(row.get("comparison")) or check.comparison
    failing_status = "fail" if check.severity == "error" else "warn"
    if expected is None or observed is None:
        status, delta = failing_status, None
        side = "expected" if expected is None else "observed"
        message = f"{check.description} The {side} figure is missing."
    else:
        delta = round(observed - expected, 6)
        holds = (
            delta <= tolerance + 1e-9 if comparison == "at_most" else abs(delta) <= tolerance + 1e-9
        )
        status = "pass" if holds else failing_status
        bound = "at most " if comparison == "at_most" else ""
        message = (
            f"{check.description} Expected {bound}{expected:g}, observed {observed:g}, "
            f"delta {delta:+g} (tolerance {tolerance:g})."
        )
    return {
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


@dataclass(frozen=True)
class Accepted:
    check_id: str
    entity_code: str
    indicator_code: str
    justification: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.check_id, self.entity_code, self.indicator_code)


def load_baseline(path: Path = BASELINE) -> list[Accepted]:
    if not Path(path).is_file():
        return []
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    accepted = []
    for number, entry in enumerate(entries, start=1):
        missing = {"check", "entity", "indicator", "why"} - set(entry)
        if missing:
            raise CheckDefinitionError(f"{Path(path).name} entry {number}: lacks {sorted(missing)}")
        if not str(entry["why"]).strip():
            raise CheckDefinitionError(f"{Path(path).name} entry {number}: empty justification")
        accepted.append(
            Accepted(entry["check"], str(entry["entity"]), entry["indicator"], entry["why"])
        )
    return accepted


@dataclass
class CheckRun:
    run_id: str
    results: pd.DataFrame
    errors: dict[str, str]  # check id -> why it could not run
    stale: list[Accepted] = field(default_factory=list)  # accepted findings no longer found

    @property
    def new_failures(self) -> pd.DataFrame:
        failing = self.results[(self.results.status == "fail") & ~self.results.accepted]
        return failing[~failing.check_id.isin(self.errors)]

    def gate(self) -> list[str]:
        """Why CI must fail, one line each; empty when it may pass."""
        reasons = [f"check {c} could not run: {e}" for c, e in self.errors.items()]
        reasons += [
            f"new failure: {r.check_id} {r.entity_code} {r.indicator_code}: {r.message}"
            for r in self.new_failures.itertuples()
        ]
        reasons += [
            f"stale baseline entry: {a.check_id} {a.entity_code} {a.indicator_code} "
            "no longer fails; remove it from accepted.yaml"
            for a in self.stale
        ]
        return reasons


def apply_baseline(
    results: pd.DataFrame, baseline: list[Accepted]
) -> tuple[pd.DataFrame, list[Accepted]]:
    """Mark failures the baseline accepts; return the entries that matched no failure."""
    by_key = {a.key: a for a in baseline}
    keys = list(zip(results.check_id, results.entity_code, results.indicator_code, strict=True))
    failing = (results.status == "fail").tolist()
    accepted = [fails and key in by_key for key, fails in zip(keys, failing, strict=True)]
    results = results.assign(
        accepted=accepted,
        justification=[
            by_key[k].justification if a else None for k, a in zip(keys, accepted, strict=True)
        ],
    )
    matched = {k for k, a in zip(keys, accepted, strict=True) if a}
    return results, [a for a in baseline if a.key not in matched]


def run_checks(
    con: duckdb.DuckDBPyConnection,
    checks: list[Check] | None = None,
    baseline: list[Accepted] | None = None,
) -> CheckRun:
    """Run every check, apply the baseline, store the results as a new run, return them.

    Queries run first, each on its own, so that one broken check cannot abort the others;
    the results are then written in one transaction.
    """
    checks = load_checks() if checks is None else checks
    baseline = load_baseline() if baseline is None else baseline
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    rows: list[dict] = []
    errors: dict[str, str] = {}
    for check in checks:
        try:
            found = con.execute(check.sql).df().to_dict("records")
        except duckdb.Error as err:
            errors[check.check_id] = f"{type(err).__name__}: {err}"
            rows.append(
                {
                    "check_id": check.check_id, "family": check.family, "severity": "error",
                    "status": "fail", "message": f"check could not run: {err}",
                }
            )  # fmt: skip
            continue
        if not found and not check.empty_ok:
            errors[check.check_id] = "the check returned no comparison: its inputs are missing"
            rows.append(
                {
                    "check_id": check.check_id, "family": check.family, "severity": "error",
                    "status": "fail", "message": "check could not run: no figures to compare",
                }
            )  # fmt: skip
        rows.extend(evaluate(check, row) for row in found)
    results = pd.DataFrame(rows).reindex(columns=RESULT_COLUMNS[:-2]).assign(run_id=run_id)
    results, stale = apply_baseline(results, baseline)
    inputs = con.execute(
        "select report_year, source_kind, source_file, source_sha256 from dim_source order by all"
    ).df()
    con.execute("begin transaction")
    try:
        con.execute(
            "insert into check_run values (?, ?, ?)",
            [run_id, datetime.now(UTC), json.dumps(inputs.to_dict("records"))],
        )
        name = f"_results_{uuid.uuid4().hex}"
        con.register(name, results)
        con.execute(f"insert into check_result by name select * from {name}")
        con.unregister(name)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return CheckRun(run_id, results, errors, stale)
