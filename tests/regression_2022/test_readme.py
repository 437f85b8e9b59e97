"""The README stays true: its commands exist and its example queries run."""

from __future__ import annotations

import re

import pytest

from pipelines.load import warehouse as wh
from pipelines.settings import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
MORE_QUERIES = (PROJECT_ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
FIRST_QUERIES = re.findall(r"```sql\n(.*?)```", README, re.DOTALL)
QUERIES = FIRST_QUERIES + re.findall(r"```sql\n(.*?)```", MORE_QUERIES, re.DOTALL)


def test_the_front_page_is_short_and_gives_five_queries() -> None:
    assert len(README.splitlines()) <= 120
    assert len(FIRST_QUERIES) == 5
    assert README.index("## Two commands") < README.index("## Five queries")


def test_every_doc_page_the_readme_links_exists() -> None:
    for link in re.findall(r"\]\((docs/[^)]+)\)", README):
        assert (PROJECT_ROOT / link).is_file(), link
    for page in (PROJECT_ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([\w./-]+\.md)(?:#[\w-]+)?\)", text):
            assert (page.parent / link).is_file(), f"{page.name}: {link}"


def test_every_example_query_says_how_many_rows_it_returns() -> None:
    assert len(QUERIES) == 11
    assert [q for q in QUERIES if not re.match(r"-- \d+ rows\n", q)] == []


@pytest.fixture(scope="module")
def readme_con(built_warehouse):
    with wh.connect(built_warehouse, read_only=True) as con:
        yield con


@pytest.mark.parametrize("sql", QUERIES, ids=[f"query-{i}" for i in range(1, len(QUERIES) + 1)])
def test_each_example_query_returns_the_rows_it_says(readme_con, sql: str) -> None:
    stated = re.match(r"-- (\d+) rows", sql)
    assert stated is not None, sql
    expected = int(stated.group(1))
    assert len(readme_con.execute(sql).fetchall()) == expected


def test_the_rsa_question_is_one_line_of_sql() -> None:
    rsa = next(q for q in QUERIES if "rsa_allocataires_per_1000" in q)
    assert len(rsa.strip().splitlines()) == 2  # the count comment and one line of SQL


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
