"""Another département's report beside the 2022 Pas-de-Calais one, in one warehouse: each on
its own entities, judged on its own findings, neither replacing the other
(`tests/other_departement.py` says how the other report is made)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from other_departement import rewrite, with_other_catalog

from pipelines.errors import GateFailed
from pipelines.run import steps
from pipelines.settings import REFERENCE_DIR, Settings
from schemas.catalog import load_entity_catalog

FACT_TABLES = (
    "fact_figure", "fact_block_quality", "fact_list_item", "fact_territory_epci",
    "fact_councillor_mention", "stg_reject",
)  # fmt: skip


def _rows(warehouse: Path, table: str, departement: str) -> pd.DataFrame:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        frame = con.execute(
            f"select * from {table} where departement_code = ? order by all", [departement]
        ).df()
    return frame


@pytest.fixture(scope="module")
def two_departements(text_warehouse, report_path, tmp_path_factory):
    """The 2022 text warehouse, then the other département's report built beside it (the
    gate refuses it first, for its own findings; then it is published anyway)."""
    folder = tmp_path_factory.mktemp("two")
    warehouse = folder / "indicators.duckdb"
    shutil.copy(text_warehouse, warehouse)
    other = folder / "rapport-annuel-somme.txt"  # no year in the name: read from the cover
    other.write_text(rewrite(report_path.read_text(encoding="utf-8")), encoding="utf-8")
    settings = Settings(staging_dir=text_warehouse.parent / "staging")
    with with_other_catalog(folder / "catalog"):
        with pytest.raises(GateFailed) as refused:
            steps.build([other], warehouse, REFERENCE_DIR, settings=settings)
        steps.build([other], warehouse, REFERENCE_DIR, settings=settings, publish_anyway=True)
        # the Pas-de-Calais report built again: the other département's rows stay (held)
        steps.build([report_path], warehouse, REFERENCE_DIR, settings=settings, publish_anyway=True)
    return warehouse, refused.value


def test_the_first_departements_rows_are_untouched(two_departements, text_warehouse) -> None:
    warehouse, _ = two_departements
    for table in FACT_TABLES:
        before, after = _rows(text_warehouse, table, "62"), _rows(warehouse, table, "62")
        pd.testing.assert_frame_equal(before, after, obj=table)
    assert len(_rows(warehouse, "fact_figure", "62")) > 1000


def test_every_figure_of_the_other_report_is_on_its_own_entities(two_departements) -> None:
    warehouse, _ = two_departements
    with duckdb.connect(str(warehouse), read_only=True) as con:
        sources = con.execute(
            "select departement_code, report_year, source_kind, source_file from dim_source "
            "where source_kind <> 'reference' order by all"
        ).fetchall()
        by_type = dict(
            con.execute(
                "select entity.entity_type, count(*) from fact_figure as figure "
                "join dim_entity as entity using (entity_code) "
                "where figure.departement_code = '80' group by all"
            ).fetchall()
        )
        foreign = con.execute(
            "select count(*) from fact_figure where departement_code = '80' "
            "and entity_code <> '80' and not starts_with(entity_code, '80-')"
        ).fetchone()
    assert sources == [
        ("62", 2022, "text", "rapport-activites-2022.txt"),
        ("80", 2022, "text", "rapport-annuel-somme.txt"),
    ]
    assert foreign == (0,)
    # its own territories and offices, read through its own catalog's titles and menus
    assert by_type["territory"] > 100 and by_type["mds"] > 100 and by_type["mdadt"] > 100
    assert sum(by_type.values()) > 1000


def test_its_gate_is_judged_on_its_own_findings(two_departements) -> None:
    _, refused = two_departements
    assert refused.reasons, "the other report states the same inconsistencies: new to it"
    for reason in refused.reasons:
        assert reason.startswith("new failure: "), reason
        entity = reason.split(": ", 2)[1].split()[1]
        assert entity == "80" or entity.startswith("80-"), reason
    # the Pas-de-Calais baseline neither accepts the other's findings nor goes stale
    assert not any("stale baseline entry" in r for r in refused.reasons)


def test_a_departement_without_a_catalog_loads_on_its_own_entity(
    report_path, text_warehouse, tmp_path
) -> None:
    other = tmp_path / "rapport-2022.txt"
    other.write_text(rewrite(report_path.read_text(encoding="utf-8")), encoding="utf-8")
    warehouse = tmp_path / "indicators.duckdb"
    shutil.copy(text_warehouse, warehouse)
    assert not load_entity_catalog("80").has_catalog
    settings = Settings(staging_dir=tmp_path / "staging")
    steps.build([other], warehouse, REFERENCE_DIR, settings=settings, publish_anyway=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        entities = con.execute(
            "select entity_code, count(*) from fact_figure where departement_code = '80' "
            "group by all"
        ).fetchall()
        source = con.execute(
            "select count(*) from dim_source where departement_code = '80'"
        ).fetchone()
    assert entities and [code for code, _ in entities] == ["80"]
    assert source == (1,)


def test_alone_it_gets_no_advice_about_another_departements_baseline(report_path, tmp_path) -> None:
    """Built alone, beside the Pas-de-Calais reference files: the Pas-de-Calais baseline's
    entries are about a report the warehouse does not hold, so none is called stale."""
    other = tmp_path / "rapport-annuel-somme.txt"
    other.write_text(rewrite(report_path.read_text(encoding="utf-8")), encoding="utf-8")
    with with_other_catalog(tmp_path / "catalog"), pytest.raises(GateFailed) as refused:
        steps.build([other], tmp_path / "w" / "indicators.duckdb", REFERENCE_DIR)
    assert refused.value.reasons
    assert not any("stale baseline entry" in r for r in refused.value.reasons)
    assert all(" 80" in r for r in refused.value.reasons)
