"""Staging frames: the extraction of one document, as tables with provenance columns."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from pipelines.extract import Extraction
from pipelines.read.document import Document, Location
from pipelines.read.numbers import rounding_half_width
from schemas.staging import STAGING_TABLES as MODELS
from schemas.staging import (
    BlockQualityStaging,
    CouncillorMentionStaging,
    EpciMentionStaging,
    FigureStaging,
    GeneratedIndicatorStaging,
    ListItemStaging,
    Located,
    RejectStaging,
    columns,
)

# The columns of each staging table, as its model in schemas/staging.py declares them.
PROVENANCE_COLUMNS = columns(Located)
FIGURE_COLUMNS = columns(FigureStaging)
LIST_ITEM_COLUMNS = columns(ListItemStaging)
INDICATOR_COLUMNS = columns(GeneratedIndicatorStaging)
BLOCK_COLUMNS = columns(BlockQualityStaging)
EPCI_COLUMNS = columns(EpciMentionStaging)
COUNCILLOR_COLUMNS = columns(CouncillorMentionStaging)
REJECT_COLUMNS = columns(RejectStaging)

# attribute of StagingFrames -> (staging table name, columns)
STAGING_TABLES = {
    attribute: (table, columns(model)) for attribute, (table, model) in MODELS.items()
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
        "departement_code": document.departement_code,
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
