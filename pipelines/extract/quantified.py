"""What a number quantifies, read from the dependency parse of its sentence.

"48 137 foyers RSA dont 63 % de femmes": 48 137 is the `nummod` of "foyers", whose
complements make the label "foyers RSA". The label is the noun the number modifies, with its
adjectives and its complements ("aides aux projets culturels"), and, when the noun alone is
vague ("personnes", "aides"), the participle that says what happened to it ("personnes
accompagnées"). "6,8 millions de repas" quantifies "repas"; a number-first line "92 007 : le
nombre d'abonnés au compte Facebook" quantifies what follows "le nombre de". Never a verb,
a unit, a preposition or a word cut in two: the words are the parser's.
"""

from __future__ import annotations

import re

from pipelines.extract.parse import Parse, Word
from pipelines.extract.phrases import (
    BECAME,
    IN_ALL_AFTER,
    is_action,
    is_french_word,
    is_participle,
    is_partner,
    present_participle,
    singular_participle,
)
from pipelines.read.numbers import APPROXIMATE_NOUNS, NUMBER_FIRST

# nouns that say little alone: the participle or complement that follows is part of the label
_VAGUE = """personne aide dossier projet action demande place jeune famille enfant agent
    structure participant bénéficiaire opération intervention contrat acteur partenaire
    commune élève collégien habitant visiteur sub subvention"""
VAGUE_NOUNS = frozenset(_VAGUE.split())
# a number's own scale words: the noun they quantify is their complement
_YEAR = re.compile(r"(?:19|20)\d\d")
_SCALES = frozenset({"million", "milliard", "mille"}) | APPROXIMATE_NOUNS
# the prepositions of a complement that belongs to the counted noun
_COMPLEMENT_CASES = frozenset({"de", "d'", "d’", "du", "des", "à", "au", "aux", "en", "avec"})
_KEPT_RELATIONS = frozenset({"amod", "nmod", "flat:name", "flat:foreign", "compound", "fixed"})
MAX_WORDS = 9
# a noun phrase this short says more with the participle of what happened to it
_SHORT_PHRASE = 3
# what a scale word may quantify that is a unit, not a thing counted ("2 milliards d'euros")
_UNIT_NOUNS = frozenset(
    {
        "euro", "€", "eur", "kilomètre", "km", "kms", "mètre", "m", "ml", "hectare", "ha",
        "tonne", "t", "%", "pourcent", "million", "milliard", "m²", "m2", "km²", "km2", "go",
    }
)  # fmt: skip
# participles that say nothing of the noun: "personnes ayant pu", "venu"
_EMPTY_PARTICIPLES = frozenset({"pouvoir", "devoir", "vouloir", "falloir", "être", "avoir"})
# what says a figure is a bound, not what it counts ("45 min maximum")
_BOUNDS = frozenset({"maximum", "minimum", "max", "min"})
# participles whose infinitive says what was done: "personnes ayant pu s'essayer à ..."
_MODALS = frozenset({"pouvoir", "devoir", "vouloir"})


def _past_participle_of(noun: Word, word: Word) -> bool:
    """A past participle that agrees with the noun: "personnes accompagnées"."""
    if not word.is_participle or "Tense=Pres" in word.morph:
        return False
    if word.lemma.lower() in _EMPTY_PARTICIPLES:
        return False
    for feature in ("Number", "Gender"):
        theirs = re.search(feature + r"=(\w+)", noun.morph)
        own = re.search(feature + r"=(\w+)", word.morph)
        if theirs and own and theirs.group(1) != own.group(1):
            return False
    return True


def counted_phrase(parse: Parse, start: int, end: int) -> str:
    """The noun phrase the number at parse.text[start:end] counts, or "" when the parse does
    not make the number modify a noun."""
    noun = _counted_noun(parse, start, end)
    if noun is None:
        return ""
    return phrase_of(parse, noun, exclude=range(start, end))


def _counted_noun(parse: Parse, start: int, end: int) -> Word | None:
    root = parse.root_of(start, end)
    if root is None or IN_ALL_AFTER.match(parse.text, end):  # "soit 300 au total": no noun counted
        return None
    if (after := NUMBER_FIRST.match(parse.text[end:])) is not None:
        # "92 007 : le nombre d'abonnés ..."
        first = [w for w in parse.words if w.start >= end + after.end() and w.pos != "DET"]
        return first[0] if first and first[0].pos in {"NOUN", "PROPN"} else None
    if root.lemma.lower() in _SCALES or root.pos == "NOUN":  # "6,8 millions de repas"
        complements = [
            w for w in parse.children(root) if w.dep == "nmod" and w.pos in {"NOUN", "PROPN"}
        ]
        if not complements or root.lemma.lower() not in _SCALES:
            return None
        return None if complements[0].lemma.lower() in _UNIT_NOUNS else complements[0]
    head = parse.head_of(root)
    if (
        root.dep in {"nummod", "det"}
        and head is not None
        and head.pos in {"NOUN", "PROPN"}
        and head.lemma.lower() not in _UNIT_NOUNS
        and head.text.lower() not in _UNIT_NOUNS
        and not start <= head.start < end
        and head.i > root.i
    ):
        return head
    return None


def _objects(parse: Parse, noun: Word, exclude: range) -> str:
    """An object's phrase with the first noun it is coordinated to, by its own conjunction:
    "... ont financé l'accessibilité et les aménagements extérieurs" → "accessibilité et
    aménagements extérieurs" (of three objects, the first two)."""
    done = phrase_of(parse, noun, exclude=exclude)
    joined = [w for w in parse.children(noun) if w.dep == "conj" and w.pos == "NOUN"]
    other = phrase_of(parse, joined[0], exclude=exclude) if done and joined else ""
    cc = [w.text.lower() for w in parse.children(joined[0]) if w.dep == "cc"] if other else []
    said = f"{done} {cc[0] if cc else 'et'} {other}"  # "rénovation ou reconstruction"
    return said if other and len(said.split()) <= MAX_WORDS else done


def _in_number_of(parse: Parse, child: Word) -> bool:
    """ "(les secours d'urgence), au nombre de 6 402": an aside that counts them, no
    complement of the noun."""
    case = [w.text.lower() for w in parse.children(child) if w.dep == "case"]
    return child.lemma.lower() == "nombre" and case[:1] == ["au"]


