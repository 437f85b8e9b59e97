"""A newcomer's day, scripted: a fresh clone with an empty home folder, `make build`, the
README's five first queries, the warehouse opened with a DuckDB 1.x, `export`, then `site` in
headless Chromium: search an indicator, open its page, follow one of its findings."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipelines.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--virtual-time-budget=5000"]  # fmt: skip


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return done.stdout


def _dom(url: str, profile: Path) -> str:
    assert CHROMIUM is not None, "chromium is not installed: run `make browser`"
    return _run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                profile.parent, dict(os.environ), timeout=60)  # fmt: skip


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh clone, built with `make build` by a user whose home folder is empty."""
    root = tmp_path_factory.mktemp("newcomer")
    home = root / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INDICATORS_", "PREFECT_", "VIRTUAL_ENV"))
    }
    env["HOME"] = str(home)
    cache = Path.home() / ".cache" / "pip"  # packages already downloaded: no need to fetch again
    if cache.is_dir():
        env["PIP_CACHE_DIR"] = str(cache)
    _run(["git", "clone", "--quiet", str(PROJECT_ROOT), str(root / "clone")], root, env)
    clone = root / "clone"
    out = _run(["make", "build"], clone, env)
    assert re.search(r"warehouse \S+indicators.duckdb: \d+ figures", out), out
    assert (clone / "warehouse" / "consistency-report.xml").is_file()
    return clone, env


def test_the_readmes_first_queries_return_what_they_say(clone) -> None:
    folder, env = clone
    readme = (folder / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.DOTALL)
    assert len(queries) == 5
    for sql in queries:
        stated = int(re.match(r"-- (\d+) rows", sql).group(1))  # type: ignore[union-attr]
        out = _run([".venv/bin/indicators", "query", sql, "--format", "json"], folder, env)
        assert len(json.loads(out)) == stated, sql


def test_duckdb_1x_opens_the_built_warehouse(clone) -> None:
    folder, env = clone
    version = _run([".venv/bin/duckdb", "--version"], folder, env)
    assert version.startswith("v1.")
    out = _run([".venv/bin/duckdb", "-readonly", "-list", "-noheader", "-c",
                "select count(*) from v_figure where is_preferred",
                "warehouse/indicators.duckdb"], folder, env)  # fmt: skip
    assert int(out.strip()) > 1000


def test_export_then_site_search_an_indicator_open_it_and_follow_a_finding(clone) -> None:
    folder, env = clone
    out = _run([".venv/bin/indicators", "export", "--output", "release"], folder, env)
    assert re.match(r"release: \d+ views", out)
    assert json.loads((folder / "release" / "datapackage.json").read_text())["licenses"]
    _run([".venv/bin/indicators", "site", "--output", "site"], folder, env)
    site = folder / "site"
    found = _dom((site / "indicators.html").as_uri() + "?q=collèges", folder / "p1")
    rows = re.findall(
        r'<tr data-text="[^"]*"( hidden="")?><td><a href="indicator/(\w+)\.html"', found
    )
    shown = [code for hidden, code in rows if not hidden]
    assert len(rows) > 700 and len(shown) < 40
    assert "colleges_count" in shown
    page = _dom((site / "indicator" / "colleges_count.html").as_uri(), folder / "p2")
    link = re.search(r'href="../index.html#(finding-\d+)">children__sum_vs_parent', page)
    assert link is not None
    index = _dom((site / "index.html").as_uri(), folder / "p3")
    card = index.split(f'id="{link.group(1)}"', 1)[1].split('class="finding', 1)[0]
    assert "children__sum_vs_parent" in card and "157" in card and "125" in card
