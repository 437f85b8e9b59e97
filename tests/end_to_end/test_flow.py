"""The Prefect flow `build_warehouse`, run for real under the session's test server."""

from __future__ import annotations

import pytest

from pipelines.load import warehouse as wh
from pipelines.read import SourceError
from pipelines.run import steps
from pipelines.run.cli import main
from pipelines.run.flows import build_warehouse

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def flow_warehouse(prefect_harness, tmp_path_factory):
    """The warehouse built by the real flow from the shipped inputs (text, PDF, reference)."""
    target = tmp_path_factory.mktemp("flow") / "indicators.duckdb"
    build_warehouse(warehouse=str(target))
    return target


def test_the_flow_builds_what_the_plain_steps_build(flow_warehouse, built_warehouse) -> None:
    """The flow's tasks are the steps: the same facts, fact by fact."""
    query = (
        "select * exclude (source_file) from fact_figure order by report_year, source_kind, "
        "entity_code, indicator_code, page, line, source_span"
    )
    assert wh.query(flow_warehouse, query).equals(wh.query(built_warehouse, query))


def test_the_flow_builds_the_territories_inhabitants(flow_warehouse) -> None:
    built_warehouse = flow_warehouse
    rows = wh.query(
        built_warehouse,
        "select entity_code, value, qualifier, section, source_text from v_report_figure "
        "where entity_type = 'territory' and indicator_code = 'population' order by entity_code",
    ).to_dict("records")
    assert [(r["entity_code"], r["value"]) for r in rows] == [
        ("62-arrageois", 211_425),
        ("62-artois", 288_000),
        ("62-audomarois", 129_339),
        ("62-boulonnais", 158_258),
        ("62-calaisis", 157_185),
        ("62-lens-henin", 368_000),
        ("62-montreuillois-ternois", 149_549),
    ]
    assert rows[0]["section"] == "Temps forts 2022 en Arrageois..."
    assert rows[0]["source_text"] == "- ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)"
    assert rows[1]["qualifier"] == "at_least"


def test_the_flow_loads_report_and_reference_and_stores_a_check_run(flow_warehouse) -> None:
    built_warehouse = flow_warehouse
    sources = wh.query(
        built_warehouse, "select source_kind, source_file from dim_source order by 1"
    )
    assert sources.to_dict("records") == [
        {"source_kind": "pdf", "source_file": "rapport-activites-2022.pdf"},
        {"source_kind": "reference", "source_file": "manifest.json"},
        {"source_kind": "text", "source_file": "rapport-activites-2022.txt"},
    ]
    runs = wh.query(built_warehouse, "select count(distinct run_id) as n from v_check_result")
    assert runs.n[0] == 1
    families = wh.query(built_warehouse, "select distinct family from v_check_result order by 1")
    assert families.family.tolist() == [
        "breakdown",
        "children",
        "completeness",
        "count",
        "list",
        "ratio",
        "reference",
        "restated",
        "shares",
        "source",
    ]


def test_a_failing_step_leaves_the_previous_warehouse(
    prefect_harness, existing_warehouse, report_path, monkeypatch
) -> None:
    before = wh.query(existing_warehouse, "select * from fact_figure order by all")

    def broken_checks(path, keep_runs):
        raise RuntimeError("check step crashed (injected)")

    monkeypatch.setattr(steps, "check_warehouse", broken_checks)
    with pytest.raises(RuntimeError, match="injected"):
        build_warehouse(reports=[str(report_path)], warehouse=str(existing_warehouse))
    assert wh.query(existing_warehouse, "select * from fact_figure order by all").equals(before)
    assert list(existing_warehouse.parent.glob("*.candidate*")) == []


