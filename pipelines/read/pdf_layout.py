"""Page layout from the positions of words: running text, columns, lines.

Nothing here knows a layout in advance. Running headers, footers and page numbers are text
repeated at the same place (top or bottom band) on many pages, found in a cheap first pass
over the whole file (pypdfium2, ~1 ms a page). Columns are found from the words'
x-positions: a vertical strip that no line crosses (or only a few spanning lines, such as a
full-width title), splitting the text into two or three columns of similar width. Reading
order follows: the bands between spanning lines top to bottom, each band's columns left to
right.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, combinations, pairwise
from pathlib import Path

from pipelines.read import PDFIUM_LOCK
from pipelines.read.numbers import is_figure_alone


@dataclass(frozen=True)
class LayoutSettings:
    """The thresholds of the PDF reader, named, with why each is where it is (in the manner of
    pdfplumber's `TableSettings`). Sizes in points; "× size" is relative to the text's size,
    so that a layout set in another body size reads the same."""

    # running text (headers, footers, page numbers)
    band: float = 0.09  # share of the page height, top and foot, where running text sits
    running_place: float = 6.0  # running text stays within this of its place, page to page
    running_share: float = 0.25  # ... on at least this share of the pages
    running_min_pages: int = 3  # ... and on at least this many
    running_body_share: float = 0.5  # elsewhere on the page (a side tab, a fixed footer
    # placed within the text), on at least this share of the pages
    # columns
    min_gutter: float = 6.0  # narrower blank strips are word spacing, not gutters
    similar_columns: float = 1.25  # widest column / narrowest column of one page
    spanning_share: float = 0.04  # lines that may cross a gutter: titles over columns
    gutter_share: float = 0.5  # a gutter is narrower than this share of the narrowest column
    short_column: float = 0.25  # a column (not the last) ends within this share of its width
    # lines, words and cells
    hairline: float = 1.5  # a filled box this thin is a rule (browsers fill cell borders)
    hairline_length: float = 10.0  # ... when it is at least this long
    word_tolerance: float = 1.5  # pdfplumber's x_tolerance: closer characters are one word
    same_line: float = 2.0  # words whose tops differ by less are on one line
    cell_gap: float = 1.5  # × size: a wider gap between words separates table cells
    aligned_edge: float = 3.0  # cells whose right edges are this close are one column
    same_size: float = 0.5  # sizes closer than this are one size (a title cut by a page)
    title_ratio: float = 1.3  # a title is set at least this much larger than the body text
    bold_title_ratio: float = 1.15  # ... or this much larger, every word of its line in bold
    last_word: float = 70.0  # a line ending closer than this to the column edge was wrapped
    figure_title: float = 1.2  # × size: a figure set this much larger heads the line below
    # paragraphs and table rows
    indent: float = 6.0  # a first line this far in from the column starts an indented item
    paragraph_gap: float = 1.3  # × size: a wider gap before a paragraph starts a group
    table_end_gap: float = 0.7  # × size: a wider gap ends a table
    row_gap_growth: float = 1.3  # ... and wider than this × the table's own row gap
    row_gap: float = 0.6  # × size: a narrower gap continues the row's wrapped first cell
    row_left: float = 2.0  # ... on a line starting this close to the row's left edge
    wrapped_cell_gap: float = 0.5  # × size: a narrower gap between lines keeps a paragraph
    foot_room: float = 20.0  # a block ending this close to the text's foot may run on
    min_aligned_cells: int = 3  # rows of fewer cells are not split at the others' edges
    table_row_pitch: float = 2.0  # × size: the next row of a table across the columns
    min_parted_rows: int = 2  # rows parted at a gutter, one under the other, make a table
    same_baseline: float = 0.5  # words of one table row sit this close to one baseline
    band_row: float = 1.5  # × a box's height: filled boxes across a gutter closer are one band
    header_above: float = 1.0  # × size: a line this close above a table may be its header
    header_lines: int = 8  # a table's header: its first line, and its first cell's next lines
    space: float = 0.35  # × size: a word space is at most this wide
    header_gap: float = 1.5  # × the line's median space: a header's cells part wider
    min_even_gaps: int = 3  # a line of this many gaps or more, all alike, is justified prose
    even_gaps: float = 1.2  # ... alike: the widest at most this many times the narrowest
    min_column_segments: int = 3  # a column (not the last) holds at least this many lines


LAYOUT = LayoutSettings()
BAND = LAYOUT.band
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
MIN_GUTTER = LAYOUT.min_gutter


_PLACE = LAYOUT.running_place


def running_key(text: str, x0: float, top: float, band: str = "header") -> tuple[str, int, int]:
    """`— 12 —` and `— 13 —` at the foot of two pages are the same running text: digits and
    spacing do not count; the place (left edge, top, in `_PLACE` steps) does. Within the
    page's body the digits count: pages made on one model ("12 345 habitants" at the same
    place on every territory's page) are not running text."""
    key = _SPACE.sub("", text.translate(_LIGATURES))
    key = key if band == "body" else _DIGITS.sub("#", key)
    return key, round(x0 / _PLACE), round(top / _PLACE)


def is_running(
    running: frozenset[tuple[str, tuple[str, int, int]]], band: str, key: tuple[str, int, int]
) -> bool:
    text, x, y = key
    return any((band, (text, x + dx, y + dy)) in running for dx in (-1, 0, 1) for dy in (-1, 0, 1))


RunningKey = tuple[str, tuple[str, int, int]]  # (band, running_key)


def running_texts(path: Path) -> frozenset[RunningKey]:
    """(band, key) of the text found at the same place at the top or foot of at least a
    quarter of the pages, or elsewhere on at least half of them (and on three pages at
    least)."""
    seen, sizes = running_counts(path, 1, None)
    return running_from(seen, len(sizes))


def running_from(seen: Counter[RunningKey], pages: int) -> frozenset[RunningKey]:
    """The running texts among the (band, key) counts of all the document's pages."""
    threshold = max(LAYOUT.running_min_pages, math.ceil(pages * LAYOUT.running_share))
    body = max(LAYOUT.running_min_pages, math.ceil(pages * LAYOUT.running_body_share))
    return frozenset(
        key for key, count in seen.items() if count >= (body if key[0] == "body" else threshold)
    )


def running_counts(
    path: Path, first: int, last: int | None
) -> tuple[Counter[RunningKey], list[int]]:
    """For pages first..last (1-based, inclusive; `None`: to the end): on how many of them
    each (band, key) is found, and each page's number of characters (what reading the page
    costs). Counts of page ranges add up to the whole document's. A page pdfium cannot read
    counts for nothing here: its own reading says what is wrong with it."""
    import pypdfium2 as pdfium

    seen: Counter[RunningKey] = Counter()
    sizes: list[int] = []
    with PDFIUM_LOCK:  # one thread in pdfium at a time
        pdf = pdfium.PdfDocument(str(path))
        try:
            last = len(pdf) if last is None else last
            for index in range(first - 1, last):
                try:
                    found, size = _running_of_page(pdf, index)
                except pdfium.PdfiumError:
                    found, size = set(), 0
                seen.update(found)
                sizes.append(size)
        finally:
            pdf.close()
    return seen, sizes


def _running_of_page(pdf, index: int) -> tuple[set[RunningKey], int]:
    """The (band, key) pairs of one page's top and foot, and its number of characters."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    page = pdf[index]
    text_page = page.get_textpage()
    try:
        # the text's coordinates are the page's own, before its /Rotate: so is its height
        turned = page.get_rotation() in (90, 270)
        height = page.get_width() if turned else page.get_height()
        chars = max(pdfium_c.FPDFText_CountChars(text_page), 0)
        # one buffer for every rectangle's text, larger than any: a rectangle's text is
        # at most the page's characters with the spaces and line breaks between them
        room = 5 * chars + 8
        buffer = (ctypes.c_ushort * room)()
        header, footer = height * (1 - BAND), height * BAND
        found: set[RunningKey] = set()
        boxes: list[list[float]] = []
        for i in range(text_page.count_rects()):
            if not pdfium_c.FPDFText_GetRect(text_page, i, left, top, right, bottom):
                raise pdfium.PdfiumError("Failed to get rectangle.")
            box = [left.value, bottom.value, right.value, top.value]
            if boxes and _same_segment(boxes[-1], box):
                last = boxes[-1]
                last[1], last[2], last[3] = min(last[1], box[1]), box[2], max(last[3], box[3])
            else:
                boxes.append(box)
        for box in boxes:
            band = "header" if box[1] > header else "body"
            band = "footer" if box[3] < footer else band
            written = pdfium_c.FPDFText_GetBoundedText(
                text_page, box[0], box[3], box[2], box[1], buffer, room
            )
            # the text is never NUL: a trailing one terminates it
            text = ctypes.string_at(buffer, 2 * max(written, 0)).decode(
                "utf-16-le", errors="ignore"
            )
            text = text.rstrip("\x00")
            if written >= room or any(ord(c) > 0xFFFF for c in text):
                # cut short, or outside the BMP (pdfium counts those differently):
                # pypdfium2's own two calls
                text = text_page.get_text_bounded(*box)
            key = running_key(text, box[0], height - box[3], band)
            if key[0]:
                found.add((band, key))
        return found, chars
    finally:
        text_page.close()
        page.close()


def _same_segment(previous: list[float], box: list[float]) -> bool:
    """pdfium's next text rectangle goes on the previous one's line (as the words of one
    `Segment`): some typesetters place every glyph apart, one rectangle each."""
    height = min(previous[3] - previous[1], box[3] - box[1])
    overlap = min(previous[3], box[3]) - max(previous[1], box[1])
    gap = box[0] - previous[2]
    return overlap > height / 2 and -1.0 <= gap <= max(LAYOUT.cell_gap * height, MIN_GUTTER)


@dataclass
class Segment:
    """Words of one row that sit together (no wide gap between them)."""

    words: list[dict]
    x0: float
    x1: float
    top: float

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


def rows_of(words: list[dict]) -> list[list[dict]]:
    """Words on the same baseline across the whole page, left to right."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) < LAYOUT.same_line:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def segments_of(words: list[dict]) -> list[Segment]:
    segments: list[Segment] = []
    for row in rows_of(words):
        current = [row[0]]
        for previous, word in pairwise(row):
            gap = word["x0"] - previous["x1"]
            apart = gap > max(LAYOUT.cell_gap * previous["size"], MIN_GUTTER)
            if apart or "table" in word or "table" in previous:  # a ruled table stands alone
                segments.append(_segment(current))
                current = []
            current.append(word)
        segments.append(_segment(current))
    return segments


def _segment(words: list[dict]) -> Segment:
    return Segment(words, words[0]["x0"], max(w["x1"] for w in words), words[0]["top"])


@dataclass
class PageLayout:
    """Gutters (x ranges) and the flows of words in reading order."""

    gutters: list[tuple[float, float]] = field(default_factory=list)
    columns: list[tuple[float, float]] = field(default_factory=list)
    flows: list[list[dict]] = field(default_factory=list)
    spanning: list[Segment] = field(default_factory=list)


def layout_of(
    words: list[dict], width: float, shaded: Sequence[tuple[float, float, float, float]] = ()
) -> PageLayout:
    """Columns and reading order of a page's words; `shaded`: the boxes (x0, top, x1, bottom)
    of its filled areas, of which those across a gutter (a shaded table, a colour band set
    over the columns) hold words read across the columns."""
    if not words:
        return PageLayout()
    segments = segments_of(words)
    left = max(0.0, min(s.x0 for s in segments))  # a word may start before the page's edge
    # margins are taken as symmetric: a short last column still reaches the right margin
    # (a word that runs past the page's edge, as some typesetters leave one, ends there)
    right = max(min(max(s.x1 for s in segments), width), width - left)
    # a ruled table counts first as one line (it may lie across the columns, as a title
    # over them does), then, when no gutter shows, as the lines it holds (a column that
    # holds only a table is no blank strip)
    best = _gutters(words, segments, left, right, width, weighted=False)
    best = best or _gutters(words, segments, left, right, width, weighted=True)
    if not best:
        return PageLayout(flows=[words], columns=[(left, right)])
    edges = [left, *[x for g in best for x in g], right]
    columns = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    # a line spans the columns when it crosses a gutter with a word lying across its middle
    # (a column's line and its neighbour's at the same height may merge into one segment)
    spanning = [
        s
        for s in segments
        if any(
            s.x0 < g[0]
            and s.x1 > g[1]
            and any(w["x0"] < (g[0] + g[1]) / 2 < w["x1"] for w in s.words)
            for g in best
        )
    ]
    spanning += _rows_below(words, spanning, best, columns)
    spanning += _rows_parted(words, spanning, best)
    spanning += _across(words, _bands_across(shaded, best), spanning)
    spanning.sort(key=lambda s: s.top)
    spanning_ids = {id(w) for s in spanning for w in s.words}
    body = [w for w in words if id(w) not in spanning_ids]
    return PageLayout(best, columns, _reading_order(body, columns, spanning), spanning)


def _reading_order(
    body: list[dict], columns: list[tuple[float, float]], spanning: list[Segment]
) -> list[list[dict]]:
    """The flows top to bottom: between two lines across the columns, each column."""
    flows: list[list[dict]] = []
    cuts = [s.top for s in spanning] + [math.inf]
    previous_cut = -math.inf
    spanning_last = False  # the last flow is lines across the columns
    for index, cut in enumerate(cuts):
        band = [w for w in body if previous_cut <= w["top"] < cut]
        for x0, x1 in columns:
            column = [w for w in band if _column_of(w, columns) == (x0, x1)]
            if column:
                flows.append(column)
                spanning_last = False
        if index < len(spanning):
            if spanning_last:  # nothing between two lines across: one flow (a table, a title)
                flows[-1] = flows[-1] + spanning[index].words
            else:
                flows.append(spanning[index].words)
            spanning_last = True
        previous_cut = cut
    return flows


def _rows_below(
    words: list[dict],
    spanning: list[Segment],
    gutters: list[tuple[float, float]],
    columns: list[tuple[float, float]],
) -> list[Segment]:
    """The rows of a table set across the columns under its header (a line across them, with
    the header's other cells on that line, and the next line of its first cell): each row
    right under the one before, its words on both sides of a gutter and within the header's
    width, short of the gutter on its left (a table's cell ends before it, a column's
    justified line reaches it) and of the page's last column's edge on its right."""
    taken = {id(w) for s in spanning for w in s.words}
    rows = rows_of([w for w in words if id(w) not in taken])
    out: list[Segment] = []
    for header in sorted(spanning, key=lambda s: s.top):
        size = max(w["size"] for w in header.words)
        same = [
            w for w in words if id(w) not in taken and abs(w["top"] - header.top) < LAYOUT.same_line
        ]
        x0 = min([header.x0, *(w["x0"] for w in same)])
        x1 = max([header.x1, *(w["x1"] for w in same)])

        found: list[list[dict]] = []
        wrapped: list[dict] | None = None  # the header's first cell on a second line
        previous_top = header.top
        for row in rows:
            if row[0]["top"] <= previous_top or any(id(w) in taken for w in row):
                continue
            if row[0]["top"] - previous_top > LAYOUT.table_row_pitch * size:
                break
            if _across_gutter(row, (x0, x1), size, gutters, columns):
                found.append(row)
            elif not found and wrapped is None and row[-1]["x1"] <= gutters[0][0]:
                wrapped = row
            else:
                break
            previous_top = row[0]["top"]
        if not found:
            continue
        for row in [same, *([wrapped] if wrapped else []), *found]:
            if row:
                out.append(_segment(row))
                taken.update(id(w) for w in row)
    return out


def _rows_parted(
    words: list[dict], spanning: list[Segment], gutters: list[tuple[float, float]]
) -> list[Segment]:
    """The rows of a table set across the columns whose cells part at a gutter (no word lies
    across it, no header line crosses it; the header may be on the page before): at least
    `min_parted_rows` rows one right under the other, each a short first cell left of the
    gutter and, on the same baseline and in the same size, cells or a figure right of it;
    with the row above them, parted at the same gutter in the same size, as their header."""
    taken = {id(w) for s in spanning for w in s.words}
    rows = rows_of([w for w in words if id(w) not in taken])
    parted = [_parted(row, gutters) for row in rows]
    out: list[Segment] = []
    index = 0
    while index < len(rows):
        end = index
        while end < len(rows) and (parts := parted[end]) is not None and _table_row(*parts):
            pitch = LAYOUT.table_row_pitch * parts[0][0]["size"]
            if end > index and rows[end][0]["top"] - rows[end - 1][0]["top"] > pitch:
                break
            end += 1
        if end - index >= LAYOUT.min_parted_rows:
            first = index
            above, below = (parted[index - 1] if index else None), parted[index]
            if (
                above is not None
                and below is not None
                and above[2] == below[2]
                and abs(above[0][0]["size"] - below[0][0]["size"]) < LAYOUT.same_size
                and below[0][0]["top"] - above[0][0]["top"]
                <= LAYOUT.table_row_pitch * below[0][0]["size"]
            ):
                first = index - 1
            out += [_segment(p[0] + p[1]) for p in parted[first:end] if p]
        index = max(end, index + 1)
    return out


def _parted(
    row: list[dict], gutters: list[tuple[float, float]]
) -> tuple[list[dict], list[dict], float] | None:
    """A row's words in the two columns either side of the first gutter it has words on both
    sides of (each word within its column), and that gutter's left edge, when they are set in
    one size on one baseline (a table's row, not two columns' lines)."""
    edges = [-math.inf, *(x for g in gutters for x in g), math.inf]
    columns = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    within = [[w for w in row if a <= w["x0"] and w["x1"] <= b] for a, b in columns]
    for (left, right), (_, gutter) in zip(pairwise(within), columns, strict=False):
        if left and right:
            size, top = left[0]["size"], left[0]["top"]
            alike = all(
                abs(w["size"] - size) < LAYOUT.same_size
                and abs(w["top"] - top) < LAYOUT.same_baseline
                for w in left + right
            )
            return (left, right, gutter) if alike else None
    return None


def _table_row(left: list[dict], right: list[dict], gutter: float) -> bool:
    """A first cell short of the gutter, then two cells or more, or a figure."""
    size = left[0]["size"]
    wide = LAYOUT.cell_gap * size
    one_cell = all(b["x0"] - a["x1"] <= wide for a, b in pairwise(left))
    short = left[-1]["x1"] < gutter - wide  # a column's justified line reaches the gutter
    cells = any(b["x0"] - a["x1"] > wide for a, b in pairwise(right))
    figure = is_figure_alone(" ".join(w["text"] for w in right))
    return one_cell and short and (cells or figure)


def _across_gutter(
    row: list[dict],
    extent: tuple[float, float],
    size: float,
    gutters: list[tuple[float, float]],
    columns: list[tuple[float, float]],
) -> bool:
    """A table's row across the columns: within its header's extent, words on both sides of
    a gutter, short of it on the left and of the last column's edge on the right."""
    inside = all(extent[0] - 2 <= w["x0"] and w["x1"] <= extent[1] + 2 for w in row)
    crossing = [
        g
        for g in gutters
        if any(w["x1"] <= g[0] for w in row) and any(w["x0"] >= g[1] for w in row)
    ]
    short = all(
        max((w["x1"] for w in row if w["x1"] <= g[0]), default=0.0) < g[0] - LAYOUT.cell_gap * size
        for g in crossing
    )
    before_edge = max(w["x1"] for w in row) < columns[-1][1] - LAYOUT.cell_gap * size
    return inside and bool(crossing) and short and before_edge


def _bands_across(
    shaded: Sequence[tuple[float, float, float, float]], gutters: list[tuple[float, float]]
) -> list[tuple[float, float, float, float]]:
    """The filled boxes that cross a gutter, those one above the other with less than a row
    between them joined (a table shaded every other row is one band)."""
    # a shaded row may be one box per cell: cells side by side make the row's box
    rows: list[list[float]] = []
    for x0, top, x1, bottom in sorted(shaded, key=lambda b: (round(b[1]), round(b[3]), b[0])):
        last = rows[-1] if rows else None
        if last and abs(top - last[1]) < 1 and abs(bottom - last[3]) < 1 and x0 - last[2] < 2:
            last[2] = max(last[2], x1)
        else:
            rows.append([x0, top, x1, bottom])
    crossing = sorted(
        (b for b in rows if any(b[0] < g[0] and b[2] > g[1] for g in gutters)),
        key=lambda b: b[1],
    )
    bands: list[list[float]] = []
    for x0, top, x1, bottom in crossing:
        last = bands[-1] if bands else None
        row = LAYOUT.band_row * (bottom - top)
        if last and top - last[3] < row and abs(x0 - last[0]) < LAYOUT.aligned_edge:
            last[2], last[3] = max(last[2], x1), max(last[3], bottom)
        else:
            bands.append([x0, top, x1, bottom])
    return [(b[0], b[1], b[2], b[3]) for b in bands]


def _across(
    words: list[dict],
    bands: list[tuple[float, float, float, float]],
    spanning: list[Segment],
) -> list[Segment]:
    """The words within each band across the gutters, as one spanning segment each."""
    taken = {id(w) for s in spanning for w in s.words}
    out = []
    for x0, top, x1, bottom in bands:
        inside = [
            w
            for w in words
            if id(w) not in taken
            and x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= x1 + 1
            and top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1
        ]
        if inside:
            inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
            taken.update(id(w) for w in inside)
            edges = min(w["x0"] for w in inside), max(w["x1"] for w in inside)
            out.append(Segment(inside, edges[0], edges[1], top))
    return out


def _gutters(
    words: list[dict],
    segments: list[Segment],
    left: float,
    right: float,
    width: float,
    weighted: bool,
) -> list[tuple[float, float]]:
    """The gutters of the most even split into three columns if there is one, else into two,
    or none."""
    # how many lines have a word over each point: +1 where a word starts, -1 past where it
    # ends. Words, not segments: a gutter narrower than a cell gap would join the two
    # columns' lines into one segment, but no word crosses it.
    size = int(width) + 2
    starts = [0] * (size + 1)
    for w in words:
        begin, end = max(0, int(w["x0"])), min(int(w["x1"]) + 1, size)
        if begin < end:
            lines = _lines_held(w) if weighted else 1
            starts[begin] += lines
            starts[end] -= lines
    coverage = list(accumulate(starts[:size]))
    allowed = max(0, int(len(segments) * LAYOUT.spanning_share))  # titles over columns
    candidates: list[tuple[float, float]] = []
    start = None
    for x in range(int(left) + 1, int(right)):
        if coverage[x] <= allowed:
            start = x if start is None else start
        elif start is not None:
            if x - start >= MIN_GUTTER:
                candidates.append(_narrowed(coverage, start, x))
            start = None
    for count in (2, 1):
        splits = [
            list(g)
            for g in combinations(candidates, count)
            if _splits_evenly(list(g), segments, left, right, weighted)
        ]
        if splits:
            return min(splits, key=lambda g: _unevenness(g, left, right))
    return []


def _narrowed(coverage: list[int], start: int, end: int) -> tuple[float, float]:
    """The strip's widest part as blank as it gets: lines that run on into a strip (a long
    label in a column of short ones) widen it past the gutter."""
    least = min(coverage[start:end])
    best, run = (start, start), None
    for x in range(start, end + 1):
        if x < end and coverage[x] == least:
            run = x if run is None else run
        elif run is not None:
            best = max(best, (run, x), key=lambda r: r[1] - r[0])
            run = None
    if best[1] - best[0] < MIN_GUTTER:
        return float(start), float(end)
    return float(best[0]), float(best[1])


def _lines_held(word: dict) -> int:
    """How many lines of text a word stands for: one, or a ruled table's rows (its height in
    lines of its size), so that a table fills its column as its lines would."""
    if "table" not in word:
        return 1
    return max(1, round((word["bottom"] - word["top"]) / max(word["size"], 1.0)))


def _column_of(word: dict, columns: list[tuple[float, float]]) -> tuple[float, float]:
    middle = (word["x0"] + word["x1"]) / 2
    return min(columns, key=lambda c: 0 if c[0] <= middle <= c[1] else min(
        abs(middle - c[0]), abs(middle - c[1])
    ))  # fmt: skip


def _unevenness(gutters: list[tuple[float, float]], left: float, right: float) -> float:
    edges = [left, *[x for g in gutters for x in g], right]
    widths = [edges[i + 1] - edges[i] for i in range(0, len(edges), 2)]
    return max(widths) / max(min(widths), 1.0)


def _splits_evenly(
    gutters: list[tuple[float, float]],
    segments: list[Segment],
    left: float,
    right: float,
    weighted: bool = False,
) -> bool:
    edges = [left, *[x for g in gutters for x in g], right]
    columns = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    widths = [b - a for a, b in columns]
    if min(widths) <= 0 or max(widths) / min(widths) > LAYOUT.similar_columns:
        return False
    if any(g[1] - g[0] > LAYOUT.gutter_share * min(widths) for g in gutters):  # not a wide gap
        return False
    last = len(columns) - 1
    for index, ((x0, x1), width) in enumerate(zip(columns, widths, strict=True)):
        inside = [s for s in segments if s.x0 >= x0 - 1 and s.x1 <= x1 + 1]
        held = sum(max(_lines_held(w) for w in s.words) if weighted else 1 for s in inside)
        if held < (LAYOUT.min_column_segments if index < last else 1):
            return False
        # prose fills its column: some line reaches near the column's right edge (the last
        # column may hold only the end of the text)
        if index < last and max(s.x1 for s in inside) < x1 - LAYOUT.short_column * width:
            return False
    return True
