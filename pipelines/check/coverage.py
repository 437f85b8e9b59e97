"""Coverage: every number of the report, and what became of it.

For each line and table row of the document, every numeric token is either a fact (a figure
read from that line has it in its span), ignored with a named reason (a year, a date, a page
number, a code such as "RD 917" ...), rejected (with the reject's reason), or left
unclassified. The ratio (facts + ignored) / tokens says how much of the report is accounted
for; a token left unclassified is a gap in the rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from pipelines.extract import Extraction
from pipelines.extract.navigation import page_contexts
from pipelines.extract.staging import StagingFrames
from pipelines.read.document import Document, TextLine
from pipelines.read.numbers import NUMERIC_TOKEN, THOUSANDS_SEPARATOR, ignorable_reason
from schemas.catalog import EntityCatalog, load_entity_catalog

_SPACES = THOUSANDS_SEPARATOR


@dataclass(frozen=True)
class Token:
    page: int  # 0 for the text export
    line: int  # the line of the export, or the paragraph's rank on the PDF page
    text: str
    status: str  # fact, ignored, rejected, unclassified
    reason: str
    line_text: str
    section: str = ""


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
        """Tokens not accounted for: rejected (with the reason) or unclassified."""
        return [t for t in self.tokens if t.status in {"unclassified", "rejected"}]

    def unclassified(self) -> list[Token]:
        return [t for t in self.tokens if t.status == "unclassified"]

    def counts(self) -> Counter[str]:
        return Counter(t.reason if t.status == "ignored" else t.status for t in self.tokens)

    def by_section(self) -> list[tuple[str, int, int]]:
        """(section, tokens, accounted for) in reading order."""
        totals: dict[str, list[int]] = {}
        for token in self.tokens:
            entry = totals.setdefault(token.section, [0, 0])
            entry[0] += 1
            entry[1] += token.status in {"fact", "ignored"}
        return [(section, n, ok) for section, (n, ok) in totals.items()]


def measure(
    document: Document,
    extraction: Extraction,
    staged: StagingFrames,
    entities: EntityCatalog | None = None,
) -> Coverage:
    """Every token of the document, against the figures that passed validation."""
    entities = entities or load_entity_catalog(document.departement_code or None)
    places: dict[tuple[int, int], tuple[str, str, bool]] = {}  # text, section, is a row
    contexts = {
        line.location.order: context.entity.name if context else section.title
        for section, line, context in page_contexts(document, entities)
    }
    for section, block in document.blocks():
        if isinstance(block, TextLine):
            where = contexts.get(block.location.order, section.title)
            places[block.location.order] = (block.text, where, False)
        else:
            for row in block.rows:
                places[row.location.order] = (row.text, section.title, True)
    spans: dict[tuple[int, int], list[str]] = {}
    figures = staged.figures
    for key, span in zip(_places(figures), figures["source_span"], strict=True):
        spans.setdefault(key, []).append(_SPACES.sub(" ", span))
    rejects = dict(zip(_places(staged.rejects), staged.rejects["reason"], strict=True))
    in_blocks = {loc.order for block in extraction.blocks for loc in block.lines}
    # the organisation table holds people, not figures: its numbers number cells and cantons
    people = {
        loc.order
        for block in extraction.blocks
        if block.extractor == "organisation_table"
        for loc in block.lines
    }
    tokens = []
    for number in sorted(places):
        text, where, is_row = places[number]
        running = not is_row and number not in in_blocks
        for match in NUMERIC_TOKEN.finditer(text):
            token = _SPACES.sub(" ", match.group(0))
            reason = ignorable_reason(
                text, match.start(), match.end(), running_text=running, entities=entities
            )
            if any(token in span for span in spans.get(number, [])):
                status, why = "fact", "fact"
            elif number in people:
                status, why = "ignored", "cell or canton number (organisation table)"
            elif reason is not None:
                status, why = "ignored", reason
            elif number in rejects:
                status, why = "rejected", rejects[number]
            else:
                status, why = "unclassified", "not read"
            tokens.append(Token(*number, token, status, why, text, where))
    return Coverage(tokens)


def _places(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """(page, line) of each row, 0 where absent: the same key as Location.order."""
    pages = frame["page"].astype("Int64").fillna(0).astype(int)
    lines = frame["line"].astype("Int64").fillna(0).astype(int)
    return list(zip(pages, lines, strict=True))


def render(coverage: Coverage, source_file: str) -> str:
    lines = [
        f"{source_file}: {coverage.accounted} of {len(coverage.tokens)} numeric tokens accounted "
        f"for ({coverage.ratio:.2%}), {len(coverage.unclassified())} unclassified",
        "",
        "by reason:",
    ]
    for reason, count in sorted(coverage.counts().items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {count:5d}  {reason}")
    lines += ["", "by section (tokens, accounted for):"]
    for section, n, ok in coverage.by_section():
        lines.append(f"  {n:5d}  {ok / n:7.2%}  {section[:80]}")
    leftovers = coverage.leftovers()
    if leftovers:
        lines += ["", f"{len(leftovers)} not accounted for:"]
        lines += [
            f"  {'page ' + str(t.page) + ' ' if t.page else ''}line {t.line}: {t.text!r} "
            f"({t.status}: {t.reason}) in {t.line_text[:100]!r}"
            for t in leftovers
        ]
    return "\n".join(lines) + "\n"
