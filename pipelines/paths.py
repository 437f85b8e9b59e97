"""Every path and default of the project, in one place.

The pipeline reads `raw/` (never writes it) and writes only under `warehouse/`, so that the
warehouse can always be rebuilt from `raw/` plus the code.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

RAW_DIR = PROJECT_ROOT / "raw"
REPORT_DIR = RAW_DIR / "report"
REFERENCE_DIR = RAW_DIR / "reference"
DEFAULT_REPORTS = (REPORT_DIR / "rapport-activites-2022.txt",)

SQL_DIR = PROJECT_ROOT / "sql"
SQL_SCHEMA_DIR = SQL_DIR / "schema"
SQL_VIEWS_DIR = SQL_DIR / "views"
SQL_CHECKS_DIR = SQL_DIR / "checks"

CATALOG_DIR = PROJECT_ROOT / "schemas" / "catalog"
INDICATOR_CATALOG = CATALOG_DIR / "indicators.yaml"
ENTITY_CATALOG = CATALOG_DIR / "entities.yaml"

WAREHOUSE_DIR = Path(os.environ.get("INDICATORS_WAREHOUSE_DIR", PROJECT_ROOT / "warehouse"))
DEFAULT_WAREHOUSE = WAREHOUSE_DIR / "indicators.duckdb"


def staging_dir_for(warehouse: Path) -> Path:
    """Staging files live beside the warehouse they feed."""
    return warehouse.parent / "staging"
