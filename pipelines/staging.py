"""Staging frames: the extraction of one document, as tables with provenance columns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipelines.document import Document, Location
from pipelines.extract import Extraction

FIGURE_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
    "entity_type",
    "entity_code",
    "indicator_code",
    "value",
    "unit",
    "qualifier",
    "source_text",
    "source_span",
    "extractor",
    "is_derived",
    "part_of",
]
LIST_ITEM_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
    "list_code",
    "position",
    "item_date",
    "item_text",
    "source_text",
]
INDICATOR_COLUMNS = ["indicator_code", "indicator_label", "unit", "domain"]
BLOCK_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
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
]
EPCI_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
    "territory_code",
    "position",
    "epci_name",
    "source_text",
]
COUNCILLOR_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
    "cell_number",
    "cell_label",
    "prenom",
    "nom",
    "roles_in_cell",
    "source_text",
]
REJECT_COLUMNS = [
    "report_year",
    "source_kind",
    "source_file",
    "source_sha256",
    "page",
    "line",
    "section",
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


def to_staging(document: Document, extraction: Extraction) -> StagingFrames:
    figures = [
        {
            **_provenance(document, f.location),
            "section": f.section,
            "entity_type": f.entity_type,
            "entity_code": f.entity_code,
            "indicator_code": f.indicator_code,
            "value": f.value,
            "unit": f.unit,
            "qualifier": f.qualifier,
            "source_text": f.source_text,
            "source_span": f.source_span,
            "extractor": f.extractor,
            "is_derived": False,
            "part_of": f.part_of,
        }
        for f in extraction.figures
    ]
    epci = [
        {
            **_provenance(document, m.location),
            "section": m.section,
            "territory_code": m.territory_code,
            "position": m.position,
            "epci_name": m.epci_name,
            "source_text": m.source_text,
        }
        for m in extraction.epci_mentions
    ]
    councillors = [
        {
            **_provenance(document, m.location),
            "section": m.section,
            "cell_number": m.cell_number,
            "cell_label": m.cell_label,
            "prenom": m.prenom,
            "nom": m.nom,
            "roles_in_cell": m.roles_in_cell,
            "source_text": m.source_text,
        }
        for m in extraction.councillor_mentions
    ]
    generated = {
        g.code: {
            "indicator_code": g.code,
            "indicator_label": g.label,
            "unit": g.unit,
            "domain": g.domain,
        }
        for g in extraction.generated_indicators
    }
    blocks = [
        {
            **_provenance(document, b.location or Location(document.source_file)),
            "section": b.section,
            "block_id": b.block_id,
            "extractor": b.extractor,
            "entity_code": b.entity_code,
            "lines": ",".join(
                str(n.line) if n.page is None else f"p{n.page}.{n.line}" for n in b.lines
            ),
            "rows_expected": b.rows_expected,
            "rows_found": b.rows_found,
            "cells_expected": b.cells_expected,
            "cells_found": b.cells_found,
            "cells_parsed": b.cells_parsed,
            "status": b.status,
            "message": b.message,
        }
        for b in extraction.blocks
    ]
    list_items = [
        {
            **_provenance(document, item.location),
            "section": item.section,
            "list_code": item.list_code,
            "position": item.position,
            "item_date": item.item_date,
            "item_text": item.item_text,
            "source_text": item.source_text,
        }
        for item in extraction.list_items
    ]
    rejects = [
        {
            **_provenance(document, r.location),
            "section": r.section,
            "stage": "extract",
            "staging_table": "stg_figure",
            "reason": r.reason,
            "entity_code": r.entity_code,
            "indicator_code": r.indicator_code,
            "value": r.value,
            "unit": r.unit,
            "source_text": r.source_text,
            "extractor": r.extractor,
        }
        for r in extraction.rejects
    ]
    return StagingFrames(
        figures=_frame(figures, FIGURE_COLUMNS),
        epci_mentions=_frame(epci, EPCI_COLUMNS),
        councillor_mentions=_frame(councillors, COUNCILLOR_COLUMNS),
        generated_indicators=pd.DataFrame(list(generated.values()), columns=INDICATOR_COLUMNS),
        blocks=_frame(blocks, BLOCK_COLUMNS),
        list_items=_frame(list_items, LIST_ITEM_COLUMNS),
        rejects=_frame(rejects, REJECT_COLUMNS),
    )


def empty_frames(**frames: pd.DataFrame) -> StagingFrames:
    """Staging frames with the given tables, and every other table empty."""
    tables = {
        attribute: frames.get(attribute, _frame([], columns))
        for attribute, (_, columns) in STAGING_TABLES.items()
    }
    return StagingFrames(**tables)
