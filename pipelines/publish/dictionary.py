"""What the warehouse means, beside it: the data dictionary and one indicator's card.

- `render` writes the data dictionary (`docs/data-dictionary.md`): every object with its
  columns (their comments, from the SQL files' metadata: `pipelines.load.schema`), and every
  indicator (generated `kf_` codes included) with its label, unit, definition, entity
  levels, where the report prints it and an example value;
- `describe` prints one indicator's card with its values by entity (`indicators describe`).

python -m pipelines.publish.dictionary WAREHOUSE > docs/data-dictionary.md
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import duckdb

from pipelines.errors import IndicatorsError
from pipelines.load.schema import columns_of, objects_of, warehouse_comments
from pipelines.settings import CATALOG_DIR
from schemas.catalog import Indicator, load_indicator_catalog, read_yaml

DEFINITIONS_FILE = CATALOG_DIR / "definitions.yaml"


class DictionaryError(IndicatorsError, ValueError):
    """schemas/catalog/definitions.yaml is malformed or names an indicator the catalog lacks."""


@cache
def load_definitions(path: Path = DEFINITIONS_FILE) -> dict[str, str]:
    """What each curated indicator counts (schemas/catalog/definitions.yaml)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not all(isinstance(v, str) and v for v in data.values()):
        raise DictionaryError(f"{path}: expected one non-empty text per indicator code")
    return data


# --- the data dictionary -------------------------------------------------------------------

_INDICATOR_FACTS = """
with figure as (
    select * from v_figure
),

levels as (
    select indicator_code, string_agg(distinct entity_type, ', ' order by entity_type) as levels
    from (select indicator_code, entity_type from v_figure
          union all select indicator_code, entity_type || ' (reference)' from v_reference_figure)
    group by all
),

places as (
    select
        indicator_code,
        string_agg(distinct section, ' · ' order by section) as sections,
        array_to_string(list_sort(list_distinct(list(text_line))), ', ') as text_lines,
        min(text_line) as first_line,
        array_to_string(list_sort(list_distinct(list(pdf_page))), ', ') as pdf_pages,
        count(*) as figures
    from figure
    group by all
),

example as (
    select indicator_code, entity_name, value, unit, source_span, source_text
    from figure
    where is_preferred
    qualify row_number() over (
        partition by indicator_code
        order by entity_type <> 'department', entity_code, report_year desc
    ) = 1
)

select
    indicator.indicator_code, indicator.indicator_label, indicator.unit, indicator.domain,
    indicator.is_additive, indicator.is_curated, levels.levels, places.sections,
    places.text_lines, places.pdf_pages, coalesce(places.figures, 0) as figures,
    example.entity_name, example.value, example.source_span, example.source_text,
    case when link.method not in ('curated', 'unlinked', 'kept apart') then link.concept_code end
        as concept_code,
    link.method as concept_method
from dim_indicator as indicator
left join map_indicator_concept as link using (indicator_code)
left join levels using (indicator_code)
left join places using (indicator_code)
left join example using (indicator_code)
order by not indicator.is_curated, coalesce(places.first_line, 1e9), indicator.indicator_code
"""


def _how_read(indicator: Indicator) -> str:
    if indicator.table:
        return f"a row of the {indicator.table} tables"
    if indicator.key_figure is not None:
        return "a key-figure line"
    if indicator.sentences:
        return "a sentence"
    return "an aside or share of another figure"


def definition(row: dict) -> str:
    """One sentence: what the indicator counts and how it is read."""
    adds = "adds up across entities" if row["is_additive"] else "does not add up across entities"
    catalog = load_indicator_catalog().indicators
    if row["is_curated"] and row["indicator_code"] in catalog:
        indicator = catalog[row["indicator_code"]]
        what = load_definitions().get(indicator.code, f"{indicator.label}.")
        return (
            f"{what} Read from {_how_read(indicator)} of the report, in {indicator.unit}; {adds}."
        )
    printed = " ".join((row["source_text"] or "").split())
    if len(printed) > 160:
        printed = printed[:157] + "…"
    chapter = (row.get("sections") or "").split(" · ")[0] or row["domain"]
    return f"One-off figure of “{chapter}”, printed as: “{printed}”."


