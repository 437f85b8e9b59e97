"""The period a figure refers to, from the words around it.

A report figure is about the report year unless its sentence says otherwise: "depuis le
lancement" (cumulative), "à fin 2022" or "au 1er janvier 2023" (a stock at a date),
"2019-2022" (several years), "à terminaison", "d'ici 2025" (a forecast or target).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pipelines.extract.phrases import CHANGE_STEMS
from pipelines.read.document import LIST_ITEM, Document, Location, TextLine
from pipelines.read.numbers import NUMBER_WORDS, find_quantities
from schemas.vocabularies import PERIOD_KINDS

__all__ = ["PERIOD_KINDS", "Period", "period_of", "report_period"]
_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_YEAR = r"(?P<{}>(?:19|20)\d{{2}})"
_I = re.IGNORECASE
_START = (
    r"(?:le|son|sa|leur)\s+(?:lancement|création|ouverture|début|mise\s+en\s+(?:place|service))"
)
_DAY = r"(?:1er|1\^\{er\}|\d{1,2})"
_MONTH = r"(?:" + "|".join(_MONTHS) + r")"
MONTH = _MONTH  # a month's name, for the readers that leave a date out of a label
_YEAR_SPAN = _YEAR.format("a") + r"\s*[-–/]\s*" + _YEAR.format("b")  # "2019-2022"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "multi_year",  # "du 15 octobre 2022 au 15 janvier 2023", "de septembre 2022 à janvier 2023"
        re.compile(
            rf"\b(?:du|de|d['’])\s+(?:(?P<d1>{_DAY})\s+)?(?P<m1>{_MONTH})\s+"
            + _YEAR.format("a")
            + rf"\s+(?:au|à)\s+(?:(?P<d2>{_DAY})\s+)?(?P<m2>{_MONTH})\s+"
            + _YEAR.format("b"),
            _I,
        ),
    ),
    (
        "days",  # "au cours du week-end des 7 et 8 mai 2022": days the figure took
        re.compile(
            rf"\b(?:week-end|semaine|journées)\s+(?:des|du)\s+(?P<d1>{_DAY})\s+(?:et|au)\s+"
            rf"(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:\s+" + _YEAR.format("b") + ")?",
            _I,
        ),
    ),
    (
        "as_of",  # "au 1er janvier 2023", "estimation 1er janvier 2023"
        re.compile(
            rf"\b(?:au|estimation)\s+(?P<day>{_DAY})\s+(?P<month>{_MONTH})\s+" + _YEAR.format("y"),
            _I,
        ),
    ),
    (
        "quarter",  # "sur le 4ème trimestre", "au premier trimestre 2022"
        re.compile(
            r"\b(?:au|sur\s+le|pendant\s+le|le|du)\s+(?P<q>1er|1\^\{er\}|premier|"
            r"[1-4](?:e|è|ème|eme|\^\{(?:e|è|ème)\})|"
            r"deuxième|second|troisième|quatrième|dernier)\s+trimestre(?:\s+"
            + _YEAR.format("y")
            + ")?",
            _I,
        ),
    ),
    (
        "school_year",  # "pour 2022-2023", "l'année scolaire 2022/2023": September to August
        re.compile(
            r"\b(?:scolaire|rentrée|pour|de\s+l['’]année)\s+(?:scolaire\s+)?"
            + _YEAR.format("a")
            + r"\s*[-–/]\s*"
            + _YEAR.format("b"),
            _I,
        ),
    ),
    ("multi_year", re.compile(_YEAR_SPAN, _I)),
    (
        "multi_year",
        re.compile(
            r"\b(?:de|entre)\s+" + _YEAR.format("a") + r"\s+(?:à|et)\s+" + _YEAR.format("b"), _I
        ),
    ),
    # "à fin 2022" (a stock then); "l'adoption fin 2022 des 3 pactes" dates an event
    ("as_of", re.compile(r"\bà\s+fin\s+(?:d[ée]cembre\s+)?" + _YEAR.format("y"), _I)),
    ("as_of", re.compile(r"\bau\s+31\s+décembre\b", _I)),
    ("as_of", re.compile(r"\bau\s+31/12(?:/(?P<y>(?:19|20)?\d{2}))?\b", _I)),
    (
        "cumulative",  # "bilan cumulé", "fonds conservés cumulés", "en cumul"
        re.compile(r"\bcumul(?:é|ée|és|ées)\b|\ben\s+cumul\b|\bau\s+total\s+depuis\b", _I),
    ),
    ("cumulative", re.compile(r"\bdepuis\s+(?:" + _YEAR.format("a") + "|" + _START + ")", _I)),
    (
        "forecast",
        re.compile(r"\b(?:d['’]ici|à\s+l['’]horizon|horizon)\s+(?:à\s+)?" + _YEAR.format("y"), _I),
    ),
    (  # "le nombre d'inscrits à atteindre": a target
        "forecast",
        re.compile(r"\bà\s+terminaison\b|\bà\s+venir\b|\bprévisionnel|\bà\s+atteindre\b", _I),
    ),
    ("as_of", re.compile(r"\baujourd['’]hui\b|\bdésormais\b|\bactuellement\b", _I)),
)
# a figure compared with the one before it: "contre 83 830 l'an passé", "(contre 1 050 en
# 2021)"; the prose reader names it after the one before (`AGAINST`, `EARLIER`)
AGAINST = re.compile(r"(?:^|[\s,(])contre\s*$", _I)
EARLIER = re.compile(
    r"\s*(?:en\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)|l['’]an\s+(?:passé|dernier)\b"
    r"|l['’]année\s+(?:précédente|dernière|passée)\b)",
    _I,
)
# a line that compares with last year before its figures: "plus de visiteurs que l'an
# passé : 129 000, contre 118 000"; the figure after "contre" is then of that year
COMPARED_WITH = re.compile(
    r"\bqu(?:e\s+|['’]\s*)(?:l['’]an\s+(?:passé|dernier)\b|l['’]année\s+(?:précédente|dernière"
    r"|passée)\b|en\s+(?P<year>(?:19|20)\d{2})\b)",
    _I,
)


def earlier_year(text: str, start: int, end: int, report_year: int) -> int | None:
    """The year of a figure said "contre" the one before: the year named after it ("contre
    83 830 l'an passé", "contre 1 050 en 2021"), else the one its line compares with ("plus
    de visiteurs que l'an passé : 129 000, contre 118 000"); None for another figure."""
    if not AGAINST.search(text, 0, start):
        return None
    said = EARLIER.match(text, end) or COMPARED_WITH.search(text, 0, start)
    if said is None:
        return None
    return int(said["year"]) if said["year"] else report_year - 1


# "passé de 12 % à 15 %", "passant, pour les avis de grossesse, de 29 jours à 8 jours": a
# value before and one after, not a range; "est passé de 73 en 2021 à 98": the value before
# is of the year named after it
FROM_VALUE = re.compile(
    rf"\b(?:pass(?:ée?s?|ant|e|ent|era)|(?:{CHANGE_STEMS}|ramen|port|abaiss)(?:ée?s?|ant)|"
    r"rédui(?:t(?:e?s)?|sant)|tomb(?:ée?s?|ant)|descend(?:ue?s?|ant)|"
    # "a fait passer le délai moyen de traitement de 30 jours à 5": what changed between
    r"(?:fait|faire|faisant)\s+(?:passer|baisser|reculer|progresser|augmenter)"
    r"\s+(?P<object>(?:le|la|les|l['’])\s*(?:(?!\set\s)[^,.;\d]){2,80}?))"
    r"(?P<aside>\s*,[^,.;]{0,60}?,?)?\s+de\s+$",  # the verb's own "de", an aside between
    _I,
)
_QUARTERS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4,
             "dernier": 4}  # fmt: skip
