"""French number reader: turns the report's figures into values in a normalised unit.

The report writes numbers the French way, and not consistently: `35 551`, `2 708 881 €`,
`2 291 149€`, `463,61 M€`, `1,87 milliard d'euros`, `162.68` (a decimal dot), `48,4 ml`,
`1,6 M m²`, `+ 13,2 %`, `/` for "no figure", and qualifiers such as "plus de" or
"une cinquantaine". Everything that reads a figure goes through this module so that the
rules live in one place.

It also says which numbers are not figures (`ignorable_reason`: a year, a date, a page
number, a code such as "RD 917" ...).

Normalised units: count, EUR, km, km2, ha, m2, m (linear metres), pct, pct_change (a change
in percent, signed), per_km2, fte, t, gb, day (days taken: a délai or a durée).
Money is stored in EUR (463,61 M€ -> 463610000), percentages as percent numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines.errors import IndicatorsError
from schemas.vocabularies import QUALIFIERS, UNITS

if TYPE_CHECKING:
    from schemas.catalog import EntityCatalog

__all__ = ["QUALIFIERS", "UNITS"]  # the vocabularies, declared in schemas/


# Thousands separators seen in the report and in typeset PDFs: space, NBSP, narrow NBSP, thin.
_SEP = "[ \u00a0\u202f\u2009]"
THOUSANDS_SEPARATOR = re.compile(_SEP)
_NUMBER = re.compile(
    r"(?<![\w.,/])"  # not glued to a word, a decimal or a code such as CD62 or 1/2
    r"(?P<sign>[+\u2212]\s?|-(?=\d))?"  # "+ 13,2 %"; a bullet "- 6" is not a sign
    rf"(?P<int>\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)|\d+)"
    r"(?:[,.](?P<frac>\d+))?"
    r"(?![\d])"
)
# A numeric token as coverage counts them: digits with their thousands groups and decimals,
# not glued to a word or a decimal ("CD62", "1,5" counts once).
NUMERIC_TOKEN = re.compile(rf"(?<![\w.,])\d+(?:{_SEP}\d{{3}})*(?:[,.]\d+)?(?![\d])")
_ORDINAL = re.compile(r"\s?(?:\^\{[^}]*\}|\^\w+|er\b|re\b|ère\b|ème\b|e\b|è\b|nd\b|nde\b)")

_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?P<q>pas\s+moins\s+de|pas\s+moins\s+d['’]|plus\s+de|plus\s+d['’]|près\s+de|près\s+d['’]|environ|moins\s+de|moins\s+d['’]"
    r"|au\s+moins|jusqu['’]à|quelques?|~|proches?\s+d(?:e|es|u)|avoisin\w*|de\s+l['’]ordre\s+de"
    r"|aux\s+alentours\s+de|ne\s+(?:doit\s+|doivent\s+)?pas\s+dépasser|dans\s+la\s+limite\s+de)\s*$",
    re.IGNORECASE,
)
_QUALIFIER_CODES = {
    "pas": "at_least",  # "pas moins de 114 projets"
    "plus": "at_least",
    "au": "at_least",
    "près": "approx",
    "environ": "approx",
    "quelque": "approx",
    "quelques": "approx",
    "proche": "approx",
    "proches": "approx",
    "de": "approx",  # de l'ordre de
    "aux": "approx",  # aux alentours de
    "ne": "at_most",  # ne pas dépasser 2,20 €
    "dans": "at_most",  # dans la limite de
    "~": "approx",
    "moins": "at_most",
    "jusqu": "at_most",
}

# "une cinquantaine", "un millier": approximate round numbers written in words.
_WORD_NUMBERS = {
    "demi-douzaine": 6,  # before "douzaine", which it holds
    "demi-millier": 500,
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}
# the nouns of those round numbers: "une vingtaine d'entretiens" counts its complement
APPROXIMATE_NOUNS = frozenset(_WORD_NUMBERS)
# "deux simulateurs", "quatre axes": small exact numbers written in words (sentences only)
_CARDINALS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100,
}  # fmt: skip
# a number written in words, however long ("quarante-cinq", "trois cents", "vingt et un"):
# its value is text2num's; the words are the cardinals above and what composes them
_FIRST_WORDS = "|".join(sorted({*_CARDINALS, "cents", "vingts", "mille"}, key=len, reverse=True))
NUMBER_WORDS = _FIRST_WORDS  # the words a number in words is made of ("vingt", "huit", "cents")
# a scale word joins the words before it ("sept millions quatre cent mille euros"), never
# opens a number; "deux millions d'euros", "un million de repas" keep it as their scale
_COMPOUND_WORDS = "|".join(
    sorted({_FIRST_WORDS, "millions", "million", "milliards", "milliard"}, key=len, reverse=True)
)
_WORDS_NUMBER = re.compile(
    # "près d'un million de m²": after "d'" only a million or a milliard
    rf"(?:(?<![\w'’-])|(?<=\b[dD]['’])(?=une?\s+milli(?:on|ard)))(?P<word>(?i:(?:une?(?=\s+milli)|{_FIRST_WORDS})"
    rf"(?:(?:-|\s)(?:{_COMPOUND_WORDS})|(?:-|\s)et(?:-|\s)(?:une?|onze)(?![\w'’])"
    r"|-une?(?![\w'’])"  # "quatre-vingt-un": "un" joins a number by its hyphen
    r"|(?<=cent)\s+une?(?![\w'’])|(?<=mille)\s+une?(?![\w'’]))*))"  # or after "cent", "mille"
    # "vingt-deux collèges", "« coups", "réuni quatre fois" (not "trois fois plus")
    r"(?:(?=\**\s+(?!de\b|d['’]|à\b|fois\s+(?:plus|moins|par|autant|davantage|mieux|et\s+demie|"
    r"supérieure?s?|inférieure?s?|celui|celle|ceux|les?|la|l['’])\b)[a-zéèêà«])"
    r"|(?=\s+d['’]\s*entre\s+(?:eux|elles)\b)"  # "sept d'entre eux": of the figure before
    r"|(?P<name>(?=\s+[A-ZÉ]))"  # "sept Maisons", "trois SCIC" (not "Deux Caps")
    r"|(?P<end>(?=\s*(?:[,.;:)(]|$)))"  # "au nombre de neuf,", "partenaires : neuf"
    # "24 centres de rayonnement local, seize de rayonnement territorial": a list's item
    # that leaves its noun to the item before (not "deux de ses", "trois de plus")
    r"|(?P<listed>(?<!million)(?<!millions)(?<!milliard)(?<!milliards)(?=\s+de\s+(?!(?:ses|leurs?|ces|nos|vos|mes|tes|la|le|les|plus|moins|suite"
    r"|même|nouveau|part|fois|sa|son|cette|cet|chaque|tous|toutes|celles?|ceux)\b)[a-zéèêà]{3})))"
)
# an item of a list of counts: a number earlier in its clause, then a comma or "et"
_ITEM_BEFORE = re.compile(rf"(?:\d|\b(?:{_FIRST_WORDS})\b)[^.;:!?]*?(?:,|\bet)\s*$", re.IGNORECASE)
# one, said so: "une seule inspection a été réalisée", "seul un autre département" (not "en
# une seule journée", "autour d'un seul objectif": a manner, after a preposition)
_ONLY_ONE = re.compile(
    r"(?<!\w)(?:un\s+seul|une\s+seule|seule?\s+une?(?=\s+autre\s+(?!fois|occasion)))"
    r"(?:\s+et\s+même)?"
    r"(?=\s+[a-zéèêàA-Z])",
    re.IGNORECASE,
)
# after a preposition, a manner or a time ("en une seule journée", "pendant une seule
# semaine"), not after "et d'" ("l'objet d'une réunion et d'une seule journée": a thing of
# its own); after a negation, none ("pas un seul accident")
_PREPOSITION_END = re.compile(
    r"(?:(?<!\bet\s)\bd['’]|\b(?:en|sur|par|à|dans|pour|avec|sous|pendant|durant|chez|après|"
    r"avant|entre|vers|pas|sans|ni|jamais|plus)\s+)$",
    re.IGNORECASE,
)
# "..., trois clubs d'aviron et un club de tennis": one, as the items before it count
_ONE_LISTED = re.compile(r"(?:,\s*|\s+et\s+)(?P<one>une?)\s+(?=[a-zéèêàâç])", re.IGNORECASE)
_COUNTED_ITEM = re.compile(  # the item before: a number and its noun phrase, nothing else
    rf"(?:\d[\d\s]*|(?i:{'|'.join(_CARDINALS)}))\s+[a-zéèêàâç][a-zéèêàâç'’ -]{{1,40}}"
)
# the one closes the list: its noun phrase, then punctuation or "soit"
_LAST_ITEM = re.compile(r"\s+[a-zéèêàâç][a-zéèêàâç'’ -]{1,40}?\s*(?:[,.;:)]|\bsoit\b|$)", re.I)
# "autour d'un seul projet et d'une seule ambition": the second of two manners
_AFTER_A_MANNER = re.compile(
    r"\b(?:d['’]|en|sur|par|à|dans|pour|avec)\s*(?:un\s+seul|une\s+seule)\b[^,;.]*\s+et\s+d['’]\s*$",
    re.IGNORECASE,
)
_PER_CENT_BEFORE = re.compile(rf"(?:\d|\b(?:{_COMPOUND_WORDS}|une?))\s+pour\s+$", re.IGNORECASE)
# units a scale word may multiply ("un million de m²", "deux millions de km")
_SCALED_UNITS = frozenset({"EUR", "m2", "km", "t", "ha", "m", "km2"})
_SCALE_IN = re.compile(r"\bmilli(?:on|ard)s?\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s+(milli(?:on|ard)s?)\b", re.IGNORECASE)
# an acronym after a capitalised number word: "Deux EPCI", "Sept MDADT" count, as a sentence
# opens; "Deux Caps" is a name
_ACRONYM = re.compile(r"\s+[A-ZÉ]{2,}s?\b")
# what lets a number in words end its statement: "au nombre de neuf", "partenaires : neuf",
# "s'élèvent respectivement à 81 et à huit" (not "remis à neuf")
_COLON_AFTER = re.compile(r"\s*:")
# a qualifier a line may open on before its number: "Plus de soixante-six : c'est le nombre"
_QUALIFIER_LEAD = re.compile(
    r"^(?:plus|près|moins)\s+(?:de|d['’])$|^(?:environ|quelque|quelques)$", re.IGNORECASE
)
_STATED_BEFORE = re.compile(
    r"(?::|\?|\(|\bnombre\s+de|\bcompte|\bsont|\bétaient|\bsoit"
    r"|(?:\bélève(?:nt)?|\batteint|\batteignent|\bport(?:é|ée|és|ées|e|ent)|\brespectivement)\b"
    r"[^.;:]{0,40}\bà)"
    r"(?:\s+(?:(?:plus|moins|près)\s+de|environ))?"  # "qui sont plus de trente-six :"
    r"\s*$",
    re.IGNORECASE,
)
# a share said in words: "la moitié des communes", "un tiers des places"
# ("les trois cinquièmes des demandes": 60 %), its part after "de" or a place ("dont la
# moitié sur le territoire du Boulonnais")
_PARTS = {
    "moitié": 2, "tiers": 3, "quart": 4, "cinquième": 5, "sixième": 6, "septième": 7,
    "huitième": 8, "neuvième": 9, "dixième": 10,
}  # fmt: skip
_NUMERATORS = {
    "la": 1, "le": 1, "une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9,
}  # fmt: skip
_SHARE_WORD = re.compile(
    r"(?:(?<=[dD]['’])|(?<![\w'’]))"  # "plus d'un tiers des places"
    r"(?P<article>" + "|".join(_NUMERATORS) + r")\s+"
    r"(?P<word>moitié|tiers|quarts?|(?:cinqu|six|sept|huit|neuv|dix)ièmes?)"
    r"(?=\s+(?P<of>de|des|du|d['’])(?!\s*(?:heure|siècle))"  # "un quart d'heure": a time
    r"|\s+(?:sur|à|au|en|dans|chez|pour)\s)",
    re.IGNORECASE,
)
# a fraction of a time, not a share: "trois quarts d'heure", "un quart de siècle"
_FRACTION_OF_TIME = re.compile(
    r"\b(?:un|une|trois|deux)\s+(?:quarts?|demi(?:e|-heure)?)\s+(?:d['’]\s*heure|de\s+siècle)",
    re.IGNORECASE,
)
_SAID_EXACTLY = re.compile(r"[^().;]{0,60}\(\s*\d[\d\s,.]*%\s*\)")
_SHARE_OF_PART = re.compile(r"\b(?:dont|soit)\s+$", re.IGNORECASE)


# a share said as "N sur M" in words: "dont trois sur quatre sur le territoire du Boulonnais"
_ONE_IN = {k: v for k, v in _NUMERATORS.items() if k not in {"la", "le"}}
_RATIO_WORDS = re.compile(
    r"(?<![\w'’])(?P<a>"
    + "|".join(_ONE_IN)
    + r")\s+sur\s+(?P<b>"
    + "|".join(k for k, v in _ONE_IN.items() if v > 1)
    + r"|dix)(?![\w'’])"
    r"(?=\s+(?P<of>de|des|du|d['’])|\s+(?:sur|à|au|en|dans|chez|pour)\s)",
    re.IGNORECASE,
)


def _shares_in_words(text: str) -> list[tuple[re.Match[str], float]]:
    """The shares a text says in words, with their value in %: "la moitié des communes"
    (50), "les trois cinquièmes des demandes" (60), "le quart des places" (25), "dont la
    moitié sur le territoire du Boulonnais"; not an ordinal ("la cinquième édition", "une
    sixième en France"), nor "un tiers" who is someone else ("confiée à un tiers pour")."""
    shares = []
    for match in _SHARE_WORD.finditer(text):
        article, word = match["article"].lower(), match["word"].lower()
        times = _NUMERATORS[article]
        parts = _PARTS[word if word == "tiers" else word.rstrip("s")]
        plural = word.endswith("s") and word != "tiers"
        if parts == 2:
            valid = article in {"la", "une"}
        elif times == 1:
            valid = article in {"le", "un"} and not plural
        else:
            valid = plural or word == "tiers"
        if not match["of"] and not _SHARE_OF_PART.search(text, 0, match.start()):
            valid = False  # a part placed by where it lies, after "dont" only
        if valid:
            shares.append((match, round(100 * times / parts, 1)))
    for match in _RATIO_WORDS.finditer(text):
        a = _ONE_IN[match["a"].lower()]
        b = 10 if match["b"].lower() == "dix" else _ONE_IN[match["b"].lower()]
        placed = match["of"] or _SHARE_OF_PART.search(text, 0, match.start())
        if a < b and placed:
            shares.append((match, round(100 * a / b, 1)))
    return sorted(shares, key=lambda found: found[0].start())


