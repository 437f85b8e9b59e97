"""The territory profiles of "Temps forts 2022 en <territoire>...".

Each profile is a run of consecutive bullet lines that start with a figure and include the
inhabitants line; map legends ("- 12 : CA Grand Calais ...") stand apart and are left out.
Every line of the run must match the catalog, or it becomes a reject with its reason.
"""

from __future__ import annotations

import re

from pipelines.document import Document, Section, TextLine
from pipelines.extract import EpciMention, Extraction, ExtractionError, Reject, block_quality
from pipelines.extract.key_figures import key_figure_body, read_key_figure, starts_with_figure
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "territory_profile"
_TITLE = re.compile(r"^Temps forts \d{4} (?:en|à|dans) (?P<name>.+?)[\s.…]*$")
_EPCI_LIST = re.compile(r":\s*(?P<names>.+)$")
_EPCI_SPLIT = re.compile(r"\s*,\s*|\s+et\s+(?=(?:la\s+|le\s+|l['’])?communaut)", re.IGNORECASE)


def profile_runs(section: Section) -> list[list[TextLine]]:
    """Runs of lines that start with a figure, with no blank line (no wider gap) between."""
    runs: list[list[TextLine]] = []
    in_run = False
    for line in section.lines():
        if not starts_with_figure(line.text):
            in_run = False
            continue
        if in_run and not line.starts_group:
            runs[-1].append(line)
        else:
            runs.append([line])
        in_run = True
    return runs


def epci_names(line: TextLine) -> list[str]:
    match = _EPCI_LIST.search(key_figure_body(line.text))
    if match is None:
        return []
    names = _EPCI_SPLIT.split(match["names"].strip(" ."))
    return [n.strip(" .") for n in names if n.strip(" .")]


def read_run(
    run: list[TextLine], section: Section, entity_code: str, indicators: IndicatorCatalog
) -> Extraction:
    result = Extraction()
    for line in run:
        extracted = read_key_figure(
            line,
            entity_type="territory",
            entity_code=entity_code,
            section=section.title,
            catalog=indicators,
            extractor=EXTRACTOR,
        )
        result.extend(extracted)
        if any(f.indicator_code == "epci_count" for f in extracted.figures):
            result.epci_mentions.extend(
                EpciMention(entity_code, i, name, section.title, line.location, line.text)
                for i, name in enumerate(epci_names(line), start=1)
            )
    return result


def extract_territory_profiles(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    result = Extraction()
    seen: dict[str, int] = {}
    for section in document.sections:
        title = _TITLE.match(section.title)
        if title is None:
            continue
        territory = entities.find("territory", title["name"])
        code = territory.code if territory else ""
        profiles = [
            extracted
            for extracted in (
                read_run(run, section, code, indicators) for run in profile_runs(section)
            )
            if any(f.indicator_code == "population" for f in extracted.figures)
        ]
        if not profiles:
            continue
        if territory is None:
            result.rejects.extend(
                Reject(
                    f"unknown territory {title['name']!r}",
                    section.title,
                    f.location,
                    f.source_text,
                    EXTRACTOR,
                    indicator_code=f.indicator_code,
                    value=f.value,
                )
                for f in profiles[0].figures
            )
            continue
        if territory.code in seen or len(profiles) > 1:
            raise ExtractionError(
                f"{document.source_file}: two profiles for territory {territory.name} "
                f"(sections at lines {seen.get(territory.code, section.location.line)} "
                f"and {section.location.line})"
            )
        seen[territory.code] = section.location.line or 0
        result.extend(profiles[0])
        result.blocks.append(
            block_quality(
                f"profile:{territory.code}", EXTRACTOR, territory.code, section.title, profiles[0]
            )
        )
    missing = [t.name for t in entities.of_type("territory") if t.code not in seen]
    if missing:
        raise ExtractionError(
            f"{document.source_file}: territory profile not found for {', '.join(missing)} "
            f"(found {len(seen)} of {len(entities.of_type('territory'))})"
        )
    return result
