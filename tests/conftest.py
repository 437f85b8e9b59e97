"""Shared fixtures, named by the state they give."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.document import Document
from pipelines.paths import DEFAULT_REPORTS
from pipelines.readers.text_export import read_text_export
from schemas.catalog import (
    EntityCatalog,
    IndicatorCatalog,
    load_entity_catalog,
    load_indicator_catalog,
)

DATA = Path(__file__).parent / "data"
REPORT = DEFAULT_REPORTS[0]


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
def prefect_harness():
    """One temporary Prefect API for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def built_warehouse(prefect_harness, tmp_path_factory) -> Path:
    """The warehouse built once by the real flow from the shipped report."""
    from pipelines.flows import build_warehouse

    target = tmp_path_factory.mktemp("built") / "indicators.duckdb"
    build_warehouse(reports=[str(REPORT)], warehouse=str(target))
    return target


@pytest.fixture
def existing_warehouse(built_warehouse, tmp_path) -> Path:
    """A private copy of the built warehouse that a test may damage."""
    copy = tmp_path / "indicators.duckdb"
    shutil.copyfile(built_warehouse, copy)
    return copy


@pytest.fixture
def report_copy(tmp_path) -> Path:
    """A writable copy of the report, to plant errors in."""
    copy = tmp_path / REPORT.name
    shutil.copyfile(REPORT, copy)
    return copy
