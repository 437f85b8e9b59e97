"""The entity catalog: every code carries its département, declared once, so that two
départements' entities never collide, in the catalog and in the built warehouse."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pipelines.load import warehouse as wh
from schemas.catalog import CatalogError, departement_file, parse_entity_catalog


@pytest.fixture
def catalog_data() -> dict:
    """The shipped catalog file, as data to alter."""
    return yaml.safe_load(departement_file("62").read_text(encoding="utf-8"))


def _as_departement(data: dict, code: str | int) -> dict:
    other = copy.deepcopy(data)
    other["department"]["code"] = code
    return other


def test_codes_are_qualified_with_the_departement(entities) -> None:
    assert entities.department.code == "62"
    codes: dict[str, list[str]] = {e.entity_type: [] for e in entities.entities.values()}
    for entity in entities.entities.values():
        codes[entity.entity_type].append(entity.code)
        assert entity.departement_code == "62"
    assert codes["department"] == ["62"]
    assert codes["territory"][0] == "62-arrageois"
    assert "62-mds-lens-lievin" in codes["mds"]
    assert "62-mdadt-montreuillois-ternois" in codes["mdadt"]
    for entity in entities.entities.values():
        if entity.entity_type != "department":
            assert entity.code == f"62-{entity.slug}"
    mds = entities.by_slug("mds", "mds-henin-carvin")
    assert mds is not None and mds.parent_code == "62-lens-henin"
    assert entities.by_slug("territory", "62-lens-henin") is None  # slugs are short
    assert entities.find("territory", "Lens - Hénin").code == "62-lens-henin"


def test_two_departements_with_the_same_names_never_share_a_code(catalog_data) -> None:
    ours = parse_entity_catalog(catalog_data)
    theirs = parse_entity_catalog(_as_departement(catalog_data, "59"))
    assert {e.slug for e in ours.entities.values() if e.entity_type != "department"} == {
        e.slug for e in theirs.entities.values() if e.entity_type != "department"
    }  # the same short names ("artois" ...)
    assert set(ours.entities).isdisjoint(theirs.entities)
    ours_artois = ours.find("territory", "Artois")
    theirs_artois = theirs.find("territory", "Artois")
    assert ours_artois is not None and ours_artois.code == "62-artois"
    assert theirs_artois is not None and theirs_artois.code == "59-artois"
    theirs_mds = theirs.by_slug("mds", "mds-artois")
    assert theirs_mds is not None and theirs_mds.parent_code == "59-artois"
    for entity in theirs.entities.values():
        assert entity.departement_code == "59"
        assert entity.code == "59" or entity.code.startswith("59-")
    # both in one dim_entity: one row per code
    rows = [*ours.entities.values(), *theirs.entities.values()]
    assert len({e.code for e in rows}) == len(rows) == 2 * len(ours.entities)


def test_an_inconsistent_catalog_is_refused(catalog_data) -> None:
    with pytest.raises(CatalogError, match="not a département code"):
        parse_entity_catalog(_as_departement(catalog_data, 62))  # unquoted in YAML: an int
    twice = copy.deepcopy(catalog_data)
    twice["mds"].append(dict(twice["mds"][0]))
    with pytest.raises(CatalogError, match="'62-mds-arrageois' is declared twice"):
        parse_entity_catalog(twice)
    qualified = copy.deepcopy(catalog_data)
    qualified["mdadt"][0]["territory"] = "62-arrageois"  # a slug, not a code
    with pytest.raises(CatalogError, match="unknown territory '62-arrageois'"):
        parse_entity_catalog(qualified)
    upper = copy.deepcopy(catalog_data)
    upper["territories"][0]["slug"] = "Arrageois"
    with pytest.raises(CatalogError, match="slug 'Arrageois'"):
        parse_entity_catalog(upper)


def _rows(path: Path, sql: str) -> list[tuple]:
    return [tuple(row) for row in wh.query(path, sql).itertuples(index=False)]


def test_every_entity_code_of_the_warehouse_starts_with_its_departement(built_warehouse) -> None:
    entities = wh.query(
        built_warehouse, "select entity_code, entity_type, departement_code from dim_entity"
    )
    assert len(entities) == 24 + 26 + 887 + 20 + 39  # catalog, organisations, reference
    assert set(entities.departement_code) == {"62"}
    epci = entities.entity_type == "epci"
    # an EPCI keeps its SIREN (unique in France, an EPCI may straddle two départements)
    assert entities[epci].entity_code.str.fullmatch(r"\d{9}").all()
    others = entities[~epci]
    catalog = others.entity_type.isin(["territory", "mds", "mdadt", "organisation"])
    assert (others[catalog].entity_code.str.startswith("62-")).all()
    assert (others[~catalog].entity_code.str.startswith("62")).all()  # 62, 62001, 6201
    # and every code the facts and the checks use is one of these
    used = """
        select entity_code from fact_figure
        union select entity_code from fact_block_quality where entity_code is not null
        union select territory_code from fact_territory_epci
        union select territory_code from ref_territory_epci
        union select parent_code from dim_entity where parent_code is not null
        union select entity_code from v_check_result where entity_code is not null
    """
    unknown = _rows(
        built_warehouse, f"select * from ({used}) where entity_code not in (select entity_code "
        "from dim_entity)"
    )  # fmt: skip
    assert unknown == []
    short = _rows(
        built_warehouse,
        "select entity_code, entity_type from dim_entity "
        "where entity_type in ('territory', 'mds', 'mdadt') "
        "and not starts_with(entity_code, departement_code || '-')",
    )
    assert short == []