_WORD_NUMBER = re.compile(
    r"\b(?P<article>une|un)\s+(?P<word>" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE
)

_I = re.IGNORECASE
# (pattern, scale, unit), tried in order right after the number. Longest forms first.
_UNIT_PATTERNS: tuple[tuple[re.Pattern[str], float, str], ...] = (
    (re.compile(r"milliards?\s*(?:d['’]\s*euros|de\s+euros|€|euros)", _I), 1e9, "EUR"),
    (re.compile(r"millions?\s*(?:d['’]\s*euros|de\s+euros|€|euros)", _I), 1e6, "EUR"),
    (re.compile(r"(?:millions?\s*(?:de\s*)?|M\s?)m²"), 1e6, "m2"),
    (re.compile(r"Mds?\s?€"), 1e9, "EUR"),
    (re.compile(r"M\s?€"), 1e6, "EUR"),
    (re.compile(r"[kK]\s?€"), 1e3, "EUR"),
    (re.compile(r"€|euros?\b|EUR\b"), 1.0, "EUR"),
    (re.compile(r"milliards?\b", _I), 1e9, "count"),
    (re.compile(r"millions?\b", _I), 1e6, "count"),
    (
        re.compile(
            r"(?:habitants?|hab\.?)\s*(?:en\s+moyenne\s+)?(?:/|par|au)\s*(?:km[²2]|kilomètre\s+carré)",
            _I,
        ),
        1.0,
        "per_km2",
    ),
    (re.compile(r"km[²2]", _I), 1.0, "km2"),
    (re.compile(r"(?:kms?|kilomètres?)\b", _I), 1.0, "km"),
    (re.compile(r"(?:ha|hectares?)\b", _I), 1.0, "ha"),
    (re.compile(r"m²|m2\b"), 1.0, "m2"),
    (re.compile(r"%|pour\s+cent\b", _I), 1.0, "pct"),  # "vingt-trois pour cent des demandes"
    (re.compile(r"T\b|tonnes?\b"), 1.0, "t"),
    (re.compile(r"ml\b|mètres?\s+linéaires?\b", _I), 1.0, "m"),
    (re.compile(r"mètres?\b", _I), 1.0, "m"),
    (re.compile(r"m\b(?![²2'’])"), 1.0, "m"),  # "un linéaire total de 1 175 m et ..."
    (re.compile(r"Go\b"), 1.0, "gb"),
    (re.compile(r"ETP\b"), 1.0, "fte"),
    (re.compile(r"jours?\b", _I), 1.0, "day"),  # a figure only as a time taken (below)
)
_NO_FIGURE = frozenset({"/", "-", "–", "—", ""})


