"""French noun phrases around a figure: what a number in a sentence counts.

"Ce sont 6,8 millions de repas qui sont produits" counts "repas produits"; "dont
l'investissement s'élève à 2 000 000 €" gives the amount of "investissement". The phrase is
read after the figure (the counted noun and its complement, plus a participle of a relative
clause: "qui sont produits", "ont été retenus"), else before it (the subject of "s'élève à",
"évaluée à", "de"). Verbs are told from nouns by their lemma (simplemma, no model to
download): a word whose lemma is a verb and that is not shaped like a participle ends the
phrase.
"""

from __future__ import annotations

import re
from functools import cache

import simplemma

from pipelines.read.numbers import MONTHS, Quantity

# Words that end a noun phrase: clause openers, prepositions of place/time/purpose,
# conjunctions, and the auxiliaries.
_STOP_WORDS = """
    qui que qu dont où pour afin avec sans dans sur sous par entre chez lors depuis vers
    jusqu grâce selon contre parmi durant pendant après avant auprès soit ou mais car donc
    ainsi puis alors comme ce cette ces ceux celles celui celle il ils elle elles on nous vous
    leur leurs se s y en à au aux est sont a ont été était étaient sera seront fut furent
    avait avaient peut peuvent doit doivent fait font permet permettent ne n pas plus moins
    très aussi également notamment dès tout tous toute toutes chaque lequel laquelle lesquels
    lesquelles auquel auxquels auxquelles duquel desquels desquelles"""
_STOPS = frozenset(_STOP_WORDS.split())
# Determiners and the like, dropped at the start of a phrase.
_LEADING_WORDS = """
    de d des du le la les l un une son sa ses leur leurs ce cet cette ces notre nos votre
    vos près environ plus moins au aux à et"""
_LEADING = frozenset(_LEADING_WORDS.split())
_DETERMINERS = frozenset(
    {"un", "une", "le", "la", "les", "l", "des", "du", "ce", "cette", "ces", "son", "sa", "ses"}
)
# Kept inside a phrase between two content words ("sociaux et médico-sociaux").
_ARTICLES = frozenset({"le", "la", "les", "l", "un", "une"})
_INNER = frozenset({"de", "d", "des", "du", "et", "la", "le", "les", "l", "en", "à"})
_AUXILIARIES = re.compile(
    # "se sont (donc) mobilisées": a reflexive says what happened to them too
    r"^\s*(?:qui\s+)?(?P<reflexive>se\s+|s['’]\s*)?"
    r"(?:ont|a|sont|est|seront|sera|avaient|avait|étaient|était)"
    r"(?:\s+été)?\s+(?P<participle>[\wéèêàâîôûç-]+)",  # adverbs: taken out before (_ADVERBS)
    re.IGNORECASE,
)
# reflexive verbs whose participle says what the counted became: "200 personnes se sont
# mobilisées" → "personnes mobilisées" (not "se sont rendues": "personnes rendues")
BECAME = frozenset(
    {"mobilisé", "inscrit", "engagé", "réuni", "rassemblé", "impliqué", "tenu", "investi"}
    | {"formé", "installé", "présenté", "élancé"}
)
# "répondu", "venu", "vécu", "paru": an act of its own; not "vu", "eu", "pu", "reçu"
_PARTICIPLE = re.compile(
    r"(?:é|ée|és|ées|is|ise|ises|(?:ond|en|ur|éc|ar)u|us|ue|ues|it|ite|its|ites|ts|te|tes)$"
)
_WORD = re.compile(r"[\wéèêëàâîïôöûüç'’-]+|[^\s\w]", re.IGNORECASE)
_VERB_LEMMA = re.compile(r"(?:er|ir|re|oir)$")
# Words that link a subject to its amount: "s'élève à", "évaluée à", "de", "atteint".
_LINK_BEFORE = re.compile(  # whole words only: "travaux" does not end on "aux"
    r"(?:\s*\b(?:s['’]\s*élève(?:nt)?|s['’]\s*élevant|atteint|atteignent|représente(?:nt)?|"
    # "L'engagement départemental a représenté 106 000 €", "s'est élevé à"
    r"(?:a|ont|avait|avaient)\s+(?:représenté|atteint|totalisé)|"
    # "se sont ainsi élevées à", "se sont élevées en 2022 à"
    r"(?:s['’]\s*(?:est|était)|se\s+(?:sont|étaient))(?:\s+(?:ainsi|donc|respectivement))?"
    r"\s+élevée?s?(?:\s+(?:en\s+(?:19|20)\d\d|au\s+total|ainsi|donc))?|"
    r"est|sont|était|évaluée?s?|estimée?s?|chiffrée?s?|porté(?:e|s|es)?|fixée?s?|"
    r"porte(?:nt)?\s+sur|"  # "La gestion porte sur 6 420 ha"
    r"à\s+hauteur|pour\s+un\s+(?:montant|total|coût|budget)|d['’]un\s+montant|"
    r"d['’]une?\s+(?:valeur|enveloppe|surface|longueur|superficie)|"
    r"de|d['’]|à|au|aux|soit|total|totale|montant|ce\s+sont|c['’]est|avec|pour|près|"
    r"plus|moins|environ|pas\s+moins|quelque|quelques|un\s+peu|"
    # "s'élèvent en 2022 à", "se sont élevées, en 2022, à"
    r",?\s*(?:en|pour)\s+(?:19|20)\d\d\s*,?|au\s+total|ainsi|donc)\s*)+$",
    re.IGNORECASE,
)
MAX_WORDS = 7
_PERMITTED_TO = re.compile(r"permis\s+(?:de\s|d['’])", re.IGNORECASE)
_WITH_WHOM = 3  # the longest phrase a partner ("avec les partenaires") is added to
_ON_THE_GROUND = re.compile(r"\s+sur\s+le\s+terrain\b", re.IGNORECASE)  # where, not what of
_APPOSED = re.compile(r"^\s*(?:évalué|estimé|chiffré|porté|fixé)e?s?\s+à\s*$", re.IGNORECASE)
# the article or determiner a noun phrase opens with: "les MERcredis de l'été"
LEADING_ARTICLE = re.compile(
    r"^(?:(?:les|le|la|des|un|une|ses|leurs?|ces)\b|l['’])\s*", re.IGNORECASE
)
# a copula between a figure and what it is: "80 % sont des communes", "1 sur 3 est une femme"
# or a noun without article ("40 % sont demandeurs d'emploi"); not "sont de moins de 25 ans"
COPULA = re.compile(
    r"^(?:sont|est|étaient|était|restent|reste)\s+(?:(?:des|les|une?|la|le)\s+|l['’]\s*)?"
    r"(?=(?!(?:de|du|des|à|au|aux|en|plus|moins|sans|sur|pour)\b|d['’])[^\W\d_])",
    re.IGNORECASE,
)
# "le nombre d'abonnés": what is counted is "abonnés"
COUNT_OF = re.compile(
    r"^(?:c['’]est\s+)?(?:(?:le|les|la|l['’])\s*)?nombre\s+(?:de\s+|d['’]\s*)", re.IGNORECASE
)
# the nouns of a change, and a change stated before its figure: "en hausse de 13,2 %", "une
# progression de 10,2 %"
CHANGE_WORDS = (
    "hausse|augmentation|progression|croissance|baisse|diminution|recul|évolution|réduction"
)
# the same said by a verb: "le nombre de stations progresse de 16 %"
# the stems of the verbs a change is said with ("progresse", "ont augmenté", "évoluant")
CHANGE_STEMS = r"progress|augment|diminu|recul|baiss|évolu"
# "réduire de 30 % ce gaspillage", "augmenter de 10 %": an aim said by the infinitive
CHANGE_VERBS = (
    rf"(?:{CHANGE_STEMS})(?:e|ent|ée?s?|er)|croît|croissent|rédui(?:re|t|te|ts|tes|sent)"
    r"|gagn(?:e|ent|é)|perd(?:ent|u)?"  # "a gagné 25,3 % d'abonnés"
)
CHANGE_BEFORE = re.compile(
    rf"(?P<word>\b(?:{CHANGE_WORDS}|{CHANGE_VERBS}))\s+(?:de\s+|d['’]\s*)?$",
    re.IGNORECASE,
)
_DECREASE = ("baiss", "diminu", "recul", "rédu", "perd")


