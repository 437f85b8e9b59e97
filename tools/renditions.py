"""The report's renditions, by name, and how far a rendition's facts agree with the export's.

Layouts from two typesetting engines: `published` and `compact` (reportlab,
tools/render_report_pdf.py), `magazine`, `dense` and the held-out `brochure` (Typst,
tools/render_report_typst.py).
Agreement is measured over (entity, indicator, value) triples, counted with multiplicity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipelines.extract import Extraction
from pipelines.read.document import Document

RENDITIONS = ("published", "compact", "magazine", "dense", "brochure")


def render_rendition(
    document: Document, name: str, folder: Path, drop_section: str | None = None
) -> Path:
    """Render the export in the named layout to `folder/<name>/rapport-activites-YYYY.pdf`."""
    target = Path(folder) / (name if drop_section is None else f"{name}-without-section")
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"rapport-activites-{document.report_year}.pdf"
    if name in ("published", "compact"):
        from tools import render_report_pdf as engine

        if drop_section is not None:
            raise ValueError("--drop-section is a Typst rendition option")
        engine.render(document, path, engine.LAYOUTS[name])
    elif name in ("magazine", "dense", "brochure"):
        from tools import render_report_typst as typst_engine

        typst_engine.render(document, path, typst_engine.LAYOUTS[name], drop_section)
    else:
        raise ValueError(f"unknown rendition {name!r} (one of {', '.join(RENDITIONS)})")
    return path


@dataclass(frozen=True)
class Agreement:
    expected: Counter
    found: Counter

    @property
    def common(self) -> int:
        return sum((self.expected & self.found).values())

    @property
    def recall(self) -> float:
        return self.common / max(1, sum(self.expected.values()))

    @property
    def precision(self) -> float:
        return self.common / max(1, sum(self.found.values()))

    def differences(self) -> list[str]:
        missed = self.expected - self.found
        extra = self.found - self.expected
        return [f"missing {k} x{n}" for k, n in sorted(missed.items(), key=str)] + [
            f"extra {k} x{n}" for k, n in sorted(extra.items(), key=str)
        ]


SENTENCES = "sentences"  # the extractor of the figures of the report's sentences


def facts(extraction: Extraction, *, sentences: bool = False) -> Counter:
    """(entity, indicator, value) of the figures of the blocks; with `sentences`, (entity,
    unit, value) of the sentence figures, whose generated codes follow the printed wording
    (a hyphen a typesetter adds or drops changes them)."""
    if sentences:
        return Counter(
            (f.entity_code, f.unit, f.value) for f in extraction.figures if f.extractor == SENTENCES
        )
    return Counter(
        (f.entity_code, f.indicator_code, f.value)
        for f in extraction.figures
        if f.extractor != SENTENCES
    )


def agreement(expected: Extraction, found: Extraction, *, sentences: bool = False) -> Agreement:
    return Agreement(facts(expected, sentences=sentences), facts(found, sentences=sentences))
