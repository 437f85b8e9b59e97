"""The analyst views: one row per figure, the preferred statement, the ready views."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from pipelines.load import schema
from pipelines.load import warehouse as wh
from pipelines.settings import SQL_VIEWS_DIR
from schemas.catalog import load_indicator_catalog


@pytest.fixture(scope="module")
def q(built_warehouse):
    with wh.connect(built_warehouse, read_only=True) as con:
        yield lambda sql: con.execute(sql).fetchall()


def test_v_figure_has_one_row_per_printed_figure(q) -> None:
    readings = q("select source_kind, count(*) from fact_figure group by all order by 1")
    figures = q("select read_from, count(*) from v_figure group by all")
    facts = q("select count(*) from v_indicator where source_kind = 'text'")[0][0]
    readings = dict(readings)
    assert readings["reference"] == 1868 and readings["text"] == readings["pdf"] > 1000
    # every figure of the report was read from both renditions, with the same value; a fact
    # printed twice (same value and period) is one figure
    assert dict(figures) == {"text+pdf": facts} and facts < readings["text"]
    assert q("select count(distinct figure_id) from v_figure") == [(facts,)]


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
        "where territory_code = '62-lens-henin'"
    )
    assert lens == [(5147.0 + 11482.0, 367769.0)]


def test_the_wide_views_have_one_row_per_office(q) -> None:
    mds = q("select mds_code, figures_count, rsa_allocataires_count from v_mds_wide order by 1")
    assert len(mds) == 9
    assert ("62-mds-lens-lievin", 0, None) in mds
    assert ("62-mds-artois", 17, 9278.0) in mds
    assert q("select count(*), sum(figures_count) from v_mdadt_wide") == [(7, 103)]


def test_the_wide_views_have_a_column_per_indicator_of_the_catalogs_tables(q) -> None:
    catalog = load_indicator_catalog()
    for entity_type in ("mds", "mdadt"):
        described = q(f"select column_name from (describe v_{entity_type}_wide)")
        columns = [name for (name,) in described]
        assert columns == [
            "report_year",
            f"{entity_type}_code",
            f"{entity_type}_name",
            "territory_code",
            "figures_count",
            *catalog.table_codes(entity_type),
        ]
    assert "cer_count" in catalog.table_codes("mdadt")  # printed aside: "20 (12 CER)"


def test_an_indicator_added_to_a_table_is_a_column_of_its_wide_view() -> None:
    """Adding a row to an office table is one edit of the catalog: the view follows."""
    catalog = load_indicator_catalog()
    staff = catalog.indicators["staff_count"]
    added = dataclasses.replace(staff, code="volunteers_count", label="Bénévoles")
    bigger = dataclasses.replace(catalog, indicators={**catalog.indicators, added.code: added})
    sql = schema.render_view((SQL_VIEWS_DIR / "v_mds_wide.sql").read_text(encoding="utf-8"), bigger)
    con = duckdb.connect()
    schema.apply_schema(con)
    con.execute(sql)
    columns = [
        row[0] for row in con.execute("select column_name from (describe v_mds_wide)").fetchall()
    ]
    assert columns[5:] == sorted([*catalog.table_codes("mds"), "volunteers_count"])
    with pytest.raises(schema.MetadataError, match="no table of 'ddets'"):
        schema.render_view("select\n    {{ indicator_columns('ddets') }}\nfrom t", catalog)


def test_report_vs_reference_pairs_each_preferred_figure(q) -> None:
    rows = q(
        "select report_value, reference_value, difference from v_report_vs_reference "
        "where entity_code = '62' and indicator_code in ('communes_count', 'population') "
        "order by indicator_code"
    )
    assert rows == [(890.0, 887.0, 3.0), (1453934.0, 1468018.0, -14084.0)]


def test_year_over_year_has_one_row_per_curated_quantity(q) -> None:
    """One row per curated concept, entity and year, whether the figure was read as the
    concept's own code or as a generated code linked to it."""
    [(rows, previous)] = q("select count(*), count(previous_value) from v_year_over_year")
    [(quantities,)] = q(
        "select count(*) from (select distinct f.entity_code, "
        "coalesce(m.concept_code, f.indicator_code) from v_figure as f "
        "left join map_indicator_concept as m using (indicator_code) "
        "join dim_indicator as i on i.indicator_code = coalesce(m.concept_code, f.indicator_code) "
        "where f.is_preferred and i.is_curated)"
    )
    assert (rows, previous) == (quantities, 0) and rows > 350
    assert q("select count(*) from v_year_over_year where indicator_code like 'kf_%'") == [(0,)]
    linked = q("select count(*) from v_year_over_year where stated_as <> indicator_code")
    assert linked[0][0] >= 1  # a generated indicator linked to its concept counts for it