def is_decrease(word: str) -> bool:
    """ "baisse", "diminution", "reculent": a change downwards."""
    return word.lower().startswith(_DECREASE)


# "évolue de 12 % à 15 %": a percentage from one value to another, not a change by it
_FROM_TO = re.compile(r"\s*(?:à|a)\s+[+\u2212-]?\d", re.IGNORECASE)


def as_change(text: str, q: Quantity) -> tuple[str, float, re.Match[str] | None]:
    """The unit and value of the figure at text[q.start:q.end], a percentage after a change
    word or a sign being a change ("en baisse de 5 %" is -5, "+ 13,2 %" is 13.2); and the
    change word, if any ("passe de 12 % à 15 %" is no change of 12 %)."""
    unit, value = q.unit, float(q.value or 0.0)
    change = CHANGE_BEFORE.search(text[: q.start])
    if change is not None and _FROM_TO.match(text, q.end):
        change = None
    if change is not None and _REDUCED_RATE.search(text[: change.start()]):
        change = None  # "une TVA à taux réduit de 5,5 %": a rate, not a change
    sign = re.search(r"[+\u2212-]\s?$", text[: q.start])
    if sign is not None and sign.group().startswith("-") and not text[: sign.start()].strip():
        sign = None  # "- 10,17 % de la population ...": a list's dash, no minus
    signed = sign is not None or q.text.lstrip().startswith(("+", "\u2212"))
    compared = _COMPARED.match(text, q.end) if unit == "pct" else None
    if compared is not None:  # "52 forages, soit 16 % de plus qu'en 2021"
        return "pct_change", -abs(value) if compared["way"] == "moins" else abs(value), None
    beyond = BEYOND_BEFORE.search(text[: q.start]) if unit == "pct" else None
    if beyond is not None and _THAT_OF_BEFORE.match(text, q.end):
        # "un nombre qui dépasse de 14 % celui de 2021": the change since that year
        down = beyond["word"].lower().startswith("inférieur")
        return "pct_change", -abs(value) if down else abs(value), None
    if unit != "pct" or not (change or signed):
        return unit, value, None
    if change and is_decrease(change["word"]):
        value = -abs(value)
    return "pct_change", value, change


# a comparison with an earlier year's figure: "qui dépasse de 14 % celui de 2021",
# "supérieur de 8 % à celui de l'an passé"
BEYOND_BEFORE = re.compile(
    r"(?P<word>\b(?:dépass(?:e|ent|ant|ait|aient)|(?:supérieur|inférieur)e?s?))"
    r"\s+(?:de\s+|d['’]\s*)$",
    re.IGNORECASE,
)
_THAT_OF_BEFORE = re.compile(
    r"\s*(?:à\s+)?(?:celui|celle|ceux|celles)\s+(?:de\s+(?:19|20)\d\d\b|de\s+l['’]\s*an"
    r"(?:née)?\s+(?:passée?|précédente|dernière)|d['’]\s*il\s+y\s+a\s+un\s+an)",
    re.IGNORECASE,
)
# what a reduced rate or price is: "taux réduit", "tarif réduit"
_REDUCED_RATE = re.compile(r"\b(?:taux|tarifs?|prix|coûts?)\s+$", re.IGNORECASE)
# a share more or fewer than at another time: "16 % de plus qu'en 2021", "de moins que"
_COMPARED = re.compile(  # "16 % de plus qu'en 2021", "15 % de forages suivis en plus par rapport"
    r"\s*(?:de\s+|d['’]\s*)"
    # the words of what is counted, then "en plus" or "de plus" (not "ne comptent plus que")
    r"(?:(?:(?!(?:plus|moins|en|de|ne|n)\b)[^\W\d_][\w'’-]*\s+){1,3}(?:en|de)\s+)?"
    r"(?P<way>plus|moins)\s+(?:qu['’]|que\b|par\s+rapport)",
    re.IGNORECASE,
)


# What a figure of each unit measures, to name an amount or a length that has no noun of
# its own ("montant", "surface : diagnostics réalisés")
UNIT_NOUNS = {
    "EUR": "montant",
    "pct": "part",
    "pct_change": "évolution",
    "km": "longueur",
    "m": "linéaire",
    "m2": "surface",
    "ha": "surface",
    "km2": "surface",
    "t": "tonnage",
    "gb": "volume",
    "fte": "ETP",
    "day": "durée",
    "per_km2": "densité",
}


# what an amount is counted under: "205 000 € au titre de la contractualisation"
UNDER_HEADING = re.compile(
    r"[\s*]*(?:TTC|HT)?\s*,?\s*au\s+titre\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*",
    re.IGNORECASE,
)
# what stands between a figure and the count it was for: "4 095 pass numériques distribués
# ... pour 410 bénéficiaires", "14 826 € au titre de l'appel à projets ..., pour 2 projets"
FOR_THE_FIGURE_BEFORE = re.compile(r"^[^.;:!?]*\bpour[\s*]*$", re.IGNORECASE)
# what a count is the base of, not what it served: "pour 1 000 habitants" (a rate), "12 projets
# retenus pour 45 candidatures" (a selection)
_BASES = frozenset(
    {"habitant", "candidature", "demande", "dossier", "candidat", "inscription", "sollicitation",
     "inscrit", "naissance", "place"}
)  # fmt: skip
# an amount's label that says what it is of in brackets or after a colon
_AMOUNT_OF = re.compile(
    r"^montant(?:\s+[\wéèêàâç]+)?\s*(?:\((?P<in>[^()]+)\)|:\s*(?P<of>.+))$", re.IGNORECASE
)


def served_by(between: str, label_before: str, label: str) -> str:
    """The label of a bare count the figure before was for, with what that figure is of:
    "Bénéficiaires (pass numériques distribués)", "Projets (appel à projets initiatives
    transfrontalières)"; "" when the count is not introduced by "pour", says what it is of
    already, or is a time or a rate ("pour 1 000 habitants")."""
    words = label.split()
    if not FOR_THE_FIGURE_BEFORE.match(between) or not 0 < len(words) <= 2 or "(" in label:
        return ""
    # no verb but the figure's own ("pass ... ont été distribués")
    verbs = [len(between[: v.start()].split()) for v in FINITE_AUXILIARY.finditer(between)]
    if any(n > 3 for n in verbs) or any(w.lower() in _INNER for w in words):
        return ""  # "... et le Département a mobilisé ... pour"; "jeunes de la commune"
    if lemma(words[0].lower()) in TIME_NOUNS | _BASES or is_participle(words[0]):
        return ""  # "pour 3 ans", "pour 1 000 habitants", "12 projets pour 45 candidatures"
    said = _AMOUNT_OF.match(label_before)
    served = (said["in"] or said["of"]) if said is not None else label_before
    kept: list[str] = []
    for word in served.split():  # "pass numériques distribués sur l'ensemble ...": up to
        kept.append(word)  # what was done with them
        if len(kept) > 1 and is_participle(word):
            break
    served = " ".join(kept)
    if not is_noun_phrase(served) or lemma(served.split()[0].lower()) == lemma(words[0].lower()):
        return ""
    return f"{label} ({served[:1].lower() + served[1:] if not served[1:2].isupper() else served})"


