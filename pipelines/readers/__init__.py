"""Readers turn a source file into the document model (`pipelines.document`)."""

from __future__ import annotations

import hashlib
from pathlib import Path


class SourceError(Exception):
    """A source file cannot be read as what it claims to be. The message names the file."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
