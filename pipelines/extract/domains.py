"""An indicator's domain, from a short controlled vocabulary (`schemas/catalog/domains.yaml`).

The report's chapters say what a figure is about ("Les chiffres clés de l'autonomie", "MDS
du Calaisis"); so do the curated catalog's own domain names. The domain is the vocabulary
entry whose words best match those texts; a text that matches none is `general`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from schemas.catalog import Domain

FALLBACK = "general"


def folded(text: str) -> str:
    """Lowercase, without accents, words separated by single spaces ('_' is a space)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " ").lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w'-]+", " ", plain).split())


# a word this short is an acronym (cer, ess, apa, rsa): matched whole, never as a prefix
# ("certificats", "essentiel")
ACRONYM_LENGTH = 4


@cache  # one per vocabulary entry: a load classifies thousands of labels with it
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = [
        re.escape(folded(w)) + (r"\b" if len(folded(w)) <= ACRONYM_LENGTH else "") for w in words
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + ")")


def domain_of(texts: Iterable[str | None], vocabulary: tuple[Domain, ...]) -> str:
    """The best-matching domain: the most word hits, the first text weighing most (the
    chapter before the label), ties to the vocabulary's order."""
    best, best_score = FALLBACK, 0.0
    plain = [folded(t) for t in texts if t]
    for domain in vocabulary:
        pattern = _pattern(domain.words)
        score = sum(len(pattern.findall(text)) / (1 + rank) for rank, text in enumerate(plain))
        if score > best_score:
            best, best_score = domain.code, score
    return best
