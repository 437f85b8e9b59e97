"""A page's characters read by pdfium, as pdfplumber's character records: the cheap path.

pdfplumber's characters come from pdfminer, which interprets each page's content stream in
Python: nine tenths of the PDF reader's time. pdfium (pypdfium2) interprets it in C, about
thirty times faster, and gives the same characters in the same order (their font named
without its subset tag: `DejaVuSans` where pdfminer says `AAAAAA+DejaVuSans`, so two subsets
of one font do not part words). `plain_page` returns a page whose characters it can give as
pdfminer would, and None for every page that needs pdfplumber's own reading:

- a page that strokes a rule or draws a line (a ruled table: pdfplumber's table finder),
  or that holds a form XObject (its own content stream, with its own rules);
- a page turned by `/Rotate`, with a crop box other than its media box, or whose media box
  does not start at the origin (coordinates pdfplumber shifts);
- a page with a character drawn turned, mirrored or skewed, whose font has no usable
  `ToUnicode` map (pdfminer writes "(cid:N)" where pdfium guesses), or an embedded font
  named as one of the 14 standard fonts (pdfminer takes their metrics from its tables);
- a page without text (an empty page, a scan: its finding says which).

On a plain page every character keeps pdfminer's geometry: x0 at the glyph's origin, x1 at
its origin plus its advance (where an italic glyph's ink reaches further, pdfium's box ends
at the ink: the next character of the run tells where the advance ends), the bottom at the
baseline plus the font's descent, the height the font size. pdfium keeps advances as whole
thousandths of the font size where a font's widths may have decimals, so a position may
drift by a fraction of a point along a line; the reader's tolerances are points wide
(`LayoutSettings`). Read both ways, the shipped PDF and the renditions give the same blocks
(tests/unit/test_pdf_chars.py, tests/regression_2022/test_read_pdf.py).
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass, field

from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.utils.text import WordExtractor, extract_text

from pipelines.read import PDFIUM_LOCK
from pipelines.read.pdf_layout import LAYOUT

_PATH = 2  # FPDF_PAGEOBJ_PATH
_IMAGE = 3  # FPDF_PAGEOBJ_IMAGE
_FORM = 5  # FPDF_PAGEOBJ_FORM
_LINE_SEGMENTS = 3
_HYPHEN_MARK = 0x02
_MOVETO = 2  # FPDF_SEGMENT_MOVETO
_EPSILON = 1e-3  # points  # a path of a few segments may be a line ("m l", "m l h")


@dataclass
class PlainPage:
    """A page read by pdfium, with the part of pdfplumber's `Page` the reader uses."""

    width: float
    height: float
    chars: list[dict]
    images: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    rects: list[dict] = field(default_factory=list)
    rotation: int = 0

    def extract_words(self, extra_attrs: list[str], x_tolerance: float) -> list[dict]:
        extractor = WordExtractor(x_tolerance=x_tolerance, extra_attrs=extra_attrs)
        return extractor.extract_words(self.chars)

    def find_tables(self) -> list:
        return []  # a plain page strokes no rule: its tables, if any, are read by alignment

    def extract_text(self) -> str:
        """The page's text in lines, top to bottom, as pdfplumber's `Page.extract_text`."""
        return extract_text(self.chars)

    def close(self) -> None:
        self.chars = []


def _may_rule(page) -> bool:
    """Does the page draw a path pdfminer could take for a line or a stroked rectangle, or
    hold a form XObject? (A superset: such a page is read by pdfplumber, exactly.)"""
    import pypdfium2.raw as pdfium_c

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _FORM:
            return True
        if kind != _PATH:
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
            return True
        segments = pdfium_c.FPDFPath_CountSegments(obj)
        if stroke.value or segments <= _LINE_SEGMENTS or _hairline_path(obj):
            return True
        # several subpaths in one path ("m l m l ... f"): pdfminer may split them into lines
        for segment in range(1, segments):
            kind = pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj, segment))
            if kind == _MOVETO:
                return True
    return False


def _hairline_path(obj) -> bool:
    """A filled path as thin as a rule (a browser's cell border): the page has rules."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return False
    thin, long = sorted((right.value - left.value, top.value - bottom.value))
    return thin <= LAYOUT.hairline and long >= LAYOUT.hairline_length


def _images(page) -> list[dict]:
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    return [
        {"object_type": "image"}
        for index in range(count)
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, index)) == _IMAGE
    ]


def _fills(page, height: float) -> list[dict]:
    """The filled paths' boxes (shaded rows, colour bands) as pdfplumber's `rects`."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    rects = []
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != _PATH:
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value:
            continue
        if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            rects.append(
                {"x0": left.value, "x1": right.value, "top": height - top.value,
                 "bottom": height - bottom.value, "width": right.value - left.value,
                 "height": top.value - bottom.value, "fill": True, "stroke": False}
            )  # fmt: skip
    return rects


def plain_page(pdf, index: int) -> PlainPage | None:
    """The page (0-based) of an open `pypdfium2.PdfDocument` read by pdfium, or None when it
    is not plain (see the module's docstring): pdfplumber reads it."""
    with PDFIUM_LOCK:
        return _plain_page(pdf, index)


def _plain_page(pdf, index: int) -> PlainPage | None:
    page = pdf[index]
    try:
        if page.get_rotation() or page.get_cropbox() != page.get_mediabox():
            return None
        x_origin, y_origin, _, top_edge = page.get_mediabox()
        if x_origin or y_origin or _may_rule(page):
            return None
        text_page = page.get_textpage()
        try:
            chars = _chars(text_page, top_edge)
        finally:
            text_page.close()
        if not chars:
            return None
        return PlainPage(
            page.get_width(), page.get_height(), chars, _images(page), rects=_fills(page, top_edge)
        )
    finally:
        page.close()


