"""Lay the report's text export out with a second typesetting engine, Typst, as a design
studio would: other fonts, other metrics, hyphenation, boxes and shaded tables.

Typst compiles in-process through the `typst` package (no download, fonts embedded in it).
Layouts:

- `magazine`: A4, Libertinus Serif 9 pt, prose in two justified columns with French
  hyphenation; key figures as shaded boxes with the large number on its own line above its
  label; zebra tables without any rule (cells ragged, 8 pt), numbers right-aligned; a
  running header and a running footer with the page number; justified section titles that
  may fall at the foot of a column.
- `brochure` (held out: added after the reader was written, never tuned to): A5, one
  justified hyphenated column of 8 pt New Computer Modern, running header and footer that
  alternate sides on odd and even pages, key-figure boxes and zebra tables.
- `dense`: A4 landscape, three columns of 7 pt sans-serif text, titles only a little larger
  than the text, tables without rules whose labels wrap, a footer on the left.

The same input and layout give the same file (no timestamp, fixed fonts).

    python tools/render_report_typst.py raw/report/rapport-activites-2022.txt out.pdf \
        --layout magazine [--drop-section 'UNE PROXIMITÉ QUOTIDIENNE']
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import typst

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.extract.key_figures import starts_with_figure  # noqa: E402
from pipelines.read.document import LIST_MARKERS, Document, Section, Table, TextLine  # noqa: E402
from pipelines.read.numbers import find_quantities  # noqa: E402
from pipelines.read.text_export import read_text_export, split_markup  # noqa: E402
from tools.render_report_pdf import french_typography  # noqa: E402

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TAGS = re.compile(r"</?p>")
_FIXED_DATE = datetime(2023, 6, 30, 12, 0, 0)


@dataclass(frozen=True)
class Layout:
    name: str
    preamble: str
    title_size: str
    figure_boxes: bool
    zebra: bool
    table_size: str
    table_stroke: str = "none"  # a Typst stroke: "none", "0.5pt", "(bottom: 0.4pt)"
    title_style: str = "plain"  # "plain", "caps", "band" (a coloured band), "numbered"


_MAGAZINE = """
#set document(title: "Rapport d'activités 2022")
#set page(paper: "a4", margin: (x: 42pt, top: 62pt, bottom: 58pt), columns: 2,
  header: [#set text(size: 7.5pt, fill: luma(90))
    #"Rapport d'activités 2022" #h(1fr) #"Département du Pas-de-Calais"],
  footer: context [#set text(size: 7.5pt, fill: luma(90))
    #h(1fr) #"Pas-de-Calais · page " #counter(page).display() #h(1fr)])
#set columns(gutter: 16pt)
#set text(font: "Libertinus Serif", size: 9pt, lang: "fr", hyphenate: true)
#set par(justify: true, leading: 0.5em, spacing: 0.75em)
"""

_DENSE = """
#set document(title: "Rapport d'activités 2022")
#set page(paper: "a4", flipped: true, margin: (x: 30pt, top: 34pt, bottom: 40pt), columns: 3,
  footer: context [#set text(size: 6pt)
    #"RA 2022 — " #counter(page).display() #h(1fr)])
#set columns(gutter: 12pt)
#set text(font: "DejaVu Sans", size: 7pt, lang: "fr", hyphenate: false)
#set par(justify: false, leading: 0.45em, spacing: 0.7em)
"""

# held out: written after the reader, to measure it on a layout it was not tuned to
_BROCHURE = """
#set document(title: "Rapport d'activités 2022")
#set page(paper: "a5", margin: (inside: 40pt, outside: 28pt, top: 48pt, bottom: 44pt),
  header: context [#set text(size: 6.5pt, style: "italic")
    #if calc.odd(here().page()) [#h(1fr) #"Rapport d'activités · 2022"]
    else [#"Pas-de-Calais · le Département"]],
  footer: context [#set text(size: 7pt)
    #if calc.odd(here().page()) [#h(1fr) #counter(page).display()]
    else [#counter(page).display()]])
#set text(font: "New Computer Modern", size: 8pt, lang: "fr", hyphenate: true)
#set par(justify: true, leading: 0.55em, spacing: 0.8em, first-line-indent: 0pt)
"""

LAYOUTS = {
    "magazine": Layout(
        "magazine", _MAGAZINE, "15pt", figure_boxes=True, zebra=True, table_size="8pt"
    ),
    "dense": Layout("dense", _DENSE, "10.5pt", figure_boxes=False, zebra=False, table_size="7pt"),
    "brochure": Layout(
        "brochure", _BROCHURE, "12pt", figure_boxes=True, zebra=True, table_size="7pt"
    ),
}


def _string(text: str) -> str:
    """A Typst string literal: the text is never read as markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _inline(text: str) -> str:
    """Markup for one line of the export: `**...**` in bold, French figures."""
    out, position = [], 0
    text = french_typography(_TAGS.sub("", text))
    for match in _BOLD.finditer(text):
        if match.start() > position:
            out.append("#" + _string(text[position : match.start()]))
        out.append(f"#strong({_string(match.group(1))})")
        position = match.end()
    if position < len(text):
        out.append("#" + _string(text[position:]))
    return "".join(out)


def key_figure_parts(line: TextLine) -> tuple[str, str] | None:
    """A bullet that starts with a figure: (its marker and figure, its label), in the
    export's markup; else None."""
    text = line.source_text  # with the export's markup: bold stays bold
    if line.indent or not LIST_MARKERS.match(text) or len(text) > 160:
        return None
    if not starts_with_figure(line.text):
        return None
    marker = LIST_MARKERS.match(text)
    assert marker is not None
    body = split_markup(text[marker.end() :])[0]
    quantities = find_quantities(body)
    if not quantities or quantities[0].start != 0:
        return None
    figure, label = body[: quantities[0].end], body[quantities[0].end :].strip()
    return f"{marker.group(0).replace('*', '').strip()} {figure}", label


def _key_figure_box(line: TextLine) -> str | None:
    """A bullet that starts with a figure, as a box: the figure large, its label under it."""
    parts = key_figure_parts(line)
    if parts is None:
        return None
    number, label = _inline(parts[0]), parts[1]
    return (
        '#block(fill: rgb("#e3edf6"), inset: (x: 6pt, y: 3pt), width: 100%, breakable: false,'
        " above: 2pt, below: 2pt)["
        f'#text(size: 14pt, weight: "bold", fill: rgb("#123c69"))[{number}]'
        f" #linebreak() {_inline(label)}]"
    )


def _table(layout: Layout, rows: list[list[str]]) -> str:
    if any("<p>" in c for r in rows for c in r):  # the organisation table: one cell a row
        rows = [[_TAGS.sub("", c).strip()] for r in rows for c in r]
    width = max(len(r) for r in rows)
    columns = "(1fr," + " auto," * (width - 1) + ")" if width > 1 else "(1fr,)"
    fill = "(_, y) => if calc.odd(y) { luma(232) }" if layout.zebra else "none"
    cells = []
    for row in rows:
        for cell in [*row, *[""] * (width - len(row))]:
            cells.append(f"[{_inline(cell)}]")
    return (
        f"#[#set par(justify: false)\n#set text(size: {layout.table_size})\n"
        f"#table(columns: {columns}, stroke: {layout.table_stroke}, fill: {fill},"
        " align: (x, _) => if x == 0 { left } else { right }, inset: (x: 3pt, y: 2.6pt),\n"
        + ",\n".join(cells)
        + ")]\n"
    )


def _section(layout: Layout, section: Section) -> list[str]:
    parts: list[str] = []
    if section.title:
        title = _inline(section.title)
        if layout.title_style == "caps":
            title = f"#upper[{title}]"
        elif layout.title_style == "numbered":
            title = f'#counter("part").step()#context counter("part").display(). {title}'
        band = ', fill: rgb("#dfe8f1"), inset: 4pt, width: 100%' * (layout.title_style == "band")
        parts.append(
            f"#block(above: 1.4em, below: 0.7em{band})[#text(size: {layout.title_size},"
            f' weight: "bold", hyphenate: false)[{title}]]\n'
        )
    previous_line = section.location.line or 0
    for block in section.blocks:
        first_line = block.location.line or 0
        if first_line > previous_line + 1:
            parts.append("#v(0.6em)\n")
        if isinstance(block, TextLine):
            box = _key_figure_box(block) if layout.figure_boxes else None
            if box is not None:
                parts.append(box + "\n")
            elif block.indent:
                parts.append(f"#pad(left: 10pt)[{_inline(block.source_text)}]\n")
            else:
                parts.append(_inline(block.source_text) + "\n\n")
            previous_line = first_line
        elif isinstance(block, Table):
            parts.append(_table(layout, [list(r.source_cells) for r in block.rows]))
            previous_line = block.rows[-1].location.line or first_line
    return parts


def typst_source(document: Document, layout: Layout, drop_section: str | None = None) -> str:
    parts = [layout.preamble]
    for section in document.sections:
        if drop_section is not None and section.title.startswith(drop_section):
            continue
        parts += _section(layout, section)
    return "".join(parts)


def render(document: Document, path: Path, layout: Layout, drop_section: str | None = None) -> int:
    """Compile the document to `path`; returns the number of pages."""
    source = typst_source(document, layout, drop_section)
    pdf = typst.compile(
        source.encode("utf-8"), format="pdf", timestamp=int(_FIXED_DATE.timestamp())
    )
    assert isinstance(pdf, bytes)
    Path(path).write_bytes(pdf)
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page") or 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="magazine")
    parser.add_argument("--drop-section", help="leave out the sections whose title starts so")
    args = parser.parse_args(argv)
    render(read_text_export(args.export), args.output, LAYOUTS[args.layout], args.drop_section)
    print(f"{args.output}: {args.layout}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
