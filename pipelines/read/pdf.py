"""Reader for the report as a PDF, with pdfplumber, into the same document model.

A page that strokes no rule and draws its text upright (most of a report) has its
characters read by pdfium (`pdf_chars`), thirty times faster than pdfminer and the same
characters; every other page is read by pdfplumber. The structure comes from the words
and their positions, not from one layout:

- running headers, footers and page numbers (text repeated at the same place across pages,
  `pdf_layout.running_texts`) leave the flow and are kept in `Document.running_text`;
- ruled tables are found by pdfplumber's table finder, only on pages that stroke rules
  (shaded boxes and zebra rows are fills, not rules); the finder is the expensive part;
- the remaining words are split into one, two or three columns from their x-positions
  (`pdf_layout.layout_of`), grouped into lines, and lines into paragraphs by their spacing;
  a line whose words leave a wide gap is a row of a table without rules (aligned text), and
  the lines that continue its first cell join it;
- text clearly larger than the page's body text is a section title, unless it is a key
  figure's number alone on its line: that number is joined to the label under it;
- line-end hyphens are undone or kept from the document's vocabulary (`hyphenation`).

Each paragraph carries the words printed in bold (as character ranges of its text), its
size and its box as fields of the document model. Provenance: the page, and the paragraph's
rank on the page as `line`.

With several processes, each runs the first pass (running text) over a share of the pages,
then reads a range of pages holding about the same number of characters as the others'.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.table import Table as PlumberTable
from pdfplumber.utils import text as plumber_text
from pdfplumber.utils.text import WordExtractor

from pipelines.read import PDFIUM_LOCK, SourceError, normalise_text
from pipelines.read.departement import report_departement
from pipelines.read.diagnose import diagnose_document
from pipelines.read.document import (
    LIST_ITEM,
    MARKER_WORD,
    Block,
    Document,
    Location,
    PageFinding,
    RunningText,
    Section,
    Span,
    Table,
    TableRow,
    TextLine,
)
from pipelines.read.hyphenation import MARK, Vocabulary, join_lines
from pipelines.read.numbers import find_quantities, is_figure_alone
from pipelines.read.pdf_chars import PlainPage, plain_page
from pipelines.read.pdf_layout import (
    BAND,
    LAYOUT,
    PageLayout,
    RunningKey,
    is_running,
    layout_of,
    running_counts,
    running_from,
    running_key,
    segments_of,
)
from pipelines.read.report_year import report_year
from pipelines.read.titles import without_numbering

TITLE_RATIO = LAYOUT.title_ratio
_LAST_WORD = LAYOUT.last_word
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})


class _Title(NamedTuple):
    """A title as read on its page, with what tells whether a column or page break cut it:
    the room its last line leaves in its column, the width of its first word, and whether it
    opens its column."""

    text: str
    size: float
    room: float
    lead: float
    opens_column: bool = False  # the first line of its column (or of the page)


@dataclass
class _Line:
    words: list[dict]
    top: float
    bottom: float
    x0: float
    size: float
    cells: list[str] = field(default_factory=list)  # filled when the line is a table row
    body_size: float = 0.0  # the page's body text size
    cell_words: list[list[dict]] = field(default_factory=list)

    @property
    def is_title(self) -> bool:
        if self.body_size <= 0:
            return False
        large = self.size >= self.body_size * TITLE_RATIO or (
            self.size >= self.body_size * LAYOUT.bold_title_ratio
            and all(_is_bold(w) for w in self.words)
        )
        return large and not _is_figure_alone(self)  # a key figure's number is not a title

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)


def _wrapped(line: _Line, next_line: _Line, column_right: float) -> bool:
    """Would the next line's first word not have fitted on this line? Within an em of the
    edge: a title's spacing and margins vary."""
    first = next_line.words[0]
    return line.x1 + (first["x1"] - first["x0"]) > column_right - line.size


def _room(line: _Line, column_right: float) -> float:
    """The room a body line leaves for one more word: to its column's edge, less a space."""
    return column_right - line.x1 - LAYOUT.space * line.size


def _broke(line: _Line, next_line: _Line, column_right: float) -> bool:
    """Did the typesetter break a paragraph's line before the next line's first word because
    it would not fit (rather than because the paragraph ended)?"""
    first = next_line.words[0]
    return first["x1"] - first["x0"] > _room(line, column_right)


def _is_bold(word: dict) -> bool:
    return "Bold" in word["fontname"] or "Black" in word["fontname"]


def _is_figure_alone(line: _Line) -> bool:
    """`⇒ 211 425`, `1 984,8 km²`: a key figure's number printed on its own line."""
    return is_figure_alone(
        " ".join(w["text"] for w in line.words if not MARKER_WORD.match(w["text"]))
    )


def _text(words: list[dict]) -> str:
    return " ".join(word["text"] for word in words)


Styled = tuple[str, tuple[Span, ...]]  # a text and the ranges of it printed in bold


def _styled(words: list[dict]) -> Styled:
    """Words joined by spaces, and the runs of bold words (a bullet marker is never part
    of a bold run)."""
    bold: list[Span] = []
    position = 0
    leading = True  # still in the line's bullet markers
    for word in words:
        leading = leading and bool(MARKER_WORD.match(word["text"]))
        end = position + len(word["text"])
        if _is_bold(word) and not leading:
            if bold and bold[-1][1] == position - 1:  # the previous word was bold too
                bold[-1] = (bold[-1][0], end)
            else:
                bold.append((position, end))
        position = end + 1
    return _text(words), tuple(bold)