class NumberFormatError(IndicatorsError, ValueError):
    """A text that should hold one figure does not."""


class UnknownUnitError(NumberFormatError):
    """A figure is followed by a unit the reader does not know."""


@dataclass(frozen=True)
class Quantity:
    """One figure read from the text, with the exact span it came from."""

    value: float | None  # None: the source says explicitly "no figure" ("/")
    unit: str
    qualifier: str | None
    text: str  # the exact span: qualifier, number and unit
    start: int
    end: int

    @property
    def is_exact(self) -> bool:
        return self.qualifier is None


def parse_number(text: str) -> float:
    """Read a bare French number: `35 551`, `1 984,8`, `162.68`, `+ 13,2`."""
    stripped = text.strip()
    match = _NUMBER.fullmatch(stripped)
    if match is None:
        raise NumberFormatError(f"not a number: {text!r}")
    return _number_value(match)


def _number_value(match: re.Match[str]) -> float:
    digits = re.sub(_SEP, "", match["int"])
    value = float(f"{digits}.{match['frac']}" if match["frac"] else digits)
    sign = (match["sign"] or "").strip()
    return -value if sign in {"-", "\u2212"} else value


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    match = _QUALIFIER_BEFORE.search(text[max(0, start - 24) : start])
    if match is None:
        return None, start
    word = re.split(r"[\s'’]", match["q"].lower())[0]
    if word.startswith("avoisin"):
        word = "environ"  # "avoisine", "avoisinant"
    return _QUALIFIER_CODES[word], start - (len(match.group(0)))


def is_a_number(text: str) -> bool:
    """The words are a number and nothing else: "Vingt-trois", "trois cents", "23"."""
    words = text.strip()
    return bool(words) and (words.replace(" ", "").isdigit() or _compound_value(words) is not None)


def _compound_value(words: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(re.sub(r"\s+", " ", words.lower()), "fr"))
    except ValueError:
        return None


def _unit_after(text: str, end: int) -> tuple[float, str, int]:
    pos = end
    while pos < len(text) and text[pos] in " \u00a0\u202f":
        pos += 1
    for pattern, scale, unit in _UNIT_PATTERNS:
        match = pattern.match(text, pos)
        if match:
            return scale, unit, match.end()
    return 1.0, "count", end


def unit_named(words: str) -> tuple[float, str] | None:
    """The scale and unit that `words` name and nothing else ("Habitants par km²",
    "hectares", "Millions d'euros"), None for any other words or a plain count."""
    words = words.strip(" :*")
    for pattern, scale, unit in _UNIT_PATTERNS:
        match = pattern.match(words)
        if match is not None and match.end() == len(words):
            return (scale, unit) if unit != "count" else None
    return None


def is_figure_alone(text: str) -> bool:
    """`211 425`, `1 984,8 km²`, `4 228 736 €`: the text is one figure and nothing else (but
    a closing mark)."""
    found = find_quantities(text)
    return len(found) == 1 and found[0].start == 0 and len(text) - found[0].end <= 1


def find_quantities(text: str, *, cardinals: bool = False) -> list[Quantity]:
    """Every figure in a line of text, left to right; ordinals such as `1^{er}` are skipped.

    `cardinals`: also read small numbers written in words ("deux simulateurs"), as sentences
    do; a key-figure line or a table cell always prints its figure in digits."""
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        if _ORDINAL.match(text, match.end()):
            continue
        scale, unit, end = _unit_after(text, match.end())
        if end == match.end() and (shared := _unit_of_next(text, match)) is not None:
            scale, unit = shared  # "(2, 4 et 6 km)", "entre 2 et 3 M€": the list's unit
        value = _number_value(match) * scale
        qualifier, start = _qualifier_before(text, match.start())
        found.append(Quantity(_round(value), unit, qualifier, text[start:end], start, end))
    for match in _WORD_NUMBER.finditer(text):
        qualifier, start = _qualifier_before(text, match.start())
        found.append(
            Quantity(
                float(_WORD_NUMBERS[match["word"].lower()]),
                "count",
                qualifier or "approx",
                text[start : match.end()],
                start,
                match.end(),
            )
        )
    if cardinals:
        found.extend(  # "une seule inspection", "un seul et même CER"
            Quantity(1.0, "count", "", m.group(0), m.start(), m.end())
            for m in _ONLY_ONE.finditer(text)
            if not _PREPOSITION_END.search(text, 0, m.start())
            and not _AFTER_A_MANNER.search(text, 0, m.start())
        )
        found.extend(  # "deux clubs de handball, trois clubs d'aviron et un club de tennis"
            Quantity(1.0, "count", "", m["one"], m.start("one"), m.end("one"))
            for m in _ONE_LISTED.finditer(text)
            if _closes_a_list_of_counts(text, m)
        )
        for m in _ONE_MEASURE.finditer(text):  # "plus d'un kilomètre de tapis"
            scale, unit, end = _unit_after(text, m.end("one"))
            if unit in _MEASURES:
                qualifier, start = _qualifier_before(text, m.start("one"))
                found.append(Quantity(scale, unit, qualifier, text[start:end], start, end))
        shares = _shares_in_words(text)
        spans = [range(m.start(), m.end()) for m, _ in shares] + [
            range(m.start(), m.end()) for m in _FRACTION_OF_TIME.finditer(text)
        ]
        found.extend(  # "les deux tiers des places" is a share, not a count of 2
            q for q in _numbers_in_words(text) if not any(q.start in span for span in spans)
        )
        for match, share in shares:
            if _SAID_EXACTLY.match(text, match.end()):
                continue  # "Près d'un quart des habitants (24,9 %)": the figure is 24,9 %
            qualifier, start = _qualifier_before(text, match.start())
            found.append(
                Quantity(
                    share,
                    "pct",
                    qualifier,
                    text[start : match.end()],
                    start,
                    match.end(),
                )
            )
    return sorted(found, key=lambda q: q.start)


