""" "Respectivement" lists: the k figures after the word are the k noun phrases before it.

"les aides à la diffusion de proximité et les saisons culturelles soutenues s'élèvent
respectivement à 81 et à 8": 81 counts the aides, 8 the saisons. "Reconstructions du pont
Valois à Guînes et du pont de la RD 33, pour respectivement 760 000 € et 985 000 €": the
second phrase is a complement ("du pont ...") and takes the first phrase's head noun
("Reconstructions du pont de la RD 33").

The phrases are read from the words: the clause before "respectivement" (from the last colon,
semicolon or sentence end), split at its commas and its "et" / "ou", the last k parts kept;
each part loses its article and, with the parse, the verb that closes it ("s'élèvent").
"""

from __future__ import annotations

import re

from pipelines.extract.parse import Parse
from pipelines.extract.phrases import LEADING_ARTICLE, is_noun_phrase
from pipelines.read.document import LIST_MARKERS

# each token followed by its own spaces only: no two `\s*` compete for one run of spaces
_RESPECTIVELY = re.compile(
    r"\b(?P<pour>pour\s+|de\s+)?respectivement(?:\s*,)?\s*(?:(?:à|de|d['’]|pour|en)\s+)?$",
    re.IGNORECASE,
)
# what may stand between two figures of the list: "81 et à 8", "760 000 €, 985 000 €"
_NEXT = re.compile(  # bold marks aside: "61 et **14**"
    r"^[\s*]*(?:(?:,|\bet\b|\bou\b)[\s*]*){0,2}(?:(?:à|de|d['’]|pour)\b[\s*]*)?$", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[:;.!?](?:\s|$)")
_PARTS = re.compile(r"\s*,\s*|\s+et\s+|\s+ou\s+", re.IGNORECASE)
_COMPLEMENT = re.compile(r"^(?:du|des|de\s+la|de\s+l['’]|de|d['’]|aux?|à\s+la|à)\s*", re.IGNORECASE)
# a verb that closes the clause when no parse says so: "s'élèvent", "sont", "représentent"
_VERB = re.compile(
    r"\s+(?:s['’]|se\s|sont\b|est\b|ont\b|a\b|représentent\b|atteignent\b|comptent\b)",
    re.IGNORECASE,
)


def respective_lists(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """The lists of figures (indices into `spans`, the figures' (start, end) in order) that
    follow a "respectivement"; a list has two figures or more."""
    lists: list[list[int]] = []
    i = 0
    while i < len(spans):
        if _RESPECTIVELY.search(text[: spans[i][0]]) is None:
            i += 1
            continue
        members = [i]
        while i + 1 < len(spans) and _NEXT.match(text[spans[i][1] : spans[i + 1][0]]):
            i += 1
            members.append(i)
        if len(members) > 1:
            lists.append(members)
        i += 1
    return lists


def respective_labels(text: str, first: int, count: int, parse: Parse | None) -> list[str]:
    """The `count` noun phrases the list whose first figure starts at `first` is of, in
    order; [] when the words before "respectivement" do not name as many."""
    word = _RESPECTIVELY.search(text[:first])
    if word is None:
        return []
    end = word.start()
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, end)), default=0)
    before_colon = not text[clause:end].strip() and text[:clause].rstrip().endswith(":")
    if before_colon:
        # "Clubs de haut niveau et clubs structurants, sportifs ... : respectivement 61 et
        # 14": the phrases are before the colon, one per comma
        end = text.rfind(":", 0, clause)
        clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, end)), default=0)
    words = LIST_MARKERS.sub("", text[clause:end]).strip(" ,")
    listed = [p for p in re.split(r"\s*[,;]\s*", words) if p.strip()]
    parts = [p for p in _PARTS.split(words) if p.strip()]
    if before_colon:
        parts = listed if len(listed) == count else []
    if len(parts) < count:
        return []
    parts = parts[-count:]
    closing = _closing_verb(text, clause, end, parts[-1], parse)
    if closing is not None:
        parts[-1] = parts[-1][:closing].strip()
    return _headed(parts, _COMPLEMENT)  # "et du pont de la RD 33": the head's complement


# what the phrases after a list open with: "respectivement 24 et 20 sur les territoires du
# Boulonnais et du Calaisis"
_AFTER_OPENS = re.compile(
    r"^[\s*]*(?:sur|à|au|aux|en|dans|pour|chez)\s+(?:(?:les|la|le|des)\s+|l['’]\s*)?",
    re.IGNORECASE,
)


def phrases_after(text: str, last: int, count: int) -> list[str]:
    """The `count` places or things a list whose last figure ends at `last` is of, said
    after it ("respectivement 24 et 20 sur les territoires du Boulonnais et du Calaisis" →
    "territoires du Boulonnais", "territoires du Calaisis"); [] when not as many."""
    opens = _AFTER_OPENS.match(text[last:])
    if opens is None:
        return []
    rest = text[last + opens.end() :]
    end = _CLAUSE_END.search(rest)
    words = re.split(r"\s*[,;(]\s*", rest[: end.start() if end else len(rest)])[0]
    parts = [p.strip() for p in _PARTS.split(words) if p.strip()]
    if len(parts) != count:
        return []
    parts = [_AFTER_OPENS.sub("", p) for p in parts]  # "à Arras et à Lens": "Lens"
    return _headed(parts, _OF)  # "et du Calaisis": the head's complement


def _headed(parts: list[str], complement: re.Pattern[str]) -> list[str]:
    """The phrases without their articles, a part that is only a complement taking the first
    part's noun; [] when one of them is no noun phrase."""
    head = LEADING_ARTICLE.sub("", parts[0].strip()).split()
    labels = []
    for part in parts:
        part = LEADING_ARTICLE.sub("", part.strip()).strip(" ,")
        if complement.match(part) and head:
            part = f"{head[0]} {part}"
        labels.append(part)
    return labels if all(is_noun_phrase(label) for label in labels) else []


_OF = re.compile(r"^(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*", re.IGNORECASE)


def _closing_verb(text: str, clause: int, end: int, last: str, parse: Parse | None) -> int | None:
    """Where, in the last phrase, the verb of the clause begins (None: it has none)."""
    start = text.rfind(last.strip(), clause, end)
    if parse is not None and start >= 0:
        for word in parse.within(start, start + len(last)):
            if (word.pos in {"VERB", "AUX"} and word.dep not in {"amod", "acl"}) or (
                word.dep.startswith("expl")
            ):
                return max(0, word.start - start)
    verb = _VERB.search(last)
    return verb.start() if verb else None