def phrase_of(parse: Parse, noun: Word, exclude: range = range(0)) -> str:
    """The noun with its adjectives, complements and the participle of what happened to it."""
    chosen = {noun.i}
    for child in parse.children(noun):
        if child.start in exclude or not _kept(parse, noun, child) or _in_number_of(parse, child):
            continue
        chosen.update(w.i for w in _clean_subtree(parse, child, noun))
    if noun.lemma.lower() in VAGUE_NOUNS or len(chosen) <= _SHORT_PHRASE:
        # "800 bénéficiaires du RSA ont été accueillis": what happened to them
        chosen.update(w.i for w in _what_happened(parse, noun))
    words = sorted((parse.words[i] for i in chosen), key=lambda w: w.i)
    # "financement total de 1,72 M€": a sign is no word of the phrase it ends
    words = [w for w in words if w.text not in _SIGNS or w.i == noun.i]
    words = _contiguous_from(words, noun)
    while words and words[-1].pos in {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PUNCT"}:
        words = words[:-1]
    phrase = _text(parse, _whole_groups(words, MAX_WORDS)) if words else ""
    if phrase and len(words) == 1 and noun.lemma.lower() in VAGUE_NOUNS:
        done = _what_they_did(parse, noun)
        return f"{phrase} ayant {done}" if done else phrase
    if phrase and len(words) == 1 and (does := _what_it_does(parse, noun)):
        return f"{phrase} {does}"  # "3 pactes qui fixent le cap ..." → "pactes fixant le cap"
    return phrase


def _what_it_does(parse: Parse, noun: Word) -> str:
    """What a lone noun does, said by the clause that follows it: "pactes regroupant
    l'ensemble des champs d'intervention", "pactes qui fixent le cap des politiques
    publiques" (a first-group verb, as its present participle), with its first complement;
    "" when no such clause follows or it says nothing without its complement."""
    clauses = [
        w
        for w in parse.children(noun)
        if w.i > noun.i and w.pos == "VERB" and w.dep in {"acl", "acl:relcl"}
    ]
    if not clauses or clauses[0].lemma.lower() in _EMPTY_PARTICIPLES:
        return ""
    verb = clauses[0]
    children = parse.children(verb)
    if verb.dep == "acl" and "Tense=Pres" in verb.morph and "VerbForm=Part" in verb.morph:
        participle = verb.text  # "regroupant"
    elif (
        verb.dep == "acl:relcl"
        and any(w.dep == "nsubj" and w.lemma.lower() == "qui" for w in children)
        and not any(w.dep.startswith("aux") or w.dep.startswith("expl") for w in children)
        and verb.lemma.lower().endswith("er")
        and verb.text.lower().endswith(("e", "ent"))
    ):
        participle = present_participle(verb.lemma.lower())
    else:
        return ""
    complements = [w for w in children if w.dep in {"obj", "obl:arg"} and w.i > verb.i]
    if not complements:
        return ""
    tail = _clean_subtree(parse, complements[0], verb)
    tail = _at_most(tail, 6)
    while tail and tail[-1].pos in {"ADP", "DET", "CCONJ", "PUNCT"}:
        tail = tail[:-1]
    return f"{participle} {_text(parse, tail)}" if tail else ""


_GERUND = frozenset({"en", "pour"})  # "en empruntant", "pour découvrir": another clause


def _what_they_did(parse: Parse, noun: Word) -> str:
    """ "600 personnes ont assisté au spectacle" → "assisté au spectacle": the verb the noun
    is the subject of (with "avoir"), and its first complement."""
    verb = parse.head_of(noun)
    if noun.dep != "nsubj" or verb is None or not verb.is_participle:
        return ""
    auxiliaries = [w for w in parse.children(verb) if w.dep.startswith("aux")]
    if not any(w.lemma == "avoir" for w in auxiliaries):
        return ""
    if any(w.dep == "aux:pass" or w.lemma == "être" for w in auxiliaries):
        return verb.text  # "130 participants ont été réunis": what happened to them
    words = [verb]
    if verb.lemma.lower() in _MODALS:  # "41 personnes ont pu s'essayer aux métiers de ..."
        infinitives = [w for w in parse.children(verb) if w.dep == "xcomp" and w.i > verb.i]
        if not infinitives or "VerbForm=Inf" not in infinitives[0].morph:
            return ""
        pronouns = [w for w in parse.children(infinitives[0]) if w.dep.startswith("expl")]
        words = [verb, *pronouns, infinitives[0]]
        verb = infinitives[0]
    elif verb.lemma.lower() in _EMPTY_PARTICIPLES:
        return ""
    complements = [
        w
        for w in parse.children(verb)
        if w.dep in {"obj", "obl:arg", "obl:mod", "obl"} and w.i > verb.i
    ]
    if complements:
        tail = _clean_subtree(parse, complements[0], verb)
        # "ont découvert notre département en empruntant pas moins de 55 itinéraires": the
        # complement ends where a conjunction, a stop or another verb's clause starts
        ends = [
            n
            for n, w in enumerate(tail)
            if w.pos in {"CCONJ", "PUNCT", "VERB"}
            or (n + 1 < len(tail) and tail[n + 1].pos == "VERB" and w.text.lower() in _GERUND)
        ]
        tail = _at_most(tail[: ends[0]] if ends else tail, 6)
        while tail and tail[-1].pos in {"ADP", "DET", "CCONJ", "PUNCT"}:
            tail = tail[:-1]
        if tail and tail[0].i == verb.i + 1:
            words += tail
        elif len(words) > 1:
            return ""  # "ont pu profiter de 56 itinéraires": the infinitive alone says little
    # "ont bénéficié d'un accompagnement pour l'année 2022": when is the period's, not the deed's
    return " ".join(_WHEN_SAID.sub("", _text(parse, words)).split())


# a time phrase in a deed's complement: "pour l'année 2022", "en 2022", "cette année"
_WHEN_SAID = re.compile(
    r"\s+(?:(?:pour|sur|durant|pendant|en|dans|au\s+cours\s+de)\s+"
    r"(?:l['’]\s*année(?:\s+(?:19|20)\d\d)?|l['’]\s*an|(?:19|20)\d\d)|cette\s+année)\b",
    re.IGNORECASE,
)


def _kept(parse: Parse, noun: Word, child: Word) -> bool:
    if child.dep in {"det", "nummod", "punct", "case", "cc"}:
        return False
    if child.dep == "amod":
        if child.pos == "NOUN":  # "réseau routier": an adjective the tagger took for a noun
            return child.i == noun.i + 1 and child.lemma.lower() not in _BOUNDS
        return child.pos in {"ADJ", "VERB"} and (child.i > noun.i or child.i == noun.i - 1)
    mistaken = noun.pos == "ADJ" and child.dep.startswith("obl")  # a heading's noun
    if child.dep in {"nmod", "flat:name", "flat:foreign", "compound", "fixed"} or mistaken:
        if child.i < noun.i:
            return False
        # "220 visites à domicile": the parser may tag the "à" of a complement as a mark
        case = [
            w
            for w in parse.children(child)
            if w.dep == "case" or (w.dep == "mark" and w.pos == "ADP" and w.i < child.i)
        ]
        if (child.dep == "nmod" or mistaken) and not case:
            return child.pos == "PROPN" and child.i == noun.i + 1  # "foyers RSA"
        if case and case[0].text.lower() == "avec" and not is_partner(child.text):
            return False  # "avec la création d'un office", "avec le soutien de": not whom with
        return (child.dep != "nmod" and not mistaken) or case[0].text.lower() in _COMPLEMENT_CASES
    if child.dep == "acl":  # "exemplaires diffusés chaque mois": the participle alone
        return _past_participle_of(noun, child) and child.i == noun.i + 1
    return False


_BREAKS = frozenset({"(", ")", ",", ";", ":", "«", "»"})


def _clean_subtree(parse: Parse, child: Word, noun: Word) -> list[Word]:
    """A complement's words, up to a bracket, a number or a clause of its own."""
    if child.dep == "acl":  # "budget consacré à la voirie": the participle and its complement
        complements = [
            w for w in parse.children(child) if w.dep.startswith("obl") and w.i > child.i
        ]
        tail = _clean_subtree(parse, complements[0], child) if complements else []
        return [child, *tail] if tail and len(tail) <= 4 and tail[0].i == child.i + 1 else [child]
    out: list[Word] = []
    subtree = parse.subtree(child)
    for word in subtree:
        if word.pos in {"NOUN", "PROPN", "ADJ"}:
            break
        if word.pos == "NUM" or word.text[:1].isdigit():
            return []  # "agents de 5 CER": the other figure's phrase is not this one's
    for word in subtree:
        own_clause = word.dep in {"acl:relcl", "nsubj", "obj", "parataxis"}
        if word.pos == "NUM" or word.text[:1].isdigit() or (own_clause and word is not child):
            break
        if word.text in _BREAKS:
            break
        out.append(word)
    return out


def _what_happened(parse: Parse, noun: Word) -> list[Word]:
    """ "200 personnes accompagnées", "320 personnes ont été accompagnées": the participle."""
    head = parse.head_of(noun)
    subject = noun
    if noun.dep == "nmod" and head is not None and head.lemma.lower() in _SCALES:
        subject, head = head, parse.head_of(head)  # "une vingtaine d'entretiens ont été menés"
    # "une dizaine d'ateliers, animés par ...": the participle may hang on the scale word
    relative = [
        w
        for w in [*parse.children(noun), *(parse.children(subject) if subject != noun else [])]
        if w.dep in {"acl:relcl", "acl"}
        and w.pos in {"VERB", "ADJ"}
        and _past_participle_of(noun, w)
        # "2 294 marchés, dont 1 079 ont été attribués": what was done to a bare part of them
        # (not "45 jeunes, dont 12 filles, ont été accueillis": the part is an aside)
        and not any(_bare_number(parse, c) for c in parse.children(w) if c.dep.startswith("nsubj"))
    ]
    if subject.dep in {"nsubj:pass", "nsubj"} and head is not None:
        auxiliaries = {w.lemma.lower() for w in parse.children(head) if w.dep.startswith("aux")}
        if subject.dep == "nsubj" and "avoir" in auxiliaries:
            # "une dizaine d'ateliers ... ont permis de": a deed, not what was done; what
            # was done to them may be said aside ("..., animés par les bénéficiaires, ...")
            return relative[:1]
        if any("Reflex=Yes" in w.morph for w in parse.children(head)):
            # "se sont mobilisées" says what they became, "se sont portés volontaires" not
            masculine = head.text.lower().rstrip("s")
            if not {masculine, masculine[:-1]} & BECAME:
                return []
        return [head] if _past_participle_of(noun, head) else []
    return relative[:1]


def _bare_number(parse: Parse, word: Word) -> bool:
    """A number that stands for its noun alone ("dont 1 079 ont été attribués")."""
    return any(c.isdigit() for c in word.text) and not any(
        w.pos in {"NOUN", "PROPN", "ADJ"} for w in parse.children(word)
    )


def _contiguous_from(words: list[Word], noun: Word) -> list[Word]:
    """The words from the first kept one to the noun's last complement, without gaps larger
    than the auxiliaries of a relative clause ("qui ont été")."""
    if not words:
        return words
    out = [words[0]]
    for word in words[1:]:
        gap = parse_gap(out[-1], word)
        if gap > 4 and word.i > noun.i and not word.is_participle:
            break
        out.append(word)
    return out


def parse_gap(left: Word, right: Word) -> int:
    return right.i - left.i - 1


def _text(parse: Parse, words: list[Word]) -> str:
    pieces: list[str] = []
    for n, word in enumerate(words):
        if n:
            previous = words[n - 1]
            between = parse.text[previous.end : word.start]
            glue = between if word.i == previous.i + 1 and not between.strip() else " "
            pieces.append(glue)
        pieces.append(word.text)
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


def noun_before(parse: Parse, position: int) -> str:
    """The noun phrase that ends right before parse.text[position] ("différents parcours de
    marche nordique (2, 4 et 6 kms)"), its complements cut at that position."""
    before = [w for w in parse.words if w.end <= position and w.pos not in {"PUNCT", "SPACE"}]
    nouns = [w for w in before[-6:] if w.pos in {"NOUN", "PROPN"}]
    if not nouns:
        return ""
    head = nouns[0]
    while (up := parse.head_of(head)) is not None and up in nouns and up.i < head.i:
        head = up
    phrase = phrase_of(parse, head, exclude=range(position, len(parse.text)))
    return _SOME.sub("", phrase)  # "différents parcours": the parcours


# adjectives that only say there are several: "différents parcours", "divers ateliers"
_SOME = re.compile(r"^(?:différente?s|diverse?s|plusieurs|nombreux|nombreuses)\s+", re.I)


_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# verbs whose subject is what an amount measures ("le budget s'établit à"), unlike "le
# Département a attribué 3 M€" (its subject gives, it is not what is counted)
_LINKING_VERBS = frozenset(
    {"élever", "établir", "atteindre", "représenter", "être", "chiffrer", "estimer", "évaluer",
     "monter", "porter", "totaliser", "avoisiner", "dépasser", "culminer"}
)  # fmt: skip
_AMOUNT_WORDS = frozenset({"hauteur", "montant", "somme", "total", "niveau", "ordre", "coût"})
# what a measure in metres or hectares may be the size of
_DIMENSIONS = frozenset(
    {"longueur", "hauteur", "largeur", "surface", "superficie", "profondeur", "linéaire",
     "altitude", "diamètre", "envergure", "emprise", "distance", "capacité"}
)  # fmt: skip
_AS_FAR_AS = re.compile(r"\bà\s+hauteur\s+(?:de|d['’])\s*$", re.IGNORECASE)
_OBJECTS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "xcomp", "iobj"})


