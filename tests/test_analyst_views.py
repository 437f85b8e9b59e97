"""The analyst views: one row per figure, the preferred statement, the ready views."""

from __future__ import annotations

import pytest

from pipelines import warehouse as wh


@pytest.fixture(scope="module")
def q(built_warehouse):
    with wh.connect(built_warehouse, read_only=True) as con:
        yield lambda sql: con.execute(sql).fetchall()


def test_v_figure_has_one_row_per_printed_figure(q) -> None:
    readings = q("select source_kind, count(*) from fact_figure group by all order by 1")
    figures = q("select read_from, count(*) from v_figure group by all")
    assert dict(readings) == {"pdf": 677, "reference": 1868, "text": 677}
    # every figure of the report was read from both renditions, with the same value
    assert dict(figures) == {"text+pdf": 677}
    assert q("select count(distinct figure_id) from v_figure") == [(677,)]


def test_exactly_one_statement_of_each_quantity_is_preferred(q) -> None:
    per_quantity = q(
        "select count(*) filter (where is_preferred) as n from v_figure "
        "group by report_year, entity_code, indicator_code having n <> 1"
    )
    assert per_quantity == []


def test_the_precise_population_is_preferred_over_the_rounded_one(q) -> None:
    rows = q(
        "select value, is_preferred, statement_rank, statements, text_line, pdf_page "
        "from v_figure where entity_code = '62' and indicator_code = 'population' "
        "order by statement_rank"
    )
    assert rows == [(1472000.0, False, 1, 2, 229, 6), (1453934.0, True, 2, 2, 1284, 29)]


def test_agents_prefer_the_first_exact_non_round_figure(q) -> None:
    rows = q(
        "select value from v_figure where entity_code = '62' "
        "and indicator_code = 'agents_count' and is_preferred"
    )
    assert rows == [(6841.0,)]


def test_the_scorecard_answers_the_rsa_question_in_one_line(q) -> None:
    rows = q(
        "select territory_name, rsa_allocataires_per_1000, includes_derived_residual "
        "from v_territory_scorecard order by rsa_allocataires_per_1000 desc"
    )
    assert len(rows) == 7
    assert rows[0] == ("Lens-Hénin", 45.22, True)  # Hénin-Carvin plus the Lens-Liévin residual
    assert [r[2] for r in rows].count(True) == 1


def test_the_scorecard_rolls_the_mds_up_with_the_derived_residual(q) -> None:
    department = q(
        "select value from v_figure where entity_code = '62' "
        "and indicator_code = 'rsa_allocataires_count'"
    )
    total = q("select sum(rsa_allocataires_count) from v_territory_scorecard")
    assert total == department == [(48137.0,)]
    lens = q(
        "select rsa_allocataires_count, reference_population from v_territory_scorecard "
        "where territory_code = 'lens-henin'"
    )
    assert lens == [(5147.0 + 11482.0, 367769.0)]


def test_the_wide_views_have_one_row_per_office(q) -> None:
    mds = q("select mds_code, figures_count, rsa_allocataires_count from v_mds_wide order by 1")
    assert len(mds) == 9
    assert ("mds-lens-lievin", 0, None) in mds
    assert ("mds-artois", 17, 9278.0) in mds
    assert q("select count(*), sum(figures_count) from v_mdadt_wide") == [(7, 103)]


def test_report_vs_reference_pairs_each_preferred_figure(q) -> None:
    rows = q(
        "select report_value, reference_value, difference from v_report_vs_reference "
        "where entity_code = '62' and indicator_code in ('communes_count', 'population') "
        "order by indicator_code"
    )
    assert rows == [(890.0, 887.0, 3.0), (1453934.0, 1468018.0, -14084.0)]


def test_year_over_year_has_one_row_per_curated_quantity(q) -> None:
    assert q("select count(*), count(previous_value) from v_year_over_year") == [(373, 0)]
    assert q("select count(*) from v_year_over_year where indicator_code like 'kf_%'") == [(0,)]
