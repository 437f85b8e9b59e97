"""Structure from words: line-end hyphens, fuzzy titles, columns from x-positions."""

from __future__ import annotations

import pytest

from pipelines.read.document import Table, TextLine
from pipelines.read.hyphenation import MARK, Vocabulary, join_lines
from pipelines.read.numbers import find_quantities
from pipelines.read.pdf import _join_styled, _styled
from pipelines.read.pdf_layout import layout_of, running_key
from pipelines.read.titles import title_score

VOCABULARY = Vocabulary(
    [
        "Le Pas-de-Calais, Lens-Hénin et Boulogne-sur-Mer.",
        "Les déplacements des agents.",
        "Le collège Carlin Legrand de Bapaume.",
    ]
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
        ("CREDITS DE PAIE-", "MENT", "CREDITS DE PAIEMENT"),  # capitals throughout: no name
        ("DU PAS-DE-", "CALAIS", "DU PAS-DE-CALAIS"),  # the compound is in the document
        ("une ligne", "suivante", "une ligne suivante"),
        ("10 à Achiet-le-", "Grand", "10 à Achiet-le-Grand"),  # not "Legrand", a name
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
    return {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": top,
            "bottom": top + size, "size": size}  # fmt: skip


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


def _justified(x0: float, x1: float, rows: int, start: float = 100.0) -> list[dict]:
    """Lines of a justified column: the last word of each line ends at the column's edge."""
    words = []
    for row in range(rows):
        x = x0 + (row % 3) * 7  # the spaces fall elsewhere on each line
        while x + 60 <= x1:
            words.append(_word("mot123", x, start + row * 10))
            x += 34
        words.append({**_word("fin", x1 - 15, start + row * 10), "x1": x1})
    return words


def test_a_gutter_narrower_than_a_cell_gap_still_parts_the_columns() -> None:
    # 8 points between the columns: less than the gap that parts a table's cells (1.5 x
    # the 8-point size), so each row's two halves make one segment; no word crosses it
    words = _justified(40, 290, 30) + _justified(298, 548, 30)
    layout = layout_of(words, 588)
    assert [(round(a), round(b)) for a, b in layout.columns] == [(40, 291), (298, 548)]
    assert [flow[0]["x0"] for flow in layout.flows] == [40, 298]


def test_a_ruled_table_sits_in_its_column_or_cuts_the_page_into_bands() -> None:
    def table(x0: float, x1: float, top: float, bottom: float) -> dict:
        return {"text": "", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": 8.0,
                "table": (x0, top)}  # fmt: skip

    in_column = table(300, 545, 200, 260)
    words = _justified(40, 290, 30) + _justified(298, 548, 8) + [in_column]
    words += _justified(298, 548, 10, start=270)
    layout = layout_of(words, 588)
    assert len(layout.columns) == 2
    right = [flow for flow in layout.flows if flow[0]["x0"] >= 298]
    assert len(right) == 1 and in_column in right[0]  # read between the lines around it
    # a table across both columns: what is above it is read before it, column by column
    across = table(40, 548, 260, 330)
    words = _justified(40, 290, 15) + _justified(298, 548, 15) + [across]
    words += _justified(40, 290, 10, start=340) + _justified(298, 548, 10, start=340)
    layout = layout_of(words, 588)
    firsts = [(flow[0]["x0"], flow[0]["top"]) for flow in layout.flows]
    assert firsts == [(40, 100), (298, 100), (40, 260), (40, 340), (298, 340)]
    assert layout.flows[2] == [across]


def test_running_text_within_the_body_needs_half_the_pages_and_its_digits() -> None:
    from collections import Counter

    from pipelines.read.pdf_layout import running_from

    side_tab = ("body", running_key("Rapport d'activités 2022", 20.0, 400.0, "body"))
    footer = ("footer", running_key("page 12", 290.0, 810.0))
    profile = ("body", running_key("12 345 habitants", 60.0, 200.0, "body"))
    seen = Counter({side_tab: 50, footer: 26, profile: 40})
    assert running_from(seen, 100) == {side_tab, footer}
    # within the body, other digits are other text: pages made on one model keep their figures
    assert running_key("12 345 habitants", 60, 200, "body") != running_key(
        "23 456 habitants", 60, 200, "body"
    )


def test_glyphs_placed_one_by_one_make_one_line_of_running_text() -> None:
    from pipelines.read.pdf_layout import _same_segment

    # pdfium's rectangles (left, bottom, right, top), one per glyph as Chromium places them
    r, a, p = [51.2, 491.4, 57.7, 497.8], [58.1, 491.5, 62.5, 496.0], [140.0, 489.4, 144.2, 496.0]
    assert _same_segment(r, a)  # the next letter
    assert not _same_segment(r, p)  # far along the line: another segment
    assert not _same_segment(r, [51.2, 479.4, 57.7, 485.8])  # the line below


def _placed(texts_and_x: list[tuple[str, float]], size: float = 9.5) -> list[dict]:
    return [
        {"text": t, "x0": x, "x1": x + 5.0 * len(t), "top": 100.0, "bottom": 109.5,
         "size": size, "fontname": "Serif"}
        for t, x in texts_and_x
    ]  # fmt: skip


def test_a_list_marker_and_justified_spaces_make_no_table_cells() -> None:
    from pipelines.read.pdf import _lines

    # "- ◆" set apart from the item's text by more than a cell gap (1.5 x 9.5 points)
    item = _placed([("-", 70), ("◆", 79), ("conduire,", 106), ("sur", 154), ("le", 176)])
    assert _lines(item, 9.5)[0].cells == []
    # a short justified line: every space 20 points wide
    even = _placed([("Aménager", 70), ("le", 130), ("territoire", 160), ("et", 230),
                    ("préserver", 260)])  # fmt: skip
    assert _lines(even, 9.5)[0].cells == []
    # a table's row: a label, then figures at their own places
    row = _placed([("Routes", 70), ("départementales", 102), ("4", 300), ("228", 308),
                   ("736", 326), ("€", 344), ("793", 420), ("616", 438), ("€", 456)])  # fmt: skip
    assert _lines(row, 9.5)[0].cells == ["Routes départementales", "4 228 736 €", "793 616 €"]
    # a row of years evenly spaced stays a row
    years = _placed([("2019", 200), ("2020", 250), ("2021", 300), ("2022", 350)])
    assert _lines(years, 9.5)[0].cells == ["2019", "2020", "2021", "2022"]


def test_a_table_shaded_across_the_gutter_is_read_across_the_columns() -> None:
    # a shaded table set over two columns, one box per cell, every other row shaded: its
    # rows are read whole, between the columns' text above and below it
    words = _justified(40, 290, 12) + _justified(298, 548, 12)
    # (labels long enough to reach the gutter: no short first cell tells a row across)
    label = ["Routes", "départementales", "et", "ouvrages", "d'art", "du", "réseau"]
    rows = [(230.0, label, ["4 228 736 €"], ["793 616 €"]),
            (242.0, label, ["1 414 850 €"], ["507 515 €"]),
            (254.0, label, ["12 €"], ["3 €"])]  # fmt: skip
    table = []
    for top, label, first, second in rows:
        for texts, x in ((label, 45.0), (first, 330.0), (second, 460.0)):
            for text in texts:
                table.append(_word(text, x, top))
                x = table[-1]["x1"] + 4
    words += table + _justified(40, 290, 10, start=280) + _justified(298, 548, 10, start=280)
    shaded = [(40.0, 229.0, 300.0, 240.0), (300.0, 229.0, 548.0, 240.0),  # the first row
              (40.0, 253.0, 300.0, 264.0), (300.0, 253.0, 548.0, 264.0)]  # fmt: skip
    layout = layout_of(words, 588, shaded)
    assert len(layout.columns) == 2
    across = [flow for flow in layout.flows if flow[0]["top"] == 230.0]
    assert len(across) == 1 and sorted(map(id, across[0])) == sorted(map(id, table))
    firsts = [(flow[0]["x0"], flow[0]["top"]) for flow in layout.flows]
    assert firsts == [(40, 100), (298, 100), (45, 230), (40, 280), (298, 280)]
    # without the shading, the rows would be cut at the gutter
    assert not any(flow[0]["top"] == 230.0 and len(flow) == len(table)
                   for flow in layout_of(words, 588).flows)  # fmt: skip


def _row(cells: list[tuple[str, float]], top: float) -> list[dict]:
    words: list[dict] = []
    for text, x in cells:
        for part in text.split():
            words.append(_word(part, x, top))
            x = words[-1]["x1"] + 4
    return words


def test_a_bare_table_across_the_gutter_is_read_row_by_row_under_its_header() -> None:
    # its header crosses the gutter (a word over it); its rows leave the gutter blank, but
    # their cells stop short of it on the left and of the page's edge on the right
    header = _row([("CREDITS DE PAIEMENT DEPENSES EN MAITRISE D'OUVRAGE", 52),
                   ("INVESTISSEMENT", 304), ("FONCTIONNEMENT", 382)], 230)  # fmt: skip
    rows = _row([("Routes départementales", 52), ("4 228 736 €", 322), ("793 616 €", 409)], 242)
    rows += _row([("Collèges", 52), ("1 414 850 €", 322), ("507 515 €", 409)], 254)
    words = _justified(40, 290, 12) + _justified(298, 548, 12) + header + rows
    words += _justified(40, 290, 10, start=280) + _justified(298, 548, 10, start=280)
    layout = layout_of(words, 588)
    assert len(layout.columns) == 2
    across = [flow for flow in layout.flows if flow[0]["top"] == 230.0]
    assert len(across) == 1 and sorted(map(id, across[0])) == sorted(map(id, header + rows))
    # the columns' own lines under a line across them stay in their columns
    title = _row([("Un titre posé sur les deux colonnes de la page", 200)], 230)
    words = _justified(40, 290, 12) + _justified(298, 548, 12) + title
    words += _justified(40, 290, 10, start=244) + _justified(298, 548, 10, start=244)
    layout = layout_of(words, 588)
    assert [len(flow) for flow in layout.flows if flow[0]["top"] == 230.0] == [len(title)]


def _credit_rows(investment: float, operating: float, top: float) -> list:
    """Two rows of a table of three columns, its figures starting at the x given."""
    from pipelines.read.pdf import _lines

    first = [("Routes départementales", 45), ("4 228 736 €", investment), ("793 616 €", operating)]
    second = [("Collèges", 45), ("1 414 850 €", investment), ("507 515 €", operating)]
    return _lines(_row(first, top) + _row(second, top + 12), 8.0)


def test_a_header_set_too_close_is_parted_by_the_rows_columns() -> None:
    from pipelines.read.pdf import _header_cells, _lines

    # each column as wide as its header, the figures set flush right under it; 8 points
    # between the header's cells, twice its spaces but less than a cell gap (12 points)
    header = _lines(_row([("CREDITS DE PAIEMENT D'OUVRAGE", 45),
                          ("INVESTISSEMENT", 195), ("FONCTIONNEMENT", 273)], 100), 8.0)  # fmt: skip
    assert header[0].cells == []
    rows = _credit_rows(213, 300, 112)
    assert _header_cells(header, rows) == [
        "CREDITS DE PAIEMENT D'OUVRAGE",
        "INVESTISSEMENT",
        "FONCTIONNEMENT",
    ]
    # a sentence above a table, its spaces all alike, does not part at the rows' columns
    sentence = _lines(_row([("Les crédits de paiement du territoire en 2022 :", 45)], 100), 8.0)
    assert _header_cells(sentence, rows) is None


def test_a_column_that_holds_only_a_ruled_table_is_a_column() -> None:
    table = {"text": "", "x0": 240.0, "x1": 430.0, "top": 100.0, "bottom": 400.0, "size": 8.0,
             "table": "in the middle"}  # fmt: skip
    words = [*_justified(40, 230, 30), table, *_justified(440, 630, 30)]
    layout = layout_of(words, 670)
    assert [(round(a), round(b)) for a, b in layout.columns] == [(40, 231), (240, 431), (440, 630)]
    assert [flow[0]["x0"] for flow in layout.flows] == [40, 240, 440]


def test_a_ruled_cells_lines_join_as_a_paragraphs() -> None:
    from pipelines.read.pdf import _cell_text

    cell = _cell_text("Routes\ndéparte-\nmentales")
    assert cell == f"Routes départe-{MARK}mentales"
    assert VOCABULARY.resolve(cell) == "Routes départementales"
    assert _cell_text("Collèges  et\n bâtiments ") == "Collèges et bâtiments"
    assert _cell_text(None) == ""


def test_three_words_spread_alike_over_a_paragraphs_next_line_are_prose() -> None:
    from pipelines.read.pdf import _lines

    justified = _placed([("demandes", 70), ("d'allocation", 140), ("personnalisée", 230)])
    following = [{**w, "top": 112.0, "bottom": 121.5} for w in _placed([("d'autonomie", 70)])]
    assert [line.cells for line in _lines(justified + following, 9.5)] == [[], []]
    # the same three cells over a table's next row stay a row
    row = [{**w, "top": 112.0, "bottom": 121.5}
           for w in _placed([("Routes", 70), ("12", 160), ("14", 250)])]  # fmt: skip
    assert _lines(justified + row, 9.5)[0].cells == ["demandes", "d'allocation", "personnalisée"]


def test_a_few_long_lines_do_not_widen_the_gutter_past_the_columns() -> None:
    # a column of short labels, two of them long, beside a justified column: the blank
    # strip the short lines leave is far wider than the gutter
    words = [w for row in range(30) for w in _row([("Une étiquette", 40)], 100 + row * 10)]
    words += _row([("une étiquette bien plus longue que les autres", 40)], 400)
    words += _row([("une autre étiquette aussi longue que la première", 40)], 410)
    words += _justified(300, 540, 32)
    layout = layout_of(words, 580)
    assert len(layout.columns) == 2
    longest = max(w["x1"] for w in words if w["x0"] < 300)
    gutter = layout.gutters[0]
    assert longest <= gutter[0] < gutter[1] <= 300


def test_a_header_whose_first_cell_wraps_keeps_its_next_line_in_that_cell() -> None:
    from pipelines.read.pdf import _header_cells, _lines

    held = _lines(_row([("CREDITS DE PAIEMENT DEPENSES", 45), ("INVESTISSEMENT", 190),
                        ("FONCTIONNEMENT", 268)], 100)
                  + _row([("EN MAITRISE D'OUVRAGE", 45)], 110), 8.0)  # fmt: skip
    rows = _credit_rows(208, 295, 124)
    assert _header_cells(held, rows) == [
        "CREDITS DE PAIEMENT DEPENSES EN MAITRISE D'OUVRAGE",
        "INVESTISSEMENT",
        "FONCTIONNEMENT",
    ]


def _pages(*blocks: list) -> list:
    """Pages read from these blocks, none running on."""
    return [(n, b, False, [], None, None, None) for n, b in enumerate(blocks, start=1)]


def test_a_title_cut_by_a_page_or_column_break_is_one_title() -> None:
    from pipelines.read.document import Block, Location, TextLine
    from pipelines.read.pdf import _sections, _Title

    def line(text: str, page: int) -> TextLine:
        return TextLine(text, Location("r.pdf", page=page, line=1))

    Blocks = list[tuple[str, Block | _Title]]
    first: Blocks = [
        ("block", line("Un paragraphe.", 1)),
        ("title", _Title("LES CHIFFRES CLÉS DE LA", 18.0, 200.0, 30.0)),
    ]
    second: Blocks = [
        ("title", _Title("SANTÉ", 18.0, 200.0, 30.0)),
        ("block", line("- ◆ 35 551 demandes", 2)),
    ]
    sections = _sections("r.pdf", _pages(first, second))
    assert [s.title for s in sections] == ["", "LES CHIFFRES CLÉS DE LA SANTÉ"]
    # a title of another size at the next page's top is a title of its own
    second = [
        ("title", _Title("Une autre partie", 12.0, 200.0, 30.0)),
        ("block", line("Du texte.", 2)),
    ]
    sections = _sections("r.pdf", _pages(first, second))
    assert [s.title for s in sections] == ["", "LES CHIFFRES CLÉS DE LA", "Une autre partie"]
    # a column break within the page cuts it the same way
    page: Blocks = [
        ("block", line("Un paragraphe.", 1)),
        ("title", _Title("LES CHIFFRES CLÉS DE LA POLITIQUE MÉMORIELLE ET", 18.0, 200.0, 30.0)),
        ("title", _Title("PATRIMONIALE", 18.0, 200.0, 30.0, opens_column=True)),
        ("block", line("26 diagnostics", 1)),
    ]
    sections = _sections("r.pdf", _pages(page))
    assert [s.title for s in sections][1:] == [
        "LES CHIFFRES CLÉS DE LA POLITIQUE MÉMORIELLE ET PATRIMONIALE"
    ]
    # two captions one under the other within a column are two titles
    page = [
        ("title", _Title("ECODIENNE À", 18.0, 200.0, 30.0)),
        ("title", _Title("SAINT ETIENNE AU", 18.0, 200.0, 30.0)),
    ]
    assert [s.title for s in _sections("r.pdf", _pages(page))][1:] == [
        "ECODIENNE À",
        "SAINT ETIENNE AU",
    ]


def test_a_table_across_the_gutter_takes_its_headers_other_cells_and_wrapped_line() -> None:
    header = _row([("CREDITS DE PAIEMENT DEPENSES EN MAITRISE", 110)], 230)  # over the gutter
    header += _row([("INVESTISSEMENT FONCTIONNEMENT", 380)], 230)  # a cell of its own
    wrapped = _row([("D'OUVRAGE", 110)], 240)
    rows = _row([("Routes départementales", 110), ("5 233 767 €", 400), ("372 471 €", 480)], 254)
    rows += _row([("Collèges et bâtiments", 110), ("2 765 960 €", 400), ("190 233 €", 480)], 266)
    words = _justified(40, 290, 12) + _justified(298, 548, 12) + header + wrapped + rows
    words += _justified(40, 290, 10, start=290) + _justified(298, 548, 10, start=290)
    layout = layout_of(words, 588)
    assert len(layout.columns) == 2
    across = [flow for flow in layout.flows if flow[0]["top"] == 230.0]
    assert len(across) == 1
    assert sorted(map(id, across[0])) == sorted(map(id, header + wrapped + rows))


def test_a_whole_title_ending_a_page_is_not_joined_to_the_next_pages_title() -> None:
    from pipelines.read.document import Block, Location, TextLine
    from pipelines.read.pdf import _sections, _Title

    Blocks = list[tuple[str, Block | _Title]]
    text = TextLine("Du texte.", Location("r.pdf", page=2, line=1))
    first: Blocks = [
        (
            "title",
            _Title("Les chiffres clés de la mobilité et du réseau routier", 18.0, 200.0, 30.0),
        )
    ]
    second: Blocks = [
        ("title", _Title("Les réalisations majeures", 18.0, 200.0, 30.0)),
        ("block", text),
    ]
    sections = _sections("r.pdf", _pages(first, second))
    assert [s.title for s in sections][1:] == [
        "Les chiffres clés de la mobilité et du réseau routier",
        "Les réalisations majeures",
    ]
    # a title whose last line left no room for the next page's first word: one title
    first = [("title", _Title("Les chiffres clés du Laboratoire", 18.0, 40.0, 150.0))]
    second = [("title", _Title("Départemental d'Analyses :", 18.0, 30.0, 118.0)), ("block", text)]
    sections = _sections("r.pdf", _pages(first, second))
    assert [s.title for s in sections][1:] == [
        "Les chiffres clés du Laboratoire Départemental d'Analyses :"
    ]
    # ... unless it ends as a whole title does, on a colon (a title set twice)
    whole = "Les chiffres clés de la mobilité :"
    first = [("title", _Title(whole, 18.0, 26.9, 150.0))]
    second = [("title", _Title(whole, 18.0, 26.9, 32.1, opens_column=True)), ("block", text)]
    assert [s.title for s in _sections("r.pdf", _pages(first, second))][1:] == [whole, whole]


def test_a_table_under_a_held_line_at_a_columns_top_does_not_run_on() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = True, 800.0  # the previous page ended mid-table
    note = _row([("Les crédits de paiement du territoire en 2022 :", 45)], 100)
    rows = _row([("Routes départementales", 45), ("4 228 736 €", 213), ("793 616 €", 300)], 112)
    rows += _row([("Collèges", 45), ("1 414 850 €", 213), ("507 515 €", 300)], 124)
    words = [{**w, "fontname": "Serif"} for w in note + rows]
    reader._flow(_lines(words, 8.0), 300.0)  # the note reaches the column's edge
    assert [kind for kind, _ in reader.blocks] == ["continued", "block"]


def test_a_table_across_the_gutter_without_a_header_on_its_page_is_read_across() -> None:
    # the header stayed on the page before; each row parts at the gutter: a short label on
    # the left, the figures on the right, on one baseline and in the table's smaller size
    def cells(label: str, first: str, second: str, top: float) -> list[dict]:
        row = _row([(label, 45), (first, 322), (second, 430)], top)
        return [{**w, "size": 7.0, "bottom": top + 7.0} for w in row]

    rows = cells("Routes départementales", "4 228 736 €", "793 616 €", 100)
    rows += cells("Collèges et bâtiments", "1 414 850 €", "507 515 €", 111.3)
    words = rows + _justified(40, 290, 20, start=130) + _justified(298, 548, 20, start=130)
    layout = layout_of(words, 588)
    assert len(layout.columns) == 2
    assert sorted(map(id, layout.flows[0])) == sorted(map(id, rows))
    # a column's short lines beside the other column's table rows stay in their columns
    short = _row([("Un titre court", 40)], 100) + _row([("- un item", 40)], 111.3)
    right = [{**w, "size": 7.0} for w in _row([("Nombre d'équipes", 300), ("9", 520)], 100)]
    right += [{**w, "size": 7.0} for w in _row([("Alignements", 300), ("517", 520)], 111.3)]
    words = short + right + _justified(40, 290, 20, start=130) + _justified(298, 548, 20, 130)
    assert not any({w["x0"] for w in flow} >= {40.0, 300.0} for flow in layout_of(words, 588).flows)


def test_a_tables_rows_rounded_to_the_pixel_grid_stay_one_table() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    # rows 5 then 6 points apart (a browser placing each row on its pixel), the header 7
    # points above them, all wider than a table's end (0.7 x 8 points): one table, its
    # rows lined up at both ends
    tops = [100.0, 115.0, 128.0, 142.0, 155.0, 169.0]
    labels = ["Projets", "FARDA", "Bourg-centre", "AVC", "AVC inondations", "DECI"]
    counts = ["Nombre", "90", "/", "77", "/", "8"]
    words = []
    for top, label, count in zip(tops, labels, counts, strict=True):
        words += _row([(label, 45), (count, 250 - 5.0 * len(count))], top)
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    reader._flow(_lines([{**w, "fontname": "Serif"} for w in words], 8.0), 300.0)
    assert [kind for kind, _ in reader.blocks] == ["block"]
    table = reader.blocks[0][1]
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == list(zip(labels, counts, strict=True))


def test_a_line_above_a_two_column_table_is_its_first_row_when_its_figure_lines_up() -> None:
    from pipelines.read.pdf import _header_cells, _lines

    # "Montant de subventions versées 2 291 149 €": a narrow gap before the figure, set
    # flush right with the rows' figures
    above = _lines(_row([("Montant de subventions versées", 45), ("2 291 149 €", 199)], 100), 8)
    rows = _lines(
        _row([("Nombre d'équipes", 45), ("9", 246)], 112)
        + _row([("Alignements délivrés", 45), ("517", 236)], 124),
        8.0,
    )
    assert above[0].cells == [] and [r.cells for r in rows] == [
        ["Nombre d'équipes", "9"],
        ["Alignements délivrés", "517"],
    ]
    assert _header_cells(above, rows) == ["Montant de subventions versées", "2 291 149 €"]
    # a sentence ending on a figure that does not line up is no row of the table
    sentence = _lines(_row([("Le territoire compte au total", 45), ("12 agents", 190)], 100), 8)
    assert _header_cells(sentence, rows) is None


def test_a_row_whose_wide_label_leaves_less_than_a_cell_gap_stays_in_its_table() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    # the widest label sets the column: its figure follows after a mere 8 points
    words = _row([("Agents territoriaux", 45), ("116", 190)], 100)
    words += _row([("Equivalent Temps Plein (ETP)", 45), ("108.78", 190)], 112)
    words += _row([("Les moyens humains ont été renforcés en 2022", 45)], 130)
    lines = _lines([{**w, "fontname": "Serif"} for w in words], 8.0)
    assert [line.cells for line in lines][:2] == [["Agents territoriaux", "116"], []]
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    reader._flow(lines, 300.0)
    table = reader.blocks[0][1]
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("Agents territoriaux", "116"),
        ("Equivalent Temps Plein (ETP)", "108.78"),
    ]
    assert [kind for kind, _ in reader.blocks] == ["block", "block"]  # the sentence after it


