"""The department overview page ("UNE PROXIMITÉ QUOTIDIENNE"): 39 cantons, 890 communes ..."""

from __future__ import annotations

from pipelines.document import Document
from pipelines.extract import Extraction, ExtractionError, block_quality
from pipelines.extract.key_figures import read_key_figure, starts_with_figure
from schemas.catalog import EntityCatalog, IndicatorCatalog

OVERVIEW_TITLE = "UNE PROXIMITÉ QUOTIDIENNE"
EXTRACTOR = "department_overview"


def extract_overview(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    sections = document.find_sections(OVERVIEW_TITLE)
    if not sections:
        raise ExtractionError(
            f"{document.source_file}: department overview not found "
            f"(no section titled {OVERVIEW_TITLE!r})"
        )
    department = entities.department
    result = Extraction()
    for section in sections:
        for line in section.lines():
            if starts_with_figure(line.text):
                result.extend(
                    read_key_figure(
                        line,
                        entity_type=department.entity_type,
                        entity_code=department.code,
                        section=section.title,
                        catalog=indicators,
                        extractor=EXTRACTOR,
                    )
                )
    result.blocks.append(
        block_quality("overview:62", EXTRACTOR, department.code, OVERVIEW_TITLE, result)
    )
    if not result.figures:
        raise ExtractionError(
            f"{document.source_file}: section {OVERVIEW_TITLE!r} (line "
            f"{sections[0].location.line}) holds no key figure: layout changed?"
        )
    return result
