"""Query output in one convention: a null is an empty cell (table, csv) or `null` (json),
whatever the column's type; numbers are written in full, never in scientific notation
(1870000000, 0.000012), integers without a trailing `.0`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal

from pipelines.errors import IndicatorsError

FORMATS = ("table", "csv", "json")


class FormatError(IndicatorsError, ValueError):
    """An output format this command does not write."""


MAX_WIDTH = 120


def number_text(value: float | int | Decimal) -> str:
    """A number written in full: no exponent, no trailing zeros, no `.0`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return str(value)  # nan / inf: no other way to write them
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def cell_text(value: object) -> str:
    """One value as text; a null is the empty string."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return number_text(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple | dict):
        return json_text(value)
    return str(value)


def json_text(value: object) -> str:
    """One value as JSON: null for a null (and NaN), numbers in full, text as JSON strings."""
    if value is None or (isinstance(value, float) and value != value):
        return "null"
    if isinstance(value, bool | int | float | Decimal):
        return number_text(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{json.dumps(str(k))}: {json_text(v)}" for k, v in value.items()) + "}"
        )
    return json.dumps(cell_text(value), ensure_ascii=False)


def render(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str) -> str:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell_text(v) for v in row] for row in rows)
        return buffer.getvalue()
    if fmt == "json":
        records = [
            "  {"
            + ", ".join(
                f"{json.dumps(name, ensure_ascii=False)}: {json_text(value)}"
                for name, value in zip(columns, row, strict=True)
            )
            + "}"
            for row in rows
        ]
        return "[\n" + ",\n".join(records) + ("\n]\n" if records else "]\n")
    if fmt == "table":
        texts = [[cell_text(v).replace("\n", " ")[:MAX_WIDTH] for v in row] for row in rows]
        widths = [
            max([len(name)] + [len(row[i]) for row in texts]) for i, name in enumerate(columns)
        ]
        numeric = [
            all(isinstance(row[i], int | float | Decimal) or row[i] is None for row in rows)
            for i in range(len(columns))
        ]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                c.rjust(w) if num else c.ljust(w)
                for c, w, num in zip(cells, widths, numeric, strict=True)
            ).rstrip()

        out = [line(columns)] + [line(row) for row in texts]
        return "\n".join(out) + f"\n({len(rows)} rows)\n"
    raise FormatError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
