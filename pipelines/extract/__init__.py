"""Extractors: read the document model and return figures with their provenance.

Each extractor handles one kind of block of the report. They share the record types below
and `read_key_figure`, and never read files: the document model is their only input.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pipelines.errors import IndicatorsError
from pipelines.extract.periods import Period
from pipelines.read.document import Location
from pipelines.read.numbers import Quantity


class ExtractionError(IndicatorsError):
    """An expected part of the report is missing or unreadable; the message says which."""


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One value of one indicator for one entity, and exactly where it was read."""

    entity_type: str
    entity_code: str
    indicator_code: str
    value: float | None
    unit: str
    qualifier: str | None
    section: str
    location: Location
    source_text: str  # the whole line or cell, as in the source
    source_span: str  # the exact figure inside it ("Plus de 288 000")
    extractor: str
    part_of: str | None = None  # indicator code of the whole this figure is a part of ("dont")
    period: Period | None = None  # None: the report year
    block: str | None = None  # the paragraph it was read from, when no block record holds it


@dataclass(frozen=True, kw_only=True)
class GeneratedIndicator:
    """A one-off figure's indicator: a code made from its block and label, not curated."""

    indicator_code: str
    indicator_label: str
    unit: str
    domain: str


@dataclass(frozen=True, kw_only=True)
class Reject:
    """Something that looked like a figure but could not be placed, with the reason."""

    reason: str
    section: str
    location: Location
    source_text: str
    extractor: str
    entity_code: str | None = None
    indicator_code: str | None = None
    value: float | None = None
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class EpciMention:
    """An EPCI named in a territory profile (the profile's list, in order)."""

    territory_code: str
    position: int
    epci_name: str
    section: str
    location: Location
    source_text: str


@dataclass(frozen=True, kw_only=True)
class CouncillorMention:
    """A councillor named in the political organisation table."""

    cell_number: int
    cell_label: str  # canton or territory, as printed
    prenom: str
    nom: str
    roles_in_cell: str  # every role word the cell shows, in order
    section: str
    location: Location
    source_text: str  # the whole cell


@dataclass(frozen=True, kw_only=True)
class ListItem:
    """One item of a dated list that a stated count summarises ("14 rencontres ...")."""

    list_code: str  # indicator code of the count the list summarises
    position: int
    item_date: str
    item_text: str
    section: str
    location: Location
    source_text: str


@dataclass(frozen=True, kw_only=True)
class BlockQuality:
    """How well one table or key-figure block was read (in the spirit of Camelot's report).

    A block that the report should hold but does not (a missing MDS table) is recorded too,
    with status `missing` and no location: an extraction finding, never invented figures.
    """

    block_id: str
    extractor: str
    entity_code: str | None
    section: str
    location: Location | None
    lines: tuple[Location, ...]  # the lines (or table rows) the block spans, for coverage
    rows_expected: int
    rows_found: int
    cells_expected: int
    cells_found: int
    cells_parsed: int
    status: str  # complete, partial, missing
    message: str
    title_score: float | None = None  # how well the section title matched (0-100), if looked up


