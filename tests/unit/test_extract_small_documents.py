"""Extractors on a few lines built in memory: what a figure counts, its qualifier, period and
relations, and the blocks a report should hold but this one does not."""

from __future__ import annotations

from datetime import date

import pytest
from builders import document, extract, figures_of

from pipelines.extract import Context
from pipelines.extract.key_figures import read_key_figure
from pipelines.extract.periods import Period
from schemas.catalog import load_indicator_catalog


def test_a_sentence_figure_is_placed_and_labelled_by_what_it_counts() -> None:
    result = extract(
        """
        LA SOLIDARITÉ
        Le Département a accompagné 1 250 personnes en 2022.
        """
    )
    [figure] = result.figures
    assert (figure.value, figure.unit, figure.entity_code) == (1250, "count", "62")
    assert (figure.location.source_file, figure.location.line) == ("rapport-test.txt", 3)
    assert figure.section == "LA SOLIDARITÉ" and figure.source_span == "1 250"
    assert figure.source_text == "Le Département a accompagné 1 250 personnes en 2022."
    assert "personnes" in figure.indicator_code and "accompagn" in figure.indicator_code


def test_dont_makes_a_part_and_soit_a_share_of_the_figure_before() -> None:
    figures = figures_of(
        extract(
            """
            LA SOLIDARITÉ
            1 250 personnes accompagnées, dont 300 jeunes.
            À fin 2022, 12 500 foyers étaient équipés (soit 8 % des foyers).
            """
        )
    )
    whole = next(code for code, f in figures.items() if f[0] == 1250)
    assert [f[3] for f in figures.values() if f[0] == 300] == [whole]
    equipped = next(code for code, f in figures.items() if f[0] == 12500)
    assert [(f[1], f[3]) for f in figures.values() if f[0] == 8] == [("pct", equipped)]


@pytest.mark.parametrize(
    ("line", "value", "qualifier"),
    [
        ("Près de 6 000 consultations de médecine générale.", 6000, "approx"),
        ("Plus de 288 000 habitants.", 288000, "at_least"),
        ("Le Département a financé 42 projets.", 42, None),
    ],
)
def test_the_qualifier_is_read_with_the_figure(line: str, value: float, qualifier) -> None:
    [figure] = extract(f"LA CULTURE\n{line}").figures
    assert (figure.value, figure.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Depuis 2019, 340 logements ont été rénovés.", "cumulative"),
        ("À fin 2022, 12 500 foyers étaient équipés.", "as_of"),
        ("En 2022, 340 logements ont été rénovés.", None),  # the report year
    ],
)
def test_the_period_comes_from_the_sentence(line: str, kind: str | None) -> None:
    [figure] = extract(f"L'HABITAT\n{line}").figures
    assert (figure.period.kind if figure.period else None) == kind


# line 4174 as tests/data/reworded-26 and reworded-28 word it: the envelope voted, its
# part of the year
_VOTED_ENVELOPES = [
    (
        "Sur les 24 millions d'euros votés au titre du fonds d'innovation territoriale, 5,37"
        " millions d'euros ont financé en 2022 des opérations contractualisées.",
        24_000_000,
        5_370_000,
    ),
    (  # "pris sur les 23 M€ ... votés": the envelope stands between the two
        "En 2022, les opérations contractualisées ont bénéficié de 5,06 millions d'euros, pris"
        " sur les vingt-trois millions d'euros de fonds d'innovation territoriale votés",
        23_000_000,
        5_060_000,
    ),
]


@pytest.mark.parametrize("heading", ["La contractualisation précédente (2019-2022) :", ""])
@pytest.mark.parametrize(("line", "envelope", "part"), _VOTED_ENVELOPES)
def test_an_amount_voted_for_the_years_its_heading_gives_is_of_those_years(
    heading, line, envelope, part
) -> None:
    """The amount voted is of the heading's years, its part of the year; without a span of
    years above, both are of the year."""
    result = extract(f"LA CONTRACTUALISATION\n\n{heading}\n\n{line}\n")
    period = {f.value: f.period for f in result.figures}
    assert period[part] is None  # the report year
    if heading:
        assert period[envelope] == Period("multi_year", date(2019, 1, 1), date(2022, 12, 31))
    else:
        assert period[envelope] is None


