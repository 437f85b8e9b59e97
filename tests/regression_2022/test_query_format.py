"""Query output: one convention for nulls, numbers in full."""

from __future__ import annotations

import json

import pytest

from pipelines.run.cli import main
from pipelines.run.formatting import render

SQL = (
    "select 'Artois' as name, null::double as d, null::varchar as s, "
    "1870000000.0::double as big, 0.000012::double as small, 14.53::double as pct, 7 as n"
)


@pytest.fixture(scope="module")
def outputs(built_warehouse) -> dict[str, str]:
    import contextlib
    import io

    texts = {}
    for fmt in ("table", "csv", "json"):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main(["query", SQL, "--warehouse", str(built_warehouse), "--format", fmt]) == 0
        texts[fmt] = buffer.getvalue()
    return texts


def test_csv_writes_nulls_as_empty_and_numbers_in_full(outputs) -> None:
    assert outputs["csv"] == "name,d,s,big,small,pct,n\nArtois,,,1870000000,0.000012,14.53,7\n"


def test_json_writes_null_and_numbers_in_full(outputs) -> None:
    assert '"big": 1870000000, "small": 0.000012' in outputs["json"]
    assert json.loads(outputs["json"]) == [
        {
            "name": "Artois",
            "d": None,
            "s": None,
            "big": 1870000000,
            "small": 1.2e-05,
            "pct": 14.53,
            "n": 7,
        }
    ]


def test_table_has_no_none_nan_or_na(outputs) -> None:
    for marker in ("None", "NaN", "<NA>", "e+09", "e-05"):
        assert marker not in outputs["table"]
    assert "1870000000" in outputs["table"]


def test_render_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(["a"], [(1,)], "xml")
