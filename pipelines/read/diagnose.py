"""Diagnose before judging: is a report usable at all?

A report that cannot be read as a report (a scan without a text layer, a PDF whose fonts lost
their character map, an export whose tables lost their TABs, a file of another structure)
would otherwise reach the checks and fail them by the hundred, none of which names the cause.
Each test here looks at the whole document, names one cause and its remedy, and stops the
build before anything is loaded (exit 3). A document that passes goes on to be judged by the
checks, where one missing block is a finding, not a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.read import SourceError
from pipelines.read.document import Document, Table

# A glyph a PDF's font does not map to a character: pdfminer writes `(cid:12)`.
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_ACCENTED = re.compile(r"[àâäéèêëîïôöùûüçœÀÂÉÈÊËÎÏÔÙÛÜÇŒ]")
# a run of spaces as wide as a table's gap between cells
_WIDE_GAP = re.compile(r"\S {3,}\S")


class UnusableInput(SourceError):
    """The document is not usable as a report: the message names the cause and the remedy."""


@dataclass(frozen=True)
class DiagnosisSettings:
    """The thresholds of the diagnosis, each with why it is where it is."""

    # a report is a document of text: below half its pages with text it is a scan or images
    min_pages_with_text: float = 0.5
    # a few unmapped glyphs are symbols; past 2 % of the words, letters lost their map
    max_unmapped_words: float = 0.02
    # French prose puts an accent in about one word in eight; none in 2 000 words: lost
    min_words_for_accents: int = 2000
    min_accented_words: float = 0.005
    # fewer than a quarter of the blocks the catalog expects: not the structure it describes
    # (a report cut off at a third still shows its first blocks, and its damage is the
    # integrity check's finding: 17 of 46 blocks for the export cut at line 1337)
    min_blocks_found: float = 0.25


DEFAULT_SETTINGS = DiagnosisSettings()


def _words(document: Document) -> list[str]:
    words: list[str] = []
    for _, block in document.blocks():
        if isinstance(block, Table):
            for row in block.rows:
                words += " ".join(row.cells).split()
        else:
            words += block.text.split()
    return words


def _pages_with_text(document: Document) -> set[int]:
    pages = {
        block.location.page for _, block in document.blocks() if block.location.page is not None
    }
    pages |= {s.location.page for s in document.sections if s.title and s.location.page}
    return pages | {r.location.page for r in document.running_text if r.location.page}


def diagnose_document(document: Document, settings: DiagnosisSettings = DEFAULT_SETTINGS) -> None:
    """Raise `UnusableInput` naming the cause when the document cannot be read as a report."""
    name = document.source_file
    if document.source_kind == "pdf" and document.pages:
        with_text = len(_pages_with_text(document))
        if with_text < settings.min_pages_with_text * document.pages:
            raise UnusableInput(
                f"{name}: no text layer on {document.pages - with_text} of {document.pages} "
                "pages (a scan, or pictures of text?): run OCR on it (e.g. `ocrmypdf`), or "
                "give the PDF the report was typeset as"
            )
    words = _words(document)
    if not words:
        raise UnusableInput(f"{name}: no text found in the document")
    unmapped = sum(1 for w in words if _UNMAPPED.search(w))
    if unmapped > settings.max_unmapped_words * len(words):
        raise UnusableInput(
            f"{name}: {unmapped} of {len(words)} words hold glyphs without a character "
            "('(cid:N)'): the PDF's fonts lost their character map (re-saved by Ghostscript "
            "or printed to PDF?); give the original PDF"
        )
    accented = sum(1 for w in words if _ACCENTED.search(w))
    if len(
        words
    ) >= settings.min_words_for_accents and accented < settings.min_accented_words * len(words):
        raise UnusableInput(
            f"{name}: {accented} of {len(words)} words hold an accented letter, where French "
            "text has about one in eight: the text lost its accents (a re-encoding or a "
            "re-save that dropped them); give the original file"
        )
    if document.source_kind == "text" and not any(
        isinstance(block, Table) for _, block in document.blocks()
    ):
        spaced = sum(1 for _, line in document.lines() if len(_WIDE_GAP.findall(line.text)) >= 2)
        hint = (
            f" ({spaced} lines hold runs of spaces between cells: were the TABs turned to "
            "spaces? Export the report again, keeping TABs)"
            if spaced
            else ""
        )
        raise UnusableInput(
            f"{name}: no table found: the export's tables are lines of TAB-separated cells, "
            f"and it has none{hint}"
        )
