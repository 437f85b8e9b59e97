"""Input a user would produce: read the same as the clean file, or refused with one cause.

Each case damages the shipped export or PDF the way a tool does (a word processor's NFD and
curly quotes, CR line ends, U+2028, TABs turned to spaces, a rotated page, a scan, a
Ghostscript re-save). A case that keeps the report's content must give exactly the staging
figures of the clean file; a case that loses it must stop with one line naming the cause.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, EXHAUSTIVE, REPORT, scanned_pdf

from pipelines.extract.diagnose import diagnose_extraction
from pipelines.extract.report import extract_report
from pipelines.extract.staging import to_staging
from pipelines.read.diagnose import UnusableInput, diagnose_document
from pipelines.read.pdf import read_pdf
from pipelines.read.text_export import read_text_export
from pipelines.run.steps import read_report
from pipelines.validate.integrity import damage_of
from schemas.catalog import load_entity_catalog, load_indicator_catalog

PDF = REPORT.with_suffix(".pdf")
KEY = ["line", "entity_code", "indicator_code", "value", "unit", "qualifier", "source_text"]


def _figures(path: Path) -> pd.DataFrame:
    document = read_report(path)
    diagnose_document(document)
    extraction = extract_report(document, load_indicator_catalog(), load_entity_catalog())
    figures = to_staging(document, extraction).figures
    return figures[KEY].sort_values(KEY[:4]).reset_index(drop=True)


@pytest.fixture(scope="module")
def clean_figures() -> pd.DataFrame:
    return _figures(REPORT)


def _variant(tmp_path: Path, text: str, newline: str = "\n") -> Path:
    path = tmp_path / REPORT.name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


SAME_CONTENT = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "curly-apostrophes-and-quotes": lambda t: t.replace("'", "\u2019").replace('"', "\u201c"),
    "cr-line-ends": lambda t: t.replace("\n", "\r"),
    "crlf-line-ends": lambda t: t.replace("\n", "\r\n"),
    "u2028-after-the-last-line": lambda t: t + "\u2028" * 200,
    "bom": lambda t: "\ufeff" + t,
}


@pytest.mark.parametrize("case", sorted(SAME_CONTENT))
def test_an_export_resaved_by_a_tool_reads_as_the_clean_one(case, tmp_path, clean_figures) -> None:
    text = REPORT.read_text(encoding="utf-8")
    path = _variant(tmp_path, SAME_CONTENT[case](text))
    figures = _figures(path)
    pd.testing.assert_frame_equal(figures, clean_figures)
    assert damage_of(to_staging_figures(path), path).eq("").all()


def to_staging_figures(path: Path) -> pd.DataFrame:
    document = read_report(path)
    extraction = extract_report(document, load_indicator_catalog(), load_entity_catalog())
    return to_staging(document, extraction).figures


def test_a_cut_export_with_cr_line_ends_marks_its_last_figure_damaged(tmp_path) -> None:
    text = REPORT.read_text(encoding="utf-8")
    cut = text[: text.index("Enfants vus en consultation PMI\t47") + 34]
    path = _variant(tmp_path, cut.replace("\n", "\r"))
    figures = to_staging_figures(path)
    reasons = damage_of(figures, path)
    damaged = figures[reasons.ne("")]
    assert damaged.line.unique().tolist() == [1337]
    assert set(reasons[reasons.ne("")]) == {
        "damaged: the file ends inside line 1337 (no line end): it may be cut off"
    }
    assert damaged.source_span.tolist() == ["47"]


def test_an_export_whose_tabs_became_spaces_is_refused_with_its_cause(tmp_path) -> None:
    text = REPORT.read_text(encoding="utf-8").replace("\t", "    ")
    with pytest.raises(UnusableInput) as refused:
        diagnose_document(read_text_export(_variant(tmp_path, text)))
    assert str(refused.value).startswith(
        "rapport-activites-2022.txt: no table found: the export's tables are lines of "
        "TAB-separated cells, and it has none ("
    )
    assert "were the TABs turned to spaces?" in str(refused.value)


def _pages(source: Path, target: Path, pages: range, rotate: int = 0) -> Path:
    import pypdfium2 as pdfium

    pdf, out = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    out.import_pages(pdf, list(pages))
    for index in range(len(out)):
        if rotate:
            out[index].set_rotation(rotate)
    out.save(str(target))
    return target


@pytest.mark.parametrize("rotate", [90, 180, 270] if EXHAUSTIVE else [90])
def test_a_rotated_page_is_read_upright(rotate, tmp_path) -> None:
    upright = read_pdf(_pages(PDF, tmp_path / "upright-2022.pdf", range(2, 8)))
    turned = read_pdf(_pages(PDF, tmp_path / "turned-2022.pdf", range(2, 8), rotate))
    lines = [line.text for _, line in upright.lines()]
    assert len(lines) > 60
    assert [line.text for _, line in turned.lines()] == lines


def test_a_scan_without_text_layer_is_refused_with_its_cause(tmp_path) -> None:
    scan = scanned_pdf(PDF, 4, tmp_path / "scan-2022.pdf")
    nameless = scan.rename(tmp_path / "scan.pdf")  # no year to read: the cause still comes first
    with pytest.raises(UnusableInput, match=r"^scan.pdf: no text layer on 4 of 4 pages"):
        read_pdf(nameless)
    scan = nameless.rename(tmp_path / "scan-2022.pdf")
    with pytest.raises(UnusableInput) as refused:
        diagnose_document(read_pdf(scan))
    assert str(refused.value) == (
        "scan-2022.pdf: no text layer on 4 of 4 pages (a scan, or pictures of text?): run "
        "OCR on it (e.g. `ocrmypdf`), or give the PDF the report was typeset as"
    )


def test_a_pdf_resaved_by_ghostscript_is_refused_with_its_cause() -> None:
    document = read_pdf(DATA / "resaved-by-ghostscript-2022.pdf")
    with pytest.raises(UnusableInput) as refused:
        diagnose_document(document)
    assert "words hold glyphs without a character ('(cid:N)')" in str(refused.value)
    assert "re-saved by Ghostscript or printed to PDF?" in str(refused.value)


def test_a_text_without_accents_is_refused(tmp_path) -> None:
    text = unicodedata.normalize("NFKD", REPORT.read_text(encoding="utf-8"))
    plain = "".join(c for c in text if not unicodedata.combining(c))
    with pytest.raises(UnusableInput, match=r"the text lost its accents"):
        diagnose_document(read_text_export(_variant(tmp_path, plain)))


def test_the_shipped_report_is_usable(document, pdf_document) -> None:
    diagnose_document(document)
    diagnose_document(pdf_document)
    assert pdf_document.pages == 117


def test_a_document_of_another_structure_is_refused_with_its_cause(tmp_path) -> None:
    path = tmp_path / "rapport-annuel-2022.txt"
    path.write_text(
        "RAPPORT ANNUEL\nANNÉE 2022\n\nLES MUSÉES DU DÉPARTEMENT\n\n"
        "Le musée a accueilli 12 000 visiteurs en 2022.\n"
        "Site\tVisiteurs\tExpositions\nMusée A\t8 000\t3\nMusée B\t4 000\t2\n",
        encoding="utf-8",
    )
    document = read_text_export(path)
    diagnose_document(document)  # readable: the text is fine
    extraction = extract_report(document, load_indicator_catalog(), load_entity_catalog())
    with pytest.raises(UnusableInput, match=r"^rapport-annuel-2022.txt: 0 of the \d+ blocks"):
        diagnose_extraction(document, extraction)


def _in_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in one order whatever order they were inserted in."""
    columns = frame.columns.tolist()
    return frame.sort_values(columns, key=lambda c: c.astype(str)).reset_index(drop=True)


