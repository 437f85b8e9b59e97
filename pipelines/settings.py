"""Every path and default of the project, in one place.

The pipeline reads `raw/` (never writes it) and writes only under `warehouse/`, so that the
warehouse can always be rebuilt from `raw/` plus the code.
"""

from __future__ import annotations

import os
from pathlib import Path

from schemas.catalog import CATALOG_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[1]

RAW_DIR = PROJECT_ROOT / "raw"
REPORT_DIR = RAW_DIR / "report"
REFERENCE_DIR = RAW_DIR / "reference"
# The text export and the PDF of the same report: both are read, and checked against each other.
DEFAULT_REPORTS = (
    REPORT_DIR / "rapport-activites-2022.txt",
    REPORT_DIR / "rapport-activites-2022.pdf",
)


def report_files(folder: Path = REPORT_DIR) -> list[Path]:
    """Every report document in a folder (text exports and PDFs), in a stable order."""
    return sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in {".txt", ".pdf"})


# Pages of a PDF are read by this many processes (2 halve the time on 2 cores).
PDF_WORKERS = int(os.environ.get("INDICATORS_PDF_WORKERS", min(2, os.cpu_count() or 1)))

SQL_DIR = PROJECT_ROOT / "sql"
SQL_SCHEMA_DIR = SQL_DIR / "schema"
SQL_VIEWS_DIR = SQL_DIR / "views"
SQL_CHECKS_DIR = SQL_DIR / "checks"


# Reviewed exceptions to the linking of generated indicators to concepts
CONCEPT_REVIEW = CATALOG_DIR / "concept_review.yaml"

WAREHOUSE_DIR = Path(os.environ.get("INDICATORS_WAREHOUSE_DIR", PROJECT_ROOT / "warehouse"))
DEFAULT_WAREHOUSE = WAREHOUSE_DIR / "indicators.duckdb"

# Prefect's home (profiles, the served server's database): in the project, never the user's home.
PREFECT_HOME = PROJECT_ROOT / ".prefect"


def staging_dir_for(warehouse: Path) -> Path:
    """Staging files live beside the warehouse they feed (or where INDICATORS_STAGING_DIR says).

    They are a cache keyed by the source's content and the code's version: a build whose
    report did not change does not read it again."""
    shared = os.environ.get("INDICATORS_STAGING_DIR")
    folder = Path(shared) if shared else Path(warehouse).parent / "staging"
    return folder.resolve()  # a cache written from one working folder serves every other


# The check history keeps this many runs, the newest (each ~175 KB for the 2022 report).
def _runs_to_keep(text: str | None, default: int = 100) -> int:
    """At least one run (the one just written); a value that is no whole number: the default."""
    try:
        return max(1, int(text)) if text is not None else default
    except ValueError:
        return default


CHECK_HISTORY_RUNS = _runs_to_keep(os.environ.get("INDICATORS_CHECK_HISTORY_RUNS"))


def check_history_dir_for(warehouse: Path) -> Path:
    """Every check run, append-only, beside the warehouse it checked (one file per run): the
    record survives rebuilds, and checking never writes the warehouse itself."""
    return Path(warehouse).resolve().parent / "check-history"
