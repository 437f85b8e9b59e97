"""An unchanged build is nearly free: the published warehouse stands for it.

A build's fingerprint is the sha256 of everything that makes the warehouse: each report file
it reads (given or held by the warehouse) with its département and where that came from,
every reference file, the code and catalogs (`steps.code_version`), the SQL (schema, views,
checks, their baseline), how many check runs the history keeps, Python's and the reading
libraries' versions. A build whose gate passes records
its fingerprint, its check run and that run's counts in the candidate's `warehouse_meta`
before publishing it, and the published file's state (size, time, inode) beside it. The next
build computes its own fingerprint first: when the published warehouse holds the same one,
the file is as that build left it and its consistency report is still beside it, that
warehouse and its check run are the build's result; nothing is read, loaded or checked. `indicators
build --rebuild` builds anyway. A gate that failed (even if published anyway) records
nothing: the next build runs again.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from pipelines.load import warehouse as wh
from pipelines.read import file_sha256
from pipelines.settings import SQL_DIR

LIBRARIES = (
    "pdfplumber", "pdfminer.six", "pypdfium2", "duckdb", "pandas", "pandera", "rapidfuzz",
    "simplemma", "pyyaml", "spacy", "fr_core_news_sm", "text2num",
)  # fmt: skip
FINGERPRINT = "build_fingerprint"
CHECK_RUN = "build_check_run"
CHECK_COUNTS = "build_check_counts"


@dataclass(frozen=True)
class Reused:
    """The published warehouse standing for an unchanged build."""

    warehouse: Path
    run_id: str
    counts: dict[str, int]


def fingerprint(
    reports: list[tuple[Path, str | None, str]],
    reference_dir: Path,
    code_version: str,
    check_history_runs: int,
) -> str:
    """The build's fingerprint; `reports`: (path, département given or None, who gave it)."""
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update(json.dumps([str(p) for p in parts]).encode())

    add("code", code_version, "history", check_history_runs, "python", sys.version)
    for package in LIBRARIES:  # what reads, extracts and checks is theirs too
        add("library", package, _version(package))
    for path in sorted(p for p in SQL_DIR.rglob("*") if p.is_file()):
        add("sql", path.relative_to(SQL_DIR).as_posix(), file_sha256(path))
    for path, departement, source in sorted(reports, key=lambda r: str(r[0])):
        add("report", Path(path).resolve(), file_sha256(Path(path)), departement, source)
    for path in sorted(p for p in Path(reference_dir).rglob("*") if p.is_file()):
        add("reference", path.relative_to(reference_dir).as_posix(), file_sha256(path))
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def record(candidate: Path, build: str, run_id: str, counts: dict[str, int]) -> None:
    """Write the build's fingerprint and check run into the candidate (its gate passed)."""
    rows = [(FINGERPRINT, build), (CHECK_RUN, run_id), (CHECK_COUNTS, json.dumps(counts))]
    with wh.connect(candidate, read_only=False) as con:
        con.executemany("insert or replace into warehouse_meta values (?, ?)", rows)


def reusable(warehouse: Path, build: str, report: Path) -> Reused | None:
    """The published warehouse, when it was built from this very fingerprint and the
    consistency report of its check run is still at `report` (its JSON form); else None."""
    if not Path(warehouse).is_file() or not Path(report).is_file():
        return None
    try:
        with wh.connect(warehouse, read_only=True) as con:
            meta = dict(
                con.execute(
                    "select key, value from warehouse_meta where key in (?, ?, ?)",
                    [FINGERPRINT, CHECK_RUN, CHECK_COUNTS],
                ).fetchall()
            )
        written = json.loads(Path(report).read_text(encoding="utf-8"))
        if meta.get(FINGERPRINT) != build or str(written.get("run_id")) != meta.get(CHECK_RUN):
            return None
        if _file_state(warehouse) != json.loads(meta_file(warehouse).read_text("utf-8")):
            return None  # written since it was published: only a build says what it holds
        return Reused(Path(warehouse), meta[CHECK_RUN], json.loads(meta[CHECK_COUNTS]))
    except Exception:  # locked, damaged, older, never recorded: the build runs
        return None


def meta_file(warehouse: Path) -> Path:
    """Beside the warehouse: the state of the file as the build that recorded it left it."""
    return Path(warehouse).with_name(f".{Path(warehouse).name}.built.json")


def _file_state(warehouse: Path) -> dict:
    stat = Path(warehouse).stat()
    wal = Path(f"{warehouse}.wal")
    return {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "inode": stat.st_ino,
        "wal": wal.stat().st_size if wal.exists() else 0,
    }


def record_published(warehouse: Path) -> None:
    """After the recorded candidate is published: the state of the live file, so that a
    warehouse written since (by hand, by a tool) is never taken for the build's."""
    meta_file(warehouse).write_text(json.dumps(_file_state(warehouse)), encoding="utf-8")