# the Département as the payer of an amount: "subvention d'investissement du Département",
# "participation départementale", "455 000 € du Département"
_PAID_BY_DEPARTEMENT = re.compile(r"\b(?:du|le)\s+Département\b|\bdépartementale?\b")
_PAID_AFTER = re.compile(r"^\s*(?:du|par\s+le)\s+Département\b")


def paid_by_departement(unit: str, label: str, after: str = "") -> bool:
    """An amount the Département itself pays, by its label or the words right after it: in
    a partner's box or page it is the Département's contribution, not the partner's money."""
    if unit != "EUR":
        return False
    return bool(_PAID_BY_DEPARTEMENT.search(label) or _PAID_AFTER.match(after))


def unit_suffix(unit: str) -> str:
    """The end of a generated code that keeps figures of one label but two units apart."""
    return "" if unit == "count" else f"_{unit.lower()}"


@cache
def lemma(word: str) -> str:
    """The word's lemma ("" for no word)."""
    return simplemma.lemmatize(word.lower(), lang="fr") if word.strip() else ""


def is_verb(word: str) -> bool:
    """A conjugated verb ("accueille", "représentent"), not a participle or a noun."""
    # "l'itinéraire" is the noun "itinéraire"; "l'empruntent" the verb of a pronoun
    lower = re.sub(r"^[ld]['’](?=\w)", "", word.lower())
    base = lemma(lower)
    if base in {"être", "avoir"}:
        return True
    if base == lower or not _VERB_LEMMA.search(base) or lower.endswith("s"):
        return False  # a plural noun ("mesures", "demandes") is no verb here
    return not _PARTICIPLE.search(lower) and not _ir_participle(lower)


def is_participle(word: str) -> bool:
    """A verb's past participle ("consacrés", "attribuée", "investi"), not a noun that ends
    like one ("activités", "lycées", "santé", "suivi")."""
    lower = word.lower()
    if _ir_participle(lower):
        return True
    if not _PARTICIPLE.search(lower):
        return False
    base = lemma(lower)
    if base != lower and _VERB_LEMMA.search(base):
        return True
    stem = re.sub(r"ée?s?$", "", lower)  # "consacrés" (lemmatised "consacré"): "consacrer"
    if stem != lower and is_french_word(stem + "er"):
        return True
    stem = re.sub(r"ie?s?$", "", lower)  # "investis": "investir"
    return stem != lower and is_french_word(stem + "ir")


def _ir_participle(lower: str) -> bool:
    """The participle of a verb in -ir: "investi", "réparti", "accueilli" (not "défi")."""
    return lower.endswith("i") and len(lower) > 3 and is_french_word(lower[:-1] + "ir")


_ACTION_ENDINGS = ("tion", "sion")
_ACTS = frozenset({"poursuite", "reprise", "conduite"})  # acts in other endings


def is_action(noun: str) -> bool:
    """A noun that names an act: "création", "dématérialisation", and a noun in -ement of a
    first-group verb ("recrutement": recruter); not a thing ("village", "établissement")."""
    if noun.endswith(_ACTION_ENDINGS) or noun in _ACTS:
        return True
    return noun.endswith("ement") and is_french_word(noun[:-5] + "er")


@cache
def is_french_word(word: str) -> bool:
    """A word the French lexicon knows in lower case ("acquisition", "consacrer"), not a
    name ("Andres", "FARDA")."""
    return simplemma.is_known(word.lower().strip("'’"), lang="fr")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _content(word: str) -> bool:
    return word.lower().strip("'’") not in _LEADING and word[:1].isalnum()


# nouns whose complement opens on "à": "l'appel à projets", "les appels à candidatures"
_WITH_A = ("appel", "appels", "retour", "retours")  # "appel à projets", "retours à l'emploi"
# the nouns "en" puts a counted noun in, as a state of it: "quartiers en difficulté"
_STATE_WORDS = """
    difficulté difficultés situation formation insertion mission attente ligne apprentissage
    alternance stage activité service recherche faveur fonctionnement cours établissement
    famille hébergement emploi contrat parcours résidence précarité"""
_STATES = frozenset(_STATE_WORDS.split())


def _clip(words: list[str]) -> list[str]:
    while words and words[-1].lower().strip("'’") in _INNER:
        words = words[:-1]
    return words


# adverbs between an auxiliary and its participle, and what a participle is not whole without
_ADVERBS = re.compile(
    # not a noun after its determiner ("un logement", "cet événement")
    r"(?<=\s)(?<!\bun\s)(?<!\ble\s)(?<!\bde\s)(?<!\bdu\s)(?<!\bune\s)(?<!\bles\s)(?<!\bdes\s)"
    r"(?<!\bce\s)(?<!\bcet\s)(?<!\bces\s)(?<!\bcette\s)(?<!\bson\s)(?<!\bsa\s)(?<!\bses\s)"
    r"(?<!\bleur\s)(?<!\bleurs\s)"
    r"(?:ainsi|déjà|également|aussi|bien|encore|toutes?|tous|\w+ment|aujourd['’]hui"
    r"|désormais|notamment|donc|enfin|alors|ensuite|aussitôt|finalement)\s+(?=\S)",
    re.IGNORECASE,
)
# what an active verb was done to, when it is one noun after its article: "ont intégré une
# crèche", "ont trouvé un emploi" (not "... à la", a complement, nor a figure)
_OBJECT = re.compile(
    r"\s*(?:(?:une?|la|le)\s+|l['’]\s*)[a-zéèêàâç][\wéèêàâç-]{2,}(?=\s*(?:[,.;:)]|\s(?:ou|et|en|dans|pour"
    r"|chez|à|au|aux|depuis|grâce)\b|$))",
    re.IGNORECASE,
)
_CLAUSE_ENDS = re.compile(r"[,.;:()!?]")
_SAID_THAT = re.compile(r"\s*qu(?:e\s|['’])")
_SAYING = frozenset(
    {"confirmer", "indiquer", "déclarer", "estimer", "répondre", "affirmer", "souligner",
     "exprimer", "juger", "considérer", "dire", "expliquer", "préciser", "rappeler",
     "signaler", "constater", "reconnaître", "penser", "trouver"}
)  # fmt: skip
_OBJECT_ARTICLES = frozenset({"un", "une", "la", "le", "l'", "l’"})
_OBJECT_WORDS = 10
_LOCUTION = re.compile(
    r"\s*(?:en\s+(?:œuvre|place|service|ligne)|à\s+(?:jour|disposition)|part|lieu|appel)\b"
)  # "mis en œuvre", "pris part"


_PUT = frozenset({"mise", "mises", "remise", "remises"})
# the nouns of a stretch of time: "sur l'année", "Sur les 12 derniers mois", "dans les
# semaines suivantes" say when, never where, what of or of what whole
TIME_NOUNS = frozenset(
    {"an", "année", "mois", "semaine", "jour", "journée", "trimestre", "semestre", "heure",
     "décennie", "période", "saison", "exercice"}
)  # fmt: skip
TIME_WORDS = "|".join(sorted(TIME_NOUNS, key=len, reverse=True))
# where a passive's act took place, a common noun and its adjectives closing the clause:
# "(produits) et délivrés chaque année dans les collèges publics"
_DONE_WHERE = re.compile(
    r"(?P<also>\s+et\s+[a-zéèêàâç]+(?:é|ée|és|ées|i|ie|is|ies))?"
    r"(?:\s+chaque\s+(?:année|an|mois|semaine|jour))?"
    r"\s+(?P<where>(?:dans|sur)\s+(?:(?:les|le|la)\s+|l['’]\s*)"
    rf"(?!(?:(?:{TIME_WORDS})s?"
    r"|prochaine?s?|foulée|meilleure?s?|cadre"
    r"|limite|mesure|temps|délais?)\b)[a-zéèêàâç][\wéèêàâç’'-]*"
    r"(?:\s+(?!(?:et|ou|pour|afin|qui|que|dont|avec|par|de|du|des|en|à|au|aux)\b)"
    r"[a-zéèêàâç][\wéèêàâç’'-]*){0,2})(?=\s*(?:[,.;:!?()]|$))",
    re.IGNORECASE,
)


