"""The tables of the MDS and MDADT pages, read with the catalog's table rows.

Each office page carries one or more small tables (in the export: TAB-separated lines, at
times broken into fragments, at times with a row written as plain text). Rows are
recognised by their label (`row` in the catalog) and, for tables with a header row, the
value column by its header (`column`). The same row gets the same indicator code in every
office. An office whose table the report does not hold is recorded as a missing block.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from pipelines.extract import BlockQuality, Context, Extraction
from pipelines.extract.navigation import blocks_with_page
from pipelines.read.document import Document, Location, Table, TableRow, TextLine
from pipelines.read.numbers import NumberFormatError, Quantity, find_quantities, parse_quantity
from schemas.catalog import Entity, EntityCatalog, Indicator, IndicatorCatalog, TableKind

EXTRACTOR = "office_table"
_MAX_TEXT_ROW = 140  # a longer plain-text line is prose, not a table row
_ASIDE = re.compile(r"^(?P<main>[^(]+?)\s*\((?P<aside>[^)]+)\)\s*$")


@dataclass
class _Found:
    """What was read of one table kind on one office page."""

    section: str = ""
    location: Location | None = None
    lines: set[Location] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    cells_found: int = 0
    cells_parsed: int = 0


def _value_of(indicator: Indicator, text: str) -> Quantity:
    """Read a cell; a bare number takes the catalog unit (`162.68` in an ETP row is fte)."""
    quantity = parse_quantity(text)
    if quantity.unit == "count" and indicator.unit != "count":
        return Quantity(
            quantity.value,
            indicator.unit,
            quantity.qualifier,
            quantity.text,
            quantity.start,
            quantity.end,
        )
    return quantity


def _inline_value(label: str) -> Quantity | None:
    """A row whose figure sits in its label: `Le Revenu ... (RSA) : 4538 allocataires du RSA`."""
    found = find_quantities(label)
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class _Cell:
    """One value cell of an office table and where it sits: what each reading step passes on."""

    where: Context  # extractor, section (the office page), entity, line and its text
    entity: Entity
    kind: TableKind
    indicator: Indicator
    text: str | None  # the cell as printed; None: the row's words carry the figure
    row_text: str


class _Tables:
    """What was read of the office tables: figures and rejects, and per table what was found
    (for the quality records)."""

    def __init__(self, indicators: IndicatorCatalog):
        self.indicators = indicators
        self.result = Extraction()
        self.found: dict[tuple[str, str], _Found] = defaultdict(_Found)

    def note(self, entity: Entity, kind: TableKind, section: str, location: Location) -> _Found:
        found = self.found[(entity.code, kind.table_id)]
        if found.location is None:
            found.section, found.location = section, location
        found.lines.add(location)
        return found

    def read_cell(self, cell: _Cell) -> None:
        """One cell of a row, or the figure printed in the row's words when the cell is
        empty; a cell "12 (3 CER)" gives the aside's figure too."""
        assert cell.where.location is not None
        found = self.note(cell.entity, cell.kind, cell.where.section, cell.where.location)
        found.cells_found += 1
        text = cell.text
        about = cell.where.about(cell.entity.entity_type, cell.entity.code)
        aside = _ASIDE.match(text or "")
        if aside and cell.indicator.aside_code:
            text = aside["main"]
            self.read_aside(about, cell.indicator.aside_code, aside["aside"])
        code = cell.indicator.code
        try:
            quantity = _value_of(cell.indicator, text) if text else _inline_value(cell.row_text)
        except NumberFormatError as err:
            self.result.rejects.append(about.reject(str(err), indicator_code=code))
            return
        if quantity is None:
            self.result.rejects.append(about.reject("no figure in the row", indicator_code=code))
            return
        found.cells_parsed += 1
        found.codes.add(code)
        if quantity.value is None:  # "/": the report states there is no figure
            return
        if quantity.unit != cell.indicator.unit:
            reason = f"unit {quantity.unit} differs from the catalog unit {cell.indicator.unit}"
            self.result.rejects.append(
                about.reject(reason, indicator_code=code, value=quantity.value, unit=quantity.unit)
            )
            return
        self.result.figures.append(about.figure(code, quantity))

    def read_aside(self, where: Context, code: str, text: str) -> None:
        indicator = self.indicators[code]
        found = find_quantities(text)
        label = text[found[0].end :].strip().lower() if len(found) == 1 else ""
        if not found or indicator.key_figure is None or not indicator.key_figure.search(label):
            reason = f"aside {text!r} does not read as {code}"
            self.result.rejects.append(where.reject(reason, indicator_code=code))
            return
        self.result.figures.append(where.figure(code, found[0], unit=indicator.unit))


