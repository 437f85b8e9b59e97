"""Key-figure lines: `- ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)`, `890 communes`.

A key-figure line states one figure and what it counts, in any order: the figure first
("60 bâtiments départementaux", "vingt-quatre collèges"), the label first ("Bassins : 51",
"Population : 150 112 habitants", "Une superficie de 2 018,6 km²"), or in a short clause
("Le territoire compte 21 bâtiments départementaux"); sometimes with an aside "(soit X %
du Pas-de-Calais)" or ", soit X % de celle du Pas-de-Calais" that gives the entity's share
of the department. The label names a catalog indicator by its key-figure pattern, else by
meaning: its lemmas against the indicator's label and synonyms, in the same unit.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipelines.extract import Context, Extraction
from pipelines.extract.concepts import lemmas, wordings
from pipelines.extract.phrases import (
    CHANGE_BEFORE,
    CHANGE_WORDS,
    COPULA,
    COUNT_OF,
    is_participle,
    is_verb,
)
from pipelines.read.document import LIST_MARKERS, TextLine
from pipelines.read.numbers import Quantity, find_quantities
from schemas.catalog import Indicator, IndicatorCatalog

_ASIDE = re.compile(
    r"\(\s*soit\s+(?P<aside>[^)]*)\)"
    r"|,\s*(?:soit|(?:ce\s+)?qui\s+représente(?:nt)?|représentant|c['’]est-à-dire|à\s+savoir)\s+"
    r"(?P<trailing>[^()]*%[^()]*)$",
    re.IGNORECASE,
)
# "Bassins : 51", "Population : 150 112 habitants": the label, then the figure
_LABEL_FIRST = re.compile(r"^(?P<label>[^:\d]{2,70}?)\s*:\s*$")
# participles that only say a thing was counted: "bassins recensés", "sites répertoriés"
# where a count is taken, when it is everywhere: "recensés sur le territoire"
_ALL_OF_IT = re.compile(
    r"(?:(?:sur|dans)\s+(?:le|l['’]|ce|tout\s+le)\s*(?:territoire|département|réseau)"
    r"|au\s+total|en\s+tout)?",
    re.IGNORECASE,
)
_COUNTED_SO = re.compile(
    r"(?:recens|dénombr|comptabilis|répertori|compt|identifi|inventori)(?:é|ée|és|ées)$"
    r"|existante?s?$|présente?s?$",
    re.IGNORECASE,
)
# "Intercommunalités (4 EPCI) : ...": the label, then the figure in brackets
_LABEL_THEN_BRACKET = re.compile(r"^(?P<label>[^:\d()]{2,70}?)\s*\(\s*$")
# "Routes départementales : un réseau de 1 450 km": the label, then what the figure measures
_LABEL_THEN_MEASURE = re.compile(
    r"^(?P<label>[^:\d]{2,70}?)\s*:\s*(?:une?|la|le|les|l['’])\s*[^:\d]{1,40}?\s+(?:de|d['’])\s*$",
    re.IGNORECASE,
)
# "Ouvrages d'art présents sur le territoire, au nombre de quatre cent dix-neuf": the
# label, then the words that only give its number
_LABEL_THEN_NUMBER = re.compile(
    r"^(?P<label>[^:\d,]{2,70}?)\s*,\s*(?:au\s+nombre\s+de|en\s+tout|au\s+total)\s*$",
    re.IGNORECASE,
)
# "Une superficie de 2 018,6 km²": the label, then "de" and the measure
_MEASURE_OF = re.compile(
    r"^(?:une?|la|le|l['’])\s*(?P<label>[^:\d]{2,60}?)\s+(?:de|d['’])\s*$", re.IGNORECASE
)
# "Le territoire compte 21 bâtiments": a clause that only introduces the figure
_INTRODUCED = re.compile(
    r"^(?:(?:le|ce|son)\s+(?:réseau\s+(?:du\s+|de\s+ce\s+)?)?territoire|le\s+réseau|il|elle|on"
    r"|l['’]on)\s+(?:y\s+|en\s+)?(?:compte|recense|totalise|regroupe|dispose\s+d['’]|dispose\s+de"
    r"|réunit|gère|comprend|comporte|possède)\s*$"
    # "En moyenne, 73,8 habitants par km²": an adverb that only says how it is counted
    r"|^(?:en\s+moyenne|au\s+total|en\s+tout)\s*,?\s*$"
    # "CALL et CAHC, soit 2 EPCI à fiscalité propre": the names, then what they number
    r"|^[^:\d]{2,70}?,\s*soit\s*$",
    re.IGNORECASE,
)
_SHORT_LINE = 120
# how close a label must be to an indicator's label or synonym, as lemmas (0-100)
MEANING_SCORE = 88.0


def key_figure_body(text: str) -> str:
    """The line's words without its list markers."""
    return LIST_MARKERS.sub("", text).strip()


