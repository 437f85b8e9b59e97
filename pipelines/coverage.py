"""Coverage: every number in the blocks we read, and what became of it.

For each line of each table or key-figure block (the quality records say which lines), every
numeric token is either a fact (a figure read from that line has it in its span), ignored
with a reason (a year, a date, a phone number ...), rejected (with the reject's reason), or
left over. The ratio (facts + ignored) / tokens says how much of the report is accounted for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from pipelines.document import Document
from pipelines.extract import Extraction
from pipelines.extract.tokens import ignorable_reason
from pipelines.numbers import clean_markup
from pipelines.staging import StagingFrames

_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0\u202f]\d{3})*(?:[,.]\d+)?(?![\d])")
_SPACES = re.compile(r"[ \u00a0\u202f]")


@dataclass(frozen=True)
class Token:
    page: int  # 0 for the text export
    line: int  # the line of the export, or the paragraph's rank on the PDF page
    text: str
    status: str  # fact, ignored, rejected, leftover
    reason: str
    line_text: str


@dataclass
class Coverage:
    tokens: list[Token]

    @property
    def accounted(self) -> int:
        return sum(t.status in {"fact", "ignored"} for t in self.tokens)

    @property
    def ratio(self) -> float:
        return self.accounted / len(self.tokens) if self.tokens else 1.0

    def leftovers(self) -> list[Token]:
        return [t for t in self.tokens if t.status in {"leftover", "rejected"}]

    def counts(self) -> Counter[str]:
        return Counter(t.reason if t.status == "ignored" else t.status for t in self.tokens)


def measure(document: Document, extraction: Extraction, staged: StagingFrames) -> Coverage:
    """Tokens of the extraction's blocks, against the figures that passed validation."""
    texts: dict[tuple[int, int], str] = {
        line.location.order: line.text for _, line in document.lines()
    }
    for section in document.sections:
        for table in section.tables():
            texts.update({row.location.order: row.text for row in table.rows})
    spans: dict[tuple[int, int], list[str]] = {}
    figures = staged.figures
    for key, span in zip(_places(figures), figures["source_span"], strict=True):
        spans.setdefault(key, []).append(_SPACES.sub(" ", span))
    rejects = dict(zip(_places(staged.rejects), staged.rejects["reason"], strict=True))
    places = {loc.order for block in extraction.blocks for loc in block.lines}
    # the organisation table holds people, not figures: its numbers number cells and cantons
    people = {
        loc.order
        for block in extraction.blocks
        if block.extractor == "organisation_table"
        for loc in block.lines
    }
    tokens = []
    for number in sorted(places & texts.keys()):
        text = clean_markup(texts[number])
        for match in _TOKEN.finditer(text):
            token = _SPACES.sub(" ", match.group(0))
            reason = ignorable_reason(text, match.start(), match.end())
            if any(token in span for span in spans.get(number, [])):
                status, why = "fact", "fact"
            elif number in people:
                status, why = "ignored", "cell or canton number (organisation table)"
            elif reason is not None:
                status, why = "ignored", reason
            elif number in rejects:
                status, why = "rejected", rejects[number]
            else:
                status, why = "leftover", "not read"
            tokens.append(Token(*number, token, status, why, texts[number]))
    return Coverage(tokens)


def _places(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """(page, line) of each row, 0 where absent: the same key as Location.order."""
    pages = frame["page"].astype("Int64").fillna(0).astype(int)
    lines = frame["line"].astype("Int64").fillna(0).astype(int)
    return list(zip(pages, lines, strict=True))


def render(coverage: Coverage, source_file: str) -> str:
    lines = [
        f"{source_file}: {coverage.accounted} of {len(coverage.tokens)} numeric tokens accounted "
        f"for ({coverage.ratio:.2%})",
        "",
    ]
    for reason, count in sorted(coverage.counts().items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {count:5d}  {reason}")
    leftovers = coverage.leftovers()
    if leftovers:
        lines += ["", f"{len(leftovers)} not accounted for:"]
        lines += [
            f"  {'page ' + str(t.page) + ' ' if t.page else ''}line {t.line}: {t.text!r} "
            f"({t.reason}) in {t.line_text[:100]!r}"
            for t in leftovers
        ]
    return "\n".join(lines) + "\n"
