"""The territory profiles: the sections whose title names a territory (the département
catalog's `territory_title`).

Each profile is a run of consecutive bullet lines that start with a figure and include the
inhabitants line (or, when that line is worded past reading, the run that reads the most
catalog figures, four at least); map legends ("- 12 : CA Grand Calais ...") stand apart and
are left out.
Every line of the run must match the catalog, or it becomes a reject with its reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.extract import Context, EpciMention, Extraction, block_quality, missing_block
from pipelines.extract.key_figures import is_key_figure_line, key_figure_body, read_key_figure
from pipelines.read.document import Document, Location, Section, TextLine
from pipelines.read.numbers import find_quantities
from pipelines.read.titles import title_score, undo_ligatures
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "territory_profile"
_EPCI_LIST = re.compile(r":\s*(?P<names>.+)$")
_EPCI_SPLIT = re.compile(r"\s*,\s*|\s+et\s+(?=(?:la\s+|le\s+|l['’])?communaut)", re.IGNORECASE)


_MARKER = re.compile(r"^[^\w]*")  # what a bullet line opens with: "- ⇒ ", "- "
_LEGEND = re.compile(r"\d+\s*:")  # a map legend's item: "12 : CA Grand Calais ..."
_ITEM_LENGTH = 160
_PROFILE_FIGURES = 4  # the fewest catalog figures a run without its inhabitants line reads


def profile_runs(section: Section) -> list[list[TextLine]]:
    """Runs of key-figure lines (a figure and what it counts, in either order), with no blank
    line (no wider gap) between; or with a gap, when the lines open with the same marker
    ("- ⇒ "): a layout that sets each key figure in a box of its own spaces them apart."""
    runs: list[list[TextLine]] = []
    in_run = False
    for line in section.lines():
        marker = _MARKER.match(line.text)
        if not is_key_figure_line(line.text):
            if in_run and _inside_run(line, marker, runs[-1]):
                runs[-1].append(line)  # a reworded item: read as a reject, the run goes on
                continue
            in_run = False
            continue
        same_marker = (
            in_run
            and marker is not None
            and marker.group().strip() != ""
            and _MARKER.match(runs[-1][-1].text).group() == marker.group()  # type: ignore[union-attr]
        )
        legend = _LEGEND.match(line.text[marker.end() :] if marker else line.text)
        if in_run and (not line.starts_group or (same_marker and not legend)):
            runs[-1].append(line)
        else:
            runs.append([line])
        in_run = True
    return runs


def _inside_run(line: TextLine, marker: re.Match[str] | None, run: list[TextLine]) -> bool:
    """A short bullet that is no key-figure line, set right after the run's last line with
    the same marker and a figure of its own ("- Une surface de ... soit ..."): an item of the
    profile the key-figure reader cannot split, not the end of the profile."""
    last = _MARKER.match(run[-1].text)
    return (
        not line.starts_group
        and marker is not None
        and marker.group().strip() != ""
        and last is not None
        and last.group() == marker.group()
        and len(line.text) <= _ITEM_LENGTH
        and bool(find_quantities(line.text, cardinals=True))
    )


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
    where = Context(
        extractor=EXTRACTOR, section=section.title, entity_type="territory", entity_code=entity_code
    )
    for line in run:
        extracted = read_key_figure(line, where, indicators)
        result.extend(extracted)
        if any(f.indicator_code == "epci_count" for f in extracted.figures):
            result.epci_mentions.extend(
                EpciMention(
                    territory_code=entity_code,
                    position=i,
                    epci_name=name,
                    section=section.title,
                    location=line.location,
                    source_text=line.source_text,
                )
                for i, name in enumerate(epci_names(line), start=1)
            )
    return result


def extract_territory_profiles(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    result = Extraction()
    seen: dict[str, Location] = {}  # where each territory's first profile starts
    pattern = entities.structure.territory_title
    for section in document.sections:
        title = pattern.match(" ".join(undo_ligatures(section.title).split())) if pattern else None
        if title is None:
            continue
        territory = entities.find("territory", title["name"])
        code = territory.code if territory else ""
        read = [read_run(run, section, code, indicators) for run in profile_runs(section)]
        profiles = [r for r in read if any(f.indicator_code == "population" for f in r.figures)]
        if not profiles and read:
            # an inhabitants line reworded past reading ("Un territoire peuplé de 149 612
            # habitants, ..."): the run that reads the most catalog figures is the profile
            largest = max(read, key=lambda r: len(r.figures))
            profiles = [largest] if len(largest.figures) >= _PROFILE_FIGURES else []
        if not profiles:
            continue
        if territory is None:
            where = Context(extractor=EXTRACTOR, section=section.title)
            result.rejects.extend(
                where.at(f.location, f.source_text).reject(
                    f"unknown territory {title['name']!r}",
                    indicator_code=f.indicator_code,
                    value=f.value,
                )
                for f in profiles[0].figures
            )
            continue
        if territory.code in seen or len(profiles) > 1:
            # a second profile for the same territory: its figures are not loaded, said why
            first = seen.get(territory.code, section.location)
            where = Context(extractor=EXTRACTOR, section=section.title, entity_code=territory.code)
            result.rejects.extend(
                where.at(f.location, f.source_text).reject(
                    f"second profile for territory {territory.name} (first at {first})",
                    indicator_code=f.indicator_code,
                    value=f.value,
                )
                for profile in (profiles if territory.code in seen else profiles[1:])
                for f in profile.figures
            )
            if territory.code in seen:
                continue
        seen[territory.code] = section.location
        result.extend(profiles[0])
        record = block_quality(
            f"profile:{territory.code}", EXTRACTOR, territory.code, section.title, profiles[0]
        )
        template = entities.structure.territory_expected
        expected = (  # else the title's own words before the name, and the name as catalogued
            template.format(year=document.report_year, name=territory.name)
            if template
            else title.string[: title.start("name")] + territory.name
        )
        score = title_score(expected, section.title)
        result.blocks.append(replace(record, title_score=score))
    for territory in entities.of_type("territory"):
        if territory.code not in seen:
            result.blocks.append(
                missing_block(
                    f"profile:{territory.code}",
                    EXTRACTOR,
                    territory.code,
                    document.extent(),
                    f"profile of territory {territory.name} (a section whose title names it, "
                    "with an inhabitants line)",
                )
            )
    return result
