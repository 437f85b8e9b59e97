"""The "Les chiffres clés ..." blocks: every figure they state, with a label and a code.

About thirty blocks, each written its own way: bullets (`- ◆ 35 551 demandes ...`), plain
lines (`553 délibérations votées`), "label : figure" (`Aides financières : 2,4 M€`),
breakdowns (`Budget de 463,61 M€ dont` followed by its parts, `X dont Y`, indented
sub-items). A block runs from its title to the first line of prose.

Figures the catalog curates (same code every year) are taken by the other extractors; the
rest get a generated code `kf_<block>__<label>` (stable as long as the wording is) with the
label they were read with. Years, dates and phone numbers are not figures
(`pipelines.read.numbers.ignorable_reason`).
Parts keep the code of their whole (`part_of`), so breakdowns can be checked.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, replace

from pipelines.extract import Context, Extraction, GeneratedIndicator
from pipelines.extract.key_figures import key_figure_body, starts_with_figure
from pipelines.extract.phrases import (
    COPULA,
    COUNT_OF,
    COUNTING_END,
    FOR_THE_FIGURE_BEFORE,
    SPENT_VERBS,
    UNDER_HEADING,
    UNIT_NOUNS,
    as_change,
    is_noun_phrase,
    is_participle,
    is_verb,
    line_heading,
    paid_by_departement,
    phrase_before,
    served_by,
    singular_participle,
    spent_after,
    spent_label,
    unit_suffix,
    without_verb,
)
from pipelines.read.document import LIST_MARKERS, Document, Section, TextLine
from pipelines.read.numbers import Quantity, find_quantities, ignorable_reason
from schemas.catalog import EntityCatalog, IndicatorCatalog

EXTRACTOR = "key_figure_block"
# a longer line (in characters of its words), no list item and not opening with a figure, is
# prose: the block has ended
_PROSE_LENGTH = 128
_CUT = re.compile(r"[,;:()]|\.(?!\w)|\s(?:dont|soit)\b|\s[–—-]\s")


def _first_words(text: str) -> str:
    """The words before the first cut (`_CUT`), a name between guillemets kept whole ("10
    numéros du « 6.2 Cœur numérique », lettre ..." → "10 numéros du « 6.2 Cœur numérique »")
    when its guillemet closes; a closing bracket cuts only the aside the figure opened ("(sur
    6 pages) des agents"), not one of its own, nor the one the text opens on."""
    for cut in _CUT.finditer(text):
        at = cut.start()
        opened = text.count("«", 0, at) > text.count("»", 0, at) and "»" in text[at:]
        if opened:
            continue
        if cut.group(0) == ")" and (
            not text[:at].strip(" *") or text.count("(", 0, at) > text.count(")", 0, at)
        ):
            continue
        return text[:at]
    return text


_LEADING_WORDS = re.compile(
    r"^(?:(?:de|des|du|les|la|le|à|au|aux|en|et|pour)\s+|(?:d|l)['’]\s*)+", re.I
)
_AN_ARTICLE = re.compile(r"^(?:un(?!\s+peu\b)|une)\s+", re.IGNORECASE)
_TRAILING_WORDS = re.compile(
    r"(?:\s+(?:pour|et|dont|de|des|du|à|au|aux|sur|avec|soit|par|en|vers|chez|dans|entre|ou))+$",
    re.I,
)
_WHOLE_AFTER = re.compile(r"\ssur\s+(?:un\s+total\s+de\s+)?$", re.IGNORECASE)
# a figure stated by what was done with it: "consacrés", "mobilisés pour"
_PARTICIPLE_FIRST = re.compile(
    r"^(?P<participle>[\wéèêàâç]+(?:é|és|ée|ées))\b(?:\s+(?P<rest>.+))?$"
)
_PREPOSITION = re.compile(r"(?:à|au|aux|pour|en\s+faveur\s+(?:de|des|du))", re.IGNORECASE)


def slug(text: str, limit: int = 60) -> str:
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text) if w]
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}_{word}" if out else word
    return out or "figure"


def block_slug(title: str, prefix: str) -> str:
    """The block's part of its figures' codes: its title's words after the heading words
    (`prefix`, the département catalog's `key_figure_title`), as many characters as they
    have cut from the title's start."""
    rest = title[len(prefix) :]
    rest = _LEADING_WORDS.sub("", rest.strip(" :,"))
    return slug(rest, 40)