def starts_with_figure(text: str) -> bool:
    body = key_figure_body(text)
    found = find_quantities(body)
    return bool(found) and found[0].start == 0


def split_key_figure(text: str) -> tuple[Quantity, str, str] | None:
    """A key-figure line's figure, the words that say what it counts, and its aside ("" when
    it has none); None for a line that is not one figure and its label."""
    body = key_figure_body(text)
    quantities = [q for q in find_quantities(body, cardinals=True) if q.value is not None]
    if not quantities:
        return None
    primary = quantities[0]
    aside = _ASIDE.search(body, primary.end)
    if aside is not None and (
        not re.search(r"\b(?:du|de\s+celle\s+du|de\s+la|de\s+l['’]|des)\b", aside.group(0))
        or CHANGE_BEFORE.search(aside.group(0).split("%")[0])
        or re.search(rf"\b(?:{CHANGE_WORDS})\b", aside.group(0), re.IGNORECASE)
    ):
        aside = None  # "soit une hausse de 2 % depuis 2015" is no share of the département
    rest = body[primary.end : aside.start() if aside else len(body)]
    aside_text = (aside["aside"] or aside["trailing"] or "") if aside else ""
    # "80% sont des communes de - 2 000 habitants", "12 500 est le nombre de repas servis"
    after = COUNT_OF.sub("", COPULA.sub("", rest.strip(" :.,;…").strip()))
    before = body[: primary.start]
    if primary.start == 0:
        return primary, after, aside_text
    if (named := _LABEL_THEN_BRACKET.match(before)) is not None and rest.startswith((")", " ")):
        # "Intercommunalités (4 EPCI) : Communauté d'Agglomération ...": the label, then the
        # figure in brackets with its unit word, then the list it counts
        inside = re.match(r"\s*([^()]*)\)", rest)
        own = inside[1].strip() if inside else ""
        if own[:1].isalpha():  # "(4 EPCI)", not "(2022)": its unit word says what it counts
            return primary, own, aside_text
    if len(body) > _SHORT_LINE:
        return None
    if (named := _LABEL_FIRST.match(before)) is not None:
        # "Population : 150 112 habitants": the words after the figure name it when they
        # are more than a unit; else the label before the colon does
        own = after and not re.match(r"^(?:\(|dont\b|soit\b)", after)
        label = after if own else named["label"]  # "Communes : 100 dont 40 rurales"
        label = COUNT_OF.sub("", label)  # "Nombre de communes : 100"
        return primary, label.strip(), aside_text
    if _INTRODUCED.match(before.strip()):
        return primary, after, aside_text
    if (named := _LABEL_THEN_MEASURE.match(before)) is not None and not after:
        return primary, named["label"], aside_text
    named = _LABEL_THEN_NUMBER.match(before)
    if named is not None and not after and not _a_clause(named["label"]):
        return primary, named["label"], aside_text  # not "Des collèges ont été rénovés, ..."
    if (named := _MEASURE_OF.match(before)) is not None and not after:
        return primary, named["label"], aside_text  # "Une superficie de 2 018,6 km²"
    return None


def _a_clause(label: str) -> bool:
    """A label with a verb or a participle of its own ("Collèges rénovés cette année"), not
    one that only says it was counted ("Ouvrages d'art présents sur le territoire")."""
    words = label.split()[1:]
    return any((is_verb(w) or is_participle(w)) and not _COUNTED_SO.match(w) for w in words)


def is_key_figure_line(text: str) -> bool:
    return split_key_figure(text) is not None


