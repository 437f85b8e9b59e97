"""The SQL cross-checks and their generic runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import warehouse as wh
from pipelines.checks import CheckDefinitionError, evaluate, load_checks, parse_check, run_checks


def _results(path: Path):
    return wh.query(
        path, "select * from v_check_result order by check_id, entity_code, indicator_code"
    )


def test_every_check_file_is_well_formed() -> None:
    checks = load_checks()
    assert {c.check_id for c in checks} == {
        "reference__councillors_by_name",
        "reference__counts",
        "reference__population",
        "reference__territory_epci",
        "territory_list__epci_count",
        "territory_ratio__density",
        "territory_share__sums_to_100",
        "territory_sum__department_totals",
    }
    assert all(c.severity in {"warn", "error"} for c in checks)


def test_each_territory_is_checked_with_both_numbers(built_warehouse) -> None:
    results = _results(built_warehouse)
    density = results[results.check_id == "territory_ratio__density"]
    assert sorted(density.entity_code) == [
        "arrageois",
        "artois",
        "audomarois",
        "boulonnais",
        "calaisis",
        "lens-henin",
        "montreuillois-ternois",
    ]
    assert density.expected.notna().all() and density.observed.notna().all()
    assert (density.delta == (density.observed - density.expected).round(6)).all()


def test_findings_of_the_shipped_report(built_warehouse) -> None:
    results = _results(built_warehouse)
    findings = results[(results.status != "pass") & results.family.str.startswith("territory")]
    assert sorted(
        zip(findings.check_id, findings.entity_code, findings.indicator_code, strict=True)
    ) == [
        ("territory_ratio__density", "artois", "density_per_km2"),
        ("territory_sum__department_totals", "62", "colleges_count"),
    ]
    colleges = findings[findings.indicator_code == "colleges_count"].iloc[0]
    assert (colleges.expected, colleges.observed, colleges.delta) == (157, 125, -32)
    assert (
        colleges.expected_source
        == 'rapport-activites-2022.txt:233 "157 collèges publics et privés"'
    )
    assert colleges.observed_source.startswith("sum of 7 territories (arrageois=16.0, artois=25.0")


def test_a_planted_wrong_figure_is_found(existing_warehouse) -> None:
    with wh.connect(existing_warehouse, read_only=False) as con:
        con.execute(
            "update fact_figure set value = 300 "
            "where entity_code = 'arrageois' and indicator_code = 'communes_count'"
        )
        run = run_checks(con)
    row = run.results.query(
        "check_id == 'territory_sum__department_totals' and indicator_code == 'communes_count'"
    ).iloc[0]
    assert row.status == "warn"
    assert row.message == (
        "The figures of the 7 territory profiles must add up to the department's figure. "
        "Expected 890, observed 935, delta +45 (tolerance 0)."
    )
    assert "arrageois=300.0" in row.observed_source


def test_a_missing_territory_figure_is_a_finding(existing_warehouse) -> None:
    with wh.connect(existing_warehouse, read_only=False) as con:
        con.execute(
            "delete from fact_figure where entity_code = 'calaisis' and indicator_code = 'area_km2'"
        )
        run = run_checks(con)
    row = run.results.query(
        "check_id == 'territory_ratio__density' and entity_code == 'calaisis'"
    ).iloc[0]
    assert row.status == "warn"
    assert row.message.endswith("The expected figure is missing.")


def test_a_check_that_cannot_run_is_reported_and_others_still_run(
    existing_warehouse, tmp_path
) -> None:
    broken = tmp_path / "territory_sum__broken.sql"
    broken.write_text(
        "-- id: territory_sum__broken\n-- family: territory_sum\n-- severity: error\n"
        "-- description: Refers to a table that does not exist.\nselect * from no_such_table\n",
        encoding="utf-8",
    )
    with wh.connect(existing_warehouse, read_only=False) as con:
        run = run_checks(con, [parse_check(broken), *load_checks()])
    assert list(run.errors) == ["territory_sum__broken"]
    assert "no_such_table" in run.errors["territory_sum__broken"]
    others = run.results[run.results.check_id != "territory_sum__broken"]
    assert set(others.check_id) == {c.check_id for c in load_checks()}
    assert others.status.isin(["pass", "warn"]).all()


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("-- id: x\n-- family: f\n-- severity: warn\n", "header lacks description"),
        ("-- id: x\n-- family: f\n-- severity: fatal\n-- description: d\n", "severity 'fatal'"),
        (
            "-- id: y\n-- family: f\n-- severity: warn\n-- description: d\n",
            "differs from the file name",
        ),
    ],
)
def test_check_headers_are_validated(tmp_path, header: str, message: str) -> None:
    path = tmp_path / "x.sql"
    path.write_text(header + "select 1\n", encoding="utf-8")
    with pytest.raises(CheckDefinitionError, match=message):
        parse_check(path)


def test_row_tolerance_overrides_the_header(tmp_path) -> None:
    path = tmp_path / "x.sql"
    path.write_text(
        "-- id: x\n-- family: f\n-- severity: error\n-- tolerance_abs: 0\n"
        "-- description: d.\nselect 1\n",
        encoding="utf-8",
    )
    check = parse_check(path)
    assert evaluate(check, {"expected": 100, "observed": 101})["status"] == "fail"
    assert evaluate(check, {"expected": 100, "observed": 101, "tolerance": 1})["status"] == "pass"
