"""Each staging table is declared once, by its pandera model: the pipeline's column lists
are the models' columns, and the warehouse's tables keep exactly those columns."""

from __future__ import annotations

import duckdb
import pytest

from pipelines import staging
from pipelines.validate import MODELS
from pipelines.warehouse import FACT_TABLES, apply_schema
from schemas.staging import STAGING_TABLES, columns


@pytest.fixture(scope="module")
def schema() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    apply_schema(con)
    return con


@pytest.mark.parametrize("attribute", sorted(FACT_TABLES))
def test_each_fact_table_keeps_its_staging_columns(schema, attribute: str) -> None:
    table, not_kept = FACT_TABLES[attribute]
    kept = {row[0] for row in schema.execute(f"describe {table}").fetchall()}
    declared = set(columns(STAGING_TABLES[attribute][1]))
    assert kept == declared - set(not_kept), table


def test_the_pipeline_derives_its_column_lists_from_the_models() -> None:
    frames = set(staging.StagingFrames.__dataclass_fields__)
    assert frames == set(STAGING_TABLES) == set(staging.STAGING_TABLES)
    for attribute, (table, model) in STAGING_TABLES.items():
        assert staging.STAGING_TABLES[attribute] == (table, columns(model))
    assert set(MODELS) == set(STAGING_TABLES) - {"rejects"}  # rejects are never refused


def test_a_column_added_to_a_model_reaches_the_frames() -> None:
    """Adding a column is one edit of the model (and of the DDL, held to it above)."""
    empty = staging.empty_frames()
    for attribute, (_, model) in STAGING_TABLES.items():
        assert list(getattr(empty, attribute).columns) == columns(model)