# where the phrase a bracketed figure is of begins: "respectivement vers la sphère solidarité"
_BRACKETED_AFTER = re.compile(r"[,;:]|\s(?:vers|dont|soit|respectivement)\s", re.IGNORECASE)
# the measure of the figure before, in its own words: ", pour un montant de", "d'un coût de"
_AMOUNT_FOR = re.compile(
    r"(?:^|[,;]|\s)(?:pour|avec)\s+un\s+(?:montant|total|coût|budget)(?:\s+global|\s+total)?"
    r"(?:\s+de|\s+d['’])?\s*$|\bd['’]un\s+(?:montant|coût)(?:\s+total)?\s+de\s*$",
    re.IGNORECASE,
)
# a box's title: a short line ("LA MDPH62", "EDEN62"), in a block as in the sentences
BOX_TITLE_LENGTH = 60
# the Département as the one who acts: "le Département a mobilisé", "par le Département"
_DEPARTEMENT_ACTS = re.compile(r"\b(?:le|du|par\s+le)\s+Département\b")
# "103 des 127 agents RHS": the figure is a part of the one that follows
_PART_OF_NEXT = re.compile(r"\s*(?:des|d['’]entre\s+les|parmi\s+les)\s*")
# a time an amount is counted under, no programme: "au titre de l'exercice 2022"
_A_TIME_FRAME = re.compile(r"^(?:exercice|année|an|période|mandat)s?\b|^(?:19|20)\d\d\b", re.I)
# words after a figure that open on its verb: no label of it ("ont été engagés")
_OPENS_ON_VERB = re.compile(r"^(?:ont|a|sont|est|seront|sera)\s+(?:été\s+)?(?=\w)", re.IGNORECASE)
# a figure whose words end on what it did to the next figure: "52 ateliers ont réuni 1500",
# "2 356 agents ont suivi l'une des 397 formations"
_ACTS_ON_NEXT = re.compile(
    r"\s+(?:ont|a|avaient|avait)\s+(?!été\b)[\wéèêàâç]+(?:\s+l['’]une?\s+des)?[\s*]*$",
    re.IGNORECASE,
)
_RELATIVE_END = re.compile(r"\b(?:qui|que|qu['’]|où|dont|on|il\s+y|y)\s*$", re.IGNORECASE)
_RATIO = re.compile(r"\bsur\s+(?:\d|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)", re.I)


def _tidy(label: str) -> str:
    label = re.sub(r"\s+", " ", label).strip(" :,;.-–—*/")  # "10 renouvellements / 14 ..."
    if label.endswith(")") and "(" not in label:
        label = label[:-1]  # "(10 numéros)": the bracket closes around the figure, not the label
    if label.startswith(")"):  # "(67 %) portent sur ...": the bracket closes the figure's aside
        label = label[1:].strip(" :,;.-–—*")
    label = _AMOUNT_FOR.sub("", label)  # "projets soutenus pour un total de": the amount's words
    label = COPULA.sub("", label)  # "80% sont des communes": what they are
    label = COUNT_OF.sub("", label)  # "le nombre d'abonnés": what is counted is "abonnés"
    label = _LEADING_WORDS.sub("", label)
    label = _AN_ARTICLE.sub("", label)  # "pour un financement total de": "financement total"
    label = _TRAILING_WORDS.sub("", label).strip(" :,;.-–—")
    return COUNTING_END.sub("", label)  # "les agents de CER comptant pour 145"


def _under_whole(label: str, whole: _Whole | None) -> tuple[str, str]:
    """A part's own label and its label under its whole ("Budget : dispositif CESU"); an
    amount named by what was spent on it is, under its whole, that alone (not "Budget :
    montant mobilisé : dispositif CESU")."""
    if whole is None:
        return label, label
    spent = _SPENT_PART.match(label)
    own = spent["what"] if spent else label
    of = _SPENT_PART.match(whole.label)  # "montant engagé : gestion ..." → "gestion ..."
    return own, f"{of['what'] if of else whole.label} : {own}"


# a part's amount named by what was spent on it: "montant mobilisé : dispositif CESU"
_SPENT_PART = re.compile(rf"^montant\s+(?:{SPENT_VERBS})\s*:\s*(?P<what>.+)$", re.IGNORECASE)


# shares of a whole said by what happened to them: "Sur 44 420 orientations réalisées, 48 %
# ont été dirigées vers la sphère solidarité, 29 % vers Pôle emploi"
_SHARE_DONE = re.compile(
    # a passive ("ont été dirigées"), not an active verb ("ont trouvé un emploi")
    r"^\s*(?:(?:ont|a)\s+été|sont|est)\s+(?!été\b)(?P<done>[\wéèêàâç]+)(?:\s+(?P<rest>\S.*?))?\s*$",
    re.IGNORECASE,
)
_WHOLE_WORDS = 4
_WHEN_AFTER = re.compile(r"\s+(?:en|depuis|dès|fin|au)\s+(?:\w+\s+)?(?:19|20)\d\d\b.*$", re.I)
_GOES_TO = frozenset({"vers", "à", "au", "aux", "dans", "pour"})
_SHARE_OF = re.compile(r"^(?:de|des|du|d['’])\s*", re.IGNORECASE)
_SHARE_WHERE = re.compile(r"^\s*(?:vers|pour|à|au|aux|dans|en|sur)\s+\S", re.IGNORECASE)