@pytest.fixture
def fresh_con(tmp_path):
    """An empty warehouse with the schema, views and comments."""
    with wh.connect(tmp_path / "fresh.duckdb", read_only=False) as con:
        schema.apply_schema(con)
        con.execute(
            "insert into dim_entity values ('62', 'department', 'Pas-de-Calais', null, '62');"
            "insert into dim_indicator (indicator_code, indicator_label, unit, domain, "
            "is_additive) values ('agents_count', 'Agents', 'count', 'administration', true);"
            "insert into dim_source values ('62', 2022, 'text', 'r.txt', 'x', now(), null),"
            " ('62', 2022, 'pdf', 'r.pdf', 'y', now(), null)"
        )
        yield con


def _figure(kind: str, where: int, value: float, qualifier: str | None = None) -> tuple:
    page, line = (None, where) if kind == "text" else (where, 1)
    return (
        2022,
        kind,
        f"r.{kind[:3]}",
        "h",
        page,
        line,
        "s",
        "62",
        "agents_count",
        value,
        "count",
        qualifier,
        "t",
        str(value),
        "e",
    )


def _load(con, rows: list[tuple]) -> None:
    con.executemany(
        "insert into fact_figure (departement_code, report_year, source_kind, source_file, "
        "source_sha256, page, "
        "line, section, entity_code, indicator_code, value, unit, qualifier, source_text, "
        "source_span, extractor) values ('62', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def test_a_figure_one_rendition_misread_stays_a_row_of_its_own(fresh_con) -> None:
    _load(
        fresh_con,
        [
            _figure("text", 10, 6841),
            _figure("pdf", 3, 6841),
            _figure("text", 20, 6873),
            _figure("pdf", 4, 6837),
        ],
    )
    rows = fresh_con.execute(
        "select value, read_from, text_line, pdf_page from v_figure order by value"
    ).fetchall()
    assert rows == [
        (6837.0, "pdf", None, 4),
        (6841.0, "text+pdf", 10, 3),
        (6873.0, "text", 20, None),
    ]


def test_an_exact_figure_is_preferred_to_a_qualified_or_rounder_one(fresh_con) -> None:
    _load(
        fresh_con,
        [
            _figure("text", 1, 7000),
            _figure("text", 2, 6900, "approx"),
            _figure("text", 3, 6870),
            _figure("text", 4, 6873),
        ],
    )
    rows = fresh_con.execute(
        "select value, statement_rank, is_preferred from v_figure order by statement_rank"
    ).fetchall()
    assert rows == [(7000.0, 1, False), (6900.0, 2, False), (6870.0, 3, False), (6873.0, 4, True)]


def test_year_over_year_sets_each_year_beside_the_previous_one(fresh_con) -> None:
    fresh_con.execute(
        "update dim_indicator set is_curated = true;"
        "insert into dim_source values ('62', 2023, 'text', 'r23.txt', 'z', now(), null)"
    )
    previous_year = [(2023, *_figure("text", 5, 7100)[1:])]
    _load(fresh_con, [_figure("text", 1, 7000), _figure("text", 2, 6873), *previous_year])
    rows = fresh_con.execute(
        "select report_year, value, previous_year, previous_value, change, change_pct "
        "from v_year_over_year order by report_year"
    ).fetchall()
    assert rows == [
        (2022, 6873.0, None, None, None, None),
        (2023, 7100.0, 2022, 6873.0, 227.0, 3.3),
    ]
