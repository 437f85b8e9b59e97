"""Section titles found by their words, not by their exact spelling.

A typesetter may print a title in capitals or not, with ligatures (ﬁ, ﬂ), hyphenated over
two lines, or with its words merged or split by the PDF's spacing. Titles are compared in a
folded form (lower case, no accents, no ligatures, no spaces or hyphens) with rapidfuzz, and
the score (0-100) is kept in the quality record of the block found under the title.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

MIN_SCORE = 88.0  # below this, a title is not the one looked for
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


# "1. ", "2.3 ", "4) " before a title's first letter: a layout's numbering of its headings
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?)\s*(?=[^\W\d_])")


def without_numbering(title: str) -> str:
    """The title without the number a layout may put before it ("1. UNE PROXIMITÉ
    QUOTIDIENNE", "2.1 Routes"); a title that opens with a year or a figure keeps it
    ("2022 en chiffres", "10 ans de ...": more than two digits, or no dot after them)."""
    return _NUMBERING.sub("", title, count=1)


def undo_ligatures(text: str) -> str:
    return text.translate(_LIGATURES)


def fold(text: str) -> str:
    """`Une proxi- mité QUOTIDIENNE` and `UNE PROXIMITÉ QUOTIDIENNE` fold alike."""
    text = undo_ligatures(text).replace("œ", "oe").replace("Œ", "OE")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NOT_LETTERS.sub("", plain)


def title_score(expected: str, title: str) -> float:
    """How well `title` starts with `expected` (100: the same words)."""
    want, have = fold(expected), fold(title)
    if not want or not have:
        return 0.0
    return float(fuzz.ratio(want, have[: len(want)]))
