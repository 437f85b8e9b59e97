"""The consistency report: a check run rendered as Markdown, JSON or JUnit XML.

Every format says the same things: the totals, the findings (with expected, observed, delta
and both sources), which findings the reviewed baseline accepts and why, the baseline
entries that no longer reproduce, and the checks that could not run.
"""

from __future__ import annotations

import json
import math
from xml.etree import ElementTree as ET

import pandas as pd

from pipelines.checks import CheckRun

FORMATS = ("md", "json", "junit")


def _fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,.4f}".rstrip("0")
        return text.replace(",", " ")
    return str(value)


def _records(results: pd.DataFrame) -> list[dict]:
    records = results.astype(object).where(results.notna(), None).to_dict("records")
    for record in records:
        if record.get("report_year") is not None:
            record["report_year"] = int(record["report_year"])
    return records


def summary(run: CheckRun) -> dict[str, int]:
    counts = run.results["status"].value_counts()
    totals = {status: int(counts.get(status, 0)) for status in ("pass", "warn", "fail")}
    totals["accepted"] = int(run.results["accepted"].sum())
    totals["new_failures"] = len(run.new_failures)
    totals["stale_baseline_entries"] = len(run.stale)
    totals["checks_not_run"] = len(run.errors)
    return totals


def _verdict(run: CheckRun) -> str:
    return "FAILED" if run.gate() else "PASSED"


def to_markdown(run: CheckRun) -> str:
    results, totals = run.results, summary(run)
    lines = [
        "# Consistency report",
        "",
        f"Run `{run.run_id}`: {len(results)} comparisons from {results['check_id'].nunique()} "
        f"checks: **{totals['pass']} pass, {totals['warn']} warn, {totals['fail']} fail** "
        f"({totals['accepted']} accepted by the baseline). Gate: **{_verdict(run)}**.",
        "",
    ]
    for reason in run.gate():
        lines.append(f"- {reason}")
    if run.gate():
        lines.append("")
    findings = results[results["status"] != "pass"]
    if findings.empty:
        lines += ["No finding: every comparison holds within its tolerance.", ""]
    else:
        lines += ["## Findings", ""]
        for (family, check_id), group in findings.groupby(["family", "check_id"], sort=True):
            lines += [f"### {family} / `{check_id}`", ""]
            for row in group.to_dict("records"):
                mark = "accepted" if row["accepted"] else row["status"]
                lines += [
                    f"- **{mark}** {row['entity_code'] or ''} {row['indicator_code'] or ''}: "
                    f"{row['message']}",
                    f"  - expected from: {row['expected_source'] or '-'}",
                    f"  - observed from: {row['observed_source'] or '-'}",
                ]
                if row["accepted"]:
                    lines.append(f"  - accepted because: {row['justification']}")
            lines.append("")
    lines += [
        "## All comparisons",
        "",
        "| check | entity | indicator | status | expected | observed | delta | tolerance |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    ordered = results.sort_values(
        ["check_id", "entity_code", "indicator_code"], na_position="first"
    )
    for row in ordered.to_dict("records"):
        lines.append(
            f"| {row['check_id']} | {_fmt(row['entity_code'])} | {_fmt(row['indicator_code'])} "
            f"| {row['status']} | {_fmt(row['expected'])} | {_fmt(row['observed'])} "
            f"| {_fmt(row['delta'])} | {_fmt(row['tolerance'])} |"
        )
    return "\n".join(lines) + "\n"


def to_json(run: CheckRun) -> str:
    return json.dumps(
        {
            "run_id": run.run_id,
            "gate": _verdict(run).lower(),
            "gate_reasons": run.gate(),
            "summary": summary(run),
            "stale_baseline_entries": [a.__dict__ for a in run.stale],
            "checks_not_run": run.errors,
            "results": _records(run.results),
        },
        ensure_ascii=False,
        indent=2,
        default=str,
    )


def to_junit(run: CheckRun) -> str:
    """One test case per check and entity; warnings and accepted findings pass, with output."""
    results = run.results
    failed_cases = len(run.new_failures) + len(run.stale)
    suite = ET.Element(
        "testsuite",
        name="consistency-checks",
        tests=str(len(results) + len(run.stale)),
        failures=str(failed_cases),
        errors=str(len(run.errors)),
        skipped="0",
    )
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="run_id", value=run.run_id)
    for row in results.to_dict("records"):
        name = "/".join(_fmt(row[k]) for k in ("entity_code", "indicator_code") if _fmt(row[k]))
        case = ET.SubElement(
            suite, "testcase", classname=f"checks.{row['check_id']}", name=name or row["check_id"]
        )
        detail = (
            f"{row['message']}\nexpected from: {row['expected_source']}\n"
            f"observed from: {row['observed_source']}"
        )
        if row["check_id"] in run.errors:
            ET.SubElement(case, "error", message=run.errors[row["check_id"]]).text = detail
        elif row["status"] == "fail" and not row["accepted"]:
            ET.SubElement(case, "failure", message=str(row["message"])).text = detail
        elif row["status"] == "fail":
            ET.SubElement(
                case, "system-out"
            ).text = f"ACCEPTED: {detail}\naccepted because: {row['justification']}"
        elif row["status"] == "warn":
            ET.SubElement(case, "system-out").text = "WARNING: " + detail
    for entry in run.stale:
        case = ET.SubElement(
            suite, "testcase", classname="checks.baseline",
            name=f"{entry.check_id}/{entry.entity_code}/{entry.indicator_code}",
        )  # fmt: skip
        ET.SubElement(
            case, "failure", message="stale baseline entry"
        ).text = "This accepted finding no longer fails: remove it from sql/checks/accepted.yaml."
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def render(run: CheckRun, fmt: str) -> str:
    renderers = {"md": to_markdown, "json": to_json, "junit": to_junit}
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderers[fmt](run)
