"""The period a figure refers to, from the words around it.

A report figure is about the report year unless its sentence says otherwise: "depuis le
lancement" (cumulative), "à fin 2022" or "au 1er janvier 2023" (a stock at a date),
"2019-2022" (several years), "à terminaison", "d'ici 2025" (a forecast or target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PERIOD_KINDS = ("year", "as_of", "cumulative", "multi_year", "forecast")
_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_YEAR = r"(?P<{}>(?:19|20)\d{{2}})"
_I = re.IGNORECASE
_START = (
    r"(?:le|son|sa|leur)\s+(?:lancement|création|ouverture|début|mise\s+en\s+(?:place|service))"
)
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "as_of",
        re.compile(r"\bau\s+(?P<day>1er|\d{1,2})\s+(?P<month>[a-zéû]+)\s+" + _YEAR.format("y"), _I),
    ),
    ("multi_year", re.compile(_YEAR.format("a") + r"\s*[-–/]\s*" + _YEAR.format("b"), _I)),
    (
        "multi_year",
        re.compile(
            r"\b(?:de|entre)\s+" + _YEAR.format("a") + r"\s+(?:à|et)\s+" + _YEAR.format("b"), _I
        ),
    ),
    ("as_of", re.compile(r"\b(?:à\s+)?fin\s+(?:d[ée]cembre\s+)?" + _YEAR.format("y"), _I)),
    ("as_of", re.compile(r"\bau\s+31\s+décembre\b", _I)),
    ("cumulative", re.compile(r"\bdepuis\s+(?:" + _YEAR.format("a") + "|" + _START + ")", _I)),
    (
        "forecast",
        re.compile(r"\b(?:d['’]ici|à\s+l['’]horizon|horizon)\s+(?:à\s+)?" + _YEAR.format("y"), _I),
    ),
    ("forecast", re.compile(r"\bà\s+terminaison\b|\bà\s+venir\b|\bprévisionnel", _I)),
)
# how far from the figure a period phrase may be and still apply to it
_REACH = 90


@dataclass(frozen=True)
class Period:
    kind: str
    start: date | None
    end: date | None


def report_period(year: int) -> Period:
    return Period("year", date(year, 1, 1), date(year, 12, 31))


def period_of(text: str, start: int, end: int, report_year: int) -> Period:
    """The period of the figure at text[start:end]: the nearest period phrase of its
    sentence within reach, else the report year."""
    best: tuple[int, Period] | None = None
    for kind, pattern in _RULES:
        for match in pattern.finditer(text):
            if match.start() <= start < match.end():
                continue  # the figure is itself the year of the phrase
            distance = match.start() - end if match.start() >= end else start - match.end()
            if distance > _REACH or _crosses_sentence(text, match, start, end):
                continue
            period = _period(kind, match, report_year)
            if period is not None and (best is None or distance < best[0]):
                best = (distance, period)
    return best[1] if best else report_period(report_year)


def _crosses_sentence(text: str, match: re.Match[str], start: int, end: int) -> bool:
    left, right = sorted((match.start(), start))
    between = text[min(match.end(), end) : max(match.start(), start)] if left != right else ""
    return bool(re.search(r"[.;!?]\s", between))


def _period(kind: str, match: re.Match[str], report_year: int) -> Period | None:
    groups = match.groupdict()
    if kind == "multi_year" and groups.get("a") and groups.get("b"):
        first, last = int(groups["a"]), int(groups["b"])
        return Period(kind, date(first, 1, 1), date(last, 12, 31)) if first < last else None
    if kind == "as_of":
        if groups.get("month"):
            month = _MONTHS.get(groups["month"].lower())
            if month is None:
                return None
            day = 1 if groups["day"] == "1er" else int(groups["day"])
            return Period(kind, None, date(int(groups["y"]), month, day))
        year = int(groups["y"]) if groups.get("y") else report_year
        return Period(kind, None, date(year, 12, 31))
    if kind == "cumulative":
        first = int(groups["a"]) if groups.get("a") else None
        return Period(kind, date(first, 1, 1) if first else None, date(report_year, 12, 31))
    if kind == "forecast":
        year = int(groups["y"]) if groups.get("y") else None
        return Period(kind, None, date(year, 12, 31) if year else None)
    return None
