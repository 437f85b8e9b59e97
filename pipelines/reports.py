"""The consistency report: check results rendered as Markdown, JSON or JUnit XML."""

from __future__ import annotations

import json
import math
from xml.etree import ElementTree as ET

import pandas as pd

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
    return [
        {k: (int(v) if k == "report_year" and v is not None else v) for k, v in r.items()}
        for r in records
    ]


def summary(results: pd.DataFrame) -> dict[str, int]:
    counts = results["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in ("pass", "warn", "fail")}


def to_markdown(results: pd.DataFrame, run_id: str) -> str:
    totals = summary(results)
    lines = [
        "# Consistency report",
        "",
        f"Run `{run_id}`: {len(results)} comparisons from {results['check_id'].nunique()} checks: "
        f"**{totals['pass']} pass, {totals['warn']} warn, {totals['fail']} fail**.",
        "",
    ]
    findings = results[results["status"] != "pass"]
    if findings.empty:
        lines += ["No finding: every comparison holds within its tolerance.", ""]
    else:
        lines += ["## Findings", ""]
        for (family, check_id), group in findings.groupby(["family", "check_id"], sort=True):
            lines += [f"### {family} / `{check_id}`", ""]
            for row in group.to_dict("records"):
                lines += [
                    f"- **{row['status']}** {row['entity_code'] or ''} "
                    f"{row['indicator_code'] or ''}: {row['message']}",
                    f"  - expected from: {row['expected_source'] or '-'}",
                    f"  - observed from: {row['observed_source'] or '-'}",
                ]
            lines.append("")
    lines += [
        "## All comparisons",
        "",
        "| check | entity | indicator | status | expected | observed | delta | tolerance |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    for row in results.sort_values(["check_id", "entity_code", "indicator_code"]).to_dict(
        "records"
    ):
        lines.append(
            f"| {row['check_id']} | {_fmt(row['entity_code'])} | {_fmt(row['indicator_code'])} "
            f"| {row['status']} | {_fmt(row['expected'])} | {_fmt(row['observed'])} "
            f"| {_fmt(row['delta'])} | {_fmt(row['tolerance'])} |"
        )
    return "\n".join(lines) + "\n"


def to_json(results: pd.DataFrame, run_id: str) -> str:
    return json.dumps(
        {"run_id": run_id, "summary": summary(results), "results": _records(results)},
        ensure_ascii=False,
        indent=2,
        default=str,
    )


def to_junit(results: pd.DataFrame, run_id: str) -> str:
    """One test case per check and entity; warnings pass (with their message as output)."""
    totals = summary(results)
    suite = ET.Element(
        "testsuite",
        name="consistency-checks",
        tests=str(len(results)),
        failures=str(totals["fail"]),
        errors="0",
        skipped="0",
    )
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="run_id", value=run_id)
    for row in results.to_dict("records"):
        name = "/".join(_fmt(row[k]) for k in ("entity_code", "indicator_code") if _fmt(row[k]))
        case = ET.SubElement(
            suite, "testcase", classname=f"checks.{row['check_id']}", name=name or row["check_id"]
        )
        detail = (
            f"{row['message']}\nexpected from: {row['expected_source']}\n"
            f"observed from: {row['observed_source']}"
        )
        if row["status"] == "fail":
            ET.SubElement(case, "failure", message=str(row["message"])).text = detail
        elif row["status"] == "warn":
            ET.SubElement(case, "system-out").text = "WARNING: " + detail
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def render(results: pd.DataFrame, run_id: str, fmt: str) -> str:
    renderers = {"md": to_markdown, "json": to_json, "junit": to_junit}
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderers[fmt](results, run_id)
