"""`indicators site`: a static site that works offline, opened in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipelines import warehouse as wh
from pipelines.site import build_site

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
    assert dom.index('id="findings"') < dom.index('id="charts"')
    findings = wh.query(
        built_warehouse, "select count(*) as n from v_check_result where status <> 'pass'"
    ).n[0]
    assert dom.count('class="finding') == findings > 20
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