def share_of_whole(body: str, figures: list[Quantity], index: int) -> str:
    """ "part des orientations dirigées vers la sphère solidarité" for the 48 % of "Sur
    44 420 orientations réalisées, 48 % ont été dirigées vers la sphère solidarité, 29 %
    vers Pôle emploi" (and for the 29 %, which leaves its verb to the share before): the
    share of the count before them that the verb says went there; "" otherwise."""

    def after(n: int) -> str:
        stop = figures[n + 1].start if n + 1 < len(figures) else len(body)
        return re.split(r"[,;:(.]|\s(?:dont|soit|et)\s", body[figures[n].end : stop])[0]

    shares = [n for n in range(index, -1, -1) if figures[n].unit == "pct"]
    shares = list(itertools.takewhile(lambda n: n in shares, range(index, -1, -1)))
    first = shares[-1] if shares else index
    said = _SHARE_DONE.match(after(first))
    own = after(index)
    wholes = [n for n in range(first) if figures[n].unit == "count"]
    if not wholes or any(f.unit not in {"count", "pct"} for f in figures[wholes[-1] : first]):
        return ""  # "1 250 dossiers ... pour 5,4 M€ ; 40 % ...": of the amount, not the count
    # the whole's own words after it (not `label_of`, which may hand over to the share)
    whole = (
        _tidy(
            _WHEN_AFTER.sub(
                "", _first_words(body[figures[wholes[-1]].end : figures[wholes[-1] + 1].start])
            )
        ).split()
        or _bracketed_of_before(  # "Orientations réalisées (44 560) : 53 % vers ..."
            body, figures, wholes[-1], figures[wholes[-1] + 1].start
        ).split()
    )  # "860 personnes en 2022 et 52 % ...": the personnes
    verbs = [n for n, w in enumerate(whole) if is_verb(w) or w[:2].lower() in {"s'", "s’"}]
    whole = whole[: verbs[0]] if verbs else whole  # "orientations réalisées s'est faite ..."
    if len(whole) > 1 and is_participle(whole[-1]):
        whole = whole[:-1]  # "orientations réalisées": the orientations
    if not whole or len(whole) > _WHOLE_WORDS or not is_noun_phrase(" ".join(whole)):
        return ""  # "orientations réalisées s'est faite vers ...": no noun phrase alone
    lead = whole[0] if re.search(r"[A-ZÉ]", whole[0][1:]) else whole[0].lower()  # "MDPH"
    of = f"part des {' '.join([lead, *whole[1:]])}"
    listed = re.fullmatch(r"[^,;.]*:[\s*]*", body[figures[wholes[-1]].end : figures[first].start])
    named = _SHARE_OF.sub("", _tidy(own))  # "62 % de femmes": femmes
    if said is None and listed is not None and is_noun_phrase(named):
        # "44 305 orientations réalisées : 55 % sphère solidarité, ..., 25 % vers Pôle emploi"
        return _tidy(f"{of} {own}" if _SHARE_WHERE.match(own) else f"{of} : {named}")
    if said is None or not is_participle(said["done"]):
        return ""
    # "..., 29 % vers Pôle emploi" takes the verb of "48 % ont été dirigées vers ..." (not
    # "30 % en cours" after "60 % ont été validés en commission")
    goes = (said["rest"] or "").split()[:1]
    if index != first and (not goes or goes[0].lower() not in _GOES_TO or own.split()[:1] != goes):
        return ""
    where = (said["rest"] or "") if index == first else own
    return _tidy(f"{of} {said['done'].lower()} {where}")


# "sur une surface de": the measure's own words, before the figure
_MEASURE_BEFORE = re.compile(r"^\s*(?:sur|avec|pour|dans)\s+(?:une?|la|le|l['’])\s*", re.I)
_MEASURE_WORDS = {
    "ha": ("surface", "superficie", "surface totale"), "m2": ("surface", "superficie"),
    "km2": ("surface", "superficie"), "km": ("longueur", "distance", "linéaire"),
    "m": ("longueur", "linéaire", "hauteur"),
}  # fmt: skip


