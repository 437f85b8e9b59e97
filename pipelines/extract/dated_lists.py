"""Dated lists and the count that summarises them.

The projet de mandat pages state a count ("◆ 14 rencontres thématiques ...") and then list
the events one per line ("- 22 février - Thématique « bien manger ... »"). We keep the
count as a figure (same code as in the key-figure block, when it states it too) and each
item with its date, so that the count can be checked against the list.
"""

from __future__ import annotations

import re

from pipelines.extract import Context, Extraction, ListItem
from pipelines.extract.key_figure_blocks import BlockReader
from pipelines.read.document import Document, TextLine
from pipelines.read.numbers import MONTHS
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "dated_list"
_HEAD = re.compile(r"^(?:-\s*)?◆\s*\d")
_ITEM = re.compile(
    rf"^-\s*(?P<date>\d{{1,2}}(?:er)?\s+(?:{MONTHS}))\s*[-–—]\s*(?P<text>.+)$", re.IGNORECASE
)


def extract_dated_lists(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    result = Extraction()
    department = entities.department.code
    for section in document.sections:
        lines = list(section.lines())
        for index, line in enumerate(lines):
            if not _HEAD.match(line.text):
                continue
            items: list[TextLine] = []
            for following in lines[index + 1 :]:
                if not _ITEM.match(following.text):
                    break
                items.append(following)
            if len(items) < 2:
                continue
            reader = BlockReader(section, entities, extractor=EXTRACTOR)
            reader.read_line(line)
            if not reader.result.figures:
                continue
            count = reader.result.figures[0]
            result.extend(reader.result)
            for position, item in enumerate(items, start=1):
                match = _ITEM.match(item.text)
                assert match is not None
                result.list_items.append(
                    ListItem(
                        list_code=count.indicator_code,
                        position=position,
                        item_date=match["date"],
                        item_text=match["text"].strip(),
                        section=section.title,
                        location=item.location,
                        source_text=item.source_text,
                    )
                )
            span = (line.location, *(i.location for i in items))
            where = Context(
                extractor=EXTRACTOR, section=section.title, entity_code=department,
                location=line.location,
            )  # fmt: skip
            n = len(items) + 1  # the count's line and its items
            result.blocks.append(
                where.block(
                    f"dated_list:{count.indicator_code}:{line.location.line}",
                    span,
                    rows=(n, n),
                    cells=(n, n, n),
                    status="complete",
                    message=f"count {count.value:g} stated, {len(items)} items listed",
                )
            )
    return result
