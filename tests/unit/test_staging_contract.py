"""Each staging table is declared once, by its pandera model: the pipeline's column lists
are the models' columns, and the warehouse's fact tables are made of them, with the meaning
of their own columns."""

from __future__ import annotations

import datetime

import duckdb
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from pipelines.extract import staging
from pipelines.load import schema as dictionary
from pipelines.load.schema import (
    FACT_TABLES,
    Comments,
    MetadataError,
    apply_comments,
    apply_schema,
    fact_tables_ddl,
    missing_comments,
)
from pipelines.validate.tables import MODELS
from schemas.ddl import DdlError, create_table
from schemas.staging import STAGING_TABLES, ListItemStaging, Provenance, columns


@pytest.fixture(scope="module")
def schema() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    apply_schema(con)
    return con


def _describe(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, tuple]:
    """column -> (type, null, key, default, extra), in the table's order"""
    return {row[0]: tuple(row[1:]) for row in con.execute(f"describe {table}").fetchall()}


def _comment(con: duckdb.DuckDBPyConnection, table: str, column: str) -> str | None:
    row = con.execute(
        "select comment from duckdb_columns() where table_name = ? and column_name = ?",
        [table, column],
    ).fetchone()
    assert row is not None, f"{table}.{column}"
    return row[0]


@pytest.mark.parametrize("attribute", sorted(FACT_TABLES))
def test_each_fact_table_keeps_its_staging_columns_in_order(schema, attribute: str) -> None:
    table, not_kept = FACT_TABLES[attribute]
    declared = columns(STAGING_TABLES[attribute][1])
    assert list(_describe(schema, table)) == [c for c in declared if c not in not_kept], table


def test_the_fact_tables_types_nullability_and_defaults_are_the_models(schema) -> None:
    figure = _describe(schema, "fact_figure")
    assert figure["report_year"] == ("INTEGER", "NO", None, None, None)
    assert figure["page"] == ("INTEGER", "YES", None, None, None)
    assert figure["value"] == ("DOUBLE", "NO", None, None, None)
    assert figure["qualifier"] == ("VARCHAR", "YES", None, None, None)
    assert figure["is_derived"] == ("BOOLEAN", "NO", None, "false", None)
    assert figure["period_start"] == ("DATE", "YES", None, None, None)  # its metadata says so
    assert list(figure)[13:16] == ["rounding", "source_text", "source_span"]
    assert "entity_type" not in figure
    reject = _describe(schema, "stg_reject")
    assert [c for c, (_, null, *_) in reject.items() if null == "NO"] == [
        "stage",
        "staging_table",
        "reason",
    ]  # a reject is kept whatever else it lacks
    assert _describe(schema, "fact_block_quality")["section"][1] == "NO"  # "": no section
    assert list(_describe(schema, "fact_list_item"))[6:12] == [
        "section",
        "list_code",
        "position",
        "item_date",
        "item_text",
        "source_text",
    ]


def test_the_fact_tables_are_described_by_their_models(schema) -> None:
    assert missing_comments(schema) == []
    comment = schema.execute(
        "select comment from duckdb_tables() where table_name = 'fact_list_item'"
    ).fetchone()
    assert comment == (
        "The items of the dated lists of the projet de mandat, each tied to the count that "
        "summarises its list.",
    )
    # a column of the table's own: its field's description
    assert _comment(schema, "fact_block_quality", "entity_code") == (
        "Entity the block is about, when it is one entity's."
    )
    # a column meaning what it means everywhere: sql/columns.yml
    assert _comment(schema, "fact_figure", "entity_code") == _comment(
        schema, "check_result", "entity_code"
    )
    assert _comment(schema, "fact_list_item", "position") == "Rank in the list, from 1."


class ListItemWithRemark(ListItemStaging):
    remark: Series[str] = pa.Field(nullable=True, description="A remark on it.")


class ListItemWithPages(ListItemStaging):
    pages: Series[int] = pa.Field(ge=1, description="Pages it fills.")


