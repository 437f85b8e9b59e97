"""A PDF page that gives no text is a finding of that page, never the end of the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipelines.extract.report import page_rejects
from pipelines.read import pdf as pdf_reader
from pipelines.read.inspect_pdf import main as inspect

WIDTH, HEIGHT = A4


@pytest.fixture(scope="module")
def awkward_pdf(tmp_path_factory) -> Path:
    """Four pages: text; two columns with words running past the page's right and left
    edges; an empty page; a page of one picture. Pages 1, 2 and 4 carry a running footer."""
    from PIL import Image

    path = tmp_path_factory.mktemp("awkward") / "rapport-2022.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)

    def footer(number: int) -> None:
        drawing.setFont("Helvetica", 9)
        drawing.drawString(280, 20, f"Rapport d'activités - page {number}")
        drawing.setFont("Helvetica", 11)

    drawing.setFont("Helvetica", 11)
    drawing.drawString(60, HEIGHT - 60, "RAPPORT D'ACTIVITÉS 2022")
    footer(1)
    for i in range(30):
        drawing.drawString(60, HEIGHT - 100 - i * 14, f"Le Département a aidé {100 + i} familles.")
    drawing.showPage()
    drawing.setFont("Helvetica", 11)
    for i in range(30):
        drawing.drawString(40, HEIGHT - 60 - i * 14, f"Les actions de l'année en faveur {i}")
        drawing.drawString(320, HEIGHT - 60 - i * 14, f"des collèges et des routes {i}")
    drawing.drawString(WIDTH - 20, HEIGHT - 500, "débordement-qui-sort-de-la-page")
    drawing.drawString(-40, HEIGHT - 520, "débordement-à-gauche de la page")
    footer(2)
    drawing.showPage()
    drawing.showPage()  # empty
    picture = Image.new("RGB", (200, 100), (200, 30, 30))
    drawing.drawImage(ImageReader(picture), 100, 400, 200, 100)
    footer(4)  # a page of pictures keeps its page number: still no text of its own
    drawing.showPage()
    drawing.save()
    return path


def test_a_word_past_the_page_box_is_read_with_its_page(awkward_pdf) -> None:
    document = pdf_reader.read_pdf(awkward_pdf)
    pages = {line.location.page for _, line in document.lines()}
    assert pages >= {1, 2}
    text = " ".join(line.text for _, line in document.lines())
    assert "débordement-qui-sort-de-la-page" in text
    assert "débordement-à-gauche de la page" in text
    assert [r.text for r in document.running_text][:1] == ["Rapport d'activités - page 1"]
    assert "Le Département a aidé 129 familles." in text


def test_an_empty_page_and_a_page_of_pictures_are_findings(awkward_pdf) -> None:
    document = pdf_reader.read_pdf(awkward_pdf)
    assert [(f.page, f.kind, f.reason) for f in document.page_findings] == [
        (3, "no_text", "page 3: an empty page"),
        (4, "no_text", "page 4: a page of pictures only: no text layer"),
    ]
    rejects = page_rejects(document)
    assert [(r.location.page, r.extractor, r.reason) for r in rejects] == [
        (3, "pdf_reader", "page 3: an empty page"),
        (4, "pdf_reader", "page 4: a page of pictures only: no text layer"),
    ]


def test_a_page_the_reader_fails_on_is_a_finding_and_the_others_load(
    awkward_pdf, monkeypatch
) -> None:
    read = pdf_reader._PageReader.read

    def fails_on_page_two(self):
        if self.number == 2:
            raise IndexError("list index out of range")
        return read(self)

    monkeypatch.setattr(pdf_reader._PageReader, "read", fails_on_page_two)
    document = pdf_reader.read_pdf(awkward_pdf)
    assert {line.location.page for _, line in document.lines()} == {1}
    [unreadable] = [f for f in document.page_findings if f.kind == "unreadable"]
    assert unreadable.page == 2
    assert unreadable.reason == "page 2 cannot be read: IndexError: list index out of range"
    assert "des collèges et des routes 0" in unreadable.text  # its words kept for the reject
    [reject] = [r for r in page_rejects(document) if r.location.page == 2]
    assert reject.source_text == unreadable.text
    shown = inspect(awkward_pdf, 2, None)
    assert "finding: page 2 cannot be read: IndexError: list index out of range" in shown


def test_a_pdf_whose_every_page_fails_is_refused_naming_the_failure(
    awkward_pdf, monkeypatch
) -> None:
    """Not a page's problem but the file's: one error with the first page's cause (not "a
    scan")."""
    from pipelines.read import SourceError

    def fails(self):
        raise KeyError("damaged content stream")

    monkeypatch.setattr(pdf_reader._PageReader, "read", fails)
    with pytest.raises(SourceError) as refused:
        pdf_reader.read_pdf(awkward_pdf)
    assert str(refused.value) == (
        "rapport-2022.pdf: no page could be read (page 1 cannot be read: KeyError: "
        "'damaged content stream')"
    )
