"""Linking indicators to concepts: lemmas, scores, reviewed exceptions, the review file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipelines.extract.concepts import (
    MIN_SCORE,
    ConceptReviewError,
    Review,
    label_score,
    lemmas,
    load_review,
    map_concepts,
    review_of_warehouse,
)
from pipelines.load import warehouse as wh

DOCS = Path(__file__).parents[2] / "docs" / "concept-review.md"


def _indicators(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator_code", "indicator_label", "unit"])


def test_labels_are_compared_as_lemmas_without_function_words() -> None:
    assert lemmas("Sections sportives en collèges") == ("section", "sportif", "college")
    assert label_score("Sections sportives en collèges", "Sections sportives de collèges") == 100


def test_a_generated_label_that_means_a_concept_is_linked_with_its_score(indicators) -> None:
    mapping = map_concepts(
        _indicators(
            ("kf_sport__sections", "Sections sportives en collèges", "count"),
            ("kf_x__habitants", "Habitants", "count"),  # one word names too little
            ("kf_x__sections_eur", "Sections sportives en collèges", "EUR"),  # another unit
            ("population", "Habitants", "count"),
        ),
        indicators,
        Review({}, {}),
    )
    mapping = mapping.astype(object).where(mapping.notna(), None)
    assert mapping.to_dict("records") == [
        {"indicator_code": "kf_sport__sections", "concept_code": "sport_college_sections_count",
         "score": 100.0, "method": "lemma match"},
        {"indicator_code": "kf_x__habitants", "concept_code": None, "score": 0.0,
         "method": "unlinked"},
        {"indicator_code": "kf_x__sections_eur", "concept_code": None,
         "score": mapping.score[2], "method": "unlinked"},
        {"indicator_code": "population", "concept_code": "population", "score": 100.0,
         "method": "curated"},
    ]  # fmt: skip
    assert mapping.score[2] < MIN_SCORE  # the best EUR concept is far from sport sections


def test_reviewed_exceptions_force_or_forbid_a_link(indicators) -> None:
    review = Review(
        link={"kf_x__accords_fsl": "fsl_aids_granted_count"},
        keep_apart={"kf_sport__sections": "counted at another date"},
    )
    mapping = map_concepts(
        _indicators(
            ("kf_sport__sections", "Sections sportives en collèges", "count"),
            ("kf_x__accords_fsl", "Accords FSL", "count"),
        ),
        indicators,
        review,
    ).set_index("indicator_code")
    assert mapping["concept_code"].isna()["kf_sport__sections"]
    assert mapping.loc["kf_sport__sections", "method"] == "kept apart"
    assert mapping.loc["kf_x__accords_fsl", "concept_code"] == "fsl_aids_granted_count"
    assert mapping.loc["kf_x__accords_fsl", "method"] == "reviewed"


def test_the_review_file_may_not_link_to_an_unknown_concept(indicators, tmp_path) -> None:
    with pytest.raises(ConceptReviewError, match=r"unknown concepts \['no_such_code'\]"):
        map_concepts(_indicators(), indicators, Review({"kf_a": "no_such_code"}, {}))
    path = tmp_path / "concept_review.yaml"
    path.write_text("link: {kf_a: population}\nkeep_apart: {kf_a: because}\n", encoding="utf-8")
    with pytest.raises(ConceptReviewError, match=r"both linked and kept apart: \['kf_a'\]"):
        load_review(path)


def test_the_built_warehouse_links_the_department_sport_sections_to_the_territory_blocks(
    built_warehouse,
) -> None:
    linked = wh.query(
        built_warehouse,
        "select indicator_code, concept_code, method from map_indicator_concept "
        "where method in ('lemma match', 'reviewed') order by indicator_code",
    )
    assert linked.to_dict("records") == [
        {"indicator_code": "kf_politique_sportive__sections_sportives_en_colleges",
         "concept_code": "sport_college_sections_count", "method": "lemma match"},
    ]  # fmt: skip
    kept_apart = wh.query(
        built_warehouse,
        "select count(*) as n from map_indicator_concept where method = 'kept apart'",
    )
    assert kept_apart.n[0] == len(load_review().keep_apart)


def test_the_review_file_is_current(built_warehouse) -> None:
    expected = review_of_warehouse(built_warehouse)
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/concept-review.md is out of date: run "
        "`indicators concepts --review docs/concept-review.md` after `make build`"
    )