def match_indicator(catalog: IndicatorCatalog, label: str, unit: str) -> Indicator | None:
    """The catalog indicator a key-figure label names: by its pattern, else by meaning (its
    lemmas, the counted noun first, against the indicator's label and synonyms)."""
    found = catalog.match_key_figure(label.lower(), unit)
    if found is not None:
        return found
    words = " ".join(lemmas(label))
    if not words:
        return None
    best: tuple[float, Indicator] | None = None
    for indicator in catalog.indicators.values():
        if indicator.unit != unit or indicator.key_figure is None:
            continue
        for wording in (*wordings(indicator), indicator.label):
            theirs = " ".join(lemmas(wording))
            if not theirs or words.split()[0] != theirs.split()[0]:
                continue  # the counted noun first: "communes éligibles" is no "communes"
            # every word of the label in the indicator's ("densité" of "Densité de
            # population"), or the same words give or take their order
            within = set(words.split()) <= set(theirs.split())
            score = 100.0 if within else fuzz.token_sort_ratio(words, theirs)
            if score >= MEANING_SCORE and (best is None or score > best[0]):
                best = (score, indicator)
    return best[1] if best else None


def _wordings(text: str, label: str) -> list[str]:
    """What a key-figure line's label may be, most literal first: its words; their noun
    phrase before an aside, a colon or a verb ("intercommunalités (EPCI) : la communauté
    urbaine d'Arras, ...", "communes composent le territoire"); the acronym in brackets; the
    words before the line's colon when the figure's own words name something else
    ("Collèges : 35 établissements")."""
    wordings = [label]
    phrase = _ASIDE_OR_LIST.split(label, maxsplit=1)[0]
    words = phrase.split()
    verbs = [n for n, word in enumerate(words) if n and is_verb(word)]
    wordings.append(" ".join(words[: verbs[0]] if verbs else words))
    wordings += _ACRONYM_ASIDE.findall(label)[:1]
    body = key_figure_body(text)
    colon = body.find(":")
    if colon > 0 and (named := _LABEL_FIRST.match(body[: colon + 1])) is not None:
        wordings.append(COUNT_OF.sub("", named["label"]).strip())
    words = wordings[-1].split() if wordings[-1] else []
    counted_so = [n for n, word in enumerate(words) if n and _COUNTED_SO.match(word)]
    whole = counted_so and _ALL_OF_IT.fullmatch(" ".join(words[counted_so[0] + 1 :]))
    if whole:  # "bassins recensés", "ouvrages d'art recensés sur le territoire": the noun
        words = words[: counted_so[0]]  # counted (not "recensées en zone inondable")
    wordings.append(" ".join(words))
    others = [w for n, w in enumerate(wordings) if n and w and w not in wordings[:n]]
    return [label, *others]  # "690,3 km²": no words is a label too (the area's)


_ASIDE_OR_LIST = re.compile(r"\s*[(:,;]")
_ACRONYM_ASIDE = re.compile(r"\(\s*([A-ZÉ]{2,}s?)\s*\)")


def read_key_figure(line: TextLine, where: Context, catalog: IndicatorCatalog) -> Extraction:
    """Figures of one key-figure line, read in `where` (its extractor, section and entity); a
    line that cannot be placed becomes a reject."""
    result = Extraction()
    here = where.at(line.location, line.source_text)

    def reject(reason: str, **fields: object) -> Extraction:
        result.rejects.append(here.reject(reason, **fields))
        return result

    split = split_key_figure(line.text)
    if split is None:
        return reject("not a key-figure line: no figure with what it counts")
    primary, label, aside = split
    indicator = next(
        (
            found
            for wording in _wordings(line.text, label)
            if (found := match_indicator(catalog, wording, primary.unit)) is not None
        ),
        None,
    )
    if indicator is None:
        return reject(
            f"no catalog indicator for label {label!r} with unit {primary.unit}",
            value=primary.value,
            unit=primary.unit,
        )
    result.figures.append(here.figure(indicator.code, primary))
    if aside:
        shares = [q for q in find_quantities(aside) if q.unit == "pct"]
        if indicator.share_code is None or len(shares) != 1:
            return reject(
                f"aside {aside!r} is not a single share of a shareable indicator",
                indicator_code=indicator.code,
            )
        result.figures.append(here.figure(indicator.share_code, shares[0]))
    return result
