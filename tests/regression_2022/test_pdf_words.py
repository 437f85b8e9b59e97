"""Structure from words: line-end hyphens, fuzzy titles, columns from x-positions."""

from __future__ import annotations

import pytest

from pipelines.read.hyphenation import MARK, Vocabulary, join_lines
from pipelines.read.numbers import find_quantities
from pipelines.read.pdf import _join_styled, _styled
from pipelines.read.pdf_layout import layout_of, running_key
from pipelines.read.titles import title_score

VOCABULARY = Vocabulary(
    ["Le Pas-de-Calais, Lens-Hénin et Boulogne-sur-Mer.", "Les déplacements des agents."]
)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("les déplace-", "ments", "les déplacements"),  # the joined word is in the document
        ("un accompagne-", "ment", "un accompagnement"),  # seen nowhere, lower case: joined
        ("du Pas-de-", "Calais", "du Pas-de-Calais"),  # the compound is in the document
        ("à Lens-", "Hénin", "à Lens-Hénin"),
        ("à Boulogne-sur-", "Mer", "à Boulogne-sur-Mer"),
        ("en 2019-", "2022", "en 2019-2022"),
        ("une ligne", "suivante", "une ligne suivante"),
    ],
)
def test_line_end_hyphens(first: str, second: str, joined: str) -> None:
    assert VOCABULARY.resolve(join_lines(first, second)) == joined


@pytest.mark.parametrize(
    ("title", "score"),
    [
        ("UNE PROXIMITÉ QUOTIDIENNE", 100),
        ("Une proximité quotidienne", 100),
        ("UNE PROXI MITÉ QUOTI-DIENNE", 100),  # split and hyphenated
        ("UNEPROXIMITÉQUOTIDIENNE", 100),  # words merged by the PDF's spacing
        ("UNE PROXIMITE QUOTIDIENE", 98),
    ],
)
def test_titles_are_matched_by_their_words(title: str, score: int) -> None:
    assert round(title_score("UNE PROXIMITÉ QUOTIDIENNE", title)) == score


def test_ligatures_and_unrelated_titles() -> None:
    assert title_score("Les chiffres clés de la ﬁlière", "Les chiffres clés de la filière") == 100
    assert title_score("UNE PROXIMITÉ QUOTIDIENNE", "ORGANISATION POLITIQUE") < 50


def test_page_numbers_are_one_running_text_wherever_the_digits() -> None:
    assert running_key("— 12 —", 290.0, 810.0) == running_key("—13—", 291.0, 811.0)
    assert running_key("— 12 —", 290.0, 810.0) != running_key("748", 290.0, 810.0)


@pytest.mark.parametrize("separator", [" ", "\u00a0", "\u202f", "\u2009"])
def test_thousands_separators(separator: str) -> None:
    quantity = find_quantities(f"2{separator}708{separator}881 € en 2022")[0]
    assert quantity.value == 2708881 and quantity.text == f"2{separator}708{separator}881 €"


def _bold(text: str, spans) -> list[str]:
    return [text[start:end] for start, end in spans]


def _font(text: str, bold: bool) -> dict:
    return {"text": text, "fontname": "DejaVuSans-Bold" if bold else "DejaVuSans"}


def test_bold_words_make_runs_and_markers_are_never_bold() -> None:
    words = [_font("-", True), _font("◆", True), _font("35", True), _font("551", True)]
    words += [_font("demandes", False), _font("dont", False), _font("12", True)]
    text, bold = _styled(words)
    assert text == "- ◆ 35 551 demandes dont 12"
    assert _bold(text, bold) == ["35 551", "12"]


@pytest.mark.parametrize(
    ("first", "second", "joined", "runs"),
    [
        # a run that goes on to the next line is one run
        (
            (["les", True], ["dépla-", True]),
            (["cements", True], ["du", False]),
            "les déplacements du",
            ["les déplacements"],
        ),
        (
            (["du", False], ["Pas-", True]),
            (["de-Calais", True],),
            "du Pas-de-Calais",
            ["Pas-de-Calais"],
        ),
        # a plain word between two bold ones keeps them apart
        ((["un", True], ["mot", False]), (["deux", True],), "un mot deux", ["un", "deux"]),
        ((["2019-", True],), (["2022", False],), "2019-2022", ["2019-"]),
    ],
)
def test_bold_runs_survive_joins_and_hyphens(first, second, joined, runs) -> None:
    lines = [_styled([_font(t, b) for t, b in line]) for line in (first, second)]
    text, bold = VOCABULARY.resolve_spans(*_join_styled(*lines))
    assert text == joined
    assert _bold(text, bold) == runs


def test_resolving_hyphens_moves_the_spans_after_them() -> None:
    text = f"les dépla-{MARK}cements du Pas-{MARK}de-Calais à Lens-{MARK}Hénin"
    parts = ("dépla-", "Pas", "Lens-", f"Lens-{MARK}Hénin")
    spans = tuple((text.index(part), text.index(part) + len(part)) for part in parts)
    resolved, moved = VOCABULARY.resolve_spans(text, spans)
    assert resolved == "les déplacements du Pas-de-Calais à Lens-Hénin"
    assert _bold(resolved, moved) == ["dépla", "Pas", "Lens-", "Lens-Hénin"]


def _word(text: str, x0: float, top: float, size: float = 8.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": top, "size": size}


def _column_of_text(x0: float, width: float, rows: int, start: float = 100.0) -> list[dict]:
    words = []
    for row in range(rows):
        x = x0
        while x + 30 <= x0 + width:
            words.append(_word("mot123", x, start + row * 10))
            x += 34
    return words


def test_three_columns_and_a_title_over_them() -> None:
    title, x = [], 40.0
    for text in [
        "Un",
        "titre",
        "bien",
        "plus",
        "long",
        "posé",
        "sur",
        "les",
        "trois",
        "colonnes",
        "de",
        "la",
        "page",
    ]:
        title.append(_word(text, x, 60, 16))
        x = title[-1]["x1"] + 4
    words = title + [w for x0 in (40, 240, 440) for w in _column_of_text(x0, 180, 20)]
    layout = layout_of(words, 646)  # margins of 40 points on both sides
    assert len(layout.columns) == 3
    assert [s.text for s in layout.spanning] == [
        "Un titre bien plus long posé sur les trois colonnes de la page"
    ]
    # reading order: the title, then each column top to bottom
    assert layout.flows[0] == title
    assert [flow[0]["x0"] for flow in layout.flows[1:]] == [40, 240, 440]


def test_a_table_in_one_column_is_not_split_into_columns() -> None:
    words = []
    for row in range(20):
        words += [_word("Bénéficiaires", 40, 100 + 10 * row), _word("1234", 480, 100 + 10 * row)]
    assert len(layout_of(words, 600).columns) == 1
