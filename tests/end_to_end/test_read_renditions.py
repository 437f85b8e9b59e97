"""The report typeset by another engine (Typst) in layouts the reportlab renditions do not
have: two justified hyphenated columns with key-figure boxes, zebra tables and running
header and footer (`magazine`); three columns of 7 pt text in landscape (`dense`). Each is
rendered and read once; every one must give the text export's facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import read_by_pdfplumber_only, without_boxes
from conftest import build_with_steps

from pipelines.extract.report import extract_report
from pipelines.load import warehouse as wh
from pipelines.read.document import Table, TextLine
from pipelines.read.pdf import read_pdf
from pipelines.run.cli import main as cli
from tools.renditions import agreement, render_rendition

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # `make test-slow`, and CI
OVERVIEW = "UNE PROXIMITÉ QUOTIDIENNE"


@pytest.fixture(scope="module")
def renditions(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("renditions")


@pytest.fixture(scope="module")
def text_extraction(document, indicators, entities):
    return extract_report(document, indicators, entities)


@pytest.fixture(scope="module")
def magazine(document, renditions):
    return read_pdf(render_rendition(document, "magazine", renditions), workers=2)


@pytest.fixture(scope="module")
def dense_pdf(document, renditions) -> Path:
    return render_rendition(document, "dense", renditions)


@pytest.fixture(scope="module")
def dense(dense_pdf):
    return read_pdf(dense_pdf, workers=2)


def _assert_agrees(found, text_extraction, indicators, entities) -> None:
    """The blocks' facts agree at 99 %; the sentences' figures (entity, unit, value) at 96 %:
    a typesetter's hyphens and captions move a few sentences between blocks and sections."""
    extraction = extract_report(found, indicators, entities)
    for sentences, minimum in ((False, 0.99), (True, 0.96)):
        result = agreement(text_extraction, extraction, sentences=sentences)
        what = "sentences" if sentences else "blocks"
        differences = "\n".join(result.differences())
        assert result.recall >= minimum, f"{what}: recall {result.recall:.2%}:\n{differences}"
        assert result.precision >= minimum, f"{what}: precision {result.precision:.2%}"


@pytest.mark.parametrize("rendition", ["magazine", "dense"])
def test_a_typst_rendition_gives_the_text_facts(
    rendition, request, text_extraction, indicators, entities
) -> None:
    found = request.getfixturevalue(rendition)
    _assert_agrees(found, text_extraction, indicators, entities)


def test_running_header_and_footer_leave_the_flow_and_stay_in_provenance(magazine) -> None:
    bands = {(r.band, r.text.split(" · page")[0]) for r in magazine.running_text}
    assert bands == {
        ("header", "Rapport d'activités 2022"),
        ("header", "Département du Pas-de-Calais"),
        ("footer", "Pas-de-Calais"),
    }
    footers = [r for r in magazine.running_text if r.band == "footer"]
    assert [r.location.page for r in footers] == list(range(1, len(footers) + 1))
    assert footers[6].text == "Pas-de-Calais · page 7"
    lines = [b.text for _, b in magazine.blocks() if isinstance(b, TextLine)]
    assert not any(t == "Rapport d'activités 2022" or "· page" in t for t in lines)


def test_a_key_figure_box_is_one_line_with_its_label(magazine) -> None:
    [line] = [
        b
        for _, b in magazine.blocks()
        if isinstance(b, TextLine) and "211 425" in b.text and "habitants" in b.text
    ]
    assert line.text == "- ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)"
    assert [line.text[start:end] for start, end in line.bold] == ["211 425"]
    assert line.size == 9.0 and line.box is not None and line.starts_group is False


def test_line_end_hyphens_are_undone_but_compounds_keep_theirs(magazine) -> None:
    text = "\n".join(b.text for _, b in magazine.blocks() if isinstance(b, TextLine))
    assert "accompagnement individualisé" in text  # printed "accompagne-" + "ment"
    assert "accompagne- ment" not in text and "\ue000" not in text
    assert "Pas-de-Calais" in text and "Pas-deCalais" not in text and "Pas-de- Calais" not in text


def test_three_columns_and_wrapped_table_labels(dense, dense_pdf) -> None:
    from pipelines.read.inspect_pdf import inspect_page

    report, (pdf, page) = inspect_page(dense_pdf, 11)
    page.close()
    pdf.close()
    assert len(report.columns) == 3
    rows = [r.cells for _, b in dense.blocks() if isinstance(b, Table) for r in b.rows]
    assert (
        "CREDITS DE PAIEMENT DEPENSES EN MAITRISE D'OUVRAGE", "INVESTISSEMENT", "FONCTIONNEMENT",
    ) in rows  # fmt: skip


def test_a_rendition_without_the_overview_loads_the_rest_and_fails_the_gate(
    document, renditions, text_extraction, tmp_path, capsys
) -> None:
    pdf = render_rendition(document, "dense", renditions, drop_section=OVERVIEW)
    warehouse = build_with_steps([pdf], tmp_path / "w.duckdb")
    [block] = wh.query(
        warehouse,
        "select status, message from fact_block_quality where block_id = 'overview:62'",
    ).to_dict("records")
    assert block["status"] == "missing"
    assert block["message"].startswith(
        "department overview (section titled 'UNE PROXIMITÉ QUOTIDIENNE') not found "
        "(searched pages 1-"
    )
    loaded = wh.query(
        warehouse,
        "select count(*) as n, count(distinct entity_code) as entities from fact_figure "
        "where source_kind = 'pdf'",
    ).iloc[0]
    # everything but the overview: 62, 7 territories, 8 MDS (no Lens-Liévin table), 7 MDADT
    expected = [f for f in text_extraction.figures if f.extractor != "department_overview"]
    # the department, its territories, MDS and MDADT, and 24 organisations (the Canal
    # Seine-Nord Europe's: its "Zoom sur le secteur 4" box; the laboratory's and the Grand
    # Site's pages; K'Dabra's workshops, "Ainsi, une dizaine d'ateliers"; the partners' boxes
    # of key figures, "ADRT, Tourisme et Handicap", "LA MDPH62"; the bodies sentences are
    # about, the centres de santé, the CLIC du Ternois ...), and the communes and EPCIs its
    # sentences name (the CAB's pôle multimodal, the CC de Desvres-Samer's nine communes): as
    # many as the text export's
    places = {"commune", "epci"}
    catalog = {f.entity_code for f in expected if f.entity_type not in places}
    communes = {f.entity_code for f in expected if f.entity_type == "commune"}
    epcis = {f.entity_code for f in expected if f.entity_type == "epci"}
    assert len(catalog) == 48 and communes and epcis == {"246200729", "200018083"}
    assert loaded["n"] >= 0.99 * len(expected)
    assert loaded["entities"] >= 0.99 * len(catalog | communes | epcis)
    assert cli(["check", "--warehouse", str(warehouse), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "completeness__expected_blocks" in err


def test_pdfium_and_pdfplumber_read_a_typst_rendition_alike(dense_pdf, dense, monkeypatch) -> None:
    """Every page of this layout is plain (no rule): all read from pdfium's characters."""
    import pypdfium2 as pdfium

    from pipelines.read.pdf_chars import plain_page

    pdf = pdfium.PdfDocument(str(dense_pdf))
    assert all(plain_page(pdf, index) is not None for index in range(len(pdf)))
    pdf.close()
    assert without_boxes(dense) == without_boxes(read_by_pdfplumber_only(dense_pdf, monkeypatch))
