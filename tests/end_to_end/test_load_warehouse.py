"""Loading the warehouse: idempotent per source, years side by side, atomic on failure."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import build_with_steps

from pipelines.load import warehouse as wh
from pipelines.run import steps


def _count(path: Path, sql: str) -> int:
    return int(wh.query(path, sql).to_numpy()[0, 0])


@pytest.fixture
def fresh_warehouse(tmp_path, report_path) -> Path:
    return build_with_steps([report_path], tmp_path / "indicators.duckdb")


def test_a_fresh_build_holds_every_figure_with_its_dimensions(fresh_warehouse) -> None:
    staged = _count(fresh_warehouse, "select count(*) from v_report_figure")
    assert staged > 600  # the report's figures: profiles, overview, tables, key-figure blocks
    assert (
        _count(fresh_warehouse, "select count(*) from v_indicator where entity_name is null") == 0
    )
    assert (
        _count(fresh_warehouse, "select count(*) from v_indicator where indicator_label is null")
        == 0
    )
    assert _count(fresh_warehouse, "select count(*) from dim_entity where entity_type = 'mds'") == 9
    assert _count(fresh_warehouse, "select count(*) from fact_territory_epci") == 20


def test_loading_the_same_report_twice_does_not_duplicate(fresh_warehouse, report_path) -> None:
    before = _count(fresh_warehouse, "select count(*) from fact_figure")
    build_with_steps([report_path], fresh_warehouse)
    assert _count(fresh_warehouse, "select count(*) from fact_figure") == before
    assert _count(fresh_warehouse, "select count(*) from dim_source") == 2  # report, reference
    # check runs are history: both runs are kept, the view shows the latest
    assert _count(fresh_warehouse, "select count(*) from check_run") == 2
    assert _count(fresh_warehouse, "select count(distinct run_id) from v_check_result") == 1


def test_next_year_loads_beside_this_one(fresh_warehouse, report_path, tmp_path) -> None:
    next_year = tmp_path / "rapport-activites-2023.txt"
    text = report_path.read_text(encoding="utf-8").replace("ANNÉE 2022", "ANNÉE 2023", 1)
    next_year.write_text(text, encoding="utf-8")
    per_year = "select report_year, count(*) as n from v_report_figure group by 1 order by 1"
    [this_year] = wh.query(fresh_warehouse, per_year).to_dict("records")
    build_with_steps([next_year], fresh_warehouse)
    years = wh.query(fresh_warehouse, per_year)
    assert years.to_dict("records") == [this_year, {"report_year": 2023, "n": this_year["n"]}]


def test_a_failure_mid_load_leaves_the_previous_warehouse_intact(
    existing_warehouse, report_path, monkeypatch
) -> None:
    before = wh.query(existing_warehouse, "select * from fact_figure order by all")
    staged = steps.validate_staged(steps.stage_report(report_path, existing_warehouse.parent / "s"))
    real_load = wh.load_source

    def load_then_fail(con, frames, source):
        real_load(con, frames, source)  # the facts are deleted and re-inserted ...
        raise RuntimeError("disk full (injected)")  # ... and then the build dies

    monkeypatch.setattr(wh, "load_source", load_then_fail)
    with pytest.raises(RuntimeError, match="injected"):
        steps.load_candidate([staged], existing_warehouse)
    after = wh.query(existing_warehouse, "select * from fact_figure order by all")
    assert after.equals(before)
    assert list(existing_warehouse.parent.glob("*.candidate*")) == []


def test_queries_are_read_only(existing_warehouse) -> None:
    before = _count(existing_warehouse, "select count(*) from fact_figure")
    with pytest.raises(duckdb.Error, match="read-only"):
        wh.query(existing_warehouse, "delete from fact_figure")
    assert _count(existing_warehouse, "select count(*) from fact_figure") == before


def test_a_missing_or_corrupt_warehouse_is_named(tmp_path) -> None:
    with pytest.raises(wh.WarehouseError, match="no warehouse here"):
        wh.query(tmp_path / "absent.duckdb", "select 1")
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(wh.WarehouseError, match=r"corrupt\.duckdb: cannot open the warehouse"):
        wh.query(corrupt, "select 1")