def test_a_word_running_past_its_cells_rule_stays_whole_in_its_cell(tmp_path) -> None:
    import pdfplumber
    from reportlab.pdfgen import canvas

    from pipelines.read.pdf import _extracted

    # a narrow first column the typesetter did not wrap: "départementales" runs over the
    # rule into the figures' cell
    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(300, 200))
    for x in (20, 70, 200):
        pdf.line(x, 40, x, 160)
    for y in (40, 100, 160):
        pdf.line(20, y, 200, y)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(24, 140, "Routes")
    pdf.drawString(24, 128, "départementales")
    pdf.drawRightString(196, 140, "4 228 736 €")
    pdf.drawString(24, 80, "Collèges")
    pdf.drawRightString(196, 80, "1 414 850 €")
    pdf.save()
    with pdfplumber.open(path) as document:
        (table,) = document.pages[0].find_tables()
        rows = _extracted(table)
    assert [[" ".join((cell or "").split()) for cell in row] for row in rows] == [
        ["Routes départementales", "4 228 736 €"],
        ["Collèges", "1 414 850 €"],
    ]


def test_a_paragraph_is_continued_in_the_next_column_only_when_its_word_did_not_fit() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    def flow(reader: _PageReader, text: str, x0: float, tops: list[float], last: str) -> None:
        words = []
        for top in tops:
            words += _row([(text, x0)], top)
        words += _row([(last, x0)], tops[-1] + 10)
        reader._flow(_lines([{**w, "fontname": "Serif"} for w in words], 8.0), x0 + 220.0)

    full = "un texte qui remplit toute la ligne de sa colonne"
    # the left column ends on a short line: the right column's first paragraph is a new one
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    flow(reader, full[:45], 40, [100.0, 110.0], "du projet .")
    reader.runs_on = True  # the column reached the text's foot
    flow(reader, full[:45], 300, [100.0, 110.0], "fin.")
    assert [kind for kind, _ in reader.blocks] == ["block", "block"]
    # ... and on a line whose next word would not have fitted: the same paragraph
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    flow(reader, full[:45], 40, [100.0, 110.0], full[:44])
    reader.runs_on = True
    flow(reader, full[:45], 300, [100.0, 110.0], "fin.")
    assert [kind for kind, _ in reader.blocks] == ["block", "continued"]


