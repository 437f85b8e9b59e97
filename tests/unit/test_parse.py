"""The French parse of sentences that hold a figure, and its cache by sentence."""

from __future__ import annotations

from pathlib import Path

from pipelines.extract.parse import ParseCache, prepared
from pipelines.extract.quantified import counted_phrase

LINE = "- ◆ 48 137 foyers RSA dont 63 % de femmes"


def test_the_parser_sees_one_number_where_the_report_prints_one() -> None:
    assert prepared(LINE) == "    48.137 foyers RSA dont 63 % de femmes"
    assert len(prepared(LINE)) == len(LINE)


def test_a_parse_is_cached_by_sentence_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "parses.sqlite"
    first = ParseCache(path)
    parsed = first.parse_all([LINE, "Une ligne sans chiffre"])
    assert list(parsed) == [LINE] and first.parsed == 1
    words = parsed[LINE].words
    number = next(w for w in words if w.text == "48 137")  # the line's own characters
    assert words[number.head].text == "foyers" and number.dep == "nummod"
    again = ParseCache(path)  # another process: nothing parsed, the same words
    assert again.parse_all([LINE])[LINE].words == words and again.parsed == 0


def test_an_unreadable_cache_file_is_set_aside_and_parsing_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "parses.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    cache = ParseCache(path)
    assert LINE in cache.parse_all([LINE])
    assert (tmp_path / "parses.sqlite.unreadable").read_bytes().startswith(b"not a database")
    assert ParseCache(path).parse_all([LINE])[LINE].words == cache.parse_all([LINE])[LINE].words


def test_the_label_is_the_noun_the_number_modifies_with_its_complements() -> None:
    cache = ParseCache()
    for line, span, label in [
        (LINE, "48 137", "foyers RSA"),
        ("Le Département a soutenu 162 aides aux projets culturels.", "162",
         "aides aux projets culturels"),
        ("Ce sont 6,8 millions de repas qui sont produits.", "6,8 millions", "repas"),
        ("Au total, 320 personnes ont été accompagnées.", "320", "personnes accompagnées"),
    ]:  # fmt: skip
        parse = cache.parse_all([line])[line]
        start = line.index(span)
        assert counted_phrase(parse, start, start + len(span)) == label, line


def test_a_cache_another_process_holds_locked_is_left_alone(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "parses.sqlite"
    ParseCache(path).parse_all([LINE])
    holder = sqlite3.connect(path)
    holder.execute("begin exclusive")  # another build writing
    try:
        other = "- ◆ 6 354 secours d'urgence (SU) : 1,5 M€"
        parsed = ParseCache(path, timeout=0.1).parse_all([LINE, other])
        assert set(parsed) == {LINE, other}  # parsed here, not lost
    finally:
        holder.rollback()
        holder.close()
    assert not (tmp_path / "parses.sqlite.unreadable").exists()
    assert ParseCache(path).parse_all([LINE])[LINE].words  # the cache still serves
