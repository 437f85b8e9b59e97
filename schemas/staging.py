"""pandera models of the staging tables: the contract every extracted row must meet.

The models only declare; `pipelines.validate.tables` runs them lazily and turns their failure
cases into rejected rows with a reason, so that nothing is dropped silently. They also declare
the warehouse tables the rows are loaded into (`schemas.ddl`): the columns in their order,
types, nullability and defaults, the table's meaning (`Config.description`) and the meaning of
the columns that are the table's own (`description`; the others are `sql/columns.yml`'s).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.catalog import Entity, load_entity_catalog, load_indicator_catalog
from schemas.ddl import SQL_TYPE
from schemas.vocabularies import (
    ENTITY_TYPES,
    NON_NEGATIVE_UNITS,
    PERIOD_KINDS,
    QUALIFIERS,
    SOURCE_KINDS,
    UNITS,
)

# Official entities come from the reference files, not the catalog: their codes have a shape.
OFFICIAL_CODE_PATTERNS = {
    "commune": r"(?:\d{2}|2[AB])\d{3}",
    "epci": r"\d{9}",
    "canton": r"(?:\d{2}|2[AB])\d{2}",
}
# One-off figures of the key-figure blocks get generated codes (kf_<block>__<label>).
# Figures read in sentences get tx_<section>__<label>.
GENERATED_CODE = r"(?:kf|tx)_[a-z0-9_]+"


def entities_of(departements: pd.Series) -> dict[str, Entity]:
    """The entities of the rows' départements (their codes carry the département)."""
    return {
        code: entity
        for departement in departements.dropna().unique()
        for code, entity in load_entity_catalog(str(departement)).entities.items()
    }


class Located(pa.DataFrameModel):
    """Which source a staging row comes from and where in it: every staging table starts so."""

    report_year: Series[int] = pa.Field(ge=2000, le=2100)
    departement_code: Series[str] = pa.Field(str_matches=r"^(?:\d{2,3}|2[AB])$")
    source_kind: Series[str] = pa.Field(isin=SOURCE_KINDS)
    source_file: Series[str] = pa.Field(str_length={"min_value": 1})
    source_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    page: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    line: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    section: Series[str] = pa.Field(nullable=False)

    class Config:
        coerce = True
        strict = False


class Provenance(Located):
    """A row read from the report: where it came from and the text it was read in (each model
    declares `source_text` where its table has it)."""

    @pa.dataframe_check(error="a row needs a line or a page as provenance")
    def located(cls, df: pd.DataFrame) -> pd.Series[bool]:
        derived = df.get("is_derived", False)
        return df["line"].notna() | df["page"].notna() | derived

    class Config:
        coerce = True
        strict = False


