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
        ("106,52 habitants en moyenne par km²", 106.52, "per_km2"),  # a reworded profile
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


def _read(text: str) -> list[tuple[str, float | None, str, str | None]]:
    """Each figure of a sentence that is one (span, value, unit, qualifier)."""
    from pipelines.read.numbers import ignorable_reason

    return [
        (q.text, q.value, q.unit, q.qualifier)
        for q in find_quantities(text, cardinals=True)
        if ignorable_reason(text, q.start, q.end, running_text=True) is None
    ]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("quarante-cinq associations", [("quarante-cinq", 45.0, "count", None)]),
        ("trois cent six mètres de long", [("trois cent six mètres", 306.0, "m", None)]),
        ("vingt et un agents", [("vingt et un", 21.0, "count", None)]),
        ("il s'appuie sur sept Maisons du Département", [("sept", 7.0, "count", None)]),
        ("entre cinq et dix agents", [("cinq", 5.0, "count", None), ("dix", 10.0, "count", None)]),
        ("les deux tiers des places", [("deux tiers", 66.7, "pct", None)]),
        ("un quart d'heure de trajet", []),
        ("les Deux Caps accueillent", []),
        (
            "quatre mille quatre-vingt-un agents",
            [("quatre mille quatre-vingt-un", 4081.0, "count", None)],
        ),
        ("Sept MDADT structurent le territoire", [("Sept", 7.0, "count", None)]),
        ("- ⇒ Deux EPCI couvrent le territoire", [("Deux", 2.0, "count", None)]),
        (
            "s'élèvent respectivement à 81 et à huit",
            [("81", 81.0, "count", None), ("huit", 8.0, "count", None)],
        ),
        ("Un budget avoisinant 2 M€", [("avoisinant 2 M€", 2e6, "EUR", "approx")]),
        ("ne doit pas dépasser 2,20 €", [("ne doit pas dépasser 2,20 €", 2.2, "EUR", "at_most")]),
        (
            "quelques 45 959 sollicitations",
            [("quelques 45 959", 45959.0, "count", "approx")],
        ),
        ("Huit cent un kilomètres de routes", [("Huit cent un kilomètres", 801.0, "km", None)]),
        ("Superficie : quatre cent un km²", [("quatre cent un km²", 401.0, "km2", None)]),
        (
            "sept millions quatre cent mille euros pour la mobilité",
            [("sept millions quatre cent mille euros", 7.4e6, "EUR", None)],
        ),
        ("deux millions d'euros", [("deux millions d'euros", 2e6, "EUR", None)]),
        (
            "un million cinq cent mille visiteurs",
            [("un million cinq cent mille", 1.5e6, "count", None)],
        ),
        (
            "ce qui porte le nombre de bilans à cent six, en hausse",
            [("cent six", 106.0, "count", None)],
        ),
        ("trois cents un peu partout", [("trois cents", 300.0, "count", None)]),
        ("auprès d'une centaine de jeunes", [("une centaine", 100.0, "count", "approx")]),
        ("auprès de 40 familles", [("40", 40.0, "count", None)]),  # "près de" is not in it
        (
            "une superficie d'environ 23 160 hectares",
            [("environ 23 160 hectares", 23160.0, "ha", "approx")],
        ),
        (
            "des parcours (2, 4 et 6 kms)",
            [("2", 2.0, "km", None), ("4", 4.0, "km", None), ("6 kms", 6.0, "km", None)],
        ),
        (
            "Près de 2 millions sont consacrés au sport",
            [("Près de 2 millions", 2e6, "count", "approx")],
        ),
        (
            "un milliard cinq cents millions d'euros",
            [("un milliard cinq cents millions d'euros", 1.5e9, "EUR", None)],
        ),
        ("un million d'euros", [("un million d'euros", 1e6, "EUR", None)]),
        ("un million de repas", [("un million", 1e6, "count", None)]),
        (
            "De 5 à 10 millions de visiteurs",
            [("5", 5e6, "count", None), ("10 millions", 1e7, "count", None)],
        ),
        ("Depuis 2019, 12 % des communes", [("12 %", 12.0, "pct", None)]),
        (
            "Effectifs : les garçons 48 et les filles 52.",
            [("48", 48.0, "count", None), ("52", 52.0, "count", None)],
        ),
        # a range's other end is read with its first (the prose keeps both ends)
        ("entre 2 et 3 M€", [("2", 2e6, "EUR", None)]),
        ("de 10 à 12 %", [("10", 10.0, "pct", None)]),
        (
            "les 13 et 20 mai, 5 et 6 personnes",
            [("5", 5.0, "count", None), ("6", 6.0, "count", None)],
        ),
    ],
)
def test_numbers_in_words_shares_and_qualifiers(text: str, figures: list) -> None:
    assert _read(text) == figures


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("plus de 55 000 heures d'insertion", ["plus de 55 000"]),  # a count of hours
        ("pendant 2 h de route", []),
        ("45 min maximum", []),
        ("le traitement de 1828 demandes", ["1828"]),
        ("le 3 septembre 1919", []),
        ("de 1880 à nos jours", []),
        ("12 cours d'eau et 1 place de crèche", ["12", "1"]),
        ("au 37 rue du Temple à Arras", []),
        ("Subvention départementale 12 000 €", ["12 000 €"]),
        ("la route départementale 917", []),
        ("Le Département a plus de 7 000 salariés", ["plus de 7 000"]),
        ("les communes qui ont moins de 540 habitants", []),
        ("communes de moins de 2 500 habitants", []),
        ("Répartition : Arras 12, Lens 8 et Béthune 5", ["12", "8", "5"]),
        ("avec l'artiste Dirty 6 sur le thème", []),
        ("une vue imprenable à 360°", []),
        ("à horizon 2070", []),
        ("les 10 prochaines années", []),
        ("dans la continuité des deux campagnes précédentes", []),  # earlier editions
        ("les 3 sessions passées de formation", ["3"]),
        ("l'axe 5 et les phases 3 et 4", []),
        ("L'ambition 5 du pacte, la version 2.0 du site et le terri 74", []),
        ("les 3 ambitions du pacte", ["3"]),
        ("dans le périmètre des 3km non couverts, un rayon de 5 km", []),
        ("un périmètre de 23 400 hectares sur 45 communes", ["23 400 hectares", "45"]),  # an area
        ("la prise en compte des communautés 360 et des dispositifs", []),
        ("L'équipe de protection maternelle et infantile de Lens 2 était présente", []),
    ],
)
def test_what_is_not_a_figure_and_what_still_is(text: str, kept: list[str]) -> None:
    assert [span for span, *_ in _read(text)] == kept


