"""Territory profiles: every figure of the 7 profiles, and layout changes that must not mislabel."""

from __future__ import annotations

import csv
from pathlib import Path

from pipelines.extract.territories import extract_territory_profiles
from pipelines.read.text_export import read_text_export

GOLDEN = Path(__file__).parents[1] / "golden" / "territory_profiles.csv"


def _rows(extraction) -> list[dict[str, str]]:
    return [
        {
            "entity_code": f.entity_code,
            "indicator_code": f.indicator_code,
            "value": repr(f.value),
            "unit": f.unit,
            "qualifier": f.qualifier or "",
            "line": str(f.location.line),
            "source_span": f.source_span,
        }
        for f in extraction.figures
    ]


def test_profiles_match_the_golden_file(document, indicators, entities) -> None:
    """The golden file was checked by hand against the report, line by line."""
    with GOLDEN.open(encoding="utf-8") as handle:
        golden = list(csv.DictReader(handle))
    extraction = extract_territory_profiles(document, indicators, entities)
    assert _rows(extraction) == golden
    assert extraction.rejects == []


def test_each_figure_comes_from_its_line(document, indicators, entities, report_lines) -> None:
    for figure in extract_territory_profiles(document, indicators, entities).figures:
        assert figure.location.line is not None  # the text export: every figure has its line
        line_text = report_lines[figure.location.line - 1]
        assert figure.source_text == line_text.strip()
        assert figure.source_span in line_text
        assert figure.section.startswith("Temps forts 2022")


def test_arrageois_profile(document, indicators, entities) -> None:
    figures = {
        f.indicator_code: f
        for f in extract_territory_profiles(document, indicators, entities).figures
        if f.entity_code == "62-arrageois"
    }
    assert figures["population"].value == 211_425
    assert (
        figures["population"].source_text == "- ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)"
    )
    assert figures["population_share_pct"].value == 14.53
    assert figures["area_km2"].value == 1984.8
    assert figures["density_per_km2"].value == 106.5
    assert figures["farda_eligible_communes_count"].value == 240
    assert figures["road_length_km"].value == 1450


def test_qualified_figures_stay_qualified(document, indicators, entities) -> None:
    artois = [
        f
        for f in extract_territory_profiles(document, indicators, entities).figures
        if f.entity_code == "62-artois" and f.qualifier
    ]
    assert {(f.indicator_code, f.value, f.qualifier) for f in artois} == {
        ("population", 288_000, "at_least"),
        ("area_km2", 700, "at_least"),
    }


def test_epci_names_are_listed_in_order(document, indicators, entities) -> None:
    mentions = extract_territory_profiles(document, indicators, entities).epci_mentions
    calaisis = [m.epci_name for m in mentions if m.territory_code == "62-calaisis"]
    assert calaisis == [
        "Grand Calais Terres et Mers",
        "Communauté de communes de la Région d'Audruicq",
        "Communauté de communes de Pays d'Opale",
    ]
    assert [m.epci_name for m in mentions if m.territory_code == "62-lens-henin"] == [
        "CALL",
        "CAHC",
    ]
    assert len(mentions) == 20


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _by_code(extraction, entity_code: str) -> dict[str, float | None]:
    return {f.indicator_code: f.value for f in extraction.figures if f.entity_code == entity_code}


def test_reordered_profile_gives_the_same_figures(report_copy, indicators, entities) -> None:
    before = _by_code(
        extract_territory_profiles(read_text_export(report_copy), indicators, entities),
        "62-audomarois",
    )
    population = "- ⇒ 129 339 habitants (soit 8.8 % du Pas-de-Calais)\n"
    area = "- ⇒ 690.3 km² (soit 10,3 % du Pas-de-Calais)\n"
    _replace(report_copy, population + area, area + population)
    after = _by_code(
        extract_territory_profiles(read_text_export(report_copy), indicators, entities),
        "62-audomarois",
    )
    assert after == before


def test_an_extra_unknown_line_is_rejected_not_mislabelled(
    report_copy, indicators, entities
) -> None:
    _replace(report_copy, "- ⇒ 9 collèges\n", "- ⇒ 9 collèges\n- ⇒ 12 piscines\n")
    extraction = extract_territory_profiles(read_text_export(report_copy), indicators, entities)
    assert _by_code(extraction, "62-audomarois")["colleges_count"] == 9
    [reject] = extraction.rejects
    assert reject.reason == "no catalog indicator for label 'piscines' with unit count"
    assert reject.source_text == "- ⇒ 12 piscines"
    assert reject.entity_code == "62-audomarois"
    assert reject.value == 12


def test_an_unknown_territory_is_rejected_with_its_figures(
    report_copy, indicators, entities
) -> None:
    _replace(report_copy, "Temps forts 2022 en Calaisis...", "Temps forts 2022 en Flandre...")
    _replace(report_copy, "Temps forts 2022 en Boulonnais...", "Temps forts 2022 en Calaisis...")
    extraction = extract_territory_profiles(read_text_export(report_copy), indicators, entities)
    missing = [b for b in extraction.blocks if b.status == "missing"]
    assert [b.block_id for b in missing] == ["profile:62-boulonnais"]
    assert {r.reason for r in extraction.rejects} == {"unknown territory 'Flandre'"}


