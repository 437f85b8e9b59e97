"""The DuckDB warehouse: connections, loads, and the atomic swap that publishes a build.

Its schema (SQL files, their metadata, the fact tables from the staging models) is
`pipelines.load.schema`'s.

A build never writes the live file. It builds a candidate file beside it from empty
(`new_candidate`), loads and checks the candidate, and only then renames it over the live file
(`os.replace` is atomic on one filesystem). A failure at any step deletes the candidate and
leaves the previous warehouse exactly as it was, still queryable. A candidate whose checks
fail the gate is kept beside the live file as `<name>.candidate.duckdb` for inspection, and
the next build replaces it. `pipelines.load.locking` keeps writers one at a time.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.errors import IndicatorsError
from pipelines.extract.domains import domain_of
from pipelines.extract.staging import StagingFrames
from pipelines.load import locking
from pipelines.load.schema import FACT_TABLES, apply_schema, schema_version
from pipelines.settings import warehouse_file
from schemas.catalog import (
    Departement,
    EntityCatalog,
    IndicatorCatalog,
    load_departements,
    load_domains,
)


class WarehouseError(IndicatorsError):
    """The warehouse is missing or cannot be opened; the message names the file."""


def require_current_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse a warehouse built by another version of the code, saying how to rebuild it."""
    try:
        row = con.execute("select value from warehouse_meta where key = 'schema_sha256'").fetchone()
    except duckdb.CatalogException:
        row = None
    if row is None or row[0] != schema_version():
        built = f"schema {row[0][:12]}…" if row else "no schema stamp"
        raise WarehouseError(
            f"{path}: a warehouse of an older schema ({built}, this code writes schema "
            f"{schema_version()[:12]}…); rebuild it with `indicators build --warehouse {path}`"
        )


