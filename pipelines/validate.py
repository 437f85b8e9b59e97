"""Run the pandera models lazily and split each staging table into valid and rejected rows.

A row that breaks a check is kept in the rejects table with every reason it failed; a table
that breaks a table-wide rule (a missing column, say) cannot be split and fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.staging import REJECT_COLUMNS, StagingFrames
from schemas.staging import EpciMentionStaging, FigureStaging


class ValidationError(Exception):
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


def validate_staging(frames: StagingFrames) -> StagingFrames:
    figures = validate_table(frames.figures, FigureStaging, "stg_figure")
    epci = validate_table(frames.epci_mentions, EpciMentionStaging, "stg_territory_epci")
    parts = [df for df in (frames.rejects, figures.rejects, epci.rejects) if not df.empty]
    rejects = pd.concat(parts, ignore_index=True) if parts else frames.rejects
    return StagingFrames(figures.valid, epci.valid, rejects.reindex(columns=REJECT_COLUMNS))
