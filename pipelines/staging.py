"""Staging frames: the extraction of one document, as tables with provenance columns."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from pipelines.document import Document, Location
from pipelines.extract import Extraction
from pipelines.numbers import rounding_half_width

# Where a staging row came from: every staging table starts with these.
PROVENANCE_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
]
FIGURE_COLUMNS = [
    *PROVENANCE_COLUMNS,
    "entity_type",
    "entity_code",
    "indicator_code",
    "value",
    "unit",
    "qualifier",
    "rounding",
    "source_text",
    "source_span",
    "extractor",
    "is_derived",
    "part_of",
    "period_kind",
    "period_start",
    "period_end",
    "block",
]
LIST_ITEM_COLUMNS = [
    *PROVENANCE_COLUMNS,
    "list_code",
    "position",
    "item_date",
    "item_text",
    "source_text",
]
INDICATOR_COLUMNS = ["indicator_code", "indicator_label", "unit", "domain"]
BLOCK_COLUMNS = [
    *PROVENANCE_COLUMNS,
    "block_id",
    "extractor",
    "entity_code",
    "lines",
    "rows_expected",
    "rows_found",
    "cells_expected",
    "cells_found",
    "cells_parsed",
    "status",
    "message",
    "title_score",
]
EPCI_COLUMNS = [
    *PROVENANCE_COLUMNS,
    "territory_code",
    "position",
    "epci_name",
    "source_text",
]
COUNCILLOR_COLUMNS = [
    *PROVENANCE_COLUMNS,
    "cell_number",
    "cell_label",
    "prenom",
    "nom",
    "roles_in_cell",
    "source_text",
]
REJECT_COLUMNS = [
    *PROVENANCE_COLUMNS,
    "stage",
    "staging_table",
    "reason",
    "entity_code",
    "indicator_code",
    "value",
    "unit",
    "source_text",
    "extractor",
]


# attribute of StagingFrames -> (staging table name, columns)
STAGING_TABLES = {
    "figures": ("stg_figure", FIGURE_COLUMNS),
    "epci_mentions": ("stg_territory_epci", EPCI_COLUMNS),
    "councillor_mentions": ("stg_councillor_mention", COUNCILLOR_COLUMNS),
    "generated_indicators": ("stg_generated_indicator", INDICATOR_COLUMNS),
    "blocks": ("stg_block_quality", BLOCK_COLUMNS),
    "list_items": ("stg_list_item", LIST_ITEM_COLUMNS),
    "rejects": ("stg_reject", REJECT_COLUMNS),
}


@dataclass
class StagingFrames:
    figures: pd.DataFrame
    epci_mentions: pd.DataFrame
    councillor_mentions: pd.DataFrame
    generated_indicators: pd.DataFrame
    blocks: pd.DataFrame
    list_items: pd.DataFrame
    rejects: pd.DataFrame


def _provenance(document: Document, location: Location) -> dict[str, object]:
    return {
        "report_year": document.report_year,
        "source_kind": document.source_kind,
        "source_file": document.source_file,
        "source_sha256": document.sha256,
        "page": location.page,
        "line": location.line,
    }


def _frame(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("page", "line"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def _records(
    document: Document, items: list, columns: list[str], **constants: object
) -> pd.DataFrame:
    """One row per extracted record: its fields, its location as provenance, the constants."""
    rows = []
    for item in items:
        row = {f.name: getattr(item, f.name) for f in fields(item) if f.name != "location"}
        if isinstance(row.get("lines"), tuple):
            row["lines"] = ",".join(_place(location) for location in row["lines"])
        location = getattr(item, "location", None) or Location(document.source_file)
        rows.append({**_provenance(document, location), **row, **constants})
    return _frame(rows, columns)


def _place(location: Location) -> str:
    return str(location.line) if location.page is None else f"p{location.page}.{location.line}"


def _figures(document: Document, extraction: Extraction) -> pd.DataFrame:
    """Figures with the rounding their printed precision implies (`1,87 milliard`: ± 5 M),
    their period (null: the report year) and the block they were read from."""
    frame = _records(document, extraction.figures, FIGURE_COLUMNS, is_derived=False)
    periods = [f.period for f in extraction.figures]
    frame["period_kind"] = [p.kind if p else None for p in periods]
    frame["period_start"] = [p.start.isoformat() if p and p.start else None for p in periods]
    frame["period_end"] = [p.end.isoformat() if p and p.end else None for p in periods]
    holder = {loc.order: b.block_id for b in extraction.blocks for loc in b.lines}
    frame["block"] = [f.block or holder.get(f.location.order) for f in extraction.figures]
    frame["rounding"] = [
        rounding_half_width(span, value, unit) if value is not None else None
        for span, value, unit in zip(
            frame["source_span"], frame["value"], frame["unit"], strict=True
        )
    ]
    return frame


def to_staging(document: Document, extraction: Extraction) -> StagingFrames:
    generated = {g.indicator_code: g for g in extraction.generated_indicators}
    return StagingFrames(
        figures=_figures(document, extraction),
        epci_mentions=_records(document, extraction.epci_mentions, EPCI_COLUMNS),
        councillor_mentions=_records(document, extraction.councillor_mentions, COUNCILLOR_COLUMNS),
        generated_indicators=_records(document, list(generated.values()), INDICATOR_COLUMNS),
        blocks=_records(document, extraction.blocks, BLOCK_COLUMNS),
        list_items=_records(document, extraction.list_items, LIST_ITEM_COLUMNS),
        rejects=_records(
            document,
            extraction.rejects,
            REJECT_COLUMNS,
            stage="extract",
            staging_table="stg_figure",
        ),
    )


def empty_frames(**frames: pd.DataFrame) -> StagingFrames:
    """Staging frames with the given tables, and every other table empty."""
    tables = {
        attribute: frames.get(attribute, _frame([], columns))
        for attribute, (_, columns) in STAGING_TABLES.items()
    }
    return StagingFrames(**tables)
