"""Eight report years in one warehouse: the checks still run, each year judged as one.

Every year is the 2022 export under another year's title, so each must give the same
comparisons. The checks share their views through tables computed once per run
(`checks.SHARED_VIEWS`): inlined into each check, the ratio check ran out of memory on
these 8 years (92 s spilling to disk; with 10 the planner happened to choose well).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import REPORT

from pipelines.check.checks import run_checks
from pipelines.run import steps

YEARS = range(2022, 2030)


@pytest.fixture(scope="module")
def many_years(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many-years")
    text = REPORT.read_text(encoding="utf-8")
    reports = []
    for year in YEARS:
        path = folder / f"rapport-activites-{year}.txt"
        path.write_text(text.replace("- ANNÉE 2022 -", f"- ANNÉE {year} -", 1), encoding="utf-8")
        reports.append(path)
    # synthetic years: their findings are not reviewed, so the gate would refuse them
    return steps.build(reports, folder / "indicators.duckdb", publish_anyway=True)


def test_every_check_runs_on_eight_years_within_a_bounded_memory(many_years) -> None:
    with duckdb.connect(str(many_years), read_only=True) as con:
        con.execute("set memory_limit = '1GB'; set max_temp_directory_size = '300MB'")
        run = run_checks(con)
    assert run.errors == {}
    results = run.results
    density = results[results.check_id == "ratio__density"]
    per_year = density.groupby("report_year").size()
    assert sorted(per_year.index) == list(YEARS)
    assert per_year.nunique() == 1 and per_year.iloc[0] == 7  # the 7 territories, each year
