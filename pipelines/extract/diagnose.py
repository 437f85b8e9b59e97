"""Diagnose the extraction before judging it: is the report laid out as the catalog says?

The document-level diagnosis (a scan, lost glyphs, no tables) is the readers'
(`pipelines.read.diagnose`); this one needs the extraction: a document in which most of the
blocks the catalog expects are not found is another report or a changed layout, refused with
its cause rather than judged by hundreds of failing checks.
"""

from __future__ import annotations

from pipelines.extract import Extraction
from pipelines.read.diagnose import DEFAULT_SETTINGS, DiagnosisSettings, UnusableInput
from pipelines.read.document import Document


def diagnose_extraction(
    document: Document, extraction: Extraction, settings: DiagnosisSettings = DEFAULT_SETTINGS
) -> None:
    """Raise `UnusableInput` when most of the structure the catalog expects is not found."""
    expected = len(extraction.blocks)
    missing = sum(1 for block in extraction.blocks if block.status == "missing")
    found = expected - missing
    if expected and found < settings.min_blocks_found * expected:
        raise UnusableInput(
            f"{document.source_file}: {found} of the {expected} blocks the catalog expects "
            "(overview, territory profiles, office tables, key figures) were found: the "
            "document is not laid out as the catalog describes (another report? a changed "
            "layout?); `indicators coverage --report FILE` and `indicators inspect-pdf` "
            "show what was read"
        )