# one of a measure, said after a qualifier: "plus d'un kilomètre", "près d'un hectare"
_ONE_MEASURE = re.compile(
    # (not "situé à moins d'un kilomètre de": a distance, a condition; nor "un mètre carré")
    r"(?<!à\s)\b(?:plus|moins|près)\s+d['’]\s*(?P<one>une?)"
    r"(?=\s+(?:kilomètre|hectare|mètre|tonne)s?\b(?!\s+carrés?|²))",
    re.IGNORECASE,
)
_MEASURES = frozenset({"km", "ha", "m", "t"})
# what joins the numbers of a list that prints its unit once, after the last one
_LIST_JOINER = re.compile(r"\s*(?P<j>,|et|ou|à)\s*")
_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _closes_a_list_of_counts(text: str, match: re.Match[str]) -> bool:
    """ "un" of "deux clubs de handball, trois clubs d'aviron et un club de tennis de table":
    at least two items before it, each a number and its noun phrase with no verb, and a
    noun after it that is no scale, time or share ("un peu", "un an", "une centaine")."""
    items = re.split(r",(?!\d)|\bet\b|:|;", text[: match.start()])
    counted = [item.strip() for item in items[-2:]]
    if len(items) < 2 or not all(_COUNTED_ITEM.fullmatch(item) for item in counted):
        return False
    if any(_A_VERB_OR_MONTH.search(item) for item in counted):
        return False  # "1 250 dossiers ont été instruits, un chiffre en hausse", "4 octobre"
    noun = re.match(r"\s*([\wéèêàâç]+)", text[match.end("one") :])
    return (
        noun is not None
        and noun[1].lower() not in _NO_ITEM
        and _LAST_ITEM.match(text, match.end("one")) is not None
        and not _ONLY_ONE.match(text, match.start("one"))
    )


def _unit_of_next(text: str, match: re.Match[str]) -> tuple[float, str] | None:
    """The scale and unit of the numbers that follow a bare one in a list that prints its
    unit once ("2, 4 et 6 kms", "entre 2 et 3 M€", "12, 15 et 20 %", "de 5 à 10 millions
    de visiteurs"); None when the list ends on a plain count, a date ("13 et 20 mai"), no
    number, or never closes with "et", "ou" or "à" ("Depuis 2019, 12 %"). A year is no
    member of such a list."""
    if _A_YEAR.fullmatch(match.group(0)):
        return None
    position, closed = match.end(), False
    while (joiner := _LIST_JOINER.match(text, position)) is not None and joiner.end() > position:
        following = _NUMBER.match(text, joiner.end())
        if following is None or _ORDINAL.match(text, following.end()):
            return None
        if _A_YEAR.fullmatch(following.group(0)):
            return None
        closed = closed or joiner["j"] != ","
        scale, unit, end = _unit_after(text, following.end())
        if end > following.end():
            shared = unit != "count" or scale != 1.0
            return (scale, unit) if shared and closed else None
        position = following.end()
    return None


def _numbers_in_words(text: str) -> list[Quantity]:
    """ "vingt-deux collèges", "trois cent six mètres", "sept Maisons", "au nombre de neuf"."""
    found = []
    for match in _WORDS_NUMBER.finditer(text):
        word = match["word"]
        if (
            match["name"] is not None
            and word[:1].isupper()
            and not _ACRONYM.match(text, match.end())
            and not (
                _OPENS_ON_PLURAL.match(text, match.end())
                and _OPENS_A_SENTENCE.search(text[: match.start()])
            )
        ):
            continue  # "les Deux Caps", "Trois Rivières": a name ("Sept MDADT" counts them)
        # "Trente mille : le nombre de repas servis", a number that opens its line before its
        # colon, is said as the figure the line goes on to name
        lead = _QUALIFIER_LEAD.sub("", text[: match.start()].strip(" -–◆⇒*•"))  # "Plus de"
        opens = not lead and _COLON_AFTER.match(text, match.end())
        if match["end"] is not None and not (_STATED_BEFORE.search(text[: match.start()]) or opens):
            continue
        if (
            match["end"] is not None
            and word.lower() == "neuf"
            and text[: match.start()].endswith("(")
        ):
            continue  # "Le logement (neuf)": the adjective
        if _PER_CENT_BEFORE.search(text[: match.start()]) and word.lower() == "cent":
            continue  # the "cent" of "vingt-trois pour cent": the percent sign, in words
        if match["listed"] is not None and (
            word.lower() in {"un", "une"} or not _ITEM_BEFORE.search(text[: match.start()])
        ):
            continue
        number = _compound_value(word)
        if number is None:
            continue
        scale, unit, end = _unit_after(text, match.end())
        last = _SCALE_AFTER.match(text, match.end())
        if scale != 1.0 and last and _SCALE_IN.search(word):
            # "un milliard cinq cents millions d'euros": the last scale word is the number's
            number = _compound_value(f"{word} {last[1]}")
            if number is None:
                continue
            scale = 1.0
        if unit != "count" and scale != 1.0 and unit not in _SCALED_UNITS:
            scale, unit, end = 1.0, "count", match.end()
        value = _round(number * scale)
        qualifier, start = _qualifier_before(text, match.start())
        found.append(Quantity(value, unit, qualifier, text[start:end], start, end))
    return found


def parse_quantity(text: str) -> Quantity:
    """Read a text that must be exactly one figure, such as a table cell.

    `/` (and an empty cell) is the report's way to say "no figure": value None.
    Anything left over after the figure and a known unit is an error, so that a changed
    layout or an unknown unit is reported instead of being read as something else.
    """
    cleaned = text.strip()
    if cleaned in _NO_FIGURE:
        return Quantity(None, "count", None, cleaned, 0, len(cleaned))
    found = find_quantities(cleaned)
    if not found:
        raise NumberFormatError(f"no figure in {text!r}")
    if len(found) > 1:
        raise NumberFormatError(f"{len(found)} figures in {text!r}, expected one")
    quantity = found[0]
    rest_before = cleaned[: quantity.start].strip()
    rest_after = cleaned[quantity.end :].strip()
    if rest_before:
        raise NumberFormatError(f"unexpected text {rest_before!r} before the figure in {text!r}")
    if rest_after:
        raise UnknownUnitError(f"unknown unit {rest_after!r} after the figure in {text!r}")
    return quantity


def rounding_half_width(span: str, value: float, unit: str) -> float:
    """How far the true value may lie from the printed one, in the figure's normalised unit.

    A figure printed with k decimals stands for anything within half its last digit:
    "1,87 milliard" is 1 870 000 000 ± 5 000 000, "14,53 %" is 14.53 ± 0.005, "6 200 km"
    ± 0.5 km. A count printed as a whole number ("35 551 demandes") is exact: a number of
    things is a whole number, so nothing else lies within half a unit of it (and sums of
    counts stay exact). The scale (M€, milliard) is the ratio of the value to the printed
    number. Qualifiers ("plus de", "près de") are not precision: the checks read them.
    """
    match = _NUMBER.search(span)
    if match is None:
        return 0.0
    printed = abs(_number_value(match))
    decimals = len(match["frac"] or "")
    scale = abs(value) / printed if printed else 1.0
    if unit == "count" and decimals == 0 and abs(scale - 1.0) < 1e-9:
        return 0.0
    return _round(0.5 * 10.0**-decimals * scale)


def format_fr(value: float | None, decimals: int | None = None) -> str:
    """A number as the report prints it: `1 472 000`, `14,53`, `-1 234,5` (empty for None).

    Without `decimals`, as many as the value needs, up to four."""
    if value is None or value != value:  # None or NaN
        return ""
    if decimals is None:
        decimals = (
            0
            if float(value).is_integer()
            else min(4, len(f"{abs(value):.4f}".rstrip("0").split(".")[1]))
        )
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    return f"-{text}" if value < 0 else text


def _round(value: float) -> float:
    """Scaling by 1e6 in binary floats leaves noise (463.61e6 = 463609999.99...)."""
    return round(value, 6)


# --- Numbers in the text that are not figures ------------------------------------------
# Years, dates, phone numbers, page numbers, codes ...: the extractors skip them and the
# coverage report counts them as ignored, with the reason.

MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre"
)
_A_VERB_OR_MONTH = re.compile(
    rf"\b(?:ont|a|sont|est|été|sera|seront|avait|avaient|{MONTHS})\b", re.IGNORECASE
)
# what "un" opens that is no item of a list: a round number, a share, a time, a scale
_NO_ITEM = APPROXIMATE_NOUNS | frozenset(_PARTS) | {
    "peu", "an", "fois", "demi", "million", "milliard", "sur", "seul", "seule", "autre"
}  # fmt: skip
_DATE_AFTER = re.compile(rf"^\s*(?:er\s+|\^\{{?er\}}?\s*)?(?:{MONTHS})\b", re.IGNORECASE)
_FOOTNOTE_BEFORE = re.compile(r"\w\*$")
# how often something must happen, a rule rather than a count: "1 par trimestre minimum"
_FREQUENCY_AFTER = re.compile(
    r"^\s*(?:fois\s+)?par\s+(?:jour|semaine|mois|trimestre|semestre|an|année)\s+"
    r"(?:minimum|maximum|au\s+moins|au\s+plus)\b",
    re.IGNORECASE,
)
# the first days of a list of dates: "les 13, 20 et 29 septembre"
_DATE_LIST_AFTER = re.compile(
    rf"^(?:\s*(?:,|et|au|à)\s*\d{{1,2}}(?:er)?)+\s+(?:{MONTHS})\b", re.IGNORECASE
)
_DAY_MONTH_NUMERIC = re.compile(r"^/\d{1,2}\b")
_BEFORE_NUMERIC_DATE = re.compile(r"\d{1,2}/$")
_URL = re.compile(r"(?:https?://|www\.)[^\s>»)]+", re.IGNORECASE)
_PHONE = re.compile(r"\b0\d(?:[ .]\d{2}){4}\b")
_ORDINAL_AFTER = re.compile(
    r"^\s?(?:\^\{[^}]*\}|\^\w+|ers?\b|res?\b|ères?\b|èmes?\b|e\b|è\b|nde?s?\b)"
)
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
_LIST_MARKER = re.compile(r"^\s*(?:[-•]\s*)?$")
_NUMBERED_AFTER = re.compile(r"^\s*(?::|\))\s")
# "82 : le nombre de plans média": a figure first, then what it counts
NUMBER_FIRST = re.compile(
    r"^[\s*]*:\s*(?:c['’]est\s+)?(?:(?:le|la|les|l['’])\s*)?(?:nombre|total|montant|part|volume)\s+"
    r"(?:de|d['’]|des|du)\s*"
    # "Près d'un million de m² : telle est la surface du parc immobilier"
    r"|^\s*:\s*tel(?:le)?s?\s+(?:est|sont|était|étaient)\s+(?:le|la|les|l['’])\s*"
    r"(?:(?:nombre|total|montant|volume)\s+(?:de|d['’]|des|du)\s*)?",
    re.IGNORECASE,
)
# a number named a count right after it: "2012, qui était le nombre d'inscrits"
_COUNT_NAMED_AFTER = re.compile(
    r"^[\s*]*,\s*qui\s+(?:est|était|sera|fut)\s+le\s+nombre\s+(?:de|d['’]|des|du)\b",
    re.IGNORECASE,
)
# a number in words that opens its sentence on a plural noun said with a capital, a name's
# words after it: "Cinquante et un Services d'Aide et d'Accompagnement à Domicile (SAAD)"
_OPENS_ON_PLURAL = re.compile(r"\s+[A-ZÉ][a-zéèêàâç]+[sx]\s+(?:d['’]|de|du|des)\s*[A-ZÉ]")
# a sentence's opening: nothing before a number but the end of the sentence before
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?]\s+)[\s*]*$")
_AGE = re.compile(r"^\s*ans\b")
_DURATION = re.compile(r"^\s*(?:jours?|semaines?|mois|minutes?|années)\b", re.IGNORECASE)
# days are a figure when they are the time something takes: "le délai moyen de traitement,
# passant de 29 jours à 8 jours"
_DAYS = re.compile(r"\bjours?$", re.IGNORECASE)
_DAYS_AFTER = re.compile(r"^\s*(?:-|à|et)\s*\d{1,3}\s+jours?\b", re.IGNORECASE)
# the time taken named right after its days: "9 jours de délai moyen de traitement"
_TIME_TAKEN_AFTER = re.compile(r"^\s*(?:de\s+|d['’]\s*)(?:délai|attente|traitement)\b", _I)
TIME_TAKEN = re.compile(
    r"\b(?:délais?|durées?|temps\s+(?:moyens?\s+)?(?:de\s+traitement|d['’]attente|de\s+trajet|"
    r"de\s+réponse|d['’]instruction))\b",
    re.IGNORECASE,
)
# what an effort took, right before the days: "il a fallu 9 jours", "le chantier a duré 12 jours"
EFFORT_BEFORE = re.compile(
    r"\b(?:il\s+(?:a|aura)\s+fallu|(?:a|ont)\s+(?:duré|nécessité|requis))\s+"
    r"(?:près\s+de\s+|plus\s+de\s+|environ\s+)?$",
    re.IGNORECASE,
)
# what an effort took, named by the effort: "une mobilisation de dix jours", "une intervention
# d'une durée de 6 jours" (not "pendant 7 jours", a duration in a label)
EFFORT_NOUN_BEFORE = re.compile(
    r"\b(?P<effort>mobilisation|intervention|chantier|travaux|fermeture|formation)s?\s+"
    r"(?:d['’]une\s+durée\s+)?(?:de\s+|d['’]\s*)(?:près\s+de\s+|plus\s+de\s+|environ\s+)?$",
    re.IGNORECASE,
)
# a change of a time ("le délai a été réduit de 21 jours"): not the time itself
_DAYS_CHANGED = re.compile(
    r"\b(?:réduite?s?|diminuée?s?|baissée?s?|augmentée?s?|allongée?s?|raccourcie?s?|tombée?s?"
    r"|descendue?s?)\s+de\s+$",
    re.IGNORECASE,
)
_TIME_TAKEN_REACH = 120  # the délai or durée is named close before its number
# the délai named after the days its sentence opens on: "33 jours avant, 11 jours désormais :
# tel est le délai moyen de traitement", "Passé de 25 jours à 12 jours, le délai moyen ..."
# the words that date a value before ("33 jours auparavant") or now ("11 jours désormais")
THEN_WORDS = r"(?:auparavant|avant|précédemment|initialement)"
NOW_WORDS = r"(?:désormais|aujourd['’]hui|maintenant|à\s+présent)"
_NOW_OR_THEN = rf"(?:{THEN_WORDS}|{NOW_WORDS})"
_TIME_TAKEN_NAMED_AFTER = re.compile(
    # "33 jours auparavant, 11 jours désormais : tel est le délai ...", only adverbs and the
    # other days between
    rf"^\s*(?:{_NOW_OR_THEN}\s*)?(?:,\s*[\w-]+(?:\s+jours?)?\s*(?:{_NOW_OR_THEN}\s*)?)?"
    r":\s*(?:tel(?:le)?s?\s+(?:est|sont|était|étaient)|c['’]est|voilà)\s+"
    # "Passé de 25 jours à 12 jours, le délai ...": the subject right after the pair
    r"|^\s*(?:à\s+[\w-]+\s+jours?\s*)?,\s*(?P<subject>)"
    r"(?=(?:le|la|les|l['’])\s*(?:délais?|durées?)\b)",
    re.IGNORECASE,
)
# "à 8 jours" after the days: the value they went from, not a change by so many days
_FROM_TO_AFTER = re.compile(r"^\s*à\s+(?:\d|[\w-]+\s+jours?\b)", re.IGNORECASE)
# a time a figure lasts, no time taken: "Pendant 3 jours, ..."
_LASTING_BEFORE = re.compile(r"\b(?:pendant|durant|en|sur|sous|dans|depuis)\s+$", re.IGNORECASE)
_CHANGED_FROM = re.compile(
    r"\b(?:passée?s?|réduite?s?|ramenée?s?|tombée?s?|descendue?s?)\s+de\s+(?:$"
    r"|[^.;!?]{1,40}\s+à\s+$)",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.;!?]\s")
