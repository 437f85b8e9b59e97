"""Which office, territory or body a page is about, from the page's navigation menu.

The MDS, MDADT and territory pages carry a menu listing every office, the current one in
bold (`- **MDS du Calaisis**` in the text export) or marked with a bullet (`• MDS de
l'Arrageois`). Walking the document in order, the last highlighted item tells whose page a
block sits on. A page whose key-figure block is titled after a body of the catalog ("Les
chiffres clés du Grand Site de France Les Deux Caps :") is that body's, until the next block
title, menu or part title (a line too: "Servir les populations des territoires").
"""

from __future__ import annotations

import re
from collections import Counter
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
    # a menu repeats its items on every page; a part's opening title stands once
    said = Counter(
        " ".join(block.text.split())
        for _, block in document.blocks()
        if isinstance(block, TextLine)
    )
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
            elif entities.structure.is_key_figure_title(title):
                # "Les chiffres clés du Laboratoire Départemental d'Analyses :" opens the page
                # of that body; another block's title ends it
                body = entities.named_in("organisation", title)
                if body is not None:
                    context = PageContext(body, section.location.line or 0)
                elif context is not None and context.entity.entity_type == "organisation":
                    context = None
        if isinstance(block, TextLine):
            entity = highlighted_entity(block, entities)
            if entity is not None:
                context = PageContext(entity, block.location.line or 0)
            elif (
                context is not None
                and context.entity.entity_type == "organisation"
                and said[words := " ".join(block.text.split())] == 1
                and entities.structure.is_part_title(words)
            ):
                context = None  # a body's page does not run on into the next part
        yield section, block, context


def page_contexts(
    document: Document, entities: EntityCatalog
) -> Iterator[tuple[Section, TextLine, PageContext | None]]:
    """Every text line in order, with the office or territory page it sits on (if any)."""
    for section, block, context in blocks_with_page(document, entities):
        if isinstance(block, TextLine):
            yield section, block, context
