"""Read `raw/reference/`: verify each file against the manifest, validate, and derive figures.

Reference figures are official counts and populations per commune, EPCI, territory and the
department. Aggregates are computed here from the communes and marked derived, with a
source text that says how they were computed.

The curated mapping names each territory by its slug in the entity catalog (`arrageois`);
it is read into the catalog's codes (`62-arrageois`), and the files must be of the
catalog's département.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.read import SourceError
from pipelines.read.reference.refresh import MANIFEST, MAPPING_FILE, REFERENCE_FILES
from schemas.catalog import EntityCatalog, load_entity_catalog
from schemas.reference import (
    CantonReference,
    CommuneReference,
    CouncillorReference,
    EpciReference,
    TerritoryEpciMapping,
)
from schemas.staging import FigureStaging, columns

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
    departement_code: str
    communes: pd.DataFrame
    epci: pd.DataFrame
    cantons: pd.DataFrame
    councillors: pd.DataFrame
    territory_epci: pd.DataFrame  # territory_code: the entity catalog's code (62-arrageois)

    @property
    def label(self) -> str:
        return f"{self.manifest['package']} {self.manifest['version']}"


def _read_csv(folder: Path, name: str) -> pd.DataFrame:
    path = folder / name
    if not path.is_file():
        raise SourceError(f"{path}: reference file missing")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except pd.errors.EmptyDataError:
        raise SourceError(f"{path}: empty file (not even a header line)") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise SourceError(f"{path}: not a readable CSV file: {str(err).strip()}") from None
    try:
        return _MODELS[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.head(5).to_dict("records")
        detail = "; ".join(f"{c['column']}: {c['check']} ({c['failure_case']!r})" for c in cases)
        raise SourceError(
            f"{path}: {len(errors.failure_cases)} invalid value(s): {detail}"
        ) from errors


def _read_manifest(path: Path) -> tuple[dict, bytes]:
    if not path.is_file():
        raise SourceError(f"{path}: no manifest; run `indicators refresh-reference`")
    data = path.read_bytes()
    try:
        manifest = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise SourceError(
            f"{path}: not valid JSON ({err}); run `indicators refresh-reference`"
        ) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise SourceError(f"{path}: no 'files' table; run `indicators refresh-reference`")
    return manifest, data


def _manifest_entry(manifest: dict, folder: Path, name: str) -> dict:
    entry = manifest["files"].get(name)
    if not isinstance(entry, dict) or not {"sha256", "rows"} <= entry.keys():
        how = (
            "after reviewing it, record it with `indicators refresh-reference --mapping-only`"
            if name == MAPPING_FILE
            else "run `indicators refresh-reference`"
        )
        raise SourceError(f"{folder / MANIFEST}: no sha256 and row count for {name}; {how}")
    return entry


def verify_reference(folder: Path) -> tuple[dict, str]:
    """The manifest and its sha256, once every file's sha256 matches it."""
    folder = Path(folder)
    manifest, manifest_bytes = _read_manifest(folder / MANIFEST)
    for name in [*REFERENCE_FILES, MAPPING_FILE]:
        expected = _manifest_entry(manifest, folder, name)["sha256"]
        path = folder / name
        if not path.is_file():
            raise SourceError(f"{path}: reference file missing")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            hint = (
                "after reviewing it, record it with `indicators refresh-reference --mapping-only`"
                if name == MAPPING_FILE
                else "the file was changed by hand; run `indicators refresh-reference`"
            )
            raise SourceError(
                f"{path}: sha256 {actual[:12]}… differs from the manifest ({str(expected)[:12]}…): "
                + hint
            )
    return manifest, hashlib.sha256(manifest_bytes).hexdigest()


def _departement_of(manifest: dict, folder: Path, entities: EntityCatalog) -> str:
    """The catalog's département, once the manifest says the files are of the same one."""
    departement = entities.department.code
    stated = manifest.get("department")
    if stated is not None and str(stated) != departement:
        raise SourceError(
            f"{folder / MANIFEST}: reference files of département {stated}, the entity catalog "
            f"is of département {departement}"
        )
    return departement


def _catalog_territories(
    mapping: pd.DataFrame, path: Path, entities: EntityCatalog
) -> pd.DataFrame:
    """The mapping with each territory slug replaced by the catalog's code of that territory."""
    codes = {e.slug: e.code for e in entities.of_type("territory")}
    unknown = sorted(set(mapping.territory_code) - set(codes))
    if unknown:
        raise SourceError(
            f"{path}: territory {', '.join(map(repr, unknown))} not in the entity catalog "
            f"(slugs: {', '.join(sorted(codes))})"
        )
    return mapping.assign(territory_code=mapping.territory_code.map(codes))


