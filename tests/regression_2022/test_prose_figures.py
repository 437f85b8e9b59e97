"""Figures stated in sentences, against a golden file checked by hand against the report.

`tests/golden/prose_figures.csv` lists 275 figures of the report's sentences (value, unit,
qualifier, entity, period and the noun phrase they count), read from the text export by hand
and checked line by line; it was not generated from the pipeline's output. The warehouse
must hold each one at its line, and agree on what it is about.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipelines.extract.phrases import is_noun_phrase, reads_as_label, same_quantity_label
from pipelines.extract.prose import extract_prose
from pipelines.extract.report import extract_report, with_headline_qualifiers, with_periods
from pipelines.load import warehouse as wh
from pipelines.read.numbers import find_quantities

GOLDEN = Path(__file__).parents[1] / "golden" / "prose_figures.csv"
STATEMENTS = """
    select s.line, s.value, s.unit, coalesce(s.qualifier, '') as qualifier,
           e.entity_type, s.entity_code, s.period_kind,
           coalesce(cast(s.period_start as varchar), '') as period_start,
           coalesce(cast(s.period_end as varchar), '') as period_end,
           i.indicator_label as label, s.source_span, s.section, s.block, s.extractor
    from v_statement as s
    join dim_entity as e using (entity_code)
    join dim_indicator as i using (indicator_code)
    where s.source_kind = 'text'
"""


@pytest.fixture(scope="module")
def comparison(text_warehouse) -> pd.DataFrame:
    golden = pd.read_csv(GOLDEN, dtype=str, keep_default_na=False)
    golden["value"] = golden["value"].astype(float)
    golden["line"] = golden["line"].astype(int)
    ours = wh.query(text_warehouse, STATEMENTS)
    rows = []
    for g, value in zip(golden.itertuples(), golden["value"], strict=True):
        found = ours[
            (ours.line == g.line) & ((ours.value - value).abs() < 1e-6) & (ours.unit == g.unit)
        ]
        match = found.iloc[0] if not found.empty else None
        rows.append(
            {
                "line": g.line, "value": g.value, "unit": g.unit, "golden_label": g.label,
                "found": match is not None,
                "label": match["label"] if match is not None else None,
                "same_entity": match is not None
                and (match.entity_type, match.entity_code) == (g.entity_type, g.entity_code),
                "entity": f"{match.entity_type}/{match.entity_code} vs "
                f"{g.entity_type}/{g.entity_code}" if match is not None else "",
                "same_period": match is not None
                and (match.period_kind, match.period_start, match.period_end)
                == (g.period_kind, g.period_start, g.period_end),
                "period": f"{match.period_kind} {match.period_start}..{match.period_end} vs "
                f"{g.period_kind} {g.period_start}..{g.period_end}" if match is not None else "",
                "same_label": match is not None
                and same_quantity_label(match["label"], str(g.label)),
                "same_qualifier": match is not None and match.qualifier == g.qualifier,
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def _misses(frame: pd.DataFrame, column: str, detail: str) -> str:
    wrong = frame[~frame[column]]
    return "\n".join(
        f"line {r.line}: {r.value:g} {r.unit}: {r[detail]}" for _, r in wrong.iterrows()
    )


def test_the_golden_file_covers_every_part_of_the_report() -> None:
    golden = pd.read_csv(GOLDEN, dtype=str, keep_default_na=False)
    assert len(golden) >= 150
    assert golden.line.astype(int).max() - golden.line.astype(int).min() > 4000
    assert set(golden.entity_type) >= {"department", "territory", "mds", "mdadt", "organisation"}
    assert set(golden.period_kind) - {"year"}  # periods other than the report year


def test_the_warehouse_holds_the_golden_sentence_figures(comparison) -> None:
    found = comparison[comparison.found]
    recall = len(found) / len(comparison)
    missing = comparison[~comparison.found]
    listing = "\n".join(
        f"line {r.line}: {r.value:g} {r.unit} ({r.golden_label})" for r in missing.itertuples()
    )
    assert recall >= 0.90, f"recall {recall:.1%}; not in the warehouse:\n{listing}"


@pytest.mark.parametrize(
    ("column", "detail", "minimum"),
    [
        ("same_entity", "entity", 0.90),
        ("same_period", "period", 0.95),
        ("same_qualifier", "golden_label", 0.95),
        ("same_label", "label", 0.80),
    ],
)
def test_the_golden_figures_agree(comparison, column: str, detail: str, minimum: float) -> None:
    found = comparison[comparison.found]
    share = found[column].mean()
    assert share >= minimum, f"{column}: {share:.1%}\n{_misses(found, column, detail)}"


def test_no_figure_of_the_wrong_rows_is_loaded(text_warehouse) -> None:
    """Names, codes and thresholds read as quantities, labels cut at a function word, and the
    misread "sur" and "dont" of the shipped report."""
    rows = wh.query(text_warehouse, STATEMENTS)
    spans = set(zip(rows.line, rows.source_span, strict=True))
    for line, span in [
        (4155, "62"),  # "Ingénierie 62"
        (4514, "3"),  # "planétarium 3D"
        (4737, "57"),  # "passage à la M 57"
        (4785, "6263"),  # "Le 6263" (a help desk)
        (4161, "2 000"),  # "communes de - 2 000 habitants"
        (1050, "100%"),  # "100% insertion" (a programme)
    ]:
        assert (line, span) not in spans, (line, span)
    rhs = rows[(rows.line == 4691) & (rows.value == 128)]
    assert rhs.label.tolist() == ["Agents RHS (total)"]
    # L4261 "a permis l'obtention de 43 millions d'euros": the amount obtained, no "Obtention"
    assert rows[(rows.line == 4261) & (rows.unit == "EUR")].label.tolist() == ["Montant obtenu"]
    on_1046 = wh.query(
        text_warehouse,
        "select indicator_code, value, part_of from v_statement "
        "where line = 1046 and source_kind = 'text'",
    )
    value_of = dict(zip(on_1046.indicator_code, on_1046.value, strict=True))
    wholes = {v: value_of.get(p) for v, p in zip(on_1046.value, on_1046.part_of, strict=True)}
    # "2 830 ménages accompagnés en ASLL dont 1241 nouvelles mesures, 194 AML dont 82 ..."
    assert wholes == {2830.0: None, 1241.0: 2830.0, 194.0: None, 82.0: 194.0}


def test_every_generated_label_is_a_noun_phrase(document, indicators, entities) -> None:
    result = extract_report(document, indicators, entities)
    labels = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    bad = sorted(label for label in labels.values() if not is_noun_phrase(label))
    assert not bad, bad
    lone = [label for label in labels.values() if re.fullmatch(r"[\W\d_]*\w{0,2}[\W\d_]*", label)]
    assert not lone, lone
    by_block: dict[tuple, list[str]] = {}
    for figure in result.figures:
        if figure.indicator_code in labels:
            key = (figure.block or figure.section, figure.location.order)
            by_block.setdefault(key, []).append(labels[figure.indicator_code])
    shared = {k: v for k, v in by_block.items() if len(v) != len(set(v))}
    assert not shared, shared


def test_a_restated_sentence_is_one_fact_with_two_places(text_warehouse) -> None:
    """The budget, the councillors and the agents are stated at lines 132 and 212."""
    facts = wh.query(
        text_warehouse,
        "select indicator_code, statements, line from v_indicator where source_kind = 'text' "
        "and indicator_code in ('budget_eur', 'councillors_count', 'agents_count') "
        "and value in (1870000000, 78, 7000) and qualifier is null order by 1",
    )
    assert facts.statements.tolist() == [2, 2, 2] and set(facts.line) == {132}
    places = wh.query(
        text_warehouse,
        "select line from v_statement where source_kind = 'text' "
        "and indicator_code = 'budget_eur' order by line",
    )
    assert places.line.tolist() == [132, 212]


def test_sentence_figures_of_hostile_text(entities, indicators) -> None:
    """Dates, codes, thresholds and phone numbers are no figures; relations are kept."""
    from pipelines.read.document import Document, Location, Section, TextLine

    lines = [
        "Le 12 mars 2022, 45 communes de moins de 2 000 habitants ont appelé le 03 21 21 62 62.",
        "Ce sont 6,8 millions de repas qui sont produits, soit 12 % de plus.",
        "Les 104 agents RHS sur 128 ont été formés ; 194 AML dont 82 nouvelles mesures.",
        "Le trafic est en hausse de 13,2 % depuis le lancement, et 33 380 offres à fin 2022.",
        "La RD 917 et le planétarium 3D accueillent 2 500 visiteurs d'EDEN62 au 1er janvier 2023.",
        "Il finance à hauteur de 28 % du montant des travaux 1 200 bénéficiaires, soit 12 %.",
    ]
    section = Section("Un essai", Location("essai.txt", line=1))
    section.blocks = [TextLine(t, Location("essai.txt", line=i + 2)) for i, t in enumerate(lines)]
    document = Document("essai.txt", "text", "0" * 64, 2022, [section])
    result = with_periods(extract_prose(document, indicators, entities), document)
    figures = result.figures
    got = {(f.location.line, f.source_span): f for f in figures}
    assert set(got) >= {
        (2, "45"), (3, "6,8 millions"), (4, "104"), (4, "128"), (4, "194"), (4, "82"),
        (5, "13,2 %"), (5, "33 380"), (6, "2 500"),
    }  # fmt: skip
    assert not {(2, "12"), (2, "2 000"), (2, "03"), (6, "917"), (6, "3")} & set(got)
    assert got[(3, "6,8 millions")].value == 6_800_000
    assert got[(4, "104")].part_of == got[(4, "128")].indicator_code
    assert got[(4, "82")].part_of == got[(4, "194")].indicator_code
    change = got[(5, "13,2 %")]
    assert (change.unit, change.period.kind if change.period else "year") == (
        "pct_change",
        "cumulative",
    )
    stock = got[(5, "33 380")].period
    assert stock is not None and stock.kind == "as_of"
    visitors = got[(6, "2 500")]
    assert (visitors.entity_type, visitors.entity_code) == ("organisation", "62-eden62")
    assert visitors.period is not None and str(visitors.period.end) == "2023-01-01"
    labels = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    ratio, share = got[(7, "28 %")], got[(7, "12 %")]
    assert labels[ratio.indicator_code] == "Part du montant des travaux"
    assert share.part_of == got[(7, "1 200")].indicator_code  # "soit": a share of the figure
    assert labels[got[(3, "6,8 millions")].indicator_code] == "Repas produits"


def _office_tables() -> list[tuple[str, str, str]]:
    from schemas.catalog import load_entity_catalog, load_indicator_catalog

    entities = load_entity_catalog()
    return [
        (kind.table_id, entity.code, entity.name)
        for kind in load_indicator_catalog().tables.values()
        for entity in entities.of_type(kind.entity_type)
    ]


@pytest.mark.parametrize(("table_id", "entity_code", "page"), _office_tables())
def test_each_office_table_sits_under_its_office_page(
    text_warehouse, table_id: str, entity_code: str, page: str
) -> None:
    """An MDS or MDADT table's rows carry the office's page as section, whatever heading
    (a photo caption, the previous block's title) the layout printed above them."""
    rows = wh.query(
        text_warehouse,
        f"select distinct section, entity_code from v_statement where source_kind = 'text' "
        f"and block = '{table_id}:{entity_code}'",
    )
    if entity_code == "62-mds-lens-lievin":  # the report does not print its table
        assert rows.empty
        return
    assert rows.values.tolist() == [[page, entity_code]]


@pytest.fixture(scope="module")
def statements(document, indicators, entities) -> pd.DataFrame:
    """Every figure of the export with its label, as the extraction gives it."""
    result = extract_report(document, indicators, entities)
    labels = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    return pd.DataFrame(
        [
            {
                "line": f.location.line, "span": f.source_span, "value": f.value,
                "unit": f.unit, "qualifier": f.qualifier or "", "code": f.indicator_code,
                "label": labels.get(f.indicator_code, f.indicator_code),
                "period": f.period.kind if f.period else "year",
                "period_start": str(f.period.start) if f.period else "",
                "period_end": str(f.period.end) if f.period else "",
                "part_of": f.part_of, "entity": f.entity_code,
            }
            for f in result.figures
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "span"),
    [
        (833, "917"),  # "La route départementale 917"
        (4883, "2070"),  # "à horizon 2070"
        (4582, "360"),  # "une vue imprenable à 360°"
        (1473, "5"),  # "l'axe 5"
        (3935, "3"),  # "phases 3 et 4"
        (2570, "1919"),  # "du 3 septembre 1919"
        (3437, "62"),  # "Eden 62"
        (4369, "4"),  # "le secteur 4"
        (4580, "10"),  # "les 10 prochaines années"
        (1390, "360"),  # "des communautés 360 et des dispositifs"
        (1889, "2"),  # "L'équipe de protection maternelle et infantile de Lens 2 était"
        (3243, "moins de 2 500"),  # "communes de moins de 2 500 habitants": a condition
        (4162, "moins de 540"),  # "ont moins de 540 habitants"
    ],
)
def test_names_dates_angles_horizons_and_thresholds_are_no_figures(
    document, statements, line: int, span: str
) -> None:
    text = next(t.text for _, t in document.lines() if t.location.line == line)
    assert span in text  # the line still holds the number
    here = statements[statements.line == line]
    assert span not in set(here.span), here[["span", "label"]].to_string()


def test_number_first_lines_are_read_with_what_they_count(statements) -> None:
    """ "92 007 : le nombre d'abonnés au compte Facebook du Département (+ 13,2 %)"."""
    rows = statements[statements.line.isin([4901, 4903, 4909])].set_index("span")
    assert rows.loc["698 000", "label"] == "Exemplaires de l'Echo du Pas-de-Calais"
    assert rows.loc["92 007", "label"] == "Abonnés au compte Facebook du Département"
    change = rows.loc["+ 13,2 %"]
    assert (change.unit, change.value) == ("pct_change", 13.2)
    assert rows.loc["82", "label"] == "Plans média"


def test_qualifiers_come_from_the_words_before_the_figure(statements) -> None:
    def qualifier(line: int, value: float) -> str:
        row = statements[(statements.line == line) & (statements.value == value)]
        return str(row.qualifier.iloc[0])

    assert qualifier(4807, 45959) == "approx"  # "quelques 45 959 sollicitations": said so
    assert qualifier(4671, 2e9) == "approx"  # "un budget proche des 2 milliards d'euros"
    assert qualifier(2325, 2.2) == "at_most"  # "ne pas dépasser 2,20 €"


def test_periods_read_from_the_sentence_and_its_paragraph(statements) -> None:
    def period(line: int, value: float) -> tuple[str, str, str]:
        row = statements[(statements.line == line) & (statements.value == value)].iloc[0]
        return row.period, row.period_start, row.period_end

    assert period(4346, 102) == ("cumulative", "None", "2022-12-31")  # "Le bilan cumulé ..."
    assert period(2517, 36849)[0] == "cumulative"  # "36 849 ml fonds conservés cumulés"
    assert period(1140, 144) == ("as_of", "None", "2022-12-31")  # "valides au 31/12"
    # L4174 under "La fin de la contractualisation précédente (2019-2022) :": the envelope
    # voted is of those years, its part "en 2022" of the year
    assert period(4174, 25_000_000) == ("multi_year", "2019-01-01", "2022-12-31")
    assert period(4174, 5_490_000)[0] == "year"


def _period_of_words(line: str, figure: str) -> tuple[str, str, str]:
    """The kind, first and last day `period_of` gives the figure written `figure` in `line`
    of a 2022 report."""
    from pipelines.extract.periods import period_of

    at = line.index(figure)
    found = period_of(line, at, at + len(figure), 2022)
    return found.kind, str(found.start), str(found.end)


def test_an_event_dates_the_figures_it_gathered() -> None:
    """The days an event took place, as the words give them, date the figures it gathered;
    the kind stays the year, an amount or a length keeps the whole year, and a date that
    says when something started or a decision was taken dates nothing."""
    period = _period_of_words

    # L829, a timeline item opening on its day
    item = ("19 mai - Wingles - La Grande course contre la faim, projet sportif, dynamique et "
            "solidaire a rassemblé 1800 collégiens sur la base de loisirs.")  # fmt: skip
    assert period(item, "1800") == ("year", "2022-05-19", "2022-05-19")
    # L642: a place before the day, and "pendant 7 jours" after it
    tornado = ("Bihucourt - 23 octobre - Tornado - 28 agents de 5 CER sont intervenus pendant "
               "7 jours pour déblayer et évacuer les débris.")  # fmt: skip
    assert period(tornado, "28") == ("year", "2022-10-23", "2022-10-29")
    # L827: the day something was validated: its figures are what was decided, not dated
    decided = ("18 janvier - Conférence territoriale - Elle a validé les grands enjeux : "
               "accompagnement de 28 quartiers en difficultés.")  # fmt: skip
    assert period(decided, "28") == ("year", "2022-01-01", "2022-12-31")
    # L4494: the date nearest the figure in its sentence
    budget = ("En septembre, près de 13 000 habitants ont voté pour leurs projets préférés et "
              "44 lauréats ont été récompensés lors du Conseil Départemental de l'ESS du 24 "
              "novembre 2022.")  # fmt: skip
    assert period(budget, "13 000") == ("year", "2022-09-01", "2022-09-30")
    assert period(budget, "44") == ("year", "2022-11-24", "2022-11-24")
    # L1096 and L2141: a sentence that speaks of the event the one before dated
    club = ("Ces avancées ont été saluées lors du club des territoires, le 29 novembre "
            "dans l'hémicycle. Près de 130 participants ont ainsi été réunis.")  # fmt: skip
    assert period(club, "130") == ("year", "2022-11-29", "2022-11-29")
    respite = ("Ces projets se sont déroulés, respectivement, en mai et en juin. 50 aidants ont "
               "ainsi participé à ces 2 journées de répit.")  # fmt: skip
    assert period(respite, "50") == ("year", "2022-05-01", "2022-06-30")
    # L2827: the next sentence dates what the figure's sentence spoke of
    show = ("L'exposition témoigne de l'attractivité de l'offre avec 15 000 visiteurs. Cette "
            "exposition a été présentée du 2 avril au dimanche 6 novembre 2022.")  # fmt: skip
    assert period(show, "15 000") == ("year", "2022-04-02", "2022-11-06")
    # not an event's: a start (L1190), money settled on a day (L3763), another year
    started = ("Poursuite de l'AEMOR amorcée en avril 2021, avec, en 2022, la création de 105 "
               "nouvelles mesures")  # fmt: skip
    assert period(started, "105") == ("year", "2022-01-01", "2022-12-31")
    settled = "une subvention de 87 500 €, dossier soldé le 25 novembre 2022."
    assert period(settled, "87 500 €") == ("year", "2022-01-01", "2022-12-31")
    launched = "Lancé le 6 avril, le dispositif a accompagné 300 personnes."
    assert period(launched, "300") == ("year", "2022-01-01", "2022-12-31")
    earlier = "Le 12 mai 2021, 300 personnes étaient réunies."
    assert period(earlier, "300") == ("year", "2022-01-01", "2022-12-31")
    # a misprinted day or a stretch that runs backwards dates nothing
    assert period("Le 31 avril, 300 personnes réunies.", "300")[1] == "2022-01-01"
    assert period("De juin à mars, 300 personnes réunies.", "300")[1] == "2022-01-01"


@pytest.mark.parametrize(
    ("line", "figure", "days"),
    [
        # a stretch with its years or weekdays is one stretch, not its first day
        ("L'exposition, présentée du samedi 2 avril 2022 au dimanche 6 novembre 2022, a"
         " accueilli 15 000 visiteurs.", "15 000", ("2022-04-02", "2022-11-06")),
        ("Du 2 au 6 mai 2022, 300 personnes ont été accueillies.", "300",
         ("2022-05-02", "2022-05-06")),  # not a stock "au 6 mai 2022"
        ("Du 20 décembre au 5 janvier, 300 personnes ont été accueillies.", "300", None),
        # a start, a decision, a deadline, a street, another year: no event's day
        ("Voté en décembre, le plan comporte 300 actions.", "300", None),
        ("Le dispositif mis en place le 6 avril a accompagné 300 personnes.", "300", None),
        ("À compter du 1er septembre, 300 familles sont accompagnées chaque mois.", "300", None),
        ("La crèche, dont l'ouverture, en septembre, a été saluée, accueille 40 enfants.", "40",
         None),
        ("Le 12 décembre, l'assemblée a validé 45 fiches actions.", "45", None),
        ("Le centre social de la place du 11 Novembre a accueilli 450 enfants.", "450", None),
        ("8 mai 1945 - Commémoration : 300 participants.", "300", None),
        ("12 décembre - Ouverture de la crèche : 60 berceaux.", "60", None),
        ("En septembre, 13 000 habitants ont voté et 44 lauréats ont été récompensés le 24"
         " novembre 2021.", "44", None),  # the nearest date is of another year
        # a stock or what holds all year
        ("Le 8 décembre 2022, les 6 873 agents inscrits sur les listes électorales ont été"
         " appelés à élire leurs représentants.", "6 873", None),
        ("19 octobre - La maison des ados fête ses 10 ans. Elle accompagne chaque année 1 500"
         " jeunes.", "1 500", None),
        # a sentence after that does not speak of the event
        ("Le 12 mars, le comité de pilotage s'est réuni. Il accompagne 1 200 familles.", "1 200",
         None),
        ("Le service a accompagné 1 200 familles. Ce dispositif sera étendu en septembre.",
         "1 200", None),
        # a count of days is not dated by one day, it is by a stretch
        ("10 octobre - Liévin - la semaine bleue ! Elle a été déclinée avec 7 dates. Près de"
         " 600 personnes ont été accueillies !", "7 dates", None),
        ("10 octobre - Liévin - la semaine bleue ! Elle a été déclinée avec 7 dates. Près de"
         " 600 personnes ont été accueillies !", "600", ("2022-10-10", "2022-10-10")),
        ("23 juin - 2 juillet - Midsummer festival : 300 participants.", "300",
         ("2022-06-23", "2022-07-02")),
        ("Au mois de mai, 300 dossiers ont été traités.", "300", ("2022-05-01", "2022-05-31")),
        # what a second read found
        ("Le dispositif, lancé officiellement le 6 avril, a accompagné 300 personnes.", "300",
         None),
        ("La convention signée avec la CAF le 3 mars a permis 300 accueils.", "300", None),
        ("Les 45 fiches actions seront votées le 12 décembre.", "45", None),
        ("Mai - Juin - 300 participants.", "300", ("2022-05-01", "2022-06-30")),
        ("Le 22 juin, le comité s'est réuni à Arras. Il y a 45 places en crèche.", "45", None),
        ("Le musée a accueilli 15 000 visiteurs. Ce site a été fermé du 2 au 6 mai.", "15 000",
         None),
        ("La plateforme a enregistré 5 500 réservations. Cette plateforme a été mise en ligne le"
         " 15 octobre.", "5 500", None),
        ("Le 1er janvier, le Département dispose de 45 agents.", "45", None),
    ],
)  # fmt: skip
def test_what_dates_an_event_and_what_does_not(line, figure, days) -> None:
    """What a read of the event dates found: each line, and the days it gives its figure
    (None: the whole report year)."""
    whole = ("2022-01-01", "2022-12-31")
    assert _period_of_words(line, figure) == ("year", *(days or whole))


def test_periods_of_quarters_opening_phrases_and_asides() -> None:
    period = _period_of_words

    # L4555: a quarter of the report year: the year, narrowed to its days
    quarter = "400 passages à la tyrolienne sur le 4ème trimestre"
    assert period(quarter, "400") == ("year", "2022-10-01", "2022-12-31")
    # L1271: the item opens on its period; the figure's own sentence has none
    opening = ("- ◆ Du 15 octobre 2022 au 15 janvier 2023 une plateforme de réservation en "
               "ligne a été mise en place pour l'Égyptobus. Plus de 5500 réservations ont été "
               "réalisées via internet.")  # fmt: skip
    assert period(opening, "5500") == ("multi_year", "2022-10-15", "2023-01-15")
    # L1284: a date in brackets is that of the figure before them, not of those after
    aside = ("En proximité immédiate des 1 453 934 habitants (Source : INSEE, estimation "
             "1^{er} janvier 2023), les agents exercent dans 25 sites et 9 antennes")  # fmt: skip
    assert period(aside, "1 453 934") == ("as_of", "None", "2023-01-01")
    assert period(aside, "9 antennes")[0] == "year"
    # L2239: "l'adoption fin 2022 des 3 pactes" dates an event, not a stock
    assert period("avec l'adoption fin 2022 des 3 pactes", "3 pactes")[0] == "year"


def test_a_figure_is_placed_where_its_words_stand_whole() -> None:
    from pipelines.extract.report import _span_start

    line = "des 1 453 934 habitants, des 25 sites et des 9 antennes"
    assert line[_span_start(line, "9") :].startswith("9 antennes")
    assert _span_start(line, "1 453 934") == 4


def test_a_shared_value_and_head_word_do_not_make_one_fact(statements) -> None:
    """ "14 places d'appartements" (1191) is not the 14 places at Noyelles (1188); "4 nouveaux
    dispositifs d'aide" (4754) are not "4 nouveaux mobiliers" (3397); the three 87 500 €
    grants of 3934-3935 stay three facts."""
    code = statements.set_index(["line", "value"])["code"]
    assert code[(1191, 14.0)] != code[(1188, 14.0)]
    assert code[(4754, 4.0)] != code[(3397, 4.0)]
    grants = statements[statements.line.isin([3934, 3935]) & (statements.value == 87500)]
    assert len(grants) == 3 and grants.code.nunique() == 3


def test_number_words_and_shares_in_words(entities, indicators) -> None:
    from pipelines.read.document import Document, Location, Section, TextLine

    lines = [
        "Le Département a accompagné quarante-cinq associations et trois cents familles.",
        "La moitié des communes ont adhéré ; un tiers des collèges sont équipés.",
    ]
    section = Section("Un essai", Location("essai.txt", line=1))
    section.blocks = [TextLine(t, Location("essai.txt", line=i + 2)) for i, t in enumerate(lines)]
    document = Document("essai.txt", "text", "0" * 64, 2022, [section])
    figures = extract_prose(document, indicators, entities).figures
    got = {(f.source_span, f.value, f.unit) for f in figures}
    assert got == {
        ("quarante-cinq", 45.0, "count"),
        ("trois cents", 300.0, "count"),
        ("La moitié", 50.0, "pct"),
        ("un tiers", 33.3, "pct"),
    }


def _extract_lines(lines: list[str], indicators, entities, title: str = "Un essai"):
    from pipelines.read.document import Document, Location, Section, TextLine

    section = Section(title, Location("essai.txt", line=1))
    section.blocks = [TextLine(t, Location("essai.txt", line=i + 2)) for i, t in enumerate(lines)]
    document = Document("essai.txt", "text", "0" * 64, 2022, [section])
    result = with_periods(extract_prose(document, indicators, entities), document)
    result = with_headline_qualifiers(result, document)
    labels = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    return {
        (f.location.line, f.source_span): (f, labels.get(f.indicator_code, f.indicator_code))
        for f in result.figures
    }


def test_relations_ranges_lists_and_amounts_of_items(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Les publications attirent environ 200 à 400 likes par publication.",
            "L'accueil familial a proposé des parcours de marche nordique (3, 5 et 8 km).",
            "- ◆ FARDA : création d'une garderie périscolaire à Sainte-Marie-Kerque (sub 87 500 €)",
            "Le siège, au 37 rue du Temple à Arras, a été rénové pour un montant de 644 636 euros.",
            "Au total, 1,7 million € ont été consacrés aux projets éducatifs des collèges.",
        ],
        indicators,
        entities,
    )
    low, high = got[(2, "environ 200")], got[(2, "400")]
    assert (low[0].qualifier, high[0].qualifier) == ("approx", "approx")  # "environ": loose
    assert (low[1], high[1]) == (
        "Likes par publication (minimum)",
        "Likes par publication (maximum)",
    )
    assert {got[(3, span)][0].unit for span in ("3", "5", "8 km")} == {"km"}
    assert got[(4, "87 500 €")][1] == (
        "Subvention : création d'une garderie périscolaire à Sainte-Marie-Kerque"
    )
    assert (5, "37") not in got  # an address
    assert got[(6, "1,7 million €")][1] == "Montant consacré aux projets éducatifs des collèges"


def test_an_item_keeps_its_own_bracket_and_no_name_is_cut(indicators, entities) -> None:
    """Lines 3934-3935 of the report: the grant's item is the work, not the commune after the
    work's "(phases 3 et 4)", and a name the label's length would cut is left out whole."""
    got = _extract_lines(
        [
            "- ◆ *FARDA Bourg Centre (BC)* : aménagement du centre-bourg (phases 3 et 4) à "
            "Audruicq (sub 87 500 €)",
            "- ◆ *FARDA Equipement et Aménagement (EA)* : création d'un bâtiment périscolaire à "
            "l'école *Les Sources bleues* à Andres (sub 87 500 €)",
            "- ◆ Travaux : réfection des toitures (120 000 €) et rénovation des sanitaires du "
            "gymnase (sub 40 000 €)",
        ],
        indicators,
        entities,
    )
    assert got[(2, "87 500 €")][1] == "Subvention : aménagement du centre-bourg"
    assert (2, "3") not in got and (2, "4") not in got  # phases: no figures
    assert got[(3, "87 500 €")][1] == "Subvention : création d'un bâtiment périscolaire"
    # a bracket that holds an amount closes the item before it
    assert got[(4, "40 000 €")][1] == "Subvention : rénovation des sanitaires du gymnase"


def test_respectively_lists_amounts_for_works_and_shares_among_the_figure_before(
    indicators, entities
) -> None:
    """Lines as a reworded report writes them (tests/data/reworded-3)."""
    got = _extract_lines(
        [
            "Soutien à la diffusion culturelle : les aides à la diffusion de proximité et les "
            "saisons culturelles intercommunales soutenues s'élèvent respectivement à 81 et à huit",
            "- ◆ Reconstructions du pont Valois à Guînes et du pont de la RD 33 à Méricourt, pour "
            "respectivement 760 000 € et 985 000 €, et réparation du pont de St-Folquin sur la "
            "RD 940 (cinq cent vingt mille euros) ;",
            "Les trois réseaux comptent respectivement 55 500, 12 200 et 20 500 abonnés.",
            "Plusieurs chantiers ont été menés : 389 420 euros pour la restructuration de l'entrée "
            "du collège Cousteau et 104 260 euros pour la rénovation des cages d'escaliers.",
            "- ◆ 5 811 demandes de subventions reçues ; 45 % d'entre elles ont été dématérialisées",
            "Le repas est facturé 2,20 € pour les collégiens demi-pensionnaires.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "81")][1] == "Aides à la diffusion de proximité"
    # a label without a complement takes the heading its line opens on
    assert got[(2, "huit")][1] == (
        "Saisons culturelles intercommunales soutenues (Soutien à la diffusion culturelle)"
    )
    assert got[(3, "760 000 €")][1] == "Reconstructions du pont Valois à Guînes"
    assert got[(3, "985 000 €")][1] == "Reconstructions du pont de la RD 33 à Méricourt"
    assert (
        got[(3, "cinq cent vingt mille euros")][1] == "Montant : réparation du pont de St-Folquin"
    )
    assert {got[(4, s)][1].split(" (")[0] for s in ("55 500", "12 200", "20 500")} == {"Abonnés"}
    assert (
        got[(5, "389 420 euros")][1] == "Montant : restructuration de l'entrée du collège Cousteau"
    )
    assert got[(5, "104 260 euros")][1] == "Montant : rénovation des cages d'escaliers"
    share, whole = got[(6, "45 %")][0], got[(6, "5 811")][0]
    assert got[(6, "45 %")][1] == "Demandes de subventions reçues dématérialisées (part en %)"
    assert share.part_of == whole.indicator_code
    assert got[(7, "2,20 €")][1] == "Repas facturé"  # "pour les collégiens": whom, not what for


def test_an_amount_labelled_by_a_verb_is_named_by_its_heading_or_its_clause(
    indicators, entities
) -> None:
    """A verb, a participle or an empty word is no label: the heading before the colon, or
    the subject of the clause, names the amount; a change "en hausse de" is of the figure
    before (lines as reworded copies write them)."""
    got = _extract_lines(
        [
            "Mesures jeunesses : 2,55 millions € mobilisés",
            "Pour le secteur du handicap, les revalorisations salariales des personnels des ESMS "
            "ont été financées par le Département à hauteur de 5,7 M€.",
            "- ◆ Eau potable : le nombre de forages suivis atteint 57, en hausse de 18 % par "
            "rapport à 2021",
            "Appel à Projet Innovation Territoriale : subv 297 748 € - travaux 2,1 M€",
            "- ◆ 635 000 € attribués aux 14 partenaires agricoles",
            "A noter également l'intervention à hauteur de 455 000€ du Département.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2,55 millions €")][1] == "Mesures jeunesses"
    assert got[(3, "5,7 M€")][1] == "Montant : revalorisations salariales des personnels des ESMS"
    change, count = got[(4, "18 %")][0], got[(4, "57")][0]
    assert got[(4, "57")][1] == "Forages suivis (Eau potable)"  # "le nombre de ... atteint 57"
    assert (change.unit, got[(4, "18 %")][1]) == (
        "pct_change",
        "Évolution : forages suivis (Eau potable)",  # of the count, as its context names it
    )
    assert change.part_of == count.indicator_code
    # a noun the parser took for an adjective stays, with the heading it is of
    assert got[(5, "2,1 M€")][1] == "Travaux (Appel à Projet Innovation Territoriale)"
    assert got[(6, "635 000 €")][1] == "Montant attribué aux partenaires agricoles"
    # not "Intervention à hauteur": the noun before, what it is of after the amount
    assert got[(7, "455 000€")][1] == "Intervention du Département"


def test_an_amount_for_whom_under_a_heading_and_metres_after_a_figure(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Dotations de fonctionnement des collèges (DGF + dotations complémentaires) : 15,6 "
            "millions € pour les collèges publics et 4,2 millions € pour les collèges privés",
            "Des défenses de berges ont été entreprises, pour un linéaire total de 1 175 m et un "
            "montant total de 110 000 € TTC.",
            "Trente-six sites d'accueil maillent le territoire des sept MDADT.",
        ],
        indicators,
        entities,
    )
    heading = "Dotations de fonctionnement des collèges"
    assert got[(2, "15,6 millions €")][1] == f"{heading} : collèges publics"
    assert got[(2, "4,2 millions €")][1] == f"{heading} : collèges privés"
    assert got[(3, "1 175 m")][0].unit == "m"
    # no verb in the label: the key figure's indicator, by meaning
    assert got[(4, "Trente-six")][0].indicator_code == "reception_sites_count"


def test_a_key_figure_amount_stated_by_what_was_done_with_it() -> None:
    from pipelines.extract.key_figure_blocks import label_of

    def labels(body: str) -> list[str]:
        figures = find_quantities(body, cardinals=True)
        return [label_of(body, figures, i) for i in range(len(figures))]

    assert labels("0,3 M€ consacrés à six cent quatre-vingt-dix aides financières (AFP)") == [
        "montant consacré : aides financières",
        "aides financières",
    ]
    assert labels("49,5 millions € consacrés aux ressources humaines") == [
        "montant consacré aux ressources humaines"
    ]
    assert labels("10 000€ pour la santé") == ["santé"]  # a noun ending in é is no participle
    # a share in brackets is of the phrase before it (tests/data/reworded-9, line 1034); not
    # a ratio said in words, and not one side of an "et" the bracket closes
    assert labels(
        "**43 870** orientations ont été réalisées, respectivement vers la sphère solidarité"
        " (57 %), la sphère professionnelle (19 %) et Pôle emploi (24 %)."
    )[1:] == ["sphère solidarité", "sphère professionnelle", "Pôle emploi"]
    assert labels("Interventions CMB et Atelier (6 274)") == ["Interventions CMB et Atelier"]
    assert labels("Deux demandes sur trois (67 %) portent sur des questions")[-1] != (
        "Deux demandes sur trois"
    )


def test_a_short_label_says_what_it_is_of(indicators, entities) -> None:
    """An adjective left from an enumeration takes the noun before it; a lone or vague noun
    the event, programme or heading its sentence is framed by (lines of the report)."""
    got = _extract_lines(
        [
            "Soutien aux structures culturelles : 5,1 millions € finançant 8 centres culturels de "
            "rayonnement départemental, 11 territorial, 21 local",
            "09 décembre - Saint-Omer - Nouvelle édition de l'Urban Trail. 2 500 participants, "
            "évènement sportif majeur, organisé par le Département.",
            "Les élus ont rencontré 40 personnes dans le cadre du programme PEGASE qui dure.",
            "Le Département a accueilli 30 personnes.",
            "23 octobre - Tornade à Bihucourt - 28 agents et 5 CER mobilisés",
            "« Construisons notre Pas-de-Calais » c'était aussi des concertations : 1 tournée de "
            "13 dates du car podium, 40 articles intranet.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "11")][1] == "Centres culturels de rayonnement territorial"
    assert got[(2, "21")][1] == "Centres culturels de rayonnement local"
    assert got[(3, "2 500")][1] == "Participants (Urban Trail)"  # "Nouvelle édition de l'..."
    assert got[(4, "40")][1].endswith("(programme PEGASE)")  # cut before "qui"
    assert "(" not in got[(5, "30")][1]  # nothing frames it: no context made up
    assert got[(6, "28")][1] == "Agents mobilisés (Tornade à Bihucourt)"  # a dated line's field
    assert got[(7, "40")][1] == "Articles intranet (Construisons notre Pas-de-Calais)"


def test_a_label_keeps_its_participle_whole_and_stops_at_an_infinitive(
    indicators, entities
) -> None:
    """Sentences of the report: "ont ainsi été réunis" is passive, "mis en œuvre" one
    participle, "permis à 17 équipes de participer" names équipes, not what they did."""
    from pipelines.extract.phrases import phrase_after

    assert phrase_after(" participants ont ainsi été réunis") == "participants réunis"
    assert phrase_after(" aidants qui ont participé") == "aidants ayant participé"
    assert phrase_after(" outils départementaux ont été mis en œuvre") == (
        "outils départementaux mis en œuvre"
    )
    got = _extract_lines(
        ["Cette action a permis à 17 équipes de participer à 8 ateliers."], indicators, entities
    )
    assert got[(2, "17")][1].split(" (")[0] == "Équipes"


def test_a_figure_is_about_the_commune_its_phrase_names(indicators, entities) -> None:
    """The communes are the official list's (raw/reference/communes.csv); a name inside the
    département's, an office's or an EPCI's name is no commune."""
    got = _extract_lines(
        [
            "- ◆ Création de places d'internat : 75 places créées en 2022 (24 à Oignies, 14 à "
            "Noyelles-les-Vermelles, 9 à Calais et 6 à Bapaume);",
            "Plusieurs chantiers ont été menés : la restructuration de l'entrée du collège "
            "Cousteau "
            "à Bertincourt, pour un montant de 375 315 euros, la rénovation des cages d'escaliers "
            "au collège Carlin Legrand de Bapaume, pour un montant de 99 997 euros.",
            "- ◆ Poursuite, pour un montant de 4,3 M€, du contournement de Courrières (RD 919)",
            "Le Département du Pas de Calais a été retenu avec 3 autres départements.",
            "- ◆ Adoption des réglementations de boisements dans neuf communes de la communauté de "
            "communes de Desvres Samer;",
            "L'équipe de la MDS de Lens-Liévin a accueilli 40 familles.",
            "- ◆ 3,9 km de voie douce en site propre sur Sangatte, Marck et Oye plage.",
            "Pour faire face à la désertification médicale, la commune d'Alquines a réhabilité "
            "l'ancien presbytère. Le coût de l'opération s'est élevé à 252 840 €.",
        ],
        indicators,
        entities,
    )

    def commune(line: int, span: str) -> str | None:
        figure = got[(line, span)][0]
        return figure.entity_code if figure.entity_type == "commune" else None

    assert commune(2, "75") is None  # the whole: the Département's
    # its parts by place are about their commune, and stay parts of the whole (the breakdown
    # check adds them up on the whole's line); the place is in their label too
    parts = ("24", "14", "9", "6")
    assert [commune(2, s) for s in parts] == ["62637", "62626", "62193", "62080"]
    assert {got[(2, s)][0].part_of for s in parts} == {got[(2, "75")][0].indicator_code}
    assert got[(2, "14")][1].endswith("à Noyelles-les-Vermelles")
    assert (commune(3, "375 315 euros"), commune(3, "99 997 euros")) == ("62117", "62080")
    assert commune(4, "4,3 M€") == "62250"
    assert commune(5, "3") is None and commune(6, "neuf") is None and commune(7, "40") is None
    assert commune(8, "3,9 km") is None  # three communes: none of them
    assert commune(9, "252 840 €") == "62024"  # the paragraph is the commune's


def test_department_figures_are_curated_indicators_by_meaning(indicators, entities) -> None:
    """However the sentence is worded, the councillors and the agents of the collectivity
    are the catalog's; other agents are not."""
    got = _extract_lines(
        [
            "Le budget a été voté par les soixante-dix-huit conseillers départementaux qui "
            "forment l'assemblée, et quelque 7 150 agents servent la collectivité.",
            "Adopté par les 78 élus siégeant à l'assemblée départementale.",
            "28 agents de 5 CER sont intervenus pendant la tempête.",
            "Le canton compte 2 conseillers départementaux.",
            "La commune de Liévin compte 31 000 habitants.",
            "Au collège, 12 agents de la collectivité assurent l'entretien.",
            "Au total, trente-six sites d'accueil maillent le Pas-de-Calais ; chaque territoire "
            "dispose d'une Maison du Département.",
        ],
        indicators,
        entities,
    )
    # a key figure's indicator, stated in a sentence (a reworded copy's line 239)
    assert got[(8, "trente-six")][0].indicator_code == "reception_sites_count"
    assert got[(2, "soixante-dix-huit")][0].indicator_code == "councillors_count"
    assert got[(2, "quelque 7 150")][0].indicator_code == "agents_count"
    assert got[(3, "78")][0].indicator_code == "councillors_count"
    assert got[(4, "28")][0].indicator_code.startswith("tx_")
    for line, span in [(5, "2"), (6, "31 000"), (7, "12")]:  # a smaller place's
        assert got[(line, span)][0].indicator_code.startswith("tx_"), (line, span)


def test_a_box_title_names_whom_its_figures_are_about(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Des partenaires engagés",
            "EDEN62",
            "64 sites naturels dont 55 ouverts au public, répartis sur 6224 ha",
            "Des actions pour tous",
            "Plus de 300 conseils ont été donnés.",
        ],
        indicators,
        entities,
    )
    assert got[(4, "64")][0].entity_code == "62-eden62"
    assert got[(6, "Plus de 300")][0].entity_code == entities.department.code


def test_a_plan_stated_in_the_next_sentence_makes_a_forecast(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Une maison d'enfants d'une capacité d'accueil pour 20 jeunes a été autorisée. Son "
            "ouverture est prévue à l'horizon 2025. Ce projet bénéficie de 5,73 M€.",
        ],
        indicators,
        entities,
    )
    period = got[(2, "20")][0].period
    assert period is not None and (period.kind, str(period.end)) == ("forecast", "2025-12-31")
    assert got[(2, "5,73 M€")][0].period is None  # the report year
    other = _extract_lines(
        ["Le collège compte 600 élèves. Une extension est prévue en 2024."], indicators, entities
    )
    assert other[(2, "600")][0].period is None  # another thing is planned


def test_key_figure_lines_in_any_order(indicators) -> None:
    from pipelines.extract import Context
    from pipelines.extract.key_figures import read_key_figure
    from pipelines.read.document import Location, TextLine

    where = Context(extractor="essai", section="Un essai", entity_type="territory",
                    entity_code="62-arrageois")  # fmt: skip
    read = {}
    for n, text in enumerate(
        [
            "- Bassins : 51",
            "- ⇒ Le territoire compte vingt-quatre bâtiments départementaux",
            "- Voiries départementales : 1 802 km",
            "- Population : 150 112 habitants, soit 10,3 % de celle du Pas-de-Calais",
            "- ⇒ 60 bâtiments départementaux",
            "- ⇒ densité : 1 051 habitants au km²",
            "- * 11 : le nombre de projets sportifs locaux innovants sur la thématique des JO",
            "- ⇒ 12 communes nouvelles",
        ]
    ):
        extraction = read_key_figure(
            TextLine(text, Location("essai.txt", line=n)), where, indicators
        )
        read[n] = {(f.indicator_code, f.value) for f in extraction.figures}
    assert read == {
        0: {("basins_count", 51.0)},
        1: {("buildings_count", 24.0)},
        2: {("road_length_km", 1802.0)},
        3: {("population", 150112.0), ("population_share_pct", 10.3)},
        4: {("buildings_count", 60.0)},
        5: {("density_per_km2", 1051.0)},
        6: {("sport_local_projects_count", 11.0)},
        7: set(),  # "communes nouvelles" are not all the communes
    }


def test_a_lone_noun_is_named_with_what_it_belongs_to(indicators, entities) -> None:
    got = _extract_lines(
        [
            # lines 835 and 840 of the report
            "Les Assises du Territoire ont permis de présenter aux élus du Bassin minier le projet "
            "de mandat décliné en 3 pactes et engageant la 4^e génération de contractualisation.",
            "Cette semaine nationale des retraités et des personnes âgées a été déclinée sur "
            "l'ensemble des territoires avec 7 dates et un spectacle.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3")][1] == "Pactes (projet de mandat)"
    assert got[(3, "7")][1] == "Dates (semaine nationale des retraités)"


def test_a_breakdown_in_brackets_is_the_parts_of_the_figure_before(statements) -> None:
    """Line 2359: "82 écoles aidées (7 ressources, 10 associées, 65 hors réseau)"; a part a
    word or two name says its whole's context, as the readers of seed 4848 asked."""
    rows = statements[statements.line == 2359].set_index("value")
    whole = rows.loc[82.0, "code"]
    parts = {v: rows.loc[v, "label"] for v in (7.0, 10.0, 65.0)}
    schema = "(Schéma départemental des enseignements et des pratiques artistiques)"
    assert parts == {
        7.0: f"Écoles aidées : ressources {schema}",
        10.0: f"Écoles aidées : associées {schema}",
        65.0: f"Écoles aidées : hors réseau {schema}",
    }
    assert whole.startswith("tx_")
    assert {rows.loc[v, "part_of"] for v in (7.0, 10.0, 65.0)} == {whole}


def test_a_pair_a_slash_b_names_the_second_by_the_first(statements) -> None:
    """Line 4530: "201 communes inscrites / 69 labellisées"."""
    rows = statements[statements.line == 4530].set_index("value")
    assert (rows.loc[201.0, "label"], rows.loc[69.0, "label"]) == (
        "Communes inscrites (Fleurir le Pas-de-Calais)",
        "Communes labellisées (Fleurir le Pas-de-Calais)",
    )


def test_an_amount_for_a_heading_noun_the_parser_took_for_an_adjective(
    indicators, entities
) -> None:
    got = _extract_lines(
        [
            "Soutien aux artistes, créations et projets avec la population pour 2,6 millions €: "
            "162 aides aux projets culturels"
        ],
        indicators,
        entities,
    )
    assert got[(2, "2,6 millions €")][1].startswith("Soutien aux artistes")
    assert got[(2, "162")][1] == "Aides aux projets culturels"


def test_a_body_named_in_brackets_is_an_aside_to_the_figure(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Dans le cadre de l'ESS, un partenariat est formalisé avec une diversité de "
            "partenaires (Pas-de-Calais Actif, APES, Propulsons!, Les Cigales Hauts-de-France) "
            "ainsi que onze fondations dans le cadre du Budget citoyen.",
            "Pas-de-Calais Actif a accompagné 120 projets en 2022.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "onze")][0].entity_code == entities.department.code
    assert got[(3, "120")][0].entity_code == "62-pas-de-calais-actif"


def test_labels_of_a_count_stated_after_its_noun_a_part_of_a_whole_and_works(statements) -> None:
    def label(line: int, value: float) -> str:
        row = statements[(statements.line == line) & (statements.value == value)]
        return str(row.label.iloc[0])

    # L255 "Les commissions thématiques : elles sont au nombre de 6."
    assert label(255, 6) == "Commissions thématiques"
    # L4917 "a consacré quatre des dix dossiers de l'année à expliquer la démarche": what
    # the four are of, and what they were given over to
    assert label(4917, 4) == "Dossiers de l'année consacrés à expliquer la démarche"
    assert label(4917, 10).startswith("Dossiers de l'année")
    # L4378 "1 voie accessible aux cyclistes et aux piétons en rive Ouest": the adjective's
    # complement whole, no group cut to one word ("en rive")
    assert label(4378, 1).startswith("Voie accessible aux cyclistes et aux piétons (")
    # L4753 "5 683 dossiers ... reçus, pour 2 963 structures": whose structures they are
    assert label(4753, 2963) == "Structures (dossiers demandes de subventions reçus)"
    # L3217 "subv : 10,1 M€ - travaux 55,6 M€": a whole word, not "Trav"
    assert label(3217, 55.6e6) == "Travaux (FARDA Aménagement)"


def test_labels_never_end_on_a_function_word_nor_are_a_tax_mention(statements) -> None:
    def label(line: int, value: float) -> str:
        row = statements[(statements.line == line) & (statements.value == value)]
        return str(row.label.iloc[0])

    # L3587 "la restructuration de l'entrée du collège Cousteau et de son parvis ..."
    assert label(3587, 375315) == "Montant : restructuration de l'entrée du collège Cousteau"
    # "..., au 37 rue du Temple à Arras, pour un montant de 644 636 euros": the item, not
    # its address
    assert label(3587, 644636).endswith(
        "restructuration des locaux de la direction de la communication"
    )
    # L4121 "... et un montant total de 110 000 € TTC": taxes say how, not what
    assert label(4121, 110000) != "TTC" and label(4121, 110000).startswith("Montant")
    endings = statements.label.str.extract(r"\s(\w+)$")[0].str.lower()
    function_words = [
        "et",
        "ou",
        "de",
        "des",
        "du",
        "à",
        "au",
        "aux",
        "pour",
        "sur",
        "vers",
        "dans",
    ]
    assert not endings.isin(function_words).any()
    # L4821 "1 533 élèves transportés vers 306 établissements": a key figure's label too,
    # one fact with L4835's "transport de 1533 élèves en situation de handicap", whose label
    # says more with every word of it
    assert label(4821, 1533) == "Élèves en situation de handicap transportés"
    assert label(4835, 1533) == label(4821, 1533)
    # L4356 "49 communes du Nord et du Pas-de-Calais": both complements
    assert label(4356, 49) == "Communes du Nord et du Pas-de-Calais"


def test_labels_of_capacities_counts_whose_change_follows_and_passive_amounts(statements) -> None:
    def label(line: int, value: float) -> str:
        row = statements[(statements.line == line) & (statements.value == value)]
        return str(row.label.iloc[0])

    # "pouvant accueillir 120 personnes", "d'une capacité de 90 berceaux"
    assert label(3591, 120) == (
        "Capacité d'accueil : personnes (salle multi-activités de Beaudricourt)"
    )
    assert label(1898, 90) == "Capacité d'accueil : berceaux"
    # L3294 "une croissance du nombre de bilans (101 soit + 38 % / 2021)"
    assert label(3294, 101) == "Bilans (Gestion de l'assainissement collectif)"
    assert label(3294, 38) == "Évolution : bilans (Gestion de l'assainissement collectif)"
    # the change of the figure before is named once, not "Bilans : évolution : bilans"
    assert not label(3294, 38).lower().startswith("bilans :")
    # L3945 "les chaudières du collège ... ont été remplacées pour un montant de 190 000 €"
    assert label(3945, 190000).startswith("Montant : chaudières du collège")


def test_measures_rates_and_what_people_did_name_the_quantity(indicators, entities) -> None:
    """Lines 660, 4375, 176, 3164, 1879 and 4839 of the report: a dimension says what it
    measures (and that it is a length), a count per day is a rate, a modal verb's infinitive
    says what was done."""
    got = _extract_lines(
        [
            "Divion - Avec un trafic de plus de 11 000 véhicules par jour, et une longueur de "
            "306 mètres, le viaduc de Divion est l'un des plus importants ouvrages d'art.",
            "- ◆ 2 écluses, l'une à Marquion-Bourlon et l'autre à Oisy-le-Verger (hauteur de "
            "chute de 25 mètres)",
            "Il assure la mobilité de tous en entretenant un réseau routier de plus de 6 000 km.",
            "- ◆ Mise en œuvre de 11,9 km de nouveaux itinéraires cyclables :",
            "41 personnes ont pu s'essayer aux métiers de la logistique et du transport dans les "
            "locaux de l'ASSIFEP, organisme de formation.",
            "L'opération « les MERcredis de l'été » permet de prendre le bus gratuitement. En "
            "2022, 8 146 personnes ont pu profiter de 56 itinéraires.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "plus de 11 000")][1] == "Véhicules par jour (viaduc de Divion)"
    assert got[(2, "306 mètres")][1] == "Longueur (viaduc de Divion)"
    assert got[(3, "25 mètres")][1] == "Hauteur de chute"
    assert got[(4, "plus de 6 000 km")][1] == "Longueur : réseau routier"
    assert got[(5, "11,9 km")][1] == "Longueur : nouveaux itinéraires cyclables"
    assert got[(6, "41")][1] == "Personnes ayant pu s'essayer aux métiers de la logistique"
    assert got[(7, "8 146")][1] == "Personnes (MERcredis de l'été)"  # not "ayant pu profiter"


def test_a_part_named_by_its_place_reads_as_one_phrase(statements) -> None:
    """Line 1188: "75 places créées (24 à Oignies, ...)"."""
    rows = statements[statements.line == 1188].set_index("span")
    assert rows.loc["24", "label"] == "Places d'internat créées à Oignies"
    assert rows.loc["24", "part_of"] == rows.loc["75", "code"]


def test_changes_said_by_a_verb_counts_brought_to_a_number_and_amounts_under_a_heading(
    indicators, entities
) -> None:
    """Next year's wordings: a change by its verb is the change of the verb's subject,
    "porte le nombre de X à N" counts X, "au titre de" names an amount without a noun."""
    got = _extract_lines(
        [
            "- ◆ Gestion de l'assainissement collectif : le nombre de stations en contrat "
            "progresse de 16 %, ce qui porte le nombre de bilans à cent six.",
            "Les dépenses ont diminué de 5 % en 2022.",
            "Le Département y a consacré 112 000 € au titre de la MMU et 205 000 € au titre de "
            "la contractualisation.",
        ],
        indicators,
        entities,
    )
    change = got[(2, "16 %")]
    assert (change[0].unit, change[1]) == (
        "pct_change",
        "Évolution : nombre de stations en contrat",
    )
    assert got[(2, "cent six")][0].value == 106
    assert got[(2, "cent six")][1].startswith("Bilans")
    fall = got[(3, "5 %")]
    assert (fall[0].unit, fall[0].value, fall[1]) == ("pct_change", -5.0, "Évolution : dépenses")
    assert got[(4, "205 000 €")][1] == "Montant (contractualisation)"


def test_key_figure_lines_worded_anew(indicators) -> None:
    """Profile items as another year may word them (tests/data/reworded*): a number in
    words, a label then a measure, a verb after the noun, the label's own words naming
    something else."""
    from pipelines.extract import Context
    from pipelines.extract.key_figures import read_key_figure
    from pipelines.read.document import Location, TextLine

    where = Context(extractor="essai", section="Un essai", entity_type="territory",
                    entity_code="62-arrageois")  # fmt: skip
    lines = {
        "- ⇒ Quatre intercommunalités (EPCI) : la communauté urbaine d'Arras, la communauté "
        "de communes du Sud-Artois": {("epci_count", 4.0)},
        "- ⇒ Routes départementales : un réseau de 1 450 km": {("road_length_km", 1450.0)},
        "- ⇒ Quatre-vingt-neuf communes composent le territoire": {("communes_count", 89.0)},
        "- ⇒ Huit cent un kilomètres de routes départementales": {("road_length_km", 801.0)},
        "- ⇒ Superficie : quatre cent un km², soit 6 % du territoire départemental": {
            ("area_km2", 401.0),
            ("area_share_pct", 6.0),
        },
        "- ⇒ Collèges : 35 établissements": {("colleges_count", 35.0)},
        "- ⇒ Population : 158 640 habitants, ce qui représente 10,8 % du Pas-de-Calais": {
            ("population", 158640.0),
            ("population_share_pct", 10.8),
        },
        "- ⇒ Piscines : 12 bassins couverts": set(),  # no indicator: a reject, not a guess
        # a participle after the counted noun, an adverb before the figure, the names
        # before what they number, a share after "c'est-à-dire"
        "- Quarante-sept bassins recensés": {("basins_count", 47.0)},
        "- En moyenne, 73,8 habitants par km²": {("density_per_km2", 73.8)},
        "- ⇒ CALL et CAHC, soit 2 EPCI à fiscalité propre.": {("epci_count", 2.0)},
        "- ⇒ Superficie : 480,6 km², c'est-à-dire 7,2 % du Pas-de-Calais": {
            ("area_km2", 480.6),
            ("area_share_pct", 7.2),
        },
        # the label, then the words that only give its number (tests/data/reworded-23)
        "- Ouvrages d'art présents sur le territoire, au nombre de quatre cent dix-neuf": {
            ("engineering_structures_count", 419.0)
        },
        "- Piscines couvertes, au nombre de 12": set(),  # no indicator: a reject
        "- Des collèges ont été rénovés, au total 12": set(),  # a clause, no label
    }
    for text, expected in lines.items():
        read = read_key_figure(TextLine(text, Location("essai.txt", line=1)), where, indicators)
        assert {(f.indicator_code, f.value) for f in read.figures} == expected, text


def test_a_name_spelled_out_before_its_acronym_and_an_amount_up_to_a_sum(
    indicators, entities
) -> None:
    """Lines 944 and 2365 of the report: the name a figure counts runs to its acronym; "à
    hauteur de" is the amount of what the verb financed; "et accompagnées de" starts another
    clause."""
    got = _extract_lines(
        [
            "Le Département a financé les revalorisations salariales des personnels des ESMS du "
            "secteur du handicap à hauteur de 5,4 M€. Une enveloppe a été reversée aux 54 "
            "Services d'Aide et d'Accompagnement à Domicile (SAAD) concernés.",
            "A travers 145 représentations proposées, avec plus de 150 partenaires et "
            "accompagnées de 80 actions de sensibilisations, le Département agit.",
            "Les 12 services de Médiation Familiale (SAAD) ont été réunis.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "54")][1] == "Services d'Aide et d'Accompagnement à Domicile (SAAD)"
    assert got[(2, "5,4 M€")][1].startswith("Revalorisations salariales des personnels")
    assert got[(3, "plus de 150")][1] == "Partenaires"
    assert "SAAD" not in got[(4, "12")][1]  # not the initials of its words


def test_the_items_of_a_planned_project_are_a_forecast(statements) -> None:
    """Lines 4373-4379, "Zoom sur le secteur 4": "28 kilomètres de linéaire", "2 écluses",
    ... and "Démarrage des travaux en 2024 – ... Mise en service du canal 2030"."""
    items = statements[statements.line.isin([4373, 4375, 4376, 4377, 4378])]
    assert sorted(items.value) == [1.0, 2.0, 2.0, 11.0, 25.0, 28.0]
    assert set(items.period) == {"forecast"}
    assert set(items.period_end) == {"2030-12-31"}
    # an item that says what was done ("10 communes ... traversées") and the list before it,
    # of what was done in 2022, stay the report year's
    assert set(statements[statements.line.isin([4348, 4374])].period) == {"year"}


def test_a_list_of_what_was_done_is_no_forecast_for_its_last_item() -> None:
    from pipelines.extract.periods import planned_lists
    from pipelines.read.document import Document, Location, Section, TextLine

    lines = [
        "- ◆ 12 collèges rénovés en 2022",
        "- ◆ 3,5 M€ investis dans les routes",
        "- ◆ 4 nouvelles aires de covoiturage",
        "- ◆ Mise en service de la nouvelle MDS de Liévin en 2024",
    ]
    section = Section("Un essai", Location("essai.txt", line=1))
    section.blocks = [
        TextLine(t, Location("essai.txt", line=i + 2), starts_group=i == 0)
        for i, t in enumerate(lines)
    ]
    planned = planned_lists(Document("essai.txt", "text", "0" * 64, 2022, [section]))
    assert {loc.line: p.kind for loc, p in planned.items()} == {4: "forecast"}


def test_a_line_that_cannot_be_read_is_a_reject_and_the_others_are_read(
    monkeypatch, indicators, entities
) -> None:
    """A line whose reading raises (here after its labels took their codes) is a reject with
    the error and its page's entity; the other lines are read as if it were not there."""
    from pipelines.extract import prose
    from pipelines.read.document import Document, Location, Section, TextLine

    original = prose._place

    def failing(text: str, *args, **kwargs):
        if "tempête" in text:
            raise ValueError("an unforeseen wording")
        return original(text, *args, **kwargs)

    monkeypatch.setattr(prose, "_place", failing)
    lines = ["La tempête a mobilisé 28 agents.", "Le Département a mobilisé 30 agents."]
    section = Section("Un essai", Location("essai.txt", line=1))
    section.blocks = [TextLine(t, Location("essai.txt", line=i + 2)) for i, t in enumerate(lines)]
    document = Document("essai.txt", "text", "0" * 64, 2022, [section])
    result = extract_prose(document, indicators, entities)
    [figure] = result.figures
    assert (figure.location.line, figure.value) == (3, 30.0)
    assert not figure.indicator_code.endswith("_2")  # the failed line took no code
    [reject] = result.rejects
    assert reject.location.line == 2
    assert reject.reason == "the line could not be read: ValueError: an unforeseen wording"
    assert (reject.source_text, reject.entity_code) == (lines[0], "62")


def test_a_figure_whose_words_name_an_office_is_the_office_s(indicators, entities) -> None:
    """Line 745: the Boulonnais territory's page, "9 équipes de la MDADT du Boulonnais
    mobilisées"; an office only in a label's added context is not what it counts."""
    got = _extract_lines(
        [
            "Passage du Tour de France : 9 équipes de la MDADT du Boulonnais mobilisées.",
            "Les MDS et les MDADT ont accueilli 40 familles.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "9")][0].entity_code == "62-mdadt-boulonnais"
    assert got[(3, "40")][0].entity_code == "62"  # no one office named


def test_a_lone_noun_is_named_by_what_it_does(statements) -> None:
    """Lines 339, 2239 and 4535: "trois pactes regroupant l'ensemble des champs
    d'intervention", "3 pactes qui fixent le cap ...", "3 pactes qui constitue le projet"."""
    labels = statements.set_index(["line", "span"]).label
    assert labels[(339, "trois")] == "Pactes regroupant l'ensemble des champs d'intervention"
    assert labels[(2239, "3")] == "Pactes fixant le cap des politiques publiques départementales"
    assert labels[(4535, "3")] == "Pactes constituant le projet de mandat"


def test_what_was_done_to_a_count_and_an_amount_after_a_pair(statements) -> None:
    """Line 1156 "le recrutement de 107 assistants familiaux" (the act as a participle that
    agrees: "Mise en service de 6 aires de covoiturage"); line 4571 "1927 Structures
    accompagnées et/ou financées / 24M€ mobilisés" (an amount is no structure)."""
    labels = statements.set_index(["line", "span"]).label
    assert labels[(1156, "107")] == "Assistants familiaux recrutés"
    assert labels[(1190, "105")].startswith("Nouvelles mesures créées")
    assert labels[(3173, "6")] == "Aires de covoiturage mises en service"
    assert labels[(4795, "1828")] == "Demandes de congés dématérialisées"
    # an act that opens an item: places redeployed, not places offered
    assert labels[(1192, "11")].startswith("Places d'internat redéployées")
    # a body's name is no cut: "de la communauté de communes de Desvres Samer"
    assert labels[(3281, "neuf")].startswith(
        "Communes de la communauté de communes de Desvres Samer ("
    )
    assert labels[(4571, "24M€")] == "Montant mobilisé (Pas-de-Calais Actif)"  # its box
    assert labels[(4571, "1927")] == "Structures accompagnées et/ou financées"


def test_a_change_from_one_value_to_another_and_a_fall_in_a_key_figure_block(
    indicators, entities
) -> None:
    from pipelines.extract.phrases import as_change
    from pipelines.read.numbers import find_quantities

    text = "Le taux de couverture évolue de 12 % à 15 %."
    first = find_quantities(text)[0]
    assert as_change(text, first)[:2] == ("pct", 12.0)  # from 12 % to 15 %: no change of 12
    text = "1 200 visiteurs, qui reculent de 4 %"
    assert as_change(text, find_quantities(text)[1])[:2] == ("pct_change", -4.0)
    got = _extract_lines(["Les dépenses ont augmenté de 3 % et les recettes ont baissé de 2 %."],
                         indicators, entities)  # fmt: skip
    assert (got[(2, "3 %")][0].value, got[(2, "2 %")][0].value) == (3.0, -2.0)


def test_a_verb_s_present_participle_keeps_its_cedilla() -> None:
    from pipelines.extract.phrases import present_participle

    assert [present_participle(v) for v in ("financer", "aménager", "fixer", "font")] == [
        "finançant", "aménageant", "fixant", "faisant",
    ]  # fmt: skip


def test_a_dashed_item_is_named_by_its_description_and_placed_by_its_commune(
    indicators, entities
) -> None:
    """ "Commune - Établissement - travaux : montant": the names say where, the description
    what; a figure added with "+" is of the same item; an amount a participle governs is of
    the noun the participle qualifies."""
    got = _extract_lines(
        [
            "Les autres opérations sont les suivantes : Calais MLK - réaménagement de la cour "
            "de récréation et remplacement de l'éclairage : 25 000 € + remplacement des "
            "verrières cages d'escaliers : 170 000 €. Coulogne - Jean Monnet - Remplacement "
            "des préaux - oxydation importante 150 000 € Marck - Boris Vian - Remplacement de "
            "la toiture : 160 000 €.",
            "- ◆ Réhabilitation de bassins – RD 188 bassin LILL1 à Bourecq et RD 164 à "
            "Annay-sous-Lens de septembre 2022 à janvier 2023 pour un coût global de 300 000 €.",
            "Wimereux - Pierre Mendès France - Réfection des sanitaires : 48 000 €.",
            "- ◆ Poursuite du contournement de Courrières (RD 919). Réalisation du giratoire de "
            "la RD 46 à Courrières et démarrage de la section courante jusqu'à la ZI de la "
            "Motte au Bois à Harnes – 4 M€ ;",
            "Une grande majorité de projets s'est concrétisée en 2022 parmi lesquels : la "
            "réhabilitation de la base nautique et de glisse de Neufchâtel-Hardelot (600 000 € "
            "d'accompagnement) de même que les travaux du pôle multimodal (parking relais) à "
            "Capécure portés par l'intercommunalité (CAB) et accompagnés à hauteur de 350 000 €.",
            "10 octobre - Arena - Liévin - la semaine bleue ! 7 dates ont été proposées.",
        ],
        indicators,
        entities,
    )
    by_span = {(line, span): (f.entity_code, label) for (line, span), (f, label) in got.items()}
    assert by_span[(2, "25 000 €")] == (
        "62193",
        "Montant : réaménagement de la cour de récréation et remplacement de l'éclairage"
        " (Calais MLK)",
    )
    assert by_span[(2, "170 000 €")][0] == "62193"  # "+": still Calais MLK's item
    assert by_span[(2, "170 000 €")][1].startswith("Remplacement des verrières")
    assert by_span[(2, "150 000 €")] == (
        "62244",
        "Montant : remplacement des préaux (Jean Monnet, Coulogne)",
    )
    assert by_span[(2, "160 000 €")] == ("62548", "Remplacement de la toiture (Boris Vian, Marck)")
    assert by_span[(3, "300 000 €")][1] == "Montant : réhabilitation de bassins"  # not "LILL1"
    assert by_span[(3, "300 000 €")][0] == "62"  # two communes named: neither
    assert by_span[(4, "48 000 €")][0] == "62893"  # Wimereux
    assert (
        by_span[(4, "48 000 €")][1]
        .lower()
        .endswith("réfection des sanitaires (pierre mendès france, wimereux)")
    )
    # an amount after the dash that closes a list item is the whole item's
    assert by_span[(5, "4 M€")] == ("62250", "Montant : poursuite du contournement de Courrières")
    assert by_span[(6, "350 000 €")][1] == "Montant accompagné : travaux du pôle multimodal"
    assert by_span[(7, "7")][1] != "Liévin"  # a dated line is no dashed item
    labels = {label for _, label in by_span.values()}
    assert not labels & {"Calais MLK", "Marck", "LILL1", "Montant : grande majorité de projets"}


def test_a_time_taken_in_days_and_a_value_before_and_after(indicators, entities) -> None:
    """Days are a figure when they are a délai or a durée, not a span ("pendant 7 jours");
    "passé de X à Y" is a value before and one after, both kept, not a range."""
    got = _extract_lines(
        [
            "- ◆ Les flux numériques ont été automatisés pour permettre la réduction du délai "
            "moyen de traitement, passant, pour les avis de grossesse de 29 jours à 8 jours.",
            "Tornade - 28 agents sont intervenus pendant 7 jours pour déblayer les routes.",
            "Le nombre de visiteurs est passé de 200 à 400 en deux ans.",
            "La durée moyenne d'instruction : quarante-cinq jours.",
            "Environ 200 à 400 likes par publication.",
            "Le délai moyen de traitement des avis de grossesse, ramené de 29 à 7 jours.",
            "Le nombre de lits a été porté de 40 à 55. Entre 250 et 450 likes par publication.",
        ],
        indicators,
        entities,
    )
    by_span = {(line, span): (f.value, f.unit, label) for (line, span), (f, label) in got.items()}
    of = "Délai moyen de traitement pour les avis de grossesse"  # its aside kept
    assert by_span[(2, "29 jours")] == (29.0, "day", f"{of} (avant)")
    assert by_span[(2, "8 jours")] == (8.0, "day", f"{of} (après)")
    assert (3, "7 jours") not in by_span and by_span[(3, "28")][1] == "count"
    assert by_span[(4, "200")] == (200.0, "count", "Nombre de visiteurs (avant)")
    assert by_span[(4, "400")] == (400.0, "count", "Nombre de visiteurs (après)")
    assert by_span[(5, "quarante-cinq jours")][:2] == (45.0, "day")
    assert by_span[(6, "400")][2].endswith("(maximum)")  # a range stays a range
    assert by_span[(7, "29")][:2] == (29.0, "day") and by_span[(7, "29")][2].endswith("(avant)")
    assert by_span[(7, "7 jours")][2].endswith("(après)")
    assert by_span[(8, "55")] == (55.0, "count", "Nombre de lits (après)")
    assert by_span[(8, "250")][2] == "Likes par publication (minimum)"  # "Entre ... et ..."
    bounds = {span: f.qualifier for (line, span), (f, _) in got.items() if line == 8}
    assert (bounds["250"], bounds["450"]) == ("at_least", "at_most")  # bounds, said exactly


def test_the_one_commune_a_paragraph_is_about(indicators, entities) -> None:
    """A dated or titled line names its commune in a field of its title; else the paragraph
    is about the commune it says its action takes place "à", when it writes no other; never
    for a figure whose sentence spans every territory."""
    got = _extract_lines(
        [
            "19 mai - Wingles - La Grande course contre la faim a rassemblé 1800 collégiens.",
            "10 octobre - Arena - Liévin - la semaine bleue ! Elle a été déclinée sur l'ensemble "
            "des territoires avec 7 dates. Près de 600 personnes ont été accueillies.",
            "Restructuration de l'école du Val Fleuri - Gauchin-Verloingt. La commune va "
            "rénover l'équipement. L'école accueille 75 élèves.",
            "Les agents ont visité la ferme du Zuidbrouck à Clairmarais. Terres cultivées par "
            "2 agriculteurs.",
            "L'exposition a circulé à Marles-les-Mines puis à Arras. Elle a accueilli 71 élèves.",
            "Les chaudières ont été remplacées à Guînes. Le collège Calais République a "
            "bénéficié d'une rénovation de façade (80 000 €).",
            "- ◆ RD 165 Bénifontaine - Carvin : renforcement de 7,5 km de chaussée : 4,8 M€ ;",
        ],
        indicators,
        entities,
    )

    def entity(line: int, span: str) -> str:
        return got[(line, span)][0].entity_code

    assert entity(2, "1800") == "62895"  # Wingles
    assert entity(3, "Près de 600") == "62510"  # Liévin
    assert entity(3, "7") == "62"  # "sur l'ensemble des territoires"
    assert entity(4, "75") == "62367"  # Gauchin-Verloingt, the title's last field
    assert entity(5, "2") == "62225"  # Clairmarais
    assert entity(6, "71") == "62"  # two communes
    assert entity(7, "80 000 €") == "62193"  # not Guînes: its phrase names Calais's collège
    assert entity(8, "4,8 M€") == "62"  # a road between two communes is neither's
    schools = _extract_lines(
        [
            "Parmi les réalisations, la réfection des salles de réfectoire au collège Langevin "
            "de Boulogne-sur mer (42 000€).",
            "Le collège Calais République a bénéficié d'une rénovation de façade (80 000 €).",
            "Le collège Jean Jaurès a bénéficié d'une rénovation (60 000 €).",
        ],
        indicators,
        entities,
    )
    # a name's later part in either case; a school named after its commune
    assert schools[(2, "42 000€")][0].entity_code == "62160"
    assert schools[(3, "80 000 €")][0].entity_code == "62193"
    assert schools[(4, "60 000 €")][0].entity_code == "62"


def test_the_people_an_action_reached(indicators, entities) -> None:
    """ "X auprès de N personnes": the N were reached by X, they are not a population."""
    got = _extract_lines(
        [
            "Concertations auprès d'une centaine de jeunes du Département !",
            "Des actions de sensibilisation auprès de 1 200 collégiens.",
            "Il intervient auprès de 40 associations.",
        ],
        indicators,
        entities,
    )
    labels = {span: label for (_, span), (_, label) in got.items()}
    assert labels["une centaine"] == "Jeunes du Département (concertations)"
    assert labels["1 200"] == "Collégiens (sensibilisation)"
    assert labels["40"] == "Associations"  # "intervient" is no action noun


def test_a_page_titled_after_a_body_is_that_bodys(indicators, entities) -> None:
    """The lines under "Les chiffres clés du <body>" are that body's, unless their clause
    names another; a page with another key-figure title is not."""
    on_page = _extract_lines(
        [
            "En 2022, 122 500 échantillons ont été analysés.",
            "Le CAUE a conseillé 40 communes.",
        ],
        indicators,
        entities,
        title="Les chiffres clés du Laboratoire Départemental d'Analyses :",
    )
    assert on_page[(2, "122 500")][0].entity_code == "62-laboratoire-departemental-d-analyses"
    assert on_page[(3, "40")][0].entity_code == "62-caue-62"  # the body its clause names
    ended = _extract_lines(
        [
            "En 2022, 122 500 échantillons ont été analysés.",
            "Servir les populations des territoires, Les Maisons du Département Aménagement et "
            "Développement Territorial",
            "Chaque Maison du Département Aménagement et Développement Territorial est structurée "
            "en quatre unités.",
        ],
        indicators,
        entities,
        title="Les chiffres clés du Laboratoire Départemental d'Analyses :",
    )
    assert ended[(4, "quatre")][0].entity_code == "62"  # a part's title ends the page
    paid = _extract_lines(
        [
            "EDEN62 a poursuivi l'intervention à hauteur de 455 000 € du Département.",
            "Ce projet d'EDEN62 bénéficie d'une subvention du Département de 5,73 M€.",
            "EDEN62 a consacré 2 M€ à ses sites.",
        ],
        indicators,
        entities,
    )
    # the Département's own money in a partner's paragraph is the Département's
    assert paid[(2, "455 000 €")][0].entity_code == "62"
    assert paid[(3, "5,73 M€")][0].entity_code == "62"
    assert paid[(4, "2 M€")][0].entity_code == "62-eden62"
    elsewhere = _extract_lines(
        ["En 2022, 122 500 échantillons ont été analysés."],
        indicators,
        entities,
        title="Les chiffres clés de la mobilité et du réseau routier :",
    )
    assert elsewhere[(2, "122 500")][0].entity_code == "62"


def test_lengths_along_a_route_costs_and_what_was_received(indicators, entities) -> None:
    """A length "sur" a route is the route's; "X : 4,2 km de voies" is of the voies, not of
    the item's names; "a coûté" is a cost; "a bénéficié d'une subvention de 36 %" is the
    subvention's rate, not a verb."""
    got = _extract_lines(
        [
            "- ◆ 3,9 km sur l' EV5 entre Saint-Omer et Audruicq en réaménagement de voies "
            "existantes",
            "- ◆ EV5 entre Saint-Omer et Audruicq : 4,2 km de voies existantes réaménagées",
            "L'opération a coûté 261 300 € et a bénéficié d'une subvention de 36 %.",
        ],
        indicators,
        entities,
    )
    labels = {span: label for (_, span), (_, label) in got.items()}
    assert labels["3,9 km"] == "Longueur : EV5 entre Saint-Omer et Audruicq"
    assert labels["4,2 km"] == (
        "Longueur : voies existantes réaménagées (EV5 entre Saint-Omer et Audruicq)"
    )
    assert labels["261 300 €"] == "Coût : opération"
    assert labels["36 %"] == "Subvention"


def test_dates_in_a_list_footnote_marks_and_measures_of_the_count_before(
    indicators, entities
) -> None:
    """ "les 13, 20 et 29 septembre" are dates and "RD 58*1" a footnote's mark, no figures; a
    bare area after a count is the area of what it counts; ", au titre de" names an amount."""
    got = _extract_lines(
        [
            "Des rencontres ont eu lieu les 13, 20 et 29 septembre 2022 sur les 3 sites.",
            "Un giratoire boulevard Maes RD 58*1, ainsi que 4 participations.",
            "64 sites naturels dont 55 ouverts au public, répartis sur 6224 ha",
            "- ◆ Poursuite de l'opération d'aménagement foncier (45 communes et 23 400 hectares);",
            "Coût départementaux MMU : 107 000 € et 200 000 €, au titre de la contractualisation.",
        ],
        indicators,
        entities,
    )
    spans = {(line, span): label for (line, span), (_, label) in got.items()}
    assert [s for line, s in spans if line == 2] == ["3"]
    assert [s for line, s in spans if line == 3] == ["4"]
    assert spans[(4, "6224 ha")] == "Surface : sites naturels"
    assert spans[(5, "23 400 hectares")].lower().endswith("opération d'aménagement foncier")
    assert spans[(6, "200 000 €")].endswith("(contractualisation)")


def test_the_context_of_a_count_the_parser_hangs_on_an_adverb(indicators, entities) -> None:
    """ "s'est structuré, tout au long de l'année, autour de 3 pactes": the verb, and so its
    subject, is above the adverb; the subject's participle clause is left out."""
    got = _extract_lines(
        [
            "Le projet de mandat lancé en décembre 2021 s'est structuré, tout au long de "
            "l'année 2022 autour de 3 pactes, celui des solidarités territoriales.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3")][1] == "Pactes (projet de mandat)"


def test_a_plan_stated_in_the_sentence_before_makes_a_forecast(indicators, entities) -> None:
    """ "... qui devrait voir le jour en 2024. C'est un projet d'une capacité de 90
    berceaux": the capacity is planned until 2024; an amount granted for it is not."""
    got = _extract_lines(
        [
            "Les fondations sont en place pour un équipement qui devrait voir le jour en 2024. "
            "C'est un projet d'envergure, d'une capacité de 90 berceaux.",
            "Son ouverture est prévue à l'horizon 2025. Ce projet bénéficie d'une subvention "
            "d'investissement du Département de 5,73 M€.",
            "La crèche a ouvert en 2021. C'est un projet d'une capacité de 40 berceaux.",
        ],
        indicators,
        entities,
    )
    capacity = got[(2, "90")][0].period
    assert capacity is not None
    assert (capacity.kind, str(capacity.end)) == ("forecast", "2024-12-31")
    for line, span in [(3, "5,73 M€"), (4, "40")]:  # an amount; a crèche opened before
        period = got[(line, span)][0].period
        assert period is None or period.kind == "year"


def test_a_heading_whole_a_name_as_where_and_a_frequency_rule(indicators, entities) -> None:
    """ "Insertion par l'emploi : 5,5 millions €" is named by its whole heading; a measure
    labelled by a name alone says what it measures ("Longueur (Andres)"), a common noun that
    opens the line stays; "1 par trimestre minimum" is a rule, not a count."""
    got = _extract_lines(
        [
            "Insertion par l'emploi : 5,5 millions €",
            "- ◆ la mise en œuvre du MMU sur Andres sur plus de deux kilomètres, chantier",
            "- ◆ Acquisition de près de 35 ha notamment sur les Espaces Naturels Sensibles",
            "des temps d'échanges courts et réguliers (1 par trimestre minimum) pour 12 familles",
        ],
        indicators,
        entities,
    )
    labels = {span: label for (_, span), (_, label) in got.items()}
    assert labels["5,5 millions €"] == "Insertion par l'emploi"
    assert labels["plus de deux kilomètres"] == "Longueur (Andres)"
    assert labels["près de 35 ha"] == "Surface : acquisition (Espaces Naturels Sensibles)"
    assert "1" not in labels and "12" in labels


def test_the_new_rules_do_not_fire_on_ordinary_sentences(indicators, entities) -> None:
    """Sentences a rule of this change misread at first: a range after a participle is a
    range, a participle used as a noun stays, "temps forts" is no délai, a change of a délai
    is no délai, who already supports a planned project is no forecast, a common word is no
    commune, two communes in an item are neither, a modèle or a mayor is no place, a length
    "sur le territoire" is no route, a label keeps its words before "au titre de"."""
    got = _extract_lines(
        [
            "Les ateliers, portés par les associations, accueillent des groupes de 8 à 12 "
            "personnes.",
            "Le club compte 450 licenciés de la fédération.",
            "Parmi les temps forts, 3 jours de fête ont réuni 2 000 personnes.",
            "Le délai de paiement a été réduit de 21 jours.",
            "Le centre devrait voir le jour en 2024. Il s'agit d'un projet soutenu par 40 "
            "bénévoles.",
            "Bus numérique - Le Département a déployé 3 bus pour 1 200 usagers.",
            "Arras - Lens : 12 km de voie douce aménagés.",
            "Inspiré du modèle de Berck, le dispositif a été étendu. Il a bénéficié à 1 500 "
            "familles du département.",
            "La voie douce a été prolongée de 5 km sur le territoire de la CAB.",
            "La rénovation de la toiture du collège a coûté 200 000 € au titre du plan de relance.",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    entity = {(line, span): f.entity_code for (line, span), (f, _) in got.items()}
    assert label[(2, "12")] == "Personnes (maximum)"
    assert label[(3, "450")] == "Licenciés de la fédération"
    assert (4, "3 jours") not in label and (5, "21 jours") not in label
    period = got[(6, "40")][0].period
    assert period is None or period.kind == "year"
    assert entity[(7, "3")] == "62" and entity[(8, "12 km")] == "62"
    assert entity[(9, "1 500")] == "62"
    assert label[(10, "5 km")] == "Longueur : voie douce prolongée"
    assert label[(11, "200 000 €")].endswith(
        "rénovation de la toiture du collège (plan de relance)"
    )


def test_a_focus_box_names_the_part_its_figures_are_of(indicators, entities) -> None:
    """ "Zoom sur le secteur 4 (Artois-Cambrésis)": its lines' figures are the sector's."""
    got = _extract_lines(
        [
            "Zoom sur le secteur 4 (Artois-Cambrésis)",
            "- ◆ 28 kilomètres de linéaire",
            "- ◆ 2 écluses",
        ],
        indicators,
        entities,
    )
    assert got[(4, "2")][1] == "Écluses (secteur 4, Artois-Cambrésis)"


def test_the_golden_file_holds_the_re_checked_entities() -> None:
    """Each re-checked row that changed its entity is so in the golden file: a commune's
    (tests/golden/commune-entities-checked.csv) or the body's or département's it names
    (tests/golden/organisation-entities-checked.csv)."""
    golden = pd.read_csv(GOLDEN, dtype=str)
    folder = GOLDEN.parent
    communes = pd.read_csv(folder / "commune-entities-checked.csv", dtype=str)
    bodies = pd.read_csv(folder / "organisation-entities-checked.csv", dtype=str)

    def rows(line: str, value: str) -> pd.DataFrame:
        same = golden.line.eq(line) & golden.value.astype(float).eq(float(value))
        return golden[same]

    # the rows re-checked when the catalog came to hold the bodies the report names (the
    # centres de santé, the CPEF de l'Artois, the CLIC du Ternois, ...): the later check stands
    named = pd.read_csv(folder / "body-entities-checked.csv", dtype=str)
    later = {(line, float(value)) for line, value in zip(named.line, named.value, strict=True)}
    changed = communes[communes.decision.eq("b")]
    assert len(changed) == 61  # 714: the commune its timeline entry names
    for line, value in zip(changed.line, changed.value, strict=True):
        if (line, float(value)) not in later:  # 1472: the CPEF de l'Artois's, not Beuvry's
            assert rows(line, value).entity_type.eq("commune").any(), (line, value)
    # a sentence that spans every territory: the département's (the re-check's one change
    # about a territory; its other, 840's 600 people, disagrees with the commune re-check's
    # decision on the same row, which stands)
    spans = pd.read_csv(folder / "everywhere-entities-checked.csv", dtype=str)
    assert spans.decision.eq("b").sum() == 2
    assert rows("840", "7").entity_type.tolist() == ["department"]
    assert rows("840", "600").entity_code.tolist() == ["62510"]
    changed = bodies[bodies.decision.eq("b")]
    assert len(changed) == 15
    for line, value, code in zip(changed.line, changed.value, changed.entity_code, strict=True):
        assert code in rows(line, value).entity_code.tolist(), (line, value, code)
    assert len(named) == 16 and named.decision.eq("b").sum() == 15
    for line, value, code in zip(named.line, named.value, named.entity_code, strict=True):
        assert rows(line, value).entity_code.tolist() == [code], (line, value, code)


def test_the_golden_file_holds_the_re_checked_rows() -> None:
    """The rows a reader re-checked by hand (tests/golden/rows-rechecked.csv) are as decided:
    2011's four sessions dated over 2022 and 2023, 2219's typology no figure; 3754's and
    3759's works on the MDS d'Arques's courtyard the MDADT's, whose page they are on (Arques
    is only in the site's name)."""
    golden = pd.read_csv(GOLDEN, dtype=str)
    decided = pd.read_csv(GOLDEN.parent / "rows-rechecked.csv", dtype=str)
    assert dict(zip(decided.line, decided.decision, strict=True)) == {
        "2011": "change",
        "2219": "drop",
        "3754": "keep",
        "3759": "keep",
    }
    assert set(golden[golden.line.isin(["3754", "3759"])].entity_code) == {"62-mdadt-audomarois"}
    assert golden[golden.line.eq("2219")].empty
    sessions = golden[golden.line.eq("2011") & golden.value.eq("4")]
    assert sessions[["period_kind", "period_start", "period_end"]].values.tolist() == [
        ["multi_year", "2022-01-01", "2023-12-31"]
    ]


def test_a_label_never_opens_on_an_infinitive(indicators, entities) -> None:
    """ "permettant de couvrir globalement les besoins d'emprise évaluée à 750 hectares": the
    figure is of the needs, not of the verb."""
    got = _extract_lines(
        [
            "- ◆ La poursuite des opérations, avec une gestion anticipée permettant de couvrir "
            "globalement les besoins d'emprise évaluée à 750 hectares.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "750 hectares")][1] == "Besoins d'emprise"


def test_a_participle_closing_a_label_keeps_where_it_happened(indicators, entities) -> None:
    """Sentences of the report whose count is said by what its people did: the participle's
    complement says where or to what ("à ces sessions" as "aux sessions": a label stands
    alone); a time ("à l'automne"), a bare place ("sur le territoire"), a number's own noun and
    a participle of another noun are left out."""
    got = _extract_lines(
        [
            "En 2022, 217 assistants familiaux ont participé à ces sessions de formation.",
            "39 personnes se sont présentées aux Apprentis d'Auteuil pour un projet dans le "
            "domaine du bâtiment.",
            "50 aidants ont ainsi participé à ces 2 journées de répit.",
            "Les trois pactes adoptés à l'automne fixent le cap.",
            "Plus de 55 000 heures de clauses d'insertion réalisées sur le territoire.",
            "- ◆ 1 dossier en innovation touristique avec la création d'un office de tourisme "
            "« hors les murs » situé à de la Maison du cheval boulonnais à Samer pour 53 559 €.",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert label[(2, "217")] == "Assistants familiaux ayant participé aux sessions de formation"
    assert label[(3, "39")] == "Personnes présentées aux Apprentis d'Auteuil"
    assert label[(4, "50")] == "Aidants ayant participé aux journées de répit"
    assert "automne" not in label[(5, "trois")]
    assert not label[(6, "Plus de 55 000")].endswith("sur le territoire")
    assert "Maison du cheval" not in label[(7, "1")]


def test_a_partner_two_bodies_a_commune_s_project_and_a_priced_sentence(
    indicators, entities
) -> None:
    """Sentences of the report: a body named as the author of a study or with the
    Département is a partner, not what the figure is about; a paragraph opening on two
    bodies is neither's; "celui de <commune>" after others of its kind is that commune's
    project; a sentence that only prices the one before ("Coût ... : 107 000 €") is about
    the commune that one names."""
    got = _extract_lines(
        [
            "Après la réfection de la façade arrière et suite à une étude du CAUE, c'est la "
            "cour qui a été complètement rénovée avec la création de deux espaces :",
            "En 2022, Ingénierie 62 et le CAUE 62 ont encadré une étudiante. Une vingtaine "
            "d'entretiens avec des maires ont été menés pour comprendre ce qui favorise un "
            "projet, accompagné par le CAUE et/ou le Département.",
            "On retiendra au titre du FARDA, celui de Maninghen-Henne, accompagné pour la "
            "requalification de la place du village (70 000 € subvention). Autre exemple, la "
            "restauration d'un oratoire à Wirwignes (16 000 € de subvention).",
            "C'est le cas du projet de requalification de la place du Portel qui a bénéficié de "
            "l'ingénierie du Département. Coût départementaux MMU : 107 000 € et 200 000 €, au "
            "titre de la contractualisation.",
            "Un peu plus de 300 conseils ont été délivrés à des communes par le CAUE.",
        ],
        indicators,
        entities,
    )
    entity = {(line, span): f.entity_code for (line, span), (f, _) in got.items()}
    assert entity[(2, "deux")] == "62"
    assert entity[(3, "Une vingtaine")] == "62"
    assert entity[(4, "70 000 €")] == "62546" and entity[(4, "16 000 €")] == "62896"
    assert entity[(5, "107 000 €")] == "62667" and entity[(5, "200 000 €")] == "62667"
    assert [e for (line, _), e in entity.items() if line == 6] == ["62-caue-62"]


def test_a_count_among_the_one_before_and_a_million_in_words(indicators, entities) -> None:
    """ "13 d'entre eux" is a part of the count before, named by it and by what sets it
    apart (and that framing is the part's, not the whole's); "près d'un million de m²" is a
    number, "plus d'un millier" still one."""
    got = _extract_lines(
        [
            "Vingt-neuf jeunes ont été accompagnés en 2022, 13 d'entre eux au titre de "
            "nouvelles mesures.",
            "Près d'un million de m² : telle est la surface du parc immobilier qu'il entretient.",
            "La concertation a permis d'aller à la rencontre de plus d'un millier d'habitants.",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert label[(2, "Vingt-neuf")] == "Jeunes accompagnés"
    assert label[(2, "13")] == "Jeunes accompagnés (nouvelles mesures)"
    assert got[(2, "13")][0].part_of is not None
    assert got[(3, "Près d'un million de m²")][0].value == 1_000_000
    assert [(s, f.value) for (n, s), (f, _) in got.items() if n == 4] == [
        ("plus d'un millier", 1000.0)
    ]


def test_a_programme_named_an_aim_and_participles_joined_in_a_list(indicators, entities) -> None:
    """Sentences of the report: a short label takes the programme its sentence names by its
    proper name; "L'objectif est de réduire de 30 % ce gaspillage" is a targeted change of
    what the infinitive governs; "créés ou consolidés /" keeps both participles."""
    got = _extract_lines(
        [
            "- ◆ 10 projets portés par des communes et associations du Pas-de-Calais "
            "accompagnés par le Fonds Alimentation Durable, correspondant à un montant total de "
            "travaux de 1 260 620 €, et un montant d'aide départementale de 236 247 € : "
            "épicerie solidaire, ...",
            "Un Budget citoyen 2022 affichant 90 porteurs de projets, 13 000 votes d'habitants "
            "et 44 lauréats !",
            "L'objectif est de réduire de 30% ce gaspillage alimentaire.",
            "6885 emplois créés ou consolidés / 1927 Structures accompagnées et/ou financées / "
            "24M€ mobilisés",
            "12 dossiers ont été traités et 4 refusés.",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert label[(2, "10")] == "Projets portés (Fonds Alimentation Durable)"
    assert label[(2, "236 247 €")] == "Aide départementale (Fonds Alimentation Durable)"
    assert label[(3, "13 000")] == "Votes d'habitants (Budget citoyen 2022)"
    aim, aim_label = got[(4, "30%")]
    assert (aim.unit, aim.value, aim_label) == (
        "pct_change",
        -30.0,
        "Évolution : gaspillage alimentaire",
    )
    assert aim.period is not None and aim.period.kind == "forecast"
    assert label[(5, "6885")] == "Emplois créés ou consolidés"
    assert label[(5, "1927")] == "Structures accompagnées et/ou financées"
    assert " et " not in label[(6, "12")]


def test_the_size_of_what_is_still_designed_and_an_amount_obtained(indicators, entities) -> None:
    """Line 4401: the port's own sizes ("ses 1 000 mètres de quais") in a sentence that says
    it is in its design phase are a forecast; the same sizes of a built thing stay the
    year's. Line 4261: "l'obtention de 43 millions d'euros" is an amount obtained."""
    got = _extract_lines(
        [
            "Le port intérieur de Marquion-Cambrai (le plus vaste avec ses 1 000 mètres de "
            "quais et ses 156 hectares), est entré, en 2022, en phase d'avant projet.",
            "Le port de Boulogne, avec ses 1 000 mètres de quais, a accueilli 300 navires.",
            "Cette démarche a permis l'obtention de 43 millions d'euros sur ces deux fonds.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "1 000 mètres")][0].period.kind == "forecast"
    assert got[(2, "156 hectares")][0].period.kind == "forecast"
    built = got[(3, "1 000 mètres")][0].period
    assert built is None or built.kind == "year"
    assert got[(4, "43 millions d'euros")][1] == "Montant obtenu"


def test_a_count_named_by_what_the_verb_did_to_it(indicators, entities) -> None:
    """Lines 2325 and 4706: the verb a counted noun is the object of says what was done to
    it ("qui mobilisent 76 chefs de cuisine" → "Chefs de cuisine mobilisés"); a verb that
    only counts, an aim and a noun after a preposition take nothing."""
    got = _extract_lines(
        [
            "Ces séminaires débouchent sur des actions suivies par différents groupes de travail "
            "qui mobilisent 76 chefs de cuisine.",
            "Le Département a amplifié son engagement auprès des jeunes en accueillant 91 "
            "contrats d'apprentissage.",
            "Le territoire compte 35 collèges publics.",
            "Les agents exercent leurs missions au sein des 25 sites.",
            "Le plan vise à former 40 agents d'accueil.",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert label[(2, "76")] == "Chefs de cuisine mobilisés"
    assert label[(3, "91")] == "Contrats d'apprentissage accueillis"
    assert label[(4, "35")] == "Collèges publics"
    assert label[(5, "25")].startswith("Sites") and "exercé" not in label[(5, "25")]
    assert "formés" not in label[(6, "40")]


def test_lines_of_a_copy_worded_anew(indicators, entities) -> None:
    """Lines as tests/data/reworded-9 words them: a length "de l'itinéraire"; an amount in
    brackets after a passive sentence; shares each in brackets after its noun phrase; a
    count of a region named right after it (line 4374 of the report itself)."""
    got = _extract_lines(
        [
            "Le projet a permis d'implanter une signalétique sur près de 210 km de l'itinéraire "
            "de Grande Randonnée GR 121.",
            "La façade du collège Calais République a, quant à elle, été rénovée (78 000 €).",
            "- ◆ 43 870 orientations ont été réalisées, respectivement vers la sphère solidarité "
            "(57 %), la sphère professionnelle (19 %) et Pôle emploi (24 %).",
            "- ◆ 10 communes et 2 intercommunalités traversées dans le Pas-de-Calais, ainsi que "
            "2 communes dans le Nord",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert label[(2, "près de 210 km")].startswith("Longueur : itinéraire de Grande Randonnée")
    assert label[(3, "78 000 €")] == "Montant : façade du collège Calais République rénovée"
    assert [label[(4, s)] for s in ("57 %", "19 %", "24 %")] == [
        "Part : sphère solidarité",
        "Part : sphère professionnelle",
        "Part : Pôle emploi",
    ]
    assert label[(5, "10")] == "Communes"
    assert label[(5, "2")] == "Communes dans le Nord"  # the line's last "2"


def test_a_sentence_opening_on_a_commune_s_establishment_is_that_commune_s(
    indicators, entities
) -> None:
    """Line 1164: "La maison de la petite enfance de Dainville participe ..., avec l'appui de
    2 médecins de la PMI" is Dainville's; an establishment named after the figure, late in
    its sentence, is a venue (line 1664's "résidence autonomie de Boulogne-sur-Mer")."""
    got = _extract_lines(
        [
            "La maison de la petite enfance de Dainville participe à cette expérimentation, avec "
            "l'appui de 2 médecins de la PMI.",
            "La maison de l'autonomie propose 3 outils : une visite de lieux adaptés, situés dans "
            "une résidence autonomie de Boulogne-sur-Mer, et une formation.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2")][0].entity_code == "62263"
    assert got[(3, "3")][0].entity_code == "62"


def test_the_page_a_title_a_fronted_phrase_and_every_territory(indicators, entities) -> None:
    """Lines 3589-3591: a title that names one commune heads the paragraph after it ("Cette
    commune rurale de 87 habitants"); line 948: figures in an opening "Avec ..." are of the
    main clause's subject; line 840: a sentence "déclinée sur l'ensemble des territoires"
    is the département's, whatever page it is on."""
    got = _extract_lines(
        [
            "Des subventions pour l'innovation : la salle multi-activités de Beaudricourt :",
            "Cette commune rurale de 87 habitants a réussi son challenge. Ce projet a été financé "
            "par le FARDA : 87 500 €.",
            "Avec près de 6 000 consultations de médecine générale, dont 960 consultations de "
            "pédiatrie, 220 visites à domicile et 410 consultations d'urgence, les centres de "
            "santé ont démontré qu'ils répondent aux besoins des habitants.",
            "Cette semaine nationale des retraités a été déclinée sur l'ensemble des territoires "
            "avec 7 dates et un spectacle.",
        ],
        indicators,
        entities,
        title="Temps forts 2022 à Lens - Hénin",
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert got[(3, "87")][0].entity_code == "62091"
    assert got[(3, "87 500 €")][0].entity_code == "62091"
    assert label[(4, "220")] == "Visites à domicile (centres de santé)"
    assert label[(4, "410")] == "Consultations d'urgence (centres de santé)"
    assert got[(5, "7")][0].entity_code == "62"


def test_a_longer_label_takes_only_the_name_of_its_programme(indicators, entities) -> None:
    """Line 507: a label of three words or more takes the name between guillemets its line
    opens with; a framing only when it ends on its participle (what was done, not what for)
    or has no complement; never one that frames another figure's clause further on."""
    got = _extract_lines(
        [
            "« Construisons notre Pas-de-Calais » c'était des concertations partenariales : 14 "
            "rencontres partenariales, 111 intervenants, 52 ateliers de travail.",
            "Dans le cadre du plan de relance, 40 places d'accueil de jour ont été créées.",
            "Cette 5ème édition du Budget citoyen a réuni des porteurs. En septembre, 13 000"
            " habitants ont voté pour leurs projets et 44 lauréats ont été récompensés lors du"
            " Conseil Départemental de l'ESS.",
            "Dans le cadre du plan de relance, 40 places d'accueil de jour pour les aînés.",
        ],
        indicators,
        entities,
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    assert label[(2, "52")] == "Ateliers de travail (Construisons notre Pas-de-Calais)"
    assert label[(2, "111")] == "Intervenants (Construisons notre Pas-de-Calais)"
    assert label[(3, "40")] == "Places d'accueil de jour créées (plan de relance)"
    assert label[(4, "13 000")] == "Habitants ayant voté (Budget citoyen)"
    assert "(" not in label[(5, "40")]  # a complement of its own says what they are for


def test_a_sentence_that_goes_on_from_the_one_before_and_a_programme_s_adjective(
    indicators, entities
) -> None:
    """Line 2145: "Ainsi, une dizaine d'ateliers" goes on from the sentence naming the
    association K'Dabra (the commune there is the venue); line 4494: "Budget citoyen" is a
    programme's name, its adjective included."""
    got = _extract_lines(
        [
            "Le « slow dating » organisé par l'association K'Dabra, organisé le lundi 19 décembre "
            "à Saint-Pol-sur-Ternoise a montré comment porter un regard différent. Ainsi, une "
            "dizaine d'ateliers, animés par les bénéficiaires du RSA eux-mêmes, ont permis de "
            "faire un zoom sur les compétences de chacun.",
            "Cette 5ème édition du Budget citoyen a permis à près de 90 porteurs de projets de "
            "participer aux ateliers.",
            "Le Fonds finance 3 projets de territoire.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "une dizaine")][0].entity_code == "62-k-dabra"
    assert got[(3, "près de 90")][1] == (
        "Porteurs de projets ayant participé aux ateliers (Budget citoyen)"
    )
    assert got[(4, "3")][1] == "Projets de territoire"


def test_lines_of_the_tenth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-10 words them: a share "de plus qu'en 2021" is a
    change; an amount in a cleft sentence is named by what was done with it; an amount a
    verb obtains; "7 MDADT," and "quinze Commissions" are counts, not a page number or a
    name."""
    got = _extract_lines(
        [
            "- ◆ Gestion de l'eau potable : suivi de 52 forages, soit 16 % de plus qu'en 2021",
            "Quant au secteur du domicile, ce sont 23,2 M€ qui ont été reversés aux 55 Services "
            "d'Aide et d'Accompagnement à Domicile (SAAD) concernés.",
            "La démarche a permis d'obtenir 42,6 millions d'euros.",
            "C'est autour de 7 MDADT, chargées des missions suivantes, que s'organise le "
            "territoire départemental :",
            "Tenue de quinze Commissions d'appels d'offres (CAO)",
            "- ◆ Contournement de Courrières (RD 919), qui s'est poursuivi pour 3,8 M€ : "
            "giratoire de la RD 46 réalisé à Courrières ;",
        ],
        indicators,
        entities,
    )
    share = got[(2, "16 %")][0]
    assert (share.unit, share.value) == ("pct_change", 16.0)
    assert got[(3, "23,2 M€")][1].startswith("Montant reversé aux Services d'Aide")
    assert got[(4, "42,6 millions d'euros")][1].startswith("Montant obtenu")
    assert got[(5, "7")][0].value == 7 and got[(6, "quinze")][0].value == 15
    assert got[(7, "3,8 M€")][1] == "Montant : Contournement de Courrières (RD 919)"


def test_profile_items_of_the_tenth_copy(indicators) -> None:
    """Profile items as tests/data/reworded-10 words them: a figure in brackets after its
    label, "On y compte"."""
    from pipelines.extract import Context
    from pipelines.extract.key_figures import read_key_figure
    from pipelines.read.document import Location, TextLine

    where = Context(extractor="essai", section="Un essai", entity_type="territory",
                    entity_code="62-montreuillois-ternois")  # fmt: skip
    lines = {
        "- Intercommunalités (4 EPCI) : Communauté d'Agglomération des Deux Baies en "
        "Montreuillois, Communauté de Communes des Sept Vallées, Communauté de Communes du "
        "Haut-Pays du Montreuillois, Communauté de Communes du Ternois": {("epci_count", 4.0)},
        "- On y compte 14 collèges": {("colleges_count", 14.0)},
        "- ⇒ Population : 210 960 habitants, qui représentent 14,50 % du Pas-de-Calais": {
            ("population", 210960.0),
            ("population_share_pct", 14.5),
        },
    }
    for text, expected in lines.items():
        read = read_key_figure(TextLine(text, Location("essai.txt", line=1)), where, indicators)
        assert {(f.indicator_code, f.value) for f in read.figures} == expected, text


def test_the_same_quantity_said_another_way_keeps_its_period(indicators, entities) -> None:
    """Line 1002: "... sur les 7 années à venir, au sein de 31 habitats inclusifs, ce qui
    correspond à 327 solutions nouvelles": both are a forecast."""
    got = _extract_lines(
        [
            "Le Département s'est engagé à mettre en œuvre cette aide sur les 7 années à venir, "
            "au sein de 31 habitats inclusifs, ce qui correspond à 327 solutions nouvelles.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "31")][0].period.kind == "forecast"
    assert got[(2, "327")][0].period.kind == "forecast"


def test_this_change_s_rules_do_not_fire_on_ordinary_sentences(indicators, entities) -> None:
    """Sentences a rule of this change first misread: a participle said once; a part's
    framing given to the whole only for "d'entre eux"; a programme's name never cut at a
    function word; a lower-case quote that is no name; a comparison with every territory;
    a reduced rate; a bracketed rate or change; "d'entre eux" with an active verb; an aim's
    neighbours; counts of people in a project at its design stage; a verb that only owns."""
    got = _extract_lines(
        [
            "La toiture a été rénovée (45 000 €).",
            "45 jeunes, dont 12 filles, ont été accueillis dans le cadre du dispositif PEGASE.",
            "Le Contrat local de santé prévoit 12 actions.",
            "Les agents, « au plus près du terrain », ont réalisé 300 visites.",
            "Les travaux bénéficient d'une TVA à taux réduit de 5,5 %.",
            "Le taux de réussite au brevet (85 %) reste stable.",
            "Sur 80 jeunes accompagnés, 45 d'entre eux ont trouvé un emploi.",
            "L'objectif est de rénover les collèges : 12 collèges ont été rénovés en 2022.",
            "Ses 45 agents accompagnent le projet du canal, en phase d'études.",
            "Le territoire possède 4 ports de plaisance.",
            "Le Département a soutenu 80 associations.",
        ],
        indicators,
        entities,
        title="Temps forts 2022 à Lens - Hénin",
    )
    label = {(line, span): lab for (line, span), (_, lab) in got.items()}
    figure = {(line, span): f for (line, span), (f, _) in got.items()}
    assert label[(2, "45 000 €")] == "Montant : toiture rénovée"
    assert label[(3, "45")] == "Jeunes accueillis (dispositif PEGASE)"
    assert "(" not in label[(4, "12")]
    assert "(" not in label[(5, "300")]
    assert (figure[(6, "5,5 %")].unit, figure[(6, "5,5 %")].value) == ("pct", 5.5)
    assert label[(7, "85 %")] == "Taux de réussite au brevet"
    assert (8, "45") not in label  # no label for an active verb's part: a reject
    assert figure[(9, "12")].period is None or figure[(9, "12")].period.kind == "year"
    assert figure[(10, "45")].period is None or figure[(10, "45")].period.kind == "year"
    assert label[(11, "4")] == "Ports de plaisance"
    assert label[(12, "80")].split()[0] == "Associations" and label[(12, "80")].count("souten") == 1
    assert label[(12, "80")] == "Associations soutenues"  # the participle agrees


def test_profile_items_this_change_must_not_read(indicators) -> None:
    """A participle that says what was done is no count of the stock ("120 km de routes
    départementales rénovées" is no road network); a year in brackets is no count."""
    from pipelines.extract import Context
    from pipelines.extract.key_figures import read_key_figure
    from pipelines.read.document import Location, TextLine

    where = Context(extractor="essai", section="Un essai", entity_type="territory",
                    entity_code="62-arrageois")  # fmt: skip
    for text in [
        "- ⇒ 120 km de routes départementales rénovées",
        "- ⇒ 4 bâtiments départementaux vendus",
        "- ⇒ Collèges (2022) : 35 collèges publics",
    ]:
        read = read_key_figure(TextLine(text, Location("essai.txt", line=1)), where, indicators)
        assert not [f for f in read.figures if f.value in {120, 4, 2022}], text


def test_a_title_s_commune_heads_a_paragraph_that_refers_back_to_it(indicators, entities) -> None:
    """The paragraph under "... la salle multi-activités de Beaudricourt :" is Beaudricourt's
    when it refers back to it anywhere early on ("Avec ses 89 habitants, cette commune
    rurale", tests/data/reworded-4); a title "... à Arras :" over a paragraph that does not
    refer back heads nothing."""
    got = _extract_lines(
        [
            "Des subventions pour l'innovation : la salle multi-activités de Beaudricourt :",
            "Avec ses 89 habitants, cette commune rurale a relevé son défi.",
            "Le bilan de l'année, présenté en séance publique à Arras :",
            "Le Département a accompagné 1 200 familles.",
        ],
        indicators,
        entities,
    )
    assert got[(3, "89")][0].entity_code == "62091"
    assert got[(5, "1 200")][0].entity_code == "62"


def test_lines_of_the_eleventh_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-11 words them: what "au nombre de" counts; a figure
    that answers a question; a figure compared with last year's (that year's, and the
    change of the first); a count restated after ", soit"; days an effort took; a measure
    named by its size or by what spreads over it; "les 2 EPCI à fiscalité propre"."""
    got = _extract_lines(
        [
            "Les inscrits sur MonJob62 sont au nombre de 14 065",
            "Le 8 décembre 2022, les agents départementaux inscrits sur les listes électorales, "
            "au nombre de 6 838, ont été appelés à élire leurs représentants.",
            "Quant aux établissements du territoire affiliés à Accueil Paysan, ils sont "
            "aujourd'hui au nombre de quatre.",
            "Combien de personnes le stade couvert a-t-il accueillies ? Quelque 620 !",
            "Abonnés au compte Facebook du Département : 95 140, contre 83 830 l'an passé, "
            "soit + 13,5 %",
            "Une étudiante a analysé les conseils délivrés par le CAUE à des communes, soit un "
            "peu plus de 280.",
            "Bihucourt - 23 octobre - Tornado - Il a fallu 9 jours d'intervention à trente "
            "agents, venus de 3 CER, pour déblayer et évacuer les débris.",
            "- ⇒ Un réseau de voiries départementales long de 801 km",
            "- ⇒ Un territoire qui s'étend sur 401 km², ce qui représente 6 % du Pas-de-Calais",
            "- ⇒ La CALL et la CAHC, les 2 EPCI à fiscalité propre du territoire.",
            "Le budget consacré à la politique ESS s'élève à **1 468 290 €**",
            "Ce projet, dont l'investissement s'élève à 2 000 000 €, est achevé.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "14 065")][1] == "Inscrits sur MonJob62"
    assert got[(3, "6 838")][1] == "Agents départementaux inscrits sur les listes électorales"
    assert got[(4, "quatre")][1] == "Établissements du territoire affiliés à Accueil Paysan"
    assert got[(5, "Quelque 620")][1] == "Personnes accueillies"
    facebook, earlier, change = got[(6, "95 140")], got[(6, "83 830")], got[(6, "+ 13,5 %")]
    assert earlier[1] == "Abonnés au compte Facebook du Département (année précédente)"
    assert earlier[0].period is not None and earlier[0].period.start.year == 2021
    assert facebook[0].period is None or facebook[0].period.start.year == 2022
    assert change[0].part_of == facebook[0].indicator_code
    assert got[(7, "plus de 280")][1] == "Conseils délivrés par le CAUE à des communes"
    days = got[(8, "9 jours")]
    assert (days[0].unit, days[1]) == ("day", "Durée d'intervention (Tornado)")
    assert got[(9, "801 km")][1] == "Longueur : voiries départementales"
    assert got[(10, "401 km²")][1] == "Surface : territoire"
    assert got[(11, "2")][0].value == 2
    assert got[(12, "1 468 290 €")][1] == "Budget consacré à la politique ESS"
    assert got[(13, "2 000 000 €")][1].startswith("Investissement")


def test_the_eleventh_copy_s_rules_do_not_fire_on_ordinary_sentences(indicators, entities) -> None:
    """A vote "contre", a question answered with no number, "soit" before a noun, days of
    an event, a subject with its own verb before "au nombre de"."""
    got = _extract_lines(
        [
            "Le conseil a voté contre 3 amendements en 2021.",
            "Combien de temps faut-il ? Le service a traité 1 250 demandes.",
            "Le Département a accompagné 1 200 familles, soit 300 familles de plus.",
            "Le festival a duré 3 jours et accueilli 4 000 visiteurs.",
            "Les jeunes y ont participé au nombre de 45.",
            "Le Département a accompagné 300 familles et le coût atteint 2 M€.",
            "- ◆ Création de places : 26 à Oignies, pour un total qui atteint 76 places;",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3")][1].startswith("Amendements") and "précédente" not in got[(2, "3")][1]
    assert got[(3, "1 250")][1] == "Demandes traitées"
    assert got[(4, "300")][1].startswith("Familles")
    assert got[(5, "3 jours")][0].unit == "day" and got[(5, "4 000")][1].startswith("Visiteurs")
    assert "ont participé" not in got[(6, "45")][1]
    assert got[(7, "2 M€")][1] == "Coût"
    assert got[(8, "76")][1].startswith("Places")


def test_a_block_item_its_block_cannot_name_is_read_as_a_sentence(indicators, entities) -> None:
    """In a key-figure block, an item whose label the block reads as a clause ("Total des
    actes administratifs publiés atteint") is the sentence reader's; an item the block reads
    stays the block's; no number is lost or read twice."""
    from pipelines.extract.report import extract_report
    from pipelines.read.document import Document, Location, Section, TextLine

    lines = [
        "- ◆ 553 délibérations votées",
        "- ◆ Le total des actes administratifs publiés atteint 2 387",
        "- ◆ Les inscrits sur MonJob62 sont au nombre de 14 065",
        "- ◆ Abonnés au compte Facebook du Département : 95 140, contre 83 830 l'an passé, soit "
        "+ 13,5 %",
    ]
    section = Section("Les chiffres clés des assemblées", Location("essai.txt", line=1))
    section.blocks = [TextLine(t, Location("essai.txt", line=i + 2)) for i, t in enumerate(lines)]
    document = Document("essai.txt", "text", "0" * 64, 2022, [section])
    result = extract_report(document, indicators, entities)
    labels = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    read = {(f.source_span, f.extractor, labels.get(f.indicator_code)) for f in result.figures}
    facebook = "Abonnés au compte Facebook du Département"
    assert read == {
        ("553", "key_figure_block", "Délibérations votées"),
        ("2 387", "sentences", "Total des actes administratifs publiés"),
        ("14 065", "sentences", "Inscrits sur MonJob62"),
        # "An passé", the block's label, is no label: the line is read again as a whole
        ("95 140", "sentences", facebook),
        ("83 830", "sentences", f"{facebook} (année précédente)"),
        ("+ 13,5 %", "sentences", f"Évolution : {facebook}"),
    }
    by_span = {f.source_span: f for f in result.figures}
    assert by_span["+ 13,5 %"].part_of == by_span["95 140"].indicator_code


def test_lines_of_the_twelfth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-12 words them (and reworded-11's clauses that each open
    on their commune): a value before and after with the year of the first between; a share
    named by the fraction it rounds to; a count stated after "étaient"; a count in
    apposition ("143 en tout"); a share after "c'est-à-dire"; what a measure "porte sur" or
    "s'étire sur"; the commune each clause opens on, and none for two."""
    got = _extract_lines(
        [
            "- ◆ Gestion de l'assainissement collectif : celui des bilans est passé de 73 en "
            "2021 à 98, soit + 34 %.",
            "- ⇒ Près d'un quart des habitants du Pas-de-Calais (24,9 %) y résident",
            "Au 31/12, les agréments adoption en cours de validité étaient cent quarante-sept",
            "Leurs lieux de travail, 143 en tout – les collèges au premier rang –, les placent "
            "dans la proximité avec l'usager.",
            "L'opération a bénéficié d'une subvention de 82 500 €, c'est-à-dire 33 %.",
            "La gestion porte sur 6 420 ha",
            "- Un réseau de voiries départementales qui s'étire sur 1 796 kilomètres",
            "- ◆ À Guînes, reconstruction du pont Valois pour 820 000 € ; à Méricourt, "
            "reconstruction du pont de la RD 33 pour 910 000 €",
            "À Ruyaulcourt et à Bourlon, trois randonnées découvertes ont réuni 112 participants.",
        ],
        indicators,
        entities,
    )
    before, after = got[(2, "73")], got[(2, "98")]
    assert (before[1], after[1]) == ("Bilans (avant)", "Bilans (après)")
    assert before[0].period is not None and before[0].period.start.year == 2021
    assert got[(3, "24,9 %")][1] == "Part des habitants du Pas-de-Calais"
    stock = got[(4, "cent quarante-sept")]
    assert stock[1] == "Agréments adoption en cours de validité" and stock[0].value == 147
    assert stock[0].period is not None and stock[0].period.kind == "as_of"
    assert got[(5, "143")][1] == "Lieux de travail"
    share = got[(6, "33 %")]
    assert share[1] == "Subvention (part en %)" and share[0].part_of is not None
    assert got[(7, "6 420 ha")][1] == "Surface : gestion"
    assert got[(8, "1 796 kilomètres")][1] == "Longueur : réseau de voiries départementales"
    names = {e.code: e.name for e in entities.entities.values()}
    from pipelines.extract.places import gazetteer

    names |= {p.code: p.name for p in gazetteer(entities.department.code).places}
    assert names[got[(9, "820 000 €")][0].entity_code] == "Guînes"
    assert names[got[(9, "910 000 €")][0].entity_code] == "Méricourt"
    assert got[(10, "trois")][0].entity_type != "commune"


def test_a_fact_restated_takes_its_more_specific_label(indicators, entities) -> None:
    """A key-figure block's "44 lauréats" restated by a sentence that names the programme:
    one fact, labelled as the sentence says it ("Lauréats (Budget citoyen 2022)"); a
    present participle with its object is part of a label ("élèves fréquentant
    l'établissement")."""
    from pipelines.read.document import Document, Location, Section, TextLine

    block = Section("Les chiffres clés de l'ESS", Location("essai.txt", line=1))
    block.blocks = [TextLine("- ◆ 44 lauréats", Location("essai.txt", line=2))]
    prose = Section("Un essai", Location("essai.txt", line=3))
    prose.blocks = [
        TextLine(t, Location("essai.txt", line=i + 4))
        for i, t in enumerate(
            [
                "Un Budget citoyen 2022 affichant 90 porteurs de projets et 44 lauréats !",
                "La commune garantira des conditions optimales aux 75 élèves fréquentant "
                "l'établissement.",
            ]
        )
    ]
    document = Document("essai.txt", "text", "0" * 64, 2022, [block, prose])
    result = extract_report(document, indicators, entities)
    labels = {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    laureats = {f.indicator_code for f in result.figures if f.value == 44}
    assert len(laureats) == 1 and labels[laureats.pop()] == "Lauréats (Budget citoyen 2022)"
    pupils = next(f for f in result.figures if f.value == 75)
    assert labels[pupils.indicator_code] == "Élèves fréquentant l'établissement"


def test_more_lines_of_the_twelfth_copy(indicators, entities) -> None:
    """ "respectivement" after a colon, its phrases one per comma before it; an adjective
    alone before a bracketed count; what an amount endows; a figure first, then what it was
    ("c'est ce qu'a représenté ..."); and a colon whose phrase is one bracket-split whole
    keeps the labels after the list."""
    got = _extract_lines(
        [
            "Clubs de haut niveau et clubs structurants, sportifs membres de l'équipe "
            "olympique et paralympique du Pas-de-Calais : respectivement 61 et **14**",
            "Centres culturels de rayonnement départemental (**7**), territorial (**13**) et "
            "local (**19**) : tous ont bénéficié du soutien aux structures culturelles, doté "
            "de **4,9 millions €**",
            "16 120 €, c'est ce qu'a représenté l'appel à projets initiatives transfrontalières "
            "locales pour les quatre projets portés par les collectivités",
        ],
        indicators,
        entities,
    )
    assert got[(2, "61")][1] == "Clubs de haut niveau et clubs structurants"
    assert got[(2, "14")][1] == (
        "Sportifs membres de l'équipe olympique et paralympique du Pas-de-Calais"
    )
    assert got[(3, "13")][1] == "Centres culturels de rayonnement territorial"
    assert got[(3, "19")][1] == "Centres culturels de rayonnement local"
    assert got[(3, "4,9 millions €")][1] == "Soutien aux structures culturelles"
    assert got[(4, "16 120 €")][1] == (
        "Montant : appel à projets initiatives transfrontalières locales"
    )


def test_a_label_does_not_stop_inside_what_it_names(indicators, entities) -> None:
    """Lines 2771 and 944: a proper name the label began ("l'Urban" → "l'Urban Trail"); a
    long label's last complement ("... du secteur" → "... du secteur du handicap")."""
    got = _extract_lines(
        [
            "2 500 trailers au départ de l'Urban Trail à Saint-Omer !",
            "Le Département a financé les revalorisations salariales des personnels des ESMS "
            "du secteur du handicap à hauteur de 5,4 M€.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2 500")][1] == "Trailers au départ de l'Urban Trail"
    assert got[(3, "5,4 M€")][1] == (
        "Revalorisations salariales des personnels des ESMS du secteur du handicap"
    )


def test_lines_of_the_thirteenth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-13 words them: a density "au kilomètre carré"; a number
    in words that answers a question; "N : c'est le nombre de ..."; parts named by their
    commune, the count in brackets after it."""
    got = _extract_lines(
        [
            "- ⇒ 106,8 habitants au kilomètre carré",
            "Combien de reportages photos ont été réalisés ? Cent soixante-quatorze.",
            "- ◆ **6 412** : c'est le nombre d'accords délivrés au titre du FSL",
            "- ◆ Places d'internat créées en 2022 : 77 au total, réparties entre Oignies (23), "
            "Noyelles-les-Vermelles (16) et Calais (7);",
        ],
        indicators,
        entities,
    )
    density = got[(2, "106,8 habitants au kilomètre carré")]
    assert (density[0].unit, density[1]) == ("per_km2", "Densité de population")
    assert got[(3, "Cent soixante-quatorze")][1] == "Reportages photos réalisés"
    assert got[(4, "6 412")][1] == "Accords délivrés au titre du FSL"
    whole, part = got[(5, "77")], got[(5, "23")]
    assert whole[1] == "Places d'internat créées en 2022"
    assert part[0].part_of == whole[0].indicator_code
    assert part[1] == "Places d'internat créées en 2022 à Oignies"
    assert part[0].entity_type == "commune"


def test_the_review_of_the_eleventh_to_thirteenth_copies_rules(indicators, entities) -> None:
    """Inputs a review of this change's rules reproduced: a vote "contre" and a part after an
    earlier year's figure; a fraction before ", soit"; an aside before "au nombre de"; a
    verb that pays, not one that amounts; several communes a clause opens on; a comma left
    in a label; days no effort took; an adverb that dates no stock."""
    got = _extract_lines(
        [
            "1 200 familles ont été aidées contre 1 050 l'année précédente, dont 300 nouvelles.",
            "La page compte 95 140 abonnés (contre 83 830 l'an passé).",
            "Le Département a accompagné 20 % des demandeurs d'emploi, soit 8 000.",
            "Les assistants familiaux, recrutés en 2022, sont au nombre de 107.",
            "12 000 €, c'est ce qu'a versé le Département à l'association pour son projet.",
            "À Arras, Lens et Liévin, 3 000 repas ont été servis.",
            "Le coût de ces travaux, qui s'élève à 2 M€, est pris en charge par l'État.",
            "Le chantier a duré plusieurs mois et a mobilisé une équipe 7 jours sur 7.",
            "Désormais, les demandes se font en ligne. Cette année, 5 811 demandes ont été reçues.",
            "Combien de participants ? 300 enfants et 200 adultes.",
        ],
        indicators,
        entities,
    )
    families, before, new = got[(2, "1 200")], got[(2, "1 050")], got[(2, "300")]
    assert before[1] == "Familles aidées (année précédente)"
    assert new[0].part_of == families[0].indicator_code
    assert got[(3, "83 830")][1] == "Abonnés (année précédente)"
    assert got[(3, "83 830")][0].period.start.year == 2021
    assert got[(4, "8 000")][1] == "Demandeurs d'emploi"
    assert got[(5, "107")][1] == "Assistants familiaux"
    assert (6, "12 000 €") not in got
    assert got[(7, "3 000")][0].entity_type != "commune"
    assert got[(8, "2 M€")][1] == "Coût de ces travaux"
    assert not [k for k in got if k[0] == 9 and got[k][0].unit == "day"]
    assert got[(10, "5 811")][0].period is None or got[(10, "5 811")][0].period.kind == "year"
    assert got[(11, "300")][1] == "Enfants"


def test_a_number_no_reader_takes_keeps_its_reason() -> None:
    """On a line a key-figure block read, the sentence reader's reject of a number the block
    did not read stays (with its reason); its reject of the block's own number goes."""
    from pipelines.extract import Context, Extraction
    from pipelines.extract.report import block_or_sentence
    from pipelines.read.document import Location
    from pipelines.read.numbers import parse_quantity

    text = "- ◆ 1 200 familles aidées et 200 encore"
    line = Location("essai.txt", line=2)
    block = Context(extractor="key_figure_block", section="Les chiffres clés",
                    entity_type="department", entity_code="62").at(line, text)  # fmt: skip
    blocks = Extraction()
    blocks.figures.append(block.figure("kf_essai__familles_aidees", parse_quantity("1 200")))
    quality = block.block(
        "kf:essai", (line,), rows=(1, 1), cells=(1, 1, 1), status="complete", message="1 figure"
    )
    blocks.blocks.append(quality)
    sentences = Extraction()
    prose = Context(extractor="sentences", section="Les chiffres clés", entity_type="department",
                    entity_code="62").at(line, text)  # fmt: skip
    reason = "no noun phrase names what the figure counts"
    sentences.rejects += [prose.reject(reason, value=1200.0), prose.reject(reason, value=200.0)]
    merged = block_or_sentence(blocks, sentences)
    assert [(r.value, r.reason) for r in merged.rejects] == [(200.0, reason)]
    assert [f.source_span for f in merged.figures] == ["1 200"]


def test_lines_of_the_fourteenth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-14 words them: days of a délai said after the number and
    the value it replaced ("au lieu de"); an amount for all of an item ("le tout pour") or
    for the count before it ("soutenu pour"); a percentage in words; what received an
    amount ("a bénéficié de", "se voit doté de"); an amount spread into counted items."""
    got = _extract_lines(
        [
            "- ◆ Avis de grossesse : 9 jours de délai moyen de traitement au lieu de 31, grâce à "
            "l'automatisation des flux.",
            "- ◆ Réhabilitation de bassins sur la RD 188 (bassin LILL1 à Bourecq), de septembre "
            "2022 à janvier 2023, le tout pour 296 000 €.",
            "- ◆ 1 dossier en innovation touristique, soutenu pour 54 315 € : un office.",
            "Vingt-trois pour cent des demandes font l'objet d'une intervention coordonnée.",
            "L'insertion par l'emploi a bénéficié, pour sa part, de **5,3 millions €**",
            "- ◆ 1,46 M€ répartis en 6 290 secours d'urgence (SU)",
        ],
        indicators,
        entities,
    )
    after, before = got[(2, "9 jours")], got[(2, "31")]
    assert (after[0].unit, after[1]) == ("day", "Délai moyen de traitement (après)")
    assert (before[0].unit, before[0].value, before[1]) == (
        "day",
        31.0,
        "Délai moyen de traitement (avant)",
    )
    assert got[(3, "296 000 €")][1] == "Réhabilitation de bassins"
    assert got[(4, "54 315 €")][1] == "Montant : dossier en innovation touristique soutenu"
    share = got[(5, "Vingt-trois pour cent")]
    assert (share[0].unit, share[0].value, share[1]) == ("pct", 23.0, "Part des demandes")
    assert got[(6, "5,3 millions €")][1] == "Montant : insertion par l'emploi"
    assert got[(7, "1,46 M€")][1] == "Montant : secours d'urgence"


def test_the_fourteenth_copy_s_rules_keep_to_their_words(indicators, entities) -> None:
    """What those rules must not read, as a review of them found: "au lieu de" before a
    number with a noun of its own, a forecast, a scale word or in another clause; "cent"
    that is a hundred; "le tout pour" after a date; a verb with an aside before it; an
    amount with its own noun after "a bénéficié de"; an amount "réparti entre" recipients."""
    got = _extract_lines(
        [
            "Le service compte 12 agents ; les usagers utilisent le portail au lieu de 3 guichets.",
            "La fête a réuni 5 000 participants au lieu de 4 000 attendus.",
            "Le site a reçu 3 millions de visiteurs au lieu de 2.",
            "La salle peut recevoir cent personnes, soit 12 pour cent de la commune.",
            "Vingt et un pour cent des demandes sont traitées en ligne.",
            "En 2022, réhabilitation de bassins sur la RD 188, le tout pour 296 000 €",
            "Les travaux de voirie, de signalisation et d'éclairage, le tout pour 1,2 M€.",
            "Le projet, porté par la commune, a bénéficié de 20 000 €.",
            "Les collèges ont bénéficié de 2 M€ de travaux.",
            "Le budget de 3 M€ répartis entre 12 communes a été voté.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3")][1] == "Guichets"
    assert "(avant)" not in got[(3, "4 000")][1]
    assert (4, "2") not in got or "(avant)" not in got[(4, "2")][1]
    assert (got[(5, "cent")][0].value, got[(5, "cent")][0].unit) == (100.0, "count")
    assert got[(5, "12 pour cent")][0].unit == "pct"
    share = got[(6, "Vingt et un pour cent")][0]
    assert (share.value, share.unit) == (21.0, "pct")
    assert [k for k in got if k[0] == 6] == [(6, "Vingt et un pour cent")]
    assert got[(7, "296 000 €")][1] == "Réhabilitation de bassins"
    assert got[(8, "1,2 M€")][1] == "Travaux de voirie de signalisation et d'éclairage"
    assert got[(9, "20 000 €")][1] == "Montant : projet"
    assert got[(10, "2 M€")][1] == "Travaux"
    assert "communes" not in got[(11, "3 M€")][1].lower()


def test_a_block_label_that_is_a_clause_does_not_read_as_one() -> None:
    """A key-figure item's words as a label: a verb after its noun becomes a participle
    ("Personnes bénéficient de l'APA" → "bénéficiant"); a reflexive clause, a payer and its
    verb, a lone participle or words cut on "de" name nothing."""
    from pipelines.extract.phrases import reads_as_label, without_verb

    assert without_verb("Personnes bénéficient de l'APA à domicile") == (
        "Personnes bénéficiant de l'APA à domicile"
    )
    assert without_verb("Partenaires siègent à la commission") == (
        "Partenaires siégeant à la commission"
    )
    assert without_verb("Demandes font l'objet d'un suivi") == "Demandes faisant l'objet d'un suivi"
    assert without_verb("Allocataires perçoivent le RSA") == "Allocataires percevant le RSA"
    assert without_verb("Agents interviennent sur les routes") == (
        "Agents intervenant sur les routes"
    )
    for phrase in (
        "Personnes bénéficient de l'APA à domicile",
        "Enfants ayant bénéficié d'un bilan",
        "Communes s'engageant dans la démarche",
        "Salariés",
        "Retraités",
    ):
        assert reads_as_label(phrase), phrase
    assert reads_as_label("Loyers ayant coûté")
    for clause in (
        "Orientations : l'accompagnement se voit doté",
        "Département ayant versé",
        "Mesures jeunesses ayant bénéficié",
        "Entreprises du Pas-de-Calais ayant remporté",
        "Répartis",
        "Demandes font l'objet d'une intervention coordonnée de",
    ):
        assert not reads_as_label(clause), clause


def test_lines_of_the_fifteenth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-15 words them: "X, dont le nombre atteint N"; a length
    of a sentence with no verb, of what it opens with; what was financed "à hauteur de"; an
    amount said after its rate ("au taux de 32 %, soit ...")."""
    got = _extract_lines(
        [
            "- ◆ Bénéficiaires de l'APA à domicile, dont le nombre atteint **28 917**",
            "- ◆ Nouveaux itinéraires cyclables mis en œuvre sur une longueur de 11,7 km, qui se "
            "décomposent ainsi :",
            "Des programmes d'actions concertées, menés en partenariat avec « Pas-de-Calais "
            "Tourisme » et « APF France Handicap », ont été financés par le Département à "
            "hauteur de 2,51 M€",
            "Le dossier portait sur une opération de 258 700 € ; elle a été subventionnée par le "
            "Département au taux de 32 %, soit quatre-vingt mille euros.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "28 917")][1] == "Bénéficiaires de l'APA à domicile"
    assert got[(3, "11,7 km")][1] == "Longueur (Nouveaux itinéraires cyclables)"
    assert got[(4, "2,51 M€")][1] == "Montant : programmes d'actions concertées"
    assert got[(5, "quatre-vingt mille euros")][1] == "Montant subventionné"


def test_a_name_in_italics_is_the_context_of_a_short_label(indicators, entities) -> None:
    """ "s'est transformé en *Egyptobus*, ... sur 9 dates": a name the report sets in italics
    says what a lone noun counts, as one between guillemets does, and whole; a word in
    italics that is no name ("*via*") says nothing."""
    got = _extract_lines(
        [
            "Nouveauté 2022, le car-podium du Département s'est transformé en *Egyptobus*, à la "
            "rencontre des habitants sur 9 dates, en partenariat avec le Louvre-Lens.",
            "Exposition *Sto lat ! La Polonia a cent ans* : ateliers pour 71 élèves.",
            "Plus de 5500 réservations ont été réalisées *via* internet.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "9")][1] == "Dates (Egyptobus)"
    assert got[(3, "71")][1] == "Élèves (Sto lat ! La Polonia a cent ans)"
    assert got[(4, "Plus de 5500")][1] == "Réservations réalisées"


def test_a_label_does_not_end_on_a_participle_it_cuts_from_its_complement(
    indicators, entities
) -> None:
    """Sentences of the report whose label ended on a participle without what it governs: it
    ends before the participle ("situé" + "à Samer", "organisées pour collecter" + "leur
    avis"), or takes the name it is of ("affiliés à Accueil Paysan"); a
    participle followed by a frame or a date, or closing a two-word label, stays."""
    got = _extract_lines(
        [
            "- ◆ Plus de 150 agents ont participé aux 18 réunions thématiques organisées pour "
            "collecter leur avis sur 6 grands champs d'action départementale.",
            "- ◆ 1 dossier en innovation touristique avec la création d'un office situé à Samer.",
            "On compte aujourd'hui six établissements du territoire affiliés à Accueil Paysan.",
            "Le Budget citoyen a permis de participer aux 46 temps de rencontres et d'ateliers "
            "organisés dans le cadre des comptoirs à initiatives citoyennes.",
            "75 places créées à Oignies.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "Plus de 150")][1] == "Agents ayant participé aux réunions thématiques"
    assert got[(3, "1")][1] == "Dossier en innovation touristique"
    assert got[(4, "six")][1] == "Établissements du territoire affiliés à Accueil Paysan"
    assert got[(5, "46")][1].startswith("Temps de rencontres et d'ateliers organisés")
    assert got[(6, "75")][1].startswith("Places créées")


def test_a_list_item_is_of_what_its_list_leads_with(indicators, entities) -> None:
    """Items under a line that leads into them ("Une direction générale des services
    composée de :") are of it, until a line that is no item; a count a line's heading says
    with its complement takes it ("Création de places d'internat : 75 places créées")."""
    got = _extract_lines(
        [
            "- Une direction générale des services composée de :**",
            "- 5 pôles",
            " - 21 directions (et un laboratoire d'analyses départementales)",
            "Le Département compte 12 services.",
            "- 4 agences",
            "- ◆ Création de places d'internat : 75 places créées en 2022 (24 à Oignies, 14 à "
            "Calais);",
        ],
        indicators,
        entities,
    )
    assert got[(3, "5")][1] == "Pôles (direction générale des services)"
    assert got[(4, "21")][1] == "Directions (direction générale des services)"
    assert "(" not in got[(6, "4")][1]
    assert got[(7, "75")][1] == "Places d'internat créées"
    assert got[(7, "24")][1] == "Places d'internat créées à Oignies"


def test_lengths_in_a_bracket_are_of_what_the_bracket_follows(indicators, entities) -> None:
    """Line 664: "différents parcours de marche nordique (2, 4 et 6 kms)": three lengths of
    the parcours, each its own, none of the partner named before."""
    got = _extract_lines(
        [
            "Janvier à mai - L'accueil familial de l'Artois a organisé avec notre partenaire "
            "UFOLEP différents parcours de marche nordique (2, 4 et 6 kms), ainsi que des "
            "ateliers de cohésion.",
        ],
        indicators,
        entities,
    )
    lengths = [got[(2, span)] for span in ("2", "4", "6 kms")]
    assert [f.unit for f, _ in lengths] == ["km", "km", "km"]
    assert all(label.startswith("Longueur : parcours de marche nordique") for _, label in lengths)
    assert len({label for _, label in lengths}) == 3


def test_a_height_it_peaks_at_is_an_altitude_of_what_the_paragraph_is_about(
    indicators, entities
) -> None:
    """Line 4582: "le belvédère de 40 mètres qui culmine à 210 mètres de hauteur": 210 m is
    the belvédère's altitude; the lone nouns of the paragraph are of the parc départemental
    d'Olhain it opens with."""
    got = _extract_lines(
        [
            "- ◆ Le parc départemental d'Olhain a poursuivi son développement avec l'ouverture, "
            "en octobre, du belvédère de 40 mètres qui culmine à 210 mètres de hauteur offrant "
            "une vue imprenable à 360°. Equipé de deux toboggans, et d'une tyrolienne de 564 "
            "mètres, cet équipement fait déjà le bonheur des petits et des grands.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "210 mètres")][1] == "Altitude : belvédère"
    assert got[(2, "deux")][1] == "Toboggans (parc départemental d'Olhain)"


def test_a_compound_noun_and_one_of_several_places(indicators, entities) -> None:
    """Line 1755: "deux cinés - débats" counts cinés-débats; line 2836: "Quatre
    ravitaillements étaient prévus à Merville (km 40), Saint-Omer (km 78), ..." are not
    Merville's alone."""
    got = _extract_lines(
        [
            "Proposés par la plateforme d'aide aux aidants, deux cinés - débats ont été "
            "organisés au cinéma.",
            "Quatre ravitaillements étaient prévus à Merville (km 40), Saint-Omer (km 78), "
            "Licques (km 117) et Capelle-lès-Boulogne (km 139) avant une arrivée à Hardelot.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "deux")][1].startswith("Cinés-débats")
    assert "Merville" not in got[(3, "Quatre")][1]


def test_lines_of_the_sixteenth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-16 words them: a count alone in a bracket closing its
    item; how many times a body met ("à 7 reprises"); an amount given to the noun phrase a
    relative pronoun stands for; a count a heading compares with last year's."""
    got = _extract_lines(
        [
            "- ◆ Demandes d'allocation personnalisée d'autonomie (APA) à domicile (**21 120**).",
            "Le comité de stratégie des achats technique (dit comité technique allotissement) "
            "s'est réuni à 7 reprises",
            "L'allocation RSA, à laquelle ont été consacrés 312,6 M€",
            "La Coupole a accueilli plus de visiteurs que l'an passé : 129 000, contre 118 000",
            "Le jury a siégé à 3 reprises.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "21 120")][1] == (
        "Demandes d'allocation personnalisée d'autonomie (APA) à domicile"
    )
    assert got[(3, "7")][1] == "Réunions : comité de stratégie des achats technique"
    assert got[(4, "312,6 M€")][1] == "Montant consacré : allocation RSA"
    assert got[(5, "129 000")][1].startswith("Visiteurs")
    assert not got[(6, "3")][1].startswith("Réunions")


def test_the_second_review_of_the_list_bracket_and_times_rules(indicators, entities) -> None:
    """Inputs a review of those rules ran: a lead line that is a clause keeps its subject,
    not its auxiliary, and the Département leads nothing; a dashed aside is no compound
    noun; a measure alone in a bracket is of its item; an item that is a clause is not its
    own label; "fois" after the verb; an amount with its own noun."""
    got = _extract_lines(
        [
            "La MDPH a traité :",
            "- 12 000 demandes",
            "Le Département a notamment financé :",
            "- 30 projets",
            "Le 12 mars, 40 bénévoles - accompagnés de 10 agents - ont nettoyé la plage.",
            "- ◆ Réfection de la RD 939 entre Arras et Cambrai (12 km).",
            "- ◆ Le Département a versé des aides aux familles (12 000).",
            "Le comité s'est de nouveau réuni 7 fois.",
            "Le collège Jean Moulin, pour lequel ont été engagés 2,5 M€ de travaux.",
        ],
        indicators,
        entities,
    )
    assert got[(3, "12 000")][1] == "Demandes (MDPH)"
    assert got[(5, "30")][1] == "Projets"
    assert got[(6, "40")][1] == "Bénévoles"
    assert got[(7, "12 km")][1] == "Longueur : Réfection de la RD 939 entre Arras et Cambrai"
    assert got[(8, "12 000")][1] == "Aides aux familles"
    assert got[(9, "7")][1] == "Réunions : comité"
    assert got[(10, "2,5 M€")][1] == "Travaux"


def test_a_figure_against_the_one_before_is_of_the_year_its_line_compares_with(
    indicators, entities
) -> None:
    """ "La Coupole a accueilli plus de visiteurs que l'an passé : 129 000, contre 118 000":
    118 000 is last year's visitors, labelled and dated so; with no comparison, "contre"
    dates nothing ("12 voix contre 3")."""
    got = _extract_lines(
        [
            "La Coupole a accueilli plus de visiteurs que l'an passé : 129 000, contre 118 000",
            "Plus de jeunes qu'en 2020 ont bénéficié du dispositif : 3 918, contre 3 705.",
            "Le texte a été adopté par 12 élus contre 3.",
        ],
        indicators,
        entities,
    )
    before = got[(2, "118 000")]
    assert before[1] == "Visiteurs (année précédente)"
    assert before[0].period is not None and before[0].period.start.year == 2021
    assert got[(2, "129 000")][0].period is None or got[(2, "129 000")][0].period.kind == "year"
    assert got[(3, "3 705")][0].period.start.year == 2020
    vote = got.get((4, "3"))
    assert vote is None or vote[0].period is None or vote[0].period.start.year == 2022


def test_a_bare_label_takes_what_its_block_title_names(indicators, entities) -> None:
    """A figure whose sentence names only a bare noun is of its block's title, when the
    title names something of its own ("Course contre la faim ACF : ..."); an aim ("Lutter
    contre ..."), a block type ("Les réalisations majeures"), the page's navigation
    (repeated titles) and a list's lead name nothing; a title covers a few paragraphs."""
    got = _extract_lines(
        [
            "Course contre la faim ACF : un projet sportif, dynamique et solidaire !",
            "Les élèves ont couru durant 50 minutes (parcours de 810 mètres) sur la plaine.",
            "Lutter contre toutes formes de discriminations",
            "Les agents ont animé 12 ateliers dans les collèges.",
            "Rénovation de la cour de la MDS d'Arques",
            "La cour était envahie par la renouée du Japon. Elle a été rénovée :",
            "- ◆ Une zone de jeux ados et enfants,",
            "Aussi, deux bacs « potager » ont été ajoutés pour les jeunes.",
            "Les réalisations majeures",
            "Il y a eu 9 visites.",
            "Lancement de ProfessionAutonomie62, la plateforme des métiers de l'autonomie",
            "Accompagner les familles dans l'accès aux crèches et les structures dans l'accueil"
            " des enfants fragilisés",
            "9 inter-médiatrices ont été recrutées.",
        ],
        indicators,
        entities,
    )
    assert got[(3, "810 mètres")][1] == "Parcours (Course contre la faim ACF)"
    assert got[(5, "12")][1] == "Ateliers animés"
    assert got[(9, "deux")][1] == (
        "Bacs « potager » ajoutés (Rénovation de la cour de la MDS d'Arques)"
    )
    assert got[(11, "9")][1] == "Visites"
    # a long title that names no topic still ends the block above it
    assert got[(14, "9")][1] == "Inter-médiatrices recrutées"
    # a paragraph after a list opens a block of its own unless it says it goes on (a PDF
    # may run the next title into it: the text and the PDF then read alike)
    merged = _extract_lines(
        [
            "Hansel et Gretel sèment la culture à La Couture et Ferfay",
            "- ◆ Une tournée dans les villages,",
            "Une qualité de prise en charge Réalisation de 3 diagnostics qualité.",
        ],
        indicators,
        entities,
    )
    assert merged[(4, "3")][1] == "Diagnostics qualité"


def test_block_titles_name_a_topic_or_nothing() -> None:
    from pipelines.extract.block_titles import block_topics, is_title, topic
    from pipelines.read.document import Location, Section, TextLine

    assert topic("La maison des ados de l'Artois a fêté ses 10 ans !") == (
        "maison des ados de l'Artois"
    )
    assert topic("Retour sur la gestion de crise au collège Jean Rostand de Marquise ...") == (
        "gestion de crise au collège Jean Rostand de Marquise"
    )
    assert topic("Hansel et Gretel sèment la culture à La Couture et Ferfay") == (
        "Hansel et Gretel"
    )
    assert topic("Démarche de contractualisation des résidences autonomie") == (
        "Démarche de contractualisation des résidences autonomie"
    )
    for nothing in (
        "Accentuer le travail dans le champ de l'insertion",
        "Une nouvelle dynamique",
        "Les chiffres clés de la politique culturelle",
        "Le Département collectivité de proximité des acteurs communaux",
        "Du territoire à l'Europe, des partenariats essentiels",
        "En 2022, « aller vers »",
    ):
        assert topic(nothing) == "", nothing
    assert not is_title("Nombre de collégiens : 75 429", lambda words: "75" in words)
    assert not is_title("- ◆ Course contre la faim ACF", lambda words: False)
    section = Section("S", Location("t.txt", line=1))
    texts = ["Grand Site de France Les Deux Caps"] * 3 + ["Un paragraphe."]
    lines = [TextLine(t, Location("t.txt", line=n + 2)) for n, t in enumerate(texts)]
    section.blocks = list(lines)
    assert block_topics([(section, line) for line in lines], lambda words: False) == {}
    # the same title once is a block's: its paragraph is of it
    once = block_topics([(section, line) for line in lines[2:]], lambda words: False)
    assert once == {lines[3].location.order: "Grand Site de France Les Deux Caps"}


def test_shares_said_in_fractions_and_values_said_once(indicators, entities) -> None:
    """ "les trois cinquièmes des demandes" is 60 %; "dont la moitié sur le territoire du
    Boulonnais" a share of the figure before; "de 30 jours à 5" two values in days; "un
    nombre qui dépasse de 14 % celui de 2021" the change of the figure before; "la cinquième
    édition" is no share."""
    got = _extract_lines(
        [
            "Les trois cinquièmes des demandes portent sur la réglementation.",
            "42 places créées, dont la moitié sur le territoire du Boulonnais.",
            "L'automatisation a fait passer le délai moyen de traitement de 30 jours à 5.",
            "58 forages suivis, un nombre qui dépasse de quatorze pour cent celui de 2021.",
            "La cinquième édition du forum a réuni 300 jeunes.",
        ],
        indicators,
        entities,
    )
    share = got[(2, "trois cinquièmes")]
    assert (share[0].value, share[0].unit, share[1]) == (60.0, "pct", "Part des demandes")
    half = got[(3, "la moitié")]
    assert (half[0].value, half[0].unit) == (50.0, "pct")
    assert half[1] == "Places créées sur le territoire du Boulonnais (part en %)"
    before, after = got[(4, "30 jours")], got[(4, "5")]
    assert (before[0].unit, after[0].unit, after[0].value) == ("day", "day", 5.0)
    assert (before[1], after[1]) == (
        "Délai moyen de traitement (avant)",
        "Délai moyen de traitement (après)",
    )
    change = got[(5, "quatorze pour cent")]
    assert (change[0].unit, change[0].value, change[1]) == (
        "pct_change",
        14.0,
        "Évolution : forages suivis",
    )
    assert [k for k in got if k[0] == 6] == [(6, "300")]


def test_amounts_and_lengths_named_by_their_clause(indicators, entities) -> None:
    """A cleft with a verb ("c'est à hauteur de ... que contribue le Département"), an
    amount "pour 1 dossier", a length a work was done over, parts by place after "dont",
    and the amounts that close the items of a list a colon opened."""
    got = _extract_lines(
        [
            "C'est à hauteur de 137 millions d'euros HT que contribue le Département.",
            "- ◆ 52 780 € pour 1 dossier en innovation touristique : un office de tourisme.",
            "- ◆ Une nouvelle signalétique de l'itinéraire a été réalisée sur quelque 230 km.",
            "80 places ouvertes, dont Calais (19), Azincourt (17) et Achiet-le-Grand (3).",
            "Plusieurs réalisations : des locaux aménagés au collège Camus d'Outreau, pour"
            " 45 000 €, et des salles de réfectoire refaites au collège Angellier, pour 44 000 €.",
            "Les dotations ont bénéficié aux collèges publics, pour 15,8 millions €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "137 millions d'euros")][1] == "Contribution du Département"
    assert got[(3, "52 780 €")][1] == "Montant : dossier en innovation touristique"
    assert got[(4, "quelque 230 km")][1] == ("Longueur : nouvelle signalétique de l'itinéraire")
    assert got[(5, "19")][1] == "Places ouvertes à Calais"
    assert (got[(5, "19")][0].entity_type, got[(5, "19")][0].entity_code) == ("commune", "62193")
    assert got[(5, "3")][1] == "Places ouvertes à Achiet-le-Grand"
    assert got[(6, "45 000 €")][1] == "Montant : locaux aménagés au collège Camus d'Outreau"
    assert (got[(6, "45 000 €")][0].entity_type, got[(6, "45 000 €")][0].entity_code) == (
        "commune",
        "62643",
    )
    assert got[(6, "44 000 €")][1] == (
        "Montant : salles de réfectoire refaites au collège Angellier"
    )
    assert got[(7, "15,8 millions €")][1] != "Montant : collèges publics"


def test_the_review_of_fractions_titles_and_places(indicators, entities) -> None:
    """Inputs a review of those rules ran: ordinals and "un tiers" who is someone are no
    shares, "le quart des communes" is one; a bare number with its own noun keeps its unit;
    a capitalised word in brackets is a place only when it is a commune; "Bilan :" opens no
    list; an object of "fait passer" does not reach over an earlier pair."""
    from pipelines.extract.block_titles import topic
    from pipelines.read.numbers import find_quantities

    def shares(text: str) -> list[float | None]:
        return [q.value for q in find_quantities(text, cardinals=True) if q.unit == "pct"]

    assert shares("Des élèves de la sixième à la troisième.") == []
    assert shares("Le site est confié à un tiers pour une durée de 3 ans.") == []
    assert shares("Le quart des communes a répondu.") == [25.0]
    assert shares("Plus d'un tiers des places.") == [33.3]
    assert shares("Trois quarts d'heure de marche, un quart de siècle.") == []
    assert [q.value for q in find_quantities("trois quarts d'heure", cardinals=True)] == []
    got = _extract_lines(
        [
            "Le nombre de bénéficiaires est passé de 30 % à 450 personnes.",
            "320 dossiers instruits, dont RSA (120) et APA (200).",
            "Bilan : les dotations ont bénéficié aux collèges publics, pour 15,8 M€.",
            "La réforme a fait passer le délai de 30 jours à 5 et le coût de 12 € à 9 €.",
            "42 places créées, dont la moitié à Arras et le reste à Lens.",
            "Le budget atteint 12 M€, un montant inférieur de 3 % à celui de 2021.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "450")][0].unit == "count"
    assert got[(3, "120")][1] != "Dossiers instruits à RSA"
    assert got[(4, "15,8 M€")][1] != "Montant : collèges publics"
    assert got[(5, "5")][1] == "Délai (après)" and got[(5, "5")][0].unit == "day"
    assert got[(5, "12 €")][0].qualifier is None  # no range "de 12 € à 9 €"
    assert got[(6, "la moitié")][1] == "Places créées à Arras (part en %)"
    change = got[(7, "3 %")]
    assert (change[0].unit, change[0].value, change[1]) == (
        "pct_change",
        -3.0,
        "Évolution : budget",
    )
    assert topic("« Un été au collège » : des parcours") == "« Un été au collège »"
    for nothing in ("«", "Le mot du Président", "Janvier 2022 : lancement du plan", "Bravo !"):
        assert topic(nothing) == "", nothing


def test_a_participle_is_the_counted_nouns_only_when_it_agrees(indicators, entities) -> None:
    """ "Une aire de co-voiturage de 49 places VL a été réalisée": the aire was, not the
    places; the line 1268 of the report: the délai of the avis de grossesse, its aside kept."""
    got = _extract_lines(
        [
            "Une aire de co-voiturage de 49 places VL a été réalisée et mise en service.",
            "Ce sont 6,8 millions de repas qui sont produits chaque année.",
            "- ◆ Les flux numériques entre la Caisse Nationale des Allocations Familiales et le"
            " Département ont été automatisés pour permettre la réduction du délai moyen de"
            " traitement, passant, pour les avis de grossesse de 29 jours à 8 jours.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "49")][1] == "Places VL (aire de co-voiturage)"  # what holds them, no verb
    assert got[(3, "6,8 millions")][1] == "Repas produits"
    assert got[(4, "8 jours")][1] == (
        "Délai moyen de traitement pour les avis de grossesse (après)"
    )


def test_a_ceiling_aimed_at_is_a_target(indicators, entities) -> None:
    """Line 2325 of the report: "quels leviers pour ne pas dépasser 2,20 € de denrées au
    plateau": a ceiling aimed at, not a 2022 result; "ne doit pas dépasser" in a year's
    account stays of the year."""
    got = _extract_lines(
        [
            "Dans ce contexte, quels leviers pour ne pas dépasser 2,20 € de denrées au plateau"
            " en moyenne sur l'année ?",
            "En 2022, le coût ne doit pas dépasser 3,06 € par repas.",
        ],
        indicators,
        entities,
    )
    aimed = got[(2, "ne pas dépasser 2,20 €")][0]
    assert aimed.period is not None and aimed.period.kind == "forecast"
    assert aimed.qualifier == "at_most"
    year = got[(3, "ne doit pas dépasser 3,06 €")][0]
    assert year.period is None or year.period.kind == "year"


def test_counts_said_by_a_verb_a_ratio_or_their_item(indicators, entities) -> None:
    """ "On compte 14 commissions" is no page number; "réuni quatre fois" counts meetings
    (not "trois fois plus"); "se chiffrent à"; "qui était de 27 jours, n'est plus que de 4";
    "trois sur quatre" a share; an amount fronted by "Pour" names what follows it; items in
    brackets between semicolons; an aside between commas is no subject."""
    got = _extract_lines(
        [
            "On compte 14 Commissions d'appels d'offres (CAO)",
            "Le Conseil départemental s'est réuni quatre fois",
            "Le montant est trois fois plus élevé qu'avant.",
            "Les appels reçus pour des interventions d'urgence se chiffrent à 2 356",
            "Le délai moyen de traitement, qui était de vingt-sept jours, n'est plus que de 4"
            " jours.",
            "36 places créées, dont trois sur quatre sur le territoire du Boulonnais.",
            "Pour deux cent mille euros au total, réhabilitation de bassins de septembre 2022 à"
            " janvier 2023.",
            "Renouvellements (12) ; nouvelles demandes (13) ; visites conseil (7)",
            "- ◆ Les loyers perçus, pour leur part, atteignent 921 700 €",
        ],
        indicators,
        entities,
    )
    assert got[(2, "14")][1] == "Commissions d'appels d'offres"
    assert got[(3, "quatre")][1] == "Réunions : Conseil départemental"
    assert [k for k in got if k[0] == 4] == []
    assert got[(5, "2 356")][1] == "Appels reçus pour des interventions d'urgence"
    before, after = got[(6, "vingt-sept jours")], got[(6, "4 jours")]
    assert (before[1], after[1], after[0].unit) == (
        "Délai moyen de traitement (avant)",
        "Délai moyen de traitement (après)",
        "day",
    )
    share = got[(7, "trois sur quatre")]
    assert (share[0].value, share[1]) == (
        75.0,
        "Places créées sur le territoire du Boulonnais (part en %)",
    )
    assert got[(8, "deux cent mille euros")][1] == "Montant : réhabilitation de bassins"
    assert [got[(9, s)][1] for s in ("12", "13", "7")] == [
        "Renouvellements",
        "Nouvelles demandes",
        "Visites conseil",
    ]
    assert got[(10, "921 700 €")][1] == "Loyers perçus"


def test_a_profile_item_named_before_its_figure_with_a_participle(indicators) -> None:
    """ "Ouvrages d'art recensés sur le territoire : 421" is the curated count of ouvrages
    d'art, as "424 ouvrages d'art" is."""
    from pipelines.extract.key_figures import _wordings, match_indicator, split_key_figure

    text = "- Ouvrages d'art recensés sur le territoire : 421"
    split = split_key_figure(text)
    assert split is not None and split[0].value == 421.0
    found = [match_indicator(indicators, w, "count") for w in _wordings(text, split[1])]
    assert "engineering_structures_count" in {f.code for f in found if f is not None}


def test_the_review_of_participles_asides_and_block_openers(indicators, entities) -> None:
    """Inputs a second review ran: a box of figures ends no block; "qui était de 3 M€, n'est
    plus que de 12 %" is no pair; the auxiliary decides whose a passive participle is;
    "deux fois supérieur" is no count; an aside of time is not what a délai is of; a
    pronoun is no body; "Pour 200 000 €, le Département a rénové" names no purpose; a
    comma's aside before a bracket is not its noun; a subset of a profile is no curated
    count."""
    from pipelines.extract.key_figures import _wordings, match_indicator, split_key_figure

    got = _extract_lines(
        [
            "La dépense, qui était de 3 M€, n'est plus que de 12 % du budget.",
            "Une salle de 120 places a été construite.",
            "Le budget est deux fois supérieur à celui de 2021.",
            "Le délai moyen de traitement est passé, pour la deuxième année consécutive, de 29"
            " jours à 8 jours.",
            "En 2022, il s'est réuni à 7 reprises.",
            "Pour 200 000 €, le Département a rénové la toiture du collège.",
            "Le Département a accompagné des collèges, notamment ruraux (35).",
            "Pas-de-Calais Actif",
            "6885 emplois créés ou consolidés / 1927 Structures accompagnées / 24M€ mobilisés",
        ],
        indicators,
        entities,
    )
    assert got[(2, "12 %")][0].unit == "pct"
    assert got[(3, "120")][1] == "Places (salle)"  # the salle was built, not the places
    assert [k for k in got if k[0] == 4] == []
    assert got[(5, "29 jours")][1] == "Délai moyen de traitement (avant)"
    assert got[(6, "7")][1] == "Réunions"
    assert (7, "200 000 €") not in got or "Département" not in got[(7, "200 000 €")][1]
    assert got[(8, "35")][1] == "Collèges"
    assert got[(10, "24M€")][1] == "Montant mobilisé (Pas-de-Calais Actif)"
    text = "- Communes recensées en zone inondable : 45"
    split = split_key_figure(text)
    assert split is not None
    found = {match_indicator(indicators, w, "count") for w in _wordings(text, split[1])}
    assert "communes_count" not in {f.code for f in found if f is not None}


def test_a_key_figure_label_that_is_a_link_or_a_cut_clause_gives_way() -> None:
    """ "à hauteur de 38,1 M€" leaves "Hauteur", "La gestion porte sur 6 420 ha" leaves
    "Gestion porte": no label of what is counted."""
    from pipelines.extract.phrases import reads_as_label

    assert not reads_as_label("Hauteur")
    assert not reads_as_label("Gestion porte")
    assert reads_as_label("Chaussées") and reads_as_label("Porte-monnaie électronique")


def test_lines_of_the_nineteenth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-19 words them, and the report's own: a value a quantity
    fell to, "contre N auparavant" its value before (not "contre N en 2021"); "ont répondu"
    what the counted did; "a gagné N % d'abonnés" a change; a bare noun its paragraph said
    in full earlier; a framing right after the figure before the sentence's first."""
    got = _extract_lines(
        [
            "- ◆ Pour les avis de grossesse, le délai moyen de traitement est tombé à 3 jours,"
            " contre 26 auparavant, grâce à l'automatisation des flux numériques.",
            "Le questionnaire en ligne a été lancé. Environ 1 470 personnes ont répondu.",
            "Le compte Twitter du Département a gagné 25,3 % d'abonnés.",
            "Il réunit l'ensemble des professionnels concernés par le biais de groupes de"
            " travail répartis sur quatre axes de travail pour chaque prestation : guide"
            " d'évaluation/ outils / plan de formation continue/communication. 27 rencontres"
            " ont eu lieu en 2022, 16 fiches ont été validées pour les deux guides, 5 outils"
            " départementaux ont été mis en œuvre et un plan de formation est en cours.",
            "Dans le cadre de l'ESS, un partenariat est formalisé avec Pas-de-Calais Actif"
            " ainsi que onze fondations dans le cadre de l'accompagnement des projets du"
            " Budget citoyen.",
            "La Coupole a accueilli plus de visiteurs que l'an passé : 129 000, contre 118 000",
            "Au total, trente-quatre jeunes ont été accompagnés au cours de l'année 2022, parmi"
            " lesquels 17 au titre de nouvelles mesures.",
            "Le compte Twitter du Département a gagné 25,3 % d'abonnés et en compte désormais"
            " 17 130",
        ],
        indicators,
        entities,
    )
    after, before = got[(2, "3 jours")], got[(2, "26")]
    assert after[1] == "Délai moyen de traitement (après)"
    assert before[1] == "Délai moyen de traitement (avant)"
    assert before[0].unit == "day" and before[0].value == 26
    assert got[(3, "Environ 1 470")][1].startswith("Personnes ayant répondu")
    change = got[(4, "25,3 %")]
    assert change[0].unit == "pct_change" and change[0].value == 25.3
    assert got[(5, "deux")][1].startswith("Guides d'évaluation")
    assert got[(6, "onze")][1] == ("Fondations (accompagnement des projets du Budget citoyen)")
    assert got[(7, "118 000")][1] == "Visiteurs (année précédente)"
    whole, part = got[(8, "trente-quatre")], got[(8, "17")]
    assert part[1] == "Jeunes accompagnés (nouvelles mesures)"
    assert part[0].part_of == whole[0].indicator_code
    assert got[(9, "17 130")][1] == "Abonnés (compte Twitter du Département)"
    assert got[(9, "25,3 %")][0].unit == "pct_change"


def test_what_an_amount_paid_for_and_a_noun_said_in_full_nearby(indicators, entities) -> None:
    """ "Pour 2,7 millions €, le Département a soutenu les artistes" (tests/data/reworded-19,
    line 2355) is what the Département did; a bare noun takes the complement its sentence or
    the one before gives it, not one said in an aside further back (line 2145: the "atelier
    d'écriture" of an earlier bracket are not the slow dating's "dizaine d'ateliers")."""
    got = _extract_lines(
        [
            "Pour **2,7 millions €**, le Département a soutenu les artistes, les créations et les"
            " projets avec la population, au travers de **166** aides aux projets culturels.",
            "Cela se traduit pas des actions telles « open badge » pour repérer les compétences"
            " (atelier d'écriture, informatique). C'est un parcours sur mesure. Un partenaire"
            " essentiel. Ainsi, une dizaine d'ateliers, animés par les bénéficiaires du RSA"
            " eux-mêmes, ont permis de faire un zoom sur les compétences de chacun.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2,7 millions €")][1] == "Montant soutenu : artistes"
    assert "écriture" not in got[(3, "une dizaine")][1]


def test_a_length_or_an_area_says_it_measures(indicators, entities) -> None:
    """A length or an area labelled by what it measures names the measure ("1,5 km de tapis
    ultra mince" is a length of it); a label that names its measure stays as it is."""
    got = _extract_lines(
        [
            "Le Département entretient un parc immobilier de près d'1 million de m² pour offrir"
            " des conditions d'accueil de qualité aux collégiens et usagers.",
            "La RD 917 à Carvin avec la réalisation de 1,5 km de tapis ultra mince.",
            "Le territoire s'étend sur une superficie de 690 km².",
        ],
        indicators,
        entities,
    )
    assert got[(2, "près d'1 million de m²")][1] == "Surface : parc immobilier"
    assert got[(3, "1,5 km")][1].startswith("Longueur : tapis ultra mince")
    assert not got[(4, "690 km²")][1].startswith("Surface :")
    assert same_quantity_label("Longueur : chaussée (RD 165)", "chaussée renforcée")
    assert not same_quantity_label("Longueur : chaussée", "longueur du parcours")


def test_a_count_an_infinitive_acts_on_is_what_was_done_to(indicators, entities) -> None:
    """Line 833 of the report: "a permis de rénover 3 voies" counts voies rénovées; an
    infinitive that says no act ("de dépasser 3 jours") adds nothing; line 1384: a count
    the figure before acted on ("... et ont concerné 192 personnes") says so."""
    got = _extract_lines(
        [
            "L'utilisation d'une technique innovante brevetée, via un finisseur d'intervention"
            " rapide, a permis de rénover 3 voies de 1,5 km en une journée.",
            "Le dispositif a été créé afin d'accompagner 50 familles.",
            "Le délai ne doit pas dépasser 3 jours.",
            "Ce sont également plus de 55 000 heures de clauses d'insertion qui ont été"
            " réalisées sur le territoire et ont concerné 192 personnes, majoritairement"
            " bénéficiaires du RSA et jeunes de moins de 26 ans.",
        ],
        indicators,
        entities,
    )
    # line 1384: what the figure before counts acted on the count
    assert got[(5, "192")][1] == "Personnes concernées (heures de clauses d'insertion)"
    assert got[(2, "3")][1] == "Voies rénovées"
    assert got[(3, "50")][1].startswith("Familles accompagnées")
    assert "dépassé" not in got.get((4, "3 jours"), (None, ""))[1]


def test_a_body_something_was_done_with_is_a_partner(indicators, entities) -> None:
    """Lines 4956 and 3213 of the report: a campaign "menée avec Pas-de-Calais Tourisme" and
    programmes "concertées avec « Pas-de-Calais Tourisme »" are the Département's; a body
    that is the subject stays the figure's."""
    got = _extract_lines(
        [
            "Dans la continuité des campagnes précédentes, 3 campagnes de communication"
            " estivales ont été menées avec Pas-de-Calais Tourisme.",
            "Partenariats - programmes d'actions concertées avec « Pas-de-Calais Tourisme »,"
            " « accueil paysan » et « APF France Handicap » 2,47 M€",
            "Pas-de-Calais Tourisme a accueilli 1 200 visiteurs.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3")][0].entity_type == "department"
    assert got[(3, "2,47 M€")][0].entity_type == "department"
    assert got[(4, "1 200")][0].entity_code.endswith("pas-de-calais-tourisme")


def test_a_commune_named_short_of_its_place(entities) -> None:
    """ "au collège Langevin de Boulogne" is Boulogne-sur-Mer; a short name other communes
    open with too ("Calonne": Calonne-Ricouart and Calonne-sur-la-Lys) names none."""
    from pipelines.extract.places import gazetteer

    places = gazetteer(entities.department.code)
    found = [
        p.name for _, p in places.named("la réfection des salles au collège Langevin de Boulogne")
    ]
    assert found == ["Boulogne-sur-Mer"]
    assert not places.named("les travaux à Calonne")
    assert [p.name for _, p in places.named("à Saint-Pol")] == ["Saint-Pol-sur-Ternoise"]


def test_a_bracketed_part_named_by_a_participle_and_an_amount_said_as_one(
    indicators, entities
) -> None:
    """Line 1472 of the report: "8 ateliers (4 sportifs et 4 dédiés à la sensibilisation à la
    santé sexuelle)" names the second part whole; line 3843: "4 projets ... pour un montant
    total de 98 400 €" is the amount of the projects, not a count of them; a label that says
    it is money keeps its words."""
    got = _extract_lines(
        [
            "Cette action portée avec notre partenaire UFOLEP a permis à 17 équipes de participer"
            " à 8 ateliers (4 sportifs et 4 dédiés à la sensibilisation à la santé sexuelle).",
            "4 projets ont vu le jour (déploiement de mobiliers en groupes scolaires, plateau"
            " école) pour un montant total de 98 400 €.",
            "La subvention versée pour un montant de 12 000 € a été notifiée.",
        ],
        indicators,
        entities,
    )
    # the second "4" (the first, "Ateliers : sportifs", shares its span)
    assert got[(2, "4")][1] == "Ateliers : dédiés à la sensibilisation à la santé sexuelle"
    assert got[(3, "98 400 €")][1] == "Montant total : projets"
    assert not got[(4, "12 000 €")][1].startswith("Montant : subvention")


def test_the_review_of_infinitives_partners_and_names_said_nearby(indicators, entities) -> None:
    """Inputs a review of those rules ran: a month or a season is no infinitive; a count the
    sentence's subject acted on is not the figure before's; "a pu", "a été" are no act of
    the Département; a plural like its singular ("prix") is not another word ("pris");
    "contre 26 précédemment" is the value before; "en formation et en apprentissage" is a
    phrase; "l'Aire Marine Éducative" names no commune; an amount's label is not compared
    as a count of the noun after "Montant :"."""
    got = _extract_lines(
        [
            "Au cours du mois de février 120 familles ont été aidées.",
            "Le Département a accueilli 150 stagiaires et a recruté 30 apprentis.",
            "Pour 200 000 €, le Département a pu rénover trois collèges.",
            "Les travaux ont pris du retard. 3 prix ont été décernés.",
            "Le délai est tombé à 3 jours, contre 26 précédemment.",
            "Le projet de l'Aire Marine Éducative a mobilisé 3 classes.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "120")][1].startswith("Familles aidées")
    assert "févriées" not in got[(2, "120")][1]
    assert got[(3, "30")][1] == "Apprentis recrutés"
    assert "pu" not in got.get((4, "200 000 €"), (None, ""))[1].split()
    assert got[(5, "3")][1] == "Prix décernés"
    assert got[(6, "26")][1].endswith("(avant)") and got[(6, "26")][0].unit == "day"
    assert got[(7, "3")][0].entity_type == "department"
    assert reads_as_label("Jeunes en formation et en apprentissage")
    assert not same_quantity_label("Montant : collèges", "collèges rénovés")


def test_lines_of_the_twentieth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-20 words them: days an effort took ("au terme d'une
    mobilisation de dix jours") are a figure, days spent "pendant" are not; amounts that share
    one verb ("640 000 € ont accompagné la réhabilitation ..., 330 000 € les travaux ...") say
    what each accompanied; "ont été obtenus" is the amount obtained."""
    got = _extract_lines(
        [
            "Ce sont 33 agents, venus de deux CER, qui ont déblayé les routes, au terme d'une"
            " mobilisation de dix jours.",
            "28 agents de 5 CER sont intervenus pendant 7 jours pour déblayer.",
            "640 000 € ont accompagné la réhabilitation de la base nautique de"
            " Neufchâtel-Hardelot, 330 000 € les travaux du pôle multimodal de Capécure, et"
            " 52 000 € les aires de co-voiturage.",
            "Ce sont près de 44 millions d'euros qui ont été obtenus sur ces deux fonds.",
            "Près de 85 hectares font l'objet d'une convention.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "dix jours")][1] == "Durée : mobilisation"
    assert got[(2, "dix jours")][0].unit == "day"
    assert not [k for k in got if k[0] == 3 and "jours" in k[1]]
    assert got[(4, "640 000 €")][1].startswith("Montant accompagné : réhabilitation de la base")
    assert got[(4, "330 000 €")][1] == "Montant accompagné : travaux du pôle multimodal de Capécure"
    assert got[(4, "52 000 €")][1] == "Montant accompagné : aires de co-voiturage"
    assert got[(5, "près de 44 millions d'euros")][1] == "Montant obtenu"
    assert "objet" not in got[(6, "Près de 85 hectares")][1]


def test_lines_of_the_twenty_first_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-21 words them: a number word alone in brackets is the
    count of what the line names; "une seule inspection" is one (not "en une seule journée",
    "autour d'un seul objectif"); a label that is a unit gives the figure its unit; a part
    after "dont" is named by what sets it apart."""
    got = _extract_lines(
        [
            "- * Structures culturelles en production, diffusion, médiation (huit);",
            "En 2022, le Département a traité 109 signalements, et une seule inspection a été"
            " réalisée.",
            "2 voies y ont été rénovées en une seule journée, autour d'un seul objectif.",
            "- Habitants par km² : 74,09",
            "L'accompagnement a profité en 2022 à trente-sept jeunes, dont une vingtaine relevant"
            " de nouvelles mesures.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "huit")][0].value == 8
    assert got[(2, "huit")][1].startswith("Structures culturelles")
    assert got[(3, "une seule")][0].value == 1
    assert got[(3, "une seule")][1].startswith("Inspection")
    assert not [k for k in got if k[0] == 4 and "seul" in k[1]]
    assert got[(5, "74,09")][0].unit == "per_km2"
    assert got[(5, "74,09")][1].startswith("Densité")
    part = got[(6, "une vingtaine")]
    assert part[1] == "Jeunes : nouvelles mesures"
    assert part[0].part_of == got[(6, "trente-sept")][0].indicator_code


def test_bodies_the_report_names_hold_their_figures(indicators, entities) -> None:
    """The catalog's bodies: the CLIC a paragraph opens with, after its framing, holds the
    figures of its later sentences; "Cette action" goes on from the CPEF's sentence; a body
    named as where people went ("aux Apprentis d'Auteuil") is a venue, not the entity."""
    got = _extract_lines(
        [
            "Dans le cadre de la conférence des financeurs, le Centre Local d'Information et de"
            " Coordination (CLIC) du Ternois a répondu à plusieurs appels à projets. Les projets"
            " se sont déroulés en mai. 50 aidants ont participé à ces 2 journées de répit.",
            "- ◆ Participation du centre de planification et d'éducation familiale (CPEF) de"
            " l'Artois à un « color run » au profit des étudiants du lycée Marguerite Yourcenar"
            " de Beuvry. Cette action portée avec notre partenaire UFOLEP a permis à 17 équipes"
            " de participer à 8 ateliers.",
            "39 personnes se sont présentées aux Apprentis d'Auteuil pour un projet.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "50")][0].entity_code == "62-clic-du-ternois"
    assert got[(3, "17")][0].entity_code == "62-cpef-artois"
    assert got[(4, "39")][0].entity_code != "62-apprentis-d-auteuil"


def test_an_amount_named_by_a_participle_says_what_it_was_done_to(indicators, entities) -> None:
    """Line 3587 as tests/data/reworded-21 words it: "l'entrée du collège Cousteau et son
    parvis à Bertincourt, restructurés pour 368 750 euros"; a cleft, "C'est à l'insertion
    par l'emploi que sont allés 5,6 millions €"; a body one sits in or a site's equipment is
    not a venue ("siègent à la Commission", "au parc départemental d'Olhain ... d'un
    belvédère")."""
    got = _extract_lines(
        [
            "Ils ont porté sur : l'entrée du collège Cousteau et son parvis à Bertincourt,"
            " restructurés pour 368 750 euros ; les cages d'escaliers du collège Carlin Legrand"
            " de Bapaume, rénovées pour 101 480 euros.",
            "C'est à l'insertion par l'emploi que sont allés 5,6 millions €",
            "Siègent à la Commission Départementale des Espaces, Sites et Itinéraires quarante"
            " partenaires.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "368 750 euros")][1] == "Montant restructuré : entrée du collège Cousteau"
    assert got[(2, "101 480 euros")][1].startswith("Montant rénové : cages d'escaliers")
    assert got[(3, "5,6 millions €")][1].startswith("Montant allé : insertion")
    assert got[(4, "quarante")][0].entity_code == "62-cdesi"


def test_people_who_live_somewhere_are_its_inhabitants(indicators, entities) -> None:
    """Line 817 as tests/data/reworded-16 words it: "368 150 personnes y vivent" counts the
    territory's inhabitants; "200 personnes ont participé" stays people."""
    got = _extract_lines(
        [
            "- ⇒ 368 150 personnes y vivent, ce qui représente 25,1 % des habitants du"
            " Pas-de-Calais",
            "Près de 200 personnes ont participé aux ateliers.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "368 150")][1] == "Habitants"
    assert got[(3, "Près de 200")][1].startswith("Personnes")


def test_a_share_named_by_what_its_part_does_and_parts_of_a_bodys_whole(
    indicators, entities
) -> None:
    """Line 4346 of the report: "81 marchés analysés avec plus de 50% intégrant une clause
    d'insertion" is the share of the markets that include one; line 1472: the parts of the
    CPEF's 8 ateliers are the CPEF's too, not the lycée's commune; a part named by its
    commune ("dont 24 à Oignies") stays the commune's."""
    got = _extract_lines(
        [
            "Le bilan : 81 marchés analysés avec plus de 50% intégrant une clause d'insertion.",
            "- ◆ Participation du centre de planification et d'éducation familiale (CPEF) de"
            " l'Artois à un « color run » au profit des étudiants du lycée Marguerite Yourcenar"
            " de Beuvry. Cette action a permis à 17 équipes de participer à 8 ateliers (4"
            " sportifs et 4 dédiés à la sensibilisation à la santé sexuelle).",
        ],
        indicators,
        entities,
    )
    assert (
        got[(2, "plus de 50%")][1] == "Part des marchés analysés intégrant une clause d'insertion"
    )
    parts = [f for (line, span), (f, _) in got.items() if line == 3 and span == "4"]
    assert parts and {f.entity_code for f in parts} == {"62-cpef-artois"}


def test_the_review_of_bodies_venues_residents_and_one(indicators, entities) -> None:
    """Inputs a review of this change's rules ran: "pas un seul accident" and "pendant une
    seule journée" are no figure; "(neuf)" after a noun is the adjective; people who "vivent
    seules" or "résident en EHPAD" are no inhabitants; a body that receives people is no
    venue ("accueillies au CLIC du Ternois"); an amount's participle after a clause with a
    verb is not that clause's; a time after an amount is not what it did."""
    got = _extract_lines(
        [
            "Pas un seul accident n'a été déploré sur les chantiers.",
            "Les agents sont intervenus pendant une seule journée.",
            "Le logement (neuf) a été livré.",
            "1 500 personnes vivent seules et 350 personnes résident en EHPAD.",
            "150 personnes ont été accueillies au Centre Local d'Information et de Coordination"
            " (CLIC) du Ternois.",
            "Le Département a lancé la rénovation du collège Jean Jaurès, achevée pour 4 M€.",
            "640 000 € ont accompagné la réhabilitation de la base nautique, 330 000 € la même"
            " année les travaux du pôle multimodal.",
        ],
        indicators,
        entities,
    )
    assert not [k for k in got if k[0] in (2, 3, 4)]
    assert "Habitants" not in {got[(5, "1 500")][1], got[(5, "350")][1]}
    assert got[(6, "150")][0].entity_code == "62-clic-du-ternois"
    assert "Département" not in got[(7, "4 M€")][1]
    assert "année" not in got.get((8, "330 000 €"), (None, ""))[1].lower().split(" : ")[-1][:6]


def test_lines_of_the_twenty_second_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-22 words them: a fronted "Pour ..." names the amount after
    it (not an infinitive, "Pour renouveler ..."); "les 2 880 000 € que représente ce projet"
    is the project's amount; a cleft "c'est au titre de la contractualisation que 202 000 €
    ont été apportés"; the money sign is never the counted noun."""
    got = _extract_lines(
        [
            "Pour l'insertion et l'emploi, 24,8 M€, parmi lesquels 6,4 M€ consacrés aux contrats"
            " aidés",
            "- ◆ Pour le forfait d'externat (part personnel), une enveloppe de 6,4 millions €",
            "Sur les 2 880 000 € que représente ce projet au total, 178 000 € ont été apportés"
            " au titre du fonds d'innovation territoriale (FIT).",
            "Côté départemental, 109 000 € ont été mobilisés au titre de la MMU, et c'est au"
            " titre de la contractualisation que 202 000 € ont été apportés.",
            "Pour renouveler le matériel de la régie routière, deux millions d'euros ont été"
            " engagés.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "24,8 M€")][1].startswith("Montant : insertion")
    assert got[(3, "6,4 millions €")][1] == "Enveloppe : forfait d'externat (part personnel)"
    assert got[(4, "2 880 000 €")][1] == "Montant : projet (fonds d'innovation territoriale)"
    assert got[(5, "202 000 €")][1] == "Montant apporté : contractualisation"
    assert not any("€" in label for _, label in got.values())
    assert "renouveler" not in got.get((6, "deux millions d'euros"), (None, ""))[1]


def test_lines_of_the_twenty_third_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-23 and the report word them: the number of a "près de
    200" is the number, not the adverb, so the participle of what happened to its noun is
    read; "une vingtaine d'entretiens ont été menés" likewise; a deed with "avoir" ("une
    dizaine d'ateliers ... ont permis") is no participle of the noun, the one set aside by
    commas ("..., animés par ...,") is; a fronted "Avec 7 100
    agents, un budget proche de 1,9 milliard" does not make the budget what the agents are
    of."""
    got = _extract_lines(
        [
            "En 2022, près de 200 personnes ont été accueillies au centre.",
            "Une vingtaine d'entretiens sur le terrain avec des maires ont également été menés.",
            "Ainsi, une dizaine d'ateliers, animés par les bénéficiaires du RSA eux-mêmes, ont"
            " permis de faire un zoom sur les compétences de chacun.",
            "Avec près de 7 100 agents, un budget proche de 1,9 milliard d'euros et des"
            " compétences aussi larges, une collectivité doit se doter d'outils.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "près de 200")][1] == "Personnes accueillies"
    # with whom and where: "Entretiens menés" alone was vague to a reader of seed 4949
    assert got[(3, "Une vingtaine")][1] == "Entretiens sur le terrain avec des maires menés"
    assert got[(4, "une dizaine")][1] == "Ateliers animés"
    assert got[(5, "près de 7 100")][1] == "Agents"


def test_parts_antecedents_and_recipients_said_anew(indicators, entities) -> None:
    """tests/data/reworded-23 and the report: "parmi eux, dix-huit relevaient de ..." is a
    part named by what sets it apart; "Factures réceptionnées, dont le nombre a dépassé 43
    400" counts the invoices; an amount "attribués aux treize partenaires agricoles" is
    theirs (the thirteen a count of its own); "163 professionnels y ont participé" took part
    in what the sentence before opens on; a participle cut from its complement ("situé à
    de la Maison ...") is left out."""
    got = _extract_lines(
        [
            "Trente-six jeunes ont bénéficié d'un accompagnement pour l'année 2022 ; parmi eux,"
            " dix-huit relevaient de nouvelles mesures.",
            "- ◆ Factures réceptionnées, dont le nombre a dépassé 43 400 :",
            "- ◆ 642 000 € ont été attribués aux treize partenaires agricoles",
            "Des rencontres connectées ont été mises en place avec les professionnels de la DSN."
            " 11 créneaux horaires étaient programmés, 163 professionnels y ont participé.",
            "- ◆ 1 dossier en innovation touristique avec la création d'un office de tourisme"
            " situé à de la Maison du cheval boulonnais à Samer pour 53 559 €.",
            "Il a eu lieu à Arras. 300 enfants y ont participé.",
        ],
        indicators,
        entities,
    )
    part, whole = got[(2, "dix-huit")], got[(2, "Trente-six")]
    assert part[1] == "Jeunes ayant bénéficié d'un accompagnement (nouvelles mesures)"
    assert part[0].part_of == whole[0].indicator_code
    assert got[(3, "43 400")][1] == "Factures réceptionnées"
    assert got[(4, "642 000 €")][1] == "Montant attribué aux partenaires agricoles"
    assert got[(4, "treize")][1] == "Partenaires agricoles"
    assert got[(5, "163")][1] == "Professionnels ayant participé (rencontres connectées)"
    assert got[(6, "1")][1] == "Dossier en innovation touristique"
    assert got[(7, "300")][1] == "Enfants ayant participé"  # "Il": no phrase to stand for


def test_what_holds_a_count_and_what_a_share_did(indicators, entities) -> None:
    """Lines 4119, 3173, 1108 and 4966 of the report: "une aire de co-voiturage de 49 places"
    names what holds the places (not "l'accompagnement de 26 quartiers", an act, nor a
    locution "au cours de 4 réunions"); a count after "soit" of another noun holds in what
    the count before names; a share that did something to one noun says so; "réalisées
    avec" names the partner."""
    got = _extract_lines(
        [
            "Une aire de co-voiturage de 49 places VL a été réalisée et mise en service.",
            "- ◆ Mise en service de 6 aires de covoiturage soit 1832 places dédiées à la pratique",
            "50 % des enfants issus de familles vulnérables ont aujourd'hui intégré une crèche ou"
            " une place chez une assistante maternelle.",
            "Les gestionnaires ont été sensibilisés à la qualité de l'air intérieur au cours de 4"
            " réunions.",
            "La conférence a validé l'accompagnement de 26 quartiers en difficulté.",
            "- ◆ 12 escales, soit 12 concertations citoyennes sur les territoires.",
            "Quatre séries documentaires ont été réalisées avec WEO, autour de la jeunesse.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "49")][1] == "Places VL (aire de co-voiturage)"
    assert got[(3, "1832")][1] == "Places dédiées (aires de covoiturage mises en service)"
    assert got[(4, "50 %")][1] == (
        "Part des enfants issus de familles vulnérables ayant intégré une crèche ou une place"
        " chez une assistante maternelle"  # the whole object its clause ends on
    )
    assert "air" not in got[(5, "4")][1]
    assert "accompagnement" not in got[(6, "26")][1].lower()
    assert "(escales)" not in got[(7, "12")][1].lower()  # the same count, said again
    assert got[(8, "Quatre")][1] == "Séries documentaires réalisées avec WEO"


def test_amounts_a_line_says_are_granted(indicators, entities) -> None:
    """Lines 3215-3223 of the report: "Fonds pêche : subventions accordées: 132 864 €" are
    the fund's grants, not "Fonds pêche"; "subv" is said in full; the works beside them stay
    works."""
    got = _extract_lines(
        [
            "Fonds pêche : subventions accordées: 132 864 €",
            "FARDA Aménagement : subv : 10,1 M€ - travaux 55,6 M€",
            "FARDA AVC : 3,7 M€ subv",
            "Appel à Projet Innovation Territoriale : subv 297 748 € - travaux 2,1 M€",
        ],
        indicators,
        entities,
    )
    assert got[(2, "132 864 €")][1] == "Subventions accordées (Fonds pêche)"
    assert got[(3, "10,1 M€")][1] == "Subventions (FARDA Aménagement)"
    assert got[(3, "55,6 M€")][1] == "Travaux (FARDA Aménagement)"
    assert got[(4, "3,7 M€")][1] == "Subventions (FARDA AVC)"
    assert got[(5, "297 748 €")][1] == "Subventions (Appel à Projet Innovation Territoriale)"


def test_the_height_of_what_stands_up(indicators, entities) -> None:
    """Line 4582 of the report: "du belvédère de 40 mètres qui culmine à 210 mètres" gives
    the belvédère's height and its altitude; a viaduct "Long de 312 mètres" keeps its
    length."""
    got = _extract_lines(
        [
            "Le parc a ouvert, en octobre, le belvédère de 40 mètres qui culmine à 210 mètres de"
            " hauteur offrant une vue imprenable à 360°.",
            "Divion - Long de 312 mètres, le viaduc de Divion compte parmi les ouvrages d'art.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "40 mètres")][1] == "Hauteur : belvédère"
    assert got[(2, "210 mètres")][1] == "Altitude : belvédère"
    assert got[(3, "312 mètres")][1] == "Longueur : viaduc de Divion"


def test_a_change_is_of_its_figure_in_context(indicators, entities) -> None:
    """Line 3294 of the report: the "+ 38 %" of "101 bilans" under "Gestion de
    l'assainissement collectif" is the change of those bilans, as their label names them."""
    got = _extract_lines(
        [
            "- ◆ Gestion de l'assainissement collectif : augmentation du nombre de stations en"
            " contrat (+18 %), induisant une croissance du nombre de bilans (101 soit + 38 % /"
            " 2021).",
        ],
        indicators,
        entities,
    )
    assert got[(2, "101")][1] == "Bilans (Gestion de l'assainissement collectif)"
    assert got[(2, "+ 38 %")][1] == "Évolution : bilans (Gestion de l'assainissement collectif)"


def test_parts_by_place_in_a_ranking(indicators, entities) -> None:
    """Line 1188 as tests/data/reworded-22 words it: "avec Oignies en tête (28), devant
    Noyelles-les-Vermelles (17), ..." are the places' parts of the 83 places."""
    got = _extract_lines(
        [
            "- ◆ Création de places d'internat : le nombre de places créées en 2022 s'établit à"
            " 83, avec Oignies en tête (28), devant Noyelles-les-Vermelles (17), Azincourt (15)"
            " et Calais (5);",
        ],
        indicators,
        entities,
    )
    whole = got[(2, "83")][0].indicator_code
    for span, place in (("28", "Oignies"), ("17", "Noyelles-les-Vermelles"), ("5", "Calais")):
        figure, label = got[(2, span)]
        assert figure.part_of == whole and label.endswith(f"à {place}"), (span, label)


def test_a_respectively_list_whose_phrases_follow_it(indicators, entities) -> None:
    """Line 1189 as tests/data/reworded-4 words it: "44 places ont vu le jour, respectivement
    24 et 20 sur les territoires du Boulonnais et du Calaisis": 24 and 20 are the places of
    each territory, parts of the 44; a list that does not add up is no breakdown."""
    got = _extract_lines(
        [
            "- ◆ Création de places : 44 places ont vu le jour, respectivement 24 et 20 sur les"
            " territoires du Boulonnais et du Calaisis;",
            "- ◆ Création de places : 44 places ont vu le jour, respectivement 24 et 30 sur les"
            " territoires du Boulonnais et du Calaisis;",
        ],
        indicators,
        entities,
    )
    whole = got[(2, "44")][0].indicator_code
    assert got[(2, "24")][1] == "Places ayant vu le jour : territoires du Boulonnais"
    assert got[(2, "20")][1] == "Places ayant vu le jour : territoires du Calaisis"
    assert got[(2, "24")][0].part_of == whole == got[(2, "20")][0].part_of
    assert got[(3, "24")][0].part_of is None  # 24 + 30 is not 44


def test_a_label_that_names_only_its_measure_takes_its_sentence_subject(
    indicators, entities
) -> None:
    """Lines 4119 and 4121 of the report: "Des défenses de berges ... ont été entreprises
    ..., pour un linéaire total de 1 175 m et un montant total de 110 000 € TTC" measure
    the défenses de berges; "Un linéaire de 27 km" is no subject of its own."""
    got = _extract_lines(
        [
            "Des défenses de berges en techniques végétales (fascinages) ont été entreprises, le"
            " long de certaines sections de RD, pour un linéaire total de 1 175 m et un montant"
            " total de 110 000 € TTC.",
            "Un linéaire de 27 kilomètres entre Ytres et le canal de la Sensée.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "1 175 m")][1] == "Linéaire total : défenses de berges"
    assert got[(2, "110 000 €")][1] == "Montant TTC : défenses de berges"
    assert ":" not in got[(3, "27 kilomètres")][1]


def test_two_names_joined_in_where_it_happened(indicators, entities) -> None:
    """Line 1189 of the report: "40 places créées sur les territoires du Boulonnais et du
    Calaisis" keeps both territories."""
    got = _extract_lines(
        ["- ◆ Création de places : 40 places créées sur les territoires du Boulonnais et du"
         " Calaisis;"],
        indicators,
        entities,
    )  # fmt: skip
    assert got[(2, "40")][1].endswith("sur les territoires du Boulonnais et du Calaisis")


def test_the_review_of_holders_subjects_and_objects(indicators, entities) -> None:
    """Inputs a reader of the change found wrong, each now read as a reader would: a
    comparison "devant Lens (24 000 habitants)" is no part; "lauréats" and "large majorité"
    hold nothing; a change holds nothing; "un logement social" is no adverb; who voted an
    amount is not what it measures; "y ont participé" refers to its own sentence first;
    "400 élèves, soit 16 classes" holds nothing; "le tour de 2 500 mètres" is no height;
    "avec l'aide de" is no partner; "à Arras et à Lens" names Lens."""
    got = _extract_lines(
        [
            "Béthune compte 25 000 habitants, devant Lens (24 000 habitants).",
            "Les lauréats du concours de 12 projets ont été récompensés.",
            "Le projet a reçu le soutien d'une large majorité de 80 communes.",
            "On note une baisse sensible de 12 dossiers cette année.",
            "50 familles ont trouvé un logement social grâce au dispositif.",
            "La commission permanente a voté, en juin, un montant total de 2 M€.",
            "Une réunion a eu lieu le 5 mai. Le forum de l'emploi s'est tenu à Arras et 300"
            " personnes y ont participé.",
            "400 élèves accueillis, soit 16 classes.",
            "Le tour de 2 500 mètres autour du lac a été balisé.",
            "40 jeunes ont été accompagnés avec l'aide de la Mission locale.",
            "15 collèges ont été rénovés, respectivement 10 et 5 à Arras et à Lens.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "24 000")][0].part_of is None
    assert "(" not in got[(3, "12")][1] and "(" not in got[(4, "80")][1]
    assert got[(5, "12")][1] == "Dossiers"
    assert got[(6, "50")][1].startswith("Familles ayant trouvé un logement social")
    assert got[(7, "2 M€")][1] == "Montant total"
    assert got[(8, "300")][1] == "Personnes ayant participé (forum de l'emploi)"
    assert got[(9, "16")][1] == "Classes"
    assert not got[(10, "2 500 mètres")][1].lower().startswith("hauteur")
    assert got[(11, "40")][1] == "Jeunes accompagnés"
    assert got[(12, "5")][1].endswith("Lens") and "Arras" not in got[(12, "5")][1]


def test_support_joined_to_what_it_supports(indicators, entities) -> None:
    """Line 3831 of the report: "les travaux du pôle multimodal ... portés par
    l'intercommunalité (CAB) et accompagnés à hauteur de 350 000 €" is the support given to
    the works, not their cost; the item before "de même que" is another one's."""
    got = _extract_lines(
        [
            "Une grande majorité de projets s'est concrétisée en 2022 parmi lesquels : la"
            " réhabilitation de la base nautique (600 000 € d'accompagnement) de même que les"
            " travaux du pôle multimodal (parking relais) à Capécure portés par"
            " l'intercommunalité (CAB) et accompagnés à hauteur de 350 000 €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "350 000 €")][1] == "Montant accompagné : travaux du pôle multimodal"


def test_an_amount_capped_at_the_next(indicators, entities) -> None:
    """Line 3763 of the report: "Le coût de l'opération s'est élevé à 252 840 € plafonné à
    250 000 €, éligibles" gives the cost and its cap, not the cost twice."""
    got = _extract_lines(
        [
            "Le coût de l'opération s'est élevé à 252 840 € plafonné à 250 000 €, éligibles, et"
            " une subvention de 35 % soit 87 500 €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "252 840 €")][1] == "Montant : coût de l'opération"
    assert got[(2, "250 000 €")][1] == "Plafond : coût de l'opération"


def test_acts_done_to_a_count_and_amounts_named_by_their_purpose(indicators, entities) -> None:
    """tests/data/reworded-24 and hostile wordings: an act noun ("l'accueil de", "la
    participation de") says what was done to what a count counts, only when it was done to
    it; "Parmi les inscrits, 7 130 ont ..." is a part of the whole named before; "ont pris
    part", "ont ensuite été récompensés" keep their whole verb; an amount that is its own
    subject ("2,6 M € ont été dépensés") takes the purpose its clause opens on; "lors de
    permanences, ... dans le cadre de la concertation « grand public »" frames a short label
    with the concertation."""
    got = _extract_lines(
        [
            "Grâce à l'accueil de 30 familles ukrainiennes, le village a repris vie.",
            "La participation de 200 personnes au forum a été remarquée.",
            "La création de deux espaces verts a embelli la cour.",
            "Parmi les inscrits, 7 130 ont mis en ligne au moins un CV.",
            "Parmi les 300 inscrits, 120 sont entrés en formation.",
            "Près d'une centaine de porteurs de projets ont pris part aux ateliers.",
            "Plus de trente-cinq lauréats ont ensuite été récompensés lors du Conseil.",
            "- ◆ Pour l'énergie des bâtiments départementaux, 2,6 M € ont été dépensés",
            "Plus de 80 personnes rencontrées lors de permanences en mairie, organisées dans le"
            " cadre de la concertation « grand public ».",
        ],
        indicators,
        entities,
    )
    assert got[(2, "30")][1].startswith("Familles ukrainiennes accueillies")
    assert got[(3, "200")][1] == "Personnes"  # they took part: nothing was done to them
    assert got[(4, "deux")][1] == "Espaces verts créés"  # masculine, whatever the parse says
    assert got[(5, "7 130")][1] == "Inscrits ayant mis en ligne au moins un CV"
    assert got[(6, "120")][1] == "Inscrits entrés en formation"  # not lost for want of a noun
    assert got[(7, "Près d'une centaine")][1].startswith("Porteurs de projets ayant pris part")
    assert got[(8, "Plus de trente-cinq")][1].startswith("Lauréats récompensés")
    assert got[(9, "2,6 M €")][1] == ("Montant dépensé : énergie des bâtiments départementaux")


def test_dated_lines_that_open_on_their_place_or_month(indicators, entities) -> None:
    """Lines 642, 862 and 356 of the report: a dated line may open on its place ("Bihucourt -
    23 octobre - Tornado - 28 agents ...") or on a month alone ("Février - La tempête Eunice -
    ... (9 sites au total)"), and its title frames its short labels; "au total" is no part of
    what is counted; "ont confirmé que ..." says what the répondants said, not what they
    are."""
    got = _extract_lines(
        [
            "Bihucourt - 23 octobre - Tornado - 28 agents de 5 CER sont intervenus pendant 7 jours"
            " pour déblayer et évacuer les débris.",
            "Février - La tempête Eunice - Des dégâts sur les couvertures du patrimoine immobilier"
            " (9 sites au total) mais également sur le chemin de randonnée.",
            "Près de 1 500 répondants ont confirmé que les enjeux du climat sont prioritaires.",
            "12 Communes - Arras - 5 projets ont été retenus.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "28")][1] == "Agents intervenus (Tornado)"
    assert got[(3, "9")][1] == "Sites (tempête Eunice)"
    assert got[(4, "Près de 1 500")][1] == "Répondants"
    assert "Arras" not in got[(5, "5")][1]  # "12 Communes" is no date: no dated title


def test_an_event_named_by_a_noun_and_its_name_between_guillemets(indicators, entities) -> None:
    """Lines 1100 and 1570 of the report: "Une semaine « les clés pour réussir » a été
    organisée ... : 800 bénéficiaires du RSA ont été accueillis sur 55 événements, répartis
    sur l'ensemble du département" frames both counts with the semaine, and how the events
    are spread is no part of what they are; "un atelier « détente et bien-être » ... 3
    ateliers massage" gives the name alone (an atelier of ateliers says nothing)."""
    got = _extract_lines(
        [
            "Une semaine « les clés pour réussir » a été organisée en mai 2022 : 800 bénéficiaires"
            " du RSA ont été accueillis sur 55 événements, répartis sur l'ensemble du"
            " département.",
            "Ainsi, un atelier « détente et bien-être » a été proposé aux assistants familiaux ;"
            " 3 ateliers massage pour tisser le lien avec les tout-petits.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "800")][1] == (
        "Bénéficiaires du RSA accueillis (semaine « les clés pour réussir »)"
    )
    assert got[(2, "55")][1] == "Événements (semaine « les clés pour réussir »)"
    assert got[(3, "3")][1] == "Ateliers massage (détente et bien-être)"


def test_what_the_seed_2828_readers_found_wrong(indicators, entities) -> None:
    """Lines 1664, 4580 and 3943 of the report, judged wrong in tests/data/judged (seed
    2828): an event named in an earlier item of an enumeration ("un guide « ... », une
    visite ... et une formation ... dans 5 lieux") frames none of the later items' figures;
    visitors "au cours du week-end des 7 et 8 mai 2022" came those two days; an amount "dont
    l'investissement s'élève à" is the investment of the work it hangs on; "28% d'un montant"
    keeps its article."""
    got = _extract_lines(
        [
            "La maison de l'autonomie propose 3 outils : un guide « bien vieillir chez soi », une"
            " visite de lieux adaptés et une formation d'une demi-journée dans 5 lieux du"
            " territoire.",
            "- ◆ La Coupole d'Helfaut a fêté ses 25 ans, au cours du week-end des 7 et 8 mai 2022,"
            " avec l'accueil de plus de 6500 visiteurs.",
            "La requalification du collège Jean Jaurès à Calais dont l'investissement s'élève à"
            " 2 000 000 € a été une opération majeure.",
            "Le Département a accompagné ce projet à hauteur de 30 287€, soit 28% d'un montant de"
            " travaux de 107 000 €.",
        ],
        indicators,
        entities,
    )
    assert "guide" not in got[(2, "5")][1]
    visitors = got[(3, "plus de 6500")][0]
    assert visitors.period is not None
    assert (
        visitors.period.kind,
        visitors.period.start.isoformat(),
        visitors.period.end.isoformat(),
    ) == (
        "year",  # days of the report year: the year, narrowed
        "2022-05-07",
        "2022-05-08",
    )
    assert got[(4, "2 000 000 €")][1].startswith(
        "Investissement : requalification du collège Jean Jaurès"
    )
    assert "part d'un montant de travaux" in got[(5, "28%")][1].lower()  # not "d'montant"


def test_a_thing_made_of_parts(indicators, entities) -> None:
    """Line 356 of the report: "une tournée en 13 escales" counts the tournée's escales."""
    got = _extract_lines(
        [
            "Par ailleurs, une tournée en 13 escales sur les territoires, à l'occasion"
            " d'événements festifs, s'est déroulée entre avril et juin.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "13")][1].startswith("Escales") and "tournée" in got[(2, "13")][1]


def test_no_label_opens_on_an_article_a_preposition_or_a_verb(indicators, entities) -> None:
    """The reworded copies (tests/data/reworded, -3, -22) and line 4214 of the report: "sur
    un linéaire total qui atteint 1 150 m", "un budget proche de 1,95 milliard" (an
    approximation, the article dropped), "un budget annuel exécuté qui s'établit à" (the
    relative clause's antecedent, not its verb), "D'un montant total de 2 860 000 €, ce
    projet ..." (the amount of the subject that follows), and the amounts of a list "pour
    un montant de" each keep their own item."""
    got = _extract_lines(
        [
            "Des fascinages ont été entrepris, sur un linéaire total qui atteint 1 150 m.",
            "Une collectivité affichant un budget proche de 1,95 milliard d'euros.",
            "Les missions reposent sur un budget annuel exécuté qui s'établit à 1 910 millions"
            " d'euros, adopté par les élus.",
            "Le parc a été aménagé. D'un montant total de 2 860 000€, ce projet a été accompagné"
            " à hauteur de 175 000€.",
            "Plusieurs chantiers ont été menés : la restructuration de l'entrée du collège"
            " Cousteau, pour un montant de 375 315 euros, la rénovation des cages d'escaliers,"
            " pour un montant de 99 997 euros.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "1 150 m")][1].startswith("Linéaire total")
    budget = got[(3, "proche de 1,95 milliard d'euros")]
    assert (budget[1], budget[0].qualifier) == ("Budget", "approx")
    assert got[(4, "1 910 millions d'euros")][1] == "Budget annuel exécuté"
    assert got[(5, "2 860 000€")][1] == "Montant total : projet"
    assert "Cousteau" in got[(6, "375 315 euros")][1]
    assert "cages d'escaliers" in got[(6, "99 997 euros")][1]


def test_kilometre_points_of_a_route(indicators, entities) -> None:
    """Line 2836 of the report: "Quatre ravitaillements étaient prévus à Merville (km 40),
    ... et Capelle-lès-Boulogne (km 139)" are positions along the route, as a milestone is,
    not quantities: the golden file and every judged sample read them so. The route's "161
    km" and the four stops are figures."""
    got = _extract_lines(
        [
            "Quatre ravitaillements étaient prévus à Merville (km 40), Saint-Omer (km 78),"
            " Licques (km 117) et Capelle-lès-Boulogne (km 139) avant une arrivée à Hardelot.",
        ],
        indicators,
        entities,
    )
    assert sorted(span for line, span in got if line == 2) == ["Quatre"]
    got = _extract_lines(
        ["Le parcours de 161 km passait par Licques (km 117)."], indicators, entities
    )
    assert sorted(span for line, span in got if line == 2) == ["161 km"]


def test_what_a_second_read_of_the_rules_found(indicators, entities) -> None:
    """Sentences a reader of this stop's rules wrote to break them: "la prise en charge de"
    is "pris en charge"; the gender of "lycées", "chambres" comes from the parse, not from an
    ending; "Parmi les bénéficiaires, 120 sont des femmes" gives no clause for a label;
    "puis" is no adverb to drop; "ainsi que" after a participle is no "que" of what was said;
    a kilometre point in capitals keeps its span; the days of a week-end date their own
    sentence only, and a misprinted day ("31 avril") dates nothing."""
    from pipelines.extract.periods import period_of
    from pipelines.read.numbers import find_quantities

    got = _extract_lines(
        [
            "La prise en charge de 1 200 jeunes a été assurée.",
            "La rénovation de 3 lycées a été achevée. La création de 12 chambres a suivi.",
            "Parmi les bénéficiaires, 120 sont des femmes.",
            "30 jeunes ont trouvé un stage puis un emploi.",
            "Les 200 participants ont assisté ainsi que les élus au spectacle.",
            "Lors de permanences, 80 personnes ont été rencontrées et 12 ateliers ont été"
            " organisés dans le cadre du Plan Climat.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "1 200")][1] == "Jeunes pris en charge"
    assert got[(3, "3")][1] == "Lycées rénovés"
    assert got[(3, "12")][1] == "Chambres créées"
    assert "sont" not in got.get((4, "120"), (None, ""))[1]
    assert got[(5, "30")][1] == "Jeunes ayant trouvé un stage puis un emploi"
    assert got[(6, "200")][1].startswith("Participants ayant assisté")
    assert "Plan Climat" not in got[(7, "80")][1]  # the ateliers' frame, not theirs
    km = find_quantities("Merville (KM 38)")[0]
    assert (km.text, km.unit) == ("38", "count")  # a position, dropped as a kilometre marker
    text = "Le week-end des 7 et 8 mai 2022, la Coupole a fêté ses 25 ans. Sur l'année, 129 000"
    text += " visiteurs ont été accueillis."
    at = text.index("129 000")
    assert period_of(text, at, at + 7, 2022).kind == "year"
    text = "Au cours du week-end des 30 et 31 avril 2022, 300 visiteurs sont venus."
    at = text.index("300")
    assert period_of(text, at, at + 3, 2022).kind == "year"


def test_what_the_twenty_fifth_copy_and_bare_labels_needed(indicators, entities) -> None:
    """Sentences of tests/data/reworded-25 and of the report: "d'entre eux" is among the
    figure whose noun agrees with it ("foyers", not "femmes") and keeps where they are; "Le
    Département contribue à hauteur de" names the contribution; "appel à projets" is one
    noun; a label without a complement takes the programme the sentence before names; a
    bracket that closes on the label ("(en cumulé) :") dates the figure after it."""
    from pipelines.extract.periods import period_of

    got = _extract_lines(
        [
            "Les 48 260 foyers RSA comptent six femmes sur dix, et 52 % d'entre eux sont"
            " entrés dans le dispositif il y a plus de 5 ans.",
            "Le Département contribue à hauteur de 143 millions d'euros HT au canal.",
            "Pour cinq projets, 13 940 € ont été attribués au titre de l'appel à projets"
            " initiatives transfrontalières locales.",
            "Cette 5ème édition du Budget citoyen a permis de nombreux ateliers. En septembre,"
            " près de 13 000 habitants du Pas-de-Calais ont voté pour leurs projets préférés.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "52 %")][1] == "Foyers RSA entrés dans le dispositif (part en %)"
    assert got[(2, "52 %")][0].part_of == got[(2, "48 260")][0].indicator_code
    assert got[(3, "143 millions d'euros")][1] == "Contribution du Département"
    assert "appel à projets initiatives transfrontalières" in got[(4, "13 940 €")][1]
    assert got[(5, "près de 13 000")][1].endswith("(Budget citoyen)")
    text = "Fonds conservés (en cumulé) : 36 880 mètres linéaires"
    at = text.index("36 880")
    assert period_of(text, at, at + 6, 2022).kind == "cumulative"
    text = "C'est une réduction de 30 % de ce gaspillage alimentaire qui est visée."
    at = text.index("30 %")
    assert period_of(text, at, at + 4, 2022).kind == "forecast"  # an aim
    text = "Les 30 collèges qui sont visés par le plan ont été rénovés."
    at = text.index("30")
    assert period_of(text, at, at + 2, 2022).kind == "year"  # what was done to them


def test_a_reflexive_state_and_a_participle_set_aside(indicators, entities) -> None:
    """Line 1010 "Près de 200 personnes se sont donc mobilisées": what they became; "se sont
    rendues", "se sont partagé 6 950 €" say no state of theirs. Line 2145: a participle set
    aside by commas after "une dizaine d'ateliers"."""
    got = _extract_lines(
        [
            "Près de 200 personnes se sont donc mobilisées autour des vice-présidentes.",
            "35 personnes se sont rendues aux Apprentis d'Auteuil.",
            "Ainsi, une dizaine d'ateliers, animés par les bénéficiaires du RSA eux-mêmes, ont"
            " permis de faire un zoom sur les compétences.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "Près de 200")][1] == "Personnes mobilisées"
    assert got[(3, "35")][1] == "Personnes"
    assert got[(4, "une dizaine")][1].startswith("Ateliers animés")


def test_what_an_amount_is_for_a_count_under_its_heading_and_a_dated_section(
    indicators, entities, document
) -> None:
    """Line 944: "une enveloppe financière de 23,6 M€, destinée à compenser la
    revalorisation ..." says what the enveloppe is for; line 3835 likewise with "pour"; a
    reworded line 255 "Les commissions thématiques : on en compte six" counts what its
    heading names. Lines 241-255 of the report: a section opening on "(DÉCEMBRE 2022)" states
    a composition at the end of that month."""
    from pipelines.extract.periods import dated_sections

    got = _extract_lines(
        [
            "Pour le secteur du domicile, une enveloppe financière de 23,6 M€, destinée à"
            " compenser la revalorisation de la convention collective, a été versée.",
            "Le carrefour a été aménagé avec une participation départementale de 46 000 € pour"
            " sécuriser l'entrée de la commune.",
            "Les commissions thématiques : on en compte six.",
            "Le Département a versé 2 M€ pour financer les travaux.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "23,6 M€")][1] == (
        "Enveloppe financière destinée à compenser la revalorisation de la convention collective"
    )
    assert got[(3, "46 000 €")][1] == (
        "Participation départementale pour sécuriser l'entrée de la commune"
    )
    assert got[(4, "six")][1] == "Commissions thématiques"
    assert "financer" not in got[(5, "2 M€")][1]  # no noun of its own before "de"
    dated = {location.line: period for location, period in dated_sections(document).items()}
    assert (dated[251].kind, str(dated[251].end)) == ("as_of", "2022-12-31")
    assert 240 not in dated and 270 not in dated


def test_a_noun_after_its_article_and_the_rank_of_a_label_said_again(indicators, entities) -> None:
    """Line 607: "13 dates du car podium" ("car" after "du" is a noun, not "because"); line
    664: three lengths of one phrase are told apart by their rank, not by a number that reads
    as a value; line 3500: a figure that opens a bracket is of the phrase the bracket
    follows."""
    got = _extract_lines(
        [
            "Ce fut 1 tournée de 13 dates du car podium, 1 questionnaire en ligne.",
            "Janvier à mai - L'accueil familial de l'Artois a organisé avec notre partenaire"
            " UFOLEP différents parcours de marche nordique (2, 4 et 6 kms), ainsi que des"
            " ateliers de cohésion.",
            "- Mise en place d'outils permettant de diminuer le temps de préparation des boucles"
            " auriculaires en santé animale (122 500 échantillons par an) ;",
        ],
        indicators,
        entities,
    )
    assert got[(2, "13")][1].startswith("Dates du car podium")
    assert got[(4, "122 500")][1] == (
        "Échantillons par an (préparation des boucles auriculaires en santé animale)"
    )
    assert [got[(3, span)][1] for span in ("2", "4", "6 kms")] == [
        "Longueur : parcours de marche nordique",
        "Longueur : parcours de marche nordique (deuxième)",
        "Longueur : parcours de marche nordique (troisième)",
    ]


def test_a_bare_count_opening_its_sentence_takes_what_the_sentence_before_set_up(
    indicators, entities
) -> None:
    """Line 1855: "Des rencontres connectées ont été mises en place ... . 11 créneaux horaires
    journaliers étaient programmés"; line 356: "le Département a lancé un questionnaire en
    ligne ... . Près de 1 500 répondants"; a sentence that says only that something took
    place ("s'est déroulé") lends nothing."""
    got = _extract_lines(
        [
            "Des rencontres connectées ont été mises en place avec les professionnels en"
            " septembre. 11 créneaux horaires journaliers étaient programmés.",
            "Pour recueillir l'avis des citoyens, le Département a lancé un questionnaire en"
            " ligne portant sur les politiques. Près de 1 500 répondants ont confirmé que les"
            " enjeux étaient forts.",
            "Le passage de relais entre les deux dispositifs s'est déroulé avec sérénité. Trois"
            " cinés - débats ont été organisés au cinéma.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "11")][1] == "Créneaux horaires journaliers programmés (rencontres connectées)"
    assert got[(3, "Près de 1 500")][1] == "Répondants (questionnaire en ligne)"
    assert "relais" not in got[(4, "Trois")][1]


def test_what_a_count_was_allowed_to_do(indicators, entities) -> None:
    """Line 1204: "ont ainsi permis à 172 porteurs de projets de recevoir une information
    relative aux enjeux"; what they did is not taken when it is another figure's phrase
    ("de participer à 8 ateliers")."""
    got = _extract_lines(
        [
            "Les réunions mensuelles ont ainsi permis à 172 porteurs de projets de recevoir une"
            " information relative aux enjeux.",
            "Le dispositif a permis à 45 jeunes de trouver un emploi.",
            "Cette action a permis à 17 équipes de participer à 8 ateliers.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "172")][1] == (
        "Porteurs de projets ayant reçu une information relative aux enjeux"
    )
    assert got[(3, "45")][1] == "Jeunes ayant trouvé un emploi"
    assert "ateliers" not in got[(4, "17")][1]


def test_what_a_read_of_this_stop_s_rules_found(indicators, entities) -> None:
    """Sentences written to break this stop's rules: "d'entre elles" after a figure of the
    year before is among this year's; "les permanences" is no "s permanences"; a purpose
    needs an infinitive ("pour notre territoire" is none); "Arras contribue" elides its "de";
    a reflexive that says no state ("se sont portés volontaires") is no participle; "car"
    that opens the words after a figure is the conjunction; line 1008: "2 défis" after two
    names between guillemets counts both."""
    from pipelines.extract.phrases import phrase_after
    from pipelines.read.numbers import find_quantities

    got = _extract_lines(
        [
            "Le service a traité 95 140 demandes, contre 83 830 l'an passé, et 45 % d'entre elles"
            " ont été dématérialisées.",
            "Le service a mis en place les permanences juridiques itinérantes. 40 participants"
            " ont été accueillis.",
            "Une participation départementale de 46 000 € pour notre territoire rural.",
            "Arras contribue à hauteur de 12 000 € au projet.",
            "Au total, 30 agents se sont portés volontaires.",
            "« Bien vieillir dans le Pas-de-Calais » et « être citoyens en situation de"
            " handicap », 2 défis à relever !",
        ],
        indicators,
        entities,
    )
    share = got[(2, "45 %")][0]
    assert share.part_of == got[(2, "95 140")][0].indicator_code
    assert got[(3, "40")][1] == "Participants accueillis (permanences juridiques itinérantes)"
    assert "territoire" not in got[(4, "46 000 €")][1]
    assert got[(5, "12 000 €")][1] == "Contribution d'Arras"
    assert "portés" not in got[(6, "30")][1]
    assert got[(7, "2")][1] == (  # the two it counts, not the first alone
        "Défis (Bien vieillir dans le Pas-de-Calais et être citoyens en situation de handicap)"
    )
    assert phrase_after(" car le service a fermé") == ""
    assert [q.text for q in find_quantities("450 dossiers passés en commission")] == ["450"]


def test_a_label_keeps_its_quoted_name_its_referent_and_its_heading(indicators, entities) -> None:
    """Line 4350 and the copies' 2638 and 4186: the name between guillemets that follows
    the counted noun is part of its label; a context cut at its length never leaves a name
    open ("expo « Migrations" + ")"): it closes the name when it ends a few words further
    on, else closes it on the words it kept. Line 1164: "cette expérimentation" points back
    to the programme the paragraph opens on. Line 3154: an amount of works takes the road
    its line's heading names."""
    got = _extract_lines(
        [
            "2 randonnées découvertes « Marchons sur le canal » organisées à Ruyaulcourt.",
            "Au total, 12 séances « Sport santé » ont eu lieu.",
            "- ◆ « Le point sur... » : 12 éditions du webinaire « Le point sur... » destiné aux"
            " agents.",
            "Succès pour l'expo « Migrations : une archéologie des échanges » : 2 460 personnes.",
            "Le programme PEGASE, en cours d'expérimentation, est destiné aux enfants. La maison"
            " de Dainville participe à cette expérimentation, avec l'appui de 2 médecins de la"
            " PMI.",
            "Les pactes sont écrits. Ces pactes sont marqués par trois orientations transversales.",
            "Le programme PEGASE est destiné aux enfants. Cette année, 45 médecins de la PMI"
            " travaillent dans le département.",
            "Le Département finance l'aide à la vie partagée. Il met en œuvre cette aide au sein"
            " de 31 habitats inclusifs.",
            "- ◆ RD 165 Bénifontaine - Carvin : renforcement structurel et aménagements de"
            " sécurisation de 7,5 km de chaussée pour redonner son haut niveau de performance"
            " au regard de l'augmentation constatée du trafic sur cet axe : 4,8 M€ ;",
            "Pour améliorer l'accueil : 42 000€ pour la réfection des salles de réfectoire au"
            " collège Langevin.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2")][1] == (
        "Randonnées découvertes « Marchons sur le canal » organisées à Ruyaulcourt"
    )
    assert got[(3, "12")][1] == "Séances « Sport santé »"
    assert got[(4, "12")][1] == "Éditions du webinaire « Le point sur... »"
    assert got[(5, "2 460")][1] == "Personnes (Succès pour l'expo « Migrations »)"
    # a demonstrative points back to the programme its paragraph opens on, not to any noun
    assert got[(6, "2")][1] == "Médecins de la PMI (programme PEGASE)"
    # "Ces pactes": no programme either; the orientations are the catalog's concept
    assert got[(7, "trois")][1] == "mandate_orientations_count"
    assert got[(8, "45")][1] == "Médecins de la PMI"  # "Cette année" points to no programme
    # "cette aide": the earlier mention that names it, not a mention with a demonstrative
    assert got[(9, "31")][1] == "Habitats inclusifs (aide à la vie partagée)"
    # an amount named by what was done takes what the line's heading says it was done to
    assert got[(10, "4,8 M€")][1].endswith("(RD 165 Bénifontaine - Carvin)")
    assert "(" not in got[(11, "42 000€")][1]  # a heading that says what for: not of it


def test_a_relative_clause_names_its_amount_and_times_a_thing_was_used(
    indicators, entities
) -> None:
    """Sentences of tests/data/reworded-26 and -14: an amount or a measure after
    "auxquels", "pour laquelle", "pour lesquels" or "qui couvrent" is of the noun phrase the
    relative clause follows (not the next item of the list, nor "Surface couvert"), and
    keeps the place it names; "sollicitée plus de 45 900 fois" counts the solicitations of
    the thing before the comma; "le maintien du tarif du repas à 3,06 €" is the price."""
    got = _extract_lines(
        [
            "Les travaux du pôle de Capécure, dont l'intercommunalité assure la maîtrise"
            " d'ouvrage et auxquels 360 000 € ont été consacrés, ainsi que la politique de droit"
            " commun en faveur des aires de co-voiturage, pour laquelle quarante-sept mille"
            " euros ont été mobilisés.",
            "Parmi les réalisations figurent l'aménagement de locaux (117 000 €), le démarrage"
            " des travaux d'accessibilité au collège Salengro de St Martin Boulogne, pour"
            " lesquels 262 000 € ont déjà été versés, et le nettoyage des façades.",
            "- ◆ Des opérations d'aménagement foncier toujours en phase avant-projet, qui"
            " couvrent quelque 23 300 hectares répartis sur 47 communes.",
            "Des agents l'assurent depuis cette plateforme d'assistance, sollicitée plus de"
            " 45 900 fois en 2022.",
            "L'année 2022 a été marquée par le maintien du tarif du repas à 3,06 € pour les"
            " collégiens demi-pensionnaires.",
            "Les travaux A, les travaux B et les travaux C, qui représentent 12 M€, sont finis.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "360 000 €")][1] == "Montant : travaux du pôle de Capécure"
    assert got[(2, "quarante-sept mille euros")][1] == (
        "Montant : politique de droit commun en faveur des aires de co-voiturage"
    )
    figure, label = got[(3, "262 000 €")]
    assert label == (
        "Montant : démarrage des travaux d'accessibilité au collège Salengro de St Martin Boulogne"
    )
    assert figure.entity_type == "commune"
    assert got[(4, "quelque 23 300 hectares")][1] == "Surface : opérations d'aménagement foncier"
    assert got[(5, "plus de 45 900")][1] == "Sollicitations : plateforme d'assistance"
    assert got[(6, "3,06 €")][1] == (  # L2325: the price kept, not "Maintien"
        "Tarif du repas pour les collégiens demi-pensionnaires"
    )
    assert "Montant : B" not in got.get((7, "12 M€"), (None, ""))[1]  # of all three
    assert not got[(7, "12 M€")][1].startswith("Montant :")  # found, and no antecedent's


def test_a_noun_with_a_complement_after_a_count_is_no_elided_adjective(
    indicators, entities
) -> None:
    """tests/data/reworded line 4706: "97 apprentis ont été accueillis ..., ainsi que douze
    jeunes en mission de service civique" counts young people, not "Apprentis accueillis
    jeunes"; "11 territorial dans le Boulonnais" and "5 local en 2022" still stand for the
    noun before them."""
    got = _extract_lines(
        [
            "En 2022, 97 apprentis ont été accueillis sous contrat d'apprentissage, ainsi que"
            " douze jeunes en mission de service civique.",
            "Le Département soutient 8 centres culturels de rayonnement départemental, 11"
            " territorial dans le Boulonnais et 5 local en 2022.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "douze")][1] == "Jeunes en mission de service civique"
    assert got[(3, "11")][1] == "Centres culturels de rayonnement territorial"
    assert got[(3, "5")][1] == "Centres culturels de rayonnement local"


def test_what_the_twenty_seventh_copy_and_the_twenty_second_needed(indicators, entities) -> None:
    """Lines as tests/data/reworded-22 and -27 word them: a fronted "Pour l'insertion et
    l'emploi" keeps both nouns; a bare "effectif" is of the set its sentence opens on; "Au
    nombre de N, les X" counts the X; an amount the Département (or "la collectivité")
    spent is the money spent, on what or for what, never "Département ayant investi"; a
    short count is of what its sentence's subject holds ("Le compte Instagram ... réunit"),
    not of the département named as a subject."""
    got = _extract_lines(
        [
            "Pour l'insertion et l'emploi, **24,8 M€**, parmi lesquels **6,4 M€** consacrés aux"
            " contrats aidés",
            "Dans les 32 collèges privés, l'effectif atteint 13 917.",
            "- ◆ Au nombre de deux cent quatorze, les coups de pouce compétence (CPC) ont"
            " représenté 0,35 M€",
            "Pour moderniser et sécuriser le réseau routier, le Département a investi 25,22 M€"
            " en 2022.",
            "La collectivité a versé 2,5 M€ aux associations sportives.",
            "Le compte Instagram du Département réunit 16 512 abonnés.",
            "Le Département y dispose de 57 bâtiments.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "24,8 M€")][1] == "Montant : insertion et emploi"
    assert got[(3, "13 917")][1] == "Effectif : collèges privés"
    assert got[(3, "32")][1] == "Collèges privés"  # the set itself keeps its own label
    assert got[(4, "deux cent quatorze")][1] == "Coups de pouce compétence (CPC)"
    assert got[(5, "25,22 M€")][1] == (
        "Montant investi pour moderniser et sécuriser le réseau routier"
    )
    assert got[(6, "2,5 M€")][1] == "Montant versé : associations sportives"
    assert got[(7, "16 512")][1] == "Abonnés (compte Instagram du Département)"
    assert got[(8, "57")][1] == "Bâtiments"  # the Département holds them: the entity's


def test_a_participle_of_a_verb_in_ir_is_a_participle_and_no_verb() -> None:
    """ "Montant investi : voirie" reads as a label (it was taken for a clause: "investi" as
    a conjugated verb); "suivi", "défi", "jeudi" are no participles."""
    from pipelines.extract.phrases import is_participle, is_verb

    assert all(is_participle(w) and not is_verb(w) for w in ("investi", "réparti", "accueilli"))
    assert not any(is_participle(w) for w in ("suivi", "défi", "jeudi", "ici"))
    assert reads_as_label("Montant investi : voirie")
    assert not reads_as_label("Département ayant investi")


def test_a_label_is_not_cut_inside_a_name_an_adjective_or_an_aside(indicators, entities) -> None:
    """What the readers of the seed-3636 sample found cut, and line 3945 of
    tests/data/reworded-27: a name goes on through its small words ("cités Engagement pour
    le Renouveau du Bassin Minier ..."); "spectacle vivant" and "pratiques artistiques" keep
    their adjective; "quartiers en difficultés" keep their state; an aside between commas
    ("victimes d'une oxydation importante") is no item, the works before it are; a framed
    label keeps its last noun's complement ("et le remplacement de l'éclairage")."""
    got = _extract_lines(
        [
            "Elle a validé les grands enjeux : accompagnement de 28 quartiers en difficultés en"
            " particulier en QPV et les 18 cités Engagement pour le Renouveau du Bassin Minier"
            " du Nord et du Pas-De-Calais, promotion de l'éco-transition.",
            "Parmi les autres opérations figurent, au collège MLK de Calais, le réaménagement de"
            " la cour de récréation et le remplacement de l'éclairage (27 000 €), puis le"
            " remplacement des préaux, victimes d'une oxydation importante, au collège Jean"
            " Monnet de Coulogne (161 000 €).",
        ],
        indicators,
        entities,
    )
    assert got[(2, "28")][1] == "Quartiers en difficultés"
    assert got[(2, "18")][1] == (
        "Cités Engagement pour le Renouveau du Bassin Minier du Nord et du Pas-De-Calais"
    )
    assert got[(3, "27 000 €")][1] == (
        "Montant : réaménagement de la cour de récréation et le remplacement de l'éclairage"
    )
    assert got[(3, "161 000 €")][1] == (
        "Montant : remplacement des préaux au collège Jean Monnet de Coulogne"
    )
    from builders import extract

    extraction = extract(
        "\n".join(
            [
                "LA CULTURE",
                "Soutien aux artistes pour **2,6 millions €**: **162** aides aux projets"
                " culturels et au fonctionnement associatif, **36** aides à la création en"
                " spectacle vivant",
                "Schéma départemental des enseignements et des pratiques artistiques : **82**"
                " écoles aidées (7 ressources, 10 associées, 65 hors réseau)",
            ]
        )
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    read = {f.source_span: labels.get(f.indicator_code, "") for f in extraction.figures}
    assert read["36"] == "Aides à la création en spectacle vivant"
    assert read["82"] == (
        "Écoles aidées (Schéma départemental des enseignements et des pratiques artistiques)"
    )


def test_what_a_read_of_the_spending_and_name_rules_found(indicators, entities) -> None:
    """Sentences another report may write, that the rules of the twenty-seventh copy must
    not misread: another payer is said as such ("par les communes"), not as what the money
    went to; "dans le cadre de", "au total" name nothing it went to; a fronted "Pour la
    deuxième année" is no purpose; "Dans le cadre du plan, le total" is of no set; a plural
    holder holds its count; the Département itself is no context."""
    got = _extract_lines(
        [
            "Les communes ont investi 3 M€ dans les écoles.",
            "L'État a versé 4 M€ au Département.",
            "Le Département a investi 5 M€ dans le cadre du plan de relance.",
            "Pour la deuxième année consécutive, le Département a investi 3 M€.",
            "Dans le cadre du plan, le total atteint 12 000.",
            "Les comptes Facebook et Instagram réunissent 40 000 abonnés.",
            "Le Conseil départemental compte 12 collèges neufs.",
            "Les usagers ont versé 2 M€.",
            "Le Département de la Charente Maritime compte 14 collèges neufs.",
            "Pour notre territoire, le Département a investi 6 M€.",
            "Pour s'adapter au climat, le Département a investi 7 M€.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3 M€")][1] == "Montant investi par les communes"
    assert got[(3, "4 M€")][1] == "Montant versé par l'État"
    assert got[(4, "5 M€")][1] == "Montant investi (plan de relance)"
    assert got[(5, "3 M€")][1] == "Montant investi"
    assert got[(6, "12 000")][1] == "Total"  # of no set: not "Total : cadre du plan"
    assert got[(7, "40 000")][1] == "Abonnés (comptes Facebook et Instagram)"
    assert got[(8, "12")][1] == "Collèges neufs"
    assert got[(9, "2 M€")][1] == "Montant versé par les usagers"  # a payer, not what for
    assert got[(10, "14")][1] == "Collèges neufs"  # a département's name of several words
    assert got[(11, "6 M€")][1] == "Montant investi"  # "Pour notre territoire": no purpose
    assert got[(12, "7 M€")][1] == "Montant investi pour s'adapter au climat"


def test_a_name_runs_on_only_through_its_own_small_words() -> None:
    """A name goes on through "du Nord et du Pas-De-Calais", not into the next clause ("de
    Boulogne" + "et le Département a aussi"), nor past its end ("de Calais" + "pour la
    Région"); a preposition in -ant is no adjective ("avant", "durant")."""
    from pipelines.extract.prose import _not_cut, _whole_names

    text = "aides aux associations sportives de Boulogne et le Département a aussi"
    assert _not_cut(text, "aides aux associations sportives de Boulogne", 0) == (
        "aides aux associations sportives de Boulogne"
    )
    assert _not_cut("communes de Calais pour la Région", "communes de Calais", 0) == (
        "communes de Calais"
    )
    text = "les 18 cités Engagement pour le Renouveau du Bassin Minier du Nord et du Pas-De-Calais."
    assert _not_cut(text, "cités Engagement", 0).endswith("du Nord et du Pas-De-Calais")
    text = "visites des sites du réseau des musées avant la rénovation"
    assert _not_cut(text, "visites des sites du réseau des musées", 0).endswith("musées")
    assert _whole_names("actions de prévention durant l'été", 3) == "actions de prévention"
    assert _whole_names("aides à la création en spectacle vivant", 6).endswith("vivant")
    assert _whole_names("aides aux arts vivants", 3) == "aides aux arts vivants"
    assert _whole_names("actions de prévention visant les jeunes", 3) == "actions de prévention"


def test_a_coordinated_clause_and_an_amount_s_conjunction() -> None:
    """ "les collèges et les agents ont été mobilisés" is a clause: its first noun alone;
    "l'insertion et l'emploi" both nouns."""
    from pipelines.extract.phrases import coordinated_phrase

    assert coordinated_phrase("les collèges et les agents ont été mobilisés") == "collèges"
    assert coordinated_phrase("l'insertion et l'emploi") == "insertion et emploi"


def test_an_amount_that_financed_two_things_names_both(indicators, entities) -> None:
    """Line 3945 of tests/data/reworded-27: "247 000 € supplémentaires ont financé
    l'accessibilité et les aménagements extérieurs" paid for both, not for "accessibilité"
    alone; the amount before it stays the boilers'."""
    got = _extract_lines(
        [
            "Le collège les 4 vents de Guînes s'inscrit dans la même dynamique : le"
            " remplacement de ses chaudières a coûté 192 000 €, et 247 000 € supplémentaires"
            " ont financé l'accessibilité et les aménagements extérieurs.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "247 000 €")][1] == "Montant financé : accessibilité et aménagements extérieurs"
    assert got[(2, "192 000 €")][1] == "Montant : remplacement de ses chaudières"


def test_what_the_twenty_eighth_copy_found(indicators, entities) -> None:
    """Lines 4839 and 4036 of tests/data/reworded-28: what the people did stops where another
    verb's clause starts ("en empruntant pas moins de cinquante-cinq itinéraires" is no part
    of "ayant découvert notre département"); a relative clause after a commune ("la RD 917 à
    Carvin, sur laquelle 1,52 km de tapis ...") is about that commune."""
    got = _extract_lines(
        [
            "Le bus gratuit pour l'ensemble des habitants, les mercredis de juillet et août,"
            " afin de redécouvrir les nombreux joyaux du territoire : tel est le principe de"
            " l'opération « les MERcredis de l'été », menée par le Département. En 2022, ce"
            " sont plus de huit mille personnes qui, au fil de quatre mercredis d'été, ont"
            " découvert notre département en empruntant pas moins de cinquante-cinq"
            " itinéraires.",
            "Plusieurs opérations méritent d'être soulignées : la remise à niveau de la RD 937 à"
            " Sains-en-Gohelle, ou encore la RD 917 à Carvin, sur laquelle 1,52 km de tapis"
            " ultra mince ont été posés en une journée.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "plus de huit mille")][1].startswith(
        "Personnes ayant découvert notre département"
    )
    assert "moins" not in got[(2, "plus de huit mille")][1]
    assert got[(2, "pas moins de cinquante-cinq")][0].value == 55
    carvin = got[(3, "1,52 km")][0]
    assert (carvin.entity_type, carvin.entity_code) == ("commune", "62215")


def test_a_figure_named_by_what_a_cleft_after_it_says(indicators, entities) -> None:
    """Line 1032 of tests/data/reworded-29: "Orientations : **7,3 M€**, tel est le montant
    alloué à l'accompagnement" is the amount allocated, not its heading; "c'est le nombre
    de" names what the number counts."""
    got = _extract_lines(
        [
            "Orientations : **7,3 M€**, tel est le montant alloué à l'accompagnement",
            "30 000, c'est le nombre de repas servis chaque jour.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "7,3 M€")][1] == "Montant alloué à l'accompagnement"
    assert got[(3, "30 000")][1].startswith("Repas servis")


def test_an_amount_its_subject_was_worth(indicators, entities) -> None:
    """Line 3835 of tests/data/reworded-29: "L'engagement départemental a représenté 106 000 €"
    is the engagement, not a "montant représenté"; an aside "au nombre de 6 402" is no
    complement of what was worth the amount."""
    got = _extract_lines(
        [
            "L'engagement départemental a représenté 106 000 € au titre de la MMU.",
            "- ◆ Les secours d'urgence (SU), au nombre de 6 402, ont représenté 1,48 M€",
        ],
        indicators,
        entities,
    )
    assert got[(2, "106 000 €")][1].startswith("Engagement départemental")
    assert got[(3, "1,48 M€")][1] == "Secours d'urgence"
    assert got[(3, "6 402")][1].startswith("Secours d'urgence")


def test_an_epci_named_by_its_name_or_its_initials_is_the_entity(indicators, entities) -> None:
    """Line 3831: "les travaux du pôle multimodal ... portés par l'intercommunalité (CAB) et
    accompagnés à hauteur de 350 000 €" are the Communauté d'agglomération du Boulonnais's
    (its initials, from the official list), the 600 000 € of the commune named in their own
    phrase, the 50 000 € of neither; the same with the amount first (tests/data/reworded-20);
    line 3281: communes "de la communauté de communes de Desvres Samer"; an EPCI named beside
    another names neither."""
    got = _extract_lines(
        [
            "Parmi lesquels : la réhabilitation de la base nautique et de glisse de"
            " Neufchâtel-Hardelot (600 000 € d'accompagnement) de même que les travaux du pôle"
            " multimodal (parking relais) à Capécure portés par l'intercommunalité (CAB) et"
            " accompagnés à hauteur de 350 000 € et de la politique de droit commun liée aux"
            " aires de co-voiturage à hauteur de 50 000 €.",
            "En 2022 : 640 000 € ont accompagné la réhabilitation de la base nautique, 330 000 €"
            " les travaux du pôle multimodal de Capécure portés par l'intercommunalité (CAB), et"
            " 52 000 € la politique de droit commun liée aux aires de co-voiturage.",
            "- ◆ Adoption des réglementations de boisements dans neuf communes de la communauté"
            " de communes de Desvres Samer;",
            "- ◆ 10 communes et 2 intercommunalités (communauté de communes Osartis-Marquion et"
            " communauté de commune Sud Artois) traversées",
        ],
        indicators,
        entities,
    )

    def at(line: int, span: str) -> tuple[str, str]:
        figure = got[(line, span)][0]
        return figure.entity_type, figure.entity_code

    assert at(2, "350 000 €") == ("epci", "246200729")
    assert at(2, "600 000 €") == ("commune", "62604")
    assert at(2, "50 000 €")[0] != "epci"
    assert at(3, "330 000 €") == ("epci", "246200729")
    assert at(3, "52 000 €")[0] != "epci" and at(3, "640 000 €")[0] != "epci"
    assert at(4, "neuf") == ("epci", "200018083")
    assert at(5, "10")[0] != "epci" and at(5, "2")[0] != "epci"


def test_the_epcis_of_the_official_list_as_the_report_writes_them() -> None:
    """By their own name after their kind, hyphens and spaces alike ("Flandre-Lys" for
    "Flandre Lys"), or by their initials in capitals; not a word that only starts alike."""
    from pipelines.extract.places import gazetteer

    epcis = gazetteer("62").epcis
    names = [e.name for _, e in epcis.named("auprès de la communauté de communes Flandre-Lys")]
    assert names == ["Communauté de communes Flandre Lys"]
    found = epcis.named("La CABBALR et la CCFL, la CUA")
    assert [e.code for _, e in found] == ["200072460", "245900758", "200033579"]
    assert not epcis.named("le CABINET du Président, la Cabane")


def test_what_the_seed_3838_readers_and_the_thirtieth_copy_found(indicators, entities) -> None:
    """tests/data/judged (seed 3838) and tests/data/reworded-30: a quoted name keeps the noun
    that says what it names (line 2638); a relative clause's "qui" stands for the noun right
    before it (line 4807); a course's length is dated by its ride (line 2836), a timeline
    item "Janvier à mai -" by its months (line 664); "sept d'entre eux" is read; a bare part
    "parmi lesquels 1 079 ont été attribués à ..." is named by what was done to it, and
    that is no participle of its whole (line 4649)."""
    got = _extract_lines(
        [
            "L'expo « Migrations : une archéologie des échanges » fait le plein avec 2500"
            " visiteurs !",
            "Les agents disponibles depuis cette plateforme d'assistance qui a enregistré"
            " quelques 45 959 sollicitations en 2022.",
            "La randonnée est partie de Lille Grand Palais le samedi 21 mai et a rejoint la"
            " station balnéaire au terme d'un parcours de 161 km à travers le Nord.",
            "Janvier à mai - L'accueil familial de l'Artois a organisé différents parcours de"
            " marche nordique (2, 4 et 6 kms).",
            "Seize enfants sont nés sous le secret ; sept d'entre eux ont été admis pupilles de"
            " l'Etat",
            "Le Département a notifié 2 294 marchés, parmi lesquels 1 079 ont été attribués à"
            " des entreprises du Pas-de-Calais.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2500")][1] == "Visiteurs (expo « Migrations : une archéologie des échanges »)"
    assert got[(3, "quelques 45 959")][1] == "Sollicitations enregistrées (plateforme d'assistance)"
    ride = got[(4, "161 km")][0].period
    assert ride is not None and (str(ride.start), str(ride.end)) == ("2022-05-21", "2022-05-21")
    walk = got[(5, "6 kms")][0].period
    assert walk is not None and (str(walk.start), str(walk.end)) == ("2022-01-01", "2022-05-31")
    among = got[(6, "sept")][0]
    assert among.value == 7 and among.part_of == got[(6, "Seize")][0].indicator_code
    part, whole = got[(7, "1 079")], got[(7, "2 294")]
    assert part[1] == "Marchés attribués à des entreprises du Pas-de-Calais"
    assert part[0].part_of == whole[0].indicator_code
    assert whole[1] == "Marchés notifiés"


def test_a_block_that_opens_on_an_event_it_dates_dates_its_counts(indicators, entities) -> None:
    """Lines 1875-1881: a block whose first paragraph opens on the week it dates ("Cette
    semaine a été organisée ..., du 2 au 6 mai 2022") dates the counts of the paragraphs
    under it, not their amounts; a bare count that speaks of the gathering its paragraph
    named takes that gathering's name, the nearest before it (line 1096)."""
    got = _extract_lines(
        [
            '"les clés pour réussir", une semaine dédiée aux bénéficiaires du RSA',
            "Cette semaine a été organisée par le service local allocation insertion (SLAI), du"
            " 2 au 6 mai 2022, semaine départementale dédiée aux bénéficiaires du RSA.",
            "41 personnes ont pu s'essayer aux métiers de la logistique et du transport.",
            "39 personnes se sont présentées aux Apprentis d'Auteuil pour un projet, pour un"
            " coût de 12 000 €.",
            "Une autre action",
            "En 2022, 300 personnes ont été accompagnées.",
            "2022 a permis la montée en charge au titre du logement d'abord des territoires du"
            " Boulonnais. Ces avancées ont été saluées lors de la tenue du club des territoires"
            " logement d'abord, le 29 novembre. Près de 130 participants ont ainsi été réunis.",
        ],
        indicators,
        entities,
    )

    def days(line: int, span: str) -> tuple[str, str]:
        period = got[(line, span)][0].period
        return (str(period.start), str(period.end)) if period else ("year", "year")

    assert days(4, "41") == days(5, "39") == ("2022-05-02", "2022-05-06")
    assert days(5, "12 000 €") == ("year", "year")
    assert days(7, "300") in {("year", "year"), ("2022-01-01", "2022-12-31")}
    club = "Participants réunis (club des territoires logement d'abord)"
    assert got[(8, "Près de 130")][1] == club


def test_a_block_that_opens_on_a_half_of_the_year(indicators, entities) -> None:
    """Lines 352-356: "Le premier semestre 2022 a été consacré à la démarche d'« aller vers »"
    opens its block, whose next paragraphs count what was done then; a semester said inside
    a figure's own sentence dates nothing ("Les trois pactes ont été adoptés à l'automne 2022
    après une démarche ... qui s'est déroulée pendant le premier semestre", line 341)."""
    got = _extract_lines(
        [
            "Les étapes et les outils de la construction",
            "Le premier semestre 2022 a été consacré à la démarche d'« aller vers » l'ensemble"
            " des acteurs du département.",
            "Le Département a lancé un questionnaire en ligne. Près de 1 500 répondants ont"
            " confirmé les enjeux.",
            "Les trois pactes ont été adoptés à l'automne 2022 après une vaste démarche de"
            " co-construction qui s'est déroulée pendant le premier semestre.",
        ],
        indicators,
        entities,
    )
    half = got[(4, "Près de 1 500")][0].period
    assert half is not None and (str(half.start), str(half.end)) == ("2022-01-01", "2022-06-30")
    assert got[(5, "trois")][0].period is None


def test_what_a_read_of_the_epci_and_event_block_rules_found(indicators, entities) -> None:
    """An EPCI the report writes as its territory page does ("CA de Lens-Liévin", "CA
    d’Hénin-Carvin", "la CA du Pays de Saint-Omer") is no commune; an EPCI after the figure
    before is that figure's ("350 000 € à la CAB et 120 000 € aux communes rurales"); a count
    of EPCIs is none of them; a part that did something is no part named by what was done to
    it; a verb before a quoted name is no noun; a paragraph that says its own half of the
    year is not dated by its block's."""
    from pipelines.extract.places import gazetteer

    places = gazetteer("62")
    names = [e.code for _, e in places.epcis.named("la CA de Lens-Liévin et la CA d’Hénin-Carvin")]
    assert names == ["246200364", "246200299"]
    assert not places.named("la CA du Pays de Saint-Omer a reçu 1,2 M€")
    got = _extract_lines(
        [
            "Le Département a versé 350 000 € à la CAB et 120 000 € aux communes rurales.",
            "- ⇒ 3 EPCI : la Communauté d'Agglomération du Boulonnais, la communauté de communes"
            " de la Terre des 2 Caps et la communauté de communes de Desvres-Samer",
            "450 jeunes ont été suivis, dont 120 ont obtenu leur diplôme.",
            "Le Département a porté « Bouge ton été » qui a réuni 1 200 jeunes.",
            "Les étapes de la démarche",
            "Le premier semestre 2022 a été consacré à la démarche d'« aller vers ».",
            "Au second semestre, 45 familles ont été rencontrées.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "350 000 €")][0].entity_code == "246200729"
    assert got[(2, "120 000 €")][0].entity_type != "epci"
    assert got[(3, "3")][0].entity_type != "epci"
    assert "obtenu" not in got.get((4, "120"), (None, ""))[1].split()[:2]
    assert "porté" not in got[(5, "1 200")][1]
    second = got[(8, "45")][0].period
    assert second is None or (str(second.start), str(second.end)) != ("2022-01-01", "2022-06-30")


def test_what_the_seed_4040_readers_found_wrong(indicators, entities) -> None:
    """tests/data/judged (seed 4040): an amount labelled by the project it funded is that
    funding (lines 3591, 4214); "X générant une contribution de N" is X's contribution, not
    what frames the sentence (line 3409)."""
    got = _extract_lines(
        [
            "Cette salle multi-activités répond aux exigences environnementales. Ce projet a été"
            " financé par le FARDA : 87 500 €, près de 240 heures d'insertion ont été réalisées"
            " sur ce chantier.",
            "D'un montant total de 2 860 000€, ce projet a été accompagné à hauteur de 175 000€,"
            " au titre du fonds d'innovation territoriale (FIT).",
            "Au-delà de la mise en œuvre des 17 engagements retenus dans le cadre du dossier de"
            " candidature, l'année 2022 a permis de renforcer l'ingénierie financière du projet,"
            " soutenue par la mobilisation des fonds européens FEDER 3B (convention 2014/2020)"
            " et FEDER 3C générant une contribution de 4 753 558 € sur les aménagements.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "87 500 €")][1] == "Financement du projet par le FARDA"
    assert got[(3, "175 000€")][1].startswith("Accompagnement du projet")
    assert got[(4, "4 753 558 €")][1] == "Contribution (fonds européens FEDER)"


def test_what_a_second_read_of_the_epci_and_label_rules_found(indicators, entities) -> None:
    """An EPCI the figure's own clause names stays its entity when a figure stands before it
    ("3 projets portés par la CAHC ... 350 000 €"), an EPCI the report writes with spaces
    around its hyphen is found ("CA de Lens - Liévin"), "La CAB" opens a sentence; a heading
    before a colon names the EPCI of its amount; a bare part's label does not end on "de";
    a quoted name after a word that is no noun is the name alone."""
    from pipelines.extract.places import gazetteer

    epcis = gazetteer("62").epcis
    assert [e.code for _, e in epcis.named("15 : CA de Lens - Liévin")] == ["246200364"]
    assert [e.code for _, e in epcis.named("La CAB a voté")] == ["246200729"]
    got = _extract_lines(
        [
            "3 projets portés par la CAHC ont été accompagnés à hauteur de 350 000 €.",
            "Participation de la CAPSO : 120 000 €",
            "Le Département a notifié 2 294 marchés, dont 1 079 ont été attribués à des"
            " entreprises de moins de 50 salariés.",
            "Une journée thématique « Faire confiance à la jeunesse » a réuni 120 jeunes.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "350 000 €")][0].entity_code == "246200299"
    assert got[(3, "120 000 €")][0].entity_code == "200069037"
    assert not got[(4, "1 079")][1].endswith((" de", " moins"))
    assert got[(5, "120")][1] == "Jeunes réunis (Faire confiance à la jeunesse)"


def test_a_part_placed_in_somewhere_and_a_project_s_whole_cost(indicators, entities) -> None:
    """ "dont 45 ont été placés en famille d'accueil": the part keeps where; a project's total
    cost is no funding ("Projet financé par le FARDA d'un montant total de 250 000 €")."""
    from pipelines.extract.prose import _funding

    got = _extract_lines(
        ["450 enfants suivis, dont 45 ont été placés en famille d'accueil."], indicators, entities
    )
    assert got[(2, "45")][1] == "Enfants placés en famille d'accueil"
    assert _funding("Projet soutenu par la Région", "EUR") == "Soutien au projet par la Région"
    assert _funding("Projet financé par le FARDA d'un montant total", "EUR").startswith("Projet")
    assert _funding("Projet financé par le FARDA", "count") == "Projet financé par le FARDA"


def test_amounts_shares_and_parts_as_next_year_may_word_them(indicators, entities) -> None:
    got = _extract_lines(
        [
            "- ◆ Contournement de Courrières (RD 919) : les 4,1 M€ engagés ont permis de "
            "réaliser le giratoire de la RD 46.",
            "- 10,17 % de la population du Pas-de-Calais vit sur le territoire.",
            "- ◆ Pour les équipements de la route, la dépense s'est établie à 4,27 M€",
            "Pour l'insertion par l'emploi, cinq millions d'euros ont été mobilisés.",
            "La conférence des financeurs a soutenu 139 actions, pour un financement total de "
            "1,72 M€.",
            "Les jeunes accompagnés sont au nombre de trente-huit ; vingt et un d'entre eux, "
            "soit 55 %, relevaient de nouvelles mesures.",
        ],
        indicators,
        entities,
    )
    # what the amount is, not what it allowed ("Montant permis de réaliser")
    assert "permis" not in got[(2, "4,1 M€")][1]
    # a list's dash is no minus sign, and the share ends before its clause's verb
    assert got[(3, "10,17 %")][0].unit == "pct"
    assert got[(3, "10,17 %")][1] == "Part de la population du Pas-de-Calais"
    assert got[(4, "4,27 M€")][1] == "Dépense : équipements de la route"
    assert got[(5, "cinq millions d'euros")][1] == "Montant mobilisé : insertion par l'emploi"
    assert got[(6, "1,72 M€")][1] == "Financement total"  # no "€" in a label
    # a part "d'entre eux" past the share said aside, and the share of that part
    assert got[(7, "vingt et un")][1] == "Jeunes accompagnés (nouvelles mesures)"
    assert got[(7, "vingt et un")][0].part_of == got[(7, "trente-huit")][0].indicator_code
    assert got[(7, "55 %")][0].unit == "pct"


def test_label_rules_hold_back_on_what_they_do_not_name(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Le département compte 12 médecins généralistes, pour 10 000 habitants.",
            "Pour la troisième année consécutive, le budget atteint 12 M€.",
            "Pour les jeunes que nous accompagnons, 1,2 M€ ont été mobilisés.",
            "Les 2,3 M€ consacrés aux collèges ont permis de rénover 12 toitures.",
            "Le Département a réservé 20 places à 12 collèges.",
            "Restauration d'un oratoire à Wirwignes (16 000 € de subvention au titre du "
            "patrimoine).",
        ],
        indicators,
        entities,
    )
    # a ratio's base is no one the count before is for
    assert got[(2, "10 000")][1] == "Habitants"
    # a time is no set a measure is of; a relative clause is no purpose
    assert got[(3, "12 M€")][1] == "Budget"
    assert "que nous" not in got[(4, "1,2 M€")][1]
    # the amount's own participle with its complement, not what it allowed
    assert got[(5, "2,3 M€")][1] == "Montant consacré aux collèges"
    # another figure's number is never a purpose
    assert "12 collèges" not in got[(6, "20")][1]
    # an amount the words after it call a grant
    assert got[(7, "16 000 €")][1].startswith("Subvention : ")


def test_how_many_times_a_body_met_and_what_a_count_was_made_possible_by(
    indicators, entities
) -> None:
    got = _extract_lines(
        [
            "Trois fois dans l'année, le comité de stratégie des achats technique (dit comité "
            "technique allotissement) s'est réuni.",
            "Le comité de pilotage se réunit 4 fois par an.",
            "- ◆ La conférence des financeurs a permis de soutenir cent trente-neuf actions, "
            "pour un financement total de 1,72 M€",
        ],
        indicators,
        entities,
    )
    assert got[(2, "Trois")][1] == "Réunions : comité de stratégie des achats technique"
    assert got[(3, "4")][1] == "Réunions : comité de pilotage"  # no "se" left over
    assert got[(4, "cent trente-neuf")][1] == "Actions soutenues (conférence des financeurs)"


def test_times_and_heights_read_only_what_they_name(indicators, entities) -> None:
    got = _extract_lines(
        [
            "3 fois par an, les membres du conseil se sont réunis.",
            "2 fois plus nombreux qu'en 2021, les ateliers ont réuni 450 personnes.",
            "Le Département accompagne la commune à hauteur de 120 000 € du montant HT.",
            "L'année 2022 a permis de rénover 12 collèges.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "3")][1] == "Réunions : membres du conseil"  # "les", not "le" + "s"
    assert not got[(3, "2")][1].startswith("Réunions")  # a comparison, no meetings
    assert "montant HT" not in got[(4, "120 000 €")][1]  # the commune is no support given
    assert got[(5, "12")][1] == "Collèges rénovés"  # a year made nothing possible


def test_places_an_act_took_place_in_are_named_with_the_act(statements) -> None:
    # L3281 "Adoption des réglementations de boisements ... dans neuf communes de la
    # communauté de communes de Desvres Samer": not a count of the EPCI's communes
    row = statements[(statements.line == 3281) & (statements.value == 9)]
    assert str(row.label.iloc[0]).endswith("(adoption des réglementations de boisements)")


def test_a_context_is_no_other_figure_s_noun_and_no_demonstrative(statements) -> None:
    # L1472 "... à un « color run » au profit des étudiants ... . Cette action portée avec
    # notre partenaire UFOLEP a permis à 17 équipes de participer à 8 ateliers": what the
    # action was, not "Ateliers (équipes)"
    labels = statements.set_index(["line", "span"]).label
    assert labels[(1472, "17")] == "Équipes (color run)"
    assert labels[(1472, "8")] == "Ateliers (color run)"


def test_a_key_figure_section_about_a_programme_names_its_running_text(statements) -> None:
    # "Les chiffres clés du projet de mandat :" (lines 318-429): its running text's short
    # labels say what they are of; not an office's page, not a field ("accompagnement des
    # collégiens" is no programme)
    labels = statements.set_index(["line", "span"]).label
    assert "Rencontres partenariales tenues (projet de mandat)" in set(labels[(358, "14")])
    assert labels[(408, "18")] == "CafésTHerritoires (projet de mandat)"
    assert "(accompagnement des collégiens)" not in labels[(2327, "6,8 millions")]


def test_an_act_names_only_places_it_took_place_in(indicators, entities) -> None:
    got = _extract_lines(
        [
            "Population de 120 000 habitants répartie dans 36 communes.",
            "- ◆ Réalisation de travaux dans 12 collèges",
        ],
        indicators,
        entities,
    )
    assert got[(2, "36")][1] == "Communes"  # a population is no act
    assert got[(3, "12")][1] == "Collèges (réalisation de travaux)"


def test_lines_of_the_thirty_second_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-32 words them: whom something was done with is part of
    what is counted (not an act it came with); "seul un autre" and "et d'une seule" are one;
    "qui sont plus de trente-six" counts its antecedent; a share "en plus par rapport à" a
    year is a change; an amount between commas after a noun is that noun's; "pour un total
    de" is the whole of the figure before; "a été dédiée aux ..." says what to."""
    got = _extract_lines(
        [
            "Réfléchir aux enjeux : tel était l'objet d'une réunion de concertation citoyenne et"
            " d'une seule journée d'échanges avec les partenaires.",
            "Seul un autre département a ainsi été retenu pour contribuer au guide national.",
            "Répartition des lauréats, qui sont plus de trente-six :",
            "- ◆ Gestion de l'eau potable : 15 % de forages suivis en plus par rapport à 2021",
            "Les 78 élus ont décidé du budget annuel, de plus de 1,83 milliard d'euros, que le"
            " Département exécute.",
            "- ◆ Hors assistants familiaux, la masse salariale s'élève à 252 M€, pour un total de"
            " 341 M€",
            "Une enveloppe de 2,45 millions € a été dédiée aux mesures jeunesses.",
            "- ◆ 1 dossier en innovation touristique avec la création d'un office de tourisme",
            "Juillet et octobre - 2 séances en partenariat avec la médiathèque de Berck-sur-Mer.",
            "Au printemps, 14 rencontres citoyennes ont permis de réfléchir aux enjeux.",
        ],
        indicators,
        entities,
    )
    day = got[(2, "une seule")]
    assert (day[0].value, day[1]) == (1, "Journée d'échanges avec les partenaires")
    assert got[(3, "Seul un")][0].value == 1
    laureates = got[(4, "plus de trente-six")]
    assert (laureates[0].value, laureates[0].qualifier, laureates[1]) == (
        36,
        "at_least",
        "Lauréats",
    )
    change = got[(5, "15 %")][0]
    assert (change.unit, change.value) == ("pct_change", 15)
    assert got[(6, "plus de 1,83 milliard d'euros")][0].indicator_code == "budget_eur"
    assert got[(7, "341 M€")][1] == "Total : masse salariale"
    assert got[(8, "2,45 millions €")][1] == "Enveloppe dédiée aux mesures jeunesses"
    assert got[(9, "1")][1] == "Dossier en innovation touristique"  # no "avec la création"
    assert got[(10, "2")][1] == "Séances en partenariat avec la médiathèque de Berck-sur-Mer"
    assert "permis" not in got[(11, "14")][1]  # an infinitive's clause is no state of theirs


def test_what_a_read_of_the_thirty_second_copy_rules_found(indicators, entities) -> None:
    """Sentences a reader of those rules wrote to break them: "ne comptent plus que" is no
    change; "qui sont 12 collèges" counts collèges; a total that names its own noun keeps
    it; "avec le soutien de", "avec une hausse" are no partners, a name or a body is; two
    manners in a row are no count; "Seule une autre fois" is none; a grant "versée à la
    commune de Lens, de 15 000 €" is no commune's amount; a purpose is said right after "a
    été", never a place."""
    got = _extract_lines(
        [
            "8 % de communes ne comptent plus qu'une école.",
            "Les lauréats, qui sont 12 collèges et 5 lycées, ont été reçus.",
            "La participation du Département s'élève à 450 000 €, pour un total de 1,2 M€ de"
            " travaux.",
            "Au total, 1 250 contrats signés avec une hausse de 8 % par rapport à 2021.",
            "Le Département a accompagné 45 projets avec le soutien de l'État.",
            "Il y a eu 3 rencontres avec l'association des maires et 2 réunions avec la CAF.",
            "Les partenaires échangent autour d'un seul projet et d'une seule ambition.",
            "Seule une autre fois, en 2019, le Département avait réuni 300 personnes.",
            "Une subvention a été versée à la commune de Lens, de 15 000 €, pour la salle.",
            "Une enveloppe dédiée de 2 M€ et une autre dédiée aux collèges.",
            "Une enveloppe de 50 000 € a été dédiée à Montreuil-sur-Mer.",
            "- ◆ Coup de pouce compétence (CPC) : 226 aides accordées, pour 0,42 M€",
        ],
        indicators,
        entities,
    )
    assert got[(2, "8 %")][0].unit == "pct"
    assert (got[(3, "12")][1], got[(3, "5")][1]) == ("Collèges", "Lycées")
    assert got[(4, "1,2 M€")][1] == "Travaux"
    assert got[(5, "1 250")][1] == "Contrats signés"
    assert got[(6, "45")][1] == "Projets accompagnés"
    assert got[(7, "3")][1] == "Rencontres avec l'association des maires"
    assert got[(7, "2")][1] == "Réunions avec la CAF"
    assert not [k for k in got if k[0] in {8, 9} and "seul" in k[1].lower()]
    assert got[(10, "15 000 €")][1] == "Subvention versée à la commune de Lens"
    assert got[(11, "2 M€")][1] == "Enveloppe dédiée"
    assert "Montreuil" not in got[(12, "50 000 €")][1]
    assert got[(13, "0,42 M€")][1].startswith("Montant : aides accordées")


def test_an_amount_of_a_list_is_named_by_the_whole_list(statements) -> None:
    # L2355 "Soutien aux artistes, créations et projets avec la population pour 2,6 millions
    # €": the parse keeps the first item only; the amount is the three's
    labels = statements.set_index(["line", "span"]).label
    expected = "Soutien aux artistes, créations et projets avec la population"
    assert labels[(2355, "2,6 millions €")] == expected


def test_an_amount_of_support_and_the_price_of_an_item(statements) -> None:
    # L3831 "(600 000 € d'accompagnement)": the support given, not the works' cost; L3289 "1
    # dossier en innovation touristique ... à la Maison du cheval boulonnais à Samer pour 53
    # 559 €": the dossier's amount, not the place's
    labels = statements.set_index(["line", "span"]).label
    assert labels[(3831, "600 000 €")].startswith("Accompagnement : réhabilitation")
    assert labels[(3289, "53 559 €")] == "Montant : dossier en innovation touristique"


def test_a_span_written_twice_in_a_line_is_two_statements(statements) -> None:
    # L306 "autour de 3 pactes ... assortis de 3 orientations transversales": the second "3"
    # is the curated concept; the first stays the pactes', not dropped as its repeat
    line = statements[statements.line == 306].set_index("label")
    assert "Pactes constitutifs du projet de mandat" in line.index
    assert "mandate_orientations_count" in line.index


def test_lines_of_the_thirty_third_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-33 words them: every part of a "dont" list is the whole's,
    not only the first; an amount standing alone says what it is for by its infinitive."""
    got = _extract_lines(
        [
            "Les centres de santé répondent aux besoins, comme en témoignent près de 6 100"
            " consultations de médecine générale, dont 950 pour la pédiatrie, 240 sous forme de"
            " visites à domicile et 415 pour l'urgence.",
            "S'y ajoutent d'autres opérations : à Calais, au collège MLK, 176 000 € pour"
            " remplacer les verrières des cages d'escaliers.",
            "- ⇒ Un poids de 14,36 % dans la population du Pas-de-Calais, pour 211 450 habitants",
        ],
        indicators,
        entities,
    )
    whole = got[(2, "près de 6 100")][0].indicator_code
    assert [got[(2, n)][0].part_of for n in ("950", "240", "415")] == [whole] * 3
    assert got[(2, "415")][1] == "Consultations de médecine générale : urgence"
    assert got[(3, "176 000 €")][1] == "Montant pour remplacer les verrières des cages d'escaliers"
    assert got[(4, "14,36 %")][1] == "Part dans la population du Pas-de-Calais"


def test_a_change_said_before_its_figure_in_a_key_figure_list() -> None:
    from builders import extract

    result = extract(
        "\nLes chiffres clés de la communication :\n\n"
        "- ◆ En hausse de 23,8 %, les abonnés Twitter sont désormais 16 615\n"
    )
    change = next(f for f in result.figures if f.source_span == "23,8 %")
    assert (change.unit, change.value) == ("pct_change", 23.8)


def test_what_a_read_of_the_thirty_third_copy_rules_found(indicators, entities) -> None:
    """Sentences a reader of those rules wrote to break them: a figure with a noun of its own
    after a "dont" part starts another clause; an amount's infinitive stops before the next
    amount; an amount after a verb of its clause prices no item."""
    got = _extract_lines(
        [
            "En 2022, 1 250 dossiers ont été instruits, dont 830 accordés, et 420 familles ont"
            " été reçues en entretien.",
            "Au collège Martin Luther King, 176 000 € pour remplacer les verrières et 45 000 €"
            " pour rénover la toiture.",
            "Le Département a accompagné 14 associations sportives et a financé la rénovation du"
            " gymnase de Liévin pour 250 000 €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "420")][0].part_of is None
    assert got[(3, "176 000 €")][1] == "Montant pour remplacer les verrières"
    assert "associations" not in got[(4, "250 000 €")][1]


def test_a_line_that_opens_on_a_reduction_is_no_change() -> None:
    from builders import extract

    result = extract(
        "\nLes chiffres clés de la restauration :\n\n- ◆ Réduction de 50 % du tarif des repas\n"
    )
    share = next(f for f in result.figures if f.source_span == "50 %")
    assert share.unit == "pct"


def test_sentences_written_for_this_read_by_someone_who_never_saw_the_rules(
    indicators, entities
) -> None:
    """Two of 20 sentences a writer who never read the code wrote in the patterns of this
    stop: the parts of an amount's "dont" list take its unit ("dont 3,1 millions pour ...");
    "avec une hausse de 5 %" is the change of the figure before it."""
    got = _extract_lines(
        [
            "L'enveloppe consacrée à l'insertion atteint 5,8 millions d'euros, dont 3,1 millions"
            " pour les chantiers d'insertion, 1,5 million sous forme de contrats aidés et le solde"
            " pour l'accompagnement des allocataires du RSA.",
            "Le plan collège numérique a permis de distribuer 3 200 tablettes aux élèves de"
            " sixième, avec une hausse de 5 % par rapport à la rentrée précédente.",
        ],
        indicators,
        entities,
    )
    whole = got[(2, "5,8 millions d'euros")][0]
    for span in ("3,1 millions", "1,5 million"):
        assert (got[(2, span)][0].unit, got[(2, span)][0].part_of) == ("EUR", whole.indicator_code)
    assert got[(2, "1,5 million")][1].endswith("contrats aidés")
    assert got[(3, "5 %")][0].part_of == got[(3, "3 200")][0].indicator_code


def test_lines_of_the_thirty_fourth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-34 words them: an amount "soit ... au total" closing the
    list a count announced with a colon is the whole amount of the things counted (not of a
    bracket's count between); "mise aux normes" is one noun; a frame "au titre des X ou Y"
    keeps both; a line's heading loses its "Parmi les exemples," frame."""
    got = _extract_lines(
        [
            "Toujours au titre de l'appel à projets, huit projets ont vu le jour dans les"
            " quartiers politique de la ville (QPV) afin d'améliorer le quotidien des élèves/"
            " habitants (5 communes du territoire) : déploiement de mobiliers en groupes"
            " scolaires, plateau école, travaux de mise aux normes PMR ou encore réfection de"
            " menuiseries, soit 96 200 € au total.",
            "- * Au titre des écoles de musique ou conservatoires municipaux, 10 structures ont"
            " été aidées",
            "Parmi les exemples, la commune de La Capelle : les fonds d'intervention pour les"
            " enjeux écologiques territoriaux (FIEET) l'ont accompagnée, à hauteur de 11 600 €"
            " pour 16 400 € de travaux.",
            "Les chantiers ont porté sur 3 collèges, soit 1,2 M€ au total.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "96 200 €")][1] == "Montant total : projets (appel à projets)"
    assert got[(2, "huit")][1].startswith("Projets ayant vu le jour")
    assert got[(3, "10")][1] == "Structures aidées (écoles de musique ou conservatoires municipaux)"
    assert got[(4, "11 600 €")][1].endswith("(la commune de La Capelle)")
    assert "Parmi" not in got[(4, "16 400 €")][1]
    assert not got[(5, "1,2 M€")][1].startswith("Montant total")  # no colon list: its own


def test_an_envelope_voted_before_its_amount(indicators, entities) -> None:
    """tests/data/reworded-34, line 4174: "Voté à hauteur de 27 millions d'euros, le fonds
    ... a consacré 5,28 millions d'euros en 2022": the envelope is of the heading's span of
    years, its yearly part of the year, as when "voté" follows the envelope."""
    got = _extract_lines(
        [
            "Voté à hauteur de 27 millions d'euros, le fonds d'innovation territoriale a consacré"
            " 5,28 millions d'euros en 2022 à des opérations contractualisées",
        ],
        indicators,
        entities,
        title="La fin de la contractualisation précédente (2019-2022)",
    )
    envelope, part = got[(2, "27 millions d'euros")][0], got[(2, "5,28 millions d'euros")][0]
    assert (envelope.period.kind, envelope.period.start.year, envelope.period.end.year) == (
        "multi_year",
        2019,
        2022,
    )
    assert part.period is None or part.period.kind == "year"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("travaux de mise aux normes PMR ou encore réfection", "travaux de mise aux normes PMR"),
        ("la mise en accessibilité du collège", "mise en accessibilité du collège"),
        ("les travaux de voirie à Arras", "travaux de voirie"),  # "à" a place: no compound
    ],
)
def test_a_noun_made_with_its_preposition_is_whole(text: str, phrase: str) -> None:
    """tests/data/reworded-34, line 3843: "mise aux normes" is one noun, not "mise"; not
    once the phrase went on with "et" (reworded-31, line 952: "pour les deux guides et de la
    mise en œuvre de neuf outils" counts guides)."""
    from pipelines.extract.phrases import opening_phrase, phrase_after

    assert opening_phrase(text) == phrase
    assert "œuvre" not in phrase_after(" guides et de la mise en œuvre de neuf outils")


def test_lines_the_judged_samples_still_marked_wrong(indicators, entities) -> None:
    """Lines 3283 and 4216 of the report, marked wrong by readers of several judged samples:
    a length laid by the work a list item opens on is that work's ("Réalisation et
    implantation d'une nouvelle signalétique de l'itinéraire ... sur près de 220 km"), not
    the programme named between; an amount a verb gave its object "à hauteur de" is that
    support, of the project the paragraph named ("a accompagné ce projet à hauteur de
    30 287€"), and the share after it is the support's."""
    got = _extract_lines(
        [
            "- ◆ Réalisation et implantation d'une nouvelle signalétique de l'itinéraire de"
            ' Grande Randonnée GR 121 "De la Manche à l\'Escaut" dans le cadre du projet'
            ' européen "Expérience" sur près de 220 km;',
            "Un contrat conclu par le Département et six partenaires engagés dans la"
            " préservation du marais audomarois s'est concrétisé également par l'accompagnement"
            " de cinq projets, dont la restauration du pont « Baroën ». Cette opération"
            " s'inscrivait dans un programme visant à pérenniser l'accès au marais. Le"
            " Département a accompagné ce projet à hauteur de 30 287€ au titre du F.I.T, soit"
            " 28% d'un montant de travaux de 107 000 €.",
            "Le Département a soutenu la commune de Lens à hauteur de 12 000 €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "près de 220 km")][1] == (
        "Longueur : nouvelle signalétique de l'itinéraire de Grande Randonnée"
    )
    assert got[(3, "30 287€")][1] == "Accompagnement : projet (Baroën)"
    assert got[(3, "28%")][1] == "Accompagnement : part d'un montant de travaux"
    assert got[(4, "12 000 €")][1] == "Soutien : commune de Lens"


def test_lines_of_the_thirty_fifth_copy(indicators, entities) -> None:
    """Lines as tests/data/reworded-35 words them: a cleft "C'est à hauteur de N € que le
    Département a financé X"; "X a reçu N €"; "c'est X qui a été subventionné, à hauteur de
    N €"; a verb left out after "et" ("..., et la MMU 103 000 €", where "MMU" before an amount
    is no code); an amount "par action"."""
    got = _extract_lines(
        [
            "C'est à hauteur de 2,42 millions € que le Département a financé les mesures jeunesses",
            "- ◆ *FARDA Equipement et Aménagement (EA)* : à Sainte-Marie-Kerque, la garderie"
            " périscolaire en création a reçu 91 500 € ; à Andres, c'est le nouveau bâtiment"
            " périscolaire de l'école *Les Sources bleues* qui a été subventionné, à hauteur de"
            " 84 500 €",
            "Pour ce projet, la contractualisation a mobilisé 207 000 € de crédits"
            " départementaux, et la MMU 103 000 €.",
            "- ◆ La conférence des financeurs a permis de soutenir **cent trente-neuf** actions,"
            " pour un financement total de 1,72 M€, soit environ 12 400 € par action",
            "Le budget atteint 12 M€ par an.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2,42 millions €")][1] == "Montant financé : mesures jeunesses"
    assert got[(3, "91 500 €")][1].startswith("Montant : garderie périscolaire en création")
    assert got[(3, "84 500 €")][1].startswith("Montant : nouveau bâtiment périscolaire")
    assert got[(4, "207 000 €")][1] == "Montant mobilisé : contractualisation"
    assert got[(4, "103 000 €")][1] == "Montant mobilisé : MMU"
    assert got[(5, "environ 12 400 €")][1] == "Financement par action"
    assert "par an" not in got[(6, "12 M€")][1]


def test_one_of_the_things_counted_is_not_their_entity(indicators, entities) -> None:
    """Line 4376: "2 quais, l'un pour le futur port intérieur de "Marquion-Cambrai" et
    l'autre à Graincourt-les-Havrincourt": the port is where one of the two goes, so the
    count is not the port's (a reader of the seed-4545 sample); the port's own count is."""
    got = _extract_lines(
        [
            "- ◆ 2 quais, l'un pour le futur port intérieur de \"Marquion-Cambrai\" et l'autre"
            " à Graincourt-les-Havrincourt",
            "Le port intérieur de Marquion-Cambrai comptera 2 quais.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2")][0].entity_code == "62"
    assert got[(3, "2")][0].entity_code == "62-port-interieur-de-marquion-cambrai"


def test_what_a_read_of_the_thirty_fifth_copy_rules_found(indicators, entities) -> None:
    """A reader's counter-examples to this stop's rules: a cleft in the passive; a subject
    after "et" with a verb of its own; a support whose object runs into another verb; a share
    of an amount's whole that is not a support; "par enfant" after the amount's subject; a
    framing "ou" before a preposition; "soit ... au total" after the subject count."""
    got = _extract_lines(
        [
            "C'est à hauteur de 1,2 M€ que le projet a été soutenu par le Département.",
            "Le Département a consacré 1,2 M€ à la voirie, et la Région a apporté 300 000 €.",
            "Le Département a accompagné la commune et a financé la toiture de l'église à"
            " hauteur de 45 000 €.",
            "Le Département a consacré 3 M€ à la rénovation des collèges, soit 12 % du budget"
            " d'investissement.",
            "Le coût moyen s'élève à 1 200 € par enfant.",
            "Lors des permanences ou sur rendez-vous, 1 200 personnes ont été reçues.",
            "12 salles ont été équipées par 3 agents : tableaux numériques, vidéoprojecteurs,"
            " soit 45 000 € au total.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "1,2 M€")][1] == "Montant soutenu : projet"
    assert "apporté" not in got[(3, "300 000 €")][1]
    assert not got[(4, "45 000 €")][1].startswith("Accompagnement")
    assert "rénovation des collèges" in got[(5, "12 %")][1]
    assert got[(6, "1 200 €")][1] == "Coût moyen par enfant"
    assert "sur rendez-vous" not in got[(7, "1 200")][1]
    assert got[(8, "45 000 €")][1] == "Montant total : salles"


def test_an_envelope_voted_in_decimals_and_its_part(indicators, entities) -> None:
    """ "Voté à hauteur de 27,5 millions d'euros": a decimal envelope is of the heading's
    span; "voté pour quatre ans dont 5 M€ en 2022": the part after the word keeps its year."""
    title = "La fin de la contractualisation précédente (2019-2022)"
    got = _extract_lines(
        [
            "Voté à hauteur de 27,5 millions d'euros, le fonds d'innovation territoriale a"
            " consacré 5,28 millions d'euros en 2022 à des opérations contractualisées",
            "Un fonds de 20 M€ a été voté pour quatre ans dont 5 M€ en 2022.",
        ],
        indicators,
        entities,
        title=title,
    )
    assert got[(2, "27,5 millions d'euros")][0].period.kind == "multi_year"
    assert got[(3, "20 M€")][0].period.kind == "multi_year"
    part = got[(3, "5 M€")][0].period
    assert part is None or part.kind == "year"


def test_how_many_times_a_list_of_bodies_met(indicators, entities) -> None:
    """tests/data/reworded-34, line 4579: "étude pour laquelle Pas-de-Calais habitat, les MDS
    et les MDADT se sont réunis à deux reprises": the whole list met, not its last two; a
    frame before a comma is no member of it."""
    got = _extract_lines(
        [
            "Le Département a pris part à une étude stratégique d'adaptation du parc de"
            " logements, étude pour laquelle Pas-de-Calais habitat, les MDS et les MDADT se sont"
            " réunis à deux reprises en novembre 2022.",
            "Après la crise, la Région et l'État se sont réunis à 3 reprises.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "deux")][1] == "Réunions : Pas-de-Calais habitat, MDS et les MDADT"
    assert got[(3, "3")][1] == "Réunions : Région et l'État"


def test_shares_of_a_whole_in_a_sentence(indicators, entities) -> None:
    """ "Sur 860 personnes orientées, 52 % ont été dirigées vers France Travail, 31 % vers
    ...": in running text as on a key-figure line, the shares of the whole before them (all
    three were lost); a cleft's subject may be long."""
    got = _extract_lines(
        [
            "Sur 860 personnes orientées, 52 % ont été dirigées vers France Travail, 31 % vers"
            " les services sociaux du Département et 17 % vers des structures d'insertion.",
            "C'est à hauteur de 18 500 € que le projet de jardin partagé du quartier des"
            " Tilleuls a été soutenu.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "52 %")][1] == "Part des personnes dirigées vers France Travail"
    assert got[(2, "17 %")][1] == ("Part des personnes dirigées vers des structures d'insertion")
    assert got[(3, "18 500 €")][1].startswith("Montant soutenu : projet de jardin partagé")


def test_what_a_read_of_the_last_rules_found(indicators, entities) -> None:
    """A reader's counter-examples to the shares in running text, the list of bodies that
    met and the amount "par habitant": a year is no whole (it looped between the two
    readers and lost the line); a share after an amount is not the count's; a frame is no
    member of a list of bodies, and a longer list is whole; a population's "totale" names
    no amount."""
    got = _extract_lines(
        [
            "Le dispositif a accompagné 860 personnes en 2022 et 52 % ont été dirigées vers"
            " France Travail.",
            "En 2022, 1 250 dossiers ont été instruits pour 5,4 M€ ; 40 % ont été versés aux"
            " communes rurales.",
            "Comme chaque année, la CAF et le Département se sont réunis à quatre reprises.",
            "Le Département a pris part à une étude, étude pour laquelle la CAF, Pas-de-Calais"
            " habitat, les MDS et les MDADT se sont réunis à deux reprises.",
            "Rapporté à une population totale de 1 453 934 habitants, le budget de 2,1"
            " milliards d'euros représente 1 444 € par habitant.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "860")][1] == "Personnes accompagnées"
    assert got[(2, "52 %")][1] == "Part des personnes dirigées vers France Travail"
    assert "dossiers" not in got.get((3, "40 %"), (None, ""))[1]
    assert got[(4, "quatre")][1] == "Réunions : CAF et le Département"
    assert got[(5, "deux")][1] == "Réunions : CAF, Pas-de-Calais habitat, MDS et les MDADT"
    assert got[(6, "1 444 €")][1] == "Montant par habitant"


def test_labels_that_point_back_take_what_their_block_or_paragraph_names(statements) -> None:
    """What a judged sample called vague: a label that says "l'établissement", "du projet",
    "Montant : subvention" names what its block's title or its paragraph's own title names;
    a passive's place closing its clause stays in the label; a route named after the
    figure's noun is its context."""

    def label(line: int, value: float) -> str:
        row = statements[(statements.line == line) & (statements.value == value)]
        return str(row.label.iloc[0])

    # "Restructuration de l'école du Val Fleuri - Gauchin-Verloingt. ... aux 75 élèves
    # fréquentant l'établissement": the paragraph's own title
    assert label(880, 75) == "Élèves fréquentant l'établissement (école du Val Fleuri)"
    # "Poursuite de la mise en place de la commission aide sociale à l'enfance. ... 31 jeunes"
    assert label(1851, 31) == "Jeunes accompagnés (commission aide sociale à l'enfance)"
    # the block title "Présentation du projet de réhabilitation du presbytère ... à Alquines"
    assert label(3763, 87500) == (
        "Montant : subvention (projet de réhabilitation du presbytère en maison médicale à"
        " Alquines)"
    )
    # "Des subventions pour l'innovation : la salle multi-activités de Beaudricourt :" over a
    # paragraph, "Ce projet a été financé par le FARDA : 87 500 €"
    assert label(3591, 87500) == (
        "Financement du projet par le FARDA (salle multi-activités de Beaudricourt)"
    )
    assert label(3591, 87) == "Habitants"  # "Cette commune rurale de 87 habitants"
    # "6,8 millions de repas qui sont produits et délivrés chaque année dans les collèges
    # publics"
    assert label(2327, 6.8e6) == "Repas produits et délivrés dans les collèges publics"
    # "3,9 km de voie douce en site propre sur l'itinéraire EV4"; the next line's "3,9 km
    # sur l'EV5" is another route, not the same length stated again
    assert label(3165, 3.9) == "Longueur : voie douce (itinéraire EV4)"
    assert label(3166, 3.9) == (
        "Longueur : nouveaux itinéraires cyclables (EV5 entre Saint-Omer et Audruicq)"
    )
    # "Les enjeux et la structuration du projet de mandat :" leads a paragraph but has no
    # subtitle: it names no topic
    assert not statements.label.str.contains("enjeux et la structuration").any()


def test_a_part_after_its_whole_opened_by_sur_and_round_words(indicators, entities) -> None:
    """Wordings of an unseen reworded copy: "Sur N X, M <verb> ..." makes M a part of N,
    named by the whole and what the part does (never by the verb alone); "une
    demi-douzaine" is a round number; a share of its own and a line that says nothing after
    its whole stay as they were."""
    got = _extract_lines(
        [
            "Sur 337 M€ de masse salariale au total, 248 M€ concernent les agents autres que"
            " les assistants familiaux.",
            "Sur 860 personnes orientées, 450 ont trouvé un emploi.",
            "Sur 12 communes, 8 participent au dispositif.",
            "- * Moins d'une demi-douzaine de structures culturelles soutenues en production;",
            "Sur 40 dossiers, 25 % ont été acceptés.",
        ],
        indicators,
        entities,
    )
    part, label = got[(2, "248 M€")]
    assert label == "Masse salariale concernant les agents autres que les assistants familiaux"
    assert part.part_of == got[(2, "337 M€")][0].indicator_code
    assert got[(3, "450")][1] == "Personnes orientées ayant trouvé un emploi"
    assert got[(4, "8")][1] == "Communes participant au dispositif"
    six = got[(5, "Moins d'une demi-douzaine")][0]
    assert (six.value, six.qualifier) == (6.0, "at_most")
    assert got[(6, "25 %")][1] == "Part des dossiers acceptés"


def test_a_key_figure_with_a_copula_is_named_by_what_it_is(statements) -> None:
    """L4161 "80% sont des communes de - 2 000 habitants", L1232 "... : 40 % sont des
    bénéficiaires du RSA": never a label opening on "sont"."""
    from pipelines.extract.phrases import is_verb

    assert not any(is_verb(str(label).split()[0]) for label in statements.label if label)
    row = statements[(statements.line == 4161) & (statements.value == 80)]
    assert row.label.iloc[0] == "Communes"


def test_amounts_of_a_relative_clause_and_a_voted_envelope_said_after(indicators, entities):
    """tests/data/reworded-36's wordings, read unseen with a label that says nothing of what
    the amount is of: "équipements de la route, qui ont mobilisé 4,32 M€"; "Le fonds ..., dont
    le montant voté s'élève à vingt-huit millions d'euros, a financé ... 5,44 millions
    d'euros en 2022" under a heading of 2019-2022 (the envelope is of the span, in words;
    the part keeps its year)."""
    got = _extract_lines(
        [
            "- ◆ équipements de la route, qui ont mobilisé 4,32 M€",
            "La fin de la contractualisation précédente (2019-2022) :",
            "Le fonds d'innovation territoriale, dont le montant voté s'élève à vingt-huit"
            " millions d'euros, a financé des opérations contractualisées à hauteur de 5,44"
            " millions d'euros en 2022",
        ],
        indicators,
        entities,
    )
    assert got[(2, "4,32 M€")][1] == "Montant mobilisé : équipements de la route"
    envelope, label = got[(4, "vingt-huit millions d'euros")]
    assert label == "Montant voté : fonds d'innovation territoriale"
    assert envelope.period is not None
    assert (envelope.period.kind, envelope.period.start.year, envelope.period.end.year) == (
        "multi_year",
        2019,
        2022,
    )
    part = got[(4, "5,44 millions d'euros")][0]
    assert part.period is None or part.period.kind == "year"


def test_a_work_amount_names_the_establishment_it_was_done_for(statements, indicators, entities):
    """L3945: amounts named by a work alone take the collège the sentence or the item names
    (judged vague in three samples); a subject with no name of its own adds nothing."""

    def label(value: float) -> list[str]:
        rows = statements[(statements.line == 3945) & (statements.value == value)]
        return sorted(rows.label)

    assert label(80000) == ["Montant : rénovation de façade (collège Calais République)"]
    assert label(170000) == ["Remplacement des verrières cages d'escaliers (Calais MLK)"]
    assert label(150000) == [
        "Montant : remplacement des préaux (Jean Monnet, Coulogne)",
        "Remplacement de la toiture (Boris Vian, Marck)",
    ]
    got = _extract_lines(
        ["La commune a bénéficié d'une rénovation de façade (45 000 €)."], indicators, entities
    )
    assert got[(2, "45 000 €")][1] == "Montant : rénovation de façade"


def test_a_bare_count_takes_what_its_paragraph_says_was_launched(statements, indicators, entities):
    """L952: "Afin de garantir l'équité ..., un chantier d'harmonisation des pratiques
    d'évaluation de l'APA ... a été lancé ... 27 rencontres ont eu lieu en 2022": the
    rencontres are the chantier's, not the block title's "aides légales aux usagers"; a
    paragraph that launched two things gives neither."""
    rows = statements[(statements.line == 952) & (statements.value == 27)]
    assert rows.label.iloc[0] == "Rencontres (chantier d'harmonisation des pratiques d'évaluation)"
    got = _extract_lines(
        [
            "Un atelier de cuisine a été lancé en mars. Un club de lecture a été créé en mai."
            " Les habitants ont apprécié ces moments. Au total, 14 rencontres ont eu lieu."
        ],
        indicators,
        entities,
    )
    assert "atelier" not in got[(2, "14")][1] and "club" not in got[(2, "14")][1]


def test_wordings_of_the_thirty_seventh_copy(indicators, entities) -> None:
    """tests/data/reworded-37's wordings the extractor lost or mislabelled unseen: a colon
    list of bare counts that add up to the count before; "parmi lesquelles 970 en pédiatrie,
    quatre cents en urgence"; "Avec 4,2 M€, le contournement ... s'est poursuivi"; "202 500 €,
    c'est la subvention apportée à ..."; an aside on a participle before "pour un montant
    de"; and the look-alikes those rules must leave alone."""
    got = _extract_lines(
        [
            "Vingt-trois équipes se sont relayées sur les 24 ateliers de cette action : 12"
            " sportifs et 12 dédiés à la sensibilisation à la santé sexuelle.",
            "Près de 5 900 consultations de médecine générale, parmi lesquelles 970 en"
            " pédiatrie, quatre cents en urgence et 235 visites à domicile : les centres ont"
            " répondu.",
            "- ◆ Avec 4,2 M€, le contournement de Courrières (RD 919) s'est poursuivi :"
            " réalisation du giratoire.",
            "Avec 3 M€, le Département a financé 12 projets.",
            "- ◆ *FARDA Equipement Structurant (ES)* : 202 500 €, c'est la subvention apportée à"
            " la construction d'un tiers-lieu numérique",
            "L'appel à projets a permis de soutenir six projets, portés par les collectivités"
            " membres du Comité du Détroit, pour un montant de 16 940 €",
            "Le service compte 30 agents : 12 à Arras et 10 à Lens.",
            "Sur 2 sites, 450 ont été accueillis. Sur 500 familles, 120 logent dans le parc"
            " social.",
        ],
        indicators,
        entities,
    )
    label = {key: value[1] for key, value in got.items()}
    assert got[(2, "12")][0].part_of == got[(2, "24")][0].indicator_code
    assert label[(2, "12")].endswith(": dédiés à la sensibilisation à la santé sexuelle") or (
        label[(2, "12")].endswith(": sportifs")
    )
    assert "Vingt" not in label[(2, "12")]
    assert label[(3, "970")] == "Consultations de médecine générale (pédiatrie)"
    assert label[(3, "quatre cents")] == "Consultations de médecine générale : urgence"
    assert label[(4, "4,2 M€")] == "Montant : contournement de Courrières"
    assert (5, "3 M€") not in label or "Département" not in label[(5, "3 M€")]
    assert label[(6, "202 500 €")].startswith("Subvention apportée à la construction")
    assert "collectivités" not in label[(7, "16 940 €")]
    assert label[(8, "10")] == "Agents à Lens"  # no full stop in a label
    assert (9, "450") not in label  # 450 of 2 sites is no part of them
    assert label[(9, "120")] == "Familles logeant dans le parc social"


def test_a_commune_a_territory_page_names_by_its_short_name(statements) -> None:
    """L3843, on the Boulonnais' page: "La commune de La Capelle ... (subvention de 11 850 €
    pour 16 750 € de travaux)" is Capelle-lès-Boulogne's (the golden file's and two
    readers'); the paragraph's next sentence, about Samer's restaurant, is not."""
    rows = statements[statements.line == 3843].set_index("value")
    assert rows.loc[11850, "entity"] == "62908"
    assert rows.loc[16750, "entity"] == "62908"
    assert rows.loc[98400, "entity"] != "62908"


def test_a_second_verb_a_team_formed_and_a_bare_amount_in_its_programme(
    statements, indicators, entities
) -> None:
    """More of tests/data/reworded-37's wordings: "les bilans ont progressé de 40 % ... et
    s'établissent à 108" (the subject both verbs share; lost after the guard that keeps
    "par rapport à 2021" from being a subject); "Ce sont vingt-sept personnes qui forment
    l'effectif"; and, on the report, "Montant : projet" given the programme its sentence
    names (L3843 "appel à projets", L4214 "fonds d'innovation territoriale"), not a kind
    whose noun says what it is of ("Montant apporté : contractualisation")."""
    got = _extract_lines(
        [
            "- ◆ Gestion de l'assainissement collectif : sous l'effet d'une hausse de 21 % du"
            " nombre de stations en contrat, les bilans ont progressé de 40 % par rapport à"
            " 2021 et s'établissent à 108.",
            "Ce sont vingt-sept personnes qui forment l'effectif.",
            "Le Département a progressé de 3 % et atteint 120.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "108")][1].startswith("Bilans")
    assert got[(3, "vingt-sept")][1].startswith("Effectif")
    # "Le Département a progressé de 3 % et atteint 120": no label names the Département
    # (the figure may go unread: it says nothing of what it counts)
    assert (4, "120") not in got or "Département" not in got[(4, "120")][1]
    rows = statements[(statements.line == 3843) & (statements.value == 98400)]
    assert rows.label.iloc[0] == "Montant total : projets (appel à projets)"
    rows = statements[(statements.line == 4214) & (statements.value == 2860000)]
    assert rows.label.iloc[0] == "Montant total : projet (fonds d'innovation territoriale)"


def test_a_commune_said_short_is_the_subject_of_the_figure_s_own_clause() -> None:
    """A second reader's look-alikes on the Boulonnais' page: "la commune de La Capelle"
    names Capelle-lès-Boulogne only for the figures of the clause it opens, not for a clause
    after a semicolon, a comparison ("Comme la commune de ...") or a count of communes; and
    never outside its territory."""
    from pipelines.extract.places import gazetteer
    from pipelines.extract.prose import _commune_said_short, _Read
    from pipelines.read.numbers import find_quantities

    places = gazetteer("62")

    def commune(
        text: str, span: str, territory: str = "boulonnais", label: str = "aide"
    ) -> str | None:
        q = next(q for q in find_quantities(text, cardinals=True) if q.text == span)
        figure = _Read(q, q.unit, q.value or 0.0, label)
        found = _commune_said_short(text, figure, places, territory)
        return found.code if found is not None else None

    capelle = (
        "La commune de La Capelle a reçu une subvention de 11 850 € ; Wimille a obtenu 8 000 €."
    )
    assert commune(capelle, "11 850 €") == "62908"
    paired = "La commune de La Capelle a reçu 11 850 €, et Wimille 8 000 €."
    assert commune(paired, "11 850 €") == "62908"
    assert commune(paired, "8 000 €") is None
    assert commune(capelle, "8 000 €") is None
    assert (
        commune("Comme la commune de La Capelle, 114 communes ont reçu 4,8 M€.", "4,8 M€") is None
    )
    neighbours = "La commune de La Capelle compte 40 communes voisines."
    assert commune(neighbours, "40", label="communes voisines") is None
    assert commune("La commune de La Capelle a reçu 11 850 €.", "11 850 €", "arrageois") is None


def test_an_amount_of_the_counted_things_shares_their_context(indicators, entities) -> None:
    """tests/data/reworded-37 L4232: the amount of the projects its sentence counts takes the
    projects' programme; an amount with no such count in its sentence takes none of another
    sentence's."""
    got = _extract_lines(
        [
            "L'appel à projets initiatives transfrontalières locales a permis de soutenir six"
            " projets, portés par les collectivités membres du Comité du Détroit, pour un"
            " montant de 16 940 €",
            "Le Fonds Alimentation Durable a soutenu 12 projets. Une autre aide a été versée"
            " pour un montant de 8 000 €.",
            "Pour un montant de 9 000 €, des projets ont été aidés. Le Fonds Alimentation"
            " Durable a soutenu 15 projets.",
            "Le fonds a soutenu 12 projets, contre 10 en 2021, pour un montant de 80 000 €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "16 940 €")][1] == (
        "Montant : projets (appel à projets initiatives transfrontalières locales)"
    )
    assert "Alimentation" not in got[(3, "8 000 €")][1]
    assert "Alimentation" not in got[(4, "9 000 €")][1]  # a count of the sentence after
    assert "2021" not in got[(5, "80 000 €")][1]  # a year is no context


def test_a_count_the_figure_before_was_for_takes_what_that_figure_is_of(
    statements, indicators, entities
) -> None:
    """L1218 "4 095 pass numériques distribués ... pour 410 bénéficiaires", L4232 "14 826 €
    au titre de l'appel à projets ..., pour 2 projets": the count is of what the figure
    before served; an amount "au titre de" a programme is that programme's amount (never
    "Titre de l'appel ..."); a rate, a time or another clause's verb give no context."""

    def label(line: int, value: float) -> str:
        row = statements[(statements.line == line) & (statements.value == value)]
        return str(row.label.iloc[0])

    assert label(1218, 410) == "Bénéficiaires (pass numériques distribués)"
    assert label(4232, 14826) == ("Montant (appel à projets initiatives transfrontalières locales)")
    assert label(4232, 2) == "Projets (appel à projets initiatives transfrontalières locales)"
    assert label(4236, 4) == "Projets (appel à manifestation d'intérêt Jumelages Innovants)"
    assert not statements.label.str.startswith("Titre de").any()
    # "« Le point sur... » : 11 éditions de ce webinaire": what "ce" points to, on its line
    assert label(4620, 11) == "Éditions de ce webinaire (« Le point sur... »)"
    got = _extract_lines(
        [
            "En 2022, 4 095 pass numériques ont été distribués pour 410 bénéficiaires.",
            "En 2022, 12 communes ont été aidées et le Département a mobilisé des crédits pour"
            " 3 projets.",
            "Le territoire compte 12 médecins pour 1 000 habitants.",
            "L'association a accueilli 40 enfants pour 3 semaines.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "410")][1] == "Bénéficiaires (pass numériques distribués)"
    assert "communes" not in got[(3, "3")][1]
    assert "médecins" not in got.get((4, "1 000"), (None, ""))[1].lower()
    assert (5, "3") not in got or "enfants" not in got[(5, "3")][1]


def test_a_title_names_its_topic_in_its_part_after_a_comma(statements) -> None:
    """L3837 "L'ingénierie technique, les subventions FARDA à destination des communes
    rurales": the part that names a thing titles the block; an apposition ("Le numérique,
    un outil au service des usagers") titles nothing."""
    from pipelines.extract.block_titles import topic

    assert topic("L'ingénierie technique, les subventions FARDA à destination des communes") == (
        "subventions FARDA à destination des communes"
    )
    assert topic("Le numérique, un outil au service des usagers") == ""
    row = statements[(statements.line == 3839) & (statements.value == 114)]
    assert row.label.iloc[0] == (
        "Projets retenus (subventions FARDA à destination des communes rurales)"
    )


def test_wordings_of_the_thirty_eighth_copy(indicators, entities) -> None:
    """tests/data/reworded-38's wordings the extractor lost or mislabelled unseen: "Un
    territoire de plus de 288 500 habitants" (its population, no threshold); "seize de
    rayonnement territorial" after "vingt-quatre centres culturels de rayonnement local";
    "Les 5,5 millions € du soutien aux ..."; "dans le cadre d'une opération de 394 000 €";
    the years of "Le programme national de contrôle 2022-2024"; and the look-alikes."""
    got = _extract_lines(
        [
            "- ⇒ Un territoire de plus de 288 500 habitants, qui représente 19,6 % de la"
            " population du Pas-de-Calais",
            "Les 5,5 millions € du soutien aux structures culturelles ont financé"
            " vingt-quatre centres culturels de rayonnement local, seize de rayonnement"
            " territorial et 4 de rayonnement départemental",
            "L'aire a été réalisée à Wailly-Beaucamp, dans le cadre d'une opération de"
            " 394 000 € HT au total.",
            "- ◆ Le programme national de contrôle 2022-2024 a donné lieu, conjointement avec"
            " l'ARS, à neuf inspections en EHPAD.",
            "Les communes de moins de 2 500 habitants ont reçu 3 M€. Il y a deux de ses"
            " enfants, et trois de plus.",
            "Le plan pluriannuel 2022-2026 est doté de 120 M€.",
            "La part départementale s'est répartie entre la contractualisation, pour 194 000 €,"
            " et la MMU, pour 111 000 €. Au total, pour 20 000 €, rien.",
        ],
        indicators,
        entities,
    )
    label = {key: value[1] for key, value in got.items()}
    assert got[(2, "plus de 288 500")][0].value == 288500
    assert label[(3, "5,5 millions €")] == "Montant : soutien aux structures culturelles"
    assert label[(3, "seize")] == "Centres culturels de rayonnement territorial"
    assert label[(3, "4")] == "Centres culturels de rayonnement départemental"
    assert label[(4, "394 000 €")] == "Opération"  # not "Cadre d'une opération"
    inspections = got[(5, "neuf")][0].period  # none said: the report year
    assert inspections is None or inspections.kind == "year"
    assert (6, "moins de 2 500") not in got  # a condition
    assert (6, "deux") not in got and (6, "trois") not in got
    assert got[(7, "120 M€")][0].period.kind == "multi_year"  # a plan's own amount
    assert label[(8, "194 000 €")] == "Part départementale : contractualisation"
    assert label[(8, "111 000 €")] == "Part départementale : MMU"
    assert "total" not in label.get((8, "20 000 €"), "").lower()


def test_a_title_naming_an_establishment_and_its_commune_gives_its_paragraph_that_commune(
    indicators, entities
) -> None:
    """L2335-2337: "Retour sur la gestion de crise au collège Jean Rostand de Marquise ..."
    over "... pour les 911 élèves ... la structure du collège": Marquise's; not when the
    paragraph speaks of no such establishment, or names another commune."""
    got = _extract_lines(
        [
            "Retour sur la gestion de crise au collège Jean Rostand de Marquise ...",
            "La priorité a été donnée aux 911 élèves, suite à la fragilisation de la structure"
            " du collège.",
            "Retour sur la gestion de crise au collège Jean Rostand de Marquise ...",
            "La priorité a été donnée aux 800 familles du territoire.",
            "Retour sur la gestion de crise au collège Jean Rostand de Marquise ...",
            "Les 700 élèves ont rejoint le collège de Wimille.",
        ],
        indicators,
        entities,
    )
    assert got[(3, "911")][0].entity_code == "62560"  # Marquise
    assert got[(5, "800")][0].entity_code != "62560"
    assert got[(7, "700")][0].entity_code != "62560"


def test_what_the_departement_is_a_member_of_is_its_own_on_another_body_s_page(
    statements,
) -> None:
    """L4397, on the canal's page: "Le Département participe ... aux travaux de « Norlink
    fluvial » et d'« Alliance Seine-Escaut », deux associations dont il est membre": the
    Département's memberships; the canal's own figures on that page stay the canal's."""
    row = statements[(statements.line == 4397) & (statements.value == 2)]
    assert row.entity.tolist() == ["62"]
    canal = statements[(statements.line == 4385) & (statements.value == 100)]
    assert canal.entity.tolist() == ["62-canal-seine-nord-europe"]  # "une centaine" of walkers


def test_a_figure_that_names_the_departement_is_its_own_in_a_commune_s_paragraph(
    statements, indicators, entities
) -> None:
    """L4186, a meeting "à Arras": "la présentation croisée des trois agences d'urbanisme du
    Pas-de-Calais" counts the département's agencies; the participants stay Arras's."""
    row = statements[(statements.line == 4186) & (statements.value == 3)]
    assert row.entity.tolist() == ["62"]
    walkers = statements[(statements.line == 4186) & (statements.value == 50)]
    assert walkers.entity.tolist() == ["62041"]  # Arras
    got = _extract_lines(
        ["Le 6 avril 2022, à Arras, 300 élèves des collèges de la ville ont couru."],
        indicators,
        entities,
    )
    assert got[(2, "300")][0].entity_code == "62041"


def test_wordings_of_the_thirty_ninth_copy(indicators, entities) -> None:
    """tests/data/reworded-39's wordings the extractor lost or mislabelled: "C'est à près de
    132 900 € que s'élèvent les subventions ..."; "..., moins d'une vingtaine au total" and
    "soit 300 au total" (never "Total"); "les agents de CER comptant pour 145 d'entre eux";
    "un questionnaire dont 84 associations ont été destinataires" (a relative "dont", no
    part); and the parts a "dont" still makes."""
    got = _extract_lines(
        [
            "C'est à près de 132 900 € que s'élèvent les subventions accordées au titre du Fonds"
            " pêche",
            "Le pôle regroupe les directions ou missions supports, moins d'une vingtaine au total.",
            "- ◆ Secourisme PSC1 : près de 550 agents formés, les agents de CER comptant pour"
            " 145 d'entre eux et les agents RHS pour 105",
            "Les 25 partenaires ont été mobilisés : ateliers ; conseil, conforté par un"
            " questionnaire dont 84 associations du territoire ont été destinataires.",
            "12 projets ont été soutenus, dont 5 à Arras.",
            "Les agents formés, soit 300 au total, ont réussi.",
        ],
        indicators,
        entities,
    )
    label = {key: value[1] for key, value in got.items()}
    assert label[(2, "près de 132 900 €")] == "Subventions accordées au titre du Fonds pêche"
    assert label[(3, "moins d'une vingtaine")] == "Directions ou missions supports"
    assert label[(7, "300")] == "Agents formés"
    assert label[(4, "145")].startswith("Agents de CER") and "comptant" not in label[(4, "145")]
    assert got[(5, "84")][0].part_of is None
    assert label[(5, "84")] == "Associations du territoire"
    assert got[(6, "5")][0].part_of is not None


def test_the_review_of_the_fortieth_copy_s_rules(indicators, entities) -> None:
    """Look-alikes a read-only review of this change wrote for its new rules: "N de X" after
    "N de Y" keeps its own noun; an apposition "un effectif dont" still makes a part; "12
    projets pour 45 candidatures" names no candidatures by the projects; "Pour la deuxième
    année consécutive" is no purpose; a contract that ends with the report year counts over
    its years; a commune's share of the département's total stays the commune's; a partner
    "dont il est membre" stays the partner; a change in a cleft is no share of a noun; a
    territory in a condition is no figure; the shared amount of a second sentence."""
    from pipelines.extract.block_titles import topic
    from pipelines.extract.phrases import phrase_before

    got = _extract_lines(
        [
            "Le Département a financé 3,2 M€ de travaux de voirie et 1,1 M€ de travaux"
            " d'éclairage public.",
            "Le Département emploie 6 841 agents, un effectif dont 1 820 assistants familiaux.",
            "Le jury a retenu 12 projets pour 45 candidatures.",
            "Pour la deuxième année consécutive, 1,2 M€ ont été consacrés à l'aide alimentaire.",
            "Le contrat de territoire 2019-2022 a permis de financer 45 projets.",
            "À Calais, les hôtels concentrent 30 % des nuitées touristiques du Pas-de-Calais.",
            "C'est de 12 % que progressent les demandes d'allocation personnalisée d'autonomie.",
            "L'aide est réservée aux communes situées dans un territoire de moins de 3 500"
            " habitants.",
            "Le projet a été voté en 2022. La part départementale s'est répartie entre la"
            " contractualisation, pour 194 000 €, et la MMU, pour 111 000 €.",
        ],
        indicators,
        entities,
    )
    label = {key: value[1] for key, value in got.items()}
    assert label[(2, "1,1 M€")] == "Travaux d'éclairage public"
    assert got[(3, "1 820")][0].part_of == got[(3, "6 841")][0].indicator_code
    assert label[(4, "45")] == "Candidatures"
    assert "année" not in label[(5, "1,2 M€")] and "aide alimentaire" in label[(5, "1,2 M€")]
    assert got[(6, "45")][0].period.kind == "multi_year"
    assert got[(7, "30 %")][0].entity_code == "62193"  # Calais
    assert label.get((8, "12 %"), "") != "Demandes d'allocation personnalisée d'autonomie"
    assert (9, "moins de 3 500") not in got
    assert label[(10, "194 000 €")] == "Part départementale : contractualisation"
    assert phrase_before("dans le cadre de la politique de ") == "politique"
    assert phrase_before("l'amélioration du cadre de vie pour ") == "amélioration du cadre de vie"
    assert topic("Le numérique, Leforest et ses écoles") == ""


def test_wordings_of_the_fortieth_copy(indicators, entities) -> None:
    """tests/data/reworded-40's wordings the extractor lost unseen: a number in words that
    opens its line after a qualifier ("Plus de soixante-six : c'est le nombre de ..."), which
    is no heading of the line either."""
    got = _extract_lines(
        [
            "Plus de soixante-six : c'est le nombre de sections sportives en collèges",
            "Plus de 66 : c'est le nombre de sections sportives en collèges",
        ],
        indicators,
        entities,
    )
    assert got[(2, "Plus de soixante-six")][0].value == 66
    assert got[(2, "Plus de soixante-six")][1] == "Sections sportives"
    assert got[(3, "Plus de 66")][1] == "Sections sportives"


def test_a_key_figure_line_that_says_what_the_network_holds() -> None:
    """tests/data/reworded-40 L859 "- Le réseau du territoire comprend 426 ouvrages d'art"
    on the Montreuillois-Ternois page: the curated count of engineering structures, as "-
    424 ouvrages d'art" is."""
    from builders import extract

    copy = GOLDEN.parents[1] / "data" / "reworded-40" / "rapport-activites-2022-reworded.txt"
    lines = copy.read_text(encoding="utf-8").split("\n")
    result = extract("\n".join(lines[845:860]))
    got = [f for f in result.figures if f.indicator_code == "engineering_structures_count"]
    assert [(f.value, f.entity_code) for f in got] == [(426, "62-montreuillois-ternois")]


def test_what_the_judged_sample_of_seed_4747_found_wrong(statements) -> None:
    """Rows the readers of seed 4747 called wrong, since mended: L1855's two
    assistantes of the MDS team "Le site de Carvin a accueilli" are the MDS's, not Carvin's;
    L4186's "Une cinquantaine de participants" of the session "le 6 avril 2022" are of that
    day. The foreword's "7 000 agents", restated "près de 7000" far away, keeps its words."""

    def row(line: int, value: float) -> pd.Series:
        found = statements[(statements.line == line) & (statements.value == value)]
        return found.iloc[0]

    assert row(1855, 2).entity == "62-mds-henin-carvin"
    assert (row(4186, 50).period_start, row(4186, 50).period_end) == ("2022-04-06", "2022-04-06")
    assert row(212, 7000).qualifier == ""


def test_the_second_review_s_look_alikes(indicators, entities) -> None:
    """A second read-only review's sentences: a relative "dont" after a verb's object is no
    part; "Par ailleurs, le Département ..." is still the Département's sentence; a
    territory in apposition keeps its population; "communes participantes" is no count of an
    event's participants; "dans le cadre de l'opération" names the operation."""
    from pipelines.extract.phrases import phrase_before

    got = _extract_lines(
        [
            "Les 25 partenaires ont été mobilisés et ont diffusé un questionnaire dont 84"
            " associations ont été destinataires.",
            "Par ailleurs, le Département participe aux travaux de « Norlink fluvial » et"
            " d'« Alliance Seine-Escaut », deux associations dont il est membre.",
            "- ⇒ L'Artois, un territoire de plus de 288 000 habitants",
        ],
        indicators,
        entities,
    )
    assert got[(2, "84")][0].part_of is None
    assert got[(3, "deux")][0].entity_code == "62"
    assert got[(4, "plus de 288 000")][0].value == 288000
    assert phrase_before("dans le cadre de l'opération de ") == "opération"


def test_the_forty_first_copy_s_wordings(indicators, entities) -> None:
    """tests/data/reworded-40 and -41 and a review's look-alikes: days named "le délai" after
    them ("33 jours auparavant, 11 jours désormais : tel est le délai ...", "Passé de 25 jours
    à 12 jours, le délai ...") are figures, before and after; "Pendant 3 jours" is none. A
    question answers for the number after it; "Parmi les sportifs, douze sont membres de"
    counts members; "Pour 1,21 M€, ce sont 34,71 ha" prices the area; "2012, qui était le
    nombre d'inscrits" is no year; "un chiffre en hausse de" is the change of the figure
    before; an amount priced with a count under a programme takes it."""
    got = _extract_lines(
        [
            "Trente-trois jours auparavant, 11 jours désormais : tel est le délai moyen de"
            " traitement des demandes.",
            "Passé de vingt-cinq jours à 12 jours, le délai moyen de traitement a été réduit.",
            "Pendant 3 jours, le délai a été suspendu.",
            "Combien d'équipes de la MDADT ont été mobilisées pour la course ? Quatre. Pose de"
            " ballots de paille.",
            "Quel a été le coût pour le Département ? 108 000 € au titre de la MMU.",
            "Parmi les sportifs du Pas-de-Calais, douze sont membres de l'équipe olympique.",
            "Parmi les bénéficiaires, 120 sont des femmes.",
            "Pour 1,21 M€, ce sont 34,71 ha qui ont été acquis.",
            "Le rendez-vous a lieu depuis le 20 mai 2012. 2012, qui était le nombre d'inscrits"
            " à atteindre pour cette édition.",
            "En 2012, qui était une année difficile, le Département a aidé 12 communes.",
            "Le compte Facebook du Département est suivi par 93 125 abonnés, un chiffre en"
            " hausse de 12,9 %.",
            "6 dossiers ont été instruits au titre de l'AAPFH pour un montant global de"
            " subventions s'élevant à 132 864 €.",
            "6 dossiers ont été instruits au titre de l'AAPFH ; un montant global de 132 864 €"
            " a été versé aux communes.",
            "Le nombre d'inscrits à atteindre est de 300.",
        ],
        indicators,
        entities,
    )
    days = "Délai moyen de traitement"
    assert got[(2, "Trente-trois jours")][1] == f"{days} des demandes (avant)"
    assert got[(2, "11 jours")][1] == f"{days} des demandes (après)"
    assert got[(3, "vingt-cinq jours")][1] == f"{days} (avant)"
    assert got[(3, "12 jours")][1] == f"{days} (après)"
    assert not [key for key in got if key[0] == 4]
    assert got[(5, "Quatre")][1] == "Équipes de la MDADT mobilisées"
    assert got[(6, "108 000 €")][1] == "Coût (MMU)"
    assert got[(7, "douze")][1] == "Sportifs du Pas-de-Calais membres de l'équipe olympique"
    assert (8, "120") not in got  # women are no deed of the beneficiaries
    assert got[(9, "1,21 M€")][1] == "Montant : surface acquise"
    assert got[(9, "34,71 ha")][1] == "Surface acquise"
    target = got[(10, "2012")]
    assert (target[0].value, target[1], target[0].period.kind) == (
        2012,
        "Inscrits à atteindre",
        "forecast",
    )
    assert [key[1] for key in got if key[0] == 11] == ["12"]
    change = got[(12, "12,9 %")]
    assert change[0].unit == "pct_change"
    assert change[1] == "Évolution : abonnés (compte Facebook du Département)"
    assert got[(13, "132 864 €")][1] == "Montant global de subventions (AAPFH)"
    assert "(AAPFH)" not in got[(14, "132 864 €")][1]  # a clause of its own
    assert got[(15, "300")][0].period.kind == "forecast"  # a target


def test_the_forty_first_copy_s_rules_keep_to_their_words(indicators, entities) -> None:
    """A read-only review's counter-examples to the rules above: years before ": le nombre
    de" or ", c'est le nombre de" stay years; days a clause or "Pendant" keeps from the délai
    after them, and a change by so many days, are no figures; a fronted pair takes no time
    for its subject and keeps its days; "Quel ... ?" names no number that names itself; a
    year-earlier mark or "(avant)" frames no other figure; "Parmi ..." stops at the next
    clause; a feminine participle is written whole. The "Combien ... ?" of reworded-40's line
    745, in its whole line, names its answer."""
    got = _extract_lines(
        [
            "2022 : le nombre de bénéficiaires du RSA a baissé.",
            "En 2022, c'est le nombre de bénéficiaires qui a le plus progressé.",
            "2020 : telle est l'année de la création du fonds.",
            "Pendant 3 jours, les agents ont expliqué aux usagers les nouvelles règles : c'est le"
            " délai de traitement qui change.",
            "Descendue de 5 jours, la durée moyenne d'instruction est de 20 jours.",
            "Le délai moyen de traitement est tombé de 29 jours à 8 jours.",
            "33 jours auparavant, 11 désormais : tel est le délai moyen de traitement.",
            "Quel est le bilan ? 12 communes ont été aidées.",
            "La Coupole a reçu 129 000 visiteurs contre 118 000 l'an passé et 40 animations.",
            "Parmi les bénéficiaires, 120 sont titulaires du permis B et 30 sont salariés.",
            "Cette année, ce sont 12 km qui ont été construits.",
            "L'opération a duré 3 jours, c'est la durée habituelle du salon.",
            "5 juillet - Les équipes du Département mobilisées pour la 109ème édition du Tour de"
            " France : la caravane a traversé les territoires. Combien d'équipes de la MDADT du"
            " Boulonnais ont été mobilisées pour assurer la sécurité des 23 points singuliers"
            " identifiés sur le territoire ? Quatre. Pose de ballots de paille.",
        ],
        indicators,
        entities,
    )
    assert not [key for key in got if key[0] in {2, 3, 4, 5}]
    assert [key[1] for key in got if key[0] == 6] == ["20 jours"]
    assert got[(7, "29 jours")][1] == "Délai moyen de traitement (avant)"
    assert got[(7, "8 jours")][1] == "Délai moyen de traitement (après)"
    assert got[(8, "11")][0].unit == "day" and got[(8, "11")][1].endswith("(après)")
    assert got[(9, "12")][1] == "Communes aidées"
    assert got[(10, "40")][1] == "Animations"
    assert got[(11, "120")][1] == "Bénéficiaires titulaires du permis B"
    assert got[(12, "12 km")][1] == "Longueur construite"
    assert got[(13, "3 jours")][1] == "Durée : opération"
    assert got[(14, "Quatre")][1] == "Équipes de la MDADT du Boulonnais mobilisées"


def test_counts_led_by_their_commune_are_the_commune_s(indicators, entities) -> None:
    """Line 1188 as tests/data/reworded-41 words it: "Création de places d'internat : Oignies
    en compte 30, Noyelles-les-Vermelles 21, ..., ce qui porte à 79 le nombre de places
    créées" gives each count to its commune, and the 79 is the places, no verb; one name and
    a number alone under a heading is no such list."""
    got = _extract_lines(
        [
            "- ◆ Création de places d'internat : Oignies en compte 30, Noyelles-les-Vermelles 21,"
            " Calais 16 et Bapaume 1, ce qui porte à 68 le nombre de places créées en 2022;",
            "- ◆ Bilan : Calais 2023 a accueilli 16 équipes.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "30")][1] == "Création de places d'internat à Oignies"
    assert got[(2, "30")][0].entity_code == "62637"
    assert got[(2, "16")][0].entity_code == "62193"
    assert got[(2, "68")][1].startswith("Places")
    assert got[(3, "16")][0].entity_code == "62"


def test_a_price_said_after_its_project_is_of_the_project_s_commune(indicators, entities) -> None:
    """Line 3835 as tests/data/reworded-38 and -41 word it: the amounts of "la place du
    Portel" said in the sentence after it, as the answer to "Quel a été le coût pour le
    Département ?" or as "La part départementale s'est répartie entre ...", are Le Portel's."""
    project = (
        "C'est le cas du projet de requalification de la place du Portel qui a bénéficié de"
        " l'ingénierie technique et financière du Département."
    )
    got = _extract_lines(
        [
            f"{project} Quel a été le coût pour le Département ? 108 000 € au titre de la MMU.",
            f"{project} La part départementale s'est répartie entre la contractualisation, pour"
            " 194 000 €, et la MMU, pour 111 000 €.",
            "Le Département a financé l'étude. Quel a été le coût pour le Département ? 12 000 €.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "108 000 €")][0].entity_code == "62667"
    assert got[(3, "194 000 €")][0].entity_code == got[(3, "111 000 €")][0].entity_code == "62667"
    assert got[(4, "12 000 €")][0].entity_code == "62"  # no commune named before


def test_places_and_people_named_by_what_they_were_for(indicators, entities) -> None:
    """Lines 1664 and 1010 of the report, vague to four samples' readers: "une formation
    d'une demi-journée dans 5 lieux du territoire" counts the formation's places; "Près de
    200 personnes se sont donc mobilisées" after "Une réunion de concertation citoyenne et 2
    journées d'échanges ... ont permis de ..." counts those of the two. "sur 9 dates" is no
    place held in, and a sentence that does not say it follows takes nothing from the one
    before."""
    got = _extract_lines(
        [
            "La maison de l'autonomie propose une formation d'une demi-journée dans 5 lieux du"
            " territoire.",
            "Une réunion de concertation citoyenne et 2 journées d'échanges ont permis de"
            " réfléchir aux enjeux. Près de 200 personnes se sont donc mobilisées.",
            "Une réunion de concertation citoyenne a permis de réfléchir aux enjeux. Près de 200"
            " personnes se sont mobilisées.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "5")][1] == "Lieux du territoire (formation d'une demi-journée)"
    # both made it possible (a reader of seed 4949 called the meeting alone a wrong label)
    assert got[(3, "Près de 200")][1] == (
        "Personnes mobilisées (réunion de concertation citoyenne et journées d'échanges)"
    )
    assert "concertation" not in got[(4, "Près de 200")][1]


def test_the_forty_second_copy_s_wordings(indicators, entities) -> None:
    """tests/data/reworded-42: "Oignies en accueille 31, ..." is a list led by communes too;
    "Cinquante et un Services d'Aide ... (SAAD)" opens its sentence on a number; "plus d'un
    kilomètre de tapis" is one kilometre at least ("plus d'un an" is no measure); a share "dans
    celle du Pas-de-Calais" is of the noun before it; the items of an enumeration named by how
    they differ take the first's noun ("26 ateliers, 13 sportifs et 13 dédiés à ..."), an item
    with a noun of its own keeps it."""
    got = _extract_lines(
        [
            "- ◆ Création de places d'internat : en 2022, 89 places ont vu le jour ; Oignies en"
            " accueille 31, Noyelles-les-Vermelles 19 et Bapaume 15;",
            "Les revalorisations ont été financées pour 5,6 M€. Cinquante et un Services d'Aide et"
            " d'Accompagnement à Domicile (SAAD) concernés ont reçu une enveloppe.",
            "En une seule journée, plus d'un kilomètre de tapis ultra mince y a été posé.",
            "Il reste plus d'un an de travaux.",
            "- ⇒ Une population de 158 244 habitants, qui pèse pour 10,79 % dans celle du"
            " Pas-de-Calais",
            "Cette action proposait 26 ateliers, 13 sportifs et 13 dédiés à la sensibilisation à"
            " la santé sexuelle.",
            "Il a aidé 12 communes, 8 associations et 3 collèges.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "31")][0].entity_code == "62637"
    assert got[(3, "Cinquante et un")][0].value == 51
    length = got[(4, "plus d'un kilomètre")][0]
    assert (length.value, length.unit, length.qualifier) == (1, "km", "at_least")
    assert not [key for key in got if key[0] == 5]
    assert got[(6, "10,79 %")][1] == "Part : population du Pas-de-Calais"
    # (two figures said "13" on one line: the dictionary keeps the second)
    assert got[(7, "13")][1] == "Ateliers dédiés à la sensibilisation à la santé sexuelle"
    assert got[(8, "8")][1] == "Associations"


def test_the_forty_second_copy_s_rules_keep_to_their_words(indicators, entities) -> None:
    """A second read-only review's counter-examples: an enumeration's item takes the first's
    noun only as a participle with its complement, after a first item that opens on its noun;
    a list led by communes names none when its items name their own noun, when its heading is
    a time or the territories; a price after a project is the project's only when the
    sentence says so ("La part départementale du RSA représente" is not); "Les Sept
    Merveilles" is a name; "à moins d'un kilomètre de", "un kilomètre carré" are no length;
    "ainsi que" says nothing follows; the Département made nothing of "a permis"."""
    project = "C'est le cas du projet de requalification de la place du Portel."
    got = _extract_lines(
        [
            "Il y a 3 nouveaux collèges et 2 rénovés.",
            "On compte 40 jeunes, 12 salariés et 5 retraités.",
            "Il a financé 20 projets, 8 sportifs et 12 consacrés à la recherche et au"
            " développement.",
            "- ◆ Équipements sportifs : Arras 12 gymnases, Lens 8 piscines.",
            "- ◆ Répartition par territoire : Arras 12, Lens 8.",
            f"{project} La part départementale du RSA représente 250 M€.",
            f"{project} Quel est le budget du plan vélo ? 12 M€.",
            "Les Sept Merveilles du Monde sont exposées.",
            "Le site est situé à moins d'un kilomètre de la gare, sur plus d'un kilomètre carré.",
            "Une réforme des aides a permis de simplifier. 12 agents ainsi que leurs encadrants"
            " ont été formés.",
            "Le Département a lancé un appel à projets qui a permis de recruter. 12 jeunes ont"
            " ainsi été embauchés.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "2")][1] == "Rénovés"  # no noun of its own to take: left as it was
    assert got[(3, "5")][1] == "Retraités"
    assert got[(4, "12")][1] == "Projets consacrés à la recherche et au développement"
    assert got[(5, "12")][0].entity_code == got[(6, "12")][0].entity_code == "62"
    assert got[(7, "250 M€")][0].entity_code == got[(8, "12 M€")][0].entity_code == "62"
    assert not [key for key in got if key[0] in {9, 10}]
    assert got[(11, "12")][1] == "Agents formés"
    assert got[(12, "12")][1] == "Jeunes embauchés"


def test_an_item_opening_on_two_months_is_of_those_months(indicators, entities) -> None:
    """Line 876 of the report, judged wrong by two samples' readers (seeds 3434 and 4848):
    "Juillet et octobre - 2 séances ..." is of July to October, not of the whole year."""
    got = _extract_lines(
        [
            "Juillet et octobre - 2 séances en partenariat avec la médiathèque de Berck-sur-Mer.",
            "Le Département a organisé 2 séances en juillet et octobre.",
        ],
        indicators,
        entities,
    )
    period = got[(2, "2")][0].period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2022-07-01", "2022-10-31")


def test_a_name_between_guillemets_is_not_cut_in_a_key_figure_line() -> None:
    """Line 4617 of the report, in the block "Les chiffres clés de l'accompagnement à la
    conduite du changement": "10 numéros du « 6.2 Cœur numérique »" keeps its name whole, and
    the "(sur 6 pages)" of the letter counts its pages."""
    from builders import extract

    extraction = extract(
        "Les chiffres clés de l'accompagnement à la conduite du changement\n"
        "- ◆ Réalisation et diffusion de **10** numéros du « 6.2 Cœur numérique », lettre"
        " d'information mensuelle (sur 6 pages) des agents du Département."
    )
    labels = {g.indicator_code: g.indicator_label for g in extraction.generated_indicators}
    got = {f.source_span: labels.get(f.indicator_code) for f in extraction.figures}
    assert got == {
        "10": "Numéros du « 6.2 Cœur numérique »",
        "6": "Pages (lettre d'information mensuelle)",
    }

    unclosed, bracketed, own = (
        extract(f"Les chiffres clés de la communication\n- ◆ {line}")
        for line in (
            "10 numéros du « Cœur numérique, lettre d'information mensuelle diffusée chaque mois.",
            "Un budget (de 12 M€) pour la voirie.",
            "12 agents (sur 6 sites) et 3 véhicules.",
        )
    )
    named = {
        f.source_span: g.indicator_label
        for e in (unclosed, bracketed, own)
        for g in e.generated_indicators
        for f in e.figures
        if f.indicator_code == g.indicator_code
    }
    assert named["10"] == "Numéros du « Cœur numérique"  # a guillemet never closed cuts
    assert named["12 M€"].startswith("Voirie")  # the bracket it opens on is no cut
    assert named["6"] == "Sites"  # an aside holding another figure names nothing

    inclusive = extract("Les chiffres clés de la concertation\n- ◆ 1500 participant.es")
    labels = {g.indicator_code: g.indicator_label for g in inclusive.generated_indicators}
    assert [labels[f.indicator_code] for f in inclusive.figures] == ["Participant.es"]


def test_the_paragraphs_an_entry_of_the_timeline_opens_are_of_its_day(indicators, entities) -> None:
    """Lines 707-714 and 603-607: a timeline entry that is only its day and title, and whose
    words the next paragraph goes on with ("... Les métiers des travaux publics" then "ont été
    mis à l'honneur ..."), dates the counts told under it and puts them in the commune it
    names (golden row 714, re-checked); one followed by a paragraph of its own ("«
    Construisons notre Pas-de-Calais » c'était aussi ...") dates nothing after it."""
    got = _extract_lines(
        [
            "29 novembre - Saint-Omer - Les métiers des travaux publics",
            "ont été mis à l'honneur au centre de formation Jean Bosco.",
            "matinée était dédiée aux bénéficiaires du RSA. Deux simulateurs de conduite d'engins"
            " de chantier ont été mis à disposition.",
            "12 décembre - Adoption du pacte des solidarités humaines",
            "« Construisons notre Pas-de-Calais » c'était aussi des concertations : 18"
            " CaféTHerritoires, 40 articles intranet.",
        ],
        indicators,
        entities,
    )
    day = got[(4, "Deux")][0].period
    assert day is not None and (str(day.start), str(day.end)) == ("2022-11-29", "2022-11-29")
    assert got[(4, "Deux")][0].entity_code == "62765"  # Saint-Omer, the place it names
    assert got[(6, "18")][0].period is None and got[(6, "40")][0].period is None


def test_a_title_s_round_figure_is_as_loose_as_the_paragraph_under_it(indicators, entities) -> None:
    """Lines 4492-4494, a hard error to a reader of seed 4949: the title's "13 000 votes
    d'habitants" is the "près de 13 000 habitants ... ont voté" of the paragraph under it; the
    "44 lauréats" both state exactly stay exact, and a title over a paragraph that states
    another value keeps its own."""
    got = _extract_lines(
        [
            "Un Budget citoyen 2022 affichant 90 porteurs de projets, 13 000 votes d'habitants et"
            " 44 lauréats !",
            "Cette 5ème édition a permis à près de 90 porteurs de projets de participer. En"
            " septembre, près de 13 000 habitants ont voté et 44 lauréats ont été récompensés.",
            "Un parc de 300 logements rénovés",
            "Près de 250 logements ont été livrés en 2022.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "13 000")][0].qualifier == got[(2, "90")][0].qualifier == "approx"
    assert got[(2, "44")][0].qualifier is None
    assert got[(4, "300")][0].qualifier is None


def test_where_and_with_whom_is_part_of_what_is_counted_and_no_date_s_participle(
    indicators, entities
) -> None:
    """Lines 4180 and 5000, vague to a reader of seed 4949: "Une vingtaine d'entretiens sur le
    terrain avec des maires" counts interviews with mayors; the frame "la démarche du projet
    de mandat initiée en 2022" is the démarche, not a participle its date was cut from."""
    got = _extract_lines(
        [
            "Une vingtaine d'entretiens sur le terrain avec des maires ont également été menés"
            " pour comprendre ce qui favorise la réalisation d'un projet.",
            "- ◆ 12 escales, soit 12 concertations citoyennes sur les territoires, dans le cadre"
            " de la démarche du projet de mandat initiée en 2022.",
            "35 agents sur les routes ont été mobilisés.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "Une vingtaine")][1].startswith("Entretiens sur le terrain avec des maires")
    assert got[(3, "12")][1].endswith(" (démarche du projet de mandat)")  # both twelves
    assert got[(4, "35")][1] == "Agents mobilisés"  # "sur les routes" is no part of them


def test_the_forty_third_copy_s_wordings(indicators, entities) -> None:
    """tests/data/reworded-43: a part said by whom it concerns ("441 concernant des BRSA et
    337 des jeunes") or by what it does ("157 travaillent en CER, tandis que 111 appartiennent
    aux RHS") is a part of the whole before, never named by its verb; what "se sont élevées
    à" a count is that count; a cleft names the amount by whose it is ("telle est la
    contribution que les fonds européens ... ont générée"); "retours à l'emploi" is one noun;
    a grant "Zutkerque a reçu" is the commune's."""
    got = _extract_lines(
        [
            "Grâce à la mission insertion par l'emploi, 881 retours à l'emploi ont été"
            " facilités ; via les clauses sociales, 1 274 accès à l'emploi ont été"
            " enregistrés, 441 concernant des BRSA et 337 des jeunes de moins de 26 ans.",
            "Au secourisme PSC1, plus de 545 agents ont été formés : 157 travaillent en CER,"
            " tandis que 111 appartiennent aux RHS, qui comptent 135 agents",
            "Au chapitre de l'accueil, les demandes d'interventions traitées se sont élevées à"
            " 1 058 ; quelques réalisations méritent d'être citées.",
            "- ◆ *Appel à Projet Innovation Territoriale (APIT)* : Zutkerque a reçu 45 000 € de"
            " subvention pour réhabiliter sa boulangerie/café multiservices",
            "Le Département a renforcé l'ingénierie financière du projet : 4 804 670 €, telle est"
            " la contribution que les fonds européens FEDER 3B (convention 2014/2020) et FEDER"
            " 3C ont générée pour les aménagements.",
        ],
        indicators,
        entities,
    )
    whole = got[(2, "1 274")][0].indicator_code
    assert got[(2, "881")][1] == "Retours à l'emploi facilités"
    assert got[(2, "441")][1] == "Accès à l'emploi : BRSA"
    assert got[(2, "441")][0].part_of == got[(2, "337")][0].part_of == whole
    assert got[(2, "337")][1].startswith("Accès à l'emploi : jeunes")
    trained = got[(3, "plus de 545")][0].indicator_code
    assert got[(3, "157")][1] == "Agents formés travaillant en CER"
    assert got[(3, "111")][1] == "Agents formés appartenant aux RHS"
    assert got[(3, "157")][0].part_of == got[(3, "111")][0].part_of == trained
    assert got[(4, "1 058")][1] == "Demandes d'interventions traitées"
    assert got[(5, "45 000 €")][0].entity_code == "62906"  # Zutkerque, the clause's subject
    assert got[(6, "4 804 670 €")][1] == (
        "Contribution générée par les fonds européens FEDER 3B et FEDER 3C"
    )


def test_the_review_s_counter_examples_of_the_forty_third_copy_s_rules(
    indicators, entities
) -> None:
    """Wordings a next report may write, on which the rules of this copy went wrong: a part
    list "concernant" opens goes on past its second item, its articles are whole words
    ("337 demandeurs d'emploi" is no "mandeurs"); a title's value its paragraph also states
    exactly stays exact; the paragraphs under a timeline entry that hold all year are of the
    year; a commune named only as the start of another name is no subject; a cleft's noun
    is said with what was done to it, the Département left unnamed."""
    got = _extract_lines(
        [
            "850 dossiers ont été traités, 420 concernant la petite enfance, 310 l'aide sociale"
            " et 120 les personnes âgées.",
            "Via les clauses, 1 274 accès ont été enregistrés, 441 concernant des BRSA et 337"
            " demandeurs d'emploi de longue durée.",
            "Un forum de l'emploi avec 100 entreprises !",
            "Les recruteurs des 100 entreprises présentes ont pourvu plus de 100 offres.",
            "29 novembre - Saint-Omer - Les métiers des travaux publics",
            "ont été mis à l'honneur au centre de formation.",
            "Le Département a soutenu 12 associations du territoire tout au long de l'année.",
            "APIT : Calais Opale Habitat a bénéficié de 2 M€ pour ses logements.",
            "2,5 M€ : telle est l'aide que le Département a accordée.",
            "En 2022, Zutkerque a reçu 45 000 € de subvention pour sa boulangerie.",
        ],
        indicators,
        entities,
    )
    whole = got[(2, "850")][0].indicator_code
    assert got[(2, "120")][0].part_of == whole
    assert got[(2, "120")][1] == "Dossiers traités : personnes âgées"
    assert got[(3, "337")][1].startswith("Demandeurs d'emploi")
    assert got[(4, "100")][0].qualifier is None
    assert got[(8, "12")][0].period is None  # all year: not the day (its place stays)
    assert got[(9, "2 M€")][0].entity_code == "62"
    assert got[(10, "2,5 M€")][1] == "Aide accordée"
    assert got[(11, "45 000 €")][0].entity_code == "62906"


def test_the_figures_of_a_fronted_avec_are_of_the_subject_it_describes(
    indicators, entities
) -> None:
    """Line 660, vague to a reader of seed 4949: "Avec un trafic de plus de 11 000 véhicules
    par jour, et une longueur de 306 mètres, le viaduc de Divion est ..." counts the
    viaduct's traffic, as its length is the viaduct's; a figure after the subject is its
    own."""
    got = _extract_lines(
        [
            "Divion - Avec un trafic de plus de 11 000 véhicules par jour, et une longueur de 306"
            " mètres, le viaduc de Divion est l'un des plus importants ouvrages d'art de l'Artois.",
            "Avec 120 agents, la direction compte 12 services.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "plus de 11 000")][1] == "Véhicules par jour (viaduc de Divion)"
    assert got[(3, "120")][1] == "Agents (direction)"
    assert "direction" not in got[(3, "12")][1]


def test_a_passive_deed_says_whom_it_was_done_with(indicators, entities) -> None:
    """Line 4579, vague to a reader of seed 4949: "(4 rencontres se sont tenues avec
    Pas-de-Calais habitat, les MDS et MDADT en novembre 2022)" counts meetings with the
    landlord; "avec le soutien de" is a means, no partner."""
    got = _extract_lines(
        [
            "Le Département a participé à une étude (4 rencontres se sont tenues avec"
            " Pas-de-Calais habitat, les MDS et MDADT en novembre 2022).",
            "30 jeunes ont été accompagnés avec le soutien de la Région.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "4")][1] == "Rencontres tenues avec Pas-de-Calais habitat"
    assert "soutien" not in got[(3, "30")][1]


def test_the_forty_fourth_copy_s_wordings(indicators, entities) -> None:
    """tests/data/reworded-44: days something is dealt with in ("traités en 13 jours en
    moyenne, au lieu de 34") are a time taken, never a "Lieu"; a count "d'entre eux" of what
    its line's heading lists is of that heading, never its verb; a count a share says in
    people counts what the share counts ("Habitants"), not the whole it is a share of."""
    got = _extract_lines(
        [
            "- ◆ Les avis de grossesse sont désormais traités en 13 jours en moyenne, au lieu de"
            " 34 : les flux numériques ont en effet été automatisés.",
            "- * Projets culturels, fonctionnement associatif ou projets avec la population : le"
            " soutien a bénéficié à sept d'entre eux",
            "- 10,22 % des habitants du Pas-de-Calais, soit 149 583 personnes",
            "Le festival s'est déroulé en 3 jours.",
        ],
        indicators,
        entities,
    )
    now, then = got[(2, "13 jours")], got[(2, "34")]
    assert now[0].unit == then[0].unit == "day"
    assert now[1].endswith("(après)") and then[1].endswith("(avant)")
    assert "avis de grossesse" in now[1] and "Lieu" not in then[1]
    assert got[(3, "sept")][1] == (
        "Projets culturels, fonctionnement associatif ou projets avec la population"
    )
    assert got[(4, "149 583")][1] == "Habitants"  # the page's, a part of the département's
    assert (5, "3 jours") not in got  # how long a festival lasted: no time taken


def test_the_second_review_s_counter_examples(indicators, entities) -> None:
    """Wordings a next report may write, on which the rules of the forty-third and
    forty-fourth copies went wrong: a part by what it does after a count of its own clause
    ("Lors de 12 sessions, 545 agents ..."); a cleft with an adverb before its participle; a
    commune subject with an adverb; days dealt with in, said without their before; a count
    "d'entre eux" of a noun its sentence names; a share's people whose sentence has a verb; a
    year between a total's verb and its value; a figure under a timeline's day that is no
    stock of the year keeps the day and the place."""
    got = _extract_lines(
        [
            "Lors de 12 sessions, 545 agents ont été formés : 157 travaillent en CER, tandis que"
            " 111 appartiennent aux RHS.",
            "3,2 M€, telle est l'aide que la Région a ainsi accordée aux communes.",
            "Liévin a notamment reçu 45 000 € pour sa salle.",
            "Les avis de grossesse sont traités en 13 jours en moyenne.",
            "Bilan : les jeunes accompagnés sont nombreux, et 120 d'entre eux ont trouvé un"
            " emploi.",
            "18 % des jeunes de moins de 25 ans sont au chômage, soit 21 000 personnes.",
            "Les dépenses d'aide sociale s'élèvent en 2022 à 12 M€.",
            "29 novembre - Saint-Omer - Les métiers des travaux publics",
            "ont été mis à l'honneur au lycée, 120 jeunes inscrits à la Mission locale y ont"
            " participé.",
        ],
        indicators,
        entities,
    )
    trained = got[(2, "545")][0].indicator_code
    assert got[(2, "157")][1] == "Agents formés travaillant en CER"
    assert got[(2, "111")][0].part_of == trained
    assert got[(3, "3,2 M€")][1] == "Aide accordée par la Région"
    assert got[(4, "45 000 €")][0].entity_code == "62510"  # Liévin
    assert got[(5, "13 jours")][1] == "Délai de traitement : avis de grossesse"
    assert not got.get((6, "120"), (None, ""))[1].startswith("Bilan")
    assert got[(7, "21 000")][1].startswith("Personnes")
    assert got[(8, "12 M€")][1] == "Dépenses d'aide sociale"
    day = got[(10, "120")][0]
    assert day.period is not None and str(day.period.start) == "2022-11-29"
    assert day.entity_code == "62765"


def test_the_hard_rows_of_sample_5050(indicators, entities, report_lines) -> None:
    """The hard rows of the judged sample of seed 5050, on the report's own lines: the
    parts a plan is divided into are the plan's, not the place a day presented it at (line
    835); a count whose listed items are dated over two years (2011); kinds a sentence names
    then counts (2219); a route's length in a list of new cycle routes (3164-3166); an amount
    "de droit commun" beside a fund (4214); a deed with its object (4719); a participle that
    agrees with its feminine noun (4054)."""
    got = _extract_lines(
        [report_lines[n - 1] for n in (835, 2011, 2219, 3164, 3166, 4214, 4719, 4054)],
        indicators,
        entities,
    )
    pacts = got[(2, "3")][0]
    assert pacts.entity_type == "department"  # not Liévin, where the Assises presented them
    temps = got[(3, "4")][0]
    assert temps.period is not None and temps.period.kind == "multi_year"
    assert (temps.period.start.year, temps.period.end.year) == (2022, 2023)
    assert (4, "5") not in got  # "... sont les 5 grandes discriminations": a typology
    assert got[(6, "3,9 km")][1] == (
        "Longueur : nouveaux itinéraires cyclables (EV5 entre Saint-Omer et Audruicq)"
    )
    assert got[(7, "16 145 €")][1] == (
        "Montant de droit commun : réalisation d'un équipement sportif de proximité"
    )
    assert got[(8, "547")][1] == "Agents ayant bénéficié de la formation"
    assert got[(9, "16")][1].startswith("Opérations majeures réalisées")


def test_the_rows_of_sample_5252(indicators, entities, report_lines) -> None:
    """Rows of the judged sample of seed 5252, on the report's own lines: a partner named
    with its short names in brackets is the figures' body, not an aside (line 4530, "avec
    l'Agence Départementale de Réservation Touristique (ADRT / Pas-de-Calais-Tourisme) ...
    : 201 communes inscrites / 69 labellisées"); two coordinated nouns said alike (3945); a
    price held for whom it is (2325); the others chosen alike (2483)."""
    got = _extract_lines(
        [report_lines[n - 1] for n in (4530, 3945, 2325, 2483)], indicators, entities
    )
    assert {got[(2, span)][0].entity_code for span in ("201", "69")} == {
        "62-pas-de-calais-tourisme"
    }
    assert got[(3, "250 000 €")][1] == "Montant : accessibilité et aménagements extérieurs"
    assert got[(4, "3,06 €")][1] == "Tarif du repas pour les collégiens demi-pensionnaires"
    assert got[(5, "3")][1] == "Autres départements retenus"


def test_the_third_review_s_counter_examples(indicators, entities) -> None:
    """Wordings a next report may write, on which this stop's first rules went wrong: items
    dated by when they opened (no multi_year); a budget kind's purpose up to the next figure,
    never a year; a deed's time phrase no object; a list's measured lead ends at a blank
    line; an event's parts are of the event's commune; a route's places end at the name."""
    got = _extract_lines(
        [
            "En 2022, le Département a soutenu 3 structures : la crèche des Lilas (ouverte en"
            " 2015), la halte-garderie (ouverte en 2019).",
            "Ce sont 2 M€ d'investissement pour la rénovation des collèges et 500 000 € de"
            " fonctionnement pour leur entretien.",
            "Ce sont 3 M€ d'investissement pour l'année 2022.",
            "320 personnes ont bénéficié au cours de l'année 2022 d'un accompagnement renforcé.",
            "- ◆ Mise en œuvre de 11,9 km de nouveaux itinéraires cyclables :",
            "- ◆ 3,9 km sur l'EV5 entre Saint-Omer et Audruicq d'un coût de 1,2 M€",
            "19 mai - Wingles - La Grande course contre la faim, déclinée en 3 parcours, a"
            " rassemblé 1800 collégiens.",
        ],
        indicators,
        entities,
    )
    structures = got[(2, "3")][0]
    assert structures.period is None or structures.period.kind == "year"  # None: the year
    assert got[(3, "2 M€")][1] == "Montant d'investissement : rénovation des collèges"
    assert got[(4, "3 M€")][1].startswith("Montant d'investissement")
    assert "année" not in got[(4, "3 M€")][1]
    assert "au cours" not in got[(5, "320")][1]
    assert got[(7, "3,9 km")][1] == (
        "Longueur : nouveaux itinéraires cyclables (EV5 entre Saint-Omer et Audruicq)"
    )
    assert got[(8, "3")][0].entity_code == got[(8, "1800")][0].entity_code == "62895"  # Wingles


def test_the_forty_sixth_copy_s_wordings(indicators, entities) -> None:
    """tests/data/reworded-46 (the reader takes the bold marks off a line's text): recipients
    "à plus de" N (no threshold); a cleft's measure
    ("C'est sur 1 858 ha que s'étend ..."); an amount a subject came to; a clause's own
    subject before its line's heading; a participle agreeing with a feminine noun."""
    got = _extract_lines(
        [
            "- ◆ Le transport a bénéficié à plus de 1 520 élèves, acheminés vers plus de"
            " trois cents établissements scolaires",
            "C'est sur 1 858 ha que s'étend la propriété départementale",
            "Les surfaces acquises, 34,58 ha au total, ont représenté une dépense de 1,27 M€",
            "Orientations : le financement de l'accompagnement a nécessité 7,5 M€",
            "Les communes de moins de 2 000 habitants ont reçu 12 aides.",
        ],
        indicators,
        entities,
    )
    assert got[(2, "plus de 1 520")][0].qualifier == "at_least"
    assert got[(3, "1 858 ha")][1] == "Surface : propriété départementale"
    assert got[(4, "1,27 M€")][1] == "Dépense : surfaces acquises"
    assert got[(5, "7,5 M€")][1] == "Montant : financement de l'accompagnement"
    assert got[(6, "12")][1] == "Aides reçues"


def test_the_fourth_review_s_counter_examples(indicators, entities) -> None:
    """Wordings on which the mends of the third review went wrong: a spender subject never
    takes over its line's heading; a bracket that is no short name stays an aside; an
    article inside a first conjunct keeps the second's; a price's recipients end at
    "malgré"; two particles in a place; an
    amount a relative clause's antecedent came to; "autres collectivités" agree."""
    got = _extract_lines(
        [
            "Aide aux communes : la collectivité a mobilisé 8 M€.",
            "L'Union Départementale des Associations Familiales (avec l'aide du CAUE) a"
            " accompagné 320 familles.",
            "Le Département a financé les équipements du gymnase et les vestiaires (120 000 €).",
            "L'année a été marquée par le maintien du tarif du repas à 3,06 € pour les"
            " collégiens demi-pensionnaires malgré le contexte inflationniste.",
            "- ◆ Mise en œuvre de 11,9 km de nouveaux itinéraires cyclables :",
            "- ◆ 4,1 km sur l'EV4 entre Aire sur la Lys et Isbergues",
            "Le Département a acquis 12 ha de terrains qui ont représenté une dépense de"
            " 150 000 €.",
            "Le Pas-de-Calais a été choisi avec 9 autres collectivités pour l'expérimentation.",
        ],
        indicators,
        entities,
    )
    assert "collectivité" not in got[(2, "8 M€")][1]
    assert got[(3, "320")][0].entity_type == "department"  # not the CAUE's
    assert "gymnase et les vestiaires" in got[(4, "120 000 €")][1]
    assert got[(5, "3,06 €")][1] == "Tarif du repas pour les collégiens demi-pensionnaires"
    assert got[(7, "4,1 km")][1] == (
        "Longueur : nouveaux itinéraires cyclables (EV4 entre Aire sur la Lys et Isbergues)"
    )
    assert got[(8, "150 000 €")][1] == "Dépense : terrains"
    assert got[(9, "9")][1] == "Autres collectivités choisies"
