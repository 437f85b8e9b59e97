"""The SQL cross-checks and their generic runner, on the shipped report."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.check.checks import (
    Check,
    CheckDefinitionError,
    evaluate,
    load_baseline,
    load_checks,
    parse_check,
    run_checks,
)
from pipelines.load import warehouse as wh
from pipelines.settings import SQL_CHECKS_DIR
from schemas.catalog import load_entity_catalog


def _results(path: Path):
    return wh.query(
        path, "select * from v_check_result order by check_id, entity_code, indicator_code"
    )


def test_every_check_file_is_well_formed() -> None:
    checks = load_checks()
    families = {c.family for c in checks}
    assert families == {
        "breakdown", "children", "completeness", "count", "list", "ratio", "reference", "restated",
        "shares", "source",
    }  # fmt: skip
    assert all(c.severity in {"warn", "error"} and c.description and c.section for c in checks)


def test_each_territory_density_is_checked_with_both_numbers(built_warehouse) -> None:
    results = _results(built_warehouse)
    density = results[results.check_id == "ratio__density"]
    assert sorted(density.entity_code) == [
        "62-arrageois", "62-artois", "62-audomarois", "62-boulonnais", "62-calaisis",
        "62-lens-henin", "62-montreuillois-ternois",
    ]  # fmt: skip
    assert density.expected.notna().all() and density.observed.notna().all()
    assert (density.delta == (density.observed - density.expected).round(6)).all()


def test_the_failures_of_the_shipped_report_are_the_accepted_ones(built_warehouse) -> None:
    results = _results(built_warehouse)
    failures = results[results.status == "fail"]
    found = set(
        zip(
            failures.check_id, failures.entity_code, failures.indicator_code,
            failures.report_year, failures.expected, failures.observed, strict=True,
        )
    )  # fmt: skip
    assert found == {(*a.key, a.expected, a.observed) for a in load_baseline()}
    assert failures.accepted.all() and failures.justification.str.len().gt(40).all()


def test_checks_take_the_departments_code_from_the_warehouse() -> None:
    """The département is declared once (the entity catalog, then dim_entity): no check
    writes its code."""
    department = load_entity_catalog().department.code
    assert [c.check_id for c in load_checks() if f"'{department}'" in c.sql] == []


def test_the_same_warehouse_gives_the_same_report_every_run(built_warehouse) -> None:
    """Sums, lists and pairings are ordered: the consistency report of one warehouse does
    not change from one run to the next (it did, in its float sums and name lists)."""
    with wh.connect(built_warehouse, read_only=True) as con:
        runs = [run_checks(con).results.drop(columns="run_id") for _ in range(3)]
    rows = [
        sorted(map(repr, run.astype(object).where(run.notna()).to_numpy().tolist())) for run in runs
    ]
    assert len(rows[0]) > 1000
    assert rows[0] == rows[1] == rows[2]


def test_children_sum_to_their_parent(built_warehouse) -> None:
    results = _results(built_warehouse).set_index(["check_id", "entity_code", "indicator_code"])
    communes = results.loc[("children__sum_vs_parent", "62", "communes_count")]
    assert (communes.expected, communes.observed, communes.status) == (890, 890, "pass")
    apa = results.loc[("children__sum_vs_parent", "62", "apa_home_beneficiaries_count")]
    # 8 MDS tables present: their sum stays below the department, the rest is Lens-Liévin's
    assert (apa.expected, apa.observed, apa.status) == (28_841, 25_195, "pass")
    assert "the residual 3 646 is attributed to 62-mds-lens-lievin" in apa.message


def test_the_missing_mds_residual_is_derived_not_a_fact(built_warehouse) -> None:
    residuals = wh.query(
        built_warehouse,
        "select indicator_code, residual_value, is_derived from v_derived_residual "
        "where entity_code = '62-mds-lens-lievin' order by indicator_code",
    )
    assert (
        dict(zip(residuals.indicator_code, residuals.residual_value, strict=True))[
            "rsa_allocataires_count"
        ]
        == 48_137 - 36_655
    )
    assert residuals.is_derived.all()
    facts = wh.query(
        built_warehouse,
        "select count(*) as n from fact_figure where entity_code = '62-mds-lens-lievin' "
        "and extractor = 'office_table'",
    )
    assert facts.n[0] == 0  # its page's sentences give figures of their own, its table none


def test_breakdowns_restatements_and_lists(built_warehouse) -> None:
    results = _results(built_warehouse).set_index(["check_id", "entity_code", "indicator_code"])
    budget = results.loc[
        ("breakdown__parts_within_whole", "62", "kf_autonomie_et_la_sante__budget_eur")
    ]
    assert (budget.expected, budget.observed, budget.status) == (463_610_000, 463_600_000, "pass")
    agents = results.xs(("restated__same_quantity", "62", "agents_count"))
    # 7 000 twice (the same paragraph on two pages), then 6 841 and 6 873
    assert sorted(zip(agents.observed, agents.status, agents.accepted, strict=True)) == [
        (6841, "fail", True), (6873, "fail", True), (7000, "pass", False),
    ]  # fmt: skip
    lists = results.xs("list__stated_count_vs_items", level="check_id")
    assert len(lists) == 9 and set(lists.status) == {"pass"}  # 7 EPCI lists, 2 dated lists


def test_a_planted_wrong_figure_is_found(existing_warehouse) -> None:
    with wh.connect(existing_warehouse, read_only=False) as con:
        con.execute(
            "update fact_figure set value = 300 where entity_code = '62-arrageois' "
            "and indicator_code = 'communes_count' and source_kind = 'text'"
        )
        run = run_checks(con)
    row = run.results.query(
        "check_id == 'children__sum_vs_parent' and indicator_code == 'communes_count'"
    ).iloc[0]
    assert (row.status, row.accepted) == ("fail", False)
    # counts of communes are whole numbers: exact, and so is their sum
    assert row.message == (
        "An additive figure stated for the children must add up to the figure stated for their "
        "parent. Expected 890, observed 935, delta +45 (both exact)."
    )
    assert "62-arrageois=300, " in row.observed_source
    assert any("new failure: children__sum_vs_parent 62 communes_count" in r for r in run.gate())


def test_a_stale_baseline_entry_fails_the_gate(existing_warehouse) -> None:
    with wh.connect(existing_warehouse, read_only=False) as con:
        con.execute(
            "update fact_figure set value = 157 where entity_code = '62' "
            "and indicator_code = 'colleges_count'"
        )
        con.execute(
            "update fact_figure set value = 125 where entity_code = '62' "
            "and indicator_code = 'colleges_count'"
        )
        run = run_checks(con)
    assert [a.indicator_code for a in run.stale] == ["colleges_count"]
    assert run.gate() == [
        "stale baseline entry: children__sum_vs_parent 62 colleges_count (2022) no longer fails "
        "with these values; remove it from accepted.yaml"
    ]


def test_a_check_that_cannot_run_is_reported_and_others_still_run(
    existing_warehouse, tmp_path
) -> None:
    broken = tmp_path / "children__broken.sql"
    broken.write_text("select * from no_such_table\n", encoding="utf-8")
    broken.with_suffix(".yml").write_text(
        "family: children\nseverity: error\ndescription: Refers to a table that does not exist.\n",
        encoding="utf-8",
    )
    with wh.connect(existing_warehouse, read_only=False) as con:
        run = run_checks(con, [parse_check(broken), *load_checks()])
    assert list(run.errors) == ["children__broken"]
    assert "no_such_table" in run.errors["children__broken"]
    assert run.gate()[0].startswith("check children__broken could not run: CatalogException")
    others = run.results[run.results.check_id != "children__broken"]
    checks = load_checks()
    # every check ran; those that may compare nothing (one report year: no year before) aside
    assert {c.check_id for c in checks if not c.empty_ok} <= set(others.check_id)
    assert set(others.check_id) <= {c.check_id for c in checks}


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("family: f\nseverity: warn\n", "lacks description"),
        ("family: f\nseverity: fatal\ndescription: d\n", "severity 'fatal'"),
        ("family: f\nseverity: warn\ncomparison: about\ndescription: d\n", "comparison 'about'"),
        (
            "family: f\nseverity: warn\ndescription: d\ntolerence: {abs: 1}\n",
            "unknown key tolerence",
        ),
        (
            "family: f\nseverity: warn\ndescription: d\ntolerance: {pct: 1}\n",
            "takes `abs` and `rel`",
        ),
        ("family: [f\n", "x.yml"),
        (None, "no x.yml beside it"),
    ],
)
def test_check_metadata_is_validated(tmp_path, metadata: str | None, message: str) -> None:
    path = tmp_path / "x.sql"
    path.write_text("select 1\n", encoding="utf-8")
    if metadata is not None:
        path.with_suffix(".yml").write_text(metadata, encoding="utf-8")
    with pytest.raises(CheckDefinitionError, match=message):
        parse_check(path)


def test_every_check_has_its_metadata_and_binds_its_parameters() -> None:
    checks = {check.check_id: check for check in load_checks()}
    assert {p.stem for p in SQL_CHECKS_DIR.glob("*.yml")} == set(checks)
    children = checks["children__sum_vs_parent"]
    assert children.parameters["overview_rounding_rel"] == 0.01
    assert all(f"${name}" in children.sql for name in children.parameters)
    assert not any(
        line.startswith("-- id:") for c in checks.values() for line in c.sql.splitlines()
    )


def _check(tmp_path, extra: str = "") -> Check:
    path = tmp_path / "x.sql"
    path.write_text("select 1\n", encoding="utf-8")
    path.with_suffix(".yml").write_text(
        "family: f\nseverity: error\ndescription: d.\n" + extra, encoding="utf-8"
    )
    return parse_check(path)


def test_row_tolerance_and_comparison_override_the_header(tmp_path) -> None:
    check = _check(tmp_path)
    assert evaluate(check, {"expected": 100, "observed": 101})["status"] == "fail"
    assert evaluate(check, {"expected": 100, "observed": 101, "tolerance": 1})["status"] == "pass"
    assert evaluate(check, {"expected": 100, "observed": 90})["status"] == "fail"
    assert (
        evaluate(check, {"expected": 100, "observed": 90, "comparison": "at_most"})["status"]
        == "pass"
    )
    assert (
        evaluate(check, {"expected": 100, "observed": 110, "comparison": "at_most"})["status"]
        == "fail"
    )


@pytest.mark.parametrize("why", ["''", "'TO REVIEW: Expected 8, observed 7.'"])
def test_a_baseline_entry_needs_a_reason(tmp_path, why: str) -> None:
    path = tmp_path / "accepted.yaml"
    path.write_text(
        "- {check: a, entity: '62', indicator: b, year: 2022, expected: 8, observed: 7, "
        f"why: {why}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CheckDefinitionError, match=r"entry 1 \(a 62 b\): no justification yet"):
        load_baseline(path)


def test_a_baseline_entry_needs_its_year_and_values(tmp_path) -> None:
    path = tmp_path / "accepted.yaml"
    path.write_text("- {check: a, entity: '62', indicator: b, why: known}\n", encoding="utf-8")
    with pytest.raises(CheckDefinitionError, match=r"lacks \['expected', 'observed', 'year'\]"):
        load_baseline(path)


def test_overlap_compares_the_intervals_printed_figures_stand_for(tmp_path) -> None:
    check = _check(tmp_path, "comparison: overlap\n")
    exact = {"expected": 7000, "observed": 6841, "expected_low": 6999.5, "expected_high": 7000.5}
    assert (
        evaluate(check, {**exact, "observed_low": 6840.5, "observed_high": 6841.5})["status"]
        == "fail"
    )
    # "plus de 6 800" has no upper end: it agrees with 7 000
    assert (
        evaluate(check, {**exact, "observed_low": 6799.5, "observed_high": None})["status"]
        == "pass"
    )
    result = evaluate(check, {**exact, "observed_low": 6840.5, "observed_high": 6841.5})
    assert result["message"] == (
        "d. Expected 7 000, observed 6 841, delta -159: the intervals [6 999,5 ; 7 000,5] and "
        "[6 840,5 ; 6 841,5] do not meet."
    )
