"""DuckDB tables from pandera models: a staging model is the one declaration of its table.

A column's type follows from its pandera data type (`SQL_TYPES`, the only mapping), its
`not null` from `nullable`, its `default` from the field's default; a column kept as text in
staging but typed in the warehouse (an ISO date) says so in its field's metadata
(`metadata={SQL_TYPE: "date"}`). What a table and a column mean comes with the model too: the
model's `Config.description` (pandera falls back on its docstring) and each field's
`description`, for the columns whose meaning is the table's own.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandera.pandas as pa
from pandera import dtypes

from pipelines.errors import IndicatorsError

# pandera's generic data types -> DuckDB's; a subtype maps as its kind (int64 and Int64 are Int)
SQL_TYPES: dict[type[dtypes.DataType], str] = {
    dtypes.Bool: "boolean",
    dtypes.Int: "integer",
    dtypes.Float: "double",
    dtypes.String: "varchar",
    dtypes.Date: "date",
    dtypes.Timestamp: "timestamp",
}

# the key of a field's metadata that gives its warehouse type when the dtype's is not it
SQL_TYPE = "sql_type"


class DdlError(IndicatorsError, ValueError):
    """A model's column has a data type the warehouse has no type for."""


def sql_type(model: type[pa.DataFrameModel], column: pa.Column) -> str:
    """The DuckDB type of one column of the model."""
    declared = (column.metadata or {}).get(SQL_TYPE)
    if declared:
        return str(declared)
    for generic, name in SQL_TYPES.items():
        if isinstance(column.dtype, generic):
            return name
    raise DdlError(
        f"{model.__name__}.{column.name}: no DuckDB type for the data type {column.dtype}; "
        f"add it to SQL_TYPES in {__name__} or give the field metadata={{{SQL_TYPE!r}: ...}}"
    )


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def table_columns(model: type[pa.DataFrameModel], not_kept: Iterable[str] = ()) -> list[pa.Column]:
    """The model's columns the table keeps, in the model's order."""
    left_out = set(not_kept)
    return [c for name, c in model.to_schema().columns.items() if name not in left_out]


def create_table(table: str, model: type[pa.DataFrameModel], not_kept: Iterable[str] = ()) -> str:
    """`create table if not exists` with the model's columns but those not kept."""
    lines = []
    for column in table_columns(model, not_kept):
        line = f"    {column.name} {sql_type(model, column)}"
        if not column.nullable:
            line += " not null"
        if column.default is not None:
            line += f" default {_literal(column.default)}"
        lines.append(line)
    return f"create table if not exists {table} (\n" + ",\n".join(lines) + "\n);\n"


def table_comment(model: type[pa.DataFrameModel]) -> str | None:
    """What the table means: the model's description, on one line."""
    description = model.to_schema().description
    return " ".join(description.split()) if description else None


def column_comments(model: type[pa.DataFrameModel], not_kept: Iterable[str] = ()) -> dict[str, str]:
    """What the kept columns that have a description mean (the others mean what they mean
    everywhere: sql/columns.yml)."""
    return {
        str(column.name): column.description
        for column in table_columns(model, not_kept)
        if column.description
    }