# the words a line opens with before its colon: "Mesures jeunesses : 2,55 millions €"
# (an ellipsis inside a quoted name: "« Le point sur... » : 11 éditions")
_LINE_HEADING = re.compile(r"^\s*(?P<words>(?:[^:;.]|\.\.\.(?=\s*»)){3,90}?)\s*:\s")
# a frame a heading may open with: "Parmi les exemples, la commune de La Capelle : ..."
_FRAME_OPENING = re.compile(
    r"^\s*(?:parmi\s+(?:les|ces|nos)\s+exemples|par\s+exemple|autre\s+exemple|ainsi|enfin)\s*,\s*",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^()]*\)")


def line_heading(text: str) -> tuple[str, int]:
    """The words a line opens with before its colon, without their asides in brackets or an
    opening frame ("Parmi les exemples, la commune de La Capelle : ..." → "la commune de La
    Capelle"), and where in `text` the heading's words end; ("", -1) for no heading."""
    heading = _LINE_HEADING.match(text)
    if heading is None:
        return "", -1
    words = _FRAME_OPENING.sub("", _ASIDE.sub("", heading["words"])).split()
    return " ".join(words), heading.end("words")


# "au total", "en tout" after a figure: no noun of its own ("..., soit 300 au total")
IN_ALL_AFTER = re.compile(r"[\s*]*(?:au\s+total|en\s+tout)\b", re.IGNORECASE)
_IN_ALL_CLOSING = re.compile(rf"^{IN_ALL_AFTER.pattern}(?=\s*(?:[,.;:)!?]|$))", re.IGNORECASE)


def phrase_after(text: str) -> str:
    """The noun phrase right after a figure ("de repas qui sont produits" → "repas produits");
    none in "au total", "en tout" ("..., soit 300 au total")."""
    words = _words(_IN_ALL_CLOSING.sub("", text, count=1))
    out: list[str] = []
    i = 0
    while i < len(words) and words[i].lower().strip("'’") in {"de", "d"} and not out:
        i += 1  # "6,8 millions de repas", "une cinquantaine d'agents"
    start = i
    while i < len(words) and len(out) < MAX_WORDS:
        word = words[i]
        lower = word.lower().strip("'’")
        if word == "«" and out and (named := _quoted_name(words, i)):
            # "2 randonnées découvertes « Marchons sur le canal »": its name, whole
            out.append(re.sub(r"\s+(?=[.…,])", "", " ".join(named)))  # "« Sto lat ! »" kept
            i += len(named)
            continue
        if not word[:1].isalpha():
            break
        following = words[i + 1].lower().strip("'’") if i + 1 < len(words) else ""
        then = words[i + 2] if i + 2 < len(words) else ""
        acting = lower.endswith("ant") and (
            (following in _DETERMINERS and then[:1].isalpha())
            or following.startswith(("l'", "l’"))  # "fréquentant l'établissement"
        )
        if i > start and out and is_verb(word) and acting and not is_verb(words[i - 1]):
            out.append(word)  # "75 élèves fréquentant l'établissement": what they do
            i += 1
            continue
        elided_stop = lower in {"d'entre", "d’entre"} or lower.startswith(("jusqu'", "jusqu’"))
        # "appel à projets": one noun (not "8 ateliers à Arras")
        compound = lower == "à" and out and out[-1].lower().strip("'’").endswith(_WITH_A)
        # "13 dates du car podium": after its article, "car" is a noun
        compound = compound or (
            lower == "car" and i > start and words[i - 1].lower() in {"du", "le", "un"}
        )
        # "28 quartiers en difficultés", "12 jeunes en mission de service civique": a state
        compound = compound or (lower == "en" and bool(out) and following in _STATES)
        # "travaux de mise aux normes", "la mise en place": one noun with its preposition
        # (not once the phrase went on with "et": "guides et de la mise en œuvre")
        compound = compound or (
            lower in {"à", "aux", "en"}
            and bool(out)
            and out[-1].lower() in _PUT
            and "et" not in (w.lower() for w in out)
        )
        # "20 entretiens sur le terrain avec des maires": where, part of what is counted
        compound = compound or (
            lower == "sur" and bool(out) and bool(_ON_THE_GROUND.match(f" sur {following} {then}"))
        )
        # "2 journées d'échanges avec les partenaires": whom with, part of what is counted
        compound = compound or (
            lower == "avec"
            and 0 < len(_ON_THE_GROUND.sub("", " ".join(out)).split()) <= _WITH_WHOM
            and not is_participle(out[-1])  # "familles accompagnées avec le soutien de"
            and _whom(words, i)
        )
        if (lower in _STOPS and not compound) or elided_stop or (i > start and is_verb(word)):
            break
        names = (  # "du Boulonnais et du Calaisis": two names, one complement
            i + 2 < len(words)
            and words[i - 1][:1].isupper()
            and following in {"du", "de", "des"}
            and words[i + 2][:1].isupper()
        )
        if (
            lower == "et"
            and not names
            and (
                following in _DETERMINERS
                or following.startswith(("l'", "l’", "d'", "d’"))
                or following.endswith("ant")
                or (following and (is_verb(following) or is_participle(following)))
            )
        ):
            break  # "3 pactes et engageant ...", "7 dates et un spectacle": another clause
        # "210 km de l'itinéraire": after "de", "l'" opens a noun (not "l'a", a verb)
        of_the = i == start and i and lower.startswith(("l'", "l’")) and len(lower) > 2
        if i == start and (lower in _LEADING or (is_verb(word) and not of_the)):
            return ""
        out.append(word)
        i += 1
    out = _clip(out)
    if not out:
        return ""
    rest = " ".join(_ADVERBS.sub(" ", " ".join(words[i:])).split())  # "ont ainsi été réunis"
    active = re.match(r"\s*(?:qui\s+)?(?:ont|a|avaient|avait)\s+(?!été\b)", rest, re.IGNORECASE)
    participle = _auxiliary_participle(out[0], rest, active=active is not None)
    if (
        participle
        and _PARTICIPLE.search(participle["participle"].lower())
        and not (
            lemma(participle["participle"]) in _SAYING and _SAID_THAT.match(rest, participle.end())
        )
        # "2 journées ... ont permis de réfléchir": an infinitive's clause, no state of theirs
        and not (active and _PERMITTED_TO.match(rest, participle.start("participle")))
    ):  # not "1 500 répondants ont confirmé que ...": what they said, not what they did
        # "aidants qui ont participé": what they did, "aidants ayant participé"
        out.extend(["ayant", participle["participle"]] if active else [participle["participle"]])
        out.extend(_what_was_done(rest, participle.end(), active=active is not None))
    return _join(out)


def _what_was_done(rest: str, at: int, *, active: bool) -> list[str]:
    """The words after a label's participle (ending at `at` in `rest`) that say what was
    done: a locution ("mis en œuvre"), an active verb's object ("ayant intégré une crèche",
    "... une crèche ou une place chez une assistante maternelle", whole when its clause ends
    on it), a passive's place closing its clause ("produits et délivrés chaque année dans
    les collèges publics")."""
    locution = _LOCUTION.match(rest, at)  # "mis en œuvre"
    if locution:
        return [locution.group(0).strip()]
    if active:
        whole = _CLAUSE_ENDS.split(rest[at:], maxsplit=1)[0].split()
        short = len(whole) <= _OBJECT_WORDS and not any(c.isdigit() for c in "".join(whole))
        done_to = _OBJECT.match(rest, at)
        if short and whole and whole[0].lower() in _OBJECT_ARTICLES:
            return whole
        return done_to.group(0).split() if done_to is not None else []
    where = _DONE_WHERE.match(rest, at)
    if where is not None:
        return f"{where['also'] or ''} {where['where']}".split()
    # "4 rencontres se sont tenues avec Pas-de-Calais habitat, ...": with whom
    partner = _DONE_WITH.match(rest, at)
    words = partner["with"].split() if partner is not None else []
    return words if len(words) > 1 and (words[1][:1].isupper() or _whom(words, 0)) else []