# verbs whose object says nothing of what an amount did: "font l'objet de"
_LIGHT_VERBS = frozenset(
    {"faire", "avoir", "être", "donner", "prendre", "constituer", "représenter", "atteindre"}
    | {"dépasser", "totaliser", "égaler"}
)


def _own_participle(parse: Parse, end: int, verb: Word) -> Word | None:
    """The participle right after an amount that is the subject of another verb ("les 4,1
    M€ engagés ont permis"); None for none."""
    own = next((w for w in parse.words if w.start >= end), None)
    if own is None or own.i == verb.i or not own.is_participle or not is_participle(own.text):
        return None
    return own


def _done_by_amount(parse: Parse, verb: Word, exclude: range) -> str:
    """What an amount that is a participle's subject did: "640 000 € ont accompagné la
    réhabilitation de la base" → "accompagné : réhabilitation de la base"; "1,7 million €
    ont été consacrés aux projets éducatifs" → "consacré aux projets éducatifs"."""
    head = verb
    complements = [w for w in parse.children(head) if w.dep in _OBJECTS and w.i > head.i]
    if (
        complements
        and complements[0].dep == "obj"
        and is_participle(head.text)
        and head.lemma.lower() not in _LIGHT_VERBS
    ):
        done = _objects(parse, complements[0], exclude)
        return f"{singular_participle(head.text.lower())} : {done}" if done else ""
    words = [head]
    if complements:
        words += _clean_subtree(parse, complements[0], head)[:6]
    return singular_participle(_text(parse, words))


def amount_phrase(parse: Parse, start: int, end: int) -> str:
    """What an amount or a measure is of: "un budget de 2 milliards" → "budget"; "le budget
    annuel qui s'établit à 1 910 millions d'euros" → "budget annuel"; "1,7 million € ont été
    consacrés aux projets éducatifs" → "consacré aux projets éducatifs" (a participle: the
    caller names it by its unit, "montant consacré ...")."""
    root = parse.root_of(start, end)
    head = parse.head_of(root) if root is not None else None
    if root is None or head is None:
        return ""
    exclude = range(start, end)
    as_far_as = root.dep == "nmod" and nounlike(head) and _AS_FAR_AS.search(parse.text[:start])
    if as_far_as and (phrase := _as_far_as(parse, head, exclude)):
        return phrase
    if root.dep == "nmod" and nounlike(head) and head.i < root.i:
        # "budget de 2 milliards"; "l'intervention à hauteur de 455 000 €": what the
        # hauteur, montant or somme is of
        while head.lemma.lower() in _AMOUNT_WORDS:
            up = parse.head_of(head)
            if up is None or up.pos not in {"NOUN", "PROPN"} or up.i > head.i:
                return ""
            head = up
        up = parse.head_of(head)
        if head.dep == "nmod" and up is not None and up.lemma.lower() in _DIMENSIONS:
            head = up  # "hauteur de chute de 25 mètres": the dimension is the quantity
        phrase = phrase_of(parse, head, exclude=exclude)
        if head.lemma.lower() in _DIMENSIONS and len(phrase.split()) == 1:
            measured = _measured(parse, head, exclude)  # "une longueur de 306 mètres"
            return f"{phrase} ({measured})" if measured else phrase
        return phrase
    if root.dep in _SUBJECTS and head.is_participle:
        # "les 4,1 M€ engagés ont permis de réaliser": what it is, not its deed
        own = _own_participle(parse, end, head)
        return _done_by_amount(parse, own or head, exclude)
    if root.dep == "obj" and head.pos == "VERB" and (done := _participle(head)):
        return done  # "a permis d'obtenir 42,6 millions d'euros": an amount obtained
    if root.dep in _OBJECTS and head.lemma.lower() in _LINKING_VERBS:
        subject = next((w for w in parse.children(head) if w.dep in _SUBJECTS), None)
        if subject is not None and subject.pos == "PRON" and head.dep == "acl:relcl":
            subject = parse.head_of(head)  # "le budget qui s'établit à": its antecedent
        if subject is not None and subject.pos in {"NOUN", "PROPN"}:
            return phrase_of(parse, subject, exclude=exclude)
    return ""


def _as_far_as(parse: Parse, head: Word, exclude: range) -> str:
    """What an amount "à hauteur de" is of: "a financé les revalorisations ... du secteur du
    handicap à hauteur de 5,4 M€": the whole noun phrase the verb governs, not its last
    complement; "les travaux du pôle multimodal ... portés par la CAB et accompagnés à hauteur
    de 350 000 €": the noun the participle says something of; "" for neither."""
    while (up := parse.head_of(head)) is not None and nounlike(up) and up.i < head.i:
        head = up
    if head.lemma.lower() not in _AMOUNT_WORDS:
        return phrase_of(parse, head, exclude=exclude)
    of = _participle_of(parse, head)
    return phrase_of(parse, of, exclude=exclude) if of is not None else ""


