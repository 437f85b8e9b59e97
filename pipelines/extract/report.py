"""All extractors of the activity report, in one call."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from pipelines.extract import (
    BlockQuality,
    Context,
    Extraction,
    Figure,
    Reject,
    key_figure_blocks,
    territories,
)
from pipelines.extract.block_titles import opens_a_block
from pipelines.extract.dated_lists import extract_dated_lists
from pipelines.extract.key_figure_blocks import extract_key_figure_blocks
from pipelines.extract.office_tables import extract_office_tables
from pipelines.extract.organisation import extract_organisation
from pipelines.extract.overview import extract_overview
from pipelines.extract.parse import ParseCache
from pipelines.extract.periods import (
    dated_entries,
    dated_sections,
    event_blocks,
    in_its_block,
    period_of,
    planned_lists,
    report_period,
    voted_envelopes,
)
from pipelines.extract.phrases import FINITE_AUXILIARY, reads_as_label, says_as_much
from pipelines.extract.prose import extract_prose, merge_restatements
from pipelines.extract.sentences import extract_sentences
from pipelines.extract.support_blocks import extract_support_blocks
from pipelines.extract.territories import extract_territory_profiles
from pipelines.read.document import LIST_MARKERS, Document, Location, Table
from pipelines.read.numbers import ignorable_reason
from schemas.catalog import EntityCatalog, IndicatorCatalog

# Extractors of curated indicators first; the generic key-figure blocks last, so that a
# figure both recognise keeps its curated code.
EXTRACTORS = (
    extract_overview,
    extract_territory_profiles,
    extract_sentences,
    extract_organisation,
    extract_office_tables,
    extract_support_blocks,
    extract_key_figure_blocks,
    extract_dated_lists,
)


def prefer_curated(result: Extraction) -> Extraction:
    """Drop generated figures whose exact span a curated extractor already read.

    Parts that pointed at a dropped generated whole now point at the curated code.
    """
    curated: dict[tuple, set[str]] = {}
    generated: dict[tuple, int] = {}
    for f in result.figures:
        key = (f.location.line, f.location.page, f.source_span)
        if is_generated(f.indicator_code):
            generated[key] = generated.get(key, 0) + 1
        else:
            curated.setdefault(key, set()).add(f.indicator_code)
    renamed: dict[str, str] = {}
    kept = []
    stated: set[tuple] = set()  # one statement of a curated indicator per place and span
    for figure in result.figures:
        key = (figure.location.line, figure.location.page, figure.source_span)
        # "autour de 3 pactes ... assortis de 3 orientations transversales": a span written
        # twice is two statements; a generated one goes only when it says a curated one again
        said = len(curated.get(key, ())) + generated.get(key, 0)
        if is_generated(figure.indicator_code) and key in curated and said > _times(figure):
            renamed[figure.indicator_code] = sorted(curated[key])[0]
            generated[key] -= 1
            continue
        if not is_generated(figure.indicator_code):
            if (*key, figure.indicator_code) in stated:
                continue  # read by its catalog pattern and by meaning: one statement
            stated.add((*key, figure.indicator_code))
        kept.append(figure)
    return result.with_figures(kept, renamed)


def _times(figure: Figure) -> int:
    """How many times the figure's span is written in its line or cell ("3" twice in "3
    pactes ... 3 orientations"), at least once."""
    span = re.escape(figure.source_span)
    # a whole number, not a part of "35 412", "3 %" or "3,5"
    written = re.findall(rf"(?<![\w,.])(?<!\d\s){span}(?![\w,.%€])(?!\s?\d)", figure.source_text)
    return max(len(written), 1)