def test_a_header_whose_first_cell_wraps_over_three_lines_heads_its_table() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    # the header's cells 8 points apart (less than a cell gap): held, then parted
    words = _row([("CREDITS DE PAIEMENT DE-", 45), ("INVESTISSEMENT", 165),
                  ("FONCTIONNEMENT", 243)], 100)  # fmt: skip
    words += _row([("PENSES EN MAITRISE", 45)], 109) + _row([("D'OUVRAGE", 45)], 118)
    lines = _lines([{**w, "fontname": "Serif"} for w in words], 8.0)
    assert lines[0].cells == []
    lines += _credit_rows(180, 250, 128)
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    reader._flow(lines, 360.0)
    (_, table), *_ = reader.blocks
    assert isinstance(table, Table) and len(reader.blocks) == 1
    assert table.rows[0].cells[1:] == ("INVESTISSEMENT", "FONCTIONNEMENT")
    assert table.rows[0].cells[0].replace(MARK, "") == (
        "CREDITS DE PAIEMENT DE-PENSES EN MAITRISE D'OUVRAGE"
    )


def test_a_header_over_figures_set_flush_right_and_a_little_apart_heads_its_table() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    # as a browser set it (points from a drawn layout): each header cell starts left of its
    # column's figures, and the header stands 5.2 points above the rows (rows: 4.5 apart)
    def placed(words: list[tuple[str, float, float]], top: float) -> list[dict]:
        return [{"text": t, "x0": a, "x1": b, "top": top, "bottom": top + 6.8, "size": 6.8,
                 "fontname": "Serif"} for t, a, b in words]  # fmt: skip

    words = placed([("CREDITS", 74.5, 102.8), ("DE", 104.5, 113.5), ("PAIEMENT", 115.2, 148.9),
                    ("DEPENSES", 150.5, 184.0), ("EN", 185.7, 194.8), ("MAITRISE", 196.4, 228.5),
                    ("D'OUVRAGE", 230.2, 269.5), ("INVESTISSEMENT", 277.5, 334.8),
                    ("FONCTIONNEMENT", 342.8, 405.4)], 393.7)  # fmt: skip
    words += placed([("Routes", 74.5, 93.3), ("départementales", 95.0, 139.1), ("4", 304.2, 307.6),
                     ("228", 308.5, 318.7), ("736", 319.5, 329.7), ("€", 331.4, 334.8),
                     ("793", 379.1, 389.2), ("616", 390.1, 400.3), ("€", 402.0, 405.4)],
                    405.7)  # fmt: skip
    words += placed([("Collèges", 74.5, 98.2), ("1", 305.9, 309.3), ("414", 310.2, 320.4),
                     ("850€", 321.2, 334.8), ("507", 379.1, 389.2), ("515", 390.1, 400.3),
                     ("€", 402.0, 405.4)], 416.9)  # fmt: skip
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    reader._flow(_lines(words, 6.8), 420.0)
    assert len(reader.blocks) == 1
    table = reader.blocks[0][1]
    assert isinstance(table, Table)
    assert table.rows[0].cells == (
        "CREDITS DE PAIEMENT DEPENSES EN MAITRISE D'OUVRAGE",
        "INVESTISSEMENT",
        "FONCTIONNEMENT",
    )


