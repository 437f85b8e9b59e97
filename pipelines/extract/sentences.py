"""Figures stated inside sentences ("un budget annuel de 1,87 milliard d'euros").

The catalog gives, for such indicators, a regex on the words before and/or after the figure;
every line of the document is scanned, and every occurrence is kept with its own provenance
(the report repeats some sentences: that is two statements, not one).
"""

from __future__ import annotations

from pipelines.extract import Context, Extraction
from pipelines.read.document import Document
from pipelines.read.numbers import find_quantities
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "department_sentences"


def extract_sentences(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    rules = [(i, rule) for i in indicators.indicators.values() for rule in i.sentences]
    department = entities.department
    result = Extraction()
    for section, line in document.lines():
        text = line.text
        for quantity in find_quantities(text):
            before, after = text[: quantity.start], text[quantity.end :].strip()
            for indicator, rule in rules:
                if indicator.unit != quantity.unit:
                    continue
                if rule.before is not None and not rule.before.search(before):
                    continue
                if rule.after is not None and not rule.after.search(after):
                    continue
                where = Context(
                    extractor=EXTRACTOR, section=section.title,
                    entity_type=department.entity_type, entity_code=department.code,
                )  # fmt: skip
                here = where.at(line.location, line.source_text)
                result.figures.append(here.figure(indicator.code, quantity))
    return result
