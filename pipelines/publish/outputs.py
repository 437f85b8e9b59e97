"""Output folders of `indicators export` and `indicators site`: never the warehouse's own
folder, never someone else's files.

A command writes into a folder that is new, empty, or an earlier output of the same kind (it
lists what it wrote in `.indicators-output.json`); it replaces only files it wrote there
before, and writes each file under a temporary name then renames it, so a reader never sees
half a file. Anything else is refused before a byte is written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.errors import IndicatorsError
from pipelines.load.parquet import write_text_whole
from pipelines.settings import Settings, check_history_dir_for

MARKER = ".indicators-output.json"
# a file being written under a temporary name: `.<name>.<8 hex>.partial` (and its DuckDB wal)
_PARTIAL = re.compile(r"^\..+\.[0-9a-f]{8}\.partial(\.wal)?$")


class OutputError(IndicatorsError):
    """The output folder may not be written: the message names it and why."""


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def protected_paths(warehouse: Path, staging_dir: Path | None = None) -> list[Path]:
    """What only `indicators build` writes: the warehouse's folder, its history, its cache
    (`staging_dir`, by default beside the warehouse)."""
    warehouse = Path(warehouse).resolve()
    staging = Settings(staging_dir=staging_dir).staging_for(warehouse)
    return [warehouse.parent, check_history_dir_for(warehouse), staging]


@dataclass
class OutputFolder:
    """A folder a command may write, with the files an earlier run of it wrote there."""

    path: Path
    kind: str
    earlier: set[str]
    written: list[str] = field(default_factory=list)
    temporaries: list[Path] = field(default_factory=list)  # this run's, removed by `finish`

    def target(self, name: str) -> Path:
        """Where to write `name` (a path relative to the folder); refuses a file it did not
        write before."""
        path = self.path / name
        if (path.exists() or path.is_symlink()) and name not in self.earlier:
            raise OutputError(
                f"{path}: not written by an earlier `indicators {self.kind}`; it is left "
                f"alone: give an empty or new folder"
            )
        return path

    def write_text(self, name: str, text: str) -> Path:
        path = self.target(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_whole(path, text)
        self.written.append(name)
        return path

    def place(self, name: str, written: Path) -> Path:
        """Rename a file written under a temporary name in the folder into place."""
        path = self.target(name)
        os.replace(written, path)
        self.written.append(name)
        return path

    def temporary(self, name: str) -> Path:
        """A private name in the folder to write `name` under before `place`."""
        partial = self.path / f".{Path(name).name}.{uuid.uuid4().hex[:8]}.partial"
        self.temporaries.append(partial)
        return partial

    def remove_earlier(self, prefix: str) -> None:
        """Remove the files under `prefix` that an earlier run wrote (pages of indicators
        that no longer exist must not stay)."""
        for name in sorted(self.earlier):
            if name.startswith(prefix):
                (self.path / name).unlink(missing_ok=True)
        folder = self.path / prefix
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()

    def finish(self) -> None:
        """Remove this run's temporary files, and record what this run and the earlier ones
        wrote that is still there: the next run may replace exactly these files (a run that
        failed half-way leaves a folder the next run can still write)."""
        for partial in self.temporaries:
            for leftover in (partial, Path(f"{partial}.wal")):
                leftover.unlink(missing_ok=True)
        still_there = {name for name in self.earlier if (self.path / name).exists()}
        files = sorted((still_there | set(self.written)) - {MARKER})
        self.write_text(MARKER, json.dumps({"kind": self.kind, "files": files}, indent=1) + "\n")


def open_output(
    output: Path, warehouse: Path, kind: str, staging_dir: Path | None = None
) -> OutputFolder:
    """The output folder of `indicators <kind>`, or `OutputError` before anything is written."""
    output = Path(output).resolve()
    warehouse = Path(warehouse).resolve()
    for protected in protected_paths(warehouse, staging_dir):
        if _is_within(output, protected) or _is_within(protected, output):
            where = "is inside" if _is_within(output, protected) else "holds"
            raise OutputError(
                f"{output}: {where} the folder of the warehouse {warehouse.name}, its check "
                "history or its staging cache (only `indicators build` writes there); give "
                f"another folder to `indicators {kind} --output`"
            )
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: a file, not a folder; give a folder to --output")
    earlier: set[str] = set()
    if output.is_dir() and all(_PARTIAL.match(p.name) for p in output.iterdir()):
        remove_partials(output)  # only what a killed first run left: an empty folder
    if output.is_dir() and any(output.iterdir()):
        marker = output / MARKER
        try:
            listing = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise OutputError(
                f"{output}: not empty, and not an earlier `indicators {kind}` output (no "
                f"readable {MARKER}); its files are left alone: give an empty or new folder"
            ) from None
        if not isinstance(listing, dict) or listing.get("kind") != kind:
            raise OutputError(
                f"{output}: an earlier output of another command ({MARKER} says "
                f"{listing.get('kind') if isinstance(listing, dict) else listing!r}); give "
                "an empty or new folder"
            )
        earlier = {str(name) for name in listing.get("files", [])} | {MARKER}
        remove_partials(output)  # an earlier run of ours was killed while writing
    output.mkdir(parents=True, exist_ok=True)
    return OutputFolder(output, kind, earlier)


def remove_partials(folder: Path) -> None:
    """Temporary files an interrupted run of an export or site left in its folder."""
    for partial in Path(folder).iterdir():
        if not _PARTIAL.match(partial.name):
            continue
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        else:
            partial.unlink(missing_ok=True)