def extract_report(
    document: Document,
    indicators: IndicatorCatalog,
    entities: EntityCatalog,
    parses: ParseCache | None = None,
) -> Extraction:
    """Every figure of the report; the sentences' parses from `parses` (a cache in the
    staging folder), else from the process's own."""
    result = Extraction()
    result.rejects.extend(page_rejects(document))
    for extractor in EXTRACTORS:
        result.extend(extractor(document, indicators, entities))
    # the sentences: every line, but a number a block read is the block's (an item a block
    # holds but cannot read, "- ⇒ Le Département y possède 13 bâtiments", is a sentence's)
    closed = _held(result, lambda block: block.extractor not in _OF_FIGURE_LINES)
    held = _held(result, lambda block: block.extractor in _OF_FIGURE_LINES)
    sentences = extract_prose(document, indicators, entities, closed, parses, later=held)
    result = block_or_sentence(result, sentences)
    labels = {code: i.label for code, i in indicators.indicators.items()}
    labels |= {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    dated = with_headline_qualifiers(with_periods(result, document), document)
    return merge_restatements(prefer_curated(dated), labels, document.report_year)


def with_headline_qualifiers(result: Extraction, document: Document) -> Extraction:
    """A title's round figure that the paragraph under it states again with its qualifier
    ("Un Budget citoyen 2022 affichant 90 porteurs de projets, 13 000 votes d'habitants" over
    "près de 90 porteurs de projets ... près de 13 000 habitants ont voté") is as loose as the
    paragraph says."""
    under: dict[Location, Location] = {}  # a title's line -> the paragraph's line under it
    for section in document.sections:
        lines = [line for line in section.lines() if line.text.strip()]
        under.update(
            (title.location, paragraph.location)
            for title, paragraph in pairwise(lines)
            if opens_a_block(title.text)
        )
    # how the paragraph states each value: one qualifier only (not "100 entreprises" and
    # "plus de 100 offres": the same value, exact once)
    stated: dict[tuple[Location, str, float | None], set[str | None]] = {}
    for f in result.figures:
        stated.setdefault((f.location, f.unit, f.value), set()).add(f.qualifier)
    result.figures = [
        replace(f, qualifier=next(iter(said)))
        if f.qualifier is None
        and f.location in under
        and len(said := stated.get((under[f.location], f.unit, f.value), set())) == 1
        and None not in said
        else f
        for f in result.figures
    ]
    return result


# the blocks made of key-figure lines ("- ⇒ 211 425 habitants", "553 délibérations votées"),
# whose lines the sentence reader may read too
_OF_FIGURE_LINES = frozenset({key_figure_blocks.EXTRACTOR, territories.EXTRACTOR})


def block_or_sentence(blocks: Extraction, sentences: Extraction) -> Extraction:
    """The blocks' figures and the sentences' figures of what no block read. On a line a
    block holds, a number is the block's unless the block's label is a clause and not what
    it counts ("Total des fonds conservés atteint", "An passé") while the sentence names
    it: then the sentence's, and the whole line's when the sentence names every number the
    block read there (so that a change stays with its figure: "95 140, contre 83 830 l'an
    passé, soit + 13,5 %"). A number no block read is the sentence's ("un territoire qui
    s'étend sur 401 km², ce qui représente 6 %": the 401 km² the block left). The sentences'
    rejects of a line a block read figures from are the block's business. A sentence's part
    whose whole gave way to the block's points at the block's."""
    held = {location.order for block in blocks.blocks for location in block.lines}
    where = _positions(blocks.figures) | _positions(sentences.figures)

    def _overlap(figure: Figure, other: Figure) -> bool:  # read from the same words
        a, b = where[id(figure)], where[id(other)]
        same_line = figure.location.order == other.location.order
        return same_line and a.start < b.stop and b.start < a.stop

    labels = {g.indicator_code: g.indicator_label for g in blocks.generated_indicators}
    labels |= {g.indicator_code: g.indicator_label for g in sentences.generated_indicators}
    wholes = {f.part_of for f in blocks.figures if f.part_of}
    readable = [f for f in sentences.figures if reads_as_label(labels.get(f.indicator_code, ""))]

    def named(figure: Figure) -> bool:  # the sentence reads the same number and names it
        # a part ("500 utilisateurs dont 40 % sont des bénéficiaires du RSA") gives way only
        # to a label that says what sets it apart
        label = labels.get(figure.indicator_code, "").split(" : ", 1)[-1]  # its own words
        return any(
            _overlap(figure, other)
            and (figure.part_of is None or says_as_much(labels[other.indicator_code], label))
            for other in readable
        )

    def unnamed(figure: Figure) -> bool:  # a block's clause, not what it counts
        label = labels.get(figure.indicator_code)
        return label is not None and not reads_as_label(label)

    def said_more(figure: Figure) -> bool:
        # the sentence names it in more words, and in as many of its own (a context in
        # brackets, "Jeunes (jeunesses au cœur de ...)", is not more than "Jeunes en service
        # civique")
        label = labels.get(figure.indicator_code, "")
        words, own = len(label.split()), len(_OWN_WORDS.sub("", label).split())
        return any(
            _overlap(figure, other)
            and (
                len(labels[other.indicator_code].split()) > words
                or labels[other.indicator_code].lower() == label.lower()  # the same words
            )
            and len(_OWN_WORDS.sub("", labels[other.indicator_code]).split()) >= own
            for other in readable
        )

    by_line: dict[tuple[int, int], list[Figure]] = {}
    for figure in blocks.figures:
        if figure.location.order in held:
            by_line.setdefault(figure.location.order, []).append(figure)
    given: set[int] = set()  # the block figures that give way, by identity
    for order, line in by_line.items():
        elsewhere = {f.part_of for f in blocks.figures if f.part_of and f.location.order != order}
        wholes_here = any(f.indicator_code in elsewhere for f in line)  # its parts stay put
        written = _written_as_a_sentence(line[0].source_text) and not wholes_here
        if written and all(said_more(f) for f in line):
            # "Avec 91 480 abonnés, le compte Facebook du Département a progressé de 14,1 %":
            # an item written as a sentence is read as one, when the sentence names every
            # number the block read there in more words than the block did
            given.update(id(f) for f in line)
            continue
        if not any(unnamed(f) for f in line):
            continue
        # an unnamed whole of the line's own parts: the line is read again as a whole
        whole_line = any(unnamed(f) and f.indicator_code in wholes for f in line) and all(
            f.indicator_code in labels and f.indicator_code not in elsewhere and named(f)
            for f in line
        )
        for figure in line:
            alone = unnamed(figure) and figure.indicator_code not in wholes and named(figure)
            if whole_line or alone:
                given.add(id(figure))
    kept = [f for f in blocks.figures if id(f) not in given]
    taken = [f for f in kept if f.location.order in held]
    read_lines = {f.location.order for f in taken}
    # a number the block read on its line is the block's business; one it did not read ("200"
    # of "1 200 ..., contre 200") keeps the sentence reader's reason
    read_values = {(f.location.order, f.value) for f in taken}
    blocks.rejects.extend(
        r
        for r in sentences.rejects
        if r.location.order not in read_lines or (r.location.order, r.value) not in read_values
    )
    renamed: dict[str, str] = {}  # a dropped sentence whole → the block's figure of its words
    # a line given to the sentence keeps the body its block's heading named ("MonJob62 :")
    # where the sentence names none
    bodies = {
        f.location.order: (f.entity_type, f.entity_code)
        for f in blocks.figures
        if id(f) in given and f.entity_type == "organisation"
    }
    own: list[Figure] = []
    for figure in sentences.figures:
        block = next((o for o in taken if _overlap(figure, o)), None)
        body = bodies.get(figure.location.order)
        if body is not None and figure.entity_type == "department":
            figure = replace(figure, entity_type=body[0], entity_code=body[1])
        if block is None:
            own.append(figure)
        else:
            renamed.setdefault(figure.indicator_code, block.indicator_code)
    still = {f.indicator_code for f in own}
    renamed = {code: to for code, to in renamed.items() if code not in still}
    blocks.generated_indicators.extend(sentences.generated_indicators)
    blocks.figures = kept + own
    blocks.list_items.extend(sentences.list_items)
    blocks.epci_mentions.extend(sentences.epci_mentions)
    blocks.councillor_mentions.extend(sentences.councillor_mentions)
    return blocks.with_figures(blocks.figures, renamed)


# a label's context in brackets ("Jeunes (jeunesses au cœur de ...)"): not its own words
_OWN_WORDS = re.compile(r"\s*\([^)]*\)")
# a key-figure item written as a sentence: a finite verb, and more words than a list item has
_SENTENCE_WORDS = 10


def _written_as_a_sentence(text: str) -> bool:
    words = LIST_MARKERS.sub("", text).replace("*", "")
    return len(words.split()) >= _SENTENCE_WORDS and bool(FINITE_AUXILIARY.search(words))


def _held(result: Extraction, which: Callable[[BlockQuality], bool]) -> set[tuple[int, int]]:
    """The lines of the blocks `which` selects."""
    return {location.order for block in result.blocks if which(block) for location in block.lines}


def _positions(figures: list[Figure]) -> dict[int, range]:
    """Where each figure's span sits in its line, bold marks aside ("environ **6 500
    clients**" holds "environ 6 500"): the n-th figure of a line with a span is at the n-th
    place that span stands alone (not the "200" of "1 200"); by the figure's identity."""
    where: dict[int, range] = {}
    seen: dict[tuple, int] = {}
    for figure in figures:
        span = figure.source_span.replace("*", "")
        key = (figure.location.order, span)
        n = seen[key] = seen.get(key, -1) + 1
        alone = re.compile(
            rf"(?<![\d\w])(?<!\d[ \u00a0\u202f]){re.escape(span)}(?![ \u00a0\u202f]?\d)"
        )
        found = list(alone.finditer(figure.source_text.replace("*", "")))
        where[id(figure)] = range(*found[n].span()) if n < len(found) else range(0)
    return where


def page_rejects(document: Document) -> list[Reject]:
    """A PDF's pages that gave no text, as rejects with the reason (and what text an
    unreadable page still gives): findings of `completeness__unread_pages`."""
    reader = Context(extractor="pdf_reader")
    return [
        reader.at(Location(document.source_file, page=finding.page), finding.text).reject(
            finding.reason, source_text=finding.text or None
        )
        for finding in document.page_findings
    ]


def _words(document: Document) -> dict[Location, str]:
    """The words of every line and table row, by where they are."""
    words: dict[Location, str] = {}
    for _, block in document.blocks():
        if isinstance(block, Table):
            words.update((row.location, row.text) for row in block.rows)
        else:
            words[block.location] = block.text
    return words


def with_periods(result: Extraction, document: Document) -> Extraction:
    """Every figure gets the period its own words give it ("33 380 offres depuis le
    lancement", "11,5 M€ versés à fin 2022"), else the one its list or section gives it
    (a planned project's items, "ORGANISATION POLITIQUE (DÉCEMBRE 2022)", an amount voted
    for the years its heading gives); None stays the report year."""
    report_year = document.report_year
    words = _words(document)
    framed = dated_sections(document) | planned_lists(document)
    # "Cette semaine a été organisée ..., du 2 au 6 mai 2022" then "39 personnes se sont
    # présentées ...": the counts of a block that opens on an event it dates
    # "29 novembre - Saint-Omer - Les métiers des travaux publics" then "Deux simulateurs ...
    # ont été mis à disposition": the counts told under a timeline's day
    events = dated_entries(document, opens_a_block) | event_blocks(document, opens_a_block)
    # "25 M€ ... voté dont 5,49 M€ en 2022" under "(2019-2022)", a line that opens a block
    voted = voted_envelopes(document, opens_a_block)
    figures = []
    seen: dict[tuple[Location, str], int] = {}  # the figures of a line said in the same words
    for figure in result.figures:
        nth = seen[(figure.location, figure.source_span)] = (
            seen.get((figure.location, figure.source_span), -1) + 1
        )
        if figure.period is None:
            text = words.get(figure.location, "")
            start = _span_start(text, figure.source_span, nth)
            if start >= 0:
                period = period_of(text, start, start + len(figure.source_span), report_year)
                if period == report_period(report_year):  # a planned list's, a dated section's
                    period = framed.get(figure.location, period)
                    opens, at, envelope = voted.get(figure.location, (0, -1, period))
                    period = envelope if figure.unit == "EUR" and opens <= start < at else period
                block = events.get(figure.location)
                if (
                    block
                    and period == report_period(report_year)
                    and figure.unit == "count"  # money, sizes, days: not an event's
                ):
                    end = start + len(figure.source_span)
                    period = in_its_block(text, start, end, block) or period
                if period != report_period(report_year):
                    figure = replace(figure, period=period)
        figures.append(figure)
    result.figures = figures
    return result


def _span_start(text: str, span: str, nth: int = 0) -> int:
    """Where the figure's words stand in its line: the nth place they stand whole ("9" in
    "des 9 antennes", not in "1 453 934") as a figure, not as a date or a year ("2012, qui
    était le nombre d'inscrits" after "le 20 mai 2012"), else the nth place they stand
    whole, else the first place they are found."""
    if not span:
        return text.find(span)
    wholes = [m.start() for m in re.finditer(rf"(?<![\w,.]){re.escape(span)}(?![\w]|[,.]\d)", text)]
    read = [
        at for at in wholes if ignorable_reason(text, at, at + len(span), running_text=True) is None
    ]
    for found in (read, wholes):
        if found:
            return found[min(nth, len(found) - 1)]
    return text.find(span)


def is_generated(code: str) -> bool:
    """A code made from the report's wording (key-figure blocks, sentences), not curated."""
    return code.startswith(("kf_", "tx_"))
