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
from dataclasses import dataclass, field

from pipelines.extract import BlockQuality, Extraction, Figure, Reject
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


class _Reader:
    def __init__(self, document: Document, indicators: IndicatorCatalog):
        self.document = document
        self.indicators = indicators
        self.result = Extraction()
        self.found: dict[tuple[str, str], _Found] = defaultdict(_Found)

    def _note(self, entity: Entity, kind: TableKind, section: str, location: Location) -> _Found:
        found = self.found[(entity.code, kind.table_id)]
        if found.location is None:
            found.section, found.location = section, location
        found.lines.add(location)
        return found

    def _emit(
        self,
        entity: Entity,
        kind: TableKind,
        indicator: Indicator,
        section: str,
        location: Location,
        source_text: str,
        cell: str | None,
        *,
        row_text: str,
    ) -> None:
        """One cell of a row (`cell`), or the figure printed in the row's words (`row_text`)
        when the cell is empty."""
        found = self._note(entity, kind, section, location)
        found.cells_found += 1
        aside = _ASIDE.match(cell or "")
        if aside and indicator.aside_code:
            cell = aside["main"]
            self._emit_aside(
                entity, indicator.aside_code, aside["aside"], section, location, source_text
            )

        def reject(reason: str, value: float | None = None, unit: str | None = None) -> None:
            self.result.rejects.append(
                Reject(
                    reason=reason,
                    section=section,
                    location=location,
                    source_text=source_text,
                    extractor=EXTRACTOR,
                    entity_code=entity.code,
                    indicator_code=indicator.code,
                    value=value,
                    unit=unit,
                )
            )

        try:
            quantity = _value_of(indicator, cell) if cell else _inline_value(row_text)
        except NumberFormatError as err:
            reject(str(err))
            return
        if quantity is None:
            reject("no figure in the row")
            return
        found.cells_parsed += 1
        found.codes.add(indicator.code)
        if quantity.value is None:  # "/": the report states there is no figure
            return
        if quantity.unit != indicator.unit:
            reason = f"unit {quantity.unit} differs from the catalog unit {indicator.unit}"
            reject(reason, quantity.value, quantity.unit)
            return
        self._figure(entity, indicator.code, quantity, section, location, source_text)

    def _figure(
        self,
        entity: Entity,
        code: str,
        quantity: Quantity,
        section: str,
        location: Location,
        source_text: str,
        unit: str | None = None,
    ) -> None:
        self.result.figures.append(
            Figure(
                entity_type=entity.entity_type,
                entity_code=entity.code,
                indicator_code=code,
                value=quantity.value,
                unit=unit or quantity.unit,
                qualifier=quantity.qualifier,
                section=section,
                location=location,
                source_text=source_text,
                source_span=quantity.text,
                extractor=EXTRACTOR,
            )
        )

    def _emit_aside(
        self,
        entity: Entity,
        code: str,
        text: str,
        section: str,
        location: Location,
        source_text: str,
    ) -> None:
        indicator = self.indicators[code]
        found = find_quantities(text)
        label = text[found[0].end :].strip().lower() if len(found) == 1 else ""
        if not found or indicator.key_figure is None or not indicator.key_figure.search(label):
            self.result.rejects.append(
                Reject(
                    reason=f"aside {text!r} does not read as {code}",
                    section=section,
                    location=location,
                    source_text=source_text,
                    extractor=EXTRACTOR,
                    entity_code=entity.code,
                    indicator_code=code,
                )
            )
            return
        quantity = found[0]
        self._figure(entity, code, quantity, section, location, source_text, indicator.unit)

    def _row_kinds(self, entity: Entity) -> list[TableKind]:
        return [
            k
            for k in self.indicators.tables.values()
            if k.entity_type == entity.entity_type and k.header is None
        ]

    def read_row(
        self,
        entity: Entity,
        section: str,
        location: Location,
        cells: tuple[str, ...],
        source_text: str,
        *,
        is_text: bool,
    ) -> None:
        label = cells[0] if cells else ""
        for kind in self._row_kinds(entity):
            for indicator in self.indicators.table_rows(kind.table_id):
                if indicator.row is not None and indicator.row.search(label):
                    value = cells[1] if len(cells) > 1 and cells[1].strip() else None
                    self._emit(
                        entity,
                        kind,
                        indicator,
                        section,
                        location,
                        source_text,
                        value,
                        row_text="\t".join(cells),
                    )
                    return
        if not is_text and any(find_quantities(c) for c in cells[1:]):
            self.result.rejects.append(
                Reject(
                    reason=f"no catalog row for {label!r} in the {entity.entity_type} tables",
                    section=section,
                    location=location,
                    source_text=source_text,
                    extractor=EXTRACTOR,
                    entity_code=entity.code,
                )
            )

    def read_header_table(
        self, entity: Entity, kind: TableKind, section: str, rows: tuple[TableRow, ...]
    ) -> None:
        header = rows[0].cells
        self._note(entity, kind, section, rows[0].location)
        for row in rows[1:]:
            self.found[(entity.code, kind.table_id)].lines.add(row.location)
            matched = False
            for indicator in self.indicators.table_rows(kind.table_id):
                if indicator.row is None or not indicator.row.search(row.cells[0]):
                    continue
                matched = True
                for index, title in enumerate(header[1:], start=1):
                    if indicator.column is None or indicator.column.search(title):
                        cell = row.cells[index] if index < len(row.cells) else ""
                        self._emit(
                            entity,
                            kind,
                            indicator,
                            section,
                            row.location,
                            row.source_text,
                            cell or None,
                            row_text=row.text,
                        )
            if not matched:
                self.result.rejects.append(
                    Reject(
                        reason=f"no catalog row for {row.cells[0]!r} in table {kind.table_id}",
                        section=section,
                        location=row.location,
                        source_text=row.source_text,
                        extractor=EXTRACTOR,
                        entity_code=entity.code,
                    )
                )

    def read(self, entities: EntityCatalog) -> Extraction:
        # a table's section is the office page it belongs to ("MDS du Calaisis"), whatever
        # heading the layout printed above it
        for _, block, page in blocks_with_page(self.document, entities):
            if page is None or page.entity.entity_type not in {"mds", "mdadt"}:
                continue
            entity = page.entity
            if isinstance(block, Table):
                kind = next(
                    (
                        k
                        for k in self.indicators.tables.values()
                        if k.entity_type == entity.entity_type
                        and k.header is not None
                        and k.header.search(block.rows[0].cells[0])
                    ),
                    None,
                )
                if kind is not None:
                    self.read_header_table(entity, kind, entity.name, block.rows)
                    continue
                for row in block.rows:
                    self.read_row(
                        entity, entity.name, row.location, row.cells, row.source_text, is_text=False
                    )
            elif isinstance(block, TextLine) and len(block.text) <= _MAX_TEXT_ROW:
                self.read_row(
                    entity,
                    entity.name,
                    block.location,
                    (block.text,),
                    block.source_text,
                    is_text=True,
                )
        self.result.blocks.extend(self.quality(entities))
        return self.result

    def quality(self, entities: EntityCatalog) -> list[BlockQuality]:
        records = []
        for kind in self.indicators.tables.values():
            rows = self.indicators.table_rows(kind.table_id)
            required = {i.code for i in rows if i.required}
            for entity in entities.of_type(kind.entity_type):
                found = self.found.get((entity.code, kind.table_id))
                block_id = f"{kind.table_id}:{entity.code}"
                if found is None or found.location is None:
                    records.append(
                        BlockQuality(
                            block_id=block_id,
                            extractor=EXTRACTOR,
                            entity_code=entity.code,
                            section="",
                            location=None,
                            lines=(),
                            rows_expected=len(required),
                            rows_found=0,
                            cells_expected=0,
                            cells_found=0,
                            cells_parsed=0,
                            status="missing",
                            message=f"expected table {kind.table_id} of {entity.name} not found "
                            "in the source",
                        )
                    )
                    continue
                missing = sorted(required - found.codes)
                expected_rows = len(required | found.codes)
                records.append(
                    BlockQuality(
                        block_id=block_id,
                        extractor=EXTRACTOR,
                        entity_code=entity.code,
                        section=found.section,
                        location=found.location,
                        lines=tuple(sorted(found.lines, key=lambda location: location.order)),
                        rows_expected=expected_rows,
                        rows_found=len(found.codes),
                        cells_expected=found.cells_found,
                        cells_found=found.cells_found,
                        cells_parsed=found.cells_parsed,
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
    return _Reader(document, indicators).read(entities)
