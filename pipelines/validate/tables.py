"""Run the pandera models lazily and split each staging table into valid and rejected rows.

A row that breaks a check is kept in the rejects table with every reason it failed; a table
that breaks a table-wide rule (a missing column, say) cannot be split and fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.errors import IndicatorsError
from pipelines.extract.staging import REJECT_COLUMNS, STAGING_TABLES, StagingFrames
from schemas.staging import STAGING_TABLES as STAGING_MODELS


class ValidationError(IndicatorsError):
    """A staging table is not valid as a whole (not row by row)."""


@dataclass
class Validated:
    valid: pd.DataFrame
    rejects: pd.DataFrame


def failure_reasons(errors: pandera.errors.SchemaErrors) -> tuple[dict[int, str], list[str]]:
    """Reasons per row index, and the failures that concern no single row."""
    per_row: dict[int, list[str]] = {}
    table_wide: list[str] = []
    for case in errors.failure_cases.to_dict("records"):
        if case.get("schema_context") == "DataFrameSchema":
            # a row-wise rule over several columns: pandera lists every cell; say it once
            reason = str(case["check"])
        else:
            reason = f"{case.get('column')}: {case['check']} (found {case['failure_case']!r})"
        index = case.get("index")
        if index is None or pd.isna(index):
            table_wide.append(reason)
        else:
            per_row.setdefault(int(index), []).append(reason)
    return {i: "; ".join(dict.fromkeys(r)) for i, r in per_row.items()}, table_wide


def validate_table(
    frame: pd.DataFrame, model: type[pa.DataFrameModel], table_name: str
) -> Validated:
    frame = frame.reset_index(drop=True)
    try:
        valid = model.validate(frame, lazy=True)
        return Validated(valid, pd.DataFrame(columns=REJECT_COLUMNS))
    except pandera.errors.SchemaErrors as errors:
        per_row, table_wide = failure_reasons(errors)
        if table_wide:
            raise ValidationError(
                f"{table_name}: {len(table_wide)} table-wide failure(s): " + "; ".join(table_wide)
            ) from errors
    bad = frame.loc[sorted(per_row)]
    rejects = bad.assign(
        stage="validate",
        staging_table=table_name,
        reason=[per_row[i] for i in bad.index],
    ).reindex(columns=REJECT_COLUMNS)
    good = frame.drop(index=list(per_row))
    # The rows that remain must pass on their own: validate again, eagerly.
    return Validated(model.validate(good.reset_index(drop=True)), rejects)


# the tables validated (rejects are what validation produces, kept whatever they hold)
MODELS: dict[str, type[pa.DataFrameModel]] = {
    attribute: model for attribute, (_, model) in STAGING_MODELS.items() if attribute != "rejects"
}


def validate_staging(frames: StagingFrames) -> StagingFrames:
    """Validate every staging table; all rejects end up together, with their table's name."""
    valid: dict[str, pd.DataFrame] = {}
    rejects = [frames.rejects]
    for attribute, model in MODELS.items():
        table_name = STAGING_TABLES[attribute][0]
        result = validate_table(getattr(frames, attribute), model, table_name)
        valid[attribute] = result.valid
        rejects.append(result.rejects)
    parts = [df for df in rejects if not df.empty]
    merged = pd.concat(parts, ignore_index=True) if parts else frames.rejects
    return StagingFrames(**valid, rejects=merged.reindex(columns=REJECT_COLUMNS))
