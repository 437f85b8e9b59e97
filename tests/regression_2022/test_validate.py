"""pandera validation: bad rows are rejected with their reason, good rows go through."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from pipelines.extract.report import extract_report
from pipelines.extract.staging import PROVENANCE_COLUMNS, StagingFrames, to_staging
from pipelines.validate.tables import ValidationError, validate_staging


@pytest.fixture(scope="module")
def staged(document, indicators, entities) -> StagingFrames:
    return to_staging(document, extract_report(document, indicators, entities))


def _plant(staged: StagingFrames, indicator: str, entity: str, **changes) -> StagingFrames:
    figures = staged.figures.copy()
    row = figures.index[(figures.indicator_code == indicator) & (figures.entity_code == entity)][0]
    for column, value in changes.items():
        figures.loc[row, column] = value
    return replace(staged, figures=figures)


@pytest.fixture(scope="module")
def baseline(staged) -> StagingFrames:
    return validate_staging(staged)


def _new_rejects(validated: StagingFrames, baseline: StagingFrames) -> list[dict]:
    known = set(zip(baseline.rejects.line, baseline.rejects.reason, strict=True))
    return [
        r for r in validated.rejects.to_dict("records") if (r["line"], r["reason"]) not in known
    ]


def test_the_shipped_report_validates_every_figure(staged, baseline) -> None:
    """ "6.2", the name of a newsletter ("« 6.2 Cœur numérique »"), is not read as a count:
    the schemas refuse nothing of the shipped report."""
    assert baseline.rejects[baseline.rejects.stage == "validate"].empty
    assert len(baseline.figures) == len(staged.figures)
    assert not (staged.figures.source_span == "6.2").any()


@pytest.mark.parametrize(
    ("indicator", "entity", "changes", "reason"),
    [
        (
            "communes_count",
            "62-artois",
            {"value": -104.0},
            "a count must be a non-negative whole number; "
            "an amount, length, area or count must not be negative",
        ),
        (
            "communes_count",
            "62-artois",
            {"value": 104.5},
            "a count must be a non-negative whole number",
        ),
        (
            "population_share_pct",
            "62-artois",
            {"value": 120.0},
            "a percentage must lie within 0 and 100",
        ),
        (
            "area_km2",
            "62-artois",
            {"unit": "ha"},
            "unit differs from the catalog unit of the indicator",
        ),
        (
            "area_km2",
            "62-artois",
            {"unit": "parsec"},
            "unit differs from the catalog unit of the indicator; "
            "unit: isin(['EUR', 'count', 'day', 'fte', 'gb', 'ha', 'km', 'km2', 'm', 'm2', 'pct', "
            "'pct_change', 'per_km2', 't']) (found 'parsec')",
        ),
        (
            "population",
            "62-artois",
            {"entity_code": "flandre"},
            "entity code unknown for its entity type",
        ),
        (
            "population",
            "62-artois",
            {"indicator_code": "piscines_count"},
            "indicator_code: indicator code not in the indicator catalog (found 'piscines_count')",
        ),
        (
            "population",
            "62-artois",
            {"qualifier": "roughly"},
            "qualifier: isin(['approx', 'at_least', 'at_most']) (found 'roughly')",
        ),
    ],
)
def test_bad_rows_are_rejected_with_their_reason(
    staged, baseline, indicator, entity, changes, reason
) -> None:
    validated = validate_staging(_plant(staged, indicator, entity, **changes))
    assert len(validated.figures) == len(baseline.figures) - 1
    [reject] = _new_rejects(validated, baseline)
    assert reject["reason"] == reason
    assert reject["stage"] == "validate"
    assert reject["staging_table"] == "stg_figure"
    assert reject["line"] is not None and reject["source_text"]


def test_a_figure_without_location_is_rejected(staged, baseline) -> None:
    validated = validate_staging(_plant(staged, "population", "62-calaisis", line=pd.NA))
    reasons = [r["reason"] for r in _new_rejects(validated, baseline)]
    assert reasons == ["a row needs a line or a page as provenance"]


def test_extraction_rejects_are_kept_beside_validation_rejects(staged) -> None:
    rejects = pd.DataFrame(
        [
            {
                **staged.figures.iloc[0][[*PROVENANCE_COLUMNS, "source_text"]].to_dict(),
                "stage": "extract",
                "staging_table": "stg_figure",
                "reason": "planted",
            }
        ]
    ).reindex(columns=staged.rejects.columns)
    planted = _plant(staged, "population", "62-calaisis", value=-1.0)
    planted = replace(planted, rejects=rejects)
    validated = validate_staging(planted)
    assert sorted(validated.rejects["stage"]) == ["extract", "validate"]
    assert "planted" in set(validated.rejects["reason"])


def test_a_missing_column_fails_the_table_as_a_whole(staged) -> None:
    broken = replace(staged, figures=staged.figures.drop(columns=["unit"]))
    with pytest.raises(ValidationError, match=r"stg_figure: .*table-wide failure.*unit"):
        validate_staging(broken)