# whom a passive's deed was done with, a name: "tenues avec Pas-de-Calais habitat"
_DONE_WITH = re.compile(
    r"\s+(?P<with>avec\s+(?:(?:les|le|la)\s+|l['’]\s*)?[A-ZÉÈ][^,.;:()]{1,40}?)"
    r"(?=\s*(?:[,.;:!?()]|$)|\s(?:en|et|pour|afin|dans|sur|le|les)\s)",
)


def _whom(words: list[str], at: int) -> bool:
    """ "avec les partenaires", "avec la médiathèque de ...": the "avec" at `words[at]` opens
    whom something was done with, not an act or a means it came with ("avec la création d'un
    ...", "avec le soutien de")."""
    following = words[at + 1] if at + 1 < len(words) else ""
    if following.lower().startswith(("l'", "l’")) and len(following) > 2:
        noun = following[2:]
    elif following.lower() in _DETERMINERS and at + 2 < len(words):
        noun = words[at + 2]
    else:
        return False
    return is_partner(noun)


# who something is done with: "avec les partenaires", "avec la médiathèque de ...", "avec la
# CAF" (not "avec le soutien de l'État", "avec une hausse de 8 %", "avec un total de")
_PARTNER_WORDS = """partenaire médiathèque bibliothèque association acteur commune structure
    maire famille parent jeune élu habitant service établissement collège école lycée bailleur
    entreprise professionnel agent équipe accueillant usager bénéficiaire enfant élève mission
    direction ville club fédération comité mairie centre institution organisme opérateur
    département région intercommunalité université chercheur artiste bénévole citoyen"""
_PARTNERS = frozenset(_PARTNER_WORDS.split())


def is_partner(noun: str) -> bool:
    """A noun that names whom something was done with: a name or an acronym ("la CAF",
    "Pas-de-Calais Actif"), or a person, body or place of the kind (`_PARTNERS`)."""
    if noun[:1].isupper():
        return True
    return lemma(noun.lower()) in _PARTNERS


def _quoted_name(words: list[str], at: int) -> list[str]:
    """The name between guillemets that opens at `words[at]`, guillemets included, when it
    closes within a few words and holds no number; [] otherwise."""
    try:
        close = words.index("»", at + 1, at + _QUOTED_NAME_WORDS + 2)
    except ValueError:
        return []
    inside = words[at + 1 : close]
    if not inside or "«" in inside or any(c.isdigit() for w in inside for c in w):
        return []
    return words[at : close + 1]


_QUOTED_NAME_WORDS = 6  # the longest name a label takes whole after its noun


def _auxiliary_participle(noun: str, rest: str, *, active: bool) -> re.Match[str] | None:
    """The auxiliary and participle that open `rest`, when they say what happened to the
    noun before: not a singular auxiliary after a plural noun ("une aire de 49 places VL a
    été réalisée": the aire was), nor a reflexive that says no state ("se sont rendues")."""
    participle = _AUXILIARIES.match(rest)
    if participle is None or (not active and not _agrees(noun, participle.group(0))):
        return None
    masculine = participle["participle"].lower().rstrip("s")
    if participle["reflexive"] and not {masculine, masculine[:-1]} & BECAME:
        return None  # "se sont rendues", "se sont partagé 6 950 €": no state of theirs
    return participle


def _agrees(noun: str, passive: str) -> bool:
    """A passive verb whose auxiliary may have the counted noun as its subject: "(places)
    qui sont réalisées", "(repas) ont été produits"; not a singular auxiliary after a plural
    noun ("une aire de 49 places VL a été réalisée": the aire was), nor the reverse. A name
    or an acronym ("CER", "Ehpad") says no number."""
    if noun[:1].isupper():
        return True
    auxiliary = re.match(r"\s*(?:qui\s+)?(?:se\s+|s['’]\s*)?(\w+)", passive)
    plural_verb = auxiliary is not None and auxiliary[1].lower() in _PLURAL_AUXILIARIES
    plural_noun = noun.lower().endswith(("s", "x", "z"))
    return plural_verb == plural_noun


_PLURAL_AUXILIARIES = frozenset({"ont", "sont", "seront", "avaient", "étaient"})
# a finite auxiliary: words that hold one are a clause, not a title or a noun phrase
FINITE_AUXILIARY = re.compile(r"\b(?:ont|a|sont|est|avait|avaient|était|étaient)\b(?![’'-])")


def phrase_before(text: str) -> str:
    """The noun phrase a figure is the amount of, read backwards from the figure ("dont
    l'investissement s'élève à" → "investissement"; "les besoins d'emprise évaluée à" →
    "besoins d'emprise")."""
    pieces = re.split(r"[,;:.()!?«»]|\s(?:dont|soit|et|qui|que)\s", text)
    clause = _LINK_BEFORE.sub("", pieces[-1]).strip()
    if not clause and len(pieces) > 1 and _APPOSED.match(pieces[-1]):
        # "les besoins d'emprise, évalués à": the participle is of the phrase before it
        clause = pieces[-2].strip()
    words = _words(clause)
    out: list[str] = []
    for word in reversed(words):
        lower = word.lower().strip("'’")
        if not word[:1].isalnum() or is_verb(word):
            break
        if lower in _STOPS and lower not in _INNER:
            break
        out.insert(0, word)
        if len(out) >= MAX_WORDS:
            break
    opened = [
        n
        for n, w in enumerate(out)
        if n
        and w.lower().strip("'’") in _ARTICLES
        and (out[n - 1].lower().endswith(("ment", "ant")) or is_participle(out[n - 1]))
    ]
    if opened:  # "couvrant globalement les besoins d'emprise": the phrase opens on "les"
        out = out[opened[-1] :]
    while out and (out[0].lower().strip("'’") in _LEADING or out[0].lower() in _INNER):
        out = out[1:]
    framed = len(out) > 2 and out[0].lower() in _FRAME_NOUNS
    elided = len(out) > 2 and out[2].lower().startswith(("l'", "l’"))  # "de l'opération"
    if framed and (
        _OF_WORD.match(out[1]) or (out[1] == "de" and (out[2].lower() in _ARTICLES or elided))
    ):
        out = out[2:]  # "dans le cadre d'une opération de": the operation, not its frame
        # (not "cadre de vie", "cours d'eau")
        while out and out[0].lower().strip("'’") in _LEADING:
            out = out[1:]
    out = _clip(out)
    return COUNTING_END.sub("", _join(out))  # "les agents de CER comptant pour 145"


# a participle that only says the figure after it counts them: "comptant pour 145"
COUNTING_END = re.compile(r"\s+(?:comptant|représentant|totalisant)$", re.IGNORECASE)


# the nouns of a locution that frames a phrase: "dans le cadre de", "au titre de", "à
# l'occasion de", "au cours de", "au sein de"
_FRAME_NOUNS = frozenset({"cadre", "titre", "occasion", "cours", "sein", "terme"})
_OF_WORD = re.compile(r"^(?:du|des|d['’]une?)$", re.IGNORECASE)


def _join(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r"\b([dlDL])['’]\s+", r"\1'", text)
    text = re.sub(r"^(?:[dlDL]')", "", text)
    return text.strip()