_TIME = re.compile(r"^\s?h(?:\d{2}|\b)|^\s?heures?\s+(?:et\s+)?\d|^:\d{2}\b")
# "communes de moins de 2 000 habitants", "de - 2 000 habitants": a condition, not a figure
_THRESHOLD_BEFORE = re.compile(
    r"(?:\bde|\bdes|\baux|\bles|\bà|\bayant|\bcomptant)\s+(?:moins|plus|-|\+)\s*(?:de\s+|d['’])?$|"
    r"\b(?:ont|a)\s+moins\s+(?:de\s+|d['’])$|"
    r"\b(?:à\s+partir|au-delà|en\s+dessous|au-dessus)\s+de\s+$|\b(?:inférieure?s?|supérieure?s?)\s+à\s+$",
    re.IGNORECASE,
)
# the threshold with its comparison inside the figure's span ("communes de moins de 2 500
# habitants", "ont moins de 540 habitants")
_COMPARED = re.compile(r"^\s*(?:moins|plus)\s+(?:de|d['’])|^\s*[-+]\s*\d", re.IGNORECASE)
_CONDITION_BEFORE = re.compile(r"\b(?:de|des|aux|les|à|ayant|comptant|dont)\s+$", re.IGNORECASE)
# "les communes qui ont moins de 540 habitants": a condition; "a plus de 7 000 salariés" is not
_FEWER_THAN = re.compile(r"^\s*moins\s+(?:de|d['’])", re.IGNORECASE)
_HAVE_BEFORE = re.compile(r"\b(?:ont|a)\s+$", re.IGNORECASE)
# a number that names or orders a thing: "route départementale 917", "axe 5", "phases 3 et 4"
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:routes?\s+(?:départementale|nationale)s?|autoroute|axes?|"
    r"phases?|secteurs?|lots?|tranches?|zones?|lignes?|chapitres?|volets?|étapes?|"
    r"niveaux?|catégories?|échelons?|saisons?|épisodes?|numéros?|versions?|priorités?|"
    r"ambitions?|terrils?|terris?)\s+"
    r"(?:\d+\s*(?:et|à|-|,)\s*)?$",
    re.IGNORECASE,
)
_HORIZON_BEFORE = re.compile(
    r"\b(?:horizon|d['’]ici|d['’]ici\s+à|en|vers|dès|avant)\s+$", re.IGNORECASE
)
_LATER_YEAR = re.compile(r"^(?:20[5-9]\d|2100)$")
_STREET_AFTER = re.compile(
    r"^\s*(?:bis\s+|ter\s+)?(?i:rue|avenue|av\.|boulevard|bd|place|chemin|route|allée|"
    r"impasse|quai)\s+(?:(?i:du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?[A-ZÉ]"
)
_ANGLE_AFTER = re.compile(r"^\s?°(?!\s?C)")
_SPAN_AFTER = re.compile(
    r"^\s*(?:prochaines?|dernières?|premières?|futures?)\s+(?:années|ans|mois|semaines|jours)\b",
    re.IGNORECASE,
)
# earlier editions a text goes on from: "dans la continuité des deux campagnes précédentes"
_EARLIER_AFTER = re.compile(
    r"^\s*(?:campagnes|éditions|saisons|années|sessions|mandatures|générations|périodes)\s+"
    r"(?:précédentes|passées)\b(?!\s+(?:de|d['’]|à|au|aux|en|par|avec|dans|sous|devant)\b)",
    re.IGNORECASE,
)
# a distance that bounds an area: "dans un rayon de 5 km", "le périmètre des 3 km"
_RADIUS_BEFORE = re.compile(r"\b(?:rayon|périmètre)\s+(?:de\s+|des\s+|d['’])$", re.IGNORECASE)
_AREA_UNIT = re.compile(r"\b(?:ha|hectares?|km²|km2|m²|m2)(?!\w)", re.IGNORECASE)
_RECIPIENTS_BEFORE = re.compile(
    r"\b(?:bénéficié|profité|servie?s?|distribuée?s?|attribuée?s?|versée?s?|offerte?s?)\s+à\s+"
    r"(?:(?:plus|moins)\s+(?:de\s+|d['’]))?$",
    re.IGNORECASE,
)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:habitants|ans|salariés|élèves)\b", re.IGNORECASE)
# the one territory a key figure describes, not a class of them: "Un territoire de plus de
# 288 500 habitants" is its population
_TERRITORY_OF = re.compile(
    r"(?:^|[.:;!?,]\s+|[-–◆⇒•*]\s*)(?:un|ce|le|notre)\s+(?:territoire|département)\s+(?:de|d['’])\s*"
    r"(?:(?:plus|moins)\s+(?:de|d['’])\s*)?$",
    re.IGNORECASE,
)  # opening its item or sentence, or in apposition ("L'Artois, un territoire de plus de ...");
# not "... dans un territoire de moins de 3 500 habitants", a condition
_LAW_BEFORE = re.compile(
    r"\b(?:article|articles|loi|décret|arrêté|n°|no|nº|alinéa|L\.?|R\.?)\s*$", re.IGNORECASE
)
# the kinds of things a rule requires, in a clause that says nothing was done: "trois types
# d'associés obligatoires répartis ..." (not "3 types d'ateliers obligatoires ont été suivis")
_REQUIRED_AFTER = re.compile(
    r"^\s+(?:types?|catégories|sortes|formes)\s+(?:d['’]\s*|de\s+)[\wéèêàâç'’ -]{2,40}?"
    r"\s+obligatoires?\b"
    r"(?![^.;:]*\b(?:ont|a|sont|est|été|seront|sera|avaient|avait)\b)",
    re.IGNORECASE,
)
# "Le handicap, l'égalité fille - garçon, l'origine, l'apparence physique, l'orientation
# sexuelle sont les 5 grandes discriminations": the kinds a sentence names, then counts
_NAMED_THEN_COUNTED = re.compile(
    r"(?P<kinds>[^.;:!?()]+?)\s+(?:sont|constituent|forment|représentent)\s+les\s+$",
    re.IGNORECASE,
)
_ARE_THE = re.compile(r"\b(?:sont|constituent|forment|représentent)\s+les\s+$", re.IGNORECASE)
_ARE_THE_REACH = 30
_KINDS_REACH = 300  # the list of kinds, within its sentence
_KIND_SEPARATOR = re.compile(r",|\s(?:et|ou)\s")


def _kinds_listed(token: str, before: str) -> bool:
    """The number counts the items its sentence has just listed: a typology, not a figure."""
    if not _ARE_THE.search(before[-_ARE_THE_REACH:]):
        return False  # (the costly search below only where the words before say so)
    sentence = re.split(r"[.;:!?]\s", before)[-1][-_KINDS_REACH:]
    named = _NAMED_THEN_COUNTED.search(sentence)
    if named is None:
        return False
    words = token.strip()
    number = _NUMBER.match(words)
    value = _number_value(number) if number else _compound_value(words)
    kinds = [k for k in _KIND_SEPARATOR.split(named["kinds"]) if k.strip()]
    return value is not None and value >= 2 and len(kinds) == value