def _participle_of(parse: Parse, word: Word) -> Word | None:
    """The noun a participle governing `word` qualifies (through the participles it is
    coordinated with, and past a place's name inside the noun phrase); None otherwise."""
    verb = parse.head_of(word)
    if verb is None or verb.pos != "VERB" or not verb.is_participle:
        return None
    while verb.dep == "conj" and (first := parse.head_of(verb)) is not None and first.is_participle:
        verb = first
    noun = parse.head_of(verb) if verb.dep == "acl" else None
    while noun is not None and noun.pos == "PROPN" and noun.dep == "nmod":
        noun = parse.head_of(noun)  # "les travaux ... à Capécure portés": the travaux
    return noun if noun is not None and noun.pos == "NOUN" and noun.i < verb.i else None


def _measured(parse: Parse, dimension: Word, exclude: range) -> str:
    """What a bare dimension measures: the noun it complements ("un viaduc d'une longueur
    de 306 mètres"), else the subject of its sentence ("avec une longueur de 306 mètres, le
    viaduc de Divion est ..." → "viaduc de Divion"); "" when neither is a noun."""
    up = parse.head_of(dimension)
    if (
        dimension.dep == "nmod"
        and up is not None
        and up.pos in {"NOUN", "PROPN"}
        and up.i < dimension.i
        and up.lemma.lower() not in _AMOUNT_WORDS | _DIMENSIONS
    ):
        return phrase_of(parse, up, exclude=exclude)
    text = parse.text
    start = max(text.rfind(". ", 0, dimension.start), 0)
    stop = text.find(". ", dimension.end)
    stop = len(text) if stop < 0 else stop
    subjects = [
        w
        for w in parse.within(start, stop)
        if w.dep in _SUBJECTS and w.pos in {"NOUN", "PROPN"} and w.i != dimension.i
    ]
    if subjects:
        return phrase_of(parse, subjects[0], exclude=exclude)
    # a sentence with no verb of its own: the noun it opens with ("Nouveaux itinéraires
    # cyclables mis en œuvre sur une longueur de 11,7 km")
    roots = [w for w in parse.within(start, dimension.start) if w.dep == "ROOT"]
    if (
        roots
        and roots[0].pos not in {"VERB", "AUX"}
        and roots[0].lemma not in _DIMENSIONS
        and not is_action(roots[0].lemma.lower())  # "La poursuite des opérations ..."
    ):
        # its participle's complements are the dimension's: "mis en œuvre sur une longueur"
        words = [w for w in parse.subtree(roots[0]) if w.i < dimension.i]
        cut = next((w.i for w in words if w.i > roots[0].i and w.is_participle), dimension.i)
        words = [w for w in words if w.i < cut]  # "balisés sur une surface": the participle's
        while words and words[-1].pos in {"ADP", "DET", "CCONJ", "PUNCT"}:
            words = words[:-1]
        return _text(parse, _at_most(words, MAX_WORDS)) if words else ""
    return ""


def subject_of(parse: Parse, participle: str, position: int) -> str:
    """The noun phrase a passive participle before `position` says something of ("les
    chaudières du collège ont été remplacées pour un montant de ..." → "chaudières du
    collège"), or ""."""
    verbs = [w for w in parse.words if w.text == participle and w.end <= position]
    if not verbs:
        return ""
    # the passive subject only: what the participle happened to, not who did it
    subjects = [
        w
        for w in parse.children(verbs[-1])
        if w.dep == "nsubj:pass" and nounlike(w) and w.text.lower() not in _UNIT_NOUNS
    ]  # "2,6 M € ont été dépensés": the amount itself, no subject it is of
    return phrase_of(parse, subjects[0]) if subjects else ""


# words that, alone, say nothing of what an amount is ("Total", "Poursuite", "Hausse")
_EMPTY_HEADS = frozenset(
    {"total", "terme", "bout", "hausse", "baisse", "poursuite", "département", "reprise",
     "ensemble", "hauteur", "montant", "somme"}
)  # fmt: skip


_PARTICIPLE_ENDINGS = ("ant", "é", "és", "ée", "ées")


def is_weak_label(parse: Parse, label: str, position: int) -> bool:
    """A label that is no noun phrase of its own: a verb, an adverb, a pronoun or an adjective
    the parse reads at the figure ("Attribuer", "Mobilisés", "Lesquels", "Ont permis de
    financer"), or a word that alone says nothing ("Total", "Poursuite", "Département")."""
    words = label.split()
    if not words:
        return True
    first = words[0].lower()
    empty = lemma_of(parse, first, position) in _EMPTY_HEADS or first in _EMPTY_HEADS
    if empty and (
        len(words) == 1 or (len(words) == 2 and words[1].lower().endswith(_PARTICIPLE_ENDINGS))
    ):
        return True  # "Total", "Montant finançant"
    same = [w for w in parse.words if w.text.lower() == first]
    if not same:
        return False
    word = min(same, key=lambda w: abs(w.start - position))
    if word.pos in {"AUX", "PRON", "ADV"} or (word.pos == "VERB" and "VerbForm=Inf" in word.morph):
        return True
    participle = word.is_participle or word.text.lower().endswith(("é", "és", "ée", "ées"))
    return len(words) == 1 and word.pos in {"VERB", "ADJ"} and participle


def lemma_of(parse: Parse, text: str, position: int) -> str:
    """The lemma of the word `text` nearest `position` ("" when the parse has none)."""
    same = [w for w in parse.words if w.text.lower() == text.lower()]
    return min(same, key=lambda w: abs(w.start - position)).lemma.lower() if same else ""


def topic_of(parse: Parse, start: int, end: int) -> str:
    """What the clause of the figure at parse.text[start:end] is about: the subject of the
    verb that governs it ("les revalorisations salariales des personnels ont été financées
    ... à hauteur de 5,7 M€" → "revalorisations salariales des personnels"); "" when the
    subject is no noun."""
    word = parse.root_of(start, end)
    seen = set()
    while word is not None and word.i not in seen:
        seen.add(word.i)
        if word.pos in {"VERB", "AUX"} or word.dep == "ROOT":
            subjects = [w for w in parse.children(word) if w.dep in _SUBJECTS and nounlike(w)]
            if subjects and start <= subjects[0].start < end and subjects[0].text in _SCALE_SIGNS:
                return ""  # "2,6 M € ont été dépensés": the amount is its own subject
            if subjects:
                return phrase_of(parse, subjects[0], exclude=range(start, end))
            if word.dep == "ROOT":
                return ""
        word = parse.head_of(word)
    return ""


def nounlike(word: Word) -> bool:
    """A noun, or a line's first word capitalised that the parser took for an adjective at
    the root: a heading's noun without its article ("Soutien aux artistes ... pour 2,6 M€")."""
    if word.pos in {"NOUN", "PROPN"}:
        return True
    return word.i == 0 and word.dep == "ROOT" and word.pos == "ADJ" and word.text[:1].isupper()


_ITEM_SEPARATORS = frozenset({":", ";", ",", "+", "–", "—", "-", "(", ")"})


