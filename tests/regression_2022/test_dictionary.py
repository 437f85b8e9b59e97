"""The warehouse documents itself: comments on everything, a current data dictionary, cards."""

from __future__ import annotations

import pytest

from pipelines.load import warehouse as wh
from pipelines.load.schema import missing_comments
from pipelines.publish.dictionary import DictionaryError, describe, render
from pipelines.settings import PROJECT_ROOT

DICTIONARY = PROJECT_ROOT / "docs" / "data-dictionary.md"


@pytest.fixture(scope="module")
def con(built_warehouse):
    with wh.connect(built_warehouse, read_only=True) as connection:
        yield connection


def test_every_table_view_and_column_has_a_comment(con) -> None:
    assert missing_comments(con) == []
    counts = con.execute(
        "select count(*), count(comment) from duckdb_columns() "
        "where schema_name = 'main' and not internal"
    ).fetchall()
    assert counts[0][0] > 300 and counts[0][0] == counts[0][1]


def test_a_column_without_a_comment_is_reported(existing_warehouse) -> None:
    with wh.connect(existing_warehouse, read_only=False) as con:
        con.execute("create view v_undocumented as select 1 as mystery")
        assert missing_comments(con) == [
            "v_undocumented: no comment",
            "v_undocumented.mystery: no comment",
        ]


def test_the_data_dictionary_is_current(con) -> None:
    assert DICTIONARY.read_text(encoding="utf-8") == render(con), (
        "run: python -m pipelines.publish.dictionary WAREHOUSE > docs/data-dictionary.md"
    )


def test_the_dictionary_covers_every_indicator_generated_ones_included(con) -> None:
    codes = [c for (c,) in con.execute("select indicator_code from dim_indicator").fetchall()]
    text = DICTIONARY.read_text(encoding="utf-8")
    generated = [c for c in codes if c.startswith(("kf_", "tx_"))]
    assert sum(c.startswith("kf_") for c in codes) >= 280  # the key-figure blocks
    assert sum(c.startswith("tx_") for c in codes) >= 350  # the sentences
    assert len(codes) - len(generated) == 67  # the curated catalog
    assert [c for c in codes if f"### `{c}`\n" not in text] == []
    assert "read from `^$`" not in text


def test_every_curated_indicator_has_a_definition() -> None:
    from pipelines.publish.dictionary import load_definitions
    from schemas.catalog import load_indicator_catalog

    assert set(load_definitions()) == set(load_indicator_catalog().indicators)


def test_describe_prints_the_values_by_entity(con) -> None:
    card = describe(con, "rsa_allocataires_count")
    assert card.startswith("rsa_allocataires_count: Allocataires du RSA\n")
    assert "* 2022 department Pas-de-Calais" in card and "48137 count" in card
    assert card.count(" 2022 mds ") == 8
    assert "MDS de Lens-Liévin" in card and "11482 count" in card  # the derived residual


def test_describe_covers_generated_codes(con) -> None:
    code = con.execute(
        "select indicator_code from dim_indicator where not is_curated order by 1 limit 1"
    ).fetchall()[0][0]
    card = describe(con, code)
    assert "generated" in card and "One-off figure of “" in card


def test_describe_refuses_an_unknown_code(con) -> None:
    with pytest.raises(DictionaryError, match="unknown indicator 'no_such_code'"):
        describe(con, "no_such_code")


def test_the_describe_command_names_an_unknown_code(built_warehouse, capsys) -> None:
    from pipelines.run.cli import main

    assert main(["describe", "no_such_code", "--warehouse", str(built_warehouse)]) == 3
    assert capsys.readouterr().err == (
        "indicators describe: error: unknown indicator 'no_such_code'; no close name "
        "(see docs/data-dictionary.md)\n"
    )


def test_describe_suggests_close_names(built_warehouse, capsys) -> None:
    from pipelines.run.cli import main

    assert main(["describe", "budjet", "--warehouse", str(built_warehouse)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("indicators describe: error: unknown indicator 'budjet'; did you mean: ")
    assert "budget_eur" in err.split("did you mean: ")[1].split(", ")


def test_domains_come_from_the_controlled_vocabulary(built_warehouse) -> None:
    from schemas.catalog import load_domains

    vocabulary = {d.code for d in load_domains()}
    domains = wh.query(built_warehouse, "select indicator_code, domain from dim_indicator")
    assert set(domains.domain) <= vocabulary
    by_code: dict[str, str] = dict(domains.itertuples(index=False))
    assert by_code["rsa_allocataires_count"] == "insertion"
    assert by_code["pmi_children_seen_count"] == "childhood"
    assert by_code["road_length_km"] == "roads_mobility"
    assert by_code["colleges_count"] == "schools"


def test_an_acronym_of_the_vocabulary_matches_a_whole_word_only() -> None:
    from pipelines.extract.domains import domain_of
    from schemas.catalog import load_domains

    vocabulary = load_domains()
    assert domain_of(["Les certificats délivrés"], vocabulary) != "roads_mobility"
    assert domain_of(["Le CER de Boulogne"], vocabulary) == "roads_mobility"
    assert domain_of(["un essentiel"], vocabulary) != "economy"
