"""MDS and MDADT tables: the same code for the same row in every office, and missing tables."""

from __future__ import annotations

import pytest

from pipelines.extract.office_tables import extract_office_tables
from pipelines.read.text_export import read_text_export


@pytest.fixture(scope="module")
def offices(document, indicators, entities):
    return extract_office_tables(document, indicators, entities)


def _values(extraction, entity_code: str) -> dict[str, float]:
    return {f.indicator_code: f.value for f in extraction.figures if f.entity_code == entity_code}


def test_every_present_mds_table_has_all_17_rows(offices, indicators) -> None:
    rows = {i.code for i in indicators.table_rows("mds_activity")}
    assert len(rows) == 17
    present = [
        "62-mds-arrageois",
        "62-mds-artois",
        "62-mds-audomarois",
        "62-mds-boulonnais",
        "62-mds-calaisis",
        "62-mds-henin-carvin",
        "62-mds-montreuillois",
        "62-mds-ternois",
    ]
    for code in present:
        assert set(_values(offices, code)) == rows, code


def test_mds_arrageois_table_as_printed(offices, report_lines) -> None:
    values = _values(offices, "62-mds-arrageois")
    assert values["rsa_allocataires_count"] == 4538  # "(RSA) : 4538 allocataires du RSA"
    assert values["fsl_aids_granted_count"] == 428
    assert values["visits_in_person_count"] == 14_747  # "Accueils physiques,\t14 747"
    assert values["phone_calls_count"] == 51_026
    assert values["staff_fte"] == 162.68  # written with a decimal dot
    staff = next(
        f
        for f in offices.figures
        if f.entity_code == "62-mds-arrageois" and f.indicator_code == "staff_fte"
    )
    assert staff.unit == "fte"
    assert report_lines[staff.location.line - 1] == "Equivalents Temps Plein (ETP)\t162.68"


def test_a_table_broken_into_fragments_is_read_whole(offices) -> None:
    """The Montreuillois table is split by headings and rule lines in the export."""
    values = _values(offices, "62-mds-montreuillois")
    assert values["rsa_allocataires_count"] == 2219  # a plain line, not a table row
    assert values["pmi_children_seen_count"] == 1340
    assert values["staff_fte"] == 108.78


def test_the_missing_lens_lievin_table_is_a_finding_not_figures(offices) -> None:
    assert _values(offices, "62-mds-lens-lievin") == {}
    [record] = [b for b in offices.blocks if b.block_id == "mds_activity:62-mds-lens-lievin"]
    assert (record.status, record.rows_found, record.location) == ("missing", 0, None)
    assert record.message == (
        "expected table mds_activity of MDS de Lens-Liévin not found in the source"
    )


def test_mdadt_tables(offices) -> None:
    arras = _values(offices, "62-mdadt-arrageois")
    assert arras["subsidies_paid_eur"] == 2_708_881
    assert arras["payment_credits_roads_investment_eur"] == 4_228_736
    assert arras["payment_credits_roads_operating_eur"] == 793_616
    assert arras["payment_credits_buildings_investment_eur"] == 1_414_850  # "1 414 850€"
    assert arras["projects_farda_equipment_count"] == 90
    # "/" means no figure: no fact, and not a zero either
    assert "projects_town_centre_count" not in arras
    montreuil = _values(offices, "62-mdadt-montreuillois-ternois")
    assert (montreuil["operation_teams_count"], montreuil["cer_count"]) == (20, 12)  # "20 (12 CER)"
    assert all(b.status == "complete" for b in offices.blocks if b.block_id.startswith("mdadt"))


def test_rows_differ_between_mdadt_and_keep_their_codes(offices) -> None:
    boulonnais = _values(offices, "62-mdadt-boulonnais")
    assert boulonnais["projects_bridges_banks_count"] == 1  # "Ponts et Berges\t1"
    assert "projects_bridges_banks_count" not in _values(offices, "62-mdadt-arrageois")


def test_an_unknown_row_is_rejected_not_dropped(report_copy, indicators, entities) -> None:
    text = report_copy.read_text(encoding="utf-8")
    report_copy.write_text(
        text.replace("Alignements délivrés\t483\n", "Alignements délivrés\t483\nPiscines\t4\n", 1),
        encoding="utf-8",
    )
    extraction = extract_office_tables(read_text_export(report_copy), indicators, entities)
    [reject] = extraction.rejects
    assert reject.reason == "no catalog row for 'Piscines' in the mdadt tables"
    assert reject.entity_code == "62-mdadt-arrageois"
    assert _values(extraction, "62-mdadt-arrageois")["alignments_count"] == 483


def test_an_unreadable_cell_is_rejected_with_the_reader_message(
    report_copy, indicators, entities
) -> None:
    text = report_copy.read_text(encoding="utf-8")
    report_copy.write_text(
        text.replace("Alignements délivrés\t483", "Alignements délivrés\t483 parsecs", 1),
        encoding="utf-8",
    )
    extraction = extract_office_tables(read_text_export(report_copy), indicators, entities)
    [reject] = extraction.rejects
    assert reject.reason == "unknown unit 'parsecs' after the figure in '483 parsecs'"
    assert reject.indicator_code == "alignments_count"