def item_phrase(parse: Parse, position: int) -> str:
    """What an amount printed after a list item is for: "l'aménagement de locaux au collège
    Angellier de Boulogne-sur-Mer (120 000 €)" → "aménagement de locaux au collège Angellier
    de Boulogne-sur-Mer": the noun phrase that ends right before `position`, from its first
    noun after the item's separator (a colon, semicolon, comma or dash)."""
    before = [w for w in parse.words if w.end <= position]
    start = 0
    last = len(before) - 1
    if before and before[-1].text == ")":  # "Contournement de Courrières (RD 919), qui ...":
        opening = [n for n, w in enumerate(before) if w.text == "("]  # its own aside
        last = opening[-1] - 1 if opening else last
    placed: list[int] = []  # the commas that open where the item is (", au collège ...")
    aside = range(0)
    inner = _inner_brackets(before, last)
    for n in range(last, -1, -1):
        if any(n in bracket for bracket in inner):
            continue  # "aménagement du centre-bourg (phases 3 et 4) à Audruicq": its own aside
        if before[n].text in _ITEM_SEPARATORS and not _joins_words(parse, before[n]):
            if before[n].text == "," and n + 1 < len(before) and before[n + 1].pos == "ADP":
                placed.append(n)
                continue  # ", au 37 rue du Temple à Arras,": an aside of the item before
            if before[n].text == "," and placed and _apposed(before[n + 1 : placed[-1]]):
                aside = range(n, placed[-1] + 1)  # "les préaux, victimes d'une oxydation, au"
                continue
            start = n + 1
            break
    item = [w for k, w in enumerate(before) if k >= start and k not in aside]
    kept = {before[k].i for bracket in inner for k in bracket if k >= start}
    finite = [w for w in item if "Mood=Ind" in w.morph and w.pos in {"VERB", "AUX"}]
    if finite:  # "le collège a bénéficié d'une rénovation de façade": what it received
        anchor = finite[-1]
        if anchor.pos == "AUX" and (verb := parse.head_of(anchor)) is not None:
            anchor = verb if verb.i > anchor.i else anchor
        item = [w for w in item if w.i > anchor.i]
    nouns = [w for w in item if w.pos in {"NOUN", "PROPN"}]
    if not nouns:
        return _what_was_done(parse, before)
    words = [w for w in item if w.i >= nouns[0].i and w.text not in {"*", "**", "«", "»"}]
    numbers = [  # a number in a name ("RD 940", "axe 5") stays in it
        n
        for n, w in enumerate(words)
        if (w.pos == "NUM" or w.text[:1].isdigit())
        and not (n and words[n - 1].text.isupper())
        and w.i not in kept
    ]
    words = words[: numbers[0]] if numbers else words
    words = _whole_groups(words, MAX_WORDS)  # "... à l'école", not "... à l'école Les"
    opened = [n for n, w in enumerate(words) if w.text == "("]
    if opened and not any(w.text == ")" for w in words[opened[-1] :]):
        words = words[: opened[-1]]  # "Jean Macé (phase 2)": no bracket left open
    while words and (
        words[-1].pos in {"ADP", "DET", "CCONJ", "PUNCT"} or words[-1].text.endswith("-")
    ):  # "... de Boulogne-" cut from "Boulogne-sur mer": no half name
        if words[-1].text == ")" and any(w.text == "(" for w in words):
            break  # "(RD 919)": the bracket the item opened
        words = words[:-1]
    return _text(parse, words) if words else ""


def _inner_brackets(before: list[Word], last: int) -> list[range]:
    """The brackets inside the item that ends at `last` that say no amount of their own:
    "(phases 3 et 4)" of "aménagement du centre-bourg (phases 3 et 4) à Audruicq", not
    "(120 000 €)" of "travaux (120 000 €) et rénovation de ...", which closes the item
    before."""
    brackets: list[range] = []
    closing: int | None = None
    for n in range(last, -1, -1):
        if before[n].text == ")" and closing is None:
            closing = n
        elif before[n].text == "(" and closing is not None:
            inside = before[n + 1 : closing]
            breakdown = (  # "(dont 1 électrique)": a part's, not the item's aside
                bool(inside)
                and inside[0].text.lower() in {"dont", "soit"}
                and any(w.pos == "NUM" or w.text[:1].isdigit() for w in inside)
            )
            money = any(w.text in _SIGNS or w.text in {"%", "euros"} for w in inside)
            if inside and not money and not breakdown:
                brackets.append(range(n, closing + 1))
            closing = None
        elif before[n].text in {":", ";"} and closing is None:
            break  # the item starts here
    return brackets


def _what_was_done(parse: Parse, before: list[Word]) -> str:
    """ "La façade du collège Calais République a, quant à elle, été rénovée (78 000 €)":
    the subject of the passive participle that ends right before an amount in brackets, and
    the participle; "" when the words before do not end on one."""
    words = [w for w in before if w.pos != "PUNCT"]
    if not words or not words[-1].is_participle or words[-1].pos != "VERB":
        return ""
    verb = words[-1]
    auxiliaries = [w for w in parse.children(verb) if w.dep.startswith("aux")]
    if not any(w.dep == "aux:pass" for w in auxiliaries):
        return ""
    subjects = [  # the parser may hang the subject on the auxiliary
        w
        for head in (verb, *auxiliaries)
        for w in parse.children(head)
        if w.dep in _SUBJECTS and w.i < verb.i and nounlike(w)
    ]
    if not subjects:
        return ""
    phrase = phrase_of(parse, subjects[0])  # which may hold the participle already
    return phrase if phrase.split()[-1] == verb.text else f"{phrase} {verb.text}"


def _apposed(words: list[Word]) -> bool:
    """Words between commas that describe the noun before them, with no determiner of their
    own: "victimes d'une oxydation importante", "situé en bord de mer" (not a list item
    that names an act, "remplacement des préaux")."""
    if not words or len(words) > _APPOSED_WORDS:
        return False
    first = words[0]
    if first.pos == "NOUN":
        return not is_action(first.lemma.lower()) and not first.text.lower().endswith("age")
    return first.pos == "ADJ" or "VerbForm=Part" in first.morph


_APPOSED_WORDS = 8  # the longest aside between commas read as a description of the noun


def _at_most(words: list[Word], count: int) -> list[Word]:
    """The first `count` words, and the rest of a word they cut ("Oye-" of "Oye-Plage")."""
    n = count
    while 0 < n < len(words) and words[n].start == words[n - 1].end:
        n += 1
    return words[:n]


_SIGNS = frozenset({"€", "M€", "k€", "K€", "Md€", "Mds€"})  # a unit's sign is no word of a label
# the nouns of a preposition said in several words: "au titre de", "en faveur de"
_PREPOSITION_NOUNS = frozenset({"titre", "faveur", "matière", "sein", "destination"})


