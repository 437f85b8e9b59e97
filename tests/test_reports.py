"""Rendering the consistency report."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pandas as pd
import pytest

from pipelines.checks import RESULT_COLUMNS
from pipelines.reports import render


@pytest.fixture
def results() -> pd.DataFrame:
    rows = [
        {
            "check_id": "territory_sum__x",
            "family": "territory_sum",
            "severity": "warn",
            "status": "warn",
            "report_year": 2022,
            "entity_code": "62",
            "indicator_code": "colleges_count",
            "expected": 157.0,
            "observed": 125.0,
            "delta": -32.0,
            "tolerance": 0.0,
            "message": "Sums differ.",
            "expected_source": "a.txt:233",
            "observed_source": "sum of 7",
        },
        {
            "check_id": "territory_sum__x",
            "family": "territory_sum",
            "severity": "warn",
            "status": "pass",
            "report_year": 2022,
            "entity_code": "62",
            "indicator_code": "population",
            "expected": 1_472_000.0,
            "observed": 1_461_756.0,
            "delta": -10_244.0,
            "tolerance": 14_720.0,
            "message": "ok",
            "expected_source": "a.txt:229",
            "observed_source": "sum of 7",
        },
        {
            "check_id": "t__y",
            "family": "t",
            "severity": "error",
            "status": "fail",
            "report_year": 2022,
            "entity_code": "artois",
            "indicator_code": "density_per_km2",
            "expected": 411.43,
            "observed": 310.0,
            "delta": -101.43,
            "tolerance": 4.11,
            "message": "Density differs.",
            "expected_source": "a.txt:650",
            "observed_source": "a.txt:652",
        },
    ]
    return pd.DataFrame(rows).assign(run_id="r1").reindex(columns=RESULT_COLUMNS)


def test_markdown_puts_the_summary_first_then_findings_with_both_sources(results) -> None:
    text = render(results, "r1", "md")
    lines = text.splitlines()
    assert lines[2] == "Run `r1`: 3 comparisons from 2 checks: **1 pass, 1 warn, 1 fail**."
    assert "- **warn** 62 colleges_count: Sums differ." in lines
    assert "  - expected from: a.txt:233" in lines
    assert (
        "| territory_sum__x | 62 | population | pass | 1 472 000 | 1 461 756 | -10 244 | 14 720 |"
        in lines
    )


def test_json_has_the_summary_and_every_result(results) -> None:
    report = json.loads(render(results, "r1", "json"))
    assert report["summary"] == {"pass": 1, "warn": 1, "fail": 1}
    assert [r["status"] for r in report["results"]] == ["warn", "pass", "fail"]
    assert report["results"][0]["report_year"] == 2022


def test_junit_fails_only_failures_and_shows_warnings(results) -> None:
    suite = ET.fromstring(render(results, "r1", "junit"))
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "62/colleges_count",
        "62/population",
        "artois/density_per_km2",
    ]
    assert cases[2].find("failure").get("message") == "Density differs."
    assert cases[0].find("system-out").text.startswith("WARNING: Sums differ.")
    assert cases[1].find("failure") is None and cases[1].find("system-out") is None


def test_unknown_format_is_refused(results) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(results, "r1", "pdf")