def test_a_space_pdfium_generates_between_close_words_is_kept() -> None:
    from pipelines.read.pdf_chars import _spaces_kept

    def char(text: str, x0: float, x1: float, top: float = 100.0) -> dict:
        return {"text": text, "x0": x0, "x1": x1, "top": top, "size": 6.8, "ink_ends": False}

    # "FARDA équipement": the page's space glyph lies in a text object of its own, which
    # pdfium reports as a space it generated; the words are 1.3 points apart
    chars = [char("A", 92.1, 97.0), {"generated": True}, char("é", 98.3, 101.3)]
    assert [c["text"] for c in _spaces_kept(chars)] == ["A", " ", "é"]
    # far enough apart to part without it, or on the next line: no space of ours
    far = [char("A", 92.1, 97.0), {"generated": True}, char("é", 99.0, 102.0)]
    below = [char("A", 92.1, 97.0), {"generated": True}, char("é", 98.3, 101.3, top=112.0)]
    assert [c["text"] for c in _spaces_kept(far)] == ["A", "é"]
    # between two digits of a number's groups ("2 708 881"): the number stays whole
    digits = [char("8", 266.9, 270.5), {"generated": True}, char("8", 271.4, 275.0)]
    assert [c["text"] for c in _spaces_kept(digits)] == ["8", "8"]
    assert [c["text"] for c in _spaces_kept(below)] == ["A", "é"]


