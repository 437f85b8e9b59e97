"""Reader for the text export of the report (UTF-8, one paragraph per line, TAB tables).

Headings are recognised by shape (a line in capitals) or by the report's recurring titles
(its département catalog's `section_titles`); TAB-separated lines form tables, and
Markdown rule lines (`---|---`) between them are layout, not data. The inline markup
(`**bold**`, `<p>`) is read into the lines' fields: their text holds the words only, and
the line as the file has it stays their `source_text`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pipelines.read import SourceError, normalise_text
from pipelines.read.departement import report_departement
from pipelines.read.document import (
    MARKERS,
    Document,
    Location,
    Section,
    Span,
    Table,
    TableRow,
    TextLine,
)
from pipelines.read.report_year import report_year
from schemas.catalog import ReportStructure, load_entity_catalog

# `---|---` or `--<TAB>-----`: a Markdown table rule, layout only
_MARKDOWN_RULE = re.compile(r"^[\s|:]*-{2,}[\s|:\-]*$")
# the export's inline markup: `**` or `__` around bold words, HTML tags between words
_MARKUP = re.compile(r"\*\*|__|</?p>|<br\s*/?>")
_BOLD_MARKS = ("**", "__")
_MOJIBAKE = re.compile(r"Ã[©¨ª‰¢´®§]|Ã\u00a0|â€")


def is_heading(text: str, structure: ReportStructure | None = None) -> bool:
    """A section title: a short line in capitals without figures, or a recurring title of
    the report (`structure`)."""
    stripped = text.strip()
    if not stripped or "\t" in text or len(stripped) > 90:
        return False
    if structure is not None and structure.is_section_title(stripped):
        return True
    letters = [c for c in stripped if c.isalpha()]
    return (
        len(letters) >= 5
        and stripped[0] not in MARKERS + "("
        and not any(c.isdigit() for c in stripped)
        and stripped == stripped.upper()
    )


def split_markup(text: str) -> tuple[str, tuple[Span, ...]]:
    """The words of a line (or cell) of the export, and the character ranges of them that its
    markup sets in bold.

    `**35 551** demandes` is `35 551 demandes` with 0..6 in bold; a bold run left open runs
    to the end of the line. A `<p>` or `<br>` tag separates words: `<p>1</p><p>ARRAGEOIS</p>`
    is `1 ARRAGEOIS`. The words are stripped."""
    out = ""
    bold: list[Span] = []
    opened: dict[str, int | None] = {}  # `**` or `__`: where its run starts (None: next words)
    tag_before = False  # a tag since the last words: a space unless one is there already

    def add(chunk: str) -> None:
        nonlocal out, tag_before
        if not chunk:
            return
        if tag_before and out and not out[-1].isspace() and not chunk[0].isspace():
            out += " "
        tag_before = False
        for mark, start in opened.items():
            opened[mark] = len(out) if start is None else start
        out += chunk

    position = 0
    for match in _MARKUP.finditer(text):
        add(text[position : match.start()])
        position = match.end()
        mark = match.group(0)
        if mark not in _BOLD_MARKS:
            tag_before = True
        elif mark not in opened:
            opened[mark] = None
        elif (start := opened.pop(mark)) is not None and len(out) > start:
            bold.append((start, len(out)))
    add(text[position:])
    bold += [(start, len(out)) for start in opened.values() if start is not None]
    lead = len(out) - len(out.lstrip())
    words = out.strip()
    runs: list[Span] = []
    for start, end in sorted(bold):
        start, end = max(start - lead, 0), min(end - lead, len(words))
        if runs and start < runs[-1][1]:  # `**` and `__` runs that overlap make one run
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        elif end > start:
            runs.append((start, end))
    return words, tuple(runs)


def decode_export(raw: bytes, source_file: str) -> str:
    """Strict UTF-8, with a clear message for the usual ways an export gets damaged; the
    text normalised once (`normalise_text`: NFC, straight quotes)."""
    if b"\x00" in raw[:4096]:
        raise SourceError(f"{source_file}: binary content (NUL bytes), not a text export")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(
            f"{source_file}: not valid UTF-8 at byte {err.start} "
            "(re-encoded export? the text export must be UTF-8)"
        ) from err
    if _MOJIBAKE.search(text):
        sample = _MOJIBAKE.search(text)
        assert sample is not None
        raise SourceError(
            f"{source_file}: text looks double-encoded ({sample.group(0)!r} for an accented "
            "letter): the export was re-encoded; convert it back to UTF-8"
        )
    return normalise_text(text.lstrip("\ufeff"))


def read_text_export(path: Path, departement: str | None = None) -> Document:
    """Read the text export into sections of lines and tables (`departement`: its code, when
    given rather than read from the text)."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    raw = path.read_bytes()
    source_file = path.name
    text = decode_export(raw, source_file)
    if not text.strip():
        raise SourceError(f"{source_file}: empty file")
    year = report_year(text, path)
    whose = report_departement(text, departement)
    structure = load_entity_catalog(whose.code).structure
    document = parse_export(
        text, source_file, hashlib.sha256(raw).hexdigest(), year.year, structure
    )
    document.year_source = year.source
    document.departement_code, document.departement_source = whose.code, whose.source
    return document


def parse_export(
    text: str,
    source_file: str,
    sha256: str,
    report_year: int,
    structure: ReportStructure | None = None,
) -> Document:
    """The document model of an export's text: sections of lines and tables."""
    sections = [Section(title="", location=Location(source_file, line=1))]
    pending_rows: list[TableRow] = []
    previous_blank = True

    def flush_table() -> None:
        if pending_rows:
            sections[-1].blocks.append(Table(tuple(pending_rows), pending_rows[0].location))
            pending_rows.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        location = Location(source_file, line=number)
        if pending_rows and _MARKDOWN_RULE.match(line):
            continue
        if "\t" in line:
            printed = [c.strip() for c in line.split("\t")]
            while printed and not printed[-1]:
                printed.pop()
            cells = tuple(split_markup(c)[0].strip() for c in printed)
            as_printed = tuple(printed)
            pending_rows.append(
                TableRow(cells, location, as_printed if cells != as_printed else None)
            )
            previous_blank = False
            continue
        flush_table()
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if is_heading(stripped, structure):
            sections.append(Section(title=split_markup(stripped)[0], location=location))
        else:
            indent = len(line) - len(line.lstrip(" "))
            words, bold = split_markup(stripped)
            sections[-1].blocks.append(
                TextLine(
                    words,
                    location,
                    indent,
                    previous_blank,
                    bold=bold,
                    raw=stripped if words != stripped else None,
                )
            )
        previous_blank = False
    flush_table()

    return Document(
        source_file=source_file,
        source_kind="text",
        sha256=sha256,
        report_year=report_year,
        sections=sections,
    )