@pytest.mark.parametrize("programming", [True, False])
def test_funds_obtained_for_a_programming_period_are_of_its_years(programming) -> None:
    """Lines 4251-4261 of the report: "l'obtention de 43 millions d'euros sur ces deux fonds"
    after "la nouvelle période de programmation des fonds européens 2021-2027" is an
    envelope of those years (as the golden file says); without a programming period above,
    the amount is of the report year."""
    above = (
        "L'année a été consacrée aux travaux préparatoires pour la nouvelle période de"
        " programmation des fonds européens 2021-2027."
        if programming
        else "L'année a été consacrée aux travaux préparatoires."
    )
    result = extract(
        "\n\n".join(
            [
                "LES FONDS EUROPÉENS",
                above,
                "Cette démarche interne a permis l'obtention de 43 millions d'euros sur ces deux"
                " fonds.",
            ]
        )
    )
    [figure] = [f for f in result.figures if f.value == 43_000_000]
    expected = Period("multi_year", date(2021, 1, 1), date(2027, 12, 31)) if programming else None
    assert figure.period == expected


def test_a_season_s_programming_dates_no_amount() -> None:
    """ "La programmation de la saison culturelle 2022-2023" is no programming of funds, and
    State credits delegated are no funds obtained for it: the amount is of the year."""
    result = extract(
        "\n\n".join(
            [
                "LA CULTURE",
                "La programmation de la saison culturelle 2022-2023 a été présentée.",
                "La délégation des crédits de l'État pour les aides à la pierre a atteint 3 M€.",
            ]
        )
    )
    [figure] = [f for f in result.figures if f.value == 3_000_000]
    assert figure.period is None


def test_the_year_of_the_document_is_the_year_of_its_figures() -> None:
    assert document("LA CULTURE\n42 projets financés.", year=2023).report_year == 2023


def test_blocks_the_report_should_hold_are_missing_findings_not_figures() -> None:
    result = extract("LA CULTURE\nLe Département a financé 42 projets.")
    status = {block.block_id: block.status for block in result.blocks}
    assert status["overview:62"] == "missing"
    assert status["profile:62-arrageois"] == "missing"
    assert {f.entity_code for f in result.figures} == {"62"}


def test_a_key_figure_line_reads_its_figure_and_its_share() -> None:
    lines = list(
        document(
            """
            PROFIL
            - 890 communes
            - ⇒ 211 425 habitants (soit 14,53 % du Pas-de-Calais)
            - 12 licornes
            """
        )
        .sections[-1]
        .lines()
    )
    where = Context(
        extractor="test", section="PROFIL", entity_type="territory", entity_code="62-arrageois"
    )
    read = [read_key_figure(line, where, load_indicator_catalog()) for line in lines]
    assert [(f.indicator_code, f.value) for f in read[0].figures] == [("communes_count", 890)]
    assert [(f.indicator_code, f.value, f.unit) for f in read[1].figures] == [
        ("population", 211425, "count"),
        ("population_share_pct", 14.53, "pct"),
    ]
    assert {f.entity_code for r in read for f in r.figures} == {"62-arrageois"}
    assert read[2].figures == []
    assert [r.reason for r in read[2].rejects] == [
        "no catalog indicator for label 'licornes' with unit count"
    ]
    assert read[2].rejects[0].location.line == 5  # the cover, the title, then the lines


def test_a_context_refuses_a_figure_without_an_entity() -> None:
    from pipelines.extract import ExtractionError
    from pipelines.read.numbers import parse_quantity

    line = next(document("X\n12 projets").sections[-1].lines())
    where = Context(extractor="test").at(line.location, line.source_text)
    with pytest.raises(ExtractionError, match="needs an entity"):
        where.figure("projects_count", parse_quantity("12"))


