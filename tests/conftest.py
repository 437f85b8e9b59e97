"""Shared fixtures, named by the state they give."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.read.document import Document
from pipelines.read.text_export import read_text_export
from pipelines.settings import shipped_reports
from schemas.catalog import (
    EntityCatalog,
    IndicatorCatalog,
    load_entity_catalog,
    load_indicator_catalog,
)

DATA = Path(__file__).parent / "data"
# the slower variants of the reliability tests run under `make reliability` only
EXHAUSTIVE = bool(os.environ.get("INDICATORS_RELIABILITY_ALL"))
REPORT = shipped_reports()[0]


@pytest.hookimpl(tryfirst=True)  # before `-m 'not slow'` deselects
def pytest_collection_modifyitems(config, items) -> None:
    """The pyramid: tests/unit/ (small inputs built in memory), tests/regression_2022/ (the
    real report), tests/end_to_end/ (whole builds, the flow, the server, the browser: `slow`,
    run by `make test-slow`)."""
    for item in items:
        if "end_to_end" in item.path.parts:
            item.add_marker(pytest.mark.slow)


def pytest_configure(config) -> None:
    """One staging cache for the session: each report is read once, whichever test is first."""
    import os
    import tempfile

    os.environ.setdefault("INDICATORS_STAGING_DIR", tempfile.mkdtemp(prefix="staging-"))


@pytest.fixture(scope="session")
def report_path() -> Path:
    return REPORT


@pytest.fixture(scope="session")
def report_lines() -> list[str]:
    """The real export, line by line (index 0 is line 1)."""
    return REPORT.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def document() -> Document:
    return read_text_export(REPORT)


@pytest.fixture(scope="session")
def indicators() -> IndicatorCatalog:
    return load_indicator_catalog()


@pytest.fixture(scope="session")
def entities() -> EntityCatalog:
    return load_entity_catalog()


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory) -> Iterator[str]:
    """One real `prefect server` for the whole session, on a free local port, its database in
    a temporary folder (starting one costs seconds). Yields its API URL, which processes
    started by the tests (served runs, Dask workers) inherit."""
    import os

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from pipelines.run.server import free_port, running_server

    home = tmp_path_factory.mktemp("prefect-home")
    with running_server(free_port(), home=home, ui=False, timeout=180) as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        try:
            with temporary_settings({PREFECT_API_URL: api_url}):
                yield api_url
                APILogWorker.drain_all()  # send the last logs and events before the server stops
                EventsWorker.drain_all()
        finally:
            os.environ.pop("PREFECT_API_URL", None)


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> Path:
    """The warehouse built once from the shipped inputs (text, PDF, reference) by the plain
    steps the flow runs as tasks: Prefect only where the flow itself is under test."""
    from pipelines.run import steps
    from pipelines.settings import REPORT_DIR, report_files

    target = tmp_path_factory.mktemp("built") / "indicators.duckdb"
    return steps.build(report_files(REPORT_DIR), target)


@pytest.fixture(scope="session")
def pdf_document():
    """The shipped PDF rendition, read once."""
    from pipelines.read.pdf import read_pdf

    return read_pdf(shipped_reports()[1], workers=2)


@pytest.fixture(scope="session")
def compact_pdf(tmp_path_factory) -> Path:
    """A second rendition: serif, two columns, tables without any rule."""
    from tools.render_report_pdf import LAYOUTS, render

    path = tmp_path_factory.mktemp("compact") / "rapport-activites-2022.pdf"
    render(read_text_export(REPORT), path, LAYOUTS["compact"])
    return path


@pytest.fixture
def existing_warehouse(built_warehouse, tmp_path) -> Path:
    """A private copy of the built warehouse that a test may damage."""
    copy = tmp_path / "indicators.duckdb"
    shutil.copyfile(built_warehouse, copy)
    return copy


def build_with_steps(reports: list[Path], warehouse: Path, *, publish_anyway: bool = True) -> Path:
    """The build without Prefect: report(s) and the shipped reference files. Publishes even
    when the gate fails unless told otherwise, for the tests that run `check` on the result."""
    from pipelines.run import steps

    return steps.build(reports, warehouse, publish_anyway=publish_anyway)


@pytest.fixture(scope="session")
def text_warehouse(tmp_path_factory) -> Path:
    """A warehouse built without Prefect from the export alone and the reference files."""
    from pipelines.run import steps

    return steps.build([REPORT], tmp_path_factory.mktemp("text") / "indicators.duckdb")


@pytest.fixture
def report_copy(tmp_path) -> Path:
    """A writable copy of the report, to plant errors in."""
    copy = tmp_path / REPORT.name
    shutil.copyfile(REPORT, copy)
    return copy


def scanned_pdf(pdf: Path, pages: int, target: Path) -> Path:
    """The first pages of a PDF as pictures only, as a scanner gives them (no text layer)."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    source = pdfium.PdfDocument(str(pdf))
    drawing = canvas.Canvas(str(target))
    for index in range(pages):
        width, height = source[index].get_size()
        drawing.setPageSize((width, height))
        drawing.drawImage(ImageReader(source[index].render(scale=1).to_pil()), 0, 0, width, height)
        drawing.showPage()
    drawing.save()
    return target
