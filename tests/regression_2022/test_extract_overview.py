"""Department overview and the department figures stated in sentences."""

from __future__ import annotations

from pipelines.extract.overview import extract_overview
from pipelines.extract.sentences import extract_sentences
from pipelines.read.text_export import read_text_export


def test_overview_figures(document, indicators, entities) -> None:
    extraction = extract_overview(document, indicators, entities)
    found = {f.indicator_code: (f.value, f.unit, f.location.line) for f in extraction.figures}
    assert found == {
        "cantons_count": (39, "count", 220),
        "territories_count": (8, "count", 222),
        "communes_count": (890, "count", 225),
        "epci_count": (20, "count", 227),
        "population": (1_472_000, "count", 229),
        "road_length_km": (6200, "km", 231),
        "colleges_count": (157, "count", 233),
        "reception_sites_count": (34, "count", 239),
    }
    assert {f.entity_code for f in extraction.figures} == {"62"}
    assert {f.section for f in extraction.figures} == {"UNE PROXIMITÉ QUOTIDIENNE"}
    assert extraction.rejects == []


def test_sentence_figures_keep_every_statement(document, indicators, entities) -> None:
    figures = extract_sentences(document, indicators, entities).figures
    found = sorted((f.indicator_code, f.value, f.location.line) for f in figures)
    # The report repeats the same paragraph on two pages: two statements, both kept; and it
    # states the number of agents three ways (7 000, 6 841, 6 873): all three are data.
    assert found == [
        ("afp_granted_count", 651, 1039),
        ("agents_count", 6841, 4684),
        ("agents_count", 6873, 4696),
        ("agents_count", 7000, 132),
        ("agents_count", 7000, 212),
        ("apa_home_beneficiaries_count", 28841, 933),
        ("budget_eur", 1_870_000_000, 132),
        ("budget_eur", 1_870_000_000, 212),
        ("councillors_count", 78, 132),
        ("councillors_count", 78, 212),
        ("emergency_aid_granted_count", 6354, 1038),
        ("faj_granted_count", 311, 1040),
        ("mandate_orientations_count", 3, 134),  # "assortis de 3 orientations transversales"
        ("mandate_orientations_count", 3, 306),
        ("mdadt_count", 7, 178),
        ("mdadt_count", 7, 281),
        ("mdadt_count", 7, 3066),
        ("mdadt_count", 7, 3510),
        ("mds_count", 9, 138),
        ("mds_count", 9, 280),
        ("mds_count", 9, 904),
        ("mds_count", 9, 1282),
        ("pch_beneficiaries_count", 7724, 934),
        ("pmi_children_seen_count", 7444, 1130),
        ("population", 1_453_934, 1284),
        ("rsa_allocataires_count", 48137, 1028),
        ("territories_count", 8, 136),  # "constitué de 8 territoires", three times
        ("territories_count", 8, 292),
        ("territories_count", 8, 421),
    ]
    budget = next(f for f in figures if f.indicator_code == "budget_eur")
    assert budget.source_span == "1,87 milliard d'euros"


def test_overview_without_figures_is_a_changed_layout(report_copy, indicators, entities) -> None:
    text = report_copy.read_text(encoding="utf-8")
    report_copy.write_text(
        text.replace("\n890 communes\n", "\nde nombreuses communes\n")
        .replace("\n39 cantons\n", "\n")
        .replace("\n8 territoires\n", "\n")
        .replace("\n20 EPCI\n", "\n")
        .replace("\n1 472 000 habitants\n", "\n")
        .replace("\n6 200 km de routes départementales\n", "\n")
        .replace("\n157 collèges publics et privés\n", "\n")
        .replace("\n34 sites d'accueil", "\nDes sites d'accueil"),
        encoding="utf-8",
    )
    extraction = extract_overview(read_text_export(report_copy), indicators, entities)
    [block] = extraction.blocks
    assert (block.block_id, block.status) == ("overview:62", "missing")
    assert "key figures of the department overview (layout changed?) not found" in block.message
    assert "section 'UNE PROXIMITÉ QUOTIDIENNE' at" in block.message


def test_a_missing_overview_is_a_missing_block(report_copy, indicators, entities) -> None:
    text = report_copy.read_text(encoding="utf-8")
    report_copy.write_text(text.replace("UNE PROXIMITÉ QUOTIDIENNE", "Proximité"), encoding="utf-8")
    extraction = extract_overview(read_text_export(report_copy), indicators, entities)
    assert extraction.figures == []
    [block] = extraction.blocks
    assert (block.block_id, block.status, block.rows_found) == ("overview:62", "missing", 0)
    assert block.message == (
        "department overview (section titled 'UNE PROXIMITÉ QUOTIDIENNE') not found "
        "(searched lines 1-5007)"
    )


def test_the_overview_title_is_matched_by_its_words(report_copy, indicators, entities) -> None:
    text = report_copy.read_text(encoding="utf-8")
    report_copy.write_text(
        text.replace("UNE PROXIMITÉ QUOTIDIENNE", "UNE PROXI- MITE QUOTIDIENE"), encoding="utf-8"
    )
    extraction = extract_overview(read_text_export(report_copy), indicators, entities)
    assert len(extraction.figures) == 8
    [block] = extraction.blocks
    assert block.status == "complete" and block.title_score is not None
    assert 90 <= block.title_score < 100