def _whole_groups(words: list[Word], count: int) -> list[Word]:
    """The first `count` words, without a complement they cut to one word: "voie accessible
    aux cyclistes et aux piétons", not "... en rive" of "... en rive Ouest"; a preposition of
    several words is dropped with it ("au titre des" of "au titre des Monuments ...")."""
    kept = _at_most(words, count)
    if len(kept) == len(words):
        return kept
    opens = [n for n, w in enumerate(kept) if w.pos == "ADP" and n >= _SHORT_PHRASE - 1]
    if not opens:
        return kept
    cut = opens[-1]
    group = {w.i for w in kept[cut:]}
    if not any(w.head in group for w in words[len(kept) : len(kept) + 3]):
        return kept  # "... en anglais | dispensées": no complement cut
    if sum(w.pos in {"NOUN", "PROPN", "ADJ"} for w in kept[cut:]) > 1:
        return kept  # "... du secteur du": the complement reads on its own
    compound = [w.text.lower() for w in kept[cut - 2 : cut - 1]] in (["au"], ["en"], ["à"])
    if compound and kept[cut - 1].lemma.lower() in _PREPOSITION_NOUNS:
        cut -= 2  # "au titre des Monuments ...": the whole preposition goes
    kept = kept[:cut] if cut >= _SHORT_PHRASE - 1 else kept
    while kept and kept[-1].pos in {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PUNCT"}:
        kept = kept[:-1]  # "... dans le cadre du": no function word closes a label
    return kept


def _joins_words(parse: Parse, word: Word) -> bool:
    """A dash inside a word ("St-Folquin"), not one that separates list items."""
    text = parse.text
    return (
        word.text in {"-", "–"}
        and word.start > 0
        and word.end < len(text)
        and not text[word.start - 1].isspace()
        and not text[word.end].isspace()
    )


# action nouns that say nothing of what was done to what they count
_NO_ACTION = frozenset(
    {"ensemble", "nombre", "total", "montant", "hauteur", "partage", "destination", "direction",
     "attention", "occasion", "intention", "disposition"}
)  # fmt: skip


def action_on(parse: Parse, start: int, end: int) -> str:
    """What was done to what the number counts, said by the action noun it complements:
    "le recrutement de 107 assistants familiaux" → "recrutement"; "" for none."""
    action = _act_complemented(parse, start, end)
    return action if is_action(action) else ""


def _act_complemented(parse: Parse, start: int, end: int) -> str:
    """The noun (lower case) of the one act that the counted noun complements, named with its
    article ("le recrutement de 107 assistants", "l'accueil de 30 familles") or an act the
    lexicon knows ("les dispositifs de transport de 1533 élèves"); "" for none."""
    noun = _counted_noun(parse, start, end)
    head = parse.head_of(noun) if noun is not None else None
    if noun is None or head is None or noun.dep != "nmod" or head.i > noun.i:
        return ""
    case = [w for w in parse.children(noun) if w.dep == "case"]
    if not case or case[0].text.lower() not in {"de", "d'", "d’", "des"}:
        return ""
    action = head.lemma.lower()
    if head.pos != "NOUN" or action in _NO_ACTION:
        return ""
    # one act, named with its article: "le recrutement", "la création" (not "aire de
    # co-voiturage", "engagements")
    article = any(w.dep == "det" for w in parse.children(head))
    opens = _OPENS_A_CLAUSE.search(parse.text, 0, head.start) is not None  # "MNA : redéploiement"
    # "les dispositifs de transport de 1533 élèves": an act the lexicon knows, no article
    known = head.text.lower() in _ACT_VERBS
    return head.text.lower() if (article or opens or known) and "Number=Sing" in head.morph else ""


# the verb of an act whose noun does not end like it ("accueil": accueillir)
_ACT_VERBS = {
    "accueil": "accueillir", "soutien": "soutenir", "suivi": "suivre", "transport": "transporter",
    "construction": "construire", "reconstruction": "reconstruire", "production": "produire",
    "acquisition": "acquérir", "inscription": "inscrire", "ouverture": "ouvrir",
    "poursuite": "poursuivre", "reprise": "reprendre", "conduite": "conduire",
    "nettoyage": "nettoyer", "recyclage": "recycler", "repérage": "repérer",
    "balisage": "baliser", "fauchage": "faucher", "dépistage": "dépister",
    "émission": "émettre", "admission": "admettre", "transmission": "transmettre",
}  # fmt: skip
# acts whose complement did it, not underwent it: "la participation de 200 personnes"
_DONE_BY_ITS_COMPLEMENT = frozenset(
    {"participation", "intervention", "contribution", "augmentation", "évolution",
     "diminution", "progression", "adhésion", "implication", "collaboration", "coopération",
     "disparition", "circulation", "fonctionnement", "concertation", "déplacement",
     "engagement", "arrivée", "parlement", "gouvernement", "stationnement", "fréquentation",
     "situation", "association", "population", "habitation", "génération", "nation",
     "station", "relation", "opération", "organisation", "fédération", "délégation"}
)  # fmt: skip
# an act named by "mise" or "prise" and what it puts the thing in: "Mise en service de 6 aires"
_PUT_INTO = re.compile(
    r"\b(?:mise|prise)\s+(?P<how>en\s+(?:service|place|œuvre|ligne|route|chantier|charge)"
    r"|à\s+disposition)\s+(?:de|d['’]|des)\s*$",
    re.IGNORECASE,
)


def act_participle(action: str) -> str:
    """The past participle, masculine singular, of the verb an act noun names: "recrutement"
    → "recruté", "création" → "créé", "accueil" → "accueilli"; "" for an act its complement
    did ("la participation de 200 personnes") or one no rule gives."""
    if action in _DONE_BY_ITS_COMPLEMENT:
        return ""
    verb = _ACT_VERBS.get(action, "")
    endings = (
        ("oiement", "oyer"), ("ement", "er"), ("ation", "er"), ("cution", "cuter"), ("ution", "uer")
    )  # fmt: skip
    for ending, infinitive in endings:  # "redéploiement": redéployer
        if not verb and action.endswith(ending):
            verb = action[: -len(ending)] + infinitive
    return past_participle(verb) if verb and is_french_word(verb) else ""


def done_by_act(parse: Parse, start: int, end: int) -> str:
    """What the act noun a count complements did to what it counts, as a participle that
    agrees with it: "Mise en service de 6 aires de covoiturage" → "mises en service";
    "l'accompagnement de cinq projets" → "accompagnés"; "" for none."""
    noun = _counted_noun(parse, start, end)
    if noun is None or not 0 <= noun.start - end <= _NEXT_TO:
        return ""  # the parse's counted noun far from the number: not what it counts
    put = _PUT_INTO.search(parse.text, max(0, start - 40), start)
    action = _act_complemented(parse, start, end)
    if put is not None:  # "mise en service" → "mis", "prise en charge" → "pris"
        participle = "pris" if put.group(0).lower().startswith("prise") else "mis"
        how = " " + " ".join(put["how"].split())
    elif action:
        participle, how = act_participle(action), ""
    else:
        return ""
    if not participle:
        return ""
    feminine = _is_feminine(parse, noun)
    plural = "Number=Plur" in noun.morph and not (participle.endswith("s") and not feminine)
    return participle + ("e" if feminine else "") + ("s" if plural else "") + how


# endings that say a noun's gender ("aménagement", "saturation"), surer than the small
# model's guess on a word it has seldom seen
_FEMININE_ENDINGS = ("tion", "sion", "ure", "ette", "ance", "ence", "ude", "ité")
# nouns of the reports whose gender the small model gets wrong
_GENDER_OF = {
    "aire": "Fem", "affaire": "Fem", "espace": "Masc", "aide": "Fem", "centre": "Masc",
    "lycée": "Masc", "musée": "Masc", "comité": "Masc", "chambre": "Fem",
    # the nouns a figure's unit is named by (`phrases.UNIT_NOUNS`)
    "surface": "Fem", "longueur": "Fem", "durée": "Fem", "part": "Fem", "densité": "Fem",
    "montant": "Masc", "linéaire": "Masc", "tonnage": "Masc", "volume": "Masc",
}  # fmt: skip


def _is_feminine(parse: Parse, noun: Word) -> bool:
    """A noun's gender: said by a word that agrees with it ("la", "nouvelles"), else by its
    ending, else as the parse guessed it."""
    for word in parse.children(noun):
        if word.dep in {"det", "amod", "acl"} and (said := _GENDER.search(word.morph)):
            return said[1] == "Fem"
    singular = noun.text.lower().rstrip("sx")
    if singular in _GENDER_OF:
        return _GENDER_OF[singular] == "Fem"
    if (said := _GENDER.search(noun.morph)) is not None:
        return said[1] == "Fem"
    return singular.endswith(_FEMININE_ENDINGS)


_GENDER = re.compile(r"Gender=(Fem|Masc)")
# nouns of people whose gender is their meaning
_PERSONS = {"femme": "Fem", "fille": "Fem", "mère": "Fem", "homme": "Masc", "garçon": "Masc"}


def noun_gender(noun: str) -> str | None:
    """A noun's gender known without its sentence ("femmes", "aires", "inscriptions"):
    "Fem", "Masc", or None when its ending does not say."""
    singular = noun.lower().rstrip("sx")
    known = _PERSONS.get(singular) or _GENDER_OF.get(singular)
    if known is None and singular.endswith(_FEMININE_ENDINGS):
        known = "Fem"
    return known


# an act noun that opens a list item or what follows a colon: "... (MNA) : redéploiement de"
_OPENS_A_CLAUSE = re.compile(r"(?:^|[:;]|\s[-–•◆*])\s*$")
_SCALE_SIGNS = frozenset(  # "2,6 M € ont été dépensés", "2,6 millions d'euros ont été"
    {"M", "Md", "Mds", "k", "K", "€", "million", "millions", "milliard", "milliards", "euros"}
)
_NEXT_TO = 30  # characters between a number and the noun it counts ("6 nouvelles aires")
# what a sentence may be about that says nothing of a figure's context
_NO_CONTEXT = frozenset({"département", "collectivité", "année", "an", "total", "ensemble"})
_CONTEXT_WORDS = 6
_CLIMB = 3


def context_of(parse: Parse, start: int, end: int) -> str:
    """What the noun a number counts belongs to, when the noun alone says little: "le projet
    de mandat décliné en 3 pactes" → "projet de mandat"; "la semaine nationale des retraités
    a été déclinée avec 7 dates" → "semaine nationale des retraités". The noun modified by the
    clause the figure sits in, else the subject of its verb; "" when there is none."""
    noun = _counted_noun(parse, start, end)
    verb = parse.head_of(noun) if noun is not None else None
    climbed = 0
    while (
        verb is not None
        and verb.pos in {"ADV", "PRON"}
        and climbed < _CLIMB
        and not 0 <= start - verb.end <= 1  # "environ 200 à 400 likes": the number's own
        and not any(c.isdigit() for c in verb.text)  # nor the number taken for a pronoun
    ):
        # "s'est structuré, tout au long de l'année, autour de 3 pactes": the parser may hang
        # the noun on the adverb; the verb is further up
        verb, climbed = parse.head_of(verb), climbed + 1
    if noun is None or verb is None or verb.pos not in {"VERB", "ADJ"}:
        return ""
    if noun.dep not in {"obj", "obl", "obl:arg", "obl:mod", "iobj"} and not climbed:
        return ""
    anchor: Word | None
    if verb.dep in {"acl", "acl:relcl"}:
        anchor = parse.head_of(verb)
        if anchor is None or anchor.pos not in {"NOUN", "PROPN"} or _disagree(parse, anchor, verb):
            anchor = _antecedent(parse, verb) or anchor
    else:
        anchor = next((w for w in parse.children(verb) if w.dep in _SUBJECTS), None)
    if anchor is None or anchor.pos not in {"NOUN", "PROPN"} or anchor.i == noun.i:
        return ""
    if anchor.lemma.lower() in _NO_CONTEXT or anchor.text.isupper():
        return ""  # "la collectivité", "les MDADT": no more than the section says
    if _states_a_figure(parse, anchor, verb):
        return ""
    if quoted := _quoted_with_its_noun(parse, anchor):
        return quoted  # "L'expo « Migrations : ... » fait le plein avec 2500 visiteurs"
    phrase = phrase_of(parse, anchor, exclude=range(start, end))
    words = [w for w in phrase.split() if w != verb.text]
    # the noun phrase without the clause a participle opens ("projet de mandat lancé en ...",
    # "agents ayant animé ...")
    participles = {w.text for w in parse.words if w.is_participle and w.i > anchor.i}
    cut = next(
        (n for n, w in enumerate(words) if (n > 1 and w in participles) or (n and w == "ayant")),
        len(words),
    )
    keep = min(cut, _CONTEXT_WORDS)
    while keep < cut and words[keep][:1].isupper():
        keep += 1  # a name is not cut: "Maison du Département ... Développement Territorial"
    return " ".join(words[:keep]) if words else ""


# the prepositions of the places an act is held in: "une formation ... dans 5 lieux"
_HELD_IN = frozenset({"dans"})


def held_in(parse: Parse, start: int, end: int) -> str:
    """What is held in the places a number counts, when the noun it counts complements it:
    "une formation d'une demi-journée dans 5 lieux du territoire" → "formation d'une
    demi-journée"; "" otherwise."""
    noun = _counted_noun(parse, start, end)
    if noun is None or noun.dep != "nmod":
        return ""
    case = [w for w in parse.children(noun) if w.dep == "case"]
    if len(case) != 1 or case[0].text.lower() not in _HELD_IN:
        return ""
    head = parse.head_of(noun)
    climbed = 0
    while (
        head is not None
        and head.dep == "nmod"
        and climbed < _CLIMB
        and (up := parse.head_of(head)) is not None
        and up.pos == "NOUN"
        and up.i < head.i
    ):
        head, climbed = up, climbed + 1  # "formation" of "formation d'une demi-journée"
    if head is None or head.pos != "NOUN" or head.i > noun.i:
        return ""
    words = phrase_of(parse, head, exclude=range(start, end)).split()
    cut = words.index(case[0].text) if case[0].text in words else len(words)
    return " ".join(words[: min(cut, _CONTEXT_WORDS)])


def _disagree(parse: Parse, noun: Word, verb: Word) -> bool:
    """A noun and a relative clause's verb of different numbers, said by its auxiliary when
    it has one (a participle after "avoir" is singular whatever its subject)."""
    auxiliary = next((w for w in parse.children(verb) if w.dep.startswith("aux")), verb)
    numbers = [re.search(r"Number=(\w+)", w.morph) for w in (noun, auxiliary)]
    return all(numbers) and numbers[0][1] != numbers[1][1]  # type: ignore[index]


def _antecedent(parse: Parse, verb: Word) -> Word | None:
    """The noun a relative clause's "qui" stands for, when the parser hung it elsewhere: the
    noun right before "qui", or the one whose "de" complement that is ("cette plateforme
    d'assistance qui a enregistré ..." → "plateforme"); None when no noun is written right
    before "qui"."""
    who = next((w for w in parse.children(verb) if w.text.lower() == "qui"), None)
    if who is None or who.i == 0:
        return None
    noun = parse.words[who.i - 1]
    if noun.pos not in {"NOUN", "PROPN"}:
        return None
    while noun.dep == "nmod" and (up := parse.head_of(noun)) is not None and up.i < noun.i:
        case = [w.text.lower() for w in parse.children(noun) if w.dep == "case"]
        if case not in (["de"], ["d'"], ["d’"]):
            break  # "agents disponibles depuis cette plateforme": the plateforme's own
        noun = up  # "assistance" → "plateforme d'assistance"
    return noun


# a name in quotes after the common noun that says what it names: "l'expo « Migrations : une
# archéologie des échanges »", "le dispositif « Bien vieillir »"
_NAMED_IN_QUOTES = re.compile(
    r"\b(?P<noun>[^\W\d_][\w-]{2,})\s*«\s*(?P<name>[^«»]{2,80}?)\s*»", re.IGNORECASE
)


def _quoted_with_its_noun(parse: Parse, word: Word) -> str:
    """The quoted name a word stands in, with the noun before it ("expo « Migrations : une
    archéologie des échanges »"), when the parser took a word of the name for the phrase's
    head; the name alone after a word that is no noun ("porté « Bouge ton été »"); ""
    when the word is in no quoted name."""
    for named in _NAMED_IN_QUOTES.finditer(parse.text):
        if named.start("name") <= word.start < named.end("name"):
            noun = next((w for w in parse.words if w.start == named.start("noun")), None)
            name = " ".join(named["name"].split())
            if noun is None or noun.pos != "NOUN":
                return name  # "journée thématique « Faire confiance à la jeunesse »": the name
            return f"{named['noun']} « {name} »"
    return ""


# the prepositions of a participle's complement that says where, to what or during what
_DONE_WHERE = frozenset({"à", "au", "aux", "dans", "lors", "auprès", "sur", "avec"})
_COMPLEMENT_WORDS = 6
_JOINED_WORDS = 3  # "et du Calaisis"
# what a complement may open on that says no place, event or object: "dans le cadre de"
_NO_PLACE = frozenset(
    {"cadre", "fin", "début", "cours", "moment", "occasion", "issue", "aide", "soutien", "appui",
     "concours", "financement", "participation"}
)  # fmt: skip
# a demonstrative points back to the sentence before; a label stands alone: the article
_DEMONSTRATIVES = (
    (re.compile(r"\bà\s+ces\s+", re.IGNORECASE), "aux "),
    (re.compile(r"\bde\s+ces\s+", re.IGNORECASE), "des "),
    (re.compile(r"\bà\s+ce\s+", re.IGNORECASE), "au "),
    (re.compile(r"\bde\s+ce\s+", re.IGNORECASE), "du "),
    (re.compile(r"\bces\s+", re.IGNORECASE), "les "),
    (re.compile(r"\bcet\s+|\bcette\s+(?=[aeiouéèê])", re.IGNORECASE), "l'"),
    (re.compile(r"\bcette\s+", re.IGNORECASE), "la "),
    (re.compile(r"\bce\s+", re.IGNORECASE), "le "),
)


def _after_brackets(text: str, end: int) -> int:
    """Where the text goes on after `end`, past the brackets that follow it ("(km 40)")."""
    while (bracket := re.match(r"\s*\([^()]*\)", text[end:])) is not None:
        end += bracket.end()
    return end


# another place after a place: ", Saint-Omer", " et Capelle-lès-Boulogne"
_PLACES_GO_ON = re.compile(r"\s*(?:,|\bet\b)\s*[A-ZÉ]")


def done_where(parse: Parse, label: str, position: int) -> str:
    """Where, to what or during what a label's closing participle happened: "217 assistants
    familiaux ont participé à ces sessions de formation" → "aux sessions de formation"; "39
    personnes se sont présentées aux Apprentis d'Auteuil" → "aux Apprentis d'Auteuil"; ""
    when the participle's first complement is no such place ("en 2022", "pour un projet",
    "à l'automne", "sur le territoire") or does not follow it, or when the participle says
    something of another noun than the label's ("1 dossier ... avec la création d'un office
    ... situé à")."""
    words = label.split()
    verbs = [w for w in parse.words if w.text == words[-1] and w.start >= position]
    if not verbs or not verbs[0].is_participle:
        return ""
    verb = verbs[0]
    nouns = [w for w in parse.children(verb) if w.dep in _SUBJECTS]
    if verb.dep == "acl" and (up := parse.head_of(verb)) is not None:
        nouns.append(up)
    if not any(w.text.lower() == words[0].lower() for w in nouns):
        return ""
    complements = [
        w for w in parse.children(verb) if w.dep in {"obl:arg", "obl", "obl:mod"} and w.i > verb.i
    ]
    if not complements or complements[0].pos not in {"NOUN", "PROPN"}:
        return ""
    where = complements[0]
    case = [w for w in parse.children(where) if w.dep == "case"]
    if not case or case[0].text.lower() not in _DONE_WHERE or case[0].i != verb.i + 1:
        return ""
    if parse.words[case[0].i + 1].pos == "ADP":
        return ""  # "situé à de la Maison du cheval": a slip of the text
    # "à ces 2 journées de répit": the number is a figure of its own, the place is "journées"
    counts = {w.i for w in parse.children(where) if w.dep == "nummod" and w.i < where.i}
    tail: list[Word] = []
    for word in (w for w in parse.subtree(where) if w.i not in counts):
        own_clause = word.dep in {"acl:relcl", "nsubj", "obj", "parataxis"}
        if word.pos == "NUM" or word.text in _BREAKS or (own_clause and word is not where):
            break
        tail.append(word)
    while tail and tail[-1].i + 1 < len(parse.words):  # "à Lens-Hénin": the whole name
        following = parse.words[tail[-1].i + 1]
        if following.start != tail[-1].end and not following.text.startswith("-"):
            break
        tail.append(following)
    # "sur les territoires du Boulonnais et du Calaisis": two names joined, both kept
    kept = [w for w in tail if w.pos != "PUNCT"]  # "Calaisis;": the name, not its ";"
    joined = bool(kept) and kept[-1].pos == "PROPN" and any(w.pos == "CCONJ" for w in kept)
    tail = _at_most(tail, _COMPLEMENT_WORDS + (_JOINED_WORDS if joined else 0))
    while tail and tail[-1].pos in {"ADP", "DET", "CCONJ", "PUNCT"}:
        tail = tail[:-1]
    if tail and _PLACES_GO_ON.match(parse.text, _after_brackets(parse.text, tail[-1].end)):
        return ""  # "prévus à Merville (km 40), Saint-Omer (km 78), ...": one of several places
    content = [w for w in tail if w.pos in {"NOUN", "PROPN", "ADJ"}]
    named = any(w.pos == "PROPN" for w in content)
    if not (named or len(content) >= 2) or content[0].lemma.lower() in _NO_PLACE:
        return ""
    text = _text(parse, tail)
    for demonstrative, article in _DEMONSTRATIVES:
        text = demonstrative.sub(article, text)
    return text


# verbs whose object is only counted or compared, not acted on: "le territoire compte 35
# collèges", "représente 12 %"; and verbs of saying or enabling
_NOT_DONE = frozenset(
    {"compter", "représenter", "totaliser", "atteindre", "dépasser", "avoir", "être",
     "comporter", "comprendre", "permettre", "faire", "voir", "rester", "dénombrer", "afficher",
     "regrouper", "rassembler", "réunir", "proposer", "offrir", "donner", "générer", "mener",
     "organiser", "enregistrer", "traiter", "gérer", "occuper", "employer", "rencontrer",
     "posséder", "peser", "détenir", "abriter"}
)  # fmt: skip
_OBJECT_GAP = 4  # "mobilisent 76 chefs", "a accompagné près de 300 familles"
# past participles a first- or second-group rule does not give
_IRREGULAR = {
    "accueillir": "accueilli", "ouvrir": "ouvert", "couvrir": "couvert", "recevoir": "reçu",
    "soutenir": "soutenu", "construire": "construit", "produire": "produit",
    "conduire": "conduit", "inscrire": "inscrit", "prendre": "pris",
    "obtenir": "obtenu", "investir": "investi", "consentir": "consenti",
    "suivre": "suivi", "poursuivre": "poursuivi", "acquérir": "acquis", "mettre": "mis",
    "reprendre": "repris", "reconstruire": "reconstruit", "détruire": "détruit",
    "émettre": "émis", "admettre": "admis", "transmettre": "transmis",
}  # fmt: skip


def _participle(verb: Word) -> str:
    """A verb's past participle, masculine singular ("mobiliser" → "mobilisé", "obtenir" →
    "obtenu"); "" for a verb that only counts or compares, or whose participle no rule
    gives."""
    infinitive = verb.lemma.lower()
    return "" if infinitive in _NOT_DONE else past_participle(infinitive)


def past_participle(infinitive: str) -> str:
    """The past participle of an infinitive, masculine singular; "" when no rule gives it."""
    participle = _IRREGULAR.get(infinitive)
    if participle is None and infinitive.endswith("er") and infinitive != "aller":
        participle = infinitive[:-2] + "é"
    return participle if participle is not None and is_french_word(participle) else ""


def done_to(parse: Parse, start: int, end: int) -> str:
    """What was done to what the number counts, said by the verb it is the object of, as a
    participle that agrees with it: "des groupes de travail qui mobilisent 76 chefs de
    cuisine" → "mobilisés"; "" when the verb only counts ("compte 35 collèges"), is an
    infinitive (an aim, not a deed) or has no regular participle."""
    noun = _counted_noun(parse, start, end)
    verb = parse.head_of(noun) if noun is not None else None
    if noun is None or verb is None or noun.dep != "obj" or verb.pos != "VERB":
        return ""
    infinitive = verb.lemma.lower()
    if "VerbForm=Inf" in verb.morph or infinitive in _NOT_DONE or verb.i > noun.i:
        return ""
    if any(w.dep == "advmod" and w.lemma.lower() in {"ne", "pas"} for w in parse.children(verb)):
        return ""
    between = [w for w in parse.words[verb.i + 1 : noun.i] if not start <= w.start < end]
    if any(w.pos == "ADP" for w in between) or len(between) > _OBJECT_GAP:
        return ""  # "exercent leurs missions ... au sein des 2 maisons": no object of it
    participle = _participle(verb)
    if not participle:
        return ""
    feminine = "Gender=Fem" in noun.morph
    plural = "Number=Plur" in noun.morph
    return participle + ("e" if feminine else "") + ("s" if plural else "")


_FRONTED = frozenset({"avec", "grâce"})


def fronted_by(parse: Parse, start: int, end: int) -> str:
    """Who the figures of a sentence's opening "Avec ..." are of: "Avec près de 6 000
    consultations ..., 220 visites à domicile et 410 consultations d'urgence, les centres de
    santé ont démontré ..." → "centres de santé" (the subject of the verb the opening phrase
    hangs on); "" otherwise."""
    word = _counted_noun(parse, start, end)
    seen = 0
    while word is not None and word.dep in {"nmod", "conj", "acl:relcl", "appos"} and seen < 6:
        word, seen = parse.head_of(word), seen + 1
    if word is None or not word.dep.startswith("obl"):
        return ""
    case = [w for w in parse.children(word) if w.dep == "case"]
    verb = parse.head_of(word)
    if not case or case[0].lemma.lower() not in _FRONTED or verb is None or verb.i < word.i:
        return ""
    subjects = [w for w in parse.children(verb) if w.dep in _SUBJECTS and w.pos == "NOUN"]
    if not subjects or _states_a_figure(parse, subjects[0], verb):
        return ""
    return phrase_of(parse, subjects[0])


def _states_a_figure(parse: Parse, subject: Word, verb: Word) -> bool:
    """A subject whose words before its verb hold a figure of their own (not a year): "Avec
    7 100 agents, un budget proche de 1,9 milliard ... doit": another figure of the list,
    not what the first one is of."""
    return any(
        w.pos == "NUM"
        and subject.i < w.i < verb.i
        and not _YEAR.fullmatch(w.text)
        and not re.search(r"[(,]|\bdont\b", parse.text[subject.end : w.start])  # an aside's
        for w in parse.subtree(subject)
    )
