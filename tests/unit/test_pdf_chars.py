"""pdfium's characters stand for pdfminer's only on a plain page; every other page is left
to pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from builders import read_by_pdfplumber_only, without_boxes
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipelines.read.pdf import read_pdf
from pipelines.read.pdf_chars import plain_page

WIDTH, HEIGHT = A4
PAGES = ("plain", "ruled", "line", "turned text", "rotated page", "empty", "bold and sizes")


@pytest.fixture(scope="module")
def pages_pdf(tmp_path_factory) -> Path:
    """One page of each kind in PAGES, in that order."""
    path = tmp_path_factory.mktemp("kinds") / "rapport-2022.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)

    def text(lines: int = 12) -> None:
        # each page its own figures: the same line at the same place on half the pages
        # would be running text
        first = 100 + 20 * drawing.getPageNumber()
        drawing.setFont("Helvetica", 11)
        for i in range(lines):
            drawing.drawString(
                60, HEIGHT - 80 - i * 15, f"Le Département a aidé {first + i} familles."
            )

    text()  # plain
    drawing.showPage()
    text()  # ruled: a stroked rectangle around a cell
    drawing.rect(50, HEIGHT - 300, 200, 40, stroke=1, fill=0)
    drawing.showPage()
    text()  # rules as one filled path of several "m l" subpaths: pdfminer's lines
    rules = drawing.beginPath()
    for y in (450, 470, 490, 510):
        rules.moveTo(60, HEIGHT - y)
        rules.lineTo(400, HEIGHT - y)
    drawing.drawPath(rules, stroke=0, fill=1)
    drawing.showPage()
    text()  # a caption drawn turned
    drawing.saveState()
    drawing.translate(500, 300)
    drawing.rotate(90)
    drawing.drawString(0, 0, "Légende tournée de 90 degrés")
    drawing.restoreState()
    drawing.showPage()
    drawing.setPageRotation(90)  # a page turned for display
    text()
    drawing.showPage()
    drawing.setPageRotation(0)
    drawing.showPage()  # empty
    drawing.setFont("Helvetica-Bold", 16)
    drawing.drawString(60, HEIGHT - 60, "Titre en gras de seize points")
    drawing.rect(50, HEIGHT - 140, 300, 50, stroke=0, fill=1)  # a shaded box: a fill, no rule
    text(20)
    drawing.setFont("Times-Italic", 9)
    drawing.drawString(60, 60, "jugée juste : fjord, ajout, Wj")
    drawing.showPage()
    drawing.save()
    return path


def _plain(path: Path) -> dict[str, bool]:
    document = pdfium.PdfDocument(str(path))
    try:
        return {kind: plain_page(document, i) is not None for i, kind in enumerate(PAGES)}
    finally:
        document.close()


def test_only_an_upright_page_without_rules_is_read_by_pdfium(pages_pdf) -> None:
    assert _plain(pages_pdf) == {
        "plain": True,
        "ruled": False,
        "line": False,
        "turned text": False,
        "rotated page": False,
        "empty": False,
        "bold and sizes": True,
    }


@pytest.mark.parametrize("kind", ["plain", "bold and sizes"])
def test_a_plain_pages_characters_are_pdfminers(pages_pdf, kind) -> None:
    index = PAGES.index(kind)
    document = pdfium.PdfDocument(str(pages_pdf))
    page = plain_page(document, index)
    assert page is not None
    with pdfplumber.open(pages_pdf) as pdf:
        expected = pdf.pages[index].chars
        words = pdf.pages[index].extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
        # what a page that fails keeps as its reject's text
        assert page.extract_text() == pdf.pages[index].extract_text()
    assert [c["text"] for c in page.chars] == [c["text"] for c in expected]
    for got, want in zip(page.chars, expected, strict=True):
        # reportlab's widths are whole thousandths: no drift, float precision only
        for key in ("x0", "top", "bottom", "size"):
            assert got[key] == pytest.approx(want[key], abs=0.01), (got["text"], key)
        # an italic f ends where its advance ends, not where its ink does
        assert got["x1"] == pytest.approx(want["x1"], abs=0.01), got["text"]
        assert got["fontname"] == want["fontname"].split("+")[-1]
    fast = page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
    assert [w["text"] for w in fast] == [w["text"] for w in words]
    if kind == "bold and sizes":
        assert {w["fontname"] for w in fast} >= {"Helvetica-Bold", "Times-Italic"}
        assert fast[0]["text"] == "Titre" and fast[0]["size"] == pytest.approx(16)


def test_every_page_reads_the_same_either_way(pages_pdf, monkeypatch) -> None:
    fast = read_pdf(pages_pdf)
    exact = read_by_pdfplumber_only(pages_pdf, monkeypatch)
    assert without_boxes(fast) == without_boxes(exact)
    assert fast.page_findings == exact.page_findings
    assert [f.page for f in fast.page_findings] == [PAGES.index("empty") + 1]


def test_borders_filled_as_hairlines_make_a_ruled_table(tmp_path) -> None:
    """A browser draws a cell's borders as thin filled boxes, not strokes: still rules."""
    from pipelines.read.document import Table

    path = tmp_path / "rapport-2022.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)
    drawing.setFont("Helvetica", 10)
    drawing.drawString(60, HEIGHT - 60, "Crédits de paiement du territoire en 2022.")
    rows = [("Dépenses", "Investissement", "Fonctionnement"),
            ("Routes départementales", "4 228 736 €", "793 616 €"),
            ("Collèges et bâtiments", "1 414 850 €", "507 515 €")]  # fmt: skip
    columns, top = (60, 240, 360, 480), HEIGHT - 100
    for i, row in enumerate(rows):
        for x, cell in zip(columns, row, strict=False):
            drawing.drawString(x + 4, top - 20 * i - 14, cell)
    for i in range(len(rows) + 1):  # borders: 0.75-point filled boxes
        drawing.rect(columns[0], top - 20 * i, columns[-1] - columns[0], 0.75, stroke=0, fill=1)
    for x in columns:
        drawing.rect(x, top - 20 * len(rows), 0.75, 20 * len(rows), stroke=0, fill=1)
    drawing.showPage()
    drawing.save()
    assert plain_page(pdfium.PdfDocument(str(path)), 0) is None  # pdfplumber reads it
    tables = [b for s in read_pdf(path).sections for b in s.blocks if isinstance(b, Table)]
    assert [r.cells for r in tables[0].rows] == [
        ("Dépenses", "Investissement", "Fonctionnement"),
        ("Routes départementales", "4 228 736 €", "793 616 €"),
        ("Collèges et bâtiments", "1 414 850 €", "507 515 €"),
    ]
