"""Rendering the consistency report."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pandas as pd
import pytest

from pipelines.checks import RESULT_COLUMNS, Accepted, CheckRun, apply_baseline
from pipelines.reports import render


@pytest.fixture
def run() -> CheckRun:
    common = {"report_year": 2022, "entity_code": "62", "tolerance": 0.0, "family": "children"}
    rows = [
        {**common, "check_id": "children__x", "severity": "error", "status": "fail",
         "indicator_code": "colleges_count", "expected": 157.0, "observed": 125.0, "delta": -32.0,
         "message": "Sums differ.", "expected_source": "a.txt:233", "observed_source": "sum of 7"},
        {**common, "check_id": "children__x", "severity": "error", "status": "pass",
         "indicator_code": "population", "expected": 1_472_000.0, "observed": 1_461_756.0,
         "delta": -10_244.0, "tolerance": 14_720.0, "message": "ok", "expected_source": "a.txt:229",
         "observed_source": "sum of 7"},
        {**common, "check_id": "ratio__y", "family": "ratio", "severity": "error", "status": "fail",
         "entity_code": "artois", "indicator_code": "density_per_km2", "expected": 411.43,
         "observed": 310.0, "delta": -101.43, "message": "Density differs.",
         "expected_source": "a.txt:650", "observed_source": "a.txt:652"},
        {**common, "check_id": "restated__z", "family": "restated", "severity": "warn",
         "status": "warn", "indicator_code": "agents_count", "expected": 7000.0,
         "observed": 6841.0, "delta": -159.0, "message": "Restated.",
         "expected_source": "a.txt:132", "observed_source": "a.txt:4684"},
    ]  # fmt: skip
    results = pd.DataFrame(rows).assign(run_id="r1").reindex(columns=RESULT_COLUMNS[:-2])
    baseline = [
        Accepted("children__x", "62", "colleges_count", "Public and private collèges."),
        Accepted("children__x", "62", "gone_count", "No longer found."),
    ]
    results, stale = apply_baseline(results, baseline)
    return CheckRun("r1", results, {}, stale)


def test_markdown_puts_the_summary_first_then_findings_with_both_sources(run) -> None:
    lines = render(run, "md").splitlines()
    assert lines[2] == (
        "Run `r1`: 4 comparisons from 3 checks: **1 pass, 1 warn, 2 fail** "
        "(1 accepted by the baseline). Gate: **FAILED**."
    )
    assert "- new failure: ratio__y artois density_per_km2: Density differs." in lines
    assert "- **accepted** 62 colleges_count: Sums differ." in lines
    assert "  - accepted because: Public and private collèges." in lines
    assert "  - expected from: a.txt:233" in lines
    assert (
        "| children__x | 62 | population | pass | 1 472 000 | 1 461 756 | -10 244 | 14 720 |"
        in lines
    )


def test_json_has_the_gate_the_summary_and_every_result(run) -> None:
    report = json.loads(render(run, "json"))
    assert report["gate"] == "failed"
    assert report["summary"] == {
        "pass": 1, "warn": 1, "fail": 2, "accepted": 1, "new_failures": 1,
        "stale_baseline_entries": 1, "checks_not_run": 0,
    }  # fmt: skip
    assert report["stale_baseline_entries"][0]["indicator_code"] == "gone_count"
    assert [r["status"] for r in report["results"]] == ["fail", "pass", "fail", "warn"]


def test_junit_fails_new_failures_and_stale_entries_only(run) -> None:
    suite = ET.fromstring(render(run, "junit"))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "2", "0")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert cases["artois/density_per_km2"].find("failure").get("message") == "Density differs."
    assert cases["62/colleges_count"].find("system-out").text.startswith("ACCEPTED: Sums differ.")
    assert cases["62/agents_count"].find("system-out").text.startswith("WARNING: Restated.")
    assert cases["62/population"].find("failure") is None
    assert (
        cases["children__x/62/gone_count"].find("failure").get("message") == "stale baseline entry"
    )


def test_unknown_format_is_refused(run) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(run, "pdf")