@dataclass(frozen=True, kw_only=True)
class Context:
    """Where an extractor reads: its name, the section, the entity the block is about and,
    once known, the line or cell. It makes the records of what is read there (figures,
    rejects, block-quality records), each with that provenance: no extractor spells their
    long constructors, and a field added to a record is filled in one place."""

    extractor: str
    section: str = ""
    entity_type: str | None = None
    entity_code: str | None = None
    location: Location | None = None
    source_text: str = ""

    def at(self, location: Location, source_text: str) -> Context:
        """The same context, on this line or cell."""
        return replace(self, location=location, source_text=source_text)

    def about(self, entity_type: str | None, entity_code: str | None) -> Context:
        """The same context, about another entity."""
        return replace(self, entity_type=entity_type, entity_code=entity_code)

    def figure(self, indicator_code: str, quantity: Quantity, **fields: Any) -> Figure:
        """The quantity as a figure of this indicator, read here (`fields` override: another
        unit, a part_of, a block)."""
        if self.entity_type is None or self.entity_code is None or self.location is None:
            raise ExtractionError(f"{self.extractor}: a figure needs an entity and a place")
        record = {
            "entity_type": self.entity_type,
            "entity_code": self.entity_code,
            "indicator_code": indicator_code,
            "value": quantity.value,
            "unit": quantity.unit,
            "qualifier": quantity.qualifier,
            "section": self.section,
            "location": self.location,
            "source_text": self.source_text,
            "source_span": quantity.text,
            "extractor": self.extractor,
        }
        return Figure(**{**record, **fields})

    def reject(self, reason: str, **fields: Any) -> Reject:
        """What could not be read here, with the reason (`fields`: the indicator, value and
        unit when known)."""
        if self.location is None:
            raise ExtractionError(f"{self.extractor}: a reject needs a place")
        record = {
            "reason": reason,
            "section": self.section,
            "location": self.location,
            "source_text": self.source_text,
            "extractor": self.extractor,
            "entity_code": self.entity_code,
        }
        return Reject(**{**record, **fields})

    def block(
        self,
        block_id: str,
        lines: tuple[Location, ...],
        *,
        rows: tuple[int, int],
        cells: tuple[int, int, int],
        status: str,
        message: str,
        **fields: Any,
    ) -> BlockQuality:
        """How well a block was read: rows expected and found; cells expected, found, parsed."""
        return BlockQuality(
            block_id=block_id,
            extractor=self.extractor,
            entity_code=self.entity_code,
            section=self.section,
            location=self.location,
            lines=lines,
            rows_expected=rows[0],
            rows_found=rows[1],
            cells_expected=cells[0],
            cells_found=cells[1],
            cells_parsed=cells[2],
            status=status,
            message=message,
            **fields,
        )

    def missing(self, block_id: str, message: str, rows_expected: int = 1) -> BlockQuality:
        """The record of an expected block that the source does not hold: a finding, no
        figure."""
        return replace(self, section="", location=None).block(
            block_id, (), rows=(rows_expected, 0), cells=(0, 0, 0), status="missing",
            message=message,
        )  # fmt: skip


def missing_block(
    block_id: str, extractor: str, entity_code: str | None, document_extent: str, what: str
) -> BlockQuality:
    """An expected block not found in the document (`what`, searched `document_extent`)."""
    context = Context(extractor=extractor, entity_code=entity_code)
    return context.missing(block_id, f"{what} not found (searched {document_extent})")


@dataclass
class Extraction:
    figures: list[Figure] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    epci_mentions: list[EpciMention] = field(default_factory=list)
    councillor_mentions: list[CouncillorMention] = field(default_factory=list)
    blocks: list[BlockQuality] = field(default_factory=list)
    generated_indicators: list[GeneratedIndicator] = field(default_factory=list)
    list_items: list[ListItem] = field(default_factory=list)

    def with_figures(self, figures: list[Figure], renamed: dict[str, str]) -> Extraction:
        """These figures in place of the old ones, their parts pointing at the renamed codes,
        and only the generated indicators a figure still uses."""
        self.figures = [
            replace(f, part_of=renamed.get(f.part_of, f.part_of)) if f.part_of else f
            for f in figures
        ]
        used = {f.indicator_code for f in self.figures}
        self.generated_indicators = [
            g for g in self.generated_indicators if g.indicator_code in used
        ]
        return self

    def extend(self, other: Extraction) -> None:
        self.list_items.extend(other.list_items)
        self.blocks.extend(other.blocks)
        self.generated_indicators.extend(other.generated_indicators)
        self.figures.extend(other.figures)
        self.rejects.extend(other.rejects)
        self.epci_mentions.extend(other.epci_mentions)
        self.councillor_mentions.extend(other.councillor_mentions)


def block_quality(
    block_id: str, extractor: str, entity_code: str, section: str, extraction: Extraction
) -> BlockQuality:
    """The quality record of a block of key-figure lines: one row per line read."""
    lines = sorted(
        {f.location for f in extraction.figures} | {r.location for r in extraction.rejects},
        key=lambda location: location.order,
    )
    read = len({f.location for f in extraction.figures})
    first = extraction.figures[0].location if extraction.figures else None
    context = Context(extractor=extractor, section=section, entity_code=entity_code)
    return replace(context, location=first).block(
        block_id, tuple(lines), rows=(len(lines), read), cells=(len(lines), len(lines), read),
        status="complete" if read == len(lines) else "partial",
        message=f"{len(extraction.figures)} figures from {read} of {len(lines)} lines",
    )  # fmt: skip
