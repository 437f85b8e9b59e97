"""Checks on warehouses of a few planted figures: each passes on consistent figures and fails,
saying both numbers, on inconsistent ones."""

from __future__ import annotations

import pytest
from builders import warehouse

from pipelines.check.checks import Check, load_checks, run_checks


@pytest.fixture(scope="module")
def checks() -> dict[str, Check]:
    return {check.check_id: check for check in load_checks()}


def _shares(values: list[float]) -> list[dict]:
    territories = ["62-arrageois", "62-artois", "62-audomarois"]
    return [
        {"entity_code": code, "indicator_code": "population_share_pct", "value": v, "unit": "pct"}
        for code, v in zip(territories, values, strict=True)
    ]


@pytest.mark.parametrize(
    ("shares", "status", "observed"),
    [([20, 30, 50], "pass", 100), ([20, 30, 50.4], "pass", 100.4), ([20, 30, 47], "fail", 97)],
)
def test_shares_must_sum_to_100_within_rounding(checks, shares, status, observed) -> None:
    run = run_checks(warehouse(_shares(shares)), [checks["shares__sum_to_100"]])
    [result] = run.results.to_dict("records")
    assert (result["status"], result["expected"], result["observed"]) == (status, 100, observed)
    if status == "fail":
        assert "Expected 100, observed 97" in result["message"]


@pytest.mark.parametrize(("density", "status"), [(211.4, "pass"), (300, "fail")])
def test_a_density_must_follow_from_population_and_area(checks, density, status) -> None:
    figures = [
        ("population", 211425, "count"),
        ("area_km2", 1000, "km2"),
        ("density_per_km2", density, "per_km2"),
    ]
    con = warehouse(
        {"entity_code": "62-arrageois", "indicator_code": code, "value": value, "unit": unit}
        for code, value, unit in figures
    )
    [result] = run_checks(con, [checks["ratio__density"]]).results.to_dict("records")
    assert result["status"] == status
    assert result["entity_code"] == "62-arrageois"


def test_a_check_with_nothing_to_compare_says_its_inputs_are_missing(checks) -> None:
    """A check that compares nothing must not pass silently (unless it says `empty_ok`)."""
    run = run_checks(warehouse([]), [checks["shares__sum_to_100"], checks["source__pdf_vs_text"]])
    assert run.errors == {
        "shares__sum_to_100": "the check returned no comparison: its inputs are missing"
    }
    assert run.gate() == [
        "check shares__sum_to_100 could not run: the check returned no comparison: its inputs "
        "are missing"
    ]


def test_a_check_without_inputs_is_not_applicable_to_a_report_without_catalog(checks) -> None:
    """A report of a département without a structure catalog has no territory to compare:
    the check says so (warn), it does not fail the gate."""
    con = warehouse([])
    con.execute("update dim_source set departement_code = '80'")
    run = run_checks(con, [checks["shares__sum_to_100"]])
    assert run.errors == {} and run.gate() == []
    [row] = run.results.to_dict("records")
    assert (row["status"], row["message"]) == (
        "warn",
        "no comparison: no report of a département with a structure catalog (held: 80)",
    )


def test_parts_are_added_to_their_whole_by_entity_or_by_the_whole_s_line(checks) -> None:
    """Parts on the whole's entity, or on their own place on the whole's line ("75 places
    créées (24 à Oignies, 14 à ...)"); a PDF (read when there is no text export) numbers its
    lines per page, so line 15 of another page is another whole's."""
    whole = {"indicator_code": "colleges_count", "unit": "count"}
    part = {"indicator_code": "buildings_count", "unit": "count", "part_of": "colleges_count"}

    def results(con) -> dict:
        run = run_checks(con, [checks["breakdown__parts_within_whole"]])
        return {
            r["entity_code"]: (r["status"], r["observed"], r["observed_source"][:13])
            for r in run.results.to_dict("records")
        }

    text = warehouse(
        [
            {**whole, "entity_code": "62", "value": 75, "line": 5},
            {**part, "entity_code": "62-arrageois", "value": 24, "line": 5},
            {**part, "entity_code": "62-artois", "value": 14, "line": 5},
            {**part, "entity_code": "62-audomarois", "value": 90, "line": 6},  # not its line
        ]
    )
    assert results(text) == {"62": ("pass", 38, "sum of 2 part")}
    pdf = {"source_kind": "pdf", "source_file": "rapport-test.pdf"}
    only_pdf = warehouse(
        [
            {**whole, **pdf, "entity_code": "62-mds-artois", "value": 100, "page": 22, "line": 15},
            {**part, **pdf, "entity_code": "62-mds-artois", "value": 60, "page": 22, "line": 15},
            {**whole, **pdf, "entity_code": "62-mds-ternois", "value": 50, "page": 34, "line": 15},
            {**part, **pdf, "entity_code": "62-mds-ternois", "value": 30, "page": 34, "line": 16},
        ]
    )
    only_pdf.execute("update dim_source set source_kind = 'pdf', source_file = 'rapport-test.pdf'")
    assert results(only_pdf) == {
        "62-mds-artois": ("pass", 60, "sum of 1 part"),
        "62-mds-ternois": ("pass", 30, "sum of 1 part"),  # not 60 + 30 against 50
    }


def test_a_line_the_sentence_reader_could_not_read_is_a_warning(checks) -> None:
    con = warehouse([{"entity_code": "62", "indicator_code": "colleges_count", "value": 157,
                      "unit": "count"}])  # fmt: skip
    check = checks["completeness__unreadable_lines"]
    [clean] = run_checks(con, [check]).results.to_dict("records")
    assert (clean["status"], clean["observed"]) == ("pass", 0)
    con.execute(
        "insert into stg_reject (report_year, departement_code, source_kind, source_file, line,"
        " stage, staging_table, reason, extractor) values (2022, '62', 'text',"
        " 'rapport-test.txt', 1189, 'extract', 'stg_figure',"
        " 'the line could not be read: ValueError: an unforeseen wording', 'sentences')"
    )
    [found] = run_checks(con, [check]).results.to_dict("records")
    assert (found["status"], found["observed"]) == ("warn", 1)
    assert found["message"].endswith("line 1189: ValueError: an unforeseen wording")
