"""Key-figure lines: `- ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)`, `890 communes`.

A key-figure line starts with a figure (after its bullet), followed by a label that the
indicator catalog recognises, and sometimes by a "(soit X % du Pas-de-Calais)" aside that
gives the entity's share of the department.
"""

from __future__ import annotations

import re

from pipelines.extract import Context, Extraction
from pipelines.read.document import LIST_MARKERS, TextLine
from pipelines.read.numbers import find_quantities
from schemas.catalog import IndicatorCatalog

_ASIDE = re.compile(r"\(\s*soit\s+(?P<aside>[^)]*)\)", re.IGNORECASE)


def key_figure_body(text: str) -> str:
    """The line's words without its list markers."""
    return LIST_MARKERS.sub("", text).strip()


def starts_with_figure(text: str) -> bool:
    body = key_figure_body(text)
    found = find_quantities(body)
    return bool(found) and found[0].start == 0


def read_key_figure(line: TextLine, where: Context, catalog: IndicatorCatalog) -> Extraction:
    """Figures of one key-figure line, read in `where` (its extractor, section and entity); a
    line that cannot be placed becomes a reject."""
    result = Extraction()
    here = where.at(line.location, line.source_text)
    body = key_figure_body(line.text)
    quantities = find_quantities(body)

    def reject(reason: str, **fields: object) -> Extraction:
        result.rejects.append(here.reject(reason, **fields))
        return result

    if not quantities or quantities[0].start != 0:
        return reject("not a key-figure line: it does not start with a figure")
    primary = quantities[0]
    rest = body[primary.end :]
    aside = _ASIDE.search(rest)
    label = _ASIDE.sub("", rest).strip(" :.,;…").strip()
    indicator = catalog.match_key_figure(label.lower(), primary.unit)
    if indicator is None:
        return reject(
            f"no catalog indicator for label {label!r} with unit {primary.unit}",
            value=primary.value,
            unit=primary.unit,
        )
    result.figures.append(here.figure(indicator.code, primary))
    if aside is not None:
        shares = [q for q in find_quantities(aside["aside"]) if q.unit == "pct"]
        if indicator.share_code is None or len(shares) != 1:
            return reject(
                f"aside {aside.group(0)!r} is not a single share of a shareable indicator",
                indicator_code=indicator.code,
            )
        result.figures.append(here.figure(indicator.share_code, shares[0]))
    return result
