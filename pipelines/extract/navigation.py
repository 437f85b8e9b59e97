"""Which office or territory a page is about, from the page's navigation menu.

The MDS, MDADT and territory pages carry a menu listing every office, the current one in
bold (`- **MDS du Calaisis**` in the text export) or marked with a bullet (`• MDS de
l'Arrageois`). Walking the document in order, the last highlighted item tells whose page a
block sits on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipelines.read.document import Block, Document, Section, TextLine
from schemas.catalog import Entity, EntityCatalog

# a menu item: its marker, then the item; "•" marks the current one, "-" or "*" a list whose
# current item is set in bold. What the item opens with says whose page it is (the département
# catalog's `menu`).
_MENU_ITEM = re.compile(r"^(?P<marker>[•\-*])\s*(?P<item>\S.*?)\s*$")


@dataclass(frozen=True)
class PageContext:
    entity: Entity
    menu_line: int


def highlighted_entity(line: TextLine, entities: EntityCatalog) -> Entity | None:
    """The entity a highlighted menu item names, if the line is one."""
    match = _MENU_ITEM.match(line.text)
    if match is None:
        return None
    if match["marker"] != "•" and not line.is_bold(match.start("item"), match.end("item")):
        return None
    found = entities.structure.menu_item(match["item"])
    return entities.find(*found) if found else None


def blocks_with_page(
    document: Document, entities: EntityCatalog
) -> Iterator[tuple[Section, Block, PageContext | None]]:
    """Every block in order, with the office or territory page it sits on (if any)."""
    context: PageContext | None = None
    current: Section | None = None
    for section, block in document.blocks():
        if section is not current:
            current = section
            title = " ".join(section.title.split())
            if entities.structure.is_part_title(title):
                context = None
            territory = entities.structure.territory_named(title)
            found = entities.find("territory", territory) if territory else None
            if found is not None:  # a territory's profile
                context = PageContext(found, section.location.line or 0)
        if isinstance(block, TextLine):
            entity = highlighted_entity(block, entities)
            if entity is not None:
                context = PageContext(entity, block.location.line or 0)
        yield section, block, context


def page_contexts(
    document: Document, entities: EntityCatalog
) -> Iterator[tuple[Section, TextLine, PageContext | None]]:
    """Every text line in order, with the office or territory page it sits on (if any)."""
    for section, block, context in blocks_with_page(document, entities):
        if isinstance(block, TextLine):
            yield section, block, context