def is_noun_phrase(label: str) -> bool:
    """A label an analyst can read: at least one content word that is not a lone function
    word, unit, number or punctuation."""
    words = [w for w in _words(label) if w[:1].isalpha()]
    content = [w for w in words if w.lower().strip("'’") not in _LEADING | _STOPS]
    return bool(content) and not all(len(w) <= 2 for w in content)


def reads_as_label(label: str) -> bool:
    """A label that names what is counted: a noun phrase, not a clause that opens or closes
    on its verb ("Sont des communes", "Total des fonds conservés atteint") or holds a copula
    ("Inscrits sur MonJob62 sont au nombre"), nor only when ("An passé"), nor who did what
    the figure counts ("Département ayant versé", "Entreprises ayant remporté")."""
    words = without_verb(label).split() if is_noun_phrase(label) else []
    # a word after an elided article is a noun: "de l'été", "d'usure"
    verbs = [
        (is_verb(w) and not re.match(r"[ld]['’]", w, re.IGNORECASE))
        or bool(re.match(r"s['’]\w", w, re.IGNORECASE))  # "s'élève"
        for w in words
    ]
    return (
        bool(words)
        and not verbs[0]
        and not verbs[-1]
        # "Demandes font l'objet d'un suivi": a clause ("Enfants ayant bénéficié d'un
        # bilan", "Demandes portant sur des questions" are phrases)
        and not (len(verbs) > 2 and verbs[1] and not words[1].lower().endswith("ant"))
        # "Répartis", "Réunies" (not "Salariés", "Chaussées": nouns too)
        and not (len(words) == 1 and is_participle(words[0]) and words[0].endswith(_ONLY_DONE))
        and not _WHEN_ALONE.match(re.sub(r"\s*\([^)]*\)", "", label))
        and not _SAYS_NOTHING.match(label)  # "Nombre", "Reprises": of what? "Laquelle ..."
        and not _COPULA.search(" ".join(words))  # "Inscrits sur MonJob62 sont au nombre"
        and not _NOT_A_PHRASE.search(label)
        and not _DONE_BY.search(label)
    )


_ONLY_DONE = ("is", "ies", "ise", "ises")
_SAYS_NOTHING = re.compile(
    r"^\s*(?:(?:nombre|total|montant|volume|chiffre|reprises|fois|hauteur|respectivement)\s*$"
    r"|.+\s(?:porte|portent)\s*$"  # "Gestion porte" (sur 6 420 ha): a clause cut on its verb
    r"|(?:laquelle|lequel|lesquel(?:le)?s|auquel|auxquel(?:le)?s|dont|qui|que)\b"  # a relative
    r"|(?:d['’]\s*)?entre\s+(?:eux|elles)\b)",  # "(52 %) d'entre eux": of the figure before
    re.IGNORECASE,
)
# a clause, not a noun phrase: "l'accompagnement se voit doté" (not "Communes s'engageant");
# a phrase cut on "de"
_NOT_A_PHRASE = re.compile(
    r"\bs(?:e\s+|['’])(?!\w+ant\b)\w|\s(?:de|d['’]|du|des|à|au|aux|pour|sur|par|en)$"
    # "Abonnés et en compte désormais": a clause of its own (not "en formation et en ...")
    r"|\bet\s+en\s+(?:compte|comptent|a|ont|est|sont|dénombre|recense|totalise)\b"
    r"|(?:^|:\s*)[)\]]",  # ") allé à une entreprise": the end of an aside
    re.IGNORECASE,
)
# a figure labelled by who did what it counts: "Département ayant versé", "Mesures
# jeunesses ayant bénéficié", "Entreprises ayant remporté" (the figure is the verb's
# object, left out); not "Loyers ayant coûté", whose figure the loyers are
_DONE_BY = re.compile(r"\bayant\s+(?!coûté|représenté|atteint|totalisé)\w+$", re.IGNORECASE)


_COPULA = re.compile(r"\s(?:sont|est|étaient|était)\s", re.IGNORECASE)


def says_as_much(label: str, other: str) -> bool:
    """`label` names what `other`, a clause, named: the content words of `other` that are
    no verb ("Total des fonds conservés atteint": total, fonds, conservés) are, but for one,
    in `label`; a label that only said when ("An passé") said nothing."""
    from pipelines.extract.concepts import lemmas

    if _WHEN_ALONE.match(other):
        return True
    theirs = set(lemmas(" ".join(w for w in other.split() if not is_verb(w)))) - _WHEN_WORDS
    return len(theirs - set(lemmas(label))) <= (1 if len(theirs) > 2 else 0)


_WHEN_WORDS = frozenset(
    {"an", "annee", "passe", "passer", "dernier", "precedent"}
)  # as `lemmas` spells them


# a label that only says when: "An passé", "l'année précédente"
_WHEN_ALONE = re.compile(
    r"^\s*(?:l['’]\s*)?(?:an|année)s?\s+(?:passée?|dernière?|précédente?)\s*$", re.IGNORECASE
)


def opening_phrase(text: str) -> str:
    """The noun phrase a clause opens with, its determiners dropped ("le nettoyage complet
    des façades du collège" → "nettoyage complet des façades du collège")."""
    words = _words(text)
    while words and words[0].lower().strip("'’") in _LEADING:
        words = words[1:]
    phrase = phrase_after(" " + " ".join(words)) if words else ""
    last = phrase.split()[-1] if phrase else ""
    if len(phrase.split()) < 2 or not is_participle(last):
        return phrase
    # "réflexion portée" + "sur l'extension du périmètre": a participle with its complement
    at = text.find(f" {last}")
    tail = _COMPLEMENT.match(text, at + len(last) + 1) if at >= 0 else None
    whole = f"{phrase} {' '.join(tail['complement'].split())}" if tail else ""
    return whole if tail and len(whole.split()) <= _WITH_COMPLEMENT else phrase


def frame_phrase(text: str) -> str:
    """The noun phrase a frame opens with (`opening_phrase`), without a participle its date
    follows: "la démarche du projet de mandat initiée en 2022" → "démarche du projet de
    mandat" (a frame names what it is, not when it began)."""
    phrase = opening_phrase(text)
    words = phrase.split()
    if len(words) > _FRAME_WORDS and words[-1].lower() in {"début", "fin", "courant"}:
        words = words[:-1]  # "plan de relance lancé début 2022": "début" is the date's
    at = text.find(f" {words[-1]}") if len(words) > _FRAME_WORDS else -1
    if at >= 0 and is_participle(words[-1]) and _WHEN_AFTER.match(text, at + len(words[-1]) + 1):
        return " ".join(words[:-1])
    return phrase


_FRAME_WORDS = 2  # the shortest frame a participle may be taken from: "démarche initiée" stays


# when, right after a participle: what it says is a date, not what the phrase is
_WHEN_AFTER = re.compile(
    rf"\s+(?:en|depuis|dès|fin|début|courant)\s+(?:(?:19|20)\d\d|{MONTHS})\b",
    re.IGNORECASE,
)


def coordinated_phrase(text: str) -> str:
    """The noun phrase a clause opens with, with the one it is coordinated to when the two
    make the whole clause ("l'insertion et l'emploi" → "insertion et emploi"); else the
    first alone ("les collèges et les agents ont été mobilisés", a clause, → "collèges")."""
    first = opening_phrase(text)
    parts = re.split(r"\s+et\s+", text.strip(), maxsplit=1)
    if len(parts) < 2 or not first or FINITE_AUXILIARY.search(parts[1]):
        return first
    phrases = [opening_phrase(part) for part in parts]
    whole = all(
        phrase and _elided_word(_words(part)[-1]) == _elided_word(phrase.split()[-1])
        for part, phrase in zip(parts, phrases, strict=True)
    )
    return " et ".join(phrases) if whole and all(map(is_noun_phrase, phrases)) else first