_MONEY = re.compile(r"€|\beuros?\b|(?:millions?|milliards?)\s+(?:d['’]\s*)?euros", re.IGNORECASE)
# an acronym or code right before the number: "RD 917", "M 57", "BDR 62", "ESCAPA 62"
_CODE_BEFORE = re.compile(r"(?<![\w'’])(?:[A-Z]{1,8}|[A-Z][a-z]+[A-Z]\w*)\s?$")
# a table of contents or menu: a number opening a short line, then a title
_COUNTED_BEFORE = re.compile(
    r"(?<!\bmon\s)(?<!\bson\s)(?<!\bton\s)(?<!\ble\s)(?<!\bun\s)(?<!\bdu\s)"
    r"\b(?:compte|comptent|recense|recensent|dénombre|dénombrent|totalise|totalisent|gère|gèrent"
    r"|regroupe|regroupent|réunit|réunissent)"
    r"(?:\s+(?:désormais|aujourd['’]hui|actuellement|ainsi|également|encore))?\s+$",
    re.IGNORECASE,
)
_PAGE_LINE = re.compile(r"^\s*(?:[-•]\s*)?$")
_DIGITS = re.compile(r"\d+")
_PAGE_AFTER = re.compile(r"^\s+(?:[A-ZÉÈÀÂÎ«]|L['’])")
_DEPARTMENT_NUMBER_AFTER = re.compile(r"^\s*(?:$|[)»,.;:!?\-–—]|\s[A-Z])")
# "17 et 18 septembre", "du 2 au 6 mai", "Du 25 au 27 février": the first day of a range
_DATE_RANGE_AFTER = re.compile(
    rf"^\s*(?:et|au|à|-)\s+\d{{1,2}}(?:er)?\s+(?:{MONTHS})\b", re.IGNORECASE
)
_AGE_RANGE_AFTER = re.compile(
    r"^\s*(?:-|à|et)\s*\d{1,3}\s+(?:ans|mois|semaines|jours)\b", re.IGNORECASE
)
# a short duration or limit: "45 min maximum", "2 h"
_SHORT_DURATION = re.compile(r"^\s*(?:min|mn|minutes?)\b", re.IGNORECASE)
# "2 h", "3 heures de route": a duration; "55 000 heures d'insertion" is a count of hours
_HOURS = re.compile(r"^\s*(?:h|heures?)\b(?!\s+(?:de|d['’]))", re.IGNORECASE)
# a small number that ends a name: "l'artiste Dirty 6", "le site de Lens 1"
_NAME_WORD_BEFORE = re.compile(
    r"(?<![.!?:;,(]\s)(?<![.!?:;,(•◆⇒\-])(?<!^)\b[A-Z][a-zéèêëïîôûç]+\s$"
)
_NAME_END_AFTER = re.compile(
    r"^\s*(?:$|[),.;:»\"]|\s+(?:a|ont|est|était|sont|étaient|qui|sur|et|de|du|le|la|pour|avec)\b)"
)
# a number after the noun it names, in a complement: "la prise en compte des communautés 360
# et des ..." (not an enumeration: "les garçons 48 et les filles 52")
_NOUN_NAMED_BEFORE = re.compile(r"\b(?:des|du|aux)\s+[a-zéèêàâç]{3,}\s$")
_NOUN_NAMED_AFTER = re.compile(r"^\s*(?:et\b|ou\b|[),;]|\.(?:\s|$)|$)")
# a scale bar of a map: "0 2,75 5,5 km"
_SCALE_LINE = re.compile(r"^\s*0(?:\s+\d+(?:[,.]\d+)?){1,3}(?:\s*km)?\b")
# glued to a capital ("3D", "119E1"), but not a unit ("24M€", "3km")
_CODE_AFTER = re.compile(r"^(?!M€|Md|M\s?€|K€|k€)[A-Z]")
# a name with a number: "Le 1234," (a help desk), "« 6.2 Cœur numérique »"; those a
# département's report prints in lower case are in its catalog (`names_with_numbers`)
_NAME_NUMBER_BEFORE = re.compile(r"(?:^|[.!?]\s)(?:Le|La)\s$|«\s?$")
_NAME_NUMBER_AFTER = re.compile(r"^(?:\s*[,)]|\s+est\b|\s+[A-ZÉ]|$)")
# a programme named by a percentage in a list: "(mobilité, ISIP, 100% insertion...)"
_NAMED_PCT = re.compile(r"^\s?%?\s+[a-zé]+(?:\.\.\.|…|\)|,)")
_RANGE_END_BEFORE = re.compile(r"\b(?:de|entre)\s+\d[\d \u00a0\u202f,.]*\s+(?:à|et)\s+$")
# what a number counts, though capitalised: an acronym before a comma or a lower-case word
# ("7 MDADT, chargées", "2 EPCI à fiscalité propre"), a
# plural common noun after a number in words ("quinze Commissions d'appels d'offres")
_ACRONYM_COUNTED = re.compile(
    r"^\s+[A-ZÉ]{2,}s?(?:\s*[,.;:]|\s+(?!de\b|du\b|des\b|d['’])[a-zéèà]|\s*$)"
)
_COUNTED_NOUN = re.compile(r"^\s(?:Commissions|Maisons|Directions|Réunions|Sessions|Séances)\b")
_NAME_BEFORE = re.compile(r"\b(?:des|de|du)\s$|[A-ZÉÈ][A-ZÉÈ\-]+\s$")
_NAME_AFTER = re.compile(r"^\s[A-ZÉÈ][a-zéèêàç]+")


def ignorable_reason(
    text: str,
    start: int,
    end: int,
    *,
    running_text: bool = False,
    entities: EntityCatalog | None = None,
) -> str | None:
    """Why the number at text[start:end] is not a figure, or None if it may be one.

    `running_text`: the line is prose or a menu, not a key-figure block, where a short line
    "6 Le Département du Nord" is a page number of a contents list, not a count.
    `entities`: the report's département (its code, its names with numbers, its postcodes)."""
    token = text[start:end]
    before, after = text[:start], text[end:]
    return (
        _address_reason(text, start)
        or ("frequency rule" if _FREQUENCY_AFTER.match(after) else None)  # "1 par mois minimum"
        or _date_or_measure_reason(text, start, token, before, after)
        or _reference_reason(text, token, before, after, running_text, entities)
        or _name_reason(text, start, end, entities)
    )


def _is_postcode(token: str, entities: EntityCatalog | None) -> bool:
    prefixes = entities.structure.postcode_departements if entities else ()
    return len(token) == 5 and token.isdigit() and token.startswith(prefixes)


def _address_reason(text: str, start: int) -> str | None:
    """Inside a web address or a phone number; a footnote's mark ("RD 58*1")."""
    if _FOOTNOTE_BEFORE.search(text[:start]) and re.match(r"\d{1,2}(?!\d)", text[start:]):
        return "footnote mark"
    if any(m.start() <= start < m.end() for m in _URL.finditer(text)):
        return "web address"
    if any(m.start() <= start < m.end() for m in _PHONE.finditer(text)):
        return "phone number"
    return None


def _days_reason(token: str, before: str, after: str) -> str | None:
    """Days are a figure ("") when they are a time taken ("un délai de 29 jours", "ramené de
    29 à 7 jours"), not ("pendant 7 jours") or a change of one otherwise; None: no days."""
    if not (_DAYS.search(token) or _DAYS_AFTER.match(after)):
        return None
    if _DAYS_CHANGED.search(before) and not _FROM_TO_AFTER.match(after):
        return "change of a duration"  # "le délai a été réduit de 21 jours"
    taken = TIME_TAKEN.search(_SENTENCE_START.split(before)[-1][-_TIME_TAKEN_REACH:])
    named = _TIME_TAKEN_NAMED_AFTER.match(after) if not _LASTING_BEFORE.search(before) else None
    # a fronted pair: "Passé de 25 jours à 12 jours, le délai ..." (not "Tombé de 10 jours,")
    changed = _CHANGED_FROM.search(before)
    pair = changed is not None and (
        not changed.group(0).endswith("de ") or _FROM_TO_AFTER.match(after)
    )
    if (
        taken
        or EFFORT_BEFORE.search(before)
        or EFFORT_NOUN_BEFORE.search(before)
        or _TIME_TAKEN_AFTER.match(after)
        or PROCESSED_IN.search(before)
        or (named and (named["subject"] is None or pair))
    ):
        return ""
    return "age or duration in a label"


# the days something is dealt with in: "les avis de grossesse sont traités en 13 jours"
PROCESSED_IN = re.compile(
    r"\b(?:traitée?s?|instruite?s?|délivrée?s?|examinée?s?|réglée?s?)\s+"
    r"(?:en\s+moyenne\s+)?en\s+(?:moyenne\s+)?$",
    re.IGNORECASE,
)