def read_reference(folder: Path, entities: EntityCatalog | None = None) -> ReferenceData:
    """Read the reference files; each one's sha256 and row count must match the manifest.
    `entities` (default: the catalog of the département the manifest names) gives the
    département and the territories."""
    folder = Path(folder)
    manifest, manifest_sha256 = verify_reference(folder)
    entities = entities or load_entity_catalog(manifest.get("department"))
    departement = _departement_of(manifest, folder, entities)
    tables = {name: _read_csv(folder, name) for name in _MODELS}
    for name, frame in tables.items():
        expected_rows = _manifest_entry(manifest, folder, name)["rows"]
        if len(frame) != expected_rows:
            raise SourceError(
                f"{folder / name}: {len(frame)} rows, the manifest says {expected_rows}: "
                "the file is incomplete; run `indicators refresh-reference`"
            )
    return ReferenceData(
        manifest=manifest,
        manifest_sha256=manifest_sha256,
        departement_code=departement,
        communes=tables["communes.csv"],
        epci=tables["epci.csv"],
        cantons=tables["cantons.csv"],
        councillors=tables["councillors.csv"],
        territory_epci=_catalog_territories(tables[MAPPING_FILE], folder / MAPPING_FILE, entities),
    )


def reference_entities(ref: ReferenceData) -> pd.DataFrame:
    """dim_entity rows for communes, EPCI and cantons (parents: EPCI, territory, department).

    Their codes are the official ones: INSEE commune and canton codes start with the
    département's code; an EPCI keeps its SIREN, unique in France (an EPCI may straddle two
    départements: it is one entity, not one per département)."""
    territory_of = dict(
        zip(ref.territory_epci.epci_code, ref.territory_epci.territory_code, strict=True)
    )
    departement = ref.departement_code
    rows = [
        *((c.code, "commune", c.nom, c.epci_code) for c in ref.communes.itertuples()),
        *((e.code, "epci", e.nom, territory_of.get(e.code)) for e in ref.epci.itertuples()),
        *((c.code, "canton", c.nom, departement) for c in ref.cantons.itertuples()),
    ]
    columns = ["entity_code", "entity_type", "entity_name", "parent_code"]
    return pd.DataFrame(rows, columns=columns).assign(departement_code=departement)


# commune columns summed into reference figures: (indicator, column, unit, what it is)
MEASURES = (
    ("population", "population_municipale", "count", "population municipale"),
    ("area_km2", "area_km2", "km2", "area of the commune geometries in Lambert-93"),
)


def reference_figures(
    ref: ReferenceData, report_year: int, entities: EntityCatalog
) -> pd.DataFrame:
    """Official figures, per commune (as read) and per EPCI, territory and department (summed)."""
    source = {
        "report_year": report_year,
        "departement_code": entities.department.code,
        "source_kind": "reference",
        "source_sha256": ref.manifest_sha256,
        "page": pd.NA,
        "extractor": "reference_files",
        "qualifier": None,
    }
    section = f"{ref.label} (vintage of the figures not stated by the package)"
    rows: list[dict] = []

    def add(entity_type, code, indicator, value, unit, *, source_file, line, text, derived):
        rows.append(
            {
                **source,
                "source_file": source_file,
                "line": line,
                "section": section,
                "entity_type": entity_type,
                "entity_code": code,
                "indicator_code": indicator,
                "value": round(float(value), 4),
                "unit": unit,
                "source_text": text,
                "source_span": str(value),
                "is_derived": derived,
            }
        )

    communes = ref.communes.sort_values("code").reset_index(drop=True)
    measures = [m for m in MEASURES if m[1] in communes]
    for number, commune in enumerate(communes.to_dict("records"), start=2):
        text = ",".join(str(commune[c]) for c in communes.columns)
        for indicator, column, unit, _ in measures:
            add("commune", commune["code"], indicator, commune[column], unit,
                source_file="communes.csv", line=number, text=text, derived=False)  # fmt: skip

    mapping = ref.territory_epci.set_index("epci_code")["territory_code"]
    communes = communes.assign(
        territory_code=communes.epci_code.map(mapping), all=ref.departement_code
    )
    groups = [
        ("epci", "epci_code", "EPCI"),
        ("territory", "territory_code", "territory"),
        ("department", "all", "département"),
    ]
    for entity_type, key, what in groups:
        for code, members in communes.dropna(subset=[key]).groupby(key):
            code = entities.department.code if entity_type == "department" else str(code)
            how = f"communes.csv: {len(members)} communes of {what} {code}"
            for indicator, column, unit, meaning in measures:
                add(entity_type, code, indicator, members[column].sum(), unit,
                    source_file="communes.csv", line=None,
                    text=f"sum of {meaning} over {how}", derived=True)  # fmt: skip
            add(entity_type, code, "communes_count", len(members), "count",
                source_file="communes.csv", line=None, text=f"count of {how}",
                derived=True)  # fmt: skip
    for code, members in ref.territory_epci.groupby("territory_code"):
        mapped = ", ".join(members.epci_code)
        add("territory", code, "epci_count", len(members), "count",
            source_file="territory_epci.csv", line=None,
            text=f"count of EPCI mapped to {code}: {mapped}", derived=True)  # fmt: skip
    department = entities.department.code
    for indicator, table, source_file in (
        ("epci_count", ref.epci, "epci.csv"),
        ("cantons_count", ref.cantons, "cantons.csv"),
        ("councillors_count", ref.councillors, "councillors.csv"),
    ):
        add("department", department, indicator, len(table), "count", source_file=source_file,
            line=None, text=f"count of {source_file} rows", derived=True)  # fmt: skip
    frame = pd.DataFrame(rows).reindex(columns=columns(FigureStaging))
    frame["page"] = frame["page"].astype("Int64")
    frame["line"] = frame["line"].astype("Int64")
    return frame
