"""`indicators export`: Parquet, CSV and a Frictionless data package, and a DuckDB file that
DuckDB 1.x opens."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from frictionless import validate

from pipelines.load import warehouse as wh
from pipelines.publish.release import DATABASE_NAME, PUBLIC_VIEWS, export

DUCKDB_1X_CLI = Path(sys.executable).with_name("duckdb")  # the duckdb-cli package, 1.x


@pytest.fixture(scope="module")
def release(built_warehouse, tmp_path_factory):
    return export(built_warehouse, tmp_path_factory.mktemp("release"))


@pytest.fixture(scope="module")
def figure_count(built_warehouse) -> int:
    """The figures of the report: every fact of the text export (the PDF gives the same)."""
    query = "select count(*) as n from v_indicator where source_kind = 'text'"
    return int(wh.query(built_warehouse, query).n[0])


def test_every_public_view_is_written_and_reads_back_with_pyarrow(release, figure_count) -> None:
    assert list(release.tables) == list(PUBLIC_VIEWS)
    for view, rows in release.tables.items():
        table = pq.read_table(release.folder / f"{view}.parquet")
        assert table.num_rows == rows, view
    figures = pq.read_table(release.folder / "v_figure.parquet").to_pylist()
    assert len(figures) == figure_count > 1000
    population = [
        f for f in figures if f["entity_code"] == "62" and f["indicator_code"] == "population"
    ]
    assert sorted((f["value"], f["is_preferred"]) for f in population) == [
        (1453934.0, True),
        (1472000.0, False),
    ]


def test_the_datapackage_validates_and_describes_every_field(release, figure_count) -> None:
    report = validate(str(release.folder / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])[:5]
    package = json.loads((release.folder / "datapackage.json").read_text(encoding="utf-8"))
    fields = [f for r in package["resources"] for f in r["schema"]["fields"]]
    assert [f["name"] for f in fields if not f["description"]] == []
    card = next(r for r in package["resources"] if r["name"] == "v_territory_scorecard")
    units = {f["name"]: f.get("unit") for f in card["schema"]["fields"]}
    assert units["rsa_allocataires_per_1000"] == "per 1 000 inhabitants"
    assert units["area_km2"] == "km2" and units["population"] == "count"
    rows = {r["name"]: r["rows"] for r in package["resources"]}
    assert rows == release.tables
    readme = (release.folder / "README.md").read_text(encoding="utf-8")
    assert f"| `v_figure` | {figure_count} |" in readme


def test_a_damaged_csv_fails_validation(release, tmp_path) -> None:
    copy = tmp_path / "release"
    shutil.copytree(release.folder, copy, ignore=shutil.ignore_patterns("*.duckdb", "*.parquet"))
    path = copy / "v_territory_scorecard.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2022,", "twenty-two,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert report.flatten(["type"]) == [["type-error"]]


def test_duckdb_1x_opens_the_database_file(release, figure_count) -> None:
    version = subprocess.run(
        [str(DUCKDB_1X_CLI), "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert version.startswith("v1.")
    sql = (
        "select count(*) from v_figure; "
        "select territory_name from v_territory_scorecard "
        "order by rsa_allocataires_per_1000 desc limit 1; "
        "select count(*) from duckdb_columns() where comment is null and not internal "
        "and database_name = 'indicators';"
    )
    out = subprocess.run(
        [
            str(DUCKDB_1X_CLI),
            "-readonly",
            "-list",
            "-noheader",
            "-c",
            sql,
            str(release.folder / DATABASE_NAME),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [str(figure_count), "Lens-Hénin", "0"]


def test_export_of_a_missing_warehouse_names_the_file(tmp_path) -> None:
    from pipelines.run.cli import main

    assert (
        main(
            [
                "export",
                "--warehouse",
                str(tmp_path / "none.duckdb"),
                "--output",
                str(tmp_path / "out"),
            ]
        )
        == 3  # could not run
    )


def test_every_view_of_the_warehouse_is_exported(release, built_warehouse) -> None:
    views = wh.query(
        built_warehouse, "select view_name from duckdb_views() where not internal"
    ).view_name
    assert set(views) <= set(release.tables)
    assert {"v_statement", "v_concept", "v_concept_figure", "v_check_history"} <= set(views)


def test_the_datapackage_says_its_licence_version_and_creation(release) -> None:
    package = json.loads((release.folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [
        {
            "name": "etalab-2.0",
            "title": "Licence Ouverte / Open Licence 2.0",
            "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        }
    ]
    assert package["version"].startswith("0.1.0+schema.")
    created = datetime.fromisoformat(package["created"])
    assert abs((datetime.now(UTC) - created).total_seconds()) < 3600


def test_the_parquet_files_carry_their_column_descriptions(release, built_warehouse) -> None:
    metadata = pq.read_schema(release.folder / "v_figure.parquet").metadata
    comments: dict[str, str] = dict(
        wh.query(
            built_warehouse,
            "select column_name, comment from duckdb_columns() where table_name = 'v_figure'",
        ).itertuples(index=False)
    )
    assert metadata[b"description:value"].decode() == comments["value"]
    assert metadata[b"description:is_preferred"].decode() == comments["is_preferred"]
    assert metadata[b"description"].decode().startswith("One row per figure")


def test_duckdb_1x_opens_the_live_warehouse(built_warehouse, figure_count) -> None:
    out = subprocess.run(
        [str(DUCKDB_1X_CLI), "-readonly", "-list", "-noheader", "-c",
         "select count(*) from v_figure;", str(built_warehouse)],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert out == [str(figure_count)]