_HEADING_WORDS = 6
_SAID_AS_A_WHOLE = frozenset({"total", "tout", "ensemble", "ht", "ttc"})
_NOT_A_HEADING = re.compile(
    r"^(?:en|au|à|aux|par|pour|sur|dont|soit|chaque|total|ensemble|moyenne)\b", re.I
)


def _heading_of(body: str, quantity: Quantity) -> str:
    """The words a line opens with before a colon that the figure directly follows
    ("Diagnostics et fouilles préventives : vingt-neuf réalisations"), "" for none."""
    named, end = line_heading(body)
    words = named.split()
    if not words or not re.fullmatch(r"\s*:[\s*]*", body[end : quantity.start]):
        return ""  # the figure follows the colon directly
    if len(words) > _HEADING_WORDS or re.search(r"[\d,]", named) or not is_noun_phrase(named):
        return ""
    if _NOT_A_HEADING.match(named):
        return ""  # "En moyenne : 12 visites", "Chaque année :", "Total :": no topic
    return named if re.search(r"[A-ZÉ]", words[0][1:]) else named[:1].lower() + named[1:]


def label_of(
    body: str, figures: list[Quantity], index: int, *, serve: bool = True, depth: int = 0
) -> str:
    """The words a figure is stated with: those after it, else the phrase before it
    (`serve`: whether a count may be named by what the figure before was for; off while the
    figure before is being named, so that two figures never name each other; `depth`: how
    many figures named this one's label, a line's figures naming each other in a ring ends
    on no label)."""
    if depth > len(figures):
        return ""
    return _words_of(body, figures, index, serve=serve, depth=depth)


def _words_of(body: str, figures: list[Quantity], index: int, *, serve: bool, depth: int) -> str:
    """`label_of`, once the ring of figures naming each other is ruled out."""
    quantity = figures[index]
    stop = figures[index + 1].start if index + 1 < len(figures) else len(body)
    if quantity.unit == "pct" and (shared := share_of_whole(body, figures, index)):
        return shared
    if bracketed := _bracketed_of_before(body, figures, index, stop):
        return bracketed
    after = _first_words(body[quantity.end : stop])
    label = _tidy(after)
    served = _under_or_served(body, figures, index, stop, label, serve=serve, depth=depth)
    if served:
        return served
    acted = _ACTS_ON_NEXT.search(body, quantity.end, stop) if index + 1 < len(figures) else None
    if acted is not None and _RELATIVE_END.search(body, quantity.end, acted.start()):
        acted = None  # "45 jeunes qui ont obtenu 3 diplômes": a clause of its own
    if acted is not None and acted.start() - quantity.end <= len(after):
        # "52 ateliers ont réuni 1500 participants": ateliers (not "ont participé aux 18")
        label = _tidy(body[quantity.end : acted.start()])
    done = _PARTICIPLE_FIRST.match(label) if quantity.unit == "EUR" else None
    if (
        done is not None
        and after.split()[:1] == [done["participle"]]
        and is_participle(label.split()[0])
    ):
        # "0,3 M€ consacrés à 690 aides financières": the amount spent on what the next
        # figure counts; "49,5 M€ consacrés aux ressources humaines"
        rest = done["rest"] or ""
        linking = after.strip()[len(label) :].strip()  # "à" before the next figure
        if not rest and index + 1 < len(figures) and _PREPOSITION.fullmatch(linking):
            rest = f": {label_of(body, figures, index + 1, serve=False, depth=depth + 1)}"
        return f"montant {singular_participle(done['participle'])} {rest}".strip()
    heading = _heading_of(body, quantity) if len(label.split()) == 1 else ""
    # "lettre d'information mensuelle (sur 6 pages)": what its aside is of, first
    heading = _aside_of(body, quantity, label) or heading
    if heading and label.lower() in _SAID_AS_A_WHOLE:
        return heading  # "Masse salariale : 344 M€ au total"
    if heading and is_noun_phrase(label):
        return f"{label} ({heading})"  # "Diagnostics et fouilles : vingt-neuf réalisations"
    if _OPENS_ON_VERB.match(label):  # "Pour la gestion ..., 48,02 M€ ont été engagés"
        return _with_its_verb(body, figures, index, stop, depth, label)
    if is_noun_phrase(label):
        return label
    if index + 1 < len(figures) and (
        re.fullmatch(r"\s*(?:et|ou|à)\s*", after) or _PART_OF_NEXT.fullmatch(after)
    ):
        # "48,4 ml et 0,513 Go : entrées ..."; "103 des 127 agents RHS"
        return label_of(body, figures, index + 1, serve=serve, depth=depth + 1)
    rest = body[quantity.end : stop]
    if ":" in rest:  # "5,12 milliards d'euros HT : coût estimatif du projet"
        label = _tidy(_first_words(rest.split(":", 1)[1].strip()))
        if is_noun_phrase(label):
            return label
    return _label_before(body, figures, index, stop, depth)


