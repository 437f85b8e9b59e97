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
# current item is set in bold
_MENU_ITEM = re.compile(r"^(?P<marker>[•\-*])\s*(?P<item>\S.*?)\s*$")
_MENU_TYPES = (
    (re.compile(r"^MDS\b"), "mds"),
    (re.compile(r"^MDADT\b"), "mdadt"),
    (re.compile(r"^Le territoire\b"), "territory"),
)
_TERRITORY_PREFIX = re.compile(
    r"^Le territoire\s+(?:de\s+l['’]|de\s+|du\s+|des\s+)?", re.IGNORECASE
)


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
    item = match["item"]
    for pattern, entity_type in _MENU_TYPES:
        if pattern.match(item):
            name = _TERRITORY_PREFIX.sub("", item) if entity_type == "territory" else item
            return entities.find(entity_type, name)
    return None


_TERRITORY_TITLE = re.compile(
    r"^Temps\s*forts\s*\d{4}\s*(?:en|à|dans)\s+(?P<name>.+?)[\s.…]*$", re.IGNORECASE
)
# Titles that open a new part of the report: an office page does not run on under them.
_PART_TITLE = re.compile(
    r"^(?:les\s+chiffres\s+cl[ée]s|les\s+solidarit[ée]s|les\s+r[ée]ussites|une\s+administration"
    r"|temps\s+forts)",
    re.IGNORECASE,
)


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
            if _PART_TITLE.match(title):
                context = None
            territory = _TERRITORY_TITLE.match(title)
            found = entities.find("territory", territory["name"]) if territory else None
            if found is not None:  # "Temps forts 2022 en Arrageois..."
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
