"""The year a report covers, read from the document before its file name.

In order: a title that names it ("Rapport d'activités 2022", "RAPPORT ANNUEL … 2022",
"ANNÉE 2022") near the start; a year alone on a line of the cover; the year the text names
far more often than any other; the file name. The answer says which it was, and a document
that gives none of them is refused naming what was tried.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipelines.read import SourceError

_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
# a title is a line of its own that starts with it (a sentence of the body that speaks of
# "le rapport d'activité 2021" or "l'année 2021" is not one)
_TITLE = re.compile(
    r"^[^\w\n]*(?P<title>(?:rapport\s+(?:annuel|d['’]\s*activit[ée]s?)\b[^\d\n]{0,60}?"
    r"|ann[ée]e\s+)" + _YEAR + r")[^\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE,
)
_ALONE = re.compile(r"^\s*" + _YEAR + r"\s*$")
_ANY = re.compile(r"(?<![\d,.])" + _YEAR)
_NAME = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


@dataclass(frozen=True)
class YearSettings:
    """Where the year is looked for, each with why."""

    # the title and the cover: the first characters and lines of the text, before the body
    title_chars: int = 3000
    cover_lines: int = 25
    # the most frequent year counts only when the text names it often and clearly more than
    # any other (a 2022 report speaks of 2023's plans, not as often)
    min_mentions: int = 5
    min_lead: float = 1.5


DEFAULT_YEAR_SETTINGS = YearSettings()


@dataclass(frozen=True)
class ReportYear:
    year: int
    source: str  # how it was read, said in the build's summary


def report_year(
    text: str, path: Path, settings: YearSettings = DEFAULT_YEAR_SETTINGS
) -> ReportYear:
    """The report year of a document whose text (in reading order) is `text`."""
    title = _TITLE.search(text[: settings.title_chars])
    if title is not None:
        return ReportYear(int(title["year"]), f"the title {' '.join(title['title'].split())!r}")
    lines = [line for line in text.splitlines() if line.strip()][: settings.cover_lines]
    for line in lines:
        alone = _ALONE.match(line)
        if alone is not None:
            return ReportYear(int(alone["year"]), f"the cover's {alone['year']!r}")
    counts = Counter(int(match["year"]) for match in _ANY.finditer(text)).most_common(2)
    if counts:
        year, mentions = counts[0]
        second = counts[1][1] if len(counts) > 1 else 0
        if mentions >= settings.min_mentions and mentions >= settings.min_lead * second:
            return ReportYear(year, f"the most frequent year of the text ({mentions} times)")
    named = _NAME.search(Path(path).name)
    if named is not None:
        return ReportYear(int(named.group(1)), f"the file name {Path(path).name!r}")
    raise SourceError(
        f'{Path(path).name}: cannot tell the report year: no title such as "Rapport '
        'd\'activités 2022", "RAPPORT ANNUEL 2022" or "ANNÉE 2022", no year alone on the '
        "cover, no year the text names clearly most often, no year in the file name; rename "
        "the file with its year (rapport-2023.pdf)"
    )
