"""The warehouse's schema: SQL files, the YAML metadata beside each, and the fact tables.

`sql/schema/*.sql` creates the dimension and check tables, `sql/views/*.sql` the views (Jinja
templates: `{{ indicator_columns('mds') }}` expands from the indicator catalog); beside each
SQL file a YAML file of the same name says what each object it creates is and what its
columns mean, in the manner of dbt's `schema.yml`; `sql/columns.yml` gives the columns that
mean the same everywhere. The fact tables are not written in SQL: each is its staging model's
columns (`schemas.ddl`), and its model describes it. Every object and column gets its text
with COMMENT ON at every schema update, so analysts see it in duckdb_columns().
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import jinja2
import pandera.pandas as pa

from pipelines.errors import IndicatorsError
from pipelines.settings import SQL_DIR, SQL_SCHEMA_DIR, SQL_VIEWS_DIR
from schemas import staging as staging_models
from schemas.catalog import IndicatorCatalog, load_indicator_catalog, read_yaml
from schemas.ddl import column_comments, create_table, table_comment

COLUMNS_FILE = SQL_DIR / "columns.yml"


class MetadataError(IndicatorsError, ValueError):
    """A SQL file's metadata is malformed, names an object or column the warehouse lacks, or
    describes a fact table (its staging model does)."""


def _metadata_files() -> list[Path]:
    return sorted([*SQL_SCHEMA_DIR.glob("*.yml"), *SQL_VIEWS_DIR.glob("*.yml")])


@cache
def load_metadata() -> Comments:
    """Every object's description and columns, from the YAML file beside its SQL file."""
    columns = read_yaml(COLUMNS_FILE)
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise MetadataError(f"{COLUMNS_FILE}: expected one text per column name")
    objects: dict[str, dict] = {}
    declared_in: dict[str, str] = {}
    for path in _metadata_files():
        if not path.with_suffix(".sql").is_file():
            raise MetadataError(f"{path}: no {path.with_suffix('.sql').name} beside it")
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise MetadataError(f"{path}: expected one entry per object the SQL file creates")
        for name, spec in data.items():
            if not isinstance(spec, dict) or not spec.get("description"):
                raise MetadataError(f"{path}: object {name!r} has no `description`")
            unknown = set(spec) - {"description", "columns", "indicator_columns"}
            if unknown:
                raise MetadataError(f"{path}: {name}: unknown key {', '.join(sorted(unknown))}")
            if name in objects:
                raise MetadataError(f"{path}: {name} is described in {declared_in[name]} too")
            objects[name] = spec
            declared_in[name] = path.relative_to(SQL_DIR).as_posix()
    return Comments(columns, objects, declared_in)


@dataclass(frozen=True)
class Comments:
    """What every object and column means: `columns` the same everywhere, `objects` by name
    (description, columns, indicator_columns), `declared_in` the YAML file of each object."""

    columns: dict[str, str]
    objects: dict[str, dict]
    declared_in: dict[str, str]

    def for_object(self, name: str) -> str | None:
        return (self.objects.get(name) or {}).get("description")

    def for_column(self, table: str, column: str) -> str | None:
        spec = self.objects.get(table) or {}
        own = (spec.get("columns") or {}).get(column)
        if own:
            return own
        prefix = spec.get("indicator_columns")
        catalog = load_indicator_catalog().indicators
        if prefix and column in catalog:
            indicator = catalog[column]
            return f"{prefix}: {indicator.label} ({indicator.unit})."
        return self.columns.get(column)


def warehouse_comments() -> Comments:
    """The metadata of every SQL file, with each fact table described by its staging model.

    A fact table's comment and its own columns' are its model's, the rest of its columns mean
    what the file's `columns` says they mean everywhere: a text is declared once, either there
    or in the model."""
    comments = load_metadata()
    objects = dict(comments.objects)
    for table, (model, not_kept) in fact_models().items():
        if table in objects:
            raise MetadataError(
                f"{comments.declared_in[table]}: {table} is described by its model, "
                f"{model.__name__} "
                "(schemas/staging.py): its entry here is one too many"
            )
        own = column_comments(model, not_kept)
        twice = [column for column, text in own.items() if comments.columns.get(column) == text]
        if twice:
            raise MetadataError(
                f"{model.__name__}: the description of {', '.join(twice)} is the one "
                f"{COLUMNS_FILE.name} gives every column of that name: drop it from the model"
            )
        objects[table] = {"description": table_comment(model), "columns": own}
    return Comments(comments.columns, objects, comments.declared_in)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def objects_of(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table' or 'view') of every object of the main schema, by name."""
    return con.execute(
        """
        select table_name, 'table' from duckdb_tables()
        where schema_name = 'main' and not internal and not temporary
        union all
        select view_name, 'view' from duckdb_views()
        where schema_name = 'main' and not internal and not temporary
        order by 1
        """
    ).fetchall()


def columns_of(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str | None]]:
    """(object, column, type, comment) of every column of the main schema, in order."""
    return con.execute(
        """
        select table_name, column_name, data_type, comment from duckdb_columns()
        where schema_name = 'main' and not internal
        order by table_name, column_index
        """
    ).fetchall()