class FigureStaging(Provenance):
    """stg_figure: one figure of one indicator for one entity."""

    entity_type: Series[str] = pa.Field(isin=ENTITY_TYPES)
    entity_code: Series[str]
    indicator_code: Series[str]
    value: Series[float] = pa.Field(nullable=False)
    unit: Series[str] = pa.Field(isin=sorted(UNITS))
    qualifier: Series[str] = pa.Field(nullable=True, isin=sorted(QUALIFIERS))
    # half the last printed digit, in the unit: 0.005 for "14,53 %" (null for derived figures)
    rounding: Series[float] = pa.Field(nullable=True, ge=0)
    source_text: Series[str] = pa.Field(str_length={"min_value": 1})
    source_span: Series[str] = pa.Field(str_length={"min_value": 1})
    extractor: Series[str]
    is_derived: Series[bool] = pa.Field(default=False)

    @pa.dataframe_check(error="entity code unknown for its entity type")
    def known_entity(cls, df: pd.DataFrame) -> pd.Series[bool]:
        catalog = entities_of(df["departement_code"])
        in_catalog = (
            df["entity_code"].map(lambda c: catalog[c].entity_type if c in catalog else None)
            == df["entity_type"]
        )
        official = pd.Series(False, index=df.index)
        for entity_type, pattern in OFFICIAL_CODE_PATTERNS.items():
            official |= (df["entity_type"] == entity_type) & df["entity_code"].str.fullmatch(
                pattern
            )
        return in_catalog | official

    part_of: Series[str] = pa.Field(nullable=True)
    period_kind: Series[str] = pa.Field(nullable=True, isin=list(PERIOD_KINDS))
    # ISO dates in staging, dates in the warehouse
    period_start: Series[str] = pa.Field(
        nullable=True, str_matches=r"^\d{4}-\d{2}-\d{2}$", metadata={SQL_TYPE: "date"}
    )
    period_end: Series[str] = pa.Field(
        nullable=True, str_matches=r"^\d{4}-\d{2}-\d{2}$", metadata={SQL_TYPE: "date"}
    )
    block: Series[str] = pa.Field(nullable=True)

    @pa.check("indicator_code", error="indicator code not in the indicator catalog")
    def known_indicator(cls, codes: Series[str]) -> pd.Series[bool]:
        curated = codes.isin(list(load_indicator_catalog().indicators))
        return curated | codes.str.fullmatch(GENERATED_CODE)

    @pa.dataframe_check(error="unit differs from the catalog unit of the indicator")
    def unit_matches_catalog(cls, df: pd.DataFrame) -> pd.Series[bool]:
        catalog = load_indicator_catalog().indicators
        expected = df["indicator_code"].map(lambda c: catalog[c].unit if c in catalog else None)
        return expected.isna() | (expected == df["unit"])

    @pa.dataframe_check(error="a count must be a non-negative whole number")
    def counts_are_whole(cls, df: pd.DataFrame) -> pd.Series[bool]:
        is_count = df["unit"] == "count"
        return ~is_count | ((df["value"] >= 0) & (df["value"] % 1 == 0))

    @pa.dataframe_check(error="a percentage must lie within 0 and 100")
    def percentages_in_range(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["unit"] != "pct") | df["value"].between(0, 100)

    @pa.dataframe_check(error="an amount, length, area or count must not be negative")
    def non_negative(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return ~df["unit"].isin(NON_NEGATIVE_UNITS) | (df["value"] >= 0)

    @pa.dataframe_check(error="the same indicator is read twice from the same line")
    def one_figure_per_place(cls, df: pd.DataFrame) -> pd.Series[bool]:
        key = ["source_file", "line", "page", "entity_code", "indicator_code"]
        return ~df.duplicated(subset=key, keep="first")

    class Config:
        description = (
            "One row per reading of a figure: a figure printed once and read from both the text "
            "export and the PDF has two rows (v_figure has one). What v_indicator reads."
        )


class EpciMentionStaging(Provenance):
    """stg_territory_epci: the EPCIs a territory profile names, in the profile's order."""

    territory_code: Series[str]
    position: Series[int] = pa.Field(ge=1)
    epci_name: Series[str] = pa.Field(
        str_length={"min_value": 2}, description="The EPCI's name as printed in the profile."
    )
    source_text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(error="territory code not in the entity catalog")
    def known_territory(cls, df: pd.DataFrame) -> pd.Series[bool]:
        entities = entities_of(df["departement_code"]).values()
        return df["territory_code"].isin([e.code for e in entities if e.entity_type == "territory"])

    class Config:
        description = "The EPCIs each territory profile names, in the profile's order."


class CouncillorMentionStaging(Provenance):
    """stg_councillor_mention: a person named in the political organisation table."""

    cell_number: Series[int] = pa.Field(
        ge=1, description="Rank of the table cell the councillor was read from."
    )
    cell_label: Series[str] = pa.Field(description="The cell's printed canton label.")
    prenom: Series[str] = pa.Field(str_length={"min_value": 1})
    nom: Series[str] = pa.Field(str_matches=r"^[^a-z]+$")
    roles_in_cell: Series[str] = pa.Field(
        nullable=True,
        description="Roles the cell shows (président, vice-président ...), or null.",
    )
    source_text: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        description = (
            "The councillors named in the report's political organisation table, with the cell "
            "they were read from (garbled in the export: match on names, not on the printed "
            "canton label)."
        )


class GeneratedIndicatorStaging(pa.DataFrameModel):
    """stg_generated_indicator: the indicators made up for one-off figures."""

    indicator_code: Series[str] = pa.Field(str_matches=rf"^{GENERATED_CODE}$", unique=True)
    indicator_label: Series[str] = pa.Field(str_length={"min_value": 1})
    unit: Series[str] = pa.Field(isin=sorted(UNITS))
    domain: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        coerce = True


class BlockQualityStaging(Located):
    """stg_block_quality: one row per table or key-figure block, found or expected."""

    block_id: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="Identifier of the table or key-figure block."
    )
    extractor: Series[str]
    entity_code: Series[str] = pa.Field(
        nullable=True, description="Entity the block is about, when it is one entity's."
    )
    lines: Series[str] = pa.Field(
        nullable=True, description="Lines (text) or paragraphs (PDF) the block spans."
    )
    rows_expected: Series[int] = pa.Field(ge=0, description="Rows the block should have.")
    rows_found: Series[int] = pa.Field(ge=0, description="Rows read.")
    cells_expected: Series[int] = pa.Field(ge=0, description="Cells the block should have.")
    cells_found: Series[int] = pa.Field(ge=0, description="Cells read.")
    cells_parsed: Series[int] = pa.Field(ge=0, description="Cells read as a number.")
    status: Series[str] = pa.Field(
        isin=["complete", "partial", "missing"], description="complete, partial or missing."
    )
    message: Series[str] = pa.Field(
        description="What is missing, in one line (for a missing block, where it was looked for)."
    )
    title_score: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        le=100,
        description="How well the section title the block was found under matched the expected "
        "one (0-100, rapidfuzz on folded words), or null when no title was looked up.",
    )

    @pa.dataframe_check(error="more cells parsed than found")
    def parsed_within_found(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["cells_parsed"] <= df["cells_found"]

    class Config:
        coerce = True
        description = (
            "How well each table and key-figure block was read, one row per block found or "
            "expected (status missing when not found)."
        )


class ListItemStaging(Provenance):
    """stg_list_item: an item of a dated list that a stated count summarises."""

    list_code: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="Indicator code of the count the list is summarised by.",
    )
    position: Series[int] = pa.Field(ge=1)
    item_date: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="The item's date as printed."
    )
    item_text: Series[str] = pa.Field(str_length={"min_value": 1}, description="The item's text.")
    source_text: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        description = (
            "The items of the dated lists of the projet de mandat, each tied to the count that "
            "summarises its list."
        )


