"""The consistency report: one check run rendered as Markdown, JSON or JUnit XML.

The report is read by reviewers (the Markdown fits a pull-request comment) and by CI (JUnit,
JSON). Every format says the same things: the gate's verdict and why, the distinct
inconsistencies found (results of several checks that share a finding key are one finding,
listed once with every check id), ranked by severity and size, each with both figures and
where they are printed; what is new and what was resolved since the previous run of the same
inputs; the passes, counted per check. Numbers are written as the report prints them
(`1 472 000`, `14,53`).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import pandas as pd

from pipelines.check.checks import CheckRun
from pipelines.check.history import Changes
from pipelines.errors import IndicatorsError
from pipelines.read.numbers import format_fr

FORMATS = ("md", "json", "junit")
SUFFIXES = {".md": "md", ".json": "json", ".xml": "junit"}
# A code host's comment holds 65 536 characters: the Markdown stays well below.
MAX_MARKDOWN_FINDINGS = 60
MAX_GATE_LINES = 20


def _fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_fr(float(value))
    return str(value)


def _records(results: pd.DataFrame) -> list[dict]:
    records = results.astype(object).where(results.notna(), None).to_dict("records")
    for record in records:
        if record.get("report_year") is not None:
            record["report_year"] = int(record["report_year"])
    return records


@dataclass(frozen=True)
class Finding:
    """One inconsistency: the results (of one or several checks) that share a finding key."""

    key: str
    kind: str  # error (fails the gate), accepted, warning
    check_ids: tuple[str, ...]
    row: dict  # the result that states it best (an error before a warning)
    size: float  # |delta| relative to the expected value, for ranking

    @property
    def title(self) -> str:
        year = f" ({self.row['report_year']})" if self.row.get("report_year") else ""
        what = " ".join(_fmt(self.row.get(k)) for k in ("entity_code", "indicator_code"))
        return f"{what.strip() or self.row['check_id']}{year}"


_KIND_ORDER = {"error": 0, "accepted": 1, "warning": 2}


def _kind(row: dict) -> str:
    if row["status"] == "warn":
        return "warning"
    return "accepted" if row["accepted"] else "error"


def _size(row: dict) -> float:
    """The gap relative to the expected value, for ranking (0 when unknown)."""
    expected, delta = row.get("expected"), row.get("delta")
    if delta is None or pd.isna(delta):
        return 0.0
    base = abs(expected) if expected is not None and not pd.isna(expected) else 0.0
    return abs(delta) / max(base, 1.0)


def findings(run: CheckRun) -> list[Finding]:
    """The distinct inconsistencies of a run, worst first, then largest first."""
    failing = run.results[run.results.status != "pass"]
    found = []
    for key, group in failing.groupby("finding_key", sort=False, dropna=False):
        rows = sorted(group.to_dict("records"), key=lambda r: (_KIND_ORDER[_kind(r)], -_size(r)))
        best = rows[0]
        checks = tuple(sorted({r["check_id"] for r in rows}))
        found.append(Finding(str(key), _kind(best), checks, best, _size(best)))
    found.sort(key=lambda f: (_KIND_ORDER[f.kind], -f.size, f.key))
    return found


def summary(run: CheckRun) -> dict[str, int]:
    counts = run.results["status"].value_counts()
    totals = {status: int(counts.get(status, 0)) for status in ("pass", "warn", "fail")}
    totals["accepted"] = int(run.results["accepted"].sum())
    totals["new_failures"] = int(run.new_failures.finding_key.nunique())
    totals["stale_baseline_entries"] = len(run.stale)
    totals["checks_not_run"] = len(run.errors)
    totals["distinct_findings"] = len(findings(run))
    return totals


def _verdict(run: CheckRun) -> str:
    return "FAILED" if run.gate() else "PASSED"


def _finding_lines(number: int, finding: Finding) -> list[str]:
    row = finding.row
    label = {"error": "error", "accepted": "accepted", "warning": "warning"}[finding.kind]
    lines = [
        f"**{number}. {label}: {finding.title}** (checks: {', '.join(finding.check_ids)})",
        "",
        f"{row['message']}",
        "",
        f"- expected: {_fmt(row.get('expected'))} from {row.get('expected_source') or '-'}",
        f"- observed: {_fmt(row.get('observed'))} from {row.get('observed_source') or '-'}",
    ]
    if finding.kind == "accepted":
        lines.append(f"- accepted because: {row.get('justification')}")
    return [*lines, ""]


def _per_check(run: CheckRun) -> pd.DataFrame:
    results = run.results
    table = (
        results.assign(n=1)
        .pivot_table(
            index=["family", "check_id"], columns="status", values="n", aggfunc="sum", fill_value=0
        )
        .reindex(columns=["pass", "warn", "fail"], fill_value=0)
        .reset_index()
    )
    return table.sort_values(["family", "check_id"])


def to_markdown(run: CheckRun, changes: Changes | None = None) -> str:
    results, totals = run.results, summary(run)
    found = findings(run)
    kinds = pd.Series([f.kind for f in found], dtype=object).value_counts()
    lines = [
        "# Consistency report",
        "",
        f"Gate: **{_verdict(run)}**. Run `{run.run_id}`: {len(results)} comparisons from "
        f"{results['check_id'].nunique()} checks, {totals['pass']} pass, {totals['warn']} warn, "
        f"{totals['fail']} fail ({totals['accepted']} accepted by the baseline).",
        "",
        f"Distinct findings: **{len(found)}**: {int(kinds.get('error', 0))} errors not accepted, "
        f"{int(kinds.get('accepted', 0))} accepted, {int(kinds.get('warning', 0))} warnings.",
        "",
    ]
    if changes is not None:
        if changes.previous_run_id is None:
            lines += ["First run of these inputs: nothing to compare with.", ""]
        else:
            lines += [
                f"Since the previous run of the same inputs (`{changes.previous_run_id}`): "
                f"{len(changes.new)} new, {len(changes.resolved)} resolved.",
                "",
            ]
    gate = run.gate()
    if gate:
        lines += ["## Why the gate fails", ""]
        lines += [f"- {reason}" for reason in gate[:MAX_GATE_LINES]]
        if len(gate) > MAX_GATE_LINES:
            lines.append(f"- … and {len(gate) - MAX_GATE_LINES} more (see the JSON report)")
        lines.append("")
    new_keys = set(changes.new) if changes is not None and changes.previous_run_id else set()
    if found:
        lines += ["## Findings, worst first", ""]
        for number, finding in enumerate(found[:MAX_MARKDOWN_FINDINGS], start=1):
            block = _finding_lines(number, finding)
            if finding.key in new_keys:
                block[0] = "🆕 " + block[0]
            lines += block
        if len(found) > MAX_MARKDOWN_FINDINGS:
            lines += [f"… and {len(found) - MAX_MARKDOWN_FINDINGS} more in the JSON report.", ""]
    else:
        lines += ["No finding: every comparison holds.", ""]
    if changes is not None and changes.resolved:
        lines += ["## Resolved since the previous run", ""]
        lines += [f"- `{key}`" for key in changes.resolved]
        lines.append("")
    lines += [
        "## Comparisons per check",
        "",
        "| family | check | pass | warn | fail |",
        "|---|---|---:|---:|---:|",
    ]
    for row in _per_check(run).to_dict("records"):
        lines.append(
            f"| {row['family']} | `{row['check_id']}` | {row['pass']} | {row['warn']} "
            f"| {row['fail']} |"
        )
    return "\n".join(lines) + "\n"


def to_json(run: CheckRun, changes: Changes | None = None) -> str:
    return json.dumps(
        {
            "run_id": run.run_id,
            "gate": _verdict(run).lower(),
            "gate_reasons": run.gate(),
            "summary": summary(run),
            "changes": None
            if changes is None
            else {
                "previous_run_id": changes.previous_run_id,
                "new": changes.new,
                "resolved": changes.resolved,
            },
            "findings": [
                {
                    "key": f.key,
                    "kind": f.kind,
                    "checks": list(f.check_ids),
                    **_records(pd.DataFrame([f.row]))[0],
                }
                for f in findings(run)
            ],
            "stale_baseline_entries": [a.__dict__ for a in run.stale],
            "checks_not_run": run.errors,
            "results": _records(run.results),
        },
        ensure_ascii=False,
        indent=2,
        default=str,
    )


def _case_name(number: int, finding: Finding) -> str:
    digest = hashlib.sha1(finding.key.encode()).hexdigest()[:6]
    return f"{number:03d} {finding.title} [{digest}]"


def to_junit(run: CheckRun, changes: Changes | None = None) -> str:
    """One uniquely named test case per finding (a failure when it fails the gate, skipped
    with its message when it is a warning, passed with its justification when accepted), one
    per check for the comparisons that hold, one per stale baseline entry."""
    found = findings(run)
    per_check = _per_check(run)
    suite = ET.Element("testsuite", name="consistency-checks")
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="run_id", value=run.run_id)
    failures = errors = skipped = 0
    for number, finding in enumerate(found, start=1):
        row = finding.row
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"findings.{row['family']}",
            name=_case_name(number, finding),
        )
        detail = (
            f"{row['message']}\nexpected {_fmt(row.get('expected'))} from "
            f"{row.get('expected_source')}\nobserved {_fmt(row.get('observed'))} from "
            f"{row.get('observed_source')}\nchecks: {', '.join(finding.check_ids)}"
        )
        if finding.kind == "error" and row["check_id"] in run.errors:
            ET.SubElement(case, "error", message=run.errors[row["check_id"]]).text = detail
            errors += 1
        elif finding.kind == "error":
            ET.SubElement(case, "failure", message=str(row["message"])).text = detail
            failures += 1
        elif finding.kind == "warning":
            ET.SubElement(case, "skipped", message=f"warning: {row['message']}").text = detail
            skipped += 1
        else:
            ET.SubElement(
                case, "system-out"
            ).text = f"ACCEPTED: {detail}\naccepted because: {row.get('justification')}"
    for row in per_check.to_dict("records"):
        case = ET.SubElement(
            suite, "testcase", classname=f"checks.{row['family']}", name=str(row["check_id"])
        )
        ET.SubElement(
            case, "system-out"
        ).text = f"{row['pass']} comparisons hold, {row['warn']} warn, {row['fail']} fail"
    for entry in run.stale:
        case = ET.SubElement(
            suite, "testcase", classname="checks.baseline",
            name=f"stale {entry.check_id}/{entry.entity_code}/{entry.indicator_code}/"
            f"{entry.report_year}",
        )  # fmt: skip
        ET.SubElement(case, "failure", message="stale baseline entry").text = (
            "This accepted finding no longer fails with these values: remove it from "
            "sql/checks/accepted.yaml."
        )
        failures += 1
    suite.set("tests", str(len(found) + len(per_check) + len(run.stale)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


class ReportFormatError(IndicatorsError, ValueError):
    """A report format or output suffix the report cannot be written in."""


def render(run: CheckRun, fmt: str, changes: Changes | None = None) -> str:
    renderers = {"md": to_markdown, "json": to_json, "junit": to_junit}
    if fmt not in renderers:
        raise ReportFormatError(
            f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}"
        )
    return renderers[fmt](run, changes)


def format_for(path_suffix: str) -> str:
    """The format an output file's suffix asks for (.md, .json, .xml)."""
    if path_suffix.lower() not in SUFFIXES:
        raise ReportFormatError(
            f"cannot tell the report format from {path_suffix!r}: use .md, .json or .xml"
        )
    return SUFFIXES[path_suffix.lower()]