def _with_its_verb(
    body: str, figures: list[Quantity], index: int, stop: int, depth: int, label: str
) -> str:
    """A figure whose words after it open on its verb: named by the words before it ("Pour la
    gestion ..., 48,02 M€ ont été engagés" → "montant engagé : gestion ..."), a count with
    what was done to it ("Bénéficiaires du RSA : 1 250 ont été accompagnés vers l'emploi" →
    "Bénéficiaires du RSA accompagnés vers l'emploi")."""
    before = _label_before(body, figures, index, stop, depth)
    done = _OPENS_ON_VERB.sub("", label, count=1)
    passive = _PASSIVE_OPENS.match(label) is not None  # "ont été accompagnés", not "ont retrouvé"
    if figures[index].unit == "count" and before and passive and is_participle(done.split()[0]):
        return f"{before} {done}"
    said = spent_after(label) if figures[index].unit == "EUR" else ""
    if said and before.lower() in {"montant", ""}:
        return said  # "49,2 M€ ont été consacrés à la gestion patrimoniale"
    return before


_PASSIVE_OPENS = re.compile(r"^(?:(?:ont|a)\s+été|sont|est)\s+\w", re.IGNORECASE)


def _under_or_served(
    body: str,
    figures: list[Quantity],
    index: int,
    stop: int,
    label: str,
    *,
    serve: bool,
    depth: int,
) -> str:
    """An amount "au titre de" a programme ("14 826 € au titre de l'appel à projets ..." →
    "montant (appel à projets ...)"), or a count the figure before was for ("4 095 pass
    numériques distribués ... pour 410 bénéficiaires"); "" for neither."""
    quantity = figures[index]
    under = UNDER_HEADING.match(body, quantity.end, stop) if quantity.unit == "EUR" else None
    named = _tidy(_first_words(body[under.end() : stop])) if under else ""
    if is_noun_phrase(named):  # (not "au titre de l'exercice 2022": a time, no programme)
        return "montant" if _A_TIME_FRAME.match(named) else f"montant ({named})"
    between = body[figures[index - 1].end : quantity.start] if index else ""
    if not serve or quantity.unit != "count" or not FOR_THE_FIGURE_BEFORE.match(between):
        return ""
    before = label_of(body, figures, index - 1, serve=False, depth=depth + 1)
    return served_by(between, before, label)


def _bracketed_of_before(body: str, figures: list[Quantity], index: int, stop: int) -> str:
    """ "la sphère professionnelle (19 %)": the bracket holds the figure of the phrase
    before; "" for a figure in no bracket of its own."""
    quantity = figures[index]
    opened = body[: quantity.start].rstrip(" *").endswith("(")
    if not opened or not body[quantity.end : stop].lstrip(" *").startswith(")"):
        return ""
    begin = figures[index - 1].end if index else 0
    before = body[begin : quantity.start].rstrip(" *")[:-1]
    before = re.sub(r"^[\s)*]*(?:et|ou)?\s", " ", before)  # "(19 %) et Pôle emploi"
    named = _tidy(re.sub(r"^\s*(?:vers|pour)\s", "", _BRACKETED_AFTER.split(before)[-1]))
    return named if is_noun_phrase(named) and not _RATIO.search(named) else ""  # "2 sur 3 (67 %)"


def _aside_of(body: str, quantity: Quantity, label: str) -> str:
    """What an aside that opens on a one-word figure says it is of: "lettre d'information
    mensuelle (sur 6 pages)" → "lettre d'information mensuelle"; "" for none."""
    aside = _ASIDE_OPENS.search(body, 0, quantity.start) if len(label.split()) == 1 else None
    of = phrase_before(body[: aside.start()]) if aside is not None else ""
    if not of[:2].isupper():  # "Lettre ..." in the label's case; an acronym as written
        of = of[:1].lower() + of[1:]
    fits = is_noun_phrase(of) and of.lower() != label.lower() and not re.search(r"\d", of)
    return of if fits and is_noun_phrase(label) else ""


# an aside that opens on the figure, saying how much the phrase before it holds: "(sur 6
# pages)", "(en 12 volumes)"
_ASIDE_OPENS = re.compile(r"\(\s*(?:sur|en|de|avec)\s+[*\s]*$", re.IGNORECASE)
_ITS_OWN_FOR = re.compile(
    r"\s(?:et|ou)\s+(?P<what>(?:les?|la|l['’])\s*[^\s,;:]+(?:\s+[^\s,;:]+){0,4}\s+pour)\s*$",
    re.IGNORECASE,
)


