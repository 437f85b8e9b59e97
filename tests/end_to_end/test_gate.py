"""CI's gate: a wrong figure planted in a copy of the report turns `indicators check` red."""

from __future__ import annotations

import json

from conftest import build_with_steps

from pipelines.check.checks import load_baseline
from pipelines.run.cli import main


def _plant(report_copy, old: str, new: str) -> None:
    text = report_copy.read_text(encoding="utf-8")
    assert old in text
    report_copy.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_report_passes_the_gate(built_warehouse, capsys) -> None:
    assert main(["check", "--warehouse", str(built_warehouse), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["gate"] == "passed"
    accepted = {
        (r["check_id"], r["entity_code"], r["indicator_code"], r["expected"], r["observed"])
        for r in report["results"]
        if r["accepted"]
    }
    assert accepted == {
        (a.check_id, a.entity_code, a.indicator_code, a.expected, a.observed)
        for a in load_baseline()
    }


def test_a_wrong_territory_count_fails_ci_with_its_message(report_copy, tmp_path, capsys) -> None:
    _plant(report_copy, "- ⇒ 255 communes\n", "- ⇒ 265 communes\n")
    warehouse = build_with_steps([report_copy], tmp_path / "w" / "indicators.duckdb")
    code = main(["check", "--warehouse", str(warehouse), "--format", "md"])
    captured = capsys.readouterr()
    assert code == 1
    assert "Gate: **FAILED**" in captured.out
    assert (
        "indicators check: new failure: children__sum_vs_parent 62 communes_count: An additive "
        "figure stated for the children must add up to the figure stated for their parent. "
        "Expected 890, observed 900, delta +10 (both exact)."
    ) in captured.err
    assert "reference__counts 62-arrageois communes_count" not in captured.err  # a warning only


def test_a_wrong_mds_figure_fails_ci(report_copy, tmp_path, capsys) -> None:
    _plant(
        report_copy,
        "Bénéficiaires de l'Allocation Personnalisée d'Autonomie (APA) à domicile\t4571",
        "Bénéficiaires de l'Allocation Personnalisée d'Autonomie (APA) à domicile\t9571",
    )
    warehouse = build_with_steps([report_copy], tmp_path / "w" / "indicators.duckdb")
    assert main(["check", "--warehouse", str(warehouse), "--format", "junit"]) == 1
    err = capsys.readouterr().err
    assert "new failure: children__sum_vs_parent 62 apa_home_beneficiaries_count" in err
    # eight MDS of nine: the sum may only stay below the department's figure
    assert (
        "Expected 28 841, observed 30 195, delta +1 354: the intervals [28 841 ; 28 841] "
        "and [30 195 ; …] do not meet."
    ) in err
