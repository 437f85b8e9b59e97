"""The French number reader, on real strings of the report and on generated ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.read.numbers import (
    NumberFormatError,
    UnknownUnitError,
    find_quantities,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("35 551", 35551, "count"),
        ("2 708 881 €", 2708881, "EUR"),
        ("2 291 149€", 2291149, "EUR"),
        ("463,61 M€", 463_610_000, "EUR"),
        ("1,87 milliard d'euros", 1_870_000_000, "EUR"),
        ("162.68", 162.68, "count"),
        ("48,4 ml", 48.4, "m"),
        ("0,513 Go", 0.513, "gb"),
        ("1,6 M m²", 1_600_000, "m2"),
        ("10 900 T", 10900, "t"),
        ("+ 13,2 %", 13.2, "pct"),
        ("14,53 %", 14.53, "pct"),
        ("1 984,8 km²", 1984.8, "km2"),
        ("2 018,6 Km²", 2018.6, "km2"),
        ("106,5 habitants/km²", 106.5, "per_km2"),
        ("74,1 Habitants/km²", 74.1, "per_km2"),
        ("6 200 km", 6200, "km"),
        ("12 k€", 12000, "EUR"),
        ("5,5 millions €", 5_500_000, "EUR"),
        ("1\u202f472\u202f000", 1_472_000, "count"),
        ("1\u00a0453\u00a0934", 1_453_934, "count"),
    ],
)
def test_reads_report_figures(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, None)
    assert quantity.text == text


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("- ⇒ Plus de 288 000 habitants", 288_000, "at_least"),
        ("Près de 1 500 réponses au questionnaire", 1500, "approx"),
        ("pour environ 6 000 consultations", 6000, "approx"),
        ("moins de 20 places", 20, "at_most"),
        ("Une cinquantaine d'ateliers de travail.", 50, "approx"),
        ("Plus d'une cinquantaine d'articles", 50, "at_least"),
        ("plus d'un millier d'habitants", 1000, "at_least"),
    ],
)
def test_keeps_qualifiers(text: str, value: float, qualifier: str) -> None:
    [quantity] = find_quantities(text)
    assert (quantity.value, quantity.qualifier) == (value, qualifier)
    assert not quantity.is_exact


def test_finds_every_figure_of_a_profile_line_with_its_span() -> None:
    line = "- ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)"
    found = find_quantities(line)
    assert [(q.value, q.unit, q.text) for q in found] == [
        (211425, "count", "211 425"),
        (14.53, "pct", "14,53 %"),
    ]
    assert all(line[q.start : q.end] == q.text for q in found)


def test_skips_ordinals_codes_and_bullets() -> None:
    text = "1^{er} janvier, la RD 917 du CD62, - 6 Le Département, 2^e commission"
    assert [q.value for q in find_quantities(text)] == [917, 6]


def test_slash_means_no_figure() -> None:
    assert parse_quantity("/").value is None
    assert parse_quantity(" / ").value is None


@pytest.mark.parametrize("text", ["abc", "12 et 13", "environ", "€ 12 000 en plus"])
def test_rejects_text_that_is_not_one_figure(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_quantity(text)


def test_names_an_unknown_unit() -> None:
    with pytest.raises(UnknownUnitError, match=r"unknown unit 'parsecs'"):
        parse_quantity("12 parsecs")


def test_parse_number_refuses_words() -> None:
    with pytest.raises(NumberFormatError, match="not a number"):
        parse_number("douze")


def _french(value: int, sep: str) -> str:
    digits = str(value)
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join(groups)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_any_grouped_integer_reads_back(value: int, sep: str) -> None:
    assert parse_number(_french(value, sep)) == value


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([",", "."]),
)
def test_any_decimal_reads_back(whole: int, cents: int, mark: str) -> None:
    text = f"{_french(whole, ' ')}{mark}{cents:02d}"
    assert parse_number(text) == pytest.approx(whole + cents / 100)


@given(st.integers(min_value=0, max_value=999_999), st.sampled_from(["M€", "k€", "€"]))
def test_money_is_stored_in_euros(cents_of_unit: int, unit: str) -> None:
    scale = {"M€": 1e6, "k€": 1e3, "€": 1.0}[unit]
    text = f"{_french(cents_of_unit // 100, ' ')},{cents_of_unit % 100:02d} {unit}"
    quantity = parse_quantity(text)
    assert quantity.unit == "EUR"
    assert quantity.value == pytest.approx(cents_of_unit / 100 * scale)


@given(st.text(max_size=60))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
