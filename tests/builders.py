"""Small inputs built in memory, for the unit tests: a few lines of a report, a warehouse of
a few figures. They run in milliseconds and say exactly what they test; the real report is
the regression suite's (tests/regression_2022/)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from textwrap import dedent

import duckdb
import pandas as pd

from pipelines.extract import Extraction
from pipelines.extract.report import extract_report
from pipelines.extract.staging import FIGURE_COLUMNS
from pipelines.load.schema import apply_schema
from pipelines.read.document import Document
from pipelines.read.numbers import format_fr, rounding_half_width
from pipelines.read.text_export import parse_export
from schemas.catalog import load_entity_catalog, load_indicator_catalog

COVER = "RAPPORT D'ACTIVITÉS ANNÉE {year}\n"
DEPARTEMENT = "62"  # the shipped catalog's: its structure, its entities


def document(body: str, *, year: int = 2022, name: str = "rapport-test.txt") -> Document:
    """A text export of a few lines (indentation of the literal removed), with a cover."""
    text = COVER.format(year=year) + dedent(body).strip("\n") + "\n"
    structure = load_entity_catalog(DEPARTEMENT).structure
    sha256 = hashlib.sha256(text.encode()).hexdigest()
    parsed = parse_export(text, name, sha256, year, structure)
    parsed.departement_code = DEPARTEMENT
    return parsed


def extract(body: str, **kwargs: object) -> Extraction:
    """Every extractor over a small document, with the shipped catalogs."""
    return extract_report(
        document(body, **kwargs),  # type: ignore[arg-type]
        load_indicator_catalog(),
        load_entity_catalog(DEPARTEMENT),
    )


def figures_of(extraction: Extraction) -> dict[str, tuple]:
    """indicator code -> (value, unit, qualifier, part_of, period kind), for assertions."""
    return {
        f.indicator_code: (
            f.value, f.unit, f.qualifier, f.part_of, f.period.kind if f.period else None
        )
        for f in extraction.figures
    }  # fmt: skip


def warehouse(figures: Iterable[dict], *, year: int = 2022) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with the schema, the catalogs' dimensions and these figures
    (each a dict of fact_figure columns; the provenance columns get plain defaults, the
    span is the value as the report writes it, and its rounding what that span implies)."""
    from pipelines.load.warehouse import refresh_dimensions

    con = duckdb.connect()
    apply_schema(con)
    refresh_dimensions(con, load_indicator_catalog(), load_entity_catalog(DEPARTEMENT))
    con.execute(
        "insert into dim_source values (?, ?, 'text', 'rapport-test.txt', ?, now(), null)",
        [DEPARTEMENT, year, "0" * 64],
    )
    defaults = {
        "report_year": year, "departement_code": DEPARTEMENT, "source_kind": "text",
        "source_file": "rapport-test.txt",
        "source_sha256": "0" * 64, "page": None, "section": "TEST", "qualifier": None,
        "extractor": "test", "is_derived": False, "part_of": None,
    }  # fmt: skip
    rows = []
    for rank, figure in enumerate(figures, start=1):
        row = {**defaults, "line": rank, **figure}
        row.setdefault("source_span", format_fr(row["value"]))
        row.setdefault("source_text", row["source_span"])
        row["rounding"] = rounding_half_width(row["source_span"], row["value"], row["unit"])
        rows.append(row)
    if not rows:
        return con
    frame = pd.DataFrame(rows)
    kept = [c for c in frame.columns if c in set(FIGURE_COLUMNS)]
    table = con.execute("select column_name from (describe fact_figure)").fetchall()
    columns = [c for (c,) in table if c in kept]
    con.register("planted", frame[columns])
    con.execute(f"insert into fact_figure ({', '.join(columns)}) select * from planted")
    con.unregister("planted")
    return con


def without_boxes(document: Document) -> list:
    """A read document's sections and blocks without each block's box and size: what two
    readings of one PDF share when their positions differ by float rounding (pdfium's
    characters and pdfminer's)."""
    from dataclasses import replace

    from pipelines.read.document import TextLine

    return [
        (
            section.title,
            round(section.title_size or 0, 3),
            [
                replace(b, box=None, size=None) if isinstance(b, TextLine) else b
                for b in section.blocks
            ],
        )
        for section in document.sections
    ]


def read_by_pdfplumber_only(path, monkeypatch) -> Document:
    """The PDF read with every page through pdfplumber (none through pdfium's characters)."""
    from pipelines.read.pdf import read_pdf

    with monkeypatch.context() as patched:
        patched.setattr("pipelines.read.pdf._plain", lambda document, number: None)
        return read_pdf(path)
