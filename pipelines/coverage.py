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
from pipelines.staging import StagingFrames

_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0\u202f]\d{3})*(?:[,.]\d+)?(?![\d])")
_SPACES = re.compile(r"[ \u00a0\u202f]")


@dataclass(frozen=True)
class Token:
    line: int
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
    texts = {line.location.line: line.text for _, line in document.lines()}
    for section in document.sections:
        for table in section.tables():
            texts.update({row.location.line: row.text for row in table.rows})
    spans: dict[int, list[str]] = {}
    for line, span in zip(staged.figures["line"], staged.figures["source_span"], strict=True):
        spans.setdefault(int(line) if line is not None else 0, []).append(_SPACES.sub(" ", span))
    rejects = {
        int(line): reason
        for line, reason in zip(staged.rejects["line"], staged.rejects["reason"], strict=True)
        if line is not None and line is not pd.NA
    }
    lines = sorted({n for block in extraction.blocks for n in block.lines if n in texts})
    tokens = []
    for number in lines:
        text = texts[number].replace("**", "")  # keep <p> cell tags: they mark cell numbers
        for match in _TOKEN.finditer(text):
            token = _SPACES.sub(" ", match.group(0))
            reason = ignorable_reason(text, match.start(), match.end())
            if any(token in span for span in spans.get(number, [])):
                status, why = "fact", "fact"
            elif reason is not None:
                status, why = "ignored", reason
            elif number in rejects:
                status, why = "rejected", rejects[number]
            else:
                status, why = "leftover", "not read"
            tokens.append(Token(number, token, status, why, texts[number]))
    return Coverage(tokens)


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
            f"  line {t.line}: {t.text!r} ({t.reason}) in {t.line_text[:100]!r}" for t in leftovers
        ]
    return "\n".join(lines) + "\n"
