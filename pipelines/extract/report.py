"""All extractors of the activity report, in one call."""

from __future__ import annotations

from pipelines.document import Document
from pipelines.extract import Extraction
from pipelines.extract.organisation import extract_organisation
from pipelines.extract.overview import extract_overview
from pipelines.extract.sentences import extract_sentences
from pipelines.extract.territories import extract_territory_profiles
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTORS = (
    extract_overview,
    extract_territory_profiles,
    extract_sentences,
    extract_organisation,
)


def extract_report(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    result = Extraction()
    for extractor in EXTRACTORS:
        result.extend(extractor(document, indicators, entities))
    return result
