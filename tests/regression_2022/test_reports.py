"""Rendering the consistency report."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import pandas as pd
import pytest

from pipelines.check.checks import RESULT_COLUMNS, Accepted, CheckRun, apply_baseline
from pipelines.check.history import Changes
from pipelines.check.reports import findings, format_for, render


@pytest.fixture
def run() -> CheckRun:
    common = {"report_year": 2022, "entity_code": "62", "tolerance": 0.0, "family": "children"}
    rows = [
        {**common, "check_id": "children__x", "severity": "error", "status": "fail",
         "indicator_code": "colleges_count", "expected": 157.0, "observed": 125.0, "delta": -32.0,
         "message": "Sums differ.", "expected_source": "a.txt:233", "observed_source": "sum of 7",
         "finding_key": "k-colleges"},
        {**common, "check_id": "children__x", "severity": "error", "status": "pass",
         "indicator_code": "population", "expected": 1_472_000.0, "observed": 1_461_756.0,
         "delta": -10_244.0, "tolerance": 14_720.0, "message": "ok", "expected_source": "a.txt:229",
         "observed_source": "sum of 7", "finding_key": "k-population"},
        {**common, "check_id": "count__y", "family": "count", "severity": "error",
         "status": "fail", "indicator_code": "mds_count", "expected": 9.0, "observed": 8.0,
         "delta": -1.0, "message": "Counts differ.", "expected_source": "a.txt:138",
         "observed_source": "8 MDS tables", "finding_key": "missing|2022|mds-x"},
        {**common, "check_id": "completeness__z", "family": "completeness", "severity": "error",
         "status": "fail", "entity_code": "mds-x", "indicator_code": "mds_activity:mds-x",
         "expected": 17.0, "observed": 0.0, "delta": -17.0, "message": "Table missing.",
         "expected_source": "catalog", "observed_source": "not found",
         "finding_key": "missing|2022|mds-x"},
        {**common, "check_id": "restated__w", "family": "restated", "severity": "warn",
         "status": "warn", "indicator_code": "agents_count", "expected": 7000.0,
         "observed": 6841.0, "delta": -159.0, "message": "Restated.",
         "expected_source": "a.txt:132", "observed_source": "a.txt:4684",
         "finding_key": "k-agents"},
    ]  # fmt: skip
    results = pd.DataFrame(rows).assign(run_id="r1").reindex(columns=RESULT_COLUMNS[:-2])
    baseline = [
        Accepted("children__x", "62", "colleges_count", 2022, 157, 125, "Public and private."),
        Accepted("children__x", "62", "gone_count", 2022, 1, 2, "No longer found."),
        Accepted("children__x", "62", "other_year_count", 2021, 1, 2, "Another year."),
    ]
    results, stale = apply_baseline(results, baseline)
    started = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    return CheckRun("r1", started, [{"report_year": 2022}], results, {}, stale)


def test_one_inconsistency_seen_by_two_checks_is_one_finding(run) -> None:
    found = findings(run)
    assert [(f.kind, f.check_ids) for f in found] == [
        ("error", ("completeness__z", "count__y")),
        ("accepted", ("children__x",)),
        ("warning", ("restated__w",)),
    ]
    # the worst result states it: the larger relative gap (17 of 17) before 1 of 9
    assert found[0].row["check_id"] == "completeness__z"


def test_markdown_starts_with_the_verdict_then_distinct_findings_in_french_numbers(run) -> None:
    text = render(run, "md", Changes("r0", ["missing|2022|mds-x"], ["k-gone"]))
    lines = text.splitlines()
    assert lines[2] == (
        "Gate: **FAILED**. Run `r1`: 5 comparisons from 4 checks, 1 pass, 1 warn, 3 fail "
        "(1 accepted by the baseline)."
    )
    assert lines[4] == "Distinct findings: **3**: 1 errors not accepted, 1 accepted, 1 warnings."
    assert lines[6] == "Since the previous run of the same inputs (`r0`): 1 new, 1 resolved."
    assert (
        "🆕 **1. error: mds-x mds_activity:mds-x (2022)** (checks: completeness__z, count__y)"
        in lines
    )
    assert "- accepted because: Public and private." in lines
    assert "- observed: 125 from sum of 7" in lines
    assert "- `k-gone`" in lines  # resolved since the previous run
    assert "| count | `count__y` | 0 | 0 | 1 |" in lines
    assert "1.472e+06" not in text and "1 472 000" not in text  # passes are counted, not listed


def test_the_markdown_of_the_shipped_report_fits_a_review_comment(built_warehouse) -> None:
    from pipelines.run.steps import check_published

    shipped_run, changes = check_published(built_warehouse)
    text = render(shipped_run, "md", changes)
    assert len(text) < 65_536 // 2
    assert "e+0" not in text  # no scientific notation anywhere


def test_json_has_the_gate_the_findings_and_every_result(run) -> None:
    report = json.loads(render(run, "json"))
    assert report["gate"] == "failed"
    assert report["summary"] == {
        "pass": 1, "warn": 1, "fail": 3, "accepted": 1, "new_failures": 1,
        "stale_baseline_entries": 1, "checks_not_run": 0, "distinct_findings": 3,
    }  # fmt: skip
    # the 2021 entry is not stale: no 2021 figure was checked
    assert [e["indicator_code"] for e in report["stale_baseline_entries"]] == ["gone_count"]
    assert [r["status"] for r in report["results"]] == ["fail", "pass", "fail", "fail", "warn"]
    assert [f["checks"] for f in report["findings"]] == [
        ["completeness__z", "count__y"],
        ["children__x"],
        ["restated__w"],
    ]


def test_junit_has_one_uniquely_named_case_per_finding_and_warnings_visible(run) -> None:
    suite = ET.fromstring(render(run, "junit"))
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("8", "2", "1")
    names = [c.get("name") for c in suite.findall("testcase")]
    assert len(names) == len(set(names))
    cases = {c.attrib["name"].split(" [")[0]: c for c in suite.findall("testcase")}
    assert cases["001 mds-x mds_activity:mds-x (2022)"].find("failure") is not None
    assert cases["002 62 colleges_count (2022)"].findtext("system-out", "").startswith("ACCEPTED")
    skipped = cases["003 62 agents_count (2022)"].find("skipped")
    assert skipped is not None and skipped.get("message") == "warning: Restated."
    assert cases["children__x"].findtext("system-out") == "1 comparisons hold, 0 warn, 1 fail"


def test_unknown_format_is_refused(run) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(run, "pdf")
    with pytest.raises(ValueError, match=r"cannot tell the report format from '\.txt'"):
        format_for(".txt")


def test_the_shipped_report_cites_pdf_pages_and_writes_numbers_one_way(built_warehouse) -> None:
    from pipelines.run.steps import check_published

    run, changes = check_published(built_warehouse)
    text = render(run, "md", changes)
    # the collèges: the department's line of the export and its page of the PDF
    assert "rapport-activites-2022.txt:233 (PDF p." in text
    # the sum of the profiles: every line, and the pages they sit on
    assert "62-arrageois=16, 62-artois=25," in text
    assert "=16.0" not in text and "-9223.0" not in text  # no raw floats
    assert "the residual -9 223 is attributed to 62-mds-lens-lievin" in text
    assert "Relative delta -33,4 %." in text  # a decimal comma, as every number of the report


def test_with_pdf_pages_names_every_page_once() -> None:
    from pipelines.check.checks import with_pdf_pages

    pages = {("r.txt", 10): 4, ("r.txt", 12): 4, ("r.txt", 30): 7}
    cited = with_pdf_pages("sum at r.txt:10, 12, 30", pages)
    assert cited == "sum at r.txt:10, 12, 30 (PDF p.4, 7)"
    assert with_pdf_pages('r.txt:99 "x"', pages) == 'r.txt:99 "x"'  # no PDF reading of it
    assert with_pdf_pages(None, pages) is None
