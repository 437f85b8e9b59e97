"""`export` and `site` write only into their own output folder: never the warehouse's folder,
never over a file they did not write."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import EXHAUSTIVE

from pipelines.publish.outputs import MARKER
from pipelines.run.cli import EXIT_CANNOT_RUN, EXIT_OK, main


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def analyst_warehouse(built_warehouse, tmp_path) -> Path:
    """A live warehouse in its own folder, with an analyst's own table and a check history."""
    folder = tmp_path / "warehouse"
    folder.mkdir()
    warehouse = folder / "indicators.duckdb"
    shutil.copyfile(built_warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create table my_notes as select 'kept' as note")
    (folder / "check-history").mkdir()
    return warehouse


@pytest.mark.parametrize("command", ["export", "site"])
@pytest.mark.parametrize(
    "where", [".", "check-history", *(["staging", ".."] if EXHAUSTIVE else [])]
)
def test_an_output_folder_that_holds_the_warehouse_is_refused(
    command, where, analyst_warehouse, capsys
) -> None:
    folder = analyst_warehouse.parent
    before = {p.name: _sha256(p) for p in folder.iterdir() if p.is_file()}
    output = (folder / where).resolve()
    code = main([command, "--output", str(output), "--warehouse", str(analyst_warehouse)])
    err = capsys.readouterr().err
    assert code == EXIT_CANNOT_RUN
    where_word = "holds" if where == ".." else "is inside"
    assert err == (
        f"indicators {command}: error: {output}: {where_word} the folder of the warehouse "
        "indicators.duckdb, its check history or its staging cache (only `indicators build` "
        f"writes there); give another folder to `indicators {command} --output`\n"
    )
    assert {p.name: _sha256(p) for p in folder.iterdir() if p.is_file()} == before
    assert not (folder / "check-history").exists() or not any((folder / "check-history").iterdir())
    with duckdb.connect(str(analyst_warehouse), read_only=True) as con:
        assert con.execute("select note from my_notes").fetchall() == [("kept",)]


@pytest.mark.parametrize("command", ["export", "site"])
def test_a_folder_of_other_files_is_left_alone(command, built_warehouse, tmp_path, capsys) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "index.html").write_text("my own page", encoding="utf-8")
    code = main([command, "--output", str(output), "--warehouse", str(built_warehouse)])
    assert code == EXIT_CANNOT_RUN
    assert "not empty, and not an earlier" in capsys.readouterr().err
    assert sorted(p.name for p in output.iterdir()) == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "my own page"


def test_an_earlier_export_is_replaced_and_a_file_added_beside_it_kept(
    built_warehouse, tmp_path, capsys
) -> None:
    output = tmp_path / "release"
    args = ["export", "--output", str(output), "--warehouse", str(built_warehouse)]
    assert main(args) == EXIT_OK
    (output / "my-notes.txt").write_text("mine", encoding="utf-8")
    assert main(args) == EXIT_OK
    assert (output / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert (output / MARKER).is_file()
    assert not [p for p in output.iterdir() if p.name.endswith((".partial", ".wal"))]
    with duckdb.connect(str(output / "indicators.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from v_figure").fetchone()[0] > 1000  # type: ignore[index]


def test_a_site_into_an_export_folder_is_refused(built_warehouse, tmp_path, capsys) -> None:
    output = tmp_path / "release"
    assert main(["export", "--output", str(output), "--warehouse", str(built_warehouse)]) == 0
    capsys.readouterr()
    assert main(["site", "--output", str(output), "--warehouse", str(built_warehouse)]) == 3
    assert "an earlier output of another command" in capsys.readouterr().err


def test_a_site_that_failed_half_way_can_be_written_again(built_warehouse, tmp_path) -> None:
    output = tmp_path / "site"
    assert main(["site", "--output", str(output), "--warehouse", str(built_warehouse)]) == 0
    missing = tmp_path / "none.duckdb"
    assert main(["site", "--output", str(output), "--warehouse", str(missing)]) == 3
    assert main(["site", "--output", str(output), "--warehouse", str(built_warehouse)]) == 0
    assert not [p for p in output.rglob("*") if p.name.endswith(".partial")]
