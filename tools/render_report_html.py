"""Lay the report's text export out with a third typesetting engine: Chromium printing HTML.

The export becomes one HTML page styled by CSS (multi-column flow, hyphenation, page size and
margins through `@page`, running header and footer with the page number in the page's margin
boxes), printed to PDF by headless Chromium (Debian's `chromium`, the
package `make browser` installs). Every choice is a field of `Style`, drawn at random by
`tools/layouts.py`.

    python tools/render_report_html.py raw/report/rapport-activites-2022.txt out.pdf
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.read.document import Document, Section, Table, TextLine  # noqa: E402
from pipelines.read.text_export import read_text_export  # noqa: E402
from tools.layouts import departement_title  # noqa: E402
from tools.render_report_pdf import french_typography  # noqa: E402
from tools.render_report_typst import key_figure_parts  # noqa: E402

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TAGS = re.compile(r"</?p>")


@dataclass(frozen=True)
class Style:
    page: str = "A4"  # a CSS page size: "A4", "A5", "letter", "A4 landscape"
    margin_mm: float = 18.0
    columns: int = 1
    font: str = "DejaVu Serif"
    size_pt: float = 10.0
    justify: bool = True
    hyphenate: bool = True
    title_scale: float = 1.5
    title_style: str = "plain"  # "plain", "caps", "band", "numbered"
    tables: str = "ruled"  # "ruled", "shaded", "bare"
    figure_boxes: bool = True
    header: bool = True
    footer: bool = True


def _inline(text: str) -> str:
    text = html.escape(french_typography(_TAGS.sub("", text)), quote=False)
    return _BOLD.sub(r"<strong>\1</strong>", text)


def _css(style: Style, running: str = "") -> str:
    table = {
        "ruled": "td { border: 0.6pt solid #444; }",
        "shaded": "tr:nth-child(odd) td { background: #e6e6e6; }",
        "bare": "",
    }[style.tables]
    title = {
        "plain": "",
        "caps": "h2 { text-transform: uppercase; }",
        "band": "h2 { background: #dfe8f1; padding: 3pt 5pt; }",
        "numbered": "body { counter-reset: part; } h2::before { counter-increment: part;"
        ' content: counter(part) ". "; }',
    }[style.title_style]
    return f"""
@page {{ size: {style.page}; margin: {style.margin_mm}mm {style.margin_mm}mm
  {style.margin_mm + 6}mm {style.margin_mm}mm; {running} }}
body {{ font-family: '{style.font}'; font-size: {style.size_pt}pt; line-height: 1.25;
  columns: {style.columns}; column-gap: 7mm; text-align: {"justify" if style.justify else "left"};
  hyphens: {"auto" if style.hyphenate else "manual"}; margin: 0; }}
p {{ margin: 0 0 0.45em 0; }}
p.sub {{ margin-left: 1.2em; }}
h2 {{ font-size: {style.size_pt * style.title_scale:.1f}pt; margin: 0.9em 0 0.4em;
  column-span: none; break-after: avoid; text-align: left; hyphens: manual; }}
table {{ border-collapse: collapse; font-size: {style.size_pt * 0.9:.1f}pt; margin: 0.3em 0
  0.6em; break-inside: auto; text-align: left; }}
td {{ padding: 1.5pt 4pt; vertical-align: top; }}
.wide {{ column-span: all; }}
td + td {{ text-align: right; }}
.figure {{ background: #e3edf6; padding: 3pt 6pt; margin: 3pt 0; break-inside: avoid; }}
.figure b {{ display: block; font-size: {style.size_pt * 1.5:.1f}pt; color: #123c69; }}
{table}
{title}
"""


def _section(style: Style, section: Section) -> list[str]:
    parts = [f"<h2>{_inline(section.title)}</h2>"] if section.title else []
    for block in section.blocks:
        if isinstance(block, TextLine):
            figure = key_figure_parts(block) if style.figure_boxes else None
            if figure is not None:
                number, label = figure
                parts.append(f'<div class="figure"><b>{_inline(number)}</b>{_inline(label)}</div>')
            else:
                kind = ' class="sub"' if block.indent else ""
                parts.append(f"<p{kind}>{_inline(block.source_text)}</p>")
        elif isinstance(block, Table):
            rows = [list(r.source_cells) for r in block.rows]
            if any("<p>" in c for r in rows for c in r):  # the organisation table
                rows = [[_TAGS.sub("", c).strip()] for r in rows for c in r]
            cells = (
                "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            # a table of three columns or more would overflow a column: it spans them all
            table = "<table>" + "".join(cells) + "</table>"
            if max(len(r) for r in rows) > 2:
                table = f'<div class="wide">{table}</div>'
            parts.append(table)
    return parts


def _running(document: Document, style: Style) -> str:
    """The running header and footer as `@page` margin boxes (with the page's number)."""
    boxes = []
    text = "font-size: 7pt; color: #555;"
    if style.header:
        title = f"Rapport d\\'activités {document.report_year} — {departement_title(document)}"
        boxes.append(f"@top-center {{ content: '{title}'; {text} }}")
    if style.footer:
        footer = f"Rapport d\\'activités {document.report_year} — page "
        boxes.append(f"@bottom-center {{ content: '{footer}' counter(page); {text} }}")
    return " ".join(boxes)


def html_source(document: Document, style: Style) -> str:
    body = [part for section in document.sections for part in _section(style, section)]
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        f"<style>{_css(style, _running(document, style))}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("Chromium is missing: `make browser` installs Debian's package")


def render(document: Document, path: Path, style: Style) -> None:
    """Print the document to `path` with headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="render-html-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html_source(document, style), encoding="utf-8")
        done = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={tmp}/profile", f"--print-to-pdf={Path(path).resolve()}",
             page.as_uri()],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0 or not Path(path).is_file():
            raise RuntimeError(f"chromium could not print {page}: {done.stderr[-800:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    render(read_text_export(args.export), args.output, Style())
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