def spent_label(before: str, after: str, *, listed: bool = False) -> str:
    """An amount its sentence says was spent, named by the spending: when the Département
    spent it, with what on ("le Département a consacré 3 M€ à la rénovation des collèges" →
    "montant consacré : rénovation des collèges") or what for ("Pour moderniser le réseau
    routier, le Département a investi 25,2 M€" → "montant investi pour moderniser le réseau
    routier"), the payer no part of the label; when its subject is what it went to ("Les
    chaussées ont mobilisé 38,37 M€", or any subject but an agent in a list item, `listed`),
    of that subject; when another payer spent it, by that payer ("Les communes ont investi
    3 M€" → "montant investi par les communes"); "" otherwise."""
    spent = _PAYER_SPENT.search(before)
    passive = _SPENT_PASSIVE.match(after)
    fronted = _FRONTED_PURPOSE.search(before) if passive is not None else None
    if spent is None and fronted is not None and passive is not None:
        # "Pour la gestion patrimoniale du réseau, 48,02 M€ ont été engagés"
        what = " ".join(fronted["what"].split())
        clause = _RELATIVE.search(what) or any(is_verb(w) for w in what.split()[1:])
        clause = clause or any(lemma(w.lower()) in TIME_NOUNS for w in what.split())
        if is_noun_phrase(what) and len(what.split()) <= _PURPOSE_WORDS and not clause:
            return f"montant {singular_participle(passive['done'])} : {what}"
    if spent is None:
        by = _SPENT_BY_WHAT.search(before)
        if by is not None and not listed and by["done"].lower() not in _COST_VERBS:
            by = None  # "Les usagers ont versé": a payer, said below
        what = opening_phrase(by["what"]) if by is not None else ""
        if by is not None and is_noun_phrase(what):
            return f"montant {by['done'].lower()} : {what}"
        paid = _SPENT_BY_OTHER.search(before)  # "Les communes ont investi 3 M€"
        paid = None if paid is not None and paid["done"].lower() in _COST_VERBS else paid
        who = " ".join(paid["who"].split()) if paid is not None else ""
        who = who[:1].lower() + who[1:]  # "Les communes": "par les communes"
        return f"montant {paid['done'].lower()} par {who}" if paid and is_noun_phrase(who) else ""
    done = spent["done"].lower()
    towards = _SPENT_ON.match(after)
    what = opening_phrase(towards["what"]) if towards is not None else ""
    if is_noun_phrase(what):
        return f"montant {done} : {what}"
    purpose = _SPENT_FOR.search(before[: spent.start()])
    if purpose is not None and len(purpose["what"].split()) <= _PURPOSE_WORDS:
        return f"montant {done} pour {' '.join(purpose['what'].split())}"
    return f"montant {done}"


def spent_after(after: str) -> str:
    """An amount its passive verb says was spent, named by what on or what for, said after
    it: "ont été consacrés à la gestion patrimoniale" → "montant consacré : gestion
    patrimoniale", "ont été investis pour moderniser le réseau routier" → "montant investi
    pour moderniser le réseau routier"; "" otherwise."""
    passive = _SPENT_PASSIVE.match(after)
    if passive is None:
        return ""
    done, rest = singular_participle(passive["done"]), after[passive.end() :]
    towards = _SPENT_ON.match(rest)
    what = opening_phrase(towards["what"]) if towards is not None else ""
    if is_noun_phrase(what):
        return f"montant {done} : {what}"
    clause = re.split(r"[,;:.]", rest, maxsplit=1)[0]  # "pour moderniser ..., dont :"
    purpose = _SPENT_FOR.search(f". {clause.strip()}")
    if purpose is not None and len(purpose["what"].split()) <= _PURPOSE_WORDS:
        return f"montant {done} pour {' '.join(purpose['what'].split())}"
    return ""


# the Département named as a body: "le Département (du Nord)", "le Conseil départemental",
# "la collectivité (départementale)"
DEPARTEMENT_NAMED = (
    r"(?:(?:le\s+)?(?:Département|Conseil\s+départemental)|(?:la\s+)?collectivité"
    r"(?:\s+départementale)?)(?:\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?-i:[A-ZÉ])[\w'’-]*"
    r"(?:[\s-]+(?:d['’])?(?-i:[A-ZÉ])[\w'’-]*)*)?"
)
_PAYERS = rf"(?:{DEPARTEMENT_NAMED}|il|elle)"
SPENT_VERBS = (
    r"investi|consacré|versé|mobilisé|engagé|alloué|attribué|accordé|apporté|dépensé|injecté"
    r"|débloqué|octroyé|réservé|affecté"
)
# an amount its clause says was spent, after it: "48,02 M€ ont été engagés"
_SPENT_PASSIVE = re.compile(
    rf"[\s*]*(?:ont|a)\s+été\s+(?P<done>(?:{SPENT_VERBS})(?:e?s)?)\b", re.IGNORECASE
)
_RELATIVE = re.compile(r"\b(?:que|qui|qu['’]|dont|où)\b", re.IGNORECASE)
# the purpose a clause opens on before the amount: "Pour la gestion patrimoniale de ..., "
_FRONTED_PURPOSE = re.compile(
    r"(?:^|[.;]\s)\s*[\s*-]*pour\s+(?:(?:la|le|les)\s+|l['’]\s*)(?P<what>[^,.;:()]{3,120}?)\s*,[\s*]*$",
    re.IGNORECASE,
)
_PAYER_SPENT = re.compile(
    rf"(?:^|[,;:]\s*|\s)(?<![\w'’-]){_PAYERS}\s+(?:y\s+)?(?:a|avait|aura)\s+"
    rf"(?:(?:ainsi|également|aussi|déjà|notamment)\s+)?(?P<done>{SPENT_VERBS})"
    r"(?:\s+(?:plus\s+de|près\s+de|environ))?[*\s]*$",
    re.IGNORECASE,
)
# another payer, named with its article: "Les communes ont investi", "L'État a versé"
# a verb whose subject is what the money went to, never who paid: "les travaux ont mobilisé"
_COST_VERBS = frozenset({"mobilisé"})
_SPENT_BY_OTHER = re.compile(
    rf"(?:^|[.;:,]\s)[-◆⇒*\s]*(?P<who>(?:(?:les|la|le)\s+|l['’]\s*)(?!\s)[^,;:\d]{{2,50}}?)\s+"
    rf"(?:ont|a)\s+(?:(?:ainsi|également|aussi|déjà|notamment)\s+)?(?P<done>{SPENT_VERBS})"
    r"[*\s]*$",
    re.IGNORECASE,
)
_AGENTS = (
    r"communes?|villes?|partenaires?|associations?|entreprises?|structures?|EPCI|"
    r"intercommunalités?|départements?|collectivités?|acteurs?|porteurs?|financeurs?|bailleurs?"
)
# a subject that is what the money went to, not who gave it (no capitalised body, no
# agent: "Les communes ont investi", "Les partenaires ont apporté" are payers)
_SPENT_BY_WHAT = re.compile(
    rf"(?:^[-◆⇒*\s]*|[,;:]\s*)(?!{_PAYERS}\b)(?P<what>(?:(?:les|la|le)\s+|l['’]\s*)(?!\s)(?-i:(?![A-ZÉ]))(?!(?:{_AGENTS})\b)"
    rf"[^,;:]{{2,60}}?)\s+(?:ont|a)\s+(?P<done>{SPENT_VERBS})[*\s]*$",
    re.IGNORECASE,
)
# what the amount went to, after it (not "dans le cadre de", "au total", "au titre de" ...)
_SPENT_ON = re.compile(
    r"^[*\s]*(?:HT\s+|TTC\s+)?(?:(?:à\s+la|aux|au|pour\s+(?:les?|la|des)|dans\s+(?:les?|la))\s+"
    r"|(?:à|pour|dans)\s+l['’]\s*)(?!\s)(?!(?:cadre|total|cours|titre|terme|sein|niveau|profit"
    r"|bénéfice|période|années?|an|moins|plus|suite|occasion|service|fin|ensemble|même)\b)"
    r"(?P<what>[^,.;:()]{3,100})",
    re.IGNORECASE,
)
# a fronted purpose in an infinitive: "Pour moderniser et sécuriser le réseau routier,"
_SPENT_FOR = re.compile(
    r"(?:^|[.;]\s)[-◆⇒*\s]*pour\s+(?!(?:notre|votre|leur|autre|mémoire|cette)\b)"
    r"(?P<what>(?:s['’]|se\s+)?[a-zéèêàâçîô]+(?:er|ir|re)\b[^,;:.]{0,100}?)[\s,]*$",
    re.IGNORECASE,
)
_PURPOSE_WORDS = 10


