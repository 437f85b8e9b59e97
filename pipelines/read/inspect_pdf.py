"""`indicators inspect-pdf FILE --page N [--png OUT]`: what the PDF reader saw on one page.

Prints the columns found from the words' positions, the lines in reading order (a line that
is a table row shows its cells), the section titles with the score of the best-matching
expected title, the tables with their cells, and the running text dropped from the flow.
With `--png`, the same is drawn over the page image: columns in green, gutters shaded,
lines in blue, titles in red, table rows in orange, ruled tables in purple, running text
struck through in grey. This is the tool to open when a new year's layout changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pdfplumber.page import Page
from pdfplumber.pdf import PDF

from pipelines.read import SourceError
from pipelines.read.document import Table
from pipelines.read.pdf import _open, _PageReader, _text, _without_text, page_count, upright
from pipelines.read.pdf_layout import LAYOUT, running_texts
from pipelines.read.titles import title_score
from schemas.catalog import EntityCatalog, load_entity_catalog


def expected_titles(entities: EntityCatalog) -> tuple[str, ...]:
    """The titles the extractors look for, by their words (the département catalog's)."""
    structure = entities.structure
    named = (
        structure.overview_title,
        structure.key_figure_title,
        structure.organisation_title,
        *structure.inspect_titles,
    )
    return tuple(title for title in named if title) or ("",)


@dataclass
class PageReport:
    page: int
    pages: int
    columns: list[tuple[float, float]]
    gutters: list[tuple[float, float]]
    lines: list[tuple[tuple[float, float, float, float], str, list[str], bool]]
    titles: list[tuple[str, str, float]]  # title, best expected title, score
    tables: list[list[tuple[str, ...]]]
    running: list[tuple[str, str]]  # band, text
    running_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    ruled: list[tuple[float, float, float, float]] = field(default_factory=list)
    finding: str | None = None  # why the page gave no text (the build's finding for it)

    def render(self) -> str:
        out = [f"page {self.page} of {self.pages}"]
        if self.finding:
            out.append(f"finding: {self.finding}")
        columns = ", ".join(f"x {a:.0f}-{b:.0f}" for a, b in self.columns) or "no text"
        out.append(f"columns ({len(self.columns)}): {columns}")
        if self.gutters:
            out.append("gutters: " + ", ".join(f"x {a:.0f}-{b:.0f}" for a, b in self.gutters))
        out.append(f"running text dropped ({len(self.running)}):")
        out += [f"  {band}: {text}" for band, text in self.running]
        out.append(f"titles ({len(self.titles)}):")
        out += [f"  {t!r} ~ {e!r} score {s:.0f}" for t, e, s in self.titles]
        out.append(f"tables ({len(self.tables)}):")
        for index, rows in enumerate(self.tables, start=1):
            out.append(f"  table {index}: {len(rows)} rows")
            out += ["    | " + " | ".join(cells) for cells in rows]
        out.append(f"lines in reading order ({len(self.lines)}):")
        for (x0, top, _, _), text, cells, is_title in self.lines:
            mark = "T" if is_title else ("R" if cells else " ")
            shown = " | ".join(cells) if cells else text
            out.append(f"  {mark} {top:6.1f} {x0:6.1f}  {shown}")
        return "\n".join(out)


def inspect_page(
    path: Path, number: int, entities: EntityCatalog | None = None
) -> tuple[PageReport, tuple[PDF, Page]]:
    """Read one page as the reader does; also returns the pdfplumber page (still open).
    `entities`: the report's département (default: the one département with a catalog)."""
    path = Path(path)
    expected = expected_titles(entities or load_entity_catalog())
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    pages = page_count(path)
    if not 1 <= number <= pages:
        raise SourceError(f"{path.name}: no page {number} (the file has {pages} pages)")
    running = running_texts(path)
    pdf = _open(path)
    page = upright(pdf, pdf.pages[number - 1])
    reader = _PageReader(page, number, path.name, running)
    try:
        blocks = reader.read()
        finding = None if blocks else _without_text(page, number).reason
    except Exception as err:  # shown, as the build records it, rather than failing
        blocks, finding = [], f"page {number} cannot be read: {type(err).__name__}: {err}"
    layout = reader.layout
    titles = []
    tables = []
    for kind, item in blocks:
        if kind == "title":
            text = item[0]  # type: ignore[index]
            best = max(expected, key=lambda e: title_score(e, text))
            titles.append((text, best, title_score(best, text)))
        elif isinstance(item, Table):
            tables.append([row.cells for row in item.rows])
    lines = [
        ((ln.x0, ln.top, ln.x1, ln.bottom), _text(ln.words), ln.cells, ln.is_title)
        for ln in reader.lines
    ]
    running_boxes = []
    words = page.extract_words(x_tolerance=LAYOUT.word_tolerance)
    for dropped in reader.dropped:
        first = dropped.text.split(" ")[0]
        for w in words:
            if w["text"] == first and (
                w["top"] < page.height * 0.1 or w["top"] > page.height * 0.9
            ):
                running_boxes.append((w["x0"], w["top"], w["x1"], w["bottom"]))
    report = PageReport(
        number,
        pages,
        layout.columns if layout else [],
        layout.gutters if layout else [],
        lines,
        titles,
        tables,
        [(d.band, d.text) for d in reader.dropped],
        running_boxes,
        list(reader.ruled_boxes),
        finding,
    )
    return report, (pdf, page)


def draw(report: PageReport, page, output: Path) -> None:
    """The page image with what the reader saw drawn over it."""
    image = page.to_image(resolution=110)
    top, bottom = 0, page.height
    for x0, x1 in report.gutters:
        image.draw_rect((x0, top, x1, bottom), fill=(0, 160, 0, 40), stroke=(0, 160, 0, 90))
    for x0, x1 in report.columns:
        image.draw_rect((x0, top + 2, x1, bottom - 2), fill=(0, 0, 0, 0), stroke=(0, 150, 0))
    for box in report.ruled:
        image.draw_rect(box, fill=(128, 0, 128, 25), stroke=(128, 0, 128), stroke_width=2)
    for box, _, cells, is_title in report.lines:
        colour = (220, 0, 0) if is_title else ((230, 120, 0) if cells else (0, 80, 220))
        image.draw_rect(box, fill=(*colour, 30), stroke=colour, stroke_width=1)
    for x0, top_, x1, bottom_ in report.running_boxes:
        middle = (top_ + bottom_) / 2
        image.draw_rect((x0, top_, x1, bottom_), fill=(120, 120, 120, 60), stroke=(90, 90, 90))
        image.draw_line([(x0, middle), (x1 + 60, middle)], stroke=(90, 90, 90), stroke_width=2)
    output.parent.mkdir(parents=True, exist_ok=True)
    image.save(output)


def main(path: Path, number: int, png: Path | None, departement: str | None = None) -> str:
    entities = load_entity_catalog(departement) if departement else None
    report, (pdf, page) = inspect_page(path, number, entities)
    try:
        if png is not None:
            draw(report, page, png)
        return report.render() + (f"\nimage: {png}" if png is not None else "")
    finally:
        page.close()
        pdf.close()
