"""What a block of the report is about, from the title line it opens with.

A page of the report is a run of short titled blocks: "Course contre la faim ACF : un projet
sportif, dynamique et solidaire !" and the paragraph under it ("… a rassemblé 1800 collégiens
… parcours de 810 mètres"). A figure whose own sentence names nothing but a bare noun
("Parcours") is of what its block's title names ("Course contre la faim ACF"). The title
names it only when it holds a name of its own (a capitalised word, an acronym, a quoted
title) or a thing with its complement ("Démarche de contractualisation des résidences
autonomie"), not adjectives alone ("Une nouvelle dynamique"), an aim ("Accentuer le travail
…"), a date or a block type ("Les réalisations majeures", "Les chiffres clés de …"). A
block ends at the next title-shaped line, after `PARAGRAPHS` paragraphs, or at a paragraph
after a list that does not say it goes on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from pipelines.extract.periods import MONTH
from pipelines.extract.phrases import FINITE_AUXILIARY, is_action, is_verb, lemma
from pipelines.read.document import LIST_MARKERS, Section, TextLine

TITLE_WORDS = 14  # a longer title names no topic
BLOCK_TITLE_WORDS = 30  # a longer line is running text, however it ends
TOPIC_WORDS = 10  # the longest topic a label takes
PARAGRAPHS = 3  # a title covers this many paragraphs under it (list items aside)
# a section topic that names one thing: a name of its own ("Canal Seine-Nord Europe") or a
# programme with its complement ("projet de mandat"), not a field ("accompagnement des ...")
_NAMED_TOPIC = re.compile(
    r"^(?:[A-ZÉ]|(?:projet|programme|plan|pacte|schéma|démarche|dispositif)s?\s+(?:de|du|des|d['’]))"
)

# where a title's topic ends: its subtitle, a question or exclamation, an ellipsis, a comma
_TOPIC_END = re.compile(
    r"\s+[:–—-]\s+|\s*[!?]|\s*(?:\.\.\.|…)|,\s|\s*\(|\s+(?:pour|afin|qui|que|dont)\s"
)
# what a title opens with before its topic: "Retour sur la gestion de crise …"
_FRAMING = re.compile(
    r"^(?:retour\s+sur|zoom\s+sur|focus\s+sur|présentation\s+(?:de|du|des|d['’])|"
    r"au\s+niveau\s+(?:de|du|des|d['’])|(?:le|la|les|une?|des)\s+|l['’])\s*",
    re.IGNORECASE,
)
# a block type, not a topic
_BLOCK_TYPE = re.compile(
    r"\b(?:chiffres?[\s-]+cl(?:é|e)f?s?|réalisations|temps\s+forts|en\s+(?:quelques\s+)?chiffres|"
    r"bilan|sommaire|édito(?:rial)?|mot\s+du|interview|témoignages?|faits\s+marquants|"
    r"territoire\s+(?:de|du|d['’])|actions?\s+phares?|perspectives)\b",
    re.IGNORECASE,
)
# a key-figure block's title: its figures are of what it names after "Les chiffres clés de"
_KEY_FIGURES_OF = re.compile(
    r"^les\s+chiffres?[\s-]+cl(?:é|e)f?s?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*"
    r"(?P<of>[^:]+?)\s*:?\s*$",
    re.IGNORECASE,
)
# words that name nothing of their own when capitalised in a title
_COMMON_NAMES = frozenset({"département", "conseil", "départemental"})
_INFINITIVE = re.compile(r"(?:er|ir|re)$")
# what a topic cannot open with: a preposition or an adverb ("Du territoire à l'Europe",
# "En 2022", "Un peu de « zénitude »")
_NO_OPENING = frozenset(
    {"en", "dans", "vers", "du", "de", "des", "d", "à", "a", "au", "aux", "pour", "avec", "sur",
     "par", "entre", "peu", "ainsi", "quand", "comment", "pourquoi", "vue", "épisode", "nom",
     "retour", "zoom", "focus", "photo", "source", "crédit", "depuis", "jusqu", "nos",
     "notre", "bravo", "merci", "félicitations"}
)  # fmt: skip
# what follows an infinitive that opens a title ("Structurer les actions", "Aider au
# pilotage", "Lutter contre"), not a noun ("Centre de", "Dossier du")
_AFTER_A_VERB = frozenset(
    {"le", "la", "les", "un", "une", "des", "au", "aux", "contre", "à", "pour", "sa", "son", "face",
     "ses", "leur", "leurs", "notre", "nos", "toutes", "tous", "ensemble"}
)  # fmt: skip
NAVIGATION = 3  # a title printed this often is the page's navigation, not a block's
_ELIDED = re.compile(r"^[dlDL]['’]")
_QUOTED_TITLE = re.compile(
    r"«[^«»]*[^\W\d_][^«»]*»|“[^“”]*[^\W\d_][^“”]*”|\"[^\"]*[^\W\d_][^\"]*\""
)
_A_MONTH = re.compile(MONTH, re.IGNORECASE)  # "Janvier 2022 : ...": a date, no name
_COMPLEMENT = re.compile(
    r"\w{3,}\s+(?:(?:de|du|des|à|au|aux|dans|en)\s+|d['’]\s*)(?:l['’])?\w{3,}", re.IGNORECASE
)
# the words a paragraph goes on with what came before it
_GOES_ON = re.compile(
    r"^\s*(?:(?:aussi|ainsi|enfin|de\s+plus|par\s+ailleurs|en\s+outre|également|puis|ensuite|"
    r"de\s+même|cette|ce|ces|cet|celles?|celui|ceux|cela|elle|il|elles|ils|au\s+total|"
    r"dans\s+ce\s+cadre|à\s+cette\s+occasion)\b|c['’])",
    re.IGNORECASE,
)
_LEADS = re.compile(r":\s*\**\s*$")  # "Les chiffres clés de la mobilité :", "dont :"


def is_title(text: str, has_figure: Callable[[str], bool]) -> bool:
    """A line that titles a block: short, no list item, not ending like a sentence or a
    lead into a list, holding no figure ("Nombre de collégiens : 75 429" is a figure)."""
    words = text.replace("*", " ").strip()
    if not words or LIST_MARKERS.match(text) or words[:1].isdigit():
        return False
    ending = re.sub(r"\s*(?:\.\.\.|…)$", "", words)  # "Retour sur la gestion de crise ..."
    if len(words.split()) > TITLE_WORDS or ending.endswith((".", ";", ",", ":")):
        return False
    return not has_figure(words)


def opens_a_block(text: str) -> bool:
    """A line that ends the block before it: a title of any length or content ("Accompagner
    les familles dans l'accès aux crèches et les structures ...", "« Bien vieillir ... », 2
    défis à relever !"), that is no list item and does not end like a sentence."""
    words = text.replace("*", " ").strip()
    if not words or LIST_MARKERS.match(text) or ". " in words or words[:1].isdigit():
        return False  # "6885 emplois créés / 1927 structures ...": a box's figures
    if FINITE_AUXILIARY.search(words) or " / " in words:
        return False  # "12 ateliers ont été animés" without its full stop: a sentence
    ending = re.sub(r"\s*(?:\.\.\.|…)$", "", words)
    return len(words.split()) <= BLOCK_TITLE_WORDS and not ending.endswith((".", ";", ","))


def topic(title: str, own: frozenset[str] = frozenset()) -> str:
    """The named thing a title is about ("Course contre la faim ACF : un projet …" → "Course
    contre la faim ACF"; "La maison des ados de l'Artois a fêté ses 10 ans" → "maison des
    ados de l'Artois"), "" when it names nothing of its own (`own`: the report's own names,
    in lower case, which name no topic: its département's)."""
    words = " ".join(title.replace("*", " ").split())
    first, *rest = words.split(", ")
    common = _COMMON_NAMES | own
    naming = [p for p in rest if _DEFINITE.match(p) and _names_something(p.split(), common)]
    if naming and not topic(first, own):
        # "L'ingénierie technique, les subventions FARDA à destination des communes
        # rurales": the part that names a thing (not an apposition, "un outil au service")
        return topic(naming[0], own)
    words = _TOPIC_END.split(words, maxsplit=1)[0]
    while (framed := _FRAMING.sub("", words, count=1).strip()) != words:
        words = framed  # "Retour sur la gestion de crise" → "gestion de crise"
    kept: list[str] = []
    quoted = False  # "« Un été au collège »": no verb ends a quoted title
    for n, word in enumerate(words.split()):
        opens, closes = word.count("«") + word.count("“"), word.count("»") + word.count("”")
        quoted = (quoted or opens > closes) and not closes > opens
        if n and not quoted and not _ELIDED.match(word) and word.islower() and is_verb(word):
            break  # "Hansel et Gretel sèment la culture …": the title's verb ends it
        kept.append(word)
    if not kept or len(kept) > TOPIC_WORDS or _BLOCK_TYPE.search(" ".join(kept)):
        return ""
    first = _ELIDED.sub("", kept[0]).lower()
    named = _names_something(kept, _COMMON_NAMES | own)
    if first in _NO_OPENING or first.startswith(("©", "@")):
        return ""
    if first in _COMMON_NAMES | own and not named:
        return ""  # "Le Département collectivité de proximité ...": a claim
    infinitive = len(kept) > 1 and _INFINITIVE.search(first) and first == lemma(first)
    if infinitive and (kept[1].lower() in _AFTER_A_VERB or _ELIDED.match(kept[1])):
        return ""  # "Accentuer le travail …", "Lutter contre …": an aim, not a topic
    # a common phrase says what it is about by its complement ("Démarche de
    # contractualisation des résidences autonomie"), not by adjectives ("nouvelle dynamique")
    return " ".join(kept) if named or _COMPLEMENT.search(" ".join(kept)) else ""


def names_something(text: str) -> bool:
    """The words hold a name of their own (a capitalised word after the first, an acronym,
    a code with digits, a quoted title), not the Département's."""
    return _names_something(text.split(), _COMMON_NAMES)


def _names_something(words: list[str], common: frozenset[str]) -> bool:
    """A name of its own among the words: a capitalised word after the first (not the
    Département's own), an acronym, a word with digits ("ESCAPADE 62"), a quoted title."""
    text = " ".join(words)
    if _QUOTED_TITLE.search(text):  # a quoted title with words in it, quotes balanced
        return True
    for n, word in enumerate(words):
        bare = _ELIDED.sub("", word).strip('«»"“”()')
        if not bare or bare.lower() in common or _A_MONTH.fullmatch(bare):
            continue
        if bare.isupper() and len(bare) > 1 and any(c.isalpha() for c in bare):
            return True  # "ACF", "ESCAPADE"
        if any(c.isdigit() for c in bare) and any(c.isalpha() for c in bare):
            return True  # "ProfessionAutonomie62", "EDEN62"; not a year alone
        if n and bare[:1].isupper():
            return True
    return False


def block_topics(
    lines: Iterable[tuple[Section, TextLine]],
    has_figure: Callable[[str], bool],
    own: frozenset[str] = frozenset(),
) -> dict[tuple[int, int], str]:
    """The topic of the block each line sits in (by the line's reading order), for the
    lines of up to `PARAGRAPHS` paragraphs (and their list items) under a title that names
    one, within its section."""
    lines = list(lines)
    printed = Counter(" ".join(line.text.split()) for _, line in lines)
    under: dict[tuple[int, int], str] = {}
    current, paragraphs, section_now, listed = "", 0, None, False
    figures_only = False  # under "Les chiffres clés de ...": its lines of figures
    for n, (section, line) in enumerate(lines):
        if section is not section_now:
            current, paragraphs, section_now, figures_only = "", 0, section, False
            # "Les chiffres clés de l'accompagnement des collégiens": what its figures are of
            if (of := _KEY_FIGURES_OF.match(" ".join(section.title.split()))) is not None:
                current = topic(of["of"], own)
                figures_only = bool(current)
        words = " ".join(line.text.split())
        if figures_only and has_figure(line.text):
            under[line.location.order] = current  # "Ressources humaines : 48 millions €"
            continue
        if figures_only:  # the first line without a figure ends the block of figures
            current, figures_only = "", False
        # "Les chiffres clés de la mobilité :", not a paragraph's last sentence
        lead = _LEADS.search(words) and len(words.split()) <= TITLE_WORDS and ". " not in words
        following = lines[n + 1][1] if n + 1 < len(lines) else None
        named = _INNER_COLON.split(words.rstrip(" :"))
        # "Des subventions pour l'innovation : la salle multi-activités de Beaudricourt :"
        # over a paragraph: a title, about the one thing its subtitle names (not "Nos
        # partenaires : la CAF et la MSA :", nor a page's running header)
        if (
            lead
            and len(named) > 1
            and " et " not in named[-1]
            and printed[words] < NAVIGATION
            and following is not None
            and not following.is_list_item
            and not line.is_list_item
            and not has_figure(words)
        ):
            current, paragraphs, listed = topic(named[-1], own), 0, False
            continue
        if printed[words] >= NAVIGATION or lead:
            current = ""  # a page's navigation, a list's lead: no block title above
            continue
        if is_title(line.text, has_figure):
            current, paragraphs, listed = topic(line.text, own), 0, False
            continue
        if opens_a_block(line.text):
            current, paragraphs, listed = "", 0, False  # a title naming no topic ends it
            continue
        if line.is_list_item:
            listed = True
        else:
            paragraphs += 1
            # a paragraph after a list goes on with the block only when it says so ("Aussi,
            # deux bacs ..."); else it opens one whose title a PDF may have run into it
            if paragraphs > PARAGRAPHS or (listed and not _GOES_ON.match(line.text)):
                current = ""
            listed = False
            if titled := title_sentence(line.text, own):
                # "Restructuration de l'école ... . Grâce ...": its own paragraph's topic
                current, paragraphs = titled, PARAGRAPHS
        if current:
            under[line.location.order] = current
    return under


def title_sentence(text: str, own: frozenset[str] = frozenset()) -> str:
    """What a paragraph is about when it opens on a title of its own, a short sentence with
    no verb naming an act and its object ("Restructuration de l'école du Val Fleuri -
    Gauchin-Verloingt. Grâce aux efforts ..." → "école du Val Fleuri"; "Poursuite de la mise
    en place de la commission aide sociale à l'enfance. ..." → "commission aide sociale à
    l'enfance"); "" for a paragraph that opens on a clause."""
    first, _, rest = " ".join(text.replace("*", " ").split()).partition(". ")
    words = first.split()
    if not rest or not 1 < len(words) <= TITLE_WORDS or LIST_MARKERS.match(text):
        return ""
    if FINITE_AUXILIARY.search(first) or any(w.islower() and is_verb(w) for w in words[1:]):
        return ""
    if re.search(r"\d", first) or _ABBREVIATION_END.search(first):
        return ""  # "Création de 12 places en crèche.", "... la salle St. Exupéry"
    act = _an_act(first)
    if act is None:
        return ""
    while act is not None:
        first = first[act.end() :]  # "Poursuite de la mise en place de": the act, not what
        act = _an_act(first)
    return topic(first, own)


def _an_act(text: str) -> re.Match[str] | None:
    """The act `text` opens with and the preposition after it ("Restructuration de l'",
    "mise en place de la "), or None."""
    act = _ACT_OF.match(text)
    if act is None or not (act["put"] or is_action(lemma(act["act"]))):
        return None
    return None if lemma(act["act"]).lower() in _TRENDS else act


# acts that say how something went, not what was done to it: "Diminution des délais de
# traitement", "Participation des habitants au budget citoyen"
_TRENDS = frozenset(
    {"diminution", "augmentation", "évolution", "progression", "hausse", "baisse",
     "fréquentation", "participation", "réduction", "stabilisation", "variation"}
)  # fmt: skip
# a sentence cut after an abbreviation: "Rénovation de la salle St. Exupéry"
_ABBREVIATION_END = re.compile(r"\b(?:St|Ste|Dr|Mme|Mr|M|Me|Pr|Cie)$")


# an act and what it is of: "Restructuration de ", "mise en place de la "
_ACT_OF = re.compile(
    r"^(?P<act>[^\W\d_]+)(?P<put>\s+en\s+(?:place|œuvre|oeuvre))?\s+"
    r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])",
    re.IGNORECASE,
)
_INNER_COLON = re.compile(r"\s:\s")
_DEFINITE = re.compile(r"^(?:(?:les|le|la)\s+|l['’]\s*)\w", re.IGNORECASE)


def section_topics(
    lines: Iterable[tuple[Section, TextLine]], own: frozenset[str] = frozenset()
) -> dict[tuple[int, int], str]:
    """What a section of key figures is about, for every line of it ("Les chiffres clés du
    projet de mandat :" → "projet de mandat"), when it names one thing (a name of its own or
    a programme with its complement); its running text's short labels take it where no block
    title says more (the caller leaves out the pages of an office or a territory it holds)."""
    under: dict[tuple[int, int], str] = {}
    for section, line in lines:
        of = _KEY_FIGURES_OF.match(" ".join(section.title.split()))
        named = topic(of["of"], own) if of is not None else ""
        named = named.lower() if named.isupper() else named  # "PROJET DE MANDAT": no name
        if named and _NAMED_TOPIC.search(named):
            under[line.location.order] = named
    return under
