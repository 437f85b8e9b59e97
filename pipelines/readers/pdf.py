"""Reader for the report as a PDF, with pdfplumber, into the same document model.

Per page: ruled tables are found by pdfplumber's table finder (only on pages that draw
rules at all: the finder is the expensive part); the remaining words are split into
columns when the page has a gutter, grouped into lines, and lines into paragraphs by their
spacing. A line whose words leave a wide gap is a row of a table that has no rules (aligned
text); the lines that continue its first cell join it. Text set larger than
`TITLE_MIN_SIZE` is a section title; bold runs are written `**...**` as in the text export,
so that the extractors read both sources alike. Provenance: the page, and the paragraph's
rank on the page as `line`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from pipelines.document import Block, Document, Location, Section, Table, TableRow, TextLine
from pipelines.extract.key_figures import LIST_ITEM
from pipelines.readers import SourceError
from pipelines.readers.text_export import report_year_of

TITLE_MIN_SIZE = 12.5
_LAST_WORD = 70.0  # a line ending closer than this to the column edge was wrapped
FOOTER_BAND = 60.0  # page numbers live in the bottom band
_PAGE_NUMBER = re.compile(r"^[—–-]?\s*\d{1,4}\s*[—–-]?$")


@dataclass
class _Line:
    words: list[dict]
    top: float
    bottom: float
    x0: float
    size: float
    cells: list[str] = field(default_factory=list)  # filled when the line is a table row

    @property
    def is_title(self) -> bool:
        return self.size >= TITLE_MIN_SIZE


def _text(words: list[dict], *, with_bold: bool = True) -> str:
    """Words joined by spaces; bold runs wrapped in `**` as the text export writes them."""
    out: list[str] = []
    bold_run: list[str] = []
    for word in words:
        if with_bold and "Bold" in word["fontname"]:
            bold_run.append(word["text"])
            continue
        if bold_run:
            out.append("**" + " ".join(bold_run) + "**")
            bold_run = []
        out.append(word["text"])
    if bold_run:
        out.append("**" + " ".join(bold_run) + "**")
    return " ".join(out)


def _lines(words: list[dict]) -> list[_Line]:
    """Words on the same baseline make a line (in one column)."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(word["top"] - lines[-1].top) < 2.0:
            lines[-1].words.append(word)
            lines[-1].bottom = max(lines[-1].bottom, word["bottom"])
        else:
            lines.append(_Line([word], word["top"], word["bottom"], word["x0"], word["size"]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.size = max(w["size"] for w in line.words)
        line.x0 = line.words[0]["x0"]
        cells, current = [], [line.words[0]]
        for previous, word in zip(line.words, line.words[1:], strict=False):
            if word["x0"] - previous["x1"] > 1.5 * line.size:
                cells.append(current)
                current = []
            current.append(word)
        cells.append(current)
        if len(cells) > 1:
            line.cells = [_text(c, with_bold=False) for c in cells]
    return lines


def _without_page_number(words: list[dict], height: float) -> list[dict]:
    """Drop the page number: a line of its own, made of a number, at the foot of the page."""
    footer = [w for w in words if w["top"] > height - FOOTER_BAND]
    lowest = max((w["top"] for w in footer), default=None)
    if lowest is None:
        return words
    line = [w for w in footer if abs(w["top"] - lowest) < 2.0]
    if _PAGE_NUMBER.match(" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))):
        return [w for w in words if w not in line]
    return words


def _columns(words: list[dict], width: float) -> list[list[dict]]:
    """Split at a vertical gutter near the middle when no word crosses it."""
    if not words:
        return []
    occupied = [False] * int(width + 1)
    for word in words:
        for x in range(int(word["x0"]), min(int(word["x1"]) + 1, len(occupied))):
            occupied[x] = True
    middle = range(int(width * 0.4), int(width * 0.6))
    free = [x for x in middle if not occupied[x]]
    if not free:
        return [words]
    gutter = free[len(free) // 2]
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    return [left, right] if left and right else [words]


class _PageReader:
    def __init__(self, page, number: int, source_file: str):
        self.page = page
        self.number = number
        self.source_file = source_file
        self.rank = 0
        # ("title", text), ("block", Block), or ("continued", TextLine): the rest of a paragraph
        # that the previous column or page ended with
        self.blocks: list[tuple[str, Block | str]] = []
        # the last block may go on in the next column or page: a paragraph whose last line is
        # full, a table that reaches the foot of the text (unknown at the top of a page)
        self.runs_on = True
        self.text_bottom = 0.0

    def _location(self) -> Location:
        self.rank += 1
        return Location(self.source_file, page=self.number, line=self.rank)

    def read(self) -> list[tuple[str, Block | str]]:
        page = self.page
        tables = page.find_tables() if (page.rects or page.lines) else []
        boxes = [t.bbox for t in tables]
        words = [
            w
            for w in page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
            if not any(
                b[0] <= w["x0"] and w["x1"] <= b[2] and b[1] <= w["top"] <= b[3] for b in boxes
            )
        ]
        words = _without_page_number(words, page.height)
        # margins are taken as symmetric: the text's right edge mirrors its left edge
        left_margin = min((w["x0"] for w in words), default=0.0)
        self.text_bottom = max([w["bottom"] for w in words] + [b[3] for b in boxes], default=0.0)
        columns = _columns(words, page.width)
        # ruled tables sit in a one-column flow: read text and tables top to bottom
        items: list[tuple[float, object]] = [(t.bbox[1], t) for t in tables]
        for index, column in enumerate(columns):
            if len(columns) == 2 and index == 0:
                right = min(w["x0"] for w in columns[1])
            else:
                right = page.width - left_margin
            if tables:
                items += [(line.top, line) for line in _lines(column)]
            else:
                self._flow(_lines(column), right)
        if tables:
            pending: list[_Line] = []
            for _, item in sorted(items, key=lambda pair: pair[0]):
                if isinstance(item, _Line):
                    pending.append(item)
                    continue
                self._flow(pending, page.width - left_margin)
                pending = []
                self._ruled(item)
            self._flow(pending, page.width - left_margin)
        return self.blocks

    def _ruled(self, table) -> None:
        rows = []
        for row in table.extract():
            cells = [re.sub(r"\s+", " ", c or "").strip() for c in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(TableRow(tuple(cells), self._location()))
        if rows:
            kind = "continued" if self.runs_on and not self.blocks else "block"
            self.blocks.append((kind, Table(tuple(rows), rows[0].location)))
            self.runs_on = table.bbox[3] > self.text_bottom - 20

    def _flow(self, lines: list[_Line], column_right: float) -> None:
        """Lines of one column into titles, paragraphs and aligned-text tables."""
        paragraph: list[_Line] = []
        rows: list[list[str]] = []
        previous: _Line | None = None
        gap_before_paragraph = 99.0

        def flush() -> None:
            nonlocal paragraph, rows
            if rows:
                located = [TableRow(tuple(r), self._location()) for r in rows]
                # a table at the top of a column may run on from the previous column or page
                kind = "continued" if first_of_flow and self.runs_on else "block"
                self.blocks.append((kind, Table(tuple(located), located[0].location)))
                self.runs_on = previous is not None and previous.bottom > self.text_bottom - 20
                rows = []
            if paragraph:
                if paragraph[0].is_title:
                    self.blocks.append(
                        ("title", " ".join(_text(p.words, with_bold=False) for p in paragraph))
                    )
                else:
                    text = " ".join(_text(p.words) for p in paragraph).replace("** **", " ")
                    indent = 1 if paragraph[0].x0 - column_left > 6 else 0
                    # the first line of a column has no gap to measure: it continues the flow
                    starts_group = 0 < gap_before_paragraph < 99 and (
                        gap_before_paragraph > paragraph[0].size * 1.3
                    )
                    kind = "block"
                    # the paragraph broke at the column or page end (a list item never goes on)
                    if first_of_flow and self.runs_on and not LIST_ITEM.match(text):
                        kind = "continued"
                    self.blocks.append(
                        (kind, TextLine(text, self._location(), indent, starts_group))
                    )
                    self.runs_on = paragraph[-1].words[-1]["x1"] > column_right - _LAST_WORD
                paragraph = []

        column_left = min((line.x0 for line in lines), default=0.0)
        first_of_flow = True
        row_x0 = 0.0
        for line in lines:
            gap = line.top - previous.bottom if previous is not None else 99.0
            if line.cells:
                if paragraph or (rows and gap > line.size * 0.7):
                    flush()  # a new table begins after text or after a wider gap
                    first_of_flow = False
                rows.append(line.cells)
                row_x0 = line.x0
            elif rows and gap < line.size * 0.6 and abs(line.x0 - row_x0) < 2.0:
                # a table row whose first cell wraps: the next line continues that cell
                rows[-1][0] = f"{rows[-1][0]} {_text(line.words, with_bold=False)}"
            else:
                # lines of a paragraph are closer than paragraphs are to each other
                same_paragraph = (
                    paragraph and gap < line.size * 0.5 and line.is_title == paragraph[-1].is_title
                )
                if not same_paragraph:
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


def read_pages(
    path: Path, first: int, last: int
) -> list[tuple[int, list[tuple[str, Block | str]], bool]]:
    """Pages first..last (1-based, inclusive): the unit of work of a process."""
    result = []
    with _open(path) as pdf:
        for number in range(first, last + 1):
            page = pdf.pages[number - 1]
            try:
                reader = _PageReader(page, number, path.name)
                result.append((number, reader.read(), reader.runs_on))
            except Exception as err:  # pdfminer raises many kinds on damaged content
                raise SourceError(f"{path.name}: page {number} cannot be read: {err}") from err
            finally:
                page.close()  # keeps memory flat: a page's objects are freed as we go
    return result


def page_count(path: Path) -> int:
    try:
        with _open(path) as pdf:
            return len(pdf.pages)
    except SourceError:
        raise
    except Exception as err:
        raise SourceError(f"{path.name}: not a readable PDF ({type(err).__name__}: {err})") from err


def read_pdf(path: Path, workers: int = 1) -> Document:
    """Read the PDF into sections of paragraphs and tables; `workers` > 1 reads page ranges
    in that many processes."""
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
        read = read_pages(path, *ranges[0])
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=len(ranges)) as pool:
            parts = pool.map(read_pages, [path] * len(ranges), *zip(*ranges, strict=True))
            read = [page for part in parts for page in part]
    sections = [Section(title="", location=Location(path.name, page=1, line=1))]
    previous_runs_on = False
    for number, blocks, runs_on in read:
        for index, (kind, item) in enumerate(blocks):
            if kind == "title":
                sections.append(Section(str(item), Location(path.name, page=number)))
                continue
            last = sections[-1].blocks[-1] if sections[-1].blocks else None
            if kind == "continued" and isinstance(item, Table):
                same_shape = isinstance(last, Table) and len(last.rows[-1].cells) == len(
                    item.rows[0].cells
                )
                if same_shape and (index > 0 or previous_runs_on):
                    sections[-1].blocks[-1] = Table(last.rows + item.rows, last.location)
                    continue
                kind = "block"
            if kind == "continued":
                # on a page's first paragraph, only if the previous page ended mid-paragraph
                if isinstance(last, TextLine) and (index > 0 or previous_runs_on):
                    joined = f"{last.text} {item.text}".replace("** **", " ")  # type: ignore[union-attr]
                    sections[-1].blocks[-1] = TextLine(
                        joined, last.location, last.indent, last.starts_group
                    )
                    continue
                kind = "block"
            sections[-1].blocks.append(item)  # type: ignore[arg-type]
        previous_runs_on = runs_on
    text = (
        "\n".join(line.text for section in sections[:40] for line in section.lines())
        + "\n"
        + "\n".join(s.title for s in sections[:40])
    )
    return Document(
        source_file=path.name,
        source_kind="pdf",
        sha256=hashlib.sha256(raw).hexdigest(),
        report_year=report_year_of(text, path),
        sections=sections,
    )


def _ranges(pages: int, workers: int) -> list[tuple[int, int]]:
    workers = max(1, min(workers, pages))
    size = -(-pages // workers)
    return [(start, min(start + size - 1, pages)) for start in range(1, pages + 1, size)]