def test_a_short_header_over_a_narrow_hyphenated_first_column_heads_its_table() -> None:
    from pipelines.read.pdf import _header_cells, _lines

    # (points from a drawn layout) three header words, so their gaps are all cell gaps, the
    # first cell hyphenated over seven lines, its last word running past the cell's edge
    words = _row([("CREDITS", 54), ("INVESTISSEMENT", 109.3), ("FONCTIONNEMENT", 197.6)], 100)
    for top, text in enumerate(["DE PAIE-", "MENT DE-", "PENSES", "EN MAI-", "TRISE"]):
        words += _row([(text, 54)], 112 + 12 * top)
    words += _row([("D'OUVRAGE", 54)], 172)
    held = _lines([{**w, "size": 9.5} for w in words], 9.5)
    first = _row([("Routes", 54), ("4 228 736 €", 136.4), ("793 616 €", 240.4)], 184)
    second = _row([("Collèges", 54), ("1 414 850€", 139.4), ("507 515 €", 240.4)], 196)
    rows = _lines([{**w, "size": 9.5} for w in first + second], 9.5)
    assert [len(r.cells) for r in rows] == [3, 3]
    header = _header_cells(held, rows)
    assert header is not None and [header[0].replace(MARK, ""), *header[1:]] == [
        "CREDITS DE PAIE-MENT DE-PENSES EN MAI-TRISE D'OUVRAGE",
        "INVESTISSEMENT",
        "FONCTIONNEMENT",
    ]


