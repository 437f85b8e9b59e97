"""Lay the report's text export out as a PDF, as the published report is laid out.

The published PDF is not available offline, so we render one from the text export and build
the real PDF path on it. Two layouts, so that the reader cannot lean on one:

- `published`: A4, sans serif, one column, tables with ruling lines;
- `compact`: A4, serif, narrower margins, prose in two columns, tables as aligned text
  without any rule.

Both: page numbers in the footer, section titles large, key figures (`**...**` in the
export) in bold, French typography for numbers (U+202F as thousands separator, "€" after
the number). Output is deterministic: the same input and layout give the same file.

    python tools/render_report_pdf.py raw/report/rapport-activites-2022.txt \
        raw/report/rapport-activites-2022.pdf --layout published
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.read.document import Document, Section, Table, TextLine  # noqa: E402
from pipelines.read.text_export import read_text_export  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TITLE_SIZE = 14.0  # the reader takes text this large as a section title
FOOTER = 28.0  # page numbers sit below this height from the page bottom
_GROUPED = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?![\d])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TAGS = re.compile(r"</?p>")


@dataclass(frozen=True)
class Layout:
    name: str
    family: str  # DejaVu font family: "Sans" or "Serif"
    size: float
    margin: float
    columns: int
    ruled_tables: bool


LAYOUTS = {
    "published": Layout("published", "Sans", 9.0, 56.0, 1, True),
    "compact": Layout("compact", "Serif", 8.5, 40.0, 2, False),
}


def french_typography(text: str) -> str:
    """`35 551` → `35 551` with U+202F, as typeset reports print grouped figures."""
    return _GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(" ", "\u202f"), text)


def register_fonts(layout: Layout) -> tuple[str, str]:
    regular, bold = f"DejaVu{layout.family}", f"DejaVu{layout.family}-Bold"
    for name in (regular, bold):
        path = FONT_DIR / f"{name}.ttf"
        if not path.is_file():
            raise SystemExit(f"{path}: font missing (Debian package fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return regular, bold


class Writer:
    """Flows paragraphs and tables down the page, in one or two columns."""

    def __init__(self, path: Path, layout: Layout):
        self.layout = layout
        self.regular, self.bold = register_fonts(layout)
        self.canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle("Rapport d'activités")
        self.width, self.height = A4
        self.page = 0
        self.gutter = 18.0
        self.column_width = (
            self.width - 2 * layout.margin - (layout.columns - 1) * self.gutter
        ) / layout.columns
        self._new_page()

    # --- page and column flow -------------------------------------------------------
    def _new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.column = 0
        self.y = self.height - self.layout.margin
        self.canvas.setFont(self.regular, 8)
        self.canvas.drawCentredString(self.width / 2, FOOTER - 12, f"— {self.page} —")

    @property
    def x(self) -> float:
        return self.layout.margin + self.column * (self.column_width + self.gutter)

    def _room(self, height: float) -> None:
        if self.y - height >= self.layout.margin:
            return
        if self.column + 1 < self.layout.columns:
            self.column += 1
            self.y = self.height - self.layout.margin
        else:
            self._new_page()

    # --- text -------------------------------------------------------------------------
    def _runs(self, text: str, bold: bool) -> list[tuple[str, str]]:
        """Words with their font: `**...**` spans in bold."""
        words: list[tuple[str, str]] = []
        position = 0
        for match in _BOLD.finditer(text):
            words += [
                (w, self.bold if bold else self.regular)
                for w in text[position : match.start()].split(" ")
                if w
            ]
            words += [(w, self.bold) for w in match.group(1).split(" ") if w]
            position = match.end()
        words += [(w, self.bold if bold else self.regular) for w in text[position:].split(" ") if w]
        return words

    def paragraph(
        self,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        indent: float = 0.0,
        space_before: float = 0.0,
    ) -> None:
        size = size or self.layout.size
        leading = size * 1.2
        words = self._runs(french_typography(text), bold)
        lines: list[list[tuple[str, str]]] = [[]]
        width = 0.0
        room = self.column_width - indent
        for word, font in words:
            w = pdfmetrics.stringWidth(word, font, size)
            space = pdfmetrics.stringWidth(" ", font, size) if lines[-1] else 0.0
            if lines[-1] and width + space + w > room:
                lines.append([])
                width, space = 0.0, 0.0
            lines[-1].append((word, font))
            width += space + w
        self.y -= space_before
        if len(lines) <= 6:  # keep a short paragraph whole rather than split it
            self._room(leading * len(lines))
        for line in lines:
            self._room(leading)
            self.y -= leading
            cursor = self.x + indent
            # runs of one font drawn as one string, spaces included, as typesetters do
            for index, (word, font) in enumerate(line):
                text = word if index == len(line) - 1 else word + " "
                self.canvas.setFont(font, size)
                self.canvas.drawString(cursor, self.y, text)
                cursor += pdfmetrics.stringWidth(text, font, size)
        self.y -= size * 0.8  # paragraph spacing

    def title(self, text: str) -> None:
        # keep a title with what follows it: never alone at the foot of a column
        lines = max(1, len(text) // 40 + 1)
        self._room(self.layout.size * 2 + TITLE_SIZE * 1.2 * lines + self.layout.size * 4)
        self.paragraph(text, size=TITLE_SIZE, bold=True, space_before=self.layout.size)

    # --- tables -------------------------------------------------------------------------
    def table(self, rows: list[list[str]]) -> None:
        size = self.layout.size - (0.5 if self.layout.columns == 1 else 1.5)
        leading = size * 1.35
        n_columns = max(len(r) for r in rows)
        values = [french_typography(c) for r in rows for c in r[1:]]
        widest = max((pdfmetrics.stringWidth(v, self.regular, size) for v in values), default=0.0)
        value_width = max(50.0, widest + 24.0) if n_columns > 1 else 0.0
        label_width = self.column_width - value_width * (n_columns - 1)
        widths = [label_width] + [value_width] * (n_columns - 1)
        self.y -= size * 0.4
        if len(rows) <= 12:  # keep a small table whole rather than split it
            self._room(leading * 1.5 * len(rows))
        for row in rows:
            cells = [french_typography(_BOLD.sub(r"\1", c)) for c in row]
            label_lines = self._wrap(cells[0] if cells else "", label_width - 8, size)
            height = leading * len(label_lines)
            self._room(height + 2)
            top = self.y
            self.y -= height
            if self.layout.ruled_tables:
                self.canvas.setLineWidth(0.5)
                self.canvas.rect(self.x, self.y, sum(widths), height)
                cursor = self.x
                for w in widths[:-1]:
                    cursor += w
                    self.canvas.line(cursor, self.y, cursor, top)
            self.canvas.setFont(self.regular, size)
            for index, text in enumerate(label_lines):
                self.canvas.drawString(self.x + 4, top - leading * (index + 1) + 3, text)
            cursor = self.x + label_width
            for cell in cells[1:]:
                self.canvas.drawRightString(cursor + value_width - 4, top - leading + 3, cell)
                cursor += value_width
        self.y -= size * 0.8

    def _wrap(self, text: str, width: float, size: float) -> list[str]:
        lines, current = [], ""
        for word in text.split(" "):
            candidate = f"{current} {word}".strip()
            if current and pdfmetrics.stringWidth(candidate, self.regular, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        return [*lines, current] if current or not lines else lines

    def save(self) -> None:
        self.canvas.save()


def render(document: Document, path: Path, layout: Layout) -> int:
    """Render the document; returns the number of pages."""
    writer = Writer(path, layout)
    for section in document.sections:
        _render_section(writer, section)
    writer.save()
    return writer.page


def _render_section(writer: Writer, section: Section) -> None:
    if section.title:
        writer.title(section.title)
    previous_line = section.location.line or 0
    for block in section.blocks:
        first_line = block.location.line or 0
        gap = writer.layout.size * 0.9 if first_line > previous_line + 1 else 0.0
        if isinstance(block, TextLine):
            writer.paragraph(
                block.source_text, indent=12.0 if block.indent else 0.0, space_before=gap
            )
            previous_line = first_line
        elif isinstance(block, Table):
            rows = [list(r.source_cells) for r in block.rows]
            if any("<p>" in c for r in rows for c in r):  # the organisation table: one cell a row
                rows = [[_TAGS.sub("", c).strip()] for r in rows for c in r]
            writer.y -= gap
            writer.table(rows)
            previous_line = block.rows[-1].location.line or first_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="published")
    args = parser.parse_args(argv)
    pages = render(read_text_export(args.export), args.output, LAYOUTS[args.layout])
    print(f"{args.output}: {pages} pages ({args.layout})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