def test_a_truncated_export_names_the_missing_profiles(indicators, entities) -> None:
    truncated = read_text_export(Path(__file__).parents[1] / "data" / "truncated-export.txt")
    extraction = extract_territory_profiles(truncated, indicators, entities)
    missing = {b.block_id: b.message for b in extraction.blocks if b.status == "missing"}
    assert sorted(missing) == [
        "profile:62-boulonnais", "profile:62-calaisis", "profile:62-lens-henin",
        "profile:62-montreuillois-ternois",
    ]  # fmt: skip
    assert missing["profile:62-calaisis"] == (
        "profile of territory Calaisis (a section whose title names it, with an inhabitants "
        "line) not found (searched lines 1-699)"
    )
    found = [b for b in extraction.blocks if b.status != "missing"]
    assert len(found) == 3 and all(b.title_score == 100 for b in found)


def test_a_profile_set_in_boxes_spaced_apart_is_one_run() -> None:
    from pipelines.extract.territories import profile_runs
    from pipelines.read.document import Location, Section, Table, TextLine

    def line(text: str, number: int, starts_group: bool) -> TextLine:
        return TextLine(text, Location("r.pdf", page=13, line=number), starts_group=starts_group)

    # each key figure in a box of its own: a wider gap before each, the same "- " marker
    lines = [
        line("- 149 549 Habitants (soit 10,2% du Pas-de-Calais)", 1, False),
        line("- 266 Communes", 2, True),
        line("- 14 Collèges", 3, True),
        line("Février - La tempête Eunice - Des dégâts sur les couvertures", 4, True),
        line("- 12 octobre : 3 ateliers", 5, True),
        line("- 1 : CA du Calaisis", 6, True),  # a map legend after a gap stands apart
    ]
    title = "Temps forts 2022 en Montreuillois -Ternois..."
    section = Section(title, lines[0].location, list[TextLine | Table](lines))
    runs = [[ln.location.line for ln in run] for run in profile_runs(section)]
    assert runs == [[1, 2, 3], [5], [6]]


def test_a_reworded_item_does_not_split_the_profile(report_copy, indicators, entities) -> None:
    """Next year's wording of one item ("Une superficie de ..., soit ...", the label before
    a number in words) is read, and the items after it stay in the profile."""
    _replace(
        report_copy,
        "- 2 018,6 Km² (soit 30,1% du Pas-de-Calais)\n",
        "- Une superficie de 2 018,6 km², soit 30,1 % de la surface du Pas-de-Calais\n",
    )
    _replace(report_copy, "- 424 ouvrages d'art\n", "- Ouvrages d'art : quatre cent vingt-sept\n")
    extraction = extract_territory_profiles(read_text_export(report_copy), indicators, entities)
    profile = _by_code(extraction, "62-montreuillois-ternois")
    assert profile["area_km2"] == 2018.6
    assert profile["area_share_pct"] == 30.1
    assert profile["engineering_structures_count"] == 427
    assert profile["basins_count"] == 49  # the line after the reworded ones
    assert profile["population"] == 149549


def test_a_profile_whose_inhabitants_line_is_reworded_is_read(
    report_copy, indicators, entities
) -> None:
    """Lines 850 and 856 as tests/data/reworded-29 words them: the inhabitants line, the
    profile's first, no longer reads as a key figure ("Un territoire peuplé de ..."). The
    run after it is still the profile (its other items are read, the basins and the
    engineering structures with them); the inhabitants are not the profile's."""
    _replace(
        report_copy,
        "- 149 549 Habitants (soit 10,2% du Pas-de-Calais)\n",
        "- Un territoire peuplé de 149 612 habitants, ce qui représente 10,16 % de la"
        " population du Pas-de-Calais\n",
    )
    _replace(
        report_copy,
        "- 28 Bâtiments départementaux\n",
        "- Le territoire accueille trente et un bâtiments départementaux\n",
    )
    extraction = extract_territory_profiles(read_text_export(report_copy), indicators, entities)
    profile = _by_code(extraction, "62-montreuillois-ternois")
    assert profile["basins_count"] == 49
    assert profile["engineering_structures_count"] == 424
    assert profile["area_km2"] == 2018.6
    assert "population" not in profile
    assert any(b.block_id == "profile:62-montreuillois-ternois" for b in extraction.blocks)


def test_a_bullet_that_is_no_key_figure_stays_in_its_run_as_a_reject() -> None:
    from pipelines.extract.territories import profile_runs
    from pipelines.read.document import Location, Section, Table, TextLine

    def line(text: str, number: int) -> TextLine:
        return TextLine(text, Location("r.txt", line=number), starts_group=number == 1)

    lines = [
        line("- 149 549 Habitants (soit 10,2% du Pas-de-Calais)", 1),
        line("- Le territoire a perdu 2 % de ses habitants depuis 2015 selon l'INSEE", 2),
        line("- 266 Communes", 3),
        line("Texte courant sans figure.", 4),
        line("- 14 Collèges", 5),
    ]
    section = Section("Un territoire", lines[0].location, list[TextLine | Table](lines))
    runs = [[ln.location.line for ln in run] for run in profile_runs(section)]
    assert runs == [[1, 2, 3], [5]]
