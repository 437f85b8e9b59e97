"""Generic runner of the SQL cross-checks in `sql/checks/`.

A check is a SQL file: a header of `-- key: value` lines (id, family, severity, tolerance_abs,
tolerance_rel, description), then one query returning one row per comparison with
`report_year, entity_code, indicator_code, expected, observed, expected_source,
observed_source` and optionally `tolerance` (overrides the header) and `message` (appended to
the runner's own message, to say what the numbers alone cannot).
The runner applies the tolerance and the severity; no check has Python of its own.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.paths import SQL_CHECKS_DIR

SEVERITIES = ("warn", "error")
_HEADER = re.compile(r"^--\s*(?P<key>[a-z_]+):\s*(?P<value>.+?)\s*$")
RESULT_COLUMNS = [
    "run_id",
    "check_id",
    "family",
    "severity",
    "status",
    "report_year",
    "entity_code",
    "indicator_code",
    "expected",
    "observed",
    "delta",
    "tolerance",
    "message",
    "expected_source",
    "observed_source",
]


class CheckDefinitionError(ValueError):
    """A check file's header is incomplete or inconsistent."""


@dataclass(frozen=True)
class Check:
    check_id: str
    family: str
    severity: str
    description: str
    tolerance_abs: float
    tolerance_rel: float
    sql: str
    path: Path


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
    if path.stem != header["id"]:
        raise CheckDefinitionError(f"{path.name}: id {header['id']!r} differs from the file name")
    return Check(
        check_id=header["id"],
        family=header["family"],
        severity=header["severity"],
        description=header["description"],
        tolerance_abs=float(header.get("tolerance_abs", 0)),
        tolerance_rel=float(header.get("tolerance_rel", 0)),
        sql=text,
        path=path,
    )


def load_checks(folder: Path = SQL_CHECKS_DIR) -> list[Check]:
    return [parse_check(p) for p in sorted(Path(folder).glob("*.sql"))]


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def evaluate(check: Check, row: dict) -> dict:
    """Status of one comparison: pass within tolerance, else the check's severity."""
    expected, observed = _number(row.get("expected")), _number(row.get("observed"))
    tolerance = _number(row.get("tolerance"))
    if tolerance is None:
        base = abs(expected) if expected is not None else 0.0
        tolerance = max(check.tolerance_abs, check.tolerance_rel * base)
    failing_status = "fail" if check.severity == "error" else "warn"
    if expected is None or observed is None:
        status, delta = failing_status, None
        side = "expected" if expected is None else "observed"
        message = f"{check.description} The {side} figure is missing."
    else:
        delta = round(observed - expected, 6)
        status = "pass" if abs(delta) <= tolerance + 1e-9 else failing_status
        message = (
            f"{check.description} Expected {expected:g}, observed {observed:g}, "
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


@dataclass
class CheckRun:
    run_id: str
    results: pd.DataFrame
    errors: dict[str, str]  # check id -> why it could not run


def run_checks(con: duckdb.DuckDBPyConnection, checks: list[Check] | None = None) -> CheckRun:
    """Run every check, store the results as a new run, and return them.

    Queries run first, each on its own, so that one broken check cannot abort the others;
    the results are then written in one transaction.
    """
    checks = load_checks() if checks is None else checks
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
                    "check_id": check.check_id,
                    "family": check.family,
                    "severity": "error",
                    "status": "fail",
                    "message": f"check could not run: {err}",
                }
            )
            continue
        if not found:
            errors[check.check_id] = "the check returned no comparison: its inputs are missing"
            rows.append(
                {
                    "check_id": check.check_id,
                    "family": check.family,
                    "severity": "error",
                    "status": "fail",
                    "message": "check could not run: no figures to compare",
                }
            )
        rows.extend(evaluate(check, row) for row in found)
    results = pd.DataFrame(rows).reindex(columns=RESULT_COLUMNS).assign(run_id=run_id)
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
        con.execute(f"insert into check_result select {', '.join(RESULT_COLUMNS)} from {name}")
        con.unregister(name)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return CheckRun(run_id, results, errors)
