"""The project's own stores heal: a damaged history or cache file is set aside and rebuilt,
leftovers of killed commands are removed, and every refusal names its file and cause."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXHAUSTIVE, REPORT

from pipelines.check.checks import CheckDefinitionError, load_baseline
from pipelines.load import warehouse as wh
from pipelines.load.salvage import LEFTOVER_AGE_S, SET_ASIDE
from pipelines.run import steps
from pipelines.run.cli import EXIT_CANNOT_RUN, EXIT_OK, main
from pipelines.run.server import ServerError, check_prefect_home
from pipelines.settings import Settings, check_history_dir_for

BAD_PARQUET = {
    "corrupt": lambda path: path.write_bytes(b"PAR1 not really parquet PAR1"),
    "empty": lambda path: path.write_bytes(b""),
    "foreign": lambda path: pd.DataFrame({"city": ["Arras"], "rank": [1]}).to_parquet(path),
}


# one kind of damage in `make test`, every kind in `make reliability`
@pytest.mark.parametrize("damage", sorted(BAD_PARQUET) if EXHAUSTIVE else ["corrupt"])
def test_a_bad_history_file_is_set_aside_and_the_check_runs(
    damage, existing_warehouse, capsys
) -> None:
    args = ["check", "--warehouse", str(existing_warehouse), "--format", "json"]
    assert main(args) == EXIT_OK
    store = check_history_dir_for(existing_warehouse)
    bad = store / "20990101T000000-bad.parquet"
    BAD_PARQUET[damage](bad)
    capsys.readouterr()
    assert main(args) == EXIT_OK  # and again: the history works without it
    out, err = capsys.readouterr()
    assert json.loads(out)["changes"]["previous_run_id"] is not None
    assert f"{bad}: set aside as {store / SET_ASIDE}/20990101T000000-bad.parquet." in err
    assert not bad.exists()
    (aside,) = (store / SET_ASIDE).glob("20990101T000000-bad.parquet.*[0-9]")
    why = aside.with_name(aside.name + ".why.txt").read_text(encoding="utf-8")
    assert why.startswith(f"{bad}\n")
    assert main(args) == EXIT_OK
    assert "set aside" not in capsys.readouterr().err


def test_a_killed_checks_partial_file_is_removed_by_the_next_one(existing_warehouse) -> None:
    args = ["check", "--warehouse", str(existing_warehouse), "--format", "json"]
    assert main(args) == EXIT_OK
    store = check_history_dir_for(existing_warehouse)
    old = store / ".20990101T000000-x.parquet.0123abcd.partial"
    fresh = store / ".20990101T000001-x.parquet.4567cdef.partial"
    old.write_bytes(b"")
    fresh.write_bytes(b"")
    os.utime(old, (time.time() - LEFTOVER_AGE_S - 1,) * 2)
    assert main(args) == EXIT_OK
    assert not old.exists()
    assert fresh.exists()  # it may belong to a check running now


def test_a_history_folder_that_cannot_be_written_still_gives_the_report(
    existing_warehouse, capsys
) -> None:
    store = check_history_dir_for(existing_warehouse)
    shutil.rmtree(store, ignore_errors=True)
    store.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["check", "--warehouse", str(existing_warehouse), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["run_id"]
    assert f"{store}: this check run is not kept in the history" in err


def test_a_damaged_staging_file_is_set_aside_and_extracted_again(tmp_path) -> None:
    staging = tmp_path / "staging"
    first = steps.validate_staged(steps.stage_report(REPORT, staging))
    figures = steps.read_staging(first).figures
    Path(first.folder, "figures.parquet").write_bytes(b"PAR1 cut")  # its done-marker stays
    again = steps.stage_report(REPORT, staging)
    assert again.extracted  # read and extracted again, not served damaged
    validated = steps.validate_staged(again)
    pd.testing.assert_frame_equal(steps.read_staging(validated).figures, figures)
    (aside,) = (staging / SET_ASIDE).glob(f"{Path(first.folder).parent.name}.*[0-9]")
    assert "validated/figures.parquet: not a readable Parquet file" in (
        aside.with_name(aside.name + ".why.txt").read_text(encoding="utf-8")
    )


def test_a_renamed_copy_of_a_cached_report_says_its_own_name(tmp_path) -> None:
    staging = tmp_path / "staging"
    steps.validate_staged(steps.stage_report(REPORT, staging))
    renamed = tmp_path / "rapport-2022-final.txt"
    shutil.copyfile(REPORT, renamed)
    staged = steps.validate_staged(steps.stage_report(renamed, staging))
    assert not staged.extracted and staged.source_file == "rapport-2022-final.txt"
    candidate = steps.load_candidate([staged], tmp_path / "w" / "indicators.duckdb")
    names = wh.query(candidate, "select distinct source_file from fact_figure").source_file
    assert names.tolist() == ["rapport-2022-final.txt"]
    sources = wh.query(candidate, "select source_file from dim_source").source_file
    assert sources.tolist() == ["rapport-2022-final.txt"]


BASELINES = {
    "- check: a\n  entity: '62'\n   indicator: b\n": r"accepted.yaml:3: not valid YAML \(",
    "- check: a\n  entity: '62'\n  indicator: b\n  year: 2022\n  expected: 1\n  observed: 2\n"
    "  why: fine\n- check: a\n  entity: '62'\n  indicator: b\n  year: 2022a\n  expected: 1\n"
    "  observed: 2\n  why: fine\n": r"accepted.yaml:8: entry 2: year '2022a', expected 1 and "
    r"observed 2 must be numbers",
    "check: a\n": r"accepted.yaml:1: expected a list of accepted findings",
}


@pytest.mark.parametrize("text", list(BASELINES), ids=["yaml", "year", "not-a-list"])
def test_a_bad_baseline_names_its_file_and_line(text, tmp_path) -> None:
    path = tmp_path / "accepted.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CheckDefinitionError, match=rf"^{tmp_path}/{BASELINES[text]}"):
        load_baseline(path)


def test_a_warehouse_held_open_for_writing_is_named(existing_warehouse, capsys) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, time\n"
         f"con = duckdb.connect({str(existing_warehouse)!r})\n"
         "print('open', flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        code = main(["check", "--warehouse", str(existing_warehouse)])
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert code == EXIT_CANNOT_RUN
    assert err.startswith(
        f"indicators check: error: {existing_warehouse}: held open for writing by python"
    )
    assert f"(pid {holder.pid}): DuckDB lets no other process open the file meanwhile" in err


def test_a_prefect_home_that_cannot_hold_a_database_is_named_before_starting(
    tmp_path, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    settings = Settings.from_environment({"PREFECT_HOME": str(blocker / "home")})
    with pytest.raises(ServerError) as refused:
        check_prefect_home(settings)
    assert str(refused.value) == (
        f"{blocker / 'home'}: the temporary Prefect server cannot create its database there "
        f"(Not a directory); make PREFECT_HOME={blocker / 'home'} writable, point PREFECT_HOME "
        "elsewhere, or use a running server (`make serve`, then PREFECT_API_URL)"
    )


def test_a_catalog_with_a_yaml_error_names_its_file_and_line(tmp_path) -> None:
    from schemas.catalog import CatalogError, load_indicator_catalog

    path = tmp_path / "indicators.yaml"
    path.write_text("indicators:\n  - {code: a, label: b\n  - {code: c}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"^{tmp_path}/indicators.yaml:3: not valid YAML \("):
        load_indicator_catalog.__wrapped__(path)


def test_a_baseline_of_comments_only_accepts_nothing(tmp_path) -> None:
    path = tmp_path / "accepted.yaml"
    path.write_text("# Accepted findings: none left.\n", encoding="utf-8")
    assert load_baseline(path) == []
