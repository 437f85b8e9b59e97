"""The "Le Département apporte son soutien" blocks: culture and sport counts per territory.

Each sits on a territory page (its menu highlights "Le territoire de ..."), under the title
line, with "Culture" and "Sport" sub-titles and one bullet per figure.
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.extract import Context, Extraction
from pipelines.extract.key_figures import read_key_figure, starts_with_figure
from pipelines.extract.navigation import blocks_with_page
from pipelines.read.document import Document, TextLine
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "support_block"
TITLE = "Le Département apporte son soutien"
_MAX_SUBTITLE = 20  # "Culture", "Sport"


def extract_support_blocks(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    result = Extraction()
    current: tuple[str, list[TextLine], str] | None = None  # territory, lines, section

    def close() -> None:
        if current is None:
            return
        code, lines, section = current
        block = Extraction()
        where = Context(
            extractor=EXTRACTOR, section=section, entity_type="territory", entity_code=code
        )
        for line in lines:
            block.extend(read_key_figure(line, where, indicators))
        result.extend(block)
        rows = len(lines)
        first = replace(where, location=lines[0].location if lines else None)
        result.blocks.append(
            first.block(
                f"support:{code}",
                tuple(line.location for line in lines),
                rows=(rows, len(block.figures)),
                cells=(rows, rows, rows - len(block.rejects)),
                status="complete" if not block.rejects else "partial",
                message=f"{len(block.figures)} figures, {len(block.rejects)} lines rejected",
            )
        )

    for section, block, page in blocks_with_page(document, entities):
        if not isinstance(block, TextLine):
            continue
        if block.text == TITLE:
            close()
            if page is not None and page.entity.entity_type == "territory":
                current = (page.entity.code, [], section.title)
            else:
                current = None
            continue
        if current is None:
            continue
        if block.is_list_item and starts_with_figure(block.text):
            current[1].append(block)
        elif len(block.text) > _MAX_SUBTITLE:
            close()
            current = None
    close()
    return result
