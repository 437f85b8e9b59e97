"""Figures stated in the report's sentences, with what they count, for whom and when.

Runs after the block extractors, on every line they did not read. Each number that is not
ignorable (a year, a date, a phone number ... see `tokens`) becomes a figure labelled with
the noun phrase it counts (`phrases`), the entity of the page it sits on (a territory, MDS
or MDADT page) or of the body its clause names (an `organisation` of the entity catalog),
and its period (`periods`). Relations stated in the sentence are kept: "dont" and "sur"
make parts of a whole, "soit N %" a share of what precedes it, "+13,2 %" or "en hausse de"
a change (unit `pct_change`). A number whose phrase cannot be found is a reject, with the
reason. Codes are `tx_<section>__<label>`, stable while the wording is.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from pipelines.extract import Context, Extraction, Figure, GeneratedIndicator
from pipelines.extract.block_titles import (
    block_topics,
    names_something,
    opens_a_block,
    section_topics,
)
from pipelines.extract.concepts import lemmas, sentence_concept
from pipelines.extract.key_figure_blocks import BOX_TITLE_LENGTH, share_of_whole, slug
from pipelines.extract.navigation import PageContext, page_contexts
from pipelines.extract.parse import Parse, ParseCache
from pipelines.extract.periods import (
    AGAINST,
    COMPARED_WITH,
    EARLIER,
    FROM_VALUE,
    MONTH,
    Period,
    entry_fields,
    holds_a_figure,
    report_period,
    timeline_entries,
)
from pipelines.extract.phrases import (
    BEYOND_BEFORE,
    CHANGE_VERBS,
    CHANGE_WORDS,
    DEPARTEMENT_NAMED,
    FINITE_AUXILIARY,
    IN_ALL_AFTER,
    LEADING_ARTICLE,
    PARTICIPLE_FORM,
    SPENT_VERBS,
    TIME_NOUNS,
    TIME_WORDS,
    UNDER_HEADING,
    UNIT_NOUNS,
    as_change,
    coordinated_phrase,
    frame_phrase,
    is_action,
    is_french_word,
    is_noun_phrase,
    is_participle,
    is_verb,
    lemma,
    line_heading,
    opening_phrase,
    paid_by_departement,
    phrase_after,
    phrase_before,
    present_participle,
    served_by,
    singular_participle,
    spent_label,
    unit_suffix,
    without_verb,
)
from pipelines.extract.places import Gazetteer, gazetteer
from pipelines.extract.quantified import (
    VAGUE_NOUNS,
    action_on,
    amount_phrase,
    context_of,
    counted_phrase,
    done_by_act,
    done_to,
    done_where,
    fronted_by,
    held_in,
    is_weak_label,
    item_phrase,
    noun_before,
    noun_gender,
    nounlike,
    past_participle,
    subject_of,
    topic_of,
)
from pipelines.extract.respectively import phrases_after, respective_labels, respective_lists
from pipelines.read.document import LIST_MARKERS, MARKERS, Document, Location, Section, TextLine
from pipelines.read.numbers import (
    APPROXIMATE_NOUNS,
    EFFORT_BEFORE,
    EFFORT_NOUN_BEFORE,
    NOW_WORDS,
    NUMBER_WORDS,
    PROCESSED_IN,
    THEN_WORDS,
    TIME_TAKEN,
    Quantity,
    find_quantities,
    ignorable_reason,
    is_a_number,
    unit_named,
)
from schemas.catalog import Entity, EntityCatalog, IndicatorCatalog, ReportStructure

EXTRACTOR = "sentences"
# the parses of one process, when no cache in a staging folder is given
SHARED_PARSES = ParseCache()
_DONE_BEFORE = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront)\s+(?:(?:déjà|ainsi|également|notamment)\s+)?"
    r"(?!(?:eu|été)\s)"  # "il y a eu 9 visites": nothing done to them
    r"(?P<participle>[a-zéèêâîôûç]+(?:é|i|u|it|is))\s+(?:plus\s+de\s+|près\s+de\s+|environ\s+)?$",
    re.IGNORECASE,
)
# "... qui ont été réalisées sur le territoire et ont concerné": the same subject acted again
_SAME_SUBJECT = re.compile(
    r"^[^.;:!?]*\bqui\s+(?:ont|a)\s+été\s[^.;:!?]*\bet\s+(?:ont|a)\s+(?:\w+ment\s+)?[\w’'-]+\s*$",
    re.IGNORECASE,
)  # the relative clause of the noun before, then "et ont <verb>": that noun acted
# "a permis de rénover 3 voies", "afin d'accompagner 50 familles": what was done to them
_DONE_BY_INFINITIVE = re.compile(
    r"\b(?:de|d['’]|pour|afin\s+de|afin\s+d['’])\s*(?P<verb>[a-zéèêâîôûç]{3,}(?:er|ir))\s+"
    r"(?:plus\s+de\s+|près\s+de\s+|environ\s+)?$",
    re.IGNORECASE,
)
# infinitives whose object is not what was done to: "permettre d'avoir", "de dépasser"
_NO_DONE_INFINITIVES = frozenset(
    {"avoir", "devenir", "compter", "dépasser", "représenter", "totaliser", "aller", "passer",
     "venir", "obtenir", "tenir", "franchir", "courir", "parcourir", "secourir", "acquérir"}
)  # fmt: skip
# a part named by its place, the figure in brackets after it: "Oignies (23)"
_DANGLING_PREPOSITION = re.compile(r"\s+(?:à|au|aux|de|du|des)$")
_PLACE_BRACKETED = re.compile(
    r"(?:,|:|\bentre|\bet|\bdont|\bpar|\bnotamment|\bcomme|(?P<ranked>\bavec|\bdevant|\bpuis))\s+"
    # "avec Oignies en tête (28), devant Noyelles-les-Vermelles (17)"
    r"(?P<place>[A-ZÉÈ][\w'’]+(?:-[\w'’]+)*)(?:\s+en\s+tête)?\s*\(\s*\**\s*$"
)
_BARE_BRACKET = re.compile(r"[\s*]*\)")
_PLACE_AFTER = re.compile(
    r"^\s*(?:à|au|en)\s+(?P<place>[A-ZÉÈ][^,;)(]{1,40}?)"
    r"(?=\s+et\b|\s*[,;)(]|[.!?]?\s*$|(?<!\bSt)(?<!\bSte)[.!?]\s)"
)
# where a share of the figure before lies: "dont la moitié sur le territoire du Boulonnais"
_WHERE_PART = re.compile(
    r"^\s*(?:sur|à|au|aux|en|dans|chez|pour)\s+[^,;.()]{2,60}?(?=\s+(?:et|ou)\s|\s*[,;.()]|$)",
    re.IGNORECASE,
)
# what links a figure to the one before it, at the end of the words between them
_BETWEEN_PART = re.compile(r"\bdont\s*:?\s*(?:de\s+|d['’])?$", re.IGNORECASE)
# "trente-quatre jeunes ..., parmi lesquels 17 au titre de ...": a part of the count before
_AMONG_BEFORE = re.compile(r"\bparmi\s+(?:lesquel(?:le)?s|eux|elles)\s*,?\s*$", re.IGNORECASE)
_BETWEEN_WHOLE = re.compile(r"\ssur\s+(?:un\s+total\s+de\s+|les\s+)?$", re.IGNORECASE)
_BETWEEN_SHARE = re.compile(
    r"\b(?:soit|c['’]est-à-dire)\s+(?:près\s+de\s+|environ\s+|plus\s+de\s+)?$", re.IGNORECASE
)


@dataclass
class _Read:
    """One figure of a line, while its relations are worked out."""

    quantity: Quantity
    unit: str
    value: float
    label: str
    part_of: int | None = None  # index of the whole in the line's figures
    among: bool = False  # a part "d'entre eux": what frames it is its own, not its whole's
    earlier: bool = False  # "contre 83 830 l'an passé": the figure before, an earlier year
    code: str = ""


def extract_prose(
    document: Document,
    indicators: IndicatorCatalog,
    entities: EntityCatalog,
    read: set[tuple[int, int]] | None = None,
    parses: ParseCache | None = None,
    later: set[tuple[int, int]] | None = None,
) -> Extraction:
    """Every figure of the lines that no block extractor reads whole (`read`: their
    places), each line's French parse taken from `parses` (parsed now when it does not hold
    it). The lines a key-figure block holds (`later`) are read after the others, so that
    they take no generated code the others had before they were read."""
    read, later = read or set(), later or set()
    result = Extraction()
    organisations = [(e, _alias_pattern(e)) for e in entities.of_type("organisation")]
    offices = [(e, _alias_pattern(e)) for kind in _OFFICES for e in entities.of_type(kind)]
    places = gazetteer(entities.department.code, _named_entities(entities))
    every = list(page_contexts(document, entities))
    boxes = _box_entities([(s, line) for s, line, _ in every], organisations, entities)
    focus = _focus_subjects([(s, line) for s, line, _ in every], entities)
    leads = _list_leads([line for _, line, _ in every], entities)
    measured = _measured_leads([line for _, line, _ in every], entities)
    # the territory of a page (its own, or its office's): where the communes it names lie
    slugs = {e.code: e.slug for e in entities.of_type("territory")}
    territory_of = {
        e.code: slugs.get(e.code) or slugs.get(e.parent_code or "", "")
        for kind in ("territory", *_OFFICES)
        for e in entities.of_type(kind)
    }
    topics = block_topics(
        [(s, line) for s, line, _ in every],
        lambda words: bool(_figures_of(words, entities)[0]),
        frozenset({entities.department.name.lower()}),
    )
    titled = _titled_places([line for _, line, _ in every], places, entities)
    titled |= _entry_places([(section, line) for section, line, _ in every], places)
    # a label that names the département as what its figure is of: "... du Pas-de-Calais"
    of_the_departement = re.compile(
        rf"\b(?:du|de\s+tout\s+le)\s+(?:{re.escape(entities.department.name)}|département)\b"
        r"(?!\s+(?:du|de\s+la|de\s+l['’]|des|de)\s)"  # not "du département du Nord"
        r"(?!\s+(?-i:[A-ZÉ]))",  # nor the "Maison du Département Solidarité", a name
        re.IGNORECASE,
    )
    # "Les chiffres clés du projet de mandat": its lines outside an office's or territory's page
    wide = section_topics(
        [(s, line) for s, line, context in every if context is None],
        frozenset({entities.department.name.lower()}),
    )
    lines = sorted(
        (
            (section, line, context)
            for section, line, context in every
            if line.location.order not in read
        ),
        key=lambda item: item[1].location.order in later,  # stable: reading order kept
    )
    parsed = (parses or SHARED_PARSES).parse_all(line.text for _, line, _ in lines)
    # a label names a quantity within its section only: "personnes" twice is two quantities
    section_codes: dict[str, set[str]] = {}

    def read_line(section: Section, line: TextLine, context: PageContext | None) -> Extraction:
        """One line's figures, labels, entities and rejects."""
        out = Extraction()
        text = line.text
        figures = _read_line(text, entities, parsed.get(text))
        page_entity = context.entity if context else entities.department
        where = context.entity.name if context else section.title
        domain = domain_slug(where, entities.structure)
        codes = set(section_codes.get(domain, set()))  # kept only if the line is read
        here = Context(
            extractor=EXTRACTOR,
            section=where,
            entity_type=page_entity.entity_type,
            entity_code=page_entity.code,
            location=line.location,
            source_text=line.source_text,
        )
        for figure in figures:  # "*Fonds d'Intervention ... (FIEET)*": no emphasis marks
            figure.label = re.sub(r"\s+\)", ")", " ".join(figure.label.replace("*", " ").split()))
            figure.label = _without_second_article(_agreed(figure.label))
        distinct_labels(figures)
        _of_box_or_list(figures, focus.get(line.location.order), leads.get(line.location.order))
        _of_measured_list(figures, measured.get(line.location.order))
        _of_the_count(text, figures)
        _of_block(figures, topics.get(line.location.order) or wide.get(line.location.order))
        for figure in figures:
            figure.label = _funding(_measured(figure.label, figure.unit), figure.unit)
        for i, figure in enumerate(figures):
            of = figure.part_of
            named = figures[of].label if of is not None and of < i else ""
            bare = _BRACKETED.sub("", named).strip()  # its context aside: "Bilans (...)"
            own = bare.split(" : ")[-1].lower()  # "Montant : projet": what it is of
            said_whole = bool(bare and figure.label) and lemma(figure.label.split()[0]) == lemma(
                bare.split()[0]
            )
            if named and figure.label and own not in figure.label.lower() and not said_whole:
                # "X dont Y"; a part named by where or whom it is ("24 à Oignies") reads on
                glue = " " if _PART_BY_PLACE.match(figure.label) else " : "
                if figure.unit == "pct" and bare.split(" : ")[0].lower() in _SUPPORTS:
                    # "accompagnement : projet", soit 28 % d'un montant de travaux: the
                    # support's share, "accompagnement : part d'un montant de travaux"
                    bare = bare.split(" : ")[0]
                # a part a word or two name ("82 écoles aidées (7 ressources, ...)") says its
                # whole's context after it: "Écoles aidées : ressources (Schéma ...)"
                aside = _BRACKETED.search(named)
                short = len(figure.label.split()) <= _SHORT_LABEL and glue == " : "
                # not "Places ... : territoires du Boulonnais (Création de places)": no more
                said = f" {aside.group(0)}" if aside and short and "(" not in figure.label else ""
                if said and lemma(bare.split()[0]) in set(lemmas(said.strip(" ()"))):
                    said = ""
                figure.label = f"{bare}{glue}{figure.label}{said}"
            figure.code = _code(domain, figure.label, figure.unit, codes) if figure.label else ""
        about = [
            _organisation(text, f.quantity, organisations)
            or boxes.get(line.location.order)
            or _office(f.label, offices)
            or _place(text, f, figures, places)
            or _commune_said_short(text, f, places, territory_of.get(page_entity.code, ""))
            or _epci(text, f, figures, places)
            or (
                titled.get(line.location.order) if not _divides_the_plan(text, f.quantity) else None
            )
            or _page_or_everywhere(text, f.quantity, page_entity, entities.department)
            for f in figures
        ]
        about = [  # "... bénéficie d'une subvention d'investissement du Département de 5,73 M€"
            entities.department
            if (
                e.entity_type == "organisation"
                and (
                    paid_by_departement(f.unit, f.label, text[f.quantity.end :])
                    or _member_of_it(text, f.quantity)
                )
            )
            # "les trois agences d'urbanisme du Pas-de-Calais", in a paragraph about Arras
            or (
                e.entity_type == "commune"
                and f.unit != "pct"  # "30 % des nuitées ... du Pas-de-Calais": Calais's share
                and of_the_departement.search(f.label) is not None
            )
            else e
            for e, f in zip(about, figures, strict=True)
        ]
        for n, figure in enumerate(figures):
            q = figure.quantity
            if not figure.code:
                out.rejects.append(
                    here.reject(
                        "no noun phrase names what the figure counts",
                        value=figure.value,
                        unit=figure.unit,
                    )
                )
                continue
            # a part is about what its whole is about, unless it names its own commune: "75
            # places créées (24 à Oignies, ...)": 24 is Oignies' (the breakdown check adds up
            # the parts of a line's whole wherever they are)
            entity = about[n]
            whole_is = about[figure.part_of] if figure.part_of is not None else None
            if whole_is is not None and whole_is.entity_type != "organisation":
                entity = _place(text, figure, figures, places) or whole_is
            elif whole_is is not None:  # "8 ateliers (4 sportifs, ...)" of the CPEF's action
                own = _PHRASE_END.split(text[q.end :], maxsplit=1)[0]  # "24 à Oignies"
                at = _place(text, figure, figures, places) if places.named(own) else None
                entity = at or whole_is
            whole = figures[figure.part_of] if figure.part_of is not None else None
            label = figure.label
            curated = (
                sentence_concept(indicators, label, figure.unit, text, q.start)
                if entity.code == entities.department.code and whole is None
                else None
            )
            if curated is not None:  # "78 élus", "soixante-dix-huit conseillers départementaux"
                figure.code = curated
            else:
                out.generated_indicators.append(
                    GeneratedIndicator(
                        indicator_code=figure.code,
                        indicator_label=label[:1].upper() + label[1:],
                        unit=figure.unit,
                        domain=domain,
                    )
                )
            out.figures.append(
                here.about(entity.entity_type, entity.code).figure(
                    figure.code,
                    q,
                    value=figure.value,
                    unit=figure.unit,
                    part_of=whole.code if whole is not None and whole.code else None,
                    block=_paragraph(line.location),
                )
            )
        section_codes[domain] = codes
        return out

    for section, line, context in lines:
        try:
            result.extend(read_line(section, line, context))
        except Exception as error:  # one line that cannot be read is a finding, not the end
            page = context.entity if context else entities.department
            where = Context(
                extractor=EXTRACTOR,
                section=context.entity.name if context else section.title,
                entity_type=page.entity_type,
                entity_code=page.code,
                location=line.location,
                source_text=line.source_text,
            )
            result.rejects.append(
                where.reject(f"the line could not be read: {type(error).__name__}: {error}")
            )
    return result


def _read_line(text: str, entities: EntityCatalog, parse: Parse | None = None) -> list[_Read]:
    """The figures of one line with labels and relations (none for an unreadable one)."""
    quantities, range_ends = _figures_of(text, entities)
    places = gazetteer(entities.department.code, _named_entities(entities))
    figures: list[_Read] = []
    for i, q in enumerate(quantities):
        before_end = quantities[i - 1].end if i else 0
        between = text[before_end : q.start]
        stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        after = text[q.end : stop]
        unit, value, change = as_change(text, q)
        label = _label(text, q, after, unit, before_end, parse)
        label = _changed_subject(text, change, before_end, q.end) or label
        # the figure before, not one of an earlier year ("95 140, contre 83 830 l'an passé,
        # soit + 13,5 %": the change is of 95 140)
        previous = next((f for f in reversed(figures) if not f.earlier), None)
        label = _label_in_line(text, q, label, unit, between, figures, parse)
        unit, value, label = _unit_in_label(unit, value, label)
        label = _said_around(text, q, unit, label)
        label = _generated_by(text, q, label)
        figure = _Read(q, unit, value, label)
        if previous is not None and _before_and_after(text, previous, figure, between):
            figures.append(figure)
            continue
        if i in range_ends and previous is not None and previous.value <= value:
            # "environ 200 à 400 likes" (not "de 12 € à 9 €": a value before and after)
            _as_range(previous, figure)
            figures.append(figure)
            continue
        if _said_earlier(text, figure, previous, between, after):
            figures.append(figure)
            continue
        if previous is not None and i:
            if unit == "pct_change" and previous.label and _CHANGE_BETWEEN.search(between):
                # "54 forages (+ 20 %)", "101 bilans soit + 38 %": the change of the figure
                # ("95 140, contre 83 830 l'an passé, soit + 13,5 %": of the first)
                figure.label = f"{_CHANGE_OF}{previous.label}"
                figure.part_of = figures.index(previous)
            elif _part_by_place(text, figure, previous, figures, after, places):
                pass  # "réparties entre Oignies (23), ...", "75 places (24 à Oignies, ...)"
            elif _a_part_of(text, figures, (previous, figure), between, after):
                pass  # "dont 950 pour la pédiatrie, 240 ...", "dont la moitié sur ..."
            elif (
                _BETWEEN_WHOLE.search(between)
                and previous.unit == unit
                and not phrase_after(after)
                and previous.label
            ):  # "104 agents RHS sur 128": the bare figure is the whole of the one before
                figure.label = f"{previous.label.split()[0]} (total)"
                previous.part_of = len(figures)
            elif out_of := _out_of_fronted(text, figure, previous, between, after):
                # "Sur 337 M€ de masse salariale, 248 M€ concernent les agents ...": a part
                figure.label, figure.part_of = out_of, figures.index(previous)
            elif among := _among(
                _past_share_aside(text, q.end, after),
                referent := _referent(figures, previous, after),
                figure,
                between,
            ):
                # "5 811 demandes reçues ; 45 % d'entre elles ont été dématérialisées",
                # "Vingt-neuf jeunes ont été accompagnés, 13 d'entre eux au titre de ..."
                figure.label, figure.among = among, True
                figure.part_of = figures.index(referent)
            elif _BETWEEN_SHARE.search(between):
                _said_so(figure, previous, figures.index(previous), after)
        bracket = _bracket_whole(text, q, quantities[:i])
        if figure.part_of is None and bracket is not None and unit == figures[bracket].unit:
            # "82 écoles aidées (7 ressources, 10 associées, 65 hors réseau)": parts of the
            # figure the bracket follows (named after it below, as "dont" parts are)
            _bracket_part(figure, bracket, after)
        figures.append(figure)
    _colon_parts(text, figures)
    _price_fronted(text, figures)
    _respective(text, figures, parse)
    _in_context(text, figures, parse)
    _of_what_it_describes(text, figures)
    _so_many_of_the_share(text, figures)
    _items_of_the_first(text, figures, parse)
    _led_by_their_place(text, figures, places, entities.department.name)
    for figure in figures:  # "Adoption des réglementations de boisements ... dans neuf communes"
        figure.label = _where_an_act_took_place(text, figure)
        figure.label = _work_of_the_named(text, figure)
    return figures


# an amount fronted as the price of what its sentence then counts: "Pour 1,21 M€, ce sont
# 34,71 ha qui ont été acquis"
_PRICE_OPENS = re.compile(r"(?:^|[.;:!?]\s*|^[-–◆•*\s]+)pour\s*$", re.IGNORECASE)
_PRICE_THEN = re.compile(r"\s*,\s*(?:ce\s+sont|c['’]est|ont\s+été|a\s+été)?\s*", re.IGNORECASE)


def _price_fronted(text: str, figures: list[_Read]) -> None:
    """An amount with no label of its own that opens its sentence on "Pour" is what the
    figure right after it cost: "Pour 1,21 M€, ce sont 34,71 ha qui ont été acquis" →
    "Montant : surface acquise"."""
    for amount, bought in pairwise(figures):
        if amount.label or amount.unit != "EUR" or not bought.label or bought.unit == "EUR":
            continue
        if not _PRICE_OPENS.search(text, 0, amount.quantity.start):
            continue
        if _PRICE_THEN.fullmatch(text, amount.quantity.end, bought.quantity.start):
            amount.label = f"montant : {bought.label[:1].lower()}{bought.label[1:]}"


# what stands between the items of one enumeration: "26 ateliers, 13 sportifs et 13 ..."
_NEXT_ITEM = re.compile(r"\s*[^\W\d][^,;:.()\d]{0,40}?(?:,|\s+et)\s*")
# an item's own words: a participle and its complement, up to a verb or the next item
# ("dédiés à la sensibilisation à la santé sexuelle", "consacrés à la recherche et au ...")
_ITEM_OWN_WORDS = re.compile(
    r"\s*(?P<words>(?P<done>[^\W\d][\wéèêàâç-]*)\s+(?:à|au|aux|pour|par|en|de|du|des)\s"
    r"[^,;:.()\d]{1,80}?)\s*(?=[,;:.()]|\s+(?:a|ont|est|sont|était|étaient)\s|\s+et\s+\d|$)",
    re.IGNORECASE,
)


def _items_of_the_first(text: str, figures: list[_Read], parse: Parse | None) -> None:
    """The items of an enumeration that name only what was done to them take the noun of its
    first: "cette action proposait 26 ateliers, 13 sportifs et 13 dédiés à la sensibilisation
    à la santé sexuelle" → "Ateliers dédiés à la sensibilisation à la santé sexuelle". Only a
    participle with its complement, after a first item that opens on its noun ("3 nouveaux
    collèges et 2 rénovés", "12 salariés et 5 retraités" name none)."""
    if parse is None:
        return
    first = 0
    for n, figure in enumerate(figures):
        if n and not (
            figure.unit == figures[n - 1].unit
            and _NEXT_ITEM.fullmatch(text, figures[n - 1].quantity.end, figure.quantity.start)
        ):
            first = n
            continue
        opening = [
            w for w in parse.within(figures[first].quantity.end, len(text)) if w.pos != "PUNCT"
        ]
        head = opening[0] if opening and opening[0].pos == "NOUN" else None
        own = _ITEM_OWN_WORDS.match(text, figure.quantity.end)
        alone = len(figure.label.split()) == 1 and figure.part_of is None  # "Dédiés", no more
        if n == first or head is None or own is None or not alone:
            continue
        if is_participle(own["done"]) and lemma(own["done"].lower()) != lemma(head.text.lower()):
            figure.label = f"{head.text} {' '.join(own['words'].split())}"


# an item of a list of counts led by the commune it is of: "Création de places d'internat :
# Oignies en compte 30, Noyelles-les-Vermelles 21, ...", "Oignies en accueille 31"
_PLACE_LED = re.compile(
    r"(?:^|[:,;]|\bet\b)\s*(?P<field>[A-ZÉÈ][^,:;()\d]{1,50}?)\s+(?:en\s+[a-zéèêàâç]+\s+)?$"
)


def _led_by_their_place(
    text: str, figures: list[_Read], places: Gazetteer, department: str
) -> None:
    """Counts a list under its line's heading leads by the communes they are of, two at
    least, each the commune's as the heading names them: "Création de places d'internat :
    Oignies en compte 30, Noyelles-les-Vermelles 21, ..." → "Création de places d'internat à
    Oignies" (the commune, then, by its cue). Not an item that names its own noun ("Arras 12
    gymnases"), one in brackets, nor under a heading that is a time or names a place or the
    territories."""
    led = []
    for figure in figures:
        start = figure.quantity.start
        item = _PLACE_LED.search(text, 0, start) if figure.unit == "count" else None
        place = places.opens(item["field"]) if item is not None else None
        heading = _heading_of(text, figure.quantity)
        bracketed = text.count("(", 0, start) > text.count(")", 0, start)
        own = not _ITEM_ENDS.match(text, figure.quantity.end)  # "Arras 12 gymnases"
        if place is not None and heading and not bracketed and not own:
            led.append((figure, place, heading))
    headings = {heading for _, _, heading in led}
    named = [
        _NOT_A_PLACE_LIST.search(h) or department in h or places.mentioned(h) for h in headings
    ]
    if len(led) < 2 or any(named):
        return  # "Calais 16" alone may be a name and a number; "En 2022 :", "par territoire"
    for figure, place, heading in led:
        figure.label = f"{heading} à {place.name}"


# where an item of a list led by its commune ends: right after its number
_ITEM_ENDS = re.compile(r"\s*(?:[,;.)]|\bet\b|$)")
# a heading that names no list of communes: a time, the territories, the département
_NOT_A_PLACE_LIST = re.compile(r"\d|\bterritoires?\b|\bdépartement", re.IGNORECASE)


def _work_of_the_named(text: str, figure: _Read) -> str:
    """An amount named by a work alone, with the establishment the work was done for: the
    named subject that "a bénéficié de" it ("Le collège Calais République a bénéficié d'une
    rénovation de façade (80 000 €)" → "... (collège Calais République)"), or the names its
    item opens with before a dash ("Calais MLK - réaménagement de la cour ... : 25 000 € +
    remplacement des verrières ... : 170 000 €", "Coulogne - Jean Monnet - Remplacement des
    préaux ... 150 000 €"); the label as it is for any other figure."""
    label = figure.label
    work = label.split(" : ", 1)[-1]
    if figure.unit != "EUR" or "(" in label or not work or not is_action(work.split()[0].lower()):
        return label
    at = text.lower().rfind(work.lower(), 0, figure.quantity.start)
    if at < 0:
        return label
    stop = text.rfind(". ", 0, at)
    sentence = text[stop + 2 if stop >= 0 else 0 : at]
    if (benefited := _BENEFITED.match(sentence)) is not None:
        who = benefited["who"]
        return f"{label} ({who})" if any(w[:1].isupper() for w in who.split()[1:]) else label
    names = _NAMES_FIRST.search(text, 0, at)
    while names is None and (joined := _JOINED_WORK.search(text, 0, at)) is not None:
        at = text.lower().rfind(" - ", 0, joined.start())  # "... : 25 000 € + remplacement"
        names = _NAMES_FIRST.search(text, 0, at + 3) if at >= 0 else None
        at = at + 3 if names is not None else -1
        if at < 0:
            break
    if names is None:
        return label
    fields = [f.strip() for f in _DASHED.split(names["names"].rstrip(" -–")) if f.strip()]
    if any(_THE_DEPARTEMENT.search(f) for f in fields):
        return label  # "Le Département - Réhabilitation du gymnase"
    common = [all(is_french_word(w.lower()) for w in re.split(r"[\s-]+", f) if w) for f in fields]
    if len(fields) == 1 and common[0]:
        return label  # "Investissement Collèges - Construction ...": a heading, no name
    return f"{label} ({', '.join(reversed(fields))})" if fields else label


# "Le collège Calais République a bénéficié d'", "La salle Paul Eluard a fait l'objet d'"
_BENEFITED = re.compile(
    r"^\s*(?:(?:le|la|les)\s+|l['’]\s*)(?P<who>[^,;:()]{3,60}?)\s+(?:a|ont)\s+(?:bénéficié"
    r"|fait\s+l['’]objet)\s+(?:de\s+la|de\s+l['’]|d['’]|de|du|des)\s*(?:une?\s+)?$",
    re.IGNORECASE,
)
# the names an item opens with, dashed, before its work: "Coulogne - Jean Monnet - "
_NAMES_FIRST = re.compile(
    r"(?:^|[.:;]\s+|€\s+)(?P<names>(?:[A-ZÉ][\w'’-]*(?:\s+[A-ZÉ][\w'’-]*){0,3}\s+-\s+){1,3})$"
)
# a work joined to the one before by "+": "... : 25 000 € + remplacement"
_JOINED_WORK = re.compile(r"€\s*\+\s*$")


# a line that opens on an act, then where it took place: "Adoption des réglementations de
# boisements en zone Parc ... dans neuf communes de la communauté de communes de ..."
_ACT_THEN_WHERE = re.compile(
    r"^(?P<act>[A-ZÉ][a-zéèêç]+\s+(?:de|des|du|d['’])\s*[^,;:.()]{3,120}?)\s+"
    r"dans\s+(?:les\s+)?[\s*]*$"
)
# what such a count is of: places an act can take place in
_PLACES_OF_AN_ACT = frozenset(
    {"commune", "collège", "site", "territoire", "quartier", "établissement", "canton", "ville",
     "village", "structure", "école", "lycée", "maison"}
)  # fmt: skip


_NO_ACT_HERE = frozenset(
    {"population", "répartition", "situation", "proportion", "nombre", "total", "direction",
     "attention", "occasion", "disposition", "destination"}
)  # fmt: skip


def _where_an_act_took_place(text: str, figure: _Read) -> str:
    """A count of places ("communes", "collèges", ...) an act its line opens on took place
    "dans": "neuf communes de la communauté de communes de Desvres Samer (adoption des
    réglementations de boisements)"; the label as it is for any other figure."""
    before = LIST_MARKERS.sub("", text[: figure.quantity.start]).replace("*", "").lstrip()
    said = _ACT_THEN_WHERE.match(before) if figure.unit == "count" else None
    noun = figure.label.split()[0].lower() if figure.label else ""
    if said is None or "(" in figure.label or lemma(noun) not in _PLACES_OF_AN_ACT:
        return figure.label
    act_noun = said["act"].split()[0].lower()
    if not is_action(act_noun) or act_noun in _NO_ACT_HERE:
        return figure.label
    act = opening_phrase(said["act"])
    return f"{figure.label} ({act[:1].lower()}{act[1:]})" if is_noun_phrase(act) else figure.label


def _amount_said_around(text: str, q: Quantity, unit: str, label: str) -> str:
    """An amount's label from the words around it when its own is empty, a bare measure
    word or names the money sign: what a fronted "Pour ..." gives it ("Pour l'insertion et
    l'emploi, 24,8 M€" → "montant : insertion et emploi"; "Pour le forfait d'externat, une
    enveloppe de 6,4 M€" → "enveloppe : forfait d'externat"), what it is the cost of ("les 2
    880 000 € que représente ce projet" → "montant : projet"), what was done with it."""
    if unit != "EUR":
        return label
    label = _SIGN_FIRST.sub(r"\g<measure> ", label)  # "montant : € apportés": no sign
    clause = re.split(r"[.;:]\s", text[: q.start])[-1]
    fronted = _FRONTED_PURPOSE.match(LIST_MARKERS.sub("", clause).replace("*", ""))
    bare = not label or label.lower() in {"montant", "enveloppe", "budget", "total"}
    done = re.fullmatch(r"montant (?P<done>\w+)", label)  # "2,6 M € ont été dépensés"
    if fronted is not None and is_noun_phrase(what := _fronted_whole(fronted["what"])):
        if bare:
            return f"{(fronted['measure'] or 'montant').lower()} : {what}"
        if done is not None and is_participle(done["done"]):
            return f"{label} : {what}"
    cost = _COST_SAID.match(text, q.end)
    if cost is not None and is_noun_phrase(what := opening_phrase(cost["what"])):
        return f"montant : {what}"
    return _participle_said_of(text, q, label)


def _fronted_whole(what: str) -> str:
    """A fronted purpose's noun phrase, whole when it is short and holds no verb ("Pour
    l'insertion par l'emploi," → "insertion par l'emploi"), else as it opens."""
    opened = coordinated_phrase(what)
    whole = " ".join(LEADING_ARTICLE.sub("", what.strip()).split())
    short = len(whole.split()) <= _FRONTED_WORDS and not any(map(is_verb, whole.split()))
    clause = _RELATIVE_WORDS.search(whole)  # "jeunes que nous accompagnons": a clause
    if not opened or clause or not short:
        return opened
    return whole if whole.lower().startswith(opened.lower()) else opened


_FRONTED_WORDS = 6
_RELATIVE_WORDS = re.compile(
    r"\b(?:qui|que|qu['’]|dont|où|nous|vous|ils|elles|on)\b", re.IGNORECASE
)
# a money sign read as the counted noun: "montant : € apportés"
_SIGN_FIRST = re.compile(r"^(?P<measure>montant)\s*:?\s*(?:€|euros?|M€|k€)\s+", re.IGNORECASE)
# "Pour l'insertion et l'emploi, 24,8 M€", "Pour le forfait d'externat, une enveloppe de"
_FRONTED_PURPOSE = re.compile(  # a noun phrase, not an infinitive ("Pour renouveler le ...")
    r"^\s*pour\s+(?P<what>(?:les?|la|l['’]|des|du|une?|ses|leurs?|ce|cette|ces)\b[^,]{3,120}),\s*(?:(?:une?|le|la)\s+(?P<measure>enveloppe|montant|"
    r"budget|total)\s+(?:global\s+|totale?\s+)?(?:de\s+|d['’]\s*))?(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
# "les 2 880 000 € que représente ce projet": the amount is what the project costs
_COST_SAID = re.compile(
    r"\s+(?:que|qu['’])\s*(?:représente|représentent|coûte|coûtent|a\s+coûté|ont\s+coûté)\s+"
    r"(?P<what>[^,.;]{3,120})",
    re.IGNORECASE,
)


def _said_so(figure: _Read, previous: _Read, at: int, after: str) -> None:
    """A figure after "soit": "1 200 bénéficiaires, soit 12 % des demandeurs" is the share
    the figure before is of its base (named, or the whole it is read against); "6 aires de
    covoiturage soit 1832 places dédiées" counts what those hold."""
    if figure.unit == "pct" and previous.label:
        if not phrase_after(after) and not figure.label.startswith("part "):
            figure.label = f"{previous.label} (part en %)"
        figure.part_of = at
    elif of := _what_it_holds(figure, previous):
        figure.label = of


def _granted(text: str, q: Quantity, label: str) -> str:
    """An amount a line says is granted, under what: "Fonds pêche : subventions accordées:
    132 864 €" → "subventions accordées (Fonds pêche)", "FARDA Aménagement : subv : 10,1 M€"
    → "subventions (FARDA Aménagement)"; the abbreviation said in full ("subv (FARDA AVC)")."""
    grant = _GRANT_BEFORE.search(LIST_MARKERS.sub("", text[: q.start]))
    if grant is not None:
        what = " ".join(grant["what"].split()).lower()
        what = _SUBV.sub("subventions", what)
        return f"{what} ({' '.join(grant['heading'].split())})"
    return _SUBV.sub("subventions", label)


def _as_range(low: _Read, high: _Read) -> None:
    """The two ends of "200 à 400 likes": the minimum and the maximum of one label, bounds
    unless "environ" says the ends are approximate."""
    base = high.label or low.label
    low.label, high.label = f"{base} (minimum)", f"{base} (maximum)"
    loose = low.quantity.qualifier == "approx"
    low.quantity = replace(low.quantity, qualifier="approx" if loose else "at_least")
    high.quantity = replace(high.quantity, qualifier="approx" if loose else "at_most")


def _said_around(text: str, q: Quantity, unit: str, label: str) -> str:
    """A label with what the words around the figure add: the amount's object, residents,
    no participle cut from its complement, who took part in what, what holds the count."""
    label = _amount_said_around(text, q, unit, label)
    label = _granted(text, q, label) if unit == "EUR" else label
    label = "habitants" if _RESIDENTS.match(text, q.end) else label
    label = _LEFT_WITHOUT_COMPLEMENT.sub("", label)
    subject = _sentence_subject(text, q.start) if _ONLY_A_MEASURE.fullmatch(label) else ""
    if subject and lemma(subject.split()[0]) != lemma(label.split()[0]):
        label = f"{label} : {subject}"  # "Montant TTC : défenses de berges"
    if unit == "count":
        label = _held_by(text, q, _took_part_there(text, q, label))
    return label


def _what_it_holds(figure: _Read, previous: _Read) -> str:
    """A count said after "soit" of another noun than the count before: what those things
    hold ("6 aires de covoiturage soit 1832 places dédiées à la pratique" → "places dédiées
    (aires de covoiturage)"); "" otherwise."""
    own, theirs = figure.label.split(), previous.label.split()
    if (
        figure.unit != "count"
        or previous.unit != "count"
        or not own
        or not theirs
        or "(" in figure.label
        or previous.part_of is not None  # "(7 ressources, ..., 65 hors réseau) soit 19 202"
        or previous.value >= figure.value  # "12 escales, soit 12 concertations": said again;
        # "400 élèves, soit 16 classes": no holder (6 aires hold 1832 places)
        or len(own) > _SHORT_LABEL
        or lemma(own[0]) == lemma(theirs[0])
        or len(theirs) > _FRAMING_WORDS
    ):
        return ""
    return f"{figure.label} ({previous.label})"


def _held_by(text: str, q: Quantity, label: str) -> str:
    """A count of what a thing holds, said "une aire de co-voiturage de 49 places VL": the
    label with that thing ("places VL (aire de co-voiturage)"); the label otherwise."""
    words = label.split()
    if not words or "(" in label or len(words) > _BARE_LABEL:
        return label
    articles = list(_ARTICLE.finditer(text, max(0, q.start - _HOLDER_REACH), q.start))
    holder = _HOLDER.fullmatch(text, articles[-1].end(), q.start) if articles else None
    indefinite = bool(articles) and articles[-1].group(0).strip().lower() in {"un", "une"}
    made_of = _MADE_OF.fullmatch(text, articles[-1].end(), q.start) if indefinite else None
    if made_of is not None and lemma(made_of["what"]) in _NOT_MADE_OF:
        made_of = None  # "une fois en 3 mois", "une semaine en 5 modules": time, no parts
    if holder is None and made_of is not None and is_noun_phrase(made_of["what"]):
        return f"{label} ({' '.join(made_of['what'].split())})"  # "une tournée en 13 escales"
    if holder is None:
        return label
    if any(w.lower() in _NOT_IN_A_HOLDER for w in holder["what"].split()):
        return label  # "l'air intérieur au cours de 4 réunions": a locution, not a holder
    what = opening_phrase(holder["what"])
    head = lemma(what.split()[0]) if what else ""
    if (
        not is_noun_phrase(what)
        or any(lemma(w) in _NOT_A_HOLDER for w in what.split())  # "large majorité"
        or head.endswith(_DEED_ENDINGS)  # "l'accompagnement de 26 quartiers": an act on them
        or (len(what.split()) < 2 and head not in _CONTAINERS)
        or head == lemma(words[0])  # "un parking de 120": the parking's own count
    ):
        return label
    return f"{label} ({what})"


def _sentence_subject(text: str, end: int) -> str:
    """The noun phrase the sentence that ends at `end` opens on, when its verb says what was
    done to it or that it took place ("Des défenses de berges en techniques végétales
    (fascinages) ont été entreprises ..." → "défenses de berges en techniques végétales");
    "" for who did something, a pronoun, a date or the Département."""
    opening = LIST_MARKERS.sub("", _SENTENCE_END.split(text[:end])[-1])
    opening = _LINKED_OPENING.sub("", opening)  # "A ce titre, le premier speed-dating ..."
    undergone = _UNDERGONE.search(opening)
    if not _ANTECEDENT_OPENS.match(opening) or undergone is None:
        return ""  # "La commission a voté ...": who did it, not what it measures
    words = opening_phrase(_PHRASE_END.split(opening[: undergone.start()], maxsplit=1)[0]).split()
    if not words or len(words) > _FRAMING_WORDS or lemma(words[0]) in _NO_TOPIC:
        return ""
    return " ".join(words) if is_noun_phrase(" ".join(words)) else ""


def _launched_before(text: str, sentence_start: int) -> str:
    """What an earlier sentence of the paragraph says was launched, set up or created, its
    subject ("Afin de garantir l'équité ..., un chantier d'harmonisation des pratiques
    d'évaluation de l'APA ... a été lancé par la direction. ... 27 rencontres ont eu lieu"
    → "chantier d'harmonisation des pratiques d'évaluation"): the one such sentence; "" for
    none or several."""
    launched = []
    sentences = _SENTENCE_END.split(text[:sentence_start])
    for n, sentence in enumerate(sentences):
        opening = _FRONTED_AIM.sub("", _LINKED_OPENING.sub("", LIST_MARKERS.sub("", sentence)))
        done = _SET_UP_DONE.search(opening)
        if done is None or not _ANTECEDENT_OPENS.match(opening):
            continue
        later = [s for s in sentences[n + 1 :] if s.strip()]
        if len(later) > _LAUNCHED_REACH or not all(_GOES_ON_WITH_IT.match(s) for s in later):
            continue  # "... . Le nouveau schéma a été adopté en juin. 12 actions": another
        subject = _PHRASE_END.split(opening[: done.start()], maxsplit=1)[0]
        phrase = opening_phrase(subject)
        if len(phrase.split()) < len(subject.split()) - 1:  # cut inside a name: "de l'Allocation"
            phrase = _NAME_CUT.sub("", phrase)
        words = phrase.split()
        if 1 < len(words) <= _FRAMING_WORDS and lemma(words[0]) not in _NO_TOPIC:
            launched.append(" ".join(words))
    return launched[0] if len(launched) == 1 and is_noun_phrase(launched[0]) else ""


# the sentences between a launch and the figure: a few, about the same thing ("Il réunit
# l'ensemble des professionnels ...")
_LAUNCHED_REACH = 2
_GOES_ON_WITH_IT = re.compile(
    r"^\s*(?:il|elle|ils|elles|celui-ci|celle-ci|ce|cela|ceci|cette\s+démarche)\b", re.IGNORECASE
)
# a name a phrase was cut inside, with its preposition: "... d'évaluation de l'Allocation"
_NAME_CUT = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])\s*[A-ZÉ][\w'’-]*$")
# an aim a sentence opens on before its subject: "Afin de garantir l'équité ..., "
_FRONTED_AIM = re.compile(r"^\s*(?:afin\s+(?:de|d['’])|pour)\s+[^,]{3,150},\s*", re.IGNORECASE)


def _set_up(text: str, end: int) -> str:
    """What the sentence that ends at `end` says was launched or organised: "le Département
    a lancé un questionnaire en ligne portant sur ..." → "questionnaire en ligne"; "" for
    another sentence."""
    sentence = _SENTENCE_END.split(text[:end])[-1]
    done = _SET_UP.search(sentence)
    said = _SET_UP_WHAT.match(sentence, done.end()) if done else None
    what = " ".join(said["what"].split()) if said else ""
    return what if len(what.split()) > 1 and is_noun_phrase(what) else ""


def _took_part_there(text: str, q: Quantity, label: str) -> str:
    """A count of those who took part in what its own sentence, else the sentence before,
    opens on: "Des rencontres connectées ont été mises en place ... 163 professionnels y ont
    participé" → "professionnels ayant participé (rencontres connectées)"; the label as it is
    otherwise."""
    there = _THERE.match(text, q.end)
    if there is None or not label or "(" in label or len(label.split()) > _SHORT_LABEL:
        return label
    # its own sentence's ("Le forum s'est tenu à Arras et 300 personnes y ont participé"),
    # else the one before; "rencontres connectées", not "... mises en place"; not "Il ..."
    ends = [m.start() for m in _SENTENCE_END.finditer(text, 0, q.start)]
    topic = _sentence_subject(text, q.start) or (_sentence_subject(text, ends[-1]) if ends else "")
    if not topic or lemma(topic.split()[0]) == lemma(label.split()[0]):
        return label
    done = " ".join(there["done"].split())
    noun = label.split()[0] if is_participle(label.split()[-1]) else label
    return f"{noun} ayant {done} ({topic})"


def _participle_said_of(text: str, q: Quantity, label: str) -> str:
    """An amount named only by what was done ("montant restructurés") with what it was
    done to: the phrase its participle follows ("l'entrée du collège et son parvis,
    restructurés pour 368 750 euros" → "montant restructuré : entrée du collège et son
    parvis"), or the cleft's ("C'est à l'insertion par l'emploi que sont allés 5,6 M€")."""
    done = _BARE_DONE.fullmatch(label)
    if done is None or not (_done_form(done["done"]) or is_participle(done["done"])):
        return label
    at = text.rfind(done["done"], 0, q.start)
    before = text[:at] if at >= 0 else text[: q.start]  # "c'est au titre de X que 202 000 €"
    cleft = _CLEFT_TO.search(before)
    if cleft is not None:
        what = opening_phrase(cleft["what"])
    elif before.rstrip().endswith(","):
        piece = re.split(r"[;:]|\.\s", before.rstrip(" ,"))[-1]
        if FINITE_AUXILIARY.search(piece):  # "Le Département a lancé la rénovation ..., réalisée"
            return label
        # "Au total, 2 M€ ont été investis": an adverbial phrase, nothing done to
        what = (
            ""
            if _NOT_A_TOPIC.match(piece.strip()) or _AT_ALL.match(piece)
            else opening_phrase(piece)
        )
    else:
        what = ""
    if not is_noun_phrase(what) or len(what.split()) > _FRAMING_WORDS + 3:
        return f"montant {singular_participle(done['done'].lower())}"  # "montant apporté"
    return f"montant {singular_participle(done['done'].lower())} : {what}"


_AT_ALL = re.compile(r"^\s*(?:au|aux|à|lors|depuis|durant|pendant|en\s+(?:tout|somme)\b)", re.I)
# people who live somewhere are its inhabitants: "368 150 personnes y vivent"
_RESIDENTS = re.compile(
    r"\s+personnes\s+(?:y\s+(?:vivent|résident|habitent)\b|(?:vivent|résident|habitent)\s+"
    r"(?:dans|sur|à|en)\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?(?:territoire\s+(?:du\s+|de\s+"
    r"l['’]\s*|de\s+))?[A-ZÉ][a-zéèêëïîôûç])"  # "y vivent", "vivent dans le Calaisis" (not
    # "vivent seules", "résident en EHPAD")
)
# an amount's label that is only a participle
_BARE_DONE = re.compile(r"montant\s+(?P<done>[\wéèêàâç]+)", re.IGNORECASE)
# "C'est à l'insertion par l'emploi que sont allés": what the cleft puts first
_CLEFT_TO = re.compile(
    r"\bc['’]est\s+(?:au\s+titre\s+(?:de\s+la|de\s+l['’]|du|des|de)|à|au|aux|pour)\s+"
    r"(?P<what>.+?)\s+(?:qu['’]\s*|que\s+)(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _unit_in_label(unit: str, value: float, label: str) -> tuple[str, float, str]:
    """A count whose label is a unit ("Habitants par km² : 74,09") is of that unit, named
    by what the unit measures ("densité")."""
    named = unit_named(label) if unit == "count" else None
    if named is None:
        return unit, value, label
    return named[1], value * named[0], UNIT_NOUNS.get(named[1], label)


# what opens a verb's object or complement: "intégrant une clause", "relevant de"
_OBJECT_OPENS = frozenset(
    ["un", "une", "des", "le", "la", "les", "l'", "du", "de", "d'", "à", "au", "aux"]
)


def _share_doing(label: str, unit: str, previous: _Read | None) -> str:
    """A share named by what its part does ("81 marchés analysés avec plus de 50 %
    intégrant une clause d'insertion"): the share of the count before that does it ("part
    des marchés analysés intégrant une clause d'insertion")."""
    words = label.lower().split()
    if unit != "pct" or previous is None or previous.unit != "count" or not previous.label:
        return label
    doing = len(words) > 1 and words[0].endswith("ant") and words[1] in _OBJECT_OPENS
    if not doing or not is_french_word(words[0][:-3] + "er"):  # "intégrant une clause"
        return label
    whole = _BRACKETED.sub("", previous.label).strip()
    return f"part des {whole} {label}"


def _label_in_line(
    text: str,
    q: Quantity,
    label: str,
    unit: str,
    between: str,
    figures: list[_Read],
    parse: Parse | None,
) -> str:
    """A label with what the figures before it on the line say: "201 communes inscrites /
    69 labellisées" (the same noun, another state); a bare measure, of the count before or
    of its clause's subject; a measure named by its size ("voiries départementales longues
    de 801 km" → "longueur : voiries départementales")."""
    previous = figures[-1] if figures else None
    if (
        previous is not None
        and previous.label
        and re.search(r"\s/\s*$", between)
        and len(label.split()) == 1
        and previous.unit == unit  # "1927 structures accompagnées / 24M€ mobilisés"
    ):
        label = f"{previous.label.split()[0]} {label}"
    if (
        previous is not None
        and unit == "EUR"
        and previous.unit == "count"
        and (previous.label.lower().startswith(label.lower()) or len(label.split()) <= 2)
        and _SUPPORTED_FOR.search(between)
    ):  # "1 dossier en innovation touristique, soutenu pour 54 315 €": what it was paid for
        label = f"montant : {previous.label}"
    if not label and unit in _MEASURES:
        label = _measure_of_count(text, q, unit, figures)
    if not label and unit == "per_km2":
        label = "densité de population"  # "- ⇒ 106,8 habitants au kilomètre carré"
    listed = _ADJECTIVE_BRACKETED.search(text, 0, q.start) if not label else None
    if listed and previous is not None and previous.unit == unit and previous.label:
        # "Centres culturels de rayonnement départemental (7), territorial (13)": the
        # phrase before with the adjective this figure is of
        words = _BRACKETED.sub("", previous.label).split()
        label = " ".join([*words[:-1], listed["adjective"]]) if len(words) > 1 else ""
    label = _share_doing(label, unit, previous)
    if unit == "pct" and (fraction := _FRACTION_OF.match(label)):
        label = f"part {fraction['rest']}"  # "quart des habitants (24,9 %)": their share
    elif unit in _MEASURES and _FRACTION_OF.match(label):
        label = UNIT_NOUNS[unit]  # "un dixième de la surface du Pas-de-Calais, soit 690 km²"
    if unit in _MEASURES and (sized := _SIZED.match(label)):
        # "le belvédère du parc, haut de quarante mètres": the noun phrase before the size
        before = _SIZE_BEFORE.sub("", text[: q.start])
        what = LEADING_ARTICLE.sub("", sized["what"] or phrase_before(before + " "))
        if not is_noun_phrase(what) and "," in text[q.end :]:
            # "Long de 312 mètres et emprunté par ..., le viaduc de Divion compte"
            what = opening_phrase(text[q.end :].split(",", 1)[1])
            what = _before_finite_verb(parse, text, what, q.end) if parse else what
        size = _SIZES[sized["size"][:4].lower()]
        label = f"{size} : {what}" if is_noun_phrase(what) else size
    return label


def _said_earlier(
    text: str, figure: _Read, previous: _Read | None, between: str, after: str
) -> bool:
    """ "95 140 abonnés, contre 83 830 l'an passé": the figure before, a year earlier (or
    the one its line compares with: "plus de visiteurs que l'an passé : 129 000, contre
    118 000"); the figure's label says so (`periods.earlier_year` dates it)."""
    earlier = EARLIER.match(after) if AGAINST.search(between) else None
    compared = COMPARED_WITH.search(text) if AGAINST.search(between) and not earlier else None
    said = earlier or compared
    if previous is None or not said or previous.unit != figure.unit or not previous.label:
        return False
    figure.label, figure.earlier = f"{previous.label} ({_earlier(said)})", True
    return True


def _before_and_after(text: str, previous: _Read, figure: _Read, between: str) -> bool:
    """Two values of one quantity, the one before and the one after: "le délai ... passant
    de 29 jours à 8 jours"; "9 jours de délai au lieu de 31" (31 before, 9 after)."""
    if then := _from_to(text, previous, figure) or _was_then_is(text, previous, figure, between):
        previous.label, figure.label = f"{then} (avant)", f"{then} (après)"
        figure.unit = previous.unit  # "de 30 jours à 5": the days said once
        return True
    if ";" in between:
        return False
    same_unit = previous.unit == figure.unit or _in_unit_before(previous, figure)
    then = _named_after_as(text, figure.quantity) if _THEN_BEFORE_NOW.fullmatch(between) else ""
    if then and same_unit:
        # "33 jours auparavant, 11 jours désormais : tel est le délai moyen de traitement"
        previous.label, figure.label = f"{then} (avant)", f"{then} (après)"
        figure.unit = previous.unit  # "33 jours auparavant, 11 désormais": the days said once
        return True
    return _instead_of(figure, previous, between, text[figure.quantity.end :])


# the value before, then the one now: "33 jours auparavant, 11 jours désormais"
_THEN_BEFORE_NOW = re.compile(rf"\s*{THEN_WORDS}\s*,?\s*(?:contre\s+)?", re.IGNORECASE)


def _was_then_is(text: str, before: _Read, figure: _Read, between: str) -> str:
    """What was one value and is now another: "le délai moyen de traitement, qui était de
    vingt-sept jours, n'est plus que de 4 jours" → "délai moyen de traitement"; ""
    otherwise."""
    was = _WAS.search(text, 0, before.quantity.start)
    after = figure
    between = _YEAR_OF_BEFORE.sub("", between)  # "qui était de 27 jours en 2021, ..."
    if was is None or not _NOW_IS.fullmatch(between):
        return ""
    if before.unit != after.unit and not _in_unit_before(before, after):
        return ""  # "qui était de 3 M€, n'est plus que de 12 % du budget": two quantities
    subject = phrase_before(text[: was.start()])
    return subject if is_noun_phrase(subject) else ""


def _in_unit_before(before: _Read, figure: _Read) -> bool:
    """A bare number that takes the unit of the figure before ("de 30 jours à 5", "au lieu
    de 31"); not after an amount or an area, whose scale it leaves open ("4 M€ au lieu de
    3")."""
    return (
        figure.unit == "count"
        and _BARE_NUMBER.fullmatch(figure.quantity.text.strip(" *")) is not None
        and before.unit not in {"EUR", "m2"}
        and not _SCALE_WORD.search(before.quantity.text)  # "3 millions de visiteurs"
    )


def _instead_of(figure: _Read, previous: _Read, between: str, after: str) -> bool:
    """ "9 jours de délai moyen au lieu de 31": a bare number after "au lieu de" is the value
    the figure before replaced, in its unit; the two labels say which came first. Not for an
    amount, whose scale a bare number leaves open ("4 M€ au lieu de 3")."""
    instead = _INSTEAD_OF.search(between)
    if (
        instead is None
        or (instead["against"] and not _BEFORE_THEN.match(after))  # "contre 118 000 en 2021"
        or not _in_unit_before(previous, figure)
        or not previous.label
        or previous.part_of is not None
        or not _NOTHING_OF_ITS_OWN.match(after)  # "au lieu de 3 guichets", "4 000 attendus"
    ):
        return False
    figure.unit = previous.unit
    previous.label, figure.label = f"{previous.label} (après)", f"{previous.label} (avant)"
    return True


# what paid for a thing, and how much: "soutenu pour", "financés ... à hauteur de"
_PAID = r"(?:soutenue?s?|financée?s?|aidée?s?|subventionnée?s?)"
_AS_MUCH_AS = r"(?:à\s+hauteur\s+(?:de|d['’])|pour)"
_SUPPORTED_FOR = re.compile(rf",\s*{_PAID}\s+{_AS_MUCH_AS}\s*$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f]*")
_SCALE_WORD = re.compile(r"\bmilli(?:on|ard)s?\b", re.IGNORECASE)
_NOTHING_OF_ITS_OWN = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:grâce|avant|après|auparavant|précédemment|initialement|jusqu"
    r"|jusque-là|et|ou)\b)"
)
# "au lieu de 31", "contre 26 auparavant": the value the figure before replaced
_INSTEAD_OF = re.compile(r"\b(?:au\s+lieu\s+(?:de|d['’])|(?P<against>contre))\s*$", re.IGNORECASE)
_BEFORE_THEN = re.compile(
    r"\s*(?:auparavant|avant|précédemment|jusqu['’]alors|jusque-là|initialement)\b", re.IGNORECASE
)


def _earlier(when: re.Match[str]) -> str:
    """ "en 2021" → "2021"; "l'an passé", "l'année précédente" → "année précédente"."""
    return when["year"] or "année précédente"


def _share_in_brackets(text: str, q: Quantity, parse: Parse) -> str:
    """A share alone in brackets after the noun phrase it is the share of ("la sphère
    professionnelle (19 %)"), named by that phrase; "" otherwise."""
    opening = text.rfind("(", 0, q.start)
    if opening < 0 or text[opening + 1 : q.start].strip() or not text[q.end :].startswith(")"):
        return ""
    segment = _LIST_ITEM_START.split(text[:opening])[-1]
    named = opening_phrase(" " + segment.strip()) if len(segment.split()) <= _SHARE_WORDS else ""
    where = opening - len(segment)
    verbs = [w for w in parse.within(where, opening) if w.pos in {"VERB", "AUX"}]
    if verbs or _RATE.match(named):  # "a progressé (12 %)", "taux de réussite (85 %)"
        return ""
    return f"part : {named}" if is_noun_phrase(named) and not _only_a_verb(parse, named) else ""


def _only_a_verb(parse: Parse, label: str) -> bool:
    first = [w for w in parse.words if w.text == label.split()[0]]
    return bool(first) and first[0].pos in {"VERB", "AUX"}


# where an item of a list of shares starts: "vers la sphère solidarité (57 %), la sphère
# professionnelle (19 %) et Pôle emploi (24 %)"
_LIST_ITEM_START = re.compile(r"[,;:()]|\s(?:et|ou|vers|dont|pour)\s")
_SHARE_WORDS = 6


# what a change said first is of, after it: "Passé de 25 jours à 12 jours, le délai ..."
_FRONTED_CHANGE_OF = re.compile(r"\s*,\s*(?=(?:le|la|les|l['’])\s*[^\W\d_])", re.IGNORECASE)
_ITS_VERB = re.compile(r"\s(?:a|ont|est|sont|avait|était|s['’]est)\s", re.IGNORECASE)


def _from_to(text: str, before: _Read, after: _Read) -> str:
    """What went from one value to the other ("le taux est passé de 12 % à 15 %" → "taux";
    "la réduction du délai moyen de traitement, passant ... de 29 jours à 8 jours" → "délai
    moyen de traitement"), when the two figures are such a pair; "" otherwise."""
    between = text[before.quantity.end : after.quantity.start]
    verb = FROM_VALUE.search(text[: before.quantity.start])
    # "est passé de 73 en 2021 à 98": the year of the value before may come between
    between = _YEAR_OF_BEFORE.sub("", between)
    if verb is None or not _RANGE_BETWEEN.match(between):
        return ""
    own = _NOTHING_OF_ITS_OWN.match(text[after.quantity.end :])  # not "à 450 personnes"
    if before.unit != after.unit and not (own and _in_unit_before(before, after)):
        return ""
    clause = text[: verb.start()]
    taken = list(TIME_TAKEN.finditer(clause)) if after.unit == "day" else []
    fronted = _FRONTED_CHANGE_OF.match(text, after.quantity.end)
    if fronted is not None and not LIST_MARKERS.sub("", clause).strip():
        # "Passé de 25 jours à 12 jours, le délai moyen de traitement ... a été réduit"
        said = _PHRASE_END.split(text[fronted.end() :], maxsplit=1)[0]
        subject = opening_phrase(_ITS_VERB.split(said, maxsplit=1)[0])  # not "... a été réduit"
        if re.match(rf"(?:{TIME_WORDS})s?\b", subject, re.IGNORECASE) or (
            after.unit == "day" and not TIME_TAKEN.match(subject)
        ):
            subject = ""  # "Passé de 25 jours à 12 jours, l'an dernier, ...": a time, no subject
    elif verb["object"]:  # "a fait passer le délai moyen de traitement de 30 jours à 5"
        subject = opening_phrase(verb["object"])
    elif taken:  # a time: the délai or durée named before
        said = _PHRASE_END.split(clause[taken[-1].start() :], maxsplit=1)[0]
        subject = opening_phrase(_AUXILIARY_END.sub("", said))  # "le délai a été réduit de"
    else:
        subject = phrase_before(_AUXILIARY_END.sub("", clause).rstrip(" ,"))
    subject = _CUT_END.sub("", subject).strip(" ,")
    if not is_noun_phrase(subject):
        subject = after.label or before.label
    aside = _FOR_WHAT.match(verb["aside"] or "")
    if aside is not None and subject:  # "passant, pour les avis de grossesse, de 29 jours"
        subject = f"{subject} {' '.join(aside['what'].split())}"
    noun = UNIT_NOUNS.get(after.unit, "")
    if noun and after.unit != "day" and len(subject.split()) <= 1:
        subject = f"{noun} : {subject}"  # "Part : taux"
    return subject


def _measure_of_count(text: str, q: Quantity, unit: str, figures: list[_Read]) -> str:
    """A bare area or length after a count of its sentence is the measure of what that
    count counts, or of its context ("64 sites naturels dont 55 ..., répartis sur 6224 ha",
    "(45 communes et 23 400 hectares)"); "" when no count of its sentence comes before."""
    counted = next((f for f in reversed(figures) if f.part_of is None and f.label), None)
    if counted is None or _SENTENCE_END.search(text[counted.quantity.end : q.start]):
        # a count of another sentence measures nothing here; the subject of its clause may
        # be what it measures ("Un territoire qui s'étend sur 401 km²")
        clause = _SENTENCE_END.split(LIST_MARKERS.sub("", text[: q.start]))[-1]
        subject = opening_phrase(_CONTEXT_END.split(clause, maxsplit=1)[0])
        spread = _SPREAD.search(clause)
        return f"{UNIT_NOUNS[unit]} : {subject}" if spread and is_noun_phrase(subject) else ""
    of = _CONTEXT_OF.search(counted.label)
    return f"{UNIT_NOUNS[unit]} : {of[1] if of else counted.label}"


def _changed_subject(
    text: str, change: re.Match[str] | None, clause_start: int, end: int = 0
) -> str:
    """ "le nombre de stations progresse de 16 %": the change of the verb's subject; "réduire
    de 30 % ce gaspillage alimentaire": of the infinitive's object; "" for a change said by a
    noun ("en hausse de"), whose figure is the one before."""
    if change is None or not _CHANGE_VERB.fullmatch(change["word"]):
        return ""
    if change["word"].lower().endswith(("er", "re")) and end:
        rest = _WHEN.sub("", text[end:])  # "réduire de 30 % d'ici 2030 les émissions"
        changed = opening_phrase(_PHRASE_END.split(rest, maxsplit=1)[0])
        return f"{_CHANGE_OF}{changed}" if is_noun_phrase(changed) else ""
    subject = phrase_before(_AUXILIARY_END.sub("", text[clause_start : change.start()]))
    return f"{_CHANGE_OF}{subject}" if is_noun_phrase(subject) else ""


# an amount's label that says what was done with it ("montant accompagné : ...")
_DONE_WITH = re.compile(r"^(?P<done>montant\s+[\wéèêàâç]+)\s+:\s", re.IGNORECASE)
# a time, not what was done: "l'année suivante", "la même année"
_A_TIME = re.compile(
    r"^(?:(?:même|suivante?|précédente?|dernière?|prochaine?)\s+)?(?:année|an|mois|semaine|jour|"
    r"période|trimestre|semestre|exercice)s?\b",
    re.IGNORECASE,
)
# the amounts of one list: ", 330 000 €", "et 52 000 €"
_NEXT_IN_LIST = re.compile(r"(?:,|\bet)\s*$")
# a noun phrase right after the amount, with no verb between: "330 000 € les travaux du pôle"
_VERBLESS_OBJECT = re.compile(
    r"\s+(?P<what>(?:les?|la|l['’]|des|ses|leurs?|aux?)\s*[\wéèêàâçœ].*)", re.IGNORECASE
)


def _so_many_of_the_share(text: str, figures: list[_Read]) -> None:
    """A count of people a share says in number ("10,22 % des habitants du Pas-de-Calais,
    soit 149 583 personnes") counts what the share counts, the noun alone: "Habitants" (a
    part of the whole the share is of, not that whole)."""
    for share, figure in pairwise(figures):
        between = text[share.quantity.end : figure.quantity.start]
        of = _SHARE_LABEL.match(share.label) if share.unit == "pct" else None
        head = (of["of"].split() or [""])[0] if of is not None else ""
        people = figure.label.lower().split()[:1] == ["personnes"]
        counted = bool(head) and lemma(head.lower()) != "population"
        # "- 10,22 % des habitants ..., soit": a line that opens on its share (a territory's)
        counted = counted and not LIST_MARKERS.sub("", text[: share.quantity.start]).strip(" *")
        said = _SO_MANY.fullmatch(between) and not FINITE_AUXILIARY.search(between)
        if people and counted and figure.unit == "count" and said:
            figure.label = head[:1].upper() + head[1:]


_SHARE_LABEL = re.compile(r"^part\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’])\s*(?P<of>.+)$", re.I)
_SO_MANY = re.compile(r"[^.;:()]{0,60}?,?\s*soit\s*", re.IGNORECASE)


def _of_what_it_describes(text: str, figures: list[_Read]) -> None:
    """The figures of a sentence's fronted "Avec ..." are of the subject the sentence goes on
    to describe: "Avec un trafic de plus de 11 000 véhicules par jour, et une longueur de 306
    mètres, le viaduc de Divion est ..." → "véhicules par jour (viaduc de Divion)"."""
    for figure in figures:
        opens = max(text.rfind(". ", 0, figure.quantity.start) + 1, 0)
        fronted = _WITH_FRONTED.match(LIST_MARKERS.sub(" ", text[opens:]))
        if fronted is None or "(" in figure.label or not figure.label:
            continue
        at = text.find(fronted["subject"], opens)
        subject = " ".join(LEADING_ARTICLE.sub("", fronted["subject"]).split())
        if re.search(r"\d", subject):
            continue  # "Avec 7 100 agents, le budget de 1 900 M€ est ...": no thing described
        if at > figure.quantity.start and subject.lower() not in figure.label.lower():
            figure.label = f"{figure.label} ({subject})"


# "[Divion - ]Avec un trafic de ..., et une longueur de ..., le viaduc de Divion est": the
# subject a fronted "Avec" describes
_WITH_FRONTED = re.compile(
    r"^\s*(?:[^.,;:]{1,40}\s[-–]\s)?avec\s[^.;:]{3,200}?,\s*"
    r"(?P<subject>(?:le|la|les|l['’])\s*[^\W\d_][^,.;:()]{2,60}?)\s+"
    r"(?:est|sont|était|étaient|reste|restent|demeure|constitue|représente|compte|accueille)\b",
    re.IGNORECASE,
)


def _in_context(text: str, figures: list[_Read], parse: Parse | None) -> None:
    """Labels that lean on the sentence: an adjective left from an enumeration takes its
    noun from the figure before ("8 centres culturels de rayonnement départemental, 11
    territorial" → "centres culturels de rayonnement territorial"); a short or vague one its
    context (`_with_context`). A part is named by its whole already."""
    for n, figure in enumerate(figures):
        if parse is not None and n and (elided := _elided(figure, figures[n - 1], parse)):
            figure.label = elided
        elif n and (acted := _acted_on_by(text, figures[n - 1], figure)):
            figure.label = acted  # also a count the figure before was for ("pour 410 ...")
        elif n and (again := _verb_elided(text, figures[n - 1], figure)):
            figure.label = again
        elif figure.part_of is None:
            # "29 jeunes accompagnés, 13 d'entre eux au titre de ...": its part's framing
            parts = [f.quantity.start for f in figures[n + 1 :] if f.part_of == n and f.among]
            figure.label = _with_context(text, figure, parts[0] if parts else len(text))
    for before, figure in pairwise(figures):
        # "6 dossiers ... au titre de l'AAPFH pour un montant global de subventions de ..."
        figure.label = _of_the_same_frame(text, before, figure)
    _caps_and_totals(text, figures)
    for figure in figures:  # "8 projets ont vu le jour : mobiliers, ..., soit 96 200 € au total"
        if (counted := _items_priced(text, figures, figure)) is not None:
            figure.label = f"montant total : {_counted_noun(counted.label)}"
    for before, figure in pairwise(figures):
        figure.label = _priced_item(text, before, figure)
    for figure in figures:  # "Dans les 32 collèges privés, l'effectif atteint 13 917"
        figure.label = _measure_of_fronted(text, figure)
    _what_for(text, figures)
    for figure in figures:  # a change is of its figure as the context names it now
        of = figures[figure.part_of].label if figure.part_of is not None else ""
        changed = figure.label[len(_CHANGE_OF) :] if figure.label.startswith(_CHANGE_OF) else ""
        if changed and of != changed and of.startswith(f"{changed} ("):
            figure.label = f"{_CHANGE_OF}{of}"  # "évolution : bilans (Gestion de ...)"


def _caps_and_totals(text: str, figures: list[_Read]) -> None:
    """An amount capped at the next ("252 840 € plafonné à 250 000 €": "plafond : ..."), a
    figure's whole after it ("la masse salariale s'élève à 252 M€, pour un total de 341 M€":
    "total : masse salariale")."""
    for before, figure in pairwise(figures):
        between = text[before.quantity.end : figure.quantity.start]
        if figure.unit == before.unit == "EUR" and _CAPPED.fullmatch(between):
            figure.label = f"plafond : {_SAID_AN_AMOUNT.sub('', before.label)}"
        elif (
            figure.unit == before.unit
            and _IN_ALL.fullmatch(between)
            and before.label
            and not phrase_after(text[figure.quantity.end :])  # "1,2 M€ de travaux": its own
        ):
            figure.label = f"total : {_SAID_AN_AMOUNT.sub('', before.label)}"


# the context a label closes on: "Dossiers instruits (AAPFH)"
_CONTEXT_IN_LABEL = re.compile(r"\((?P<context>[^()]+)\)$")
# what a label's brackets may say of that figure alone: when, which end, which of two
_A_MARK = re.compile(
    r"avant|après|total|minimum|maximum|année\s+précédente|(?:19|20)\d\d|[a-zé]+ième",
    re.IGNORECASE,
)
# what may lie between two figures of one frame: no clause of its own, no aside
_ANOTHER_CLAUSE = re.compile(r"[,;:.()!?«»]|\b(?:dont|soit|qui|que|mais|puis)\b", re.IGNORECASE)
_CLOSE_PAIR = 3  # words between two figures joined by "et" within one phrase


def _of_the_same_frame(text: str, before: _Read, figure: _Read) -> str:
    """A label without context takes the programme of the figure before it in the same
    clause: "6 dossiers ont été instruits au titre de l'AAPFH pour un montant global de
    subventions s'élevant à 132 864 €" → "Montant global de subventions (AAPFH)"; "une
    superficie d'environ 23 160 hectares et 49 communes" → "Communes ... (opérations ...)".
    Not across a comma, an aside or a clause of its own; not a part's label."""
    label = figure.label
    context = _CONTEXT_IN_LABEL.search(before.label)
    if context is None or "(" in label or figure.part_of is not None or not label:
        return label
    if before.earlier or _A_MARK.fullmatch(context["context"]):
        return label  # "(année précédente)", "(avant)", "(total)": the figure's own, no frame
    between = text[before.quantity.end : figure.quantity.start]
    joined = re.search(r"\bet\b", between, re.IGNORECASE)
    if _ANOTHER_CLAUSE.search(between) or (joined and len(between.split()) > _CLOSE_PAIR):
        return label
    said = context["context"]
    words = label.split(" : ", 1)[-1].split()
    if len(words) > _NAMED_LABEL or not _context_fits(said, label, words[0]):
        return label
    return f"{label} ({said})"


# the items a count announced, then their total: ": mobiliers, ..., soit 96 200 € au total"
_LISTED_THEN_TOTAL = re.compile(r"[^.;:]*,\s*soit\s*[\s*]*$", re.IGNORECASE)


def _items_priced(text: str, figures: list[_Read], figure: _Read) -> _Read | None:
    """The count whose items an amount "soit ... au total" sums, when a colon after that
    count announced them ("huit projets ont vu le jour ... (5 communes du territoire) :
    mobiliers, plateau école, travaux ..., soit 96 200 € au total": the projects, not the
    bracket's communes); None otherwise."""
    start = figure.quantity.start
    colon = text.rfind(":", 0, start)
    if figure.unit != "EUR" or colon < 0 or not IN_ALL_AFTER.match(text, figure.quantity.end):
        return None
    if not _LISTED_THEN_TOTAL.fullmatch(text, colon + 1, start) or "." in text[colon:start]:
        return None
    counts = [
        f
        for f in figures
        if f.unit == "count"
        and f.label
        and f.quantity.end < colon
        and not re.search(r"[.;:]", text[f.quantity.end : colon])
        and text.count("(", f.quantity.end, colon) <= text.count(")", f.quantity.end, colon)
        and text.rfind("(", 0, f.quantity.start) <= text.rfind(")", 0, f.quantity.start)
    ]
    if len(counts) > 1 and FINITE_AUXILIARY.search(
        text[counts[0].quantity.end : counts[1].quantity.start]
    ):
        return counts[0]  # "12 salles ont été équipées par 3 agents :": the salles
    return counts[-1] if counts else None


def _counted_noun(label: str) -> str:
    """ "projets" of "Projets ayant vu le jour (appel à projets)": the noun a count's label
    opens with, before what happened to it and its context."""
    words: list[str] = []
    for word in label.split("(")[0].split():
        if word.lower() == "ayant" or (words and is_participle(word)):
            break
        words.append(word)
    if not words:
        return label
    lead = words[0] if re.search(r"[A-ZÉ]", words[0][1:]) else words[0].lower()  # "EHPAD"
    return " ".join([lead, *words[1:]])


def _priced_item(text: str, before: _Read, figure: _Read) -> str:
    """ "montant : dossier en innovation touristique" for the 53 559 € of "1 dossier en
    innovation touristique avec la création d'un office ... à la Maison du cheval boulonnais
    à Samer pour 53 559 €": an amount "pour" which a count's item is priced, named by the
    count's label rather than by a complement written between them; its own label else."""
    between = text[before.quantity.end : figure.quantity.start]
    if figure.unit != "EUR" or before.unit != "count" or not before.label:
        return figure.label
    if before.value > _ITEM_COUNT or FINITE_AUXILIARY.search(between):
        return figure.label  # "14 associations ... et a financé ... pour 250 000 €": no item
    if not _PRICED_FOR.search(between) or re.search(r"[.;:!?]\s", between):
        return figure.label
    own = figure.label.lower()
    return f"{_AN_AMOUNT}{before.label}" if own and own in between.lower() else figure.label


_ITEM_COUNT = 10  # "1 dossier en innovation touristique ... pour 53 559 €": a few items
_PRICED_FOR = re.compile(r"\spour\s+[\s*]*$", re.IGNORECASE)


def _what_for(text: str, figures: list[_Read]) -> None:
    """Labels said by what a figure is for: a bare count "pour" the count before ("5 683
    dossiers ... reçus, pour 2 963 structures" → "Structures (dossiers ... reçus)"), an
    amount the words after it call a grant or a support ("16 000 € de subvention" →
    "subvention : ...", "600 000 € d'accompagnement" → "accompagnement : ...")."""
    for before, figure in pairwise(figures):  # "5 683 dossiers reçus, pour 2 963 structures"
        between = text[before.quantity.end : figure.quantity.start]
        bare = len(figure.label.split()) == 1 and figure.unit == before.unit == "count"
        ratio = figure.value in _PER_SO_MANY or lemma(figure.label.lower()) == "habitant"
        named = bool(before.label) and "(" not in before.label
        if bare and named and not ratio and _FOR_SO_MANY.search(between):
            figure.label = f"{figure.label} ({before.label})"
    for figure in figures:  # "la restauration d'un oratoire (16 000 € de subvention ...)"
        said = figure.label.lower().startswith(_AN_AMOUNT)
        grant = _GRANT_AFTER.match(text, figure.quantity.end) if figure.unit == "EUR" else None
        if said and grant is not None:  # "(600 000 € d'accompagnement)": the support given
            kind = grant["kind"].lower().rstrip("s")
            figure.label = f"{kind} : {figure.label[len(_AN_AMOUNT) :]}"


# an amount the words after it say is a grant or a support: "16 000 € de subvention au titre
# de ...", "(600 000 € d'accompagnement)"
_AN_AMOUNT = "montant : "
_GRANT_AFTER = re.compile(
    r"\s*(?:de\s+|d['’]\s*)?(?P<kind>subventions?|accompagnement|aides?|participation"
    r"|financement|soutien)\b",
    re.IGNORECASE,
)
# a count of whom or what the count before is for: "5 683 dossiers ... reçus, pour 2 963
# structures" (the structures are those of the dossiers)
_PER_SO_MANY = frozenset({10.0, 100.0, 1000.0, 10000.0, 100000.0})  # "pour 10 000 habitants"
_FOR_SO_MANY = re.compile(r"^[^.;:()]*,\s*pour\s+(?:les\s+)?$", re.IGNORECASE)


def _measure_of_fronted(text: str, figure: _Read) -> str:
    """A bare measure ("effectif", "total") of the set its sentence opens on: "Dans les 32
    collèges privés, l'effectif atteint 13 917" → "effectif : collèges privés"."""
    if figure.label.lower() not in _BARE_MEASURES:
        return figure.label
    opening = max(text.rfind(". ", 0, figure.quantity.start) + 1, 0)
    clause = LIST_MARKERS.sub("", text[opening : figure.quantity.start]).replace("*", "")
    fronted = _FRONTED_SET.match(clause)
    what = coordinated_phrase(fronted["what"]) if fronted is not None else ""
    if not is_noun_phrase(what) or _NOT_A_TOPIC.match(what):
        return figure.label
    return f"{figure.label} : {what}"


_BARE_MEASURES = frozenset(
    {"effectif", "effectifs", "nombre", "total", "montant", "volume", "dépense", "dépenses",
     "coût", "cout", "budget", "enveloppe"}
)  # fmt: skip
_FRONTED_SET = re.compile(
    r"^\s*(?:dans|parmi|pour|sur)\s+(?:(?:les|la|le|des|ses|leurs)\s+|l['’]\s*)(?!\s)"
    r"(?:\d[\d\s]*\s)?(?!(?:cadre|ensemble|continuité|suite|même|période|année|an|détail|durée"
    r"|Département|Conseil|collectivité|contexte|exercice|fois|\w+ième|premi[eè]re?|seconde?"
    r"|derni[eè]re?)\b)(?P<what>[^,\d]{3,120}),",
    re.IGNORECASE,
)
_CHANGE_OF = "évolution : "
# an amount capped at the next: "Le coût de l'opération s'est élevé à 252 840 € plafonné à"
_CAPPED = re.compile(r"[\s*,]*plafonnée?s?\s+(?:à|au\s+montant\s+de)\s*", re.IGNORECASE)
_SAID_AN_AMOUNT = re.compile(r"^montant\s*:\s*", re.IGNORECASE)
_IN_ALL = re.compile(r"[\s*]*,?\s*pour\s+un\s+total\s+(?:de\s+|d['’]\s*)[\s*]*", re.IGNORECASE)
_SUM_TOLERANCE = 0.5  # parts said in whole numbers add up to their whole


def _colon_parts(text: str, figures: list[_Read]) -> None:
    """The short figures a colon lists after a count, when they add up to it, are its parts
    ("Vingt-trois équipes se sont relayées sur les 24 ateliers de cette action ... : 12
    sportifs et 12 dédiés à la sensibilisation à la santé sexuelle"), as a bracket's are."""
    for colon in re.finditer(r"\s:\s", text):
        before = [n for n, f in enumerate(figures) if f.quantity.end <= colon.start()]
        if not before:
            continue
        whole = figures[before[-1]]
        closes = _SENTENCE_END.search(text, colon.end())
        stop = closes.start() if closes else len(text)
        listed = [f for f in figures if colon.end() <= f.quantity.start < stop]
        if (
            len(listed) < 2
            or whole.unit != "count"
            or text.rfind(". ", whole.quantity.end, colon.start()) >= 0
            or any(f.unit != "count" or f.part_of is not None for f in listed)
            # bare parts only: "12 sportifs et 12 dédiés à ...", not "12 enfants et 12
            # parents y ont participé" nor "10 agents ont suivi 10 formations"
            or any(len(f.label.split()) > _BARE_LABEL for f in listed)
            or FINITE_AUXILIARY.search(text, colon.end(), stop)
            or abs(sum(f.value for f in listed) - whole.value) > 1e-9
        ):
            continue
        for figure in listed:
            _bracket_part(figure, before[-1], text[figure.quantity.end :])


def _bracket_part(figure: _Read, bracket: int, after: str) -> None:
    """A short figure of a bracket after a whole is one of its parts ("82 écoles aidées (7
    ressources, 10 associées, 65 hors réseau)"); one named by a participle keeps its
    complement ("4 dédiés à la sensibilisation à la santé sexuelle")."""
    short = bool(figure.label) and len(figure.label.split()) <= 2
    figure.part_of = bracket if short else None
    if short and is_participle(figure.label):
        figure.label = _part_in_full(after) or figure.label


def _said_an_amount(text: str, q: Quantity, unit: str, label: str) -> str:
    """ "4 projets ... pour un montant total de 98 400 €": an amount its words call one is
    labelled so ("montant total : projets"), unless its label says it is money already."""
    total = _AMOUNT_SAID.search(text[: q.start]) if unit == "EUR" and label else None
    if total is None or _TAXES.fullmatch(label) or _names_an_amount(label):
        return label
    return f"{total['amount']} : {label}"


def _names_an_amount(label: str) -> bool:
    """A label that says it is money ("Subvention (politique de la ville)", "Montant TTC")."""
    first = lemma(label.split()[0].lower()) if label.split() else ""
    return "montant" in label.lower() or first in _AMOUNT_NOUNS


def _part_in_full(after: str) -> str:
    """A bracketed part named by a participle, with its complement: "(4 sportifs et 4 dédiés
    à la sensibilisation à la santé sexuelle)" → "dédiés à la sensibilisation à la santé
    sexuelle"; "" when the bracket's words are not a participle's phrase."""
    words = re.split(r"\)|\s+et\s+|[,;]|[.!?](?:\s|$)", after, maxsplit=1)[0].split()
    if len(words) < 2 or not is_participle(words[0]) or len(words) > _NAMED_LABEL + 3:
        return ""
    return " ".join(words)


def _acted_on_by(text: str, previous: _Read, figure: _Read) -> str:
    """A short count that what the figure before counts acted on: "55 000 heures de clauses
    d'insertion qui ont été réalisées ... et ont concerné 192 personnes" → "personnes
    concernées (heures de clauses d'insertion)", or was for ("... pour 410 bénéficiaires");
    "" otherwise."""
    between = text[previous.quantity.end : figure.quantity.start]
    words = figure.label.split()
    if figure.unit == "count" and (served := _served(text, previous, figure)):
        return served  # "4 095 pass numériques distribués ... pour 410 bénéficiaires"
    if not _SAME_SUBJECT.search(between) or not previous.label or not 1 < len(words) <= 3:
        return ""
    if previous.unit != "count":
        return ""
    if previous.part_of is not None or figure.part_of is not None or "(" in figure.label:
        return ""
    whole = " ".join(w for w in previous.label.split() if not _done_form(w)) or previous.label
    return f"{figure.label} ({whole})"


def _served(text: str, previous: _Read, figure: _Read) -> str:
    """A bare count that the figure before, in its clause, was for: "Bénéficiaires (pass
    numériques distribués)"; "" otherwise."""
    if previous.part_of is not None or figure.part_of is not None:
        return ""
    between = text[previous.quantity.end : figure.quantity.start]
    return served_by(between, previous.label, figure.label)


_GAPPED = re.compile(r",\s*et\s+(?P<who>[^,;.:()\d]{3,40}?)\s*$")


def _verb_elided(text: str, previous: _Read, figure: _Read) -> str:
    """An amount whose verb is the one of the amount before, left unsaid: "640 000 € ont
    accompagné la réhabilitation de la base, 330 000 € les travaux du pôle" → "montant
    accompagné : travaux du pôle"; "" otherwise."""
    done = _DONE_WITH.match(previous.label)
    between = text[previous.quantity.end : figure.quantity.start]
    gapped = _GAPPED.search(between) if done is not None and figure.unit == previous.unit else None
    if (
        gapped is not None
        and _OPENS_ON_ARTICLE.match(gapped["who"])
        and not any(is_verb(w) for w in gapped["who"].split())  # "et la Région a apporté"
        and not FINITE_AUXILIARY.search(gapped["who"])
    ):
        # "la contractualisation a mobilisé 207 000 € ..., et la MMU 103 000 €": the verb
        # of the amount before, done by the subject that stands before this one
        who = LEADING_ARTICLE.sub("", " ".join(gapped["who"].split()))
        return f"{done['done']} : {who}" if done is not None and is_noun_phrase(who) else ""
    if done is None or figure.unit != previous.unit or not _NEXT_IN_LIST.search(between):
        return ""
    after = _VERBLESS_OBJECT.match(text, figure.quantity.end)
    what = opening_phrase(_PHRASE_END.split(after["what"])[0]) if after is not None else ""
    if _A_TIME.match(what):  # "330 000 € l'année suivante celle du pôle": when, not what
        return ""
    return f"{done['done']} : {what}" if is_noun_phrase(what) else ""


# a figure with no noun, only a complement: "16 de rayonnement territorial" (not "16 de ses
# agents", "3 d'entre eux", "12 des 20")
_COMPLEMENT_ONLY = re.compile(
    r"[\s*]+de\s+(?!(?:ses|leurs?|ces|nos|vos|mes|tes|la|le|les|l['’])\b)(?P<what>[a-zéèêàâç]\w+)",
    re.IGNORECASE,
)
# a noun's complement after a word, which makes it a noun of its own ("jeunes en mission de
# service civique"); not a date or a place ("11 territorial en 2022", "dans le Boulonnais")
_OF_ITS_OWN = re.compile(r"\s+(?:en(?!\s+\d)|de|du|des|d['’])\s*\w", re.IGNORECASE)


def _elided(figure: _Read, previous: _Read, parse: Parse) -> str:
    """The label of an adjective that stands for the noun of the figure before, or ""."""
    words, before = figure.label.split(), previous.label.split()
    complement = _COMPLEMENT_ONLY.match(parse.text, figure.quantity.end)
    if (
        complement is not None
        and words
        and figure.unit == previous.unit == "count"
        and figure.part_of is None
        and " de " in previous.label
        and lemma(figure.label.split()[0].lower()) == lemma(complement["what"].split()[0].lower())
    ):
        # "24 centres culturels de rayonnement local, 16 de rayonnement territorial": the
        # noun of the figure before, with this figure's own complement
        return f"{previous.label.split(' de ')[0]} de {' '.join(words)}"
    if len(words) != 1 or len(before) < 2 or figure.unit != previous.unit:
        return ""
    q = figure.quantity
    adjective = [w for w in parse.within(q.end, len(parse.text)) if w.text == words[0]]
    bracketed = _ADJECTIVE_BRACKETED.search(parse.text, 0, q.start)
    if not adjective and bracketed is not None and bracketed["adjective"] == words[0]:
        adjective = [  # "..., territorial (13)": the adjective its bracket follows
            w
            for w in parse.within(max(q.start - _ADJECTIVE_REACH, 0), q.start)
            if w.text == words[0]
        ]
    if not adjective or adjective[0].is_participle:
        return ""
    if _OF_ITS_OWN.match(parse.text, adjective[0].end):
        return ""  # "ainsi que douze jeunes en mission de service civique": a noun of its own
    last = [w for w in parse.words if w.text.lower() == before[-1].lower()]
    ends_on_adjective = bool(last) and last[0].pos == "ADJ"
    tagged = adjective[0].pos == "ADJ" or (
        ends_on_adjective and adjective[0].text.lower().endswith(_ADJECTIVE_ENDINGS)
    )  # "21 local": the parser may take the adjective for a noun
    if not tagged:
        return ""
    if ends_on_adjective:  # "... de rayonnement départemental" → "... territorial"
        return " ".join([*before[:-1], words[0].lower()])
    return f"{previous.label} {words[0].lower()}"


def _with_context(text: str, figure: _Read, until: int) -> str:
    """A short or vague label ("Participants", "Personnes accueillies") with what it is of,
    when the sentence frames it ("lors de la Semaine bleue", "dans le cadre du programme
    PEGASE") or the line opens with a heading ("Création de places d'internat : 75 places
    créées"): "Participants (Urban Trail à Saint-Omer)"; a longer one only with the name
    of the programme or event its sentence gives ("« Construisons notre Pas-de-Calais »
    c'était ... 52 ateliers de travail")."""
    label = figure.label
    words = label.split()
    pointing = _DEMONSTRATIVE.search(label) if "(" not in label else None
    if pointing is not None and (heading := _heading_of(text, figure.quantity)):
        return f"{label} ({heading})"  # "« Le point sur... » : 11 éditions de ce webinaire"
    # "porteurs de projets ayant participé aux ateliers": what they did, not what for
    done = words.index("ayant") if "ayant" in words else len(words)
    # "Montant : projets": a kind of figure and a vague noun, given context as a bare noun
    # (not "Montant apporté : contractualisation": it says what it is of)
    kind_only = _bare_kind(label) and lemma(label.split(" : ", 1)[1].split()[0]) in VAGUE_NOUNS
    if not words or (":" in label and not kind_only) or "(" in label or done > _NAMED_LABEL:
        return label
    if kind_only:
        words = label.split(" : ", 1)[1].split()  # what the context must not repeat
    short = kind_only or _short_or_bare(label, words)
    q = figure.quantity
    if len(words) <= _BARE_LABEL and (full := _named_in_full_before(text, label, q.start)):
        # "... guide d'évaluation / outils ... pour les deux guides"; "Cette manifestation
        # ... a réuni une soixantaine de jeunes": what it was, still
        if not _referred_to(text, max(text.rfind(". ", 0, q.start) + 1, 0), q.start):
            return full
        label, words = full, full.split()
    sentence_start = max(text.rfind(". ", 0, q.start) + 1, 0)
    sentence_end = _SENTENCE_END.search(text, q.end)
    stop = min(sentence_end.start() if sentence_end else len(text), until)
    titled = _dated_title(text, q) or _heading_of(text, q)  # what the line is about first
    context = _bracketed_after(text, q) if short and not titled else ""
    context = context or (_framing(text, q, sentence_start, stop) if short else "")
    named = ""
    if not is_noun_phrase(context):
        context = named = _named_before(text, q, sentence_start, stop, short)
    if short and not is_noun_phrase(context):
        # "Le compte Instagram réunit ...", "... de voie douce sur l'itinéraire EV4"
        context = _holder(text, sentence_start, q.start) or _named_along(text, q.end, stop)
    if short and not is_noun_phrase(context) and (sentence_start > 0 or label == _ALTITUDE):
        # "Le programme PEGASE, ... Ainsi, 39 enfants ...", "un chantier ... a été lancé"
        context = _paragraph_topic(text) or (
            _launched_before(text, sentence_start) if sentence_start else ""
        )
    if short and not is_noun_phrase(context):
        context = _from_the_sentence_before(text, q, sentence_start, stop)
    if not is_noun_phrase(context) and (referred := _referred_to(text, sentence_start, q.start)):
        context = named = referred  # "... à cette expérimentation, avec 2 médecins de la PMI"
    quoted = _QUOTED_NAME.search(context)
    if quoted is not None and lemma(context.split()[0]) == lemma(words[0]):
        # "3 ateliers massage" after "un atelier « détente et bien-être »": the name alone
        context = named = quoted["name"]
    if context != named:  # a name is quoted whole ("Sto lat ! La Polonia a cent ans")
        context = _CONTEXT_END.split(context, maxsplit=1)[0]
        context = _whole_names(context, _FRAMING_WORDS)
        context = _without_dangling(text, context, 0)  # "démarche ... initiée" + "en 2022"
    if kind_only and context.lower() not in text[sentence_start:stop].lower():
        return label  # "Montant : projets" takes its own sentence's context only
    if not _context_fits(context, label, words[0]):
        return label
    return _said_in_full(label, context) or f"{label} ({context})"


def _from_the_sentence_before(text: str, q: Quantity, sentence_start: int, stop: int) -> str:
    """What the sentence before gives a short label: what it set up ("Des rencontres
    connectées ont été mises en place ... . 11 créneaux horaires journaliers étaient
    programmés"), what it made possible when the figure's sentence says it follows ("Une
    réunion de concertation citoyenne ... ont permis de ... . Près de 200 personnes se sont
    donc mobilisées"); "" for neither."""
    context = ""
    if len(text[sentence_start : q.start].split()) <= 2:
        before = max(sentence_start - 1, 0)
        set_up = _SET_UP_DONE.search(_SENTENCE_END.split(text[:before])[-1]) if before else None
        context = _sentence_subject(text, before) if set_up else ""
        context = context or (_set_up(text, before) if before else "")
    if not is_noun_phrase(context) and sentence_start and _THEREFORE.match(text, q.end, stop):
        context = _what_made_it(text, sentence_start)
    return context


# a sentence that says it follows from the one before: "se sont donc mobilisées"
_THEREFORE = re.compile(r"[^.;:]{0,40}?\b(?:donc|ainsi)\b(?!\s+que\b)", re.IGNORECASE)
# what made the figures of the next sentence: "Une réunion de concertation ... ont permis de"
_MADE_IT = re.compile(
    r"^[\s◆•*-]*(?P<what>(?:(?:une?|des|les|le|la)\s+|l['’]\s*)"
    r"(?:(?!\s(?:a|ont|est|sont|qui|que)\s)[^,;:()]){3,150}?)\s+(?:ont|a)\s+permis\b",
    re.IGNORECASE,
)


_COUNTED_AFTER_AND = re.compile(rf"\s+et\s+(?:\d+|{NUMBER_WORDS})\s+(?=[^\W\d_])", re.IGNORECASE)


def _what_made_it(text: str, sentence_start: int) -> str:
    """The subject of the sentence before, when it says it made something possible ("Une
    réunion de concertation citoyenne et 2 journées d'échanges ... ont permis de ..." →
    "réunion de concertation citoyenne et journées d'échanges"); "" otherwise."""
    before = _SENTENCE_END.split(text[: max(sentence_start - 1, 0)])[-1]
    made = _MADE_IT.match(LIST_MARKERS.sub("", before))
    # "Une réunion ... et 2 journées d'échanges ... ont permis": the two made it together
    what = coordinated_phrase(_COUNTED_AFTER_AND.sub(" et des ", made["what"])) if made else ""
    if not what or _THE_DEPARTEMENT.fullmatch(what) or lemma(what.split()[0]) in _NO_TOPIC:
        return ""
    return what if is_noun_phrase(what) and not re.search(r"\d", what) else ""


def _short_or_bare(label: str, words: list[str]) -> bool:
    """A label that says too little alone: a word or two, a vague noun and a word
    ("Personnes accueillies"), no complement ("Créneaux horaires journaliers programmés"), or
    a participle that does not say what for ("Médecins de la PMI mobilisés")."""
    if len(words) <= _SHORT_LABEL and (len(words) <= _BARE_LABEL or lemma(words[0]) in VAGUE_NOUNS):
        return True
    own = _RATE_END.sub("", label).split()  # "échantillons par an": a rate, no complement
    bare = not any(w.lower() in _COMPLEMENT_WORDS or w.lower()[:2] in _OF for w in own)
    return bare or (len(words) > 1 and is_participle(words[-1]))


def _context_fits(context: str, label: str, head: str) -> bool:
    """A context says something the label does not: a noun phrase, not a preposition's
    phrase, not the label's own noun again ("Commissions thématiques"), not a lone common
    noun ("(dispositif)")."""
    return not (
        not is_noun_phrase(context)
        or _NOT_A_TOPIC.match(context)
        or lemma(context.split()[0]) == lemma(head)
        or set(lemmas(label)) <= set(lemmas(context))
        or (len(context.split()) < 2 and not context[:1].isupper())
    )


def _named_along(text: str, end: int, stop: int) -> str:
    """The named route, site or programme the figure's clause puts it on, a few words after
    it ("3,9 km de voie douce en site propre sur l'itinéraire EV4" → "itinéraire EV4");
    "" for none."""
    clause = _PHRASE_END.split(text[end:stop], maxsplit=1)[0]
    along = _NAMED_ALONG.search(" ".join(clause.split()[: _FRAMING_WORDS + 2]))
    return along["what"] if along is not None else ""


# "sur l'itinéraire EV4", "dans le cadre du programme PEGASE" is a framing: a common noun and
# its name (a capitalised word, an acronym, a code)
_NAMED_ALONG = re.compile(
    r"\b(?:(?:sur|dans|le\s+long\s+de)\s+(?:(?:les|le|la)\s+|l['’]\s*)|le\s+long\s+(?:du|des)\s+)"
    rf"(?!(?:{TIME_WORDS}|session|édition|territoire|département|cadre)s?\b)"
    r"(?P<what>[^\W\d_][\wéèêàâç-]+"
    r"(?:\s+(?!(?:en|du|de|des|au|aux|à|et|sur|dans)\b)[a-zéèêàâç][\wéèêàâç-]+)?"
    # a name: a capitalised word, an acronym, a code ("EV4", "V30", "RD 917"), no year
    r"(?:\s+(?:(?-i:[A-ZÉ][\w-]*)|(?!(?:19|20)\d\d\b)\d+))+)"
)


def _holder(text: str, sentence_start: int, at: int) -> str:
    """What holds the count its sentence opens on: "Le compte Instagram du Département réunit
    16 512 abonnés" → "compte Instagram du Département"; "" for none."""
    held = _HOLDS.match(LIST_MARKERS.sub("", text[sentence_start:at]).replace("*", " "))
    holder = opening_phrase(held["holder"]) if held is not None else ""
    # "Le Département y dispose de", "Le <département> compte": the entity, no context;
    # "L'année 2022 a permis de": a time, no context
    if len(holder.split()) < 2 or lemma(holder.split()[0].lower()) in _NO_TOPIC:
        return ""
    return "" if _THE_DEPARTEMENT.fullmatch(holder) else holder


_THE_DEPARTEMENT = re.compile(DEPARTEMENT_NAMED, re.IGNORECASE)
_HOLDS = re.compile(
    r"^\s*(?:(?:le|la|les)\s+|l['’]\s*)(?!\s)(?P<holder>[^,;:()]{3,80}?)\s+(?:réunit|réunissent|rassemble"
    r"|rassemblent|compte|comptent|comptait|totalise|totalisent|regroupe|regroupent|emploie"
    r"|emploient|fonctionne\s+avec|dispose\s+de|disposent\s+de|recense|recensent"
    # "Le compte Facebook du Département est suivi par 93 125 abonnés"
    r"|(?:est|sont|était|étaient)\s+suivie?s?\s+par"
    # "La conférence des financeurs a permis de soutenir 139 actions": what made it so
    r"|(?:a|ont)\s+permis\s+(?:de\s+|d['’]\s*)[a-zéèêâîôûç]+(?:er|ir))\s+"
    r"(?:(?:désormais|aujourd['’]hui|plus\s+de|près\s+de|environ)\s+)*$",
    re.IGNORECASE,
)
# a demonstrative that points back to what an earlier sentence named: "cette expérimentation",
# "Cette manifestation", "ces deux fonds" (not "ce sont", "ce qui")
_DEMONSTRATIVE = re.compile(
    r"\b(?P<opens>ce|cet|cette|ces)\s+(?:(?:deux|trois|quatre|nouvelles?|nouveaux?|premiers?"
    r"|premières?)\s+)?(?P<noun>[a-zéèêàâç]{4,})\b",
    re.IGNORECASE,
)


# what a demonstrative points back to by its noun: a programme, an action, an event
_REFERENT_NOUNS = frozenset(
    {"expérimentation", "dispositif", "programme", "démarche", "opération", "manifestation",
     "action", "projet", "chantier", "aide", "plan", "fonds", "événement", "évènement",
     "initiative", "convention", "contrat", "partenariat", "plateforme", "service", "formation",
     "semaine", "journée", "campagne", "concertation", "exposition", "expo", "festival",
     "webinaire", "salon", "forum", "rencontre", "appel", "prestation", "schéma", "stratégie"}
)  # fmt: skip


_POINTING_REACH = 30  # characters before a mention that may hold its demonstrative


def _referred_to(text: str, sentence_start: int, start: int) -> str:
    """What the figure's sentence points back to with a demonstrative before the figure:
    the earlier mention of its noun with a name or complement ("... l'aide à la vie
    partagée (AVP) ... mettre en œuvre cette aide ... au sein de 31 habitats inclusifs"),
    else the named thing its paragraph opens on ("Le programme PEGASE ... participe à cette
    expérimentation, avec l'appui de 2 médecins de la PMI"), else the one programme the
    sentences before name, else, for a demonstrative that opens its sentence, what the
    sentence before says was done ("le premier speed-dating ... a été organisé. Cette
    manifestation ... a réuni une soixantaine de jeunes"); "" without a demonstrative of a
    programme, an action or an event ("Cette année", "ce contexte"), or in the paragraph's
    first sentence."""
    pointing = _DEMONSTRATIVE.search(text, sentence_start, start) if sentence_start else None
    if pointing is None or lemma(pointing["noun"].lower()) not in _REFERENT_NOUNS:
        return ""  # "Cette année", "Dans ce cadre", "ces pactes", "ce contexte inflationniste"
    noun = pointing["noun"].lower()
    mentions = [
        m
        for m in re.finditer(rf"\b{re.escape(noun)}\b", text[:sentence_start], re.IGNORECASE)
        if not any(
            d.end() == m.end()
            for d in _DEMONSTRATIVE.finditer(text, max(m.start() - _POINTING_REACH, 0), m.end())
        )
    ]  # "... cette aide": not a mention that names it
    # the mention up to its phrase's end: "aide à la vie partagée (AVP)" → "aide à la vie
    # partagée"
    said = _PHRASE_END.split(text[mentions[-1].start() : sentence_start], 1)[0] if mentions else ""
    said = _CUT_END.sub("", " ".join(said.rstrip(" .;:!?").split()[:_FRAMING_WORDS]))
    words = said.split()
    named = any(w.lower() in _COMPLEMENT_OPENS or w[:1].isupper() for w in words[1:])
    if named and len(words) <= _FRAMING_WORDS:
        return said  # "l'aide à la vie partagée", not "aide" alone
    before = max(sentence_start - 1, 0)
    opens = not text[sentence_start : pointing.start()].strip(" ,")
    return (
        _paragraph_topic(text)
        or _programme_in(text[:sentence_start])
        or (_sentence_subject(text, before) if opens else "")
        or (_quoted_before(text, sentence_start) if opens else "")
    )


def _quoted_before(text: str, sentence_start: int) -> str:
    """The one name between guillemets the sentence before gives ("... à un « color run »
    au profit des étudiants ..."), what "Cette action" then points back to; "" else."""
    before = _SENTENCE_END.split(text[: max(sentence_start - 1, 0)])[-1]
    names = re.findall(r"«\s*([^«»]{3,60}?)\s*»", before)
    return names[-1] if len(names) == 1 else ""


def _whole_names(context: str, words: int) -> str:
    """The first `words` words of a context, never leaving a name between guillemets open:
    whole when it closes within a few words more ("démarche de concertation partenariale
    « Construisons notre Pas-de-Calais »"), else its first words closed ("expo « Migrations
    »", of "« Migrations : une archéologie des échanges »" cut at its colon)."""
    kept = context.split()
    if len(kept) > words and _ADJECTIVE_ENDS.match(" " + " ".join(kept[words : words + 2])):
        words += 1  # "... des enseignements et des pratiques" + "artistiques": its adjective
    cut = " ".join(kept[:words])
    if cut.count("«") > cut.count("»"):
        closing = next((n for n in range(words, len(kept)) if "»" in kept[n]), None)
        if closing is not None and closing < words + _NAME_BEYOND:
            return " ".join(kept[: closing + 1]).strip(" ,;:")
        opened = cut.rfind("«")
        name = _CUT_END.sub("", cut[opened + 1 :]).strip(" ,;:")
        cut = f"{cut[:opened]}« {name} »" if name else cut[:opened]
    return _CUT_END.sub("", cut).strip(" ,;:")


_NAME_BEYOND = 4  # the words a context may run beyond its length to close a name


def _bracketed_after(text: str, q: Quantity) -> str:
    """The noun phrase a bracket that opens on the figure follows: "préparation des boucles
    auriculaires en santé animale (122 500 échantillons par an)"; "" for another figure."""
    opened = _OPENS_ON_FIGURE.search(text, 0, q.start)
    closed = text.find(")", q.end)
    inside = text[q.end : closed].split() if closed >= 0 else []
    if (
        opened is None
        or not 0 < len(inside) <= _SHORT_LABEL + 1  # "(9 sites au total)", not "(14 places ...
        or any(c.isdigit() for c in " ".join(inside))  # ... afin d'accueillir ... de 16 ans)"
        or _DIGIT.search(text, max(opened.start() - 12, 0), opened.start())
    ):
        return ""  # "75 places créées (24 à ...)": a part of the figure before
    before = phrase_before(text[: opened.start()])
    return before if len(before.split()) > 1 else ""  # not "habitants (5 communes)"


def _named_in_full_before(text: str, label: str, start: int) -> str:
    """A bare noun its paragraph said earlier with its complement ("La démarche
    d'harmonisation porte sur le guide d'évaluation ... pour les deux guides" → "guides
    d'évaluation"): the last such mention before the figure, short and without a number;
    "" for none."""
    words = label.split()
    if any(w.lower() in _COMPLEMENT_OPENS or "'" in w or "’" in w for w in words):
        return ""  # "Forfait d'externat": said in full already
    if not all(is_participle(w) for w in words[1:]):
        return ""  # "associations sportives": where the complement goes is not known
    noun = words[0].lower()
    stem = noun[:-1] if noun.endswith(("s", "x")) and len(noun) > 3 else noun
    # its own sentence or the one before ("... guide d'évaluation/ outils ... . 27 rencontres
    # ..., 16 fiches ont été validées pour les deux guides"), not an aside further back
    sentence = max(text.rfind(". ", 0, start), 0)
    window = max(text.rfind(". ", 0, sentence), 0)
    said = [
        m
        for m in re.finditer(
            rf"\b(?:{re.escape(noun)}|{re.escape(stem)})\s+(?:de|d['’]|du|des)\s*(?=\w)",
            text[:start],
            re.I,
        )
        if m.start() >= window and text.count("(", 0, m.start()) == text.count(")", 0, m.start())
    ]
    if not said:
        return ""
    phrase = opening_phrase(text[said[-1].start() : start]).split()
    participle = next((n for n, w in enumerate(phrase) if n > 1 and _done_form(w)), len(phrase))
    complement = phrase[1:participle]  # "demandes de subventions reçus": no participle
    said_words = re.sub(r"['’]", "' ", " ".join(complement)).split()  # "d'évaluation": 2
    if (
        not 2 <= len(said_words) <= _BARE_LABEL + 1
        or complement[-1].lower() in _COMPLEMENT_OPENS
        or any(c.isdigit() or c.isupper() for c in " ".join(complement))
    ):
        return ""  # a number, or a name ("surface du Pas-de-Calais"): another quantity
    return " ".join([words[0], *complement, *words[1:]])


def _said_in_full(label: str, context: str) -> str:
    """A label whose noun its context says with its complement: "places créées" under
    "Création de places d'internat" → "places d'internat créées"; "" otherwise."""
    words = label.split()
    said = re.search(rf"\b{re.escape(words[0])}\s+(?:de|d['’]|du|des)\s*\w", context, re.I)
    phrase = opening_phrase(context[said.start() :]) if said else ""
    if len(phrase.split()) < 2 or len(phrase.split()) > _BARE_LABEL + 1:
        return ""
    return " ".join([phrase, *words[1:]])


# a figure that is the subject of a clause of its own: "et 44 lauréats ont été récompensés"
_FIGURE_OF_A_CLAUSE = re.compile(
    r"\d[\d\s]*\s+[\wéèêàâç'’-]+(?:\s+[\wéèêàâç'’-]+)?\s+(?:ont|a|sont|est|avaient|avait"
    r"|étaient|était)\b",
    re.IGNORECASE,
)


# "des écoles de musique ou conservatoires municipaux,": a bare noun, the frame's other
_OR_BARE_NOUN = re.compile(
    r"\s+ou\s+(?!(?:les?|la|l['’]|des|un|une|du|de|encore|plus|moins|non|sur|en|par|à|au|aux"
    r"|pour|dans|avec|sans|chez|selon|bien|alors|même|pas)\b)"
    r"(?P<what>[a-zéèêàâç][\wéèêàâç'’-]*(?:\s+[a-zéèêàâç][\wéèêàâç'’-]*){0,2})(?=\s*,)",
    re.IGNORECASE,
)


def _framing(text: str, q: Quantity, sentence_start: int, stop: int) -> str:
    """What the figure's sentence, else its paragraph before it, frames it with ("lors de la
    Semaine bleue"), else the line's heading or dated title."""
    framing = [m for m in _FRAMING.finditer(text, sentence_start, stop)]
    # the framing that follows the figure's phrase comes first ("Dans le cadre de l'ESS, ...
    # onze fondations dans le cadre de l'accompagnement des projets du Budget citoyen")
    framing.sort(key=lambda m: not 0 <= m.start() - q.end <= _FRAMING_REACH)
    # else the paragraph's nearest before it ("... lors de la tenue du club des territoires
    # logement d'abord, le 29 novembre ... . Près de 130 participants ont ainsi été réunis")
    # (one whose sentence, and what follows it, holds no figure: "44 lauréats ... lors du
    # Conseil du 24 novembre. 12 projets" keeps the paragraph's first, not what another
    # figure's sentence was framed by)
    before = [
        m
        for m in _FRAMING.finditer(text, 0, sentence_start)
        if not holds_a_figure(
            text[
                max(
                    (e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0
                ) : sentence_start
            ]
        )
    ]
    framing = framing or before[-1:] or [m for m in _FRAMING.finditer(text, 0, sentence_start)][:1]
    context = ""
    # not the frame of another figure further on in the sentence ("80 personnes ... et 12
    # ateliers ... dans le cadre du Plan Climat": the ateliers')
    near = [
        m
        for m in framing
        if m.start() < q.start
        or m.start() - q.end <= _FRAMING_REACH
        or not _FIGURE_OF_A_CLAUSE.search(text, q.end, m.start())
    ]
    for frame in near:  # "lors de permanences, ... dans le cadre de la concertation ...":
        said = frame_phrase(_PHRASE_END.split(text[frame.end() :], maxsplit=1)[0])
        said = _HOLDING.sub("", said)  # "la tenue du club ...": the club
        at = text.find(said, frame.end()) if said else -1
        quoted = _QUOTED_NAME.match(text, at + len(said)) if at >= 0 else None
        named = f"{said} « {' '.join(quoted['name'].split())} »" if quoted is not None else ""
        if named and len(named.split()) <= _FRAMING_WORDS:
            said = named  # "la concertation « grand public »": the noun and its name, whole
        alternative = _OR_BARE_NOUN.match(text, at + len(said)) if said and at >= 0 else None
        if alternative is not None and len(said.split()) < _FRAMING_WORDS:
            said = f"{said} ou {' '.join(alternative['what'].split())}"  # "écoles ou ..."
        context = context or said  # the first that says more than a lone common noun
        if is_noun_phrase(said) and (len(said.split()) > 1 or said[:1].isupper()):
            context = said
            break
    if not is_noun_phrase(context):
        context = _heading_of(text, q)
    if not is_noun_phrase(context):
        context = _dated_title(text, q)
    return context


def _named_before(text: str, q: Quantity, sentence_start: int, stop: int, short: bool) -> str:
    """The name between guillemets before the figure ("« Construisons notre Pas-de-Calais »
    ... :", capitalised; a short label's also in lower case in its own sentence, "à un « color
    run » ... a permis à 17 équipes"), else the programme its sentence names."""
    named = [
        (m.start() >= sentence_start, LEADING_ARTICLE.sub("", (m[1] or m[2]).strip("*_ ")))
        for m in _QUOTED.finditer(text, 0, q.start)
    ]
    named = [(own, n) for own, n in named if own or short]  # a longer label: its sentence's
    listed = [n for own, n in named if own]
    if len(listed) > 1 and q.value == len(listed):
        # "« Bien vieillir ... » et « être citoyens ... », 2 défis": the two it counts
        return " et ".join(listed) if len(" ".join(listed).split()) <= 2 * _FRAMING_WORDS else ""
    capitalised = [n for _, n in named if n[:1].isupper()]
    lower = [
        n
        for own, n in named
        if short and own and len(n.split()) <= 5 and not _NOT_A_NAME.fullmatch(n)
    ]  # "« color run »", not "« au plus près du terrain »", "« aller vers »"
    event = _named_event(text, sentence_start, q.start)
    if capitalised or lower:
        name = (capitalised or lower)[-1]  # a proper name alone; a common one with its noun
        return event if not capitalised and name in event else name  # "semaine « les clés ... »"
    # its own sentence's programme, else the one the sentence before names ("Cette 5ème
    # édition du Budget citoyen a permis ... En septembre, près de 13 000 habitants ...")
    before = max(text.rfind(". ", 0, max(sentence_start - 2, 0)) + 1, 0)
    return (
        _programme_in(text[sentence_start:stop])
        or event
        or (_programme_in(text[before:sentence_start]) if sentence_start else "")
    )


# a common noun and the name between guillemets it is given: "Une semaine « les clés pour
# réussir »", "un « color run »"
_NAMED_EVENT = re.compile(
    r"\b(?:une?|la|le|l['’]|cette|ce)\s*(?P<noun>[a-zéèêàâç][\wéèêàâç-]{3,})\s*"
    r"«\s*(?P<name>[^«»]{3,40}?)\s*»",
    re.IGNORECASE,
)


# an enumeration's next item: "un guide « ... », une visite de lieux ... et une formation"
_ANOTHER_ITEM = re.compile(r"(?:,|\bet)\s+(?:une?|des)\s", re.IGNORECASE)


def _named_event(text: str, start: int, end: int) -> str:
    """The event or programme its sentence names by a common noun and a name between
    guillemets before the figure: "Une semaine « les clés pour réussir » a été organisée ...
    : 800 bénéficiaires du RSA ont été accueillis" → "semaine « les clés pour réussir »";
    "" for none (or for a verb, a preposition's phrase between the guillemets)."""
    named = [
        m
        for m in _NAMED_EVENT.finditer(text, start, end)
        if not _ANOTHER_ITEM.search(text, m.end(), end)  # "un guide « ... », une visite ..."
        and is_french_word(m["noun"])
        and not is_verb(m["noun"])
        and not _NOT_A_NAME.fullmatch(m["name"])
    ]
    if not named:
        return ""
    event = f"{named[-1]['noun']} « {' '.join(named[-1]['name'].split())} »"
    return event if len(event.split()) <= _FRAMING_WORDS else ""


def _programme_in(sentence: str) -> str:
    """The one programme, fund or event a sentence names by its proper name ("le Fonds
    Alimentation Durable", "un Budget citoyen 2022", "la Semaine bleue"); "" for none or
    several."""
    found = ((m, " ".join(m["name"].split())) for m in _PROGRAMME.finditer(sentence))
    names = {
        name
        for m, name in found
        if len(name.split()) > 1
        and not _NAME_TAIL.search(name)  # "le Contrat local de santé": no name of its own
        and (
            any(w[:1].isupper() or w[:1].isdigit() for w in name.split()[1:])
            or sentence[: m.start()].strip()  # a capital inside the sentence: a name
        )
    }
    return next(iter(names)) if len(names) == 1 else ""


def _dated_title(text: str, q: Quantity) -> str:
    """The title of a line that opens on its date, fields apart: the sentence that opens the
    figure's field ("10 octobre - Arena - Liévin - la semaine bleue ! ... 7 dates"), else the
    field before it ("23 octobre - Tornade à Bihucourt - 28 agents"); "" for another line."""
    fields = _DASHED.split(text[: q.start])
    if len(fields) > 2 and _PLACE_FIELD.match(fields[0]) and _DATE_OPENS.match(fields[1]):
        fields = fields[1:]  # "Bihucourt - 23 octobre - Tornado - 28 agents": its place first
    if len(fields) < 2 or not _DATE_OPENS.match(fields[0]):
        return ""
    opening = _SENTENCE_END.split(fields[-1], maxsplit=1)
    if len(opening) > 1:  # the title's sentence ends before the figure
        return opening_phrase(opening[0])
    title = LEADING_ARTICLE.sub("", " ".join(fields[-2].split())) if len(fields) > 2 else ""
    return title  # "La tempête Eunice - ... (9 sites au total)": "tempête Eunice"


def _paragraph_topic(text: str) -> str:
    """What a paragraph opens on, when its first words are a noun phrase of its own ("Le
    programme PEGASE, en cours d'expérimentation, est ..." → "programme PEGASE"); not the
    Département, a pronoun or a mere "ce projet"."""
    opening = _PHRASE_END.split(LIST_MARKERS.sub("", text), maxsplit=1)[0]
    if not _TOPIC_OPENS.match(opening):
        return ""
    topic = opening_phrase(_CONTEXT_END.split(opening, maxsplit=1)[0])
    words = topic.split()
    if not words or lemma(words[0]) in _NO_TOPIC or len(words) < 2:
        return ""
    # a name of its own ("programme PEGASE", "parc départemental d'Olhain"), not a common
    # phrase ("coup d'envoi institutionnel donné") nor the Département
    named = [
        w
        for w in (re.sub(r"^[dl]['’]", "", w) for w in words[1:])  # "d'Olhain"
        if w[:1].isupper() and lemma(w) not in _NO_TOPIC
    ]
    return topic if named else ""


def _respective(text: str, figures: list[_Read], parse: Parse | None) -> None:
    """ "s'élèvent respectivement à 81 et à 8": each figure of the list is of its own phrase
    before the word; "comptent respectivement 55 500, 12 200 et 20 500 abonnés": when no
    phrases match them one to one, all are of the noun after the last."""
    spans = [(f.quantity.start, f.quantity.end) for f in figures]
    for members in respective_lists(text, spans):
        labels = respective_labels(text, spans[members[0]][0], len(members), parse)
        if not labels and _parts_said_after(text, figures, members):
            continue
        shared = figures[members[-1]].label
        for n, member in enumerate(members):
            figure = figures[member]
            figure.label = labels[n] if labels else shared or figure.label
            if figure.part_of in members:
                figure.part_of = None  # listed side by side, not parts of each other


def _parts_said_after(text: str, figures: list[_Read], members: list[int]) -> bool:
    """ "44 places ont vu le jour, respectivement 24 et 20 sur les territoires du Boulonnais
    et du Calaisis": figures that add up to the one before the list are its parts, each
    named by its phrase after the list; False (nothing set) otherwise."""
    first, last = figures[members[0]], figures[members[-1]]
    places = phrases_after(text, last.quantity.end, len(members))
    whole = members[0] - 1
    if not places or whole < 0 or figures[whole].unit != first.unit:
        return False
    if abs(sum(figures[m].value for m in members) - figures[whole].value) > _SUM_TOLERANCE:
        return False
    for member, place in zip(members, places, strict=True):
        figures[member].label, figures[member].part_of = place, whole
    return True


# the words a number cut off from a state: "entrés dans le dispositif il y a plus de (5 ans)"
_CUT_BY_A_NUMBER = frozenset(["il", "y", "a", "plus", "moins", "près", "de", "d'", "d’", "depuis"])
_STATE_WORDS = 10


def _without_trailing(words: list[str]) -> list[str]:
    """Words cut where a number or the next phrase took over: no function word, preposition
    or "il y a plus de" left at the end ("... du point d'indice des", "... il y a plus de")."""
    while words and words[-1].lower() in _TRAILING:
        words = words[:-1]
    return words


# "vingt et un d'entre eux, soit 55 %, relevaient de ...": the share said aside
_SHARE_ASIDE = re.compile(
    r"(?P<among>\s*d['’]\s*entre\s+(?:eux|elles))\s*,\s*soit\s+[\d\s,.]+%\s*,", re.IGNORECASE
)


def _past_share_aside(text: str, end: int, after: str) -> str:
    """The words after a part "d'entre eux", past the share of it said aside ("vingt et un
    d'entre eux, soit 55 %, relevaient de nouvelles mesures"); `after` else."""
    aside = _SHARE_ASIDE.match(text, end)
    if aside is None:
        return after
    rest = _SENTENCE_END.split(text[aside.end() :], maxsplit=1)[0]
    return f"{aside['among']} {rest}"


def _share_among(after: str, previous: _Read) -> str:
    """ "45 % d'entre elles ont été dématérialisées": a share of the figure before, with what
    sets the share apart; "" when the words after the figure are not "d'entre eux"."""
    among = _AMONG.match(after)
    if among is None:
        return ""
    # "entrés dans le dispositif il y a plus de 5 ans": when is no part of the state
    state = re.split(r"\s+il\s+y\s+a\b", among["state"] or "", maxsplit=1)[0].split()
    state = _without_trailing(state)  # "entrés dans le dispositif il y a plus de" (5 ans)
    state = [f" {' '.join(state)}"] if state and len(state) <= _STATE_WORDS else []
    state = state[0] if state else ""
    return f"{previous.label}{state} (part en %)"


def _part_by_place(
    text: str, figure: _Read, previous: _Read, figures: list[_Read], after: str, places: Gazetteer
) -> bool:
    """A part of the figure before (or of its whole) named by its place: "77 au total,
    réparties entre Oignies (23), Noyelles-les-Vermelles (16)", "75 places créées (24 à
    Oignies, 14 à Noyelles ...)"; False (nothing set) for another figure."""
    q = figure.quantity
    placed = _PLACE_BRACKETED.search(text, 0, q.start)
    if placed is not None and not _could_be_a_place(placed["place"], figure.unit, places):
        placed = None  # "dont RSA (120)", "Hommes (52 %)", "par Internet (3 000)"
    bracketed = _BRACKET_OPENS.search(text[: previous.quantity.start].rstrip("* "))
    if previous.part_of is None and bracketed:
        placed = None  # the whole is no bracketed figure itself
    if placed is not None and placed["ranked"] and not _BARE_BRACKET.match(text, q.end):
        placed = None  # "devant Lens (24 000 habitants)": a comparison, not a part
    where = placed["place"] if placed is not None else ""
    place = _PLACE_AFTER.match(after)
    if not where and place is not None and not phrase_after(after):
        # "de 21 à Oignies à 2 à Bapaume": the place, not the range's next "à"
        where = _DANGLING_PREPOSITION.sub("", place["place"].strip())
    if not where or not previous.label:
        return False
    share = figure.unit == "pct" and previous.unit != "pct"  # "dont la moitié à Arras"
    figure.label = f"{previous.label} à {where} (part en %)" if share else f"à {where}"
    figure.part_of = previous.part_of if previous.part_of is not None else figures.index(previous)
    return True


def _could_be_a_place(word: str, unit: str, places: Gazetteer) -> bool:
    """A capitalised word before a bracketed part that may name a place: a commune of the
    official list ("Calais", "Noyelles-les-Vermelles"), else (no list) no acronym ("RSA")
    and no word of the lexicon ("Hommes", "Internet"); and a part that is no share."""
    if unit in {"pct", "pct_change"} or word.isupper():
        return False
    if places:
        return places.opens(word) is not None
    return "-" in word or not is_french_word(word)


def _share_of_part(after: str, previous: _Read, figure: _Read) -> str:
    """ "42 places créées, dont la moitié sur le territoire du Boulonnais": the share of
    the figure before that is where (or for what) its words say; "" for another figure."""
    if figure.unit != "pct" or figure.label or not previous.label or previous.unit == "pct":
        return ""
    where = _WHERE_PART.match(after)
    if where is None:
        return ""
    whole = _BRACKETED.sub("", previous.label).strip()
    return f"{whole} {' '.join(where[0].split())} (part en %)"


def _referent(figures: list[_Read], previous: _Read, after: str) -> _Read:
    """The figure "d'entre eux" ("d'entre elles") is among: `previous` (the figure before,
    not an earlier year's), or one before it when `previous`'s noun is of the other gender
    ("48 260 foyers comptent six femmes sur dix, et 52 % d'entre eux ..." → the foyers)."""
    pronoun = _AMONG.match(after)
    if pronoun is None:
        return previous
    feminine = "elles" in pronoun[0].lower().split()
    for figure in reversed(figures[: figures.index(previous) + 1]):
        head = figure.label.split()[0].lower() if figure.label else ""
        if head and noun_gender(head) in {None, "Fem" if feminine else "Masc"}:
            return figure
    return previous


def _among(after: str, previous: _Read, figure: _Read, between: str = "") -> str:
    """A share or a count "d'entre eux" of the figure before, named by it; "" for none."""
    if figure.unit == "pct" and previous.label:
        return _share_among(after, previous)
    if figure.unit == "count" and not figure.label:
        return _count_among(after, previous, between)
    return ""


def _count_among(after: str, previous: _Read, between: str = "") -> str:
    """ "13 d'entre eux au titre de nouvelles mesures", "parmi lesquels 17 au titre de ...":
    a part of the count before, named by it and by what sets the part apart (its participle,
    else the complement that follows); "" when the figure is not said to be among them."""
    among = _AMONG.match(after)
    fronted = among is None and _AMONG_BEFORE.search(between) is not None
    if (among is None and not fronted) or not previous.label or previous.unit != "count":
        return ""
    whole = _BRACKETED.sub("", previous.label).strip()
    if among is not None and among["state"]:
        return f"{whole} {among['state']}"
    apart = _APART.match(after, among.end() if among is not None else 0)
    what = opening_phrase(_PHRASE_END.split(after[apart.end() :])[0]) if apart else ""
    if is_noun_phrase(what):
        return f"{whole} ({what})"
    # "parmi lesquels 1 079 ont été attribués à des entreprises ...": what was done to them
    return _part_done(after, previous) if fronted else ""


# a time before what a change is of: "réduire de 30 % d'ici 2030 les émissions"
_WHEN = re.compile(r"^\s*(?:d['’]ici|en|avant|après)\s+(?:\d{4}|[a-zéè]+\s+\d{4})\s*,?")
# a share's own name: "taux de réussite (85 %)" is the rate, not a share of it
_RATE = re.compile(r"(?:taux|part|proportion|pourcentage)\b", re.IGNORECASE)
# what sets a part apart: "13 d'entre eux au titre de nouvelles mesures", "dont une vingtaine
# relevant de nouvelles mesures"
_APART = re.compile(
    r"\s*(?:(?:au\s+titre|relevant|relevaient|relèvent|issue?s?|bénéficiant)"
    r"\s+(?:de\s+la|du|des|de\s+l['’]|de|d['’])|"
    r"(?:pour|dans|concernant)\s+(?:la|le|les|l['’]|des|du)|sous\s+(?:la\s+)?forme\s+(?:de|d['’])"
    # "970 en pédiatrie" (not "400 en janvier", "300 en cours", "en ligne": a time, a state)
    rf"|en(?=\s+(?!(?:{MONTH}|cours|attente|ligne|moyenne|outre|effet|particulier|partie|total"
    r"|tout|plus|moins|fin|début|hiver|été|automne|printemps|soirée|matinée|journée|semaine"
    r"|week-end)\b)[a-zéèêàâç]{4,}\b))\s*",
    re.IGNORECASE,
)


def _a_part_of(
    text: str, figures: list[_Read], pair: tuple[_Read, _Read], between: str, after: str
) -> bool:
    """Make the figure a part of the one before when "dont" joins them ("1 200 demandes,
    dont 300 ..."; "42 places créées, dont la moitié sur le territoire du Boulonnais"), or of
    the whole of a "dont" list it goes on ("dont 950 pour la pédiatrie, 240 sous forme de
    visites à domicile et 415 pour l'urgence"); False when it is no such part."""
    previous, figure = pair
    if (
        figure.unit == "count"
        and previous.unit != "count"
        and _SCALE_WORD.search(figure.quantity.text)
        and (
            _BETWEEN_PART.search(between)
            or (previous.part_of is not None and _NEXT_IN_LIST.search(between))
        )
        and not phrase_after(after)
    ):
        # "5,8 millions d'euros, dont 3,1 millions pour ..., 1,5 million sous forme de ...":
        # the unit printed on the whole
        figure.unit = previous.unit
    if _RELATIVE_DONT.search(between):
        return False  # "25 partenaires ... ; ..., un questionnaire dont 84 associations ont été
        # destinataires": the relative pronoun of another noun, no part
    if _BETWEEN_PART.search(between) and previous.unit == figure.unit:
        figure.part_of = figures.index(previous)
        figure.label = _set_apart(after, figure.label) or _part_done(after, previous)
        return True
    if _concerning(figures, pair, between, after):
        return True
    if doing := _part_doing(text, figures, pair, between, after):
        figure.label, figure.part_of = doing
        return True
    if _BETWEEN_PART.search(between) and (share := _share_of_part(after, previous, figure)):
        figure.label, figure.part_of = share, figures.index(previous)
        return True
    if next_part := _next_part(text, figures, pair, between):
        figure.label, figure.part_of = next_part, previous.part_of
        return True
    return False


_A_DONT = re.compile(r"\bdont\b", re.IGNORECASE)
# "dont" after a noun of its own, or past the clause of the figure before
_RELATIVE_DONT = re.compile(
    r";[^;]*\bdont\s*$|(?:[^\W\d_]\s+|\bd['’]\s*)(?:un|une)\s+[\wéèêàâç'’-]+\s+dont\s*$",
    re.IGNORECASE,
)  # ("conforté par un questionnaire dont ...", "d'un questionnaire dont"; not "6 841 agents,
# un effectif dont ...", an apposition of the figure before)


def _next_part(text: str, figures: list[_Read], pair: tuple[_Read, _Read], between: str) -> str:
    """The label of a part listed after the first part of a "dont" ("dont 950 pour la
    pédiatrie, 240 sous forme de visites à domicile et 415 pour l'urgence" → "visites à
    domicile", "urgence"): what sets it apart; "" when the figure does not go on such a
    list (a figure with a noun of its own starts another clause)."""
    previous, figure = pair
    if previous.part_of is None or previous.unit != figure.unit:
        return ""
    whole = figures[previous.part_of]
    opened = text[whole.quantity.end : previous.quantity.start]
    # "441 concernant des BRSA, 310 l'aide sociale ... et 120 ...": a list "concernant" opens
    said_of = any(
        _CONCERNING.match(text, part.quantity.end)
        for part in figures
        if part.part_of == previous.part_of
    )
    listed = _A_DONT.search(opened) or (previous.among and _AMONG_BEFORE.search(opened)) or said_of
    if whole.unit != figure.unit or not listed or re.search(r"[.;:!?]", opened):
        return ""
    if not _NEXT_IN_LIST.search(between) or re.search(r"[.;:!?]", between):
        return ""
    # "240 sous forme de ...", "415 pour l'urgence": the list goes on (not "et 420 familles
    # ont été reçues": a clause of its own)
    after = text[figure.quantity.end :]
    what = _what_sets_apart(after, _AND_OF if said_of else _APART)
    return "" if lemma((what.split() or [""])[0].lower()) in _TIMES_OF else what  # "l'an dernier"


def _set_apart(after: str, label: str) -> str:
    """A part's label, when it has none or only a participle ("relevant"): what sets it
    apart ("dont 15 au titre de nouvelles mesures" → "nouvelles mesures")."""
    concerning = label.lower().startswith("concernant ")  # "dont 441 concernant des BRSA"
    if label and (len(label.split()) > 1 or not label.lower().endswith("ant")) and not concerning:
        return label
    return _what_sets_apart(after) or label


def _what_sets_apart(after: str, apart: re.Pattern[str] = _APART) -> str:
    """The noun phrase after the words that set a part apart ("au titre de", "concernant
    des"); "" for none."""
    opens = apart.match(after)
    what = opening_phrase(_PHRASE_END.split(after[opens.end() :])[0]) if opens else ""
    return what if is_noun_phrase(what) else ""


def _concerning(figures: list[_Read], pair: tuple[_Read, _Read], between: str, after: str) -> bool:
    """Make the figure a part of the one before when it says whom of them it concerns
    ("1 274 accès à l'emploi ont été enregistrés, 441 concernant des BRSA"); False else."""
    previous, figure = pair
    if (
        previous.unit != figure.unit
        or figure.value >= previous.value
        or not _CONCERNING.match(after)
        or not re.fullmatch(r"[^.;:!?()]*,\s*", between)
    ):
        return False
    figure.part_of = figures.index(previous)
    figure.label = _what_sets_apart(after, _CONCERNING) or figure.label
    return True


def _part_doing(
    text: str, figures: list[_Read], pair: tuple[_Read, _Read], between: str, after: str
) -> tuple[str, int] | None:
    """A bare count after the whole its clause lists, named by what it does ("545 agents ont
    été formés : 157 travaillent en CER, tandis que 111 appartiennent aux RHS" → "agents
    formés travaillant en CER", "... appartenant aux RHS"), with the whole's index (the
    figure before, or its whole); None for none."""
    previous, figure = pair
    at = previous.part_of if previous.part_of is not None else figures.index(previous)
    whole = figures[at]
    doing = _DOING.match(after)
    if doing is None or figure.unit != "count" or whole.unit != "count" or not whole.label:
        return None
    if not _LISTED_AFTER.fullmatch(between) or figure.value >= whole.value:
        return None
    if previous is whole and ":" not in between:
        return None  # "545 agents ont été formés : 157 travaillent ...": a list the colon opens
    if previous is not whole and not _PART_WORDS.search(between):
        return None
    empty = lemma(doing["verb"]) in {"être", "avoir"}  # "sont", "ont": no act of theirs
    participle = "" if empty else present_participle(doing["verb"])
    rest = _CUT_END.sub("", " ".join(doing["rest"].split()))  # "en CER pour": "en CER"
    if not participle or not is_noun_phrase(rest) or len(rest.split()) < 2:
        return None
    return f"{whole.label} {participle} {rest}", at


# what a part does, right after it: "157 travaillent en CER", "111 appartiennent aux RHS"
_DOING = re.compile(
    r"[*\s]*(?P<verb>[a-zéèêëîïôûç]+(?:ent))\s+(?P<rest>(?:en|aux?|dans|à|au\s+sein\s+d[eu]s?|"
    r"pour|sur|de|du|des|d['’])\s*[^,.;:()!?*]{2,50}?)\s*(?=[,.;:()!?*]|$|\s(?:et|tandis|alors|qui)\s)",
    re.IGNORECASE,
)
# between a whole and its parts, or a part and the next: "... ont été formés : ", ", tandis que"
_LISTED_AFTER = re.compile(r"[^.;!?]*?[:,]?\s*(?:tandis\s+que|alors\s+que|et)?[*\s]*", re.I)
_PART_WORDS = re.compile(r"[,]|\b(?:tandis\s+que|alors\s+que|et)\b", re.IGNORECASE)


# what a part concerns, right after it: "441 concernant des BRSA"
# (whole words: "337 demandeurs" is no "de" + "mandeurs")
_PART_ARTICLE = r"(?:(?:la|le|les|leurs?|des|du|de)\s+|[ld]['’]\s*)"
_CONCERNING = re.compile(rf"\s*concernant\s+{_PART_ARTICLE}", re.IGNORECASE)
# the next part of such a list, its "concernant" left out: "et 337 des jeunes de moins de 26 ans"
_AND_OF = re.compile(rf"\s*(?:concernant\s+)?{_PART_ARTICLE}", re.IGNORECASE)


def _out_of_fronted(text: str, figure: _Read, previous: _Read, between: str, after: str) -> str:
    """A bare figure after a whole its sentence opens with "Sur": "Sur 860 personnes
    orientées, 450 ont trouvé un emploi" → "personnes orientées ayant trouvé un emploi";
    "Sur 337 M€ de masse salariale au total, 248 M€ concernent les agents autres que les
    assistants familiaux" → "masse salariale concernant les agents autres que ..."; "" for
    another figure."""
    opened = _OUT_OF_OPENS.search(text[: previous.quantity.start].replace("*", " "))
    if (
        opened is None
        or (figure.label and not is_verb(figure.label.split()[0]))  # "Participent au ..."
        or not previous.label
        or figure.unit != previous.unit
        or figure.unit in {"pct", "pct_change"}
        or figure.value > previous.value  # "Sur 2 sites, 450 ...": no part of them
        or lemma((previous.label.split() or [""])[-1].lower()) in TIME_NOUNS
        or lemma((previous.label.split() or [""])[0].lower()) in TIME_NOUNS
        or not _ONE_CLAUSE_BEFORE.fullmatch(between.replace("*", " "))
    ):
        return ""
    whole = _BRACKETED.sub("", previous.label).strip()
    done = _part_done(after, previous)
    if done:  # "dont 1 079 ont été attribués à ..."
        return done
    acted = _OUT_OF_ACT.match(after.replace("*", " "))
    if acted is None:
        return ""
    verb, what = acted["verb"], " ".join(acted["what"].split()[:_DESCRIPTION_WORDS])
    what = " ".join(_without_trailing(what.split()))
    if acted["participle"]:  # "450 ont trouvé un emploi"
        if not is_participle(acted["participle"]):
            return ""  # "450 ont plus de 60 ans": no act
        return f"{whole} ayant {acted['participle']} {what}".strip()
    base = lemma(verb)
    if not is_verb(verb) or not base.endswith("er"):
        return ""
    stem = base[:-2]  # "concernent" → "concernant", "logent" → "logeant", "commencent"
    stem = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
    return f"{whole} {stem}ant {what}".strip()


# a sentence or clause that opens on its whole: "Sur 860 personnes", "sur un total de 337 M€"
_OUT_OF_OPENS = re.compile(
    r"(?:^|[.;:!?]\s+|^[\s\-–◆•]+)sur\s+(?:un\s+total\s+de\s+|les\s+)?$", re.IGNORECASE
)
# the whole's own words, then the comma before its part: "de masse salariale au total, "
_ONE_CLAUSE_BEFORE = re.compile(r"[^,;.:()\d]{0,80},\s*")
# what the part did or what it is of: "ont trouvé un emploi", "concernent les agents ..."
_OUT_OF_ACT = re.compile(
    r"^\s*(?:(?:ont|a)\s+(?P<participle>[^\W\d_]+(?:é|ée|és|ées|i|is|u|us|t|ts))\b"
    r"|(?P<verb>[^\W\d_]+ent))\s*(?P<what>[^,;.:()\d]{0,120})",
    re.IGNORECASE,
)


def _part_done(after: str, whole: _Read) -> str:
    """A bare part's label, from what was done to it: "2 294 marchés, dont 1 079 ont été
    attribués à des entreprises du Pas-de-Calais" → "marchés attribués à des entreprises du
    Pas-de-Calais"; "" when no participle follows the part."""
    done = _PART_DONE.match(after)
    head = (whole.label.split() or [""])[0]
    noun = head if head.isupper() else head.lower()  # "EHPAD", not "ehpad"
    if done is None or not noun or not is_participle(done["done"]):
        return ""
    rest = done["rest"] or ""
    if rest and done.end("rest") < len(after) and after[done.end("rest")].isalpha():
        rest = rest.rsplit(" ", 1)[0]  # cut at the limit: no word cut in two
    words = rest.split()
    while words and words[-1].lower().strip("'’") in _TRAILING_WORDS:
        words.pop()  # "à des entreprises de moins de": not its last "de"
    return " ".join([noun, done["done"], *words])


# "dont 1 079 ont été attribués à des entreprises ...": what was done to the part (passive:
# "dont 120 ont obtenu leur diplôme" is what they did, not what was done to them)
_PART_REST = 60
_TRAILING_WORDS = frozenset({"de", "du", "des", "d", "à", "au", "aux", "la", "le", "les", "l",
                             "en", "et", "sur", "par", "pour", "moins", "plus"})  # fmt: skip
_PART_DONE = re.compile(
    r"^\s*\**\s*(?:ont\s+été|a\s+été|sont|est)\s+(?:\w+ment\s+)?(?P<done>[^\W\d_]+)"
    rf"(?P<rest>\s+(?:à|au|aux|en|dans|par|pour)\s+[^,;.()\d]{{2,{_PART_REST}}})?",
    re.IGNORECASE,
)


def _bracket_whole(text: str, q: Quantity, before: list[Quantity]) -> int | None:
    """The figure a bracket that holds `q` follows, when the bracket opens right after that
    figure's noun phrase ("82 écoles aidées (7 ressources, ...)"); None otherwise."""
    opening = text.rfind("(", 0, q.start)
    if opening < 0 or text.rfind(")", 0, q.start) > opening:
        return None
    candidates = [n for n, other in enumerate(before) if other.end <= opening]
    if not candidates:
        return None
    n = candidates[-1]
    words = text[before[n].end : opening].split()
    # not "territorial (13) et local (19)": a figure in a bracket of its own is no whole
    return (
        n
        if 0 < len(words) <= 5 and not re.search(r"[,;.:)]", text[before[n].end : opening])
        else None
    )


# measures that may be of what a count before them counts
_MEASURES = frozenset({"ha", "km2", "m2", "km", "m"})
_IN_BRACKET = re.compile(r"\(\s*$")
_MORE_IN_BRACKET = re.compile(r"[^()]*?\d")
_ITEM_WORDS = 12
_CLOSES_ITEM = re.compile(r"[\s*]*\)[\s.;]*$")  # "... (21 120)." at the end of its item
# "cinés - débats ont été organisés": a noun, then the clause goes on with its verb or ends
_JOINED_NOUN = re.compile(
    r"\s[-–]\s(?P<second>[a-zéèê]{3,}s?)(?=\s*(?:[,.;:)]|$|\s(?:ont|sont|a|est|se|s['’])\b))"
)
_PEAKS_AT = re.compile(r"\s(?:qui\s+)?(?:a\s+)?culmin(?:e|ent|ait|ant|é)\s+à\s*$", re.IGNORECASE)
# its own size before "qui culmine": "de 40 mètres", ", haut de quarante mètres,"
_MEASURED_BEFORE = re.compile(
    r"\s*,?\s+(?:(?:haute?s?|longue?s?|larges?)\s+)?(?:de|d['’])\s*[\w\s,.-]+?\s*(?:mètres|m)"
    r"\s*,?\s*$"
)
_ALTITUDE = "altitude"
# the adjectives of a size: "long de 801 km", "haute de 40 mètres"
_SIZE_WORDS = r"longu?e?s?|larges?|hautu?e?s?|profonde?s?"
# a label that closes on the adjective of its size: "voiries départementales long"
_SIZED = re.compile(rf"^(?:(?P<what>.+?)\s+)?(?P<size>{_SIZE_WORDS})$", re.IGNORECASE)
_SIZE_BEFORE = re.compile(rf"[\s,]*(?:{_SIZE_WORDS})\s+(?:de|d['’])\s*$", re.IGNORECASE)
_SIZES = {"long": "longueur", "larg": "largeur", "haut": "hauteur", "prof": "profondeur"}
# what a measure is the extent of: "qui s'étend sur", "couvre", "long de"
_SPREAD = re.compile(
    r"\b(?:s['’](?:étend|étendent|étale|étire|étirent)\s+sur|couvr(?:e|ent)|mesur(?:e|ent)|"
    rf"(?:{_SIZE_WORDS})\s+de|d['’]une\s+(?:superficie|surface|longueur)\s+de)\s*$",
    re.IGNORECASE,
)
_CONTEXT_OF = re.compile(r"\(([^()]+)\)$")
# "..., qui était de 27 jours, n'est plus que de 4 jours": a value before and one after
_WAS = re.compile(r"\s*,?\s*qui\s+(?:était|étaient|s['’]élevait\s+à)\s+(?:de\s+)?$", re.I)
# what a quantity came to: "est passé à", "a été ramenée à", "est tombé à"
_CAME_TO = (
    r"(?:est|sont|a\s+été|ont\s+été)\s+"
    r"(?:passé|tombé|descendu|monté|ramené|réduit|porté)e?s?\s+à"
)
_NOW_IS = re.compile(
    r"\s*,?\s*(?:n['’](?:est|sont)\s+plus\s+que\s+(?:de\s+)?|est\s+(?:désormais|aujourd['’]hui)"
    rf"\s+(?:de\s+)?|{_CAME_TO}\s+)",
    re.I,
)
_FOR_WHAT = re.compile(
    r"\s*,\s*(?P<what>pour\s+(?:les|des)\s+(?!(?:\w+\s+)?(?:fois|années?|ans|raisons?|causes?)\b)"
    r"[^,]{3,50}?)\s*,?\s*$",
    re.IGNORECASE,
)
_RANGE_BETWEEN = re.compile(r"^\s*(?:à|-|–)\s*$")
# an adjective alone before a bracketed figure, after a comma or "et": "..., territorial (13"
_ADJECTIVE_REACH = 30  # characters before a bracketed figure its adjective stands in
_ADJECTIVE_BRACKETED = re.compile(r"(?:,|\bet)\s+(?P<adjective>[a-zéèêàç-]+)\s*\(\s*\**\s*$")
# the fractions a share is said by: "un quart", "la moitié", "deux tiers"
_FRACTIONS = r"trois\s+quarts|deux\s+tiers|quart|tiers|cinquième|dixième|moitié"
# what a share or a fraction counts, after it: "% des demandeurs", "moitié des communes"
_SHARE_OF = re.compile(
    rf"^(?:%|pour\s+cent|{_FRACTIONS}|majorité)\s+(?:des|de\s+la|de\s+l['’]|du|de|d['’])\s*",
    re.IGNORECASE,
)
# a share named by the fraction it rounds to: "Près d'un quart des habitants (24,9 %)"
_FRACTION_OF = re.compile(
    rf"^(?:part\s*:\s*)?(?:une?\s+|la\s+)?(?:{_FRACTIONS})\s+(?P<rest>(?:de|du|des|d['’]).+)$",
    re.IGNORECASE,
)
_YEAR_OF_BEFORE = re.compile(r"^\s*en\s+(?:19|20)\d{2}\b", re.IGNORECASE)


def _figures_of(text: str, entities: EntityCatalog) -> tuple[list[Quantity], set[int]]:
    """The line's figures, and which of them end a range ("200 à 400": one fact, both ends).
    Numbers listed before the one that carries the unit share it ("(3, 5 et 8 km)"): the
    number reader gives them that unit."""
    found = [
        (q, ignorable_reason(text, q.start, q.end, running_text=True, entities=entities))
        for q in find_quantities(text, cardinals=True)
        if q.value is not None
    ]
    candidates = [
        (q, reason) for q, reason in found if reason in {None, "other end of a range already kept"}
    ]
    kept: list[Quantity] = []
    range_ends: set[int] = set()
    for q, reason in candidates:
        between = text[kept[-1].end : q.start] if kept else ""
        ranged = (
            kept
            and (
                _RANGE_BETWEEN.match(between)
                or (
                    re.fullmatch(r"\s*et\s*", between)
                    and re.search(r"\bentre\s+$", text[: kept[-1].start], re.IGNORECASE)
                )
            )
            and kept[-1].unit == q.unit
            and not FROM_VALUE.search(text[: kept[-1].start])
        )
        # "passé de 200 à 400": the value after is a figure of its own, not a range's end
        from_to = (
            kept and _RANGE_BETWEEN.match(between) and FROM_VALUE.search(text[: kept[-1].start])
        )
        if ranged:
            range_ends.add(len(kept))
            kept.append(q)
        elif reason is None or from_to:
            kept.append(q)
    return kept, range_ends


def _label(
    text: str, q: Quantity, after: str, unit: str, clause_start: int = 0, parse: Parse | None = None
) -> str:
    """The figure's noun phrase (`_noun_phrase`), never ending on a function word ("... du
    collège Cousteau et de" is "... du collège Cousteau"), nor a mention of taxes alone."""
    if unit == "pct" and parse is not None and (shared := _share_in_brackets(text, q, parse)):
        return shared  # "vers la sphère solidarité (57 %), la sphère professionnelle (19 %)"
    # "une enveloppe de **5,8 M€**": the bold marks are no words of the label
    label = _noun_phrase(text, q, after, unit, clause_start, parse).replace("*", " ")
    label += _given_over_to(text, q, label)
    label = _of_the_subject_after(text, q, unit) or _without_leading_word(label)
    label = _CUT_END.sub("", _SPREAD_TAIL.sub("", " ".join(label.split())))
    label = _not_cut(text, _named_in_full(text, label, q.end), q.end)
    label = _without_dangling(text, label, q.end, parse)
    if parse is not None and unit in UNIT_NOUNS and is_weak_label(parse, label, q.start):
        # "Mesures jeunesses : 2,55 M€ mobilisés", "les revalorisations ... ont été financées
        # par le Département à hauteur de 5,7 M€": what the line or the clause is about
        # the clause's own subject first ("Orientations : le financement de l'accompagnement
        # a nécessité 7,5 M€"), else what the line's heading names
        own = topic_of(parse, q.start, q.end)
        strong = (
            is_noun_phrase(own)
            and not is_weak_label(parse, own, q.start)
            and _OF_SOMETHING.search(own) is not None  # "financement de l'accompagnement"
            and lemma(own.split()[0].lower()) not in VAGUE_NOUNS | _SPENDERS
        )  # not "la collectivité a mobilisé 8 M€", "cette politique", "notre action"
        topic = own if strong and _heading_of(text, q) else _heading_of(text, q) or own
        given = _GIVEN_TO.match(text, q.end) if unit == "EUR" else None
        if given is not None and not is_participle(given["participle"]):
            given = None  # "2 M€ activités ..." is no participle
        if given is not None and is_noun_phrase(whom := opening_phrase(text[given.end() :])):
            # "635 000 € attribués aux 14 partenaires agricoles": given to them
            done = singular_participle(given["participle"])
            topic = f"montant {done} {given['to']} {whom}"
        # "montant soutenu : artistes" says what the Département did: not "Département soutenu"
        ours = _THE_DEPARTEMENT.match(topic) and re.match(rf"{UNIT_NOUNS[unit]} \w+ : ", label)
        if is_noun_phrase(topic) and not is_weak_label(parse, topic, q.start) and not ours:
            noun = UNIT_NOUNS[unit]
            label = topic if topic.lower().startswith(noun) else f"{noun} : {topic}"
    if (
        unit in UNIT_NOUNS
        and len(label.split()) == 1
        and is_participle(label)
        and text[q.end :].lstrip().lower().startswith(label.lower())
    ):
        # "24M€ mobilisés" (the participle after the amount; not "un délaissé de 9 000 m²")
        label = f"{UNIT_NOUNS[unit]} {singular_participle(label.lower())}"
    if unit == "count":
        label = _CHANGE_OF_COUNT.sub("", label)
        per = _PER.match(text, q.end)
        if per and label and " par " not in label and lemma(label.split()[0]) == lemma(per[1]):
            label = f"{label} par {per['per']}"  # "11 000 véhicules par jour": a rate
        reached = _REACHED.search(text[: q.start])
        if reached and label and "(" not in label and is_action(lemma(reached["action"])):
            # "Concertations auprès d'une centaine de jeunes": the people the action reached
            label = f"{label} ({reached['action'].lower()})"
    under = UNDER_HEADING.match(text, q.end) if unit in UNIT_NOUNS else None
    if under is not None and is_noun_phrase(what := opening_phrase(text[under.end() :])):
        # "112 000 € au titre de la MMU et 205 000 € au titre de la contractualisation"; a
        # label of its own keeps it and says under what ("... (plan de relance)")
        label = f"{label} ({what})" if label else f"{UNIT_NOUNS[unit]} ({what})"
    if _only_a_name(label) and (item := _dashed_item(text, q, clause_start)) is not None:
        # "Calais MLK - réaménagement de la cour : 25 000 €": the name says where, the item's
        # description what
        described = _description(item)
        if described:
            label = f"{UNIT_NOUNS[unit]} : {described}" if unit in UNIT_NOUNS else described
    label = _of_the_heading(text, q, unit, label)
    kept_at = _KEPT_AT.match(label) if _AT_THE_VALUE.search(text, 0, q.start) else None
    label = kept_at["what"] if kept_at else label  # "le maintien du tarif du repas à 3,06 €"
    label = _for_whom_or_alike(text, q, unit, label, held=kept_at is not None)
    label = _said_plainly(label, unit)
    label = _act_of(text[: q.start], label) if unit in UNIT_NOUNS else label
    label = _for_what(text, q, label) if unit == "EUR" else label
    label = _of_a_budget_kind(text, q, label) if unit == "EUR" else label
    label = _what_amounted_to_it(text, q, label) if unit == "EUR" else label
    label = _said_an_amount(text, q, unit, label)
    if parse is not None and label:
        label = _without_leading_verb(parse, text, label, q.start)
    if unit in UNIT_NOUNS and _TAXES.fullmatch(label):
        # "un montant total de 110 000 € TTC": taxes in or out say how it is counted, not what
        before = phrase_before(text[: q.start])
        label = before if is_noun_phrase(before) else f"{UNIT_NOUNS[unit]} {label}"
    return label if is_noun_phrase(label) else ""


def _for_whom_or_alike(text: str, q: Quantity, unit: str, label: str, *, held: bool) -> str:
    """A price held at its value with whom it is for ("le maintien du tarif du repas à
    3,06 € pour les collégiens demi-pensionnaires"); "autres X" with what they were, as the
    subject ("a été retenu avec 3 autres départements" → "Autres départements retenus")."""
    whom = _PRICE_FOR_WHOM.match(text, q.end) if held else None
    who = _WHOM_ENDS.split(whom["who"], maxsplit=1)[0].split() if whom is not None else []
    if len(who) > 2 and not set(w.lower() for w in who) & _TIME_NOUNS:
        # "pour les collégiens demi-pensionnaires malgré le contexte ...": whom, not when
        return f"{label} {' '.join(who)}"
    along = _ALONG_WITH.search(text, 0, q.start) if unit == "count" else None
    others = label.split()
    if (
        along is not None
        and len(others) == 2
        and others[0].lower() == "autres"
        and is_participle(along["done"])
    ):
        done = along["done"].lower().rstrip("s")
        if noun_gender(others[1]) == "Fem" and not done.endswith("e"):
            done += "e"  # "9 autres collectivités choisies"
        return f"{label} {done}s"
    return label


# a noun phrase with its complement; the bodies or policies that spend, never what is spent
_OF_SOMETHING = re.compile(r"\s(?:de|du|des|d['’])\b")
_SPENDERS = frozenset({"collectivité", "département", "politique", "action", "dispositif"})
# whom a price held at its value is for: "à 3,06 € pour les collégiens demi-pensionnaires"
_PRICE_FOR_WHOM = re.compile(r"\s+(?P<who>pour\s+(?:les|la|le|l['’])\s*[a-zéèêàâç][^,.;:()]{2,80})")
_WHOM_ENDS = re.compile(r"\s(?:malgré|et|mais|afin|car|dont|qui|grâce|depuis|alors)\b")
# "le Département ... a été retenu avec 3 autres départements": what the others were too
_ALONG_WITH = re.compile(
    r"\b(?:a|ont)\s+(?:ainsi\s+|également\s+|aussi\s+)?été\s+(?P<done>\w+)\s+"
    r"(?:\w+\s+)?avec\s+$",
    re.IGNORECASE,
)
# what holds a value at the figure rather than counts: "le maintien du tarif du repas à
# 3,06 €" is the price, kept
_KEPT_AT = re.compile(
    r"^(?:maintien|gel|fixation|relèvement|passage)\s+(?:du|de\s+la|de\s+l['’]|des)\s*"
    r"(?P<what>\S.*)$",
    re.IGNORECASE,
)
_AT_THE_VALUE = re.compile(r"\s(?:à|au\s+niveau\s+de)\s*$")


def _of_the_heading(text: str, q: Quantity, unit: str, label: str) -> str:
    """A measure named by what was done ("Montant : renforcement structurel ...") with what
    the line's heading says it was done to ("- ◆ RD 165 Bénifontaine - Carvin : renforcement
    structurel ... : 4,8 M€" → "... (RD 165 Bénifontaine - Carvin)"); the label as it is
    when the heading is in it already or the line has none."""
    if unit not in UNIT_NOUNS or not label.lower().startswith(f"{UNIT_NOUNS[unit]} : "):
        return label
    heading = _heading_of(text, q)
    if (
        not is_noun_phrase(heading)
        or len(heading.split()) < 2  # "Orientations : ..."
        or "(" in heading + label
        or _NOT_A_TOPIC.match(heading)  # "Pour améliorer l'accueil ... :", "Plusieurs ..."
        or _LIST_LEAD_IN.match(heading)  # "Les autres opérations sont les suivantes :"
        or FINITE_AUXILIARY.search(heading)  # "Plusieurs chantiers ont été menés :"
        or set(lemmas(heading)) <= set(lemmas(label))
    ):
        return label
    return f"{label} ({heading})"


# a heading that leads into a list or a moment rather than names what its items were done to
# (beside `_NOT_A_TOPIC`'s aims and quantifiers)
_LIST_LEAD_IN = re.compile(
    r"^(?:les\s+autres|autres|quelques|principales?|principaux|à|au|aux|moment|temps)\b",
    re.IGNORECASE,
)


def _generated_by(text: str, q: Quantity, label: str) -> str:
    """An amount or a count a thing brought about, said "X générant une contribution de N":
    what it is of is X ("la mobilisation des fonds européens FEDER 3B (convention
    2014/2020) et FEDER 3C générant une contribution de 4 753 558 €" → "contribution (fonds
    européens FEDER 3B et FEDER 3C)"), not what frames the sentence."""
    said = _GENERATING.search(_BRACKETED.sub("", text[: q.start]))
    head = _BRACKETED.sub("", label).strip()
    if said is None or not head or lemma(head.split()[0]) != lemma(said["what"]):
        return label
    if not _MOBILISED.search(said["who"]):
        return label  # "Le Département a accompagné ... générant une production de": who did
    who = opening_phrase(_MOBILISED.sub("", said["who"]).strip())
    return f"{head} ({' '.join(who.split())})" if is_noun_phrase(who) else label


# "... des fonds européens FEDER 3B et FEDER 3C générant une contribution de 4 753 558 €"
_GENERATING = re.compile(
    r"(?P<who>[^,;:.]{3,120}?)\s+(?:générant|apportant|dégageant|permettant)\s+"
    r"(?:une?|des)\s+(?P<what>[\w-]+)\s+(?:de|d['’])\s*$",
    re.IGNORECASE,
)
_MOBILISED = re.compile(r"^.*?\b(?:la\s+)?mobilisation\s+(?:des|du|de\s+la|de)\s+", re.IGNORECASE)


def _funding(label: str, unit: str) -> str:
    """An amount labelled by the project it funded is that funding: "Projet financé par le
    FARDA" (87 500 €) → "Financement du projet par le FARDA", "Projet accompagné (fonds
    d'innovation territoriale)" → "Accompagnement du projet (fonds d'innovation
    territoriale)"."""
    funded = _PROJECT_FUNDED.match(label) if unit == "EUR" else None
    if funded is None:
        return label
    if _WHOLE_COST.search(funded["rest"]):
        return label  # "Projet financé par le FARDA d'un montant total de": its cost
    act = _FUNDING_ACTS[funded["done"].lower().rstrip("s")]
    return f"{act}{funded['rest']}"


_FUNDING_ACTS = {
    "financé": "Financement du projet", "accompagné": "Accompagnement du projet",
    "soutenu": "Soutien au projet", "aidé": "Aide au projet",
    "subventionné": "Subvention au projet", "cofinancé": "Cofinancement du projet",
}  # fmt: skip
_WHOLE_COST = re.compile(r"\b(?:montant\s+total|coût\s+total|coût)\b", re.IGNORECASE)
_PROJECT_FUNDED = re.compile(
    rf"^projet\s+(?P<done>{'|'.join(_FUNDING_ACTS)})s?\b(?P<rest>.*)$", re.IGNORECASE
)


def _measured(label: str, unit: str) -> str:
    """A length or an area labelled by what it measures says so: "1,5 km de tapis ultra
    mince" → "longueur : tapis ultra mince", "un parc immobilier de près d'1 million de m²"
    → "surface : parc immobilier"; a label that names its measure stays ("Superficie",
    "Hauteur de chute")."""
    noun = UNIT_NOUNS.get(unit) if unit in _MEASURED_UNITS else None
    words = label.split()
    if noun is None or not words[:1] or not words[0][:1].isalpha():
        return label
    if {lemma(w.lower().strip("(),")) for w in words} & _MEASURE_NOUNS:
        return label
    acronym = label[:2] == label[:2].upper()  # "EV5", "RD 165": a name keeps its capitals
    return f"{noun} : {label if acronym else label[:1].lower() + label[1:]}"


def _for_what(text: str, q: Quantity, label: str) -> str:
    """A short amount's label with what the amount is for, when the words after it say so
    with a verb: "une enveloppe financière de 23,6 M€, destinée à compenser la
    revalorisation ..." → "enveloppe financière destinée à compenser la revalorisation ...";
    "une participation départementale de 46 000 € pour sécuriser l'entrée de la commune"."""
    words = label.split()
    purpose = _PURPOSE.match(text, q.end)
    if purpose is None or not words or len(words) > _SHORT_LABEL or "(" in label:
        return label
    if not past_participle(purpose["verb"].lower()):
        return label  # "pour notre territoire", "pour quatre associations": no infinitive
    if not _AMOUNT_OF_NOUN.search(text, 0, q.start):
        return label  # "X de N €": the amount is of the noun before it, not a verb's object
    what = _CLAUSE_CUT.split(text[purpose.end() :], maxsplit=1)[0].split()[:_PURPOSE_WORDS]
    what = _without_trailing(what)  # "... la revalorisation du point d'indice des" (agents)
    if len(what) < 2:
        return label
    kept = words[:-1] if len(words) > 1 and is_participle(words[-1]) else words
    return " ".join([*kept, " ".join(purpose["how"].split()), *what])


def _what_amounted_to_it(text: str, q: Quantity, label: str) -> str:
    """An amount a subject came to, named by its kind alone: "Les surfaces acquises, 34,58 ha
    au total, ont représenté une dépense de 1,27 M€" → "Dépense : surfaces acquises"."""
    said = _AMOUNTED_TO.search(text, 0, q.start)
    if (
        said is None
        or len(label.split()) != 1
        or lemma(label.lower()) != lemma(said["noun"].lower())
    ):
        return label
    opens = max(text.rfind(". ", 0, said.start()) + 1, 0)
    clause = _APPOSED_FIGURE.sub("", LIST_MARKERS.sub("", text[opens : said.start()])).strip()
    if (relative := _RELATIVE_END.search(clause)) is not None:
        # "12 ha de terrains qui ont ...": the noun the relative clause follows
        counted = _COUNTED_NOUN_END.search(clause, 0, relative.start())
        subject = counted["what"] if counted else phrase_before(clause[: relative.start()])
    else:
        last = clause.split(", ")[-1]  # not "Au total," nor a frame
        articled = bool(_ARTICLE_OPENS.match(last)) and not re.search(r"\d", last)
        subject = _subject_before(last) or (
            opening_phrase(LEADING_ARTICLE.sub("", last)) if articled else ""
        )
    return f"{label} : {subject}" if is_noun_phrase(subject) else label


# "ont représenté une dépense de": the amount a subject came to
_AMOUNTED_TO = re.compile(
    r"\s(?:ont|a)\s+(?:représenté|constitué|atteint|totalisé|nécessité)\s+"
    r"(?:une?|le|la|l['’])\s*(?P<noun>[^\W\d_]+)\s+(?:de|d['’])\s*"
    r"(?:plus\s+de\s+|près\s+de\s+)?[\s*]*$",
    re.IGNORECASE,
)
_RELATIVE_END = re.compile(r"\s+qui$")
_COUNTED_NOUN_END = re.compile(r"\d[\d\s,.]*\s*\w*\s+(?:de|d['’]|des)\s*(?P<what>[^\d,;:]+)$")
# a figure set in apposition in a subject: "Les surfaces acquises, 34,58 ha au total,"
_APPOSED_FIGURE = re.compile(r",\s*(?:[^,]|,(?=\d))*\d(?:[^,]|,(?=\d))*,?\s*$")


def _of_a_budget_kind(text: str, q: Quantity, label: str) -> str:
    """An amount "de droit commun" (or of a budget's other kinds) is that kind of amount,
    for what its words say: "16 145 € de droit commun pour la réalisation d'un équipement
    sportif de proximité" → "montant de droit commun : réalisation d'un équipement sportif
    de proximité"; the label otherwise."""
    if label.lower() not in _BUDGET_KINDS:
        return label
    of = "d'" if label[:1].lower() in "aeiouyhéèêàâ" else "de "
    kind = f"{UNIT_NOUNS['EUR']} {of}{label.lower()}"
    said = text.lower().find(label.lower(), q.end)
    purpose = _FOR_THE.match(text, said + len(label)) if said >= 0 else None
    # "pour la rénovation des collèges et 500 000 € de fonctionnement": up to the next figure
    words = _NEXT_AMOUNT.split(purpose["what"])[0].split() if purpose else []
    what = _without_trailing(words[:_PURPOSE_WORDS])
    if what and what[0].lower() in _TIME_NOUNS:
        return kind  # "pour l'année 2022", "pour la période 2022-2026": when, not what for
    return f"{kind} : {' '.join(what)}" if len(what) > 1 else kind


# where a purpose ends: the next amount ("et 500 000 € de fonctionnement"), a year
_NEXT_AMOUNT = re.compile(
    r"\s(?:et|ou)\s+(?=\d)|\s(?=\d[\d\s,.]*\s*(?:€|M€|k€|euros?|millions?|milliards?)(?!\w))"
    r"|\s(?=(?:19|20)\d\d\b)"
)
_TIME_NOUNS = frozenset({"année", "période", "exercice", "an", "mois", "semestre", "trimestre"})
# the kinds of a budget an amount may be "de" ("16 145 € de droit commun"), not what it buys
_BUDGET_KINDS = frozenset({"droit commun", "fonctionnement", "investissement"})
_FOR_THE = re.compile(
    r"\s+(?:pour|destinée?s?\s+à|au\s+titre\s+de)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?"
    r"(?P<what>[^,;:.()]+)",
    re.IGNORECASE,
)


def _act_of(before: str, label: str) -> str:
    """An amount labelled by who did what with it, said as the act: "Le Département
    contribue à hauteur de 143 M€" → "contribution du Département"; the label otherwise."""
    acts = _WHO_ACTS.match(label)
    act = _act_noun(acts["verb"]) if acts is not None else ""
    if acts is None or not act:
        return label
    said = re.search(rf"\b(?P<the>le|la|les|l['’])\s*{re.escape(acts['who'])}\b", before, re.I)
    the = said["the"].lower().replace("’", "'") if said is not None else ""
    elided = "d'" if acts["who"][:1].lower() in "aeiouyhéèêàâ" else "de "
    return f"{act} {_OF_ARTICLE.get(the, elided)}{acts['who']}"


def _said_plainly(label: str, unit: str) -> str:
    """A label that is a name, a verb of cost or of receiving, said as what it measures:
    "Andres" (a km) → "Longueur (Andres)"; "opération ayant coûté" → "coût : opération";
    "bénéficié d'une subvention" (a %) → "subvention"."""
    named = label and _only_a_name(label) and not _TAXES.fullmatch(label)
    if unit in UNIT_NOUNS and named and not all(map(is_french_word, label.split())):
        # "sur Andres sur plus de deux kilomètres" (not "Acquisition de près de 35 ha", a
        # common noun that opens its sentence)
        return f"{UNIT_NOUNS[unit]} ({label})"
    if unit in UNIT_NOUNS and (cost := _COST_OF.match(label)) is not None:
        return f"coût : {cost['what']}"  # "l'opération a coûté 261 300 €"
    if unit == "EUR" and (done := _ACTS_ON_AMOUNTS.get(label.lower())) is not None:
        return f"montant {done}"  # "a permis l'obtention de 43 millions d'euros"
    received = _RECEIVED.match(label) if unit in {"EUR", "pct"} else None
    if received is not None:
        return received["what"]  # "a bénéficié d'une subvention de 36 %": the subvention
    return label


def _without_leading_verb(parse: Parse, text: str, label: str, before: int) -> str:
    """A label that opens on an infinitive and its adverbs ("couvrir globalement les besoins
    d'emprise évaluée à 750 hectares") names the noun the verb governs: "besoins d'emprise"."""
    where = text.rfind(label, 0, before)
    words = parse.within(where, where + len(label)) if where >= 0 else []
    if not words or words[0].pos != "VERB" or "VerbForm=Inf" not in words[0].morph:
        return label
    noun = next((w for w in words[1:] if w.pos in {"NOUN", "PROPN"}), None)
    if noun is None or any(w.pos == "VERB" for w in words[1 : words.index(noun)]):
        return label
    rest = text[noun.start : where + len(label)]
    return rest if is_noun_phrase(rest) else label


def _only_a_name(label: str) -> bool:
    """A label that is names alone ("Calais MLK", "Marck", "LILL1"), or none: it says where
    or whom, not what is counted."""
    words = [w for w in re.findall(r"[\w'’]+", label) if w.lower() not in _NAME_LINKS]
    return all(w[:1].isupper() or any(c.isdigit() for c in w) for w in words)


def _dashed_item(text: str, q: Quantity, clause_start: int) -> list[str] | None:
    """The fields of the list item the figure closes, when the item is written with dashes
    between its fields ("Marck - Boris Vian - Remplacement de la toiture : 150 000 €",
    "Réhabilitation de bassins – RD 188 bassin LILL1 à Bourecq ... pour un coût de"); None
    for an item without, or a dated one ("10 octobre - Arena - Liévin")."""
    before = text[clause_start : q.start]
    ends = list(_SENTENCE_END.finditer(before))
    if re.search(r"\s[-–]\s*$", before) and LIST_MARKERS.match(text) and not clause_start:
        ends = []  # "- ◆ Poursuite du contournement ... . Réalisation ... – 4 M€": the item's
    item = LIST_MARKERS.sub("", before[ends[-1].end() if ends else 0 :])
    item = re.split(r":\s", item.rstrip(" :"))[-1]
    fields = [f.strip(" ,:+") for f in _DASHED_FIELD.split(item)]
    if len(fields) < 2 or _DATE_OPENS.match(fields[0]):
        return None
    return fields


def _description(fields: list[str]) -> str:
    """The first field of a dashed item that says what, not only where or whom ("" if none),
    cut after its noun phrase ("pour un coût global de" is not of it)."""
    for field in fields:
        if not _only_a_name(field) and is_noun_phrase(field):
            field = _INTRO.sub("", field).strip(" ,;:")
            # "réaménagement de la cour et remplacement de l'éclairage": two works, one item
            parts = [opening_phrase(p) for p in re.split(r"\s+et\s+", field)]
            whole = len(field.split()) <= _DESCRIPTION_WORDS and all(map(is_noun_phrase, parts))
            described = " et ".join(parts) if whole else opening_phrase(field)
            return described[:1].lower() + described[1:]
    return ""


def _item_places(
    text: str, figure: _Read, figures: list[_Read], places: Gazetteer
) -> dict[str, Entity] | None:
    """The communes a dashed item opens its fields with ("Calais MLK - réaménagement ... :
    25 000 €"), for its figure and for one added to it with "+" ("... + remplacement des
    verrières : 170 000 €"); None when the figure closes no dashed item."""
    n = figures.index(figure)
    start = figures[n - 1].quantity.end if n else 0
    fields = _dashed_item(text, figure.quantity, start)
    if fields is None:
        if n and text[start : figure.quantity.start].lstrip(" )").startswith("+"):
            return _item_places(text, figures[n - 1], figures, places)
        return None
    return {p.code: p for f in fields if (p := places.opens(f)) is not None}


def _not_cut(text: str, label: str, start: int) -> str:
    """A label never stops inside what it names: a proper name it began ("trailers au départ
    de l'Urban" + "Trail"), nor, when it reached its length, before the complement or the
    adjective that ends its last noun ("... des ESMS du secteur" + "du handicap", "... des
    pratiques" + "artistiques")."""
    framed, _, own = label.rpartition(" : ")  # "montant : réaménagement ...": its own words
    if framed and own:
        return f"{framed} : {_not_cut(text, own, start)}"
    where = text.find(label, start) if label else -1
    where = text.find(label) if label and where < 0 else where  # a label before its figure
    if where < 0:
        return label
    rest = text[where + len(label) :]
    last = label.split()[-1]
    joined = _JOINED_NOUN.match(rest) if len(label.split()) == 1 else None
    if joined is not None and _one_noun(joined["second"]):
        return f"{label}-{joined['second']}"  # "deux cinés - débats": one noun, "cinés-débats"
    begun = last.strip("'’")[-1:].isalpha() and re.sub(r"^[ld]['’]", "", last)[:1].isupper()
    if begun and (name := _NAME_RUNS_ON.match(rest)):
        return label + name.group(0)
    if last.lower() in _NAMED_BODIES and (name := _BODY_NAME.match(rest)):
        return label + name.group(0)  # "communes de la communauté de communes" + "de Desvres"
    if len(label.split()) < _LONG_LABEL:
        return label
    ending = _COMPLEMENT_ENDS.match(rest) or _ADJECTIVE_ENDS.match(rest)
    return label + ending.group(0) if ending else label


def _without_dangling(text: str, label: str, start: int, parse: Parse | None = None) -> str:
    """A label that ends on a participle whose complement it leaves out ("Dossiers de l'année
    consacrés" + "à expliquer la démarche", "réunions thématiques organisées pour
    collecter" + "leur avis"): with the place it says the participle happened at, when the
    parse gives one ("Établissements affiliés" + "à Accueil Paysan", `done_where`), else
    ended before that participle, when at least two words name what is counted ("Places
    créées" + "à Oignies" stays)."""
    words = label.split()
    # where the label ends in the text: its last words ("... ont participé aux 18 réunions
    # thématiques organisées pour collecter" is read "ayant participé aux réunions ...")
    tail = " ".join(words[-2:])
    where = text.find(tail, start) if words else -1
    where = text.find(tail) if words and where < 0 else where
    if where < 0 or not _GOES_ON.match(text, where + len(tail)):
        return label
    if parse is not None and is_participle(words[-1]) and (at := done_where(parse, label, start)):
        return f"{label} {at}"
    named = _TO_A_NAME.match(re.split(r"[,;.()]", text[where + len(tail) :], maxsplit=1)[0])
    if is_participle(words[-1]) and named is not None:  # "affiliés" + "à Accueil Paysan"
        return f"{label} {named.group(0).strip()}"
    for k in range(len(words) - 1, max(len(words) - _DANGLING_WORDS, 1), -1):
        if not (words[k].islower() and is_participle(words[k])) or words[k - 1] in _AUXILIARY:
            continue
        return _CUT_END.sub("", " ".join(words[:k])) if k >= 2 else label
    return label


# what goes on after a participle: its complement ("consacrés à expliquer", "mené avec",
# "mis en œuvre")
_GOES_ON = re.compile(
    r"\s+(?:à|au|aux|avec|pour|par|sur|auprès|leur|leurs|dans(?!\s+le\s+cadre)"
    r"|en(?!\s+(?:19|20)\d\d))\b",
    re.IGNORECASE,
)  # not a frame ("organisés dans le cadre des comptoirs", "initiée en 2022")
# a participle's complement that is a name: "à Accueil Paysan", "par la MDPH"
_TO_A_NAME = re.compile(
    r"\s+(?:à|au|aux|avec|par|auprès\s+(?:de|d['’]|du|des))\s+(?:(?:la|le|les)\s+|l['’]\s*)?"
    r"[A-ZÉ][\w'’-]*(?:\s+(?:[A-ZÉ][\w'’-]*|de|du|des|d['’]\w+)){0,3}\s*$"
)
_DANGLING_WORDS = 4  # how far from a label's end its dangling participle may be
_AUXILIARY = frozenset({"ayant", "étant", "Ayant", "Étant"})


def _one_noun(word: str) -> bool:
    """The second half of a noun written with a spaced dash ("débats"): no function word,
    verb or participle ("dont", "soit", "accompagnés")."""
    return (
        word.lower() not in _NAME_LINKS | {"dont", "soit", "puis", "mais", "donc", "ont", "sont"}
        and not is_verb(word)
        and not is_participle(word)
    )


def _named_in_full(text: str, label: str, start: int) -> str:
    """A label cut inside a name that the text spells out before its acronym: "54 Services
    d'Aide et d'Accompagnement à Domicile (SAAD)" → the whole name and its acronym, when the
    acronym is the initials of the name's capitalised words; else the label as it is."""
    where = text.find(label, start) if label and label[-1:].isalpha() else -1
    run = _NAME_RUN.match(text, where + len(label)) if where >= 0 else None
    if run is None:
        return label
    name = label + run["rest"]
    initials = "".join(w[0] for w in _CAPITALISED.findall(name)).upper()
    return f"{name} ({run['acronym']})" if initials == run["acronym"].upper() else label


def _heading_of(text: str, q: Quantity) -> str:
    """The words a line opens with before its colon, when the figure follows the colon
    ("Mesures jeunesses : 2,55 millions € mobilisés" → "Mesures jeunesses")."""
    unmarked = LIST_MARKERS.sub("", text)
    heading, end = line_heading(unmarked)
    if not heading or len(text) - len(unmarked) + end > q.start:
        return ""
    said = find_quantities(heading, cardinals=True)
    if said and said[0].start == 0:
        return ""  # "Plus de soixante-six : c'est le nombre de ...": a figure, no heading
    return heading if len(heading.split()) <= _HEADING_WORDS else ""


# "**7,3 M€**, tel est le montant alloué à l'accompagnement", "30 000, c'est le nombre de
# repas servis": the figure named after it by what it is
_THAT_IS = re.compile(
    rf"[*\s]*(?:{NOW_WORDS}\s*)?[,:]?\s*(?:tel(?:le)?s?\s+(?:est|sont)|c['’]est|voilà"
    r"|qui\s+(?:est|était|sera|fut))\s+"
    r"(?P<what>(?:le|la|les|l['’])\s*(?:montant|nombre|total|budget|somme|coût|enveloppe|"
    r"effectif|subvention|aide|dotation|participation|contribution|financement|délai|durée)\b"
    r"[^,.;:()!?]{0,80})",
    re.IGNORECASE,
)


# what may come before days a délai names after them: the sentence's opening, the days before
# ("Trente-trois jours auparavant, 11 jours désormais : tel est le délai ...")
_DAYS_OPEN = re.compile(
    rf"[-–◆•*\s]*(?:[\w-]+\s+jours?\s+{THEN_WORDS}\s*,\s*)?",
    re.IGNORECASE,
)


def _named_after_as(text: str, q: Quantity) -> str:
    """The noun phrase a cleft after the figure names it by: "7,3 M€, tel est le montant
    alloué à l'accompagnement" → "montant alloué à l'accompagnement"; "" for none."""
    said = _THAT_IS.match(text, q.end)
    what = opening_phrase(said["what"]) if said is not None else ""
    opens = max(text.rfind(". ", 0, q.start) + 1, 0)
    if re.match(r"(?:délai|durée)", what) and not _DAYS_OPEN.fullmatch(text, opens, q.start):
        return ""  # "L'opération a duré 3 jours, c'est la durée habituelle": a comparison
    # "le nombre de repas servis"; "le nombre d'inscrits": a noun alone, named so
    what, counted = re.subn(r"^nombre\s+(?:de\s+|d['’]\s*)", "", what)
    last = what.split()[-1] if what and said is not None else ""
    named = said["what"] if said is not None else ""
    aimed = _AIMED_AT.match(named, named.find(last) + len(last)) if last else None
    if aimed is not None:  # "le nombre d'inscrits à atteindre": a target, said so
        what = f"{what} {' '.join(aimed['aim'].split())}"
    rest = _BRACKETED.sub("", text[said.start("what") :]) if said is not None else ""
    whose = _WHOSE.match(rest, rest.find(last) + len(last)) if last and last in rest else None
    if whose is not None and len(what.split()) == 1 and not counted and what not in _NO_WHOSE:
        # "telle est la contribution que les fonds européens ... ont générée": the noun, what
        # was done to it and by whom ("aide accordée" when the Département did it)
        who = " ".join(whose["who"].split())
        by = "" if _THE_DEPARTEMENT.fullmatch(who) else f" par {whose['article']}{who}"
        done = whose["done"].lower()
        if is_noun_phrase(who) and is_participle(done):
            what = f"{what} {done}{by}"
        elif is_noun_phrase(who) and by:
            what = f"{what} ({who})"  # "que la CAF a pu verser": whose it is
    return what if is_noun_phrase(what) and (len(what.split()) > 1 or counted) else ""


# whose the noun a cleft names is: "la contribution que les fonds européens ... ont générée"
_WHOSE = re.compile(
    r"\s+que\s+(?P<article>(?:les|le|la)\s+|l['’]\s*)(?P<who>[^,;:.()]{3,60}?)\s+"
    r"(?:ont|a|avaient|avait)\s+(?:(?:ainsi|également|aussi|déjà|notamment|bien)\s+)?"
    r"(?P<done>[^\W\d_]+)",
    re.IGNORECASE,
)
_NO_WHOSE = frozenset({"nombre", "total", "montant", "somme"})  # say nothing alone


# what says a count is one to reach: "le nombre d'inscrits à atteindre"
_AIMED_AT = re.compile(r"\s+(?P<aim>à\s+atteindre|visée?s?|attendue?s?)\b", re.IGNORECASE)


# "soit environ 12 400 € par action": an amount for each of what the sentence counts
_PER_ITEM = re.compile(r"\s*par\s+(?P<what>[a-zéèêàâç]{3,}s?)(?=\s*(?:[,.;:)]|$))", re.IGNORECASE)
_TOTAL_NOUN = re.compile(
    r"\b(?P<noun>financement|montant|budget|enveloppe|coût|investissement|dépenses?)"
    r"\s+(?:total|global)e?s?\s+(?:de|d['’])",
    re.I,
)
_TIMES_OF = frozenset({"an", "année", "mois", "jour", "semaine", "trimestre", "semestre", "heure"})


def _per_item(text: str, q: Quantity, clause_start: int) -> str:
    """ "montant par action" for the 12 400 € of "139 actions, pour un financement total de
    1,72 M€, soit environ 12 400 € par action", "coût moyen par enfant" for "Le coût moyen
    s'élève à 1 200 € par enfant"; "" for another amount or a time ("par an")."""
    per = _PER_ITEM.match(text, q.end)
    if per is None or lemma(per["what"].lower()) in _TIMES_OF:
        return ""
    sentence_start = max(text.rfind(". ", 0, q.start) + 1, 0)
    totals = list(_TOTAL_NOUN.finditer(text, sentence_start, q.start))
    # "pour un financement total de 1,72 M€, soit environ 12 400 € par action": financement
    measure = _amounting(text[clause_start : q.start]) or (
        totals[-1]["noun"].lower() if totals else "montant"
    )
    return f"{measure} par {per['what'].lower()}"


def _noun_phrase(
    text: str, q: Quantity, after: str, unit: str, clause_start: int = 0, parse: Parse | None = None
) -> str:
    """The noun phrase of the figure: the noun the parse makes it quantify, else the words
    after it, else its subject before it, else (an amount in brackets, "Label : 15,6 M€",
    "pour un montant de") the clause it sums up."""
    named = (
        _named_after_as(text, q)
        or (_per_item(text, q, clause_start) if unit == "EUR" else "")
        or (_priced_before(text, q) if unit == "EUR" else "")
        or (_apposed_amount(text, q) if unit == "EUR" else "")
        or (_to_do_with(text, q) if unit == "EUR" else "")
        or (_of_the_antecedent(text, q, unit) if unit in UNIT_NOUNS else "")
        or (_spent(text, q) if unit == "EUR" else "")
        or (_of_the_height(text, q) if unit == "EUR" else "")
        or (_supported_at(text, q) if unit == "EUR" else "")
        or (_fronted_amount(text, q) if unit == "EUR" else "")
        or (_of_the_fund(text, q) if unit == "EUR" else "")
        or _clefted(text, q)
        or (_subject_of_both(text, q) if unit == "count" and not phrase_after(after) else "")
        or (_what_they_form(text, q) if unit == "count" else "")
        or _named_outright(text, q, unit, clause_start, parse)
        or _days_spent(text, q, unit)
        or _said_by_en(text, q, unit, clause_start)
        or _among_named_before(text, q, unit)
        or _among_the_heading(text, q, unit)
        or _answered(text, q)
        or _in_number(text, q, unit)
        or _counted_under_heading(text, q)
        or (_allowed_to(text, q) if unit == "count" else "")
    )
    if named:
        return named
    # "quatre des dix dossiers de l'année": a part of the whole after it, of what it counts
    whole = _whole_after(text, q) if unit == "count" else None
    label = phrase_after(text[whole:] if whole is not None else after)
    if parse is not None:  # "trente-six sites d'accueil maillent le Pas-de-Calais"
        label = _before_finite_verb(parse, text, label, q.end)
    counted = counted_phrase(parse, q.start, q.end) if parse is not None else ""
    if is_noun_phrase(counted) and (not is_noun_phrase(label) or _vaguer(label, counted)):
        label = counted
    if parse is not None and unit not in {"count", "pct", "pct_change"}:
        # an amount or a measure: what the parse says it is of, when the words after it
        # name no noun ("1 910 millions d'euros, adopté par ...")
        of = amount_phrase(parse, q.start, q.end)
        of = _listed_before(text[clause_start : q.start], of)
        if is_noun_phrase(of) and not _names_a_noun(parse, label):
            noun = UNIT_NOUNS.get(unit, "montant")
            return of if _names_a_noun(parse, of) else f"{noun} {of}"
    label = _share_base(text, q, after, unit, parse) or label
    label = _done_before(text, q, label, parse)
    if not is_noun_phrase(label):
        label = phrase_before(text[: q.start])
        if (
            label
            and unit in UNIT_NOUNS
            and len(label.split()) == 1
            and label.endswith(("é", "és", "ée", "ées"))
        ):
            # "les chaudières ... ont été remplacées pour un montant de": what was replaced;
            # else "versé" → "montant versé"
            subject = subject_of(parse, label, q.start) if parse is not None else ""
            # "le délai moyen de traitement est tombé à": what came to the value
            subject = subject or _amounting(text[clause_start : q.start])
            if subject and label.lower() in subject.lower():
                label = subject  # "projet accompagné": the participle is in it already
            else:
                label = f"{subject} {label}" if subject else f"{UNIT_NOUNS[unit]} {label}"
    if not is_noun_phrase(label) and parse is not None:
        label = _bracket_follows(text, q, unit, parse)
    if _SPREAD_OVER.match(text, q.end):  # "77 au total, réparties entre Oignies (23), ..."
        label = ""  # a participle of how it is spread: the line's heading names what it counts
    heading = _heading_of(text, q) if not is_noun_phrase(label) and not clause_start else ""
    if heading and re.fullmatch(r"[\s:*]*", text[text.find(heading) + len(heading) : q.start]):
        label = heading  # "Insertion par l'emploi : 5,5 millions €", whole
    if not is_noun_phrase(label):  # the clause since the figure before, if any
        label = _clause_subject(text[: q.start], clause_start)
    if not is_noun_phrase(label) and unit == "pct":
        # "Sur 860 personnes orientées, 52 % ont été dirigées vers France Travail, 31 % vers
        # ...": the share of the whole before them, as a key-figure line reads it
        # (the figures of its sentence that are figures: no year, date or code as a whole)
        opens = max(text.rfind(". ", 0, q.start) + 1, 0)
        ends = _SENTENCE_END.search(text, q.end)
        sentence = text[opens : ends.start() if ends is not None else len(text)]
        quantities = [
            other
            for other in find_quantities(sentence, cardinals=True)
            if ignorable_reason(sentence, other.start, other.end) is None
        ]
        at = [n for n, other in enumerate(quantities) if other.start == q.start - opens]
        label = share_of_whole(sentence, quantities, at[0]) if at else label
    label = re.sub(r"\s+", " ", label).strip(" :,;.-–—")
    if parse is not None and unit == "count" and label and "(" not in label:
        label = _of_what(parse, q, label)
    return label if is_noun_phrase(label) else ""


def _given_over_to(text: str, q: Quantity, label: str) -> str:
    """ " aux mesures jeunesses" for "enveloppe dédiée" in "Une enveloppe de 2,45 millions €
    a été dédiée aux mesures jeunesses": what a label named before its figure and ending on
    "dédié", "consacré", "destiné" or "alloué" was given over to, its participle right after
    the figure ("a été dédiée"); "" else."""
    last = label.split()[-1] if label else ""
    if not last.lower().startswith(_GIVEN_OVER_TO) or not is_participle(last):
        return ""
    if not re.search(rf"\b{re.escape(label.split()[0])}\b", text[: q.start], re.IGNORECASE):
        return ""  # "1832 places dédiées à la pratique": the phrase after it says it already
    written = re.match(rf"[\s*]*(?:a|ont)\s+été\s+{re.escape(last)}\b", text[q.end :])
    return _given_over_words(text, q.end + written.end()) if written is not None else ""


def _given_over_words(text: str, at: int) -> str:
    """ " à expliquer la démarche", " aux mesures jeunesses": the purpose a "consacré",
    "dédié" ... ending at `at` opens; "" for none, for a number or a place ("20 places
    réservées à 12 collèges", "... à Montreuil")."""
    said = _GIVEN_OVER.match(text, at)
    words = said["to"].split() if said is not None else []
    if any(w[:1].isdigit() or w[:1].isupper() for w in words):
        return ""
    return " " + " ".join(words) if 1 < len(words) <= _GIVEN_OVER_WORDS else ""


# an amount between commas after the noun phrase it is of: "ont décidé du budget annuel, de
# plus de 1,83 milliard d'euros, que ..." (not after "à": "versée à la commune de Lens, de")
def _to_do_with(text: str, q: Quantity) -> str:
    """What an amount standing alone is for, said by the infinitive after it: "au collège
    MLK, 23 000 € pour réaménager la cour de récréation et remplacer l'éclairage" →
    "montant pour réaménager la cour de récréation et remplacer l'éclairage"; "" for an
    amount of a noun or a verb ("une participation de 46 000 € pour ...", "a versé 2 M€
    pour ...": named by them)."""
    purpose = _PURPOSE.match(text, q.end)
    if purpose is None or not _STANDS_ALONE.search(text, 0, q.start):
        return ""  # "une participation de 46 000 € pour", "a versé 2 M€ pour": not alone
    if purpose["how"].lower() != "pour" or not past_participle(purpose["verb"].lower()):
        return ""
    words = re.split(
        r"[,;:.()\d]|\s(?:dont|qui|soit)\s|\set\s+(?=\d)", text[purpose.end() :], maxsplit=1
    )[0]
    what = _without_trailing(words.split()[:_TO_DO_WORDS])
    return f"montant pour {' '.join(what)}" if len(what) >= 2 else ""


_TO_DO_WORDS = 9
_STANDS_ALONE = re.compile(r"(?:[,;]|\bet)[\s*]*$")  # not a heading's "Titre : 5,5 M€ pour"


_APPOSED_AMOUNT = re.compile(
    r"(?<!\bà\s)(?:\b(?:du|des|le|la|les|un|une|son|sa|ses|leur)\s+|\b(?:de\s+la|de\s+l['’]|l['’])\s*)"
    r"(?P<what>[^\W\d_][^,;:.()\d]{2,60}?)\s*,\s*de\s+$",
    re.IGNORECASE,
)


def _apposed_amount(text: str, q: Quantity) -> str:
    """What an amount set between commas after a noun phrase is of: "ont décidé du budget
    annuel, de plus de 1,83 milliard d'euros, que ..." → "budget annuel"; "" otherwise."""
    apposed, at = None, 0
    while (later := _APPOSED_AMOUNT.search(text, at, q.start)) is not None:
        apposed, at = later, later.start() + 1  # the nearest noun phrase: "... du budget"
    if apposed is None or apposed.end() != q.start or not re.match(r"\s*,", text[q.end :]):
        return ""
    what = " ".join(apposed["what"].split())
    return what if is_noun_phrase(what) and not any(map(is_verb, what.split())) else ""


_LISTED_FOR = re.compile(r"^[\s*]*(?P<what>[^.;:()]{3,120}?)\s+pour\s+[\s*]*$", re.IGNORECASE)
_LISTED_WORDS = 10


# a thing and its price after a comma: "entre la contractualisation, pour 194 000 €, et la
# MMU, pour 111 000 €"
_PRICED_AFTER_COMMA = re.compile(r",[\s*]*pour[\s*]*$", re.IGNORECASE)  # not "pour un montant de"
# the amount a sentence opens on, which the things priced after it share: "La part
# départementale s'est répartie entre ..."
_SHARED_AMOUNT = re.compile(
    r"[\s*]*(?:(?:la|le|les)\s+|l['’]\s*)(?P<amount>(?:part|enveloppe|budget|montant|"
    r"participation|contribution|aide|subvention|dotation)s?(?:\s+[a-zéèêàâç]+(?:ale|al|aux|ales))?)"
    r"\s+(?!(?:de|du|des|d['’])\b)",
    re.IGNORECASE,
)


def _priced_before(text: str, q: Quantity) -> str:
    """ "part départementale : contractualisation" of "La part départementale s'est répartie
    entre la contractualisation, pour 194 000 €, et la MMU, pour 111 000 €"; "montant :
    voirie" of "... a financé la voirie, pour 194 000 €"; "" for no such pair."""
    sentence_start = max(text.rfind(". ", 0, q.start) + 1, 0)
    priced = _PRICED_AFTER_COMMA.search(text, sentence_start, q.start)
    before = text[sentence_start : priced.start()] if priced is not None else ""
    what = phrase_before(before) if before else ""
    said = re.search(rf"(?:^|\s)(?:(?:la|le|les)\s+|l['’]\s*){re.escape(what)}$", before, re.I)
    if not what or said is None or len(what.split()) > _PRICED_WORDS:
        return ""  # "Au total, pour 20 000 €": no thing priced
    shared = _SHARED_AMOUNT.match(text, sentence_start)
    return f"{shared['amount'].lower() if shared else 'montant'} : {what}"


_PRICED_WORDS = 6
# an amount said with what it is of: "Les 5,5 millions € du soutien aux structures
# culturelles ont financé ..."; "455 000 € du Département" is who paid, no such thing
_OF_THE_FUND = re.compile(
    r"[\s*]*(?:du|de\s+la|de\s+l['’]|des)\s*(?P<what>(?P<noun>[a-zéèêàâç]+)\b[^,.;:()!?]*)",
    re.IGNORECASE,
)


# a figure a cleft puts first, its subject after "que": "C'est à près de 132 900 € que
# s'élèvent les subventions accordées au titre du Fonds pêche"
_CLEFT_AT = re.compile(r"\bc['’]est\s+(?:à\s+|de\s+)?[\s*]*$", re.IGNORECASE)
_CLEFT_OVER = re.compile(
    r"\bc['’]est\s+(?:sur|en|dans)\s+(?:plus\s+de\s+|près\s+de\s+)?[\s*]*$", re.I
)
_CLEFT_AFTER = re.compile(
    r"[\s*]*qu(?:e\s+|['’]\s*)(?:s['’]\s*)?(?P<verb>[a-zéèêàâçî]+)\s+"
    r"(?P<what>(?:les?|la|l['’]|des|ses|leurs?)\s*[^,.;:()!?]+)",
    re.IGNORECASE,
)


def _clefted(text: str, q: Quantity) -> str:
    """ "subventions accordées au titre du Fonds pêche" of "C'est à près de 132 900 € que
    s'élèvent les subventions accordées au titre du Fonds pêche"; "" for no such cleft."""
    measured = q.unit in UNIT_NOUNS and q.unit not in {"EUR", "pct", "pct_change"}
    if q.unit not in {"EUR", "count"} and not measured:
        return ""  # "C'est de 12 % que progressent ...": a change, read as one
    if not (
        _CLEFT_AT.search(text, 0, q.start) or (measured and _CLEFT_OVER.search(text, 0, q.start))
    ):
        return ""
    after = _CLEFT_AFTER.match(text, q.end)
    if after is None or not is_verb(after["verb"]):
        return ""
    what = opening_phrase(after["what"])
    if measured and is_noun_phrase(what):
        # "C'est sur 1 858 ha que s'étend la propriété départementale"
        return f"{UNIT_NOUNS[q.unit]} : {LEADING_ARTICLE.sub('', what)}"
    return what if is_noun_phrase(what) else ""


def _of_the_fund(text: str, q: Quantity) -> str:
    """ "montant : soutien aux structures culturelles" of "Les 5,5 millions € du soutien aux
    structures culturelles ont financé ..."; "" for an amount not followed by such a noun."""
    of = _OF_THE_FUND.match(text, q.end)
    if of is None or lemma(of["noun"].lower()) not in _AMOUNT_NOUNS | _FUNDS:
        return ""
    words = of["what"].split()
    verbs = [n for n, w in enumerate(words) if n and w.islower() and is_verb(w)]
    what = " ".join(words[: verbs[0]] if verbs else words)
    return f"montant : {what}" if is_noun_phrase(what) and len(what.split()) <= 8 else ""


def _listed_before(before: str, of: str) -> str:
    """The whole list an amount's clause opens on, when the parse kept only its first item:
    "Soutien aux artistes, créations et projets avec la population pour 2,6 millions €" →
    "Soutien aux artistes, créations et projets avec la population" (not "Soutien aux
    artistes"); `of` otherwise."""
    listed = _LISTED_FOR.match(LIST_MARKERS.sub("", before))
    what = " ".join(listed["what"].split()).rstrip(" ,") if listed is not None else ""
    if not of or not what.startswith(f"{of},") or len(what.split()) > _LISTED_WORDS:
        return of  # "226 aides accordées, pour 0,42 M€": no list, the figure's own words
    return of if any(is_verb(w) for w in what.split()) else what


def _share_base(text: str, q: Quantity, after: str, unit: str, parse: Parse | None) -> str:
    """A share's label by its base: "28 % du montant des travaux" → "part du montant des
    travaux", up to the verb of its clause ("10,17 % de la population ... vit sur ..."); ""
    for no base."""
    base = re.match(r"^\s*(du|des|de\s+la|de\s+l['’]|d['’])\s*", after)
    if unit == "pct" and not base and _WEIGHT_BEFORE.search(text, 0, q.start):
        # "Un poids de 14,36 % dans la population du Pas-de-Calais": a share of that base
        base = re.match(r"^\s*(dans\s+la|dans\s+le|dans\s+les|dans\s+l['’])\s*", after)
    same = _IN_THE_SAME.match(after) if unit == "pct" and not base else None
    weighed = _WEIGHED_BEFORE.search(text, 0, q.start) if same is not None else None
    if same is not None and weighed is not None:
        # "Une population de 158 244 habitants, qui pèse pour 10,79 % dans celle du
        # Pas-de-Calais": a share of that noun of the whole
        return f"part : {weighed['noun'].lower()} {' '.join(same['whole'].split())}"
    if unit not in {"pct", "pct_change"} or not base:
        return ""
    counted = opening_phrase(after[base.end() :])
    if counted and parse is not None:
        counted = _before_finite_verb(parse, text, counted, q.end)
    article = base.group(1) if base.group(1)[-1] in "'’" else base.group(1) + " "
    one = re.match(r"(une?)\s", after[base.end() :])  # "28 % d'un montant de travaux"
    article = f"{article}{one[1]} " if one and article[-1] in "'’" else article
    return f"{UNIT_NOUNS[unit]} {article}{counted}" if counted else ""


_WEIGHT_BEFORE = re.compile(r"\b(?:poids|part|proportion)\s+(?:de|d['’])\s*$", re.IGNORECASE)
# a share "dans celle du Pas-de-Calais": of the same noun as the phrase before, of that whole
_IN_THE_SAME = re.compile(
    r"\s*(?:dans|de)\s+(?:celle|celui|celles|ceux)\s+(?P<whole>(?:du|de\s+la|de\s+l['’]|des)\s*"
    r"[^,.;:()]{2,60}?)\s*(?=[,.;:()]|$)",
    re.IGNORECASE,
)
_WEIGHED_BEFORE = re.compile(
    r"\b(?:une?|la|le|l['’])\s*(?P<noun>[a-zéèêàâç]{4,})\s+(?:de|d['’])\s*[^,;()]{1,40},\s*qui\s+"
    r"(?:pèse|représente|compte)\s+(?:pour\s+)?(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
# "l'intervention à hauteur de 455 000€ du Département dans le programme pluriannuel
# d'investissement": the noun before the amount, its complement after it
_HEIGHT_BEFORE = re.compile(
    r"\b(?:l['’]\s*|la\s+|le\s+|une?\s+)(?P<noun>[a-zéèêàâç]{4,})\s+à\s+hauteur\s+"
    r"(?:de|d['’])\s*(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
_OF_AFTER_HEIGHT = re.compile(
    r"\s*(?P<of>(?:du|de\s+la|des|de\s+l['’])\s*[^,.;:()]{3,90}?)(?=\s*(?:[,.;:()]|$)|,)",
    re.IGNORECASE,
)
_HEIGHT_WORDS = 9
# what is given "à hauteur de" an amount
_SUPPORT_NOUNS = frozenset(
    {"intervention", "participation", "contribution", "aide", "soutien", "engagement",
     "accompagnement", "financement", "subvention", "apport", "investissement"}
)  # fmt: skip


def _of_the_height(text: str, q: Quantity) -> str:
    """An amount said as the height of something, with what it is of written after it:
    "l'intervention à hauteur de 455 000€ du Département dans le programme pluriannuel
    d'investissement" → "intervention du Département dans le programme pluriannuel
    d'investissement"; "" otherwise (the noun alone is left to the other readings)."""
    before = _HEIGHT_BEFORE.search(text[: q.start])
    after = _OF_AFTER_HEIGHT.match(text, q.end) if before is not None else None
    if before is None or after is None or before["noun"].lower() not in _SUPPORT_NOUNS:
        return ""  # "accompagne la commune à hauteur de": an object, not the support
    words = [before["noun"].lower(), *after["of"].split()]
    if len(words) > _HEIGHT_WORDS or any(w[:1].isdigit() or is_verb(w) for w in words):
        return ""
    return " ".join(words)


# "Le Département a accompagné ce projet à hauteur de 30 287€": the support, of its object
_SUPPORTED_AT = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?P<done>accompagné|soutenu|financé|cofinancé|aidé|"
    r"subventionné)\s+(?P<what>(?:ce|cet|cette|ces|le|la|les|l['’])\s*[^,.;:()\d]{3,60}?)\s+"
    r"à\s+hauteur\s+(?:de|d['’])\s*(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
_SUPPORTS = frozenset(
    {"accompagnement", "soutien", "financement", "cofinancement", "aide", "subvention"}
)
_POINTS_BACK = re.compile(r"(?:ce|cet|cette|ces)\s", re.IGNORECASE)
_SUPPORT_OF = {
    "accompagné": "accompagnement", "soutenu": "soutien", "financé": "financement",
    "cofinancé": "cofinancement", "aidé": "aide", "subventionné": "subvention",
}  # fmt: skip


def _subject_of_both(text: str, q: Quantity) -> str:
    """The subject two verbs share when the second comes to the figure: "les bilans ont
    progressé de 40 % par rapport à 2021 et s'établissent à 108" → "bilans"; "" else."""
    opens = max(
        text.rfind(". ", 0, q.start), text.rfind(": ", 0, q.start), text.rfind(", ", 0, q.start)
    )
    shared = _BOTH_VERBS.search(text[opens + 1 if opens >= 0 else 0 : q.start])
    what = opening_phrase(shared["subject"]) if shared is not None else ""
    return what if is_noun_phrase(what) and not _THE_DEPARTEMENT.fullmatch(what) else ""


# "<subject> ont progressé de 40 % par rapport à 2021 et s'établissent à": the second verb
# says what the figure is
_BOTH_VERBS = re.compile(
    r"^\s*(?:(?:les|le|la)\s+|l['’]\s*)(?P<subject>[^,;:.()\d]{2,60}?)\s+(?:ont|a|sont|est)\s+"
    r"[^\W\d_]+(?:é|ée|és|ées|i|is|u|us)\b[^;:.]*\set\s+(?:s['’]établi(?:ssen)?t|atteign(?:ent)"
    r"|atteint|s['’]él[eè]ve(?:nt)?|se\s+monte(?:nt)?|s['’]élève(?:nt)?)(?:\s+à)?[\s*]*$",
    re.IGNORECASE,
)


def _what_they_form(text: str, q: Quantity) -> str:
    """What a count of people forms: "Ce sont vingt-sept personnes qui forment l'effectif" →
    "effectif"; "" for another figure."""
    formed = _FORMS.match(text, q.end)
    return formed["what"] if formed is not None else ""


_FORMS = re.compile(
    r"[\s*]*(?:personnes|agents|salariés|membres)?[\s*]*\s+(?:qui\s+)?(?:forment|composent"
    r"|constituent)\s+(?:(?:le|la|les)\s+|l['’]\s*)(?P<what>effectifs?|personnel)\b",
    re.IGNORECASE,
)


def _fronted_amount(text: str, q: Quantity) -> str:
    """An amount a sentence opens with "Avec", then what it went to as the subject: "Avec
    4,2 M€, le contournement de Courrières (RD 919) s'est poursuivi" → "montant :
    contournement de Courrières"; "" for another figure."""
    if not _WITH_OPENS.search(LIST_MARKERS.sub("", text[: q.start]).replace("*", " ")):
        return ""
    subject = _SUBJECT_AFTER.match(text, q.end)
    what = opening_phrase(subject["what"]) if subject is not None else ""
    if not is_noun_phrase(what) or _THE_DEPARTEMENT.fullmatch(what):
        return ""
    return f"montant : {what}"


# a sentence that opens with "Avec" before its amount: "Avec 4,2 M€, ..."
_WITH_OPENS = re.compile(r"(?:^|[.;:!?]\s+)\s*avec\s+(?:près\s+de\s+|plus\s+de\s+)?$", re.I)
# the subject after the fronted amount, then its verb: ", le contournement de Courrières (RD
# 919) s'est poursuivi"
_SUBJECT_AFTER = re.compile(
    r"[\s*]*,\s*(?:le|la|les|l['’])\s*(?P<what>[^,;:.()]{3,80}?)(?:\s*\([^()]*\))?\s+"
    # what went on or was done with it (not "le Département a financé ...": who paid)
    r"(?:s['’]est|se\s+sont|a\s+été|ont\s+été)\s",
    re.IGNORECASE,
)


def _supported_at(text: str, q: Quantity) -> str:
    """An amount a verb gave its object "à hauteur de": "Le Département a accompagné ce
    projet à hauteur de 30 287€" → "accompagnement : projet"; "" otherwise."""
    said = _SUPPORTED_AT.search(text, 0, q.start)
    if said is not None and re.search(r"\b(?:a|ont|est|sont|et)\b", said["what"]):
        return ""  # "a accompagné la commune et a financé la toiture ... à hauteur de"
    what = opening_phrase(said["what"]) if said is not None else ""
    if said is None or not is_noun_phrase(what) or len(what.split()) > _FRAMING_WORDS:
        return ""
    sentence_start = max(text.rfind(". ", 0, q.start) + 1, 0)
    support = f"{_SUPPORT_OF[said['done'].lower()]} : {what}"
    if not _POINTS_BACK.match(said["what"]) or not sentence_start:
        return support
    # "... dont la restauration du pont « Baroën ». ... a accompagné ce projet": which one
    referred = _referred_to(text, sentence_start, q.start) or _named_before(
        text, q, sentence_start, len(text), True
    )
    return f"{support} ({referred})" if is_noun_phrase(referred) else support


# a preposition or an article before a relative clause's antecedent: "reposent sur un ..."
_BEFORE_ANTECEDENT = frozenset(
    {"sur", "à", "au", "aux", "de", "du", "des", "d", "dans", "pour", "par", "avec", "un", "une",
     "le", "la", "les", "l"}
)  # fmt: skip
# what never opens a label: a preposition and its article ("sur un linéaire total qui
# atteint 1 150 m"), a reflexive verb ("s'établit")
_LEADING_PREPOSITION = re.compile(r"^(?:sur|pour|dans|avec|par|vers|chez)\s+", re.IGNORECASE)
_REFLEXIVE = re.compile(r"^(?:s['’]|se\s)\s*\w", re.IGNORECASE)


def _without_leading_word(label: str) -> str:
    """A label without the preposition or article it opens with ("sur un linéaire total" →
    "linéaire total", "un budget voisin" → "budget voisin"); none for a reflexive verb."""
    if _REFLEXIVE.match(label):
        return ""
    label = _LEADING_PREPOSITION.sub("", label)
    article = LEADING_ARTICLE.match(label)
    named = article is not None and label[article.end() : article.end() + 1].isupper()
    return label if named else LEADING_ARTICLE.sub("", label)  # "La Coupole", "Le Portel"


# "D'un montant total de 2 860 000 €, ce projet a été accompagné ...": the subject's amount
_OF_AN_AMOUNT = re.compile(
    r"(?:^|[.;!?]\s+|^[\s\-–•◆*]+)d['’]un\s+(?P<measure>montant|coût|budget|investissement)"
    r"(?P<total>\s+total)?"
    r"\s+(?:de|d['’])\s*$",
    re.IGNORECASE,
)
_THEN_SUBJECT = re.compile(r"\s*,\s*(?P<what>(?:ce|cette|ces|le|la|les|l['’])\s*[^,;:.()]{3,60})")


def _of_the_subject_after(text: str, q: Quantity, unit: str) -> str:
    """An amount that opens its sentence "D'un montant total de 2 860 000 €, ce projet a été
    accompagné ...": the amount of the subject that follows ("montant total : projet"); ""
    otherwise."""
    opening = _OF_AN_AMOUNT.search(text, 0, q.start) if unit == "EUR" else None
    then = _THEN_SUBJECT.match(text, q.end) if opening is not None else None
    subject = re.split(r"\s(?:a|ont|est|sont|avait|avaient)\s", then["what"])[0] if then else ""
    what = opening_phrase(subject) if subject else ""
    if opening is None or not is_noun_phrase(what) or FINITE_AUXILIARY.search(what):
        return ""
    return f"{opening['measure'].lower()}{' total' if opening['total'] else ''} : {what}"


# "Parmi les inscrits, 7 130 ont mis en ligne un CV": the whole named before, a verb after
_AMONG_NAMED = re.compile(
    r"\bparmi\s+(?:les|ces|nos|leurs|l['’]ensemble\s+des)\s+(?P<whole>[^,;:.()]{2,60}?)"
    r"\s*,\s*(?:[a-zéèêàâç]+\s+){0,2}[*\s]*$",  # "Parmi les inscrits, près de 7 130"
    re.IGNORECASE,
)
_DID = re.compile(
    r"[*\s]+(?P<did>(?P<verb>ont|avaient|sont)\s+(?P<done>[\wéèêàâç'’-]+)[^,;:.()—]{0,80})"
)
# where what a count among a whole is ends: another clause, another figure ("120 sont
# titulaires du permis B et 30 sont salariés")
_STANDING_ENDS = re.compile(r"\s(?:et|ou|dont|qui|que|mais)\s|\s(?=\d)|\s(?:de|des)\s+(?=\d)")
# what a count among a whole may be, said with no article: "douze sont membres de l'équipe"
_STANDING = frozenset({"membres", "bénévoles", "adhérents", "titulaires", "salariés", "issus"})


# a relative pronoun the amount follows: "les travaux du pôle multimodal ..., auxquels
# 360 000 € ont été consacrés", "la politique ..., pour laquelle 47 000 € ont été mobilisés"
_RELATIVE_TO = re.compile(
    r"(?:,\s*|\s+et\s+)(?:auxquel(?:le)?s|auquel|à\s+laquelle|(?:pour|par)\s+(?:laquelle"
    r"|lequel|lesquel(?:le)?s)|(?P<subject>qui)\s+(?:couvre|couvrent|représente|représentent"
    r"|totalise|totalisent|mesure|mesurent|s['’]étend(?:ent)?\s+sur|s['’]élève(?:nt)?\s+à"
    # "équipements de la route, qui ont mobilisé 4,32 M€": what was spent on them
    rf"|(?P<acted>(?:ont|a)\s+(?:(?P<spent>{SPENT_VERBS})|coûté|nécessité|absorbé))))"
    r"\s*$",
    re.IGNORECASE,
)
_OF_A_NOUN = re.compile(r"\s*(?:de|d['’])\s*[a-zéèêàâç]", re.IGNORECASE)
_ANTECEDENT_ADVERB = re.compile(
    r"\s+(?:toujours|encore|déjà|désormais|actuellement|notamment|aujourd['’]hui)\b.*$",
    re.IGNORECASE,
)
_ANTECEDENT_WORDS = 12
_JOINED = re.compile(r"^\s*(?:ainsi\s+que|et|ou|mais\s+aussi|puis)\s+", re.IGNORECASE)
_RELATIVE_OPENS = re.compile(r"\s*(?:dont|qui|que|qu['’])\b", re.IGNORECASE)


def _of_the_antecedent(text: str, q: Quantity, unit: str) -> str:
    """An amount or a measure a relative clause gives to the noun phrase before it: "les
    travaux du pôle multimodal (parking relais) de Capécure, dont l'intercommunalité assure
    la maîtrise d'ouvrage et auxquels 360 000 € ont été consacrés" → "montant : travaux du
    pôle multimodal"; "des opérations d'aménagement foncier ..., qui couvrent quelque 23 300
    hectares" → "surface : opérations d'aménagement foncier"; "" for another figure."""
    relative = _RELATIVE_TO.search(text[: q.start])
    acted = relative is not None and relative["acted"] is not None
    if relative is None or (acted and (unit != "EUR" or _OF_A_NOUN.match(text, q.end))):
        return ""  # "les chantiers, qui ont nécessité 12 km de déviation": its own noun
    pieces = re.split(r",\s+", text[: relative.start()])
    while len(pieces) > 1 and _RELATIVE_OPENS.match(pieces[-1]):
        pieces.pop()  # "..., dont l'intercommunalité assure ... et auxquels": the same noun's
    if relative["subject"] and (len(pieces) > 2 or " et " in pieces[-1]):
        return ""  # "A, B et C, qui représentent 12 M€": of all of them, not of the last
    piece = _JOINED.sub("", LIST_MARKERS.sub("", pieces[-1]))  # "ainsi que la politique"
    piece = _ANTECEDENT_ADVERB.sub("", LEADING_ARTICLE.sub("", piece.strip()))
    # the whole phrase when it is short and says where ("... au collège Salengro de St
    # Martin Boulogne"), else its opening noun phrase
    whole = len(piece.split()) <= _ANTECEDENT_WORDS and not FINITE_AUXILIARY.search(piece)
    antecedent = piece if whole and not _PHRASE_END.search(piece) else opening_phrase(piece)
    if not is_noun_phrase(antecedent) or any(c.isdigit() for c in antecedent):
        return ""
    measured = lemma(antecedent.split()[0].lower()) in _AMOUNT_NOUNS | _MEASURE_NOUNS
    if measured:
        return antecedent  # "Le coût de ..."
    spent = f" {relative['spent']}" if relative["spent"] and unit == "EUR" else ""
    return f"{UNIT_NOUNS[unit]}{spent} : {antecedent}"  # "montant mobilisé : équipements ..."


def _allowed_to(text: str, q: Quantity) -> str:
    """ "ont permis à 172 porteurs de projets de recevoir une information" → "porteurs de
    projets ayant reçu une information": what the count was allowed to do; "" otherwise."""
    if not _ALLOWED_TO.search(text, 0, q.start):
        return ""
    stop = _SENTENCE_END.search(text, q.end)
    then = next(
        (
            m
            for m in _THEN_DID.finditer(text, q.end, stop.start() if stop else len(text))
            if past_participle(m["verb"].lower())
        ),
        None,
    )  # "de projets" is the noun's, "de recevoir" what they did
    counted = phrase_after(text[q.end : then.start()]) if then is not None else ""
    if then is None or not counted:
        return ""
    done = past_participle(then["verb"].lower())
    what = list(
        itertools.takewhile(lambda w: not any(c.isdigit() for c in w), then["what"].split())
    )
    what = what[:_OBJECT_WORDS]  # "de participer aux 46 temps de rencontres": not the 46's
    what = _without_trailing(what)
    if not what:
        return ""  # "de participer à 8 ateliers": what they did is another figure's phrase
    return " ".join([counted, "ayant", done, *what])


def _counted_under_heading(text: str, q: Quantity) -> str:
    """ "Les commissions thématiques : on en compte six": what the heading names; "" for
    another figure."""
    if not _COUNTED_THERE.search(text, 0, q.start):
        return ""
    heading = _heading_of(text, q)
    return heading if is_noun_phrase(heading) else ""


def _spent(text: str, q: Quantity) -> str:
    """An amount its sentence says was spent, named by the spending (`spent_label`); a list
    item's subject may be what it went to."""
    before = text[max(text.rfind(". ", 0, q.start) + 1, 0) : q.start]
    return spent_label(before, text[q.end :], listed=LIST_MARKERS.match(text) is not None)


# a question its next sentence answers by a number alone: "Combien d'équipes ... ont été
# mobilisées ... ? Quatre."
_ASKED = re.compile(r"\bcombien\s+(?:de\s+|d['’]\s*)(?P<what>[^?]{3,200}?)\s*\?[*\s]*$", re.I)
_ANSWER_ALONE = re.compile(r"[*\s]*(?:[.!]|$)")
_ASKED_DONE = re.compile(
    r"\s+(?:ont|a|avaient|avait)\s+(?:été\s+)?(?P<done>[a-zéèêàâç]+(?:és?|ées?|is|ies?|us?|ues?))\b"
)


# a question its next sentence opens its answer with: "Quel a été le coût pour le
# Département ? 108 000 € au titre de la MMU"
_ASKED_WHICH = re.compile(
    r"\bquel(?:le)?s?\s+(?:a\s+été|ont\s+été|est|sont|était|étaient|fut)\s+"
    r"(?P<what>(?:le|la|les|l['’])\s*[^?]{3,120}?)\s*\?[*\s]*$",
    re.IGNORECASE,
)


def _answered(text: str, q: Quantity) -> str:
    """What a number answers, when the sentence before asks for it: a number alone after
    "Combien de ... ?" ("Combien d'équipes de la MDADT du Boulonnais ont été mobilisées pour
    ... ? Quatre." → "équipes de la MDADT du Boulonnais mobilisées"), the one an answer opens
    on after "Quel a été le ... ?" ("Quel a été le coût pour le Département ? 108 000 € au
    titre de la MMU" → "coût pour le Département"); "" otherwise."""
    which = _ASKED_WHICH.search(text, 0, q.start)
    own = phrase_after(text[q.end :]) if not UNDER_HEADING.match(text, q.end) else ""
    if which is not None and not is_noun_phrase(own):  # not "... ? 12 communes ont été aidées"
        what = re.sub(r"^nombre\s+(?:de\s+|d['’]\s*)", "", opening_phrase(which["what"]))
        return what if is_noun_phrase(what) else ""
    asked = _ASKED.search(text, 0, q.start)
    if asked is None or not _ANSWER_ALONE.match(text, q.end):
        return ""
    what = opening_phrase(asked["what"])
    at = asked["what"].find(what.split()[-1]) if what else -1
    done = _ASKED_DONE.match(asked["what"], at + len(what.split()[-1])) if at >= 0 else None
    if done is not None and is_participle(done["done"]) and done["done"] not in what:
        what = f"{what} {done['done']}"
    return what if is_noun_phrase(what) else ""


def _in_number(text: str, q: Quantity, unit: str) -> str:
    """A count said "au nombre de" of the noun phrase its clause goes on with: "Au nombre de
    deux cent quatorze, les coups de pouce compétence (CPC) ont représenté 0,35 M€" → "coups
    de pouce compétence (CPC)"; "" otherwise."""
    if unit != "count" or not _NUMBER_OF.search(text[max(0, q.start - 40) : q.start]):
        return ""  # the same words as a count said after its subject ("sont au nombre de")
    subject = _IN_NUMBER_OF.match(text, q.end)
    if subject is None:
        return ""
    what = opening_phrase(subject["what"])
    acronym = _ACRONYM_AFTER.match(subject["what"], subject["what"].find(what) + len(what))
    what = f"{what} ({acronym['acronym']})" if what and acronym else what
    return what if is_noun_phrase(what) else ""


_IN_NUMBER_OF = re.compile(r"\s*,\s*(?P<what>(?:les|des|ces|nos|leurs|ses)\s[^,;.]{3,120})")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z0-9]{1,9})\)")


def _among_the_heading(text: str, q: Quantity, unit: str) -> str:
    """A bare count "d'entre eux" of what its line's heading lists, when its sentence holds
    no figure before it: "Projets culturels, fonctionnement associatif ou projets avec la
    population : le soutien a bénéficié à sept d'entre eux" → the heading; "" otherwise."""
    heading, ends = line_heading(text)
    if unit != "count" or not _OF_THEM.match(text, q.end) or ends < 0 or ends > q.start:
        return ""
    between = text[ends : q.start]
    if find_quantities(between, cardinals=True) or re.search(r"\d", heading):
        return ""
    if _SENTENCE_END.search(between) or _NAMED_PLURAL.search(between):
        return ""  # "Bilan : les jeunes ... et 120 d'entre eux": of the jeunes
    heading = LIST_MARKERS.sub("", heading).replace("*", "").strip()
    return heading if is_noun_phrase(heading) else ""


_OF_THEM = re.compile(r"\s*d['’]\s*entre\s+(?:eux|elles)\b", re.IGNORECASE)
_NAMED_PLURAL = re.compile(r"\b(?:les|des|ces|leurs|ses)\s+[^\W\d_]{3,}", re.IGNORECASE)


def _among_named_before(text: str, q: Quantity, unit: str) -> str:
    """A bare count among a whole its sentence names before it, and what the count did:
    "Parmi les inscrits, 7 130 ont mis en ligne au moins un CV" → "inscrits ayant mis en
    ligne au moins un CV"; "" otherwise."""
    among = _AMONG_NAMED.search(text, max(0, q.start - 90), q.start) if unit == "count" else None
    did = _DID.match(text, q.end) if among is not None else None
    whole = " ".join(among["whole"].split()) if among is not None else ""
    whole = re.sub(r"^\d[\d\s]*", "", whole)  # "Parmi les 300 inscrits, 120 ...": inscrits
    if did is None or not is_noun_phrase(whole) or re.search(r"\d", whole):
        return ""
    standing = did["verb"] == "sont" and did["done"].lower() in _STANDING
    if not is_participle(did["done"]) and not standing:
        return ""  # "Parmi les bénéficiaires, 120 sont des femmes": no deed of theirs
    if standing:  # "Parmi les sportifs ..., douze sont membres de l'équipe olympique"
        said = _STANDING_ENDS.split(" ".join(did["did"].split()[1:]), maxsplit=1)[0]
        label = f"{whole} {said.strip()}"
        return label if is_noun_phrase(label) else ""
    label = without_verb(f"{whole} {did['did']}")
    return label if is_noun_phrase(label) and label.split()[1:2] != ["ont"] else ""


def _said_by_en(text: str, q: Quantity, unit: str, clause_start: int) -> str:
    """What the pronoun "en" before a bare count stands for: the noun said since the figure
    before ("Le compte Twitter a gagné 25,3 % d'abonnés et en compte désormais 17 130" →
    "abonnés (compte Twitter)"), with what its sentence opens on; "" otherwise."""
    en = _EN_COUNTS.search(text, clause_start, q.start) if unit == "count" else None
    if en is None or not 0 < clause_start < en.start() or phrase_after(text[q.end :]):
        return ""
    noun = phrase_after(text[clause_start : en.start()])
    if not is_noun_phrase(noun):
        return ""
    sentence_start = max(text.rfind(". ", 0, clause_start) + 1, 0)
    owner = opening_phrase(text[sentence_start:clause_start]).split(" ayant ")[0]
    owner = "" if len(owner.split()) > _FRAMING_WORDS else owner
    return (
        f"{noun} ({owner})"
        if is_noun_phrase(owner) and _TOPIC_OPENS.match(text[sentence_start:])
        else noun
    )


def _bracket_follows(text: str, q: Quantity, unit: str, parse: Parse) -> str:
    """What the bracket a figure is in follows: "parcours de marche nordique (2, 4 et 6
    kms)" → "longueur : parcours de marche nordique"; "" for a figure in no bracket."""
    opening = text.rfind("(", 0, q.start)
    if opening < 0 or opening < text.rfind(")", 0, q.start):
        return ""
    alone = not text[opening + 1 : q.start].strip(" *") and _CLOSES_ITEM.match(text, q.end)
    item = " ".join(LIST_MARKERS.sub("", text[:opening]).split()) if alone else ""
    if (
        LIST_MARKERS.match(text)
        and is_noun_phrase(item)
        and len(item.split()) <= _ITEM_WORDS
        and not any(is_verb(w) for w in item.split())  # "Le Département a versé des aides"
    ):
        # "- ◆ Demandes d'allocation personnalisée d'autonomie (APA) à domicile (21 120).":
        # the whole item names it
        label = item
    else:
        # "Renouvellements (12) ; nouvelles demandes (13)": the phrase right before it, when
        # its item holds nothing else; else the noun the parse makes the bracket follow
        segment = re.split(r"[;()]", text[:opening])[-1]
        plain = len(segment.split()) <= _SHORT_LABEL + 1 and not any(
            is_verb(w) for w in segment.split()
        )
        near = phrase_before(segment) if plain else ""
        at = text.rfind(near, 0, opening) if near else -1
        first = [w for w in parse.within(at, at + len(near.split()[0]))] if at >= 0 else []
        if first and first[0].pos in {"ADV", "VERB"}:
            near = ""  # "... des préaux fortement oxydés (158 000 €)": no noun of its own
        label = near if is_noun_phrase(near) else noun_before(parse, opening)
    if unit in _MEASURES and is_noun_phrase(label) and not _only_a_name(label):
        return f"{UNIT_NOUNS[unit]} : {label}"
    return label


def _days_spent(text: str, q: Quantity, unit: str) -> str:
    """What days were spent on: "9 jours d'intervention" → "durée d'intervention"; "le
    chantier a duré 12 jours" → "durée : chantier"."""
    if unit != "day":
        return ""
    if processed := PROCESSED_IN.search(text, 0, q.start):  # "avis ... traités en 13 jours"
        clause = _SENTENCE_END.split(text[: processed.start()])[-1]
        subject = opening_phrase(LIST_MARKERS.sub("", clause))
        named = is_noun_phrase(subject)
        return f"délai de traitement : {subject}" if named else "délai de traitement"
    effort = _EFFORT.match(text, q.end)
    if effort is not None and is_noun_phrase(what := phrase_after(text[effort.end() :])):
        if TIME_TAKEN.match(what):  # "9 jours de délai moyen de traitement": that délai
            return what
        return f"durée {effort['of'].strip()} {what}".replace("' ", "'")
    if effort := EFFORT_NOUN_BEFORE.search(text, 0, q.start):  # "une mobilisation de dix jours"
        return f"durée : {effort['effort'].lower()}"
    took = EFFORT_BEFORE.search(text, 0, q.start)
    clause = _SENTENCE_END.split(text[: took.start()])[-1] if took else ""
    subject = opening_phrase(LIST_MARKERS.sub("", clause)) if took else ""
    return f"durée : {subject}" if is_noun_phrase(subject) else ("durée" if took else "")


def _done_before(text: str, q: Quantity, label: str, parse: Parse | None) -> str:
    """ "la régie a réparé 100 km de routes": what was done is part of what is counted, as
    the participle the parse makes agree with the counted noun (`done_to`: "Associations
    soutenues"), else the participle the text writes, made plural after a plural noun."""
    done = _DONE_BEFORE.search(text[: q.start])
    participle = done["participle"] if done is not None else _infinitive_done(text[: q.start])
    if not label or not participle or re.search(rf"\b{re.escape(participle)}\b", label):
        return label
    if done is None and is_participle(label.split()[-1]):
        return label  # "familles aidées": what was done is said already
    agreed = done_to(parse, q.start, q.end) if parse is not None else ""
    purpose = _purpose_after(text, q, label) if done is not None else ""
    if agreed.startswith(participle.lower()):
        return f"{label} {agreed}{purpose if len(agreed.split()) == 1 else ''}"
    noun = [w for w in parse.within(q.end, len(parse.text)) if w.pos == "NOUN"] if parse else []
    if noun and "Gender=Fem" in noun[0].morph and not participle.endswith("e"):
        participle += "e"  # "a traité 1 250 demandes": "demandes traitées"
    plural = label.split()[0].endswith(("s", "x")) and not participle.endswith("s")
    return f"{label} {participle}{'s' if plural else ''}{purpose}"


# a verb whose object is given over to something: "a consacré quatre dossiers à expliquer la
# démarche" (what they were given over to is what they are)
_GIVEN_OVER_WORDS = 6
_GIVEN_OVER_TO = ("consacr", "dédi", "destin", "allou")
_GIVEN_OVER = re.compile(
    r"\s+(?P<to>(?:à|aux?)\s+[^,.;:()!?«»]{3,60}?)(?=\s*(?:[,.;:()!?«»]|$)|\s+(?:et|ou)\s)"
)


def _purpose_after(text: str, q: Quantity, label: str) -> str:
    """ " à expliquer la démarche" after "a consacré quatre des dix dossiers de l'année", the
    words right after the counted phrase that say what it was given over to; "" else."""
    done = _DONE_BEFORE.search(text[: q.start])
    if done is None or not done["participle"].lower().startswith(_GIVEN_OVER_TO):
        return ""
    last = re.search(rf"\b{re.escape(label.split()[-1])}\b", text[q.end :])
    return _given_over_words(text, q.end + last.end()) if last is not None else ""


def _infinitive_done(before: str) -> str:
    """The participle of the infinitive a count is the object of ("a permis de rénover 3
    voies" → "rénové", "pour accompagner 50 familles" → "accompagné"); "" for none."""
    said = _DONE_BY_INFINITIVE.search(before)
    if said is None or said["verb"].lower() in _NO_DONE_INFINITIVES:
        return ""
    verb = said["verb"]
    endings = (("tenir", "tenu"), ("venir", "venu"), ("vrir", "vert"), ("frir", "fert"))
    for ending, done in (*endings, ("er", "é"), ("ir", "i")):
        if verb.lower().endswith(ending):
            participle = verb[: -len(ending)] + done
            # a word that only ends like a verb ("février", "hiver") makes none
            return participle if is_french_word(participle.lower()) else ""
    return ""


def _of_what(parse: Parse, q: Quantity, label: str) -> str:
    """A short count's label with what it belongs to or what was done to it: "3 pactes" in
    "le projet de mandat décliné en 3 pactes" → "Pactes (projet de mandat)"; "le
    recrutement de 107 assistants familiaux" → "Assistants familiaux (recrutement)"; a label
    closing on a participle, with where it happened ("Personnes présentées aux Apprentis
    d'Auteuil")."""
    words = len(label.split())
    if words == 1 and (full := _named_in_full_before(parse.text, label, q.start)):
        return full  # "... guide d'évaluation / outils ... pour les deux guides"
    done_already = any(is_participle(w) or w == "ayant" for w in label.split())
    acted = done_by_act(parse, q.start, q.end) if not done_already else ""
    if acted and words <= _NAMED_LABEL and acted.split()[0] not in label.lower().split():
        # "l'accompagnement de cinq projets" → "projets accompagnés"
        label, words = f"{label} {acted}", words + len(acted.split())
    # "sollicitations enregistrées": by whom, when the verb's subject says it ("cette
    # plateforme d'assistance qui a enregistré quelques 45 959 sollicitations")
    # not a participle written after the noun ("une étudiante a passé au crible 326 conseils
    # délivrés par le CAUE"): the verb's subject did something else to it
    done_by = words == 2 and is_participle(label.split()[-1])
    written_after = re.findall(r"[^\W\d_]+", parse.text[q.end :].lower())[:3]
    done_by = done_by and label.split()[-1].lower() not in written_after
    context = context_of(parse, q.start, q.end) if words == 1 or done_by else ""
    if done_by and len(context.split()) < 2:
        context = ""  # "Agents rassemblés (journée)": a word says less than the page
    context = _not_pointing_back(parse.text, q, context)
    if is_a_number(context):
        context = ""  # "Vingt-trois équipes ... : 12 sportifs": a number is no context
    if not context and words <= _SHORT_LABEL and not acted:
        context = action_on(parse, q.start, q.end)
    if not context and words <= _SHORT_LABEL:  # "Avec 220 visites ..., les centres de santé"
        context = fronted_by(parse, q.start, q.end)
    if not context and words <= _SHORT_LABEL:  # "une formation ... dans 5 lieux du territoire"
        context = held_in(parse, q.start, q.end)
    if is_noun_phrase(context) and lemma(context.split()[0]) != lemma(label):
        return f"{label} ({context})"
    done = done_to(parse, q.start, q.end) if words <= _SHORT_LABEL else ""
    stem = done.rstrip("es")[:-1]  # "soutenu" of "soutenus", "soutenues"
    if done and not any(w.lower().startswith(stem) for w in label.split()):
        # "des groupes de travail qui mobilisent 76 chefs de cuisine": what was done to them
        label = f"{label} {done}"
    at = parse.text.lower().find(label.lower(), q.end)
    region = _IN_REGION.match(parse.text, at + len(label)) if 0 <= at - q.end <= 2 else None
    if region is not None and words <= _BARE_LABEL:
        return f"{label} {' '.join(region.group(0).split())}"  # "2 communes dans le Nord"
    last = label.split()[-1]
    joined = _JOINED_PARTICIPLE.match(parse.text, parse.text.find(last, q.end) + len(last))
    if is_participle(last) and joined and is_participle(joined["participle"]):
        # "6885 emplois créés ou consolidés", "1927 structures accompagnées et/ou financées"
        return f"{label} {' '.join(joined.group(0).split())}"
    if is_participle(last) and (where := done_where(parse, label, q.end)):
        return f"{label} {where}"  # "217 assistants familiaux ont participé à ces sessions"
    return label


def _not_pointing_back(text: str, q: Quantity, context: str) -> str:
    """A context as the parse gives it, unless it is another figure's noun ("17 équipes de
    participer à 8 ateliers": no "Ateliers (équipes)") or a demonstrative's noun ("Cette
    action portée avec notre partenaire ... a permis à 17 équipes": what the action was, the
    « color run » the sentence before names)."""
    at = text.rfind(context, 0, q.start) if context else -1
    if at < 0:
        return context
    before = text[max(at - _NUMBER_REACH, 0) : at].rstrip(" *")
    if len(context.split()) == 1 and _ENDS_ON_A_NUMBER.search(before):
        return ""  # another figure's noun alone
    sentence_start = max(text.rfind(". ", 0, q.start) + 1, 0)
    if re.search(r"\b(?:ce|cet|cette|ces)\s+$", text[max(at - 8, 0) : at], re.IGNORECASE):
        return _referred_to(text, sentence_start, q.start) or context
    return context


_NUMBER_REACH = 12  # characters before a noun that may hold its number
_ENDS_ON_A_NUMBER = re.compile(
    r"(?:\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|cent))$",
    re.IGNORECASE,
)


# a count that restates the noun phrase before it: "..., soit un peu plus de 280"
_SAID_AGAIN = re.compile(
    r",\s*(?:soit\s+(?:un\s+peu\s+|très\s+|bien\s+)?)?"
    # "..., moins d'une vingtaine au total": its qualifier and its number, then "au total"
    r"(?=(?:(?:près|plus|moins)\s+(?:de\s+|d['’]\s*)|environ\s+)?(?:une?\s+)?\S+(?:\s\d{3})*"
    r"\s+(?:en\s+tout|au\s+total)\b)"
    r"|,\s*soit\s+(?:un\s+peu\s+|très\s+|bien\s+)?",
    re.IGNORECASE,
)
# a verb that gives the amount of its subject: "s'élève à", "atteint", "se monte à"
_AMOUNTS_TO = re.compile(
    r"\s+(?:qui\s+)?(?:s['’](?:élève|élèvent|établit|établissent)\s+à|se\s+monte(?:nt)?\s+à"
    r"|se\s+chiffre(?:nt)?\s+à|totalise(?:nt)?"
    r"|atteint|atteignent|avoisine(?:nt)?|port(?:e|ent)\s+sur"
    # "le délai moyen de traitement est tombé à 3 jours": the value it came to
    rf"|{_CAME_TO}"
    # "les agréments adoption en cours de validité étaient cent quarante-sept"
    r"|sont|étaient|était|est(?:\s+de)?)\s*(?:à\s+)?$",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(
    r"\s(?:et|mais|puis|ou)\s+(?=(?:le|la|les|l['’]|un|une|son|sa|ses|leur|leurs|ce|cette|ces)\b)"
    r"|\sdont\s",
    re.IGNORECASE,
)
# a clause that opens on the commune it is about: "à Méricourt, reconstruction du pont"
_FRONTED_PLACE = re.compile(r"^\s*(?:à|a|au|en)\s+", re.IGNORECASE)
# a figure first, then what it was: "16 120 €, c'est ce qu'a représenté l'appel à projets"
_IT_WAS = re.compile(
    r"[\s*]*,\s*c['’]est\s+(?:ce\s+qu['’]\s*(?:a|ont|auront)|ce\s+que\s+(?:a|ont))\s+"
    r"(?:représenté|coûté|mobilisé|rapporté|généré|pesé|atteint)\s+",
    re.IGNORECASE,
)
_WHAT_ENDS = re.compile(r"[,;.()]|\s(?:pour|dont|qui|que|avec|auprès|grâce)\s", re.IGNORECASE)
# an amount that endows what the phrase before names: "du soutien aux structures
# culturelles, doté de 4,9 millions €"
_ENDOWED = re.compile(r",\s*dot(?:é|ée|és|ées)\s+(?:de\s+|d['’]\s*)[\s*]*", re.IGNORECASE)
# a label that reached this many words may have been cut before its last complement
_LONG_LABEL = 6
# a body a label ends on, whose name follows: "la communauté de communes de Desvres Samer"
_NAMED_BODIES = frozenset(
    {"communes", "agglomération", "commune", "ville", "syndicat", "association", "collège",
     "lycée", "centre", "maison", "parc", "pays", "territoire"}
)  # fmt: skip
_BODY_NAME = re.compile(
    r"\s+(?:de\s+|d['’]\s*|du\s+)?[A-ZÉÈ][\w'’]+"
    r"(?:(?:[\s-]+(?:sur|lès|les|en|de|du|la)[\s-]+|[\s-])[A-ZÉÈ][\w'’]+)*(?=[\s,.;:!?)]|$)"
)
# a name's next words, small words between capitalised ones: "Engagement" + "pour le
# Renouveau du Bassin Minier du Nord et du Pas-De-Calais" (not "de Boulogne" + "et le
# Département")
_NAME_RUNS_ON = re.compile(
    r"(?:\s(?:(?:de|du|des|en|et\s+d[eu]s?|et\s+de\s+la|pour\s+(?:la|le|l['’])(?=\s*[A-ZÉ][\w'’-]*"
    r"\s+(?:du|de\s+la|des|de)\s+[A-ZÉ]))\s*(?:la\s+|le\s+|les\s+|l['’])?)?"
    r"[A-ZÉ][\w'’-]*(?:(?:(?<=-sur)|(?<=-sous)|(?<=-lès)|(?<=-en))\s[a-zé][\w'’-]*)?)+"
    r"(?=[\s,.;:!?)]|$)(?!\s*\d)"  # "Boulogne-sur mer" whole; not "GR" of "GR 121"
)
_COMPLEMENT_ENDS = re.compile(
    r"\s(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*[a-zéèêàç][\wéèêàâç-]+"
    r"(?=\s+(?:à|pour|par|en|dans|sur|,)|\s*\(|[,.;:]|$)"
)
_ADJECTIVE_ENDS = re.compile(
    r"\s[a-zéèê][\wéèêàâç-]*(?:iques?|ales?|aux|elles?|els?|ives?|ifs?|aires?)(?=[\s,.;:)]|$)"
    # an adjective in -ant only where the phrase ends ("spectacle vivant"), not a preposition
    # or a noun the phrase goes on with ("avant la rénovation", "pendant l'été")
    r"|\s(?!(?:avant|pendant|durant|devant|suivant|maintenant|cependant|enfants?|habitants?"
    r"|étudiants?|parents?|participants?|représentants?|intervenants?)\b)[a-zéèê][\wéèêàâç-]*"
    r"(?:ants?|antes?)(?=[,.;:)]|$)"
)
# a question the figure answers: "Combien de trailers au départ de l'Urban Trail ? 2 470 !"
_QUESTION = re.compile(
    r"\bcombien\s+(?:de\s+|d['’]\s*)(?P<what>[^?.!]{2,120}?)\s*\?[\s!…*]*$", re.IGNORECASE
)
_SUBJECT_OPENS = frozenset(
    {
        "le",
        "la",
        "les",
        "un",
        "une",
        "ce",
        "cet",
        "cette",
        "ces",
        "il",
        "ils",
        "elle",
        "elles",
        "on",
    }
)
# a total and how it is spread: "77 au total, réparties entre", "120, répartis en"
_SPREAD_OVER = re.compile(
    r"\s*(?:au\s+total|en\s+tout)?\s*,\s*répartie?s?\s+(?:entre|en|sur|dans)\b", re.IGNORECASE
)
# what was paid for, the subject of a passive or an apposition before the amount: "ont été
# financés par le Département à hauteur de", "le tiers-lieu ..., subventionné à hauteur de"
# (not "a financé à hauteur de")
_FINANCED = re.compile(
    rf"(?:\s(?:a|ont|avait|avaient)\s+été|,)\s+(?P<done>{_PAID})\s*,?\s+"
    rf"(?:par\s+[^,.;]{{0,40}}?\s+)?{_AS_MUCH_AS}\s*$",
    re.IGNORECASE,
)
_CLEFT_WHO = re.compile(r"\bc['’]est\s+(?P<what>.+?)\s+qui\s*$", re.IGNORECASE)
# an amount of support joined to what it supports: "... portés par l'intercommunalité (CAB)
# et accompagnés à hauteur de"
_ACCOMPANIED = re.compile(
    rf"\s+et\s+(?P<done>accompagnée?s?|{_PAID})\s+(?:par\s+[^,.;]{{0,40}}?\s+)?{_AS_MUCH_AS}\s*$",
    re.IGNORECASE,
)
# where one item of a list ends and the next begins
_ITEMS_APART = re.compile(r"[.;:!?]\s|\bde\s+même\s+que\b|\bainsi\s+que\b", re.IGNORECASE)
_OPENS_ON_ARTICLE = re.compile(r"^\s*(?:(?:les|la|le|des|une?)\s+|l['’]\s*)\w", re.IGNORECASE)
# an amount given to the noun phrase before, said by a relative pronoun
_GIVEN_TO_WHICH = re.compile(
    r"(?:^|[.;:]\s)[\s\-◆⇒*]*(?P<what>[^,;:.]{3,80}?),?\s+(?:à\s+laquelle|auquel|auxquel(?:le)?s"
    r"|pour\s+lequel|pour\s+laquelle|pour\s+lesquel(?:le)?s)\s+(?:ont|a)\s+été\s+"
    r"(?P<done>[\wéèêàâç]+)\s*$",
    re.IGNORECASE,
)
_CLAUSE_LINK = re.compile(r"^[\s,]*(?:(?:et|puis|mais|tandis\s+que)\s+)?", re.IGNORECASE)
# an amount said again as a rate and its result: "subventionnée ... au taux de 32 %, soit"
_AT_RATE = re.compile(
    r"\bété\s+(?P<done>[\wéèêàâç]+)\s+(?:par\s+[^,.;]{0,40}?\s+)?au\s+taux\s+(?:de\s+)?"
    r"[\d\s,]+(?:%|pour\s+cent)\s*,\s*soit\s*$",
    re.IGNORECASE,
)
# an amount and the items it was spread into, counted: "1,46 M€ répartis en 6 290 secours"
_SPREAD_INTO = re.compile(r"\s*répartie?s?\s+en\s+\d[\d\s\u202f]*", re.IGNORECASE)
# what days were spent on: "9 jours d'intervention", "12 jours de travaux"
_EFFORT = re.compile(r"\s*(?P<of>de\s+|d['’]\s*)(?=[a-zéèêàâç])", re.IGNORECASE)
# the region a count is of, named right after it: "ainsi que 2 communes dans le Nord"
_IN_REGION = re.compile(
    r"\s+(?:dans|en)\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?[A-ZÉ][\w'’]+(?:-[\w'’]+)*(?=\s*(?:[,.;)]|$))"
)
# the participle joined to a label's, as an item of a list ends: "créés ou consolidés /"
_JOINED_PARTICIPLE = re.compile(
    r"\s+(?:ou|et|et/ou)\s+(?P<participle>[\wéèêàâç-]+)(?=\s*(?:/|$))", re.IGNORECASE
)


def _before_finite_verb(parse: Parse, text: str, label: str, start: int) -> str:
    """The words after a figure up to the verb of their clause: a conjugated verb the parse
    reads there ends the noun phrase ("sites d'accueil maillent le ..." → "sites d'accueil"),
    and so does an infinitive after "de" or "à" ("17 équipes de participer" → "équipes")."""
    where = text.find(label, start) if label else -1
    if where < 0:
        return label
    words = parse.within(where, where + len(label))
    for n, word in enumerate(words):
        if word.start <= where:
            continue
        after_of = n > 0 and words[n - 1].text.lower() in _NO_VERB_AFTER
        if "VerbForm=Fin" in word.morph and word.pos in {"VERB", "AUX"} and not after_of:
            return text[where : word.start].strip()  # (never after "de": "de rayonnement")
        if "VerbForm=Inf" in word.morph and n and words[n - 1].text.lower() in {"de", "d'", "à"}:
            return text[where : words[n - 1].start].strip()  # "17 équipes de participer"
    return label


# the prepositions no conjugated verb follows: a parse that says so mistook a noun
_NO_VERB_AFTER = frozenset({"de", "d'", "d’", "du", "des", "au", "aux"})


def _whole_after(text: str, q: Quantity) -> int | None:
    """Where the noun of the whole a figure is a part of begins ("quatre des dix dossiers":
    "dossiers"), the whole's number read as every figure is; None when no whole follows."""
    of = _OF_WHOLE.match(text, q.end)
    if of is None:
        return None
    found = find_quantities(text[of.end() :], cardinals=True)
    return of.end() + found[0].end if found and found[0].start == 0 else None


def _paid_for(text: str, q: Quantity, unit: str) -> str:
    """ "389 420 euros pour la restructuration de l'entrée du collège": what it paid for."""
    purpose = _PURPOSE_AFTER.match(text, q.end) if unit == "EUR" else None
    what = opening_phrase(text[purpose.end() :]) if purpose is not None else ""
    counted = _FOR_COUNTED.match(text, q.end) if unit == "EUR" else None
    opens = not LIST_MARKERS.sub("", text[: q.start]).strip(" *:;")  # "- ◆ 52 780 € pour"
    fronted = _FRONTED_FOR.fullmatch(LIST_MARKERS.sub("", text[: q.start]).replace("*", ""))
    then = _THEN_WHAT.match(text, q.end) if fronted and unit == "EUR" else None
    if then is not None and not is_noun_phrase(what):
        # "Pour deux cent quatre-vingt-treize mille euros au total, réhabilitation de bassins"
        named = _PHRASE_END.split(text[then.end() :], maxsplit=1)[0]
        named = _FROM_MONTH.sub("", named)  # "... de bassins de septembre 2022 à janvier 2023"
        what = "" if FINITE_AUXILIARY.search(named) else opening_phrase(named)
        did = _WE_DID.match(named)
        if did is not None and is_noun_phrase(done := opening_phrase(did["what"])):
            # "Pour 2,7 millions €, le Département a soutenu les artistes": what it did
            return f"{UNIT_NOUNS[unit]} {singular_participle(did['done'].lower())} : {done}"
    if counted is not None and opens and not is_noun_phrase(what):
        # "52 780 € pour 1 dossier en innovation touristique"
        named = re.split(r"\s*[:.]|" + _PHRASE_END.pattern, text[counted.end() :], maxsplit=1)[0]
        what = " ".join(named.split()[:_FRAMING_WORDS])
    return f"{UNIT_NOUNS[unit]} : {what}" if is_noun_phrase(what) else ""


def _cleft(text: str, q: Quantity, unit: str) -> str:
    """ "ce sont 23,2 M€ qui ont été reversés aux 55 SAAD": what was done with the amount,
    and to whom; "C'est à hauteur de 137 millions d'euros que contribue le Département": the
    act and who did it; "" for no such sentence."""
    if unit in UNIT_NOUNS and _CLEFT_AS_MUCH.search(text[: q.start]):
        act = _CLEFT_ACT.match(text, q.end)
        noun = _act_noun(act["verb"]) if act is not None else ""
        who = opening_phrase(_PHRASE_END.split(act["who"], maxsplit=1)[0]) if act else ""
        if act is not None and noun and is_noun_phrase(who):
            of = _OF_ARTICLE[act["article"].lower().replace("’", "'")]
            return f"{noun} {of}{who}"  # "contribution du Département"
        did = _CLEFT_DONE.match(text, q.end)
        # "que le projet a été soutenu par le Département": the passive's subject
        said = (did["who"] if did["passive"] else did["what"]) if did is not None else ""
        what = opening_phrase(_PHRASE_END.split(said, maxsplit=1)[0]) if said else ""
        if did is not None and is_participle(did["done"]) and is_noun_phrase(what):
            # "C'est à hauteur de 2,42 millions € que le Département a financé les mesures
            # jeunesses" → "montant financé : mesures jeunesses"
            return f"{UNIT_NOUNS[unit]} {singular_participle(did['done'].lower())} : {what}"
    cleft = _CLEFT.match(text, q.end) if unit in UNIT_NOUNS else None
    if cleft is None or not _CLEFT_BEFORE.search(text[: q.start]):
        return ""
    done = singular_participle(cleft["participle"])
    if noun_gender(UNIT_NOUNS[unit]) == "Fem":
        done = _feminine(done)  # "ce sont 34,71 ha qui ont été acquis": "surface acquise"
    rest = re.sub(r"^\s*[\d\s]+", " ", text[cleft.end() :])  # "aux 55 Services": the services
    whom = opening_phrase(_PHRASE_END.split(rest, maxsplit=1)[0])
    to = f" {cleft['to']} {whom}" if cleft["to"] and is_noun_phrase(whom) else ""
    return f"{UNIT_NOUNS[unit]} {done}{to}"


def _feminine(participle: str) -> str:
    """A masculine participle made feminine singular: "acquis" → "acquise", "construits" →
    "construite", "réalisé" → "réalisée"."""
    first, _, rest = participle.partition(" ")
    if not first.endswith("e"):
        first = (first[:-1] if first.endswith(("ts", "ds")) else first) + "e"
    return f"{first} {rest}".strip()


def _counted_subject(before: str, *, alone: bool = True) -> str:
    """What "au nombre de" counts: the noun phrase before it ("Les inscrits sur MonJob62
    sont au nombre de" → "inscrits sur MonJob62"; "les agents départementaux inscrits sur
    les listes électorales, au nombre de"), the clause before a pronoun ("Les commissions
    thématiques : elles sont au nombre de"); "" for another figure."""
    said = _NUMBER_OF.search(before)
    if said is None or (said["are"] and not alone):
        return ""  # "Les partenaires, qui sont 36 associations": the figure names its own
    pieces = [p for p in _PIECES.split(LIST_MARKERS.sub("", before[: said.start()])) if p.strip()]
    pieces = [  # not "elles", nor an aside "recrutés en 2022"
        p for p in pieces if not _PRONOUN.fullmatch(p.strip()) and not is_participle(p.split()[0])
    ]
    if not pieces:
        return ""
    words = LEADING_ARTICLE.sub("", _CONNECTOR.sub("", pieces[-1]).strip()).split()
    if said["are"] and len(words) > 2 and is_action(words[0].lower()) and words[1] in _OF_WORDS:
        words = words[2:]  # "Répartition des lauréats, qui sont": the lauréats are counted
    if any(is_verb(w) and not w.lower().endswith("ant") for w in words):  # "y ont participé"
        opening = opening_phrase(LIST_MARKERS.sub("", before))  # what the clause opens on
        return opening if is_noun_phrase(opening) else ""
    subject = _CUT_END.sub("", " ".join(words[: _FRAMING_WORDS + 3])).strip(" ,;:")
    return subject if is_noun_phrase(subject) else ""


_OF_WORDS = frozenset({"des", "de", "du"})


def _amounting(before: str) -> str:
    """What a figure is the amount of when its clause says so with a verb: "le budget
    consacré à la politique ESS s'élève à", "Le total des fonds conservés atteint", "Une
    densité qui s'élève à" → the subject; "" for another clause."""
    amounts = _AMOUNTS_TO.search(before.rstrip("* "))
    if amounts is None:
        return ""
    relative = re.match(r"\s*qui\b", amounts.group(0), re.IGNORECASE) is not None
    return _subject_before(before[: amounts.start()], relative=relative)


def _subject_before(before: str, *, relative: bool = False) -> str:
    """The noun phrase that is the subject of the verb `before` ends at ("le budget consacré
    à la politique ESS"), an aside between commas left out ("Le projet, porté par la
    commune,"); for a relative clause, its antecedent ("reposent sur un budget annuel
    exécuté qui s'établit à" → "budget annuel exécuté"); "" when the clause has no such
    subject."""
    before = _ASIDE_BEFORE_VERB.sub("", before)
    clause = re.sub(r"\([^)]*\)", " ", LIST_MARKERS.sub("", before))
    subject = _PIECES.split(clause)[-1]
    subject = _NEW_CLAUSE.split(subject)[-1]  # "... 300 familles et le coût atteint"
    words = LEADING_ARTICLE.sub("", _CONNECTOR.sub("", subject).strip()).split()
    verbs = [i for i, w in enumerate(words) if is_verb(w)]
    if relative and verbs:  # the antecedent: what follows the main clause's verb
        words = words[verbs[-1] + 1 :]
        while words and words[0].lower().strip("'’") in _BEFORE_ANTECEDENT:
            words = words[1:]
    if not words or len(words) > _FRAMING_WORDS + 3 or any(is_verb(w) for w in words):
        return ""
    subject = _CUT_END.sub("", " ".join(words).strip(" ,;:"))
    if _NOT_A_TOPIC.match(subject):
        return ""  # "par rapport à 2021 et s'établissent à": a complement, no subject
    return subject if is_noun_phrase(subject) and words[0][:1].islower() else ""


def _received(before: str, unit: str) -> str:
    """What an amount went to, when its clause says the subject received it: "L'insertion
    par l'emploi a bénéficié, pour sa part, de 5,3 millions €", "l'accompagnement se voit
    doté de 7,1 M€" → "montant : insertion par l'emploi"; "" for another clause."""
    received = _RECEIVES.search(before.rstrip("* ")) if unit == "EUR" else None
    subject = _subject_before(before[: received.start()]) if received is not None else ""
    return f"{UNIT_NOUNS[unit]} : {subject}" if subject else ""


# an aside between the subject and its verb: "Le projet, porté par la commune, a bénéficié"
_ASIDE_BEFORE_VERB = re.compile(
    r",\s*(?:[a-zéèêàâç]+(?:ée?s?|ie?s?|ue?s?)\s[^,]{0,60}"
    # "Les loyers perçus, pour leur part, atteignent": a discourse aside
    r"|pour\s+(?:sa|leur|ma|notre|votre)\s+part|quant\s+à\s+(?:eux|elles?|lui)|"
    r"(?:de\s+son|de\s+leur)\s+côté|en\s+revanche|toutefois|cependant|néanmoins|ainsi),\s*$",
    re.IGNORECASE,
)
_RECEIVES = re.compile(
    r"\s+(?:(?:a|ont)\s+bénéficié|(?:se\s+voi(?:t|ent)|(?:a|ont)\s+été|est|sont)\s+dotée?s?)"
    r"(?:\s*,[^,.;]{0,40},)?\s+(?:de|d['’])\s*$"
    # "la garderie périscolaire en création a reçu 91 500 €"
    r"|\s+(?:a|ont)\s+(?:reçu|perçu|obtenu)(?:\s*,[^,.;]{0,40},)?\s*$",
    re.IGNORECASE,
)


def _what_it_was(text: str, q: Quantity, unit: str) -> str:
    """ "16 120 €, c'est ce qu'a représenté l'appel à projets ...": what the figure was."""
    was = _IT_WAS.match(text, q.end)
    words = _WHAT_ENDS.split(text[was.end() :], maxsplit=1)[0].split() if was else []
    what = _CUT_END.sub("", LEADING_ARTICLE.sub("", " ".join(words[:_FRAMING_WORDS])))
    if not is_noun_phrase(what):
        return ""
    return f"{UNIT_NOUNS[unit]} : {what}" if unit in UNIT_NOUNS else what


def _done_form(word: str) -> bool:
    """A past participle, the feminine plural too ("accueillies", "suivies"), not a noun
    that ends like one ("agents") nor "été"."""
    base = lemma(word)
    verb = base != word.lower() and base.endswith(("er", "ir", "re", "oir"))
    return word.lower() != "été" and bool(re.fullmatch(PARTICIPLE_FORM, word)) and verb


def _asked(before: str) -> str:
    """What a question the figure answers asks for: "Combien de personnes le stade couvert
    a-t-il accueillies ? Quelque 620 !" → "personnes accueillies"; "" after no question."""
    asked = _QUESTION.search(before)
    if asked is None:
        return ""
    words = asked["what"].split()
    out: list[str] = []
    for n, word in enumerate(words):
        opens = word.lower() in _SUBJECT_OPENS or word.lower().startswith(("l'", "l’"))
        linked = n and words[n - 1].lower() in {"de", "du", "des", "à", "au", "aux", "sur", "en"}
        if (opens and not linked) or is_verb(word) or "-t-" in word:
            break
        out.append(word)
    done = [w for w in words[len(out) :] if _done_form(w)]
    if done and out:
        out.append(done[0])  # "a-t-il accueillies": what was done to them
    label = _CUT_END.sub("", " ".join(out))
    return label if is_noun_phrase(label) else ""


def _said_again(text: str, q: Quantity, unit: str, parse: Parse | None) -> str:
    """What a count restates after ", soit" or in apposition ("143 en tout"), or what an
    amount endows (", doté de 4,9 millions €"), when no noun follows it: the noun phrase
    that ends before the comma ("les conseils délivrés par le CAUE à des communes, soit un
    peu plus de 280" → "conseils délivrés par le CAUE à des communes")."""
    said = _SAID_AGAIN if unit == "count" else _ENDOWED
    again = next((m for m in said.finditer(text) if m.end() == q.start), None)
    in_all = IN_ALL_AFTER.match(text, q.end)  # "..., soit 300 au total": no noun of its own
    if parse is None or again is None or phrase_after(text[in_all.end() if in_all else q.end :]):
        return ""
    last = [w for w in parse.words if w.end <= again.start()]
    # (a modifier the parse takes for a verb is one still: "missions supports")
    if not last or (last[-1].pos not in {"NOUN", "PROPN", "ADJ"} and last[-1].dep != "amod"):
        return ""
    top = last[-1]
    while (head := parse.head_of(top)) is not None and head.i < top.i:
        if head.pos not in {"NOUN", "PROPN"} and head.dep != "acl":
            break
        top = head
    if top.pos not in {"NOUN", "PROPN"}:
        return ""
    words = text[top.start : again.start()].split()
    label = _CUT_END.sub("", " ".join(words[: _FRAMING_WORDS + 3])).strip(" ,;")
    label = _SHARE_OF.sub("", label)  # "20 % des demandeurs d'emploi, soit 8 000": of them
    return label if is_noun_phrase(label) else ""


def _amount_of_act(text: str, q: Quantity, unit: str, clause_start: int = 0) -> str:
    """An amount named by what was done with it: financed ("Des programmes ... ont été
    financés par le Département à hauteur de"), given at a rate ("subventionnée au taux de
    32 %, soit"), spread into counted items ("répartis en 6 290 secours"); "" otherwise."""
    if unit != "EUR":
        return ""
    paid = _FINANCED.search(text, 0, q.start)
    if paid is not None:
        # "Des programmes d'actions ..., ont été financés par le Département à hauteur de",
        # "FARDA : la création d'une garderie ... a été subventionnée à hauteur de": what
        # the clause opens with
        clause = re.split(r"[.;:!?]\s", text[clause_start : paid.start()])[-1]
        clause = _CLAUSE_LINK.sub("", LIST_MARKERS.sub("", clause))  # ", et les routes"
        cleft = _CLEFT_WHO.search(clause)  # "à Andres, c'est le nouveau bâtiment ... qui"
        clause = cleft["what"] if cleft is not None else clause
        what = opening_phrase(clause)  # a lone noun ("le projet") leaves it to its context
        if len(what.split()) > 1 and is_noun_phrase(what) and _OPENS_ON_ARTICLE.match(clause):
            return f"montant : {what}"
    joined = _ACCOMPANIED.search(text, clause_start, q.start)
    if joined is not None:
        # "... de même que les travaux du pôle multimodal à Capécure portés par
        # l'intercommunalité (CAB) et accompagnés à hauteur de 350 000 €": the support given
        clause = _ITEMS_APART.split(text[clause_start : joined.start()])[-1]
        what = opening_phrase(_CLAUSE_LINK.sub("", LIST_MARKERS.sub("", clause)))
        if len(what.split()) > 1 and is_noun_phrase(what) and _OPENS_ON_ARTICLE.match(clause):
            return f"montant {singular_participle(joined['done'].lower())} : {what}"
    given = _GIVEN_TO_WHICH.search(text, 0, q.start) if not phrase_after(text[q.end :]) else None
    if given is not None and is_noun_phrase(what := opening_phrase(given["what"])):
        # "L'allocation RSA, à laquelle ont été consacrés 312,6 M€"
        return f"montant {singular_participle(given['done'].lower())} : {what}"
    rate = _AT_RATE.search(text, 0, q.start)
    if rate is not None and is_participle(rate["done"]):
        # "subventionnée par le Département au taux de 32 %, soit 80 000 €": the amount
        return f"montant {singular_participle(rate['done'].lower())}"
    spread = _SPREAD_INTO.match(text, q.end)
    if spread is not None and is_noun_phrase(what := phrase_after(text[spread.end() :])):
        return f"montant : {what}"  # "1,46 M€ répartis en 6 290 secours d'urgence"
    return _given_to(text, q)


def _given_to(text: str, q: Quantity) -> str:
    """An amount said to be given to whom: "642 000 € ont été attribués aux treize
    partenaires agricoles" → "montant attribué aux partenaires agricoles" (their number is
    a figure of its own); "" otherwise."""
    given = _GIVEN_AWAY.match(text, q.end)
    if given is None:
        return ""
    rest = text[given.end() :]
    counted = find_quantities(rest, cardinals=True)
    if counted and counted[0].start == 0:
        rest = rest[counted[0].end :]
    what = opening_phrase(_PHRASE_END.split(rest, maxsplit=1)[0])
    if not is_noun_phrase(what) or len(what.split()) > _FRAMING_WORDS:
        return ""
    done = singular_participle(given["done"].lower())
    to = " ".join(given["to"].lower().split())
    glue = "" if to.endswith(("'", "’")) else " "
    return f"montant {done} {to}{glue}{what}"


def _named_outright(
    text: str, q: Quantity, unit: str, clause_start: int, parse: Parse | None
) -> str:
    """The label the words around the figure give outright, or "": what an amount is "pour"
    ("389 420 euros pour la restructuration de l'entrée"); a capacity ("pouvant
    accueillir 120 personnes"); the clause's subject of "au nombre de 6"; the list item an
    amount closes, named by what it is."""
    if (
        done_with := _cleft(text, q, unit)
        or _paid_for(text, q, unit)
        or _amount_of_act(text, q, unit, clause_start)
    ):
        return done_with
    whom = _FOR_WHOM.match(text, q.end) if unit == "EUR" else None
    if whom is not None and (heading := _heading_of(text, q)):
        # "Dotations de fonctionnement des collèges : 15,6 M€ pour les collèges publics"
        what = opening_phrase(text[whom.end() :])
        if is_noun_phrase(what):
            return f"{heading} : {what}"
    if unit == "count" and _CAPACITY.search(text[: q.start]):
        # "d'une capacité de 90 berceaux", "pouvant accueillir 120 personnes": a capacity
        what = phrase_after(text[q.end :])
        return f"capacité d'accueil : {what}" if is_noun_phrase(what) else "capacité d'accueil"
    brought = _BROUGHT_TO.search(text[clause_start : q.start]) if unit == "count" else None
    if brought is None and unit == "count" and _BRINGS_TO.search(text, 0, q.start):
        brought = _NUMBER_OF_AFTER.match(text, q.end)  # "porte à 79 le nombre de places"
    if brought is not None and is_noun_phrase(brought["what"]):
        return brought["what"]  # "ce qui porte le nombre de bilans à cent six"
    whose = _WHOSE_MEASURE.search(text, 0, q.start) if unit in {"count", "EUR"} else None
    if whose is not None and (whose["measure"].lower() == "nombre") == (unit == "count"):
        # "Bénéficiaires de l'APA à domicile, dont le nombre atteint 28 917", "La
        # requalification du collège Jean Jaurès dont l'investissement s'élève à 2 000 000 €":
        # the antecedent of the relative clause
        antecedent = _DASHED_ASIDE.sub(" ", text[clause_start : whose.start()]).rstrip(" ,")
        what = phrase_before(LIST_MARKERS.sub("", antecedent))
        what = re.sub(r"^cadre\s+d['’]\s*(?:une?\s+)?", "", what)  # "dans le cadre d'une"
        if is_noun_phrase(what) and not FINITE_AUXILIARY.search(what):
            done = f" {whose['done'].lower()}" if whose["done"] else ""
            return what if unit == "count" else f"{whose['measure'].lower()}{done} : {what}"
    clause, alone = text[clause_start : q.start], not phrase_after(text[q.end :])
    if (
        subject := (
            _counted_subject(clause, alone=alone)
            or (_amounting(clause) if alone else "")  # "... s'élève à 3 M€", no noun after it
            or (_received(clause, unit) if alone else "")
            or (_asked(text[: q.start]) if alone else "")
            or _what_it_was(text, q, unit)
            or _said_again(text, q, unit, parse)
        )
    ):
        return subject
    if unit == "count" and (times := _times_done(text, q)):
        return times
    compared = _COMPARED.search(text[: q.start]) if unit == "count" else None
    if compared is not None and not phrase_after(text[q.end :]):
        # "La Coupole a accueilli plus de visiteurs que l'an passé : 129 000"
        what = _WHEN_IN_PHRASE.sub("", compared["what"])
        if is_noun_phrase(what) and not LEADING_ARTICLE.match(what):
            return what
    return _measure_of(text, q, unit, clause_start) or _amount_of_item(text, q, unit, parse)


def _measure_of(text: str, q: Quantity, unit: str, clause_start: int) -> str:
    """What a length or an area measures: the altitude a thing peaks at, the work done over
    it, the route it runs along; "" for none of these."""
    if unit in {"m", "km"} and (peak := _PEAKS_AT.search(text[: q.start])):
        # "Le belvédère du parc, qui culmine à 210 mètres": its altitude
        what = phrase_before(_MEASURED_BEFORE.sub("", text[: peak.start()]).rstrip(" ,"))
        return f"{_ALTITUDE} : {what}" if is_noun_phrase(what) else _ALTITUDE
    acted = _ACT_OVER.fullmatch(LIST_MARKERS.sub("", text[clause_start : q.start]))
    what = opening_phrase(acted["what"]) if unit in _STRETCHES and acted is not None else ""
    if is_noun_phrase(what):
        # "Réalisation et implantation d'une nouvelle signalétique de l'itinéraire ... sur
        # près de 220 km": what the work laid over that length
        return f"{UNIT_NOUNS[unit]} : {what}"
    if unit in _STRETCHES and (over := _DONE_OVER.search(text, clause_start, q.start)):
        # "Une nouvelle signalétique ... a été réalisée et implantée sur quelque 230 km"
        clause = _CLITIC_END.sub("", LIST_MARKERS.sub("", text[clause_start : over.start()]))
        what = _subject_before(clause) or opening_phrase(clause)
        if len(what.split()) <= _SHORT_LABEL:  # "2 voies y ont été rénovées sur 1,7 km"
            what = f"{what} {over['done']}"
        if is_noun_phrase(what):
            return f"{UNIT_NOUNS[unit]} : {what}"
    sized = _THING_OF_SIZE.search(text, max(0, q.start - _HOLDER_REACH), q.start)
    upright = sized is not None and lemma(sized["what"].split()[0]) in _UPRIGHT
    if unit == "m" and sized is not None and upright and not _LONG.match(text, q.end):
        return f"hauteur : {' '.join(sized['what'].split())}"  # "du belvédère de 40 mètres"
    along = _ALONG.match(text, q.end) if unit in {"km", "m"} else None
    route = opening_phrase(text[along.end() :]) if along is not None else ""
    if _ROUTE.match(route) and is_noun_phrase(route):
        # "3,9 km sur l'EV5 entre Saint-Omer et Audruicq": the length of the route, between
        # the places it names
        ends = text.find(route, along.end()) if along is not None else -1
        between = _BETWEEN_PLACES.match(text, ends + len(route)) if ends >= 0 else None
        return (
            f"{UNIT_NOUNS[unit]} : {route}{' ' + ' '.join(between[0].split()) if between else ''}"
        )
    return ""


# "entre Saint-Omer et Audruicq": the two places a stretch runs between
_PLACE_NAME = (
    r"[A-ZÉ][\w'’]*(?:-[\w'’]+)*"
    r"(?:\s(?:(?:sur|en|le|la|les|lès|de|du)[\s-]){0,2}(?:d['’])?[A-ZÉ][\w'’]*(?:-[\w'’]+)*)*"
)
_BETWEEN_PLACES = re.compile(rf"\s+entre\s+{_PLACE_NAME}\s+et\s+{_PLACE_NAME}")


def _times_done(text: str, q: Quantity) -> str:
    """How many times something was done: "Le comité ... s'est réuni à 7 reprises" →
    "réunions : comité ..."; "" for another figure or a verb no noun says."""
    again = _AT_TIMES.match(text, q.end)
    before = _TIMES_VERB[again["word"].lower()] if again else None
    verb = before.search(text[: q.start]) if before else None
    noun = _act_noun(verb["verb"]) if verb else ""
    fronted = _DONE_AFTER_TIMES.match(text, again.end()) if again and not noun else None
    if fronted is not None and (noun := _act_noun(fronted["verb"])):
        # "Trois fois dans l'année, le comité de stratégie ... s'est réuni"
        return f"{noun} : {' '.join(fronted['who'].split())}"
    if verb is None or not noun:
        return ""
    clause = _DONE_AUXILIARY.sub("", text[: verb.start()])
    subject = _subject_before(clause)
    named = LEADING_ARTICLE.sub("", LIST_MARKERS.sub("", clause.split(",")[-1])).strip()
    if (
        not subject
        and named[:1].isupper()
        and len(named.split()) <= _FRAMING_WORDS
        and is_noun_phrase(named)
        and named.split()[0].lower() not in _PRONOUNS
    ):
        subject = named  # "Le Conseil départemental s'est réuni quatre fois": a body's name
    if not subject and re.search(r",\s*$", clause):  # "cette plateforme, sollicitée 45 900 fois"
        subject = phrase_before(clause.rstrip(" ,"))
    subject = _listed_subject(clause, subject)
    return f"{noun} : {subject}" if is_noun_phrase(subject) else noun


# the first of a list of subjects, after a relative pronoun: "étude pour laquelle
# Pas-de-Calais habitat, les MDS et les MDADT se sont réunis"
_FIRST_LISTED = re.compile(
    r"\b(?:laquelle|lequel|lesquel(?:le)?s|qui|où|dont)\s+"
    r"(?P<first>(?:(?:la|le|les|l['’])\s*)?[A-ZÉ][^,.;:]{1,40})$"
)
# a member of a list of bodies between commas: a name ("la CAF", "Pas-de-Calais habitat")
_A_NAME = re.compile(r"(?:(?:la|le|les|l['’])\s*)?[A-ZÉ][\w'’-]*(?:\s+[\w'’-]+){0,3}")


def _listed_subject(clause: str, subject: str) -> str:
    """ "Pas-de-Calais habitat, les MDS et les MDADT" for a subject "les MDS et les MDADT"
    that ends a list the clause opens with a name: the whole list; the subject else."""
    pieces = clause.rstrip(" ,").split(",")
    if " et " not in f" {subject} " or len(pieces) < 2:
        return subject
    names: list[str] = []
    for piece in reversed(pieces[:-1]):  # "la CAF, Pas-de-Calais habitat, les MDS et ..."
        first = _FIRST_LISTED.search(piece.strip())
        if first is not None and len(first["first"].split()) <= _SHORT_LABEL + 1:
            names.insert(0, LEADING_ARTICLE.sub("", first["first"].strip()))
            return ", ".join([*names, subject])  # the list opens after the relative pronoun
        named = _A_NAME.fullmatch(piece.strip())
        if named is None:
            return subject  # "Comme chaque année, la CAF et ...": a frame, no member
        names.insert(0, LEADING_ARTICLE.sub("", piece.strip()))
    return subject


def _act_noun(word: str) -> str:
    """The noun of what a verb did ("réuni", "réunies" → "réunions"), "" for none known."""
    forms = (word, f"{word}s", f"{word}es")  # "déplacé": the lemma of "déplacés" is known
    return next((_ACT_NOUNS[lemma(f)] for f in forms if lemma(f) in _ACT_NOUNS), "")


# a count a heading compares: "plus de visiteurs que l'an passé : 129 000"
_COMPARED = re.compile(
    r"\b(?:plus|moins|davantage)\s+(?:de|d['’])\s*(?P<what>[a-zéèêàâç][\wéèêàâç'’ -]{2,40}?)"
    r"\s+(?:qu['’]|que)\b[^:.;]*:[\s*]*$",
    re.IGNORECASE,
)
_WHEN_IN_PHRASE = re.compile(r"\s+(?:en|depuis)\s+(?:19|20)\d\d\b.*$")
_AT_TIMES = re.compile(r"\s*(?P<word>reprises|fois)\b", re.IGNORECASE)
_TIMES_VERB = {  # "s'est réuni à 7 reprises", "s'est réuni 7 fois"
    "reprises": re.compile(r"(?P<verb>[\wéèêàâç]+)\s+à\s*$"),
    "fois": re.compile(r"(?P<verb>[\wéèêàâç]+)\s+$"),
}
# a body that did it, after how many times it did: "Trois fois dans l'année, le comité
# ... (dit comité technique allotissement) s'est réuni"
_DONE_AFTER_TIMES = re.compile(
    r"(?!\s*(?:plus|moins|autant|davantage)\b)[^,.;:]{0,40},\s*"  # not "2 fois plus ..."
    r"(?:(?:les|la|le)\s+|l['’]\s*)(?P<who>[^,;:.()]{3,80}?)\s*(?:\([^)]*\))?"
    r"\s+(?:s['’]\s*est|se\s+sont|a|ont)\s+(?P<verb>[\wéèêàâç]+)",
    re.IGNORECASE,
)
_DONE_AUXILIARY = re.compile(
    r"\s+(?:s['’]est|se\s+sont|se|a|ont|est|sont)(?:\s+été)?"
    r"(?:\s+(?:de\s+nouveau|encore|également|aussi|déjà|ainsi|notamment))?\s*$"
)
# the noun of what was done, by its verb: "s'est réuni à 7 reprises" → "réunions"
_ACT_NOUNS = {
    "réunir": "réunions", "rencontrer": "rencontres", "intervenir": "interventions",
    "visiter": "visites", "sortir": "sorties", "déplacer": "déplacements",
    "consulter": "consultations", "former": "formations", "diffuser": "diffusions",
    "présenter": "présentations", "solliciter": "sollicitations", "utiliser": "utilisations",
    "télécharger": "téléchargements", "contacter": "contacts", "visionner": "visionnages",
    # what an amount went to: "c'est à hauteur de 137 M€ que contribue le Département"
    "contribuer": "contribution", "investir": "investissement", "verser": "versement",
    "financer": "financement", "participer": "participation", "dépenser": "dépense",
    "attribuer": "attribution", "mobiliser": "mobilisation", "engager": "engagement",
    "apporter": "apport", "allouer": "allocation", "subventionner": "subvention",
}  # fmt: skip


def _enumerated(before: str) -> bool:
    """Words that close an item of a list a colon opened, the item naming what it is
    ("plusieurs réalisations : des locaux aménagés ..., des façades nettoyées au collège
    Camus" ends on such an item), not a clause or a figure's own words ("628 aides")."""
    if ":" not in before:
        return False
    item = _ITEM_SEPARATOR.split(before.rsplit(":", 1)[1])[-1]
    # a noun phrase, not a clause: "Bilan : les dotations ont bénéficié ..., pour" is no item
    return (
        _OPENS_ON_ARTICLE.match(item) is not None
        and not re.search(r"\d", item)
        and not FINITE_AUXILIARY.search(item)
    )


def _amount_of_item(text: str, q: Quantity, unit: str, parse: Parse | None) -> str:
    """The list item or clause an amount or a measure closes, named by what it is
    ("création d'une garderie ... (sub 87 500 €)" → "subvention : création d'une
    garderie ..."); "" for a measure in a bracket, of what the bracket follows."""
    if (
        unit in _MEASURES
        and _IN_BRACKET.search(text[: q.start])
        and _MORE_IN_BRACKET.match(text, q.end)
    ):
        return ""  # "parcours de marche nordique (2, 4 et 6 kms)": a list of measures
    item = _AMOUNT_OF_ITEM.search(text[: q.start])
    if item is not None and item["closing"] and not _enumerated(text[: item.start()]):
        item = None  # "ont bénéficié aux collèges publics, pour 15,8 M€": no list's item
    if item is not None and unit != "EUR" and re.match(r"\s*(?:de|d['’])\s*\w", text[q.end :]):
        item = None  # "EV5 ... : 4,2 km de voies réaménagées": what the measure is of
    if item is not None and not item["grant"] and not item["listed"] and "(" not in item[0]:
        item = item if LIST_MARKERS.match(text) else None  # "X : 1,2 M€" in a list item only
    if item is not None and item["listed"] and re.match(r"\s*(?:de|d['’])\s*\w", text[q.end :]):
        item = None  # "pour un montant total de 860 000 € de subvention aux communes"
    if parse is not None and unit not in {"count", "pct", "pct_change"} and item is not None:
        # "création d'une garderie à Sainte-Marie-Kerque (sub 87 500 €)", "... éclairage :
        # 25 000 €", "la rénovation des cages d'escaliers ..., pour un montant de 99 997
        # euros": the item the amount is for, named by what it is (a grant, an amount)
        end = item.start()
        aside = text.rfind(",", 0, end)
        if item["listed"] and aside > 0 and _APPOSED.fullmatch(text, aside, end):
            # "six projets, portés par les collectivités ..., pour un montant de": of the
            # phrase the participle's aside follows
            end = aside
        what = item_phrase(parse, end)
        if is_noun_phrase(what):
            kind = "subvention" if item["grant"] else UNIT_NOUNS.get(unit, "montant")
            return f"{kind} : {what}"
    return ""


_ITEM_SEPARATOR = re.compile(r"[,;:]\s*(?:et\s+)?")
# an aside that opens on a participle and its agent: ", portés par les collectivités"
_APPOSED = re.compile(
    r",\s*[^\W\d_]+(?:é|ée|és|ées|i|is|ie|ies|u|us)\s+(?:par|avec|pour)\b[^,;:.()]*",
    re.IGNORECASE,
)
_CUT_END = re.compile(
    r"(?:\s+(?:et|ou|de|des|du|à|au|aux|en|pour|sur|par|avec|autour|la|le|les|un|une|d['’]|l['’]"
    r"|à\s+hauteur|au\s+total|en\s+tout))+$",  # "l'intervention à hauteur de": "intervention"
    re.IGNORECASE,
)
# "X, dont le nombre atteint 28 917": the number of the noun phrase before
# "X, dont le nombre atteint 28 917", "X dont l'investissement s'élève à 2 000 000 €": the
# number or the amount of the noun phrase before
_WHOSE_MEASURE = re.compile(
    r",?\s*dont\s+(?:le|la|l['’])\s*(?P<measure>nombre|investissement|coût|montant|budget"
    r"|enveloppe)(?:\s+total)?"
    # "dont le montant voté s'élève à": what was done with it
    r"(?:\s+(?P<done>(?:voté|alloué|prévu|engagé|consacré|programmé|mobilisé)e?s?))?"
    r"\s+(?:(?:a\s+|avait\s+)?(?:atteint|dépassé|franchi|avoisiné)"
    r"|dépasse|franchit|avoisine|approche|s['’]élève\s+à|s['’]est\s+élevée?\s+à|est\s+de"
    r"|était\s+de|se\s+monte\s+à)[\s*]*$",
    re.IGNORECASE,
)
# a participle that says nothing without its complement, left at a label's end: "dossier
# en innovation touristique situé" (its "à ..." cut)
_LEFT_WITHOUT_COMPLEMENT = re.compile(
    r"(?<=\w)\s+(?:situ|destin|li|compos|constitu|dot)(?:é|ée|és|ées)$"
    r"|(?<=\w)\s+(?:relati(?:f|fs|ve|ves)|issue?s?)$",
    re.IGNORECASE,
)
# a line that says its amount is granted, under what: "Fonds pêche : subventions accordées:"
_GRANT_BEFORE = re.compile(
    r"^\s*(?P<heading>[^:;.\d]{3,80}?)\s*:\s*(?P<what>(?:subv\.?|subventions?)"
    r"(?:\s+accordée?s?|\s+versée?s?)?)\s*:?\s*$",
    re.IGNORECASE,
)
_SUBV = re.compile(r"^subv\.?(?=\s|$)", re.IGNORECASE)
# a thing and its size: "du belvédère de 40 mètres"
_THING_OF_SIZE = re.compile(
    r"\b(?:du|de\s+la|de\s+l['’]|d['’]une?|le|la|l['’]|une?)\s*"
    r"(?P<what>[a-zéèêàâç][\wéèêàâç-]{2,}(?:\s+[a-zéèêàâç][\wéèêàâç-]{2,})?)\s+de\s*$",
    re.IGNORECASE,
)
_LONG = re.compile(r"\s+de\s+(?:long|longueur)\b", re.IGNORECASE)
# what stands up: its size in metres is its height
_UPRIGHT = frozenset({"belvédère", "mât", "phare", "clocher", "beffroi", "éolienne", "pylône"})
# a thing and what it holds: "une aire de co-voiturage de 49 places"
_ARTICLE = re.compile(r"\b(?:une?|le|la)\s+|\bl['’]\s*", re.IGNORECASE)
_HOLDER = re.compile(r"(?P<what>[a-zéèêàâç][\w'’ -]{1,40}?)\s+(?:de|d['’])\s*", re.IGNORECASE)
_HOLDER_REACH = 60
# a thing said in how many parts it is made of: "une tournée en 13 escales"
_NOT_MADE_OF = frozenset(
    {"fois", "semaine", "mois", "an", "année", "jour", "journée", "heure", "minute", "moyenne",
     "tout", "total", "hausse", "baisse", "augmentation", "diminution"}
)  # fmt: skip
_MADE_OF = re.compile(r"(?P<what>[a-zéèêàâç][\wéèêàâç'’-]{3,30})\s+en\s*", re.IGNORECASE)
# what a count is "un ... de" that holds nothing: "un total de 50", "une moyenne de 12"
_NOT_A_HOLDER = frozenset(
    {"total", "nombre", "montant", "moyenne", "maximum", "minimum", "hauteur", "capacité",
     "ensemble", "effectif", "groupe", "équipe", "série", "cycle", "durée", "délai", "plus",
     "moins", "près", "environ", "âge", "taux", "budget", "coût", "enveloppe", "biais",
     "objet", "charge", "forme", "cas", "cadre", "occasion", "titre", "part", "lors", "bilan",
     "baisse", "hausse", "gain", "perte", "augmentation", "diminution", "progression", "recul",
     "évolution", "variation", "majorité", "minorité", "partie"}
) | APPROXIMATE_NOUNS  # fmt: skip
_NOT_IN_A_HOLDER = frozenset(
    {"au", "aux", "à", "en", "dans", "sur", "pour", "par", "avec", "cours", "lors", "entre"}
)
_DEED_ENDINGS = ("ment", "tion", "sion", "ance", "ence", "ueil", "age")
# a thing that holds what is counted, named alone: "une salle de 120 places"
_CONTAINERS = frozenset(
    {"aire", "salle", "parc", "site", "bâtiment", "résidence", "foyer", "établissement",
     "maison", "centre", "réseau", "flotte", "collection", "parking", "internat", "crèche",
     "structure", "plateforme", "pôle", "unité", "promotion", "bibliothèque", "médiathèque"}
)  # fmt: skip
# a label that names only its measure: "Montant TTC", "Montant total de l'opération"
_ONLY_A_MEASURE = re.compile(
    r"(?:montant|coût|linéaire|longueur)(?:\s+(?:total|global|TTC|HT))*"
    r"(?:\s+de\s+l['’]opération)?",
    re.IGNORECASE,
)
# "163 professionnels y ont participé": those who took part in what was said before
_THERE = re.compile(
    r"\s+(?:[a-zéèêàâç'’-]+\s+){0,3}?y\s+(?:ont|a|avaient|avait)\s+"
    r"(?P<done>participé|pris\s+part|assisté|contribué|répondu)\b",
    re.IGNORECASE,
)
# the verb of a sentence that opens on what was done or took place: "Des ateliers ont été
# organisés", "Le forum s'est tenu", "Une fête a eu lieu"
_UNDERGONE = re.compile(
    r"\s(?:(?:ont|a|avaient|avait)\s+été|s['’](?:est|était)|se\s+sont|se\s+tiennent|sont"
    r"|est|était|étaient|(?:a|ont)\s+eu\s+lieu)\s",
    re.IGNORECASE,
)
# a link to the sentence before, ahead of a sentence's subject
_LINKED_OPENING = re.compile(
    r"^\s*(?:[àa]\s+ce\s+titre|ainsi|par\s+ailleurs|en\s+outre|enfin|de\s+plus|en\s+effet"
    r"|dans\s+ce\s+cadre|également)\s*,\s*",
    re.IGNORECASE,
)
_ANTECEDENT_OPENS = re.compile(
    r"^\s*(?:le|la|les|l['’]|ce|cette|ces|des|une?)\s*[\wéèêàâç]", re.IGNORECASE
)
# an amount given to whom: "642 000 € ont été attribués aux treize partenaires agricoles"
_GIVEN_AWAY = re.compile(
    r"[\s*]*(?:ont|a)\s+été\s+(?P<done>(?:attribu|vers|allou|accord|revers|distribu|octroy)"
    r"(?:é|ée|és|ées))\s+(?P<to>aux|au|à\s+la|à\s+l['’])\s*",
    re.IGNORECASE,
)
_DASHED_ASIDE = re.compile(r"\s[–—]\s[^–—]*\s[–—](?=[\s,]|$)")
# "porte le nombre de bilans à 106", "le nombre d'inscrits atteint 500": what is counted
_BROUGHT_TO = re.compile(
    r"\ble\s+nombre\s+(?:de|d['’])\s*(?P<what>[^,;:.()]{2,60}?)\s+"
    r"(?:à|atteint|s['’]élève\s+à|s['’]établit\s+à|est\s+de|passe\s+à)\s*$",
    re.IGNORECASE,
)
# the same, the figure first: "ce qui porte à 79 le nombre de places créées"
_BRINGS_TO = re.compile(r"\b(?:porte|portent|portant|amène|amènent|élève)\s+à\s*$", re.IGNORECASE)
_NUMBER_OF_AFTER = re.compile(
    r"\s+le\s+nombre\s+(?:de|d['’])\s*(?P<what>[^,;:.()]{2,60}?)\s*(?=[,;:.()]|\s+(?:en|à)\s|$)",
    re.IGNORECASE,
)
_CHANGE_VERB = re.compile(CHANGE_VERBS, re.IGNORECASE)
# an act on an amount, named alone before it, and what the amount then is
_ACTS_ON_AMOUNTS = {
    "obtention": "obtenu", "attribution": "attribué", "versement": "versé",
    "mobilisation": "mobilisé", "octroi": "octroyé", "allocation": "alloué",
}  # fmt: skip
_RATE_END = re.compile(r"\s+par\s+(?:an|jour|mois|semaine|heure|nuit|personne)$", re.IGNORECASE)
_OPENS_ON_FIGURE = re.compile(r"\(\s*(?:\*\*)?\s*$")
_DIGIT = re.compile(r"\d")
# the participles of setting something up
_SET_UP_VERBS = (
    r"(?:mise?s?\s+en\s+place|organisée?s?|lancée?s?|créée?s?|ouverte?s?|initiée?s?|proposée?s?)"
)
# what a sentence says was set up, its object next: "a lancé un questionnaire en ligne"
_SET_UP = re.compile(
    rf"\b(?:a|ont)\s+{_SET_UP_VERBS}\s+(?=(?:une?|des|le|la|les|l['’])\s*\w)", re.IGNORECASE
)
# a sentence whose subject was set up: "Des rencontres connectées ont été mises en place"
# (not "Le passage de relais ... s'est déroulé": what the next sentence counts is not its)
_SET_UP_DONE = re.compile(rf"\b(?:ont|a)\s+été\s+{_SET_UP_VERBS}\b", re.IGNORECASE)
# its object, up to what it is about or for: "un questionnaire en ligne (portant sur ...)"
_SET_UP_WHAT = re.compile(
    r"(?:(?:une?|des|les|le|la)\s+|l['’]\s*)(?P<what>[a-zéèêàâç][\wéèêàâç'’-]*(?:\s+(?!(?:portant|qui|"
    r"que|pour|afin|sur|auprès|avec|dans|à|au|aux|et|de|du|des)\b)[\wéèêàâç'’-]+){0,3})",
    re.IGNORECASE,
)
# "a permis à 172 porteurs de projets de recevoir une information relative aux enjeux"
_ALLOWED_TO = re.compile(
    r"\b(?:permis|permettent|permet|permettra)\s+(?:à|aux)\s*(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
_THEN_DID = re.compile(
    r"\s+d(?:e\s+|['’])\s*(?P<verb>[a-zéèêàâç]+(?:er|ir|re|oir))\s+(?P<what>[^,;:.()]{3,60})",
    re.IGNORECASE,
)
_OBJECT_WORDS = 5
_FUNCTION_WORDS = frozenset({"et", "ou", "la", "le", "les", "des", "du", "au", "aux", "à", "l'"})
_RANKS = ("deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième")
# a count of what the heading names: "Les commissions thématiques : on en compte six"
_COUNTED_THERE = re.compile(
    r"\b(?:on|il\s+y)\s+en\s+(?:compte|dénombre|recense|a|avait)\s*(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
# what an amount is for, right after it: ", destinée à compenser", " pour sécuriser"
_PURPOSE = re.compile(
    r"\s*,?\s*(?P<how>destinée?s?\s+à|pour|afin\s+de)\s+(?=(?P<verb>[a-zéèêàâç]+(?:er|ir|re))\b)",
    re.IGNORECASE,
)
_AMOUNT_OF_NOUN = re.compile(r"\b(?:de|d['’])\s*(?:près\s+de\s+|plus\s+de\s+)?$", re.I)
_CLAUSE_CUT = re.compile(r"[,;:.()]|\s(?:et|dont|qui|soit)\s")
_PURPOSE_WORDS = 7
# who did what an amount measures, and the article the sentence gave them: "Le Département
# contribue (à hauteur de 143 M€)"
_WHO_ACTS = re.compile(
    r"^(?P<who>[A-ZÉ](?:(?!\s(?:et|ou)\s)[\w'’ -]){1,40}?)\s+"  # not "Département et la Région"
    r"(?P<verb>[a-zéèêàâç]+(?:e|ent|it|issent))$"
)
# an amount said by what something cost: "Montant : opération ayant coûté"
_COST_OF = re.compile(r"^(?:montant\s*:\s*)?(?P<what>.+?)\s+ayant\s+coûté$", re.IGNORECASE)
# a label that opens on the participle of what was received: "bénéficié d'une subvention"
_RECEIVED = re.compile(
    r"^(?P<participle>bénéficiée?s?|reçue?s?|obtenue?s?|perçue?s?)\s+"
    r"(?:d['’]\s*une?|de\s+la|de\s+l['’]|du|des|de)\s*(?P<what>\w.*)$",
    re.IGNORECASE,
)
# a length along a route: "3,9 km sur l'EV5", "12 km sur la RD 943"; what a route is called
_ROUTE = re.compile(
    r"(?:(?:RD|RN|EV|GR|D)\s?\d|[A-Z]{2,}\d*\b|(?i:voies?|routes?|itinéraires?|véloroutes?|"
    r"pistes?|sentiers?|canal|chemins?)\b)"
)
# a work done over a length or an area: "a été réalisée et implantée sur"
_STRETCHES = frozenset({"km", "m", "ha", "m2"})
_DONE_OVER = re.compile(
    rf"\s(?:a|ont)\s+été\s+(?P<done>{PARTICIPLE_FORM})(?:\s+et\s+{PARTICIPLE_FORM})?\s+sur\s*$",
    re.IGNORECASE,
)
_CLITIC_END = re.compile(r"\s+(?:y|en)\s*$")
# a clause that opens on the work done over a stretch: "Réalisation et implantation d'une
# nouvelle signalétique de l'itinéraire GR 121 ... sur près de 220 km"
_ACT_OVER = re.compile(
    r"\s*(?:réalisation|implantation|création|aménagement|installation|pose|réfection|"
    r"rénovation|renouvellement|restauration|extension|mise\s+en\s+place)"
    r"(?:\s+et\s+(?:l['’]\s*|la\s+|le\s+)?[\wéèêàâç]+)?\s+(?:de\s+la\s+|de\s+l['’]\s*|d['’]\s*|du\s+|des\s+|de\s+)"
    r"(?P<what>[^.;:]+?)\s+sur\s*",
    re.IGNORECASE,
)
_ALONG = re.compile(r"\s*(?:sur|le\s+long\s+(?:de|du|des))\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?")
_AUXILIARY_END = re.compile(r"\s+(?:ont|a|sont|est)(?:\s+été)?\s*$", re.IGNORECASE)
# the rest of a name up to its acronym: " et d'Accompagnement à Domicile (SAAD)"
_NAME_RUN = re.compile(
    r"(?P<rest>(?:\s*(?:(?:et|de|du|des|à|aux|en|sur|la|le|les)\b|[dl]['’]|[A-ZÉ][\w-]*))+?)"
    r"\s*\((?P<acronym>[A-ZÉ]{2,8})\)"
)
_CAPITALISED = re.compile(r"(?:(?<=['’])|\b)[A-ZÉ][\w-]*")
_TAXES = re.compile(r"(?:TTC|HT|H\.T\.?|T\.T\.C\.?)", re.IGNORECASE)
_OF_WHOLE = re.compile(r"\s*des\s+", re.IGNORECASE)
# an amount "pour" an action named by its noun (not "pour les collégiens": whom it is for)
_FROM_MONTH = re.compile(
    rf"\s+(?:de|d['’]|en|du)\s*(?:\d{{1,2}}\s+)?{MONTH}\s+(?:19|20)\d\d\b.*$", re.IGNORECASE
)
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "ce", "cela", "celui", "celle"})
_FRONTED_FOR = re.compile(r"\s*pour\s+", re.IGNORECASE)
# "pour un montant total de 98 400 €": an amount that says it is one
_AMOUNT_SAID = re.compile(
    r"\b(?:un|le)\s+(?P<amount>montant(?:\s+(?:total|global))?)\s+(?:de\s+|d['’]\s*)?\**\s*$",
    re.IGNORECASE,
)
_AMOUNT_NOUNS = frozenset(
    {"subvention", "coût", "budget", "investissement", "dotation", "enveloppe", "financement",
     "dépense", "crédit", "contribution", "participation", "aide", "fonds", "prix", "somme"}
)  # fmt: skip
_FUNDS = frozenset({"soutien", "plan", "programme", "dispositif"})  # what an amount is of
# "le Département a soutenu les artistes": the report's own act, and what it was done to
_WE_DID = re.compile(
    rf"{DEPARTEMENT_NAMED}\s+(?:a|ont)\s+(?:\w+ment\s+)?"
    rf"(?!(?:été|pu|su|dû|eu|fait|décidé|permis|choisi|souhaité|voulu)\s)"
    rf"(?P<done>{PARTICIPLE_FORM}|\w+u)\s+"
    r"(?P<what>(?:les?|la|l['’]|des|du|un|une|ses|leurs?)\s*[\wéèêàâç].*)$",
    re.IGNORECASE,
)
_THEN_WHAT = re.compile(
    r"[\s*]*(?:HT|TTC)?\s*(?:au\s+total|en\s+tout)?\s*,\s*", re.IGNORECASE
)  # "Pour **2,7 millions €**, le Département ..."
_FOR_COUNTED = re.compile(
    r"\s*(?:TTC|HT)?\s*pour\s+(?:\d+|une?)\s+"
    r"(?!(?:ans?|années?|mois|jours?|semaines?|durée|total)\b)(?=[a-zéèêàâç])",
    re.IGNORECASE,
)
_PURPOSE_AFTER = re.compile(
    r"\s*(?:TTC|HT)?\s*pour\s+(?=(?:la|le|les|l['’]|une?|des|du)\s*"
    r"(?:[\wéèêàâç-]+(?:tions?|sions?|ments?|ages?|ures?)|travaux|achats?|acquisitions?)\b)",
    re.IGNORECASE,
)
# what a name between guillemets in lower case does not open with: a preposition, a verb
_NOT_A_NAME = re.compile(
    r"(?:au|aux|à|en|dans|pour|par|sur|avec|vers|de|du|des)\b.*|[a-zéè]+(?:er|ir|re)(?:\s+\S+)?",
    re.IGNORECASE,
)  # a preposition's phrase, or a verb and at most one word ("aller vers")
# what a name cannot end on: "le Plan de relance" is not "Plan de"
_NAME_TAIL = re.compile(r"(?:\s+(?:de|du|des|d['’]|la|le|l['’]|et|à|en))+$")
# a programme, a fund or an event named by its proper name
_PROGRAMME = re.compile(
    r"\b(?P<name>(?:Fonds|Budget|Plan|Programme|Appel\s+à\s+projets|Contrat|Schéma|Semaine|"
    r"Festival|Forum|Salon|Mois|Trophées?|Prix|Rencontres|Journées?)"
    # "Budget citoyen 2022", "Semaine bleue": an adjective after the name's first word
    r"(?:\s+[a-zéè]+(?:en|enne|al|ale|aux|el|elle|ique|aire|if|ive|ois|oise|ier|ière|ue|ile"
    r"|able|ible|aine?)\b)?"
    r"(?:\s+(?:[A-ZÉ0-9][\w'’-]*|de|du|des|d['’]|la|le|l['’]|et|à|en)){0,6}?)"
    r"(?=\s*(?:[,.;:()«»]|$|\s+(?!de\b|du\b|des\b|la\b|le\b|et\b|à\b|en\b)[a-zé]))",
)
# "ce sont 23,2 M€ qui ont été reversés aux ...": an amount in a cleft sentence
# "C'est à hauteur de 137 M€ HT que contribue le Département"
_CLEFT_AS_MUCH = re.compile(
    r"\bc['’]est\s+(?:à\s+hauteur\s+(?:de|d['’])|pour|avec)\s*(?:près\s+de\s+|plus\s+de\s+)?$",
    re.IGNORECASE,
)
_CLEFT_ACT = re.compile(
    r"\s*(?:HT|TTC)?\s*qu(?:e\s+|['’]\s*)(?P<verb>[a-zéèêàâç]+)\s+"
    r"(?P<article>le|la|les|l['’])\s*(?P<who>[^.;]{2,80})",
    re.IGNORECASE,
)
# "... que le Département a financé les mesures jeunesses": what was done, to what
_CLEFT_DONE = re.compile(
    r"\s*(?:HT|TTC)?\s*qu(?:e\s+|['’]\s*)(?P<who>(?:le|la|les|l['’])\s*(?:(?!\b(?:qui|que|qu['’]|dont|où)\b)[^.;,]){2,80}?)\s+(?:a|ont)\s+"
    r"(?P<passive>été\s+)?(?!été\b)(?P<done>[\wéèêàâç-]+)\b(?P<what>[^.;]{0,100})",
    re.IGNORECASE,
)
_OF_ARTICLE = {"le": "du ", "la": "de la ", "les": "des ", "l'": "de l'"}
_CLEFT_BEFORE = re.compile(r"\b(?:ce\s+sont|c['’]est)\s+(?:près\s+de\s+|plus\s+de\s+)?$", re.I)
_CLEFT = re.compile(
    rf"\s+qui\s+(?:ont|a)\s+été\s+(?P<participle>{PARTICIPLE_FORM})"
    r"(?:\s+(?P<to>aux?|à\s+la|à\s+l['’]|pour\s+les|pour\s+la|pour\s+le))?",
    re.IGNORECASE,
)
_WHERE_THEY_ARE = (
    r"(?:dans|en|sur|au|à|hors)\s+[^,.;:()]{3,50}?(?=\s*(?:[,.;:()]|$|\s(?:et|dont)\s))"
)
_AMONG = re.compile(
    r"\s*d['’]\s*entre\s+(?:eux|elles)\b[\s,]*(?:(?:(?:ont|a)\s+été|sont|est)\s+"
    # what they became, where they are ("sont dans le dispositif depuis plus de cinq ans")
    rf"(?P<state>{PARTICIPLE_FORM}(?:\s+{_WHERE_THEY_ARE})?|{_WHERE_THEY_ARE}))?",
    re.IGNORECASE,
)
# where a figure's phrase ends, and what joins an amount to the phrase before it
_PHRASE_END = re.compile(r"[,;(){}\[\]]|\.\s|\s(?:et|ou|dont|soit|puis)\s")
_ASIDE_OPENS = re.compile(
    r"^\s*,\s*(?=(?:du|de|d['’]|pour|à|au|aux)\b|des\s+(?-i:[A-ZÉ]))",  # not ", des travaux"
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_BRACKET_OPENS = re.compile(r"\(\s*(?:sub(?:v(?:ention)?)?\.?\s*)?$", re.IGNORECASE)
# the words of a figure that spans more than one commune
_AREA_NOUNS = frozenset({"commune", "territoire", "epci", "canton", "intercommunalité"})
_EVERYWHERE = re.compile(
    r"\b(?:l['’]\s*ensemble|tous|toutes|chacun)\s+(?:des|les|de\s+ses|du)\s+"
    r"(?:territoires|communes|départements?)\b|(?-i:\bdu\s+département\b)",
    re.IGNORECASE,
)
# a place where something is, named after its commune: "la maison de la petite enfance de
# Dainville", "le lycée Marguerite Yourcenar de Beuvry", "la base de loisirs de Wingles"
_ESTABLISHMENT = re.compile(
    r"\b(?:maison|lycée|collège|école|base|crèche|médiathèque|salle|résidence|ferme|"
    r"stade|centre|parc|ehpad|mairie|piscine)\b[^.;,]{0,45}(?:de|d['’]|du)\s*$",
    re.IGNORECASE,
)
_SUBJECT_REACH = 60  # how far into its sentence an establishment opening it may name its commune
_OPENS_ON_PLACE = re.compile(
    r"^[\s.]*(?:la|le|les|l['’])?\s*(?:maison|lycée|collège|école|crèche|médiathèque|résidence|"
    r"ferme|centre|ehpad|mairie)\b[^.;,]{0,45}(?:de|d['’]|du)\s*$",
    re.IGNORECASE,
)
_AT = re.compile(r"\bà\s*$|\bau\s*$")
# a sentence that is a heading and its amounts: "Coût départementaux MMU : 107 000 €"
_ADDENDUM = re.compile(
    r"\s*(?:co[uû]ts?|montants?|budgets?)\b[^.:;]{0,40}:\s*\d"
    # "Quel a été le coût pour le Département ? 108 000 € ...": the question and its answer
    r"|\s*quel(?:le)?s?\s+(?:a\s+été|est|était|fut)\s+(?:le|la)\s+(?:co[uû]t|montant|budget)"
    r"(?:\s+(?:total|global|pour\s+le\s+Département))?\s*\?\s*\d"  # not "... du plan vélo ?"
    # "La part départementale s'est répartie entre la contractualisation, pour 194 000 €, ..."
    r"|\s*(?:la|le)\s+(?:part|participation|contribution)\s+(?:départementale|du\s+Département)"
    r"\s+(?:s['’]est\s+répartie|se\s+répartit|s['’]est\s+élevée|s['’]élève)\b[^.;]{0,100}?\d",
    re.IGNORECASE,
)
# the project of a commune, after others of its kind: "On retiendra ..., celui de X"
_PROJECT_OF = re.compile(r",\s*(?:celui|celle|ceux|celles)\s+(?:de\s+|d['’]\s*)")
_COMMUNE_OF = re.compile(r"\b(?:la|cette)\s+commune\s+(?:de\s+|d['’]\s*)", re.IGNORECASE)
_AMOUNT_OF = re.compile(
    r",\s*(?:pour\s+un\s+montant(?:\s+total)?\s+de|soit)\s*$"
    # "la RD 917 à Carvin, sur laquelle 1,52 km de tapis ont été posés": the relative
    # clause is of the road of that commune
    r"|,\s*(?:(?:sur|dans|pour|par|avec|à)\s+(?:laquelle|lequel|lesquelles|lesquels)|auquel|auxquel(?:le)?s)\s*$"
)
_HEADING_WORDS = 8
# an amount, then what was done with it and for whom: "attribués aux 14 partenaires"
_GIVEN_TO = re.compile(
    r"\s*(?P<participle>[\wéèêàâç]+(?:é|és|ée|ées))\s+(?P<to>à|au|aux|pour)\s+"
    r"(?:(?:les|la|le|l['’]|des)\s*)?(?:\d[\d\s]*\s)?",
    re.IGNORECASE,
)
_ADJECTIVE_ENDINGS = ("al", "ale", "aux", "if", "ive", "el", "elle", "ique", "aire", "eux", "euse")
# a label this short, or opening on a vague noun and up to three words, is given its context
_BARE_LABEL = 2
# the units whose figure is a length or an area, and the nouns that say so
_MEASURED_UNITS = frozenset({"km", "m2", "ha", "km2"})
_MEASURE_NOUNS = frozenset(
    {"longueur", "linéaire", "surface", "superficie", "distance", "hauteur", "altitude",
     "largeur", "profondeur", "emprise", "périmètre", "étendue", "aire", "tronçon", "section"}
)  # fmt: skip
# "et en compte désormais 17 130": the pronoun stands for a noun said before
_EN_COUNTS = re.compile(
    r"\ben\s+(?:compte|comptent|comptait|comptaient|dénombre|dénombrent|recense|recensent"
    r"|totalise|totalisent|a|ont|avait|avaient)\s+(?:(?:désormais|aujourd['’]hui|maintenant"
    r"|encore|déjà|plus\s+de|près\s+de|environ)\s+)*$",
    re.IGNORECASE,
)
_SHORT_LABEL = 3
_OF = frozenset({"d'", "d’"})
_NAMED_LABEL = 5  # a label this long still takes the name of its programme
_FRAMING_WORDS = 7
_FRAMING_REACH = 40  # characters from a figure to the framing of its own phrase
# the words a noun's complement opens on: a label with one is said in full
_COMPLEMENT_OPENS = frozenset({"de", "du", "des", "à", "au", "aux", "en", "pour", "sur"})
# words that open a noun's complement: a label with none says nothing of what it is of
_COMPLEMENT_WORDS = _COMPLEMENT_OPENS | {"par", "avec", "dans", "chez", "entre", "auprès"}
# what a phrase cut by a number or by the next phrase may end on
_TRAILING = _CUT_BY_A_NUMBER | _FUNCTION_WORDS | _COMPLEMENT_WORDS
# where a context's noun phrase ends (a relative clause, a participle), and what it cannot
# open with
_CONTEXT_END = re.compile(
    r"\s(?:qui|que|qu['’]|dont|où|auxquel(?:le)?s|lesquel(?:le)?s|lequel|laquelle|ayant|étant)\b",
    re.IGNORECASE,
)
_NOT_A_TOPIC = re.compile(
    r"^(?:pour|afin|avec|dans|sur|par|en|et|ou|mais|si|certaine?s?|plusieurs|différente?s)\b",
    re.IGNORECASE,
)
# a dated line's fields: "23 octobre - Tornade à Bihucourt - 28 agents et 5 CER mobilisés";
# and a name between guillemets ("« Construisons notre Pas-de-Calais »")
_DASHED = re.compile(r"\s[-–]\s")
_DESCRIPTION_WORDS = 12
# a dash between fields, also the one that closes an item before its amount ("... – 4 M€")
_DASHED_FIELD = re.compile(r"\s[-–](?:\s|$)")
# the small words inside a name ("ZI de la Motte au Bois à Harnes")
_NAME_LINKS = frozenset(
    {"les", "la", "le", "l", "des", "du", "de", "d", "au", "aux", "à", "a", "et", "en", "sur",
     "lès", "sous"}
)  # fmt: skip
_DATE_OPENS = re.compile(
    rf"^\s*(?:\d{{1,2}}(?:er)?(?:\s+(?:et|au|-)\s+\d{{1,2}})?\s+)?{MONTH}\s*$",
    re.IGNORECASE,
)  # "23 octobre", "Février"
_PLACE_FIELD = re.compile(r"^\s*[A-ZÉÈ][\w'’-]+(?:[\s-][\w'’-]+){0,3}\s*$")
# a part's label that only says where or for whom: "places créées (24 à Oignies, ...)"
_PART_BY_PLACE = re.compile(r"^(?:à|au|aux|en|dans|pour|sur)\s", re.IGNORECASE)
# an action and whom it reached: "Concertations auprès d'une centaine de jeunes"
_REACHED = re.compile(r"(?P<action>\w+)\s+auprès\s+(?:de\s+|d['’]\s*)(?:\w+\s+)??$", re.IGNORECASE)
# a count per period or per item: "plus de 11 000 véhicules par jour"
_PER = re.compile(
    r"\s*([\wéèêàâç'’-]+)\s+par\s+(?P<per>jour|an|année|mois|semaine|heure|nuit|publication)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«\s*([^«»]{3,60}?)\s*»|(?<!\*)\*(?!\*)([A-ZÉ][^*]{2,60}?)(?<!\*)\*(?!\*)")
# what frames a sentence's figures: an event, a programme, a plan, an edition
_FRAMING = re.compile(
    r"\b(?:dans\s+le\s+cadre|lors|à\s+l['’]occasion|au\s+cours|au\s+titre|édition)\s+"
    r"(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*",
    re.IGNORECASE,
)
# the holding of a gathering, before what was held: "lors de la tenue du club des territoires"
_HOLDING = re.compile(r"^(?:tenue|organisation)\s+(?:du|des|de\s+la|de\s+l['’])\s*", re.IGNORECASE)
# how a count is spread, no part of what it counts: "55 événements, répartis sur l'ensemble
# du département"
_SPREAD_TAIL = re.compile(
    r"(?<=\w)\s+répartie?s?\s+(?:sur|dans|entre|à\s+travers)\s+(?:l['’]\s*ensemble|tout|toute"
    r"|les|le|la)\b.*$",
    re.IGNORECASE,
)
_QUOTED_NAME = re.compile(r"\s*«\s*(?P<name>[^«»]{2,60}?)\s*»")
# a paragraph that opens on its topic: an article and a noun ("Le programme PEGASE, ...")
_TOPIC_OPENS = re.compile(r"^\s*(?:le|la|les|l['’]|ce|cette|ces)\s*[\wéèêàâç]", re.IGNORECASE)
_NO_TOPIC = frozenset(
    {"département", "collectivité", "année", "projet", "dispositif", "action", "objectif", "an",
     "état", "soutien", "europe", "région"}
)  # fmt: skip
_FOR_WHOM = re.compile(r"\s*pour\s+(?=(?:les|la|le|l['’])\s*\w)", re.IGNORECASE)
# "54 forages (+ 20 %)", "101 bilans soit + 38 %", "atteint 57, en hausse de 18 %"
_CHANGE_BETWEEN = re.compile(
    rf"(?:\(|\bsoit|,\s*(?:soit\s+|avec\s+)?"
    # "93 125 abonnés, un chiffre en hausse de 12,9 %"
    r"(?:une?\s+(?:chiffre|nombre|total|effectif|résultat)\s+)?"
    rf"(?:en\s+|une\s+)?(?:{CHANGE_WORDS})\s+de)\s*[+\u2212-]?\s*$"
    # "58 forages suivis, un nombre qui dépasse de 14 % celui de 2021"
    rf"|,\s*(?:une?\s+[\wéèêàç]+\s+)?(?:qui\s+)?{BEYOND_BEFORE.pattern}",
    re.IGNORECASE,
)
_CAPACITY = re.compile(
    r"(?:\bcapacité\s+(?:d['’]accueil\s+)?(?:de|d['’]|pour)|\bpouvant\s+(?:accueillir|recevoir))"
    r"\s*$",
    re.IGNORECASE,
)
# "une croissance du nombre de bilans (101 ...)": the figure is the count, its change apart
_CHANGE_OF_COUNT = re.compile(
    rf"^(?:{CHANGE_WORDS})\s+du\s+nombre\s+(?:de\s+|d['’]\s*)",
    re.IGNORECASE,
)
# "X sont au nombre de", "X, au nombre de", "elles sont au nombre de 6": the clause before
# counts X
_NUMBER_OF = re.compile(
    r"(?:,\s*|\s+(?:(?:elles|ils)\s+)?(?:sont|est|étaient|était|restent)"
    r"(?:\s+(?:aujourd['’]hui|désormais|actuellement|donc|ainsi))?\s+)?"
    r"\bau\s+nombre\s+(?:de|d['’])[\s*]*$"
    r"|,\s*qui\s+(?P<are>sont|étaient)[\s*]*$",  # "Répartition des lauréats, qui sont 36 :"
    re.IGNORECASE,
)
_PIECES = re.compile(r"[,;:.!?]\s")
_PRONOUN = re.compile(r"(?:elles|ils|on|ceux-ci|celles-ci)", re.IGNORECASE)
# a clause's connectors before its noun phrase: "ainsi qu'en", "et", "dont"
_CONNECTOR = re.compile(
    r"^\s*(?:ainsi\s+qu['’]\s*(?:en\s+|à\s+|au\s+)?|et\s+|ou\s+|dont\s+"
    r"|quant\s+(?:aux|au|à\s+la|à\s+l['’])\s*)",
    re.IGNORECASE,
)
# the opening of an amount that closes a list item: "(sub ", "(", " : " after the item
_AMOUNT_OF_ITEM = re.compile(
    r"(?:\(\s*(?:(?P<grant>sub(?:v(?:ention)?)?\.?)\s*)?|\s:\s*"
    r"|(?P<listed>,\s*pour\s+un\s+montant(?:\s+total)?\s+de\s*"
    r"|(?P<closing>(?<=[a-zéèêàç)]),\s*pour\s*)"  # "des façades nettoyées ..., pour 45 000 €"
    r"|(?<=\))\s*,\s*qui\s+[^,;:.()]{1,40}?\s+pour\s*))$",  # "(RD 919), qui s'est poursuivi pour"
    re.IGNORECASE,
)


def _names_a_noun(parse: Parse, label: str) -> bool:
    """The label opens with a noun of the sentence (not a verb, participle or adjective), or
    with adjectives before their noun ("nouveaux itinéraires cyclables")."""
    for word in label.split()[:3]:
        words = [w for w in parse.words if w.text.lower() == word.lower()]
        if any(nounlike(w) for w in words):
            return True
        if not words or not all(w.pos == "ADJ" and w.dep == "amod" for w in words):
            return False
    return False


def _vaguer(label: str, counted: str) -> bool:
    """The words after the figure say less than the noun phrase the parse gives it: one
    word ("aides"), where the parse has the noun with its complements; or the words stop at a
    complement the parse coordinates with another ("communes du Nord" of "49 communes du
    Nord et du Pas-de-Calais"), or at the complement of an adjective or participle ("voie
    accessible" of "voie accessible aux cyclistes et aux piétons")."""
    if counted.lower().startswith(label.lower()) and _COORDINATED.match(counted[len(label) :]):
        return True
    if (
        counted.lower().startswith(label.lower())
        and _OF_THE_ADJECTIVE.match(counted[len(label) :]) is not None
        and len(counted[len(label) :].split()) > 2  # "proposés au fil" of "au fil des huit"
        and len(label.split()) > 1  # "responsables": a noun
        and (is_participle(label.split()[-1]) or label.split()[-1].endswith(_CAPABLE_ENDINGS))
    ):
        return True  # "voie accessible" of "voie accessible aux cyclistes et aux piétons"
    if (
        counted.lower().startswith(label.lower())
        and _WHAT_THEY_DID.search(label)
        and _OBJECT_OF_THE_DEED.match(counted[len(label) :])
    ):
        return True  # "agents ayant bénéficié" of "agents ayant bénéficié de la formation"
    return (
        len(label.split()) == 1
        and len(counted.split()) > 1
        and lemma(label.split()[0]) == lemma(counted.split()[0])
    )


# a count's deed said without its object, and the object the parse gives it
_WHAT_THEY_DID = re.compile(r"\bayant\s+\w+$")
_OBJECT_OF_THE_DEED = re.compile(
    r"\s+(?!au\s+cours\b|à\s+partir\b|au\s+titre\b|(?:de|d['’])\s*(?:l['’]\s*)?(?:année|an)\b)"
    r"(?:de|du|des|d['’]|à|au|aux)\b",
    re.IGNORECASE,
)  # not when: "ont bénéficié au cours de l'année 2022 d'un accompagnement"
_COORDINATED = re.compile(r"\s+(?:et|ou)\s+(?:du|des|de|d['’]|aux?|à)\b", re.IGNORECASE)
# the complement of an adjective or participle the words after a figure stop before
_OF_THE_ADJECTIVE = re.compile(
    r"\s+(?:aux?|à)\s+(?!(?:cours|fil|titre|horizon|l['’]\s*horizon|terme)\b)(?-i:[^\W\dA-ZÉÈ])",
    re.IGNORECASE,
)
_CAPABLE_ENDINGS = ("ible", "able", "ibles", "ables")


# "Réhabilitation de bassins ..., le tout pour 296 000 €": an amount for all of the clause
_ALL_OF_IT_WORDS = r",\s*le\s+tout\s+pour"
_INTRO = re.compile(
    r"(?:\(|:|\bpour\s+un\s+(?:montant|coût|total)\s+(?:global\s+)?(?:de|d['’])|\bsoit|"
    rf"{_ALL_OF_IT_WORDS}|"
    r"\bde|\bà\s+hauteur\s+de|\bsub(?:v(?:ention)?)?\.?|\bcoûts?|\bmontant)\s*$",
    re.IGNORECASE,
)


def _clause_subject(before: str, clause_start: int = 0) -> str:
    """ "Dotations de fonctionnement des collèges (DGF + ...) :" → the words the clause
    opens with, when the figure closes it (after a bracket, a colon, "pour un montant de")."""
    if not _INTRO.search(before):
        return ""
    clause = _INTRO.sub("", before)[clause_start:]
    clause = re.sub(r"\([^)]*\)", "", clause).lstrip(" )")
    clause = re.sub(r"^(?:et|ou|puis)\s+", "", clause)
    clause = LIST_MARKERS.sub("", clause)
    pieces = [p for p in re.split(r"[.;:!?]\s|[,(]", clause) if p.strip(" " + MARKERS)]
    if pieces and _ALL_OF_IT.search(before):
        return _all_of_it(pieces)
    return opening_phrase(pieces[-1].strip(" +" + MARKERS)) if pieces else ""


def _all_of_it(pieces: list[str]) -> str:
    """What "le tout pour" sums: the clause's first noun phrase and the items that go on
    with it ("Les travaux de voirie, de signalisation et d'éclairage"), not its dates ("En
    2022", "de septembre 2022 à janvier 2023")."""
    pieces = [p.strip(" +" + MARKERS) for p in pieces if not _WHEN_PIECE.match(p)]
    if not pieces or not is_noun_phrase(first := opening_phrase(pieces[0])):
        return ""
    items = list(itertools.takewhile(_LISTED_PIECE.match, pieces[1:]))
    if not items or not pieces[0].rstrip().endswith(first):  # "... sur la RD 188, de ..."
        return first
    return " ".join([first, *(i.strip() for i in items)])  # no comma in a label


_ALL_OF_IT = re.compile(rf"{_ALL_OF_IT_WORDS}\s*$", re.IGNORECASE)
# a piece of a clause that only says when: "En 2022", "de septembre 2022 à janvier 2023"
_WHEN_PIECE = re.compile(
    rf"^\s*(?:en|dès|depuis|fin|début|de|du|entre)?\s*(?:{MONTH}\s*)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# an item that goes on with the one before: ", de signalisation et d'éclairage"
_LISTED_PIECE = re.compile(r"^\s*(?:et\s+)?(?:de|d['’]|des|du)\s*[a-zéèêàâç]", re.IGNORECASE)


# words that carry no meaning in a code: "MDS de l'Arrageois" is `mds_arrageois`
_CODE_STOPWORDS = frozenset(
    {"les", "la", "le", "l", "des", "du", "de", "d", "au", "aux", "a", "et", "en", "sur", "pour"}
)
SECTION_CODE_LENGTH = 30


def domain_slug(title: str, structure: ReportStructure | None = None) -> str:
    """The section part of a sentence figure's code, readable: the title's meaningful words,
    whole, up to 30 characters. "LES SOLIDARITÉS TERRITORIALES" and "Les solidarités
    territoriales :" are `solidarites_territoriales`; "Les chiffres clés de l'accompagnement
    des collégiens" is `accompagnement_collegiens` (the block heading words are the
    département catalog's, `structure`); "MDS de l'Arrageois" `mds_arrageois`."""
    rest = structure.without_heading_words(title) if structure else title
    rest = rest.strip(" :,.") or title
    words = slug(rest, 200).split("_")
    meaningful = [w for w in words if w not in _CODE_STOPWORDS] or words
    kept: list[str] = []
    for word in meaningful:
        if len("_".join([*kept, word])) > SECTION_CODE_LENGTH:
            break
        kept.append(word)
    return "_".join(kept) or meaningful[0][:SECTION_CODE_LENGTH]


def _alias_pattern(entity: Entity) -> re.Pattern[str]:
    names = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


_HEADING_LENGTH = 120  # a title line over a paragraph: "... : la salle de Beaudricourt :"
# a box that zooms on a part of what the section is about
_FOCUS = re.compile(r"^(?:zoom|focus|gros\s+plan)\s+sur\b", re.IGNORECASE)


def _box_entities(
    lines: list[tuple[Section, TextLine]],
    organisations: list[tuple[Entity, re.Pattern[str]]],
    entities: EntityCatalog,
) -> dict[tuple[int, int], Entity]:
    """The organisation a box or a run of lines is about: a short line without a figure
    (a box's title) that names an organisation ("EDEN62", "Le parc d'Olhain et son
    belvédère") heads the lines after it, until the next such line or the next section; a
    focus box that names none ("Zoom sur le secteur 4") is about the organisation the
    section's title names, if any."""
    about: dict[tuple[int, int], Entity] = {}
    current: Entity | None = None
    section_now: Section | None = None
    section_about: Entity | None = None

    def named(words: str) -> Entity | None:
        return next((e for e, pattern in organisations if pattern.search(words)), None)

    for section, line in lines:
        if section is not section_now:
            current, section_now, section_about = None, section, named(section.title)
        words = LIST_MARKERS.sub("", line.text).strip()
        title = not words.endswith((".", "!", "?", ";"))  # a title, not a short sentence
        if title and len(words) <= BOX_TITLE_LENGTH and not _figures_of(words, entities)[0]:
            current = named(words) or (section_about if _FOCUS.match(words) else None)
            continue
        longer = title and not line.is_list_item and not words.endswith(":")
        if longer and len(words) <= _HEADING_LENGTH and not _figures_of(words, entities)[0]:
            # a longer heading ("Des établissements publics et organismes associés (EPOA),
            # véritables partenaires du Département") ends the box without opening one
            current = None
            continue
        if current is not None:
            about[line.location.order] = current
    return about


def _page_or_everywhere(text: str, q: Quantity, page: Entity, department: Entity) -> Entity:
    """The page's entity, unless the figure's sentence spans every territory ("déclinée sur
    l'ensemble des territoires avec 7 dates" on a territory's page): the département's."""
    start = max(text.rfind(". ", 0, q.start) + 1, 0)
    end = _SENTENCE_END.search(text, q.end)
    if _divides_the_plan(text, q):
        return department  # "le projet de mandat décliné en 3 pactes", on any page
    return (
        department if _ALL_TERRITORIES.search(text[start : end.start() if end else None]) else page
    )


# the council's plan for its term: the département's, wherever a page presents it
_MANDATE = re.compile(r"\bprojet\s+(?:de\s+mandat|départemental)\b", re.IGNORECASE)


def _divides_the_plan(text: str, q: Quantity) -> bool:
    """ "le projet de mandat décliné en 3 pactes", "... qui se décline en 3 pactes": the parts
    of the council's plan, the département's wherever a page or a day presents them (not
    "la Grande course, déclinée en 3 parcours", of the place it is run at)."""
    start = max(text.rfind(". ", 0, q.start) + 1, 0)
    return bool(_DIVIDED_INTO.search(text, 0, q.start) and _MANDATE.search(text, start, q.start))


# what spans the whole département: "sur l'ensemble des territoires", "l'ensemble du département"
_ALL_TERRITORIES = re.compile(
    r"\b(?:sur|dans|à|pour)\s+(?:l['’]\s*ensemble|tous|chacun)\s+(?:des|les|de\s+ses)\s+"
    r"territoires\b|\b(?:sur|dans|à|pour)\s+l['’]\s*ensemble\s+du\s+(?-i:département)\b",
    re.IGNORECASE,
)  # spread over them ("déclinée sur l'ensemble des territoires"), not compared with them
# what the Département is a member of, on another body's page: "« Norlink fluvial » et
# « Alliance Seine-Escaut », deux associations dont il est membre"
_MEMBER_OF = re.compile(
    rf"[^.;:]{{0,60}}?\bdont\s+(?:il|{DEPARTEMENT_NAMED})\s+est\s+(?:membre|adhérent)\b",
    re.IGNORECASE,
)


def _member_of_it(text: str, q: Quantity) -> bool:
    """ "deux associations dont il est membre" in a sentence the Département is the subject
    of ("Le Département participe ... aux travaux de ..."): its own memberships (not "Le CAUE
    anime 4 réseaux dont il est membre")."""
    if _MEMBER_OF.match(text, q.end) is None:
        return False
    opens = max(text.rfind(". ", 0, q.start) + 1, 0)
    before = LIST_MARKERS.sub("", text[opens : q.start]).replace("*", "")
    return _THE_DEPARTEMENT_ACTS.search(before) is not None


# the Département as the subject of its sentence: "Le Département participe ...", "Par
# ailleurs, le Département est ...", "Il adhère ..."
_THE_DEPARTEMENT_ACTS = re.compile(
    rf"(?:^|[,;]\s*)\s*(?:{DEPARTEMENT_NAMED}|il)\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"(?:participe|est|adhère|siège|contribue|a\s+rejoint)\b",
    re.IGNORECASE,
)
# a title's last words that name the place it is about: "... la salle de Beaudricourt :",
# "... au collège Jean Rostand de Marquise ..."
_ENDS_ON_PLACE = re.compile(r"\b(?:de|d['’]|du)\s*[A-ZÉ][^:,;]{1,40}?\s*(?::|\.\.\.|…)$")
# the establishment a title names with its commune: "au collège Jean Rostand de Marquise"
_ESTABLISHMENT_TITLED = re.compile(
    r"\b(?P<kind>collège|école|lycée|crèche|salle|médiathèque|ehpad|gymnase)\s+(?-i:[A-ZÉ])"
    r"[^:,;]*\b(?:de|d['’]|du)\s*(?-i:[A-ZÉ])",
    re.IGNORECASE,
)
# a paragraph that refers back, early on, to the place the title before it named: "Cette
# commune rurale de 87 habitants", "Avec ses 89 habitants, cette commune", "ce projet"
_REFERS_BACK = re.compile(
    r"\b(?:cette|ce|cet)\s+(?:commune|ville|village|projet|salle|équipement|bâtiment|site|"
    r"chantier|opération|lieu)\b",
    re.IGNORECASE,
)
_REFERS_BACK_REACH = 150


def _titled_places(
    lines: list[TextLine], places: Gazetteer, entities: EntityCatalog
) -> dict[tuple[int, int], Entity]:
    """The commune a title line names ("Des subventions pour l'innovation : la salle
    multi-activités de Beaudricourt :"), for the paragraph right after it, when that
    paragraph writes no other commune ("Cette commune rurale de 87 habitants ...")."""
    out: dict[tuple[int, int], Entity] = {}
    for title, paragraph in pairwise(lines):
        words = LIST_MARKERS.sub("", title.text).strip()
        if not words.endswith((":", "...", "…")) or len(words) > _HEADING_LENGTH:
            continue
        if not words.endswith(":") and not opens_a_block(words.rstrip(" .…")):
            continue  # "... comme Béthune, Bruay ou la ville de Lens...": a sentence's list
        ending = _ENDS_ON_PLACE.search(words)
        named = places.named(ending.group(0)) if ending else []
        if _figures_of(words, entities)[0] or (one := _one_place(named)) is None:
            continue
        # a paragraph that refers back to it ("cette commune", "ce projet", or the kind of
        # establishment the title names: "Retour sur la gestion de crise au collège Jean
        # Rostand de Marquise ..." over "... la structure du collège") and names no other
        back = _REFERS_BACK.search(paragraph.text[:_REFERS_BACK_REACH])
        kind = _ESTABLISHMENT_TITLED.search(words)
        again = kind is not None and re.search(
            rf"\b(?:du|de\s+la|le|la|au|l['’])\s*{kind['kind']}\b", paragraph.text, re.IGNORECASE
        )
        if (back or again) and places.mentioned(paragraph.text) <= {one.code}:
            out[paragraph.location.order] = one
    return out


def _entry_places(
    lines: list[tuple[Section, TextLine]], places: Gazetteer
) -> dict[tuple[int, int], Entity]:
    """The commune a timeline entry names ("29 novembre - Saint-Omer - Les métiers des travaux
    publics"), for the paragraphs of its section that tell of its day (`timeline_entries`),
    when they write no other commune."""
    out: dict[tuple[int, int], Entity] = {}
    texts = {line.location: line.text for _, line in lines}
    for _, section in itertools.groupby(lines, key=lambda pair: id(pair[0])):
        under = timeline_entries((line for _, line in section), opens_a_block)
        for location, entry in under.items():
            fields = entry_fields(entry.text)
            named = {e.code: e for field in fields if (e := places.opens(field)) is not None}
            if len(named) == 1 and places.mentioned(texts[location]) <= set(named):
                out[location.order] = next(iter(named.values()))
    return out


def _focus_subjects(
    lines: list[tuple[Section, TextLine]], entities: EntityCatalog
) -> dict[tuple[int, int], str]:
    """What a focus box zooms on, for the lines under it ("Zoom sur le secteur 4
    (Artois-Cambrésis)": "secteur 4, Artois-Cambrésis"), until the next box title or
    section: its figures are that part's, not the whole's."""
    under: dict[tuple[int, int], str] = {}
    focus, section_now = "", None
    for section, line in lines:
        if section is not section_now:
            focus, section_now = "", section
        words = LIST_MARKERS.sub("", line.text).strip()
        title = not words.endswith((".", "!", "?", ";"))
        if title and len(words) <= BOX_TITLE_LENGTH and not _figures_of(words, entities)[0]:
            zoom = _FOCUS.match(words)
            focus = LEADING_ARTICLE.sub("", words[zoom.end() :].strip(" :")) if zoom else ""
            focus = re.sub(r"\s*\(([^()]*)\)", r", \1", focus)  # one bracket in a label
            continue
        if focus:
            under[line.location.order] = focus
    return under


def _agreed(label: str) -> str:
    """A label's participle agreeing with the feminine noun it opens on, as the report's
    sentence may not: "opérations majeures réalisés" → "Opérations majeures réalisées"."""
    words = label.split()
    if len(words) < 2 or not words[0].endswith("s") or noun_gender(words[0]) != "Fem":
        return label
    for n, word in enumerate(words[1:_AGREEING_WORDS], start=1):
        if word.lower().endswith(("és", "us", "ts")) and is_participle(word):
            words[n] = f"{word[:-1]}es"  # "réalisés" → "réalisées", "reçus" → "reçues"
            return " ".join(words)
        if not word.lower().endswith("es") or word.lower() in _FUNCTION_WORDS:
            break  # "Part des marchés analysés": no longer the noun's adjective
    return label


def _without_second_article(label: str) -> str:
    """Two nouns a label coordinates, said alike: "Montant : accessibilité et les
    aménagements extérieurs" → "Montant : accessibilité et aménagements extérieurs" (the
    first has no article, nor should the second)."""
    pair = _SECOND_ARTICLE.match(label)
    if (
        pair is None
        or _ARTICLE_OPENS.match(pair["first"])
        or _ARTICLE_WITHIN.search(pair["first"])  # "rénovation de la salle et l'aménagement"
        or " entre " in f" {pair['first']} "
        or not (
            pair["first"][:1].islower() and pair["second"][:1].islower()
        )  # "CAF et le Département"
    ):
        return label
    return f"{pair['kind'] or ''}{pair['first']} {pair['cc']} {pair['second']}"


_SECOND_ARTICLE = re.compile(
    r"^(?P<kind>[^:()]+\s:\s)?(?P<first>[^:()]+?)\s+(?P<cc>et|ou)\s+(?:les\s+|le\s+|la\s+|l['’]\s*)"
    r"(?P<second>[^()]+)$"
)
_ARTICLE_WITHIN = re.compile(r"\s(?:la|le|les|du|des|l['’])\b|\sl['’]", re.IGNORECASE)
_ARTICLE_OPENS = re.compile(r"(?:les|le|la|l['’]|des|du|un|une)\b", re.IGNORECASE)
_AGREEING_WORDS = 4  # the noun and the adjectives that may stand between it and its participle


def _of_box_or_list(figures: list[_Read], zoomed: str | None, lead: str | None) -> None:
    """A line's labels with what its focus box zooms on ("2 écluses" of the secteur 4), and
    a short one with what its list is of ("- 5 pôles" of the direction générale des
    services)."""
    for figure in figures:
        if zoomed and figure.label and zoomed.lower() not in figure.label.lower():
            figure.label = f"{figure.label} ({zoomed})"
        elif (
            lead
            and 0 < len(figure.label.split()) <= _BARE_LABEL
            and not _HAS_CONTEXT.search(figure.label)
        ):
            figure.label = f"{figure.label} ({lead})"


def _of_the_count(text: str, figures: list[_Read]) -> None:
    """An amount labelled by a kind and a bare noun takes the context of the count of that
    noun in its sentence: "L'appel à projets ... a permis de soutenir six projets, ..., pour
    un montant de 16 940 €" → "montant : projets (appel à projets ...)", as "Projets
    soutenus (appel à projets ...)"."""
    for figure in figures:
        kind = _KIND_AND_WHAT.match(figure.label)
        if kind is None or not _bare_kind(figure.label):
            continue
        noun = lemma(kind["what"].split()[0].lower())
        opens = text.rfind(". ", 0, figure.quantity.start)
        closes = _SENTENCE_END.search(text, figure.quantity.end)
        stop = closes.start() if closes else len(text)
        counts = [
            other
            for other in figures
            if other is not figure
            and other.unit == "count"
            and opens < other.quantity.start < stop  # its own sentence only
            and _CONTEXT_OF.search(other.label)
            and lemma((other.label.split() or [""])[0].lower()) == noun
        ]
        context = _CONTEXT_OF.search(counts[0].label) if len(counts) == 1 else None
        if context is not None and not re.search(r"\d", context[1]):  # not "(2021)"
            figure.label = f"{figure.label} ({context[1]})"


def _of_block(figures: list[_Read], topic: str | None) -> None:
    """A short label its sentence gave no context, with what its block's title names
    ("Parcours" under "Course contre la faim ACF : un projet sportif …")."""
    if not topic:
        return
    named = set(lemmas(topic))
    for figure in figures:
        words = _QUOTED.sub("", figure.label).split()  # "Bacs « potager » ajoutés": two
        short = 0 < len(words) <= _SHORT_LABEL and not _HAS_CONTEXT.search(figure.label)
        # a longer label pointing back, or a kind and a bare noun, takes a topic with a name
        # of its own ("salle multi-activités de Beaudricourt"), not a block's heading
        # ("dispositifs spécifiques et des appels à projets")
        pointing = (_bare_kind(figure.label) or _points_back(figure)) and names_something(topic)
        if (
            figure.part_of is None
            and words
            and (short or pointing)
            and "(" not in figure.label
            and lemma(words[0]) not in _POPULATION  # "Cette commune rurale de 87 habitants"
            and not set(lemmas(figure.label)) <= named  # "Opérations majeures" again
        ):
            figure.label = f"{figure.label} ({topic})"


# a label that says what it is of by a word that points back to what its block is about:
# "Élèves fréquentant l'établissement", "Financement du projet par le FARDA"
_BACK_TO_BLOCK = re.compile(
    r"\b(?:l['’]\s*(?:établissement|équipement|opération|ouvrage|édifice|bâtiment)"
    r"|(?:du|ce|le)\s+(?:projet|chantier|bâtiment|site)"
    r"|(?:la|cette)\s+(?:structure|opération|salle))\b(?!\s+(?:de|du|des|d['’])\b)",
    re.IGNORECASE,
)
_POPULATION = frozenset({"habitant", "habitante"})


def _points_back(figure: _Read) -> bool:
    """The label names what it is of by a word that points back to its block's subject:
    "l'établissement", "du projet", "Projet financé par le FARDA" (an amount of "Ce projet
    a été financé ...")."""
    funded = figure.unit == "EUR" and _PROJECT_FUNDED.match(figure.label) is not None
    return funded or _BACK_TO_BLOCK.search(figure.label) is not None


# "Montant : subvention", "Longueur : voies": a kind of figure and a bare noun
_KIND_AND_WHAT = re.compile(r"^[^:()]{3,30} : (?P<what>[^:()]+)$")


def _bare_kind(label: str) -> bool:
    """A kind of figure and what it is of in at most two words, with no complement and no
    name ("Montant : subvention", "Longueur : voie douce", "Montant total : projets")."""
    kind = _KIND_AND_WHAT.match(label)
    if kind is None:
        return False
    words = kind["what"].split()
    return (
        len(words) <= _BARE_LABEL
        and not any(w.lower() in _COMPLEMENT_WORDS or w.lower()[:2] in _OF for w in words)
        and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    )


def _list_leads(lines: list[TextLine], entities: EntityCatalog) -> dict[tuple[int, int], str]:
    """What a list is of, for its items: the noun phrase of the line that leads into it
    ("Une direction générale des services composée de :" → "direction générale des
    services" for "- 5 pôles", "- 21 directions"), until a line that is no item; not a
    block's title ("Les chiffres clés de ...")."""
    leads: dict[tuple[int, int], str] = {}
    lead = ""
    for line in lines:
        words = line.text.replace("*", " ").strip()
        if line.is_list_item and lead:
            leads[line.location.order] = lead
            continue
        lead = ""
        opening = LIST_MARKERS.sub("", words)
        if words.endswith(":") and _OPENS_ON_ARTICLE.match(opening):  # "Une direction ..."
            phrase = opening_phrase(opening.rstrip(" :"))  # "MDPH ayant traité": the MDPH
            phrase = " ".join(w for w in phrase.split() if not is_participle(w))
            phrase = re.sub(r"\s+(?:ayant|étant)$", "", phrase)
            after = opening[opening.find(phrase) + len(phrase) :] if phrase in opening else ""
            if quoted := _QUOTED.match(after.lstrip()):  # "du grand projet « Canal ... »"
                phrase = f"{phrase} {quoted[1] or quoted[2]}"
            if (
                phrase.split()
                and lemma(phrase.split()[0]) not in _NO_TOPIC  # "Le Département a financé :"
                and not _NOT_A_LEAD.search(phrase)
                and (len(phrase.split()) > 1 or phrase[:1].isupper())
            ):
                lead = phrase if not _figures_of(words, entities)[0] else ""
    return leads


def _measured_leads(
    lines: list[TextLine], entities: EntityCatalog
) -> dict[tuple[int, int], tuple[str, str]]:
    """The unit and the noun of a measure a list's lead states, for its items ("- ◆ Mise en
    œuvre de 11,9 km de nouveaux itinéraires cyclables :" → ("km", "nouveaux itinéraires
    cyclables") for "- ◆ 3,9 km sur l'EV5 ..."), until a line that is no item or a blank line
    after its items."""
    leads: dict[tuple[int, int], tuple[str, str]] = {}
    lead: tuple[str, str] | None = None
    previous: int | None = None
    listed = False  # an item of the lead's list read already
    for line in lines:
        here = line.location.line
        gap = here is not None and previous is not None and here > previous + 1
        if lead and listed and gap:
            lead = None  # a blank line after its items: another list
        previous = here
        if line.is_list_item and lead:
            leads[line.location.order] = lead
            listed = True
            if not line.text.rstrip().endswith(":"):
                continue
        words = " ".join(line.text.replace("*", " ").split())
        said = _figures_of(words, entities)[0] if words.endswith(":") else []
        of = _MEASURE_OF.match(words, said[0].end) if len(said) == 1 else None
        noun = opening_phrase(of["what"]) if of is not None else ""
        lead = (said[0].unit, noun) if said[0:1] and is_noun_phrase(noun) else None
        listed = False
    return leads


# "11,9 km de nouveaux itinéraires cyclables :": what a lead's measure is of
_MEASURE_OF = re.compile(r"\s*(?:de\s+|d['’]\s*)(?P<what>[^:()]+?)\s*:$")
# a stretch named by its code alone: "EV5 entre Saint-Omer et Audruicq", "RD 939"
_CODED_ROUTE = re.compile(r"(?:RD|RN|EV|GR|D|A)\s?\d")


def _of_measured_list(figures: list[_Read], lead: tuple[str, str] | None) -> None:
    """An item's measure of a route named by its code alone, with what its lead measures:
    "Longueur : EV5 entre Saint-Omer et Audruicq" → "Longueur : nouveaux itinéraires
    cyclables (EV5 entre Saint-Omer et Audruicq)"."""
    if lead is None or lead[0] not in UNIT_NOUNS:
        return
    unit, noun = lead
    said = f"{UNIT_NOUNS[unit]} : "
    for figure in figures:
        what = figure.label[len(said) :]
        if (
            figure.unit == unit
            and figure.label.lower().startswith(said)
            and _CODED_ROUTE.match(what)
        ):
            figure.label = f"{said}{noun} ({what})"


_HAS_CONTEXT = re.compile(r"[(:]")
# "décliné en 3 pactes", "se décline en": the parts a thing is divided into (of the thing
# when it is the council's plan, `_divides_the_plan`)
_DIVIDED_INTO = re.compile(
    r"\b(?:(?:se\s+)?décline|déclinée?s?|(?:s['’])?articule|articulée?s?|structurée?s?"
    r"|divisée?s?|découpée?s?)\s+(?:en|autour\s+(?:de|des|d['’]))\s*(?:ses\s+|les\s+)?$",
    re.IGNORECASE,
)
_NOT_A_LEAD = re.compile(
    r"\b(?:chiffres?\s+clés|réalisations|actions|temps\s+forts|bilan|principaux|principales"
    r"|suivante?s|missions?)\b",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^()]*\)")


_ONE_OF_THEM = re.compile(r",\s*l['’]\s*une?\s+(?:pour|à|au|aux|dans|de|du|des|sur)\b", re.I)


def _organisation(
    text: str, q: Quantity, organisations: list[tuple[Entity, re.Pattern[str]]]
) -> Entity | None:
    """The body the figure's clause names, if any (the nearest one within its sentence); a
    body named in brackets the figure is not in ("des partenaires (Pas-de-Calais Actif,
    APES, ...) ainsi que onze fondations") is an aside, not what the figure is about."""
    begin = max(text.rfind(". ", 0, q.start), text.rfind("; ", 0, q.start), 0)
    stop = text.find(". ", q.end)
    if (
        begin
        and _SO.match(text, begin + 1)
        and not _BY_US.search(text[begin : stop if stop > 0 else None])
    ):
        # "... le « slow dating » organisé par l'association K'Dabra ... . Ainsi, une
        # dizaine d'ateliers": what follows from the sentence before is about its body
        begin = max(text.rfind(". ", 0, begin), 0)
    ends = [i for i in (text.find(". ", q.end), text.find("; ", q.end)) if i != -1]
    clause = text[begin : min(ends) if ends else len(text)]
    asides = [
        (begin + m.start(), begin + m.end())
        for m in _BRACKETED.finditer(clause)
        if not begin + m.start() <= q.start < begin + m.end()
        # "l'Agence Départementale de Réservation Touristique (ADRT / Pas-de-Calais-Tourisme)":
        # the short names of the name before it, no aside
        and not (_GLOSSED.search(clause, 0, m.start()) and _SHORT_NAMES.fullmatch(m.group(0)))
    ]
    best: tuple[int, Entity] | None = None
    for entity, pattern in organisations:
        for match in pattern.finditer(clause):
            where = begin + match.start()
            if any(a <= where < b for a, b in asides):
                continue
            if (
                _PARTNER.search(text[max(where - 40, 0) : where])
                or _WITH_US.match(text, begin + match.end())
                or _VENUE_BEFORE.search(text, 0, where)
                # "2 quais, l'un pour le futur port intérieur ... et l'autre à ...": one of
                # the things counted, not all of them
                or _ONE_OF_THEM.search(text, q.end, where)
            ):
                # "suite à une étude du CAUE", "par le CAUE et/ou le Département", "39
                # personnes se sont présentées aux Apprentis d'Auteuil" (where, not who)
                continue
            distance = abs(where - q.start)
            if best is None or distance < best[0]:
                best = (distance, entity)
    if best is None:  # the body the paragraph opens with is what its sentences are about
        opening = LIST_MARKERS.sub("", text)
        lead_in = _LEAD_IN.match(opening)  # "Dans le cadre de la conférence des financeurs, "
        opening = opening[lead_in.end() if lead_in else 0 :][:_OPENING_REACH]
        opens = {
            e.code: e
            for e, pattern in organisations
            if (m := pattern.search(opening)) is not None
            and m.start() < _OPENS_WITHIN
            and not _JOINED_BEFORE.search(opening[: m.start()])
            and not _JOINED_AFTER.match(opening, m.end())
            and not _PARTNER.search(opening[: m.start()])  # "En partenariat avec le CAUE, ..."
            and not _VENUE_BEFORE.search(opening[: m.start()])
            and not _ONE_OF_THEM.search(opening[: m.start()])
        }
        # "Ingénierie 62 et le CAUE 62 ont encadré ...": two bodies, neither's alone
        best = (0, next(iter(opens.values()))) if len(opens) == 1 else None
    return best[1] if best else None


# what names a body as a partner of what the figure counts, not its subject: "suite à une
# étude du CAUE", "en partenariat avec", "avec l'appui de"
_PARTNER = re.compile(
    r"\b(?:étude|partenariat\s+avec|en\s+lien\s+avec|avec\s+l['’]appui|concours"
    r"|partenaires?|collaboration\s+avec|aux\s+côtés"
    # "une campagne ... a été menée avec Pas-de-Calais Tourisme": done together with it
    r"|\w+(?:é|ée|és|ées)\s+avec)"
    r"\s*(?:du|de\s+la|de\s+l['’]|des|de|d['’]|l['’]|le|la|les)?\s*(?:«\s*)?$",
    re.IGNORECASE,
)
# a figure's own sentence that says the Département did it: no body of the sentence before
# where a paragraph's opening body starts (in characters), and how far its name may run
_OPENS_WITHIN, _OPENING_REACH = 40, 120
# a framing before a paragraph's subject: "Dans le cadre de la conférence des financeurs, ",
# "En 2022, "
_LEAD_IN = re.compile(
    r"^\s*(?:dans\s+le\s+cadre\s+d[eu]s?\b[^,.;]{0,80}|en\s+\d{4}|depuis\s+\d{4}),\s*", re.I
)
# a body named as where people went or something took place: "se sont présentées aux
# Apprentis d'Auteuil", "s'est déroulé au château" (not "siègent à la Commission", "ouverture
# au parc d'Olhain d'un belvédère": its members, its equipment)
_VENUE_BEFORE = re.compile(
    r"\b(?:présenté|rendu|déroulé|tenu|organisé|venu|allé)e?s?\s+"
    r"(?:à|au|aux)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?$|\blieu\s+(?:à|au|aux)\s+$",
    re.IGNORECASE,
)
_BY_US = re.compile(r"\b(?:par|du)\s+(?:le\s+)?Département\b")
# a sentence that goes on from the one before it
# ("Cette action portée avec notre partenaire UFOLEP a permis à 17 équipes ...": the action
# the sentence before named, and its body)
_SO = re.compile(
    r"\s*(?:(?:Ainsi|De\s+ce\s+fait|Ce\s+faisant)\s*,|"
    r"(?:Cette|Ces)\s+(?:action|actions|initiative|initiatives|opération|démarche)\b)",
    re.IGNORECASE,
)
# a body named with another: "Ingénierie 62 et le CAUE 62 ont encadré"
_JOINED_BEFORE = re.compile(r"[A-ZÉ0-9][\w'’-]*\s+(?:et|ou)\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?$")
_JOINED_AFTER = re.compile(r"\s+(?:et|ou)\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?[A-ZÉ]")
# a bracket of short names only: "(ADRT / Pas-de-Calais-Tourisme)", not "(soutenue par ...)"
_SHORT_NAMES = re.compile(r"\(\s*[A-ZÉ0-9][\w'’-]*(?:\s*[/,]\s*[A-ZÉ0-9][\w'’ -]*)*\s*\)")
# a proper name of several capitalised words right before a bracket that glosses it
_GLOSSED = re.compile(r"[A-ZÉ][\w'’-]+(?:\s+(?:de\s+|d['’]|du\s+|des\s+)?[A-ZÉ][\w'’-]+)+\s*$")
# a body named with the Département: their work together, the département's figure
_WITH_US = re.compile(r"\s+(?:et|ou|et/ou)\s+(?:le|du)\s+Département\b")
# the offices a figure's own words may name: "Équipes de la MDADT du Boulonnais mobilisées"
_OFFICES = ("mds", "mdadt")


def _office(label: str, offices: list[tuple[Entity, re.Pattern[str]]]) -> Entity | None:
    """The one office the figure's label names (not its added context), if any."""
    bare = _BRACKETED.sub("", label)
    named = {entity.code: entity for entity, pattern in offices if pattern.search(bare)}
    return next(iter(named.values())) if len(named) == 1 else None


def _named_entities(entities: EntityCatalog) -> tuple[str, ...]:
    """The names of the catalog's entities and their aliases (the département's among them):
    a commune's name inside one of them is no commune ("MDS de Lens-Liévin")."""
    return tuple(sorted({n for e in entities.entities.values() for n in (e.name, *e.aliases) if n}))


# a commune that opens its clause as the subject of what it was given: "Zutkerque a reçu",
# "Oignies bénéficie de" (not "Calais 2023 a accueilli": an event of its name)
_COMMUNE_SUBJECT = re.compile(
    r"(?:[^,]{0,40},\s*)?"  # a fronted adjunct: "En 2022, "
    r"(?P<name>[A-ZÉÈÀÂÎÔÛÇ][^\W\d_'’-]*(?:[\s'’-]+[^\W\d_]+){0,3}?)\s+"
    r"(?:a\s+(?:(?:notamment|ainsi|aussi|également|déjà)\s+)?(?:reçu|obtenu|perçu|bénéficié)"
    r"|bénéficie|reçoit|obtient|perçoit)(?!\w)",
)


def _place(text: str, figure: _Read, figures: list[_Read], places: Gazetteer) -> Entity | None:
    """The commune the figure is about, within its sentence: the one its own phrase names,
    in its label ("... du pont de la RD 33 à Méricourt"), else right after it before the
    phrase ends ("4,3 M€ pour le contournement de Courrières", "24 à Oignies, 14 à ..."),
    else in the phrase it closes ("le pont Valois à Guînes (800 000 €)", "... à Bertincourt,
    pour un montant de 375 315 euros"); else the commune its paragraph is about ("la commune
    d'Alquines a réhabilité ..."), unless the figure counts communes. A phrase that names
    several ("3,9 km de voie douce sur Sangatte, Marck et Oye plage") is about none of them;
    None when no commune is named."""
    if not places:
        return None
    if in_label := places.named(_BRACKETED.sub("", figure.label)):  # not its context
        return _one_place(in_label)
    if in_item := _item_places(text, figure, figures, places):
        # "Marck - Boris Vian - ...": its commune; "Arras - Lens : 12 km": neither
        return next(iter(in_item.values())) if len(in_item) == 1 else None
    q = figure.quantity
    n = figures.index(figure)
    sentence_end = _SENTENCE_END.search(text, q.end)
    stop = sentence_end.start() if sentence_end else len(text)
    if n + 1 < len(figures):
        stop = min(stop, figures[n + 1].quantity.start)
    after = _ASIDE_OPENS.sub(" ", text[q.end : stop])  # "4,3 M€, du contournement de ..."
    if places.named(_PHRASE_END.split(after, maxsplit=1)[0]):
        return _one_place(places.named(after))  # the rest of its phrase may name others
    begin = max(text.rfind(". ", 0, q.start) + 1, figures[n - 1].quantity.end if n else 0)
    before = _BRACKET_OPENS.sub("", _AMOUNT_OF.sub(" ", text[begin : q.start]))
    if named := places.named(_PHRASE_END.split(before)[-1]):
        return _one_place(named)
    # "À Guînes, reconstruction du pont Valois pour 820 000 € ; à Méricourt, ...": the
    # commune its clause opens on
    opens = max(text.rfind(". ", 0, q.start) + 1, text.rfind(";", 0, q.start) + 1)
    alone = not n or figures[n - 1].quantity.end <= opens  # no figure of its clause before it
    clause = LIST_MARKERS.sub("", text[opens : q.start]).lstrip() if alone else ""
    clause = clause[:1].lower() + clause[1:]  # "À Guînes": the cue of a place
    fronted = _FRONTED_PLACE.match(clause)
    heading = places.named(clause) if fronted is not None else []
    several = len({p.code for _, p in heading}) > 1  # "À Arras, Lens et Liévin, 3 000 repas"
    if fronted is not None and not several and heading and heading[0][0] == fronted.end():
        return heading[0][1]  # not "À Ruyaulcourt et à Bourlon, trois randonnées"
    # "APIT : Zutkerque a reçu 45 000 € de subvention", "En 2022, Zutkerque a reçu ...": the
    # commune its clause is said of, named whole (not "Calais Opale Habitat a bénéficié")
    own = LIST_MARKERS.sub("", text[opens : q.start]).split(":")[-1].strip(" *") if alone else ""
    subject = _COMMUNE_SUBJECT.match(own)
    said_of = places.spelled(subject["name"]) if subject is not None else None
    if said_of is not None:
        return said_of
    if lemma((figure.label.split() or [""])[0]) in _AREA_NOUNS:
        return None  # "neuf communes de ...", "sur l'ensemble des territoires": no one commune
    sentence = text[begin : sentence_end.start() if sentence_end else len(text)]
    project = _PROJECT_OF.search(sentence)  # "..., celui de Maninghen-Henne, accompagné ..."
    of = [p for at, p in places.named(sentence) if project and at == project.end()]
    if of:
        return of[0]
    opening = max(text.rfind(". ", 0, q.start) + 1, 0)
    if opening and _ADDENDUM.match(text, opening):
        # "C'est le cas ... de la place du Portel qui a ... . Coût départementaux MMU :
        # 107 000 €": a sentence without a verb that prices the one before
        previous = text[text.rfind(". ", 0, opening - 1) + 1 : opening]
        if (one := _one_place(places.named(previous))) is not None:
            return one
    subject = _COMMUNE_OF.search(text)  # "la commune d'Alquines a réhabilité ..."
    if subject is not None:
        return next((place for at, place in places.named(text) if at == subject.end()), None)
    return _line_place(text, figure, places)


def _commune_said_short(
    text: str, figure: _Read, places: Gazetteer, territory: str
) -> Entity | None:
    """The commune a paragraph on a territory's page is about, named by the start of its
    name ("La commune de La Capelle, par exemple, accompagnée ... (subvention de 11 850 €
    pour 16 750 € de travaux)" on the Boulonnais' page: Capelle-lès-Boulogne), when it is
    the one commune of the territory whose name opens so; None elsewhere, and for a count
    of communes."""
    # the subject its own clause opens on (not "Comme la commune de ...", "; Wimille a ...")
    opens = max(
        text.rfind(". ", 0, figure.quantity.start), text.rfind(";", 0, figure.quantity.start)
    )
    clause = LIST_MARKERS.sub("", text[opens + 1 : figure.quantity.start]).lstrip(" *")
    said = _COMMUNE_NAMED.match(clause) if territory else None
    if said is None or lemma((figure.label.split() or [""])[0]) in _AREA_NOUNS:
        return None
    if _ANOTHER_SUBJECT.search(clause, said.end()):
        return None  # "..., et Wimille 8 000 €", "..., contre 9 000 € pour sa voisine"
    return places.started_in(said["name"], territory)


# a second subject or a comparison in the clause after the commune's name
_ANOTHER_SUBJECT = re.compile(r",\s*(?:et\s+|puis\s+)?(?:[A-ZÉ]|contre\b|alors\b)|\bcontre\b")
# "la commune de La Capelle": the name after it, its article included
_COMMUNE_NAMED = re.compile(
    r"(?i:la|cette)\s+commune\s+(?:de\s+|d['’]\s*)"
    r"(?P<name>(?:(?:La|Le|Les)\s+|L['’]\s*)?[A-ZÉÈ][\w’'-]*(?:\s+[A-ZÉÈ][\w’'-]*)?)"
)


def _epci(text: str, figure: _Read, figures: list[_Read], places: Gazetteer) -> Entity | None:
    """The EPCI the figure's clause names: within its phrase between commas, and between the
    figure before it (or its sentence's start) and the figure after it (or its sentence's
    end): "les travaux du pôle multimodal ... portés par l'intercommunalité (CAB) et
    accompagnés à hauteur de 350 000 €", "neuf communes de la communauté de communes de
    Desvres Samer"; None when it names none or several ("communauté de communes
    Osartis-Marquion et communauté de communes Sud Artois")."""
    head = (figure.label.split() or [""])[0]
    if figure.unit == "count" and lemma(head).lower() in _EPCI_NOUNS:
        return None  # "3 EPCI : la Communauté d'Agglomération du Boulonnais, ...": none of them
    q = figure.quantity
    n = figures.index(figure)
    bare = _BRACKETED.sub(lambda m: m.group(0).replace(",", " "), text)  # "(a, b)": one
    before = figures[n - 1].quantity.end if n else 0
    opens = max(
        bare.rfind(". ", 0, q.start) + 1,
        bare.rfind(",", 0, q.start) + 1,
        bare.rfind(";", 0, q.start) + 1,
        before,
    )
    closes = min(
        (m.start() for m in _PHRASE_STOP.finditer(bare, q.end)),
        default=len(text),
    )
    if n + 1 < len(figures):
        closes = min(closes, figures[n + 1].quantity.start)
    named = {
        e.code: e
        for at, e in places.epcis.named(text[opens:closes])
        # "350 000 € à la CAB et 120 000 € ...": the complement of the figure before
        if not (n and opens == before and _COMPLEMENT_OF_BEFORE.fullmatch(text, opens, opens + at))
    }
    return next(iter(named.values())) if len(named) == 1 else None


_EPCI_NOUNS = frozenset({"epci", "intercommunalité", "communauté"})
_COMPLEMENT_OF_BEFORE = re.compile(
    r"\s*(?:€|euros?)?\s*\(?\s*(?:(?:à|pour|de|par)\s+(?:la\s+|l['’]\s*)?|au\s+|du\s+)?",
    re.IGNORECASE,
)
_PHRASE_STOP = re.compile(r"[,;:]|[.!?](?:\s|$)")


def _line_place(text: str, figure: _Read, places: Gazetteer) -> Entity | None:
    """The one commune a paragraph is about: named in its dated title ("19 mai - Wingles -
    La Grande course ...", "Restructuration de l'école du Val Fleuri - Gauchin-Verloingt.")
    or where its sentence or, when the paragraph names no other commune, an earlier sentence
    says the action takes place ("la ferme du Zuidbrouck à Clairmarais. ... Terres cultivées
    par 2 agriculteurs"); None when it names several, or when the figure's sentence spans
    the whole département ("déclinée sur l'ensemble des territoires avec 7 dates")."""
    q = figure.quantity
    sentence_start = max(text.rfind(". ", 0, q.start) + 1, 0)
    sentence_end = _SENTENCE_END.search(text, q.end)
    sentence = text[sentence_start : sentence_end.start() if sentence_end else len(text)]
    if _EVERYWHERE.search(sentence) or _divides_the_plan(text, q):
        return None  # "le projet de mandat décliné en 3 pactes": the parts of a thing
    title = _SENTENCE_END.split(LIST_MARKERS.sub("", text), maxsplit=1)[0]
    fields = [f.strip() for f in _DASHED.split(title)]
    titled = {p.code: p for f in fields[:-1] if (p := places.opens(f)) is not None}
    last = places.opens(fields[-1]) if len(fields) > 1 else None
    if last is not None and len(fields[-1]) <= len(last.name) + 1:
        titled[last.code] = last  # "... du Val Fleuri - Gauchin-Verloingt."
    if titled:
        return next(iter(titled.values())) if len(titled) == 1 else None
    # else where the figure's sentence says its action takes place, "à" the one commune it
    # writes ("les chaudières du collège à Guînes ont été remplacées pour 190 000 €, auquel
    # s'est ajouté l'accessibilité (250 000 €)")
    # or what its sentence opens on is an establishment of that commune ("La maison de la
    # petite enfance de Dainville participe ..., avec l'appui de 2 médecins")
    at_here = {
        p.code: p
        for at, p in places.named(sentence)
        if _AT.search(sentence[max(at - 4, 0) : at])
        or (at <= _SUBJECT_REACH and _OPENS_ON_PLACE.match(sentence[:at]))
    }
    if len(at_here) == 1 and places.mentioned(sentence) <= set(at_here):
        return next(iter(at_here.values()))
    # else the paragraph's, named "à" up to the figure's sentence or as an establishment's
    # place in a sentence before it ("la ferme du Zuidbrouck à Clairmarais. ... Terres
    # cultivées par 2 agriculteurs"), when the paragraph writes no other commune at all
    named = {p.code: p for _, p in places.named(text)}
    where = {
        p.code
        for at, p in places.named(text[: sentence_start + len(sentence)])
        if _AT.search(text[max(at - 4, 0) : at])
        or (at < sentence_start and _ESTABLISHMENT.search(text[max(at - 60, 0) : at]))
    }
    alone = len(named) == 1 and where == set(named) and places.mentioned(text) <= where
    return next(iter(named.values())) if alone else None


def _one_place(named: list[tuple[int, Entity]]) -> Entity | None:
    """The commune named, when only one is."""
    codes = {place.code for _, place in named}
    return named[0][1] if len(codes) == 1 else None


def _code(domain: str, label: str, unit: str, codes: set[str]) -> str:
    suffix = unit_suffix(unit)
    base = f"tx_{domain}__{slug(label, 50)}{suffix}"
    code, n = base, 2
    while code in codes:
        code, n = f"{base}_{n}", n + 1
    codes.add(code)
    return code


def _paragraph(location: Location) -> str:
    return f"paragraph:{location.page or 0}:{location.line or 0}"


def merge_restatements(result: Extraction, labels: dict[str, str], report_year: int) -> Extraction:
    """A sentence figure that restates a figure read elsewhere (same entity, unit, value and
    period, and a label with the same head noun) takes that figure's code: one fact, two
    places. A count of the whole year restated with the days it was gathered ("44 lauréats"
    and "44 lauréats ont été récompensés ... du 24 novembre 2022") is of that year; two
    different days (or a quarter and a month) are two facts.
    `labels`: indicator code -> label, for every code of the extraction."""
    whole_year = report_period(report_year)

    def _fact_key(f: Figure) -> tuple:
        period = f.period or whole_year
        start, end = period.start, period.end
        if period.kind == "year" and start and end and start.year == end.year:
            return (f.entity_code, f.unit, f.value, "year", start.year)
        return (f.entity_code, f.unit, f.value, period)

    def _same_time(f: Figure, code: str, stated: list[tuple[str, Period]]) -> bool:
        """The whole year, or the days every narrowed statement of that code gives."""
        period = f.period or whole_year
        days = {p for c, p in stated if c == code and p != whole_year}
        return period == whole_year or days <= {period}

    known: dict[tuple, list[tuple[str, Period]]] = {}
    generated = {f.indicator_code for f in result.figures if f.extractor == EXTRACTOR}
    for f in result.figures:
        if f.extractor != EXTRACTOR:
            known.setdefault(_fact_key(f), []).append((f.indicator_code, f.period or whole_year))
    renamed: dict[str, str] = {}
    figures = []
    # a generated indicator's label, made more specific by a sentence that restates it
    shown = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    # one place never states one fact twice: a code is taken once per line
    taken = {(f.location, f.indicator_code) for f in result.figures if f.extractor != EXTRACTOR}
    for f in result.figures:
        if f.extractor == EXTRACTOR:
            label = labels.get(f.indicator_code, "")
            stated = known.get(_fact_key(f), [])
            same = [
                c
                for c in dict.fromkeys(c for c, _ in stated)
                if (f.location, c) not in taken
                and _same_time(f, c, stated)
                and _same_quantity(label, labels.get(c, ""), generated=c in generated)
            ]
            if same:
                renamed[f.indicator_code] = same[0]
                if same[0] in shown and _says_more(label, shown[same[0]]):
                    shown[same[0]] = label  # "Lauréats" stated again as "lauréats (Budget ...)"
                f = replace(f, indicator_code=same[0])
            taken.add((f.location, f.indicator_code))
            known.setdefault(_fact_key(f), []).append((f.indicator_code, f.period or whole_year))
        figures.append(f)
    result.generated_indicators = [
        replace(g, indicator_label=_capitalised(shown[g.indicator_code]))
        for g in result.generated_indicators
    ]
    return result.with_figures(figures, renamed)


def _says_more(label: str, shown: str) -> bool:
    """A restatement's label says more than the one shown for the fact: the shown one is a
    lone noun ("Lauréats" stated again as "lauréats (Budget citoyen 2022)"), or every word of
    it is in the restatement's, which adds to it without an aside ("Élèves transportés"
    stated again as "élèves en situation de handicap transportés")."""
    said, before = lemmas(label), lemmas(shown)
    if len(before) < 2 <= len(said):
        return True
    return set(before) < set(said) and "(" not in label and len(label.split()) <= _SAYS_MORE


_SAYS_MORE = 8  # the longest restatement's label that replaces a shorter one


def _capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def _same_quantity(label: str, other: str, *, generated: bool) -> bool:
    """Two labels of one value name one quantity: the same head noun and every content word
    of the shorter label in the longer. Two sentences' own labels must also say more than a
    noun ("Sub" twice is two grants, not one)."""
    first, second = lemmas(label), lemmas(other)
    ours, theirs = set(first), set(second)
    if not ours or not theirs or first[0] != second[0]:
        return False
    if (named := _codes_in(label)) and (other_named := _codes_in(other)) and named != other_named:
        return False  # "EV5" and "EV4": two routes, whatever their lemmas
    if generated and min(len(ours), len(theirs)) < 2:
        return False
    return ours <= theirs or theirs <= ours


def _codes_in(label: str) -> set[str]:
    """The codes a label names, letters and digits ("EV4"; "RD 917" and "RD917" are one)."""
    joined = re.sub(r"\b([A-Z]{1,4})\s+(?=\d)", r"\1", label)
    return {w.lower() for w in re.findall(r"\w*\d\w*", joined)}


def distinct_labels(figures: list[_Read]) -> None:
    """Two facts of one sentence never share a label: the second is named by its unit
    ("surface : ..."), else by its rank among the facts of that label ("(troisième)")."""
    seen: set[str] = set()
    said: dict[str, int] = {}  # how many facts of the sentence a label has named so far
    for figure in figures:
        if not figure.label:
            continue
        label = figure.label
        n = said[label.lower()] = said.get(label.lower(), 0) + 1
        noun = UNIT_NOUNS.get(figure.unit, "")
        if label.lower() in seen and noun and not label.lower().startswith(noun):
            label = f"{noun} : {label}"
        while label.lower() in seen:
            # "parcours de marche nordique (2, 4 et 6 kms)": the second, the third
            rank = _RANKS[n - 2] if 0 <= n - 2 < len(_RANKS) else f"{n}e"
            label, n = f"{figure.label} ({rank})", n + 1
        seen.add(label.lower())
        figure.label = label