def _join(lines: list[str]) -> str:
    text = lines[0] if lines else ""
    for line in lines[1:]:
        text = join_lines(text, line)
    return text


def _join_styled(first: Styled, second: Styled) -> Styled:
    """Two lines of one paragraph (`join_lines`), their bold runs kept: a run that goes on
    from one line to the next is one run."""
    text = join_lines(first[0], second[0])
    offset = len(text) - len(second[0])  # the second line ends the joined text unchanged
    bold = list(first[1])
    for start, end in second[1]:
        if bold and not text[bold[-1][1] : start + offset].strip(" " + MARK):
            bold[-1] = (bold[-1][0], end + offset)
        else:
            bold.append((start + offset, end + offset))
    return text, tuple(bold)


def _table_word(table, size: float) -> dict:
    """A ruled table as one item of the page's layout, placed by its box."""
    x0, top, x1, bottom = table.bbox
    return {"text": "", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size,
            "table": table}  # fmt: skip


def _spread_evenly(words: list[dict], least: int = LAYOUT.min_even_gaps) -> bool:
    """A justified line of few words: every space widened alike, wider than a cell gap
    ("Aménager   le   territoire   et   préserver"). A table's row leaves gaps of its own
    widths between cells, and ordinary spaces within them; a row of figures may be even."""
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(words)]
    if len(gaps) < least or min(gaps) <= 0:
        return False
    words_of_letters = sum(any(c.isalpha() for c in w["text"]) for w in words)
    return max(gaps) / min(gaps) < LAYOUT.even_gaps and words_of_letters * 2 > len(words)