def test_a_key_figure_item_written_as_a_sentence_is_read_as_one() -> None:
    """ "Avec 91 480 abonnés, le compte Facebook du Département a progressé de 14,1 % sur
    l'année" in a key-figure block: the sentence names both numbers in more words than the
    block's "Abonnés", "Évolution : abonnés"; a list item keeps the block's label."""
    extraction = extract(
        """
        Les chiffres clés de la communication
        - ◆ Avec 91 480 abonnés, le compte Facebook du Département a progressé de 14,1 % sur l'année
        - ◆ 553 délibérations votées
        """
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    got = {f.source_span: labels.get(f.indicator_code, "") for f in extraction.figures}
    assert got["91 480"] == "Abonnés (compte Facebook du Département)"
    assert got["14,1 %"] == "Évolution : compte Facebook du Département"
    assert got["553"] == "Délibérations votées"


def test_a_block_amount_the_departement_spent_is_named_by_its_purpose() -> None:
    """Line 3094 as tests/data/reworded-27 words it, in a key-figure block: "le Département
    a investi **25,22 M€**, dont :" is the amount invested and what for, never "Département
    ayant investi", and its items are its parts."""
    extraction = extract(
        "\n".join(
            [
                "Les chiffres clés de la mobilité et du réseau routier :",
                "Pour moderniser et sécuriser le réseau routier, le Département a investi"
                " **25,22 M€**, dont :",
                "- ◆ voirie : 18,2 M€",
                "- ◆ mobilité : 7 M€",
            ]
        )
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    by_span = {f.source_span: f for f in extraction.figures}
    whole = "Montant investi pour moderniser et sécuriser le réseau routier"
    assert labels[by_span["25,22 M€"].indicator_code] == whole
    assert labels[by_span["18,2 M€"].indicator_code] == f"{whole} : voirie"
    assert by_span["7 M€"].part_of == by_span["25,22 M€"].indicator_code


def test_a_block_part_named_by_its_spending_is_named_alone_under_its_whole() -> None:
    """Line 925 as tests/data/reworded-24 words it: "- ◆ Le dispositif CESU a mobilisé
    138 000 €" under "Budget de 463,61 M€ dont" is "Budget : dispositif CESU" (not "Budget :
    montant mobilisé : dispositif CESU"); a part's measure that is no spending keeps its
    words."""
    extraction = extract(
        "\n".join(
            [
                "Les chiffres clés de l'autonomie et la santé,",
                "Budget de 463,61 M€ dont",
                "- ◆ **271,51 M€** pour les personnes âgées",
                "- ◆ Le dispositif CESU a mobilisé **138 000 €**",
            ]
        )
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    by_span = {f.source_span: f for f in extraction.figures}
    assert labels[by_span["138 000 €"].indicator_code] == "Budget : dispositif CESU"
    assert by_span["138 000 €"].part_of == by_span["463,61 M€"].indicator_code


def test_an_item_read_as_a_sentence_keeps_the_body_its_heading_names() -> None:
    """Line 1226 as tests/data/reworded-14 words it, under the heading "MonJob62 :" of a
    key-figure block: read as a sentence, its figure stays MonJob62's."""
    extraction = extract(
        """
        Les chiffres clés de l'emploi
        MonJob62 :
        - ◆ Parmi les inscrits, 7 240 personnes ont déposé au moins un CV en ligne sur la plateforme
        """
    )
    [figure] = [f for f in extraction.figures if f.source_span == "7 240"]
    assert figure.entity_code == "62-monjob62"


def test_a_key_figure_block_read_as_sentences_names_what_its_figures_are_of() -> None:
    """Lines 2269-2287 of the report: a block titled "Les chiffres clés de l'accompagnement
    des collégiens" whose lines the sentence reader reads ("Ressources humaines : 48 millions
    €"); a bare label takes what the title names, until the first line without a figure."""
    dotations = (
        "Dotations de fonctionnement des collèges (DGF + dotations complémentaires) :"
        " **15,6 millions €** pour les collèges publics et **4,2 millions €** pour les"
        " collèges privés"
    )
    extraction = extract(
        "\n".join(
            [
                "Les chiffres clés de l'accompagnement des collégiens",
                dotations,
                "Ressources humaines : **48 millions €**",
                "Partenariat numérique : **5,9 millions €**",
                "Œuvrer avec la communauté éducative au quotidien, pour que chaque élève trouve"
                " sa place.",
                "Les agents ont accueilli 120 visiteurs.",
            ]
        )
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    got = {f.source_span: labels.get(f.indicator_code, "") for f in extraction.figures}
    assert got["48 millions €"] == "Ressources humaines (accompagnement des collégiens)"
    assert got["5,9 millions €"] == "Partenariat numérique (accompagnement des collégiens)"
    assert "collégiens" not in got["120"]


def test_counts_on_two_days_stay_two_facts_whatever_the_year_between() -> None:
    """A count of one day, the same count for the whole year, then on another day: the year
    joins the first day's fact, the other day stays a fact of its own (reading order does
    not join them through the year)."""
    from pipelines.extract import Extraction, Figure, GeneratedIndicator
    from pipelines.extract.periods import Period
    from pipelines.extract.prose import EXTRACTOR, merge_restatements
    from pipelines.read.document import Location

    def figure(line: int, code: str, period: Period | None) -> Figure:
        return Figure(
            entity_type="department", entity_code="dep", indicator_code=code, value=40.0,
            unit="count", qualifier=None, section="S", location=Location("t.txt", line=line),
            source_text="40 agents mobilisés", source_span="40", extractor=EXTRACTOR,
            period=period,
        )  # fmt: skip

    may = Period("year", date(2022, 5, 22), date(2022, 5, 22))
    june = Period("year", date(2022, 6, 3), date(2022, 6, 3))
    codes = ["tx_a", "tx_b", "tx_c"]
    result = Extraction(
        figures=[figure(1, "tx_a", may), figure(2, "tx_b", None), figure(3, "tx_c", june)],
        generated_indicators=[
            GeneratedIndicator(
                indicator_code=c, indicator_label="Agents mobilisés", unit="count", domain="d"
            )
            for c in codes
        ],
    )
    merged = merge_restatements(result, dict.fromkeys(codes, "Agents mobilisés"), 2022)
    assert [f.indicator_code for f in merged.figures] == ["tx_a", "tx_a", "tx_c"]


def test_a_paragraph_titled_by_an_act_names_what_its_bare_labels_are_of() -> None:
    """A paragraph that opens on a verbless title naming an act and its object gives that
    object to its own paragraph's bare labels, not to the next paragraph's; a paragraph that
    opens on a short sentence with a verb, a figure or a trend ("Diminution des délais")
    gives nothing; a length on a named
    route takes the route, not another route's length of the same value."""
    from pipelines.extract.block_titles import title_sentence

    assert title_sentence("Extension du gymnase Léo Lagrange. Les 240 licenciés ...") == (
        "gymnase Léo Lagrange"
    )
    assert title_sentence("Mise en œuvre du Plan Vélo. En 2023, 12 km ...") == "Plan Vélo"
    assert title_sentence("Le gymnase a été agrandi. Les 240 licenciés ...") == ""
    assert title_sentence("Extension du gymnase Léo Lagrange") == ""  # no sentence after it
    assert title_sentence("Création de 12 places en crèche. Les familles ...") == ""
    assert title_sentence("Diminution des délais de traitement. 2 300 dossiers ...") == ""
    assert title_sentence("Rénovation de la salle St. Exupéry. Les 40 ...") == ""
    extraction = extract(
        "\n".join(
            [
                "Une page d'essai",
                "Extension du gymnase Léo Lagrange. Les travaux ont duré un an et les 240"
                " licenciés accueillis dans la structure en profitent.",
                "Le club a reçu 12 000 € et 5 bénévoles encadrent les 60 enfants.",
                "Une autre page",
                "- 2,4 km de piste cyclable sur la Véloroute V30 entre deux communes.",
                "- 2,4 km sur l'EV7 entre Arras et Lens.",
            ]
        )
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    got = {f.source_span: labels.get(f.indicator_code, "") for f in extraction.figures}
    assert got["240"] == "Licenciés accueillis (gymnase Léo Lagrange)"
    # the title is its own paragraph's: the next paragraph may be about anything else
    assert "Léo Lagrange" not in got["60"]
    lengths = [labels[f.indicator_code] for f in extraction.figures if f.source_span == "2,4 km"]
    assert lengths == [
        "Longueur : piste cyclable (Véloroute V30)",
        "Longueur : EV7 entre Arras et Lens",
    ]


def test_look_alikes_a_review_of_the_label_rules_found() -> None:
    """A reader's counter-examples to this change's rules, each with what it must give: no
    word cut by an article, no crash on a quoted label, a vote's word far from its amount
    dates nothing, no antecedent for a measure, no heading taken for an establishment, no
    time taken for a route or a place, a subtitle listing two bodies titles nothing, a
    launch followed by another subject gives nothing."""

    def read(*lines: str) -> dict[tuple[int | None, str], tuple[str, object]]:
        extraction = extract("\n".join(lines))
        labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
        return {
            (f.location.line, f.source_span): (labels.get(f.indicator_code, ""), f.period)
            for f in extraction.figures
        }

    figures = read(
        "Les chiffres clés de l'insertion :",
        "- ◆ 40 % sont demandeurs d'emploi",
        "- ◆ 12 sont lauréats du concours",
    )
    assert figures[(3, "40 %")][0] == "Demandeurs d'emploi"
    assert figures[(4, "12")][0].startswith("Lauréats")
    got = read(
        "Le Plan Vélo du Département",
        "- ◆ « Journées du chantier » : 12",
        "Les collèges Jean Jaurès et Pasteur ont bénéficié d'une rénovation (80 000 €).",
        "Investissement - Construction du collège de Liévin : 12 M€.",
        "Ainsi, 45 ateliers ont eu lieu dans leur Maison France Services.",
        "Au total, 15 km de voies ont été créés sur la période 2019-2022.",
        "- ◆ les chantiers routiers, qui ont nécessité 12 km de déviation",
        "La fin de la contractualisation précédente (2019-2022) :",
        "Le programme voté à l'unanimité a permis de financer 3 M€ de travaux en 2022.",
        "Nos partenaires : la CAF du Pas-de-Calais et la MSA :",
        "Au total, 45 jeunes ont été accompagnés.",
        "Une consultation citoyenne a été lancée en 2021. Le nouveau schéma a été adopté en"
        " juin. 12 actions sont prévues.",
        "Au total, 1 200 contrats ont été signés sur l'année.",
    )
    assert (3, "12") in got  # the quoted label no longer stops the line
    assert "s collèges" not in got[(4, "80 000 €")][0].replace("les collèges", "")
    assert "Investissement)" not in got[(5, "12 M€")][0]
    assert "(ur " not in got[(6, "45")][0]
    assert "période" not in got[(7, "15 km")][0]
    assert got[(8, "12 km")][0].startswith("Longueur : déviation")
    period = got[(10, "3 M€")][1]
    assert period is None or getattr(period, "kind", "") == "year"
    assert "CAF" not in got[(12, "45")][0]
    assert "consultation" not in got[(13, "12")][0]
    assert "année" not in got[(14, "1 200")][0]


def test_look_alikes_a_third_review_found() -> None:
    """A target's own year wins over "sur l'année" and a year of comparison does not; a
    dashed item keeps the names it opens with, articles included; "qui composent les
    équipes" counts people, not teams; a second verb with its own noun is named by it; a
    season sets no part apart; "Montant : projets" takes no context from another sentence."""
    extraction = extract(
        "\n".join(
            [
                "Une page",
                "L'objectif est d'accueillir 500 jeunes en moyenne sur l'année, contre 450 en"
                " 2021.",
                "L'objectif est de créer 500 places d'ici 2026.",
                "Le Portel - Jean Moulin - Réfection des sanitaires : 48 000 €.",
                "Ce sont 40 agents qui composent les équipes de la MDS.",
                "La fréquentation a progressé de 15 % par rapport à 2021 et atteint 12 000"
                " visiteurs.",
                "Les demandes reçues sont 1 000, dont 300 en hiver.",
                "Le plan Collèges a été lancé. Des projets ont été soutenus pour un montant de"
                " 40 000 €.",
            ]
        )
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    got = {
        (f.location.line, f.source_span): (labels.get(f.indicator_code, ""), f.period)
        for f in extraction.figures
    }
    aim = got[(3, "500")][1]
    assert aim is not None and (aim.kind, aim.start, aim.end) == (
        "forecast",
        date(2022, 1, 1),
        date(2022, 12, 31),
    )
    places = got[(4, "500")][1]
    assert places is not None and (places.kind, places.end) == ("forecast", date(2026, 12, 31))
    assert got[(5, "48 000 €")][0].endswith("(Jean Moulin, Le Portel)")
    assert not got[(6, "40")][0].startswith("Équipes")
    assert got[(7, "12 000")][0].startswith("Visiteurs")
    assert not any(label.endswith(": hiver") for label, _ in got.values())
    assert "plan Collèges" not in got[(9, "40 000 €")][0]