def test_a_paragraph_goes_on_over_the_page_only_when_its_word_did_not_fit() -> None:
    from pipelines.read.document import Location, TextLine
    from pipelines.read.pdf import PageResult, _sections

    ending = TextLine("Une soixantaine de réunions du projet .", Location("r.pdf", 1))
    opening = TextLine("Le bilan cumulé à fin 2022.", Location("r.pdf", 2))

    def pages(lead: float) -> list[PageResult]:
        # the first page's last line left 100 points (less a space)
        return [
            (1, [("block", ending)], True, [], None, 100.0, None),
            (2, [("continued", opening)], False, [], None, None, lead),
        ]

    # the next page's first word is 12 points wide: it would have fitted, a new paragraph
    assert _sections("r.pdf", pages(12.0))[0].blocks == [ending, opening]
    # a word of 120 points would not have: the paragraph went on
    (joined,) = _sections("r.pdf", pages(120.0))[0].blocks
    assert isinstance(joined, TextLine)
    assert joined.text == "Une soixantaine de réunions du projet . Le bilan cumulé à fin 2022."


def test_a_line_ending_a_sentence_with_room_left_ends_its_paragraph() -> None:
    from pipelines.read.pdf import _lines, _PageReader

    # two paragraphs set as close as a paragraph's lines: the first's last line ends a
    # sentence far from the column's edge, so the next line starts another paragraph
    words = _row([("un texte qui remplit toute la ligne de sa colonne", 40)], 100)
    words += _row([("du projet .", 40)], 110)
    words += _row([("Le bilan cumulé à fin 2022.", 40)], 120)
    words += _row([("Une phrase coupée par la ligne qui se termine sur", 40)], 130)
    words += _row([("un mot court.", 40)], 140)
    reader = _PageReader(None, 2, "r.pdf")
    reader.runs_on, reader.text_bottom = False, 800.0
    reader._flow(_lines([{**w, "fontname": "Serif"} for w in words], 8.0), 260.0)
    assert [b.text for _, b in reader.blocks if isinstance(b, TextLine)] == [
        "un texte qui remplit toute la ligne de sa colonne du projet .",
        "Le bilan cumulé à fin 2022.",
        "Une phrase coupée par la ligne qui se termine sur un mot court.",
    ]


