"""Each check family finds an inconsistency planted in a copy of the export, and the gate fails.

One copy carries one plant per family, in parts of the report that do not touch each other,
and is built once for the module (text export and reference files, without Prefect).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPORT, build_with_steps

from pipelines.check.checks import run_checks
from pipelines.check.reports import findings
from pipelines.load.warehouse import connect
from pipelines.run.steps import check_published

# (family, the line as printed, the line as planted)
PLANTS = [
    # restated: the paragraph of line 132 is printed again at line 212, with another budget
    ("restated", "annuel de 1,87 milliard d'euros", "annuel de 1,97 milliard d'euros"),
    # children: a territory block's sport sections, against the department's key figure
    ("children", "* 9 sections sportives de collèges\n", "* 12 sections sportives de collèges\n"),
    # count: the overview's EPCI count against the EPCIs the profiles list (and their sum)
    ("count", "\n20 EPCI\n", "\n21 EPCI\n"),
    # list: a dated list loses an item; its count stays 13
    ("list", "- 25 juin - Les fêtes de Lens\n", ""),
    # shares: a share that its part and whole do not give
    ("shares", "157 185 habitants (soit 10,7 %", "157 185 habitants (soit 12,7 %"),
    # ratio: a density that the inhabitants and the area do not give
    ("ratio", "- ⇒ 187.4 habitants/km²", "- ⇒ 197.4 habitants/km²"),
    # breakdown: a part larger than the whole allows ("Budget de 463,61 M€ dont ...")
    ("breakdown", "**271,51 M€** pour les personnes", "**291,51 M€** pour les personnes"),
]  # fmt: skip


def _plant_last(text: str, old: str, new: str) -> str:
    """Replace the last occurrence (the restated paragraph is the second one)."""
    assert old in text, old
    head, _, tail = text.rpartition(old)
    return head + new + tail


@pytest.fixture(scope="module")
def planted_warehouse(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("planted")
    copy = folder / REPORT.name
    shutil.copyfile(REPORT, copy)
    text = copy.read_text(encoding="utf-8")
    for _, old, new in PLANTS:
        text = _plant_last(text, old, new)
    copy.write_text(text, encoding="utf-8")
    return build_with_steps([copy], folder / "w" / "indicators.duckdb")


@pytest.fixture(scope="module")
def planted_run(planted_warehouse):
    with connect(planted_warehouse, read_only=True) as con:
        return run_checks(con)


def _new_failures(run, family: str) -> pd.DataFrame:
    failures = run.new_failures
    return failures[failures.family == family]


@pytest.mark.parametrize(
    ("family", "check_id", "entity", "indicator", "expected", "observed", "message_part"),
    [
        ("restated", "restated__same_quantity", "62", "budget_eur", 1.87e9, 1.97e9,
         "Expected 1 870 000 000, observed 1 970 000 000, delta +100 000 000: the intervals "
         "[1 865 000 000 ; 1 875 000 000] and [1 965 000 000 ; 1 975 000 000] do not meet."),
        ("children", "children__sum_vs_parent", "62", "sport_college_sections_count", 64, 72,
         "Expected 64, observed 72, delta +8 (both exact)."),
        ("count", "count__stated_vs_enumerated", "62", "epci_count", 21, 20,
         "Expected 21, observed 20, delta -1 (tolerance 0)."),
        ("list", "list__stated_count_vs_items", "62",
         "kf_projet_de_mandat__rencontres_citoyennes_ont_ete_organisees_pour_aller_vers_les",
         13, 12, "Expected 13, observed 12, delta -1 (tolerance 0)."),
        ("shares", "shares__recomputed", "62-calaisis", "population_share_pct", 10.811, 12.7,
         "the intervals [10,811 ; 10,811] and [12,65 ; 12,75] do not meet."),
        ("ratio", "ratio__density", "62-audomarois", "density_per_km2", 187.37, 197.4,
         "Expected 187,37, observed 197,4, delta +10,03: the intervals"),
        ("breakdown", "breakdown__parts_within_whole", "62",
         "kf_autonomie_et_la_sante__budget_eur", 463_610_000, 483_600_000,
         "Expected at most 463 610 000, observed 483 600 000, delta +19 990 000"),
    ],
)  # fmt: skip
def test_each_family_finds_its_planted_inconsistency(
    planted_run, family, check_id, entity, indicator, expected, observed, message_part
) -> None:
    failures = _new_failures(planted_run, family)
    row = failures[(failures.entity_code == entity) & (failures.indicator_code == indicator)]
    assert len(row) >= 1, f"{family}: not found among {failures[['check_id', 'entity_code']]}"
    row = row.iloc[0]
    assert row.check_id == check_id
    assert (round(row.expected, 2), round(row.observed, 2)) == (
        round(expected, 2),
        round(observed, 2),
    )
    assert message_part in row.message
    assert row.expected_source and row.observed_source


def test_the_shares_plant_names_the_base_it_was_recomputed_from(planted_run) -> None:
    # line numbers are the copy's: the list plant removed one line above them
    row = _new_failures(planted_run, "shares").query("entity_code == '62-calaisis'").iloc[0]
    assert row.expected_source == (
        '100 × part / whole: rapport-activites-2022.txt:768 "- ⇒ 157 185 habitants (soit 12,7 % '
        'du Pas-de-Calais)" / rapport-activites-2022.txt:1283 "…r. En proximité immédiate des '
        '1 453 934 habitants (Source : INSEE, estimation 1^{er} janvi…"'
    )


def test_one_inconsistency_seen_by_two_checks_is_reported_once(planted_run) -> None:
    epci = [f for f in findings(planted_run) if f.row["indicator_code"] == "epci_count"]
    # 21 stated, 20 summed over the profiles, 20 listed, 20 official: one finding, three checks
    assert [(f.kind, f.check_ids) for f in epci if f.row["entity_code"] == "62"] == [
        ("error", (
            "children__sum_vs_parent", "count__stated_vs_enumerated", "reference__counts",
        )),
    ]  # fmt: skip


def test_a_changed_value_of_an_accepted_finding_is_a_new_finding(planted_run) -> None:
    # 64 against 69 is accepted; 64 against 72 is not, and the 69 entry is stale
    assert [(a.indicator_code, a.expected, a.observed) for a in planted_run.stale] == [
        ("sport_college_sections_count", 64, 69)
    ]


def test_the_gate_fails_and_the_check_command_says_why(planted_warehouse, capsys) -> None:
    from pipelines.run.cli import main

    assert main(["check", "--warehouse", str(planted_warehouse), "--format", "md"]) != 0
    captured = capsys.readouterr()
    assert "Gate: **FAILED**" in captured.out
    # one line per inconsistency: the share plant also makes the shares sum to 102 %
    assert captured.err.count("new failure:") == len(PLANTS) + 1
    assert "new failure: shares__sum_to_100 62 population_share_pct" in captured.err
    for family, *_ in PLANTS:
        assert f"{family}__" in captured.err, family


def test_another_report_year_does_not_inherit_the_accepted_findings(tmp_path) -> None:
    copy = tmp_path / "rapport-activites-2023.txt"
    copy.write_text(
        REPORT.read_text(encoding="utf-8").replace("ANNÉE 2022", "ANNÉE 2023"), encoding="utf-8"
    )
    warehouse = build_with_steps([copy], tmp_path / "w" / "indicators.duckdb")
    run, _ = check_published(warehouse)
    assert set(run.results.report_year) == {2023}
    assert not run.results.accepted.any()
    new = {(r.check_id, r.indicator_code) for r in run.new_failures.itertuples()}
    assert ("children__sum_vs_parent", "colleges_count") in new
    assert ("count__stated_vs_enumerated", "territories_count") in new
    assert run.stale == []  # 2022's entries are not stale either: 2022 was not checked