class RejectStaging(Located):
    """stg_reject: what looked like data but was not loaded, with the reason (never validated
    away: a reject is kept whatever it holds, its provenance too may be missing)."""

    report_year: Series[int] = pa.Field(nullable=True)
    departement_code: Series[str] = pa.Field(nullable=True)
    source_kind: Series[str] = pa.Field(nullable=True)
    source_file: Series[str] = pa.Field(nullable=True)
    source_sha256: Series[str] = pa.Field(nullable=True)
    page: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    line: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    section: Series[str] = pa.Field(nullable=True)
    stage: Series[str] = pa.Field(
        isin=["extract", "validate"],
        description="Stage that rejected the row (extract or validate).",
    )
    staging_table: Series[str] = pa.Field(description="Staging table the row was meant for.")
    reason: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="Why the row was rejected, in one line."
    )
    entity_code: Series[str] = pa.Field(nullable=True)
    indicator_code: Series[str] = pa.Field(nullable=True)
    value: Series[float] = pa.Field(
        nullable=True, description="The figure read, when there was one."
    )
    unit: Series[str] = pa.Field(nullable=True, description="The unit read, when there was one.")
    source_text: Series[str] = pa.Field(nullable=True)
    extractor: Series[str] = pa.Field(nullable=True)

    class Config:
        description = "Every row that looked like data but was not loaded, with the reason."


# Every staging table, declared once: the attribute of the staging frames, the table's name
# and its model. The column lists of the pipeline are the models' columns.
STAGING_TABLES: dict[str, tuple[str, type[pa.DataFrameModel]]] = {
    "figures": ("stg_figure", FigureStaging),
    "epci_mentions": ("stg_territory_epci", EpciMentionStaging),
    "councillor_mentions": ("stg_councillor_mention", CouncillorMentionStaging),
    "generated_indicators": ("stg_generated_indicator", GeneratedIndicatorStaging),
    "blocks": ("stg_block_quality", BlockQualityStaging),
    "list_items": ("stg_list_item", ListItemStaging),
    "rejects": ("stg_reject", RejectStaging),
}


def columns(model: type[pa.DataFrameModel]) -> list[str]:
    """A staging table's columns, in the model's order (its provenance first)."""
    return list(model.to_schema().columns)