_SAID_AFTER = (
    (_ANGLE_AFTER, "angle"),
    (_SPAN_AFTER, "age or duration in a label"),
    (_EARLIER_AFTER, "earlier editions referred to"),
    (_STREET_AFTER, "address"),
    (_DATE_RANGE_AFTER, "date"),
)


def _date_or_measure_reason(
    text: str, start: int, token: str, before: str, after: str
) -> str | None:
    """An ordinal, a date or a year, a scale, an age, a duration, a time, a kilometre marker."""
    if _ORDINAL_AFTER.match(after):
        return "ordinal"
    if (
        _DATE_AFTER.match(after)
        or _DATE_LIST_AFTER.match(after)
        or _DAY_MONTH_NUMERIC.match(after)
        or _BEFORE_NUMERIC_DATE.search(before)
    ):
        return "date"
    # not a sentence that opens on "2012, qui était le nombre d'inscrits à atteindre"
    named = _COUNT_NAMED_AFTER.match(after) and _OPENS_A_SENTENCE.search(before)
    if _YEAR.match(token) and not named:
        return "year"
    if (
        re.fullmatch(r"1[89]\d\d", token.strip())
        and re.search(
            rf"\b(?:{MONTHS}|en|de|depuis|dès|du|le|année|années)\s+$", before, re.IGNORECASE
        )
        # "de 1828 demandes" is a count; "de 1880 à nos jours" a year
        and not re.match(r"^\s+(?!(?:à|au|aux|et|en|de|du|jusqu)\b)[a-zéèêà]", after)
    ):
        return "year"  # "le 3 septembre 1919", "depuis 1871"
    if _LATER_YEAR.match(token.strip()) and _HORIZON_BEFORE.search(before):
        return "year"  # "horizon 2070"
    # "à 360°", "les 10 prochaines années", "des deux campagnes précédentes", "au 37 rue du
    # Temple", "du 12 au 14 mai"
    said = next((reason for pattern, reason in _SAID_AFTER if pattern.match(after)), None)
    if said is not None:
        return said
    if (scale := _SCALE_LINE.match(text)) and start < scale.end():
        return "map or chart scale"
    if (days := _days_reason(token, before, after)) is not None:
        return days or None
    if (
        _AGE.match(after)
        or _DURATION.match(after)
        or _AGE_RANGE_AFTER.match(after)
        or _SHORT_DURATION.match(after)
        or (_HOURS.match(after) and re.fullmatch(r"\d{1,2}", token.strip()))
    ):
        return "age or duration in a label"
    if _TIME.match(after):
        return "time of day"
    if re.search(r"\b(?:km|PR)\s$", before):
        return "kilometre marker"
    return None


def _reference_reason(
    text: str,
    token: str,
    before: str,
    after: str,
    running_text: bool,
    entities: EntityCatalog | None,
) -> str | None:
    """A law or article number, a threshold, a postcode, a page number of a contents list."""
    if _LAW_BEFORE.search(before):
        return "law, article or reference number"
    whose = _TERRITORY_OF.search(before)  # "Un territoire de plus de 288 500 habitants"
    given = _RECIPIENTS_BEFORE.search(
        before
    )  # "a bénéficié à plus de 1 520 élèves": its recipients
    if (
        _THRESHOLD_BEFORE.search(before)
        and _THRESHOLD_AFTER.match(after)
        and not whose
        and not given
    ):
        return "threshold or condition"
    if _kinds_listed(token, before):
        return "kinds listed by name"
    if _REQUIRED_AFTER.match(after):
        return "rule or requirement"  # "le multi sociétariat avec trois types d'associés
        # obligatoires répartis dans des catégories distinctes": what a status requires
    if _RADIUS_BEFORE.search(before) and not _AREA_UNIT.search(f"{token} {after[:14]}"):
        # "dans le périmètre des 3 km non couverts"; not "un périmètre de 23 400 hectares"
        return "threshold or condition"
    compared = _COMPARED.match(token) and _CONDITION_BEFORE.search(before)
    fewer = _FEWER_THAN.match(token) and _HAVE_BEFORE.search(before)
    if (compared or fewer) and _THRESHOLD_AFTER.match(after) and not whose and not given:
        return "threshold or condition"
    if _IDENTIFIER_BEFORE.search(before) and re.fullmatch(r"\d+(?:\.\d+)?", token.strip()):
        return "name or code containing digits"
    if _is_postcode(token, entities) and _NAME_AFTER.match(after):
        return "postcode"
    # a contents line, or two of them run together by a PDF ("... de vie 80 Favoriser ...")
    lone = len(_DIGITS.findall(text)) == 1 and re.search(r"[a-zé]\s$", before)
    if (
        running_text
        and token.strip()[:1].isdigit()  # a page is numbered in digits: "Sept MDADT" counts
        and (_PAGE_LINE.match(before) or lone)
        and _PAGE_AFTER.match(after)
        and not (lone and _ACRONYM_COUNTED.match(after))  # "autour de 7 MDADT, chargées"
        and not _COUNTED_BEFORE.search(before)  # "On compte 14 Commissions d'appels d'offres"
        and len(text) < 110
    ):
        return "page or menu number"
    return None


def _name_reason(text: str, start: int, end: int, entities: EntityCatalog | None) -> str | None:
    """Part of a name or a code, the other end of a range, a list or map marker."""
    token, before, after = text[start:end], text[:start], text[end:]
    is_pct = token.rstrip().endswith("%") or after.lstrip().startswith("%")
    if _CODE_AFTER.match(after) or (is_pct and before.endswith(", ") and _NAMED_PCT.match(after)):
        return "name or code containing digits"
    if re.fullmatch(r"\d+\.\d+", token.strip()) and re.match(r"^\s[A-ZÉ]\w", after):
        return "name or code containing digits"  # "du 6.2 Cœur numérique" (a newsletter)
    if _NAME_NUMBER_BEFORE.search(before) and _NAME_NUMBER_AFTER.match(after):
        return "name or code containing digits"
    names = entities.structure.names_with_numbers if entities else ()
    if any(m.start() <= start < m.end() for n in names for m in n.finditer(text)):
        return "name or code containing digits"
    if (
        _CODE_BEFORE.search(before)
        and not before.rstrip().endswith(("(", ":"))
        # "et la MMU 103 000 €": an amount, no code prints €
        and not (_MONEY.search(token) or _MONEY.match(after.lstrip()))
    ):
        return "name or code containing digits"
    if (
        entities is not None
        and token == entities.department.code
        and (
            _DEPARTMENT_NUMBER_AFTER.match(after)
            or re.search(r"['’«]\w+\s$", before)
            or re.search(r"\b[A-Z][\w-]+\s$", before)  # "Eden 62", "Ingénierie 62"
        )
    ):
        return "name or code containing digits"
    if (
        re.fullmatch(r"\d{1,2}", token.strip())
        and _NAME_WORD_BEFORE.search(before)
        and not re.search(r"\b(?:et|ou)\s+\S+\s$", before)  # "Lens 8 et Béthune 5": a list
        and _NAME_END_AFTER.match(after)
    ):
        return "name or code containing digits"  # "l'artiste Dirty 6", "le site de Lens 1"
    if (
        re.fullmatch(r"\d{1,3}", token.strip())
        and _NOUN_NAMED_BEFORE.search(before)
        and _NOUN_NAMED_AFTER.match(after)
    ):
        return "name or code containing digits"  # "des communautés 360 et des dispositifs"
    if _RANGE_END_BEFORE.search(before):
        return "other end of a range already kept"
    if _NAME_BEFORE.search(before) and _NAME_AFTER.match(after) and not _COUNTED_NOUN.match(after):
        return "inside a name"
    if (
        _LIST_MARKER.match(before)
        and _NUMBERED_AFTER.match(after)
        and re.fullmatch(r"\d{1,2}", token.strip())
        and not NUMBER_FIRST.match(after)
    ):
        return "list or map marker"
    return None
