"""Layouts of the report drawn at random from a seed, over three typesetting engines.

`draw(seed)` picks an engine (Typst, Chromium printing HTML/CSS, reportlab) and every choice
of its template from `random.Random(seed)`: page size and orientation, one to three
columns, margins, font and size, justification and hyphenation, title size and style
(plain, capitals, a colour band, numbered), tables ruled, shaded or bare, key figures as
boxes or inline, running header and footer. `render(document, drawn, folder)` typesets the
export so. The same seed gives the same layout; `describe` says it in one line.

The renditions of `tools/renditions.py` are fixed layouts the reader was developed on; these
are drawn, so that a measure over fresh seeds is a measure over layouts nobody tuned to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from pipelines.read.document import Document

ENGINES = ("typst", "chromium", "reportlab")
FONTS = {  # what each engine can use here (fonts-dejavu, fonts-liberation; Typst's own)
    "typst": (
        "Libertinus Serif", "New Computer Modern", "DejaVu Sans", "DejaVu Serif",
        "Liberation Sans", "Liberation Serif",
    ),
    "chromium": ("DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif"),
    "reportlab": ("Sans", "Serif"),
}  # fmt: skip
TITLE_STYLES = ("plain", "caps", "band", "numbered")


@dataclass(frozen=True)
class Drawn:
    seed: int
    engine: str
    options: dict

    def describe(self) -> str:
        said = ", ".join(f"{k}={v}" for k, v in self.options.items())
        return f"seed {self.seed}: {self.engine} ({said})"


def draw(seed: int) -> Drawn:
    rng = random.Random(seed)
    engine = rng.choice(ENGINES)
    if engine == "reportlab":
        options = {
            "family": rng.choice(FONTS["reportlab"]),
            "size": rng.choice((8.0, 8.5, 9.0, 9.5, 10.0)),
            "margin": float(rng.randrange(34, 66, 4)),
            "columns": rng.choice((1, 1, 2)),
            "ruled_tables": rng.random() < 0.5,
        }
        return Drawn(seed, engine, options)
    page = rng.choice(("A4", "A4", "A5", "letter", "A4 landscape"))
    narrow = page == "A5"
    options = {
        "page": page,
        "columns": 1 if narrow else rng.choice((1, 2, 2, 3) if "landscape" in page else (1, 2, 2)),
        "font": rng.choice(FONTS[engine]),
        "size": rng.choice((7.5, 8.0, 8.5, 9.0, 9.5, 10.0, 10.5)),
        "margin_mm": rng.choice((10, 12, 15, 18, 20, 25)),
        "justify": rng.random() < 0.7,
        "hyphenate": rng.random() < 0.6,
        "title_scale": rng.choice((1.25, 1.4, 1.6, 1.8)),
        "title_style": rng.choice(TITLE_STYLES),
        "tables": rng.choice(("ruled", "shaded", "bare")),
        "figure_boxes": rng.random() < 0.6,
        "header": rng.random() < 0.6,
        "footer": rng.random() < 0.7,
    }
    return Drawn(seed, engine, options)


def departement_title(document: Document) -> str:
    """How the document's Département is named in a running header ("Département du …")."""
    from schemas.catalog import load_departements

    known = load_departements().get(document.departement_code)
    return known.title if known else f"Département {document.departement_code}"


def render(document: Document, drawn: Drawn, folder: Path) -> Path:
    """Typeset the document as drawn, to `folder/seed-N/rapport-activites-YYYY.pdf`."""
    target = Path(folder) / f"seed-{drawn.seed}"
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"rapport-activites-{document.report_year}.pdf"
    o = drawn.options
    if drawn.engine == "reportlab":
        from tools import render_report_pdf as engine

        engine.render(document, path, engine.Layout(f"seed-{drawn.seed}", **o))
    elif drawn.engine == "chromium":
        from tools import render_report_html as html

        style = html.Style(
            page=o["page"], margin_mm=o["margin_mm"], columns=o["columns"], font=o["font"],
            size_pt=o["size"], justify=o["justify"], hyphenate=o["hyphenate"],
            title_scale=o["title_scale"], title_style=o["title_style"], tables=o["tables"],
            figure_boxes=o["figure_boxes"], header=o["header"], footer=o["footer"],
        )  # fmt: skip
        html.render(document, path, style)
    else:
        from tools import render_report_typst as typst_engine

        typst_engine.render(
            document, path, _typst_layout(drawn, document.report_year, departement_title(document))
        )
    return path


def _typst_layout(drawn: Drawn, year: int, departement: str):
    from tools.render_report_typst import Layout

    o = drawn.options
    paper = {"A4": "a4", "A5": "a5", "letter": "us-letter", "A4 landscape": "a4"}[o["page"]]
    margin = o["margin_mm"] * 2.835
    # a set rule ends at its line's end: what it styles starts on the next line
    header = (
        "header: [#set text(size: 7pt, fill: luma(90))\n"
        f'  #"Rapport d\'activités {year}" #h(1fr) #"{departement}"],'
        if o["header"]
        else ""
    )
    footer = (
        "footer: context [#set text(size: 7pt)\n  #h(1fr) #counter(page).display() #h(1fr)],"
        if o["footer"]
        else ""
    )
    preamble = f"""
#set document(title: "Rapport d'activités {year}")
#set page(paper: "{paper}", flipped: {str("landscape" in o["page"]).lower()},
  margin: {margin:.0f}pt, columns: {o["columns"]}, {header} {footer})
#set columns(gutter: 14pt)
#set text(font: "{o["font"]}", size: {o["size"]}pt, lang: "fr",
  hyphenate: {str(o["hyphenate"]).lower()})
#set par(justify: {str(o["justify"]).lower()}, leading: 0.5em, spacing: 0.8em)
"""
    stroke = {"ruled": "0.5pt", "shaded": "none", "bare": "none"}[o["tables"]]
    return Layout(
        f"seed-{drawn.seed}",
        preamble,
        f"{o['size'] * o['title_scale']:.1f}pt",
        figure_boxes=o["figure_boxes"],
        zebra=o["tables"] == "shaded",
        table_size=f"{o['size'] * 0.9:.1f}pt",
        table_stroke=stroke,
        title_style=o["title_style"],
    )
