"""Document model: what every reader produces and every extractor reads.

A report is a sequence of sections; a section holds text lines and tables in reading order.
Every element knows where it came from (file, line for the text export, page for a PDF), so
that each figure extracted from it keeps its provenance. Extractors never see the raw file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["text", "pdf", "reference"]

# A list item opens with a marker; several may follow one another ("- ◆ 35 551 demandes").
MARKERS = "-•◆♦⇒▪►*"
# "**" is no marker: a PDF may print the export's bold marks as asterisks ("**2022 ...")
_CHARS = f"[{re.escape(MARKERS)}]"
_MARKER = rf"(?!\*\*){_CHARS}"
LIST_ITEM = re.compile(rf"^\s*{_MARKER}")
LIST_MARKERS = re.compile(rf"^(?:\s|{_MARKER})+")  # the markers a list item opens with
MARKER_WORD = re.compile(rf"^{_CHARS}+$")  # a word that is only markers

Span = tuple[int, int]  # characters start..end (end excluded) of a line's text


@dataclass(frozen=True)
class Location:
    """Where an element sits in its source: a line of the text export or a page of a PDF."""

    source_file: str
    line: int | None = None
    page: int | None = None

    @property
    def order(self) -> tuple[int, int]:
        """Reading order within the source: page, then line."""
        return (self.page or 0, self.line or 0)

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else f"page {self.page}"
        return f"{self.source_file}:{where}"


@dataclass(frozen=True)
class TextLine:
    """A line of the text export or a paragraph of a PDF.

    `text` holds the words only: the text export's inline markup (`**bold**`, `<p>`) is
    read into fields, and a PDF's fonts and positions too; extractors read the fields,
    never a markup."""

    text: str
    location: Location
    indent: int = 0  # leading spaces in the source: " - 684 demandes" is a sub-item
    starts_group: bool = True  # a blank line (or a wider gap in a PDF) comes before it
    bold: tuple[Span, ...] = ()  # the parts of `text` printed in bold, in order
    # how it was printed, when the source says (a PDF): largest size in points and its box
    # on the page (x0, top, x1, bottom)
    size: float | None = None
    box: tuple[float, float, float, float] | None = None
    raw: str | None = None  # the line as the source file has it, when that is not `text`

    @property
    def source_text(self) -> str:
        """The line as the source has it (the export's line stripped, with its markup; a
        PDF's paragraph as read): what a figure's provenance quotes."""
        return self.text if self.raw is None else self.raw

    @property
    def is_list_item(self) -> bool:
        return LIST_ITEM.match(self.text) is not None

    def is_bold(self, start: int, end: int) -> bool:
        """Is text[start:end] printed in one bold run?"""
        return any(s <= start and end <= e for s, e in self.bold)


@dataclass(frozen=True)
class RunningText:
    """A running header, footer or page number: repeated at the same place across pages,
    removed from the reading flow and kept here as provenance."""

    text: str
    location: Location
    band: str  # header, footer, or body (elsewhere on the page: a side tab, a fixed footer)


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]  # the words of each cell, like `TextLine.text`
    location: Location
    raw: tuple[str, ...] | None = None  # the cells as the source file has them, when not `cells`

    @property
    def text(self) -> str:
        return "\t".join(self.cells)

    @property
    def source_cells(self) -> tuple[str, ...]:
        """The cells as the source has them (stripped, with the export's markup)."""
        return self.cells if self.raw is None else self.raw

    @property
    def source_text(self) -> str:
        """The row as the source has it, cells joined by TABs: what a figure's provenance
        quotes."""
        return "\t".join(self.source_cells)


@dataclass(frozen=True)
class Table:
    rows: tuple[TableRow, ...]
    location: Location


Block = TextLine | Table


@dataclass
class Section:
    """A heading and the blocks under it, up to the next heading."""

    title: str
    location: Location
    blocks: list[Block] = field(default_factory=list)
    title_size: float | None = None  # in points, for a PDF

    def lines(self) -> Iterator[TextLine]:
        return (b for b in self.blocks if isinstance(b, TextLine))

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))


@dataclass
class PageFinding:
    """A page of a PDF that gave no text: unreadable (the reader failed on it: its text, as
    far as it can be had, is kept), or without any (an empty page, a page of pictures)."""

    page: int
    kind: str  # "unreadable" or "no_text"
    reason: str
    text: str = ""


@dataclass
class Document:
    source_file: str
    source_kind: SourceKind
    sha256: str
    report_year: int
    sections: list[Section]
    running_text: list[RunningText] = field(default_factory=list)
    pages: int | None = None  # a PDF's number of pages (None: a text export)
    page_findings: list[PageFinding] = field(default_factory=list)  # pages that gave no text
    year_source: str = ""  # where the report year was read (`pipelines.read.report_year`)
    departement_code: str = ""  # whose report it is (`pipelines.read.departement`)
    departement_source: str = ""  # where that was read

    def lines(self) -> Iterator[tuple[Section, TextLine]]:
        for section in self.sections:
            for line in section.lines():
                yield section, line

    def blocks(self) -> Iterator[tuple[Section, Block]]:
        """Every line and table in reading order, with the section it sits in."""
        for section in self.sections:
            for block in section.blocks:
                yield section, block

    def find_sections(self, title_prefix: str) -> list[Section]:
        return [section for section, _ in self.match_sections(title_prefix)]

    def match_sections(
        self, title_prefix: str, min_score: float | None = None
    ) -> list[tuple[Section, float]]:
        """Sections whose title starts with these words, matched fuzzily, with the score."""
        from pipelines.read.titles import MIN_SCORE, title_score

        threshold = MIN_SCORE if min_score is None else min_score
        scored = [(s, title_score(title_prefix, s.title)) for s in self.sections if s.title]
        return [(s, score) for s, score in scored if score >= threshold]

    def extent(self) -> str:
        """What a search for a block went through: `pages 1-59` or `lines 1-5006`."""
        places = [block.location for _, block in self.blocks()] + [
            s.location for s in self.sections
        ]
        pages = [p.page for p in places if p.page is not None]
        if pages:
            return f"pages {min(pages)}-{max(pages)}"
        lines = [p.line for p in places if p.line is not None]
        return f"lines {min(lines, default=1)}-{max(lines, default=1)}"