# how far from the figure a period phrase may be and still apply to it
_REACH = 90


@dataclass(frozen=True)
class Period:
    kind: str
    start: date | None
    end: date | None


def report_period(year: int) -> Period:
    return Period("year", date(year, 1, 1), date(year, 12, 31))


def _year_before(text: str, start: int, end: int, report_year: int) -> int | None:
    """The earlier year of a figure compared with the one before ("contre 83 830 l'an
    passé", `earlier_year`) or the value it went from ("est passé de 73 en 2021 à 98")."""
    if (year := earlier_year(text, start, end, report_year)) is not None:
        return year
    earlier = EARLIER.match(text, end)
    if earlier and earlier["year"] and FROM_VALUE.search(text, 0, start):
        return int(earlier["year"])
    return None


def period_of(text: str, start: int, end: int, report_year: int) -> Period:
    """The period of the figure at text[start:end]: the nearest period phrase of its
    sentence within reach, else the report year."""
    if (outright := _said_outright(text, start, end, report_year)) is not None:
        return outright
    best: tuple[int, Period] | None = None
    framing: Period | None = None  # a phrase the paragraph opens on, before the figure
    lead = len(text) - len(text.lstrip(_MARKERS))
    # "... sur les 7 années à venir, au sein de 31 habitats inclusifs, ce qui correspond à
    # 327 solutions nouvelles": the same quantity said another way, its reach the clause's
    restated = _RESTATED.search(text, 0, start)
    near = restated.start() if restated is not None else start
    counted = not _AMOUNT.search(text[start:end]) and not _SIZE.search(text[start:end])
    for kind, pattern in _RULES:
        for match in pattern.finditer(text):
            if match.start() <= start < match.end():
                continue  # the figure is itself the year of the phrase
            if _not_the_figure_s(kind, text, match, start, counted, report_year):
                continue
            opens = match.start() <= lead + _OPENING and match.end() <= start
            if kind == "as_of" and not _frames_its_sentence(text, match, start):
                opens = False  # "Désormais, ...", or another sentence: no stock date
            if opens and kind in _FRAMES and framing is None:
                framing = _period(kind, match, report_year)
            # a phrase after the figure is its own ("33 380 offres à fin 2022"); one before
            # it more often closes the previous clause: it counts double
            distance = match.start() - end if match.start() >= end else 2 * (near - match.end())
            if distance > _REACH or _crosses_sentence(text, match, start, end):
                continue
            period = _period(kind, match, report_year)
            if period is not None and (best is None or distance < best[0]):
                best = (distance, period)
    # "Du 15 octobre 2022 au 15 janvier 2023 une plateforme ... . Plus de 5500 réservations":
    # a paragraph that opens on a period is framed by it
    found = best[1] if best else framing or report_period(report_year)
    if best is None and (planned := _planned(text, start, end, report_year)) is not None:
        return planned
    if best is None and framing is None and (event := event_date(text, start, end, report_year)):
        found = event  # "19 mai - Wingles - ... a rassemblé 1800 collégiens"
    # the words before the number, its qualifier in its span included ("ne pas dépasser 2,20 €")
    said_before = (
        text[max(start - _REACH, 0) : start] + re.split(r"\d", text[start:end], maxsplit=1)[0]
    )
    if _AIM.search(text[:start]) or _AIMED_CEILING.search(said_before) or _AIMED.match(text, end):
        return _target(text, start, end, report_year)
    if best is None and _designed(text, start, end):
        # "Le port intérieur (le plus vaste avec ses 1 000 mètres de quais), est entré en
        # phase d'avant projet": the size of what is still being designed
        return Period("forecast", None, None)
    summed = _CUMULATED.search(text, 0, start)
    sentence = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    # in the figure's own sentence; or opening the paragraph as the heading of what follows
    # ("Le bilan cumulé du dispositif à fin 2022 : 81 marchés ... . 102 personnes ...")
    heading = summed is not None and (
        summed.start() <= _OPENING + len(text) - len(text.lstrip())
        and ":" in re.split(r"[.;!?]\s", text[summed.end() :], maxsplit=1)[0]
    )
    opening = summed is not None and (summed.start() > sentence or heading)
    if opening and found.kind in {"year", "as_of"}:
        # "Le bilan cumulé du dispositif à fin 2022 : 81 marchés ... 102 personnes": the
        # paragraph that opens on a cumulated total is cumulated to its end
        until = found.end if found.kind == "as_of" else None
        return Period("cumulative", None, until or date(report_year, 12, 31))
    return found


# "4 temps d'information-formation ... : le pré-accueil (2022), l'accueil (1^{er} semestre
# 2023), ...": a count whose listed items its sentence dates over several years
# what follows the count up to its colon: its noun's words, no other verb's clause ("250
# stagiaires, et a lancé trois chantiers : ...")
_LISTED_AFTER = re.compile(
    r"(?:(?!(?:,|\bet)\s+(?:a|ont|est|sont|avait|avaient)\s)[^.;:!?\d]){0,160}:(?P<items>[^.!?]*)"
)
# an item's bracket that is a time only: "(2022)", "(1^{er} semestre 2023)" (not "(ouverte en
# 2015)", a date of the item's own)
_ITEM_YEAR = re.compile(
    r"\(\s*(?:(?:(?:1|2|3|4)(?:\^\{?\w+\}?|er|e|nd|ème)|premier|second|deuxième|troisième"
    rf"|quatrième)\s+(?:semestre|trimestre)\s+|(?:fin|début|mi-?)\s*|{_MONTH}\s+)?"
    r"((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)\d\d))?\s*\)",
    re.IGNORECASE,
)


def _said_outright(text: str, start: int, end: int, report_year: int) -> Period | None:
    """The year written just before the figure, or the years its listed items are dated."""
    if (year := _year_before(text, start, end, report_year)) is not None:
        return report_period(year)
    return _listed_over_years(text, end, report_year)


def _listed_over_years(text: str, end: int, report_year: int) -> Period | None:
    """The years a count's list of items is dated over, when they are several, from the
    report's year on (a course's sessions, this year's and next's); else None ("Arras (2019),
    Lens (2021)": when each opened, before the year the figure counts)."""
    listed = _LISTED_AFTER.match(text, end)
    found = _ITEM_YEAR.findall(listed["items"]) if listed else []
    years = {int(y) for pair in found for y in pair if y}  # "(2023-2024)": both its years
    if len(years) < 2 or min(years) < report_year:
        return None
    return Period("multi_year", date(min(years), 1, 1), date(max(years), 12, 31))


