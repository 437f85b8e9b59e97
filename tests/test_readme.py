"""The README stays true: its commands exist and its example queries run."""

from __future__ import annotations

import re

import pytest

from pipelines import warehouse as wh
from pipelines.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sql\n(.*?)```", README, re.DOTALL)


def test_the_readme_has_five_example_queries() -> None:
    assert len(QUERIES) == 5


@pytest.mark.parametrize("sql", QUERIES, ids=[f"query-{i}" for i in range(1, len(QUERIES) + 1)])
def test_each_example_query_returns_rows(built_warehouse, sql: str) -> None:
    assert len(wh.query(built_warehouse, sql)) > 0


def test_the_two_commands_are_make_targets() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for command in re.findall(r"^make (\w+)", README, re.MULTILINE):
        assert re.search(rf"^{command}:", makefile, re.MULTILINE), command


def test_the_indicator_doc_is_current() -> None:
    from schemas.catalog import load_indicator_catalog
    from schemas.catalog_doc import render

    committed = (PROJECT_ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    assert committed == render(load_indicator_catalog()), "run: python -m schemas.catalog_doc"
    assert "docs/indicators.md" in README
