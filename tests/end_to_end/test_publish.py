"""Publishing: damaged input never replaces the last good warehouse, and each refusal says why.

The hostile cases are files in `tests/data/hostile/` (one scripted mutation of the shipped
inputs each, with the exit code and the message it must give). Each runs the plain build
(`steps.build`, what the flow's tasks do) through the command line's error handling, on a
copy of a good warehouse, which must stay byte for byte the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, EXHAUSTIVE, REPORT, scanned_pdf

from pipelines.load import locking
from pipelines.load import warehouse as wh
from pipelines.run import cli, steps
from pipelines.settings import REFERENCE_DIR, Settings

CASES = sorted((DATA / "hostile").glob("*.json"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _build(*args: Any, **kwargs: Any) -> int:
    """The action of `indicators build`: a build that returns exits 0 (a failure raises)."""
    steps.build(*args, **kwargs)
    return cli.EXIT_OK


def _rehash(folder: Path, name: str) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][name]["sha256"] = _sha256(folder / name)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _mutate(mutate: dict, folder: Path) -> tuple[list[Path], Path]:
    """Copies of the shipped report and reference folder, damaged as the case says."""
    report = folder / REPORT.name
    text = REPORT.read_text(encoding="utf-8")
    reference = folder / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    reports = [report]
    kind = mutate["kind"]
    if kind == "report_cut":
        text = text[: text.index(mutate["after"]) + len(mutate["after"])]
    elif kind == "report_replace_all":
        assert mutate["old"] in text
        text = text.replace(mutate["old"], mutate["new"])
    elif kind == "report_file":
        return [DATA / mutate["file"]], reference
    elif kind == "pdf_scan":
        pdf = REPORT.with_suffix(".pdf")
        return [scanned_pdf(pdf, mutate["pages"], folder / f"scan-{pdf.name}")], reference
    elif kind == "report_repeat_line":
        line = mutate["line"] + "\n"
        text = text.replace(line, line + line, 1)
    elif kind == "report_replace":
        assert mutate["old"] in text
        text = text.replace(mutate["old"], mutate["new"], 1)
    elif kind == "report_delete":
        start = text.index(mutate["start"])
        text = text[:start] + text[text.index("\n", text.index(mutate["end"], start)) :]
    elif kind == "second_report":
        second = folder / mutate["name"]
        second.write_text(text.replace(mutate["old"], mutate["new"], 1), encoding="utf-8")
        reports.append(second)
    elif kind == "reference_write":
        path = reference / mutate["file"]
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[: mutate["keep_lines"]]), encoding="utf-8")
        if mutate["rehash"]:
            _rehash(reference, mutate["file"])
    elif kind == "manifest_drop":
        manifest = json.loads((reference / "manifest.json").read_text(encoding="utf-8"))
        del manifest["files"][mutate["file"]]
        (reference / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif kind == "manifest_text":
        (reference / "manifest.json").write_text(mutate["text"], encoding="utf-8")
    else:
        raise AssertionError(f"unknown mutation {kind}")
    report.write_bytes(text.replace("\n", mutate.get("line_end", "\n")).encode("utf-8"))
    return reports, reference


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_a_hostile_input_is_refused_and_the_warehouse_kept(
    case_file, text_warehouse, tmp_path, capsys
) -> None:
    case = json.loads(case_file.read_text(encoding="utf-8"))
    if case.get("exhaustive") and not EXHAUSTIVE:
        pytest.skip("one more full build: run by `make reliability`")
    reports, reference = _mutate(case["mutate"], tmp_path)
    warehouse = tmp_path / "w" / "indicators.duckdb"
    warehouse.parent.mkdir()
    shutil.copyfile(text_warehouse, warehouse)
    before = _sha256(warehouse)

    code = cli.run("build", lambda: _build(reports, warehouse, reference))

    err = capsys.readouterr().err
    assert code == case["exit"], err
    first = err.splitlines()[0] if code == cli.EXIT_CANNOT_RUN else err
    assert re.search(case["message"], first, re.MULTILINE), err
    assert _sha256(warehouse) == before
    left = {p.name for p in warehouse.parent.iterdir()} - {"check-history"}
    kept = {"indicators.candidate.duckdb"} if code == cli.EXIT_FAILED else set()
    # a build that published records the published file's state beside it
    kept |= {".indicators.duckdb.built.json"} if code == cli.EXIT_OK else set()
    assert left == {"indicators.duckdb", "indicators.duckdb.lock", *kept}


def test_a_refused_candidate_is_kept_and_published_only_when_asked(
    text_warehouse, tmp_path, capsys
) -> None:
    case = json.loads((DATA / "hostile" / "export-table-row-twice.json").read_text("utf-8"))
    reports, reference = _mutate(case["mutate"], tmp_path)
    warehouse = tmp_path / "w" / "indicators.duckdb"
    warehouse.parent.mkdir()
    shutil.copyfile(text_warehouse, warehouse)
    with pytest.raises(steps.GateFailed) as refused:
        steps.build(reports, warehouse, reference)
    kept = warehouse.with_name("indicators.candidate.duckdb")
    assert refused.value.kept == kept
    count = "select count(*) as n from fact_figure where line = 1341 and source_kind = 'text'"
    assert wh.query(kept, "select count(*) as n from stg_reject where line = 1341").n[0] == 1
    steps.build(reports, warehouse, reference, publish_anyway=True)
    assert not kept.exists()  # the next build replaced it (here: published it)
    assert wh.query(warehouse, count).n[0] == 0  # the row twice is a reject, never a fact


def test_a_folder_given_as_warehouse_is_a_bad_argument(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["build", "--warehouse", str(tmp_path)])
    assert exited.value.code == cli.EXIT_USAGE
    assert f"argument --warehouse: {tmp_path} is a folder" in capsys.readouterr().err


def test_a_locked_warehouse_names_its_holder(text_warehouse, tmp_path, capsys) -> None:
    warehouse = tmp_path / "indicators.duckdb"
    shutil.copyfile(text_warehouse, warehouse)
    with locking.writer_lock(warehouse, purpose="indicators build"):
        code = cli.run("build", lambda: _build([REPORT], warehouse, lock_timeout=0.3))
    err = capsys.readouterr().err
    assert code == cli.EXIT_CANNOT_RUN
    assert re.match(
        rf"indicators build: error: {warehouse}: locked by pid {os.getpid()} on \S+ "
        r"\(indicators build, since .* UTC\); waited 0.3 s \(raise --lock-timeout",
        err,
    ), err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_named(text_warehouse, tmp_path, capsys) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    warehouse = folder / "indicators.duckdb"
    shutil.copyfile(text_warehouse, warehouse)
    folder.chmod(0o555)
    try:
        code = cli.run("build", lambda: _build([REPORT], warehouse))
    finally:
        folder.chmod(0o755)
    assert code == cli.EXIT_CANNOT_RUN
    assert "permission denied (a read-only folder or file?)" in capsys.readouterr().err


@pytest.mark.skipif(not EXHAUSTIVE, reason="test_one_writer kills a real build; make reliability")
def test_leftovers_of_a_killed_build_are_removed(text_warehouse, tmp_path) -> None:
    warehouse = tmp_path / "indicators.duckdb"
    shutil.copyfile(text_warehouse, warehouse)
    left = [
        tmp_path / ".indicators.duckdb.0123456789ab.candidate",
        tmp_path / ".indicators.duckdb.0123456789ab.candidate.wal",
        tmp_path / ".indicators.duckdb.0123456789ab.candidate.base",
    ]
    for path in left:
        path.write_bytes(b"left by a killed build")
    steps.build([REPORT], warehouse)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".indicators.duckdb.built.json",  # the published file's state, for the next build
        "check-history",
        "indicators.duckdb",
        "indicators.duckdb.lock",
    ]


def test_the_staging_cache_serves_another_working_folder(tmp_path, monkeypatch) -> None:
    """Paths in the cache are absolute, and a cached source is found where the cache is now."""
    (tmp_path / "first").mkdir()
    monkeypatch.chdir(tmp_path / "first")
    staging = Settings().staging_for(Path("w/indicators.duckdb"))
    first = steps.validate_staged(steps.stage_report(REPORT, staging))
    key = Path(first.folder).relative_to(staging)  # <report hash>-<code hash>/validated
    assert first.folder == str(tmp_path / "first" / "w" / "staging" / key)
    figures = len(steps.read_staging(first).figures)
    shutil.move(tmp_path / "first" / "w", tmp_path / "moved")
    monkeypatch.chdir(tmp_path)

    def read_again(path):
        raise AssertionError(f"{path} read again: the cache was not used")

    monkeypatch.setattr(steps, "read_report", read_again)
    moved = steps.validate_staged(
        steps.stage_report(REPORT, Settings().staging_for(Path("moved/x")))
    )
    assert moved.folder == str(tmp_path / "moved" / "staging" / key)
    assert len(steps.read_staging(moved).figures) == figures > 600


def test_a_warehouse_of_an_older_schema_says_rebuild(text_warehouse, tmp_path, capsys) -> None:
    warehouse = tmp_path / "indicators.duckdb"
    shutil.copyfile(text_warehouse, warehouse)
    with wh.connect(warehouse, read_only=False) as con:
        con.execute("drop table warehouse_meta")  # as built before the schema was stamped
        con.execute("drop view v_check_result")

    assert cli.main(["check", "--warehouse", str(warehouse)]) == cli.EXIT_CANNOT_RUN
    assert cli.main(["query", "select * from v_check_result", "--warehouse", str(warehouse)]) == 3
    rebuild = f"rebuild it with `indicators build --warehouse {warehouse}`\n"
    lines = capsys.readouterr().err.splitlines(keepends=True)
    assert len(lines) == 2
    assert all(f"{warehouse}: a warehouse of an older schema (no schema stamp" in x for x in lines)
    assert all(line.endswith(rebuild) for line in lines)
