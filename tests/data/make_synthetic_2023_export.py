"""Make the synthetic second report year used by the multi-year tests.

Only the 2022 report exists. This script derives `synthetic-2023-export.txt` from the real
2022 text export by plain, listed edits, so that a reader can see exactly how the "2023"
report differs from the real one:

1. the year marker on the cover says 2023 (the reader takes the report year from it);
2. a few figures change (`FIGURE_CHANGES`: each old text must occur exactly once);
3. one block is dropped: the table of the MDS du Ternois (from its "INCLUSION SOCIALE ET
   LOGEMENT" heading to its ETP row and rule line), as the real export lacks the Lens-Liévin one.

Regenerate with:  .venv/bin/python tests/data/make_synthetic_2023_export.py
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "raw" / "report" / "rapport-activites-2022.txt"
TARGET = Path(__file__).with_name("synthetic-2023-export.txt")

YEAR_MARKER = ("- ANNÉE 2022 -", "- ANNÉE 2023 -")
FIGURE_CHANGES = [
    # Audomarois profile: departmental buildings and FARDA-eligible communes
    ("- ⇒ 10 bâtiments départementaux", "- ⇒ 12 bâtiments départementaux"),
    ("- ⇒ 77 communes éligibles au FARDA", "- ⇒ 75 communes éligibles au FARDA"),
]
# The MDS du Ternois table: from the first heading after its map legend to its ETP row.
DROPPED_BLOCK_AFTER = "- CPEF Ternois\n"
DROPPED_BLOCK_START = "INCLUSION SOCIALE ET LOGEMENT\n"
DROPPED_BLOCK_END = "Equivalents Temps Plein (ETP)\t46.23\n"


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"{SOURCE.name}: {old!r} occurs {text.count(old)} times, expected once")
    return text.replace(old, new)


def synthetic_2023(text: str) -> str:
    text = _replace_once(text, *YEAR_MARKER)
    for old, new in FIGURE_CHANGES:
        text = _replace_once(text, old, new)
    anchor = text.index(DROPPED_BLOCK_AFTER)
    start = text.index(DROPPED_BLOCK_START, anchor)
    end = text.index(DROPPED_BLOCK_END, start) + len(DROPPED_BLOCK_END)
    rule = re.match(r"-+\t-+\n", text[end:])  # the Markdown rule under the last row
    return text[:start] + text[end + (rule.end() if rule else 0) :]


if __name__ == "__main__":
    TARGET.write_text(synthetic_2023(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
