"""The concept layer: which curated indicator (concept) each indicator of the warehouse means.

Curated indicators are the concepts: they carry the unit, whether the figure adds up, and
their relations (a share of the department's figure, a ratio of two concepts). A generated
indicator (`kf_<block>__<label>`, named after its wording in a "Les chiffres clés" block) is
linked to a concept when its label means the same:

- labels are compared as French lemmas without function words (simplemma), so that
  "Sections sportives en collèges" and "Sections sportives de collèges" are one wording;
- the score is rapidfuzz's token-sort ratio (0-100) against the concept's label and its
  `synonyms`, in the same unit; a link needs `MIN_SCORE` and at least `MIN_CONTENT_WORDS`
  content words on both sides (a lone "habitants" or "communes" names too little: "plus de
  1 000 habitants rencontrés" is no population figure);
- reviewed exceptions (`schemas/catalog/concept_review.yaml`) force or forbid a link.

The result is one row per indicator (`map_indicator_concept`): the concept, the score and how
the link was decided, so that every link can be reviewed. Unlinked generated indicators keep
their own code; `review_markdown` lists them, most frequent first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import simplemma
from rapidfuzz import fuzz

from pipelines.errors import IndicatorsError
from pipelines.settings import CONCEPT_REVIEW
from schemas.catalog import Indicator, IndicatorCatalog, read_yaml

MIN_SCORE = 90.0
MIN_CONTENT_WORDS = 2
MAP_COLUMNS = ["indicator_code", "concept_code", "score", "method"]

# French function words: they carry no meaning of their own in a label.
# fmt: off
_FUNCTION_WORDS = frozenset({
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en", "et", "la", "le",
    "les", "leur", "leurs", "l", "d", "un", "une", "ou", "par", "pour", "sur", "sous", "son",
    "sa", "ses", "qui", "que", "dont", "à", "se", "ne", "pas", "plus", "très", "entre", "chez",
    "vers",
})
# fmt: on
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class ConceptReviewError(IndicatorsError, ValueError):
    """The reviewed exceptions name an unknown concept or are malformed."""


@lru_cache(maxsize=1 << 16)  # labels are compared with every concept's: each read once
def lemmas(label: str) -> tuple[str, ...]:
    """The content words of a label as lemmas, without accents, in order."""
    words = _WORD.findall(label.lower().replace("’", "'"))
    out = []
    for word in words:
        if word in _FUNCTION_WORDS or len(word) < 2:
            continue
        lemma = simplemma.lemmatize(word, lang="fr")
        folded = unicodedata.normalize("NFKD", lemma)
        out.append("".join(c for c in folded if not unicodedata.combining(c)))
    return tuple(out)


def label_score(left: str, right: str) -> float:
    """How alike two labels are in meaning (0-100), on their lemmas."""
    a, b = lemmas(left), lemmas(right)
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(" ".join(a), " ".join(b)))


@dataclass(frozen=True)
class Review:
    """Reviewed exceptions: links forced (`link`) and links forbidden (`keep_apart`)."""

    link: dict[str, str]  # generated indicator code -> concept code
    keep_apart: dict[str, str]  # generated indicator code -> why it is no such concept


@cache
def load_review(path: Path = CONCEPT_REVIEW) -> Review:
    if not Path(path).is_file():
        return Review({}, {})
    data = read_yaml(path) or {}
    link = {str(k): str(v) for k, v in (data.get("link") or {}).items()}
    keep_apart = {str(k): str(v) for k, v in (data.get("keep_apart") or {}).items()}
    both = link.keys() & keep_apart.keys()
    if both:
        raise ConceptReviewError(f"{Path(path).name}: both linked and kept apart: {sorted(both)}")
    if any(not why.strip() for why in keep_apart.values()):
        raise ConceptReviewError(f"{Path(path).name}: every keep_apart entry needs a reason")
    return Review(link, keep_apart)


_CONTEXT = re.compile(r"\([^()]*\)")  # what a label says its figure is of, in brackets


def _best_concept(label: str, unit: str, catalog: IndicatorCatalog) -> tuple[str | None, float]:
    """The concept whose wording is most alike the label's own noun phrase, counting the
    same thing (the same head noun): "Sites (Maisons du Département Solidarité)" counts
    sites, whatever its context in brackets names."""
    best, best_score = None, 0.0
    own = " ".join(_CONTEXT.sub(" ", label).split())
    head = lemmas(own)[:1]
    if len(lemmas(own)) < MIN_CONTENT_WORDS:
        return None, 0.0
    for concept in catalog.indicators.values():
        if concept.unit != unit:
            continue
        for wording in (concept.label, *concept.synonyms):
            said = " ".join(_CONTEXT.sub(" ", wording).split())  # "Secours d'urgence (SU)"
            if len(lemmas(said)) < MIN_CONTENT_WORDS or lemmas(said)[:1] != head:
                continue
            score = label_score(own, said)
            if score > best_score:
                best, best_score = concept.code, score
    return best, best_score


def map_concepts(
    indicators: pd.DataFrame, catalog: IndicatorCatalog, review: Review | None = None
) -> pd.DataFrame:
    """One row per indicator of `indicators` (code, label, unit, is_curated): its concept.

    Curated indicators are their own concept. A generated one gets the best-scoring concept
    of its unit when the score reaches `MIN_SCORE`, unless the review says otherwise; its
    concept is null when nothing links it.
    """
    review = load_review() if review is None else review
    unknown = {c for c in review.link.values() if c not in catalog.indicators}
    if unknown:
        raise ConceptReviewError(f"concept_review.yaml links to unknown concepts {sorted(unknown)}")
    rows = []
    for code, label, unit in zip(
        indicators["indicator_code"], indicators["indicator_label"], indicators["unit"], strict=True
    ):
        if code in catalog.indicators:
            rows.append((code, code, 100.0, "curated"))
            continue
        concept, score = _best_concept(label, unit, catalog)
        if code in review.link:
            forced = review.link[code]
            rows.append((code, forced, label_score(label, catalog[forced].label), "reviewed"))
        elif code in review.keep_apart:
            rows.append((code, None, score, "kept apart"))
        elif concept is not None and score >= MIN_SCORE:
            rows.append((code, concept, score, "lemma match"))
        else:
            rows.append((code, None, score, "unlinked"))
    return pd.DataFrame(rows, columns=MAP_COLUMNS)


def review_markdown(mapping: pd.DataFrame, figures: pd.DataFrame) -> str:
    """The review file: automatic links to confirm, then unlinked labels, most frequent first.

    `mapping` is `map_concepts`' result joined with labels; `figures` has one row per figure
    (indicator_code, entity_code)."""
    counts = figures.groupby("indicator_code").size().rename("figures")
    table = mapping.join(counts, on="indicator_code").fillna({"figures": 0})
    table["figures"] = table["figures"].astype(int)
    lines = [
        "# Concept links to review",
        "",
        "Generated by `indicators concepts --review docs/concept-review.md` from the warehouse",
        "built from `raw/`. Links and exceptions: `schemas/catalog/concept_review.yaml`.",
        "",
        "## Linked automatically (confirm, or keep apart in the review file)",
        "",
        "| indicator | label | concept | score |",
        "|---|---|---|---:|",
    ]
    linked = table[table.method == "lemma match"].sort_values(["concept_code", "indicator_code"])
    for row in linked.itertuples(index=False):
        lines.append(
            f"| `{row.indicator_code}` | {row.indicator_label} | `{row.concept_code}` "
            f"| {row.score:.0f} |"
        )
    lines += [
        "",
        "## Not linked to any concept (most frequent first)",
        "",
        "| figures | indicator | label | unit | best score |",
        "|---:|---|---|---|---:|",
    ]
    unlinked = table[table.method.isin(["unlinked", "kept apart"])].sort_values(
        ["figures", "indicator_code"], ascending=[False, True]
    )
    for row in unlinked.itertuples(index=False):
        label = str(row.indicator_label).replace("|", "\\|")
        lines.append(
            f"| {row.figures} | `{row.indicator_code}` | {label} | {row.unit} | {row.score:.0f} |"
        )
    return "\n".join(lines) + "\n"


def review_of_warehouse(warehouse: Path) -> str:
    """The review file for a built warehouse: its links and the report's figures (primary
    source of each year)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        mapping = con.execute(
            "select link.*, indicator.indicator_label, indicator.unit "
            "from map_indicator_concept as link "
            "join dim_indicator as indicator using (indicator_code) order by indicator_code"
        ).df()
        figures = con.execute("select indicator_code, entity_code from v_report_figure").df()
    finally:
        con.close()
    return review_markdown(mapping, figures)