def _elided_word(word: str) -> str:
    """A word without its elided article or preposition ("l'emploi" → "emploi")."""
    return re.sub(r"^\w['’]", "", word)


# what a participle that ends a phrase is said of: "liée au Canal Seine-Nord Europe"
_COMPLEMENT = re.compile(
    r"\s+(?P<complement>(?:(?:à|au|aux|sur|par|pour|de|du|des)\s|d['’])\s*[^,;:.()«»\d]{2,60}?)"
    r"(?=\s*(?:[,;:.()«]|$)|\s(?:et|afin|dont|qui|que|à\s+l['’]horizon|en\s+\d)\b)",
    re.IGNORECASE,
)
_WITH_COMPLEMENT = 9


# a word in the form of a past participle: "accompagnés", "réunies", "construits"
PARTICIPLE_FORM = r"[\wéèêàâç-]+(?:é|és|ée|ées|is|ies|us|ues|ts|tes)\b"
_PASSIVE = re.compile(r"\s+(?:ont|a|avaient|avait)\s+été\s+", re.IGNORECASE)
_STATE = re.compile(
    rf"\s+(?:se\s+)?(?:sont|est)\s+(?={PARTICIPLE_FORM})",
    re.IGNORECASE,
)
_ACTIVE = re.compile(r"\s+(?:ont|a)\s+(?=[\wéèêàâç-]+(?:é|i|u|is|it|int)\b)", re.IGNORECASE)
_WERE_WORTH = re.compile(
    # "secours d'urgence, au nombre de 6 402, ont représenté": neither says what they are
    r"(?:\s+au\s+nombre(?:\s+de)?)?\s+ayant\s+(?:représenté|atteint|totalisé)\s*$",
    re.IGNORECASE,
)


def without_verb(label: str) -> str:
    """A label as a noun phrase: "Réponses au questionnaire ont été collectées" → "Réponses au
    questionnaire collectées"; "Enfants ont bénéficié d'un bilan" → "Enfants ayant bénéficié
    d'un bilan"."""
    text = _PASSIVE.sub(" ", label)
    text = _STATE.sub(" ", text)
    text = _ACTIVE.sub(" ayant ", text)
    # "coups de pouce compétence ont représenté" (0,35 M€): what they were, not a deed
    # ("Loyers ayant coûté" stays: what the amount cost)
    worth = _WERE_WORTH.sub("", text)
    text = worth if worth.split(":")[-1].strip() else text  # not "montant :" left alone
    words = text.split()
    if len(words) > 2 and lemma(words[1]) not in {"être", "avoir"} and is_verb(words[1]):
        # "Personnes bénéficient de l'APA" → "Personnes bénéficiant de l'APA"
        words[1] = present_participle(words[1]) or words[1]
    while words and words[-1].lower().strip("'’") in _INNER | {"aux", "au", "pour", "avec"}:
        words = words[:-1]
    return " ".join(words) if words else label


def present_participle(verb: str) -> str:
    """ "bénéficient" → "bénéficiant", "siègent" → "siégeant", "font" → "faisant",
    "perçoivent" → "percevant", "réussissent" → "réussissant"; "" for a verb whose
    participle the rules below do not know."""
    base = lemma(verb)
    if base in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[base]
    if base.endswith("er") and base != "er":
        stem = base[:-2]
        if stem.endswith("g"):
            stem += "e"  # "siéger" → "siégeant"
        elif stem.endswith("c"):
            stem = stem[:-1] + "ç"  # "placer" → "plaçant"
        return stem + "ant"
    for ending, participle in _PARTICIPLE_ENDINGS:
        if base.endswith(ending):
            return base[: -len(ending)] + participle
    if base.endswith("ir") and verb.lower().endswith(("issent", "issait")):
        return base[:-2] + "issant"  # a second-group verb: "réussissent" → "réussissant"
    return ""


# third-group verbs by their ending: "intervenir", "maintenir", "percevoir", "permettre",
# "comprendre", "produire", "construire", "inscrire", "atteindre", "rendre"
_PARTICIPLE_ENDINGS = (
    ("venir", "venant"), ("tenir", "tenant"), ("cevoir", "cevant"), ("mettre", "mettant"),
    ("prendre", "prenant"), ("struire", "struisant"), ("duire", "duisant"),
    ("crire", "crivant"), ("eindre", "eignant"), ("aindre", "aignant"),
    ("oindre", "oignant"), ("ouvrir", "ouvrant"), ("offrir", "offrant"), ("ndre", "ndant"),
    ("sentir", "sentant"), ("partir", "partant"), ("sortir", "sortant"), ("servir", "servant"),
    ("courir", "courant"), ("cueillir", "cueillant"),
)  # fmt: skip
_IRREGULAR_PARTICIPLES = {
    "faire": "faisant", "voir": "voyant", "pouvoir": "pouvant", "devoir": "devant",
    "dire": "disant", "suivre": "suivant", "vivre": "vivant", "mourir": "mourant",
    "être": "étant", "avoir": "ayant",
}  # fmt: skip


# the name of a length or an area before a colon: "Longueur : chaussée", "Surface : parc"
_LENGTH_OR_AREA = re.compile(r"^\s*(?:longueur|linéaire|surface)\s*:\s*", re.IGNORECASE)


def same_quantity_label(ours: str, theirs: str) -> bool:
    """Two labels name the same quantity, give or take words: their lemmas mostly agree, or
    the counted noun (first word) of one is in the other; the name of a length or an area
    ("Longueur : chaussée") is the unit's name, not the counted noun."""
    from rapidfuzz import fuzz

    from pipelines.extract.concepts import lemmas

    ours = _LENGTH_OR_AREA.sub("", ours)
    a, b = " ".join(lemmas(ours)), " ".join(lemmas(theirs))
    return fuzz.token_set_ratio(a, b) >= 70 or bool(a and b and a.split()[0] in b.split())


def singular_participle(text: str) -> str:
    """ "consacrés aux projets" → "consacré aux projets": the participle that follows
    "montant", in the masculine singular."""
    first, _, rest = text.partition(" ")
    if first.lower().endswith(("mis", "pris", "quis")):  # "permis", "pris", "acquis": as is
        return text
    endings: tuple[tuple[str, str], ...] = (
        ("ées", "é"),
        ("és", "é"),
        ("ée", "é"),
        ("ies", "i"),
        ("is", "i"),
        ("ues", "u"),
    )
    if len(first) > 4 and not first.lower().endswith(("clus", "dessus")):  # "inclus": as is
        endings += (("us", "u"),)  # "obtenus", "reçus"
    for ending, replacement in endings:
        if first.endswith(ending):
            first = first[: -len(ending)] + replacement
            break
    return f"{first} {rest}".strip()
