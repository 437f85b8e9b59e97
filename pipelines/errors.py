"""What a failed command prints: one line that names the cause, never a traceback.

The project's own errors already name their input; errors of the environment (disk full, no
write permission, a folder where a file is expected) are worded here from their errno.
"""

from __future__ import annotations

import errno
from pathlib import Path

_DISK_FULL = "No space left on device"
_ENVIRONMENT = {
    errno.ENOSPC: "disk full (no space left on device)",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied (a read-only folder or file?)",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.EISDIR: "is a folder, a file was expected",
    errno.ENOTDIR: "a file stands where a folder was expected",
}


class IndicatorsError(Exception):
    """An error the project foresaw: its message names the input and the cause, and the
    command line prints it as one line (exit 3)."""


class GateFailed(IndicatorsError):
    """The checks of a candidate warehouse failed the gate: it was not published."""

    def __init__(self, warehouse: Path, kept: Path, reasons: list[str]) -> None:
        self.warehouse, self.kept, self.reasons = Path(warehouse), Path(kept), reasons
        super().__init__(
            f"gate failed ({len(reasons)} reason(s)): {warehouse} not replaced; "
            f"the refused candidate is kept at {kept}"
        )


def _chain(err: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = err
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else ""


def one_line(err: BaseException) -> str:
    """The cause of `err` in one line (a full disk wins over what it caused later)."""
    import duckdb

    chain = _chain(err)
    for cause in chain:  # a full disk makes later steps fail in confusing ways
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT):
            where = f"{Path(cause.filename).parent}: " if cause.filename else ""
            return f"{where}{_ENVIRONMENT[cause.errno]}"  # the folder to make room in
        if _DISK_FULL in str(cause):
            return f"disk full: {_first_line(str(cause))}"
    if isinstance(err, OSError) and err.errno in _ENVIRONMENT:
        return f"{err.filename}: {_ENVIRONMENT[err.errno]}" if err.filename else str(err)
    if isinstance(err, OSError):
        return f"{err.filename}: {err.strerror}" if err.filename else _first_line(str(err))
    known = (IndicatorsError, duckdb.Error)
    if isinstance(err, known):
        return _first_line(str(err))
    return (
        f"{type(err).__name__}: {_first_line(str(err))} "
        "(unexpected; run again with --debug for the traceback)"
    )
