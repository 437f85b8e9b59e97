"""Read: source files into the document model (`read.document`); reference files into frames."""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from pathlib import Path

from pipelines.errors import IndicatorsError


class SourceError(IndicatorsError):
    """A source file cannot be read as what it claims to be. The message names the file."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Typographic quotes a word processor puts in place of the export's straight ones (French
# guillemets « » are the report's own and stay).
_QUOTES = str.maketrans(
    {
        "\u2019": "'",  # ’ right single quotation mark (the usual "smart" apostrophe)
        "\u2018": "'",  # ‘
        "\u201b": "'",  # ‛
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u2032": "'",  # ′ prime
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
    }
)
# pdfium must not be entered by two threads at once, even on two documents (a Dask worker
# runs tasks in threads): every call into it from the readers holds this lock
PDFIUM_LOCK = threading.RLock()

# Every character `str.splitlines` ends a line at: a reader and the integrity checks split
# (and count) lines the same way.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def normalise_text(text: str) -> str:
    """The one normalisation of every text read: Unicode NFC (an export saved in NFD spells
    `é` as `e` + a combining accent) and straight apostrophes and quotes."""
    return unicodedata.normalize("NFC", text).translate(_QUOTES)


def ends_inside_line(text: str) -> int | None:
    """The number of the last line of `text` when it does not end with a line break (a file
    cut off inside its last line), counted as `str.splitlines` counts lines."""
    if not text or text[-1] in LINE_BREAKS:
        return None
    return len(text.splitlines())