def apply_comments(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON every object and column that SQL files' metadata or a staging model describes
    (idempotent)."""
    comments = warehouse_comments()
    statements = []
    for name, kind in objects_of(con):
        text = comments.for_object(name)
        if text:
            statements.append(f"comment on {kind} {name} is {_quote(text)}")
    for table, column, _, _ in columns_of(con):
        text = comments.for_column(table, column)
        if text:
            statements.append(f"comment on column {table}.{column} is {_quote(text)}")
    try:
        con.execute("begin transaction")  # one commit for all: ten times faster than one each
    except duckdb.TransactionException:  # the caller's transaction holds them
        con.execute(";\n".join(statements))
        return
    try:
        con.execute(";\n".join(statements))
    except duckdb.Error:
        con.execute("rollback")
        raise
    con.execute("commit")


def missing_comments(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Objects and columns without a comment, and metadata entries that name none."""
    comments = warehouse_comments()
    objects = dict(objects_of(con))
    comment_of = dict(
        con.execute(
            "select table_name, comment from duckdb_tables() where schema_name = 'main' "
            "union all select view_name, comment from duckdb_views() where schema_name = 'main'"
        ).fetchall()
    )
    problems = [f"{name}: no comment" for name in objects if not comment_of.get(name)]
    columns = columns_of(con)
    problems += [f"{t}.{c}: no comment" for t, c, _, comment in columns if not comment]
    problems += [
        f"{comments.declared_in[name]}: {name}: no such table or view"
        for name in comments.objects
        if name not in objects
    ]
    present = {(t, c) for t, c, _, _ in columns}
    for name, spec in comments.objects.items():
        for column in spec.get("columns") or {}:
            if name in objects and (name, column) not in present:
                problems.append(f"{comments.declared_in[name]}: {name}.{column}: no such column")
    return problems


# Where each staging table is loaded, and the staging columns its table does not keep (an
# entity's type is dim_entity's, a source's hash dim_source's). The table is the rest of its
# model's columns, in the model's order; a source (report year and kind) is replaced as a whole
# when it is loaded again.
FACT_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "figures": ("fact_figure", ("entity_type",)),
    "epci_mentions": ("fact_territory_epci", ("source_sha256",)),
    "councillor_mentions": ("fact_councillor_mention", ("source_sha256",)),
    "blocks": ("fact_block_quality", ("source_sha256",)),
    "list_items": ("fact_list_item", ("source_sha256",)),
    "rejects": ("stg_reject", ()),
}


def fact_models() -> dict[str, tuple[type[pa.DataFrameModel], tuple[str, ...]]]:
    """Each fact table's staging model, and the model's columns the table does not keep."""
    return {
        table: (staging_models.STAGING_TABLES[attribute][1], not_kept)
        for attribute, (table, not_kept) in FACT_TABLES.items()
    }


def fact_tables_ddl() -> str:
    """The `create table` of every fact table, from its staging model."""
    return "\n".join(
        create_table(table, model, not_kept) for table, (model, not_kept) in fact_models().items()
    )


def _sql_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.sql"))


def render_view(sql: str, catalog: IndicatorCatalog | None = None) -> str:
    """The view's SQL, a Jinja template, with its column lists made from the indicator catalog:
    `{{ indicator_columns('mds') }}` is one column per indicator of an office's tables,
    declared once, in the catalog."""
    catalog = load_indicator_catalog() if catalog is None else catalog

    def indicator_columns(entity_type: str) -> str:
        codes = catalog.table_codes(entity_type)
        if not codes:
            raise MetadataError(f"indicator_columns: no table of {entity_type!r}")
        return ",\n    ".join(
            f"max(figure.value) filter (where figure.indicator_code = '{code}') as {code}"
            for code in codes
        )

    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    try:
        return environment.from_string(sql).render(indicator_columns=indicator_columns)
    except jinja2.TemplateError as err:
        raise MetadataError(f"view template: {err}") from err


def _views() -> list[tuple[Path, str]]:
    """Every view file and its SQL, rendered."""
    catalog = load_indicator_catalog()
    return [
        (p, render_view(p.read_text(encoding="utf-8"), catalog)) for p in _sql_files(SQL_VIEWS_DIR)
    ]


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, then (re)create every view. Idempotent.

    Views may read other views: a view whose dependency does not exist yet is retried after
    the others, so the files need no numbering.
    """
    for path in _sql_files(SQL_SCHEMA_DIR):
        con.execute(path.read_text(encoding="utf-8"))
    con.execute(fact_tables_ddl())
    pending = _views()
    while pending:
        failed: list[tuple[Path, str, duckdb.Error]] = []
        for path, sql in pending:
            try:
                con.execute(sql)
            except duckdb.CatalogException as err:
                failed.append((path, sql, err))
        if len(failed) == len(pending):
            raise MetadataError(f"{failed[0][0].name}: {failed[0][2]}")
        pending = [(path, sql) for path, sql, _ in failed]
    apply_comments(con)  # views are recreated: comment them again
    con.execute(
        "insert or replace into warehouse_meta values ('schema_sha256', ?)", [schema_version()]
    )


@cache
def schema_version() -> str:
    """The hash of the schema and the views this code creates."""
    digest = hashlib.sha256()
    for path in _sql_files(SQL_SCHEMA_DIR):
        digest.update(path.name.encode() + path.read_bytes())
    for path, sql in _views():
        digest.update(path.name.encode() + sql.encode())
    digest.update(b"fact tables" + fact_tables_ddl().encode())
    return digest.hexdigest()
