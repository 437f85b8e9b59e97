"""What a scheduled run has to do: the inputs whose content the live warehouse lacks.

The warehouse records the sha256 of every source it loaded (`dim_source`): a report file by
its own hash, the reference files by their manifest's hash (the manifest holds each file's
hash). An input whose hash is there is unchanged; when every input is unchanged, a scheduled
run reads nothing and loads nothing.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.load import warehouse as wh
from pipelines.read import SourceError, file_sha256


def loaded_hashes(warehouse: Path) -> set[str]:
    """The sha256 of every source the warehouse holds (none when there is no warehouse)."""
    if not Path(warehouse).is_file():
        return set()
    return set(wh.query(warehouse, "select source_sha256 from dim_source").source_sha256)


def changed_inputs(reports: list[Path], reference_dir: Path, warehouse: Path) -> list[str]:
    """The report files and the reference manifest not yet loaded as they are now."""
    manifest = Path(reference_dir) / "manifest.json"
    if not manifest.is_file():
        raise SourceError(f"{manifest}: no reference manifest")
    loaded = loaded_hashes(warehouse)
    inputs = [*map(Path, reports), manifest]
    return [str(path) for path in inputs if file_sha256(path) not in loaded]
