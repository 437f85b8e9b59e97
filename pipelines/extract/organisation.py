"""The political organisation table ("ORGANISATION POLITIQUE"): cantons and their councillors.

The export garbles this table: canton labels are sometimes territories ("ARRAGEOIS"), roles
("Vice-présidente") sit between the two names of a cell and do not reliably belong to
either, and one cell is repeated. What holds is the people: each cell has a number and
names written "Prénom NOM". We keep each person with the cell, the label and the roles the
cell shows, and leave matching to the official list to the checks.

A cell reads "<number> <LABEL IN CAPITALS> <roles and names>", in a table cell or, when a
PDF sets the table as text, in a paragraph; the text export's `<p>` tags around the first
two stay in the row's source text only.
"""

from __future__ import annotations

import re

from pipelines.extract import Context, CouncillorMention, Extraction
from pipelines.read.document import Document, Location, Section, Table, TextLine
from schemas.catalog import EntityCatalog, IndicatorCatalog

_ROLE = re.compile(r"\b(Vice-présidente?|Présidente? de commission|Présidente?)\b")
_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
_LOWER = "a-zàâäçéèêëîïôöùûüÿ"
# the number, then the label: words in capitals (and canton numbers), up to the first name
_CELL = re.compile(
    rf"^\s*(?P<number>\d+)\s+(?P<label>[{_UPPER}][{_UPPER}'’\-]*(?:\s+(?:[{_UPPER}][{_UPPER}'’\-]*|\d+))*)"
    rf"(?P<body>\s.*)$"
)
_NAME = re.compile(
    rf"(?P<prenom>[{_UPPER}][{_LOWER}]+(?:[-\s][{_UPPER}][{_LOWER}]+)*)\s+"
    rf"(?P<nom>[{_UPPER}][{_UPPER}'’\-]+(?:\s+[{_UPPER}][{_UPPER}'’\-]+)*)\b"
)


def _cells(section: Section) -> list[tuple[str, str, Location]]:
    """The cells of the section's tables, and its paragraphs (a PDF may set cells as text):
    their words, as printed, and where."""
    found: list[tuple[str, str, Location]] = []
    for block in section.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                places = [row.location] * len(row.cells)
                found += zip(row.cells, row.source_cells, places, strict=True)
        elif isinstance(block, TextLine):
            found.append((block.text, block.source_text, block.location))
    return found


def extract_organisation(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    mentions: list[CouncillorMention] = []
    title = entities.structure.organisation_title
    if title is None:  # the catalog names no such page: none expected
        return Extraction()
    for section in document.find_sections(title):
        for cell, printed, location in _cells(section):
            plain = re.sub(r"\s+", " ", cell).strip()
            match = _CELL.match(plain)
            if match is None:
                continue
            roles = [r.group(0) for r in _ROLE.finditer(plain)]
            body = _ROLE.sub(" ", match["body"])
            mentions.extend(
                CouncillorMention(
                    cell_number=int(match["number"]),
                    cell_label=match["label"].strip(),
                    prenom=name["prenom"],
                    nom=name["nom"],
                    roles_in_cell="; ".join(roles),
                    section=section.title,
                    location=location,
                    source_text=printed.strip(),
                )
                for name in _NAME.finditer(body)
            )
    rows = sorted({m.location for m in mentions}, key=lambda location: location.order)
    cells = len({(m.location.line, m.cell_number) for m in mentions})
    department = entities.department.code
    where = Context(
        extractor="organisation_table", section=title, entity_code=department,
        location=mentions[0].location if mentions else None,
    )  # fmt: skip
    blocks = [
        where.block(
            f"organisation:{department}",
            tuple(rows),
            rows=(len(rows), len(rows)),
            cells=(cells, cells, cells),
            status="complete" if mentions else "missing",
            message=f"{len(mentions)} names in {cells} cells"
            if mentions
            else "organisation table not found",
        )
    ]
    return Extraction(councillor_mentions=mentions, blocks=blocks)
