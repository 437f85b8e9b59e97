"""Reading the text export into the document model, and refusing damaged exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.document import Table, TextLine
from pipelines.readers import SourceError
from pipelines.readers.text_export import is_heading, read_text_export

DATA = Path(__file__).parent / "data"


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
        assert report_lines[line.location.line - 1].strip() == line.text


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
def test_heading_shapes(text: str, expected: bool) -> None:
    assert is_heading(text) is expected


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