def _label_before(body: str, figures: list[Quantity], index: int, stop: int, depth: int = 0) -> str:
    """A figure's label from the words before it, when those after it name nothing."""
    quantity = figures[index]
    begin = figures[index - 1].end if index > 0 else 0
    before = re.sub(r"\([^)]*\)", "", body[begin : quantity.start]).rstrip(" :*")
    if index > 0 and quantity.unit == "EUR" and _AMOUNT_FOR.search(before):
        # "131 actions financées, pour un montant de 1,69 M€": the amount of what the figure
        # before counts
        named = label_of(body, figures, index - 1, depth=depth + 1)
        return f"{UNIT_NOUNS.get(quantity.unit, 'nombre')} : {named}"
    if quantity.unit == "EUR" and (
        spent := spent_label(before, body[quantity.end : stop], listed=True)
    ):
        return spent  # "Pour moderniser ..., le Département a investi 25,22 M€, dont :"
    before = re.split(r"[,;(]|\s(?:dont|soit)\b", before)[-1]
    # "145 d'entre eux et les agents RHS pour 105": the phrase its own "pour" closes
    for_it = _ITS_OWN_FOR.search(before)
    before = for_it["what"] if for_it is not None else before
    label = _tidy(_MEASURE_BEFORE.sub("", before))
    counts = [n for n in range(index) if figures[n].unit == "count"]
    if counts and label.lower() in _MEASURE_WORDS.get(quantity.unit, ()):
        # "vingt-neuf réalisations, sur une surface de près de 87 hectares": the surface of
        # what the count before counts ("une hauteur de 32 m": a height)
        return f"{label.lower()} : {label_of(body, figures, counts[-1], depth=depth + 1)}"
    if not is_noun_phrase(label):
        return UNIT_NOUNS.get(quantity.unit, "nombre")
    # "26 diagnostics ... réalisés sur près de 88 hectares": the surface of what the figure
    # before counts (a phrase of its own, "Budget de 463,61 M€", stays as it is)
    self_named = quantity.unit == "EUR" and _NAMES_AN_AMOUNT.match(label) is not None
    if index > 0 and quantity.unit in UNIT_NOUNS and not self_named:
        return f"{UNIT_NOUNS[quantity.unit]} : {label}"
    return label  # "pour un financement total de 1,72 M€": the amount names itself


# a label that says it is an amount: "financement total", "coût de l'opération"
_NAMES_AN_AMOUNT = re.compile(
    r"^(?:financements?|montants?|co[uû]ts?|budgets?|dépenses?|enveloppes?|subventions?"
    r"|aides?|participations?|dotations?)\b",
    re.IGNORECASE,
)


@dataclass
class _Whole:
    code: str
    label: str
    unit: str


