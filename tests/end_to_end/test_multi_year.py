"""Several report years in one warehouse: loading or rebuilding one year leaves the others.

The second year is `tests/data/synthetic-2023-export.txt`, made from the real 2022 export
by `tests/data/make_synthetic_2023_export.py` (year 2023, two Audomarois figures changed,
the MDS du Ternois table dropped).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, REPORT, build_with_steps

from pipelines.load import warehouse as wh
from pipelines.read import SourceError

SYNTHETIC_2023 = DATA / "synthetic-2023-export.txt"
YEAR_ROWS = "select * from {table} where report_year = {year} order by all"
TABLES = ("fact_figure", "fact_block_quality", "fact_territory_epci", "stg_reject")


def _year(warehouse: Path, year: int) -> dict[str, pd.DataFrame]:
    return {t: wh.query(warehouse, YEAR_ROWS.format(table=t, year=year)) for t in TABLES}


def _assert_same(before: dict[str, pd.DataFrame], after: dict[str, pd.DataFrame]) -> None:
    for table, frame in before.items():
        pd.testing.assert_frame_equal(frame, after[table], obj=table)


@pytest.fixture(scope="module")
def two_year_warehouse(built_warehouse, tmp_path_factory) -> Path:
    """The built 2022 warehouse (text, PDF, reference) with the synthetic 2023 export added."""
    target = tmp_path_factory.mktemp("two-years") / "indicators.duckdb"
    shutil.copyfile(built_warehouse, target)
    build_with_steps([SYNTHETIC_2023], target)
    return target


def test_the_synthetic_year_is_what_its_script_makes() -> None:
    spec = importlib.util.spec_from_file_location("make", DATA / "make_synthetic_2023_export.py")
    assert spec is not None and spec.loader is not None
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    expected = make.synthetic_2023(REPORT.read_text(encoding="utf-8"))
    assert SYNTHETIC_2023.read_text(encoding="utf-8") == expected


def test_loading_2023_leaves_2022_as_it_was(built_warehouse, two_year_warehouse) -> None:
    _assert_same(_year(built_warehouse, 2022), _year(two_year_warehouse, 2022))
    sources = wh.query(two_year_warehouse, "select report_year, source_kind from dim_source")
    assert sorted(map(tuple, sources.values.tolist())) == [
        (2022, "pdf"), (2022, "reference"), (2022, "text"), (2023, "reference"), (2023, "text"),
    ]  # fmt: skip


def test_rebuilding_2022_leaves_2023_as_it_was(two_year_warehouse, tmp_path) -> None:
    target = tmp_path / "indicators.duckdb"
    shutil.copyfile(two_year_warehouse, target)
    before_2022, before_2023 = _year(target, 2022), _year(target, 2023)
    build_with_steps([REPORT], target)  # the 2022 export again: 2023 and the 2022 PDF stay
    _assert_same(before_2023, _year(target, 2023))
    _assert_same(before_2022, _year(target, 2022))


def test_the_year_over_year_view_shows_the_changed_figures(two_year_warehouse) -> None:
    changed = wh.query(
        two_year_warehouse,
        "select entity_code, indicator_code, previous_year, previous_value, value, change "
        "from v_year_over_year where report_year = 2023 and change <> 0 order by all",
    )
    assert changed.values.tolist() == [
        ["62-audomarois", "buildings_count", 2022, 10.0, 12.0, 2.0],
        ["62-audomarois", "farda_eligible_communes_count", 2022, 77.0, 75.0, -2.0],
    ]


def test_the_dropped_block_is_missing_in_2023_only(two_year_warehouse) -> None:
    figures = wh.query(
        two_year_warehouse,
        "select report_year, count(*) as figures from v_year_over_year "
        "where entity_code = '62-mds-ternois' group by all order by all",
    )
    assert figures.values.tolist() == [[2022, figures.figures[0]]]
    assert figures.figures[0] > 10
    unchanged_2023 = wh.query(
        two_year_warehouse,
        "select count(*) as n from v_year_over_year where report_year = 2023 and change = 0",
    ).n[0]
    all_2022 = wh.query(
        two_year_warehouse, "select count(*) as n from v_year_over_year where report_year = 2022"
    ).n[0]
    assert unchanged_2023 == all_2022 - figures.figures[0] - 2


def test_a_build_starts_from_empty_and_keeps_the_check_history(tmp_path) -> None:
    """An outdated warehouse (a table without today's columns) is not patched: the build
    writes a new one from the sources; an analyst's own table is kept, and the check runs of
    both builds stay."""
    target = tmp_path / "indicators.duckdb"
    with wh.connect(target, read_only=False) as con:
        con.execute("create table fact_figure (report_year integer, value double)")
        con.execute("create table analyst_note as select 42 as answer")
    build_with_steps([SYNTHETIC_2023], target)
    build_with_steps([SYNTHETIC_2023], target)
    columns = set(wh.query(target, "describe fact_figure").column_name)
    assert {"rounding", "part_of", "period_kind", "block"} <= columns
    assert wh.query(target, "select answer from analyst_note").answer.tolist() == [42]
    runs = wh.query(target, "select count(distinct run_id) as n from v_check_history").n[0]
    assert runs == 2


def test_a_held_year_whose_file_is_gone_stops_the_build(two_year_warehouse, tmp_path) -> None:
    target = tmp_path / "indicators.duckdb"
    shutil.copyfile(two_year_warehouse, target)
    with wh.connect(target, read_only=False) as con:
        con.execute(
            "update dim_source set source_path = ? where report_year = 2023",
            [str(tmp_path / "gone.txt")],
        )
    with pytest.raises(SourceError, match=r"gone\.txt: the warehouse holds report year 2023"):
        build_with_steps([REPORT], target)


def test_what_2022_had_and_2023_lacks_is_a_finding_naming_where_2022_had_it(
    two_year_warehouse,
) -> None:
    """The synthetic 2023 export drops the MDS du Ternois table: its block and each curated
    indicator it stated are warn findings; key-figure blocks that only moved are not."""
    rows = wh.query(
        two_year_warehouse,
        "select status, entity_code, indicator_code, expected_source, observed_source "
        "from v_check_result where check_id = 'completeness__since_last_year' order by all",
    ).to_dict("records")
    # the reference comparisons (the report's, whichever source) are all still there
    assert [r["indicator_code"] for r in rows if r["status"] == "pass"] == ["since_2022"]
    rows = [r for r in rows if r["status"] != "pass"]
    assert {r["status"] for r in rows} == {"warn"}
    assert {r["entity_code"] for r in rows} == {"62-mds-ternois"}
    codes = {r["indicator_code"] for r in rows}
    assert "mds_activity:62-mds-ternois" in codes and "staff_fte" in codes
    assert len(codes) == 18  # the block and the 17 curated figures of its table
    staff = next(r for r in rows if r["indicator_code"] == "staff_fte")
    assert staff["expected_source"] == "2022: rapport-activites-2022.txt:2116 (PDF p.47)"
    assert staff["observed_source"] == "2023: not found in synthetic-2023-export.txt"


def test_a_lost_reference_comparison_is_a_finding_of_its_own(built_warehouse, tmp_path) -> None:
    """Next year's report without the Audomarois communes line: the block stays (the profile
    is read), the curated figure and its comparison with the reference data are both lost,
    each a finding naming where 2022 had it."""
    lines = SYNTHETIC_2023.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = "- ⇒ 89 communes\n"
    assert lines.count(dropped) == 1
    variant = tmp_path / "rapport-2023.txt"
    variant.write_text("".join(line for line in lines if line != dropped), encoding="utf-8")
    target = tmp_path / "indicators.duckdb"
    shutil.copyfile(built_warehouse, target)
    build_with_steps([variant], target)
    rows = wh.query(
        target,
        "select entity_code, indicator_code, message, expected_source from v_check_result "
        "where check_id = 'completeness__since_last_year' and status = 'warn' "
        "and entity_code = '62-audomarois' order by all",
    ).to_dict("records")
    lost = {r["message"].split("(tolerance 0). ")[1] for r in rows}
    assert lost == {
        "the curated indicator communes_count of 2022 is not in the 2023 report (text).",
        "the reference comparison communes_count of 2022 is not in the 2023 report.",
    }
    comparison = next(r for r in rows if "reference comparison" in r["message"])
    assert comparison["expected_source"] == "2022: report 89 vs reference 89"
    assert not any(r["indicator_code"].startswith("profile:") for r in rows)  # the block stays