def _lines(words: list[dict], body_size: float = 0.0) -> list[_Line]:
    """Words on the same baseline make a line (in one column)."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(word["top"] - lines[-1].top) < LAYOUT.same_line:
            lines[-1].words.append(word)
            lines[-1].bottom = max(lines[-1].bottom, word["bottom"])
        else:
            lines.append(
                _Line([word], word["top"], word["bottom"], word["x0"], word["size"], [], body_size)
            )
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.size = max(w["size"] for w in line.words)
        line.x0 = line.words[0]["x0"]
        cells, current = [], [line.words[0]]
        for previous, word in zip(line.words, line.words[1:], strict=False):
            if word["x0"] - previous["x1"] > LAYOUT.cell_gap * line.size:
                cells.append(current)
                current = []
            current.append(word)
        cells.append(current)
        # a list item's markers stand apart from its text (and justification widens the
        # gap): they open the item, they are not a cell
        if len(cells) > 1 and all(MARKER_WORD.match(w["text"]) for w in cells[0]):
            cells[:2] = [cells[0] + cells[1]]
        if _spread_evenly(line.words):
            cells = [line.words]
        # a title set justified leaves wide gaps too: only body-size text makes table rows
        if len(cells) > 1 and not line.is_title:
            line.cells = [_text(c) for c in cells]
            line.cell_words = cells
    # fewer words spread alike are a justified line when its paragraph goes on below it
    # ("demandes   d'allocation   personnalisée" + "d'autonomie (APA) à domicile.")
    for line, following in pairwise(lines):
        if (
            line.cells
            and not following.cells
            and following.top - line.bottom < line.size * LAYOUT.wrapped_cell_gap
            and abs(following.x0 - line.x0) < LAYOUT.row_left
            and _spread_evenly(line.words, least=2)
        ):
            line.cells, line.cell_words = [], []
    return _figures_joined(lines)


def _aligned(rows: list[list[str]], lines: list[_Line]) -> list[list[str]]:
    """Cells that abut (right-aligned headers with little space between them) are split
    where the table's other rows end a column."""
    width = max(len(line.cell_words) for line in lines)
    full = [line for line in lines if len(line.cell_words) == width]
    if len(full) < 2 or width < LAYOUT.min_aligned_cells:
        return rows
    edges = [
        sorted(line.cell_words[i][-1]["x1"] for line in full)[len(full) // 2]
        for i in range(1, width)
    ]
    out = []
    for row, line in zip(rows, lines, strict=True):
        if 1 < len(line.cell_words) < width:
            cells = [row[0]]
            for words in line.cell_words[1:]:
                start = 0
                for index, word in enumerate(words[:-1]):
                    if any(abs(word["x1"] - edge) < LAYOUT.aligned_edge for edge in edges):
                        cells.append(_text(words[start : index + 1]))
                        start = index + 1
                cells.append(_text(words[start:]))
            row = cells if len(cells) <= width else row
        out.append(row)
    return out


def _cell_text(cell: str | None) -> str:
    """A ruled table's cell on one line: its lines joined as a paragraph's are, a line-end
    hyphen marked for the document's vocabulary ("départe-" + "mentales")."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in (cell or "").splitlines()]
    return functools.reduce(join_lines, [line for line in lines if line], "").strip()


def _header_cells(held: list[_Line], lines: list[_Line]) -> list[str] | None:
    """The line above a table's rows read as its header: its words parted as the rows' are
    (`_parted_as`: "... D'OUVRAGE INVESTISSEMENT FONCTIONNEMENT" over three columns), its
    first cell's next lines joined to that cell; or None when it does not part so (a
    sentence above the table)."""
    header, wrapped = held[0], held[1:]
    if header.is_title or header.cells or len(lines) < 2:
        return None
    parts = _parted_as(header.words, lines)
    if parts is None:
        return None
    cells = [_text(part) for part in parts]
    for line in wrapped:  # the first cell's next line, within that cell (a word too long
        # for the cell may run past its edge)
        if line.words[-1]["x0"] >= parts[1][0]["x0"]:
            return None
        cells[0] = join_lines(cells[0], _text(line.words))
    return cells


def _parted_as(words: list[dict], lines: list[_Line]) -> list[list[dict]] | None:
    """Words parted as the rows' cells are: before each column, at the widest gap between
    where the previous column's cells start and where its own start, each clearly wider than
    the words' spaces; with two columns, the last part lined up with the rows' last cells at
    one end. None when they do not part so."""
    widths = {len(line.cell_words) for line in lines}
    if len(widths) != 1 or (width := widths.pop()) < 2:
        return None
    # a cut before column i + 1 falls after the start of column i and no later than its own:
    # a header's cell may start before its column's figures, set flush right under it
    firsts = [min(line.cell_words[i][0]["x0"] for line in lines) for i in range(width)]
    ends, starts = firsts[:-1], firsts[1:]
    # the words' space: their median gap, at most a space of their size (a header of a few
    # words has more cell gaps than spaces)
    spaces = sorted(b["x0"] - a["x1"] for a, b in pairwise(words))
    size = max(w["size"] for w in words)
    space = min(spaces[len(spaces) // 2], LAYOUT.space * size) if spaces else 0.0
    cuts: list[int] = []
    for end, start in zip(ends, starts, strict=True):
        gaps = [
            (words[i + 1]["x0"] - words[i]["x1"], i + 1)
            for i in range(len(words) - 1)
            if end < (words[i]["x1"] + words[i + 1]["x0"]) / 2 <= start
        ]
        if not gaps or max(gaps)[0] < LAYOUT.header_gap * space:  # not wider than a space
            return None
        cut = max(gaps)[1]
        if cuts and cut <= cuts[-1]:
            return None
        cuts.append(cut)
    if width < LAYOUT.min_aligned_cells:  # two columns: the last cell lines up with the rows'
        last = words[cuts[-1] :]
        if not any(
            abs(last[0]["x0"] - line.cell_words[-1][0]["x0"]) < LAYOUT.aligned_edge
            or abs(last[-1]["x1"] - line.cell_words[-1][-1]["x1"]) < LAYOUT.aligned_edge
            for line in lines
        ):
            return None
    edges = [0, *cuts, len(words)]
    return [words[a:b] for a, b in pairwise(edges)]


def _row_like(line: _Line, rows: list[_Line]) -> list[list[dict]] | None:
    """A line under a table's rows that parts as they do, its last cell a figure set where
    theirs are (a wide label leaves less than a cell gap before its figure)."""
    if line.is_title or not rows:
        return None
    alike = [row for row in rows if len(row.cell_words) == len(rows[-1].cell_words)]
    parts = _parted_as(line.words, alike)
    if parts is None or find_quantities(_text(parts[-1])) == []:
        return None
    return parts


_SENTENCE_END = (".", "!", "?", "…")
_TITLE_END = (*_SENTENCE_END, ":")


def _same_paragraph(paragraph: list[_Line], line: _Line, gap: float, right: float) -> bool:
    """Lines of a paragraph are closer than paragraphs are to each other; a list item always
    starts a paragraph (a title's next line may start with a dash: "Lens" + "- Hénin"); a
    title goes on to the next line only when that line's first word would not have fitted on
    its own line (unless its line ends on a colon, as a whole title does), or the title was
    cut where no title ends ("Les chiffres clés" + "du Laboratoire", as a typesetter
    balancing its lines breaks it) or goes on in lower case; a line that ends a sentence and
    leaves room for the next line's first word ends its paragraph."""
    if not (
        paragraph
        and gap < line.size * LAYOUT.wrapped_cell_gap
        and line.is_title == paragraph[-1].is_title
    ):
        return False
    if not line.is_title:
        # a line that ends a sentence with room left for the next line's first word ended
        # its paragraph, however close the next paragraph is set; the room is measured to
        # the paragraph's own edge once it has one (a paragraph in a box within the column)
        ended = paragraph[-1].words[-1]["text"].endswith(_SENTENCE_END)
        edge = max(p.x1 for p in paragraph) if len(paragraph) > 1 else right
        return not LIST_ITEM.match(line.words[0]["text"]) and not (
            ended and not _broke(paragraph[-1], line, edge)
        )
    last = _text(paragraph[-1].words)
    return (
        (_wrapped(paragraph[-1], line, right) and not last.endswith(_TITLE_END))
        or bool(_CUT_TITLE.search(last))
        or line.words[0]["text"][:1].islower()
    )


def _table_ends(gap: float, line: _Line, last: _Line | None, row_gap: float | None) -> bool:
    """A wider gap than `table_end_gap` before a row ends its table, unless the table's rows
    already part as wide (a typesetter rounding each row's place to its pixel grid), or the
    row's cells line up with the last row's at both ends, no farther than paragraphs are."""
    if gap <= line.size * LAYOUT.table_end_gap:
        return False
    if row_gap is not None and gap < row_gap * LAYOUT.row_gap_growth:
        return False
    return not (
        last is not None
        and gap < line.size * LAYOUT.paragraph_gap
        and len(last.cells) == len(line.cells)
        and abs(last.x0 - line.x0) < LAYOUT.row_left
        and abs(last.x1 - line.x1) < LAYOUT.aligned_edge
    )


def _figures_joined(lines: list[_Line]) -> list[_Line]:
    """A key figure's number alone on its line, set large, joins the label under it."""
    out: list[_Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and not line.cells
            and previous.size > line.size * LAYOUT.figure_title
            and line.top - previous.bottom < line.size * LAYOUT.figure_title
            and _is_figure_alone(previous)
        ):
            out[-1] = _Line(
                previous.words + line.words,
                previous.top,
                line.bottom,
                previous.x0,
                line.size,
                [],
                line.body_size,
            )
            continue
        out.append(line)
    return out


def body_size(words: list[dict]) -> float:
    """The size most of the page's characters are set in."""
    sizes: dict[float, int] = {}
    for word in words:
        size = round(word["size"], 1)
        sizes[size] = sizes.get(size, 0) + len(word["text"])
    return max(sizes, key=lambda s: sizes[s]) if sizes else 0.0


def _ruling(page) -> bool:
    """Does the page draw rules? A stroked line or box, or a hairline filled (as browsers
    draw a cell's border); filled boxes and shaded rows are not rules."""
    return bool(page.lines) or any(r.get("stroke") or _hairline(r) for r in page.rects)


def _hairline(rect: dict) -> bool:
    thin, long = sorted((rect["width"], rect["height"]))
    return thin <= LAYOUT.hairline and long >= LAYOUT.hairline_length


def _extracted(table) -> list[list[str | None]]:
    """`table.extract()` over the characters in the table's box only (each row no longer goes
    through all the page's characters), each character in the cell where its word starts: a
    word that runs past its cell's rule (a narrow column the typesetter did not wrap) stays
    whole in its cell."""
    x0, top, x1, bottom = table.bbox

    def inside(obj: dict) -> bool:
        return (
            obj["object_type"] == "char"
            and x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1
            and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom
        )

    view = table.page.filter(inside)
    # a character's place, for its cell: the middle of its word's first character
    anchor: dict[int, tuple[float, float]] = {}
    for _, chars in WordExtractor(x_tolerance=LAYOUT.word_tolerance).iter_extract_tuples(
        view.chars
    ):
        first = chars[0]
        point = ((first["x0"] + first["x1"]) / 2, (first["top"] + first["bottom"]) / 2)
        anchor.update((id(c), point) for c in chars)

    def within(char: dict, box: tuple[float, float, float, float]) -> bool:
        h, v = anchor.get(
            id(char), ((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
        )
        return box[0] <= h < box[2] and box[1] <= v < box[3]

    rows: list[list[str | None]] = []
    for row in PlumberTable(view, table.cells).rows:
        row_chars = [c for c in view.chars if within(c, row.bbox)]
        cells: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            chars = [c for c in row_chars if within(c, cell)]
            cells.append(plumber_text.extract_text(chars) if chars else "")
        rows.append(cells)
    return rows


class _PageReader:
    def __init__(
        self,
        page,
        number: int,
        source_file: str,
        running: frozenset[tuple[str, tuple[str, int, int]]] = frozenset(),
    ):
        self.page = page
        self.number = number
        self.source_file = source_file
        self.running = running
        self.dropped: list[RunningText] = []
        self.layout: PageLayout | None = None  # what `inspect-pdf` shows
        self.lines: list[_Line] = []
        self.ruled_boxes: list[tuple[float, float, float, float]] = []
        self.rank = 0
        # ("title", _Title), ("block", Block), or ("continued", TextLine): the rest of a
        # paragraph that the previous column or page ended with
        self.blocks: list[tuple[str, Block | _Title]] = []
        # the last block may go on in the next column or page: a paragraph whose last line is
        # full, a table that reaches the foot of the text (unknown at the top of a page)
        self.runs_on = True
        # the page's last paragraph line so far and its column's right edge (None after a
        # table, or before anything on the page)
        self.last_line: tuple[_Line, float] | None = None
        self.lead: float | None = None  # the width of the page's first word, when a paragraph
        self.text_bottom = 0.0

    def _location(self) -> Location:
        self.rank += 1
        return Location(self.source_file, page=self.number, line=self.rank)

    def words(self) -> list[dict]:
        """The page's words, without running text, with ligatures undone and the text
        normalised as every reader's (`normalise_text`)."""
        words = self.page.extract_words(
            extra_attrs=["fontname", "size"], x_tolerance=LAYOUT.word_tolerance
        )
        for word in words:
            word["text"] = normalise_text(word["text"].translate(_LIGATURES))
        return self._without_running(words)

    def _without_running(self, words: list[dict]) -> list[dict]:
        if not self.running:
            return words
        height = self.page.height
        drop: set[int] = set()
        for segment in segments_of(words):
            band = "body"
            if segment.words[-1]["bottom"] < height * BAND:
                band = "header"
            elif segment.top > height * (1 - BAND):
                band = "footer"
            key = running_key(segment.text, segment.x0, segment.top, band)
            if is_running(self.running, band, key):
                drop.update(id(w) for w in segment.words)
                self.dropped.append(
                    RunningText(segment.text, Location(self.source_file, page=self.number), band)
                )
        return [w for w in words if id(w) not in drop]

    def read(self) -> list[tuple[str, Block | _Title]]:
        page = self.page
        tables = page.find_tables() if _ruling(page) else []
        boxes = [t.bbox for t in tables]
        words = [
            w
            for w in self.words()
            if not any(
                b[0] <= w["x0"] and w["x1"] <= b[2] and b[1] <= w["top"] <= b[3] for b in boxes
            )
        ]
        body = body_size(words)
        self.ruled_boxes = boxes
        # margins are taken as symmetric: the text's right edge mirrors its left edge
        left_margin = min((w["x0"] for w in words), default=0.0)
        self.text_bottom = max([w["bottom"] for w in words] + [b[3] for b in boxes], default=0.0)
        # a ruled table takes part in the layout as one wide "word": it sits in its column,
        # or spans the columns and cuts the page into bands as a title over them does
        placed = [_table_word(t, body) for t in tables]
        shaded = [
            (r["x0"], r["top"], r["x1"], r["bottom"])
            for r in page.rects
            if r.get("fill") and not r.get("stroke") and not _hairline(r)
        ]
        layout = self.layout = layout_of(words + placed, page.width, shaded)
        for flow in layout.flows:
            if len(layout.columns) > 1:
                column = next(
                    (c for c in layout.columns if c[0] - 1 <= flow[0]["x0"] <= c[1]), None
                )
                right = column[1] if column is not None else max(w["x1"] for w in flow)
                if column is not None and any("table" in w for w in flow):
                    right = max(right, max(w["x1"] for w in flow))
            else:
                right = page.width - left_margin
            lines = _lines([w for w in flow if "table" not in w], body)
            self.lines += lines
            items: list[tuple[float, object]] = [(line.top, line) for line in lines]
            items += [(w["top"], w["table"]) for w in flow if "table" in w]
            pending: list[_Line] = []
            for _, item in sorted(items, key=lambda pair: pair[0]):
                if isinstance(item, _Line):
                    pending.append(item)
                    continue
                self._flow(pending, right)
                pending = []
                self._ruled(item)
            self._flow(pending, right)
        return self.blocks

    def _ruled(self, table) -> None:
        rows = []
        for row in _extracted(table):
            cells = [normalise_text(_cell_text(c).translate(_LIGATURES)) for c in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(TableRow(tuple(cells), self._location()))
        if rows:
            kind = "continued" if self.runs_on and not self.blocks else "block"
            self.blocks.append((kind, Table(tuple(rows), rows[0].location)))
            self.runs_on = table.bbox[3] > self.text_bottom - LAYOUT.foot_room
            self.last_line = None

    def _paragraph(
        self, paragraph: list[_Line], left: float, right: float, gap_before: float, first: bool
    ) -> None:
        """A title, or a paragraph's text with its bold runs, indent and box; `first`: it
        opens the column's flow (it may go on from the previous column or page)."""
        if paragraph[0].is_title:
            text = _join([_text(p.words) for p in paragraph])
            lead = paragraph[0].words[0]
            room = right - paragraph[-1].x1
            title = _Title(text, paragraph[0].size, room, lead["x1"] - lead["x0"], first)
            self.blocks.append(("title", title))
            return
        text, bold = _styled(paragraph[0].words)
        for following in paragraph[1:]:
            text, bold = _join_styled((text, bold), _styled(following.words))
        indent = 1 if paragraph[0].x0 - left > LAYOUT.indent else 0
        # the first line of a column has no gap to measure: it continues the flow
        starts_group = 0 < gap_before < 99 and gap_before > paragraph[0].size * LAYOUT.paragraph_gap
        kind = "block"
        # the paragraph broke at the column or page end (a list item never goes on); within
        # a page, only when its first word would not have fitted on the column's last line
        ended = self.last_line
        if not self.blocks:
            word = paragraph[0].words[0]
            self.lead = word["x1"] - word["x0"]
        if (
            first
            and self.runs_on
            and not LIST_ITEM.match(text)
            and (ended is None or _broke(ended[0], paragraph[0], ended[1]))
        ):
            kind = "continued"
        box = (
            min(p.x0 for p in paragraph),
            paragraph[0].top,
            max(p.x1 for p in paragraph),
            paragraph[-1].bottom,
        )
        line = TextLine(
            text,
            self._location(),
            indent,
            starts_group,
            bold=bold,
            size=max(p.size for p in paragraph),
            box=box,
        )
        self.blocks.append((kind, line))
        self.runs_on = paragraph[-1].words[-1]["x1"] > right - _LAST_WORD
        self.last_line = (paragraph[-1], right)

    def _flow(self, lines: list[_Line], column_right: float) -> None:
        """Lines of one column into titles, paragraphs and aligned-text tables."""
        paragraph: list[_Line] = []
        rows: list[list[str]] = []
        row_lines: list[_Line] = []
        previous: _Line | None = None
        gap_before_paragraph = 99.0
        # a line right above a table (and its first cell's wrapped line), held until the
        # table's columns tell whether it is the table's header, its cells set too close to
        # part by their gaps alone
        held: list[_Line] = []
        first_of_flow = True

        def flush() -> None:
            nonlocal paragraph, rows, row_lines, held, first_of_flow
            if held:
                header = _header_cells(held, row_lines) if rows else None
                if header is not None:
                    rows, row_lines = [header, *rows], [held[0], *row_lines]
                else:  # not a header: the paragraph it is, before the table
                    kept_rows, kept_lines, paragraph = rows, row_lines, held
                    rows, row_lines, held = [], [], []
                    flush()
                    rows, row_lines = kept_rows, kept_lines
                held = []
                # the held line opened the flow: the table after it runs on from nothing
                first_of_flow = False
            if rows:
                rows = _aligned(rows, row_lines)
                located = [TableRow(tuple(r), self._location()) for r in rows]
                # a table at the top of a column may run on from the previous column or page
                kind = "continued" if first_of_flow and self.runs_on else "block"
                self.blocks.append((kind, Table(tuple(located), located[0].location)))
                self.runs_on = (
                    previous is not None and previous.bottom > self.text_bottom - LAYOUT.foot_room
                )
                self.last_line = None
                rows, row_lines = [], []
            if paragraph:
                self._paragraph(
                    paragraph, column_left, column_right, gap_before_paragraph, first_of_flow
                )
                paragraph = []

        column_left = min((line.x0 for line in lines), default=0.0)
        first_of_flow = True
        row_x0 = 0.0
        row_gap: float | None = None  # the narrowest gap between the current table's rows
        for line in lines:
            gap = line.top - previous.bottom if previous is not None else 99.0
            if line.cells:
                close = gap < line.size * LAYOUT.header_above
                hold = 0 < len(paragraph) <= LAYOUT.header_lines and not rows and close
                held, paragraph = (paragraph, []) if hold else (held, paragraph)
                last = row_lines[-1] if row_lines else None
                if paragraph or (rows and _table_ends(gap, line, last, row_gap)):
                    flush()  # a new table begins after text or after a wider gap
                    first_of_flow = False
                row_gap = None if not rows else gap if row_gap is None else min(row_gap, gap)
                rows.append(line.cells)
                row_lines.append(line)
                row_x0 = line.x0
            elif (
                rows
                and gap < line.size * LAYOUT.table_end_gap
                and (parts := _row_like(line, row_lines)) is not None
            ):
                line.cell_words, line.cells = parts, [_text(part) for part in parts]
                rows.append(line.cells)
                row_lines.append(line)
            elif (
                rows
                and gap < line.size * LAYOUT.row_gap
                and abs(line.x0 - row_x0) < LAYOUT.row_left
            ):
                # a table row whose first cell wraps: the next line continues that cell
                rows[-1][0] = join_lines(rows[-1][0], _text(line.words))
            else:
                if not _same_paragraph(paragraph, line, gap, column_right):
                    if paragraph or rows:
                        flush()
                        first_of_flow = False
                    gap_before_paragraph = gap
                paragraph.append(line)
            previous = line
        flush()


def _open(path: Path):
    try:
        return pdfplumber.open(path)
    except Exception as err:  # pdfplumber wraps pdfminer's errors; look at what it wraps
        causes = (err, *err.args, err.__context__)
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise SourceError(
                f"{path.name}: the PDF is encrypted; give an unencrypted copy"
            ) from err
        detail = next((repr(c) for c in causes if isinstance(c, PDFSyntaxError)), str(err))
        raise SourceError(
            f"{path.name}: not a readable PDF ({detail or type(err).__name__})"
        ) from err


# a page's number, its blocks, whether its last block runs on, its running text dropped, a
# finding when it gave no text, and how a paragraph cut by the page break tells itself: the
# room its last line leaves (`_room`), and the width of the page's first word
PageResult = tuple[
    int,
    list[tuple[str, Block | _Title]],
    bool,
    list[RunningText],
    PageFinding | None,
    float | None,
    float | None,
]


def _plain_text(page) -> str:
    """What text a page that the reader failed on still gives (for its reject), if any."""
    try:
        return " ".join((page.extract_text() or "").split())[:2000]
    except Exception:  # the page is damaged: nothing more to keep
        return ""


def _without_text(page, number: int) -> PageFinding:
    if page.images:
        reason = "a page of pictures only: no text layer"
    elif page.chars:
        reason = "no text but its running header or footer"
    else:
        reason = "an empty page"
    return PageFinding(number, "no_text", f"page {number}: {reason}")


def read_pages(
    path: Path,
    first: int,
    last: int,
    running: frozenset[tuple[str, tuple[str, int, int]]] = frozenset(),
) -> list[PageResult]:
    """Pages first..last (1-based, inclusive): the unit of work of a process."""
    result: list[PageResult] = []
    with _open(path) as pdf, _pdfium(path) as cheap:
        for number in range(first, last + 1):
            with _one_collection():
                page = _plain(cheap, number) or pdf.pages[number - 1]
                try:
                    if not isinstance(page, PlainPage):
                        page = upright(pdf, page)
                    reader = _PageReader(page, number, path.name, running)
                    try:
                        blocks = reader.read()
                    except Exception:
                        if not isinstance(page, PlainPage):
                            raise
                        # read again as pdfplumber reads it: its failure is the finding
                        page = upright(pdf, pdf.pages[number - 1])
                        reader = _PageReader(page, number, path.name, running)
                        blocks = reader.read()
                    finding = None if blocks else _without_text(page, number)
                    ends = reader.last_line
                    room = _room(*ends) if ends else None
                    result.append(
                        (number, blocks, reader.runs_on, reader.dropped, finding, room, reader.lead)
                    )
                except Exception as err:  # pdfminer raises many kinds on damaged content
                    # one page is a finding, not the end of the report: the others load
                    reason = f"page {number} cannot be read: {type(err).__name__}: {err}"
                    finding = PageFinding(number, "unreadable", reason, _plain_text(page))
                    result.append((number, [], False, [], finding, None, None))
                finally:
                    page.close()  # keeps memory flat: a page's objects are freed as we go
    return result


@contextmanager
def _pdfium(path: Path) -> Iterator[Any]:
    """The file opened by pdfium, for its plain pages; None when pdfium refuses it (the
    pages are then all read by pdfplumber, which says what is wrong)."""
    import pypdfium2 as pdfium

    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        yield None
        return
    try:
        yield document
    finally:
        with PDFIUM_LOCK:
            document.close()


def _plain(document, number: int) -> PlainPage | None:
    """Page `number` read by pdfium when it is plain (`pdf_chars`), else None."""
    import pypdfium2 as pdfium

    if document is None:
        return None
    try:
        return plain_page(document, number - 1)
    except pdfium.PdfiumError:  # a damaged page: pdfplumber's reading says what is wrong
        return None


def _reads_turned(page) -> bool:
    """Do most of the characters of the page, as displayed, run vertically or upside down?"""
    chars = page.chars

    def turned(char: dict) -> bool:
        matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
        return not char.get("upright", True) or matrix[0] < 0

    return bool(chars) and sum(1 for c in chars if turned(c)) > len(chars) / 2


def upright(pdf, page):
    """The page as its content stream draws it, before its `/Rotate`: a page turned for
    display (a landscape scan, a page rotated by a PDF tool) is read in its own upright
    lines, where its rotated view would set every word on a vertical line of its own."""
    if not page.rotation or not _reads_turned(page):
        return page  # a landscape page drawn sideways and turned upright by /Rotate: as is
    page.page_obj.rotate = 0
    page.page_obj.attrs = {**page.page_obj.attrs, "Rotate": 0}
    return pdfplumber.page.Page(
        pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop
    )


@contextmanager
def _one_collection() -> Iterator[None]:
    """Reading a page allocates a few hundred thousand objects, nearly all freed by
    reference counting when the page is closed, and a few hundred in cycles. The cyclic
    garbage collector, left on, goes through the page's live objects again and again (about
    a twentieth of the reading time); it is paused while the page is read (if it was on) and
    collects the page's young objects once, when the page is closed."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
        gc.collect(0)


def page_count(path: Path) -> int:
    try:
        with _open(path) as pdf:
            return len(pdf.pages)
    except SourceError:
        raise
    except Exception as err:
        raise SourceError(f"{path.name}: not a readable PDF ({type(err).__name__}: {err})") from err


def read_pdf(path: Path, workers: int = 1, departement: str | None = None) -> Document:
    """Read the PDF into sections of paragraphs and tables; `workers` > 1 reads page ranges
    in that many processes; `departement`: its code, when given rather than read."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    raw = path.read_bytes()
    if not raw.startswith(b"%PDF-"):
        raise SourceError(f"{path.name}: not a PDF (no %PDF- header)")
    pages = page_count(path)
    if pages == 0:
        raise SourceError(f"{path.name}: the PDF has no page")
    ranges = _ranges(pages, workers)
    if len(ranges) == 1:
        running, _ = _running([_running_part(path, 1, pages)])
        read = read_pages(path, *ranges[0], running)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=len(ranges)) as pool:
            # the cheap first pass over the whole file, shared out like the pages; it also
            # tells each page's characters, so that every process gets a like share of them
            counted = pool.map(_running_part, [path] * len(ranges), *zip(*ranges, strict=True))
            running, sizes = _running(counted)
            ranges = _balanced(sizes, len(ranges))
            parts = pool.map(
                read_pages,
                [path] * len(ranges),
                *zip(*ranges, strict=True),
                [running] * len(ranges),
            )
            read = [page for part in parts for page in part]
    findings = [page[4] for page in read if page[4] is not None]
    unreadable = [finding for finding in findings if finding.kind == "unreadable"]
    if unreadable and len(unreadable) == pages:  # not a page's problem: the file's
        raise SourceError(f"{path.name}: no page could be read ({unreadable[0].reason})")
    sections = _sections(path.name, read)
    # the text in reading order, titles in their place: the cover first
    text = "\n".join(
        part for s in sections for part in (s.title, *(line.text for line in s.lines())) if part
    )
    document = Document(
        source_file=path.name,
        source_kind="pdf",
        sha256=hashlib.sha256(raw).hexdigest(),
        report_year=0,
        sections=sections,
        running_text=[dropped for page in read for dropped in page[3]],
        pages=pages,
        page_findings=findings,
    )
    try:
        year = report_year(text, path)
        document.report_year, document.year_source = year.year, year.source
        whose = report_departement(text, departement)
        document.departement_code, document.departement_source = whose.code, whose.source
    except SourceError:
        diagnose_document(document)  # a scan has no year to read: say it is a scan
        raise
    return document


# a title that ends on a word no title ends on ("... DE L'AUTONOMIE ET LA") or a comma
_CUT_TITLE = re.compile(
    r"(?:\b(?:de|du|des|la|le|les|et|à|au|aux|en|pour|sur|par|d'|l')|,)\s*$", re.IGNORECASE
)


def _sections(source_file: str, read: list[PageResult]) -> list[Section]:
    """Pages' blocks into sections: paragraphs and tables that run on are joined back, and
    line-end hyphens are resolved against the whole document's vocabulary."""
    sections = [Section(title="", location=Location(source_file, page=1, line=1))]
    previous_runs_on = False
    cut_room: float | None = None  # the room the last section's title left on its last line
    previous_room: float | None = None
    for number, blocks, runs_on, _, _, room, lead in read:
        for index, (kind, item) in enumerate(blocks):
            if kind == "title":
                assert isinstance(item, _Title)
                # a layout's numbering of its headings is not the title's ("1. UNE ...")
                title, size = without_numbering(item.text), item.size
                before = sections[-1]
                if (
                    not before.blocks
                    and before.location.page == (number if index else number - 1)
                    and (index == 0 or item.opens_column)
                    and before.title_size is not None
                    and abs(before.title_size - size) < LAYOUT.same_size
                    and (
                        _CUT_TITLE.search(before.title)
                        or title[:1].islower()
                        # its first word would not have fitted on the last one's last line,
                        # which does not end as a whole title may (on a colon)
                        or (
                            cut_room is not None
                            and item.lead + size > cut_room
                            and not before.title.endswith(_TITLE_END)
                        )
                    )
                ):  # a title a column or page break cut: the last one ended on its first part
                    before.title = join_lines(before.title, title)
                    cut_room = item.room
                    continue
                cut_room = item.room
                sections.append(Section(title, Location(source_file, page=number), [], size))
                continue
            last = sections[-1].blocks[-1] if sections[-1].blocks else None
            if kind == "continued" and isinstance(item, Table):
                if (
                    isinstance(last, Table)
                    and len(last.rows[-1].cells) == len(item.rows[0].cells)
                    and (index > 0 or previous_runs_on)
                ):
                    sections[-1].blocks[-1] = Table(last.rows + item.rows, last.location)
                    continue
                kind = "block"
            if kind == "continued":
                # on a page's first paragraph, only if the previous page ended mid-paragraph:
                # on a line that left no room for this page's first word
                cut = previous_runs_on and (
                    previous_room is None or lead is None or lead > previous_room
                )
                if isinstance(last, TextLine) and isinstance(item, TextLine) and (index > 0 or cut):
                    text, bold = _join_styled((last.text, last.bold), (item.text, item.bold))
                    sections[-1].blocks[-1] = replace(last, text=text, bold=bold)
                    continue
                kind = "block"
            sections[-1].blocks.append(item)  # type: ignore[arg-type]
        previous_runs_on, previous_room = runs_on, room
    return _resolve_hyphens(sections)


def _resolve_hyphens(sections: list[Section]) -> list[Section]:
    texts = [s.title for s in sections]
    for section in sections:
        for block in section.blocks:
            if isinstance(block, TextLine):
                texts.append(block.text)
            else:
                texts += [cell for row in block.rows for cell in row.cells]
    vocabulary = Vocabulary(texts)
    for section in sections:
        section.title = vocabulary.resolve(section.title)
        section.blocks = [_resolved(block, vocabulary) for block in section.blocks]
    return sections


def _resolved(block: Block, vocabulary: Vocabulary) -> Block:
    """The block with its line-end hyphens resolved (itself when it has none)."""
    if isinstance(block, TextLine):
        text, bold = vocabulary.resolve_spans(block.text, block.bold)
        return block if text == block.text else replace(block, text=text, bold=bold)
    rows = tuple(
        row
        if not any(MARK in c for c in row.cells)
        else replace(row, cells=tuple(vocabulary.resolve(c) for c in row.cells))
        for row in block.rows
    )
    return Table(rows, block.location)


def _ranges(pages: int, workers: int) -> list[tuple[int, int]]:
    workers = max(1, min(workers, pages))
    size = -(-pages // workers)
    return [(start, min(start + size - 1, pages)) for start in range(1, pages + 1, size)]


def _running_part(path: Path, first: int, last: int) -> tuple[Counter[RunningKey], list[int]]:
    """The running-text counts of pages first..last, and each page's characters."""
    try:
        return running_counts(path, first, last)
    except Exception as err:  # pdfium refuses what pdfplumber opened
        raise SourceError(f"{path.name}: not a readable PDF ({type(err).__name__}: {err})") from err


def _running(parts) -> tuple[frozenset[RunningKey], list[int]]:
    """The document's running texts from the counts of its page ranges, in order; and each
    page's characters."""
    seen: Counter[RunningKey] = Counter()
    sizes: list[int] = []
    for part_seen, part_sizes in parts:
        seen.update(part_seen)
        sizes += part_sizes
    return running_from(seen, len(sizes)), sizes


_PAGE_COST = 100  # characters: what reading a page costs besides its characters


def _balanced(sizes: list[int], workers: int) -> list[tuple[int, int]]:
    """Consecutive page ranges (1-based, inclusive), one per process, none empty, of about
    the same cost: a page costs its characters and `_PAGE_COST`."""
    pages = len(sizes)
    workers = max(1, min(workers, pages))
    costs = [size + _PAGE_COST for size in sizes]
    total = sum(costs)
    ranges: list[tuple[int, int]] = []
    start, done = 1, 0
    for number, cost in enumerate(costs, start=1):
        to_come = workers - len(ranges) - 1  # ranges after the one being filled
        if to_come == 0:
            break
        done += cost
        share = total * (len(ranges) + 1) / workers
        following = costs[number] if number < pages else 0
        # end the range here if the next page would take it further from its share, or
        # if only enough pages are left for the ranges to come
        if pages - number == to_come or abs(done - share) <= abs(done + following - share):
            ranges.append((start, number))
            start = number + 1
    ranges.append((start, pages))
    return ranges