class BlockReader:
    def __init__(self, section: Section, entities: EntityCatalog, extractor: str = EXTRACTOR):
        self.section = section
        self.entities = entities
        # the block of a body the title names ("Les chiffres clés du Laboratoire
        # Départemental d'Analyses") is that body's; else the département's
        about = entities.named_in("organisation", section.title) or entities.department
        self.where = Context(
            extractor=extractor, section=section.title, entity_type=about.entity_type,
            entity_code=about.code,
        )  # fmt: skip
        self.domain = block_slug(section.title, entities.structure.key_figure_title or "")
        self.result = Extraction()
        self.codes: set[str] = set()
        # a line without figures that names a body ("LA COUPOLE d'Helfaut, et son planétarium
        # 3D") heads the lines under it: their figures are that body's, until the next such line
        self.heading = self.where
        self.last_words = ""  # the line before: a heading does not continue it
        self.block_whole: _Whole | None = None  # "Budget de 463,61 M€ dont" + following lines
        self.line_whole: _Whole | None = None  # last top-level figure, for indented sub-items

    def _code(self, label: str, unit: str, whole: _Whole | None) -> str:
        name = f"{slug(whole.label, 30)}__{slug(label, 30)}" if whole else slug(label)
        base = f"kf_{self.domain}__{name}{unit_suffix(unit)}"
        code, n = base, 2
        while code in self.codes:
            code, n = f"{base}_{n}", n + 1
        self.codes.add(code)
        return code

    def _heading(self, body: str) -> Context:
        """Whom the lines under a line without figures are about: the body a short title
        opens with ("LA COUPOLE d'Helfaut, et son planétarium 3D"), else the block's; not
        the end of the item before ("... signées avec" / "Pas-de-Calais Actif") nor a
        sentence that names a body in passing."""
        words = body.strip(" :*")
        title = len(words) <= BOX_TITLE_LENGTH and not words.endswith((".", "!", "?", ";"))
        named = self.entities.named_in("organisation", words) if title else None
        opens = named is not None and any(
            re.match(rf"(?:(?:la|le|les|l['’])\s*)?{re.escape(name)}\b", words, re.I)
            for name in (named.name, *named.aliases)
        )
        if named is None or not opens or _TRAILING_WORDS.search(f" {self.last_words}"):
            return self.where
        return self.where.about(named.entity_type, named.code)

    def read_line(self, line: TextLine) -> None:
        body, figures = _figures_of(line, self.entities)
        if not figures and not line.is_list_item:
            self.heading = self._heading(body)
        self.last_words = body
        is_sub_item = line.indent > 0 and line.text.lstrip().startswith("-")
        if figures and not line.is_list_item:
            self.block_whole = None  # a plain line starts anew; only list items are parts
        in_line_whole: _Whole | None = None
        previous: _Whole | None = None
        seen: set[str] = set()
        for index, quantity in enumerate(figures):
            label = label_of(body, figures, index)
            between = body[figures[index - 1].end : quantity.start] if index else ""
            of_this = (
                previous is not None
                and previous.unit == quantity.unit == "count"
                and in_line_whole is None  # "540 agents formés, dont 103 des 127 agents RHS"
                and bool(_PART_OF_NEXT.fullmatch(between))
            )
            if of_this:  # "103 des 127 agents RHS": 127 is the whole
                label = f"{label} (total)"
            if label.lower() in seen:  # "48,4 ml et 0,513 Go : entrées": one label, two facts
                label = f"{UNIT_NOUNS.get(quantity.unit, 'nombre')} : {label}"
            seen.add(label.lower())
            unit = quantity.unit
            if re.search(r"[,;]", between) and not re.search(r"\bdont\b", between):
                in_line_whole = None  # ", 194 AML dont 82 ...": a new item of the list
            whole = None
            own_words = body[
                quantity.end : figures[index + 1].start if index + 1 < len(figures) else len(body)
            ]
            # "104 agents RHS sur 128": a bare figure after "sur" is the whole of the one
            # before ("387 agents sur 4 territoires" is not)
            over = (
                previous is not None
                and previous.unit == quantity.unit  # "26 diagnostics ... sur 88 hectares"
                and bool(_WHOLE_AFTER.search(between))
                and not is_noun_phrase(_tidy(_first_words(own_words)))
            )
            if over and previous is not None:  # "104 agents RHS sur 128": the whole of 104
                label = f"{previous.label} (total)"
            elif (changed := _a_change(body, quantity, previous is not None)) is not None:
                # "92 007 abonnés (+ 13,2 %)": the change of the figure before; "En hausse de
                # 23,8 %, les abonnés Twitter sont ...": of the figure after
                unit, quantity, whole = "pct_change", changed, previous
                after = label_of(body, figures, index + 1) if index + 1 < len(figures) else ""
                of = previous.label if previous else after
                label = f"évolution : {of}" if of else label
            if not over and whole is None:
                whole = self._enclosing(quantity, index, is_sub_item, in_line_whole)
            label, full_label = _under_whole(label, whole if unit != "pct_change" else None)
            code = self._code(label, unit, whole if unit != "pct_change" else None)
            shown = without_verb(full_label)  # the code keeps the printed words
            self.result.generated_indicators.append(
                GeneratedIndicator(
                    indicator_code=code,
                    indicator_label=shown[:1].upper() + shown[1:],
                    unit=unit,
                    domain=self.domain,
                )
            )
            if (over or of_this) and previous is not None:  # the part before points to this
                self.result.figures[-1] = replace(self.result.figures[-1], part_of=code)
            here = self.heading.at(line.location, line.source_text)
            if _DEPARTEMENT_ACTS.search(body):  # "le Département a mobilisé une enveloppe de ..."
                here = self.where.at(line.location, line.source_text)
            if here.entity_type == "organisation" and paid_by_departement(unit, label):
                # "Contribution du Département : 141 millions d'euros" in a partner's block
                department = self.entities.department
                here = here.about(department.entity_type, department.code)
            self.result.figures.append(
                here.figure(code, quantity, unit=unit, part_of=whole.code if whole else None)
            )
            this = _Whole(code, label, unit)
            previous = this
            following = (
                body[quantity.end : figures[index + 1].start] if index + 1 < len(figures) else ""
            )
            if in_line_whole is None and re.search(r"\bdont\b", following):
                in_line_whole = this
            if index == 0 and not is_sub_item:
                self.line_whole = this
        self._end_line(body, figures, is_sub_item)

    def _enclosing(
        self, quantity: Quantity, index: int, is_sub_item: bool, in_line_whole: _Whole | None
    ) -> _Whole | None:
        """The whole a figure is part of: the figure before "dont" on its line, the line above
        a sub-item, or the block's "Budget de ... dont" (a figure of another unit ends it)."""
        if in_line_whole is not None:
            return in_line_whole
        if index == 0 and is_sub_item and self.line_whole is not None:
            return self.line_whole
        if index == 0 and self.block_whole is not None:
            if quantity.unit == self.block_whole.unit:
                return self.block_whole
            self.block_whole = None
        return None

    def _end_line(self, body: str, figures: list[Quantity], is_sub_item: bool) -> None:
        """A line ending in "dont" is the whole of the lines that follow; a line without
        figures (not a sub-item) ends the block's whole."""
        if re.search(r"\bdont\s*:?\s*$", body) and figures:
            last = figures[-1]
            self.block_whole = _Whole(
                self.result.figures[-1].indicator_code,
                label_of(body, figures, len(figures) - 1),
                last.unit,
            )
        elif not figures and not is_sub_item:
            self.block_whole = None