def test_a_kilometre_point_is_no_length() -> None:
    """tests/data/reworded-20, line 2836: "Merville (km 38), Saint-Omer (km 80)" are
    positions along the route, bare numbers the figure filter drops as kilometre markers;
    "12 km 500 personnes" is 12 km and a count of 500."""
    from pipelines.read.numbers import find_quantities, parse_quantity

    read = [
        (q.text, q.value, q.unit) for q in find_quantities("Merville (km 38), Saint-Omer (km 80)")
    ]
    assert read == [("38", 38.0, "count"), ("80", 80.0, "count")]
    read = [(q.text, q.value, q.unit) for q in find_quantities("sur 12 km 500 personnes")]
    assert read == [("12 km", 12.0, "km"), ("500", 500.0, "count")]
    with pytest.raises(NumberFormatError, match="before the figure"):
        parse_quantity("km 38")


def test_a_number_in_words_that_opens_its_line_before_a_colon_is_whole() -> None:
    """ "Trente mille : le nombre de repas servis" is 30 000, not "Trente" and a stray
    "mille"; "il y en a deux : A et B" states no figure."""
    from pipelines.read.numbers import find_quantities

    [whole] = find_quantities("Trente mille : le nombre de repas servis", cardinals=True)
    assert (whole.text, whole.value) == ("Trente mille", 30000)
    [listed] = find_quantities("- Cent vingt : le nombre de places", cardinals=True)
    assert listed.value == 120
    assert find_quantities("il y en a deux : A et B", cardinals=True) == []


@pytest.mark.parametrize(
    ("text", "ones"),
    [
        (
            "Six associations ont été aidées : deux clubs de handball, trois clubs d'aviron et un"
            " club de tennis de table, soit 48 300 € au total.",
            1,
        ),
        ("Deux journées et une soirée ont été organisées.", 0),  # one item before: an article
        ("1 250 dossiers ont été instruits, un chiffre en hausse.", 0),
        ("Sur le site, 3 classes et une centaine d'élèves sont accueillis.", 0),
        ("Le budget atteint 1,5 million d'euros, un niveau inédit.", 0),
        ("Les 3 et 4 octobre, un séminaire a réuni les agents.", 0),
        ("En 2022, 45 contrats ont été signés, un an après le lancement.", 0),
        ("32 Le numérique, un outil au service des usagers", 0),  # a contents line
        ("Nous avons reçu 3 demandes et un courrier de la préfecture qui nous alertait.", 0),
        ("Elle a lancé un appel et une consultation.", 0),
    ],
)
def test_one_closing_a_list_of_counts(text: str, ones: int) -> None:
    """ "deux clubs ..., trois clubs ... et un club ...": the last item counts one, as the
    two items before it count theirs, with no verb; an article anywhere else is no figure
    (a reader's counter-examples: a clause before, "une centaine", a decimal, a date, "un
    an")."""
    from pipelines.read.numbers import find_quantities

    found = find_quantities(text, cardinals=True)
    assert sum(q.value == 1.0 and q.text.lower() in {"un", "une"} for q in found) == ones