@contextmanager
def connect(path: Path, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    path = Path(path)
    if read_only and not path.is_file():
        raise WarehouseError(f"{path}: no warehouse here; run `indicators build` first")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as err:
        raise WarehouseError(f"{path}: {open_failure(err)}") from err
    try:
        yield con
    finally:
        con.close()


# The storage format of every warehouse file written: one that DuckDB 1.x (its CLI, BI drivers
# such as DBeaver's) and 2.x both open. 2.x writes storage version 69 by default, which no
# 1.x release reads; the cost of the older format is measured in the README (none seen).
STORAGE_VERSION = "v1.0.0"

_HELD = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def open_failure(err: duckdb.Error) -> str:
    """Why the warehouse cannot be opened, with what to do."""
    held = _HELD.search(str(err))
    if held:
        program = Path(held["program"]).name
        return (
            f"held open for writing by {program} (pid {held['pid']}): DuckDB lets no other "
            "process open the file meanwhile; close that connection (or open it with "
            "read_only=True) and run again"
        )
    return f"cannot open the warehouse: {err}"


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Bulk insert by column name (register + insert select; never row by row)."""
    if frame.empty:
        return
    name = f"_frame_{uuid.uuid4().hex}"
    con.register(name, frame)
    try:
        columns = ", ".join(frame.columns)
        con.execute(f"insert into {table} ({columns}) select {columns} from {name}")
    finally:
        con.unregister(name)


def refresh_dimensions(
    con: duckdb.DuckDBPyConnection,
    indicators: IndicatorCatalog,
    *departements: EntityCatalog,
) -> None:
    """The catalogs are the truth for dimensions: replace them at every load (the entities of
    every département the warehouse holds)."""
    every = [e for entities in departements for e in entities.entities.values()]
    entity_frame = pd.DataFrame(
        [(e.code, e.entity_type, e.name, e.parent_code, e.departement_code) for e in every],
        columns=["entity_code", "entity_type", "entity_name", "parent_code", "departement_code"],
    )
    share_of = {
        i.share_code: i.code for i in indicators.indicators.values() if i.share_code is not None
    }
    vocabulary = load_domains()
    indicator_frame = pd.DataFrame(
        [
            (
                i.code, i.label, i.unit, domain_of([i.domain, i.label], vocabulary), i.additive,
                share_of.get(i.code),
                *(i.ratio_of or (None, None)),
            )
            for i in indicators.indicators.values()
        ],
        columns=[
            "indicator_code", "indicator_label", "unit", "domain", "is_additive", "share_of",
            "ratio_numerator", "ratio_denominator",
        ],
    )  # fmt: skip
    types = sorted({e.entity_type for e in every})
    con.execute("delete from dim_entity where list_contains(?, entity_type)", [types])
    con.execute("delete from dim_indicator where is_curated")
    _insert(con, "dim_entity", entity_frame)
    _insert(con, "dim_indicator", indicator_frame)


REFERENCE_ENTITY_TYPES = ["commune", "epci", "canton"]


def load_reference_tables(
    con: duckdb.DuckDBPyConnection,
    entities: pd.DataFrame,
    councillors: pd.DataFrame,
    territory_epci: pd.DataFrame,
) -> None:
    """Replace the official entities, councillors and the curated territory → EPCI mapping."""
    con.execute(
        "delete from dim_entity where list_contains(?, entity_type)", [REFERENCE_ENTITY_TYPES]
    )
    _insert(con, "dim_entity", entities)
    con.execute("delete from ref_councillor")
    _insert(con, "ref_councillor", councillors)
    con.execute("delete from ref_territory_epci")
    _insert(con, "ref_territory_epci", territory_epci)


def load_source(con: duckdb.DuckDBPyConnection, frames: StagingFrames, source: dict) -> None:
    """Replace everything previously loaded from this source (département, report year and
    kind), and nothing else."""
    key = [source["departement_code"], source["report_year"], source["source_kind"]]
    where = "departement_code = ? and report_year = ? and source_kind = ?"
    for table, _ in FACT_TABLES.values():
        con.execute(f"delete from {table} where {where}", key)
    con.execute(f"delete from dim_source where {where}", key)
    con.execute(
        "insert into dim_source values (?, ?, ?, ?, ?, ?, ?)",
        [*key, source["source_file"], source["source_sha256"], datetime.now(UTC),
         source.get("source_path") or None],
    )  # fmt: skip
    for attribute, (table, not_kept) in FACT_TABLES.items():
        frame = getattr(frames, attribute).drop(columns=list(not_kept))
        if source["source_kind"] != "reference" and "source_file" in frame and not frame.empty:
            # the file as this build read it: a renamed copy of a cached file says its name
            frame = frame.assign(source_file=source["source_file"])
        _insert(con, table, frame)
    generated = with_domains(frames.generated_indicators, frames.figures).assign(
        is_additive=False, is_curated=False
    )
    if not generated.empty:
        name = f"_frame_{uuid.uuid4().hex}"
        con.register(name, generated)
        con.execute(f"insert or replace into dim_indicator by name select * from {name}")
        con.unregister(name)


def with_domains(generated: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Generated indicators with a domain of the vocabulary, read from the chapter they come
    from (their block's name, the section of their first figure) and their label."""
    if generated.empty:
        return generated
    vocabulary = load_domains()
    sections = figures.drop_duplicates("indicator_code").set_index("indicator_code").section
    domains = [
        domain_of([block, sections.get(code), label], vocabulary)
        for code, block, label in zip(
            generated.indicator_code, generated.domain, generated.indicator_label, strict=True
        )
    ]
    return generated.assign(domain=domains)


def load_concept_map(con: duckdb.DuckDBPyConnection, mapping: pd.DataFrame) -> None:
    """Replace the indicator -> concept links (computed from every indicator loaded)."""
    con.execute("delete from map_indicator_concept")
    _insert(con, "map_indicator_concept", mapping)


def candidate_pattern(warehouse: Path) -> str:
    return f".{Path(warehouse).name}.*.candidate"


def new_candidate(warehouse: Path) -> Path:
    """An empty warehouse file beside the live one, with the schema, to build into.

    Every build starts from empty: the warehouse is a function of the sources and the code,
    never patched in place. Tables an analyst created in the live warehouse are not the
    pipeline's: they are copied over, so that a rebuild loses nothing. The live file is
    first freed of a write-ahead log left by a crashed writer (its commits folded in), and
    the candidate records what the live file looked like, so that `publish` refuses to
    replace a file that was written meanwhile."""
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    candidate = warehouse.with_name(f".{warehouse.name}.{uuid.uuid4().hex[:12]}.candidate")
    warehouse_file(warehouse)
    try:
        if warehouse.exists():
            locking.wait_for_no_writer(warehouse)
            _checkpoint_if_needed(warehouse)
        locking.write_fingerprint(candidate, warehouse)
        duckdb.connect(
            str(candidate), config={"storage_compatibility_version": STORAGE_VERSION}
        ).close()
        with connect(candidate, read_only=False) as con:
            apply_schema(con)
            if warehouse.exists():
                _carry_analyst_tables(con, warehouse)
    except BaseException:
        discard(candidate)
        raise
    return candidate


def _checkpoint_if_needed(path: Path) -> None:
    """Fold a leftover write-ahead log into the file: it belongs to the file it sits beside,
    and would be replayed onto the new warehouse once the candidate replaces it."""
    if Path(f"{path}.wal").exists():
        con = duckdb.connect(str(path))
        try:
            con.execute("checkpoint")
        finally:
            con.close()


def _carry_analyst_tables(con: duckdb.DuckDBPyConnection, live: Path) -> list[str]:
    """Copy the live warehouse's tables that the schema does not declare (an analyst's own)."""
    ours = {row[0] for row in con.execute("select table_name from duckdb_tables()").fetchall()}
    con.execute("attach ? as live (read_only)", [str(live)])
    try:
        theirs = [
            row[0]
            for row in con.execute(
                "select table_name from duckdb_tables() where database_name = 'live' "
                "and schema_name = 'main' order by 1"
            ).fetchall()
        ]
        carried = [name for name in theirs if name not in ours]
        for name in carried:
            con.execute(f'create table main."{name}" as select * from live.main."{name}"')
    finally:
        con.execute("detach live")
    return carried


def departements_held(con: duckdb.DuckDBPyConnection, schema: str = "") -> list[Departement]:
    """The départements whose reports the warehouse holds, by code (from the official list);
    `schema`: the warehouse's name where it is attached ("warehouse.")."""
    known = load_departements()
    codes = con.execute(
        f"select distinct departement_code from {schema}dim_source "
        "where source_kind <> 'reference' order by 1"
    ).fetchall()
    return [known[code] for (code,) in codes if code in known]


def held_sources(warehouse: Path) -> list[dict]:
    """The report sources the live warehouse holds (département, year, kind, path), to load
    again."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        return []
    # a warehouse written before the département was recorded: read again from the text
    for departement in ("departement_code", "null as departement_code"):
        try:
            frame = query(
                warehouse,
                f"select {departement}, report_year, source_kind, source_path from dim_source "
                "where source_kind <> 'reference' order by all",
            )
        except (duckdb.Error, WarehouseError):
            continue
        return frame.to_dict("records")
    return []  # written before paths were recorded: nothing held


def publish(candidate: Path, warehouse: Path) -> Path:
    """Swap the finished candidate in; readers of the old file keep their snapshot.

    Never over a file that another process has open for writing, nor over one written since
    the candidate was made beside it: that would lose its writes."""
    with connect(candidate, read_only=False) as con:
        con.execute("checkpoint")
    with locking.no_new_writer(warehouse):
        if locking.changed_since_copy(candidate, warehouse):
            raise WarehouseError(
                f"{warehouse}: written by another process during the build; nothing published "
                "(its changes would be lost); build again"
            )
        os.replace(candidate, warehouse)
    Path(f"{candidate}.base").unlink(missing_ok=True)
    return Path(warehouse)


def rejected_path(warehouse: Path) -> Path:
    """Where a candidate whose gate failed is kept for inspection (the next build replaces it)."""
    warehouse = Path(warehouse)
    return warehouse.with_name(f"{warehouse.stem}.candidate{warehouse.suffix}")


def keep_rejected(candidate: Path, warehouse: Path) -> Path:
    """Keep a candidate the gate refused beside the live warehouse, under a fixed name."""
    kept = rejected_path(warehouse)
    with connect(candidate, read_only=False) as con:
        con.execute("checkpoint")
    os.replace(candidate, kept)
    Path(f"{candidate}.base").unlink(missing_ok=True)
    return kept


def discard(candidate: Path) -> None:
    for suffix in ("", ".wal", ".base"):
        Path(f"{candidate}{suffix}").unlink(missing_ok=True)


def remove_leftovers(warehouse: Path) -> list[Path]:
    """Candidates of killed builds, and the previous refused candidate; call under the lock."""
    warehouse = Path(warehouse)
    found = sorted(warehouse.parent.glob(candidate_pattern(warehouse) + "*"))
    found += [p for p in (rejected_path(warehouse),) if p.exists()]
    found += [p for p in (Path(f"{rejected_path(warehouse)}.wal"),) if p.exists()]
    for path in found:
        path.unlink(missing_ok=True)
    return found


def query(warehouse: Path, sql: str) -> pd.DataFrame:
    """Run one read-only query; a write is refused by DuckDB itself."""
    with connect(warehouse, read_only=True) as con:
        return con.execute(sql).df()
