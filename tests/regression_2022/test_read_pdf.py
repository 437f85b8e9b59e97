"""The PDF path: two renditions of the report read into the same facts as the text export."""

from __future__ import annotations

import gc
import shutil
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from conftest import build_with_steps

from pipelines.check.checks import run_checks
from pipelines.extract.report import extract_report
from pipelines.load import warehouse as wh
from pipelines.read import SourceError
from pipelines.read.document import Table
from pipelines.read.pdf import _balanced, read_pages, read_pdf
from pipelines.read.pdf_layout import running_counts, running_from, running_texts
from pipelines.run import steps
from pipelines.settings import shipped_reports
from tools.render_report_pdf import LAYOUTS, french_typography, render

DATA = Path(__file__).parents[1] / "data"
pytestmark = pytest.mark.integration


def _facts(extraction) -> Counter:
    return Counter((f.entity_code, f.indicator_code, f.value) for f in extraction.figures)


@pytest.fixture(scope="module")
def text_facts(document, indicators, entities) -> Counter:
    return _facts(extract_report(document, indicators, entities))


def test_the_published_rendition_gives_the_text_facts(
    pdf_document, text_facts, indicators, entities
) -> None:
    assert _facts(extract_report(pdf_document, indicators, entities)) == text_facts


@pytest.fixture(scope="module")
def compact_document(compact_pdf):
    return read_pdf(compact_pdf, workers=2)


@pytest.mark.slow  # renders and reads the compact rendition: `make test-slow`
def test_the_compact_rendition_gives_the_text_facts(
    compact_document, text_facts, indicators, entities
) -> None:
    assert _facts(extract_report(compact_document, indicators, entities)) == text_facts


def test_the_organisation_table_gives_the_same_people(
    pdf_document, document, indicators, entities
) -> None:
    from pipelines.extract.organisation import extract_organisation

    def people(doc) -> list[tuple[int, str, str]]:
        mentions = extract_organisation(doc, indicators, entities).councillor_mentions
        return [(m.cell_number, m.prenom, m.nom) for m in mentions]

    assert people(pdf_document) == people(document)
    assert len(people(pdf_document)) == 79


def test_bold_runs_are_the_exports(pdf_document, document) -> None:
    """The PDF's bold words, read from its fonts, are the ones the export marks `**`:
    every paragraph that has the text of an export line has its bold runs too."""

    def printed(doc) -> Counter:
        return Counter(
            (line.text, tuple(line.text[start:end] for start, end in line.bold))
            for _, line in doc.lines()
        )

    text, pdf = printed(document), printed(pdf_document)
    shared = {words for words, _ in text} & {words for words, _ in pdf}
    in_text = Counter({k: n for k, n in text.items() if k[0] in shared})
    in_pdf = Counter({k: n for k, n in pdf.items() if k[0] in shared})
    assert sum(in_text.values()) > 2000
    assert not in_text - in_pdf  # each export line has a paragraph with its bold runs
    # the PDF repeats a few menu lines more often than the export; none of them in bold
    assert all(not bold for _, bold in in_pdf - in_text)
    assert sum(1 for _, line in pdf_document.lines() if line.bold) >= 140


def test_ruled_tables_are_found(pdf_document) -> None:
    tables = [b for s in pdf_document.sections for b in s.blocks if isinstance(b, Table)]
    row = next(
        r for t in tables for r in t.rows if r.cells[0].startswith("Equivalents Temps Plein")
    )
    assert row.cells == ("Equivalents Temps Plein (ETP)", "162.68")
    assert row.location.page is not None
    with pdfplumber.open(shipped_reports()[1]) as pdf:
        assert pdf.pages[row.location.page - 1].rects  # the table has ruling lines


@pytest.mark.slow  # renders and reads the compact rendition: `make test-slow`
def test_tables_of_aligned_text_are_found(compact_pdf, compact_document) -> None:
    tables = [b for s in compact_document.sections for b in s.blocks if isinstance(b, Table)]
    header = next(r for t in tables for r in t.rows if r.cells[0].startswith("CREDITS DE PAIEMENT"))
    assert header.cells == (
        "CREDITS DE PAIEMENT DEPENSES EN MAITRISE D'OUVRAGE", "INVESTISSEMENT", "FONCTIONNEMENT",
    )  # fmt: skip
    assert header.location.page is not None
    with pdfplumber.open(compact_pdf) as pdf:
        page = pdf.pages[header.location.page - 1]
        assert not (page.rects or page.lines)  # not a single rule: aligned text only


def test_every_figure_names_its_page(pdf_document, indicators, entities) -> None:
    figures = extract_report(pdf_document, indicators, entities).figures
    arras = next(
        f for f in figures if f.entity_code == "62-arrageois" and f.indicator_code == "population"
    )
    # printed "211\u202f425"; pdfplumber splits words at the narrow space, we join with a space
    assert arras.location.line is not None and arras.source_span == "211 425"
    assert arras.location.page is not None
    with pdfplumber.open(shipped_reports()[1]) as pdf:
        text = pdf.pages[arras.location.page - 1].extract_text()
    assert "211 425 habitants (soit 14,53 % du Pas-de-Calais)" in text
    assert all(f.location.page for f in figures)


def test_french_typography() -> None:
    assert french_typography("2 708 881 € et 1 984,8 km² en 2022") == (
        "2\u202f708\u202f881 € et 1\u202f984,8 km² en 2022"
    )