def test_a_damaged_report_fails_the_flow_and_keeps_the_warehouse(
    prefect_harness, existing_warehouse, tmp_path
) -> None:
    before = wh.query(existing_warehouse, "select * from fact_figure order by all")
    damaged = tmp_path / "rapport-activites-2022.txt"
    damaged.write_bytes("Année 2022 - résumé".encode("latin-1"))
    with pytest.raises(SourceError, match=r"rapport-activites-2022\.txt: not valid UTF-8"):
        build_warehouse(reports=[str(damaged)], warehouse=str(existing_warehouse))
    assert wh.query(existing_warehouse, "select * from fact_figure order by all").equals(before)


def test_a_failing_gate_fails_the_run_and_keeps_the_last_good_warehouse(
    prefect_harness, existing_warehouse, report_copy, capsys
) -> None:
    """An MDS table row renamed: the checks fail, the run ends Failed, nothing is published."""
    text = report_copy.read_text(encoding="utf-8")
    row = "Bénéficiaires de la Prestation de Compensation du Handicap (PCH)\t1128"
    report_copy.write_text(text.replace(row, "Bénéficiaires de la PCH (renommé)\t1128", 1), "utf-8")
    before = existing_warehouse.read_bytes()

    state = build_warehouse(
        reports=[str(report_copy)], warehouse=str(existing_warehouse), return_state=True
    )
    assert state.is_failed()
    assert existing_warehouse.read_bytes() == before
    kept = existing_warehouse.with_name("indicators.candidate.duckdb")
    assert wh.query(kept, "select count(*) as n from stg_reject where line = 1340").n[0] == 1

    code = main(["build", "--report", str(report_copy), "--warehouse", str(existing_warehouse)])
    err = capsys.readouterr().err
    assert code == 1
    assert "indicators build: gate failed (" in err
    assert f"{existing_warehouse} not replaced; the refused candidate is kept at {kept}" in err
    assert "new failure: completeness__expected_blocks 62-mds-arrageois" in err
    assert "Traceback" not in err
    assert existing_warehouse.read_bytes() == before


def test_an_unchanged_build_reuses_the_published_warehouse_and_says_so(
    prefect_harness, tmp_path, capsys
) -> None:
    """The same inputs, code and SQL: the published warehouse and its check run stand, the
    file untouched. A changed reference file, a warehouse written since, or --rebuild,
    builds again."""
    import json
    import shutil

    import duckdb

    from pipelines.settings import REFERENCE_DIR

    target = tmp_path / "published" / "indicators.duckdb"
    first = build_warehouse(warehouse=str(target))
    run_id = json.loads((target.parent / "consistency-report.json").read_text())["run_id"]
    assert first["check_run"] == run_id and not first.get("reused")
    written = target.stat().st_mtime_ns

    assert main(["build", "--warehouse", str(target)]) == 0
    said = capsys.readouterr().out
    assert f"unchanged since check run {run_id}" in said
    assert "nothing read, loaded or checked" in said
    with duckdb.connect(str(target), read_only=True) as con:
        (figures,) = con.execute("select count(*) from fact_figure").fetchone() or (0,)
    assert f"{figures} figures" in said  # the published warehouse's own counts
    assert target.stat().st_mtime_ns == written

    reference = shutil.copytree(REFERENCE_DIR, tmp_path / "reference")
    readme = reference / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = build_warehouse(warehouse=str(target), reference_dir=str(reference))
    assert not changed.get("reused") and changed["check_run"] != run_id
    again = build_warehouse(warehouse=str(target), reference_dir=str(reference))
    assert again["reused"] and again["check_run"] == changed["check_run"]

    with duckdb.connect(str(target)) as con:  # written by hand since it was published
        con.execute("delete from fact_figure where indicator_code = 'population'")
    edited = build_warehouse(warehouse=str(target), reference_dir=str(reference))
    assert not edited.get("reused") and edited["check_run"] != changed["check_run"]
    forced = build_warehouse(warehouse=str(target), reference_dir=str(reference), rebuild=True)
    assert not forced.get("reused") and forced["check_run"] != edited["check_run"]
