"""The department overview page (its title: the département catalog's `overview_title`):
39 cantons, 890 communes ...

The section is found by its title's words (fuzzily); a report without it, or with no key
figure under it, still loads: the block is recorded `missing` and the completeness check
names it and where it was looked for. A département whose catalog names no overview page
expects none.
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.extract import Context, Extraction, block_quality, missing_block
from pipelines.extract.key_figures import is_key_figure_line, read_key_figure
from pipelines.read.document import Document
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "department_overview"


def extract_overview(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    department = entities.department
    block_id = f"overview:{department.code}"
    result = Extraction()
    title = entities.structure.overview_title
    if title is None:
        return result
    matches = document.match_sections(title)
    if not matches:
        result.blocks.append(
            missing_block(
                block_id,
                EXTRACTOR,
                department.code,
                document.extent(),
                f"department overview (section titled {title!r})",
            )
        )
        return result
    for section, _ in matches:
        for line in section.lines():
            if is_key_figure_line(line.text):
                reading = Context(
                    extractor=EXTRACTOR, section=section.title,
                    entity_type=department.entity_type, entity_code=department.code,
                )  # fmt: skip
                result.extend(read_key_figure(line, reading, indicators))
    score = max(score for _, score in matches)
    if not result.figures:
        where = matches[0][0].location
        record = missing_block(
            block_id,
            EXTRACTOR,
            department.code,
            f"section {matches[0][0].title!r} at {where}",
            "key figures of the department overview (layout changed?)",
        )
        result.blocks.append(replace(record, title_score=score))
        return result
    record = block_quality(block_id, EXTRACTOR, department.code, title, result)
    result.blocks.append(replace(record, title_score=score))
    return result