@pytest.mark.skipif(not EXHAUSTIVE, reason="two more full builds: run by `make reliability`")
def test_an_nfd_export_with_curly_quotes_builds_the_same_warehouse(tmp_path) -> None:
    from pipelines.load import warehouse as wh
    from pipelines.run import steps

    text = REPORT.read_text(encoding="utf-8")
    resaved = unicodedata.normalize("NFD", text.replace("'", "\u2019"))
    (tmp_path / "resaved").mkdir()
    variant = _variant(tmp_path / "resaved", resaved)
    tables = ["fact_figure", "fact_block_quality", "fact_list_item", "stg_reject", "dim_indicator"]
    built = {}
    for name, path in (("clean", REPORT), ("resaved", variant)):
        warehouse = steps.build([path], tmp_path / name / "indicators.duckdb")
        built[name] = {  # the same facts; only the file's own hash differs
            table: _in_order(
                wh.query(warehouse, f"select * from {table}").drop(
                    columns=["source_sha256"], errors="ignore"
                )
            )
            for table in tables
        }
    for table in tables:
        pd.testing.assert_frame_equal(built["resaved"][table], built["clean"][table], obj=table)


def test_a_page_drawn_sideways_and_turned_upright_by_rotate_is_read_as_displayed(
    tmp_path,
) -> None:
    """A landscape page typeset sideways on a portrait sheet and turned by /Rotate reads
    upright as displayed: it is left as it is."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    drawn = tmp_path / "drawn.pdf"
    drawing = canvas.Canvas(str(drawn), pagesize=(595, 842))
    drawing.translate(595, 0)
    drawing.rotate(90)  # the text runs up the portrait sheet
    lines = ["Rapport d'activités 2022", "Le Département compte 890 communes et 78 conseillers."]
    for number, text in enumerate(lines):
        drawing.drawString(72, 500 - 20 * number, text)
    drawing.showPage()
    drawing.save()
    pdf = pdfium.PdfDocument(str(drawn))
    pdf[0].set_rotation(90)  # shown upright: turned a quarter clockwise
    turned = tmp_path / "landscape-2022.pdf"
    pdf.save(str(turned))
    document = read_pdf(turned)
    assert " ".join(line.text for _, line in document.lines()) == " ".join(lines)


def test_a_build_whose_pdf_has_an_unreadable_page_loads_the_rest(tmp_path, monkeypatch) -> None:
    """One page the reader fails on: the other 116 pages load, the page is a warn finding that
    names it, and the figures it held are the PDF-vs-text findings of the gate."""
    import duckdb

    from pipelines.read import pdf as pdf_reader
    from pipelines.run import steps
    from pipelines.settings import Settings

    read = pdf_reader._PageReader.read

    def fails_on_page_50(self):
        if self.number == 50:
            raise KeyError("damaged content stream")
        return read(self)

    monkeypatch.setattr(pdf_reader._PageReader, "read", fails_on_page_50)
    settings = Settings.from_environment().but(pdf_workers=1, staging_dir=tmp_path / "staging")
    warehouse = steps.build(
        [REPORT, PDF], tmp_path / "indicators.duckdb", publish_anyway=True, settings=settings
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        pages = con.execute(
            "select count(distinct page) from fact_figure where source_kind = 'pdf'"
        ).fetchone()
        finding = con.execute(
            "select status, observed, message from v_check_result "
            "where check_id = 'completeness__unread_pages'"
        ).fetchall()
    assert pages is not None and pages[0] > 80
    [(status, observed, message)] = finding
    assert (status, observed) == ("warn", 1.0)
    assert "page 50 cannot be read: KeyError: 'damaged content stream': \"À l'école" in message
