"""`indicators site`: a static site that works offline, opened in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipelines.load import warehouse as wh
from pipelines.publish.site import build_site

CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=5000",
    "--window-size=1280,2400",
]


@pytest.fixture(scope="module")
def site(built_warehouse, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    build_site(built_warehouse, folder)
    return folder


def open_page(page: Path, screenshot: Path, profile: Path) -> tuple[str, list[str]]:
    """The page's DOM after its scripts ran, and every console message it printed."""
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: run `make browser`")
    done = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={screenshot}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def test_the_site_has_a_page_per_indicator_and_no_network_reference(site, built_warehouse) -> None:
    pages = sorted((site / "indicator").glob("*.html"))
    indicators = wh.query(built_warehouse, "select count(*) as n from dim_indicator").n[0]
    assert len(pages) == indicators > 700
    for page in [site / "index.html", site / "indicators.html", *pages]:
        assert not re.search(r"(src|href)=\"(https?:)?//", page.read_text(encoding="utf-8"))


def test_the_front_page_renders_its_charts_without_console_errors(
    site, tmp_path, built_warehouse
) -> None:
    shot = tmp_path / "index.png"
    dom, console = open_page(site / "index.html", shot, tmp_path / "profile")
    assert console == []
    assert shot.stat().st_size > 50_000
    # a one-screen summary, the charts, then the findings collapsed by kind
    assert dom.index('class="summary"') < dom.index('id="charts"') < dom.index('id="findings"')
    findings = wh.query(
        built_warehouse, "select count(*) as n from v_check_result where status <> 'pass'"
    ).n[0]
    assert dom.count('class="finding') == findings > 20
    assert '<details class="kind-warning">' in dom and '<details class="kind-accepted">' in dom
    assert dom.count('class="finding accepted"') == 10  # neutral, not alarming red
    assert "=16.0" not in dom and "-9223.0" not in dom and "^{" not in dom
    for chart in ("chart-shares", "chart-mds-rates", "chart-checks"):
        segment = dom.split(f'id="{chart}"', 1)[1].split('class="chart"', 1)[0]
        assert "main-svg" in segment, chart
        assert segment.count('class="point"') >= 7, chart  # bars drawn, not an empty frame


def test_an_indicator_page_renders_its_values_and_chart(site, tmp_path) -> None:
    shot = tmp_path / "rsa.png"
    dom, console = open_page(
        site / "indicator" / "rsa_allocataires_count.html", shot, tmp_path / "profile"
    )
    assert console == []
    assert dom.count('class="point"') == 8  # the 8 MDS that print a table
    assert "48\u202f137" in dom and "Allocataires du RSA" in dom


def test_the_indicator_search_finds_by_label_and_domain(site, tmp_path) -> None:
    page = (site / "indicators.html").as_uri() + "?q=budget"
    done = subprocess.run(
        [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={tmp_path / 'p'}", "--dump-dom", page],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    rows = re.findall(r"<tr data-text=\"([^\"]*)\"( hidden)?", done.stdout)
    shown = [text for text, hidden in rows if not hidden]
    assert len(rows) > 700
    assert 5 < len(shown) < 60 and all("budget" in text for text in shown)
    assert 'id="shown">' + str(len(shown)) in done.stdout


def test_an_indicator_page_links_its_findings_and_shows_qualifiers(site) -> None:
    colleges = (site / "indicator" / "colleges_count.html").read_text(encoding="utf-8")
    anchor = re.search(r"href='../index.html#(finding-\d+)'>children__sum_vs_parent", colleges)
    assert anchor is not None
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'id="{anchor.group(1)}"' in index
    population = (site / "indicator" / "population.html").read_text(encoding="utf-8")
    assert "&gt; 288\u202f000" in population or "≈ " in population


def test_the_catalogue_gives_every_table_its_columns_and_lineage(site, built_warehouse) -> None:
    catalogue = (site / "catalogue.html").read_text(encoding="utf-8")
    views = wh.query(built_warehouse, "select view_name from duckdb_views() where not internal")
    for view in views.view_name:
        assert f"<h2 id='{view}'>" in catalogue, view
    figure = catalogue.split("<h2 id='v_figure'>", 1)[1].split("<h2 ", 1)[0]
    assert "reads: <a href='#v_statement'>" in figure
    assert "download <a href='data/v_figure.parquet'>Parquet</a>" in figure
    assert (site / "data" / "v_figure.parquet").is_file()
    assert (site / "data" / "datapackage.json").is_file()
