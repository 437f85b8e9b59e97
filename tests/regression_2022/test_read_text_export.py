"""Reading the text export into the document model, and refusing damaged exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.read import SourceError
from pipelines.read.document import Table, TextLine
from pipelines.read.text_export import is_heading, read_text_export, split_markup

DATA = Path(__file__).parents[1] / "data"


def test_report_year_and_hash(document, report_path) -> None:
    import hashlib

    assert document.report_year == 2022
    assert document.sha256 == hashlib.sha256(report_path.read_bytes()).hexdigest()
    assert document.source_file == "rapport-activites-2022.txt"


def test_every_territory_profile_is_a_section(document) -> None:
    titles = [s.title for s in document.sections if s.title.startswith("Temps forts 2022")]
    assert titles == [
        "Temps forts 2022 en Arrageois...",
        "Temps forts 2022 en Artois...",
        "Temps forts 2022 en Audomarois...",
        "Temps forts 2022 en Boulonnais...",
        "Temps forts 2022 en Calaisis...",
        "Temps forts 2022 à Lens - Hénin...",
        "Temps forts 2022 en Montreuillois -Ternois...",
    ]


def test_lines_keep_their_line_number(document, report_lines) -> None:
    for _section, line in document.lines():
        assert report_lines[line.location.line - 1].strip() == line.source_text


def test_bold_markup_becomes_a_field(document) -> None:
    """Extractors read words and fields, never the export's `**` markup; the line as the
    file has it stays the provenance."""
    line = next(line for _, line in document.lines() if line.location.line == 2353)
    assert line.source_text.startswith("Soutien aux structures culturelles : **5,1 millions €**")
    assert line.text.startswith("Soutien aux structures culturelles : 5,1 millions € finançant 8")
    assert [line.text[start:end] for start, end in line.bold] == ["5,1 millions €", "8", "11", "21"]
    assert not any("**" in line.text for _, line in document.lines())
    # the menu of each MDS page; the Calaisis page's (and the next page's) names it in bold
    menu = [line for _, line in document.lines() if line.text == "- MDS du Calaisis"]
    bold = [line.location.line for line in menu if line.is_bold(2, len(line.text))]
    assert len(menu) > 8 and bold == [1683, 1731]


def test_a_cell_gives_its_words_and_keeps_its_tags_as_provenance(
    document, indicators, entities
) -> None:
    from pipelines.extract.organisation import extract_organisation

    [row] = [
        row
        for _, block in document.blocks()
        if isinstance(block, Table)
        for row in block.rows
        if row.location.line == 247
    ]
    assert row.cells[0] == (
        "1 AUDOMAROIS Vice-président Jean-Claude DISSAUX Présidente de commission Florence WOZNY"
    )
    assert row.source_cells[0].startswith("<p>1</p> <p>AUDOMAROIS Vice-président</p> Jean")
    mentions = extract_organisation(document, indicators, entities).councillor_mentions
    first = next(m for m in mentions if m.location.line == 247 and m.cell_number == 1)
    assert (first.prenom, first.nom, first.cell_label) == ("Jean-Claude", "DISSAUX", "AUDOMAROIS")
    assert first.source_text == row.source_cells[0]


@pytest.mark.parametrize(
    ("text", "words", "bold"),
    [
        ("- ◆ **35 551** demandes", "- ◆ 35 551 demandes", ["35 551"]),
        ("**2,6 millions €**: **162**", "2,6 millions €: 162", ["2,6 millions €", "162"]),
        ("**1** <p>ARRAGEOIS</p> Zohra", "1 ARRAGEOIS Zohra", ["1"]),
        ("<p>1</p><p>ARRAGEOIS</p>Zohra", "1 ARRAGEOIS Zohra", []),  # a tag separates words
        ("**a**<br>**b**", "a b", ["a", "b"]),
        ("une ligne **sans fin", "une ligne sans fin", ["sans fin"]),  # left open: to the end
        ("****", "", []),
        ("__gras__ et **gras**", "gras et gras", ["gras", "gras"]),
    ],
)
def test_split_markup(text: str, words: str, bold: list[str]) -> None:
    plain, spans = split_markup(text)
    assert plain == words
    assert [plain[start:end] for start, end in spans] == bold


def test_tab_lines_become_tables_with_cells(document, report_lines) -> None:
    tables = [b for s in document.sections for b in s.blocks if isinstance(b, Table)]
    rows = [row for table in tables for row in table.rows]
    # every TAB line is a row, except Markdown rules such as "--<TAB>-----"
    tab_lines = [
        n
        for n, text in enumerate(report_lines, start=1)
        if "\t" in text and set(text) - set("-\t |")
    ]
    assert sorted(r.location.line or 0 for r in rows) == tab_lines
    first_mds_row = next(r for r in rows if r.cells[0].startswith("Aides accordées"))
    assert first_mds_row.cells == (
        "Aides accordées (Accès à un Logement Identifié / Maintien / Eau Électricité Tél)",
        "428",
    )
    assert first_mds_row.location.line == 1323


def test_markdown_rules_between_table_rows_are_layout(tmp_path) -> None:
    export = tmp_path / "rapport-activites-2022.txt"
    export.write_text("TITRE DE TABLEAU\nA\tB\n---|---\n1\t2\n\nfin\n", encoding="utf-8")
    [section] = [s for s in read_text_export(export).sections if s.title == "TITRE DE TABLEAU"]
    [table, tail] = section.blocks
    assert isinstance(table, Table) and isinstance(tail, TextLine)
    assert [r.cells for r in table.rows] == [("A", "B"), ("1", "2")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UNE PROXIMITÉ QUOTIDIENNE", True),
        ("Temps forts 2022 en Arrageois...", True),
        ("Les chiffres clés de la politique sportive", True),
        ("(DÉCEMBRE 2022)", False),
        ("Légende", False),
        ("- ANNÉE 2022 -", False),
        ("890 communes", False),
        ("INCLUSION SOCIALE ET LOGEMENT\t", False),
    ],
)
def test_heading_shapes(text: str, expected: bool, entities) -> None:
    assert is_heading(text, entities.structure) is expected


def test_recurring_titles_are_the_departement_catalogs() -> None:
    """Without a catalog's structure, a title is a title by its shape alone."""
    assert is_heading("UNE PROXIMITÉ QUOTIDIENNE") is True
    assert is_heading("Les chiffres clés de la politique sportive") is False


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("reencoded-latin1-export.txt", r"not valid UTF-8 at byte \d+"),
        ("double-encoded-export.txt", r"double-encoded"),
        ("not-a-text-export.txt", r"binary content"),
        ("empty-export.txt", r"empty file"),
        ("no-such-export.txt", r"no such file"),
    ],
)
def test_damaged_exports_get_a_clear_error_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message) as raised:
        read_text_export(DATA / name)
    assert name in str(raised.value)