class ListItemWithFlag(ListItemStaging):
    is_late: Series[bool] = pa.Field(default=False, description="True if late.")


class ListItemWithDeadline(ListItemStaging):
    deadline: Series[datetime.date] = pa.Field(nullable=True, description="When it is due.")


@pytest.mark.parametrize(
    ("model", "column", "described", "comment"),
    [
        (ListItemWithRemark, "remark", ("VARCHAR", "YES", None, None, None), "A remark on it."),
        (ListItemWithPages, "pages", ("INTEGER", "NO", None, None, None), "Pages it fills."),
        (ListItemWithFlag, "is_late", ("BOOLEAN", "NO", None, "false", None), "True if late."),
        (ListItemWithDeadline, "deadline", ("DATE", "YES", None, None, None), "When it is due."),
    ],
)
def test_a_column_added_to_a_model_reaches_its_table(
    monkeypatch, model: type[pa.DataFrameModel], column: str, described: tuple, comment: str
) -> None:
    """Adding a column is one edit of the model: its table has it, typed, with its meaning."""
    monkeypatch.setitem(STAGING_TABLES, "list_items", ("stg_list_item", model))
    con = duckdb.connect()
    con.execute(fact_tables_ddl())
    apply_comments(con)
    table = _describe(con, "fact_list_item")
    kept = [c for c in columns(ListItemStaging) if c not in FACT_TABLES["list_items"][1]]
    assert list(table) == [*kept, column]
    assert table[column] == described
    assert _comment(con, "fact_list_item", column) == comment
    assert [p for p in missing_comments(con) if "fact_list_item" in p] == []


def test_a_column_without_a_warehouse_type_is_named() -> None:
    class WithDuration(ListItemStaging):
        duration: Series[pa.Timedelta]

    with pytest.raises(DdlError, match=r"WithDuration\.duration: no DuckDB type"):
        create_table("fact_list_item", WithDuration)


def test_a_column_meaning_is_declared_once(monkeypatch) -> None:
    class ListItemRestated(ListItemStaging):
        extractor: Series[str] = pa.Field(description="Name of the extractor that read the row.")

    monkeypatch.setitem(STAGING_TABLES, "list_items", ("stg_list_item", ListItemRestated))
    with pytest.raises(MetadataError, match=r"ListItemRestated: the description of extractor"):
        dictionary.warehouse_comments()
    monkeypatch.setitem(STAGING_TABLES, "list_items", ("stg_list_item", ListItemStaging))
    described_twice = Comments(
        dictionary.load_metadata().columns,
        {"fact_list_item": {"description": "The items of the dated lists."}},
        {"fact_list_item": "schema/001_dimensions.yml"},
    )
    monkeypatch.setattr(dictionary, "load_metadata", lambda: described_twice)
    with pytest.raises(MetadataError, match="fact_list_item is described by its model"):
        dictionary.warehouse_comments()


def test_the_pipeline_derives_its_column_lists_from_the_models() -> None:
    frames = set(staging.StagingFrames.__dataclass_fields__)
    assert frames == set(STAGING_TABLES) == set(staging.STAGING_TABLES)
    for attribute, (table, model) in STAGING_TABLES.items():
        assert staging.STAGING_TABLES[attribute] == (table, columns(model))
    assert set(MODELS) == set(STAGING_TABLES) - {"rejects"}  # rejects are never refused


def test_a_column_added_to_a_model_reaches_the_frames() -> None:
    """The frames of every staging table have their model's columns, in its order."""
    empty = staging.empty_frames()
    for attribute, (_, model) in STAGING_TABLES.items():
        assert list(getattr(empty, attribute).columns) == columns(model)


@pytest.mark.parametrize("model", Provenance.__subclasses__(), ids=lambda m: m.__name__)
def test_every_row_read_from_the_report_quotes_its_text(model: type[Provenance]) -> None:
    """Each model declares `source_text` where its table has it: none may forget it."""
    column = model.to_schema().columns["source_text"]
    assert not column.nullable and column.checks