def _read_row(
    tables: _Tables, entity: Entity, where: Context, cells: tuple[str, ...], *, is_text: bool
) -> None:
    """A row of a table without a header (label, value), or a plain-text line that may be
    one: the catalog's row patterns say which indicator it is."""
    label = cells[0] if cells else ""
    kinds = [
        k
        for k in tables.indicators.tables.values()
        if k.entity_type == entity.entity_type and k.header is None
    ]
    for kind in kinds:
        for indicator in tables.indicators.table_rows(kind.table_id):
            if indicator.row is not None and indicator.row.search(label):
                value = cells[1] if len(cells) > 1 and cells[1].strip() else None
                tables.read_cell(_Cell(where, entity, kind, indicator, value, "\t".join(cells)))
                return
    if not is_text and any(find_quantities(c) for c in cells[1:]):
        reason = f"no catalog row for {label!r} in the {entity.entity_type} tables"
        tables.result.rejects.append(where.reject(reason))


def _read_header_table(
    tables: _Tables, entity: Entity, kind: TableKind, where: Context, rows: tuple[TableRow, ...]
) -> None:
    """A table whose first row names its columns: each indicator's column by its header."""
    header = rows[0].cells
    tables.note(entity, kind, where.section, rows[0].location)
    for row in rows[1:]:
        tables.found[(entity.code, kind.table_id)].lines.add(row.location)
        here = where.at(row.location, row.source_text)
        matched = False
        for indicator in tables.indicators.table_rows(kind.table_id):
            if indicator.row is None or not indicator.row.search(row.cells[0]):
                continue
            matched = True
            for index, title in enumerate(header[1:], start=1):
                if indicator.column is None or indicator.column.search(title):
                    cell = row.cells[index] if index < len(row.cells) else ""
                    tables.read_cell(_Cell(here, entity, kind, indicator, cell or None, row.text))
        if not matched:
            reason = f"no catalog row for {row.cells[0]!r} in table {kind.table_id}"
            tables.result.rejects.append(here.reject(reason))


def _quality(tables: _Tables, entities: EntityCatalog) -> list[BlockQuality]:
    """One record per expected table of each office: complete, partial (rows named) or
    missing."""
    records = []
    for kind in tables.indicators.tables.values():
        rows = tables.indicators.table_rows(kind.table_id)
        required = {i.code for i in rows if i.required}
        for entity in entities.of_type(kind.entity_type):
            found = tables.found.get((entity.code, kind.table_id))
            block_id = f"{kind.table_id}:{entity.code}"
            office = Context(extractor=EXTRACTOR, entity_code=entity.code)
            if found is None or found.location is None:
                message = f"expected table {kind.table_id} of {entity.name} not found in the source"
                records.append(office.missing(block_id, message, rows_expected=len(required)))
                continue
            missing = sorted(required - found.codes)
            where = replace(office, section=found.section, location=found.location)
            records.append(
                where.block(
                    block_id,
                    tuple(sorted(found.lines, key=lambda location: location.order)),
                    rows=(len(required | found.codes), len(found.codes)),
                    cells=(found.cells_found, found.cells_found, found.cells_parsed),
                    status="partial" if missing else "complete",
                    message=f"rows not found: {', '.join(missing)}"
                    if missing
                    else "all rows found",
                )
            )
    return records


def extract_office_tables(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    tables = _Tables(indicators)
    # a table's section is the office page it belongs to ("MDS du Calaisis"), whatever
    # heading the layout printed above it
    for _, block, page in blocks_with_page(document, entities):
        if page is None or page.entity.entity_type not in {"mds", "mdadt"}:
            continue
        entity = page.entity
        where = Context(extractor=EXTRACTOR, section=entity.name, entity_code=entity.code)
        if isinstance(block, Table):
            kind = next(
                (
                    k
                    for k in indicators.tables.values()
                    if k.entity_type == entity.entity_type
                    and k.header is not None
                    and k.header.search(block.rows[0].cells[0])
                ),
                None,
            )
            if kind is not None:
                _read_header_table(tables, entity, kind, where, block.rows)
                continue
            for row in block.rows:
                here = where.at(row.location, row.source_text)
                _read_row(tables, entity, here, row.cells, is_text=False)
        elif isinstance(block, TextLine) and len(block.text) <= _MAX_TEXT_ROW:
            here = where.at(block.location, block.source_text)
            _read_row(tables, entity, here, (block.text,), is_text=True)
    tables.result.blocks.extend(_quality(tables, entities))
    return tables.result