def format_number(value: float | None) -> str:
    """A number as an analyst reads it: no scientific notation, no trailing .0."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def indicator_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cursor = con.execute(_INDICATOR_FACTS)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def render(con: duckdb.DuckDBPyConnection) -> str:
    """The data dictionary as Markdown, from the comments and the warehouse's contents."""
    lines = [
        "# Data dictionary",
        "",
        "Generated by `python -m pipelines.publish.dictionary WAREHOUSE > docs/data-dictionary.md`",
        "from the comments of the warehouse (the YAML file beside each SQL file; for the fact",
        "tables, their staging models in `schemas/staging.py`) and its contents; a test keeps it",
        "current. The same comments are in the database: `select table_name, column_name,",
        "comment from duckdb_columns()`.",
        "",
        "## Tables and views",
        "",
    ]
    comment_of = dict(
        con.execute(
            "select table_name, comment from duckdb_tables() where schema_name = 'main' "
            "union all select view_name, comment from duckdb_views() where schema_name = 'main'"
        ).fetchall()
    )
    columns = columns_of(con)
    for name, kind in objects_of(con):
        lines += [f"### `{name}` ({kind})", "", _cell(comment_of.get(name)), ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        lines += [
            f"| `{c}` | {t} | {_cell(comment)} |"
            for table, c, t, comment in columns
            if table == name
        ]
        lines.append("")
    rows = indicator_rows(con)
    curated = sum(1 for r in rows if r["is_curated"])
    lines += [
        "## Indicators",
        "",
        f"{len(rows)} indicators: {curated} curated (`schemas/catalog/indicators.yaml`), "
        f"{len(rows) - curated} generated `kf_` codes of one-off key figures. “Where” gives the",
        "sections, the lines of the text export and the pages of the PDF rendition; `indicators",
        "describe CODE` prints the values by entity.",
        "",
    ]
    for row in rows:
        example = (
            f"{format_number(row['value'])} {row['unit']} ({row['entity_name']}, printed "
            f"“{row['source_span']}”)"
            if row["value"] is not None
            else "none in this warehouse"
        )
        lines += [
            f"### `{row['indicator_code']}`",
            "",
            f"- label: {row['indicator_label']}",
            f"- unit: {row['unit']}",
            f"- definition: {definition(row)}",
            *(
                [f"- same quantity as: `{row['concept_code']}` ({row['concept_method']})"]
                if row["concept_code"]
                else []
            ),
            f"- entity levels: {row['levels'] or 'none in this warehouse'}",
            f"- where: {row['sections'] or '-'}; text export lines {row['text_lines'] or '-'}; "
            f"PDF pages {row['pdf_pages'] or '-'} ({row['figures']} printed figures)",
            f"- example: {example}",
            "",
        ]
    return "\n".join(lines)


def _describe_object(con: duckdb.DuckDBPyConnection, name: str, kind: str) -> str:
    comment = warehouse_comments().for_object(name) or ""
    columns = [(c, t, m) for table, c, t, m in columns_of(con) if table == name]
    width = max(len(c) for c, _, _ in columns)
    lines = [f"{name} ({kind}): {comment}", ""]
    lines += [f"  {c:<{width}}  {t:<9}  {m or ''}" for c, t, m in columns]
    return "\n".join(lines) + "\n"


# how many close names an unknown name is answered with, and how close they must be (0-100)
SUGGESTIONS = 5
MIN_SUGGESTION_SCORE = 60


def _suggestions(code: str, rows: list[dict], objects: dict) -> str:
    """Close indicator codes, labels and table names for a name nobody declared."""
    from rapidfuzz import fuzz, process, utils

    choices = {r["indicator_code"]: f"{r['indicator_code']} {r['indicator_label']}" for r in rows}
    choices |= {name: name for name in objects}
    found = process.extract(
        code,
        choices,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=SUGGESTIONS,
        score_cutoff=MIN_SUGGESTION_SCORE,
    )
    if not found:
        return "; no close name (see docs/data-dictionary.md)"
    return "; did you mean: " + ", ".join(key for _, _, key in found)


def describe(con: duckdb.DuckDBPyConnection, code: str) -> str:
    """An indicator's card: what it is, then every value by entity with where it is printed."""
    objects = dict(objects_of(con))
    if code in objects:
        return _describe_object(con, code, objects[code])
    every = indicator_rows(con)
    rows = [r for r in every if r["indicator_code"] == code]
    if not rows:
        raise DictionaryError(f"unknown indicator {code!r}{_suggestions(code, every, objects)}")
    row = rows[0]
    lines = [
        f"{code}: {row['indicator_label']}",
        f"  unit: {row['unit']}    domain: {row['domain']}    "
        f"{'curated' if row['is_curated'] else 'generated'}, "
        f"{'additive' if row['is_additive'] else 'not additive'}",
        f"  definition: {definition(row)}",
        *([f"  same quantity as: {row['concept_code']}"] if row["concept_code"] else []),
        f"  entity levels: {row['levels'] or '-'}",
        "",
        "  values (report; * = preferred statement):",
    ]
    figures = con.execute(
        """
        select report_year, entity_type, entity_name, value, unit, qualifier, is_preferred,
            read_from, text_line, pdf_page, source_span
        from v_figure where indicator_code = ?
        order by report_year, entity_type <> 'department', entity_type, entity_name, statement_rank
        """,
        [code],
    ).fetchall()
    for (
        year,
        etype,
        name,
        value,
        unit,
        qualifier,
        preferred,
        read_from,
        line,
        page,
        span,
    ) in figures:
        where = ", ".join(
            p for p in (f"line {line}" if line else "", f"PDF page {page}" if page else "") if p
        )
        lines.append(
            f"  {'*' if preferred else ' '} {year} {etype:<10} {name:<32} "
            f"{format_number(value):>14} {unit}{' (' + qualifier + ')' if qualifier else ''}"
            f"  [{read_from}: {where}] “{span}”"
        )
    residuals = con.execute(
        "select residual.report_year, entity.entity_name, residual.residual_value "
        "from v_derived_residual as residual "
        "inner join dim_entity as entity using (entity_code) "
        "inner join v_primary_source as primary_source "
        "on primary_source.departement_code = entity.departement_code "
        "and primary_source.report_year = residual.report_year "
        "and primary_source.source_kind = residual.source_kind "
        "where residual.indicator_code = ? order by 1, 2",
        [code],
    ).fetchall()
    if residuals:
        lines += ["", "  derived (parent's figure minus the children present; never printed):"]
        for year, name, value in residuals:
            lines.append(f"    {year} {name:<43} {format_number(value):>14} {row['unit']}")
    reference = con.execute(
        "select report_year, entity_type, entity_name, value, unit from v_reference_figure "
        "where indicator_code = ? and entity_type in ('department', 'territory') "
        "order by report_year, entity_type <> 'department', entity_name",
        [code],
    ).fetchall()
    if reference:
        lines += ["", "  official reference data:"]
        for year, etype, name, value, unit in reference:
            lines.append(f"    {year} {etype:<10} {name:<32} {format_number(value):>14} {unit}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from pipelines.load import warehouse as wh

    with wh.connect(Path(sys.argv[1]), read_only=True) as connection:
        sys.stdout.write(render(connection))