# when in the year an event took place, the figures it gathered dated by it (their kind stays
# the year, its days narrowed): "le 22 juin", "le lundi 19 décembre", "les 13, 20 et 29
# septembre 2022", "du 2 au 6 mai", "du 2 avril au dimanche 6 novembre 2022", "en mai 2022",
# "de février à avril", "entre février et mai"
_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_IN_YEAR = r"(?:\s+" + _YEAR.format("y") + r")?\b"
_EVENT_DATES = (  # a stretch before the days it holds: "du 2 au 6 mai" is not "6 mai"
    re.compile(
        rf"\bdu\s+{_WEEKDAY}(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>(?:19|20)\d\d))?)?"
        rf"\s+au\s+{_WEEKDAY}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}){_IN_YEAR}",
        _I,
    ),
    re.compile(
        rf"\b(?:de|d['’])\s*(?P<m1>{_MONTH})(?:\s+(?P<y1>(?:19|20)\d\d))?\s+"
        rf"(?:à|au\s+mois\s+(?:de\s+|d['’]))\s*(?P<m2>{_MONTH}){_IN_YEAR}",
        _I,
    ),
    re.compile(rf"\bentre\s+(?P<m1>{_MONTH})\s+et\s+(?P<m2>{_MONTH}){_IN_YEAR}", _I),
    re.compile(
        rf"\b(?:le|les|du|ce)\s+{_WEEKDAY}(?P<days>{_DAY}(?:\s*(?:,|et)\s*{_WEEKDAY}{_DAY})*)"
        rf"\s+(?P<m2>{_MONTH}){_IN_YEAR}",
        _I,
    ),
    re.compile(rf"\b(?:en|au\s+mois\s+(?:de\s+|d['’])|courant)\s*(?P<m2>{_MONTH}){_IN_YEAR}", _I),
)
# a dated item of a timeline: "19 mai - Wingles - La Grande course contre la faim ...
# a rassemblé 1800 collégiens", "Bihucourt - 23 octobre - Tornado - 28 agents ...",
# "Février - La tempête Eunice - ...", "23 juin - 2 juillet - ...", "Janvier à mai - ..."
_DATED_ITEM = re.compile(
    rf"^[\s\-–—◆•⇒*]*(?:(?!{_MONTH}\b)[^\W\d][^.;:!?\d]{{0,40}}?\s[-–]\s+)?(?:(?P<d1>{_DAY})\s+)?"
    # "Juillet et octobre - 2 séances": the months the item names, first to last
    rf"(?P<m1>{_MONTH})(?:(?:\s*[-–]\s*|\s+(?:à|et)\s+)(?:(?P<d2>{_DAY})\s+)?(?P<m2>{_MONTH}))?"
    rf"{_IN_YEAR}\s*[-–.]",
    _I,
)
# a date that says when something started, was decided, settled or is due, not when the
# figures near it took place: "lancé le 6 avril", "voté en décembre", "à compter du 1er
# septembre", "dont l'ouverture, en septembre,", "dossier soldé le 25 novembre"
_NOT_WHEN = re.compile(
    r"\b(?:depuis|à\s+partir|à\s+compter|dès|jusqu|avant|au\s+plus\s+tard|d['’]ici|"
    r"date\s+limite|échéance|lancée?s?|lancement|créée?s?|création|ouverte?s?|ouverture|"
    r"inaugur\w*|signée?s?|signature|(?<!\bont\s)(?<!\bensuite\s)votée?s?|adoptée?s?|adoption|"
    r"validée?s?|validation|"
    r"approuvée?s?|décidée?s?|délibér\w*|mise?s?\s+en\s+(?:place|service)|démarr\w*|"
    r"initiée?s?|installée?s?|amorcée?s?|entrée?s?\s+en\s+vigueur|prévue?s?|programmée?s?|"
    r"soldée?s?|versée?s?|payée?s?|attribuée?s?|notifiée?s?|nommée?s?|mise?s?\s+en\s+ligne)"
    # "lancé officiellement le 6 avril", "signée avec la CAF le 3 mars": up to four words of
    # its clause between the word and the date
    r"(?:\W*|\s+(?:[^\s,;:()]+\s+){0,4})$",
    _I,
)
_GOVERNS = 40  # how far before a date the words that govern it stand
# what was decided on the day a sentence opens on: "Le 12 décembre, l'assemblée a validé 45
# fiches actions": its figures are what was decided, not what the day gathered
_DECIDED_WORDS = r"validée?s?|adoptée?s?|votée?s?|signée?s?|approuvée?s?"
_DECISION = re.compile(rf"\b(?:{_DECIDED_WORDS})\b", _I)
_DECIDED = re.compile(
    rf"\b(?:{_DECIDED_WORDS}|validation|adoption|signature|présent(?:er|ée?s?|ation)|"
    r"ouverture|inaugur\w*|lancement)\b",
    _I,
)
# what the figure's sentence says holds or runs over the year: a stock ("compte 45 agents",
# "inscrits sur les listes"), a capacity, "chaque année", "en 2022"
_ALL_YEAR = re.compile(
    r"\b(?:compt(?:e|ent|ait|aient)(?!\s*-?\s*rendu)|inscrite?s?|capacités?|"
    r"dispos(?:e|ent|ait|aient)|emploi(?:e|ent|ait|aient)|chaque\s+année|par\s+an|"
    r"sur\s+l['’]année|annuel(?:le)?s?|en\s+(?:19|20)\d\d)\b",
    _I,
)
# a street or building named after a day: "rue du 8 Mai", "place du 11 Novembre"
_NAMED_AFTER_A_DAY = re.compile(
    r"\b(?:rue|avenue|av\.|place|boulevard|bd|square|allée|quai|pont|stade|collège|école|"
    r"lycée|cité|résidence|salle)\s*$",
    _I,
)
# a figure that counts days itself: "avec 7 dates", "9 jours d'intervention"
_COUNTS_DAYS = re.compile(r"\s*(?:dates?|jours?|journées?|semaines?|mois)\b", _I)
_DAYS_COUNTED = re.compile(r"\b(?:dates?|jours?|journées?|semaines?|mois)\s*$", _I)
# a sentence that speaks of the event the one before dated: "Cette journée a rassemblé
# 1296 agents", "Près de 130 participants ont ainsi été réunis", "163 professionnels y ont
# participé"
_EVENT_NOUNS = (
    r"(?:journée|semaine|exposition|édition|manifestation|rencontre|forum|événement|évènement|"
    r"soirée|séance|spectacle|fête|course|sortie|visite|atelier|opération|cérémonie|salon|"
    r"réunion|concert|festival|temps\s+fort)s?"
)
_OF_THE_EVENT = re.compile(
    rf"^\s*(?:ainsi\s*,|(?:ce|cet|cette|ces)\s+(?:[\w-]+\s+)?{_EVENT_NOUNS}\b)"
    r"|\bainsi\s+(?:\w+\s+){0,2}?(?:réuni|rassemblé|participé|accueilli|assisté|venu|"
    r"pris\s+part|mobilisé)|(?<!\bil\s)\by\s+(?:ont|a|sont|avaient|étaient|était)\b"
    # "Une cinquantaine de participants, dont ..., ont pu échanger": the participants of it
    r"|^\s*(?:[\w'’-]+\s+){0,4}?(?:de\s+|d['’]\s*)participant(?:e)?s\b"
    r"|^\s*(?:(?:près|plus)\s+de\s+)?\d[\d\s]*\s+participant(?:e)?s\b",  # (not "communes
    # participantes", an adjective)
    _I,
)
# at a sentence's start: "Cette exposition familiale a été présentée du 2 avril ..."
_THE_NEXT = re.compile(rf"\s*(?:ce|cet|cette|ces)\s+(?P<noun>{_EVENT_NOUNS})\b", _I)
_FUTURE = re.compile(r"\b(?:sera|seront|serait|devrai(?:t|ent)|pourra|prévue?s?)\b", _I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_BACK_SENTENCES = 3  # how many sentences back the event a figure speaks of may be dated
# the length of what an event's people walked, ran or rode is the event's: "au terme d'un
# parcours de 161 km", "différents parcours de marche nordique (2, 4 et 6 kms)"
_COURSE = re.compile(r"\b(?:parcours|boucles?|circuits?)\b[^.;!?\d]{0,40}$", _I)
_LENGTH = re.compile(r"\b(?:m|km|kms|mètres?|kilomètres?)\b", _I)
# what says a length was walked, ran or rode at an event: "La randonnée est partie ..."
_GONE_OVER = re.compile(
    r"\b(?:randonnée|course|marche|trail|cyclo\w*|cyclistes?|coureurs?|parcouru|couru|"
    r"participants?|édition)\b",
    _I,
)
_COURSE_REACH = 50
_FOR_DAYS = re.compile(r"^[^.;!?]*?\bpendant\s+(?P<n>\d{1,2})\s+jours\b", _I)


def event_date(text: str, start: int, end: int, report_year: int) -> Period | None:
    """When within the report year the event a figure counts took place (`_event_date`); a
    figure that counts days itself is not dated by one day ("avec 7 dates" in an item dated
    "10 octobre"), it may be by a stretch ("ces 2 journées de répit", in May and June)."""
    period = _event_date(text, start, end, report_year)
    counts_days = _COUNTS_DAYS.match(text, end) or _DAYS_COUNTED.search(text[start:end])
    if period is not None and period.start == period.end and counts_days:
        return None
    return period


def _event_date(text: str, start: int, end: int, report_year: int) -> Period | None:
    """When within the report year the event a figure counts took place, as the words say
    it: in the figure's own sentence, the date nearest it ("en mai 2022 : 800 bénéficiaires
    accueillis"); in the sentence that dated the event its own speaks of ("le 29 novembre
    ... . Près de 130 participants ont ainsi été réunis"); in the next sentence when it
    speaks of the same thing ("... 15 000 visiteurs pour cette exposition. Cette exposition
    a été présentée du 2 avril au 6 novembre 2022"); else the date a timeline item opens on
    ("19 mai - Wingles - ... 1800 collégiens"). Not an amount or a size (money is spent
    over the year; a length only when it is the course an event's people went over), a stock
    or what the sentence says holds all year, a figure that counts days itself, nor a date
    that says when something started, was decided or is due."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text) + 1]
    n = next(k for k in range(len(bounds) - 1) if bounds[k] <= start < bounds[k + 1])
    sentence = text[bounds[n] : bounds[n + 1]]
    course = (
        _COURSE.search(text, max(0, start - _COURSE_REACH), start)
        and _LENGTH.search(text[start:end])
        and _GONE_OVER.search(_full_sentence(text, start, end))  # past its ";"
    )
    if (
        _AMOUNT.search(text[start:end])
        or (_SIZE.search(text[start:end]) and not course)
        or _ALL_YEAR.search(sentence)
    ):
        return None
    own = _sentence_date(text, bounds[n], bounds[n + 1], (start, end), report_year)
    if own is not None:
        return own or None
    if _OF_THE_EVENT.search(sentence):
        for k in range(n - 1, max(n - 1 - _BACK_SENTENCES, -1), -1):
            if re.search(r"\d", _without_dates(text[bounds[k + 1] : bounds[n]])):
                break  # a sentence between with figures of its own
            said = _sentence_date(text, bounds[k], bounds[k + 1], None, report_year)
            if said is not None:
                return said or None
    if n + 2 < len(bounds) and (following := _THE_NEXT.match(text, bounds[n + 1])):
        # "... 15 000 visiteurs pour cette exposition. Cette exposition familiale a été
        # présentée du 2 avril au dimanche 6 novembre 2022."
        said_next = text[bounds[n + 1] : bounds[n + 2]]
        named = re.search(rf"\b{re.escape(following['noun'])}", sentence, _I)
        if named and not _FUTURE.search(said_next) and not _DECISION.search(said_next):
            said = _sentence_date(text, bounds[n + 1], bounds[n + 2], None, report_year)
            if said:
                return said
    item = _DATED_ITEM.match(text)
    if item is None or _DECIDED.search(text):
        return None
    dated = _dated(item, report_year, text[item.end() :])
    return dated if dated is not None and dated.start and dated.start.year == report_year else None


def _full_sentence(text: str, start: int, end: int) -> str:
    """The sentence of text[start:end], between the full stops (". ") around it."""
    stop = text.find(". ", end)
    return text[max(text.rfind(". ", 0, start), 0) : stop if stop >= 0 else len(text)]


def _without_dates(text: str) -> str:
    for pattern in _EVENT_DATES:
        text = pattern.sub("", text)
    return text


def _sentence_date(
    text: str, opens: int, closes: int, figure: tuple[int, int] | None, report_year: int
) -> Period | Literal[False] | None:
    """The event date of the sentence text[opens:closes]: the one nearest the figure at
    text[figure[0]:figure[1]] ("En septembre, près de 13 000 habitants ont voté ... et 44
    lauréats ont été récompensés lors du Conseil ... du 24 novembre 2022"), or for a
    sentence without the figure all its dates ("respectivement, en mai et en juin"). False
    when the nearest date dates nothing (another year, a start, a decision): the figure
    keeps its year; None when the sentence gives no date."""
    found: list[tuple[int, int, Period | None]] = []
    for pattern in _EVENT_DATES:
        for match in pattern.finditer(text, opens, min(closes, len(text))):
            if figure and match.start() <= figure[0] < match.end():
                continue  # the figure's own words
            if any(at <= match.start() < to for at, to, _ in found):
                continue  # "du 2 au 6 mai" read already, not again as "6 mai"
            found.append((match.start(), match.end(), _when(text, opens, match, report_year)))
    if not found:
        return None
    if figure is not None:
        # the nearest date no other figure stands between: "En septembre, près de 13 000
        # habitants ont voté et 44 lauréats ont été récompensés ... du 24 novembre 2022"
        _, to, nearest = min(found, key=lambda f: _how_far(text, f[0], f[1], figure))
        if nearest is None or _DECIDED.search(text[to : max(figure[0], to)]):
            return False  # "Le 12 décembre, l'assemblée a validé 45 fiches actions"
        return nearest
    dated = [p for _, _, p in found if p is not None]
    if not dated:
        return False
    first = min(p.start for p in dated if p.start)
    last = max(p.end for p in dated if p.end)
    return Period("year", first, last)


def _how_far(text: str, at: int, to: int, figure: tuple[int, int]) -> tuple[bool, int]:
    """How far a date at text[at:to] stands from the figure: whether another figure stands
    between them, then the characters between."""
    left, right = (to, figure[0]) if to <= figure[0] else (figure[1], at)
    return holds_a_figure(text[left:right]), right - left


def holds_a_figure(text: str) -> bool:
    """Whether a figure stands in the text, its dates aside ("le 29 novembre", "du 2 au 6
    mai 2022")."""
    return bool(find_quantities(_without_dates(text), cardinals=True))


def _when(text: str, opens: int, match: re.Match[str], report_year: int) -> Period | None:
    """The days a date of a sentence names, None when they date nothing: another year, a
    date governed by a start, a decision or a deadline ("lancé le 6 avril"), a street named
    after a day ("rue du 8 Mai")."""
    before = text[max(opens, match.start() - _GOVERNS) : match.start()]
    if _NOT_WHEN.search(before) or _NAMED_AFTER_A_DAY.search(before):
        return None
    period = _dated(match, report_year, "")
    return (
        period if period is not None and period.start and period.start.year == report_year else None
    )


def _dated(match: re.Match[str], report_year: int, after: str) -> Period | None:
    """The days a date match names, within one year ("du 2 au 6 mai", "les 13, 20 et 29
    septembre 2022", "de février à avril", "23 juin - 2 juillet"); "pendant 7 jours" after a
    day stretches it."""
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else report_year
    first_year = int(groups["y1"]) if groups.get("y1") else year
    days = re.findall(_DAY, groups["days"]) if groups.get("days") else []
    first_month = groups.get("m1") or groups["m2"]
    last_month = groups.get("m2") or groups["m1"]
    first_day = groups.get("d1") or (days[0] if days else None)
    last_day = groups.get("d2") or (days[-1] if days else None)
    if groups.get("m2") is None and last_day is None:
        last_day = first_day  # "19 mai - Wingles": that day
    start = _date(first_year, first_month, first_day, first=True)
    stop = _date(year, last_month, last_day, first=False)
    if start is None or stop is None or stop < start or stop.year != start.year:
        return None
    lasting = _FOR_DAYS.match(after)
    if lasting and start == stop and int(lasting["n"]) > 1:
        stop = date.fromordinal(start.toordinal() + int(lasting["n"]) - 1)
    return Period("year", start, stop)


_PLANNED = re.compile(
    r"\b(?:prévue?s?|programmée?s?|débuter(?:a|ont)|ouvrir(?:a|ont)|livrée?s?|"
    r"livraison|mise\s+en\s+service|horizon|d['’]ici|"
    r"(?:devrai(?:t|ent)\s+voir|verr(?:a|ont))\s+le\s+jour)\b[^.;!?]*?\b(?P<y>20\d\d)\b",
    _I,
)


def _planned(text: str, start: int, end: int, report_year: int) -> Period | None:
    """A figure whose own sentence gives no period, of what the sentence after or before
    says is planned: "une capacité d'accueil pour 20 jeunes. Son ouverture est prévue à
    l'horizon 2025.", "un équipement qui devrait voir le jour en 2024. C'est un projet ...
    d'une capacité de 90 berceaux"."""
    return _planned_next(text, end, report_year) or _planned_before(text, start, end, report_year)


# a sentence that speaks of what the one before described: "Son ouverture", "Ce projet"
_REFERS_BACK = re.compile(r"^\s*(?:son|sa|ses|leur|leurs|ce|cet|cette|ces)\b", _I)


def _planned_next(text: str, end: int, report_year: int) -> Period | None:
    """A figure whose own sentence gives no period, followed by a sentence that says when
    what it describes is planned, after the report year: a forecast until then."""
    stop = re.search(r"[.;!?]\s", text[end:])
    if stop is None:
        return None
    following = text[end + stop.end() :]
    if not _REFERS_BACK.match(following):
        return None  # "Une extension est prévue en 2024": another thing planned
    following = following[: (m.start() if (m := re.search(r"[.;!?](?:\s|$)", following)) else None)]
    planned = _PLANNED.search(following)
    if planned is None or int(planned["y"]) <= report_year:
        return None
    return Period("forecast", None, date(int(planned["y"]), 12, 31))


def _planned_before(text: str, start: int, end: int, report_year: int) -> Period | None:
    """A figure whose own sentence gives no period and opens by referring back ("C'est un
    projet ...", "Ce projet ...") to a sentence that says when what it describes is planned,
    after the report year: a forecast until then, for what the planned thing will hold (a
    capacity); not an amount granted for it, nor who already supports it."""
    ends = [m.end() for m in re.finditer(r"[.;!?]\s", text[:start])]
    if not ends or _AMOUNT.search(text[start:end]) or not _CAPACITY.search(text[ends[-1] : end]):
        return None
    if not _REFERS_BACK.match(text[ends[-1] :]) and not _IT_IS.match(text[ends[-1] :]):
        return None
    previous = text[ends[-2] if len(ends) > 1 else 0 : ends[-1]]
    planned = _PLANNED.search(previous)
    if planned is None or int(planned["y"]) <= report_year:
        return None
    return Period("forecast", None, date(int(planned["y"]), 12, 31))


def _designed(text: str, start: int, end: int) -> bool:
    """A size the sentence gives with a possessive ("ses 156 hectares") of what it says is
    still in its design phase ("en phase d'avant projet", "à l'étude"), not an amount."""
    opens = max(text.rfind(". ", 0, start) + 1, text.rfind("; ", 0, start) + 1, 0)
    closes = re.search(r"[.;!?](?:\s|$)", text[end:])
    sentence = text[opens : end + closes.start() if closes else len(text)]
    own = _POSSESSIVE.search(text[max(start - 12, 0) : start])
    return bool(own) and bool(_SIZE.search(text[start:end])) and bool(_DESIGN.search(sentence))


# what is not built yet: "est entré en phase d'avant projet", "à l'étude"
_DESIGN = re.compile(
    r"\ben\s+phase\s+(?:d['’]\s*)?(?:avant[- ]projet|études?|conception)\b|\bà\s+l['’]étude\b", _I
)
_POSSESSIVE = re.compile(r"\b(?:ses|son|sa|leurs?)\s*$", _I)
# a size: a length or an area ("1 000 mètres", "156 hectares"), not a count of people
_SIZE = re.compile(r"\b(?:m|km|mètres?|kilomètres?|ha|hectares?|m²|m2|km²|km2)\b|m²|km²", _I)
# the aim a sentence states, the figure its own: "L'objectif est de réduire de 30 %"
_AIM = re.compile(
    r"\bl['’]objectif\s+(?:est|était|sera)\s+(?:de|d['’])\s*[\w'’-]+\s+(?:de\s+|à\s+)?$", _I
)
# "C'est une réduction de 30 % de ce gaspillage qui est visée": the figure aimed at
_AIMED = re.compile(
    r"[^.;!?]{0,60}?\bqui\s+(?:est|sont|était|étaient)\s+visée?s?\s*(?:[.;!?]|$)", _I
)
# "quels leviers pour ne pas dépasser 2,20 € de denrées": a ceiling aimed at (the words
# "ne pas dépasser" are the figure's qualifier, in its span)
_AIMED_CEILING = re.compile(
    r"\b(?:pour|afin\s+de)\s+ne\s+(?:pas|jamais)\s+(?:dépasser|excéder)(?:\s+les?)?\s*$", _I
)
_RESTATED = re.compile(r",?\s*(?:ce\s+qui\s+(?:correspond|représente|équivaut)\s+à|soit)\s*$", _I)
_AMOUNT = re.compile(r"€|\beuros?\b", _I)
# what a planned building or service will hold: "d'une capacité de 90 berceaux"
_CAPACITY = re.compile(r"\bcapacités?\b|\bpouvant\s+accueillir\b|\bberceaux\b|\blits\b", _I)
# "C'est un projet d'envergure ...": the sentence before is what it speaks of
_IT_IS = re.compile(r"^\s*(?:c['’]est|il\s+s['’]agit)\b", _I)
_OPENING = 20  # "Le bilan cumulé ...": the paragraph opens on it
# a plan named with its years: "programme national de contrôle 2022-2024", "contrats
# 2019-2022" (its years are its name's, not a count's period)
_PLAN_BEFORE = re.compile(
    r"\b(?:programmes?|plans?|contrats?|schémas?|pactes?|conventions?|générations?|stratégies?"
    r"|feuilles?\s+de\s+route)\b(?:\s+(?:[^\W\d_]|['’-])+){0,4}\s+$",
    _I,
)
_CUMULATED = re.compile(r"\b(?:bilan|total|montant)s?\s+cumulée?s?\b|\ben\s+cumul\b", _I)


_MARKERS = " -–—◆•⇒*"
_RANGE_OPENS = re.compile(rf"\bdu\s+{_WEEKDAY}{_DAY}(?:\s+{_MONTH})?(?:\s+(?:19|20)\d\d)?\s*$", _I)
# the periods a paragraph may open on to frame all it says: dated spans ("Du 15 octobre 2022
# au 15 janvier 2023"), quarters; not "Depuis 2011, le Département soutient ...", a clause
_FRAMES = {"multi_year", "quarter", "as_of"}  # "Au 31/12, les agréments ... étaient 147"


def _not_the_figure_s(
    kind: str, text: str, match: re.Match[str], start: int, counted: bool, report_year: int
) -> bool:
    """A period phrase that dates something else than the figure: an aside ("(Source :
    INSEE, estimation 1er janvier 2023)"), the end of a stretch of days, or the years that
    name a plan ("Le programme national de contrôle 2022-2024 a donné lieu à neuf
    inspections": the inspections are the year's)."""
    if _aside(text, match, start) or (kind == "as_of" and _ends_a_stretch(text, match)):
        return True
    if kind != "multi_year" or not counted or not _PLAN_BEFORE.search(text, 0, match.start()):
        return False
    # a plan still running after the report year ("2022-2024"); one that ends with it ("Le
    # contrat de territoire 2019-2022 a permis de financer 45 projets") counts over its years
    last = re.findall(r"(?:19|20)\d\d", match.group(0))
    return bool(last) and int(last[-1]) > report_year


def _ends_a_stretch(text: str, match: re.Match[str]) -> bool:
    """ "du 2 au 6 mai 2022": "au 6 mai 2022" ends a stretch of days, no stock's date."""
    return _RANGE_OPENS.search(text, 0, match.start()) is not None


def _frames_its_sentence(text: str, match: re.Match[str], start: int) -> bool:
    """A dated opening ("Au 31/12, les agréments ... étaient 147") frames the stocks of its
    own sentence only; an adverb ("Désormais", "Aujourd'hui") frames nothing."""
    dated = any(c.isdigit() for c in match.group(0))
    return dated and not re.search(r"[.;!?]\s", text[match.end() : start])


def _aside(text: str, match: re.Match[str], start: int) -> bool:
    """Is the phrase within brackets that close before the figure? Brackets qualify what
    comes before them ("des 1 453 934 habitants (Source : INSEE, estimation 1er janvier
    2023)"), not the figures after them ("FEDER 3B (convention 2014/2020) ... 4 753 558 €")."""
    opened = text.rfind("(", 0, match.start())
    if opened < 0 or text.rfind(")", opened, match.start()) >= 0:
        return False
    closed = text.find(")", match.end())
    if 0 <= closed < start and re.fullmatch(r"\)\s*:[\s*]*", text[closed:start]):
        return False  # "Fonds conservés (en cumulé) : 36 880 ml": the figure's own label
    return 0 <= closed < start


def _crosses_sentence(text: str, match: re.Match[str], start: int, end: int) -> bool:
    left, right = sorted((match.start(), start))
    between = text[min(match.end(), end) : max(match.start(), start)] if left != right else ""
    return bool(re.search(r"[.;!?]\s", between))


def _period(kind: str, match: re.Match[str], report_year: int) -> Period | None:
    groups = match.groupdict()
    if kind == "school_year":
        first, last = int(groups["a"]), int(groups["b"])
        if last != first + 1:
            return _period("multi_year", match, report_year)
        return Period("multi_year", date(first, 9, 1), date(last, 8, 31))
    if kind == "days":  # its own sentence's figures only: not in `_FRAMES`
        year = int(groups["b"]) if groups.get("b") else report_year
        start = _date(year, groups["m2"], groups["d1"], first=True)
        end = _date(year, groups["m2"], groups["d2"], first=False)
        return Period("year", start, end) if start and end and start < end else None
    if kind == "multi_year" and groups.get("m1"):
        start = _date(int(groups["a"]), groups["m1"], groups.get("d1"), first=True)
        end = _date(int(groups["b"]), groups["m2"], groups.get("d2"), first=False)
        if start is None or end is None or start >= end:
            return None
        # "du 2 avril au 6 novembre 2022": days of one year, the year's narrowed
        return Period("year" if start.year == end.year else kind, start, end)
    if kind == "multi_year" and groups.get("a") and groups.get("b"):
        first, last = int(groups["a"]), int(groups["b"])
        return Period(kind, date(first, 1, 1), date(last, 12, 31)) if first < last else None
    if kind == "as_of":
        if groups.get("y") and len(groups["y"]) == 2:
            groups["y"] = f"20{groups['y']}"
        if groups.get("month"):
            stated = _date(int(groups["y"]), groups["month"], groups["day"], first=True)
            return Period(kind, None, stated) if stated else None
        year = int(groups["y"]) if groups.get("y") else report_year
        return Period(kind, None, date(year, 12, 31))
    if kind == "quarter":
        year = int(groups["y"]) if groups.get("y") else report_year
        quarter = _QUARTERS.get(groups["q"].lower(), 0) or int(groups["q"][0])
        following = date(year + quarter // 4, (3 * quarter) % 12 + 1, 1)
        closing = date.fromordinal(following.toordinal() - 1)
        return Period("year", date(year, 3 * quarter - 2, 1), closing)
    if kind == "cumulative":
        since = int(groups["a"]) if groups.get("a") else None
        return Period(kind, date(since, 1, 1) if since else None, date(report_year, 12, 31))
    if kind == "forecast":
        until = int(groups["y"]) if groups.get("y") else None
        return Period(kind, None, date(until, 12, 31) if until else None)
    return None


def _target(text: str, start: int, end: int, report_year: int) -> Period:
    """The period of an aim's own figure: "L'objectif est de réduire de 30 % ce gaspillage"
    is a target with no date; "ne pas dépasser 2,20 € ... en moyenne sur l'année", one for
    the report year."""
    opens = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), -1) + 1
    closes = _SENTENCE_CLOSE.search(text, end)
    sentence = text[opens : closes.end() if closes else len(text)]
    # a year it is set for, written ("d'ici 2026", "sur l'année 2023"; not "contre 450 en
    # 2021"), else the report year its words say ("en moyenne sur l'année")
    ahead = [int(y) for y in _A_YEAR_SAID.findall(sentence) if int(y) >= report_year]
    if ahead:
        return Period("forecast", None, date(max(ahead), 12, 31))
    if _OVER_THE_YEAR.search(sentence):
        return Period("forecast", date(report_year, 1, 1), date(report_year, 12, 31))
    return Period("forecast", None, None)


# a target said of the year it is set for: "en moyenne sur l'année", "cette année"
_OVER_THE_YEAR = re.compile(r"\bsur\s+l['’]année\b|\bcette\s+année\b|\bannuel(?:le)?s?\b", _I)
_A_YEAR_SAID = re.compile(r"\b((?:19|20)\d\d)\b")
_SENTENCE_CLOSE = re.compile(r"[.;!?](?:\s|$)")


def _date(year: int, month_name: str, day: str | None, *, first: bool) -> date | None:
    """A printed date; without a day, the month's first (a start) or last day (an end)."""
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    if day:
        with contextlib.suppress(ValueError):  # "31 avril": a misprint dates nothing
            return date(year, month, 1 if day.startswith("1^") or day == "1er" else int(day))
        return None
    if first:
        return date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


# an item that says when what a list describes starts or opens: "Démarrage des travaux en
# 2024 – ... – Mise en service du canal 2030"
_PLANNED_ITEM = re.compile(
    r"\b(?:démarrage|début|lancement)\s+des\s+travaux\b|\bmise\s+en\s+service\b"
    r"|\bouverture\s+prévue\b|\blivraison\s+prévue\b",
    _I,
)


def planned_lists(document: Document) -> dict[Location, Period]:
    """The items of a list one of whose items says when the works start or the thing opens,
    after the report year: what the list describes (a canal sector's "28 kilomètres de
    linéaire", "2 écluses") is planned, a forecast until the last year that item gives. An
    item that dates itself in the report year or says what was done ("12 collèges rénovés",
    "3,5 M€ investis") keeps its period."""
    planned: dict[Location, Period] = {}
    for section in document.sections:
        runs: list[list[TextLine]] = []
        for line in section.lines():
            item = LIST_ITEM.match(line.text) is not None
            previous = runs[-1][-1] if runs and runs[-1] else None
            if previous is not None and (not line.starts_group or (item and _is_item(previous))):
                runs[-1].append(line)  # the next item, or the rest of one a page wrapped
            else:
                runs.append([line] if item else [])
        for run in runs:
            years = [
                int(year)
                for line in run
                if _PLANNED_ITEM.search(line.text)
                for year in re.findall(r"\b(20\d\d)\b", line.text)
            ]
            if not years or max(years) <= document.report_year:
                continue
            until = Period("forecast", None, date(max(years), 12, 31))
            planned.update((line.location, until) for line in run if not _done(line.text, document))
    return planned


# a section dated as a whole by its first line: "ORGANISATION POLITIQUE" / "(DÉCEMBRE 2022)"
_DATED_HEADING = re.compile(rf"^\s*\(\s*(?P<month>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\s*\)\s*$", _I)


_MADE_OF = re.compile(
    r"\b(?:composée?s?\s+(?:de|du|des|d['’])|au\s+nombre\s+de|comptent|compte|siègent)\b", _I
)


def dated_sections(document: Document) -> dict[Location, Period]:
    """The lines of a section whose first line is a month and year in brackets ("ORGANISATION
    POLITIQUE (DÉCEMBRE 2022)") that say what something is made of ("est composé ... de 15
    vice-présidents", "elles sont au nombre de 6"): a stock at the end of that month. What
    was done in the year ("8 sessions tenues en 2022") keeps its year."""
    dated: dict[Location, Period] = {}
    for section in document.sections:
        lines = list(section.lines())
        heading = _DATED_HEADING.match(lines[0].text) if lines else None
        end = _date(int(heading["y"]), heading["month"], None, first=False) if heading else None
        if end is not None:
            dated.update(
                (line.location, Period("as_of", None, end))
                for line in lines[1:]
                if _MADE_OF.search(line.text) and not re.search(r"\b(?:19|20)\d\d\b", line.text)
            )
    return dated


# an amount voted for several years with its yearly part: "25 millions d'euros de fonds
# d'innovation territoriale voté dont 5,49 millions d'euros en 2022", "Sur les 24 M€ votés
# au titre du fonds ..., 5,37 M€ ont financé en 2022 ..."
_VOTED = re.compile(r"\bvotée?s?\b(?=[^.;]*?\d[^.;]*?\ben\s+(?:19|20)\d\d\b)", _I)
# the envelope right after the word: "Voté à hauteur de 27,5 millions d'euros, ..." (not
# "voté pour quatre ans dont 5 M€": the year's part)
_VOTED_AT = re.compile(
    r"votée?s?\s+(?:à\s+hauteur\s+(?:de|d['’])|à|s['’]él[eè]ve\s+à|atteint|est\s+de"
    r"|se\s+monte\s+à)\s*(?:près\s+de\s+|plus\s+de\s+)?"
    # in digits or in words: "27,5 millions d'euros", "vingt-huit millions d'euros"
    rf"(?:\d[\d\s\u00a0\u202f]*(?:,\d+)?\s*|(?:(?:{NUMBER_WORDS}|et)[-\s]+)+)"
    r"(?:(?:millions?|milliards?)\s+(?:d['’]\s*)?|M|k)?(?:€|euros?\b)",
    _I,
)
# "5,06 M€, pris sur les 23 M€ de fonds d'innovation territoriale votés": the amount taken
# from the envelope is of the year, the envelope (between the two) of the span
_TAKEN_FROM = re.compile(
    r"\b(?:prise?s?|prélevée?s?|issue?s?)\s+sur\s+(?:les|l['’]enveloppe\s+de)\s+"
    # an amount right after, "votés" in its own clause (not "..., et de 2 M€ votés par ...")
    r"(?=\s*(?:\d|[\w-]+\s+millions?\b))(?=(?:(?!\set\s)[^.;,])*?(?P<voted>\bvotée?s?\b))",
    _I,
)
# a heading's span of years: "La fin de la contractualisation précédente (2019-2022) :"
_YEARS_IN_HEADING = re.compile(rf"\(\s*{_YEAR_SPAN}\s*\)")
_HEADING_REACH = 3  # the lines above a line its heading may stand in


def voted_envelopes(
    document: Document, heads: Callable[[str], bool]
) -> dict[Location, tuple[int, int, Period]]:
    """The lines that state an amount voted for the span of years the heading above them
    (or their section's title) gives, and its yearly part ("La fin de la contractualisation
    précédente (2019-2022) :" then "25 M€ ... voté dont 5,49 M€ en 2022"): where the
    sentence that says "voté" starts, where that word stands, and the span. An amount of
    that sentence before the word is of the span; the part after it keeps its year.
    `heads` says which lines above may be its heading (the block reader's rule)."""
    voted: dict[Location, tuple[int, int, Period]] = {}
    for section in document.sections:
        lines = list(section.lines())
        for n, line in enumerate(lines):
            said = _VOTED.search(line.text)
            taken = _TAKEN_FROM.search(line.text) if said is None else None
            above = [h.text for h in lines[max(n - _HEADING_REACH, 0) : n] if heads(h.text)]
            above = [section.title, *above]
            span = next((m for h in reversed(above) if (m := _YEARS_IN_HEADING.search(h))), None)
            if (said or taken) is None or span is None or int(span["a"]) >= int(span["b"]):
                if (obtained := _obtained_for_programming(lines, n)) is not None:
                    voted[line.location] = obtained
                continue
            if said is not None:
                opens, at = max(line.text.rfind(". ", 0, said.start()) + 1, 0), said.start()
                # "Voté à hauteur de 27 millions d'euros, le fonds ... a consacré 5,28
                # millions d'euros en 2022": the envelope follows the word
                envelope = _VOTED_AT.match(line.text, said.start())
                at = envelope.end() if envelope is not None else at
            elif taken is not None:
                opens, at = taken.end(), taken.start("voted")
            start, end = date(int(span["a"]), 1, 1), date(int(span["b"]), 12, 31)
            voted[line.location] = (opens, at, Period("multi_year", start, end))
    return voted


# a block's first paragraph that opens on the event or the stretch of the year it dates:
# "Cette semaine a été organisée par le service local allocation insertion (SLAI), du 2 au 6
# mai 2022, ...", "Le premier semestre 2022 a été consacré à la démarche d'« aller vers »"
_OPENS_ON_EVENT = re.compile(
    rf"^\s*(?:(?:ce|cet|cette|ces|la|le|les|une?)\s+|l['’]\s*)(?:[\w-]+\s+)?{_EVENT_NOUNS}\b", _I
)
# a paragraph that says when itself: a month, a season, a year
_OWN_TIME = re.compile(
    rf"\b(?:{_MONTH}|printemps|automne|hiver|semestre|trimestre|rentrée)\b"
    r"|\b(?:l['’]|en\s+|cet\s+)été\b"  # "ont été" is no summer
    # a year, said as one: not "2000 participants"
    r"|\b(?:en|fin|début|depuis|dès|année|exercice)\s+(?:19|20)\d\d\b",
    _I,
)
_EVENT_PARAGRAPHS = 3  # the paragraphs of a block an event's date covers, its opener included


def event_blocks(document: Document, heads: Callable[[str], bool]) -> dict[Location, Period]:
    """The paragraphs of a block whose first paragraph opens on an event and dates it ("les
    clés pour réussir, une semaine dédiée aux bénéficiaires du RSA" then "Cette semaine a été
    organisée ..., du 2 au 6 mai 2022, ..." then "41 personnes ont pu s'essayer aux métiers
    de la logistique ...", "39 personnes se sont présentées aux Apprentis d'Auteuil ..."):
    what they count took place those days, unless a paragraph says it holds all year (and a
    figure whose own sentence says when keeps that: `in_its_block`).
    `heads` says which lines open a block (the block reader's rule)."""
    dated: dict[Location, Period] = {}
    for section in document.sections:
        period: Period | None = None
        paragraphs = 0
        for line in section.lines():
            if heads(line.text):
                period, paragraphs = None, 0
                continue
            if line.is_list_item or not line.text.strip():
                continue
            paragraphs += 1
            if paragraphs == 1:
                period = _opening_event(line.text, document.report_year)
            elif (
                period is not None
                and paragraphs <= _EVENT_PARAGRAPHS
                and not _ALL_YEAR.search(line.text)  # "La structure compte 45 agents"
            ):
                dated[line.location] = period
    return dated


def timeline_entries(
    lines: Iterable[TextLine], heads: Callable[[str], bool]
) -> dict[Location, TextLine]:
    """The paragraphs under an entry of a year's timeline that is only its day and title
    ("29 novembre - Saint-Omer - Les métiers des travaux publics", then "ont été mis à
    l'honneur ..." and "Deux simulateurs de conduite ... ont été mis à disposition"), each
    with its entry: when the first goes on with the entry's words, they tell of that day, up
    to the next entry, title or list. An entry that tells its own story in sentences ("09
    décembre - Saint-Omer - ... 2 500 participants, ...") has none. `heads` says which lines
    open a block."""
    under: dict[Location, TextLine] = {}
    entry: TextLine | None = None
    paragraphs = 0
    for line in lines:
        if not line.text.strip():
            continue
        if _DATED_ENTRY.match(line.text) or heads(line.text) or line.is_list_item:
            entry, paragraphs = (line if _only_a_title(line.text) else None), 0
        elif entry is not None and paragraphs < _EVENT_PARAGRAPHS:
            if not paragraphs and not _CONTINUES.match(line.text):
                entry = None  # "« Construisons ... » c'était aussi ...": the year again
                continue
            paragraphs += 1
            under[line.location] = entry
    return under


# what a paragraph under a timeline's day says holds all year: "La MDS compte 45 agents",
# "tout au long de l'année"
_STOCK_OR_YEAR_LONG = re.compile(
    r"\b(?:compt(?:e|ent|ait|aient)(?!\s*-?\s*rendu)|dispos(?:e|ent|ait|aient))\b"
    r"|\btout\s+au\s+long\s+de\s+l['’]année|\btoute\s+l['’]année",
    _I,
)


def entry_fields(text: str) -> list[str]:
    """What a timeline entry says after its day, field by field ("Saint-Omer", "Les métiers
    des travaux publics")."""
    entry = _DATED_ENTRY.match(text)
    rest = text[entry.end() :] if entry is not None else ""
    return [field.strip() for field in re.split(r"\s[-–—]\s", rest) if field.strip()]


def dated_entries(document: Document, heads: Callable[[str], bool]) -> dict[Location, Period]:
    """The day of the timeline entry each paragraph under one tells of (`timeline_entries`)."""
    dated: dict[Location, Period] = {}
    for section in document.sections:
        lines = {line.location: line.text for line in section.lines()}
        for location, entry in timeline_entries(section.lines(), heads).items():
            if _STOCK_OR_YEAR_LONG.search(lines[location]):
                continue  # the day's place, not its day
            if (day := _entry_day(entry.text, document.report_year)) is not None:
                dated[location] = day
    return dated


def _only_a_title(text: str) -> bool:
    """A timeline entry that is only its day and title: no sentence, no figure of its own."""
    entry = _DATED_ENTRY.match(text)
    return entry is not None and ". " not in text and not holds_a_figure(text[entry.end() :])


def _entry_day(text: str, report_year: int) -> Period | None:
    entry = _DATED_ENTRY.match(text)
    day = _date(report_year, entry["month"], entry["day"], first=True) if entry else None
    return Period("year", day, day) if day is not None else None


# an entry of a year's timeline on its own line: "29 novembre - Saint-Omer - Les métiers ..."
_DATED_ENTRY = re.compile(rf"^\s*(?P<day>\d{{1,2}}|1er)\s+(?P<month>{_MONTH})\s*[-–—]\s", _I)
# a paragraph that goes on with the entry's words: "ont été mis à l'honneur au centre ..."
_CONTINUES = re.compile(r"^\s*[a-zàâçéèêëîïôûù]")


# a paragraph that opens on a half of the year: "Le premier semestre 2022 a été consacré à"
_OPENS_ON_A_HALF = re.compile(
    r"^\s*(?:le|au|au\s+cours\s+du|durant\s+le|pendant\s+le)\s+"
    r"(?P<half>premier|1er|second|deuxième|2nd|2(?:e|è|ème|eme))\s+semestre"
    r"(?:\s+(?P<y>(?:19|20)\d\d))?\b",
    _I,
)


def in_its_block(text: str, start: int, end: int, block: Period) -> Period | None:
    """The period of its block for the figure at text[start:end], unless its own sentence
    says when ("Les trois pactes ont été adoptés à l'automne 2022") or it counts days
    ("7 dates")."""
    opens = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    closes = _SENTENCE_END.search(text, end)
    sentence_end = closes.start() if closes else len(text)
    said = _OWN_TIME.search(text[opens:start] + " " + text[end:sentence_end])  # not its own
    return None if said or _COUNTS_DAYS.match(text, end) else block


def _opening_event(text: str, report_year: int) -> Period | None:
    """The days of the event a paragraph opens on, said in its first sentence, or the half
    of the year it opens on."""
    half = _OPENS_ON_A_HALF.match(text)
    year = int(half["y"]) if half and half["y"] else report_year
    if half is not None and year == report_year:
        first = half["half"].lower().startswith(("premier", "1"))
        return Period(
            "year",
            date(year, 1 if first else 7, 1),
            date(year, 6, 30) if first else date(year, 12, 31),
        )
    if not _OPENS_ON_EVENT.match(text):
        return None
    first = _SENTENCE_END.search(text)
    said = _sentence_date(text, 0, first.start() if first else len(text), None, report_year)
    return said or None


def _obtained_for_programming(lines: list[TextLine], n: int) -> tuple[int, int, Period] | None:
    """Funds obtained for a programming period of funds a line shortly above names ("la
    nouvelle période de programmation des fonds européens 2021-2027" ... "a permis
    l'obtention de 43 millions d'euros sur ces deux fonds"): the amounts of the sentence
    that says so are of those years."""
    said = _OBTAINED_FUNDS.search(lines[n].text)
    if said is None:
        return None
    above = [
        m for line in lines[max(n - _PROGRAMMING_REACH, 0) : n]
        if (m := _PROGRAMMING.search(line.text))
    ]  # fmt: skip
    if not above or int(above[-1]["a"]) >= int(above[-1]["b"]):
        return None
    sentence = max(lines[n].text.rfind(". ", 0, said.start()) + 1, 0)
    end = lines[n].text.find(". ", said.end())
    start, stop = date(int(above[-1]["a"]), 1, 1), date(int(above[-1]["b"]), 12, 31)
    return sentence, end if end >= 0 else len(lines[n].text), Period("multi_year", start, stop)


# a programming period of funds: "période de programmation des fonds européens 2021-2027"
_PROGRAMMING = re.compile(
    rf"\bprogrammation\b[^.;:]{{0,40}}?\b(?:fonds|FEDER|FSE\+?|FEADER|FTJ|programme\s+"
    rf"opérationnel)\b[^.;:]{{0,30}}?{_YEAR_SPAN}",
    _I,
)
_PROGRAMMING_REACH = 6  # the lines above a line its programming period may stand in
# funds obtained: "l'obtention de 43 millions d'euros sur ces deux fonds"
_OBTAINED_FUNDS = re.compile(r"\b(?:obtention|obtenue?s?)\b[^.;]{0,80}?\bfonds\b", _I)


def _is_item(line: TextLine) -> bool:
    return LIST_ITEM.match(line.text) is not None


def _done(text: str, document: Document) -> bool:
    """An item that dates itself in the report year, or says what was done."""
    from pipelines.extract.phrases import is_participle

    if re.search(rf"\b{document.report_year}\b", text):
        return True
    words = re.findall(r"[\wéèêàâç]+|[^\w\s]", text)
    return any(
        is_participle(word) and (n == 0 or words[n - 1].lower() not in _DETERMINERS)
        for n, word in enumerate(words)
    )  # "collèges rénovés", not "le débouché"


_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux"})
