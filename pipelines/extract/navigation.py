"""Which office, territory or body a page is about, from the page's navigation menu.

The MDS, MDADT and territory pages carry a menu listing every office, the current one in
bold (`- **MDS du Calaisis**` in the text export) or marked with a bullet (`• MDS de
l'Arrageois`). Walking the document in order, the last highlighted item tells whose page a
block sits on. A page whose key-figure block is titled after a body of the catalog ("Les
chiffres clés du Grand Site de France Les Deux Caps :") is that body's, until the next block
title, menu or part title (a line too, outside a menu: "Servir les populations des
territoires, ..." before its paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipelines.read.document import Block, Document, Location, Section, TextLine
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
    """Every block in order, with the office, territory or body page it sits on (if any)."""
    context: PageContext | None = None
    current: Section | None = None
    menus = _menu_lines(document)
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
                and block.location not in menus
                and entities.structure.is_part_title(" ".join(block.text.split()))
            ):
                context = None  # a body's page does not run on into the next part
        yield section, block, context


_MENU_ITEM_LENGTH = 90


def _menu_lines(document: Document) -> set[Location]:
    """The lines of a page's menu: short lines next to other short lines ("Les solidarités
    territoriales" among the other parts' names), not a part's opening title before its
    paragraph."""
    lines = [
        block
        for _, block in document.blocks()
        if isinstance(block, TextLine) and block.text.strip()
    ]
    short = [0 < len(line.text.strip()) <= _MENU_ITEM_LENGTH for line in lines]
    return {
        line.location
        for n, line in enumerate(lines)
        if short[n] and ((n > 0 and short[n - 1]) or (n + 1 < len(lines) and short[n + 1]))
    }


def page_contexts(
    document: Document, entities: EntityCatalog
) -> Iterator[tuple[Section, TextLine, PageContext | None]]:
    """Every text line in order, with the office, territory or body page it sits on (if any)."""
    for section, block, context in blocks_with_page(document, entities):
        if isinstance(block, TextLine):
            yield section, block, context
