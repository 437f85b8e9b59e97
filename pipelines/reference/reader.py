"""Read `raw/reference/`: verify each file against the manifest, validate, and derive figures.

Reference figures are official counts and populations per commune, EPCI, territory and the
department. Aggregates are computed here from the communes and marked derived, with a
source text that says how they were computed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.readers import SourceError
from pipelines.reference.refresh import MANIFEST, REFERENCE_FILES
from pipelines.staging import FIGURE_COLUMNS
from schemas.catalog import EntityCatalog
from schemas.reference import (
    CantonReference,
    CommuneReference,
    CouncillorReference,
    EpciReference,
    TerritoryEpciMapping,
)

MAPPING_FILE = "territory_epci.csv"
_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "communes.csv": CommuneReference,
    "epci.csv": EpciReference,
    "cantons.csv": CantonReference,
    "councillors.csv": CouncillorReference,
    MAPPING_FILE: TerritoryEpciMapping,
}


@dataclass
class ReferenceData:
    manifest: dict
    manifest_sha256: str
    communes: pd.DataFrame
    epci: pd.DataFrame
    cantons: pd.DataFrame
    councillors: pd.DataFrame
    territory_epci: pd.DataFrame

    @property
    def label(self) -> str:
        return f"{self.manifest['package']} {self.manifest['version']}"


def _read_csv(folder: Path, name: str) -> pd.DataFrame:
    path = folder / name
    if not path.is_file():
        raise SourceError(f"{path}: reference file missing")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    try:
        return _MODELS[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.head(5).to_dict("records")
        detail = "; ".join(f"{c['column']}: {c['check']} ({c['failure_case']!r})" for c in cases)
        raise SourceError(
            f"{path}: {len(errors.failure_cases)} invalid value(s): {detail}"
        ) from errors


def read_reference(folder: Path) -> ReferenceData:
    folder = Path(folder)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise SourceError(f"{manifest_path}: no manifest; run `indicators refresh-reference`")
    manifest_bytes = manifest_path.read_bytes()
    manifest = json.loads(manifest_bytes)
    for name in REFERENCE_FILES:
        expected = manifest["files"].get(name, {}).get("sha256")
        path = folder / name
        if not path.is_file():
            raise SourceError(f"{path}: reference file missing")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise SourceError(
                f"{path}: sha256 {actual[:12]}… differs from the manifest ({str(expected)[:12]}…): "
                "the file was changed by hand; run `indicators refresh-reference`"
            )
    tables = {name: _read_csv(folder, name) for name in _MODELS}
    return ReferenceData(
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        communes=tables["communes.csv"],
        epci=tables["epci.csv"],
        cantons=tables["cantons.csv"],
        councillors=tables["councillors.csv"],
        territory_epci=tables[MAPPING_FILE],
    )


def reference_entities(ref: ReferenceData) -> pd.DataFrame:
    """dim_entity rows for communes, EPCI and cantons (parents: EPCI, territory, department)."""
    territory_of = dict(
        zip(ref.territory_epci.epci_code, ref.territory_epci.territory_code, strict=True)
    )
    rows = [
        *((c.code, "commune", c.nom, c.epci_code) for c in ref.communes.itertuples()),
        *((e.code, "epci", e.nom, territory_of.get(e.code)) for e in ref.epci.itertuples()),
        *((c.code, "canton", c.nom, "62") for c in ref.cantons.itertuples()),
    ]
    return pd.DataFrame(rows, columns=["entity_code", "entity_type", "entity_name", "parent_code"])


def reference_figures(
    ref: ReferenceData, report_year: int, entities: EntityCatalog
) -> pd.DataFrame:
    """Official figures, per commune (as read) and per EPCI, territory and department (summed)."""
    source = {
        "report_year": report_year,
        "source_kind": "reference",
        "source_sha256": ref.manifest_sha256,
        "page": pd.NA,
        "extractor": "reference_files",
    }
    section = f"{ref.label}: population municipale (vintage not stated by the package)"
    rows: list[dict] = []

    def add(entity_type, code, indicator, value, *, source_file, line, text, derived):
        rows.append(
            {
                **source,
                "source_file": source_file,
                "line": line,
                "section": section,
                "entity_type": entity_type,
                "entity_code": code,
                "indicator_code": indicator,
                "value": float(value),
                "unit": "count",
                "qualifier": None,
                "source_text": text,
                "source_span": str(value),
                "is_derived": derived,
            }
        )

    communes = ref.communes.sort_values("code").reset_index(drop=True)
    for number, commune in enumerate(communes.itertuples(), start=2):
        text = f"{commune.code},{commune.nom},{commune.population_municipale},{commune.epci_code}"
        add(
            "commune",
            commune.code,
            "population",
            commune.population_municipale,
            source_file="communes.csv",
            line=number,
            text=text,
            derived=False,
        )

    mapping = ref.territory_epci.set_index("epci_code")["territory_code"]
    communes = communes.assign(territory_code=communes.epci_code.map(mapping))
    groups = [
        ("epci", communes.groupby("epci_code"), "EPCI"),
        (
            "territory",
            communes.dropna(subset=["territory_code"]).groupby("territory_code"),
            "territory",
        ),
    ]
    for entity_type, grouped, what in groups:
        for code, members in grouped:
            how = f"communes.csv: {len(members)} communes of {what} {code}"
            add(
                entity_type,
                code,
                "population",
                members.population_municipale.sum(),
                source_file="communes.csv",
                line=None,
                text=f"sum of population_municipale over {how}",
                derived=True,
            )
            add(
                entity_type,
                code,
                "communes_count",
                len(members),
                source_file="communes.csv",
                line=None,
                text=f"count of {how}",
                derived=True,
            )
    for code, members in ref.territory_epci.groupby("territory_code"):
        add(
            "territory",
            code,
            "epci_count",
            len(members),
            source_file="territory_epci.csv",
            line=None,
            text=f"count of EPCI mapped to {code}: {', '.join(members.epci_code)}",
            derived=True,
        )

    department = entities.department.code
    totals = [
        (
            "population",
            communes.population_municipale.sum(),
            "communes.csv",
            "sum of population_municipale over all communes",
        ),
        ("communes_count", len(communes), "communes.csv", "count of communes.csv rows"),
        ("epci_count", len(ref.epci), "epci.csv", "count of epci.csv rows"),
        ("cantons_count", len(ref.cantons), "cantons.csv", "count of cantons.csv rows"),
        (
            "councillors_count",
            len(ref.councillors),
            "councillors.csv",
            "count of councillors.csv rows",
        ),
    ]
    for indicator, value, source_file, text in totals:
        add(
            "department",
            department,
            indicator,
            value,
            source_file=source_file,
            line=None,
            text=f"{text} ({len(communes)} communes in département {department})",
            derived=True,
        )
    frame = pd.DataFrame(rows).reindex(columns=FIGURE_COLUMNS)
    frame["page"] = frame["page"].astype("Int64")
    frame["line"] = frame["line"].astype("Int64")
    return frame