# a change that opens its line, the figure it is of after it: "En hausse de 23,8 %, ..."
_FRONTED_CHANGE = re.compile(r"^[\W_]*en\s+[^\W\d_]+\s+(?:de|d['’])\s*$", re.IGNORECASE)


def _a_change(body: str, quantity: Quantity, after_a_figure: bool) -> Quantity | None:
    """A percentage that is a change, with its signed value: "92 007 abonnés (+ 13,2 %)" (of
    the figure before), "en baisse de 4 %" (-4), "En hausse de 23,8 %, les abonnés ..." (a
    change that opens its line, before its figure); None for a share, and for a line's first
    figure that does not open on a change ("Réduction de 50 % du tarif")."""
    if quantity.unit != "pct":
        return None
    fronted = _FRONTED_CHANGE.match(body[: quantity.start]) is not None
    if not after_a_figure and not fronted:
        return None
    unit, value, _ = as_change(body, quantity)
    return replace(quantity, value=value) if unit == "pct_change" else None


def _figures_of(line: TextLine, entities: EntityCatalog) -> tuple[str, list[Quantity]]:
    """The line's words without its list markers, and the figures they state."""
    body = key_figure_body(line.text)
    figures = [
        q
        for q in find_quantities(body, cardinals=True)
        if q.value is not None and ignorable_reason(body, q.start, q.end, entities=entities) is None
    ]
    return body, figures


def block_lines(section: Section) -> list[TextLine]:
    """The section's lines from its title to the first line of prose."""
    lines = []
    for line in section.lines():
        is_bullet = bool(LIST_MARKERS.match(line.text))
        if len(line.text) > _PROSE_LENGTH and not is_bullet and not starts_with_figure(line.text):
            break
        lines.append(line)
    return lines


def extract_key_figure_blocks(
    document: Document, indicators: IndicatorCatalog, entities: EntityCatalog
) -> Extraction:
    result = Extraction()
    for section in document.sections:
        if not entities.structure.is_key_figure_title(section.title):
            continue
        lines = block_lines(section)
        if not lines:
            continue
        reader = BlockReader(section, entities)
        for line in lines:
            kept = len(reader.result.figures), len(reader.result.generated_indicators)
            try:
                reader.read_line(line)
            except Exception as error:  # one line that cannot be read is a finding, not the end
                # none of its figures is kept: the line is a reject, whole
                del reader.result.figures[kept[0] :]
                del reader.result.generated_indicators[kept[1] :]
                here = reader.where.at(line.location, line.source_text)
                reason = f"the line could not be read: {type(error).__name__}: {error}"
                reader.result.rejects.append(here.reject(reason))
        result.extend(reader.result)
        # rows: the lines that state a figure (sub-titles such as "Emploi :" state none)
        stating = {line.location for line in lines if _figures_of(line, entities)[1]}
        read = {f.location for f in reader.result.figures}
        n_figures = len(reader.result.figures)
        where = replace(reader.where, location=section.location)
        result.blocks.append(
            where.block(
                f"key_figures:{reader.domain}:{section.location.line}",
                tuple(line.location for line in lines),
                rows=(len(stating), len(stating & read)),
                cells=(n_figures, n_figures, n_figures),
                status="complete" if stating <= read else "partial",
                message=f"{n_figures} figures on {len(read)} of {len(lines)} lines",
            )
        )
    return result
