"""What a scheduled run has to do: nothing when the warehouse holds every input as it is."""

from __future__ import annotations

import shutil

from pipelines.load.changes import changed_inputs
from pipelines.settings import REFERENCE_DIR, shipped_reports


def test_unchanged_inputs_leave_nothing_to_do(built_warehouse) -> None:
    assert changed_inputs(list(shipped_reports()), REFERENCE_DIR, built_warehouse) == []


def test_a_new_or_changed_report_and_a_changed_reference_are_found(
    built_warehouse, tmp_path
) -> None:
    changed = tmp_path / "rapport-activites-2022.txt"
    changed.write_text(shipped_reports()[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    with (reference / "manifest.json").open("a", encoding="utf-8") as manifest:
        manifest.write("\n")
    reports = [shipped_reports()[1], changed]
    assert changed_inputs(reports, reference, built_warehouse) == [
        str(changed),
        str(reference / "manifest.json"),
    ]


def test_without_a_warehouse_every_input_is_new(tmp_path) -> None:
    missing = tmp_path / "indicators.duckdb"
    assert len(changed_inputs(list(shipped_reports()), REFERENCE_DIR, missing)) == 3
