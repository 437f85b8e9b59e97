"""Coverage of every number of the report, and the rules that ignore some with a reason."""

from __future__ import annotations

import re

from pipelines.check.coverage import measure
from pipelines.extract.report import extract_report
from pipelines.extract.staging import to_staging
from pipelines.read.numbers import ignorable_reason
from pipelines.run.cli import main
from pipelines.validate.tables import validate_staging


def test_coverage_of_the_shipped_report(document, indicators, entities) -> None:
    """Every numeric token of the export, prose included, is a figure or has a reason."""
    extraction = extract_report(document, indicators, entities)
    coverage = measure(document, extraction, validate_staging(to_staging(document, extraction)))
    assert len(coverage.tokens) > 1800  # the whole document, not only its blocks
    assert coverage.ratio >= 0.97
    assert coverage.unclassified() == []
    counts = coverage.counts()
    assert counts["fact"] > 1000
    assert counts["cell or canton number (organisation table)"] >= 40  # its 40 cells
    assert counts["year"] >= 200 and counts["page or menu number"] >= 50
    rejected = {t.reason for t in coverage.leftovers()}
    assert rejected == {"no noun phrase names what the figure counts"}
    sections = {section for section, _, _ in coverage.by_section()}
    assert {"MDS du Calaisis", "MDADT du Boulonnais", "SOMMAIRE"} <= sections


def test_the_coverage_command_prints_the_ratio_and_gates(capsys) -> None:
    report = ["--report", "raw/report/rapport-activites-2022.txt"]
    assert main(["coverage", *report]) == 0
    out = capsys.readouterr().out
    head = re.match(
        r"rapport-activites-2022\.txt: (\d+) of (\d+) numeric tokens accounted for "
        r"\(\d+\.\d+%\), 0 unclassified",
        out,
    )
    assert head is not None
    assert int(head[1]) >= 0.97 * int(head[2])
    assert "by reason:" in out and "by section (tokens, accounted for):" in out
    assert "(rejected: no noun phrase names what the figure counts)" in out
    assert main(["coverage", *report, "--min-ratio", "1.0"]) == 1


def test_coverage_of_the_pdf(pdf_document, indicators, entities) -> None:
    extraction = extract_report(pdf_document, indicators, entities)
    coverage = measure(
        pdf_document, extraction, validate_staging(to_staging(pdf_document, extraction))
    )
    assert len(coverage.tokens) > 1800
    assert coverage.ratio >= 0.97
    assert coverage.unclassified() == []
    assert all(t.page > 0 for t in coverage.tokens)


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
    assert reason("le planétarium 3D", "3") == "name or code containing digits"
    assert reason("la RD 917 à Carvin", "917") == "name or code containing digits"
    assert reason("et la MMU 103 000 €", "103 000 €") is None  # an amount, no code
    # line 4485: the kinds of partners a SCIC's status requires, not a figure of the year
    assert reason("avec trois types d'associés obligatoires répartis", "trois") == (
        "rule or requirement"
    )
    assert reason("3 types d'ateliers obligatoires ont été suivis", "3") is None
    # line 2219: the five kinds of discrimination its sentence names, counted: a typology
    typology = "Le handicap, l'origine, l'apparence, l'âge et la religion sont les 5 grandes"
    assert reason(f"{typology} discriminations", "5") == "kinds listed by name"
    assert reason("Lens et Liévin sont les 5 communes retenues", "5") is None  # 2 named, not 5
    assert reason("Le 6263, un support", "6263") == "name or code containing digits"
    assert reason("communes de - 2 000 habitants", "2 000") == "threshold or condition"
    assert reason("17 et 18 septembre - Journées", "17") == "date"
    assert reason("voir https://mdphenligne.cnsa.fr/mdph/62", "62") == "web address"
    assert reason("l'article 12 de la loi", "12") == "law, article or reference number"
    assert reason("à Merville (km 40)", "40") == "kilometre marker"
    assert reason("deux fois 125 collèges", "125") is None