# how many words around a figure may say what it is of ("78 élus siégeant à l'assemblée
# départementale"): before it, and after it
_NEAR_BEFORE, _NEAR_AFTER = 4, 8


def wordings(indicator: Indicator) -> tuple[str, ...]:
    """An indicator's label without its brackets, and its synonyms."""
    return (re.sub(r"\([^)]*\)", "", indicator.label).strip(), *indicator.synonyms)


# a place smaller than the département near a figure: its count is that place's, not the
# département's ("Le canton compte 2 conseillers départementaux")
_SMALLER_PLACES = frozenset({"commune", "canton", "college", "ville", "quartier", "site", "epci"})


def _noun_phrase_core(label: str) -> str:
    """The noun and its complements, without what the label adds of what it does ("élus
    siégeant à l'assemblée départementale" → "élus"; "personnes ayant participé" →
    "personnes"): the concept is the counted thing's."""
    words = label.split()
    for n, word in enumerate(words[1:], start=1):
        lower = word.lower()
        verb = simplemma.lemmatize(lower, lang="fr").endswith(("er", "ir", "re"))
        if lower in {"ayant", "qui", "étant"} or (lower.endswith("ant") and verb):
            return " ".join(words[:n])
    return label


def sentence_concept(
    catalog: IndicatorCatalog, label: str, unit: str, text: str = "", start: int = 0
) -> str | None:
    """The curated indicator a department-level sentence figure states, by meaning: one of
    the catalog's sentence indicators (those it expects in running text), in the same unit,
    one of whose wordings (its label or a synonym) holds every content word of the figure's
    label, the counted noun first, while the words around the figure (`text` at `start`)
    hold every content word of that wording. "soixante-dix-huit conseillers départementaux
    qui forment l'assemblée" and "78 élus siégeant à l'assemblée départementale" are
    `councillors_count`; "28 agents de 5 CER" is not `agents_count`."""
    ours = lemmas(_noun_phrase_core(label))
    if not ours:
        return None
    before = text[:start].split()[-_NEAR_BEFORE:]
    after = text[start:].split()[: _NEAR_AFTER + 1]
    near = set(lemmas(" ".join([*before, *after])))
    if (near - set(ours)) & _SMALLER_PLACES:  # "28 agents de 5 CER": another place's
        return None
    for indicator in catalog.indicators.values():
        if indicator.unit != unit or not (indicator.sentences or indicator.key_figure):
            continue
        for wording in wordings(indicator):
            theirs = lemmas(wording)
            if len(theirs) < MIN_CONTENT_WORDS:
                continue  # "Habitants" alone: any place's inhabitants
            if ours[0] == theirs[0] and set(ours) <= set(theirs) <= near:
                return indicator.code
    return None
