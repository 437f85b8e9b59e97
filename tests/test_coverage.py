"""Coverage of the numbers of the report's blocks."""

from __future__ import annotations

import re

from pipelines.cli import main
from pipelines.coverage import measure
from pipelines.extract.report import extract_report
from pipelines.extract.tokens import ignorable_reason
from pipelines.staging import to_staging
from pipelines.validate import validate_staging


def test_coverage_of_the_shipped_report(document, indicators, entities) -> None:
    extraction = extract_report(document, indicators, entities)
    coverage = measure(document, extraction, validate_staging(to_staging(document, extraction)))
    assert coverage.ratio >= 0.98
    assert len(coverage.tokens) > 700
    [leftover] = coverage.leftovers()  # the newsletter name "6.2", refused by the schema
    assert (leftover.line, leftover.text, leftover.status) == (4617, "6.2", "rejected")
    counts = coverage.counts()
    assert counts["cell or canton number (organisation table)"] >= 40  # its 40 cells
    assert counts["year"] >= 5


def test_the_coverage_command_prints_the_ratio_and_gates(capsys) -> None:
    report = ["--report", "raw/report/rapport-activites-2022.txt"]
    assert main(["coverage", *report]) == 0
    out = capsys.readouterr().out
    head = re.match(r"rapport-activites-2022\.txt: (\d+) of (\d+) numeric tokens accounted", out)
    assert head is not None
    assert int(head[1]) == int(head[2]) - 1
    assert "line 4617: '6.2'" in out
    assert main(["coverage", *report, "--min-ratio", "1.0"]) == 1


def test_coverage_of_the_pdf(pdf_document, indicators, entities) -> None:
    extraction = extract_report(pdf_document, indicators, entities)
    coverage = measure(
        pdf_document, extraction, validate_staging(to_staging(pdf_document, extraction))
    )
    assert coverage.ratio >= 0.98
    [leftover] = coverage.leftovers()
    assert (leftover.text, leftover.status) == ("6.2", "rejected") and leftover.page > 0


def test_ignorable_numbers() -> None:
    def reason(text: str, token: str) -> str | None:
        start = text.index(token)
        return ignorable_reason(text, start, start + len(token))

    assert reason("programme national de contrôle 2022-2024.", "2022") == "year"
    assert reason("Le 8 décembre 2022, les agents", "8") == "date"
    assert reason("valides au 31/12", "31") == "date"
    assert reason("appeler le 03 21 45 28 30", "21") == "phone number"
    assert reason("- 12 : CA Grand Calais", "12") == "list or map marker"
    assert reason("les moins de 26 ans", "26") == "age or duration in a label"
    assert reason("la Terre des 2 Caps", "2") == "inside a name"
    assert reason("35 551 demandes", "35 551") is None