def test_rendering_is_deterministic(tmp_path, document) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(document, first, LAYOUTS["published"])
    render(document, second, LAYOUTS["published"])
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == shipped_reports()[1].read_bytes()  # the shipped file is current


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated-report.pdf", r"truncated-report\.pdf: not a readable PDF"),
        ("not-a-pdf.pdf", r"not-a-pdf\.pdf: not a PDF \(no %PDF- header\)"),
        ("zero-pages.pdf", r"zero-pages\.pdf: the PDF has no page"),
        ("encrypted-report.pdf", r"encrypted-report\.pdf: the PDF is encrypted"),
    ],
)
def test_hostile_pdfs_get_a_clear_error(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_pdf(DATA / name)


def test_a_hostile_pdf_leaves_the_warehouse_intact(existing_warehouse, tmp_path) -> None:
    before = wh.query(existing_warehouse, "select * from fact_figure order by all")
    bad = tmp_path / "rapport-activites-2022.pdf"
    shutil.copyfile(DATA / "truncated-report.pdf", bad)
    with pytest.raises(SourceError, match="not a readable PDF"):
        steps.stage_report(bad, tmp_path / "staging")
    assert wh.query(existing_warehouse, "select * from fact_figure order by all").equals(before)


@pytest.mark.slow  # renders and reads the compact rendition: `make test-slow`
@pytest.mark.parametrize("rendition", ["published", "compact"])
def test_a_pdf_only_build_equals_a_text_only_build(rendition, compact_pdf, tmp_path) -> None:
    pdf = shipped_reports()[1] if rendition == "published" else compact_pdf
    text_only = build_with_steps([shipped_reports()[0]], tmp_path / "text" / "w.duckdb")
    pdf_only = build_with_steps([pdf], tmp_path / "pdf" / "w.duckdb")
    sql = "select entity_code, indicator_code, value from v_report_figure order by all"
    assert wh.query(pdf_only, sql).equals(wh.query(text_only, sql))
    kinds = wh.query(pdf_only, "select distinct source_kind from v_report_figure")
    assert kinds.source_kind.tolist() == ["pdf"]
    with wh.connect(pdf_only, read_only=False) as con:
        run = run_checks(con)
    assert run.gate() == []  # the PDF alone passes the same gate


def test_pdf_and_text_agree_in_the_built_warehouse(built_warehouse) -> None:
    rows = wh.query(
        built_warehouse,
        "select status, count(*) as n from v_check_result where check_id = 'source__pdf_vs_text' "
        "group by 1",
    )
    facts = wh.query(
        built_warehouse, "select count(*) as n from v_indicator where source_kind = 'text'"
    ).n[0]
    assert rows.to_dict("records") == [{"status": "pass", "n": facts}]


def test_the_first_pass_over_page_ranges_adds_up_to_the_whole() -> None:
    path = shipped_reports()[1]
    seen, sizes = running_counts(path, 1, None)
    first, first_sizes = running_counts(path, 1, 40)
    rest, rest_sizes = running_counts(path, 41, len(sizes))
    assert first + rest == seen
    assert first_sizes + rest_sizes == sizes and min(sizes) > 0
    assert running_from(seen, len(sizes)) == running_texts(path) != frozenset()


def test_processes_get_page_ranges_of_like_cost() -> None:
    sizes = [3000] * 10 + [100] * 20 + [3000] * 10
    assert _balanced(sizes, 2) == [(1, 20), (21, 40)]
    assert _balanced(sizes, 1) == [(1, 40)]
    assert _balanced([5000, 0, 0], 3) == [(1, 1), (2, 2), (3, 3)]  # none empty
    assert _balanced([0, 0, 5000], 2) == [(1, 2), (3, 3)]
    assert _balanced([10], 4) == [(1, 1)]


def test_reading_leaves_the_garbage_collector_as_it_was() -> None:
    read_pages(shipped_reports()[1], 1, 2)
    assert gc.isenabled()
    gc.disable()
    try:
        read_pages(shipped_reports()[1], 1, 2)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_shipped_pdfs_plain_pages_read_alike_by_pdfium_and_pdfplumber(monkeypatch) -> None:
    """Pages 1-12: ten plain pages (pdfium's characters) and two ruled ones (6, 7: pdfplumber
    both ways); every block the same, boxes within a point."""
    import pypdfium2 as pdfium

    from pipelines.read.document import TextLine
    from pipelines.read.pdf_chars import plain_page

    pdf = shipped_reports()[1]
    document = pdfium.PdfDocument(str(pdf))
    plain = [n for n in range(1, 13) if plain_page(document, n - 1) is not None]
    document.close()
    assert plain == [1, 2, 3, 4, 5, 8, 9, 10, 11, 12]
    fast = read_pages(pdf, 1, 12)
    monkeypatch.setattr("pipelines.read.pdf._plain", lambda document, number: None)
    exact = read_pages(pdf, 1, 12)
    assert [(n, runs_on) for n, _, runs_on, *_ in fast] == [(n, r) for n, _, r, *_ in exact]
    blocks = 0
    for (_, ours, *_), (_, theirs, *_) in zip(fast, exact, strict=True):
        assert [kind for kind, _ in ours] == [kind for kind, _ in theirs]
        for (_, a), (_, b) in zip(ours, theirs, strict=True):
            if isinstance(a, TextLine) and isinstance(b, TextLine):
                assert a.text == b.text and a.bold == b.bold and a.indent == b.indent
                assert (
                    a.box
                    and b.box
                    and max(abs(p - q) for p, q in zip(a.box, b.box, strict=True)) < 1
                )
                blocks += 1
            elif isinstance(a, tuple) and isinstance(b, tuple):
                assert a[0] == b[0] and abs(a[1] - b[1]) < 0.01  # a title and its size
            else:
                assert a == b
    assert blocks > 100