def test_a_title_line_ending_on_a_colon_is_a_whole_title() -> None:
    from pipelines.read.pdf import _lines, _same_paragraph

    # a title set twice, the first filling its line: the second is not its next line
    title = "Les chiffres clés de la mobilité :"
    words = [{**w, "size": 16.0} for w in _row([(title, 40)], 100) + _row([(title, 40)], 118)]
    first, second = _lines(words, 10.0)
    assert first.is_title and second.is_title
    right = first.x1 + 20  # less room than the next line's first word takes
    assert not _same_paragraph([first], second, 2.0, right)
    # a title cut on a word no title ends on goes on to its next line
    cut = [{**w, "size": 16.0} for w in _row([("Les chiffres clés de la", 40)], 100)]
    cut += [{**w, "size": 16.0} for w in _row([("Mobilité", 40)], 118)]
    first, second = _lines(cut, 10.0)
    assert _same_paragraph([first], second, 2.0, 400.0)


def test_a_sentence_ending_a_line_of_a_paragraph_in_a_box_does_not_end_the_paragraph() -> None:
    from pipelines.read.pdf import _lines, _same_paragraph

    # a box 150 points wide within a column 260 points wide: its full lines end at 190
    rows = [("un texte dans un encadré qui", 100), ("remplit la ligne du cadre.", 110)]
    words = [w for text, top in rows for w in _row([(text, 40)], top)]
    words += _row([("Le", 40)], 120)
    first, second, third = _lines(words, 8.0)
    box_edge = max(first.x1, second.x1)
    assert box_edge < 260 - 30
    assert _same_paragraph([first, second], third, 2.0, 260.0)
