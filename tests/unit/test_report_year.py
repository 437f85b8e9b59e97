"""The report year, read from the document before its file name, and said where from."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.read import SourceError
from pipelines.read.report_year import report_year

NAMELESS = Path("rapport.txt")


@pytest.mark.parametrize(
    ("text", "year", "source"),
    [
        ("RAPPORT ANNUEL 2022\nLe Département ...", 2022, "the title 'RAPPORT ANNUEL 2022'"),
        (
            "RAPPORT ANNUEL DU DÉPARTEMENT 2022\n",
            2022,
            "the title 'RAPPORT ANNUEL DU DÉPARTEMENT 2022'",
        ),
        ("Rapport d'activité 2023\n", 2023, 'the title "Rapport d\'activité 2023"'),
        ("62\nPas-de-Calais\nRAPPORT D'ACTIVITÉS\n- ANNÉE 2022\n", 2022, "the title 'ANNÉE 2022'"),
        ("Mon Département\n2021\nSolidarités", 2021, "the cover's '2021'"),
        # a sentence of the body that names another year is no title
        (
            "Mon Département\n2022\nLe rapport d'activité 2021 avait montré",
            2022,
            "the cover's '2022'",
        ),
        ("COUVERTURE\n2022\nPar rapport à l'année 2021, le nombre", 2022, "the cover's '2022'"),
    ],
)
def test_the_year_is_read_from_the_title_or_the_cover(text: str, year: int, source: str) -> None:
    found = report_year(text, Path("rapport-activites-2019.txt"))
    assert (found.year, found.source) == (year, source)


def test_else_the_year_the_text_names_clearly_most_often() -> None:
    body = "Le Département en 2024.\n" * 8 + "Les projets de 2025.\n" * 3
    found = report_year("Un rapport\n" + body, NAMELESS)
    assert (found.year, found.source) == (2024, "the most frequent year of the text (8 times)")
    even = "En 2024.\n" * 5 + "En 2025.\n" * 4  # no year clearly first: not a guess
    with pytest.raises(SourceError):
        report_year(even, NAMELESS)


def test_else_the_file_name_and_else_a_clear_error_naming_what_was_tried() -> None:
    found = report_year("Un rapport sans année", Path("ra-2019.txt"))
    assert (found.year, found.source) == (2019, "the file name 'ra-2019.txt'")
    with pytest.raises(SourceError) as refused:
        report_year("Un rapport sans année", NAMELESS)
    message = str(refused.value)
    assert message.startswith("rapport.txt: cannot tell the report year: no title such as")
    for tried in ("no year alone on the cover", "clearly most often", "no year in the file name"):
        assert tried in message


def test_a_year_read_from_the_name_follows_the_file_when_it_is_renamed(tmp_path) -> None:
    from pipelines.read.text_export import read_text_export
    from pipelines.run.steps import _year_still_holds

    export = tmp_path / "notes-2021.txt"
    export.write_text("LA CULTURE\nLe Département a financé 42 projets.\n", encoding="utf-8")
    document = read_text_export(export)
    assert (document.report_year, document.year_source) == (2021, "the file name 'notes-2021.txt'")
    cached = {"report_year": 2021, "year_source": document.year_source}
    assert _year_still_holds(cached, tmp_path / "notes-2021-copie.txt")
    assert not _year_still_holds(cached, tmp_path / "notes-2023.txt")  # extracted again
    by_title = {"report_year": 2022, "year_source": "the title 'ANNÉE 2022'"}
    assert _year_still_holds(by_title, tmp_path / "notes-2023.txt")  # the content says it