class _NotPlain(Exception):
    """A character pdfium cannot give as pdfminer would."""


def _chars(text_page, height: float) -> list[dict] | None:
    try:
        chars = _spaces_kept(list(_iter_chars(text_page, height)))
    except _NotPlain:
        return None
    # where a glyph's ink reaches past its advance (an italic f), pdfium's box ends at the
    # ink: the next character of the same run, on the same baseline, starts where it ends
    for char, following in itertools.pairwise(chars):
        if (
            char.pop("ink_ends")
            and following["run"] == char["run"]
            and following["top"] == char["top"]
            and char["x0"] < following["x0"] < char["x1"]
        ):
            char["x1"] = following["x0"]
    if chars:
        chars[-1].pop("ink_ends")
    for char in chars:
        del char["run"]
    return chars


def _spaces_kept(chars: list[dict]) -> list[dict]:
    """The spaces pdfium generated, kept as a space character between two characters of one
    line whose gap is narrower than the word tolerance: pdfium saw a word break (the page's
    own space glyph, in a text object of its own, as browsers write them) where the gap alone
    would join the words ("FARDA" + "équipement"). Not between two digits: pdfium generates
    some of the thin spaces that group a number's thousands and not others ("2708 881")."""
    kept: list[dict] = []
    for index, char in enumerate(chars):
        if "generated" not in char:
            kept.append(char)
            continue
        before = kept[-1] if kept else None
        following = index + 1
        while following < len(chars) and "generated" in chars[following]:
            following += 1
        after = chars[following] if following < len(chars) else None
        if (
            before is not None
            and after is not None
            and abs(before["top"] - after["top"]) < LAYOUT.same_line
            and 0 < after["x0"] - before["x1"] <= LAYOUT.word_tolerance
            # between digits, a thin space groups thousands ("2 708 881"), read either way
            and not (before["text"].isdigit() and after["text"].isdigit())
        ):
            kept.append({**before, "text": " ", "x0": before["x1"], "x1": after["x0"],
                         "ink_ends": False})  # fmt: skip
    return kept


def _iter_chars(text_page, height: float):
    import pypdfium2.raw as pdfium_c

    raw = text_page.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    ink_left, ink_right, ink_bottom, ink_top = (ctypes.c_double() for _ in range(4))
    matrix = pdfium_c.FS_MATRIX()
    descent = ctypes.c_float()
    name = ctypes.create_string_buffer(256)
    # per text object: its font's name, the descent of its characters and their size
    objects: dict[int, tuple[str, float, float]] = {}
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, i):
            # a space or line break pdfium adds between runs; a space where the page drew
            # one that pdfium does not report (a space glyph of its own text object) is
            # marked, and kept where the words it parts sit too close to part by their gap
            if pdfium_c.FPDFText_GetUnicode(raw, i) == ord(" "):
                yield {"generated": True}
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, i) or 0xD800 <= code <= 0xDFFF:
            raise _NotPlain
        text_object = pdfium_c.FPDFText_GetTextObject(raw, i)
        if not text_object:
            raise _NotPlain
        key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
        if key not in objects:
            objects[key] = _object_font(raw, i, text_object, matrix, descent, name)
        fontname, lowest, size = objects[key]
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, box) or not pdfium_c.FPDFText_GetCharBox(
            raw, i, ink_left, ink_right, ink_bottom, ink_top
        ):
            raise _NotPlain
        lower = y.value + lowest
        yield {
            # pdfium marks a line-end hyphen as U+0002; the page draws a hyphen-minus
            "text": "-" if code == _HYPHEN_MARK else chr(code),
            "fontname": fontname,
            "size": size,
            "upright": True,
            # the box starts at the glyph's origin (pdfium's may start at its ink, left of it)
            "x0": x.value,
            "x1": box.right,
            "top": height - (lower + size),
            "bottom": height - lower,
            "doctop": height - (lower + size),
            "object_type": "char",
            "run": key,
            "ink_ends": ink_right.value >= box.right - _EPSILON,
        }


def _object_font(raw, i, text_object, matrix, descent, name) -> tuple[str, float, float]:
    """The font name of a text object, how far its characters reach below their baseline,
    and their size (the font size scaled by the object's matrix), as pdfminer computes."""
    import pypdfium2.raw as pdfium_c

    if not pdfium_c.FPDFText_GetMatrix(raw, i, matrix):
        raise _NotPlain
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    if b or c or a <= 0 or d <= 0:
        raise _NotPlain  # turned, mirrored or skewed: pdfplumber's reading
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    written = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name)) if font else 0
    if not font or written <= 0 or not pdfium_c.FPDFFont_GetDescent(font, 1.0, descent):
        raise _NotPlain
    fontname = name.value.decode("latin-1")
    lowest = descent.value
    if fontname in FONT_METRICS:
        # one of the 14 standard fonts: pdfminer takes its metrics from its own tables,
        # pdfium from the font it substitutes; an embedded one keeps pdfplumber's reading
        if pdfium_c.FPDFFont_GetIsEmbedded(font):
            raise _NotPlain
        lowest = float(FONT_METRICS[fontname][0]["Descent"]) / 1000  # type: ignore[arg-type]
    font_size = ctypes.c_float()
    if not pdfium_c.FPDFTextObj_GetFontSize(text_object, font_size):
        raise _NotPlain
    size = font_size.value * d
    if size <= 0:
        raise _NotPlain  # pdfminer turns such a box around: its reading
    return fontname, lowest * size, size
