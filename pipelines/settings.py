"""Every path and default of the project, and the settings of a run, in one place.

The pipeline reads `raw/` (never writes it) and writes only under `warehouse/`, so that the
warehouse can always be rebuilt from `raw/` plus the code.

`Settings` is what a run may be told: built once by the command line (and by the flow's entry,
for a served run) from its arguments and the environment, then passed down. This module and
the command line are the only code that reads the environment, and never at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from pipelines.errors import IndicatorsError
from schemas.catalog import CATALOG_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[1]

RAW_DIR = PROJECT_ROOT / "raw"
REPORT_DIR = RAW_DIR / "report"
REFERENCE_DIR = RAW_DIR / "reference"


def report_files(folder: Path = REPORT_DIR) -> list[Path]:
    """Every report document in a folder (text exports and PDFs), in a stable order."""
    return sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in {".txt", ".pdf"})


def shipped_reports(folder: Path = REPORT_DIR) -> tuple[Path, Path]:
    """The text export and the PDF of one report in a folder (same name; the last by name:
    the newest year), both read and checked against each other."""
    files = report_files(folder)
    texts = {p.stem: p for p in files if p.suffix.lower() == ".txt"}
    pdfs = {p.stem: p for p in files if p.suffix.lower() == ".pdf"}
    both = sorted(set(texts) & set(pdfs))
    if not both:
        raise FileNotFoundError(f"{folder}: no text export with its PDF (one name, .txt and .pdf)")
    return texts[both[-1]], pdfs[both[-1]]


SQL_DIR = PROJECT_ROOT / "sql"
SQL_SCHEMA_DIR = SQL_DIR / "schema"
SQL_VIEWS_DIR = SQL_DIR / "views"
SQL_CHECKS_DIR = SQL_DIR / "checks"


# Reviewed exceptions to the linking of generated indicators to concepts
CONCEPT_REVIEW = CATALOG_DIR / "concept_review.yaml"

DEFAULT_WAREHOUSE_DIR = PROJECT_ROOT / "warehouse"
WAREHOUSE_FILE = "indicators.duckdb"

# Prefect's home (profiles, the served server's database): in the project, never the user's home.
PREFECT_HOME = PROJECT_ROOT / ".prefect"


def check_history_dir_for(warehouse: Path) -> Path:
    """Every check run, append-only, beside the warehouse it checked (one file per run): the
    record survives rebuilds, and checking never writes the warehouse itself."""
    return Path(warehouse).resolve().parent / "check-history"


class SettingsError(IndicatorsError, ValueError):
    """An environment variable or argument holds a value the run cannot use."""


def warehouse_file(path: Path | str) -> Path:
    """A warehouse is a file: a folder given for it is refused, naming it."""
    path = Path(path)
    if path.is_dir():
        raise SettingsError(f"{path} is a folder; give the path of a .duckdb file")
    return path


# Each setting, the environment variable that sets it, and why its default is what it is.
ENVIRONMENT = {
    "warehouse_dir": "INDICATORS_WAREHOUSE_DIR",  # warehouse/ of the project
    "staging_dir": "INDICATORS_STAGING_DIR",  # beside the warehouse: staging/
    "pdf_workers": "INDICATORS_PDF_WORKERS",  # 2 processes halve the PDF pass on 2 cores
    "workers": "INDICATORS_WORKERS",  # documents in N processes (1: one thread; unset: 2 threads)
    "dask_address": "INDICATORS_DASK_ADDRESS",  # an existing Dask scheduler, tcp://host:8786
    "lock_timeout_s": "INDICATORS_LOCK_TIMEOUT",  # 120 s: a build waits for one other writer
    "check_history_runs": "INDICATORS_CHECK_HISTORY_RUNS",  # 100 runs of ~175 KB each
    "failure_webhook": "INDICATORS_FAILURE_WEBHOOK",  # where a failed build is announced
    "server_startup_timeout_s": "INDICATORS_SERVER_STARTUP_TIMEOUT",  # `serve`'s own server
    # a temporary server migrating a fresh database took more than Prefect's default 20 s
    "ephemeral_startup_timeout_s": "INDICATORS_EPHEMERAL_STARTUP_TIMEOUT",
    "prefect_home": "PREFECT_HOME",  # .prefect/ of the project, never the user's home
    "prefect_api_url": "PREFECT_API_URL",  # a running server; else a temporary one
}


PREFECT_EPHEMERAL_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


@dataclass(frozen=True)
class Settings:
    """What a run is told, with its defaults."""

    warehouse: Path = DEFAULT_WAREHOUSE_DIR / WAREHOUSE_FILE
    staging_dir: Path | None = None
    pdf_workers: int = 2
    workers: int | None = None
    dask_address: str | None = None
    lock_timeout_s: float = 120.0
    check_history_runs: int = 100
    failure_webhook: str | None = None
    server_startup_timeout_s: float = 180.0
    ephemeral_startup_timeout_s: float = 180.0
    prefect_home: Path = PREFECT_HOME
    prefect_api_url: str | None = None

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, **arguments: object
    ) -> Settings:
        """The environment's values over the defaults, the arguments given (not None) over
        both. A value that is not what its variable takes is an error naming the variable;
        but a check-history size that is no whole number keeps the default, as it always did."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name, variable in ENVIRONMENT.items():
            text = environ.get(variable)
            if text:
                values[name] = _parse(name, variable, text)
        # Prefect's own variable, when set, is the one Prefect obeys: the setting says it
        prefect_timeout = environ.get(PREFECT_EPHEMERAL_TIMEOUT)
        if prefect_timeout:
            values["ephemeral_startup_timeout_s"] = _parse(
                "ephemeral_startup_timeout_s", PREFECT_EPHEMERAL_TIMEOUT, prefect_timeout
            )
        directory = values.pop("warehouse_dir", None)
        if directory is not None:
            values["warehouse"] = Path(str(directory)) / WAREHOUSE_FILE
        values.setdefault("pdf_workers", min(2, os.cpu_count() or 1))
        values.update({k: v for k, v in arguments.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"no such setting: {', '.join(sorted(unknown))}")
        settings = cls(**values)  # type: ignore[arg-type]
        warehouse_file(settings.warehouse)
        return settings

    def but(self, **changes: object) -> Settings:
        """These settings with some changed (None changes nothing)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]

    def staging_for(self, warehouse: Path) -> Path:
        """Staging files live beside the warehouse they feed (or where staging_dir says).

        They are a cache keyed by the source's content and the code's version: a build whose
        report did not change does not read it again."""
        folder = self.staging_dir or Path(warehouse).parent / "staging"
        return Path(folder).resolve()  # a cache written from one working folder serves every other

    def prefect_environment(self) -> dict[str, str]:
        """What Prefect reads before it is imported: a project-local home (its database never
        goes to the user's home), no analytics, a patient temporary server."""
        return {
            "PREFECT_HOME": str(self.prefect_home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            PREFECT_EPHEMERAL_TIMEOUT: f"{self.ephemeral_startup_timeout_s:g}",
        }


def _parse(name: str, variable: str, text: str) -> object:
    if name in {"warehouse_dir", "staging_dir", "prefect_home"}:
        return Path(text)
    if name in {"dask_address", "failure_webhook", "prefect_api_url"}:
        return text
    try:
        number = float(text) if name.endswith("_s") else int(text)
    except ValueError:
        if name == "check_history_runs":
            return Settings.check_history_runs
        kind = "a number of seconds" if name.endswith("_s") else "a whole number"
        raise SettingsError(f"{variable}={text!r}: expected {kind}") from None
    if name == "check_history_runs":
        return max(1, int(number))  # at least the run just written
    if number < 0:
        raise SettingsError(f"{variable}={text!r}: expected a number of at least 0")
    if name == "workers":
        return int(number) or 1  # 0: no pool, one thread, as 1
    if name == "pdf_workers":
        return max(1, int(number))  # 0: one process
    if number == 0 and name != "lock_timeout_s":
        raise SettingsError(f"{variable}={text!r}: expected a number above 0")
    return number


def prepare_prefect_environment(settings: Settings) -> None:
    """Set Prefect's variables a command needs (those the user did not set) before Prefect is
    imported: Prefect reads its settings from the environment."""
    for variable, value in settings.prefect_environment().items():
        os.environ.setdefault(variable, value)


def use_prefect_api(api_url: str) -> None:
    """Talk to this Prefect API from now on; processes started later (served runs, Dask
    workers) inherit it."""
    os.environ["PREFECT_API_URL"] = api_url


def environment_with(changes: Mapping[str, str | None]) -> dict[str, str]:
    """This process's environment with some variables set (None: removed), for a child
    process."""
    environment = {**os.environ, **{k: v for k, v in changes.items() if v is not None}}
    for variable in [k for k, v in changes.items() if v is None]:
        environment.pop(variable, None)
    return environment
